"""Expected waiting time: W = ceil((p + 1) * T / c) minutes (waits.py's docstring), with T
the mean of the last RECENT_SERVICES service durations, p the people ahead and c the open
counters (at least 1)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cnaim_desk.domain.waits import RECENT_SERVICES, expected_wait_minutes

TEN_MINUTES_ON_AVERAGE = [300, 600, 900]  # 5, 10 and 15 minutes: T = 10


@pytest.mark.parametrize(
    ("people_ahead", "counters", "minutes"),
    [
        (0, 1, 10),  # the next in line waits one service
        (2, 1, 30),  # (2 + 1) * 10 / 1
        (0, 3, 4),  # ceil(10 / 3) = ceil(3.33...)
        (5, 3, 20),  # (5 + 1) * 10 / 3 = 20 exactly
        (6, 4, 18),  # ceil(70 / 4) = ceil(17.5)
    ],
)
def test_known_numbers(people_ahead, counters, minutes):
    assert expected_wait_minutes(people_ahead, TEN_MINUTES_ON_AVERAGE, counters) == minutes


def test_a_whole_result_is_not_rounded_up_by_float_noise():
    # T = 6 s = 0.1 min; 30 * 0.1 is 3.0000000000000004 in floating point, but W is 3.
    assert expected_wait_minutes(29, [6.0], 1) == 3


def test_a_fraction_of_a_minute_counts_as_a_minute():
    assert expected_wait_minutes(0, [61], 1) == 2  # 1 min 1 s
    assert expected_wait_minutes(0, [1], 1) == 1


@pytest.mark.parametrize(("people_ahead", "counters"), [(0, 1), (10, 3), (0, 0)])
def test_no_history_gives_no_estimate(people_ahead, counters):
    assert expected_wait_minutes(people_ahead, [], counters) is None


def test_only_the_most_recent_services_count():
    old_slow = [6000.0] * 5  # 100-minute services from the morning
    recent = [60.0] * RECENT_SERVICES  # one minute each
    # Had the old ones counted, T would be (5 * 100 + 20 * 1) / 25 = 20.8 minutes.
    assert expected_wait_minutes(0, old_slow + recent, 1) == 1
    # The other way round, the window ends with the 5 long ones: with 20, (15 + 500) / 20.
    window_minutes = (RECENT_SERVICES - 5) * 1 + 5 * 100
    expected = math.ceil(window_minutes / RECENT_SERVICES)
    assert expected_wait_minutes(0, recent + old_slow, 1) == expected


def test_fewer_services_than_the_window_all_count():
    assert expected_wait_minutes(0, [60.0, 180.0], 1) == 2


@pytest.mark.parametrize("counters", [0, -2])
def test_no_open_counter_is_treated_as_one(counters):
    assert expected_wait_minutes(2, TEN_MINUTES_ON_AVERAGE, counters) == 30


def test_negative_people_ahead_is_refused():
    with pytest.raises(ValueError, match="people_ahead"):
        expected_wait_minutes(-1, TEN_MINUTES_ON_AVERAGE, 1)


durations = st.lists(st.floats(0, 7200, allow_nan=False), min_size=1, max_size=40)


@given(st.integers(0, 200), durations, st.integers(1, 12))
def test_more_people_ahead_never_shortens_the_wait(people_ahead, history, counters):
    now = expected_wait_minutes(people_ahead, history, counters)
    assert now is not None
    assert now >= 0
    assert expected_wait_minutes(people_ahead + 1, history, counters) >= now


@given(st.integers(0, 200), durations, st.integers(1, 12))
def test_more_open_counters_never_lengthen_the_wait(people_ahead, history, counters):
    now = expected_wait_minutes(people_ahead, history, counters)
    assert expected_wait_minutes(people_ahead, history, counters + 1) <= now
