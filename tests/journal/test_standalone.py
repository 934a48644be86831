"""A standalone desk: its keys, its registry entry, and the events it signs.

Requirements: a standalone desk makes its own keys (owner-only files in an owner-only
folder) and registers itself; a second set-up of the same folder is refused; events are
immutable, keyed ``<desk>:<boot>:<seq>``, signed with the desk's Ed25519 key; every start
takes a fresh boot and a fresh replication client id.
"""

from __future__ import annotations

import json
import stat

import pytest
from pycrdt import Doc, Map
from sqlmodel import Session, select

from cnaim_desk.domain.events import EventKey, Op
from cnaim_desk.journal.desk import DeskConfig, DeskSetupError
from cnaim_desk.journal.document import EVENTS, centre_doc_name, state_clocks
from cnaim_desk.journal.journal import Journal
from cnaim_desk.journal.projection import event_from_row
from cnaim_desk.journal.signing import DeskSigningKey, KeyFileError, SignatureChecker
from cnaim_desk.journal.tables import EventRow
from cnaim_desk.resources import resources_dir


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _state_vector_clients(update: bytes) -> set[int]:
    """The replication client ids that wrote ``update`` (from its Yjs state vector)."""
    doc = Doc()
    doc.apply_update(update)
    return set(state_clocks(doc.get_state()))


def _event_rows(journal: Journal) -> list[EventRow]:
    with Session(journal.read_engine) as session:
        return list(session.exec(select(EventRow).order_by(EventRow.hlc)))


def test_init_makes_private_keys_and_registers_the_desk(make_desk, db):
    journal = make_desk("R1")
    root = journal.data_dir.root

    keys = root / "keys"
    assert _mode(keys) == 0o700
    for name in ("desk.pem", "centre.key"):
        assert _mode(keys / name) == 0o600, name
        assert (keys / name).stat().st_size > 0

    config = json.loads((root / "desk.json").read_text(encoding="utf-8"))
    assert config == {"centre": "lisboa", "desk": "R1", "role": "reception", "slot": 0}

    own_key = journal.registry()["R1"]
    assert own_key.role == "reception"
    assert own_key.slot == 0
    assert not own_key.revoked
    # The registry holds the public half of the key on disk, so others can verify us.
    assert own_key.public_key == DeskSigningKey.load(keys / "desk.pem").public_key
    assert db.dump(journal, "desk") == [("R1", "reception", 0, own_key.public_key, 0)]
    assert journal.document_names() == [centre_doc_name("lisboa")]


def test_a_second_init_of_the_same_folder_is_refused(make_desk, tmp_path):
    first = make_desk("R1")
    root = first.data_dir.root
    first.close()
    before = {p.name: p.read_bytes() for p in (root / "keys").iterdir()}
    config_before = (root / "desk.json").read_text(encoding="utf-8")

    with pytest.raises(DeskSetupError, match="already set up"):
        Journal.init_standalone(
            root, DeskConfig("lisboa", "C4", "counter"), resources=resources_dir()
        )

    # Nothing of the first desk was replaced.
    assert {p.name: p.read_bytes() for p in (root / "keys").iterdir()} == before
    assert (root / "desk.json").read_text(encoding="utf-8") == config_before
    with Journal.open(root, resources=resources_dir()) as again:
        assert again.config.desk == "R1"
        assert set(again.registry()) == {"R1"}


def test_a_key_readable_by_others_is_refused(make_desk):
    journal = make_desk("R1")
    root = journal.data_dir.root
    journal.close()
    (root / "keys" / "desk.pem").chmod(0o644)
    with pytest.raises(KeyFileError, match="readable by other users"):
        Journal.open(root, resources=resources_dir())


def test_events_are_keyed_by_desk_boot_seq_and_signed(desk):
    first = desk.issue("SS")
    second = desk.issue("AIMA", priority="pregnancy", language="uk")
    desk.call(first.id, "C1")

    rows = _event_rows(desk)
    keys = [EventKey.parse(row.key) for row in rows]
    assert [k.desk for k in keys] == ["R1", "R1", "R1"]
    assert len({k.boot for k in keys}) == 1
    assert [k.seq for k in keys] == [1, 2, 3]
    # A ticket's id is the key of its issued event.
    assert [first.id, second.id] == [rows[0].key, rows[1].key]
    assert rows[2].ticket == first.id

    checker = SignatureChecker()
    public_key = desk.registry()["R1"].public_key
    for row in rows:
        payload = event_from_row(row).signing_payload(row.doc)
        assert checker.verify(public_key, payload, row.sig), row.key
        # The signature covers the document and the key: the same event replayed into
        # another day, or under another key, does not verify.
        assert not checker.verify(
            public_key, payload.replace(b"2026-06-16", b"2026-06-17"), row.sig
        )
    other = event_from_row(rows[0])
    moved = type(other)(
        EventKey("R1", keys[0].boot, 99), other.ticket, other.op, other.hlc, other.data
    )
    assert not checker.verify(public_key, moved.signing_payload(rows[0].doc), rows[0].sig)


def test_events_are_immutable_once_written(desk, db):
    ticket = desk.issue("SS")
    issued_before = [row for row in db.dump(desk, "event") if row[0] == ticket.id]
    desk.call(ticket.id, "C1")
    desk.start(ticket.id)
    desk.finish(ticket.id)

    # Later steps add events; the issued event's row (data, signature, clock) is unchanged,
    # and so is its record in the replicated document.
    issued_after = [row for row in db.dump(desk, "event") if row[0] == ticket.id]
    assert issued_after == issued_before
    assert db.count(desk, "event") == 4
    replica = Doc()
    replica_events = replica.get(EVENTS, type=Map)
    replica.apply_update(desk.updates_for(desk.today_doc()))
    record = replica_events.to_py()[ticket.id]
    assert record["sig"] == issued_before[0][9]
    assert record["op"] == Op.ISSUED.value
    assert desk.ticket(ticket.id).status.value == "done"


def test_every_start_takes_a_fresh_boot_and_client_id(desk, reopen, clock):
    day_doc = desk.today_doc()
    first = desk.issue("SS")
    first_client = desk.client_id
    first_boot = EventKey.parse(first.id).boot

    second_journal = reopen(desk)
    clock.advance(minutes=1)
    second = second_journal.issue("SS")
    third_journal = reopen(second_journal)
    clock.advance(minutes=1)
    third = third_journal.issue("SS")

    boots = [EventKey.parse(t.id).boot for t in (first, second, third)]
    assert boots[0] == first_boot
    assert len(set(boots)) == 3, boots
    # Each boot counts its own events from 1: the boot alone keeps the keys apart.
    assert [EventKey.parse(t.id).seq for t in (first, second, third)] == [1, 1, 1]
    assert [t.code for t in (first, second, third)] == ["S001", "S002", "S003"]

    client_ids = [first_client, second_journal.client_id, third_journal.client_id]
    assert len(set(client_ids)) == 3
    # The stored updates themselves were written by three different replication clients.
    updates = third_journal.stored_updates(day_doc)
    assert len(updates) == 3
    assert [_state_vector_clients(update) for update in updates] == [{c} for c in client_ids]


def test_an_init_that_never_finished_can_be_run_again(make_desk, db, clock):
    """An init killed after writing its keys and database but before its configuration
    (the mark of a set-up desk) leaves a folder that a new init sets up properly."""
    first = make_desk("R1")
    root = first.data_dir.root
    old_public_key = first.registry()["R1"].public_key
    first.close()
    (root / "desk.json").unlink()

    with Journal.init_standalone(
        root, DeskConfig("lisboa", "R1", "reception"), resources=resources_dir(), now_ms=clock
    ) as again:
        new_public_key = again.registry()["R1"].public_key
        assert new_public_key != old_public_key
        assert new_public_key == DeskSigningKey.load(root / "keys" / "desk.pem").public_key
        assert _mode(root / "keys" / "desk.pem") == 0o600
        ticket = again.issue("SS")
        report = again.check()
        assert report.ok, report.problems
        assert report.events == 1
    with Journal.open(root, resources=resources_dir(), now_ms=clock) as reopened:
        assert reopened.ticket(ticket.id).code == "S001"


def test_a_desk_whose_clock_was_set_back_resumes_after_its_own_events(desk, reopen, clock):
    """A desk's clock ran 20 minutes fast, then was corrected while the desk was closed:
    its new events still follow its old ones, so it can call the tickets it issued and
    the queue keeps arrival order."""
    clock.advance(minutes=20)
    first = desk.issue("SS")
    clock.advance(minutes=-20)
    desk = reopen(desk)
    second = desk.issue("SS")
    called = desk.call_next("C1", ["SS"])
    assert called.id == first.id
    assert desk.ticket(second.id).position == 0
    assert desk.check().ok


def test_a_desk_whose_database_was_lost_registers_itself_again(tmp_path, clock):
    """Keys and configuration survive, journal.sqlite does not: the reopened desk must still
    verify (and so project) its own new events, and `journal check` stays sound."""
    from cnaim_desk.journal.desk import DeskConfig
    from cnaim_desk.journal.journal import Journal
    from cnaim_desk.resources import resources_dir

    root = tmp_path / "desk"
    config = DeskConfig(centre="lisboa", desk="R3", role="reception")
    Journal.init_standalone(root, config, resources=resources_dir(), now_ms=clock).close()
    for leftover in root.glob("journal.sqlite*"):
        leftover.unlink()
    with Journal.open(root, resources=resources_dir(), now_ms=clock) as journal:
        assert "R3" in journal.registry()
        ticket = journal.issue("SS")
        assert journal.ticket(ticket.code).status.value == "waiting"
        journal.rebuild()
        assert journal.ticket(ticket.code).code == ticket.code
        assert journal.check().ok
