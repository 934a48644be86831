"""Two counters call the same ticket while cut off from each other: once they exchange
updates, both desks agree on the winner (the call earlier in ``(hlc, desk, boot, seq)``)
and both record the other call as a conflict."""

from __future__ import annotations

import pytest

from cnaim_desk.domain.events import EventKey, Op


@pytest.fixture
def counters(make_desk, clock, second_clock):
    """Counters C1 and C2 of CNAIM Lisboa with clocks of their own, each registered at the
    other; C1 issued one ticket and both desks have it."""
    c1 = make_desk("C1", role="counter", slot=1)
    c2 = make_desk("C2", role="counter", slot=2, now_ms=second_clock)
    c1.register_desk("C2", "counter", 2, c2.registry()["C2"].public_key)
    c2.register_desk("C1", "counter", 1, c1.registry()["C1"].public_key)
    ticket = c1.issue("SS", language="en")
    c2.ingest(c1.today_doc(), c1.updates_for(c1.today_doc()))
    assert c2.ticket(ticket.id).status.value == "waiting"
    return c1, clock, c2, second_clock, ticket


def _event(journal, db, key):
    columns = ("key", "doc", "ticket", "op", "hlc", "desk", "boot", "seq", "data", "sig")
    columns += ("effect", "reason")
    row = next(row for row in db.dump(journal, "event") if row[0] == key)
    return dict(zip(columns, row, strict=True))


@pytest.mark.parametrize(
    ("c1_after", "c2_after", "winner"),
    [
        (60_000, 30_000, "C2"),  # C2's clock reading is earlier: it wins though "C1" < "C2"
        (0, 0, "C1"),  # the same clock reading at both: the desk id decides
    ],
    ids=["earlier-clock-wins", "tie-broken-by-desk"],
)
def test_both_desks_agree_on_the_winner_of_two_calls(counters, db, c1_after, c2_after, winner):
    c1, clock_c1, c2, clock_c2, ticket = counters
    clock_c1.ms += c1_after
    clock_c2.ms += c2_after
    call_c1 = c1.call(ticket.id, "C1")  # apart: each desk sees only its own call
    call_c2 = c2.call(ticket.id, "C2")
    assert (call_c1.called_by, call_c2.called_by) == ("C1", "C2")

    keys = {}
    for journal in (c1, c2):
        row = next(
            r for r in db.dump(journal, "event") if r[2] == ticket.id and r[3] == Op.CALLED.value
        )
        keys[journal.config.desk] = row[0]
    if c1_after == c2_after:
        assert _event(c1, db, keys["C1"])["hlc"] == _event(c2, db, keys["C2"])["hlc"]
    loser = "C2" if winner == "C1" else "C1"

    # They meet again and exchange what the other lacks.
    from_c1 = c1.updates_for(c1.today_doc())
    from_c2 = c2.updates_for(c2.today_doc())
    change_at_c1 = c1.ingest(c1.today_doc(), from_c2)
    change_at_c2 = c2.ingest(c2.today_doc(), from_c1)

    for journal in (c1, c2):
        view = journal.ticket(ticket.id)
        assert view.status.value == "called"
        assert view.called_by == winner, journal.config.desk
        assert view.conflicts == 1
        won = _event(journal, db, keys[winner])
        lost = _event(journal, db, keys[loser])
        assert (won["effect"], won["reason"]) == ("applied", None)
        assert lost["effect"] == "conflict"
        assert "called to a counter" in lost["reason"]
        ticket_row = next(r for r in db.dump(journal, "ticket") if r[0] == ticket.id)
        assert ticket_row[-2] == 1  # the conflicts column
        report = journal.check()
        assert report.ok, report.problems

    # Both counters are told: the desk that lost learns it from the update it received,
    # the desk that won hears of the refused call it received.
    assert [key for key, _ in change_at_c1.conflicts] == [keys[loser]]
    assert [key for key, _ in change_at_c2.conflicts] == [keys[loser]]
    assert change_at_c1.calls == (ticket.id,)
    assert change_at_c2.calls == (ticket.id,)

    # The winner is the earlier of the two in the total order, by the rule itself.
    def order(key):
        parsed = EventKey.parse(key)
        return (_event(c1, db, key)["hlc"], parsed.desk, parsed.boot, parsed.seq)

    assert min(keys.values(), key=order) == keys[winner]
    # And the two desks hold exactly the same rows for that day.
    assert db.dump(c1, "event") == db.dump(c2, "event")
    assert db.dump(c1, "ticket") == db.dump(c2, "ticket")


def test_steps_after_the_losing_call_follow_the_winner(counters, db):
    """The losing counter's next step (start) is judged against the winning state: a
    counter cannot finish a ticket another counter has not started."""
    c1, clock_c1, c2, clock_c2, ticket = counters
    clock_c1.ms += 1_000
    clock_c2.ms += 2_000
    c1.call(ticket.id, "C1")
    c1.start(ticket.id, "C1")
    clock_c1.ms += 60_000
    c1.finish(ticket.id, "C1")
    c2.call(ticket.id, "C2")
    c2.no_show(ticket.id, "C2")

    c1.ingest(c1.today_doc(), c2.updates_for(c2.today_doc()))
    c2.ingest(c2.today_doc(), c1.updates_for(c1.today_doc()))

    for journal in (c1, c2):
        view = journal.ticket(ticket.id)
        assert (view.status.value, view.called_by) == ("done", "C1")
        assert view.conflicts == 2  # C2's call and its no-show
        assert journal.check().ok
    assert db.dump(c1, "ticket") == db.dump(c2, "ticket")
