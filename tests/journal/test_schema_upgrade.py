"""A desk file of schema 1 (before visits, lawyers, triage fields and appointments) opened by
this version: its projections are dropped and rebuilt from the stored updates, which every
version keeps as they were."""

from __future__ import annotations

import sqlite3

import pytest

from cnaim_desk.domain.admission import AdmissionRefused
from cnaim_desk.journal.journal import Journal
from cnaim_desk.journal.store import StoreError
from cnaim_desk.journal.tables import SCHEMA_VERSION
from cnaim_desk.resources import resources_dir

#: The ticket table as schema 1 made it.
V1_TICKET = """
CREATE TABLE ticket (
    id VARCHAR NOT NULL PRIMARY KEY, centre VARCHAR NOT NULL, day VARCHAR NOT NULL,
    first_service VARCHAR NOT NULL, service VARCHAR NOT NULL, number INTEGER NOT NULL,
    code VARCHAR NOT NULL, status VARCHAR NOT NULL, priority VARCHAR, language VARCHAR NOT NULL,
    group_size INTEGER NOT NULL, arrival VARCHAR NOT NULL, issued_by VARCHAR NOT NULL,
    issued_ms INTEGER NOT NULL, appointment_at VARCHAR, called_by VARCHAR, called_ms INTEGER,
    started_ms INTEGER, finished_ms INTEGER, recalls INTEGER NOT NULL, reprints INTEGER NOT NULL,
    referred_from VARCHAR, referral_reason VARCHAR, outcome VARCHAR, closed_from VARCHAR,
    conflicts INTEGER NOT NULL, updated VARCHAR NOT NULL
)
"""


def _to_schema_1(path) -> None:
    """Make the file look as schema 1 left it: old ticket table (empty, as if its rows
    were lost), no appointment table, a stale day row, user_version 1."""
    connection = sqlite3.connect(path)
    try:
        with connection:
            connection.execute("DROP TABLE ticket")
            connection.execute(V1_TICKET)
            connection.execute("DROP TABLE appointment")
            connection.execute("UPDATE day SET info_given = 99")
        connection.execute("PRAGMA user_version = 1")
    finally:
        connection.close()


def _version(path) -> int:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return connection.execute("PRAGMA user_version").fetchone()[0]
    finally:
        connection.close()


def test_an_older_file_is_rebuilt_on_open(desk, clock, db, open_journals):
    visit = desk.issue("GAT", visit=("SS",), group_size=3, children=True)
    lawyer = desk.issue("AIMA", lawyer="48213L", cases=2)
    desk.call(visit.id, "C1")
    desk.start(visit.id, "C1")
    desk.finish(visit.id, "C1")
    desk.record_info(["info_general"], "en")
    expected = {table: db.dump(desk, table) for table in db.PROJECTED}
    path = desk.data_dir.database_path
    root = desk.data_dir.root
    desk.close()
    assert _version(path) == SCHEMA_VERSION == 3

    _to_schema_1(path)
    assert _version(path) == 1
    upgraded = Journal.open(root, resources=resources_dir(), now_ms=clock)
    open_journals.append(upgraded)

    assert _version(path) == SCHEMA_VERSION
    assert {table: db.dump(upgraded, table) for table in db.PROJECTED} == expected
    back = upgraded.ticket(visit.id)
    assert (back.service, back.visit, back.group_size, back.children) == ("SS", (), 3, True)
    assert (upgraded.ticket(lawyer.id).lawyer, upgraded.ticket(lawyer.id).cases) == (True, 2)
    assert db.column(upgraded, "SELECT info_given FROM day") == [1]
    report = upgraded.check()
    assert report.ok, report.problems
    assert report.tickets == 2
    # The new tables are there, and the desk carries on.
    assert db.count(upgraded, "appointment") == 0
    assert upgraded.issue("GAT").code == "G002"
    # ... with its lawyer's cases still counted under the same pseudonym.
    assert upgraded.issue("SS", lawyer="48 213 l").cases == 1
    with pytest.raises(AdmissionRefused, match="already has 3 cases"):
        upgraded.issue("SS", lawyer="48213L")
    assert upgraded.check().ok


def test_readers_leave_an_older_file_to_its_writer(desk, clock, db, open_journals):
    """Reading commands run beside the writer and cannot upgrade the file: they say so
    instead of failing on the old tables."""
    ticket = desk.issue("SS")
    path, root = desk.data_dir.database_path, desk.data_dir.root
    desk.close()
    _to_schema_1(path)
    with pytest.raises(StoreError, match="older") as caught:
        Journal.open_read_only(root, resources=resources_dir(), now_ms=clock)
    assert "schema 1" in str(caught.value)
    assert _version(path) == 1

    writer = Journal.open(root, resources=resources_dir(), now_ms=clock)
    open_journals.append(writer)
    with Journal.open_read_only(root, resources=resources_dir(), now_ms=clock) as reader:
        assert reader.ticket(ticket.id).code == "S001"
        assert reader.appointments.today() == []


def test_a_newer_file_is_refused(desk, db):
    path = desk.data_dir.database_path
    root = desk.data_dir.root
    desk.close()
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    with pytest.raises(StoreError, match="newer"):
        Journal.open(root, resources=resources_dir())
    with pytest.raises(StoreError, match="newer"):
        Journal.open_read_only(root, resources=resources_dir())
    assert _version(path) == SCHEMA_VERSION + 1


#: The counter table as schema 2 made it (no name, floor or side).
V2_COUNTER = """
CREATE TABLE counter (
    day VARCHAR NOT NULL, desk VARCHAR NOT NULL, status VARCHAR NOT NULL,
    services VARCHAR NOT NULL, technician VARCHAR NOT NULL, updated VARCHAR NOT NULL,
    PRIMARY KEY (day, desk)
)
"""


def test_a_schema_2_file_gets_its_counters_names_and_places_back(desk, clock, open_journals):
    desk.set_counter("C4", "open", ["SS"], "MJ", name="4", floor="Piso 1", side="esquerda")
    called = desk.call(desk.issue("SS").id, "C4", technician="MJ")
    path, root = desk.data_dir.database_path, desk.data_dir.root
    desk.close()
    connection = sqlite3.connect(path)
    try:
        with connection:
            connection.execute("DROP TABLE counter")
            connection.execute(V2_COUNTER)
            connection.execute("ALTER TABLE ticket DROP COLUMN technician")
        connection.execute("PRAGMA user_version = 2")
    finally:
        connection.close()
    upgraded = Journal.open(root, resources=resources_dir(), now_ms=clock)
    open_journals.append(upgraded)
    counter = upgraded.reader.run(lambda q: q.counters(upgraded.today().isoformat()))["C4"]
    assert (counter.label, counter.directions, counter.technician) == (
        "4",
        "Piso 1 · esquerda",
        "MJ",
    )
    assert upgraded.ticket(called.id).technician == "MJ"
