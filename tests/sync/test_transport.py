"""Two desks of a centre linked over real TLS on loopback: they exchange what each
lacks, then every new event at once; strangers, other centres, liars and garbage are
refused with nothing applied."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
import ssl
from collections.abc import Iterator

import pytest

from cnaim_desk.domain.clock import Hlc
from cnaim_desk.domain.events import Op
from cnaim_desk.journal.journal import Journal
from cnaim_desk.resources import resources_dir
from cnaim_desk.sync.board import BoardFeeds, follow
from cnaim_desk.sync.enrolment import enroll, join
from cnaim_desk.sync.feed import Feed, FeedRefused, board_feed, read_feed
from cnaim_desk.sync.pki import PkiFiles, client_context
from cnaim_desk.sync.transport import (
    FEED,
    HELLO,
    STATE,
    STATUS,
    UPDATE,
    Introduction,
    LinkRefused,
    connect,
    document_body,
    frame,
    greet,
    read_frame,
    serve,
)
from tests.journal.conftest import Forge
from tests.sync.centre import knows, make_centre

SECONDS = 5.0


@pytest.fixture
def desks(tmp_path) -> Iterator[tuple[Journal, Journal]]:
    """R1 (holding the centre's authority) and R2, enrolled by it: apart, not yet linked."""
    first, second = make_centre(tmp_path, ("R2", "reception"))
    yield first, second
    first.close()
    second.close()


def files(journal: Journal) -> PkiFiles:
    return PkiFiles(journal.data_dir.root)


async def until(condition, seconds: float = SECONDS) -> None:
    deadline = asyncio.get_running_loop().time() + seconds
    while not condition():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("not reached in time")
        await asyncio.sleep(0.02)


def test_linked_desks_exchange_what_each_lacks_then_every_new_ticket(desks):
    first, second = desks
    before_one, before_two = first.issue("SS"), second.issue("SS")

    async def scenario():
        server = await serve(first, files(first), "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        link, task = await connect(second, files(second), "127.0.0.1", port)
        assert (link.peer.desk, link.peer.role) == ("R1", "reception")
        await until(lambda: knows(first, before_two.id) and knows(second, before_one.id))
        # live: a call at one desk reaches the other at once
        called = second.call(before_one.id, "C4")
        await until(lambda: first.ticket(before_one.id).status == called.status)
        later = first.issue("AIMA")
        await until(lambda: knows(second, later.id))
        link.close()
        await asyncio.wait_for(task, SECONDS)
        server.close()
        await server.wait_closed()

    asyncio.run(scenario())
    codes_one = sorted(
        t.code for t in first.reader.run(lambda q: q.tickets(first.today().isoformat()))
    )
    codes_two = sorted(
        t.code for t in second.reader.run(lambda q: q.tickets(second.today().isoformat()))
    )
    assert codes_one == codes_two
    assert len(set(codes_one)) == 3  # no ticket lost or twice


def assert_link_refused(accepting: Journal, calling: Journal, revoked=()) -> None:
    """``calling`` tries to link to ``accepting`` (which refuses ``revoked``) and is
    refused."""

    async def scenario():
        server = await serve(accepting, files(accepting), "127.0.0.1", 0, revoked=revoked)
        port = server.sockets[0].getsockname()[1]
        try:
            with pytest.raises(LinkRefused):
                await connect(calling, files(calling), "127.0.0.1", port)
        finally:
            server.close()
            await server.wait_closed()

    asyncio.run(scenario())


def test_a_desk_of_another_centre_is_refused(tmp_path, desks):
    first, _ = desks
    (stranger,) = make_centre(tmp_path / "other", centre="norte")
    try:
        assert_link_refused(first, stranger)
    finally:
        stranger.close()
    assert "R1" in first.registry()


def test_a_revoked_desk_is_refused(desks):
    first, second = desks
    assert_link_refused(first, second, revoked={"R2"})


@pytest.mark.parametrize(
    "garbage",
    [
        b"\x00\x00\x00\x00\x01",  # a frame shorter than its type
        b"\xff\xff\xff\xff\x02",  # 4 GB announced
        frame(9, b"abcd"),  # an unknown type
        frame(STATE, b"\x00\x09q/x"),  # a truncated document name
        frame(UPDATE, document_body("q/norte/2026-12-07", b"")),  # another centre's
        frame(UPDATE, document_body("q/lisboa/2026-12-07", b"\xde\xad")),  # not an update
        frame(HELLO, b"{}"),  # a second introduction
    ],
    ids=["short", "oversized", "unknown-type", "truncated", "other-centre", "bad-update", "hello"],
)
def test_garbage_on_the_link_ends_it_and_nothing_is_applied(desks, garbage, caplog):
    first, second = desks
    documents_before = first.document_names()
    stored_before = [first.stored_updates(doc) for doc in documents_before]

    async def scenario():
        server = await serve(first, files(first), "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        reader, writer = await asyncio.open_connection(
            "127.0.0.1", port, ssl=client_context(files(second))
        )
        kind, _ = await read_frame(reader)  # the accepting desk's introduction
        assert kind == HELLO
        writer.write(frame(HELLO, b'{"protocol": 1, "centre": "lisboa", "desk": "R2"}'))
        writer.write(garbage)
        await writer.drain()

        async def until_closed():
            while await reader.read(65536):
                pass

        # the accepting desk ends the link: reading comes to an end, it never hangs
        with contextlib.suppress(ConnectionError, ssl.SSLError):
            await asyncio.wait_for(until_closed(), SECONDS)
        writer.close()
        server.close()
        await server.wait_closed()

    with caplog.at_level(logging.WARNING, logger="cnaim_desk.sync.transport"):
        asyncio.run(scenario())
    assert first.document_names() == documents_before
    assert [first.stored_updates(doc) for doc in documents_before] == stored_before
    assert any("refused" in record.getMessage() for record in caplog.records)


def _forged_prefix(first, second):
    """An event R2 signed with its own key, filed under R1's name."""
    day = first.today_doc()
    record = Forge.record(
        Forge.signer_of(second), day, "R1:0badf00d:1", Op.ISSUED, Hlc(second.clock.now_ms()),
        {"service": "SS", "number": "150", "code": "S150", "language": "pt",
         "priority": "", "group_size": "1"},
    )  # fmt: skip
    return "R1:0badf00d:1", Forge.update({"R1:0badf00d:1": record}), "does not verify"


def _overwritten(first, second):
    """R2's ticket, then other content under the same key."""
    day = first.today_doc()
    original = second.issue("SS", language="en")
    base = second.updates_for(day)
    first.ingest(day, base)
    rival = Forge.record(
        Forge.signer_of(second), day, original.id, Op.ISSUED, Hlc(second.clock.now_ms()),
        {"service": "AIMA", "number": "201", "code": "A201", "language": "ru"},
    )  # fmt: skip
    return original.id, Forge.update({original.id: rival}, base=base), "overwrites"


def _invalid(first, second):
    """A well-signed event for a service this centre does not have."""
    day = first.today_doc()
    key = f"R2:{second._boot}:99"
    record = Forge.record(
        Forge.signer_of(second), day, key, Op.ISSUED, Hlc(second.clock.now_ms()),
        {"service": "XX", "number": "200", "code": "X200", "language": "pt",
         "priority": "", "group_size": "1"},
    )  # fmt: skip
    return key, Forge.update({key: record}), "XX"


@pytest.mark.parametrize("forged", [_forged_prefix, _overwritten, _invalid])
def test_events_that_do_not_verify_end_the_link_and_nothing_is_projected(desks, forged, caplog):
    first, second = desks
    key, update, reason = forged(first, second)
    day = first.today_doc()
    before = {t.id: t.status for t in first.reader.run(lambda q: q.tickets(day[-10:]))}

    async def scenario():
        server = await serve(first, files(first), "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        reader, writer = await asyncio.open_connection(
            "127.0.0.1", port, ssl=client_context(files(second))
        )
        await greet(
            reader, writer, files(second), Introduction("lisboa", "R2", "reception"),
            accepting=False,
        )  # fmt: skip
        writer.write(frame(UPDATE, document_body(day, update)))
        await writer.drain()
        with contextlib.suppress(ConnectionError, ssl.SSLError):
            while await asyncio.wait_for(reader.read(65536), SECONDS):
                pass  # the accepting desk ends the link
        writer.close()
        server.close()
        await server.wait_closed()

    with caplog.at_level(logging.WARNING):
        asyncio.run(scenario())
    after = {t.id: t.status for t in first.reader.run(lambda q: q.tickets(day[-10:]))}
    assert after == before  # nothing projected, nothing changed
    with sqlite3.connect(first.data_dir.database_path) as db:
        quarantined = db.execute("SELECT key, reason FROM quarantine").fetchall()
    assert [k for k, _ in quarantined] == [key]
    assert reason in quarantined[0][1]
    assert any("do not verify" in record.getMessage() for record in caplog.records)


def test_a_board_is_fed_calls_counts_and_waits_and_what_it_writes_is_ignored(tmp_path, desks):
    first, _ = desks
    board = join(tmp_path / "B1", enroll(first, "B1", "board"), resources=resources_dir())
    waiting = first.issue("SS")
    theirs = board.issue("SS")  # a board that writes: ignored by the desks
    shown: list[Feed] = []

    async def scenario():
        server = await serve(first, files(first), "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        feeds = BoardFeeds(first.profile.codes, shown.append)
        following = asyncio.create_task(
            follow(board.config, files(board), "127.0.0.1", port, feeds)
        )
        await until(lambda: shown)
        assert shown[-1].loads["SS"].waiting == 1
        called = first.call(waiting.id, "C1")
        await until(lambda: shown[-1].calls and shown[-1].calls[0].code == called.code)
        assert shown[-1].calls[0].called_by == "C1"
        assert shown[-1].loads["SS"].waiting == 0
        assert feeds.sources == ["R1"]
        # The board speaks up: what it sends over a link of its own is ignored.
        reader, writer = await asyncio.open_connection(
            "127.0.0.1", port, ssl=client_context(files(board))
        )
        ours = Introduction("lisboa", "B1", "board")
        await greet(reader, writer, files(board), ours, accepting=False)
        day = board.today_doc()
        writer.write(frame(STATE, document_body(day, b"")))
        writer.write(frame(UPDATE, document_body(day, board.updates_for(day))))
        await writer.drain()
        kind, _ = await read_frame(reader)
        while kind != FEED:  # a board is answered with feeds, never with the journal
            assert kind == STATUS
            kind, _ = await read_frame(reader)
        await asyncio.sleep(0.3)  # time enough for the board's update, were it taken
        writer.close()
        following.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await following
        server.close()
        await server.wait_closed()

    try:
        asyncio.run(scenario())
        assert not knows(first, theirs.id)
    finally:
        board.close()


def test_a_feed_carries_no_personal_data_and_a_wrong_one_is_refused(desks):
    first, _ = desks
    ticket = first.issue("SS", language="ar", priority="pregnancy")
    first.set_counter("C1", "open", ["SS"], "Ana Silva", name="Balcão 1")
    first.call(ticket.id, "C1")
    body = board_feed(first)
    assert b"Ana Silva" not in body  # who serves at a counter stays off the board
    assert b'"ar"' not in body  # nor the holder's language, nor any priority
    assert b"pregnancy" not in body
    feed = read_feed(body, set(first.profile.codes))
    assert feed.calls[0].code == ticket.code
    assert feed.counters["C1"].label == "Balcão 1"
    for wrong in (
        b"not json",
        body.replace(b'"SS"', b'"XX"'),
        body.replace(ticket.code.encode(), b"A" * 200),
        body.replace(b'"recalls":0', b'"recalls":-1'),
    ):
        with pytest.raises(FeedRefused):
            read_feed(wrong, set(first.profile.codes))


def test_a_revoked_desk_keeps_its_past_but_nothing_later_is_taken_nor_its_links(desks):
    from cnaim_desk.sync.node import RevokedDesks

    first, second = desks
    day = first.today_doc()
    before = second.issue("SS")
    first.ingest(day, second.updates_for(day))
    assert knows(first, before.id)
    first.revoke_desk("R2")
    assert "R2" in RevokedDesks(first)
    after = second.issue("AIMA")
    first.ingest(day, second.updates_for(day))
    assert knows(first, before.id)  # what it wrote before stays
    assert not knows(first, after.id)  # nothing later is taken
    with sqlite3.connect(first.data_dir.database_path) as connection:
        reasons = [row[0] for row in connection.execute("SELECT reason FROM quarantine")]
    assert any("revoked desk 'R2' after it was revoked" in reason for reason in reasons)
    with pytest.raises(ValueError, match="revoked already"):
        first.revoke_desk("R2")
    assert_link_refused(first, second, revoked=RevokedDesks(first))
