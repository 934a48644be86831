"""Shared fixtures for the journal tests: real desks in temporary folders, a clock the test
moves by hand, and plain sqlite3 reads of the desk's file (beside the journal's own)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta

import pytest
from pycrdt import Doc, Map

from cnaim_desk.domain.clock import LISBON, Hlc
from cnaim_desk.domain.events import Event, EventKey, Op
from cnaim_desk.journal.desk import DeskConfig
from cnaim_desk.journal.document import EVENTS
from cnaim_desk.journal.journal import Journal
from cnaim_desk.journal.signing import DeskSigningKey
from cnaim_desk.resources import resources_dir

#: A Tuesday in summer time (Lisbon is at +01:00), mid-morning.
T0 = datetime(2026, 6, 16, 9, 30, tzinfo=LISBON)

#: The projection tables whose rows ``journal rebuild`` must reproduce exactly, with the
#: columns that order a dump of each.
PROJECTED = {"ticket": "id", "event": "key", "counter": "day, desk", "day": "day", "desk": "desk"}


class ManualClock:
    """Wall-clock milliseconds that move only when the test says so."""

    def __init__(self, start: datetime = T0):
        self.ms = int(start.timestamp() * 1000)

    def __call__(self) -> int:
        return self.ms

    def advance(self, **delta: float) -> None:
        self.ms += int(timedelta(**delta) / timedelta(milliseconds=1))

    def set(self, moment: datetime) -> None:
        self.ms = int(moment.timestamp() * 1000)


@pytest.fixture
def clock() -> ManualClock:
    """The clock of every desk a test makes, unless it gives one its own."""
    return ManualClock()


@pytest.fixture
def second_clock() -> ManualClock:
    """A clock for a second desk: it starts where ``clock`` does and moves on its own."""
    return ManualClock()


@pytest.fixture
def open_journals() -> Iterator[list[Journal]]:
    """Journals a test opened; all closed (and their locks released) at its end."""
    journals: list[Journal] = []
    yield journals
    for journal in journals:
        journal.close()


@pytest.fixture
def make_desk(tmp_path, clock, open_journals) -> Callable[..., Journal]:
    """``make_desk("R1")``: a standalone desk set up in its own folder under tmp_path."""

    def make(
        desk: str = "R1",
        *,
        role: str = "reception",
        centre: str = "lisboa",
        slot: int = 0,
        now_ms: Callable[[], int] | None = None,
    ) -> Journal:
        journal = Journal.init_standalone(
            tmp_path / desk,
            DeskConfig(centre=centre, desk=desk, role=role, slot=slot),
            resources=resources_dir(),
            now_ms=now_ms or clock,
        )
        open_journals.append(journal)
        return journal

    return make


@pytest.fixture
def reopen(clock, open_journals) -> Callable[..., Journal]:
    """``reopen(journal)``: close a desk's writer and open it again, as a restart does."""

    def again(journal: Journal, *, now_ms: Callable[[], int] | None = None) -> Journal:
        journal.close()
        fresh = Journal.open(
            journal.data_dir.root, resources=resources_dir(), now_ms=now_ms or clock
        )
        open_journals.append(fresh)
        return fresh

    return again


@pytest.fixture
def desk(make_desk) -> Journal:
    return make_desk("R1")


# -- reading the file directly ---------------------------------------------------------------


class Db:
    """Plain sqlite3 access to a desk's file, beside (never through) the journal's engines."""

    #: The projection tables ``journal rebuild`` must reproduce, with the columns that
    #: order a dump of each.
    PROJECTED = PROJECTED

    @staticmethod
    def connect_ro(journal: Journal) -> sqlite3.Connection:
        path = journal.data_dir.database_path
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True)

    @classmethod
    def dump(cls, journal: Journal, table: str) -> list[tuple]:
        """Every row of a table, in a stable order."""
        connection = cls.connect_ro(journal)
        try:
            order = PROJECTED.get(table, "rowid")
            return connection.execute(f"SELECT * FROM {table} ORDER BY {order}").fetchall()
        finally:
            connection.close()

    @classmethod
    def count(cls, journal: Journal, table: str) -> int:
        connection = cls.connect_ro(journal)
        try:
            return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        finally:
            connection.close()

    @classmethod
    def counts(cls, journal: Journal) -> dict[str, int]:
        tables = ("doc_update", "event", "ticket", "quarantine", "counter", "day")
        return {table: cls.count(journal, table) for table in tables}

    @staticmethod
    def execute(journal: Journal, sql: str, *params: object) -> int:
        """Change the file behind the journal's back, as a broken disk or an admin might;
        returns the number of rows changed."""
        connection = sqlite3.connect(journal.data_dir.database_path)
        try:
            with connection:
                return connection.execute(sql, params).rowcount
        finally:
            connection.close()

    @classmethod
    def column(cls, journal: Journal, sql: str, *params: object) -> list:
        """The first column of every row a query returns."""
        connection = cls.connect_ro(journal)
        try:
            return [row[0] for row in connection.execute(sql, params)]
        finally:
            connection.close()

    @classmethod
    def update_blobs(cls, journal: Journal) -> list[bytes]:
        """Every stored replication update: what this desk would send to others."""
        return cls.column(journal, "SELECT data FROM doc_update ORDER BY id")

    @staticmethod
    def folder_bytes(journal: Journal) -> dict[str, bytes]:
        """Every file of the desk's folder (database, write-ahead log, keys, settings) by
        its path inside the folder: what a copy of the folder would give away."""
        root = journal.data_dir.root
        return {
            str(path.relative_to(root)): path.read_bytes()
            for path in sorted(root.rglob("*"))
            if path.is_file()
        }

    @classmethod
    def tamper(cls, journal: Journal, sql: str, *params: object) -> None:
        """Change rows behind the journal's back; the statement must change some."""
        changed = cls.execute(journal, sql, *params)
        assert changed >= 1, f"the tampering statement changed nothing: {sql}"


@pytest.fixture
def db() -> type[Db]:
    return Db


# -- making replicated updates by hand -----------------------------------------------------


class Forge:
    """Records and updates made outside the journal: what another (maybe hostile)
    replication client could send."""

    @staticmethod
    def signer_of(journal: Journal) -> DeskSigningKey:
        return DeskSigningKey.load(journal.data_dir.signing_key_path)

    @staticmethod
    def record(
        signer: DeskSigningKey,
        doc_name: str,
        key: str,
        op: Op,
        hlc: Hlc,
        data: dict[str, object],
        ticket: str | None = None,
    ) -> dict[str, object]:
        """The replicated record of an event signed with ``signer``, as a desk writes it."""
        event = Event(EventKey.parse(key), key if ticket is None else ticket, op, hlc, dict(data))
        return event.to_record(signer.sign(event.signing_payload(doc_name)))

    @staticmethod
    def update(entries: dict[str, object], *, base: bytes | None = None) -> bytes:
        """An update from a replication client of our own making that puts ``entries`` into
        a day document's event map, after first learning ``base`` (so writing a key already
        in ``base`` overwrites it rather than racing it)."""
        doc = Doc()
        events = doc.get(EVENTS, type=Map)
        if base is not None:
            doc.apply_update(base)
        state = doc.get_state()
        for key, record in entries.items():
            events[key] = record
        return doc.get_update(state)


@pytest.fixture
def forge() -> type[Forge]:
    return Forge
