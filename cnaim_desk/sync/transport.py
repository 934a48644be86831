"""A link between two desks of a centre: TLS 1.3 with certificates both ways, framed
messages, and the y-sync exchange of each shared document, then live updates.

Frames: a 4-byte big-endian length (of what follows), a 1-byte type, the body. A frame
longer than ``MAX_FRAME`` or shorter than its type, an unknown type, a document of
another centre or that is not shared, and anything that cannot be parsed end the link
(logged, nothing applied). Updates are applied through ``Journal.ingest``, which verifies
every event's signature against the desk registry and quarantines what fails.

The exchange:

1. The accepting desk speaks first: ``HELLO`` (JSON: centre, desk, role, protocol). A
   refused client certificate only shows on the client's first read in TLS 1.3, so the
   client waits for this; it then answers with its own, and counts the link as made
   only when the next message arrives (the accepting desk closes a link it refuses).
2. Each checks that the other's certificate names the desk it announced, of this centre,
   and is not revoked.
3. Each sends ``STATE`` (its state vector) for every shared document (the centre's, and
   each day still open or closed lately: ``Journal.shared_documents``); each answers a
   ``STATE`` with ``UPDATE``: what the other lacks (nothing when it lacks nothing).
4. From then on every local change is sent as an ``UPDATE`` at once; every
   ``STATUS_SECONDS`` each sends ``STATUS`` (the desks it hears from, and how many events
   of each shared day it holds: how far behind the other is), and every
   ``ANTI_ENTROPY_SECONDS`` its ``STATE`` again, so that whatever a lost frame or a
   relay missed is found and sent.

A board-only desk holds no journal: a desk linked with one sends it only ``FEED``
(calls, counts and expected waits: ``cnaim_desk.sync.feed``), and ignores whatever it
sends but its ``STATUS``.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import ssl
import struct
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from cnaim_desk.journal.document import centre_doc_name, day_of, holds_more
from cnaim_desk.journal.journal import Journal
from cnaim_desk.journal.projection import Change
from cnaim_desk.sync.pki import DeskIdentity, PkiError, PkiFiles, check_peer
from cnaim_desk.sync.presence import STATUS_SECONDS, Presence

log = logging.getLogger(__name__)

PROTOCOL = 1
HELLO, STATE, UPDATE, STATUS, FEED = 1, 2, 3, 4, 5
MESSAGE_TYPES = {HELLO, STATE, UPDATE, STATUS, FEED}
#: Each link sends its state vectors again this often: what a lost frame missed is found.
ANTI_ENTROPY_SECONDS = 12.0
#: A y-sync update that carries nothing (no new items, no deletions): not worth a frame.
EMPTY_UPDATE = b"\x00\x00"
#: A day of a busy centre is a few megabytes of updates; a frame beyond this is refused.
MAX_FRAME = 16 * 1024 * 1024
#: What a link may hold unsent (the other desk reading slower than this one writes)
#: before it is ended; past ``BACKLOG`` it stops adding live updates (the next one sent,
#: from what the other desk was last known to hold, carries all it missed).
MAX_BUFFERED = 2 * MAX_FRAME
BACKLOG = 1024 * 1024
HEADER = struct.Struct(">IB")
HELLO_SECONDS = 10.0
#: How long closing a link waits for the other side's TLS goodbye: a desk that is cut off
#: never answers, and a desk must stop promptly (asyncio would wait 30 s).
TLS_SHUTDOWN_SECONDS = 2.0
#: Desks whose updates are ignored: a board only shows what it is sent.
LISTEN_ONLY_ROLES = ("board",)


class LinkRefused(Exception):
    """The link was refused or broken off; the message says why."""


async def read_frame(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    header = await reader.readexactly(HEADER.size)
    length, kind = HEADER.unpack(header)
    if length < 1 or length - 1 > MAX_FRAME:
        raise LinkRefused(f"a frame of {length} bytes (at most {MAX_FRAME})")
    if kind not in MESSAGE_TYPES:
        raise LinkRefused(f"a frame of unknown type {kind}")
    return kind, await reader.readexactly(length - 1)


def frame(kind: int, body: bytes) -> bytes:
    return HEADER.pack(len(body) + 1, kind) + body


def document_body(doc: str, payload: bytes) -> bytes:
    name = doc.encode("utf-8")
    return struct.pack(">H", len(name)) + name + payload


def split_document_body(body: bytes) -> tuple[str, bytes]:
    if len(body) < 2:
        raise LinkRefused("a truncated message")
    (length,) = struct.unpack(">H", body[:2])
    if len(body) < 2 + length:
        raise LinkRefused("a truncated document name")
    try:
        return body[2 : 2 + length].decode("utf-8"), body[2 + length :]
    except UnicodeDecodeError:
        raise LinkRefused("a document name that is not text") from None


@dataclass(frozen=True, slots=True)
class Introduction:
    """What a desk says of itself when a link opens; its certificate must agree."""

    centre: str
    desk: str
    role: str

    def to_bytes(self) -> bytes:
        return json.dumps(
            {"protocol": PROTOCOL, "centre": self.centre, "desk": self.desk, "role": self.role}
        ).encode()


async def greet(
    reader: asyncio.StreamReader,
    writer: asyncio.StreamWriter,
    files: PkiFiles,
    ours: Introduction,
    *,
    accepting: bool,
    revoked: Collection[str] = (),
) -> DeskIdentity:
    """Introduce both desks (the accepting one first) and check the other's certificate
    against what it announced; the other desk, or LinkRefused."""
    if accepting:
        writer.write(frame(HELLO, ours.to_bytes()))
        await writer.drain()
    try:
        kind, body = await asyncio.wait_for(read_frame(reader), HELLO_SECONDS)
    except (ssl.SSLError, ConnectionError) as error:
        raise LinkRefused(f"the other desk refused the link ({error})") from None
    except TimeoutError:
        raise LinkRefused("the other desk said nothing") from None
    if kind != HELLO:
        raise LinkRefused("the other desk did not introduce itself")
    try:
        hello = json.loads(body)
        announced, centre = str(hello["desk"]), str(hello["centre"])
    except (ValueError, KeyError, TypeError):
        raise LinkRefused("an introduction that cannot be read") from None
    if centre != ours.centre:
        raise LinkRefused(f"a desk of another centre ({centre})")
    try:
        peer = check_peer(
            writer.get_extra_info("ssl_object"),
            files.ca_certificate.read_bytes(),
            expected_desk=announced,
            revoked=revoked,
        )
    except PkiError as error:
        raise LinkRefused(str(error)) from None
    if not accepting:
        writer.write(frame(HELLO, ours.to_bytes()))
        await writer.drain()
    log.info("linked with %s (%s)", peer.desk, peer.role)
    return peer


def read_status(body: bytes) -> tuple[dict[str, float], dict[str, int], frozenset[str]]:
    """A STATUS: the desks the sender heard from (seconds ago), the events it holds of
    each shared day, and the desks it is linked with; LinkRefused when it is not that."""
    try:
        status = json.loads(body)
        heard = {str(d): float(age) for d, age in dict(status.get("heard", {})).items()}
        held = {str(doc): int(count) for doc, count in dict(status.get("held", {})).items()}
        links = frozenset(str(desk) for desk in list(status.get("links", [])))
    except (ValueError, TypeError, AttributeError):
        raise LinkRefused("a status that cannot be read") from None
    return heard, held, links


@dataclass
class Link:
    """One link with one other desk, from either end."""

    journal: Journal
    files: PkiFiles
    reader: asyncio.StreamReader
    writer: asyncio.StreamWriter
    accepting: bool
    revoked: Collection[str] = ()
    presence: Presence | None = None
    peer: DeskIdentity | None = None
    #: What the other desk is known to hold of each document (its last state vector).
    _peer_state: dict[str, bytes] = field(default_factory=dict)
    _unsubscribe: Callable[[], None] | None = None
    _closed: bool = False
    _feed_due: bool = False
    #: When the other desk was last heard from (time.monotonic()), for the peers list.
    last_heard: float = 0.0
    #: How many events of each shared day the other desk said it holds (its STATUS).
    peer_held: dict[str, int] = field(default_factory=dict)
    #: The desks the other desk said it is linked with directly (its STATUS): what they
    #: write reaches it without this desk passing it on.
    peer_links: frozenset[str] = frozenset()
    #: The documents whose state vector this desk sent in this round of the exchange.
    _asked: set[str] = field(default_factory=set)
    #: The links of this desk, for its STATUS (set by the node).
    siblings: Callable[[], Collection[str]] | None = None

    @property
    def open(self) -> bool:
        return self.peer is not None and not self._closed

    @property
    def origin(self) -> str:
        return f"link:{self.peer.desk}" if self.peer else "link"

    async def run(self, established: asyncio.Event | None = None) -> None:
        """Greet, check the other desk, exchange the shared documents (or feed a board),
        then relay local changes until either side closes. Raises LinkRefused when the
        link is refused."""
        ticker = None
        try:
            await self._greet()
            # The accepting side has checked the other desk; the connecting one knows it
            # was accepted only when the first message after the introductions arrives.
            if established is not None and self.accepting:
                established.set()
            loop = asyncio.get_running_loop()

            def relay(change: Change) -> None:
                with contextlib.suppress(RuntimeError):  # the loop has just closed
                    loop.call_soon_threadsafe(self._local_change, change)

            self._unsubscribe = self.journal.subscribe(relay)
            if self.feeds_board:
                self._send_feed()
            else:
                self._send_states()
            self._send_status()
            ticker = asyncio.create_task(self._tick())
            while True:
                kind, body = await read_frame(self.reader)
                self.last_heard = time.monotonic()
                if self.presence is not None and self.peer is not None:
                    self.presence.heard(self.peer.desk)
                if established is not None and not established.is_set():
                    established.set()
                await self._handle(kind, body)
        except asyncio.IncompleteReadError:
            pass  # the other side closed
        finally:
            if ticker is not None:
                ticker.cancel()
            self.close()

    @property
    def feeds_board(self) -> bool:
        """Whether the other desk is a board, sent a feed and not the journal."""
        return self.peer is not None and self.peer.role in LISTEN_ONLY_ROLES

    async def _tick(self) -> None:
        """Say how this desk is every few seconds; send the state vectors now and then."""
        last_states = time.monotonic()
        while not self._closed:
            await asyncio.sleep(STATUS_SECONDS)
            try:
                if self.feeds_board:
                    self._send_feed()
                elif time.monotonic() - last_states >= ANTI_ENTROPY_SECONDS:
                    last_states = time.monotonic()
                    self._send_states()
                self._send_status()
                await self.writer.drain()
            except ConnectionError:
                pass  # the link is going: its reader ends it
            except Exception:  # the journal unreadable, say: end the link, it is retried
                log.exception("the link with %s failed", self._peer_name)
                self.close()

    def _send_states(self) -> None:
        docs = self.journal.shared_documents()  # the registry first: days verify against it
        self._asked = set(docs)
        for doc in docs:
            self._send(STATE, document_body(doc, self.journal.state_of(doc)))

    def _send_status(self) -> None:
        heard = self.presence.ages() if self.presence is not None else {}
        held = {} if self.feeds_board else self.journal.held(self.journal.shared_days())
        links = sorted(self.siblings()) if self.siblings is not None else []
        status = {
            "heard": {desk: round(age, 2) for desk, age in heard.items()},
            "held": held,
            "links": links,
        }
        self._send(STATUS, json.dumps(status).encode())

    def _send_feed(self) -> None:
        from cnaim_desk.sync.feed import board_feed

        self._feed_due = False
        self._send(FEED, board_feed(self.journal))

    async def _greet(self) -> None:
        config = self.journal.config
        self.peer = await greet(
            self.reader,
            self.writer,
            self.files,
            Introduction(config.centre, config.desk, config.role),
            accepting=self.accepting,
            revoked=self.revoked,
        )

    def _shared(self, doc: str) -> bool:
        centre = self.journal.config.centre
        return doc == centre_doc_name(centre) or (
            day_of(doc) is not None and doc.startswith(f"q/{centre}/")
        )

    async def _handle(self, kind: int, body: bytes) -> None:
        if kind == HELLO:
            raise LinkRefused("a second introduction")
        if kind == STATUS:
            heard, held, links = read_status(body)
            if self.presence is not None:
                self.presence.learn(heard)
            self.peer_held, self.peer_links = held, links
            self._check_recovered()
            return
        if kind == FEED:
            raise LinkRefused("a board's feed sent to a desk")
        if self.feeds_board:
            log.info("ignored what board %s sent", self._peer_name)
            return
        doc, payload = split_document_body(body)
        if self.journal.is_history(doc):
            return  # this desk's own past from before it joined: not exchanged
        if not self._shared(doc):
            raise LinkRefused(f"a document that is not this centre's ({doc!r})")
        if kind == STATE:
            update, ours = self.journal.diff_for(doc, payload or None)
            if update != EMPTY_UPDATE:
                self._send(UPDATE, document_body(doc, update))
            self._peer_state[doc] = ours
            try:
                more = bool(payload) and holds_more(payload, ours)
            except ValueError:
                raise LinkRefused("a state vector that cannot be read") from None
            if more and doc not in self._asked:  # a day only the other has: ask for it
                self._asked.add(doc)
                self._send(STATE, document_body(doc, ours))
            # No drain here: a desk that waited for the other to read while reading
            # nothing itself would deadlock with one doing the same (both answering
            # the other's STATE with a large UPDATE). The ticker drains.
        elif kind == UPDATE:
            try:
                change = await asyncio.to_thread(
                    self.journal.ingest, doc, payload, origin=self.origin
                )
            except Exception as error:  # an update pycrdt cannot read, a full disk...
                raise LinkRefused(f"an update that could not be applied ({error})") from None
            if change.quarantined:  # kept for the report (journal check), never projected
                raise LinkRefused(
                    f"{change.quarantined} event(s) that do not verify, quarantined in {doc}"
                )
            self._check_recovered()

    def _check_recovered(self) -> None:
        """A desk that lost its journal issues again once it holds all of today that a
        peer said it holds."""
        if not self.journal.recovering or self.peer is None:
            return
        today = self.journal.today_doc()
        theirs = self.peer_held.get(today)
        if theirs is not None and self.journal.held([today])[today] >= theirs:
            self.journal.recovered(f"today's queue is back from {self.peer.desk}")

    def _local_change(self, change: Change) -> None:
        """A change committed on this desk (or from another link): send what is new, or,
        to a board, a fresh feed (once for a burst of changes)."""
        if self._closed or not self._shared(change.doc):
            return
        if self.feeds_board:
            if change.day is not None and not self._feed_due:
                self._feed_due = True
                asyncio.get_running_loop().call_soon(self._send_feed)
            return
        if change.origin == self.origin:
            return
        if self.writer.transport.get_write_buffer_size() > BACKLOG:
            return  # the other desk is behind: the next send carries this too
        relayed = change.origin.startswith("link:")
        if relayed and change.origin[5:] in self.peer_links:
            return  # it hears that desk itself; a gap is found by the anti-entropy
        # This desk's own change: only what it wrote, so that what others wrote does not
        # travel again through every desk of a mesh; a relayed one: all the other lacks.
        update, self._peer_state[change.doc] = self.journal.diff_for(
            change.doc, self._peer_state.get(change.doc), own_only=not relayed
        )
        if update != EMPTY_UPDATE:
            self._send(UPDATE, document_body(change.doc, update))

    def _send(self, kind: int, body: bytes) -> None:
        if self._closed:
            return
        self.writer.write(frame(kind, body))
        if self.writer.transport.get_write_buffer_size() > MAX_BUFFERED:
            # The other desk takes in less than this one sends: end the link rather
            # than hold ever more in memory; it is made again, and the state vectors
            # then say what is missing.
            log.warning("the link with %s fell behind: ended", self._peer_name)
            self.close()

    @property
    def _peer_name(self) -> str:
        """The other desk's id for the log ("?" before it introduced itself)."""
        return self.peer.desk if self.peer else "?"

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self._unsubscribe is not None:
            self._unsubscribe()
        with contextlib.suppress(Exception):
            self.writer.close()


async def serve(
    journal: Journal,
    files: PkiFiles,
    host: str = "0.0.0.0",
    port: int = 0,
    *,
    revoked: Collection[str] = (),
    on_link: Callable[[Link], None] | None = None,
    presence: Presence | None = None,
    handlers: set[asyncio.Task] | None = None,
) -> asyncio.Server:
    """Accept links from the centre's desks on ``host:port``; ``handlers`` holds the task
    of each link accepted while it runs, for a clean stop to wait for."""
    from cnaim_desk.sync.pki import server_context

    context = server_context(files)

    async def accept(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        if handlers is not None and task is not None:
            handlers.add(task)
            task.add_done_callback(handlers.discard)
        address = writer.get_extra_info("peername")
        link = Link(
            journal, files, reader, writer, accepting=True, revoked=revoked, presence=presence
        )
        if on_link is not None:
            on_link(link)
        try:
            await link.run()
        except LinkRefused as error:
            log.warning("link from %s refused: %s", address, error)
        except (ssl.SSLError, ConnectionError, OSError) as error:
            log.warning("link from %s broken: %s", address, error)

    return await asyncio.start_server(
        accept, host, port, ssl=context, ssl_shutdown_timeout=TLS_SHUTDOWN_SECONDS
    )


async def connect(
    journal: Journal,
    files: PkiFiles,
    host: str,
    port: int,
    *,
    revoked: Collection[str] = (),
    presence: Presence | None = None,
) -> tuple[Link, asyncio.Task]:
    """Link to the desk at ``host:port``: once greeted both ways, the link and the task
    that runs it; LinkRefused when the other desk refuses or is not what it claims."""
    from cnaim_desk.sync.pki import client_context

    try:
        reader, writer = await asyncio.open_connection(
            host, port, ssl=client_context(files), ssl_shutdown_timeout=TLS_SHUTDOWN_SECONDS
        )
    except (ssl.SSLError, ConnectionError, OSError) as error:
        raise LinkRefused(f"cannot reach {host}:{port} ({error})") from None
    link = Link(journal, files, reader, writer, accepting=False, revoked=revoked, presence=presence)
    established = asyncio.Event()
    task = asyncio.create_task(link.run(established))
    waiter = asyncio.create_task(established.wait())
    done, _ = await asyncio.wait({task, waiter}, return_when=asyncio.FIRST_COMPLETED)
    if waiter not in done:
        waiter.cancel()
        task.result()  # raises the refusal
        raise LinkRefused(f"{host}:{port} closed the link")
    return link, task
