"""The ticket state machine (tickets.py's docstring; DESIGN.md, "Words used everywhere").

``waiting`` and ``referred`` are in a service's queue; ``called`` and ``serving`` are at a
counter; ``no_show`` may be reinstated; ``done``, ``cancelled`` and ``closed`` are final.
Every step the machine forbids is refused with a reason in plain words naming the code.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from cnaim_desk.domain.clock import LISBON, Hlc
from cnaim_desk.domain.events import COUNTER_OPS, DAY_OPS, TICKET_OPS, Event, EventKey, Op
from cnaim_desk.domain.tickets import (
    AT_COUNTER,
    FINAL,
    IN_QUEUE,
    Priority,
    TicketState,
    TicketStatus,
    TransitionRefused,
    apply,
    issue,
)

S = TicketStatus
TICKET_ID = "R1:0badc0de:1"
CODE = "S023"
T0 = 1_774_000_000_000


class Desk:
    """Writes events about one ticket with increasing keys and clock readings."""

    def __init__(self) -> None:
        self.seq = 1
        self.ms = T0

    def event(self, op: Op, writer: str = "C4", **data: object) -> Event:
        self.seq += 1
        self.ms += 1000
        ticket = "" if op in COUNTER_OPS | DAY_OPS else TICKET_ID
        return Event(EventKey(writer, "0badc0de", self.seq), ticket, op, Hlc(self.ms), data)


def issued_event(**data: object) -> Event:
    fields = {"service": "SS", "number": "23", "code": CODE} | data
    return Event(EventKey.parse(TICKET_ID), TICKET_ID, Op.ISSUED, Hlc(T0), fields)


def run(*ops: Op | tuple[Op, dict]) -> TicketState:
    """A fresh ticket taken through ``ops`` (each step must be allowed)."""
    desk = Desk()
    state = issue(issued_event())
    for step in ops:
        op, data = step if isinstance(step, tuple) else (step, {})
        state = apply(state, desk.event(op, **data))
    return state


TO_GAJ = (Op.REFERRED, {"to": "GAJ"})

# How to bring a fresh ticket to each status.
PATHS: dict[TicketStatus, tuple] = {
    S.WAITING: (),
    S.CALLED: (Op.CALLED,),
    S.SERVING: (Op.CALLED, Op.STARTED),
    S.DONE: (Op.CALLED, Op.STARTED, Op.FINISHED),
    S.NO_SHOW: (Op.CALLED, Op.NO_SHOW),
    S.CANCELLED: (Op.CANCELLED,),
    S.REFERRED: (TO_GAJ,),
    S.CLOSED: (Op.DAY_CLOSED,),
}

# The whole machine, written from the module's docstring and DESIGN.md: for each op, the
# statuses it is allowed from and the status it leads to (None: the status stays).
ALLOWED_FROM: dict[Op, tuple[frozenset[TicketStatus], TicketStatus | None]] = {
    Op.ISSUED: (frozenset(), None),  # a ticket is issued once, by its own first event
    Op.CALLED: (IN_QUEUE, S.CALLED),
    Op.RECALLED: (frozenset({S.CALLED}), None),  # called again, not yet at the counter
    Op.STARTED: (frozenset({S.CALLED}), S.SERVING),
    Op.FINISHED: (frozenset({S.SERVING}), S.DONE),
    Op.NO_SHOW: (frozenset({S.CALLED}), S.NO_SHOW),  # only someone called can fail to come
    Op.REINSTATED: (frozenset({S.NO_SHOW}), S.WAITING),  # "no_show may be reinstated"
    # Anything not final can be cancelled: the person leaves, whatever the step.
    Op.CANCELLED: (IN_QUEUE | AT_COUNTER | {S.NO_SHOW}, S.CANCELLED),
    # From a queue (reception sent them to the wrong one) or from a counter.
    Op.REFERRED: (IN_QUEUE | AT_COUNTER, S.REFERRED),
    Op.REPRINTED: (frozenset(S), None),  # a new paper changes nothing about the ticket
    Op.CHECKED_IN: (IN_QUEUE, None),  # arriving for an appointment while in the queue
    # The day's close catches everyone not yet done with: in a queue or at a counter.
    Op.DAY_CLOSED: (IN_QUEUE | AT_COUNTER, S.CLOSED),
}

OP_DATA = {Op.REFERRED: {"to": "AIMA"}}  # neither SS nor GAJ: a real move
STEPS = [(status, op) for status in S for op in ALLOWED_FROM]


def test_the_table_covers_every_ticket_op_and_the_day_close():
    assert set(ALLOWED_FROM) == TICKET_OPS | {Op.DAY_CLOSED}


@pytest.mark.parametrize(("status", "path"), PATHS.items(), ids=[s.value for s in PATHS])
def test_every_status_is_reachable(status, path):
    assert run(*path).status is status


def test_the_status_groups_are_those_of_the_docstring():
    assert {S.WAITING, S.REFERRED} == IN_QUEUE
    assert {S.CALLED, S.SERVING} == AT_COUNTER
    assert {S.DONE, S.CANCELLED, S.CLOSED} == FINAL


@pytest.mark.parametrize(
    ("status", "op"), STEPS, ids=[f"{status.value}-{op.value}" for status, op in STEPS]
)
def test_every_step_is_allowed_or_refused_as_the_machine_says(status, op):
    state = run(*PATHS[status])
    allowed_from, leads_to = ALLOWED_FROM[op]
    event = Desk().event(op, **OP_DATA.get(op, {}))
    if op is Op.ISSUED:
        event = issued_event()
    if status in allowed_from:
        after = apply(state, event)
        assert after.status is (leads_to or status)
        assert after.updated == event.hlc
        assert after.arrival == state.arrival  # nothing ever moves the arrival
    else:
        with pytest.raises(TransitionRefused) as refused:
            apply(state, event)
        assert CODE in refused.value.reason
        assert str(refused.value) == refused.value.reason
        assert "TicketStatus" not in refused.value.reason  # plain words, not code names


@pytest.mark.parametrize("final", sorted(FINAL))
def test_a_final_ticket_refuses_every_step_that_would_change_it(final):
    state = run(*PATHS[final])
    for op in TICKET_OPS - {Op.REPRINTED}:
        with pytest.raises(TransitionRefused, match=CODE):
            apply(state, Desk().event(op, **OP_DATA.get(op, {})))


def test_reasons_say_what_the_ticket_is_and_what_was_tried():
    with pytest.raises(TransitionRefused) as refused:
        apply(run(*PATHS[S.DONE]), Desk().event(Op.CALLED))
    assert refused.value.reason == "Ticket S023 is already done; it cannot be called."
    with pytest.raises(TransitionRefused) as refused:
        apply(run(), Desk().event(Op.FINISHED))
    assert refused.value.reason == "Ticket S023 is waiting; it cannot be finished."


@pytest.mark.parametrize("op", sorted(COUNTER_OPS | {Op.INFO_GIVEN}))
def test_ops_that_are_not_about_a_ticket_are_refused(op):
    with pytest.raises(TransitionRefused, match=CODE):
        apply(run(), Desk().event(op))


# -- what each step records ------------------------------------------------------------------


def test_issue_reads_the_ticket_from_its_event():
    event = issued_event(
        priority="infant",
        language="bn",
        group_size="3",
        appointment_at="2026-05-04T10:30:00+01:00",
    )
    state = issue(event)
    assert state.id == TICKET_ID
    assert (state.code, state.number) == (CODE, 23)
    assert state.first_service == state.service == "SS"
    assert state.status is S.WAITING
    assert state.priority is Priority.INFANT
    assert (state.language, state.group_size) == ("bn", 3)
    assert state.arrival == event.hlc
    assert state.issued_by == "R1"
    assert state.appointment_at == datetime(2026, 5, 4, 10, 30, tzinfo=LISBON)
    assert state.in_queue


def test_issue_defaults_one_person_in_portuguese_without_priority():
    state = issue(issued_event())
    assert (state.group_size, state.language, state.priority) == (1, "pt", None)
    assert state.appointment_at is None


def test_the_legal_priority_categories_are_exactly_the_four_of_dl_58_2016():
    assert {p.value for p in Priority} == {"disability", "elderly", "pregnancy", "infant"}


@pytest.mark.parametrize(
    "data",
    [
        {"number": "twenty-three"},
        {"number": ""},
        {"group_size": "a family"},
        {"priority": "vip"},
        {"appointment_at": "tomorrow morning"},
    ],
)
def test_an_issued_event_with_malformed_data_is_refused(data):
    with pytest.raises(TransitionRefused, match="malformed"):
        issue(issued_event(**data))


def test_a_call_records_the_counter_and_resets_recalls():
    desk = Desk()
    state = apply(issue(issued_event()), desk.event(Op.CALLED, writer="C4"))
    assert (state.called_by, state.called_at) == ("C4", Hlc(desk.ms))
    state = apply(state, desk.event(Op.RECALLED))
    state = apply(state, desk.event(Op.RECALLED))
    assert state.recalls == 2
    assert state.status is S.CALLED


def test_a_call_made_for_another_counter_names_that_counter():
    state = apply(issue(issued_event()), Desk().event(Op.CALLED, writer="S1", desk="C7"))
    assert state.called_by == "C7"


def test_start_and_finish_are_timed_and_the_outcome_kept():
    desk = Desk()
    state = run(Op.CALLED)
    state = apply(state, desk.event(Op.STARTED))
    started = Hlc(desk.ms)
    state = apply(state, desk.event(Op.FINISHED, outcome="resolved"))
    assert (state.started_at, state.finished_at) == (started, Hlc(desk.ms))
    assert state.outcome == "resolved"
    assert state.status is S.DONE


def test_a_referral_keeps_the_ticket_and_the_arrival_and_moves_the_service():
    before = run(Op.CALLED, Op.STARTED)
    state = apply(before, Desk().event(Op.REFERRED, to="GAJ", reason="lawyer needed"))
    assert state.status is S.REFERRED
    assert (state.id, state.code, state.arrival) == (before.id, CODE, before.arrival)
    assert (state.first_service, state.referred_from, state.service) == ("SS", "SS", "GAJ")
    assert state.referral_reason == "lawyer needed"
    assert state.called_by is None
    assert state.in_queue


def test_a_referred_person_can_be_referred_on_and_called_at_the_new_service():
    state = run(TO_GAJ, Op.CALLED, (Op.REFERRED, {"to": "AIMA"}), Op.CALLED)
    assert state.status is S.CALLED
    assert (state.first_service, state.referred_from, state.service) == ("SS", "GAJ", "AIMA")


def test_a_referral_must_name_a_different_service():
    state = run(Op.CALLED)
    with pytest.raises(TransitionRefused, match=f"{CODE} is already at SS"):
        apply(state, Desk().event(Op.REFERRED, to="SS"))
    with pytest.raises(TransitionRefused, match=CODE):
        apply(state, Desk().event(Op.REFERRED))


def test_a_reinstated_no_show_waits_again_with_the_original_arrival():
    state = run(Op.CALLED, Op.NO_SHOW, Op.REINSTATED)
    assert state.status is S.WAITING
    assert state.arrival == Hlc(T0)
    assert state.called_by is None


def test_reprints_are_counted():
    assert run(Op.REPRINTED, Op.CALLED, Op.REPRINTED).reprints == 2


@pytest.mark.parametrize("status", sorted(IN_QUEUE | AT_COUNTER))
def test_day_close_closes_anyone_not_finished_and_remembers_where_they_were(status):
    state = run(*PATHS[status], Op.DAY_CLOSED)
    assert state.status is S.CLOSED
    assert state.closed_from is status


def test_day_close_leaves_a_no_show_as_a_no_show():
    # A no-show already has the day's outcome; the close has nothing to record for it.
    with pytest.raises(TransitionRefused, match=f"{CODE} was marked as a no-show"):
        apply(run(*PATHS[S.NO_SHOW]), Desk().event(Op.DAY_CLOSED, writer="S1"))
