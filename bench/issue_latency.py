"""Issue a ticket (commit, without printing).

``Journal.issue`` in this process on a real desk file: write-ahead log,
``synchronous=FULL``, so every issue waits for its fsync, as at a reception. The file is
on the repository's disk (``bench/.cache/work``), not ``/tmp``, which may be a RAM disk.
Tickets go to the walk-in services in a fixed pseudo-random mix. What is timed is the
call to ``issue`` and nothing else: no printing, no window.

For scale, the same folder's bare fsync (4 KiB written, then ``os.fsync``) is timed too:
that is the floor under any durable commit on this disk.
"""

from __future__ import annotations

import os
import random
import time

from bench.measure import (
    ISSUE,
    Outcome,
    Row,
    fmt_ms,
    language_mix,
    ms,
    new_desk,
    profile,
    progress,
    remove_dir,
    scratch_dir,
    summary,
    walk_in_services,
)

NAME = "issue_latency"


def fsync_floor(folder, runs: int = 50) -> dict[str, float]:
    """Milliseconds for writing 4 KiB to a file and fsyncing it, ``runs`` times."""
    path = folder / "fsync-probe"
    times = []
    with open(path, "wb") as probe:
        for _ in range(runs):
            started = time.perf_counter()
            probe.write(os.urandom(4096))
            probe.flush()
            os.fsync(probe.fileno())
            times.append(ms(time.perf_counter() - started))
    path.unlink()
    return summary(times)


def pragmas(journal) -> dict[str, object]:
    with journal.engine.connect() as connection:
        mode = connection.exec_driver_sql("PRAGMA journal_mode").scalar_one()
        sync = connection.exec_driver_sql("PRAGMA synchronous").scalar_one()
    return {
        "journal_mode": mode,
        "synchronous": {0: "OFF", 1: "NORMAL", 2: "FULL", 3: "EXTRA"}[sync],
    }


def run(quick: bool = False) -> Outcome:
    count = 100 if quick else 500
    outcome = Outcome(NAME)
    root = scratch_dir("issue")
    try:
        journal = new_desk(root / "desk")
        try:
            languages = language_mix()
            services = walk_in_services(journal.profile, tickets=600)
            chooser = random.Random(20240601)
            for _ in range(10):  # warm up: first statements, caches, the day's document
                journal.issue(chooser.choice(services))
            progress(f"issue: {count} issues, each committed with fsync")
            times = []
            for _ in range(count):
                service = chooser.choice(services)
                language = chooser.choice(languages)
                started = time.perf_counter()
                journal.issue(service, language=language)
                times.append(ms(time.perf_counter() - started))
            settings = pragmas(journal)
            floor = fsync_floor(root)
            stats = summary(times)
            profiled = None
            if stats["p95"] > ISSUE.limit:
                progress("issue: over budget, profiling 50 more issues")
                profiled = profile(lambda: journal.issue(chooser.choice(services)), 50)
        finally:
            journal.close()
    finally:
        remove_dir(root)

    outcome.rows.append(
        Row(
            "issue a ticket (commit with fsync, no printing)",
            f"p50 {fmt_ms(stats['p50'])}, p95 {fmt_ms(stats['p95'])}, "
            f"max {fmt_ms(stats['max'])} (n={count})",
            ISSUE,
            stats["p95"],
        )
    )
    outcome.rows.append(
        Row(
            "· floor: write 4 KiB + fsync on the same disk",
            f"p50 {fmt_ms(floor['p50'])}, p95 {fmt_ms(floor['p95'])}",
        )
    )
    outcome.notes.append(
        f"Issue: journal_mode={settings['journal_mode']}, synchronous={settings['synchronous']}, "
        f"{count} issues over {len(services)} walk-in services on one day, after 10 unmeasured."
    )
    outcome.details = {
        "issues": count,
        "issue_ms": stats,
        "fsync_4k_ms": floor,
        "pragmas": settings,
    }
    if profiled:
        outcome.details["profile"] = profiled
    return outcome
