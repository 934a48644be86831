"""The day's appointment list from the Migrants Support Line, as CSV (appointments.py).

A good file is read whatever the order of its columns; a file with any bad line is refused
whole, every bad line named with its number; an arrival keeps the appointment's
precedence until ``minutes_after`` past its time.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from cnaim_desk.domain.appointments import (
    Appointment,
    AppointmentListRefused,
    check_in_timing,
    parse_appointments,
)
from cnaim_desk.domain.centres import CentreProfile, parse_profile
from cnaim_desk.domain.clock import LISBON
from cnaim_desk.domain.languages import LANGUAGE_TAGS

CENTRES = Path(__file__).resolve().parents[2] / "resources" / "centres"


@cache
def profile(centre: str = "lisboa") -> CentreProfile:
    path = CENTRES / f"{centre}.toml"
    return parse_profile(path.read_text(encoding="utf-8"), path.name)


def refused(text: str, centre: str = "lisboa") -> list[str]:
    with pytest.raises(AppointmentListRefused) as caught:
        parse_appointments(text, profile(centre))
    assert isinstance(caught.value, ValueError)
    assert all(problem in str(caught.value) for problem in caught.value.problems)
    return caught.value.problems


# -- a good file -------------------------------------------------------------------------------


def test_a_good_file_is_read_line_by_line():
    text = (
        "time,service,reference,language,note\n"
        "09:30,AIMA,LAM-2026-004512,bn,needs wheelchair access\n"
        '10:15,SS,LAM/2026/7,zh-Hans,"comes with two children, a pram"\n'
    )
    assert parse_appointments(text, profile()) == [
        Appointment(time(9, 30), "AIMA", "LAM-2026-004512", "bn", "needs wheelchair access"),
        Appointment(time(10, 15), "SS", "LAM/2026/7", "zh-Hans", "comes with two children, a pram"),
    ]


def test_columns_in_any_order_without_note_with_a_bom_and_blank_lines():
    text = (
        "\ufeffReference , LANGUAGE,time, service\r\n"
        "\r\n"
        "LAM-0001,pt,8:05,aima\r\n"
        " , , , \r\n"
        "LAM-0002, uk ,16:45, CRC \r\n"
        "\r\n"
    )
    appointments = parse_appointments(text, profile())
    assert [(a.time, a.service, a.reference, a.language, a.note) for a in appointments] == [
        (time(8, 5), "AIMA", "LAM-0001", "pt", ""),
        (time(16, 45), "CRC", "LAM-0002", "uk", ""),
    ]


def test_an_appointment_is_at_its_time_on_the_day_in_lisbon():
    (appointment,) = parse_appointments(
        "time,service,reference,language\n09:30,GAJ,LAM-1234,ar\n", profile()
    )
    moment = appointment.at(date(2026, 7, 6))
    assert moment == datetime(2026, 7, 6, 9, 30, tzinfo=LISBON)
    assert moment.utcoffset() == timedelta(hours=1)  # summer time


def test_a_line_with_fewer_fields_leaves_the_note_empty():
    (appointment,) = parse_appointments(
        "time,service,reference,language,note\n09:30,SS,LAM-1234,pt\n", profile()
    )
    assert appointment.note == ""


# -- a bad file is refused whole ---------------------------------------------------------------


def test_every_bad_line_is_named_with_its_number():
    text = (
        "time,service,reference,language,note\n"  # 1
        "09:30,AIMA,LAM-0001,bn,\n"  # 2 good
        "9h30,AIMA,LAM-0002,bn,\n"  # 3 bad time
        "24:00,SS,LAM-0003,pt,\n"  # 4 bad time
        "10:00,XYZ,LAM-0004,pt,\n"  # 5 unknown service
        "10:00,SS,#12,pt,\n"  # 6 bad reference
        "10:00,SS,LAM-0006,pt-BR,\n"  # 7 unknown language
        "11:00,SS,LAM-0001,en,\n"  # 8 duplicate of line 2
        "11:00,SS,LAM-0008,en,note,extra\n"  # 9 too many fields
        "\n"  # 10 blank: skipped
        "12:00,GAT,LAM-0009,fr,fine\n"  # 11 good
        "1:2,nope,x,??,\n"  # 12 everything wrong
    )
    problems = refused(text)
    assert [problem.split(":", 1)[0] for problem in problems] == [
        "line 3",
        "line 4",
        "line 5",
        "line 6",
        "line 7",
        "line 8",
        "line 9",
        "line 12",
    ]
    assert "time '9h30' is not HH:MM" in problems[0]
    assert "time '24:00' is not HH:MM" in problems[1]
    assert "service 'XYZ' is not offered here" in problems[2]
    assert "reference '#12' is not a booking reference" in problems[3]
    assert "language 'pt-BR' is not one of" in problems[4]
    assert problems[5] == "line 8: reference LAM-0001 is also on line 2"
    assert problems[6] == "line 9: 6 fields, the header has 5"
    assert problems[7].count(";") == 3  # time, service, reference, language: all named


def test_a_service_the_centre_lacks_is_refused():
    problems = refused("time,service,reference,language\n09:00,CRC,LAM-1,pt\n", "algarve")
    assert problems == ["line 2: service 'CRC' is not offered here"]


def test_a_duplicate_names_the_first_line_even_if_that_line_is_bad_too():
    text = "time,service,reference,language\n25:00,SS,LAM-0001,pt\n09:00,SS,LAM-0001,pt\n"
    assert refused(text) == [
        "line 2: time '25:00' is not HH:MM",
        "line 3: reference LAM-0001 is also on line 2",
    ]


def test_three_of_the_same_reference_all_name_the_first():
    line = "09:00,SS,LAM-0001,pt\n"
    problems = refused("time,service,reference,language\n" + line * 3)
    assert problems == [
        "line 3: reference LAM-0001 is also on line 2",
        "line 4: reference LAM-0001 is also on line 2",
    ]


@pytest.mark.parametrize(
    ("header", "words"),
    [
        ("time,service,reference", "missing language"),
        ("service,reference,language", "missing time"),
        ("time,service,ref,language", "missing reference; unknown ref"),
        ("time,service,reference,language,name", "unknown name"),
        ("hora,serviço,referência,língua", "missing time, service, reference, language"),
    ],
)
def test_a_header_must_name_the_columns(header, words):
    problems = refused(header + "\n09:00,SS,LAM-0001,pt\n")
    assert len(problems) == 1
    assert problems[0].startswith("line 1: the header must name the columns")
    assert words in problems[0]


@pytest.mark.parametrize("text", ["", "\ufeff"])
def test_an_empty_file_is_refused(text):
    assert refused(text) == ["the file is empty"]


@pytest.mark.parametrize(
    "text", ["time,service,reference,language\n", "time,service,reference,language,note\n\n\n"]
)
def test_a_header_alone_is_refused(text):
    assert refused(text) == ["the file has a header but no appointments"]


def test_nothing_of_a_refused_file_is_kept():
    text = "time,service,reference,language\n09:00,SS,LAM-0001,pt\n09:00,SS,LAM-0002,xx\n"
    with pytest.raises(AppointmentListRefused) as caught:
        parse_appointments(text, profile())
    assert caught.value.problems == [
        "line 3: language 'xx' is not one of " + ", ".join(LANGUAGE_TAGS)
    ]
    assert str(caught.value).startswith("The appointment list was not imported:")


# -- check-in timing ---------------------------------------------------------------------------

AT = datetime(2026, 3, 2, 10, 0, tzinfo=LISBON)


@pytest.mark.parametrize(
    "offset",
    [timedelta(hours=-3), timedelta(minutes=-15), timedelta(0), timedelta(minutes=15)],
    ids=["hours-early", "lead-early", "on-time", "at-the-limit"],
)
def test_early_or_on_time_keeps_precedence(offset):
    timing = check_in_timing(AT, AT + offset, minutes_before=15, minutes_after=15)
    assert timing.precedence
    assert not timing.late


@pytest.mark.parametrize("offset", [timedelta(minutes=15, seconds=1), timedelta(hours=2)])
def test_more_than_minutes_after_late_falls_back_to_the_normal_queue(offset):
    timing = check_in_timing(AT, AT + offset, minutes_before=15, minutes_after=15)
    assert not timing.precedence
    assert timing.late


def test_the_window_is_the_centres():
    twenty = AT + timedelta(minutes=20)
    assert check_in_timing(AT, twenty, 15, 30).precedence
    assert check_in_timing(AT, twenty, 15, 10).late
    assert check_in_timing(AT, AT + timedelta(seconds=1), 15, 0).late


def test_timing_compares_instants_whatever_the_time_zone():
    at_lisbon = datetime(2026, 7, 6, 9, 0, tzinfo=LISBON)
    utc = datetime(2026, 7, 6, 8, 0, tzinfo=ZoneInfo("UTC"))  # the same instant
    assert check_in_timing(at_lisbon, utc + timedelta(minutes=16), 15, 15).late
    assert check_in_timing(at_lisbon, utc + timedelta(minutes=14), 15, 15).precedence
