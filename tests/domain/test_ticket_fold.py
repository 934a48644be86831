"""Folding a ticket's events (DESIGN.md, "The journal" and "Sync between desks").

Events arrive from several desks in any order; every desk folds them in the total order
``(hlc, desk, boot, seq)``, so every desk reaches the same state and the same conflicts.
Events whose ticket's ``issued`` event has not arrived yet are pending, not conflicts.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cnaim_desk.domain.clock import Hlc
from cnaim_desk.domain.events import Event, EventKey, Op
from cnaim_desk.domain.policy import QueueEntry, QueuePolicy
from cnaim_desk.domain.tickets import TicketStatus, fold

S = TicketStatus
TICKET_ID = "R1:0badc0de:1"
CODE = "A023"
T0 = 1_774_000_000_000


def issued(at: int = T0, **data: object) -> Event:
    fields = {"service": "AIMA", "number": "23", "code": CODE} | data
    return Event(EventKey.parse(TICKET_ID), TICKET_ID, Op.ISSUED, Hlc(at), fields)


def by(key: str, op: Op, at: int, counter: int = 0, **data: object) -> Event:
    ticket = "" if op is Op.DAY_CLOSED else TICKET_ID
    return Event(EventKey.parse(key), ticket, op, Hlc(at, counter), data)


def both_orders(a: Event, b: Event, *rest: Event):
    return fold([a, b, *rest]), fold([b, a, *rest])


# -- a plain day -----------------------------------------------------------------------------


def test_a_ticket_served_without_trouble():
    result = fold(
        [
            issued(),
            by("C4:00000001:1", Op.CALLED, T0 + 60_000),
            by("C4:00000001:2", Op.STARTED, T0 + 90_000),
            by("C4:00000001:3", Op.FINISHED, T0 + 900_000, outcome="renewed"),
        ]
    )
    assert result.state is not None
    assert result.state.status is S.DONE
    assert result.state.outcome == "renewed"
    assert result.conflicts == ()
    assert result.pending == ()


def test_events_are_applied_in_clock_order_not_arrival_order():
    started = by("C4:00000001:2", Op.STARTED, T0 + 90_000)
    called = by("C4:00000001:1", Op.CALLED, T0 + 60_000)
    result = fold([started, issued(), called])
    assert result.state.status is S.SERVING
    assert result.conflicts == ()


# -- conflicts -------------------------------------------------------------------------------


def test_two_counters_calling_the_same_ticket_the_earlier_call_wins_either_way():
    from_c4 = by("C4:00000001:1", Op.CALLED, T0 + 60_000)
    from_c2 = by("C2:00000001:1", Op.CALLED, T0 + 61_000)  # a second later
    first, second = both_orders(from_c4, from_c2, issued())
    assert first == second
    assert first.state.called_by == "C4"
    assert [c.event for c in first.conflicts] == [from_c2]
    assert CODE in first.conflicts[0].reason
    assert "called to a counter" in first.conflicts[0].reason


def test_calls_at_the_same_clock_reading_are_settled_by_desk_id():
    from_c4 = by("C4:00000001:1", Op.CALLED, T0 + 60_000)
    from_c2 = by("C2:ffffffff:1", Op.CALLED, T0 + 60_000)  # the desk counts before the boot
    first, second = both_orders(from_c4, from_c2, issued())
    assert first == second
    assert first.state.called_by == "C2"  # "C2" < "C4"
    assert [c.event for c in first.conflicts] == [from_c4]


def test_then_by_boot_then_by_sequence():
    old_boot = by("C4:00000001:9", Op.CALLED, T0 + 60_000)
    new_boot = by("C4:00000002:1", Op.CALLED, T0 + 60_000)
    first, second = both_orders(new_boot, old_boot, issued())
    assert first == second
    assert [c.event for c in first.conflicts] == [new_boot]

    seq_9 = by("C4:00000001:9", Op.CALLED, T0 + 60_000)
    seq_10 = by("C4:00000001:10", Op.CALLED, T0 + 60_000)  # 10 > 9 as numbers, not text
    first, second = both_orders(seq_10, seq_9, issued())
    assert first == second
    assert [c.event for c in first.conflicts] == [seq_10]


def test_a_conflict_is_not_applied_and_later_steps_still_are():
    result = fold(
        [
            issued(),
            by("C4:00000001:1", Op.CALLED, T0 + 60_000),
            by("C2:00000001:1", Op.NO_SHOW, T0 + 55_000),  # before anyone called: refused
            by("C4:00000001:2", Op.STARTED, T0 + 90_000),
        ]
    )
    assert result.state.status is S.SERVING
    assert [c.event.op for c in result.conflicts] == [Op.NO_SHOW]


def test_a_cancel_racing_a_start_both_orders_agree():
    cancel = by("R2:00000001:1", Op.CANCELLED, T0 + 100_000)
    call = by("C4:00000001:1", Op.CALLED, T0 + 60_000)
    start = by("C4:00000001:2", Op.STARTED, T0 + 100_001)
    first, second = both_orders(cancel, start, call, issued())
    assert first == second
    assert first.state.status is S.CANCELLED
    assert [c.event for c in first.conflicts] == [start]


# -- before the issued event arrives ----------------------------------------------------------


def test_without_the_issued_event_everything_is_pending():
    call = by("C4:00000001:1", Op.CALLED, T0 + 60_000)
    start = by("C4:00000001:2", Op.STARTED, T0 + 90_000)
    result = fold([start, call])
    assert result.state is None
    assert result.conflicts == ()
    assert result.pending == (call, start)  # in the total order


def test_pending_events_apply_once_the_issued_event_arrives():
    call = by("C4:00000001:1", Op.CALLED, T0 + 60_000)
    start = by("C4:00000001:2", Op.STARTED, T0 + 90_000)
    assert fold([start, call]).state is None
    result = fold([start, call, issued()])
    assert result.state.status is S.SERVING
    assert result.conflicts == ()
    assert result.pending == ()


def test_events_ordered_before_the_issued_event_are_conflicts_once_it_is_known():
    too_early = by("C4:00000001:1", Op.CALLED, T0 - 1)
    result = fold([issued(), too_early])
    assert result.state.status is S.WAITING
    assert [c.event for c in result.conflicts] == [too_early]
    assert "before the ticket was issued" in result.conflicts[0].reason
    assert result.pending == ()


def test_a_day_close_alone_is_neither_pending_nor_a_conflict():
    result = fold([by("S1:00000001:1", Op.DAY_CLOSED, T0)])
    assert (result.state, result.conflicts, result.pending) == (None, (), ())


def test_a_malformed_issued_event_is_a_conflict_not_a_crash():
    bad = issued(appointment_at="after lunch")
    call = by("C4:00000001:1", Op.CALLED, T0 + 60_000)
    result = fold([call, bad])
    assert result.state is None
    assert [c.event for c in result.conflicts] == [bad]
    assert result.pending == (call,)


# -- the day's close ---------------------------------------------------------------------------


def test_day_close_turns_people_still_waiting_into_closed():
    result = fold([issued(), by("S1:00000001:1", Op.DAY_CLOSED, T0 + 3_600_000)])
    assert result.state.status is S.CLOSED
    assert result.state.closed_from is S.WAITING
    assert result.conflicts == ()


def test_day_close_leaves_finished_tickets_alone_without_a_conflict():
    result = fold(
        [
            issued(),
            by("C4:00000001:1", Op.CALLED, T0 + 60_000),
            by("C4:00000001:2", Op.STARTED, T0 + 90_000),
            by("C4:00000001:3", Op.FINISHED, T0 + 900_000),
            by("S1:00000001:1", Op.DAY_CLOSED, T0 + 3_600_000),
            by("S2:00000001:1", Op.DAY_CLOSED, T0 + 3_600_001),  # a second desk closes too
        ]
    )
    assert result.state.status is S.DONE
    assert result.conflicts == ()


def test_a_second_day_close_is_not_a_conflict():
    result = fold(
        [
            issued(),
            by("S1:00000001:1", Op.DAY_CLOSED, T0 + 3_600_000),
            by("R2:00000001:1", Op.DAY_CLOSED, T0 + 3_600_005),
        ]
    )
    assert result.state.status is S.CLOSED
    assert result.conflicts == ()


def test_a_call_after_the_day_closed_is_a_conflict():
    late_call = by("C4:00000001:1", Op.CALLED, T0 + 3_700_000)
    result = fold([issued(), by("S1:00000001:1", Op.DAY_CLOSED, T0 + 3_600_000), late_call])
    assert result.state.status is S.CLOSED
    assert [c.event for c in result.conflicts] == [late_call]
    assert "closed with the day" in result.conflicts[0].reason


def test_a_ticket_issued_after_the_close_is_not_closed_by_it():
    result = fold([by("S1:00000001:1", Op.DAY_CLOSED, T0 - 1), issued()])
    assert result.state.status is S.WAITING


# -- referral keeps the place in time ------------------------------------------------------------


def test_a_referred_person_is_ahead_of_later_arrivals_at_the_new_service():
    result = fold(
        [
            issued(at=T0),
            by("C4:00000001:1", Op.CALLED, T0 + 3_000_000),
            by("C4:00000001:2", Op.REFERRED, T0 + 3_600_000, to="SS"),
        ]
    )
    state = result.state
    assert (state.status, state.service, state.arrival) == (S.REFERRED, "SS", Hlc(T0))
    came_later = QueueEntry("R1:0badc0de:2", Hlc(T0 + 600_000))
    referred = QueueEntry(state.id, state.arrival)
    order = QueuePolicy().order([came_later, referred], state.arrival.moment)
    assert order[0] == referred


# -- order independence ------------------------------------------------------------------------

# Random histories of one ticket: steps from several desks with clocks that may tie, from
# before or after the ticket was issued; many of them conflict with each other.
STEP_OPS = sorted(
    {
        Op.CALLED,
        Op.RECALLED,
        Op.STARTED,
        Op.FINISHED,
        Op.NO_SHOW,
        Op.REINSTATED,
        Op.CANCELLED,
        Op.REFERRED,
        Op.REPRINTED,
        Op.CHECKED_IN,
        Op.DAY_CLOSED,
    }
)
steps = st.tuples(
    st.sampled_from(STEP_OPS),
    st.sampled_from(["C1", "C2", "R1", "S1"]),
    st.sampled_from(["00000001", "00000002"]),
    st.integers(-3, 12),  # seconds after the issue: a few before it
    st.integers(0, 2),
    st.sampled_from(["SS", "GAJ", "AIMA"]),
)


@st.composite
def histories(draw) -> list[Event]:
    events = [issued()] if draw(st.booleans()) or draw(st.booleans()) else []
    for seq, (op, desk, boot, seconds, counter, target) in enumerate(
        draw(st.lists(steps, max_size=12)), start=2
    ):
        data = {"to": target} if op is Op.REFERRED else {}
        key = f"{desk}:{boot}:{seq}"
        events.append(by(key, op, T0 + seconds * 1000, counter, **data))
    return events


@settings(max_examples=200)
@given(st.data())
def test_the_fold_does_not_depend_on_the_order_events_arrive_in(data):
    events = data.draw(histories())
    shuffled = data.draw(st.permutations(events))
    assert fold(shuffled) == fold(events)


@settings(max_examples=200)
@given(histories())
def test_every_event_is_accounted_for_exactly_once(events):
    result = fold(events)
    refused = [str(c.event.key) for c in result.conflicts]
    keys = {str(e.key) for e in events}
    if result.state is None:
        assert refused == []
        assert all(e.op is not Op.ISSUED for e in events)
        day_closes = {str(e.key) for e in events if e.op is Op.DAY_CLOSED}
        assert {str(e.key) for e in result.pending} == keys - day_closes
    else:
        assert result.pending == ()
        assert len(set(refused)) == len(refused)
        assert set(refused) <= keys - {TICKET_ID}
