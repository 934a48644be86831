"""Closing a day: everyone still in the queue or at a counter becomes ``closed`` (with the
status they had), finished tickets stay as they were, and a desk started after midnight
closes the earlier day it finds still open."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from cnaim_desk.domain.clock import LISBON
from cnaim_desk.domain.events import Op
from cnaim_desk.domain.tickets import TransitionRefused
from cnaim_desk.journal.document import day_doc_name

MONDAY = date(2026, 6, 15)


def _ticket_rows(journal, db) -> dict[str, tuple[str, str | None]]:
    """Each ticket's code -> (status, closed_from), straight from the file."""
    connection = db.connect_ro(journal)
    try:
        rows = connection.execute("SELECT code, status, closed_from FROM ticket").fetchall()
    finally:
        connection.close()
    return {code: (status, closed_from) for code, status, closed_from in rows}


def _day_closed(journal, db, day: date) -> str | None:
    rows = [row for row in db.dump(journal, "day") if row[0] == day.isoformat()]
    assert rows, f"no row for {day}"
    return rows[0][2]


def _a_day_of_every_status(desk, clock) -> dict[str, str]:
    """Tickets left in each status; returns status -> ticket code."""
    waiting = desk.issue("SS")
    referred = desk.issue("SS")
    called = desk.issue("SS")
    serving = desk.issue("SS")
    done = desk.issue("SS")
    cancelled = desk.issue("SS")
    no_show = desk.issue("SS")
    clock.advance(minutes=5)
    desk.call(referred.id, "C1")
    desk.refer(referred.id, "AIMA")
    desk.call(called.id, "C1")
    desk.call(serving.id, "C2")
    desk.start(serving.id, "C2")
    desk.call(done.id, "C3")
    desk.start(done.id, "C3")
    desk.finish(done.id, "C3")
    desk.cancel(cancelled.id)
    desk.call(no_show.id, "C4")
    desk.no_show(no_show.id, "C4")
    clock.advance(hours=6)
    tickets = {
        "waiting": waiting,
        "referred": referred,
        "called": called,
        "serving": serving,
        "done": done,
        "cancelled": cancelled,
        "no_show": no_show,
    }
    for status, ticket in tickets.items():
        assert desk.ticket(ticket.id).status.value == status
    return {status: ticket.code for status, ticket in tickets.items()}


EXPECTED_AFTER_CLOSE = {
    "waiting": ("closed", "waiting"),
    "referred": ("closed", "referred"),
    "called": ("closed", "called"),
    "serving": ("closed", "serving"),
    "done": ("done", None),
    "cancelled": ("cancelled", None),
    "no_show": ("no_show", None),
}


def test_close_day_closes_everyone_not_done_with(desk, clock, db):
    codes = _a_day_of_every_status(desk, clock)
    day = desk.today()
    heard = []
    desk.subscribe(heard.append)

    change = desk.close_day(day)

    rows = _ticket_rows(desk, db)
    assert {status: rows[code] for status, code in codes.items()} == EXPECTED_AFTER_CLOSE
    assert change.ops == {Op.DAY_CLOSED}
    closed_ids = {desk.ticket(codes[s]).id for s in ("waiting", "referred", "called", "serving")}
    assert closed_ids <= change.tickets  # (a no-show, which might come back, may be listed)
    assert not {desk.ticket(codes[s]).id for s in ("done", "cancelled")} & change.tickets
    assert heard == [change]
    assert _day_closed(desk, db, day) is not None
    assert desk.call_next("C1") is None
    with pytest.raises(TransitionRefused, match="closed with the day"):
        desk.call(codes["waiting"], "C1")
    assert desk.check().ok


def test_opening_after_midnight_closes_the_earlier_day(make_desk, reopen, clock, db):
    clock.set(datetime(2026, 6, 15, 9, 0, tzinfo=LISBON))
    desk = make_desk("R1")
    codes = _a_day_of_every_status(desk, clock)
    clock.set(datetime(2026, 6, 15, 16, 59, tzinfo=LISBON))
    late = desk.issue("GAT")  # the last ticket before the centre closes: Monday's
    clock.set(datetime(2026, 6, 15, 23, 59, tzinfo=LISBON))
    assert desk.today() == MONDAY
    assert _day_closed(desk, db, MONDAY) is None

    # 00:05 in Lisbon is still Monday in UTC, but Tuesday at the centre.
    clock.set(datetime(2026, 6, 16, 0, 5, tzinfo=LISBON))
    desk = reopen(desk)

    assert desk.today() == date(2026, 6, 16)
    rows = _ticket_rows(desk, db)
    assert {status: rows[code] for status, code in codes.items()} == EXPECTED_AFTER_CLOSE
    assert rows[late.code] == ("closed", "waiting")
    closed = _day_closed(desk, db, MONDAY)
    assert closed is not None
    # The close was written into Monday's own document, by today's desk start.
    close_rows = [r for r in db.dump(desk, "event") if r[3] == Op.DAY_CLOSED.value]
    assert [r[1] for r in close_rows] == [day_doc_name("lisboa", MONDAY)]
    assert desk.close_past_days() == []  # nothing left to close
    # Today starts afresh: numbers restart and yesterday's queue is not today's.
    assert desk.issue("SS").code == "S001"
    assert desk.call_next("C1").code == "S001"
    assert desk.check().ok


def test_close_past_days_with_the_desk_running_through_midnight(make_desk, clock, db):
    clock.set(datetime(2026, 6, 15, 15, 30, tzinfo=LISBON))
    desk = make_desk("R1")
    first = desk.issue("SS")
    clock.set(datetime(2026, 6, 16, 8, 0, tzinfo=LISBON))
    assert desk.close_past_days() == [MONDAY]
    assert _ticket_rows(desk, db)[first.code] == ("closed", "waiting")
    assert desk.close_past_days() == []


def test_a_desk_can_be_opened_without_closing_past_days(make_desk, clock, db, open_journals):
    from cnaim_desk.journal.journal import Journal
    from cnaim_desk.resources import resources_dir

    clock.set(datetime(2026, 6, 15, 15, 30, tzinfo=LISBON))
    desk = make_desk("R1")
    first = desk.issue("SS")
    desk.close()
    clock.set(datetime(2026, 6, 16, 8, 0, tzinfo=LISBON))
    again = Journal.open(
        desk.data_dir.root, resources=resources_dir(), now_ms=clock, close_past_days=False
    )
    open_journals.append(again)
    assert _ticket_rows(again, db)[first.code] == ("waiting", None)
    assert _day_closed(again, db, MONDAY) is None
