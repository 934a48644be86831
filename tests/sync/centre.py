"""What the sync tests share: a centre of real desk folders, asking a desk whether it has
a ticket, a sync without the network, and a desk syncing on a loopback port."""

from __future__ import annotations

import asyncio
from pathlib import Path

from cnaim_desk.journal.desk import DeskConfig
from cnaim_desk.journal.journal import Journal, TicketNotFound
from cnaim_desk.resources import resources_dir
from cnaim_desk.sync.enrolment import enroll, init_centre, join
from cnaim_desk.sync.node import run_node
from cnaim_desk.sync.pki import PkiFiles


def make_centre(root: Path, *others: tuple[str, str], centre: str = "lisboa") -> list[Journal]:
    """R1, holding the centre's authority, then each (desk, role) of ``others`` enrolled
    by it and joined in its own folder: all open, none linked yet."""
    first = init_centre(
        root / "R1", DeskConfig(centre, "R1", "reception", 1), resources=resources_dir()
    )
    return [
        first,
        *(
            join(root / desk, enroll(first, desk, role), resources=resources_dir())
            for desk, role in others
        ),
    ]


def knows(journal: Journal, ticket_id: str) -> bool:
    """Whether ``journal`` has ticket ``ticket_id`` today."""
    try:
        journal.ticket(ticket_id)
    except TicketNotFound:
        return False
    return True


def exchange(*journals: Journal) -> None:
    """Every desk given what every other holds (a sync, without the network)."""
    for source in journals:
        for target in journals:
            if source is not target:
                for doc in source.shared_documents():
                    target.ingest(doc, source.updates_for(doc, target.state_of(doc)))


async def listening(journal: Journal, stop: asyncio.Event) -> tuple[asyncio.Task, tuple[str, int]]:
    """``journal`` syncing as a node on a free loopback port until ``stop``: its task and
    the address the others link to."""
    heard = asyncio.Event()
    address: list[tuple[str, int]] = []

    def on_listening(host: str, port: int) -> None:
        address.append((host, port))
        heard.set()

    task = asyncio.create_task(
        run_node(
            journal, PkiFiles(journal.data_dir.root), stop,
            listen=("127.0.0.1", 0), on_listening=on_listening,
        )
    )  # fmt: skip
    await heard.wait()
    return task, address[0]
