"""What the sync tests share: a centre of real desk folders, and asking a desk whether
it has a ticket."""

from __future__ import annotations

from pathlib import Path

from cnaim_desk.journal.desk import DeskConfig
from cnaim_desk.journal.journal import Journal, TicketNotFound
from cnaim_desk.resources import resources_dir
from cnaim_desk.sync.enrolment import enroll, init_centre, join


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
