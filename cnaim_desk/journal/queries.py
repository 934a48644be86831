"""Reading the queue: tickets, positions, expected waits and recent calls, from the
projection tables. Used by the journal inside its transactions and by readers (the
windows, ``ticket list``) on their own read-only connections."""

from __future__ import annotations

import json
from collections import defaultdict, namedtuple
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, func, select, text
from sqlmodel import Session

from cnaim_desk.domain.clock import Hlc, lisbon_from_ms
from cnaim_desk.domain.policy import QueueEntry, QueuePolicy
from cnaim_desk.domain.tickets import IN_QUEUE, TicketStatus
from cnaim_desk.domain.waits import RECENT_SERVICES, expected_wait_minutes
from cnaim_desk.journal.tables import CounterRow, EventRow, TicketRow

_QUEUE_STATUSES = [s.value for s in IN_QUEUE]
_TICKETS = TicketRow.__table__
_EVENTS = EventRow.__table__
#: A ticket row as the queries hand it on: a plain tuple with the table's column names.
#: SQLAlchemy's own rows look names up in Python at every access, and a day's tickets
#: are read, name by name, on every change a desk sees.
TicketRecord = namedtuple("TicketRecord", _TICKETS.c.keys())


@dataclass(frozen=True, slots=True)
class TicketView:
    """A ticket as staff screens, the command line and scripts see it."""

    id: str
    day: str
    code: str
    number: int
    service: str
    first_service: str
    status: TicketStatus
    priority: str | None
    language: str
    group_size: int
    issued_at: datetime
    issued_by: str
    position: int | None
    expected_wait_minutes: int | None
    called_by: str | None
    called_at: datetime | None
    recalls: int
    reprints: int
    referred_from: str | None
    conflicts: int
    visit: tuple[str, ...] = ()
    interpreter: str | None = None
    children: bool = False
    lawyer: bool = False
    cases: int = 1
    appointment_at: datetime | None = None
    booking: str | None = None
    answers: tuple[str, ...] = ()
    triage: tuple[str, ...] = ()
    technician: str | None = None
    outcome: str | None = None
    referral_reason: str | None = None

    def to_json(self) -> dict[str, object]:
        """The contract of ``--json`` (names and values as DESIGN.md's table)."""
        return {
            "id": self.id,
            "code": self.code,
            "service": self.service,
            "status": self.status.value,
            "priority": self.priority,
            "language": self.language,
            "issued_at": self.issued_at.isoformat(timespec="seconds"),
            "position": self.position,
            "expected_wait_minutes": self.expected_wait_minutes,
            "day": self.day,
            "number": self.number,
            "group_size": self.group_size,
            "called_by": self.called_by,
            "called_at": self.called_at.isoformat(timespec="seconds") if self.called_at else None,
            "recalls": self.recalls,
            "reprints": self.reprints,
            "referred_from": self.referred_from,
            "issued_by": self.issued_by,
            "visit": list(self.visit),
            "interpreter": self.interpreter,
            "children": self.children,
            "lawyer": self.lawyer,
            "cases": self.cases,
            "appointment_at": (
                self.appointment_at.isoformat(timespec="seconds") if self.appointment_at else None
            ),
            "booking": self.booking,
            "answers": list(self.answers),
            "triage": list(self.triage),
            "technician": self.technician,
            "outcome": self.outcome,
            "referral_reason": self.referral_reason,
        }


@dataclass(frozen=True, slots=True)
class ServiceLoad:
    """A service's queue at a glance: for side panels and the calling board."""

    service: str
    waiting: int
    expected_wait_minutes: int | None
    open_counters: int
    issued_today: int


@dataclass(frozen=True, slots=True)
class CallView:
    """A call as the room sees it: a code and a counter, nothing more."""

    ticket_id: str
    code: str
    service: str
    desk: str
    at: datetime
    recalls: int


@dataclass(frozen=True, slots=True)
class ConflictView:
    """A step the queue refused where it fell in the desks' common order, typically two
    counters that called the same person while they could not reach each other: the
    step (``op``) and the counter it names (``desk``), why it was refused, and the
    counter the ticket is with now (``holder``)."""

    key: str
    ticket: str
    code: str
    op: str
    desk: str
    reason: str
    holder: str | None


@dataclass(frozen=True, slots=True)
class CounterView:
    """A counter desk on a day: open, paused or closed, what it serves, who signed in, and
    how the board names it and directs people to it."""

    desk: str
    status: str
    services: tuple[str, ...]
    technician: str
    name: str
    floor: str
    side: str

    @property
    def label(self) -> str:
        """How the room knows it: its display name, else its desk id."""
        return self.name or self.desk

    @property
    def directions(self) -> str:
        """Where it is ("Piso 1 · esquerda"), empty when not configured."""
        return " · ".join(part for part in (self.floor, self.side) if part)


@dataclass(frozen=True, slots=True)
class CounterDay:
    """What a counter did today, for its technician: people called, served, no-shows and
    the median service time (minutes, from start to finish)."""

    called: int
    served: int
    no_shows: int
    median_service_minutes: float | None


def _entry(row: TicketRecord) -> QueueEntry:
    return QueueEntry(
        ticket_id=row.id,
        arrival=Hlc.parse(row.arrival),
        has_priority=row.priority is not None,
        appointment_at=datetime.fromisoformat(row.appointment_at) if row.appointment_at else None,
    )


def _texts(column: str) -> tuple:
    """A JSON list column as a tuple (most are empty: no parsing for those)."""
    return () if column == "[]" else tuple(json.loads(column))


def _view(row: TicketRecord, position: int | None, wait: int | None) -> TicketView:
    return TicketView(
        id=row.id,
        day=row.day,
        code=row.code,
        number=row.number,
        service=row.service,
        first_service=row.first_service,
        status=TicketStatus(row.status),
        priority=row.priority,
        language=row.language,
        group_size=row.group_size,
        issued_at=lisbon_from_ms(row.issued_ms),
        issued_by=row.issued_by,
        position=position,
        expected_wait_minutes=wait,
        called_by=row.called_by,
        called_at=lisbon_from_ms(row.called_ms) if row.called_ms else None,
        recalls=row.recalls,
        reprints=row.reprints,
        referred_from=row.referred_from,
        conflicts=row.conflicts,
        visit=tuple(code for code in row.visit.split(",") if code),
        interpreter=row.interpreter,
        children=bool(row.children),
        lawyer=row.lawyer is not None,
        cases=row.cases,
        appointment_at=datetime.fromisoformat(row.appointment_at) if row.appointment_at else None,
        booking=row.booking,
        answers=_texts(row.answers),
        triage=_texts(row.triage),
        technician=row.technician,
        outcome=row.outcome,
        referral_reason=row.referral_reason,
    )


class QueueQueries:
    """Queries over one session; ``now`` decides which appointments are due."""

    def __init__(self, session: Session, policy: QueuePolicy, now: datetime):
        self.session = session
        self.policy = policy
        self.now = now

    # Rows are read with SQLAlchemy Core, not as ORM objects: a day's queue is read on
    # every change, and building ORM instances cost more than the query itself.

    def rows(
        self,
        day: str,
        statuses: Iterable[str] | None = None,
        services: Iterable[str] | None = None,
    ) -> list[TicketRecord]:
        """The day's ticket rows, optionally only some statuses and services."""
        query = select(_TICKETS).where(_TICKETS.c.day == day)
        if statuses is not None:
            query = query.where(_TICKETS.c.status.in_(list(statuses)))
        if services:
            query = query.where(_TICKETS.c.service.in_(list(services)))
        return [TicketRecord._make(row) for row in self.session.execute(query)]

    def ordered_queue(
        self, day: str, services: Sequence[str] | None = None, *, lawyers: bool | None = False
    ) -> list[TicketRecord]:
        """Waiting tickets in calling order, over one service or a counter's several.

        Lawyers and representatives have a queue of their own: ``lawyers`` True gives it,
        False the queue of everyone else, None both."""
        rows = self.rows(day, _QUEUE_STATUSES, services)
        if lawyers is not None:
            rows = [row for row in rows if (row.lawyer is not None) == lawyers]
        return self._in_calling_order(rows)

    def _in_calling_order(self, rows: Iterable[TicketRecord]) -> list[TicketRecord]:
        by_id = {row.id: row for row in rows if row.status in _QUEUE_STATUSES}
        ordered = self.policy.order((_entry(row) for row in by_id.values()), self.now)
        return [by_id[entry.ticket_id] for entry in ordered]

    def waiting(self, day: str, services: Sequence[str] | None = None) -> list[TicketView]:
        """Waiting tickets in calling order, each with its position in its own service."""
        queue = self.ordered_queue(day, services, lawyers=None)
        positions, waits = self._positions(day, queue)
        return [_view(row, positions.get(row.id), waits.get(row.id)) for row in queue]

    def recent_service_seconds(self, service: str) -> list[float]:
        """Call-to-finish durations of the latest services, oldest first."""
        return self.recent_service_seconds_of([service])[service]

    def recent_service_seconds_of(self, services: Iterable[str]) -> dict[str, list[float]]:
        """The same for several services in one round trip (each part uses the
        ``(service, finished_ms)`` index, so history in the file costs nothing)."""
        wanted = sorted(set(services))
        result: dict[str, list[float]] = {service: [] for service in wanted}
        if not wanted:
            return result
        parts = " UNION ALL ".join(
            f"SELECT * FROM (SELECT service, called_ms, finished_ms FROM ticket"
            f" WHERE service = :s{i} AND finished_ms IS NOT NULL AND called_ms IS NOT NULL"
            f" ORDER BY finished_ms DESC LIMIT {RECENT_SERVICES})"
            for i in range(len(wanted))
        )
        params = {f"s{i}": service for i, service in enumerate(wanted)}
        for service, start, end in self.session.execute(text(parts), params):
            result[service].append((end - start) / 1000)
        return {service: durations[::-1] for service, durations in result.items()}

    def conflict(self, key: str) -> ConflictView | None:
        """The refused step with event key ``key``, or ``None`` if it is not one."""
        event = self.session.execute(
            select(_EVENTS).where(_EVENTS.c.key == key, _EVENTS.c.effect == "conflict")
        ).first()
        if event is None:
            return None
        ticket = self.session.execute(select(_TICKETS).where(_TICKETS.c.id == event.ticket)).first()
        if ticket is None:
            return None
        data = json.loads(event.data or "{}")
        return ConflictView(
            key,
            event.ticket,
            ticket.code,
            event.op,
            str(data.get("desk") or event.desk),
            event.reason or "",
            ticket.called_by,
        )

    def counters(self, day: str) -> dict[str, CounterView]:
        """Every counter that opened on ``day``, by desk id."""
        rows = self.session.execute(select(CounterRow).where(CounterRow.day == day)).scalars()
        return {
            row.desk: CounterView(
                row.desk,
                row.status,
                tuple(json.loads(row.services or "[]")),
                row.technician,
                row.name,
                row.floor,
                row.side,
            )
            for row in rows
        }

    def counter_day(self, day: str, desk: str, technician: str | None = None) -> CounterDay:
        """Today's work of counter ``desk`` (and of ``technician`` there, when given)."""
        query = select(_TICKETS.c.status, _TICKETS.c.started_ms, _TICKETS.c.finished_ms).where(
            _TICKETS.c.day == day, _TICKETS.c.called_by == desk
        )
        if technician is not None:
            query = query.where(_TICKETS.c.technician == technician)
        rows = list(self.session.execute(query))
        durations = sorted(
            (row.finished_ms - row.started_ms) / 60000
            for row in rows
            if row.status == TicketStatus.DONE.value and row.started_ms and row.finished_ms
        )
        median = None
        if durations:
            middle = len(durations) // 2
            median = (
                durations[middle]
                if len(durations) % 2
                else (durations[middle - 1] + durations[middle]) / 2
            )
        return CounterDay(
            called=len(rows),
            served=sum(row.status == TicketStatus.DONE.value for row in rows),
            no_shows=sum(row.status == TicketStatus.NO_SHOW.value for row in rows),
            median_service_minutes=median,
        )

    def open_counters(self, day: str) -> dict[str, set[str]]:
        """Open counters per service; a counter that lists no services serves any."""
        counters = (
            self.session.execute(
                select(CounterRow).where(CounterRow.day == day, CounterRow.status == "open")
            )
            .scalars()
            .all()
        )
        result: dict[str, set[str]] = defaultdict(set)
        for counter in counters:
            for service in json.loads(counter.services or "[]") or ["*"]:
                result[service].add(counter.desk)
        return result

    def _counters_for(self, service: str, open_by_service: dict[str, set[str]]) -> int:
        return len(open_by_service.get(service, set()) | open_by_service.get("*", set()))

    def tickets(self, day: str, status: str | None = None) -> list[TicketView]:
        """The day's tickets in issue order, with positions and waits for those waiting."""
        rows = self.rows(day)
        positions, waits = self._positions(day, self._in_calling_order(rows))
        views = [
            _view(row, positions.get(row.id), waits.get(row.id))
            for row in rows
            if status is None or row.status == status
        ]
        return sorted(views, key=lambda view: (view.issued_at, view.id))

    def ticket(self, day: str, ref: str) -> TicketView | None:
        """A ticket of the day by id or by code (``A023``, any letter case)."""
        condition = (
            _TICKETS.c.id == ref
            if ":" in ref
            else (_TICKETS.c.day == day) & (_TICKETS.c.code == ref.upper())
        )
        found = self.session.execute(select(_TICKETS).where(condition)).first()
        if found is None:
            return None
        row = TicketRecord._make(found)
        if row.status not in _QUEUE_STATUSES:  # at a counter or done: no place in a queue
            return _view(row, None, None)
        queue = self.ordered_queue(row.day, [row.service], lawyers=None)
        positions, waits = self._positions(row.day, queue)
        return _view(row, positions.get(row.id), waits.get(row.id))

    def _positions(
        self, day: str, queue: Sequence[TicketRecord]
    ) -> tuple[dict[str, int], dict[str, int | None]]:
        """People ahead and expected wait of each ticket of ``queue`` (in calling order)."""
        # Each service has two queues: lawyers and representatives, and everyone else.
        by_queue: dict[tuple[str, bool], list[TicketRecord]] = defaultdict(list)
        for row in queue:
            by_queue[(row.service, row.lawyer is not None)].append(row)
        if not by_queue:
            return {}, {}
        open_by_service = self.open_counters(day)
        durations = self.recent_service_seconds_of(service for service, _ in by_queue)
        positions: dict[str, int] = {}
        waits: dict[str, int | None] = {}
        for (service, _lawyers), rows in by_queue.items():
            counters = self._counters_for(service, open_by_service)
            for index, row in enumerate(rows):
                positions[row.id] = index
                waits[row.id] = expected_wait_minutes(index, durations[service], counters)
        return positions, waits

    def walk_ins_today(self, day: str, service: str, desk: str | None = None) -> int:
        """Tickets of the day that visit ``service``, appointments and cancelled tickets
        aside: what its daily quota counts (those issued at ``desk`` only, when given)."""
        query = select(func.count()).where(
            _TICKETS.c.day == day,
            _TICKETS.c.planned.like(f"%,{service},%"),
            _TICKETS.c.appointment_at.is_(None),
            _TICKETS.c.status != "cancelled",
        )
        if desk is not None:  # a ticket's id is the key of its issue: "<desk>:<boot>:<seq>"
            query = query.where(_TICKETS.c.id.like(f"{desk}:%"))
        return self.session.execute(query).scalar_one()

    def lawyer_cases_today(self, day: str, lawyer: str) -> int:
        """Cases a lawyer (by pseudonym) brought today, cancelled tickets aside."""
        query = select(func.coalesce(func.sum(_TICKETS.c.cases), 0)).where(
            _TICKETS.c.day == day,
            _TICKETS.c.lawyer == lawyer,
            _TICKETS.c.status != "cancelled",
        )
        return self.session.execute(query).scalar_one()

    def service_loads(self, day: str, services: Sequence[str]) -> list[ServiceLoad]:
        """Waiting count and the expected wait of a new arrival, per service."""
        issued = dict(
            self.session.execute(
                select(_TICKETS.c.first_service, func.count())
                .where(_TICKETS.c.day == day)
                .group_by(_TICKETS.c.first_service)
            ).all()
        )
        waiting = dict(
            self.session.execute(
                select(_TICKETS.c.service, func.count())
                .where(_TICKETS.c.day == day, _TICKETS.c.status.in_(_QUEUE_STATUSES))
                .group_by(_TICKETS.c.service)
            ).all()
        )
        open_by_service = self.open_counters(day)
        durations = self.recent_service_seconds_of(services)
        loads = []
        for service in services:
            counters = self._counters_for(service, open_by_service)
            people = waiting.get(service, 0)
            wait = expected_wait_minutes(people, durations[service], counters)
            loads.append(ServiceLoad(service, people, wait, counters, issued.get(service, 0)))
        return loads

    def recent_calls(self, day: str, limit: int = 6) -> list[CallView]:
        """The latest calls, newest first (tickets called, being served or finished)."""
        query = (
            select(_TICKETS)
            .where(_TICKETS.c.day == day, _TICKETS.c.called_ms.is_not(None))
            .order_by(_TICKETS.c.called_ms.desc())
            .limit(limit)
        )
        return [
            CallView(
                row.id,
                row.code,
                row.service,
                row.called_by or "",
                lisbon_from_ms(row.called_ms),
                row.recalls,
            )
            for row in self.session.execute(query)
        ]


class QueueReader:
    """Read-only access for windows and commands, each call on a short session."""

    def __init__(self, engine: Engine, policy: QueuePolicy, now: callable):
        self._engine = engine
        self._policy = policy
        self._now = now

    def run(self, read):
        """Run ``read(queries)`` on a fresh session and return its result."""
        with Session(self._engine) as session:
            return read(QueueQueries(session, self._policy, self._now()))
