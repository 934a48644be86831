"""Setting up a centre and bringing desks into it, with real desk folders: the centre's
authority on the first desk, enrolment files sealed with a one-time code, and new desks
whose events the others verify."""

from __future__ import annotations

import json
import stat
from collections.abc import Iterator
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


def test_joining_a_folder_already_set_up_is_refused(tmp_path, supervisor):
    enrolment = enroll(supervisor, "R2", "reception")
    with pytest.raises(EnrolmentError, match="already set up"):
        join(supervisor.data_dir.root, enrolment, resources=resources_dir())


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
