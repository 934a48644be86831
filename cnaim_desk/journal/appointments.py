"""The day's appointments on this desk: imported from the Migrants Support Line's list,
checked in by booking reference. Kept on this desk only (not replicated): the list's
notes never leave it, and go with the day."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time
from typing import TYPE_CHECKING

from sqlmodel import Session, delete, select

from cnaim_desk.domain.admission import TicketRequest
from cnaim_desk.domain.appointments import Appointment, AppointmentListRefused, check_in_timing
from cnaim_desk.domain.clock import wall_clock_ms
from cnaim_desk.journal.queries import TicketView
from cnaim_desk.journal.tables import AppointmentRow

if TYPE_CHECKING:
    from cnaim_desk.domain.events import Event
    from cnaim_desk.journal.journal import Journal


class CheckInRefused(Exception):
    """A booking reference that cannot be checked in; the message says why."""


@dataclass(frozen=True, slots=True)
class ImportResult:
    added: int
    unchanged: int


@dataclass(frozen=True, slots=True)
class BookedVisit:
    """An appointment of the day, as the reception's list shows it (the note is staff's)."""

    reference: str
    time: str
    service: str
    language: str
    note: str
    ticket: str | None


@dataclass(frozen=True, slots=True)
class CheckIn:
    ticket: TicketView
    late: bool


def _same(row: AppointmentRow, appointment: Appointment) -> bool:
    return (row.time, row.service, row.language, row.note) == (
        appointment.time.strftime("%H:%M"),
        appointment.service,
        appointment.language,
        appointment.note,
    )


class AppointmentBook:
    """This desk's appointment list for the day."""

    def __init__(self, journal: Journal):
        self._journal = journal

    def import_list(
        self, appointments: Sequence[Appointment], day: date | None = None
    ) -> ImportResult:
        """Add the list in one transaction. The same file twice changes nothing; a booking
        already imported with other details refuses the whole list, naming it."""
        journal = self._journal
        day_text = (day or journal.today()).isoformat()
        with Session(journal.engine) as session:
            existing = {
                row.reference: row
                for row in session.exec(
                    select(AppointmentRow).where(AppointmentRow.day == day_text)
                )
            }
            clashes = [
                f"reference {a.reference} was imported already with other details"
                for a in appointments
                if a.reference in existing and not _same(existing[a.reference], a)
            ]
            if clashes:
                raise AppointmentListRefused(clashes)
            added = 0
            for appointment in appointments:
                if appointment.reference in existing:
                    continue
                session.add(
                    AppointmentRow(
                        day=day_text,
                        reference=appointment.reference,
                        time=appointment.time.strftime("%H:%M"),
                        service=appointment.service,
                        language=appointment.language,
                        note=appointment.note,
                        imported_ms=wall_clock_ms(),
                    )
                )
                added += 1
            session.commit()
        return ImportResult(added, len(appointments) - added)

    def today(self) -> list[BookedVisit]:
        day = self._journal.today().isoformat()
        with Session(self._journal.read_engine) as session:
            rows = session.exec(
                select(AppointmentRow)
                .where(AppointmentRow.day == day)
                .order_by(AppointmentRow.time, AppointmentRow.reference)
            ).all()
        return [
            BookedVisit(row.reference, row.time, row.service, row.language, row.note, row.ticket)
            for row in rows
        ]

    def check_in(self, reference: str) -> CheckIn:
        """A ticket for the person with this booking: with appointment precedence when on
        time (or early), under the normal rules when late."""
        journal = self._journal
        today = journal.today()
        wanted = reference.strip()
        with Session(journal.read_engine) as session:
            row = session.exec(
                select(AppointmentRow).where(AppointmentRow.day == today.isoformat())
            ).all()
        match = next((r for r in row if r.reference.upper() == wanted.upper()), None)
        if match is None:
            raise CheckInRefused(f"There is no appointment {wanted} today.")

        def refuse_if_checked_in(ticket: str | None) -> None:
            if ticket is not None:
                code = journal.ticket(ticket).code
                raise CheckInRefused(
                    f"Appointment {match.reference} is already checked in: {code}."
                )

        refuse_if_checked_in(match.ticket)
        hours, minutes = (int(part) for part in match.time.split(":"))
        appointment = Appointment(
            time(hours, minutes), match.service, match.reference, match.language
        )
        before, after = journal.profile.appointment_window
        timing = check_in_timing(appointment.at(today), journal.now(), before, after)
        if timing.late and journal.profile.service(match.service).appointment_only:
            raise CheckInRefused(
                f"Appointment {match.reference} was at {match.time}, more than {after} minutes "
                f"ago, and {match.service} sees people by appointment only: book again through "
                "the Migrants Support Line."
            )
        request = TicketRequest(
            service=match.service,
            language=match.language,
            appointment_at=appointment.at(today) if timing.precedence else None,
            booking=match.reference,
        )

        def mark(session: Session, event: Event) -> None:
            stored = session.get(AppointmentRow, (match.day, match.reference))
            if stored is None:  # the list was purged meanwhile
                raise CheckInRefused(f"There is no appointment {wanted} today.")
            # Checked in meanwhile (the list was read outside the write): one ticket each.
            refuse_if_checked_in(stored.ticket)
            stored.ticket = str(event.key)

        ticket = journal.issue_request(request, also=mark)
        return CheckIn(ticket, timing.late)

    def purge_before(self, day: date) -> int:
        """Forget appointments (and their notes) of days before ``day``."""
        with Session(self._journal.engine) as session:
            # Overwrite the deleted rows, so the notes are gone from the file itself and
            # not only from the table (SQLite keeps deleted content unless asked not to).
            connection = session.connection()
            secure = connection.exec_driver_sql("PRAGMA secure_delete").scalar_one()
            connection.exec_driver_sql("PRAGMA secure_delete = ON")
            result = session.exec(
                delete(AppointmentRow).where(AppointmentRow.day < day.isoformat())
            )
            connection.exec_driver_sql(f"PRAGMA secure_delete = {int(secure)}")
            session.commit()
        return result.rowcount
