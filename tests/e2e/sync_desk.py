"""Driver for the sync tests between processes: an enrolled desk as its windows run it,
its journal open for writing and its sync on a thread beside it (``BackgroundSync``, no
discovery), so tickets can be issued while it stays linked, or cut off.

Usage: ``python sync_desk.py DATA_DIR [--listen HOST:PORT] [--peer HOST:PORT ...]``.
Prints one JSON line ``{"ready": DESK, "listening": "HOST:PORT" or null}`` once syncing,
then answers each command read on stdin with one JSON line (flushed):

- ``issue SERVICE``: the ticket issued (``id``, ``code``, ...), committed before printed;
- ``call TICKET COUNTER``: the ticket after the call;
- ``peers``: ``[[desk, seconds since heard], ...]``, the desks linked now;
- ``quit``: stops the sync, closes the journal, prints ``{"bye": DESK}`` and exits 0.

A refused command answers ``{"error": "..."}`` and the desk goes on.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from cnaim_desk.journal.journal import Journal
from cnaim_desk.resources import resources_dir
from cnaim_desk.sync.background import BackgroundSync
from cnaim_desk.sync.node import parse_address
from cnaim_desk.sync.pki import PkiFiles


def say(value: object) -> None:
    print(json.dumps(value), flush=True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--listen")
    parser.add_argument("--peer", action="append", default=[])
    args = parser.parse_args()
    journal = Journal.open(args.data_dir, resources=resources_dir(), purpose="sync test desk")
    sync = BackgroundSync(
        journal,
        PkiFiles(journal.data_dir.root),
        listen=parse_address(args.listen) if args.listen else None,
        peers=[parse_address(peer, "127.0.0.1") for peer in args.peer],
    )
    sync.start()
    if sync.error:
        say({"error": sync.error})
        return 1
    desk = journal.config.desk
    say({"ready": desk, "listening": sync.listening})
    try:
        for line in sys.stdin:
            words = line.split()
            if not words:
                continue
            try:
                if words[0] == "issue":
                    say(journal.issue(words[1]).to_json())
                elif words[0] == "call":
                    say(journal.call(words[1], words[2]).to_json())
                elif words[0] == "peers":
                    say([[p.desk, p.seconds_since_heard] for p in sync.peers()])
                elif words[0] == "quit":
                    break
                else:
                    say({"error": f"unknown command {words[0]!r}"})
            except Exception as error:  # refused: say why, and go on
                say({"error": f"{type(error).__name__}: {error}"})
    finally:
        sync.stop()
        journal.close()
    say({"bye": desk})
    return 0


if __name__ == "__main__":
    sys.exit(main())
