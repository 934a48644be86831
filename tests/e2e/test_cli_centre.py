"""A centre of several desks set up from the command line, through the real
``cnaim-desk`` in subprocesses: ``centre init``, ``enroll`` and ``join``."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time


def test_a_centre_is_set_up_and_a_desk_joins_it(tmp_path, cli):
    supervisor, reception = tmp_path / "R1", tmp_path / "R2"
    made = cli(
        "centre", "init", "--centre", "lisboa", "--desk", "R1", "--json", data_dir=supervisor
    ).expect(0)
    assert made.json() | {"data_dir": ""} == {
        "desk": "R1",
        "centre": "lisboa",
        "role": "reception",
        "slot": 1,
        "data_dir": "",
    }
    out = tmp_path / "R2.enrol"
    enrolled = (
        cli(
            "enroll",
            "--desk",
            "R2",
            "--role",
            "reception",
            "--out",
            str(out),
            "--json",
            data_dir=supervisor,
        )
        .expect(0)
        .json()
    )
    assert (enrolled["desk"], enrolled["slot"]) == ("R2", 2)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600  # it holds the new desk's keys

    wrong = "AAAA-AAAA-AAAA" if enrolled["code"] != "AAAA-AAAA-AAAA" else "BBBB-BBBB-BBBB"
    cli("join", str(out), "--code", wrong, data_dir=reception).refused("The code does not open")
    assert not (reception / "desk.json").exists()

    joined = (
        cli("join", str(out), "--code", enrolled["code"], "--json", data_dir=reception)
        .expect(0)
        .json()
    )
    assert (joined["desk"], joined["slot"], joined["desks"]) == ("R2", 2, ["R1", "R2"])
    ticket = (
        cli("ticket", "issue", "--service", "SS", "--json", data_dir=reception).expect(0).json()
    )
    assert ticket["number"] == 200  # its own slot's numbers

    # only the supervisor's desk enrols, and an id is enrolled once
    cli(
        "enroll",
        "--desk",
        "C4",
        "--role",
        "counter",
        "--out",
        str(tmp_path / "C4.enrol"),
        data_dir=reception,
    ).refused("does not hold the centre's certificate authority")
    cli(
        "enroll",
        "--desk",
        "R2",
        "--role",
        "reception",
        "--out",
        str(tmp_path / "x.enrol"),
        data_dir=supervisor,
    ).refused("Desk R2 is enrolled already")
    # a board-only PC shows what the desks send it: it has no queue to sync as a node
    board = tmp_path / "B1"
    enrolment = (
        cli("enroll", "--desk", "B1", "--role", "board", "--out", str(tmp_path / "B1.enrol"),
            "--json", data_dir=supervisor)
        .expect(0)
        .json()
    )  # fmt: skip
    cli("join", str(tmp_path / "B1.enrol"), "--code", enrolment["code"], data_dir=board).expect(0)
    cli("node", "--peer", "127.0.0.1:9", data_dir=board).refused("is a board-only PC")
    revoked = cli("revoke", "--desk", "R2", "--json", data_dir=supervisor).expect(0).json()
    assert revoked == {"desk": "R2", "role": "reception", "revoked": True}
    cli("revoke", "--desk", "R2", data_dir=supervisor).refused("revoked already")
    cli("revoke", "--desk", "R1", data_dir=supervisor).refused("cannot revoke itself")


def _start_node(data_dir, *args):
    """A ``cnaim-desk node`` process, once it says where it listens (or has started)."""
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "cnaim_desk",
            "--data-dir",
            str(data_dir),
            "node",
            *args,
            "--no-discovery",
            "--json",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    )
    return process


def _codes(cli, data_dir) -> list[str]:
    return sorted(
        t["code"] for t in cli("ticket", "list", "--json", data_dir=data_dir).expect(0).json()
    )


def test_two_desks_sync_as_separate_processes_and_stop_cleanly_on_sigterm(tmp_path, cli):
    first, second = tmp_path / "R1", tmp_path / "R2"
    cli("centre", "init", "--centre", "lisboa", "--desk", "R1", data_dir=first).expect(0)
    out = tmp_path / "R2.enrol"
    code = (
        cli(
            "enroll",
            "--desk",
            "R2",
            "--role",
            "reception",
            "--out",
            str(out),
            "--json",
            data_dir=first,
        )
        .expect(0)
        .json()["code"]
    )
    cli("join", str(out), "--code", code, data_dir=second).expect(0)
    cli("ticket", "issue", "--service", "SS", data_dir=first).expect(0)
    cli("ticket", "issue", "--service", "AIMA", data_dir=second).expect(0)
    assert _codes(cli, first) != _codes(cli, second)

    listening = _start_node(first, "--listen", "127.0.0.1:0")
    peer = None
    try:
        line = listening.stdout.readline()
        address = json.loads(line)["listening"]
        peer = _start_node(second, "--peer", address)
        deadline = time.monotonic() + 20
        while _codes(cli, first) != _codes(cli, second) or len(_codes(cli, first)) < 2:
            assert time.monotonic() < deadline, "the desks did not converge"
            time.sleep(0.2)
    finally:
        for process in (peer, listening):
            if process is not None:
                process.send_signal(signal.SIGTERM)
        for process in (peer, listening):
            if process is not None:
                assert process.wait(timeout=20) == 0, process.stderr.read()
    assert _codes(cli, first) == ["A200", "S100"]  # slots 1 and 2: no number twice


def test_a_desk_that_lost_its_journal_waits_or_goes_on_alone_when_told(tmp_path, cli):
    from tests.sync.centre import make_centre

    supervisor, desk = make_centre(tmp_path, ("R2", "reception"))
    desk.issue("SS")  # the morning's S200, now only on R1
    root = desk.data_dir.root
    supervisor.close()
    desk.close()
    for name in ("journal.sqlite", "journal.sqlite-wal", "journal.sqlite-shm"):
        (root / name).unlink(missing_ok=True)
    cli("ticket", "issue", "--service", "SS", data_dir=root).refused("lost its journal")
    cli("journal", "recovered", data_dir=tmp_path / "R1").refused("not waiting")
    told = cli("journal", "recovered", "--json", data_dir=root).expect(0).json()
    assert told == {"desk": "R2", "recovering": False, "tickets": 0}
    ticket = cli("ticket", "issue", "--service", "SS", "--json", data_dir=root).expect(0).json()
    assert ticket["code"] == "S200"  # what staff were warned of: the morning's number again
    cli("journal", "recovered", data_dir=root).refused("not waiting")
