"""Which of the centre's desks this desk can reach now, directly or through others.

Every link sends a ``STATUS`` at its start and every few seconds after: the desks its
desk has heard from, each with how many seconds ago (itself: now). A desk so learns of
the desks it reaches through a relay (a ``node``) as well as its own links, without
trusting any clock but its own: only ages travel, and an age only grows as it is passed
on, so a desk gone quiet is seen as gone everywhere within ``ALIVE_SECONDS``.

The reception desks' quota shares rest on this: while another reception desk is out of
reach, each issues at most its share of what was left (``Journal.quota_share``).
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Mapping

#: A link sends its STATUS (and its state vectors: anti-entropy) this often.
STATUS_SECONDS = 3.0
#: A desk not heard from, directly or through others, for this long is out of reach.
ALIVE_SECONDS = 10.0


class Presence:
    """When each desk was last heard from, on this desk's monotonic clock."""

    def __init__(self, me: str, clock: Callable[[], float] = time.monotonic):
        self.me = me
        self._clock = clock
        self._heard: dict[str, float] = {}
        self._lock = threading.Lock()

    def heard(self, desk: str, seconds_ago: float = 0.0) -> None:
        """``desk`` was alive ``seconds_ago`` (from a link, or as another desk tells)."""
        if desk == self.me or not math.isfinite(seconds_ago) or seconds_ago < 0:
            return
        at = self._clock() - seconds_ago
        with self._lock:
            if at > self._heard.get(desk, -math.inf):
                self._heard[desk] = at

    def learn(self, ages: Mapping[str, float], delay: float = 0.0) -> None:
        """What another desk says it heard (``{desk: seconds ago}``), ``delay`` later."""
        for desk, seconds_ago in ages.items():
            self.heard(desk, seconds_ago + delay)

    def ages(self) -> dict[str, float]:
        """Every desk heard from since this desk started, with seconds since (itself: 0)."""
        now = self._clock()
        with self._lock:
            ages = {desk: max(0.0, now - at) for desk, at in self._heard.items()}
        ages[self.me] = 0.0
        return ages

    def alive(self) -> frozenset[str]:
        """The desks heard from within ``ALIVE_SECONDS``, this one included."""
        return frozenset(desk for desk, age in self.ages().items() if age <= ALIVE_SECONDS)
