"""``TicketView.to_json``: the ``--json`` contract for one ticket, with times in Lisbon."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest

from cnaim_desk.domain.clock import LISBON


@pytest.mark.parametrize(
    ("moment", "text"),
    [
        (datetime(2026, 6, 16, 9, 30, tzinfo=LISBON), "2026-06-16T09:30:00+01:00"),
        (datetime(2026, 1, 13, 9, 30, tzinfo=LISBON), "2026-01-13T09:30:00+00:00"),
        # The Monday after the last Sunday of March, when Lisbon moved to +01:00 (the
        # Friday before was still +00:00, like the winter case).
        (datetime(2026, 3, 30, 9, 30, tzinfo=LISBON), "2026-03-30T09:30:00+01:00"),
    ],
    ids=["summer", "winter", "after-the-spring-change"],
)
def test_times_are_iso_8601_with_lisbon_offset(desk, clock, moment, text):
    clock.set(moment)
    ticket = desk.issue("SS", priority="infant", language="zh-Hans")
    data = json.loads(json.dumps(ticket.to_json()))
    assert data["issued_at"] == text
    assert data["day"] == moment.date().isoformat()
    clock.advance(minutes=3)
    called = desk.call(ticket.id, "C2").to_json()
    called_at = datetime.fromisoformat(called["called_at"])
    assert called_at - datetime.fromisoformat(text) == timedelta(minutes=3)
    assert called["called_at"][-6:] == text[-6:]


def test_a_ticket_in_json(desk, clock):
    first = desk.issue("AIMA").to_json()
    second = desk.issue("AIMA", priority="pregnancy", language="ur").to_json()
    third = desk.issue("AIMA").to_json()
    assert {
        "id",
        "code",
        "service",
        "status",
        "priority",
        "language",
        "issued_at",
        "position",
        "expected_wait_minutes",
    } <= set(first)
    assert (first["code"], first["service"], first["status"]) == ("A001", "AIMA", "waiting")
    assert (first["priority"], first["language"]) == (None, "pt")
    assert (second["priority"], second["language"]) == ("pregnancy", "ur")
    # Positions as they stand now: the priority ticket is next, the first one after it.
    now = {t.code: t for t in desk.reader.run(lambda q: q.tickets(desk.today().isoformat()))}
    assert [now[c].position for c in ("A001", "A002", "A003")] == [1, 0, 2]
    assert third["expected_wait_minutes"] is None  # no service history yet

    # One service of 10 minutes done, one counter open, one person ahead: (1 + 1) * 10 / 1.
    desk.set_counter("C1", "open", ["AIMA"])
    desk.call(second["id"], "C1")
    desk.start(second["id"])
    clock.advance(minutes=10)
    desk.finish(second["id"])
    after = desk.ticket("A003").to_json()
    assert (after["position"], after["expected_wait_minutes"]) == (1, 20)
    done = desk.ticket("A002").to_json()
    assert (done["status"], done["position"], done["expected_wait_minutes"]) == ("done", None, None)
