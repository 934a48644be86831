"""A call at one desk shown at another desk, in another process, over TLS.

The measuring process holds desk R1 of a centre (made with ``centre init``) and accepts
links on loopback; a child process (``children/sync_peer.py``) holds R2, enrolled by R1,
and links to it. With the link up, R1 calls 100 tickets, 0.2 s apart; for each, the time
from just before ``journal.call`` (its commit and fsync included) to the moment R2's
journal has verified, projected and committed the call and told its listeners, read on
the system-wide monotonic clock of both processes. What the board of R2 then paints is
the same-process budget measured by ``board_repaint``.
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
    fmt_ms,
    offscreen_env,
    progress,
    remove_dir,
    scratch_dir,
    summary,
)

NAME = "sync_call"
WARM_UP = 5


def run(quick: bool = False) -> Outcome:
    from cnaim_desk.journal.desk import DeskConfig
    from cnaim_desk.resources import resources_dir
    from cnaim_desk.sync.background import BackgroundSync
    from cnaim_desk.sync.enrolment import enroll, init_centre, join
    from cnaim_desk.sync.pki import PkiFiles

    count = 30 if quick else 100
    outcome = Outcome(NAME)
    root = scratch_dir("sync")
    child = None
    first = None
    try:
        config = DeskConfig("lisboa", "R1", "reception", 1)
        first = init_centre(root / "R1", config, resources=resources_dir())
        join(root / "R2", enroll(first, "R2", "reception"), resources=resources_dir()).close()
        # across services, so no daily quota runs out
        services = ("SS", "MS", "GAT", "GASI", "GAJ")
        tickets = [first.issue(services[i % len(services)]) for i in range(count + WARM_UP)]
        node = BackgroundSync(first, PkiFiles(first.data_dir.root), listen=("127.0.0.1", 0))
        node.start()
        if node.listening is None:
            raise RuntimeError(f"the desk could not listen: {node.error}")
        progress(f"sync: R2 in its own process links to R1 at {node.listening}")
        child = subprocess.Popen(
            [sys.executable, child_script("sync_peer.py"), str(root / "R2"), node.listening],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=offscreen_env(),
        )
        seen: dict[str, int] = {}
        ready = threading.Event()

        def read() -> None:
            for line in child.stdout:
                parts = line.split()
                if parts[:1] == ["READY"]:
                    ready.set()
                elif parts[:1] == ["SEEN"] and len(parts) == 3:
                    seen[parts[1]] = int(parts[2])

        threading.Thread(target=read, daemon=True).start()
        if not ready.wait(30):
            raise RuntimeError("R2 did not link to R1")
        progress(f"sync: {count} calls at R1, each timed until R2 has it")
        started: dict[str, int] = {}
        for ticket in tickets:
            started[ticket.id] = time.monotonic_ns()
            first.call(ticket.id, "C1")
            deadline = time.monotonic() + 5
            while ticket.id not in seen and time.monotonic() < deadline:
                time.sleep(0.001)
            time.sleep(0.2)
        latencies = [(seen[t.id] - started[t.id]) / 1e6 for t in tickets[WARM_UP:] if t.id in seen]
        missing = count - len(latencies)
        stats = summary(latencies)
        outcome.rows.append(
            Row(
                "call at one desk → committed at another desk's process (TLS, loopback)",
                f"p50 {fmt_ms(stats['p50'])}, p95 {fmt_ms(stats['p95'])}, "
                f"max {fmt_ms(stats['max'])} (n={len(latencies)}"
                + (f", {missing} never arrived" if missing else "")
                + ")",
                SYNC_CALL,
                stats["p95"] if not missing else float("inf"),
            )
        )
        outcome.details = {"latency_ms": stats, "missing": missing}
        outcome.notes.append(
            "Sync call: the call's own commit and fsync at R1 included; R2 verifies the "
            "event's signature, projects and commits it with fsync before it counts; "
            f"{WARM_UP} unmeasured calls first; a board at R2 then paints within the "
            "board_repaint figure."
        )
        node.stop()
    finally:
        if child is not None:
            try:
                child.stdin.close()
                child.wait(timeout=15)
            except (OSError, subprocess.TimeoutExpired):
                child.kill()
        if first is not None:
            first.close()
        remove_dir(root)
    return outcome
