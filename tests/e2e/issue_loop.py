"""Driver for the crash tests: open a desk's journal and issue tickets until killed.

Usage: ``python issue_loop.py DATA_DIR``. Prints ``READY`` once the journal is open, then
``ACK <id> <code>`` after each issue is committed and ``CALL <id>`` after each call, each
line flushed at once, so what the test reads was on disk before it was printed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from cnaim_desk.journal.journal import Journal
from cnaim_desk.resources import resources_dir

SERVICES = ("SS", "AIMA", "MS", "SS")


def main() -> int:
    journal = Journal.open(Path(sys.argv[1]), resources=resources_dir(), purpose="issue loop")
    print("READY", flush=True)
    n = 0
    while True:
        ticket = journal.issue(SERVICES[n % len(SERVICES)])
        print(f"ACK {ticket.id} {ticket.code}", flush=True)
        n += 1
        if n % 5 == 0:
            called = journal.call_next("C1", ["MS"])
            if called is not None:
                print(f"CALL {called.id}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
