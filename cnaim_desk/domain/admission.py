"""Whether a ticket may be issued: the service open today, appointment-only services, the
ticket cut-off time, the daily quota (and, while reception desks cannot reach each other,
each desk's share of what is left of it), and the daily cap of cases per lawyer.

Appointments are exempt from the cut-off and the quota (they were booked), never from
opening hours. A refusal carries its kind and parts so the reception can say it in the
arrival's language and print a slip on how to book.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from cnaim_desk.domain.centres import Service
from cnaim_desk.domain.tickets import Priority


class RefusalKind:
    CLOSED = "closed"
    APPOINTMENT_ONLY = "appointment_only"
    CUTOFF = "cutoff"
    QUOTA = "quota"
    LAWYER_CAP = "lawyer_cap"
    #: The desk lost its journal and is getting today's queue back from the other desks.
    RECOVERING = "recovering"


#: Kinds after which the arrival is told how to book through the Migrants Support Line.
BOOKABLE = frozenset(
    {RefusalKind.CLOSED, RefusalKind.APPOINTMENT_ONLY, RefusalKind.CUTOFF, RefusalKind.QUOTA}
)


class AdmissionRefused(Exception):
    """No ticket for this service now; ``kind`` says why (a :class:`RefusalKind`)."""

    def __init__(self, kind: str, service: str, reason: str, **params: str):
        self.kind = kind
        self.service = service
        self.params = params
        self.reason = reason
        super().__init__(reason)

    @property
    def bookable(self) -> bool:
        return self.kind in BOOKABLE


@dataclass(frozen=True, slots=True)
class TicketRequest:
    """Everything a ticket is issued with: answers and flags, never names."""

    service: str
    visit: tuple[str, ...] = ()  # the services after the first, in turn
    priority: Priority | None = None
    language: str = "pt"
    group_size: int = 1
    interpreter: str | None = None  # "staff" or "telephone"
    children: bool = False
    lawyer: str | None = None  # the lawyer's professional number, pseudonymised on issue
    cases: int = 1
    answers: tuple[str, ...] = ()
    outcomes: tuple[str, ...] = ()
    appointment_at: datetime | None = None
    booking: str | None = None

    @property
    def services(self) -> tuple[str, ...]:
        return (self.service, *self.visit)


def check_admission(
    service: Service,
    now: datetime,
    *,
    issued_today: int,
    appointment: bool = False,
    lawyer_cases_today: int | None = None,
    cases: int = 1,
    lawyer_cap: int = 3,
    share: QuotaShare | None = None,
) -> None:
    """Raise :class:`AdmissionRefused` if ``service`` may not take this ticket now.

    ``issued_today`` counts the tickets for the service today that are not appointments;
    ``lawyer_cases_today`` the cases the same lawyer already brought today (``None`` when
    the ticket is not a lawyer's); ``share`` this desk's share of the quota while it is
    cut off from other reception desks (``None`` when it is not)."""
    code = service.code
    if service.closed_for_the_day(now):
        raise AdmissionRefused(RefusalKind.CLOSED, code, f"{code} is closed for the rest of today.")
    if service.appointment_only and not appointment:
        raise AdmissionRefused(
            RefusalKind.APPOINTMENT_ONLY, code, f"{code} sees people by appointment only."
        )
    if lawyer_cases_today is not None and lawyer_cases_today + cases > lawyer_cap:
        raise AdmissionRefused(
            RefusalKind.LAWYER_CAP,
            code,
            f"This lawyer already has {lawyer_cases_today} cases today; the limit is {lawyer_cap}.",
            count=str(lawyer_cases_today),
            cap=str(lawyer_cap),
        )
    if appointment:
        return
    if service.cutoff is not None and service.past_cutoff(now):
        time = service.cutoff.strftime("%H:%M")
        raise AdmissionRefused(
            RefusalKind.CUTOFF, code, f"{code} gives tickets only until {time}.", time=time
        )
    if service.daily_quota is not None and issued_today >= service.daily_quota:
        raise AdmissionRefused(
            RefusalKind.QUOTA,
            code,
            f"No tickets left today for {code} (all {service.daily_quota} given).",
            quota=str(service.daily_quota),
        )
    if share is not None and share.left <= 0:
        # For the arrival as for a quota used up: this desk can give no ticket for it now.
        raise AdmissionRefused(
            RefusalKind.QUOTA,
            code,
            f"This desk's share of the {code} tickets left ({share.share}) is given while it "
            f"cannot reach {', '.join(share.unreachable)}; the quota is {service.daily_quota}.",
            quota=str(service.daily_quota),
        )


@dataclass(frozen=True, slots=True)
class QuotaShare:
    """A reception desk's part of a service's daily quota while it cannot reach some of
    the centre's other reception desks: what was left when it lost sight of them, divided
    by the number of reception desks, so that together they never give more than the
    quota, whatever each does meanwhile.

    ``known`` and ``own`` are the walk-in tickets of the day this desk knew of, and had
    issued itself, at that moment; ``own_now`` what it has issued since then included."""

    quota: int
    desks: int
    known: int
    own: int
    own_now: int
    unreachable: tuple[str, ...]

    @property
    def share(self) -> int:
        return max(0, self.quota - self.known) // max(1, self.desks)

    @property
    def left(self) -> int:
        return self.share - (self.own_now - self.own)


def recovering_refusal(service: str) -> AdmissionRefused:
    """No ticket from a desk that lost its journal until today's queue is back from the
    other desks: numbering anew before that would give the same codes twice."""
    return AdmissionRefused(
        RefusalKind.RECOVERING,
        service,
        "This desk lost its journal and is getting today's queue back from the other desks; "
        "it gives tickets again as soon as it has.",
    )
