"""A desk in a process of its own for ``bench/sync_converge.py``: desk R2, back after an
hour apart from R1, links to it and says when it holds every ticket of the day.

Usage: ``python converge_peer.py DATA_DIR CLOCK_OFFSET_MS EXPECTED``. The desk's clock is
the wall clock plus CLOCK_OFFSET_MS (the parent's desk clock, so both desks agree on the
day and the hour). It opens the desk and loads the shared documents (as on a desk that has
run all morning), prints ``READY``, then reads ``GO HOST:PORT`` and links to that desk. It
prints, on the system-wide monotonic clock (comparable with the parent's):

- ``LINKED <ns>`` when the link is up (greeted both ways);
- ``INGEST <doc> <start ns> <end ns> <bytes> <learnt>`` for each update applied from R1;
- ``HAVE <ns> <count>`` once the desk holds EXPECTED tickets of today (told by a journal
  listener, after the commit).

It stops at end of input. Imports nothing from ``bench``.
"""

import logging
import sys
import threading
import time
from pathlib import Path

from linking import linked_until_end_of_input
from sqlalchemy import func
from sqlmodel import Session, select

from cnaim_desk.domain.clock import wall_clock_ms
from cnaim_desk.journal.journal import Journal
from cnaim_desk.journal.tables import TicketRow
from cnaim_desk.resources import resources_dir
from cnaim_desk.sync.node import parse_address


def say(line: str) -> None:
    print(line, flush=True)


def main() -> int:
    data_dir, offset, expected = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    # on stderr, which the parent shows when something goes wrong: a refused link says why
    logging.basicConfig(level=logging.INFO, format="R2 %(name)s: %(message)s")
    journal = Journal.open(
        data_dir,
        resources=resources_dir(),
        purpose="bench converge peer",
        now_ms=lambda: wall_clock_ms() + offset,
    )
    for doc in journal.shared_documents():
        journal.state_of(doc)  # loaded now, not when the link asks
    today = journal.today().isoformat()

    def count() -> int:
        with Session(journal.read_engine) as session:
            query = select(func.count()).select_from(TicketRow).where(TicketRow.day == today)
            return session.exec(query).one()

    done = threading.Event()

    def on_change(change) -> None:
        if change.tickets and not done.is_set():
            held = count()
            if held >= expected:
                done.set()
                say(f"HAVE {time.monotonic_ns()} {held}")

    journal.subscribe(on_change)
    ingest = journal.ingest

    def timed_ingest(doc_name, update, **options):
        started = time.monotonic_ns()
        change = ingest(doc_name, update, **options)
        say(
            f"INGEST {doc_name} {started} {time.monotonic_ns()} {len(update)} "
            f"{int(bool(change.ops or change.tickets))}"
        )
        return change

    journal.ingest = timed_ingest  # what the link calls: timed, nothing else changed

    say("READY")
    command = sys.stdin.readline().split()
    if command[:1] != ["GO"] or len(command) != 2:
        journal.close()
        return 0
    address = parse_address(command[1])

    linked_until_end_of_input(
        journal, data_dir, address, lambda: say(f"LINKED {time.monotonic_ns()}")
    )
    journal.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
