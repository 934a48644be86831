"""Hybrid logical clocks and the centre's day (DESIGN.md, "The journal").

No test reads the real clock: every :class:`HybridClock` gets a wall clock the test sets.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cnaim_desk.domain.clock import (
    LISBON,
    MAX_CLOCK_DRIFT,
    Hlc,
    HybridClock,
    lisbon_from_ms,
    now_lisbon,
    service_day,
)

T0 = 1_774_000_000_000  # a March 2026 morning, in epoch milliseconds
DRIFT_MS = int(MAX_CLOCK_DRIFT / timedelta(milliseconds=1))

# The text form is fixed width: 13 digits of milliseconds, 5 of counter.
readings = st.builds(Hlc, st.integers(0, 10**13 - 1), st.integers(0, 10**5 - 1))


class Wall:
    """A wall clock the test moves by hand, forwards or backwards."""

    def __init__(self, ms: int = T0):
        self.ms = ms

    def __call__(self) -> int:
        return self.ms


def clock_at(ms: int = T0) -> tuple[HybridClock, Wall]:
    wall = Wall(ms)
    return HybridClock(now_ms=wall), wall


# -- readings --------------------------------------------------------------------------


def test_readings_order_by_wall_time_then_counter():
    assert Hlc(5, 9) < Hlc(6, 0)
    assert Hlc(5, 1) < Hlc(5, 2)
    assert Hlc(5) == Hlc(5, 0)


def test_text_form_is_fixed_width():
    assert str(Hlc(1732912345678, 3)) == "1732912345678.00003"
    assert str(Hlc(5)) == "0000000000005.00000"


@given(readings)
def test_text_form_parses_back_to_the_same_reading(reading):
    assert Hlc.parse(str(reading)) == reading


@given(readings, readings)
def test_text_form_sorts_like_the_readings(a, b):
    assert (str(a) < str(b)) == (a < b)
    assert (str(a) == str(b)) == (a == b)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "1732912345678",
        "1732912345678.",
        "1732912345678.0003",  # counter too short
        "1732912345678.000003",  # counter too long
        "173291234567.00003",  # milliseconds too short
        "17329123456789.00003",  # milliseconds too long
        "1732912345678,00003",
        "1732912345678 00003",
        "+732912345678.00003",
        "-732912345678.00003",
        " 1732912345678.00003",
        "1732912345678.00003 ",
        "1732912345678.00003\n",  # a trailing newline is not part of a reading
        "١٧٣٢٩١٢٣٤٥٦٧٨.٠٠٠٠٣",  # Arabic-Indic digits would not print back the same
        "abcdefghijklm.00003",
    ],
)
def test_malformed_text_is_refused(text):
    with pytest.raises(ValueError, match="not a clock reading"):
        Hlc.parse(text)


@pytest.mark.parametrize(
    "value", [None, 1732912345678, 1732912345678.00003, b"1732912345678.00003"]
)
def test_non_text_is_refused(value):
    with pytest.raises(ValueError, match="not a clock reading"):
        Hlc.parse(value)


def test_moment_is_the_wall_time_in_lisbon():
    # 2026-07-01 12:00 UTC is 13:00 in Lisbon (summer time, UTC+1).
    noon_utc = datetime(2026, 7, 1, 12, 0, tzinfo=UTC)
    moment = Hlc(int(noon_utc.timestamp() * 1000), 7).moment
    assert moment == noon_utc
    assert moment.tzinfo == LISBON
    assert (moment.hour, moment.minute) == (13, 0)


# -- ticking ---------------------------------------------------------------------------


def test_ticks_follow_the_wall_clock_when_it_moves_forward():
    clock, wall = clock_at()
    assert clock.tick() == Hlc(T0, 0)
    wall.ms += 250
    assert clock.tick() == Hlc(T0 + 250, 0)
    assert clock.last == Hlc(T0 + 250, 0)


def test_ticks_strictly_increase_while_the_wall_clock_stands_still():
    clock, _ = clock_at()
    ticks = [clock.tick() for _ in range(50)]
    assert all(a < b for a, b in pairwise(ticks))
    assert {t.wall_ms for t in ticks} == {T0}


def test_ticks_strictly_increase_when_the_wall_clock_goes_backwards():
    clock, wall = clock_at()
    before = clock.tick()
    wall.ms -= 60_000  # someone set the clock back a minute
    after = [clock.tick() for _ in range(3)]
    assert before < after[0] < after[1] < after[2]
    wall.ms = T0 + 1  # the wall clock catches up again
    assert clock.tick() == Hlc(T0 + 1, 0)


def test_a_clock_can_resume_after_its_last_stored_reading():
    wall = Wall(T0 - 10_000)  # restarted with a wall clock behind what it wrote before
    clock = HybridClock(now_ms=wall, last=Hlc(T0, 4))
    assert clock.tick() > Hlc(T0, 4)


def test_now_ms_reads_the_injected_wall_clock():
    clock, wall = clock_at(123)
    wall.ms = 456
    assert clock.now_ms() == 456


# -- observing other desks ---------------------------------------------------------------


def test_after_observing_another_desk_every_tick_is_later_than_its_reading():
    clock, _ = clock_at()
    seen = Hlc(T0 + 90_000, 12)  # that desk's clock runs 90 s ahead: within the drift
    assert clock.observe(seen) is True
    assert clock.tick() > seen
    assert clock.skew_seen is None


def test_observing_an_older_reading_changes_nothing():
    clock, _ = clock_at()
    mine = clock.tick()
    assert clock.observe(Hlc(T0 - 5_000, 3)) is True
    assert clock.last == mine
    assert clock.tick() > mine


def test_a_reading_exactly_at_the_drift_limit_is_still_followed():
    clock, _ = clock_at()
    seen = Hlc(T0 + DRIFT_MS, 0)
    assert clock.observe(seen) is True
    assert clock.tick() > seen
    assert clock.skew_seen is None


def test_a_reading_too_far_ahead_is_not_adopted_and_is_flagged():
    clock, _ = clock_at()
    mine = clock.tick()
    far = Hlc(T0 + DRIFT_MS + 1, 0)
    assert clock.observe(far) is False
    assert clock.last == mine
    assert clock.skew_seen == timedelta(milliseconds=DRIFT_MS + 1)
    assert clock.tick() < far  # our times stay near our own wall clock


def test_skew_seen_keeps_the_largest_drift():
    clock, _ = clock_at()
    clock.observe(Hlc(T0 + 3_600_000, 0))  # an hour ahead
    clock.observe(Hlc(T0 + 600_000, 0))  # ten minutes ahead
    assert clock.skew_seen == timedelta(hours=1)
    clock.observe(Hlc(T0 + 7_200_000, 0))
    assert clock.skew_seen == timedelta(hours=2)


steps = st.one_of(
    st.tuples(st.just("wall"), st.integers(-120_000, 120_000)),
    st.tuples(st.just("tick"), st.just(0)),
    st.tuples(st.just("observe"), st.integers(-600_000, 600_000), st.integers(0, 50)),
)


@given(st.lists(steps, max_size=60))
def test_every_tick_is_later_than_every_earlier_tick_and_adopted_reading(script):
    clock, wall = clock_at()
    floor = Hlc(0)  # what every next tick must exceed
    for step in script:
        if step[0] == "wall":
            wall.ms = max(0, wall.ms + step[1])
        elif step[0] == "tick":
            reading = clock.tick()
            assert reading > floor
            floor = reading
        else:
            seen = Hlc(max(0, wall.ms + step[1]), step[2])
            adopted = clock.observe(seen)
            assert adopted == (seen.wall_ms - wall.ms <= DRIFT_MS)
            if adopted:
                floor = max(floor, seen)


# -- the centre's day --------------------------------------------------------------------


def lisbon(*args: int) -> datetime:
    return datetime(*args, tzinfo=LISBON)


def test_day_turns_at_midnight_lisbon_time():
    assert service_day(lisbon(2026, 5, 4, 23, 59, 59)) == date(2026, 5, 4)
    assert service_day(lisbon(2026, 5, 5, 0, 0)) == date(2026, 5, 5)


def test_moments_in_other_zones_count_in_lisbon():
    # Summer: Lisbon is UTC+1, so 23:30 UTC is already the next day there.
    assert service_day(datetime(2026, 7, 1, 23, 30, tzinfo=UTC)) == date(2026, 7, 2)
    # Winter: Lisbon is UTC+0.
    assert service_day(datetime(2026, 1, 15, 23, 30, tzinfo=UTC)) == date(2026, 1, 15)
    # 04:00 on 2 July in India (UTC+5:30) is 23:30 on 1 July in Lisbon.
    india = timezone(timedelta(hours=5, minutes=30))
    assert service_day(datetime(2026, 7, 2, 4, 0, tzinfo=india)) == date(2026, 7, 1)


@pytest.mark.parametrize(
    ("day", "starts_utc", "hours"),
    [
        # Clocks go forward at 01:00 UTC: the day starts in winter time and lasts 23 h.
        (date(2026, 3, 29), datetime(2026, 3, 29, 0, 0, tzinfo=UTC), 23),
        # Clocks go back at 01:00 UTC: the day starts in summer time and lasts 25 h.
        (date(2026, 10, 25), datetime(2026, 10, 24, 23, 0, tzinfo=UTC), 25),
    ],
)
def test_days_with_a_clock_change_run_from_midnight_to_midnight(day, starts_utc, hours):
    ends_utc = starts_utc + timedelta(hours=hours)
    tick = timedelta(microseconds=1)
    assert service_day(starts_utc - tick) == day - timedelta(days=1)
    assert service_day(starts_utc) == day
    every_quarter_hour = [starts_utc + timedelta(minutes=15 * i) for i in range(hours * 4)]
    assert {service_day(moment) for moment in every_quarter_hour} == {day}
    assert service_day(ends_utc - tick) == day
    assert service_day(ends_utc) == day + timedelta(days=1)


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError, match="aware"):
        service_day(datetime(2026, 5, 4, 12, 0))


def test_lisbon_times_from_milliseconds():
    ms = int(datetime(2026, 1, 15, 9, 30, tzinfo=UTC).timestamp() * 1000)
    for moment in (now_lisbon(ms), lisbon_from_ms(ms)):
        assert moment.tzinfo == LISBON
        assert moment == lisbon(2026, 1, 15, 9, 30)  # winter: Lisbon is on UTC
