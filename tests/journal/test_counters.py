"""Counters as the journal keeps them: who signed in, how the board names a counter and
directs people to it, the recall limit, and a counter's day."""

from __future__ import annotations

import pytest

from cnaim_desk.domain.tickets import TicketStatus, TransitionRefused


def counters(desk):
    return desk.reader.run(lambda q: q.counters(desk.today().isoformat()))


def test_a_counter_opens_with_its_name_place_and_technician(desk):
    desk.set_counter("C4", "open", ["SS", "MS"], "MJ", name="4", floor="Piso 1", side="esquerda")
    desk.set_counter("C5", "open", ["AIMA"])
    found = counters(desk)
    assert found["C4"].status == "open"
    assert found["C4"].services == ("SS", "MS")
    assert (found["C4"].label, found["C4"].directions, found["C4"].technician) == (
        "4",
        "Piso 1 · esquerda",
        "MJ",
    )
    # with nothing configured the room knows a counter by its desk id, and no directions
    assert (found["C5"].label, found["C5"].directions) == ("C5", "")


def test_pausing_and_closing_take_the_counter_out_of_the_waits(desk):
    desk.set_counter("C4", "open", ["SS"], "MJ")
    today = desk.today().isoformat()
    assert desk.reader.run(lambda q: q.open_counters(today))["SS"] == {"C4"}
    desk.set_counter("C4", "paused", ["SS"], "MJ")
    assert counters(desk)["C4"].status == "paused"
    assert "SS" not in desk.reader.run(lambda q: q.open_counters(today))
    desk.set_counter("C4", "closed")
    assert counters(desk)["C4"].status == "closed"


def test_the_technician_who_called_is_kept_with_the_ticket(desk):
    ticket = desk.issue("SS")
    called = desk.call_next("C4", ["SS"], technician="MJ")
    assert (called.id, called.technician) == (ticket.id, "MJ")
    assert called.to_json()["technician"] == "MJ"
    # sent back to the queue, nobody holds it any more
    desk.no_show(ticket.id, "C4")
    assert desk.reinstate(ticket.id).technician is None


def test_after_the_recall_limit_the_next_recall_marks_a_no_show(desk):
    assert desk.profile.max_recalls == 3
    ticket = desk.call(desk.issue("SS").id, "C4")
    for expected in (1, 2, 3):
        recalled = desk.recall(ticket.id, "C4")
        assert (recalled.status, recalled.recalls) == (TicketStatus.CALLED, expected)
    gone = desk.recall(ticket.id, "C4")
    assert gone.status is TicketStatus.NO_SHOW
    # the person comes back after all: back in the queue, then called afresh
    back = desk.reinstate(ticket.id)
    assert back.status is TicketStatus.WAITING
    again = desk.call(ticket.id, "C4")
    assert (again.status, again.recalls) == (TicketStatus.CALLED, 0)


def test_recalling_what_is_not_called_is_still_refused(desk):
    ticket = desk.issue("SS")
    with pytest.raises(TransitionRefused):
        desk.recall(ticket.id, "C4")


def test_a_counters_day_counts_its_own_work(desk, clock):
    served = []
    for _ in range(3):
        ticket = desk.call(desk.issue("SS").id, "C4", technician="MJ")
        desk.start(ticket.id, "C4")
        clock.advance(minutes=6)
        served.append(desk.finish(ticket.id, "C4", outcome="served"))
    missing = desk.call(desk.issue("SS").id, "C4", technician="AR")
    desk.no_show(missing.id, "C4")
    elsewhere = desk.call(desk.issue("SS").id, "C9", technician="MJ")
    today = desk.today().isoformat()
    day = desk.reader.run(lambda q: q.counter_day(today, "C4"))
    assert (day.called, day.served, day.no_shows) == (4, 3, 1)
    assert day.median_service_minutes == pytest.approx(6, abs=0.01)
    mine = desk.reader.run(lambda q: q.counter_day(today, "C4", "MJ"))
    assert (mine.called, mine.served, mine.no_shows) == (3, 3, 0)
    assert elsewhere.called_by == "C9"
