"""Sync beside a desk's windows: the node's links run on a thread of their own, with
their own event loop, while the windows go on; every change a link brings reaches the
windows through the journal's listeners, as the desk's own do. A board-only PC's links
(feeds, no journal) run the same way."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass

from cnaim_desk.journal.desk import DeskConfig
from cnaim_desk.journal.journal import Journal
from cnaim_desk.sync.board import BoardFeeds, run_board
from cnaim_desk.sync.node import run_node
from cnaim_desk.sync.pki import PkiFiles
from cnaim_desk.sync.presence import ALIVE_SECONDS, Presence
from cnaim_desk.sync.transport import Link

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class PeerStatus:
    """A desk linked to this one: who, seconds since it was last heard from, and how many
    of today's events this desk holds that it had not (``None`` until it said)."""

    desk: str
    role: str
    seconds_since_heard: float | None
    behind: int | None = None


@dataclass(frozen=True, slots=True)
class DeskReach:
    """A desk of the centre's registry as this desk sees it: linked directly, reached
    through others, or out of reach; when it was last heard from (seconds ago, ``None``
    if not since this desk started) and how far behind it is."""

    desk: str
    role: str
    linked: bool
    online: bool
    seconds_since_heard: float | None
    behind: int | None
    revoked: bool


STOP_SECONDS = 10.0


class _LoopThread:
    """An event loop on a thread of its own, running ``_main`` until :meth:`stop`."""

    def _prepare(self) -> None:
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self.error: str | None = None

    def start(self, wait_seconds: float = 5.0) -> None:
        """Start, and wait (a little) until listening, or at once when not listening."""
        self._thread = threading.Thread(target=self._run, name="sync", daemon=True)
        self._thread.start()
        self._ready.wait(wait_seconds)

    def _run(self) -> None:
        try:
            asyncio.run(self._begin())
        except Exception as error:  # a port taken, a certificate gone bad...
            self.error = str(error)
            log.warning("sync stopped: %s", error)
        finally:
            self._ready.set()

    async def _begin(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        await self._main(self._stop)

    async def _main(self, stop: asyncio.Event) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        if self._loop is not None and self._stop is not None:
            with contextlib.suppress(RuntimeError):  # the loop has ended already
                self._loop.call_soon_threadsafe(self._stop.set)
        if self._thread is not None:
            self._thread.join(STOP_SECONDS)
            if self._thread.is_alive():
                log.warning("sync did not stop within %s s", STOP_SECONDS)


class BackgroundFeed(_LoopThread):
    """A board-only PC's links to the desks that feed its board (``run_board``)."""

    def __init__(
        self,
        config: DeskConfig,
        files: PkiFiles,
        feeds: BoardFeeds,
        *,
        peers: Sequence[tuple[str, int]] = (),
        discover: bool = False,
    ):
        self._prepare()
        self._config, self._files, self.feeds = config, files, feeds
        self._peers, self._discover = list(peers), discover

    async def _main(self, stop: asyncio.Event) -> None:
        self._ready.set()
        await run_board(
            self._config, self._files, self.feeds, stop, peers=self._peers, discover=self._discover
        )


class BackgroundSync(_LoopThread):
    """Start with :meth:`start`, stop with :meth:`stop` (both from the GUI thread)."""

    def __init__(
        self,
        journal: Journal,
        files: PkiFiles,
        *,
        listen: tuple[str, int] | None,
        peers: Sequence[tuple[str, int]] = (),
        discover: bool = False,
    ):
        self._prepare()
        self._journal = self.journal = journal
        self._files = files
        self._listen = listen
        self._peers = list(peers)
        self._discover = discover
        self._links: list[Link] = []
        self.presence = Presence(journal.config.desk)
        #: Where links are accepted, once listening: ``host:port``.
        self.listening: str | None = None

    async def _main(self, stop: asyncio.Event) -> None:
        def listening(host: str, port: int) -> None:
            self.listening = f"{host}:{port}"
            self._ready.set()

        if self._listen is None:
            self._ready.set()
        await run_node(
            self._journal,
            self._files,
            stop,
            listen=self._listen,
            peers=self._peers,
            on_listening=listening,
            links=self._links,
            discover=self._discover,
            presence=self.presence,
        )

    def peers(self) -> list[PeerStatus]:
        """The desks linked now, each once, with how long since each was heard from."""
        now = time.monotonic()
        today = self._journal.today_doc()
        ours = self._journal.held([today])[today]
        found: dict[str, PeerStatus] = {}
        for link in list(self._links):  # appended to by the sync thread
            if link.open and link.peer is not None:
                heard = now - link.last_heard if link.last_heard else None
                theirs = link.peer_held.get(today)
                behind = max(0, ours - theirs) if theirs is not None else None
                found[link.peer.desk] = PeerStatus(link.peer.desk, link.peer.role, heard, behind)
        return sorted(found.values(), key=lambda peer: peer.desk)

    def desks(self) -> list[DeskReach]:
        """Every other desk of the centre's registry, linked or not."""
        linked = {peer.desk: peer for peer in self.peers()}
        ages = self.presence.ages()
        me = self._journal.config.desk
        return [
            DeskReach(
                desk,
                entry.role,
                desk in linked,
                desk in linked or ages.get(desk, ALIVE_SECONDS + 1) <= ALIVE_SECONDS,
                ages.get(desk),
                linked[desk].behind if desk in linked else None,
                entry.revoked,
            )
            for desk, entry in sorted(self._journal.registry().items())
            if desk != me
        ]
