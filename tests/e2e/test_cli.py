"""The command-line contract, through the real ``cnaim-desk`` in subprocesses: commands and
options, ``--json`` output, and exit statuses (0 done, 1 refused, 2 usage, 3 nothing to do).
"""

from __future__ import annotations

import json
import sqlite3
import stat
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from cnaim_desk.journal.journal import Journal
from cnaim_desk.resources import resources_dir

LISBON = ZoneInfo("Europe/Lisbon")
TICKET_FIELDS = {
    "id",
    "code",
    "service",
    "status",
    "priority",
    "language",
    "issued_at",
    "position",
    "expected_wait_minutes",
}


def _assert_ticket(ticket: dict, **expected) -> None:
    assert set(ticket) >= TICKET_FIELDS, set(ticket)
    issued = datetime.fromisoformat(ticket["issued_at"])
    assert issued.utcoffset() is not None, ticket["issued_at"]
    # The offset is Lisbon's on that date (+00:00 in winter, +01:00 in summer).
    assert issued.utcoffset() == issued.astimezone(LISBON).utcoffset(), ticket["issued_at"]
    assert abs(issued - datetime.now(UTC)) < timedelta(hours=1)
    for name, value in expected.items():
        assert ticket[name] == value, (name, ticket)


def _counts(root) -> tuple[int, int, int]:
    connection = sqlite3.connect(f"file:{root / 'journal.sqlite'}?mode=ro", uri=True)
    try:
        return tuple(
            connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("doc_update", "event", "ticket")
        )
    finally:
        connection.close()


def test_init_sets_up_a_standalone_desk_once(tmp_path, cli):
    root = tmp_path / "reception"
    made = cli(
        "init",
        "--centre",
        "algarve",
        "--desk",
        "R2",
        "--role",
        "reception",
        "--json",
        data_dir=root,
    ).expect(0)
    info = made.json()
    assert {k: info[k] for k in ("desk", "centre", "role", "slot")} == {
        "desk": "R2",
        "centre": "algarve",
        "role": "reception",
        "slot": 0,
    }
    assert info["data_dir"] == str(root)
    assert stat.S_IMODE((root / "keys").stat().st_mode) == 0o700
    assert stat.S_IMODE((root / "keys" / "desk.pem").stat().st_mode) == 0o600
    with Journal.open_read_only(root, resources=resources_dir()) as journal:
        assert journal.registry()["R2"].public_key == info["public_key"]
    config = (root / "desk.json").read_text(encoding="utf-8")

    again = cli("init", "--centre", "norte", "--desk", "C1", "--role", "counter", data_dir=root)
    again.refused("already set up")
    assert (root / "desk.json").read_text(encoding="utf-8") == config

    # a malformed desk id is a usage error, like any malformed option
    bad_id = cli(
        "init", "--centre", "lisboa", "--desk", "r1", "--role", "board", data_dir=tmp_path / "x"
    )
    bad_id.expect(2)
    assert "'r1' is not a desk id" in bad_id.stderr
    assert not (tmp_path / "x" / "desk.json").exists()

    usage = cli("init", "--centre", "porto", "--desk", "R1", "--role", "reception", data_dir=root)
    usage.expect(2)
    assert "invalid choice: 'porto'" in usage.stderr


def test_the_data_dir_can_come_from_the_environment(tmp_path, cli):
    root = tmp_path / "from-env"
    env = {"CNAIM_DESK_DATA_DIR": str(root)}
    cli("init", "--centre", "norte", "--desk", "B1", "--role", "board", env=env).expect(0)
    issued = cli("ticket", "issue", "--service", "GAT", "--json", env=env).expect(0).json()
    _assert_ticket(issued, code="G001", service="GAT", status="waiting")
    with Journal.open_read_only(root, resources=resources_dir()) as journal:
        assert journal.config.desk == "B1"
        assert journal.ticket(issued["id"]).code == "G001"
    # --data-dir wins over the environment.
    elsewhere = {"CNAIM_DESK_DATA_DIR": str(tmp_path / "nothing-here")}
    listed = cli("ticket", "list", "--json", data_dir=root, env=elsewhere).expect(0).json()
    assert [t["id"] for t in listed] == [issued["id"]]


@pytest.mark.slow
def test_a_day_at_the_counter(desk_dir, cli):
    def run(*args, status=0):
        return cli(*args, data_dir=desk_dir).expect(status)

    plain = run("ticket", "issue", "--service", "SS", "--json").json()
    _assert_ticket(
        plain,
        code="S001",
        service="SS",
        status="waiting",
        priority=None,
        language="pt",
        position=0,
        expected_wait_minutes=None,
    )
    assert plain["day"] == datetime.fromisoformat(plain["issued_at"]).date().isoformat()
    second = run("ticket", "issue", "--service", "ss", "--lang", "uk", "--json").json()
    _assert_ticket(second, code="S002", language="uk", position=1)
    elderly = run(
        "ticket", "issue", "--service", "SS", "--priority", "elderly", "--lang", "ar", "--json"
    ).json()
    # A later elderly arrival goes ahead of the plain ones.
    _assert_ticket(elderly, code="S003", priority="elderly", language="ar", position=0)

    called = run("ticket", "call", "--desk", "C1", "--service", "SS", "--json").json()
    _assert_ticket(called, id=elderly["id"], status="called", position=None)
    assert called["called_by"] == "C1"
    recalled = run("ticket", "recall", "S003", "--json").json()
    _assert_ticket(recalled, status="called", code="S003")
    assert recalled["recalls"] == 1
    _assert_ticket(run("ticket", "start", "S003", "--json").json(), status="serving")
    _assert_ticket(run("ticket", "finish", "S003", "--json").json(), status="done")

    next_call = run("ticket", "call", "--desk", "C2", "--json").json()
    _assert_ticket(next_call, id=plain["id"], status="called")
    _assert_ticket(run("ticket", "no-show", "s001", "--json").json(), status="no_show")
    back = run("ticket", "reinstate", "S001", "--json").json()
    # Back in the queue with the original arrival: ahead of S002 again, and now SS has a
    # served ticket to estimate from.
    _assert_ticket(back, status="waiting", position=0)
    assert isinstance(back["expected_wait_minutes"], int)
    assert back["expected_wait_minutes"] >= 1

    referred = run("ticket", "refer", "S002", "--to", "aima", "--json").json()
    _assert_ticket(
        referred, id=second["id"], code="S002", service="AIMA", status="referred", position=0
    )
    assert referred["referred_from"] == "SS"
    cancelled = run("ticket", "cancel", plain["id"], "--json").json()  # by id this time
    _assert_ticket(cancelled, code="S001", status="cancelled", position=None)

    everything = run("ticket", "list", "--json").json()
    assert isinstance(everything, list)
    assert [(t["code"], t["status"]) for t in everything] == [
        ("S001", "cancelled"),
        ("S002", "referred"),
        ("S003", "done"),
    ]
    for ticket in everything:
        _assert_ticket(ticket)
    only = run("ticket", "list", "--status", "referred", "--json").json()
    assert [(t["code"], t["service"]) for t in only] == [("S002", "AIMA")]

    report = run("journal", "check", "--json").json()
    assert report["ok"] is True
    assert report["problems"] == []
    assert (report["tickets"], report["quarantined"]) == (3, 0)
    rebuilt = run("journal", "rebuild", "--json").json()
    assert rebuilt == {"events": report["events"]}
    text = run("ticket", "list").stdout
    assert [line.split()[0] for line in text.splitlines()] == ["S001", "S002", "S003"]
    assert "AIMA" in text.splitlines()[1]


@pytest.mark.slow
def test_refusals_usage_errors_and_nothing_to_do(desk_dir, tmp_path, cli):
    with Journal.open(desk_dir, resources=resources_dir()) as journal:
        waiting = journal.issue("SS")
    before = _counts(desk_dir)

    def run(*args):
        return cli(*args, data_dir=desk_dir)

    run("ticket", "issue", "--service", "XYZ", "--json").refused("no service 'XYZ'")
    run("ticket", "finish", waiting.code, "--json").refused("S001", "cannot be finished")
    run("ticket", "start", "S999").refused("no ticket S999")
    run("ticket", "refer", "S001", "--to", "SS").refused("already at SS")
    run("ticket", "refer", "S001", "--to", "NOPE").refused("no service 'NOPE'")

    usage = run("ticket", "list", "--status", "lost", "--json").expect(2)
    assert "invalid choice: 'lost'" in usage.stderr
    assert usage.stdout == ""
    missing = run("ticket", "issue", "--json").expect(2)
    assert "--service" in missing.stderr

    nobody = run("ticket", "call", "--desk", "C1", "--service", "AIMA", "--json").expect(3)
    assert json.loads(nobody.stdout) == {"called": None}
    assert "No one is waiting for AIMA" in nobody.stderr

    assert _counts(desk_dir) == before
    cli("ticket", "list", data_dir=tmp_path / "empty").refused("No desk is set up")


def test_journal_check_reports_a_damaged_table_and_rebuild_repairs_it(desk_dir, cli):
    with Journal.open(desk_dir, resources=resources_dir()) as journal:
        ticket = journal.issue("MS", language="hi")
    connection = sqlite3.connect(desk_dir / "journal.sqlite")
    with connection:
        connection.execute("UPDATE ticket SET status = 'done' WHERE id = ?", (ticket.id,))
    connection.close()

    damaged = cli("journal", "check", data_dir=desk_dir).expect(1)
    assert f"problem: q/lisboa/{ticket.day} ticket M001: status is 'done'" in damaged.stdout
    assert "The journal has problems." in damaged.stdout

    rebuilt = cli("journal", "rebuild", data_dir=desk_dir).expect(0)
    assert "Rebuilt the tables from 1 event" in rebuilt.stdout
    sound = cli("journal", "check", "--json", data_dir=desk_dir).expect(0).json()
    assert (sound["ok"], sound["tickets"], sound["problems"]) == (True, 1, [])
    with Journal.open_read_only(desk_dir, resources=resources_dir()) as journal:
        assert journal.ticket(ticket.id).status.value == "waiting"
