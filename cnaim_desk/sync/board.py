"""A board-only PC's side of the sync: it links to desks of its centre (those it is given,
and those zeroconf finds), is sent their feeds (``cnaim_desk.sync.feed``), and keeps the
latest in memory only. It writes nothing: it has no journal to write to, and a desk
ignores whatever a board sends."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import threading
from collections.abc import Callable, Sequence

from cnaim_desk.journal.desk import DeskConfig
from cnaim_desk.sync.feed import Feed, FeedRefused, read_feed
from cnaim_desk.sync.pki import PkiFiles, client_context
from cnaim_desk.sync.presence import STATUS_SECONDS
from cnaim_desk.sync.transport import (
    FEED,
    HELLO,
    STATUS,
    TLS_SHUTDOWN_SECONDS,
    Introduction,
    LinkRefused,
    frame,
    greet,
    read_frame,
)

log = logging.getLogger(__name__)

RETRY_SECONDS = 2.0
#: A board follows this many desks found by zeroconf at most (one is enough; a second
#: and third keep it going when one is switched off).
FOLLOWED_DESKS = 3


class BoardFeeds:
    """The latest feed from each desk followed; the board is shown the most complete."""

    def __init__(self, services: Sequence[str], on_feed: Callable[[Feed], None]):
        self._services = set(services)
        self._on_feed = on_feed
        self._latest: dict[str, Feed] = {}
        self._lock = threading.Lock()
        self.shown: Feed | None = None

    def read(self, desk: str, body: bytes) -> Feed:
        """Check a feed from ``desk`` and show it if it is the most complete of today."""
        feed = read_feed(body, self._services)
        with self._lock:
            self._latest[desk] = feed
            best = max(self._latest.values(), key=lambda f: (f.day, f.events))
            changed = best is feed or best != self.shown
            self.shown = best
        if changed:
            self._on_feed(best)
        return feed

    def forget(self, desk: str) -> None:
        with self._lock:
            self._latest.pop(desk, None)

    @property
    def revoked(self) -> frozenset[str]:
        with self._lock:
            return frozenset().union(*(feed.revoked for feed in self._latest.values()))

    @property
    def sources(self) -> list[str]:
        """The desks whose feeds the board has now."""
        with self._lock:
            return sorted(self._latest)


async def follow(
    config: DeskConfig, files: PkiFiles, host: str, port: int, feeds: BoardFeeds
) -> str:
    """Link to the desk at ``host:port`` and read its feeds until the link ends; returns
    the desk's id. LinkRefused when it cannot be reached or is refused; a feed that is
    not right ends the link."""
    try:
        reader, writer = await asyncio.open_connection(
            host, port, ssl=client_context(files), ssl_shutdown_timeout=TLS_SHUTDOWN_SECONDS
        )
    except OSError as error:  # ssl.SSLError and ConnectionError included
        raise LinkRefused(f"cannot reach {host}:{port} ({error})") from None
    desk = None
    saying = None
    try:
        ours = Introduction(config.centre, config.desk, config.role)
        peer = await greet(reader, writer, files, ours, accepting=False, revoked=feeds.revoked)
        desk = peer.desk
        if peer.role == "board":
            raise LinkRefused(f"{desk} is a board too: it has no feed")
        saying = asyncio.create_task(_say_alive(writer))
        while True:
            kind, body = await read_frame(reader)
            if kind == HELLO:
                raise LinkRefused("a second introduction")
            if kind == FEED:
                try:
                    feeds.read(desk, body)
                except FeedRefused as error:
                    raise LinkRefused(f"{desk}: {error}") from None
            # STATUS and anything else a desk says is not for a board.
    except asyncio.IncompleteReadError:
        return desk or f"{host}:{port}"
    except OSError as error:
        raise LinkRefused(f"{host}:{port}: {error}") from None
    finally:
        if saying is not None:
            saying.cancel()
        if desk is not None:
            feeds.forget(desk)
        with contextlib.suppress(Exception):
            writer.close()


async def _say_alive(writer: asyncio.StreamWriter) -> None:
    """A board's only words after its introduction: that it is there (a STATUS every few
    seconds), so the desks can list it as reached."""
    while True:
        writer.write(frame(STATUS, json.dumps({"heard": {}, "held": {}}).encode()))
        with contextlib.suppress(ConnectionError):
            await writer.drain()
        await asyncio.sleep(STATUS_SECONDS)


async def keep_following(
    config: DeskConfig,
    files: PkiFiles,
    host: str,
    port: int,
    feeds: BoardFeeds,
    stop: asyncio.Event,
) -> None:
    """Follow ``host:port``, and again whenever the link ends, until ``stop``."""
    while not stop.is_set():
        task = asyncio.create_task(follow(config, files, host, port, feeds))
        stopping = asyncio.create_task(stop.wait())
        await asyncio.wait({task, stopping}, return_when=asyncio.FIRST_COMPLETED)
        stopping.cancel()
        if not task.done():
            task.cancel()
        try:
            await task
        except LinkRefused as error:
            log.info("no feed from %s:%s: %s", host, port, error)
        except asyncio.CancelledError:
            pass
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), RETRY_SECONDS)


async def run_board(
    config: DeskConfig,
    files: PkiFiles,
    feeds: BoardFeeds,
    stop: asyncio.Event,
    *,
    peers: Sequence[tuple[str, int]] = (),
    discover: bool = False,
    discovery_interfaces: Sequence[str] | None = None,
) -> None:
    """Follow the given desks, and those zeroconf finds, until ``stop``. A board does not
    advertise itself: it only looks."""
    keepers = [
        asyncio.create_task(keep_following(config, files, host, port, feeds, stop))
        for host, port in dict.fromkeys(peers)
    ]
    discovery = None
    if discover:
        found: set[str] = set()

        def found_desk(desk: str, address: str, port: int) -> None:
            if desk in found or len(found) >= FOLLOWED_DESKS or (address, port) in peers:
                return
            found.add(desk)
            keepers.append(
                asyncio.create_task(keep_following(config, files, address, port, feeds, stop))
            )

        from cnaim_desk.sync.discovery import start_discovery

        discovery = await start_discovery(
            config.centre, config.desk, None, found_desk, discovery_interfaces
        )
    await stop.wait()
    if discovery is not None:
        await asyncio.to_thread(discovery.close)
    for keeper in keepers:
        keeper.cancel()
    await asyncio.gather(*keepers, return_exceptions=True)
