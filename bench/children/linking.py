"""What the desk children of the sync benchmarks share: a desk linked to one other desk
until the parent closes their standard input. Imports nothing from ``bench``."""

import asyncio
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from cnaim_desk.journal.journal import Journal
from cnaim_desk.sync.node import run_node
from cnaim_desk.sync.pki import PkiFiles


def linked_until_end_of_input(
    journal: Journal, data_dir: Path, address: tuple[str, int], on_linked: Callable[[], None]
) -> None:
    """Sync ``journal`` with the desk at ``address``; call ``on_linked`` once the link is
    up (greeted both ways); return when standard input ends and the node has stopped."""

    async def run() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        threading.Thread(
            target=lambda: (sys.stdin.read(), loop.call_soon_threadsafe(stop.set)), daemon=True
        ).start()
        links: list = []
        node = asyncio.create_task(
            run_node(journal, PkiFiles(data_dir), stop, peers=[address], links=links)
        )
        while not any(link.open for link in links) and not node.done():
            await asyncio.sleep(0.001)
        on_linked()
        await node

    asyncio.run(run())
