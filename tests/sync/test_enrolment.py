"""Setting up a centre and bringing desks into it, with real desk folders: the centre's
authority on the first desk, enrolment files sealed with a one-time code, and new desks
whose events the others verify."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import stat
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from cnaim_desk.journal.desk import DeskConfig
from cnaim_desk.journal.document import centre_doc_name, day_doc_name
from cnaim_desk.journal.journal import Journal, RegistryRefused
from cnaim_desk.journal.signing import DeskSigningKey
from cnaim_desk.resources import resources_dir
from cnaim_desk.sync.enrolment import (
    CODE_ALPHABET,
    Enrolment,
    EnrolmentError,
    enroll,
    init_centre,
    join,
    new_code,
)
from cnaim_desk.sync.pki import DeskIdentity, PkiFiles
from tests.sync.centre import knows


@pytest.fixture
def journals() -> Iterator[list[Journal]]:
    opened: list[Journal] = []
    yield opened
    for journal in opened:
        journal.close()


@pytest.fixture
def supervisor(tmp_path, journals) -> Journal:
    config = DeskConfig("lisboa", "R1", "reception", 1)
    journal = init_centre(tmp_path / "R1", config, resources=resources_dir())
    journals.append(journal)
    return journal


def joined(tmp_path: Path, journals: list[Journal], enrolment: Enrolment) -> Journal:
    journal = join(tmp_path / enrolment.identity.desk, enrolment, resources=resources_dir())
    journals.append(journal)
    return journal


def private(path: Path) -> bool:
    return stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_centre_starts_with_its_authority_and_its_first_desk(supervisor):
    files = PkiFiles(supervisor.data_dir.root)
    assert files.identity() == DeskIdentity("lisboa", "R1", "reception", 1)
    assert private(files.ca_key)
    assert private(files.key)
    assert "R1" in supervisor.registry()


def test_a_code_is_three_groups_of_unmistakable_characters():
    codes = {new_code() for _ in range(50)}
    assert len(codes) == 50
    for code in codes:
        groups = code.split("-")
        assert [len(group) for group in groups] == [4, 4, 4]
        assert set("".join(groups)) <= set(CODE_ALPHABET)
        assert not set("".join(groups)) & set("01IO")


def test_an_enrolled_desk_joins_with_its_identity_and_the_registry(tmp_path, supervisor, journals):
    enrolment = enroll(supervisor, "R2", "reception")
    assert enrolment.identity == DeskIdentity("lisboa", "R2", "reception", 2)  # slot 1 is R1's
    code = new_code()
    sealed = enrolment.seal(code)
    assert json.loads(sealed)["for"] == "lisboa/R2"
    # typed as a person would: lower case, spaces instead of dashes
    opened = Enrolment.open(sealed, code.lower().replace("-", " "))
    desk = joined(tmp_path, journals, opened)
    assert desk.config == DeskConfig("lisboa", "R2", "reception", 2)
    assert set(desk.registry()) == {"R1", "R2"}
    files = PkiFiles(desk.data_dir.root)
    assert files.identity() == enrolment.identity
    assert not files.ca_key.exists()  # the authority stays on the supervisor's desk
    assert private(files.key)
    assert private(desk.data_dir.signing_key_path)
    assert private(desk.data_dir.centre_key_path)


def test_the_new_desks_tickets_verify_on_the_other_and_numbers_never_collide(
    tmp_path, supervisor, journals
):
    desk = joined(tmp_path, journals, enroll(supervisor, "R2", "reception"))
    theirs = desk.issue("SS")
    ours = supervisor.issue("SS")
    assert (ours.number, theirs.number) == (100, 200)  # slots 1 and 2: 1xx and 2xx
    day = day_doc_name("lisboa", desk.today())
    supervisor.ingest(day, desk.updates_for(day))
    arrived = supervisor.ticket(theirs.id)
    assert (arrived.code, arrived.issued_by) == (theirs.code, "R2")
    # a desk enrolled later is known to the earlier ones through the centre document
    third = enroll(supervisor, "C4", "counter")
    assert third.identity.slot == 0  # counters issue no tickets
    centre = centre_doc_name("lisboa")
    desk.ingest(centre, supervisor.updates_for(centre))
    assert set(desk.registry()) == {"R1", "R2", "C4"}


def test_a_wrong_code_or_a_damaged_file_opens_nothing(supervisor):
    enrolment = enroll(supervisor, "R2", "reception")
    sealed = enrolment.seal("AAAA-BBBB-CCCC")
    with pytest.raises(EnrolmentError, match="The code does not open"):
        Enrolment.open(sealed, "AAAA-BBBB-CCCD")
    damaged = json.loads(sealed)
    damaged["for"] = "lisboa/R9"  # the label is authenticated too
    with pytest.raises(EnrolmentError, match="The code does not open"):
        Enrolment.open(json.dumps(damaged).encode(), "AAAA-BBBB-CCCC")
    with pytest.raises(EnrolmentError, match="not a CNAIM Desk enrolment file"):
        Enrolment.open(b"\x00\x01 garbage", "AAAA-BBBB-CCCC")


def test_what_cannot_be_enrolled_is_refused_and_nothing_registered(tmp_path, supervisor, journals):
    with pytest.raises(EnrolmentError, match="Desk R1 is enrolled already"):
        enroll(supervisor, "R1", "reception")
    enroll(supervisor, "R2", "reception")
    with pytest.raises(EnrolmentError, match="slot 2 is held by R2"):
        enroll(supervisor, "R3", "reception", slot=2)
    assert "R3" not in supervisor.registry()
    # only the desk holding the authority enrols
    desk = joined(tmp_path, journals, enroll(supervisor, "C4", "counter"))
    with pytest.raises(EnrolmentError, match="does not hold the centre's certificate"):
        enroll(desk, "C5", "counter")


def test_joining_a_desk_of_a_centre_is_refused(tmp_path, supervisor):
    enrolment = enroll(supervisor, "R2", "reception")
    with pytest.raises(EnrolmentError, match="is a desk of centre lisboa already"):
        join(supervisor.data_dir.root, enrolment, resources=resources_dir())


def _yesterday() -> int:
    return time.time_ns() // 1_000_000 - 24 * 3600 * 1000


def standalone(root: Path, desk: str, centre: str = "lisboa", now_ms=_yesterday) -> list[str]:
    """A standalone desk that worked yesterday (two tickets, one called); their ids."""
    config = DeskConfig(centre, desk, "reception")
    with Journal.init_standalone(root, config, resources=resources_dir(), now_ms=now_ms) as alone:
        first, second = alone.issue("SS"), alone.issue("AIMA")
        alone.call(first.id, "C1")
        return [first.id, second.id]


def test_a_standalone_desk_joins_a_centre_and_keeps_its_history(tmp_path, supervisor, journals):
    """R2 worked alone yesterday, then joins the centre as R2 (the same id, a new key): its
    past stays readable and sound here, and is not sent to the centre's desks."""
    from tests.sync.test_reach import linked

    root = tmp_path / "R2"
    kept = standalone(root, "R2")
    old_key = DeskSigningKey.load(root / "keys" / "desk.pem").public_key
    desk = join(root, enroll(supervisor, "R2", "reception"), resources=resources_dir())
    journals.append(desk)
    yesterday = date.fromtimestamp(_yesterday() / 1000).isoformat()
    with sqlite3.connect(desk.data_dir.database_path) as db:
        rows = db.execute("SELECT id, status FROM ticket WHERE day = ?", (yesterday,)).fetchall()
    assert sorted(rows) == sorted([(kept[0], "closed"), (kept[1], "closed")])
    assert desk.registry()["R2"].public_key != old_key  # the centre's sealed entry
    assert json.loads(desk.data_dir.history_keys_path.read_text())["desks"]["R2"]["public_key"] == (
        old_key
    )
    report = desk.check()
    assert report.ok, report.problems
    assert report.quarantined == 0
    desk.rebuild()  # from the stored updates: the history still verifies
    report = desk.check()
    assert report.ok, report.problems
    assert report.tickets == 2
    history = day_doc_name("lisboa", date.fromisoformat(yesterday))
    assert history not in desk.shared_documents()
    new = desk.issue("SS")  # and it works as a desk of the centre
    asyncio.run(
        linked(supervisor, desk, lambda: supervisor.registry() and knows(supervisor, new.id))
    )
    assert history not in supervisor.document_names()
    with sqlite3.connect(supervisor.data_dir.database_path) as db:
        assert db.execute("SELECT count(*) FROM quarantine").fetchone() == (0,)


def test_a_standalone_desk_that_cannot_keep_its_history_is_refused_untouched(tmp_path, supervisor):
    other_centre = tmp_path / "norte"
    standalone(other_centre, "R7", centre="norte")
    with pytest.raises(EnrolmentError, match="worked for centre norte"):
        join(other_centre, enroll(supervisor, "R7", "reception"), resources=resources_dir())
    busy = tmp_path / "busy"
    standalone(busy, "R8", now_ms=lambda: time.time_ns() // 1_000_000)  # today
    before = (busy / "desk.json").read_text()
    with pytest.raises(EnrolmentError, match="has worked today"):
        join(busy, enroll(supervisor, "R8", "reception"), resources=resources_dir())
    assert (busy / "desk.json").read_text() == before
    assert not (busy / "pki").exists()
    with Journal.open(busy, resources=resources_dir()) as still:
        assert still.config.desk == "R8"
        assert still.check().ok


def test_only_the_centres_authority_changes_the_registry(tmp_path, supervisor, journals):
    desk = joined(tmp_path, journals, enroll(supervisor, "R2", "reception"))
    assert supervisor.seal.can_sign
    assert not desk.seal.can_sign
    with pytest.raises(ValueError, match="holding the centre's authority"):
        desk.revoke_desk("R1")
    # A desk that writes the registry behind the journal's back (a forged entry for a
    # desk of its own making, and R1 said revoked) changes nothing anywhere.
    centre = centre_doc_name("lisboa")
    forged = desk._doc(centre)
    rogue_key = DeskSigningKey.generate().public_key
    forged.insert("R9", {"role": "reception", "slot": "9", "public_key": rogue_key})
    entry = supervisor.registry()["R1"]
    forged.insert(
        "R1",
        {"role": "reception", "slot": "1", "public_key": entry.public_key, "revoked": "yes"},
    )
    with pytest.raises(RegistryRefused, match="not sealed"):
        supervisor.ingest(centre, forged.update_since(supervisor.state_of(centre)))
    registry = supervisor.registry()
    assert "R9" not in registry
    assert not registry["R1"].revoked
