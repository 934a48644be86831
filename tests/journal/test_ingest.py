"""Updates from other desks: what verifies is projected, everything else is quarantined
with a reason and never projected; the same update twice changes nothing."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from cnaim_desk.domain.clock import Hlc
from cnaim_desk.domain.events import Op
from cnaim_desk.journal.journal import Journal, TicketNotFound


@pytest.fixture
def pair(make_desk):
    """Two reception desks of CNAIM Norte, numbering in slots 1 and 2; A knows B's key
    and has not heard from B yet."""
    a = make_desk("R1", centre="norte", slot=1)
    b = make_desk("R2", centre="norte", slot=2)
    a.register_desk("R2", "reception", 2, b.registry()["R2"].public_key)
    return a, b


def _quarantine(journal: Journal, db) -> list[tuple[str, str]]:
    return [(row[2], row[3]) for row in db.dump(journal, "quarantine")]  # key, reason


def test_events_of_a_registered_desk_are_projected(pair, db):
    a, b = pair
    first = b.issue("SS", language="ne")
    second = b.issue("AIMA", priority="disability")
    b.call(second.id, "C2")
    doc = b.today_doc()
    heard = []
    a.subscribe(heard.append)

    change = a.ingest(doc, b.updates_for(doc))

    assert change.origin == "remote"
    assert change.ops == {Op.ISSUED, Op.CALLED}
    assert change.tickets == {first.id, second.id}
    assert change.calls == (second.id,)
    assert change.quarantined == 0
    assert heard == [change]
    mirrored = a.ticket(first.id)
    assert (mirrored.code, mirrored.service, mirrored.language) == ("S200", "SS", "ne")
    assert (mirrored.issued_by, mirrored.status.value, mirrored.position) == ("R2", "waiting", 0)
    called = a.ticket("A200")
    assert (called.id, called.status.value, called.called_by) == (second.id, "called", "C2")
    assert called.priority == "disability"
    assert _quarantine(a, db) == []
    assert a.check().ok

    # A's own numbers do not collide with B's: each desk owns its slot of the range.
    assert a.issue("SS").code == "S100"

    # The same update again: nothing learnt, nothing stored, nobody told.
    before = db.counts(a)
    again = a.ingest(doc, b.updates_for(doc))
    assert (again.ops, again.tickets, again.quarantined) == (frozenset(), frozenset(), 0)
    assert db.counts(a) == before
    assert len(heard) == 2  # B's update and A's own issue


def _unregistered(a, b, make_desk, forge):
    stranger = make_desk("R3", centre="norte", slot=3)
    ticket = stranger.issue("SS")
    return ticket.id, stranger.updates_for(stranger.today_doc()), "not in the desk registry"


def _bad_signature(a, b, make_desk, forge):
    good = b.issue("SS")
    record = forge.record(
        forge.signer_of(b),
        b.today_doc(),
        f"{good.id[:-1]}9",
        Op.ISSUED,
        Hlc(b.clock.now_ms()),
        {"service": "SS", "number": "299", "code": "S299", "language": "pt"},
    )
    record["data"]["code"] = "S201"  # changed after signing
    key = f"{good.id[:-1]}9"
    return key, forge.update({key: record}), "signature does not verify"


def _signed_by_another_key(a, b, make_desk, forge):
    """Claims to be B, but signed with a key that is not B's."""
    impostor = make_desk("R9", centre="norte", slot=9)
    key = "R2:0badc0de:1"
    record = forge.record(
        forge.signer_of(impostor),
        b.today_doc(),
        key,
        Op.ISSUED,
        Hlc(b.clock.now_ms()),
        {"service": "SS", "number": "250", "code": "S250", "language": "pt"},
    )
    return key, forge.update({key: record}), "signature does not verify"


def _overwrite(a, b, make_desk, forge):
    """B's ticket, then another replication client writing other (validly signed) content
    under the same key after having seen the original."""
    original = b.issue("SS", language="en")
    base = b.updates_for(b.today_doc())
    a.ingest(b.today_doc(), base)
    assert a.ticket(original.id).language == "en"
    rival = forge.record(
        forge.signer_of(b),
        b.today_doc(),
        original.id,
        Op.ISSUED,
        Hlc(b.clock.now_ms()),
        {"service": "AIMA", "number": "200", "code": "A200", "language": "ru"},
    )
    return original.id, forge.update({original.id: rival}, base=base), "overwrites an event"


def _extra_field(a, b, make_desk, forge):
    key = "R2:0badc0de:2"
    record = forge.record(
        forge.signer_of(b),
        b.today_doc(),
        key,
        Op.ISSUED,
        Hlc(b.clock.now_ms()),
        {"service": "SS", "number": "260", "code": "S260", "language": "pt"},
    )
    record["note"] = "free text does not belong in an event"
    return key, forge.update({key: record}), "has fields"


def _number_not_text(a, b, make_desk, forge):
    key = "R2:0badc0de:3"
    record = forge.record(
        forge.signer_of(b),
        b.today_doc(),
        key,
        Op.ISSUED,
        Hlc(b.clock.now_ms()),
        {"service": "SS", "number": "261", "code": "S261", "language": "pt"},
    )
    record["data"]["number"] = 261  # comes back from the replica as a float
    return key, forge.update({key: record}), "must be text"


def _clock_not_text(a, b, make_desk, forge):
    key = "R2:0badc0de:4"
    record = forge.record(
        forge.signer_of(b),
        b.today_doc(),
        key,
        Op.ISSUED,
        Hlc(b.clock.now_ms()),
        {"service": "SS", "number": "262", "code": "S262", "language": "pt"},
    )
    record["hlc"] = b.clock.now_ms()
    return key, forge.update({key: record}), "not text"


def _service_the_centre_lacks(a, b, make_desk, forge):
    """Properly signed by B, but CNAIM Norte has no Civil Registry (CRC) counter."""
    key = "R2:0badc0de:5"
    record = forge.record(
        forge.signer_of(b),
        b.today_doc(),
        key,
        Op.ISSUED,
        Hlc(b.clock.now_ms()),
        {"service": "CRC", "number": "200", "code": "R200", "language": "pt"},
    )
    return key, forge.update({key: record}), "service this centre does not have: 'CRC'"


def _referred_to_a_service_the_centre_lacks(a, b, make_desk, forge):
    ticket = b.issue("SS")
    a.ingest(b.today_doc(), b.updates_for(b.today_doc()))
    key = "R2:0badc0de:6"
    record = forge.record(
        forge.signer_of(b),
        b.today_doc(),
        key,
        Op.REFERRED,
        Hlc(b.clock.now_ms() + 1),
        {"to": "GAEM"},
        ticket=ticket.id,
    )
    return key, forge.update({key: record}), "referred to a service this centre does not have"


CASES: dict[str, Callable] = {
    "unregistered-desk": _unregistered,
    "bad-signature": _bad_signature,
    "signed-by-another-key": _signed_by_another_key,
    "overwrite": _overwrite,
    "extra-field": _extra_field,
    "number-not-text": _number_not_text,
    "clock-not-text": _clock_not_text,
    "service-centre-lacks": _service_the_centre_lacks,
    "referral-centre-lacks": _referred_to_a_service_the_centre_lacks,
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_what_does_not_verify_is_quarantined_and_never_projected(pair, make_desk, forge, db, case):
    a, b = pair
    doc = a.today_doc()
    key, update, reason = case(a, b, make_desk, forge)
    events_before = db.dump(a, "event")
    tickets_before = db.dump(a, "ticket")
    heard = []
    a.subscribe(heard.append)

    change = a.ingest(doc, update)

    assert change.quarantined == 1
    assert change.tickets == frozenset()
    assert change.ops == frozenset()
    assert heard == [change]
    quarantined = _quarantine(a, db)
    assert len(quarantined) == 1
    assert quarantined[0][0] == key
    assert reason in quarantined[0][1]
    # Nothing of it reached the projection.
    assert db.dump(a, "event") == events_before
    assert db.dump(a, "ticket") == tickets_before
    if key not in {row[0] for row in tickets_before}:
        with pytest.raises(TicketNotFound):
            a.ticket(key)
    # The update is kept (the journal stores all it received), and a fresh fold of the
    # stored updates quarantines it again: the check agrees with the tables.
    report = a.check()
    assert report.ok, report.problems
    assert report.quarantined == 1

    # Received again, it changes nothing: no second quarantine row, no new update row.
    before = db.counts(a)
    assert a.ingest(doc, update).quarantined == 0
    assert db.counts(a) == before


def test_an_overwrite_never_replaces_the_first_content_seen(pair, forge, db):
    a, b = pair
    key, update, _ = _overwrite(a, b, None, forge)
    row_before = [row for row in db.dump(a, "event") if row[0] == key]
    a.ingest(a.today_doc(), update)
    assert [row for row in db.dump(a, "event") if row[0] == key] == row_before
    ticket = a.ticket(key)
    assert (ticket.code, ticket.service, ticket.language) == ("S200", "SS", "en")
    # Rebuilding from the stored updates keeps the first content too.
    a.rebuild()
    assert a.ticket(key).language == "en"
    assert [row for row in db.dump(a, "event") if row[0] == key] == row_before


def test_events_received_before_their_desk_was_registered_verify_once_it_is(make_desk, db):
    """Replication may bring a day's events before the centre document that registers
    their desk: they wait in quarantine, and are projected as soon as the desk is known."""
    a = make_desk("R1", centre="norte")
    b = make_desk("R2", centre="norte", slot=2)
    early = b.issue("SS")
    doc = b.today_doc()
    assert a.ingest(doc, b.updates_for(doc)).quarantined == 1
    with pytest.raises(TicketNotFound):
        a.ticket(early.id)
    heard = []
    a.subscribe(heard.append)

    a.register_desk("R2", "reception", 2, b.registry()["R2"].public_key)

    assert a.ticket(early.id).code == "S200"
    assert _quarantine(a, db) == []
    assert any(early.id in change.tickets for change in heard)
    report = a.check()
    assert report.ok, report.problems
    # Later events of that desk are projected as usual, in number order.
    later = b.issue("SS")
    a.ingest(doc, b.updates_for(doc))
    assert [t.code for t in a.reader.run(lambda q: q.tickets(a.today().isoformat()))] == [
        "S200",
        "S201",
    ]
    assert a.ticket(later.id).position == 1
    assert a.check().ok


def test_a_desk_registered_through_the_centre_document_is_trusted(make_desk):
    """The registry itself replicates: B's entry reaches A in the centre document."""
    a = make_desk("R1", centre="norte")
    b = make_desk("R2", centre="norte", slot=2)
    c = make_desk("C3", role="counter", centre="norte")
    a.register_desk("R2", "reception", 2, b.registry()["R2"].public_key)  # A enrols B
    ticket = b.issue("GAT")
    day = b.today_doc()
    assert c.ingest(day, b.updates_for(day)).quarantined == 1

    centre = "c/norte"
    c.ingest(centre, a.updates_for(centre))

    assert c.registry()["R2"].public_key == b.registry()["R2"].public_key
    assert c.ticket(ticket.id).code == "G200"
    assert c.check().ok


def test_events_replayed_into_another_day_are_quarantined(pair, db):
    """The signature covers the document's name: B's signed events sent as another day's
    document do not verify there."""
    a, b = pair
    ticket = b.issue("SS")
    tomorrow = a.today_doc().replace("2026-06-16", "2026-06-17")
    assert tomorrow != a.today_doc()
    change = a.ingest(tomorrow, b.updates_for(b.today_doc()))
    assert change.quarantined == 1
    assert _quarantine(a, db) == [(ticket.id, "its signature does not verify against 'R2''s key")]
    assert db.count(a, "ticket") == 0
    assert a.check().ok


def test_an_update_that_does_not_decode_is_refused_and_not_stored(pair, db):
    a, b = pair
    b.issue("SS")
    before = db.counts(a)
    with pytest.raises(ValueError, match="decode"):
        a.ingest(a.today_doc(), b"\x00not an update")
    assert db.counts(a) == before
    # The desk goes on: the next real update is taken as usual.
    assert a.ingest(a.today_doc(), b.updates_for(b.today_doc())).tickets
    assert a.check().ok


def test_updates_that_arrive_out_of_order_are_all_kept(pair, reopen):
    """A desk's later update can arrive before an earlier one (a relay, a resend): each
    is stored and projected as it comes, and all are there after a restart."""
    a, b = pair
    day = b.today_doc()
    tickets = [b.issue("SS") for _ in range(3)]
    for update in reversed(b.stored_updates(day)):
        a.ingest(day, update, origin="link:R2")
    assert sorted(t.id for t in a.reader.run(lambda q: q.tickets(a.today().isoformat()))) == (
        sorted(t.id for t in tickets)
    )
    a = reopen(a)
    assert a.held([day]) == b.held([day]) == {day: 3}
    report = a.check()
    assert report.ok, report.problems
    assert report.tickets == 3
