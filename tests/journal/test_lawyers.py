"""Lawyers and representatives: a daily cap of cases per lawyer (three at CNAIM Lisboa),
counted under a keyed pseudonym of their professional number, which never reaches the
desk's files; and a queue of their own at each service."""

from __future__ import annotations

import json

import pytest

from cnaim_desk.domain.admission import AdmissionRefused
from cnaim_desk.domain.tickets import TicketStatus

#: One professional number as the reception may type it (spacing and case vary).
NUMBER = "48213L"
SPELLINGS = ("48213L", "48 213 l", " 48213l ")


def _assert_number_absent(db, journal) -> None:
    # With its letter: digits alone could turn up in any hex or base64 text by chance.
    forms = {b"48213L", b"48213l", b"48 213 l", b"48 213 L"}
    for name, content in db.folder_bytes(journal).items():
        for form in forms:
            assert form not in content, (form, name)
    for blob in db.update_blobs(journal):
        for form in forms:
            assert form not in blob, form


def test_one_lawyer_whatever_the_spelling_up_to_the_daily_cap(desk, clock, db):
    assert desk.profile.lawyer_daily_cap == 3
    pseudonyms = {desk.lawyer_pseudonym(spelling) for spelling in SPELLINGS}
    assert len(pseudonyms) == 1
    assert desk.lawyer_pseudonym("48213M") not in pseudonyms

    first = desk.issue("AIMA", lawyer=SPELLINGS[0], cases=2)
    second = desk.issue("SS", lawyer=SPELLINGS[1])  # cases add up across services
    assert (first.lawyer, first.cases, second.lawyer, second.cases) == (True, 2, True, 1)

    before = db.counts(desk)
    with pytest.raises(AdmissionRefused) as caught:
        desk.issue("GAJ", lawyer=SPELLINGS[2])
    refusal = caught.value
    assert (refusal.kind, refusal.service) == ("lawyer_cap", "GAJ")
    assert refusal.params == {"count": "3", "cap": "3"}
    assert not refusal.bookable
    assert db.counts(desk) == before

    # Another lawyer has a cap of their own, and a walk-in none.
    assert desk.issue("GAJ", lawyer="77001P", cases=3).cases == 3
    assert desk.issue("GAJ").lawyer is False


def test_a_cancelled_ticket_gives_its_cases_back(desk, clock, db):
    kept = desk.issue("SS", lawyer=NUMBER)
    withdrawn = desk.issue("AIMA", lawyer=NUMBER, cases=2)
    with pytest.raises(AdmissionRefused, match="already has 3 cases"):
        desk.issue("SS", lawyer=NUMBER)
    desk.cancel(withdrawn.id)
    again = desk.issue("SS", lawyer=NUMBER, cases=2)
    assert again.status is TicketStatus.WAITING
    with pytest.raises(AdmissionRefused, match="already has 3 cases"):
        desk.issue("SS", lawyer=NUMBER)
    # A finished ticket still counts: its cases were seen today.
    desk.call(kept.id, "C1")
    desk.start(kept.id, "C1")
    desk.finish(kept.id, "C1")
    with pytest.raises(AdmissionRefused) as caught:
        desk.issue("SS", lawyer=NUMBER)
    assert caught.value.kind == "lawyer_cap"


def test_a_ticket_brings_one_to_the_cap_cases(desk, db):
    before = db.counts(desk)
    with pytest.raises(AdmissionRefused) as caught:
        desk.issue("SS", lawyer=NUMBER, cases=4)
    assert caught.value.kind == "lawyer_cap"
    with pytest.raises(ValueError, match="one case"):
        desk.issue("SS", lawyer=NUMBER, cases=0)
    assert db.counts(desk) == before


@pytest.mark.parametrize("blank", ["", "   "], ids=["empty", "spaces"])
def test_a_lawyer_ticket_needs_a_professional_number(desk, db, blank):
    """Blank numbers would all be one "lawyer", their cases pooled and capped together."""
    before = db.counts(desk)
    with pytest.raises(ValueError, match="professional number"):
        desk.issue("SS", lawyer=blank)
    assert db.counts(desk) == before


def test_only_the_pseudonym_is_kept(desk, clock, db, reopen):
    tickets = [desk.issue("AIMA", lawyer=SPELLINGS[0]), desk.issue("SS", lawyer=SPELLINGS[1])]
    desk.cancel(tickets[1].id)
    pseudonym = desk.lawyer_pseudonym(NUMBER)
    assert db.column(desk, "SELECT DISTINCT lawyer FROM ticket") == [pseudonym]
    issued = db.column(desk, "SELECT data FROM event WHERE op = 'issued' ORDER BY seq")
    assert [json.loads(data)["lawyer"] for data in issued] == [pseudonym, pseudonym]
    assert all(pseudonym.encode() in blob for blob in db.update_blobs(desk)[-3:-1])
    for ticket in tickets:
        shown = desk.ticket(ticket.id).to_json()
        assert shown["lawyer"] is True
        assert pseudonym not in json.dumps(shown)
    _assert_number_absent(db, desk)
    # Reopened (the write-ahead log folded into the file), it is still nowhere.
    desk = reopen(desk)
    desk.close()
    _assert_number_absent(db, desk)


def test_lawyers_wait_in_a_queue_of_their_own(desk, clock, db):
    walk_in = desk.issue("AIMA")
    clock.advance(minutes=1)
    lawyer = desk.issue("AIMA", lawyer=NUMBER)
    clock.advance(minutes=1)
    second_walk_in = desk.issue("AIMA", priority="elderly")
    clock.advance(minutes=1)
    second_lawyer = desk.issue("AIMA", lawyer="77001P", cases=2)
    other_service = desk.issue("SS", lawyer="90112K")

    # Positions count within each queue.
    positions = {
        t.id: t.position for t in desk.reader.run(lambda q: q.tickets(desk.today().isoformat()))
    }
    assert positions == {
        walk_in.id: 1,
        second_walk_in.id: 0,  # legal priority
        lawyer.id: 0,
        second_lawyer.id: 1,
        other_service.id: 0,
    }

    assert desk.call_next("C1", ["AIMA"]).id == second_walk_in.id
    assert desk.call_next("C1", ["AIMA"]).id == walk_in.id
    assert desk.call_next("C1", ["AIMA"]) is None  # only lawyers are left
    assert desk.ticket(lawyer.id).status is TicketStatus.WAITING

    assert desk.call_next("C2", ["AIMA"], lawyers=True).id == lawyer.id
    assert desk.ticket(second_lawyer.id).position == 0
    assert desk.call_next("C2", ["AIMA"], lawyers=True).id == second_lawyer.id
    assert desk.call_next("C2", ["AIMA"], lawyers=True) is None
    assert desk.call_next("C2", None, lawyers=True).id == other_service.id
    assert desk.check().ok
