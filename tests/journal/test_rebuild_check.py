"""Projections are rebuildable from the stored events, and ``check`` finds any row that
differs from a fresh fold of them."""

from __future__ import annotations

import json
import threading
from datetime import date, datetime

import pytest

from cnaim_desk.domain.clock import LISBON
from cnaim_desk.journal.journal import Journal
from cnaim_desk.resources import resources_dir

DAY_1 = datetime(2026, 6, 15, 9, 0, tzinfo=LISBON)  # Monday
DAY_2 = datetime(2026, 6, 16, 8, 30, tzinfo=LISBON)  # Tuesday


def _realistic_days(make_desk, reopen, clock) -> Journal:
    """Two days at a reception desk that also serves as counter: yesterday left open and
    closed at today's start, today with every kind of step, a second desk's tickets and
    a conflict, and one event from a desk nobody registered."""
    clock.set(DAY_1)
    desk = make_desk("R1")
    other = make_desk("R2", slot=2)
    stranger = make_desk("R3", slot=3)
    desk.register_desk("R2", "reception", 2, other.registry()["R2"].public_key)
    other.register_desk("R1", "reception", 0, desk.registry()["R1"].public_key)

    # Yesterday: one served, one called and never finished, two still waiting.
    served = desk.issue("SS")
    desk.issue("AIMA", priority="elderly", language="uk")
    desk.issue("MS", language="ar")
    at_counter = desk.issue("SS")
    clock.advance(minutes=5)
    assert desk.call_next("C1", ["SS"]).id == served.id
    clock.advance(minutes=1)
    desk.start(served.id)
    clock.advance(minutes=9)
    desk.finish(served.id, outcome="informed")
    desk.call(at_counter.id, "C1")

    # Today: opening the desk closes yesterday.
    clock.set(DAY_2)
    desk = reopen(desk)
    assert desk.today() == date(2026, 6, 16)
    desk.set_counter("C1", "open", ["SS", "AIMA"], technician="t-041")
    desk.set_counter("C2", "open", [])
    tickets = {}
    for name, service, extra in [
        ("plain_ss", "SS", {}),
        ("elderly_aima", "AIMA", {"priority": "elderly", "language": "uk"}),
        ("plain_aima", "AIMA", {"language": "en"}),
        ("ms", "MS", {"language": "hi"}),
        ("infant_ss", "SS", {"priority": "infant", "language": "bn"}),
        ("gat", "GAT", {"language": "zh-Hans"}),
        ("gav", "GAV", {}),
        ("late_ss", "SS", {"language": "pa"}),
    ]:
        clock.advance(minutes=2)
        tickets[name] = desk.issue(service, **extra)

    clock.advance(minutes=3)
    assert desk.call_next("C1", ["SS", "AIMA"]).id == tickets["elderly_aima"].id
    clock.advance(seconds=40)
    desk.recall(tickets["elderly_aima"].id, "C1")
    desk.start(tickets["elderly_aima"].id, "C1")
    clock.advance(minutes=12)
    desk.finish(tickets["elderly_aima"].id, "C1")

    assert desk.call_next("C2", ["SS"]).id == tickets["infant_ss"].id
    clock.advance(minutes=2)
    desk.no_show(tickets["infant_ss"].id, "C2")
    clock.advance(minutes=10)
    desk.reinstate(tickets["infant_ss"].id)

    assert desk.call_next("C1", ["SS", "AIMA"]).id == tickets["infant_ss"].id
    desk.start(tickets["infant_ss"].id, "C1")
    clock.advance(minutes=7)
    desk.refer(tickets["infant_ss"].id, "MS", reason="health-card")
    desk.cancel(tickets["gat"].id)
    desk.set_counter("C2", "paused", [])
    desk.call(tickets["plain_ss"].id, "C1")
    desk.start(tickets["plain_ss"].id, "C1")
    desk.record_reprint(tickets["ms"].id)

    # A second reception desk's ticket, called at both desks while they were apart.
    clock.advance(minutes=1)
    theirs = other.issue("SS", language="fr")
    desk.ingest(desk.today_doc(), other.updates_for(other.today_doc()))
    clock.advance(minutes=1)
    desk.call(theirs.id, "C2")
    other.call(theirs.id, "C3")
    desk.ingest(desk.today_doc(), other.updates_for(other.today_doc()))
    assert desk.ticket(theirs.id).conflicts == 1

    # And one event from a desk this centre never registered.
    stranger.issue("SS")
    change = desk.ingest(desk.today_doc(), stranger.updates_for(stranger.today_doc()))
    assert change.quarantined == 1
    return desk


@pytest.fixture
def busy_desk(make_desk, reopen, clock) -> Journal:
    return _realistic_days(make_desk, reopen, clock)


def _quarantine(desk, db):
    """What was quarantined, and why (the record's fields in any order)."""
    rows = db.dump(desk, "quarantine")  # id, doc, key, reason, record, received_ms
    found = [(doc, key, reason, json.loads(record)) for _, doc, key, reason, record, _ in rows]
    return sorted(found, key=lambda row: row[:3])


def test_rebuild_reproduces_every_projected_row(busy_desk, db):
    desk = busy_desk
    before = {table: db.dump(desk, table) for table in db.PROJECTED}
    quarantine_before = _quarantine(desk, db)
    # The days did what they were meant to, so the comparison below means something.
    statuses = {row[0]: row[7] for row in before["ticket"]}
    assert sorted(set(statuses.values())) == [
        "called",
        "cancelled",
        "closed",
        "done",
        "referred",
        "serving",
        "waiting",
    ]
    assert {row[0] for row in before["day"]} == {"2026-06-15", "2026-06-16"}
    assert [row[1] for row in before["counter"]] == ["C1", "C2"]
    assert len(before["event"]) >= 35
    assert len(quarantine_before) == 1

    assert desk.check().ok, desk.check().problems
    events = desk.rebuild()

    assert events == len(before["event"])
    for table in db.PROJECTED:
        assert db.dump(desk, table) == before[table], table
    assert _quarantine(desk, db) == quarantine_before
    report = desk.check()
    assert report.ok, report.problems
    assert (report.documents, report.events, report.quarantined) == (2, events, 1)
    assert report.tickets == len(before["ticket"])


def test_rebuild_after_a_restart_and_from_a_read_only_check(busy_desk, reopen, db, clock):
    """A restarted desk (fresh client id, empty memory) rebuilds the same rows, and a
    read-only opening beside the writer checks the file as sound."""
    before = {table: db.dump(busy_desk, table) for table in db.PROJECTED}
    desk = reopen(busy_desk)
    desk.rebuild()
    for table in db.PROJECTED:
        assert db.dump(desk, table) == before[table], table
    with Journal.open_read_only(desk.data_dir.root, resources=resources_dir(), now_ms=clock) as ro:
        report = ro.check()
    assert report.ok, report.problems


def test_check_names_a_tampered_ticket_row(busy_desk, db):
    desk = busy_desk
    row = next(r for r in db.dump(desk, "ticket") if r[7] == "waiting")
    ticket_id, code = row[0], row[6]
    db.tamper(desk, "UPDATE ticket SET status = 'done' WHERE id = ?", ticket_id)

    report = desk.check()
    assert not report.ok
    assert len(report.problems) == 1
    problem = report.problems[0]
    assert code in problem
    assert "ticket" in problem
    assert "status is 'done', events say 'waiting'" in problem

    desk.rebuild()
    assert desk.check().ok
    assert desk.ticket(ticket_id).status.value == "waiting"


def test_check_names_a_missing_ticket_and_a_tampered_event_signature(busy_desk, db):
    desk = busy_desk
    events = db.dump(desk, "event")
    key, signature = events[3][0], events[3][9]
    forged = ("A" if signature[0] != "A" else "B") + signature[1:]
    db.tamper(desk, "UPDATE event SET sig = ? WHERE key = ?", forged, key)
    gone = next(r for r in db.dump(desk, "ticket") if r[7] == "cancelled")
    db.tamper(desk, "DELETE FROM ticket WHERE id = ?", gone[0])

    problems = desk.check().problems
    assert len(problems) == 2, problems
    event_problem = next(p for p in problems if key in p)
    assert "event" in event_problem
    assert "sig is" in event_problem
    ticket_problem = next(p for p in problems if gone[6] in p)
    assert "missing from the tables" in ticket_problem

    desk.rebuild()
    assert desk.check().ok


def test_check_detects_a_tampered_stored_update(make_desk, db):
    """Changing the signed content inside a stored update (same length, so the update
    still decodes) makes its event fail verification on the fresh fold."""
    desk = make_desk("R1")
    desk.issue("SS")
    second = desk.issue("SS")
    assert second.code == "S002"
    row_id, _, data, _ = db.dump(desk, "doc_update")[-1]
    assert data.count(b"S002") == 1
    db.tamper(
        desk, "UPDATE doc_update SET data = ? WHERE id = ?", data.replace(b"S002", b"S009"), row_id
    )

    problems = desk.check().problems
    assert any(
        second.id in p and "in the tables but not in the stored events" in p for p in problems
    )
    assert any("S002" in p for p in problems)
    assert any("quarantine" in p and "signature does not verify" in p for p in problems)


def test_check_beside_a_busy_writer_sees_one_moment(make_desk, clock):
    """``journal check`` runs beside the desk's writer: the stored updates and the tables
    it compares must be read as of one moment, or every commit in between shows up as
    a false difference."""
    desk = make_desk("R1")
    for _ in range(20):
        desk.issue("SS")
    stop = threading.Event()
    issued = []

    def keep_issuing():
        while not stop.is_set():
            issued.append(desk.issue("AIMA"))

    writer = threading.Thread(target=keep_issuing)
    writer.start()
    try:
        with Journal.open_read_only(desk.data_dir.root, resources=resources_dir()) as reader:
            reports = [reader.check() for _ in range(5)]
    finally:
        stop.set()
        writer.join()
    assert len(issued) > 5  # the writer really was busy during the checks
    for report in reports:
        assert report.ok, report.problems
    assert desk.check().ok
