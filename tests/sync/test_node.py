"""A node remembers the desks it linked to, and finds them again at its next start with
no address given and no discovery (a network that blocks multicast)."""

from __future__ import annotations

import asyncio
import json
import time

from cnaim_desk.sync.node import PEERS_FILE, parse_address, run_node
from cnaim_desk.sync.pki import PkiFiles
from tests.sync.centre import knows, make_centre


async def sync_until(first, second, condition, *, peers) -> str:
    """R1 listening, R2 linking out to ``peers``, until ``condition``; R1's address."""
    stop, heard = asyncio.Event(), asyncio.Event()
    address = {}

    def listening(host, port):
        address["at"] = f"{host}:{port}"
        heard.set()

    server = asyncio.create_task(
        run_node(
            first,
            PkiFiles(first.data_dir.root),
            stop,
            listen=("127.0.0.1", 0),
            on_listening=listening,
        )
    )
    await heard.wait()
    chosen = [parse_address(address["at"])] if peers else []
    client = asyncio.create_task(
        run_node(second, PkiFiles(second.data_dir.root), stop, peers=chosen)
    )
    deadline = time.monotonic() + 15
    while not condition():
        assert time.monotonic() < deadline, "not reached in time"
        await asyncio.sleep(0.05)
    stop.set()
    await asyncio.wait_for(asyncio.gather(server, client), 15)
    return address["at"]


def test_a_desk_linked_once_is_found_again_from_memory(tmp_path):
    first, second = make_centre(tmp_path, ("R2", "reception"))
    try:
        one = first.issue("SS")
        address = asyncio.run(sync_until(first, second, lambda: knows(second, one.id), peers=True))
        remembered = json.loads((second.data_dir.root / PEERS_FILE).read_text())
        assert remembered == {"R1": address}
        # both start again, R1 on the address R2 remembers, R2 with no peer given
        two = first.issue("AIMA")
        port = int(address.rsplit(":", 1)[1])

        async def again():
            stop = asyncio.Event()
            server = asyncio.create_task(
                run_node(first, PkiFiles(first.data_dir.root), stop, listen=("127.0.0.1", port))
            )
            client = asyncio.create_task(run_node(second, PkiFiles(second.data_dir.root), stop))
            deadline = time.monotonic() + 15
            while not knows(second, two.id):
                assert time.monotonic() < deadline, "R2 did not find R1 again"
                await asyncio.sleep(0.05)
            stop.set()
            await asyncio.wait_for(asyncio.gather(server, client), 15)

        asyncio.run(again())
    finally:
        first.close()
        second.close()
