"""Groups, visits of several services on one ticket, and visits for information only, on a
real desk: each a single ticket (or none), kept through ``journal check`` and ``rebuild``."""

from __future__ import annotations

import json

import pytest

from cnaim_desk.domain.tickets import TicketStatus


def _projection(db, journal) -> dict[str, list[tuple]]:
    return {table: db.dump(journal, table) for table in db.PROJECTED}


def test_a_family_is_one_ticket(desk, clock, db):
    family = desk.issue("SS", group_size=4, language="uk", children=True, interpreter="staff")
    alone = desk.issue("SS")
    assert db.count(desk, "ticket") == 2
    assert (family.code, alone.code) == ("S001", "S002")
    assert (family.group_size, alone.group_size) == (4, 1)
    assert (family.children, family.interpreter) == (True, "staff")
    assert (alone.children, alone.interpreter) == (False, None)
    assert (family.position, alone.position) == (0, 1)
    stored = db.column(desk, "SELECT data FROM event WHERE key = ?", family.id)
    data = json.loads(stored[0])
    assert (data["group_size"], data["children"], data["interpreter"]) == ("4", "yes", "staff")
    # One call serves the whole group.
    assert desk.call_next("C1", ["SS"]).id == family.id


@pytest.mark.parametrize("size", [0, -2])
def test_a_ticket_is_for_at_least_one_person(desk, db, size):
    before = db.counts(desk)
    with pytest.raises(ValueError, match="at least one person"):
        desk.issue("SS", group_size=size)
    assert db.counts(desk) == before


def test_a_visit_goes_from_service_to_service_keeping_its_arrival(desk, clock, db):
    visit = desk.issue("GAT", visit=("SS", "AIMA"), language="ar")
    assert (visit.code, visit.service, visit.visit) == ("G001", "GAT", ("SS", "AIMA"))
    clock.advance(minutes=5)
    later_ss = desk.issue("SS")
    assert later_ss.position == 0  # the visit is not at SS yet

    clock.advance(minutes=1)
    assert desk.call_next("C1", ["GAT"]).id == visit.id
    desk.start(visit.id, "C1")
    clock.advance(minutes=6)
    at_ss = desk.finish(visit.id, "C1")
    assert (at_ss.status, at_ss.service, at_ss.visit) == (TicketStatus.WAITING, "SS", ("AIMA",))
    assert (at_ss.code, at_ss.first_service) == ("G001", "GAT")
    assert (at_ss.called_by, at_ss.called_at) == (None, None)
    # It keeps its arrival at the centre: ahead of the SS arrival five minutes after it.
    assert at_ss.issued_at == visit.issued_at
    assert at_ss.position == 0
    assert desk.ticket(later_ss.id).position == 1
    assert [t.id for t in desk.reader.run(lambda q: q.waiting(desk.today().isoformat()))] == [
        visit.id,
        later_ss.id,
    ]

    assert desk.call_next("C2", ["SS"]).id == visit.id
    desk.start(visit.id, "C2")
    clock.advance(minutes=8)
    at_aima = desk.finish(visit.id, "C2")
    assert (at_aima.status, at_aima.service, at_aima.visit) == (
        TicketStatus.WAITING,
        "AIMA",
        (),
    )
    assert desk.call_next("C3", ["SS"]).id == later_ss.id  # the visit has left SS

    assert desk.call_next("C4", ["AIMA"]).id == visit.id
    desk.start(visit.id, "C4")
    clock.advance(minutes=4)
    done = desk.finish(visit.id, "C4", outcome="renewal_submitted")
    assert (done.status, done.service) == (TicketStatus.DONE, "AIMA")
    assert db.column(desk, "SELECT planned FROM ticket WHERE id = ?", visit.id) == [",GAT,SS,AIMA,"]
    assert db.count(desk, "ticket") == 2

    report = desk.check()
    assert report.ok, report.problems
    assert report.tickets == 2
    before = _projection(db, desk)
    assert desk.rebuild() == db.count(desk, "event")
    assert _projection(db, desk) == before
    assert desk.ticket(visit.id).status is TicketStatus.DONE


def test_a_visit_names_each_service_once_and_only_services_of_the_centre(desk, db):
    before = db.counts(desk)
    with pytest.raises(ValueError, match="once"):
        desk.issue("SS", visit=("AIMA", "SS"))
    with pytest.raises(KeyError, match="XYZ"):
        desk.issue("SS", visit=("XYZ",))
    assert db.counts(desk) == before


def test_information_only_is_counted_for_the_day_without_a_ticket(desk, db, reopen):
    desk.issue("SS")
    before = db.counts(desk)
    desk.record_info(["info_health_centre"], "ne")
    desk.record_info(["info_general"], "pt")
    after = db.counts(desk)
    assert after["ticket"] == before["ticket"]
    assert after["event"] == before["event"] + 2
    assert db.column(desk, "SELECT info_given FROM day") == [2]
    rows = db.column(desk, "SELECT data FROM event WHERE op = 'info_given' ORDER BY seq")
    assert [json.loads(row) for row in rows] == [
        {"language": "ne", "triage": ["info_health_centre"]},
        {"language": "pt", "triage": ["info_general"]},
    ]
    with pytest.raises(ValueError, match="klingon"):
        desk.record_info(["info_general"], "klingon")
    assert db.counts(desk) == after

    assert desk.check().ok
    desk = reopen(desk)
    desk.rebuild()
    assert db.column(desk, "SELECT info_given FROM day") == [2]
    assert db.count(desk, "ticket") == 1
