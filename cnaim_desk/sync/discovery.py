"""Finding the centre's other desks on the LAN with zeroconf (mDNS/DNS-SD).

Each desk that accepts links advertises ``_cnaim-desk._tcp`` with its centre, desk id and
protocol version, and nothing else: no personal data, no role, no name. A desk that sees
another of its centre links to it; of two desks that see each other, only the one with
the lower desk id connects, so each pair keeps one link. Who a desk really is, is settled
by its certificate when the link is made; an advert only says where to knock.
"""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import Callable, Sequence

from zeroconf import IPVersion, ServiceBrowser, ServiceInfo, ServiceStateChange, Zeroconf

from cnaim_desk.sync.transport import PROTOCOL

log = logging.getLogger(__name__)

SERVICE = "_cnaim-desk._tcp.local."
LOOKUP_MS = 3000

Found = Callable[[str, str, int], None]  # desk, address, port


def _local_addresses() -> list[str]:
    try:
        addresses = socket.gethostbyname_ex(socket.gethostname())[2]
    except OSError:
        addresses = []
    return [address for address in addresses if not address.startswith("127.")] or ["127.0.0.1"]


class Discovery:
    """Advertise this desk (when it listens) and report the centre's other desks."""

    def __init__(
        self,
        centre: str,
        desk: str,
        port: int | None,
        on_found: Found,
        *,
        interfaces: Sequence[str] | None = None,
    ):
        self._centre, self._desk, self._port = centre, desk, port
        self._on_found = on_found
        self._interfaces = list(interfaces) if interfaces else None
        self._zeroconf: Zeroconf | None = None
        self._browser: ServiceBrowser | None = None
        self._info: ServiceInfo | None = None

    def start(self) -> None:
        options = {"ip_version": IPVersion.V4Only}
        if self._interfaces:
            options["interfaces"] = self._interfaces
        self._zeroconf = Zeroconf(**options)
        if self._port is not None:
            addresses = self._interfaces or _local_addresses()
            self._info = ServiceInfo(
                SERVICE,
                f"{self._centre}-{self._desk}.{SERVICE}",
                addresses=[socket.inet_aton(address) for address in addresses],
                port=self._port,
                properties={"centre": self._centre, "desk": self._desk, "protocol": PROTOCOL},
            )
            self._zeroconf.register_service(self._info)
        self._browser = ServiceBrowser(self._zeroconf, SERVICE, handlers=[self._changed])

    def _changed(
        self, zeroconf: Zeroconf, service_type: str, name: str, state_change: ServiceStateChange
    ) -> None:
        if state_change not in (ServiceStateChange.Added, ServiceStateChange.Updated):
            return
        info = zeroconf.get_service_info(service_type, name, timeout=LOOKUP_MS)
        if info is None or not info.parsed_addresses():
            return
        properties = {
            key.decode(errors="replace"): (value or b"").decode(errors="replace")
            for key, value in info.properties.items()
        }
        desk, centre = properties.get("desk", ""), properties.get("centre", "")
        if centre != self._centre or not desk or desk == self._desk:
            return
        log.info("found desk %s at %s:%s", desk, info.parsed_addresses()[0], info.port)
        self._on_found(desk, info.parsed_addresses()[0], info.port)

    def close(self) -> None:
        if self._zeroconf is None:
            return
        if self._browser is not None:
            self._browser.cancel()
        if self._info is not None:
            self._zeroconf.unregister_service(self._info)
        self._zeroconf.close()
        self._zeroconf = None


async def start_discovery(
    centre: str,
    desk: str,
    port: int | None,
    on_found: Found,
    interfaces: Sequence[str] | None = None,
) -> Discovery:
    """Start discovery from an event loop: ``on_found`` is called on that loop (zeroconf
    reports from threads of its own); close with ``await asyncio.to_thread(d.close)``."""
    loop = asyncio.get_running_loop()

    def found(other: str, address: str, other_port: int) -> None:
        loop.call_soon_threadsafe(on_found, other, address, other_port)

    discovery = Discovery(centre, desk, port, found, interfaces=interfaces)
    await asyncio.to_thread(discovery.start)
    return discovery
