"""A desk in a process of its own for ``bench/sync_call.py``: it links to the desk at
ADDRESS and, for each call that arrives, prints ``SEEN <ticket id> <monotonic ns>`` (the
system-wide monotonic clock, comparable with the parent's on the same machine).

Usage: ``python sync_peer.py DATA_DIR ADDRESS [OFFSET_MS]`` (OFFSET_MS: how far the
centre's clock runs ahead of the wall clock, as the parent's desk). It prints ``READY``
once linked, and stops at end of input.
"""

import sys
import time
from pathlib import Path

from linking import linked_until_end_of_input

from cnaim_desk.domain.clock import wall_clock_ms
from cnaim_desk.journal.journal import Journal
from cnaim_desk.resources import resources_dir
from cnaim_desk.sync.node import parse_address


def main() -> int:
    data_dir, address = Path(sys.argv[1]), parse_address(sys.argv[2])
    offset = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    journal = Journal.open(
        data_dir,
        resources=resources_dir(),
        purpose="bench sync peer",
        now_ms=lambda: wall_clock_ms() + offset,
    )
    seen = set()

    def on_change(change) -> None:
        now = time.monotonic_ns()
        for ticket_id in change.calls:
            if ticket_id not in seen:
                seen.add(ticket_id)
                print(f"SEEN {ticket_id} {now}", flush=True)

    journal.subscribe(on_change)

    linked_until_end_of_input(journal, data_dir, address, lambda: print("READY", flush=True))
    journal.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
