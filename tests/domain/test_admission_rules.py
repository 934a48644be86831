"""Whether a ticket may be issued (admission.py): the service open today, appointment-only
services, the ticket cut-off, the daily quota and the daily cap of cases per lawyer.

Appointments are exempt from the cut-off and the quota, never from the day's hours nor
from the lawyer cap. Every refusal carries its kind, service and parts, and says whether
the arrival is told how to book.
"""

from __future__ import annotations

from datetime import date, datetime, time
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from cnaim_desk.domain.admission import (
    BOOKABLE,
    AdmissionRefused,
    RefusalKind,
    TicketRequest,
    check_admission,
)
from cnaim_desk.domain.centres import CentreProfile, Service, parse_profile
from cnaim_desk.domain.clock import LISBON

MONDAY = date(2026, 3, 2)  # winter: Lisbon is UTC+0
SUMMER_MONDAY = date(2026, 7, 6)  # summer: Lisbon is UTC+1
SATURDAY = date(2026, 3, 7)
SUNDAY = date(2026, 3, 8)


@cache
def lisboa() -> CentreProfile:
    path = Path(__file__).resolve().parents[2] / "resources" / "centres" / "lisboa.toml"
    return parse_profile(path.read_text(encoding="utf-8"), path.name)


def service(code: str) -> Service:
    return lisboa().service(code)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=LISBON)


def refusal(code: str, now: datetime, **kwargs) -> AdmissionRefused:
    kwargs.setdefault("issued_today", 0)
    with pytest.raises(AdmissionRefused) as caught:
        check_admission(service(code), now, **kwargs)
    assert caught.value.service == code
    assert str(caught.value) == caught.value.reason
    return caught.value


def admitted(code: str, now: datetime, **kwargs) -> bool:
    kwargs.setdefault("issued_today", 0)
    check_admission(service(code), now, **kwargs)  # raises if refused
    return True


def test_the_profile_used_here_is_as_these_tests_assume():
    aima = service("AIMA")
    assert (aima.cutoff, aima.daily_quota, aima.appointment_only) == (time(10), 120, False)
    assert service("CRC").appointment_only
    assert service("GAT").cutoff is None
    assert service("GAT").daily_quota is None
    assert lisboa().lawyer_daily_cap == 3


# -- closed for the day ------------------------------------------------------------------------


@pytest.mark.parametrize("day", [SATURDAY, SUNDAY], ids=["saturday", "sunday"])
@pytest.mark.parametrize("appointment", [False, True], ids=["walk-in", "appointment"])
def test_the_weekend_is_closed_even_for_appointments(day, appointment):
    refused = refusal("GAT", at(day, 10), appointment=appointment)
    assert refused.kind == RefusalKind.CLOSED
    assert refused.params == {}
    assert refused.bookable


@pytest.mark.parametrize("appointment", [False, True], ids=["walk-in", "appointment"])
def test_after_the_last_period_the_service_is_closed(appointment):
    refused = refusal("GAT", at(MONDAY, 17, 0), appointment=appointment)
    assert refused.kind == RefusalKind.CLOSED
    assert refused.bookable
    assert admitted("GAT", at(MONDAY, 16, 59), appointment=appointment)


def test_before_opening_tickets_are_given_to_those_queueing():
    assert not service("AIMA").is_open(at(MONDAY, 7, 0))
    assert admitted("AIMA", at(MONDAY, 7, 0))
    assert admitted("GAT", at(MONDAY, 0, 1))


def test_closed_comes_before_every_other_refusal():
    refused = refusal("CRC", at(SATURDAY, 11), issued_today=10_000, lawyer_cases_today=3, cases=3)
    assert refused.kind == RefusalKind.CLOSED


# -- appointment only --------------------------------------------------------------------------


def test_an_appointment_only_service_refuses_walk_ins():
    refused = refusal("CRC", at(MONDAY, 9))
    assert refused.kind == RefusalKind.APPOINTMENT_ONLY
    assert refused.params == {}
    assert refused.bookable
    assert "appointment" in refused.reason


def test_an_appointment_only_service_takes_appointments():
    assert admitted("CRC", at(MONDAY, 9), appointment=True)
    assert admitted("CRC", at(MONDAY, 16, 30), appointment=True, issued_today=500)


# -- cut-off -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("hour", "minute"), [(10, 0), (10, 1), (16, 59)])
def test_the_cut_off_refuses_walk_ins_at_and_after_its_time(hour, minute):
    refused = refusal("AIMA", at(MONDAY, hour, minute))
    assert refused.kind == RefusalKind.CUTOFF
    assert refused.params == {"time": "10:00"}
    assert refused.bookable
    assert "10:00" in refused.reason


def test_the_cut_off_lets_walk_ins_in_before_its_time():
    assert admitted("AIMA", at(MONDAY, 9, 59))


def test_the_cut_off_does_not_apply_to_appointments():
    assert admitted("AIMA", at(MONDAY, 11), appointment=True)
    assert admitted("AIMA", at(MONDAY, 16, 59), appointment=True)


def test_the_cut_off_time_is_given_as_hours_and_minutes():
    refused = refusal("EC", at(MONDAY, 16, 45))  # cutoff 16:30
    assert refused.params == {"time": "16:30"}


# -- quota -------------------------------------------------------------------------------------


def test_the_quota_refuses_when_all_tickets_are_given():
    assert admitted("AIMA", at(MONDAY, 9), issued_today=119)
    for issued in (120, 121, 500):
        refused = refusal("AIMA", at(MONDAY, 9), issued_today=issued)
        assert refused.kind == RefusalKind.QUOTA
        assert refused.params == {"quota": "120"}
        assert refused.bookable


def test_the_quota_does_not_apply_to_appointments():
    assert admitted("AIMA", at(MONDAY, 9), issued_today=120, appointment=True)


def test_a_service_without_quota_takes_any_number():
    assert admitted("GAT", at(MONDAY, 9), issued_today=100_000)


def test_past_the_cut_off_the_cut_off_is_named_rather_than_the_quota():
    refused = refusal("AIMA", at(MONDAY, 11), issued_today=500)
    assert refused.kind == RefusalKind.CUTOFF


# -- the lawyer cap ----------------------------------------------------------------------------


@pytest.mark.parametrize(("today", "cases"), [(0, 1), (0, 3), (2, 1), (1, 2)])
def test_a_lawyer_within_the_cap_is_admitted(today, cases):
    assert admitted("AIMA", at(MONDAY, 9), lawyer_cases_today=today, cases=cases, lawyer_cap=3)


@pytest.mark.parametrize(("today", "cases"), [(3, 1), (2, 2), (0, 4), (5, 1)])
@pytest.mark.parametrize("appointment", [False, True], ids=["walk-in", "appointment"])
def test_a_lawyer_over_the_cap_is_refused_appointment_or_not(today, cases, appointment):
    refused = refusal(
        "AIMA",
        at(MONDAY, 9),
        lawyer_cases_today=today,
        cases=cases,
        lawyer_cap=3,
        appointment=appointment,
    )
    assert refused.kind == RefusalKind.LAWYER_CAP
    assert refused.params == {"count": str(today), "cap": "3"}
    assert not refused.bookable


def test_the_cap_is_the_centres():
    assert admitted("AIMA", at(MONDAY, 9), lawyer_cases_today=4, cases=1, lawyer_cap=5)
    refused = refusal("AIMA", at(MONDAY, 9), lawyer_cases_today=1, cases=1, lawyer_cap=1)
    assert refused.params["cap"] == "1"


def test_a_ticket_that_is_not_a_lawyers_has_no_cap():
    assert admitted("AIMA", at(MONDAY, 9), lawyer_cases_today=None, cases=50)


def test_the_lawyer_cap_is_named_before_the_cut_off():
    refused = refusal("AIMA", at(MONDAY, 11), lawyer_cases_today=3, cases=1)
    assert refused.kind == RefusalKind.LAWYER_CAP


def test_only_the_lawyer_cap_is_not_bookable():
    assert (
        frozenset(
            {
                RefusalKind.CLOSED,
                RefusalKind.APPOINTMENT_ONLY,
                RefusalKind.CUTOFF,
                RefusalKind.QUOTA,
            }
        )
        == BOOKABLE
    )
    assert RefusalKind.LAWYER_CAP not in BOOKABLE


# -- time zones --------------------------------------------------------------------------------


def test_a_moment_in_another_time_zone_is_read_on_lisbons_clock():
    sao_paulo = ZoneInfo("America/Sao_Paulo")  # UTC-3
    # 06:59 in São Paulo is 09:59 in Lisbon in winter: before AIMA's cut-off.
    assert admitted("AIMA", datetime(2026, 3, 2, 6, 59, tzinfo=sao_paulo))
    refused = refusal("AIMA", datetime(2026, 3, 2, 7, 0, tzinfo=sao_paulo))
    assert refused.kind == RefusalKind.CUTOFF


def test_in_summer_lisbon_is_an_hour_ahead_of_utc():
    utc = ZoneInfo("UTC")
    assert admitted("AIMA", datetime.combine(SUMMER_MONDAY, time(8, 59), tzinfo=utc))
    refused = refusal("AIMA", datetime.combine(SUMMER_MONDAY, time(9, 0), tzinfo=utc))
    assert refused.kind == RefusalKind.CUTOFF  # 10:00 in Lisbon


def test_the_day_is_lisbons_day():
    tokyo = ZoneInfo("Asia/Tokyo")  # UTC+9
    # Monday 01:00 in Tokyo is Sunday 16:00 in Lisbon: closed.
    refused = refusal("GAT", datetime(2026, 3, 2, 1, 0, tzinfo=tokyo))
    assert refused.kind == RefusalKind.CLOSED
    # Monday 18:00 in Tokyo is Monday 09:00 in Lisbon: open.
    assert admitted("GAT", datetime(2026, 3, 2, 18, 0, tzinfo=tokyo))


# -- the request -------------------------------------------------------------------------------


def test_a_request_lists_its_services_in_turn():
    request = TicketRequest(service="GAT", visit=("SS", "AIMA"))
    assert request.services == ("GAT", "SS", "AIMA")
    assert TicketRequest(service="SS").services == ("SS",)


def test_a_request_starts_with_no_flags_and_no_names():
    request = TicketRequest(service="SS")
    assert request.language == "pt"
    assert (request.group_size, request.cases) == (1, 1)
    assert request.priority is None
    assert request.interpreter is None
    assert request.children is False
    assert request.lawyer is None
    assert request.appointment_at is None
