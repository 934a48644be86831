"""Desks of a centre find each other by zeroconf on the loopback interface, with no
address given, and sync; a desk of another centre advertising beside them is ignored."""

from __future__ import annotations

import asyncio
import socket
import time

from zeroconf import IPVersion, ServiceInfo, Zeroconf

from cnaim_desk.sync.discovery import SERVICE
from cnaim_desk.sync.node import run_node
from cnaim_desk.sync.pki import PkiFiles
from tests.sync.centre import knows, make_centre

LOOPBACK = ["127.0.0.1"]


def test_desks_find_each_other_without_addresses_and_sync(tmp_path):
    first, second = make_centre(tmp_path, ("R2", "reception"))
    # another centre's desk advertises on the same network: not a peer
    stranger = Zeroconf(interfaces=LOOPBACK, ip_version=IPVersion.V4Only)
    stranger.register_service(
        ServiceInfo(
            SERVICE,
            f"norte-R0.{SERVICE}",
            addresses=[socket.inet_aton("127.0.0.1")],
            port=9,
            properties={"centre": "norte", "desk": "R0", "protocol": 1},
        )
    )
    ours, theirs = first.issue("SS"), second.issue("AIMA")

    async def scenario():
        stop = asyncio.Event()
        nodes = [
            asyncio.create_task(
                run_node(
                    desk,
                    PkiFiles(desk.data_dir.root),
                    stop,
                    listen=("127.0.0.1", 0),
                    discover=True,
                    discovery_interfaces=LOOPBACK,
                )
            )
            for desk in (first, second)
        ]
        deadline = time.monotonic() + 20
        while not (knows(first, theirs.id) and knows(second, ours.id)):
            assert time.monotonic() < deadline, "the desks did not find each other"
            await asyncio.sleep(0.1)
        stop.set()
        await asyncio.wait_for(asyncio.gather(*nodes), 20)

    try:
        asyncio.run(scenario())
    finally:
        stranger.close()
        first.close()
        second.close()
