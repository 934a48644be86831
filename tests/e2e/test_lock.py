"""One writer at a time: a second writer is refused with a message naming the holder,
reading commands work beside the writer, and a killed holder leaves the desk free."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys

import pytest

from cnaim_desk.journal.journal import Journal
from cnaim_desk.journal.lock import DeskBusy
from cnaim_desk.resources import resources_dir


def _updates(root) -> int:
    connection = sqlite3.connect(f"file:{root / 'journal.sqlite'}?mode=ro", uri=True)
    try:
        return connection.execute("SELECT count(*) FROM doc_update").fetchone()[0]
    finally:
        connection.close()


def test_a_second_writer_is_refused_while_readers_carry_on(desk_dir, cli):
    with Journal.open(desk_dir, resources=resources_dir(), purpose="reception window") as held:
        ticket = held.issue("SS")
        before = _updates(desk_dir)

        refused = cli("ticket", "issue", "--service", "SS", data_dir=desk_dir).expect(1)
        assert "reception window" in refused.stderr
        assert f"process {os.getpid()}" in refused.stderr
        assert refused.stderr.startswith("cnaim-desk: ")
        assert "Traceback" not in refused.stderr
        assert refused.stdout == ""
        assert _updates(desk_dir) == before

        listing = cli("ticket", "list", "--json", data_dir=desk_dir).expect(0).json()
        assert [t["code"] for t in listing] == [ticket.code]
        check = cli("journal", "check", data_dir=desk_dir).expect(0)
        assert "The journal is sound." in check.stdout

        # The writer carries on after them.
        assert held.issue("SS").code == "S002"

        # In the same process, too, a second writer is refused.
        with pytest.raises(DeskBusy, match="reception window"):
            Journal.open(desk_dir, resources=resources_dir())


def test_a_killed_holder_leaves_the_desk_free(desk_dir, cli, scripts):
    holder = subprocess.Popen(
        [sys.executable, str(scripts / "hold_journal.py"), str(desk_dir), "counter window"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        ready = holder.stdout.readline()
        assert ready == f"READY {holder.pid}\n", ready or holder.stderr.read()

        refused = cli("journal", "rebuild", data_dir=desk_dir).expect(1)
        assert "counter window" in refused.stderr
        assert f"process {holder.pid}" in refused.stderr

        holder.send_signal(signal.SIGKILL)
        assert holder.wait(timeout=30) == -signal.SIGKILL
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()
        holder.stdout.close()
        holder.stderr.close()

    issued = cli("ticket", "issue", "--service", "SS", "--json", data_dir=desk_dir).expect(0)
    assert issued.json()["code"] == "S001"


def test_readers_work_beside_a_writer_that_is_busy_writing(desk_dir, cli, scripts):
    writer = subprocess.Popen(
        [sys.executable, str(scripts / "issue_loop.py"), str(desk_dir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout.readline() == "READY\n", writer.stderr.read()
        assert writer.stdout.readline().startswith("ACK ")
        check = cli("journal", "check", "--json", data_dir=desk_dir).expect(0).json()
        assert check["ok"] is True, check["problems"]
        listing = cli("ticket", "list", "--json", data_dir=desk_dir).expect(0).json()
        assert len(listing) >= check["tickets"] >= 1
        refused = cli("ticket", "issue", "--service", "SS", data_dir=desk_dir).expect(1)
        assert f"issue loop (process {writer.pid}" in refused.stderr
        assert writer.poll() is None  # it was writing all along
    finally:
        writer.kill()
        writer.wait()
        writer.stdout.close()
        writer.stderr.close()
