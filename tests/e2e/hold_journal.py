"""Driver for the lock tests: open a desk's journal for writing and hold it until killed.

Usage: ``python hold_journal.py DATA_DIR PURPOSE``. Prints ``READY <pid>`` once it holds
the desk.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from cnaim_desk.journal.journal import Journal
from cnaim_desk.resources import resources_dir


def main() -> int:
    journal = Journal.open(Path(sys.argv[1]), resources=resources_dir(), purpose=sys.argv[2])
    print(f"READY {os.getpid()}", flush=True)
    while journal is not None:  # keep the journal (and so its lock) alive
        time.sleep(60)
    return 0


if __name__ == "__main__":
    sys.exit(main())
