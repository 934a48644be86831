"""From events to tables: verify what arrives, store the events, fold tickets.

The :class:`Projector` is the only code that writes projection rows. It serves the
journal's own appends, updates from other desks, ``journal rebuild`` (into the real
tables) and ``journal check`` (into a scratch copy, to compare).
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from sqlmodel import Session

from cnaim_desk.domain.centres import CentreProfile
from cnaim_desk.domain.clock import Hlc, HybridClock, wall_clock_ms
from cnaim_desk.domain.events import COUNTER_OPS, TICKET_OPS, Event, EventFormatError, EventKey, Op
from cnaim_desk.domain.languages import LANGUAGE_TAGS
from cnaim_desk.domain.tickets import (
    FINAL,
    Priority,
    TicketState,
    TransitionRefused,
    apply,
    fold,
)
from cnaim_desk.journal import projection_sql as sql
from cnaim_desk.journal.document import ReplicatedDoc, day_of
from cnaim_desk.journal.projection_sql import StoredEvent
from cnaim_desk.journal.signing import SignatureChecker
from cnaim_desk.journal.tables import (
    CounterRow,
    DeskRow,
    QuarantineRow,
)

log = logging.getLogger(__name__)
_DIGITS = re.compile(r"^[0-9]{1,6}$")
#: A ticket's facts from its issue: written with its first row, not by later folds.
_ISSUE_FACTS = (
    "centre",
    "day",
    "first_service",
    "number",
    "code",
    "arrival",
    "issued_by",
    "issued_ms",
    "appointment_at",
    "planned",
)


@dataclass(frozen=True, slots=True)
class Change:
    """What one commit changed, so a listener refreshes only that.

    ``calls`` are the tickets called or recalled, in order; ``conflicts`` are the events
    the state machine refused (key and reason), for staff to be told."""

    doc: str
    origin: str
    ops: frozenset[Op] = frozenset()
    tickets: frozenset[str] = frozenset()
    counters: frozenset[str] = frozenset()
    calls: tuple[str, ...] = ()
    conflicts: tuple[tuple[str, str], ...] = ()
    quarantined: int = 0

    @property
    def day(self) -> str | None:
        return day_of(self.doc)


@dataclass(frozen=True, slots=True)
class DeskEntry:
    """A desk in the centre's registry: what it may do, and the key its events verify with."""

    desk: str
    role: str
    slot: int
    public_key: str
    revoked: bool = False
    #: When it was revoked: its events up to then stay; none later is projected (None:
    #: none of its events at all).
    revoked_at: Hlc | None = None

    def refuses(self, event_hlc: Hlc) -> bool:
        """Whether an event of this desk written at ``event_hlc`` is refused."""
        return self.revoked and (self.revoked_at is None or event_hlc > self.revoked_at)

    @classmethod
    def from_record(cls, desk: str, record: object) -> DeskEntry | None:
        try:
            revoked_at = record.get("revoked_at", "")
            return cls(
                desk=desk,
                role=str(record["role"]),
                slot=int(record["slot"]),
                public_key=str(record["public_key"]),
                revoked=record.get("revoked", "") == "yes",
                revoked_at=Hlc.parse(revoked_at) if revoked_at else None,
            )
        except (TypeError, KeyError, ValueError, AttributeError):
            log.warning("ignoring a malformed desk registry entry for %r", desk)
            return None


@dataclass(frozen=True, slots=True)
class HistoryKeys:
    """The registry a desk had while it worked alone, kept when it joined a centre: the
    events of its days before ``before`` (``YYYY-MM-DD``) verify against these entries.
    Those days are its own history; they are not exchanged with the centre's desks."""

    before: str
    entries: dict[str, DeskEntry]

    def covers(self, doc_name: str) -> bool:
        day = day_of(doc_name)
        return day is not None and day < self.before

    def to_json(self) -> str:
        desks = {
            desk: {"role": e.role, "slot": str(e.slot), "public_key": e.public_key}
            for desk, e in self.entries.items()
        }
        return json.dumps({"before": self.before, "desks": desks}, indent=1, sort_keys=True)

    @classmethod
    def load(cls, path: Path) -> HistoryKeys | None:
        """The kept keys, ``None`` when there are none; ValueError when unreadable."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as error:
            raise ValueError(f"{path}: {error}") from None
        entries = {
            desk: DeskEntry.from_record(desk, record) for desk, record in data["desks"].items()
        }
        return cls(str(data["before"]), {d: e for d, e in entries.items() if e is not None})


def event_from_row(row: StoredEvent) -> Event:
    key = EventKey(row.desk, row.boot, row.seq)
    return Event(key, row.ticket, Op(row.op), Hlc.parse(row.hlc), json.loads(row.data))


def _ms(hlc: Hlc | None) -> int | None:
    return hlc.wall_ms if hlc is not None else None


def _ticket_values(state: TicketState, conflicts: int) -> dict[str, object]:
    return {
        "service": state.service,
        "status": state.status.value,
        "priority": state.priority.value if state.priority else None,
        "language": state.language,
        "group_size": state.group_size,
        "called_by": state.called_by,
        "technician": state.technician,
        "called_ms": _ms(state.called_at),
        "started_ms": _ms(state.started_at),
        "finished_ms": _ms(state.finished_at),
        "recalls": state.recalls,
        "reprints": state.reprints,
        "referred_from": state.referred_from,
        "referral_reason": state.referral_reason,
        "outcome": state.outcome,
        "closed_from": state.closed_from.value if state.closed_from else None,
        "visit": _code_list(state.visit),
        "visited": _code_list(state.visited),
        "interpreter": state.interpreter,
        "children": state.children,
        "lawyer": state.lawyer,
        "cases": state.cases,
        "answers": json.dumps(list(state.answers)),
        "triage": json.dumps(list(state.triage)),
        "booking": state.booking,
        "conflicts": conflicts,
        "updated": str(state.updated),
    }


def _code_list(codes: tuple[str, ...]) -> str:
    return f",{','.join(codes)}," if codes else ""


def validate_event_data(event: Event, profile: CentreProfile) -> str | None:
    """Why an event's data cannot be projected at this centre, or ``None`` when it can."""
    if event.op is Op.ISSUED:
        if not profile.has_service(event.text("service")):
            return f"issued for a service this centre does not have: {event.text('service')!r}"
        if not _DIGITS.match(event.text("number")) or not event.text("code"):
            return "issued without a valid number and code"
        if event.text("language") not in LANGUAGE_TAGS:
            return f"issued in an unknown language {event.text('language')!r}"
        if event.text("priority") and event.text("priority") not in {p.value for p in Priority}:
            return f"issued with an unknown priority {event.text('priority')!r}"
        if not _DIGITS.match(event.text("group_size", "1")):
            return "issued with a malformed group size"
        if not _DIGITS.match(event.text("cases", "1")):
            return "issued with a malformed number of cases"
        for code in event.texts("visit"):
            if not profile.has_service(code):
                return f"issued for a visit to a service this centre does not have: {code!r}"
    if event.op is Op.REFERRED and not profile.has_service(event.text("to")):
        return f"referred to a service this centre does not have: {event.text('to')!r}"
    return None


def _data_text(event: Event) -> str:
    data = {k: list(v) if isinstance(v, tuple) else v for k, v in event.data.items()}
    return json.dumps(data, sort_keys=True, ensure_ascii=False)


class Projector:
    """Verifies events and writes the projection rows of a centre's desk."""

    def __init__(
        self,
        centre: str,
        profile: CentreProfile,
        registry: Callable[[], dict[str, DeskEntry]],
        clock: HybridClock,
        history: HistoryKeys | None = None,
    ):
        self.centre = centre
        self.profile = profile
        self._registry = registry
        self.history = history
        self._clock = clock
        self._checker = SignatureChecker()

    # -- verifying ---------------------------------------------------------------------

    def verify(self, doc_name: str, key: str, record: object) -> tuple[Event, str] | str:
        """The event and its signature, or the reason it must be quarantined."""
        try:
            event, signature = Event.from_record(key, record)
        except EventFormatError as error:
            return str(error)
        entry = None
        if self.history is not None and self.history.covers(doc_name):
            entry = self.history.entries.get(event.desk)
        entry = entry or self._registry().get(event.desk)
        if entry is None:
            return f"signed by {event.desk!r}, which is not in the desk registry"
        if entry.refuses(event.hlc):
            return f"written by the revoked desk {event.desk!r} after it was revoked"
        if not self._checker.verify(entry.public_key, event.signing_payload(doc_name), signature):
            return f"its signature does not verify against {event.desk!r}'s key"
        return validate_event_data(event, self.profile) or (event, signature)

    def quarantine(self, session: Session, doc: str, key: str, reason: str, record: object) -> None:
        log.warning("quarantined event %s in %s: %s", key, doc, reason)
        text = json.dumps(record, default=str, ensure_ascii=False)[:4000]
        session.add(
            QuarantineRow(doc=doc, key=key, reason=reason, record=text, received_ms=wall_clock_ms())
        )

    def ingest_events(
        self,
        session: Session,
        doc_name: str,
        changed: dict[str, object],
        origin: str,
        *,
        refold: bool = True,
    ) -> Change:
        """Verify the entries an update added or changed; project the good, quarantine the rest."""
        items: list[tuple[Event, str]] = []
        quarantined = 0
        for key, record in changed.items():
            verified = self.verify(doc_name, key, record)
            if isinstance(verified, str):
                self.quarantine(session, doc_name, key, verified, record)
                quarantined += 1
            else:
                items.append(verified)
        change = self.project(session, doc_name, items, origin=origin, refold=refold)
        return replace(change, quarantined=change.quarantined + quarantined)

    def replay(self, session: Session, name: str, updates: Iterable[bytes], client_id: int) -> None:
        """Project a day document's stored updates, in the order received, into ``session``
        (the real tables for ``rebuild``, a scratch copy for ``check``)."""
        doc = ReplicatedDoc(name, client_id)
        tickets: set[str] = set()
        for update in updates:
            changed, _ = doc.apply(update)
            tickets |= self.ingest_events(session, name, changed, "rebuild", refold=False).tickets
        self.refold_many(session, name, tickets)

    # -- projecting --------------------------------------------------------------------

    def project_desk(self, session: Session, desk: str, record: object) -> None:
        entry = DeskEntry.from_record(desk, record)
        if entry is not None:
            session.merge(
                DeskRow(
                    desk=desk,
                    role=entry.role,
                    slot=entry.slot,
                    public_key=entry.public_key,
                    revoked=entry.revoked,
                )
            )

    def project(
        self,
        session: Session,
        doc_name: str,
        items: Sequence[tuple[Event, str]],
        *,
        origin: str,
        refold: bool = True,
    ) -> Change:
        """Store verified events and bring the projection up to date with them."""
        day = day_of(doc_name)
        if day is None:
            raise ValueError(f"{doc_name} is not a day document")
        db = sql.connection(session)
        sql.ensure_day(db, day, self.centre)
        ops: set[Op] = set()
        tickets: set[str] = set()
        counters: set[str] = set()
        calls: list[str] = []
        new: list[StoredEvent] = []
        info_given = quarantined = 0
        closed: str | None = None
        # One query for the events already stored, not one lookup per event: a desk back
        # after an hour apart takes in hundreds at once.
        seen = sql.stored_events(db, [str(event.key) for event, _ in items])
        for event, signature in items:
            key = str(event.key)
            data_text = _data_text(event)
            stored = seen.get(key)
            if stored is not None:
                if (stored.sig, stored.data, stored.hlc) != (signature, data_text, str(event.hlc)):
                    record = event.to_record(signature)
                    self.quarantine(
                        session, doc_name, key, "overwrites an event already seen", record
                    )
                    quarantined += 1
                continue
            if origin != "local":
                self._clock.observe(event.hlc)
            seen[key] = StoredEvent(
                key,
                doc_name,
                event.ticket,
                event.op.value,
                str(event.hlc),
                event.key.desk,
                event.key.boot,
                event.key.seq,
                data_text,
                signature,
            )
            new.append(seen[key])
            ops.add(event.op)
            if event.op in TICKET_OPS:
                tickets.add(event.ticket)
                if event.op in (Op.CALLED, Op.RECALLED):
                    calls.append(event.ticket)
            elif event.op in COUNTER_OPS:
                counters.add(event.text("desk") or event.desk)
                self._project_counter(session, day, event)
            elif event.op is Op.INFO_GIVEN:
                info_given += 1
            elif event.op is Op.DAY_CLOSED:
                closed = min(closed or seen[key].hlc, seen[key].hlc)
        sql.insert_events(db, new)
        sql.count_info(db, day, info_given)
        if closed is not None:
            sql.close_day_at(db, day, closed)
            tickets.update(sql.open_tickets(db, day, [s.value for s in FINAL]))
        conflicts: list[tuple[str, str]] = []
        if refold:
            conflicts = self.refold_many(session, doc_name, tickets)
        return Change(
            doc=doc_name,
            origin=origin,
            ops=frozenset(ops),
            tickets=frozenset(tickets),
            counters=frozenset(counters),
            calls=tuple(calls),
            conflicts=tuple(conflicts),
            quarantined=quarantined,
        )

    def _project_counter(self, session: Session, day: str, event: Event) -> None:
        desk = event.text("desk") or event.desk
        row = session.get(CounterRow, (day, desk))
        if row is not None and row.updated > str(event.hlc):
            return  # an older state arriving late changes nothing
        status = {Op.COUNTER_OPENED: "open", Op.COUNTER_PAUSED: "paused"}.get(event.op, "closed")
        values = {
            "status": status,
            "services": json.dumps(list(event.texts("services"))),
            "technician": event.text("technician"),
            "name": event.text("name"),
            "floor": event.text("floor"),
            "side": event.text("side"),
            "updated": str(event.hlc),
        }
        if row is None:
            session.add(CounterRow(day=day, desk=desk, **values))
        else:
            for name, value in values.items():
                setattr(row, name, value)

    def refusal(self, session: Session, doc_name: str, event: Event) -> TransitionRefused | None:
        """Why the state machine refuses ``event`` after the ticket's other events, in parts
        an interface can translate; ``None`` if it is refused for its place in time only."""
        rows = self._ticket_rows(session, doc_name, event.ticket)
        before = fold(event_from_row(row) for row in rows if row.key != str(event.key)).state
        if before is None:
            return None
        try:
            apply(before, event)
        except TransitionRefused as refused:
            return refused
        return None

    @staticmethod
    def _ticket_rows(session: Session, doc_name: str, ticket: str) -> list[StoredEvent]:
        db = sql.connection(session)
        closings = sql.events_with_op(db, doc_name, Op.DAY_CLOSED.value)
        return sql.events_of_tickets(db, [ticket])[ticket] + closings

    def refold(self, session: Session, doc_name: str, ticket: str) -> list[tuple[str, str]]:
        """Fold a ticket's events again and write its row; return the conflicts found."""
        return self.refold_many(session, doc_name, [ticket])

    def refold_many(
        self, session: Session, doc_name: str, tickets: Iterable[str]
    ) -> list[tuple[str, str]]:
        """Fold these tickets' events again and write their rows; return the conflicts
        found. Their events, the day's closings and their rows are read in a few queries."""
        tickets = sorted(set(tickets))
        if not tickets:
            return []
        session.flush()  # counters and quarantine written through the session
        db = sql.connection(session)
        closings = sql.events_with_op(db, doc_name, Op.DAY_CLOSED.value)
        events = sql.events_of_tickets(db, tickets)
        conflicts: list[tuple[str, str]] = []
        effects: list[tuple[str, str | None, str]] = []
        rows: list[dict[str, object]] = []
        for ticket in tickets:
            conflicts.extend(
                self._refold_rows(doc_name, ticket, events[ticket] + closings, effects, rows)
            )
        sql.set_effects(db, effects)
        sql.write_tickets(db, rows, kept=_ISSUE_FACTS)
        return conflicts

    def _refold_rows(
        self,
        doc_name: str,
        ticket: str,
        events: list[StoredEvent],
        effects: list[tuple[str, str | None, str]],
        rows: list[dict[str, object]],
    ) -> list[tuple[str, str]]:
        """Fold one ticket; add to ``effects`` its events whose effect changed and to
        ``rows`` its ticket row; return its conflicts."""
        result = fold(event_from_row(row) for row in events)
        reasons = {str(c.event.key): c.reason for c in result.conflicts}
        pending = {str(e.key) for e in result.pending}
        for row in events:
            if row.ticket != ticket:
                continue
            effect = (
                "conflict" if row.key in reasons else "pending" if row.key in pending else "applied"
            )
            if (row.effect, row.reason) != (effect, reasons.get(row.key)):
                effects.append((effect, reasons.get(row.key), row.key))
        state = result.state
        if state is not None:
            appointment = state.appointment_at.isoformat() if state.appointment_at else None
            rows.append(
                {
                    "id": state.id,
                    "centre": self.centre,
                    "day": day_of(doc_name),
                    "first_service": state.first_service,
                    "number": state.number,
                    "code": state.code,
                    "arrival": str(state.arrival),
                    "issued_by": state.issued_by,
                    "issued_ms": state.arrival.wall_ms,
                    "appointment_at": appointment,
                    "planned": _code_list(state.planned),
                    **_ticket_values(state, len(reasons)),
                }
            )
        return list(reasons.items())
