"""A service's day (centres.py): closed for the day, past the ticket cut-off, a period
that closes at "24:00"; and the lawyer cap and appointment window a profile sets."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from cnaim_desk.domain.centres import END_OF_DAY, ProfileError, parse_profile
from cnaim_desk.domain.clock import LISBON

MONDAY = date(2026, 3, 2)
TUESDAY = date(2026, 3, 3)
SATURDAY = date(2026, 3, 7)

PROFILE = """
id = "norte"

[name]
pt = "CNAIM Norte"
en = "CNAIM North"

[hours]
mon = ["08:30-16:30"]
tue = ["08:30-16:30"]

[support_line]
numbers = ["808 257 257"]

[[services]]
code = "SS"
letter = "S"
kind = "public_institution"
name = { pt = "Segurança Social", en = "Social Security" }
cutoff = "15:00"
hours = { mon = ["09:00-12:30", "14:00-16:00"], tue = [] }

[[services]]
code = "GAT"
letter = "G"
kind = "support_office"
name = { pt = "Acolhimento e Triagem", en = "Welcome and Screening" }
"""


def at(day: date, hour: int, minute: int = 0, second: int = 0, micro: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute, second, micro), tzinfo=LISBON)


def profile(text: str = PROFILE):
    return parse_profile(text, "norte.toml")


def problems_of(text: str) -> list[str]:
    with pytest.raises(ProfileError) as caught:
        parse_profile(text, "norte.toml")
    return caught.value.problems


# -- closed for the day ------------------------------------------------------------------------


def test_before_opening_a_service_is_not_closed_for_the_day():
    gat = profile().service("GAT")
    assert not gat.is_open(at(MONDAY, 6))
    assert not gat.closed_for_the_day(at(MONDAY, 0))
    assert not gat.closed_for_the_day(at(MONDAY, 8, 29))


def test_after_its_last_period_a_service_is_closed_for_the_day():
    gat = profile().service("GAT")
    assert not gat.closed_for_the_day(at(MONDAY, 16, 29))
    assert gat.closed_for_the_day(at(MONDAY, 16, 30))
    assert gat.closed_for_the_day(at(MONDAY, 23, 59))


def test_a_lunch_break_is_not_the_end_of_the_day():
    social_security = profile().service("SS")
    assert not social_security.is_open(at(MONDAY, 13))
    assert not social_security.closed_for_the_day(at(MONDAY, 13))
    assert not social_security.closed_for_the_day(at(MONDAY, 15, 59))
    assert social_security.closed_for_the_day(at(MONDAY, 16))


@pytest.mark.parametrize("day", [SATURDAY, TUESDAY], ids=["no-hours", "empty-list"])
def test_a_day_without_hours_is_closed_all_day(day):
    service = profile().service("GAT" if day == SATURDAY else "SS")
    for hour in (0, 9, 23):
        assert service.closed_for_the_day(at(day, hour))


def test_closed_for_the_day_is_read_on_lisbons_clock():
    gat = profile().service("GAT")
    new_york = ZoneInfo("America/New_York")  # UTC-5 in March (before its change)
    assert gat.closed_for_the_day(datetime(2026, 3, 2, 11, 30, tzinfo=new_york))  # 16:30
    assert not gat.closed_for_the_day(datetime(2026, 3, 2, 11, 29, tzinfo=new_york))


def test_a_naive_moment_is_taken_as_lisbon_wall_time():
    gat = profile().service("GAT")
    assert gat.closed_for_the_day(datetime(2026, 3, 2, 16, 30))
    assert not gat.closed_for_the_day(datetime(2026, 3, 2, 16, 29))


# -- the cut-off -------------------------------------------------------------------------------


def test_past_the_cut_off_from_its_minute_on():
    social_security = profile().service("SS")
    assert social_security.cutoff == time(15)
    assert not social_security.past_cutoff(at(MONDAY, 14, 59, 59))
    assert social_security.past_cutoff(at(MONDAY, 15))
    assert social_security.past_cutoff(at(MONDAY, 22))
    assert not social_security.past_cutoff(at(MONDAY, 8))


def test_without_cut_off_never_past_it():
    gat = profile().service("GAT")
    assert gat.cutoff is None
    assert not gat.past_cutoff(at(MONDAY, 23, 59))


def test_the_cut_off_is_read_on_lisbons_clock():
    social_security = profile().service("SS")
    kolkata = ZoneInfo("Asia/Kolkata")  # UTC+5:30
    assert social_security.past_cutoff(datetime(2026, 3, 2, 20, 30, tzinfo=kolkata))  # 15:00
    assert not social_security.past_cutoff(datetime(2026, 3, 2, 20, 29, tzinfo=kolkata))


# -- "24:00" -----------------------------------------------------------------------------------


def test_a_period_may_close_at_midnight():
    text = PROFILE.replace('mon = ["08:30-16:30"]', 'mon = ["00:00-24:00"]')
    gat = profile(text).service("GAT")
    assert gat.hours["mon"][0].closes == END_OF_DAY
    assert gat.is_open(at(MONDAY, 0))
    assert gat.is_open(at(MONDAY, 23, 59, 59))
    assert not gat.closed_for_the_day(at(MONDAY, 23, 59, 59))
    assert gat.closed_for_the_day(at(MONDAY, 23, 59, 59, 999_999))
    assert not gat.is_open(at(TUESDAY, 0))  # Tuesday keeps its own hours


def test_an_evening_period_until_midnight():
    text = PROFILE.replace('mon = ["08:30-16:30"]', 'mon = ["08:30-12:00", "18:00-24:00"]')
    gat = profile(text).service("GAT")
    assert not gat.closed_for_the_day(at(MONDAY, 13))
    assert gat.is_open(at(MONDAY, 23, 30))
    assert not gat.closed_for_the_day(at(MONDAY, 23, 30))


@pytest.mark.parametrize(
    ("period", "wrong"),
    [
        ("24:00-24:00", "24:00"),
        ("24:00-08:00", "24:00"),
        ("08:00-24:01", "24:01"),
        ("08:00-25:00", "25:00"),
    ],
)
def test_24_00_is_only_a_closing_time(period, wrong):
    text = PROFILE.replace('mon = ["08:30-16:30"]', f'mon = ["{period}"]')
    assert problems_of(text) == [f'hours.mon[0]: expected a time like "09:30", found {wrong!r}']


# -- lawyers and appointments ------------------------------------------------------------------


def test_a_profile_without_lawyer_or_appointment_settings_has_the_defaults():
    centre = profile()
    assert centre.lawyer_daily_cap == 3
    assert centre.appointment_window == (15, 15)


def test_a_profile_sets_its_lawyer_cap_and_appointment_window():
    text = (
        PROFILE
        + "\n[lawyers]\ndaily_cap = 5\n\n[appointments]\nminutes_before = 10\nminutes_after = 0\n"
    )
    centre = profile(text)
    assert centre.lawyer_daily_cap == 5
    assert centre.appointment_window == (10, 0)


@pytest.mark.parametrize(
    ("place", "value", "found"),
    [
        ("lawyers.daily_cap", "-1", "-1"),
        ("lawyers.daily_cap", '"3"', "'3'"),
        ("lawyers.daily_cap", "true", "True"),
        ("lawyers.daily_cap", "2.5", "2.5"),
        ("appointments.minutes_before", "-5", "-5"),
        ("appointments.minutes_after", '"15"', "'15'"),
    ],
)
def test_a_bad_setting_is_named_with_its_place(place, value, found):
    table, name = place.split(".")
    problems = problems_of(PROFILE + f"\n[{table}]\n{name} = {value}\n")
    assert problems == [f"{place}: expected a whole number, found {found}"]


@pytest.mark.parametrize("table", ["lawyers", "appointments"])
def test_a_setting_that_is_not_a_table_is_named_not_a_crash(table):
    text = f"{table} = 3\n" + PROFILE
    assert problems_of(text) == [f"{table}: expected a [{table}] table"]


@pytest.mark.parametrize("centre", ["lisboa", "norte", "algarve"])
def test_the_shipped_centres_cap_lawyers_at_three_and_give_fifteen_minutes(centre):
    path = Path(__file__).resolve().parents[2] / "resources" / "centres" / f"{centre}.toml"
    shipped = parse_profile(path.read_text(encoding="utf-8"), path.name)
    assert shipped.lawyer_daily_cap == 3
    assert shipped.appointment_window == (15, 15)
