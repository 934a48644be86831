"""The day's appointment list on a real desk: imported all or nothing, checked in by booking
reference with precedence in its window, its notes kept on this desk only and gone with
the day."""

from __future__ import annotations

import json
from datetime import date, datetime, time

import pytest
from sqlalchemy import event

from cnaim_desk.domain.appointments import AppointmentListRefused, parse_appointments
from cnaim_desk.domain.clock import LISBON
from cnaim_desk.domain.tickets import TicketStatus
from cnaim_desk.journal import store
from cnaim_desk.journal.appointments import CheckInRefused, ImportResult

TUESDAY = date(2026, 6, 16)
WEDNESDAY = date(2026, 6, 17)
NOTE = "wheelchair user; prefers a quiet counter"

LIST = f"""time,service,reference,language,note
10:00,SS,LAM-2026-000501,bn,{NOTE}
11:00,SS,LAM-2026-000502,pt,
09:00,SS,LAM-2026-000503,ur,
09:35,SS,LAM-2026-000504,uk,
"""


def at(hour: int, minute: int = 0, day: date = TUESDAY) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=LISBON)


def _import(desk, text: str = LIST) -> ImportResult:
    return desk.appointments.import_list(parse_appointments(text, desk.profile))


def test_a_list_is_imported_once(desk, db):
    assert _import(desk) == ImportResult(added=4, unchanged=0)
    rows = db.dump(desk, "appointment")
    assert [(r[1], r[2], r[3], r[4]) for r in rows] == [
        ("LAM-2026-000501", "10:00", "SS", "bn"),
        ("LAM-2026-000502", "11:00", "SS", "pt"),
        ("LAM-2026-000503", "09:00", "SS", "ur"),
        ("LAM-2026-000504", "09:35", "SS", "uk"),
    ]
    assert {r[0] for r in rows} == {"2026-06-16"}
    booked = desk.appointments.today()
    assert [b.reference[-3:] for b in booked] == ["503", "504", "501", "502"]  # by time
    assert booked[2].note == NOTE

    # The same file again, or a part of it, changes nothing.
    assert _import(desk) == ImportResult(added=0, unchanged=4)
    assert _import(desk, "\n".join(LIST.splitlines()[:2])) == ImportResult(0, 1)
    assert db.dump(desk, "appointment") == rows
    # An import writes nothing replicated.
    assert db.count(desk, "doc_update") == 1  # the desk registry only


def test_a_booking_imported_with_other_details_refuses_the_whole_list(desk, db):
    _import(desk)
    before = db.dump(desk, "appointment")
    changed = (
        "time,service,reference,language,note\n"
        "12:00,GAJ,LAM-2026-000900,pt,\n"
        "10:30,SS,LAM-2026-000501,bn,\n"  # moved, and its note gone
    )
    with pytest.raises(AppointmentListRefused) as caught:
        _import(desk, changed)
    assert caught.value.problems == [
        "reference LAM-2026-000501 was imported already with other details"
    ]
    assert db.dump(desk, "appointment") == before  # nor the new booking


def test_a_malformed_list_names_every_bad_line(desk, db):
    text = (
        "time,service,reference,language,note\n"
        "10:00,SS,LAM-2026-000601,bn,\n"
        "25:00,SS,LAM-2026-000602,bn,\n"
        "10:00,XYZ,LAM-2026-000603,bn,\n"
        "10:00,SS,LAM-2026-000601,tlh,\n"
    )
    with pytest.raises(AppointmentListRefused) as caught:
        _import(desk, text)
    problems = caught.value.problems
    assert [problem.split(":")[0] for problem in problems] == ["line 3", "line 4", "line 5"]
    assert "25:00" in problems[0]
    assert "XYZ" in problems[1]
    assert "also on line 2" in problems[2]
    assert "tlh" in problems[2]
    assert db.count(desk, "appointment") == 0


def test_check_in_on_time_takes_precedence_and_late_joins_the_queue(desk, clock, db):
    clock.set(at(9, 30))
    first_walk_in = desk.issue("SS")
    clock.set(at(9, 40))
    second_walk_in = desk.issue("SS")
    _import(desk)

    clock.set(at(9, 50))
    due = desk.appointments.check_in("LAM-2026-000501")
    early = desk.appointments.check_in("  lam-2026-000502 ")  # as typed at the desk
    late = desk.appointments.check_in("LAM-2026-000503")
    just_in_time = desk.appointments.check_in("LAM-2026-000504")  # 15 minutes after

    assert (due.late, early.late, late.late, just_in_time.late) == (False, False, True, False)
    assert due.ticket.appointment_at == at(10, 0)
    assert early.ticket.appointment_at == at(11, 0)
    assert just_in_time.ticket.appointment_at == at(9, 35)
    assert late.ticket.appointment_at is None  # a normal ticket
    assert [c.ticket.booking for c in (due, early, late, just_in_time)] == [
        "LAM-2026-000501",
        "LAM-2026-000502",
        "LAM-2026-000503",
        "LAM-2026-000504",
    ]
    assert late.ticket.language == "ur"
    stored = db.column(desk, "SELECT appointment_at FROM ticket WHERE id = ?", due.ticket.id)
    assert stored == ["2026-06-16T10:00:00+01:00"]
    checked = {b.reference: b.ticket for b in desk.appointments.today()}
    assert checked["LAM-2026-000501"] == due.ticket.id

    # Due appointments first, by their time; then everyone by arrival: the 11:00 booking
    # is not due yet and waits as an arrival of 09:50, before the late one.
    def order() -> list[str]:
        return [t.id for t in desk.reader.run(lambda q: q.waiting(TUESDAY.isoformat()))]

    assert order() == [
        just_in_time.ticket.id,
        due.ticket.id,
        first_walk_in.id,
        second_walk_in.id,
        early.ticket.id,
        late.ticket.id,
    ]
    assert desk.ticket(first_walk_in.id).position == 2
    assert desk.call_next("C1", ["SS"]).id == just_in_time.ticket.id
    assert desk.call_next("C1", ["SS"]).id == due.ticket.id
    assert desk.call_next("C1", ["SS"]).id == first_walk_in.id
    clock.set(at(10, 45))  # the 11:00 booking is due from 10:45
    assert desk.call_next("C1", ["SS"]).id == early.ticket.id
    assert desk.call_next("C1", ["SS"]).id == second_walk_in.id
    assert desk.call_next("C1", ["SS"]).id == late.ticket.id
    assert desk.check().ok


def test_a_booking_checks_in_once(desk, clock, db):
    _import(desk)
    ticket = desk.appointments.check_in("LAM-2026-000501").ticket
    before = db.counts(desk)
    with pytest.raises(CheckInRefused, match=f"already checked in: {ticket.code}"):
        desk.appointments.check_in("lam-2026-000501")
    with pytest.raises(CheckInRefused, match="no appointment LAM-2026-999999 today"):
        desk.appointments.check_in("LAM-2026-999999")
    assert db.counts(desk) == before
    # Served and done, it still cannot be checked in again.
    desk.call(ticket.id, "C1")
    desk.start(ticket.id, "C1")
    desk.finish(ticket.id, "C1")
    with pytest.raises(CheckInRefused, match=ticket.code):
        desk.appointments.check_in("LAM-2026-000501")


def test_a_booking_checked_in_meanwhile_is_refused_when_written(desk, db, monkeypatch):
    """Two check-ins of one booking at once (two threads on one journal): the one that
    writes second finds the other's ticket in its transaction, and is refused."""
    _import(desk)
    original = desk.issue_request
    meanwhile = []

    def issue_request(request, **kwargs):
        if not meanwhile:  # between the list's read and this write, the other one runs
            meanwhile.append(None)
            meanwhile[0] = desk.appointments.check_in("LAM-2026-000501").ticket
        return original(request, **kwargs)

    monkeypatch.setattr(desk, "issue_request", issue_request)
    with pytest.raises(CheckInRefused, match="already checked in"):
        desk.appointments.check_in("LAM-2026-000501")
    assert db.column(desk, "SELECT id FROM ticket") == [meanwhile[0].id]
    assert {b.reference: b.ticket for b in desk.appointments.today()}["LAM-2026-000501"] == (
        meanwhile[0].id
    )


def test_a_booking_is_checked_in_on_its_day_only(desk, clock):
    _import(desk)
    clock.set(at(9, 0, day=WEDNESDAY))
    with pytest.raises(CheckInRefused, match="no appointment"):
        desk.appointments.check_in("LAM-2026-000501")


def test_notes_stay_on_the_desk_and_go_with_the_day(desk, clock, db, reopen):
    _import(desk)
    clock.set(at(9, 55))
    for reference in ("LAM-2026-000501", "LAM-2026-000502", "LAM-2026-000503"):
        desk.appointments.check_in(reference)
    assert db.column(desk, "SELECT note FROM appointment WHERE note != ''") == [NOTE]
    # Nothing replicated or projected holds it.
    assert all(NOTE.encode() not in blob for blob in db.update_blobs(desk))
    assert all(b"wheelchair" not in blob for blob in db.update_blobs(desk))
    assert all("wheelchair" not in data for data in db.column(desk, "SELECT data FROM event"))
    assert "wheelchair" not in json.dumps([str(row) for row in db.dump(desk, "ticket")])

    clock.set(at(8, 30, day=WEDNESDAY))
    desk = reopen(desk)  # opening on the next day closes the day before
    assert db.count(desk, "appointment") == 0
    assert desk.appointments.today() == []
    assert db.column(desk, "SELECT DISTINCT status FROM ticket") == ["closed"]
    # The day's tickets keep their booking reference; only the list is gone.
    assert len(db.column(desk, "SELECT booking FROM ticket WHERE booking IS NOT NULL")) == 3


@pytest.fixture
def sqlite_without_secure_delete(monkeypatch):
    """The desk's connections as SQLite builds without SQLITE_SECURE_DELETE make them
    (upstream's default; Debian's build turns it on): deleted rows stay in free space."""
    opened = store.open_engine

    def open_engine(*args, **kwargs):
        engine = opened(*args, **kwargs)

        @event.listens_for(engine, "connect")
        def _insecure(connection, _record) -> None:
            connection.execute("PRAGMA secure_delete = OFF")

        return engine

    monkeypatch.setattr(store, "open_engine", open_engine)


def test_purged_notes_leave_no_trace_in_the_file(
    sqlite_without_secure_delete, make_desk, clock, db, reopen
):
    desk = make_desk("R1")
    _import(desk)
    desk.appointments.check_in("LAM-2026-000501")
    clock.set(at(8, 30, day=WEDNESDAY))
    desk = reopen(desk)
    desk.issue("SS")
    desk.close()
    assert db.count(desk, "appointment") == 0
    for name, content in db.folder_bytes(desk).items():
        assert b"wheelchair" not in content, name


def test_an_early_check_in_keeps_its_appointment(desk, clock):
    _import(desk, "time,service,reference,language\n16:30,SS,LAM-2026-000701,fr\n")
    clock.set(at(9, 0))
    checked = desk.appointments.check_in("LAM-2026-000701")
    assert not checked.late
    assert checked.ticket.appointment_at == at(16, 30)
    assert checked.ticket.status is TicketStatus.WAITING


def test_late_for_an_appointment_only_service_is_told_to_book_again(desk, clock):
    _import(desk, "time,service,reference,language\n09:30,CRC,LAM-2026-000777,pt\n")
    clock.set(at(9, 46))  # one minute past the 15 allowed
    with pytest.raises(CheckInRefused, match="book again through the Migrants Support Line"):
        desk.appointments.check_in("LAM-2026-000777")
    assert desk.reader.run(lambda q: q.tickets(TUESDAY.isoformat())) == []


def test_references_differing_only_in_case_are_one_booking():
    from cnaim_desk.domain.centres import parse_profile
    from cnaim_desk.resources import resources_dir

    profile = parse_profile((resources_dir() / "centres" / "lisboa.toml").read_text())
    text = "time,service,reference,language\n09:00,SS,LAM-1a,pt\n09:30,SS,lam-1A,pt\n"
    with pytest.raises(AppointmentListRefused) as refused:
        parse_appointments(text, profile)
    assert refused.value.problems == ["line 3: reference lam-1A is also on line 2"]
