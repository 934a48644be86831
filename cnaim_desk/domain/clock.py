"""Time for the queue: the centre's day, and hybrid logical clocks that order events
from several desks even when their wall clocks disagree."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

LISBON = ZoneInfo("Europe/Lisbon")

#: A peer whose clock runs further ahead than this is flagged, and our clock does not
#: follow it there: one wrong clock must not drag every desk's times into the future.
MAX_CLOCK_DRIFT = timedelta(minutes=5)

_HLC_TEXT = re.compile(r"([0-9]{13})\.([0-9]{5})")


def now_lisbon(now_ms: int | None = None) -> datetime:
    """Current (or given epoch-milliseconds) time as an aware Europe/Lisbon datetime."""
    ms = wall_clock_ms() if now_ms is None else now_ms
    return datetime.fromtimestamp(ms / 1000, tz=LISBON)


def service_day(moment: datetime) -> date:
    """The centre's day a moment belongs to; days turn at midnight in Lisbon."""
    if moment.tzinfo is None:
        raise ValueError("service_day needs an aware datetime")
    return moment.astimezone(LISBON).date()


def wall_clock_ms() -> int:
    return time.time_ns() // 1_000_000


def lisbon_from_ms(ms: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000, tz=UTC).astimezone(LISBON)


@dataclass(frozen=True, order=True, slots=True)
class Hlc:
    """A hybrid logical clock reading: wall milliseconds, then a counter for ties.

    Its text form (``1732912345678.00003``: fixed width) sorts in the same order
    as the readings, so it can be stored and compared as a string.
    """

    wall_ms: int
    counter: int = 0

    def __str__(self) -> str:
        return f"{self.wall_ms:013d}.{self.counter:05d}"

    @classmethod
    def parse(cls, text: str) -> Hlc:
        match = _HLC_TEXT.fullmatch(text) if isinstance(text, str) else None
        if not match:
            raise ValueError(f"not a clock reading: {text!r}")
        return cls(int(match.group(1)), int(match.group(2)))

    @property
    def moment(self) -> datetime:
        """The wall time of this reading, in Lisbon."""
        return lisbon_from_ms(self.wall_ms)


class HybridClock:
    """Issues :class:`Hlc` readings that never go backwards and stay after every reading
    this desk has seen from others (Kulkarni et al., "Logical Physical Clocks", 2014).

    ``skew_seen`` records the largest amount by which another desk's clock ran ahead of
    ours beyond :data:`MAX_CLOCK_DRIFT`, so the desk can show a warning.
    """

    def __init__(self, now_ms: Callable[[], int] = wall_clock_ms, last: Hlc | None = None):
        self._now_ms = now_ms
        self._last = last or Hlc(0, 0)
        self.skew_seen: timedelta | None = None

    @property
    def last(self) -> Hlc:
        return self._last

    def now_ms(self) -> int:
        return self._now_ms()

    def tick(self, after: Hlc | None = None) -> Hlc:
        """A new reading for an event this desk creates; after ``after`` too, when given
        (the latest reading of the ticket the event acts on: a call follows the issue it
        calls, even when the issuing desk's clock ran too far ahead to be followed). Such
        a reading beyond the drift this desk follows is given to that event only: the
        clock itself is not dragged ahead by it."""
        wall = self._now_ms()
        if wall > self._last.wall_ms:
            self._last = Hlc(wall, 0)
        else:
            self._last = Hlc(self._last.wall_ms, self._last.counter + 1)
        if after is None or after < self._last:
            return self._last
        bumped = Hlc(after.wall_ms, after.counter + 1)
        if after.wall_ms - wall <= MAX_CLOCK_DRIFT / timedelta(milliseconds=1):
            self._last = bumped
        return bumped

    def observe(self, seen: Hlc) -> bool:
        """Take in a reading from another desk's event; return False if that desk's clock
        is too far ahead to follow (the reading is then not adopted)."""
        wall = self._now_ms()
        ahead = seen.wall_ms - wall
        if ahead > MAX_CLOCK_DRIFT / timedelta(milliseconds=1):
            drift = timedelta(milliseconds=ahead)
            if self.skew_seen is None or drift > self.skew_seen:
                self.skew_seen = drift
            return False
        if seen > self._last:
            self._last = seen
        return True
