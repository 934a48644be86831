"""The desk's SQLite file: write-ahead log, full fsync at each commit, explicit
transactions, and the schema version in ``PRAGMA user_version``."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import NullPool
from sqlmodel import SQLModel

from cnaim_desk.journal import tables


class StoreError(Exception):
    """The desk's database cannot be used; the message says why in plain words."""


class WriteFailed(StoreError):
    """A change the database did not take: nothing of it was saved. ``disk_full`` when
    the disk (or the file's limit) has no room left; ``reason``, SQLite's own words (never
    the statement or its values, which may hold an arrival's answers)."""

    def __init__(self, message: str, *, disk_full: bool, reason: str):
        super().__init__(message)
        self.disk_full = disk_full
        self.reason = reason


def write_failure(error: Exception) -> WriteFailed:
    """What to tell the staff of a write that failed in SQLite (``error`` raised by the
    driver or wrapped by SQLAlchemy)."""
    reason = str(getattr(error, "orig", None) or error)
    if "full" in reason.lower():  # SQLITE_FULL: "database or disk is full"
        return WriteFailed(
            "The disk of this desk is full: nothing was saved. Free some space on it "
            "(or call IT support), then try again.",
            disk_full=True,
            reason=reason,
        )
    return WriteFailed(
        f"This desk's database did not take the change ({reason}): nothing was saved.",
        disk_full=False,
        reason=reason,
    )


def open_engine(path: Path, *, read_only: bool = False, writer: bool = False) -> Engine:
    """An engine on the desk's file.

    The writer's transactions take ``BEGIN IMMEDIATE``, so a transaction never fails
    half-way on a lock; everyone else reads with deferred transactions, which the
    write-ahead log never blocks. ``read_only`` opens the file read-only, for commands that
    run beside another process's writer."""
    if read_only:
        if not path.exists():
            raise StoreError(f"There is no desk database at {path}.")
        url = f"sqlite:///file:{path}?mode=ro&uri=true"
    else:
        url = f"sqlite:///{path}"
    engine = create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": 10},
        poolclass=NullPool if read_only else None,
    )

    @event.listens_for(engine, "connect")
    def _configure(connection: sqlite3.Connection, _record) -> None:
        # Let SQLAlchemy's "begin" event below issue BEGIN itself (the pysqlite recipe),
        # so reads inside a transaction see one snapshot.
        connection.isolation_level = None
        cursor = connection.cursor()
        if not read_only:
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writer else "BEGIN")

    return engine


def prepare_schema(engine: Engine) -> bool:
    """Create the tables of a new file; refuse a file written by a newer version.

    Returns True when an older file's projections were dropped: the caller rebuilds them
    from the stored updates, which every version keeps as they were."""
    with engine.begin() as connection:
        version = connection.exec_driver_sql("PRAGMA user_version").scalar_one()
        if version > tables.SCHEMA_VERSION:
            raise StoreError(
                f"This desk's database was written by a newer CNAIM Desk "
                f"(schema {version}, this one knows {tables.SCHEMA_VERSION}). Update the app."
            )
        upgraded = 0 < version < tables.SCHEMA_VERSION
        if upgraded:
            for table in tables.PROJECTION_TABLES:
                table.__table__.drop(connection, checkfirst=True)
        SQLModel.metadata.create_all(connection)
        # Indexes added since a schema version: made on a file of that version too (an
        # index holds no data, so the file needs no rebuild for it).
        for index in tables.EventRow.__table__.indexes:
            index.create(connection, checkfirst=True)
        if version < tables.SCHEMA_VERSION:
            connection.exec_driver_sql(f"PRAGMA user_version = {tables.SCHEMA_VERSION}")
    return upgraded


def check_version(engine: Engine) -> None:
    """For read-only use: the file must already have a schema this version understands."""
    with engine.connect() as connection:
        version = connection.exec_driver_sql("PRAGMA user_version").scalar_one()
    if version == 0:
        raise StoreError("This desk's database is empty: run `cnaim-desk init` first.")
    if version > tables.SCHEMA_VERSION:
        raise StoreError(
            f"This desk's database was written by a newer CNAIM Desk (schema {version})."
        )
    if version < tables.SCHEMA_VERSION:
        raise StoreError(
            f"This desk's database was written by an older CNAIM Desk (schema {version}): "
            "open the desk for writing once (start it, or run `cnaim-desk journal rebuild`) "
            "to bring it up to date."
        )
