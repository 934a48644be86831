"""Reading the queue: tickets, positions, expected waits and recent calls, from the
projection tables. Used by the journal inside its transactions and by readers (the
windows, ``ticket list``) on their own read-only connections."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from cnaim_desk.domain.clock import Hlc, lisbon_from_ms
from cnaim_desk.domain.policy import QueueEntry, QueuePolicy
from cnaim_desk.domain.tickets import IN_QUEUE, TicketStatus
from cnaim_desk.domain.waits import RECENT_SERVICES, expected_wait_minutes
from cnaim_desk.journal.tables import CounterRow, DayRow, TicketRow

_QUEUE_STATUSES = [s.value for s in IN_QUEUE]


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


def _entry(row: TicketRow) -> QueueEntry:
    return QueueEntry(
        ticket_id=row.id,
        arrival=Hlc.parse(row.arrival),
        has_priority=row.priority is not None,
        appointment_at=datetime.fromisoformat(row.appointment_at) if row.appointment_at else None,
    )


def _view(row: TicketRow, position: int | None, wait: int | None) -> TicketView:
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
    )


class QueueQueries:
    """Queries over one session; ``now`` decides which appointments are due."""

    def __init__(self, session: Session, policy: QueuePolicy, now: datetime):
        self.session = session
        self.policy = policy
        self.now = now

    def rows(self, day: str, statuses: Iterable[str] | None = None) -> list[TicketRow]:
        query = select(TicketRow).where(TicketRow.day == day)
        if statuses is not None:
            query = query.where(col(TicketRow.status).in_(list(statuses)))
        return list(self.session.exec(query))

    def ordered_queue(self, day: str, services: Sequence[str] | None = None) -> list[TicketRow]:
        """Waiting tickets in calling order, over one service or a counter's several."""
        query = select(TicketRow).where(
            TicketRow.day == day, col(TicketRow.status).in_(_QUEUE_STATUSES)
        )
        if services:
            query = query.where(col(TicketRow.service).in_(list(services)))
        rows = {row.id: row for row in self.session.exec(query)}
        ordered = self.policy.order((_entry(r) for r in rows.values()), self.now)
        return [rows[entry.ticket_id] for entry in ordered]

    def waiting(self, day: str, services: Sequence[str] | None = None) -> list[TicketView]:
        """Waiting tickets in calling order, each with its position in its own service."""
        rows = self.ordered_queue(day, services)
        positions, waits = self._positions(day, sorted({row.service for row in rows}))
        return [_view(row, positions.get(row.id), waits.get(row.id)) for row in rows]

    def recent_service_seconds(self, service: str) -> list[float]:
        """Call-to-finish durations of the latest services, oldest first."""
        query = (
            select(TicketRow.called_ms, TicketRow.finished_ms)
            .where(
                TicketRow.service == service,
                col(TicketRow.finished_ms).is_not(None),
                col(TicketRow.called_ms).is_not(None),
            )
            .order_by(col(TicketRow.finished_ms).desc())
            .limit(RECENT_SERVICES)
        )
        return [(end - start) / 1000 for start, end in reversed(self.session.exec(query).all())]

    def open_counters(self, day: str) -> dict[str, set[str]]:
        """Open counters per service; a counter that lists no services serves any."""
        counters = self.session.exec(
            select(CounterRow).where(CounterRow.day == day, CounterRow.status == "open")
        ).all()
        result: dict[str, set[str]] = defaultdict(set)
        for counter in counters:
            for service in json.loads(counter.services or "[]") or ["*"]:
                result[service].add(counter.desk)
        return result

    def _counters_for(self, service: str, open_by_service: dict[str, set[str]]) -> int:
        return len(open_by_service.get(service, set()) | open_by_service.get("*", set()))

    def tickets(self, day: str, status: str | None = None) -> list[TicketView]:
        """The day's tickets in issue order, with positions and waits for those waiting."""
        rows = self.rows(day, [status] if status else None)
        positions, waits = self._positions(day)
        views = [_view(r, positions.get(r.id), waits.get(r.id)) for r in rows]
        return sorted(views, key=lambda v: (v.issued_at, v.id))

    def ticket(self, day: str, ref: str) -> TicketView | None:
        """A ticket of the day by id or by code (``A023``, any letter case)."""
        if ":" in ref:
            row = self.session.get(TicketRow, ref)
        else:
            row = self.session.exec(
                select(TicketRow).where(TicketRow.day == day, TicketRow.code == ref.upper())
            ).first()
        if row is None:
            return None
        positions, waits = self._positions(row.day, [row.service])
        return _view(row, positions.get(row.id), waits.get(row.id))

    def _positions(
        self, day: str, services: Sequence[str] | None = None
    ) -> tuple[dict[str, int], dict[str, int | None]]:
        by_service: dict[str, list[TicketRow]] = defaultdict(list)
        for row in self.ordered_queue(day, services):
            by_service[row.service].append(row)
        open_by_service = self.open_counters(day)
        positions: dict[str, int] = {}
        waits: dict[str, int | None] = {}
        for service, rows in by_service.items():
            durations = self.recent_service_seconds(service)
            counters = self._counters_for(service, open_by_service)
            for index, row in enumerate(rows):
                positions[row.id] = index
                waits[row.id] = expected_wait_minutes(index, durations, counters)
        return positions, waits

    def service_loads(self, day: str, services: Sequence[str]) -> list[ServiceLoad]:
        """Waiting count and the expected wait of a new arrival, per service."""
        waiting: dict[str, int] = defaultdict(int)
        issued: dict[str, int] = defaultdict(int)
        for row in self.rows(day):
            issued[row.first_service] += 1
            if row.status in _QUEUE_STATUSES:
                waiting[row.service] += 1
        open_by_service = self.open_counters(day)
        loads = []
        for service in services:
            counters = self._counters_for(service, open_by_service)
            wait = expected_wait_minutes(
                waiting[service], self.recent_service_seconds(service), counters
            )
            loads.append(ServiceLoad(service, waiting[service], wait, counters, issued[service]))
        return loads

    def recent_calls(self, day: str, limit: int = 6) -> list[CallView]:
        """The latest calls, newest first (tickets called, being served or finished)."""
        query = (
            select(TicketRow)
            .where(TicketRow.day == day, col(TicketRow.called_ms).is_not(None))
            .order_by(col(TicketRow.called_ms).desc())
            .limit(limit)
        )
        return [
            CallView(
                r.id, r.code, r.service, r.called_by or "", lisbon_from_ms(r.called_ms), r.recalls
            )
            for r in self.session.exec(query)
            if r.called_ms is not None
        ]

    def day_row(self, day: str) -> DayRow | None:
        return self.session.get(DayRow, day)


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
