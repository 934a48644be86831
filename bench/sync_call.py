"""A call at one desk shown on a board-only PC, and at another desk, each in a process of
its own, over TLS.

The measuring process holds desk R1 of a centre (made with ``centre init``) and accepts
links on loopback. Two child processes link to it: a board-only PC B1
(``children/board_peer.py``: ``cnaim-desk``'s board, fed by R1, no journal) and a desk R2
(``children/sync_peer.py``), both enrolled by R1. With the links up, R1 calls 100 tickets,
0.2 s apart; for each, the time from just before ``journal.call`` (its commit and fsync
included) to the first paint of the code on B1's board, and to the moment R2's journal
has verified, projected and committed the call and told its listeners, read on the
system-wide monotonic clock of all three processes.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time

from bench.measure import (
    SYNC_CALL,
    Outcome,
    Row,
    child_script,
    desk_clock_offset_ms,
    fmt_ms,
    offscreen_env,
    progress,
    remove_dir,
    scratch_dir,
    summary,
)

NAME = "sync_call"
WARM_UP = 5


class Peer:
    """A child process linked to R1 that says when it has each call (``KIND key ns``)."""

    def __init__(self, script: str, *args: str):
        self.process = subprocess.Popen(
            [sys.executable, child_script(script), *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=offscreen_env(),
        )
        self.seen: dict[str, int] = {}
        self.ready = threading.Event()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            parts = line.split()
            if parts[:1] == ["READY"]:
                self.ready.set()
            elif parts[:1] in (["SEEN"], ["SHOWN"]) and len(parts) == 3:
                self.seen.setdefault(parts[1], int(parts[2]))

    def stop(self) -> None:
        try:
            self.process.stdin.close()
            self.process.wait(timeout=15)
        except (OSError, subprocess.TimeoutExpired):
            self.process.kill()


def run(quick: bool = False) -> Outcome:
    from cnaim_desk.domain.clock import wall_clock_ms
    from cnaim_desk.journal.desk import DeskConfig
    from cnaim_desk.journal.journal import Journal
    from cnaim_desk.resources import resources_dir
    from cnaim_desk.sync.background import BackgroundSync
    from cnaim_desk.sync.enrolment import enroll, init_centre, join
    from cnaim_desk.sync.pki import PkiFiles

    count = 30 if quick else 100
    outcome = Outcome(NAME)
    root = scratch_dir("sync")
    peers: list[Peer] = []
    first = None
    try:
        config = DeskConfig("lisboa", "R1", "reception", 1)
        with init_centre(root / "R1", config, resources=resources_dir()) as made:
            join(root / "R2", enroll(made, "R2", "reception"), resources=resources_dir()).close()
            join(root / "B1", enroll(made, "B1", "board"), resources=resources_dir()).close()
        # every desk on the centre's clock: a weekday morning, whatever the day of the run
        offset = desk_clock_offset_ms()
        first = Journal.open(
            root / "R1",
            resources=resources_dir(),
            purpose="bench sync call",
            now_ms=lambda: wall_clock_ms() + offset,
        )
        # across services, so no daily quota runs out
        services = ("SS", "MS", "GAT", "GASI", "GAJ")
        tickets = [first.issue(services[i % len(services)]) for i in range(count + WARM_UP)]
        node = BackgroundSync(first, PkiFiles(first.data_dir.root), listen=("127.0.0.1", 0))
        node.start()
        if node.listening is None:
            raise RuntimeError(f"the desk could not listen: {node.error}")
        progress(f"sync: R2 and board B1 in their own processes link to R1 at {node.listening}")
        desk = Peer("sync_peer.py", str(root / "R2"), node.listening, str(offset))
        board = Peer("board_peer.py", str(root / "B1"), node.listening, str(offset))
        peers += [desk, board]
        for name, peer in (("R2", desk), ("B1", board)):
            if not peer.ready.wait(60):
                raise RuntimeError(f"{name} did not link to R1: {peer.process.stderr.read()}")
        progress(f"sync: {count} calls at R1, each timed until R2 has it and B1 shows it")
        started: dict[str, int] = {}
        for ticket in tickets:
            started[ticket.id] = time.monotonic_ns()
            first.call(ticket.id, "C1")
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline and (
                ticket.id not in desk.seen or ticket.code not in board.seen
            ):
                time.sleep(0.001)
            time.sleep(0.2)
        measured = tickets[WARM_UP:]
        rows = (
            (
                board,
                lambda t: t.code,
                "call at one desk → shown on a board-only PC in another process (TLS, "
                "loopback, the board's repaint)",
            ),
            (
                desk,
                lambda t: t.id,
                "· call at one desk → committed at another desk's process (TLS, loopback)",
            ),
        )
        details = {}
        for peer, key, what in rows:
            latencies = [
                (peer.seen[key(t)] - started[t.id]) / 1e6 for t in measured if key(t) in peer.seen
            ]
            missing = count - len(latencies)
            stats = summary(latencies)
            outcome.rows.append(
                Row(
                    what,
                    f"p50 {fmt_ms(stats['p50'])}, p95 {fmt_ms(stats['p95'])}, "
                    f"max {fmt_ms(stats['max'])} (n={len(latencies)}"
                    + (f", {missing} never arrived" if missing else "")
                    + ")",
                    SYNC_CALL,
                    stats["p95"] if not missing else float("inf"),
                )
            )
            details["board" if peer is board else "desk"] = {
                "latency_ms": stats,
                "missing": missing,
            }
        outcome.details = details
        outcome.notes.append(
            "Sync call: the call's own commit and fsync at R1 included. The board-only PC "
            "(`cnaim-desk` on a desk enrolled as a board: no journal) is sent R1's feed after "
            "the commit, reads and checks it, and repaints its board (offscreen, 1920×1080); "
            "it counts at the first paint of the called code. R2, a desk, verifies the "
            "event's signature, projects and commits it with fsync before it counts. "
            f"{WARM_UP} unmeasured calls first."
        )
        node.stop()
    finally:
        for peer in peers:
            peer.stop()
        if first is not None:
            first.close()
        remove_dir(root)
    return outcome
