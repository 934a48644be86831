"""Plain SQL for the rows every event touches: stored updates, events, tickets, days.

Each event a desk writes or takes in stores an update, an event row and its ticket's
row, and reads the ticket's other events back to fold them. Through the ORM that cost
about 5 ms of CPU per event, which a centre of many desks cannot afford (every desk
takes in every other desk's events). These statements run on the session's own SQLite
connection, inside its transaction, so they commit or roll back with everything else
the session does; the tables stay those of :mod:`cnaim_desk.journal.tables`.
"""

from __future__ import annotations

import sqlite3
from collections import namedtuple
from collections.abc import Iterable, Sequence

from sqlmodel import Session

from cnaim_desk.journal.tables import EventRow, TicketRow

#: Keys per ``IN (...)`` query: well under SQLite's limit on bound parameters.
CHUNK = 500


#: An ``event`` row as read back: the columns of :class:`EventRow`, in its order, by name.
#: A new one is ``applied`` with no reason until its ticket is folded.
StoredEvent = namedtuple(
    "StoredEvent", EventRow.__table__.columns.keys(), defaults=("applied", None)
)

_EVENT_TABLE = EventRow.__tablename__
_EVENT_COLUMNS = ", ".join(StoredEvent._fields)
_TICKET_TABLE = TicketRow.__tablename__
_TICKET_COLUMNS = frozenset(column.name for column in TicketRow.__table__.columns)


def connection(session: Session) -> sqlite3.Connection:
    """The SQLite connection under ``session``, in its transaction (begun if need be)."""
    return session.connection().connection.driver_connection


def chunks(values: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def _marks(count: int) -> str:
    return ", ".join("?" * count)


def store_update(db: sqlite3.Connection, doc: str, data: bytes, received_ms: int) -> None:
    db.execute(
        "INSERT INTO doc_update (doc, data, received_ms) VALUES (?, ?, ?)",
        (doc, data, received_ms),
    )


def stored_events(db: sqlite3.Connection, keys: Sequence[str]) -> dict[str, StoredEvent]:
    """The events already stored under ``keys``, by key."""
    found: dict[str, StoredEvent] = {}
    for chunk in chunks(list(dict.fromkeys(keys))):
        query = f"SELECT {_EVENT_COLUMNS} FROM {_EVENT_TABLE} WHERE key IN ({_marks(len(chunk))})"
        for row in db.execute(query, chunk):
            found[row[0]] = StoredEvent(*row)
    return found


def insert_events(db: sqlite3.Connection, rows: Sequence[StoredEvent]) -> None:
    if rows:
        db.executemany(
            f"INSERT INTO {_EVENT_TABLE} ({_EVENT_COLUMNS}) "
            f"VALUES ({_marks(len(StoredEvent._fields))})",
            rows,
        )


def events_of_tickets(
    db: sqlite3.Connection, tickets: Sequence[str]
) -> dict[str, list[StoredEvent]]:
    """Every stored event of each of ``tickets`` (any day's document), by ticket."""
    found: dict[str, list[StoredEvent]] = {ticket: [] for ticket in tickets}
    for chunk in chunks(list(found)):
        query = (
            f"SELECT {_EVENT_COLUMNS} FROM {_EVENT_TABLE} WHERE ticket IN ({_marks(len(chunk))})"
        )
        for row in db.execute(query, chunk):
            found[row[2]].append(StoredEvent(*row))
    return found


def events_with_op(db: sqlite3.Connection, doc: str, op: str) -> list[StoredEvent]:
    query = f"SELECT {_EVENT_COLUMNS} FROM {_EVENT_TABLE} WHERE doc = ? AND op = ?"
    return [StoredEvent(*row) for row in db.execute(query, (doc, op))]


def set_effects(db: sqlite3.Connection, changes: Sequence[tuple[str, str | None, str]]) -> None:
    """``(effect, reason, key)`` for each event whose place in its ticket's fold changed."""
    if changes:
        db.executemany(f"UPDATE {_EVENT_TABLE} SET effect = ?, reason = ? WHERE key = ?", changes)


def write_tickets(
    db: sqlite3.Connection, rows: Sequence[dict[str, object]], kept: Sequence[str]
) -> None:
    """Insert each ticket row, or on an existing id update every column but ``kept`` (a
    ticket's facts from its issue, which a later fold does not rewrite)."""
    if not rows:
        return
    columns = list(rows[0])
    unknown = set(columns) - _TICKET_COLUMNS
    if unknown:
        raise ValueError(f"not columns of {_TICKET_TABLE}: {sorted(unknown)}")
    changing = [name for name in columns if name != "id" and name not in kept]
    statement = (
        f"INSERT INTO {_TICKET_TABLE} ({', '.join(columns)}) VALUES ({_marks(len(columns))}) "
        f"ON CONFLICT(id) DO UPDATE SET {', '.join(f'{n} = excluded.{n}' for n in changing)}"
    )
    db.executemany(statement, [tuple(row[n] for n in columns) for row in rows])


def open_tickets(db: sqlite3.Connection, day: str, final: Iterable[str]) -> list[str]:
    """The ids of the day's tickets in none of the ``final`` statuses."""
    final = list(final)
    query = f"SELECT id FROM {_TICKET_TABLE} WHERE day = ? AND status NOT IN ({_marks(len(final))})"
    return [row[0] for row in db.execute(query, (day, *final))]


def ensure_day(db: sqlite3.Connection, day: str, centre: str) -> None:
    db.execute(
        "INSERT OR IGNORE INTO day (day, centre, info_given) VALUES (?, ?, 0)", (day, centre)
    )


def count_info(db: sqlite3.Connection, day: str, given: int) -> None:
    if given:
        db.execute("UPDATE day SET info_given = info_given + ? WHERE day = ?", (given, day))


def close_day_at(db: sqlite3.Connection, day: str, hlc: str) -> None:
    """The day's closing is its earliest ``day_closed`` event."""
    db.execute(
        "UPDATE day SET closed = ? WHERE day = ? AND (closed IS NULL OR closed > ?)",
        (hlc, day, hlc),
    )
