"""A desk that only syncs: it accepts links from the centre's desks and keeps links to the
peers it is given, trying again while they are away, until it is told to stop."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from cnaim_desk.journal.journal import Journal
from cnaim_desk.sync.pki import PkiFiles
from cnaim_desk.sync.presence import Presence
from cnaim_desk.sync.transport import TLS_SHUTDOWN_SECONDS, Link, LinkRefused, connect, serve

log = logging.getLogger(__name__)

RETRY_SECONDS = 2.0
#: Where a desk remembers the addresses it linked to, for the next start: a network that
#: blocks multicast still finds the desks once seen (or once given with --peer).
PEERS_FILE = "peers.json"


class RememberedPeers:
    """The desks this desk linked to, by desk id, with their address (``HOST:PORT``)."""

    def __init__(self, root: Path):
        self.path = Path(root) / PEERS_FILE
        self._lock = threading.Lock()

    def load(self) -> dict[str, str]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict):
            return {}
        return {str(desk): str(address) for desk, address in data.items()}

    def remember(self, desk: str, host: str, port: int) -> None:
        with self._lock:
            known = self.load()
            address = f"{host}:{port}"
            if known.get(desk) == address:
                return
            known[desk] = address
            temporary = self.path.with_suffix(".tmp")
            try:
                temporary.write_text(json.dumps(known, indent=1, sort_keys=True) + "\n")
                os.replace(temporary, self.path)
            except OSError as error:
                log.warning("cannot remember %s at %s: %s", desk, address, error)


def parse_address(text: str, default_host: str = "0.0.0.0") -> tuple[str, int]:
    """``HOST:PORT`` (or ``:PORT``) as a pair; ValueError with a plain message."""
    host, sep, port = text.rpartition(":")
    if not sep or not port.isdigit() or not 0 <= int(port) <= 65535:
        raise ValueError(f"{text!r} is not an address such as 192.168.1.20:7820")
    return host.strip("[]") or default_host, int(port)


class RevokedDesks:
    """The desks revoked in the registry as it is now (it changes through sync)."""

    def __init__(self, journal: Journal):
        self._journal = journal

    def __contains__(self, desk: object) -> bool:
        return desk in self._journal.revoked_desks()

    def __iter__(self):
        return iter(self._journal.revoked_desks())

    def __len__(self) -> int:
        return len(self._journal.revoked_desks())


async def keep_linked(
    journal: Journal,
    files: PkiFiles,
    host: str,
    port: int,
    stop: asyncio.Event,
    on_link: Callable[[Link], None] | None = None,
    remembered: RememberedPeers | None = None,
    presence: Presence | None = None,
) -> None:
    """Link to ``host:port`` and link again whenever the link is lost, until ``stop``."""
    while not stop.is_set():
        try:
            link, task = await connect(
                journal, files, host, port, revoked=RevokedDesks(journal), presence=presence
            )
        except LinkRefused as error:
            log.info("no link to %s:%s: %s", host, port, error)
        else:
            if on_link is not None:
                on_link(link)
            if remembered is not None and link.peer is not None:
                remembered.remember(link.peer.desk, host, port)
            stopping = asyncio.create_task(stop.wait())
            await asyncio.wait({task, stopping}, return_when=asyncio.FIRST_COMPLETED)
            stopping.cancel()
            link.close()
            with contextlib.suppress(Exception):
                await task
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), RETRY_SECONDS)


async def run_node(
    journal: Journal,
    files: PkiFiles,
    stop: asyncio.Event,
    *,
    listen: tuple[str, int] | None = None,
    peers: Sequence[tuple[str, int]] = (),
    on_listening: Callable[[str, int], None] | None = None,
    links: list[Link] | None = None,
    discover: bool = False,
    discovery_interfaces: Sequence[str] | None = None,
    presence: Presence | None = None,
) -> None:
    """Sync until ``stop`` is set, then close every link cleanly. ``links`` collects
    every link made, either way (closed ones stay in it, marked so); ``presence`` learns
    which desks are reachable, and the journal asks it for the quota shares."""
    links = [] if links is None else links
    presence = presence or Presence(journal.config.desk)

    def linked_now() -> set[str]:
        return {link.peer.desk for link in links if link.open and link.peer is not None}

    def adopt(link: Link) -> None:
        link.siblings = linked_now
        links.append(link)

    journal.reachable = presence.alive
    server = None
    handlers: set[asyncio.Task] = set()
    if listen is not None:
        server = await serve(
            journal,
            files,
            *listen,
            revoked=RevokedDesks(journal),
            on_link=adopt,
            presence=presence,
            handlers=handlers,
        )
        host, port = server.sockets[0].getsockname()[:2]
        log.info("listening on %s:%s", host, port)
        if on_listening is not None:
            on_listening(host, port)
    remembered = RememberedPeers(journal.data_dir.root)
    addresses = list(dict.fromkeys(peers))
    for desk, address in remembered.load().items():
        if desk != journal.config.desk:
            with contextlib.suppress(ValueError):
                addresses.append(parse_address(address, "127.0.0.1"))
    addresses = list(dict.fromkeys(addresses))

    def keep(host: str, port: int) -> asyncio.Task:
        return asyncio.create_task(
            keep_linked(journal, files, host, port, stop, adopt, remembered, presence)
        )

    keepers = [keep(host, port) for host, port in addresses]
    discovery = None
    if discover:
        found: set[str] = set()
        me = journal.config.desk

        def link_to(desk: str, address: str, port: int) -> None:
            # of two desks that see each other, the lower id connects: one link a pair
            if desk in found or not me < desk:
                return
            found.add(desk)
            if (address, port) in addresses:
                return  # remembered or given: already kept
            keepers.append(keep(address, port))

        from cnaim_desk.sync.discovery import start_discovery

        port = server.sockets[0].getsockname()[1] if server is not None else None
        discovery = await start_discovery(
            journal.config.centre, me, port, link_to, discovery_interfaces
        )
    await stop.wait()
    if discovery is not None:
        await asyncio.to_thread(discovery.close)
    for link in links:
        link.close()
    if server is not None:
        server.close()
        if handlers:  # the accepted links end as they are closed: let them
            await asyncio.wait(set(handlers), timeout=TLS_SHUTDOWN_SECONDS + 1)
        await server.wait_closed()
    await asyncio.gather(*keepers, return_exceptions=True)
