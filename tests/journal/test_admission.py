"""Admission on a real desk: opening hours, appointment-only services, cut-off times, daily
quotas. A refused ticket writes nothing; appointments are exempt from the cut-off and the
quota, never from opening hours. (CNAIM Lisboa: AIMA until 10:00, GAEM 20 a day, CRC by
appointment only, every service 08:00–17:00 on weekdays.)"""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from cnaim_desk.domain.admission import AdmissionRefused, RefusalKind
from cnaim_desk.domain.appointments import Appointment
from cnaim_desk.domain.clock import LISBON
from cnaim_desk.domain.tickets import TicketStatus

TUESDAY = date(2026, 6, 16)
SATURDAY = date(2026, 6, 20)
SUNDAY = date(2026, 6, 21)


def at(hour: int, minute: int = 0, second: int = 0, day: date = TUESDAY) -> datetime:
    return datetime.combine(day, time(hour, minute, second), tzinfo=LISBON)


def refused(desk, db, issue, *, kind: str, service: str) -> AdmissionRefused:
    """``issue()`` is refused for ``service`` with ``kind``, and nothing reaches the file."""
    before = db.counts(desk)
    with pytest.raises(AdmissionRefused) as caught:
        issue()
    assert (caught.value.kind, caught.value.service) == (kind, service), caught.value.reason
    assert db.counts(desk) == before
    return caught.value


def book(desk, *visits: tuple[str, str, str]) -> None:
    """Import today's appointments: (HH:MM, service, reference) each."""
    desk.appointments.import_list(
        [
            Appointment(time.fromisoformat(hhmm), service, reference, "bn")
            for hhmm, service, reference in visits
        ]
    )


def test_aima_gives_tickets_until_its_cutoff_and_nothing_after(desk, clock, db):
    assert desk.profile.service("AIMA").cutoff == time(10, 0)
    clock.set(at(9, 59, 59))
    last = desk.issue("AIMA")
    assert last.code == "A001"

    clock.set(at(10, 0))
    refusal = refused(desk, db, lambda: desk.issue("AIMA"), kind="cutoff", service="AIMA")
    assert refusal.params == {"time": "10:00"}
    assert refusal.bookable
    assert "10:00" in refusal.reason
    # A visit that would go on to AIMA is refused too, naming AIMA.
    refused(desk, db, lambda: desk.issue("GAT", visit=("AIMA",)), kind="cutoff", service="AIMA")

    # Other services keep their own cut-off (Social Security: 16:00).
    assert desk.issue("SS").code == "S001"
    clock.set(at(16, 0))
    refused(desk, db, lambda: desk.issue("SS"), kind="cutoff", service="SS")
    # The refusals took no numbers: AIMA's next ticket (an appointment) is A002.
    assert desk.issue("AIMA", appointment_at=at(16, 10)).code == "A002"


def test_an_appointment_checked_in_after_the_cutoff_gets_its_ticket(desk, clock, db):
    book(desk, ("10:15", "AIMA", "LAM-2026-000101"))
    clock.set(at(10, 5))
    refused(desk, db, lambda: desk.issue("AIMA"), kind="cutoff", service="AIMA")

    checked = desk.appointments.check_in("LAM-2026-000101")
    assert not checked.late
    ticket = checked.ticket
    assert (ticket.service, ticket.status, ticket.code) == ("AIMA", TicketStatus.WAITING, "A001")
    assert ticket.appointment_at == at(10, 15)
    assert db.count(desk, "ticket") == 1


def test_the_daily_quota_counts_walk_ins_and_never_refuses_appointments(desk, clock, db):
    assert desk.profile.service("GAEM").daily_quota == 20
    book(desk, ("10:00", "GAEM", "LAM-2026-000201"), ("10:30", "GAEM", "LAM-2026-000202"))
    for _ in range(19):
        desk.issue("GAEM")
        clock.advance(seconds=30)
    booked = desk.appointments.check_in("LAM-2026-000201").ticket
    direct = desk.issue("GAEM", appointment_at=at(11, 0), booking="LAM-2026-000299")
    assert booked.appointment_at == at(10, 0)
    assert direct.appointment_at == at(11, 0)

    # The appointments did not use up the quota: the twentieth walk-in still has a ticket.
    twentieth = desk.issue("GAEM")
    refusal = refused(desk, db, lambda: desk.issue("GAEM"), kind="quota", service="GAEM")
    assert refusal.params == {"quota": "20"}
    assert refusal.bookable
    # ... and the quota used up does not refuse an appointment.
    late_booking = desk.appointments.check_in("LAM-2026-000202").ticket
    assert late_booking.appointment_at == at(10, 30)

    codes = db.column(desk, "SELECT code FROM ticket WHERE first_service = 'GAEM'")
    assert len(codes) == len(set(codes)) == 23
    assert twentieth.code == "N022"
    walk_ins = db.column(
        desk, "SELECT count(*) FROM ticket WHERE service = 'GAEM' AND appointment_at IS NULL"
    )
    assert walk_ins == [20]


def test_a_visit_uses_the_quota_of_every_service_it_goes_to(desk, clock, db):
    for _ in range(20):
        desk.issue("GAT", visit=("GAEM",))
    assert db.count(desk, "ticket") == 20
    # GAEM saw no ticket of its own, yet its twenty places are taken.
    refused(desk, db, lambda: desk.issue("GAEM"), kind="quota", service="GAEM")
    refused(desk, db, lambda: desk.issue("GAT", visit=("GAEM",)), kind="quota", service="GAEM")
    refused(desk, db, lambda: desk.issue("SS", visit=("GAT", "GAEM")), kind="quota", service="GAEM")
    # The Welcome and Screening office itself has no quota.
    assert desk.issue("GAT").code == "G021"
    assert desk.issue("SS", visit=("GAT",)).code == "S001"


@pytest.mark.parametrize(
    ("moment", "service"),
    [
        (at(10, 0, day=SATURDAY), "SS"),
        (at(10, 0, day=SUNDAY), "GAT"),
        (at(17, 0), "GAT"),
        (at(18, 30), "SS"),
        (at(23, 59), "GAV"),
    ],
    ids=["saturday", "sunday", "at-closing", "evening", "before-midnight"],
)
def test_a_service_closed_for_the_day_refuses(desk, clock, db, moment, service):
    clock.set(moment)
    refusal = refused(desk, db, lambda: desk.issue(service), kind="closed", service=service)
    assert refusal.bookable
    # Closed is closed for appointments too.
    refused(
        desk,
        db,
        lambda: desk.issue(service, appointment_at=moment),
        kind=RefusalKind.CLOSED,
        service=service,
    )


def test_until_closing_a_service_without_cutoff_gives_tickets(desk, clock):
    clock.set(at(16, 59, 59))
    assert desk.issue("GAT").status is TicketStatus.WAITING


def test_before_opening_the_morning_queue_gets_tickets(desk, clock):
    clock.set(at(7, 30))
    aima = desk.profile.service("AIMA")
    assert not aima.is_open(desk.now())  # it opens at 08:00
    first = desk.issue("AIMA")
    second = desk.issue("SS", visit=("AIMA",))
    assert (first.code, first.position) == ("A001", 0)
    assert (second.code, second.position) == ("S001", 0)


def test_a_refused_check_in_leaves_the_appointment_to_check_in(desk, clock, db):
    clock.set(at(9, 0, day=SATURDAY))
    book(desk, ("09:30", "SS", "LAM-2026-000301"))
    refused(
        desk,
        db,
        lambda: desk.appointments.check_in("LAM-2026-000301"),
        kind="closed",
        service="SS",
    )
    assert [visit.ticket for visit in desk.appointments.today()] == [None]


def test_crc_takes_appointments_only(desk, clock, db):
    assert desk.profile.service("CRC").appointment_only
    refusal = refused(desk, db, lambda: desk.issue("CRC"), kind="appointment_only", service="CRC")
    assert refusal.bookable
    refused(
        desk,
        db,
        lambda: desk.issue("GAT", visit=("CRC",)),
        kind="appointment_only",
        service="CRC",
    )

    book(desk, ("09:45", "CRC", "LAM-2026-000401"))
    ticket = desk.appointments.check_in("LAM-2026-000401").ticket
    assert (ticket.service, ticket.code, ticket.booking) == ("CRC", "R001", "LAM-2026-000401")
    assert ticket.appointment_at == at(9, 45)
    assert desk.call_next("C1", ["CRC"]).id == ticket.id


def test_a_cancelled_walk_in_gives_its_place_in_the_quota_back(desk):
    from cnaim_desk.domain.admission import AdmissionRefused

    quota = desk.profile.service("GAEM").daily_quota
    tickets = [desk.issue("GAEM") for _ in range(quota)]
    with pytest.raises(AdmissionRefused):
        desk.issue("GAEM")
    desk.cancel(tickets[0].code)
    assert desk.issue("GAEM").number == quota + 1
