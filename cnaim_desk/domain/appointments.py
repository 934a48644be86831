"""The day's appointment list from the Migrants Support Line, as CSV.

Columns (a header line names them; order free, names as here)::

    time,service,reference,language,note
    09:30,AIMA,LAM-2026-004512,bn,needs wheelchair access

- ``time``: the appointment's time that day, ``HH:MM``;
- ``service``: the service code (``AIMA``, ``SS``...), one the centre offers;
- ``reference``: the booking reference (letters, digits, ``-``, ``/``), unique in the file;
- ``language``: a holder language tag (``pt``, ``bn``, ``zh-Hans``...);
- ``note``: optional free text. It stays on the importing desk, is never printed nor
  replicated, and is deleted with the day.

A file with any bad line is refused whole, every bad line named.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from cnaim_desk.domain.centres import CentreProfile
from cnaim_desk.domain.clock import LISBON
from cnaim_desk.domain.languages import LANGUAGE_TAGS

COLUMNS = ("time", "service", "reference", "language", "note")
REQUIRED = ("time", "service", "reference", "language")
_REFERENCE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9/-]{2,39}$")
_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


class AppointmentListRefused(ValueError):
    """A list that cannot be imported; ``problems`` names each bad line."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("The appointment list was not imported:\n  " + "\n  ".join(problems))


@dataclass(frozen=True, slots=True)
class Appointment:
    time: time
    service: str
    reference: str
    language: str
    note: str = ""

    def at(self, day: date) -> datetime:
        return datetime.combine(day, self.time, tzinfo=LISBON)


def parse_appointments(text: str, profile: CentreProfile) -> list[Appointment]:
    """Read a whole list, or raise :class:`AppointmentListRefused` naming every bad line."""
    problems: list[str] = []
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    if not rows:
        raise AppointmentListRefused(["the file is empty"])
    header = [name.strip().lower() for name in rows[0]]
    missing = [name for name in REQUIRED if name not in header]
    unknown = [name for name in header if name not in COLUMNS]
    if missing or unknown:
        parts = []
        if missing:
            parts.append(f"missing {', '.join(missing)}")
        if unknown:
            parts.append(f"unknown {', '.join(unknown)}")
        raise AppointmentListRefused(
            [f"line 1: the header must name the columns {', '.join(COLUMNS)} ({'; '.join(parts)})"]
        )
    appointments: list[Appointment] = []
    seen: dict[str, int] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            problems.append(f"line {number}: {len(row)} fields, the header has {len(header)}")
            continue
        fields = dict(zip(header, (cell.strip() for cell in row), strict=False))
        line_problems = []
        match = _TIME.match(fields.get("time", ""))
        if not match:
            line_problems.append(f"time {fields.get('time', '')!r} is not HH:MM")
        service = fields.get("service", "").upper()
        if not profile.has_service(service):
            line_problems.append(f"service {fields.get('service', '')!r} is not offered here")
        reference = fields.get("reference", "")
        if not _REFERENCE.match(reference):
            line_problems.append(f"reference {reference!r} is not a booking reference")
        elif reference.upper() in seen:  # check-in matches references in any case
            line_problems.append(f"reference {reference} is also on line {seen[reference.upper()]}")
        else:
            seen[reference.upper()] = number
        language = fields.get("language", "")
        if language not in LANGUAGE_TAGS:
            line_problems.append(f"language {language!r} is not one of {', '.join(LANGUAGE_TAGS)}")
        if line_problems:
            problems.append(f"line {number}: " + "; ".join(line_problems))
            continue
        appointments.append(
            Appointment(
                time=time(int(match.group(1)), int(match.group(2))),
                service=service,
                reference=reference,
                language=language,
                note=fields.get("note", ""),
            )
        )
    if problems:
        raise AppointmentListRefused(problems)
    if not appointments:
        raise AppointmentListRefused(["the file has a header but no appointments"])
    return appointments


@dataclass(frozen=True, slots=True)
class CheckInTiming:
    """How an arrival stands against their appointment time."""

    precedence: bool  # takes appointment precedence
    late: bool


def check_in_timing(
    appointment_at: datetime, now: datetime, minutes_before: int, minutes_after: int
) -> CheckInTiming:
    """Within ``minutes_after`` of the time (or any time before it) the appointment takes
    precedence; later, the person falls back to the normal rules. Precedence starts
    ``minutes_before`` the time (see QueuePolicy.appointment_lead)."""
    del minutes_before  # the queue policy applies the lead; early arrivals keep precedence
    late = now > appointment_at + timedelta(minutes=minutes_after)
    return CheckInTiming(precedence=not late, late=late)
