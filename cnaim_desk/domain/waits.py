"""Expected waiting time at a service."""

from __future__ import annotations

import math
from collections.abc import Sequence

#: How many of the most recent completed services the estimate averages over.
RECENT_SERVICES = 20


def expected_wait_minutes(
    people_ahead: int, recent_service_seconds: Sequence[float], open_counters: int
) -> int | None:
    """Minutes until a person is called, or ``None`` with no service history yet.

    With ``T`` the mean duration of the recent services at this service (from call to
    finish, the last :data:`RECENT_SERVICES` at most), ``p`` the people ahead and ``c``
    the counters open for it (at least 1, since a queue with none open is still served
    once one opens)::

        W = ceil((p + 1) * T / c)   minutes

    ``p + 1`` because the counters are taken when a person arrives: even the next in line
    waits, on average, for one of the ``c`` counters to finish a service.
    """
    if people_ahead < 0:
        raise ValueError("people_ahead must not be negative")
    durations = [d for d in recent_service_seconds[-RECENT_SERVICES:] if d >= 0]
    if not durations:
        return None
    mean_minutes = sum(durations) / len(durations) / 60
    counters = max(open_counters, 1)
    return math.ceil(round((people_ahead + 1) * mean_minutes / counters, 6))
