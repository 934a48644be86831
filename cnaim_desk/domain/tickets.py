"""Tickets and their state machine.

A ticket's state is the fold of its events, in the total order ``(hlc, desk, boot,
seq)``, through :func:`apply`. A step the state machine forbids is refused with a reason
in plain words; inside a fold (events that arrived from other desks) it is recorded as a
conflict and never applied silently.

Statuses (DESIGN.md): ``waiting`` and ``referred`` are in a service's queue (``referred``
is waiting at the service the person was sent on to, with their original arrival time);
``called`` and ``serving`` are at a counter; ``no_show`` may be reinstated; ``done``,
``cancelled`` and ``closed`` (still waiting when the day closed) are final.

A multi-service visit (one person, several matters) is one ticket: finishing at one
service puts it back to ``waiting`` at the next, with its original arrival time.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum

from cnaim_desk.domain.clock import Hlc
from cnaim_desk.domain.events import DAY_OPS, Event, Op


class TicketStatus(StrEnum):
    WAITING = "waiting"
    CALLED = "called"
    SERVING = "serving"
    DONE = "done"
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"
    REFERRED = "referred"
    CLOSED = "closed"


class Priority(StrEnum):
    """Legal priority (Decreto-Lei 58/2016, amended by DL 9/2021). It must be claimed; only
    the flag is recorded, never the proof, and it is never printed or shown to the room."""

    DISABILITY = "disability"  # incapacity of 60% or more
    ELDERLY = "elderly"  # 65 or older with an evident physical or mental limitation
    PREGNANCY = "pregnancy"
    INFANT = "infant"  # accompanying a child up to 2 years old


IN_QUEUE = frozenset({TicketStatus.WAITING, TicketStatus.REFERRED})
AT_COUNTER = frozenset({TicketStatus.CALLED, TicketStatus.SERVING})
FINAL = frozenset({TicketStatus.DONE, TicketStatus.CANCELLED, TicketStatus.CLOSED})
#: What the day's close turns into ``closed``: anyone not yet done with.
OPEN = frozenset(set(TicketStatus) - FINAL - {TicketStatus.NO_SHOW})

_STATUS_WORDS = {
    TicketStatus.WAITING: "waiting",
    TicketStatus.CALLED: "called to a counter",
    TicketStatus.SERVING: "being served",
    TicketStatus.DONE: "already done",
    TicketStatus.NO_SHOW: "marked as a no-show",
    TicketStatus.CANCELLED: "cancelled",
    TicketStatus.REFERRED: "waiting after a referral",
    TicketStatus.CLOSED: "closed with the day",
}


#: The commonest refusal, as a template the staff interface translates (with ``status``
#: a TicketStatus value and ``action`` an Op value, both translated too).
NOT_NOW = "Ticket {code} is {status}; it cannot be {action}."

_ACTION_WORDS = {
    Op.CALLED: "called",
    Op.RECALLED: "recalled",
    Op.STARTED: "started",
    Op.FINISHED: "finished",
    Op.NO_SHOW: "marked as a no-show",
    Op.REINSTATED: "reinstated",
    Op.CANCELLED: "cancelled",
    Op.REFERRED: "referred",
    Op.CHECKED_IN: "checked in",
}


class TransitionRefused(Exception):
    """A step the ticket state machine does not allow; ``reason`` says why in plain words.

    ``template`` and ``params`` carry the same message in parts, so an interface can say
    it in its own language (see :data:`NOT_NOW`)."""

    def __init__(
        self, reason: str, *, template: str | None = None, params: dict[str, str] | None = None
    ):
        self.reason = reason
        self.template = template or reason
        self.params = dict(params or {})
        super().__init__(reason)


@dataclass(frozen=True, slots=True)
class TicketState:
    """Everything known about a ticket after folding its events."""

    id: str
    code: str
    number: int
    first_service: str
    service: str
    status: TicketStatus
    priority: Priority | None
    language: str
    group_size: int
    arrival: Hlc
    issued_by: str
    appointment_at: datetime | None = None
    called_by: str | None = None
    technician: str | None = None  # who called it, as they signed in at the counter
    called_at: Hlc | None = None
    started_at: Hlc | None = None
    finished_at: Hlc | None = None
    recalls: int = 0
    reprints: int = 0
    referred_from: str | None = None
    referral_reason: str | None = None
    outcome: str | None = None
    closed_from: TicketStatus | None = None
    planned: tuple[str, ...] = ()  # every service the ticket was issued for, in turn
    visit: tuple[str, ...] = ()  # services still to visit after this one, in turn
    visited: tuple[str, ...] = ()  # services of the visit it has moved on from
    interpreter: str | None = None
    children: bool = False
    lawyer: str | None = None  # a keyed pseudonym of the lawyer's professional number
    cases: int = 1
    answers: tuple[str, ...] = ()
    triage: tuple[str, ...] = ()  # the triage outcomes that led here
    booking: str | None = None
    updated: Hlc = field(default_factory=lambda: Hlc(0))

    @property
    def issued_at(self) -> datetime:
        return self.arrival.moment

    @property
    def in_queue(self) -> bool:
        return self.status in IN_QUEUE


def _refuse(state: TicketState, op: Op, allowed: Iterable[TicketStatus]) -> None:
    if state.status not in allowed:
        reason = NOT_NOW.format(
            code=state.code, status=_STATUS_WORDS[state.status], action=_ACTION_WORDS[op]
        )
        params = {"code": state.code, "status": state.status.value, "action": op.value}
        raise TransitionRefused(reason, template=NOT_NOW, params=params)


def issue(event: Event) -> TicketState:
    """The state a ticket starts in, from its ``issued`` event."""
    try:
        number = int(event.text("number"))
        group = int(event.text("group_size", "1"))
        cases = int(event.text("cases", "1"))
    except ValueError:
        raise TransitionRefused("The issued event carries a malformed number.") from None
    priority_text = event.text("priority")
    appointment = event.text("appointment_at")
    try:
        priority = Priority(priority_text) if priority_text else None
        appointment_at = datetime.fromisoformat(appointment) if appointment else None
        if appointment_at is not None and appointment_at.tzinfo is None:
            raise ValueError("an appointment time without its offset")
    except ValueError:
        raise TransitionRefused(
            "The issued event carries a malformed priority or appointment time."
        ) from None
    return TicketState(
        id=str(event.key),
        code=event.text("code"),
        number=number,
        first_service=event.text("service"),
        service=event.text("service"),
        status=TicketStatus.WAITING,
        priority=priority,
        language=event.text("language", "pt"),
        group_size=group,
        arrival=event.hlc,
        issued_by=event.desk,
        appointment_at=appointment_at,
        planned=(event.text("service"), *event.texts("visit")),
        visit=event.texts("visit"),
        interpreter=event.text("interpreter") or None,
        children=event.text("children") == "yes",
        lawyer=event.text("lawyer") or None,
        cases=cases,
        answers=event.texts("answers"),
        triage=event.texts("triage"),
        booking=event.text("booking") or None,
        updated=event.hlc,
    )


def apply(state: TicketState, event: Event) -> TicketState:
    """The ticket after ``event``; raises :class:`TransitionRefused` for a forbidden step."""
    op = event.op
    status = TicketStatus
    if op is Op.ISSUED:
        raise TransitionRefused(f"Ticket {state.code} was already issued.")
    if op is Op.CALLED:
        _refuse(state, Op.CALLED, IN_QUEUE)
        desk = event.text("desk") or event.desk
        return replace(
            state,
            status=status.CALLED,
            called_by=desk,
            technician=event.text("technician") or None,
            called_at=event.hlc,
            recalls=0,
            updated=event.hlc,
        )
    if op is Op.RECALLED:
        _refuse(state, Op.RECALLED, {status.CALLED})
        return replace(state, recalls=state.recalls + 1, updated=event.hlc)
    if op is Op.STARTED:
        _refuse(state, Op.STARTED, {status.CALLED})
        return replace(state, status=status.SERVING, started_at=event.hlc, updated=event.hlc)
    if op is Op.FINISHED:
        _refuse(state, Op.FINISHED, {status.SERVING})
        if state.visit:
            # A visit of several services: on to the next one, keeping the arrival time.
            # This service's times are cleared so they never count for the next one.
            return replace(
                state,
                status=status.WAITING,
                service=state.visit[0],
                visit=state.visit[1:],
                visited=(*state.visited, state.service),
                called_by=None,
                technician=None,
                called_at=None,
                started_at=None,
                finished_at=None,
                recalls=0,
                updated=event.hlc,
            )
        return replace(
            state,
            status=status.DONE,
            finished_at=event.hlc,
            outcome=event.text("outcome") or None,
            updated=event.hlc,
        )
    if op is Op.NO_SHOW:
        _refuse(state, Op.NO_SHOW, {status.CALLED})
        return replace(state, status=status.NO_SHOW, updated=event.hlc)
    if op is Op.REINSTATED:
        _refuse(state, Op.REINSTATED, {status.NO_SHOW})
        # Back in the queue with the original arrival time: the person did come.
        return replace(
            state, status=status.WAITING, called_by=None, technician=None, updated=event.hlc
        )
    if op is Op.CANCELLED:
        _refuse(state, Op.CANCELLED, IN_QUEUE | AT_COUNTER | {status.NO_SHOW})
        return replace(state, status=status.CANCELLED, updated=event.hlc)
    if op is Op.REFERRED:
        _refuse(state, Op.REFERRED, IN_QUEUE | AT_COUNTER)
        target = event.text("to")
        if not target:
            raise TransitionRefused(
                f"Ticket {state.code} cannot be referred without naming the service it goes to."
            )
        if target == state.service:
            raise TransitionRefused(f"Ticket {state.code} is already at {target}.")
        return replace(
            state,
            status=status.REFERRED,
            referred_from=state.service,
            service=target,
            referral_reason=event.text("reason") or None,
            called_by=None,
            technician=None,
            recalls=0,
            updated=event.hlc,
        )
    if op is Op.REPRINTED:
        return replace(state, reprints=state.reprints + 1, updated=event.hlc)
    if op is Op.CHECKED_IN:
        _refuse(state, Op.CHECKED_IN, IN_QUEUE)
        return replace(state, updated=event.hlc)
    if op is Op.DAY_CLOSED:
        if state.status not in OPEN:
            raise TransitionRefused(f"Ticket {state.code} was {_STATUS_WORDS[state.status]}.")
        return replace(state, status=status.CLOSED, closed_from=state.status, updated=event.hlc)
    raise TransitionRefused(
        f"Ticket {state.code} cannot take {op.value}: it is not something that happens to a ticket."
    )


@dataclass(frozen=True, slots=True)
class Conflict:
    """An event that could not be applied where it fell in the total order."""

    event: Event
    reason: str


@dataclass(frozen=True, slots=True)
class Fold:
    """The result of folding a ticket's events: its state (``None`` until its ``issued``
    event is known) and the events that were refused, with why."""

    state: TicketState | None
    conflicts: tuple[Conflict, ...]
    pending: tuple[Event, ...] = ()


def fold(events: Iterable[Event]) -> Fold:
    """Fold a ticket's events (and the day's ``day_closed`` events) in total order.

    While the ticket's ``issued`` event has not arrived from its desk, the other events
    are ``pending``, not conflicts: they are folded again once it arrives. An ``issued``
    event whose data is malformed is a conflict, and the ticket stays unknown.
    """
    state: TicketState | None = None
    conflicts: list[Conflict] = []
    pending: list[Event] = []
    for event in sorted(events, key=lambda e: e.order):
        if state is None:
            if event.op is Op.ISSUED:
                try:
                    state = issue(event)
                except TransitionRefused as refused:
                    conflicts.append(Conflict(event, refused.reason))
            elif event.op not in DAY_OPS:
                pending.append(event)
            continue
        if event.op is Op.DAY_CLOSED and state.status not in OPEN:
            continue  # the day's close only touches tickets still open
        try:
            state = apply(state, event)
        except TransitionRefused as refused:
            conflicts.append(Conflict(event, refused.reason))
    if state is None:
        return Fold(None, tuple(conflicts), tuple(pending))
    early = [Conflict(e, "It is ordered before the ticket was issued.") for e in pending]
    return Fold(state, tuple(early + conflicts))
