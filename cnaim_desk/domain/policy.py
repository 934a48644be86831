"""Who is called next at a service.

The order (DESIGN.md, DL 58/2016):

1. appointments that are due (their time, less a lead, has come), by appointment time;
   appointment-based attendance is exempt from legal priority;
2. holders of a legal priority, in arrival order;
3. everyone else, in arrival order.

Arrival is the ``issued`` event's clock reading, which never changes: a person who is
referred to another service or reinstated after a no-show keeps their place in time.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from cnaim_desk.domain.clock import Hlc


@dataclass(frozen=True, slots=True)
class QueueEntry:
    """What the policy needs to know about a waiting ticket: nothing personal."""

    ticket_id: str
    arrival: Hlc
    has_priority: bool = False
    appointment_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class QueuePolicy:
    """Orders a service's waiting tickets; ``appointment_lead`` is how early before its
    time an appointment starts to take precedence."""

    appointment_lead: timedelta = timedelta(minutes=15)

    def appointment_due(self, entry: QueueEntry, now: datetime) -> bool:
        return (
            entry.appointment_at is not None and now >= entry.appointment_at - self.appointment_lead
        )

    def sort_key(self, entry: QueueEntry, now: datetime) -> tuple:
        if self.appointment_due(entry, now):
            assert entry.appointment_at is not None
            return (0, entry.appointment_at.timestamp(), entry.arrival, entry.ticket_id)
        # An appointment that is not due yet waits as an ordinary arrival: priority
        # does not apply to appointments.
        group = 1 if entry.has_priority and entry.appointment_at is None else 2
        return (group, 0.0, entry.arrival, entry.ticket_id)

    def order(self, entries: Iterable[QueueEntry], now: datetime) -> list[QueueEntry]:
        """The waiting tickets in calling order, first to be called first."""
        return sorted(entries, key=lambda entry: self.sort_key(entry, now))
