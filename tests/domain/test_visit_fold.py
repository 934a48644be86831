"""A visit of several services on one ticket, and the triage fields a ticket carries,
through :func:`fold` (tickets.py).

Finishing at one service puts the ticket back to ``waiting`` at the next, with its
original arrival and with the last service's times cleared; finishing at the last one is
``done``. The issued event's triage fields (interpreter, Children Space, lawyer, cases,
answers, outcomes) are read into the ticket's state.
"""

from __future__ import annotations

import itertools
import random

import pytest

from cnaim_desk.domain.clock import Hlc
from cnaim_desk.domain.events import Event, EventKey, Op
from cnaim_desk.domain.tickets import TicketState, TicketStatus, fold

S = TicketStatus
TICKET_ID = "R1:0badc0de:1"
T0 = 1_774_000_000_000
MINUTE = 60_000


def issued(**data: object) -> Event:
    fields = {"service": "GAT", "number": "7", "code": "G007"} | data
    return Event(EventKey.parse(TICKET_ID), TICKET_ID, Op.ISSUED, Hlc(T0), fields)


class Counter:
    """A counter desk writing events with increasing keys and clock readings."""

    def __init__(self, desk: str = "C4") -> None:
        self.desk = desk
        self.seq = itertools.count(1)
        self.ms = T0

    def event(self, op: Op, **data: object) -> Event:
        self.ms += MINUTE
        key = EventKey(self.desk, "00000001", next(self.seq))
        return Event(key, TICKET_ID, op, Hlc(self.ms), data)

    def serve(self, *, recall: bool = False, **finished: object) -> list[Event]:
        events = [self.event(Op.CALLED)]
        if recall:
            events.append(self.event(Op.RECALLED))
        return [*events, self.event(Op.STARTED), self.event(Op.FINISHED, **finished)]


def state_of(events: list[Event]) -> TicketState:
    result = fold(events)
    assert result.conflicts == ()
    assert result.state is not None
    return result.state


VISIT = issued(visit=["SS", "AIMA"])


def test_a_visit_is_issued_for_its_first_service_with_the_rest_in_turn():
    state = state_of([VISIT])
    assert (state.status, state.service, state.first_service) == (S.WAITING, "GAT", "GAT")
    assert state.visit == ("SS", "AIMA")
    assert state.planned == ("GAT", "SS", "AIMA")
    assert state.visited == ()


def test_finishing_at_one_service_puts_the_ticket_in_the_next_queue():
    counter = Counter()
    state = state_of([VISIT, *counter.serve(recall=True, outcome="screened")])
    assert state.status is S.WAITING
    assert state.service == "SS"
    assert state.visit == ("AIMA",)
    assert state.visited == ("GAT",)
    assert state.arrival == Hlc(T0)  # the original arrival: no new place at the back
    assert state.issued_at == Hlc(T0).moment
    assert state.called_by is None
    assert state.called_at is None
    assert state.started_at is None
    assert state.finished_at is None
    assert state.recalls == 0
    assert state.outcome is None
    assert state.in_queue
    assert state.first_service == "GAT"
    assert state.planned == ("GAT", "SS", "AIMA")
    assert state.updated == Hlc(counter.ms)


def test_then_on_to_the_last_service_then_done():
    counter = Counter()
    events = [VISIT, *counter.serve()]
    events += counter.serve()
    state = state_of(events)
    assert (state.status, state.service, state.visit) == (S.WAITING, "AIMA", ())
    assert state.visited == ("GAT", "SS")
    assert state.arrival == Hlc(T0)
    assert state.called_at is None
    events += counter.serve(outcome="renewed")
    state = state_of(events)
    assert state.status is S.DONE
    assert state.service == "AIMA"
    assert state.visit == ()
    assert state.visited == ("GAT", "SS")
    assert state.finished_at == Hlc(counter.ms)
    assert state.called_at is not None
    assert state.outcome == "renewed"
    assert state.arrival == Hlc(T0)


def test_the_next_service_calls_the_ticket_like_any_other_in_its_queue():
    counter, other = Counter("C4"), Counter("C7")
    other.ms = T0 + 10 * MINUTE
    events = [VISIT, *counter.serve(), other.event(Op.CALLED, desk="C7")]
    state = state_of(events)
    assert (state.status, state.service, state.called_by) == (S.CALLED, "SS", "C7")
    assert state.called_at == Hlc(other.ms)


def test_a_visit_folds_the_same_in_any_arrival_order():
    counter = Counter()
    events = [VISIT, *counter.serve(), *counter.serve(), *counter.serve()]
    expected = state_of(events)
    shuffled = list(events)
    for seed in range(5):
        random.Random(seed).shuffle(shuffled)
        assert state_of(shuffled) == expected


def test_a_ticket_for_one_service_is_done_when_finished():
    counter = Counter()
    state = state_of([issued(), *counter.serve()])
    assert state.status is S.DONE
    assert (state.visit, state.visited, state.planned) == ((), (), ("GAT",))


def test_a_visit_cancelled_half_way_stays_cancelled():
    counter = Counter()
    state = state_of([VISIT, *counter.serve(), counter.event(Op.CANCELLED)])
    assert state.status is S.CANCELLED
    assert state.service == "SS"
    assert state.visit == ("AIMA",)


# -- triage fields -------------------------------------------------------------------------------


def test_the_issued_event_carries_the_triage_fields():
    state = state_of(
        [
            issued(
                visit=["SS"],
                interpreter="telephone",
                children="yes",
                lawyer="k1:3f9a0c",
                cases="2",
                answers=["matter:permit", "permit:renewal", "matter:niss"],
                triage=["aima_renewal", "ss_niss"],
                booking="LAM-2026-004512",
                language="bn",
                group_size="3",
                priority="pregnancy",
                appointment_at="2026-03-02T09:30:00+00:00",
            )
        ]
    )
    assert state.interpreter == "telephone"
    assert state.children is True
    assert state.lawyer == "k1:3f9a0c"
    assert state.cases == 2
    assert state.answers == ("matter:permit", "permit:renewal", "matter:niss")
    assert state.triage == ("aima_renewal", "ss_niss")
    assert state.booking == "LAM-2026-004512"
    assert (state.language, state.group_size) == ("bn", 3)
    assert state.priority == "pregnancy"
    assert state.appointment_at.isoformat() == "2026-03-02T09:30:00+00:00"


def test_without_triage_fields_a_ticket_has_none():
    state = state_of([issued()])
    assert state.interpreter is None
    assert state.children is False
    assert state.lawyer is None
    assert state.cases == 1
    assert state.answers == ()
    assert state.triage == ()
    assert state.booking is None


@pytest.mark.parametrize("children", ["no", "", "true", "YES"])
def test_only_yes_means_children(children):
    assert state_of([issued(children=children)]).children is False


@pytest.mark.parametrize("field", ["interpreter", "lawyer", "booking"])
def test_an_empty_field_is_none(field):
    assert getattr(state_of([issued(**{field: ""})]), field) is None


def test_the_triage_fields_survive_the_whole_visit():
    counter = Counter()
    first = issued(visit=["SS"], interpreter="staff", lawyer="k1:aa", cases="3", triage=["x"])
    state = state_of([first, *counter.serve(), *counter.serve()])
    assert state.status is S.DONE
    assert (state.interpreter, state.lawyer, state.cases, state.triage) == (
        "staff",
        "k1:aa",
        3,
        ("x",),
    )


def test_malformed_cases_make_the_issued_event_a_conflict():
    result = fold([issued(cases="two")])
    assert result.state is None
    assert len(result.conflicts) == 1
    assert "malformed number" in result.conflicts[0].reason
