"""``journal check``: is the file sound, does every event verify, and does the projection
equal a fresh fold of the stored events?

The stored updates of each day are projected again, by the same code as ever, into an
in-memory scratch database, and the two sets of rows are compared one by one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import create_engine, text
from sqlalchemy.pool import StaticPool
from sqlmodel import Session, SQLModel, delete, select

from cnaim_desk.journal.document import day_of
from cnaim_desk.journal.tables import (
    PROJECTION_TABLES,
    CounterRow,
    DayRow,
    EventRow,
    QuarantineRow,
    TicketRow,
    UpdateRow,
)

if TYPE_CHECKING:
    from cnaim_desk.journal.journal import Journal

#: Differences listed per table and day before the rest are only counted.
MAX_LISTED = 20


@dataclass(slots=True)
class CheckReport:
    """What the check found: an empty ``problems`` list means all is well."""

    documents: int = 0
    events: int = 0
    tickets: int = 0
    quarantined: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _keyed(rows, key: Callable) -> dict:
    return {key(row): row.model_dump() for row in rows}


def _compare(report: CheckReport, what: str, stored: dict, expected: dict) -> None:
    listed = 0
    differences = 0
    for key in sorted(set(stored) | set(expected), key=str):
        mine, theirs = stored.get(key), expected.get(key)
        if mine == theirs:
            continue
        differences += 1
        if listed >= MAX_LISTED:
            continue
        listed += 1
        if mine is None:
            report.problems.append(f"{what} {key}: missing from the tables")
        elif theirs is None:
            report.problems.append(f"{what} {key}: in the tables but not in the stored events")
        else:
            fields = sorted(f for f in mine if mine[f] != theirs.get(f))
            detail = ", ".join(f"{f} is {mine[f]!r}, events say {theirs.get(f)!r}" for f in fields)
            report.problems.append(f"{what} {key}: {detail}")
    if differences > listed:
        report.problems.append(f"{what}: {differences - listed} more differences")


def _day_rows(session: Session, doc: str) -> dict[str, dict]:
    day = day_of(doc)
    return {
        "event": _keyed(session.exec(select(EventRow).where(EventRow.doc == doc)), lambda r: r.key),
        "ticket": _keyed(
            session.exec(select(TicketRow).where(TicketRow.day == day)), lambda r: r.code
        ),
        "counter": _keyed(
            session.exec(select(CounterRow).where(CounterRow.day == day)), lambda r: r.desk
        ),
        "day": _keyed(session.exec(select(DayRow).where(DayRow.day == day)), lambda r: r.day),
        "quarantine": {
            (row.key, row.reason): {"key": row.key, "reason": row.reason}
            for row in session.exec(select(QuarantineRow).where(QuarantineRow.doc == doc))
        },
    }


def run_check(journal: Journal, progress: Callable[[str], None] | None = None) -> CheckReport:
    """Check ``journal``'s file; read-only on it, so it runs beside the desk's writer."""
    report = CheckReport()
    scratch = create_engine(
        "sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool
    )
    SQLModel.metadata.create_all(scratch)
    # One read transaction for the whole check: the stored updates and the tables are
    # compared as of one moment, even while the desk's writer goes on committing.
    with Session(journal.read_engine) as session:
        integrity = [row[0] for row in session.exec(text("PRAGMA integrity_check"))]
        if integrity != ["ok"]:
            report.problems.extend(f"SQLite integrity: {line}" for line in integrity[:MAX_LISTED])
        names = session.exec(select(UpdateRow.doc).distinct().order_by(UpdateRow.doc)).all()
        for name in names:
            if day_of(name) is None:
                continue
            if progress:
                progress(name)
            report.documents += 1
            updates = session.exec(
                select(UpdateRow.data).where(UpdateRow.doc == name).order_by(UpdateRow.id)
            ).all()
            with Session(scratch) as fresh:
                journal.projector.replay(fresh, name, updates, journal.client_id)
                fresh.flush()
                expected = _day_rows(fresh, name)
                for table in PROJECTION_TABLES:
                    fresh.exec(delete(table))
                fresh.commit()
            stored = _day_rows(session, name)
            for what in ("event", "ticket", "counter", "day", "quarantine"):
                _compare(report, f"{name} {what}", stored[what], expected[what])
            report.events += len(stored["event"])
            report.tickets += len(stored["ticket"])
            report.quarantined += len(stored["quarantine"])
    return report
