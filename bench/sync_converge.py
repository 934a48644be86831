"""Two reception desks back together after an hour apart: how long until both hold the
whole day.

Desks R1 and R2 of a centre (R1 made with ``centre init``, R2 enrolled by it) are linked
(each opens a counter, and the link's exchange gives each the other's), then apart: each
issues 500 tickets (250 with ``--quick``) and, as a morning goes, calls, starts and
finishes every third arrival's predecessor, all committed with fsync and nothing sent.
Then they link again, each desk in its own process as in ``sync_call``: R1 in the
measuring process accepts links on loopback, R2 in a child process
(``children/converge_peer.py``) links to it over TLS 1.3.

The time runs from just before R2 is told to link (its process already started, its
desk open and its documents loaded, as on a desk that has run all morning) to the moment
both desks hold all 1,000 tickets: R2 says so over its stdout, R1's own journal listener
notes it; both are stamped on the system-wide monotonic clock, after the commit. The
morning is made once and copied for each repeat, so every repeat starts from fresh desks
holding the same day.
"""

from __future__ import annotations

import contextlib
import queue
import random
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

from bench.measure import (
    SYNC_CONVERGE,
    Outcome,
    Row,
    child_script,
    desk_clock_offset_ms,
    fmt_bytes,
    fmt_ms,
    language_mix,
    offscreen_env,
    percentile,
    profile_stats,
    progress,
    remove_dir,
    scratch_dir,
)

NAME = "sync_converge"
#: Seconds allowed for each stage before the run is called failed.
READY_SECONDS = 60.0
CONVERGE_SECONDS = 60.0
#: How long the link is watched once both desks hold all (less than STATUS_SECONDS).
AFTER_SECONDS = 1.5


def _clock(offset: int):
    from cnaim_desk.domain.clock import wall_clock_ms

    return lambda: wall_clock_ms() + offset


def _open(root: Path, offset: int, purpose: str = "bench sync converge"):
    from cnaim_desk.journal.journal import Journal
    from cnaim_desk.resources import resources_dir

    return Journal.open(root, resources=resources_dir(), purpose=purpose, now_ms=_clock(offset))


def ticket_count(journal) -> int:
    """Today's tickets the desk holds (its projection, as committed)."""
    from sqlalchemy import func
    from sqlmodel import Session, select

    from cnaim_desk.journal.tables import TicketRow

    today = journal.today().isoformat()
    with Session(journal.read_engine) as session:
        query = select(func.count()).select_from(TicketRow).where(TicketRow.day == today)
        return session.exec(query).one()


def ticket_digest(journal) -> tuple[int, str, dict[str, int]]:
    """Today's tickets, how many, a digest of every ticket's id, status, who called it,
    its conflicts and its last reading (equal on two desks only if they agree on every
    ticket), and the count of each status."""
    import hashlib

    from sqlmodel import Session, select

    from cnaim_desk.journal.tables import TicketRow

    today = journal.today().isoformat()
    with Session(journal.read_engine) as session:
        rows = session.exec(
            select(
                TicketRow.id,
                TicketRow.status,
                TicketRow.called_by,
                TicketRow.conflicts,
                TicketRow.updated,
            )
            .where(TicketRow.day == today)
            .order_by(TicketRow.id)
        ).all()
    digest = hashlib.sha256()
    statuses: dict[str, int] = {}
    for row in rows:
        digest.update("|".join(str(value) for value in row).encode() + b"\n")
        statuses[row[1]] = statuses.get(row[1], 0) + 1
    return len(rows), digest.hexdigest(), statuses


def service_plan(profile, tickets: int, desks: int, seed: int) -> list[str]:
    """The services of one desk's ``tickets`` walk-in tickets, shuffled: each service with
    a daily quota gets its share of the quota across ``desks`` (so the centre stays within
    it once the desks' days are merged), and the rest go to the services without one."""
    plan: list[str] = []
    unlimited = []
    for service in profile.services:
        if service.appointment_only:
            continue
        if service.daily_quota is None:
            unlimited.append(service.code)
        else:
            plan.extend([service.code] * (service.daily_quota // desks))
    plan = plan[:tickets]
    plan.extend(unlimited[i % len(unlimited)] for i in range(tickets - len(plan)))
    random.Random(seed).shuffle(plan)
    return plan


def morning(journal, counter: str, tickets: int, seed: int) -> dict[str, int]:
    """A desk's hour alone: ``tickets`` walk-ins issued, and after every third one the
    person at ``counter`` is served (started, finished) and the next one called."""
    from cnaim_desk.domain.admission import AdmissionRefused

    plan = service_plan(journal.profile, tickets, 2, seed)
    languages = language_mix()
    at_counter = None
    served = refused = 0
    for i, service in enumerate(plan):
        try:
            journal.issue(service, language=languages[i % len(languages)])
        except AdmissionRefused:  # not expected: each desk keeps to half of each quota
            refused += 1
            journal.issue("GAT", language=languages[i % len(languages)])
        if i % 3 == 2:
            if at_counter is not None:
                journal.start(at_counter, counter)
                journal.finish(at_counter, counter)
                served += 1
            called = journal.call_next(counter)
            at_counter = called.id if called is not None else None
    return {"served": served, "refused": refused}


def make_morning(folder: Path, offset: int, tickets: int) -> dict[str, object]:
    """R1 and R2 after their hour apart, in ``folder`` (closed, ready to copy)."""
    from sqlalchemy import func
    from sqlmodel import Session, select

    from cnaim_desk.journal.desk import DeskConfig
    from cnaim_desk.journal.tables import EventRow
    from cnaim_desk.resources import resources_dir
    from cnaim_desk.sync.enrolment import enroll, init_centre, join

    config = DeskConfig("lisboa", "R1", "reception", 1)
    first = init_centre(folder / "R1", config, resources=resources_dir())
    try:
        join(folder / "R2", enroll(first, "R2", "reception"), resources=resources_dir()).close()
    finally:
        first.close()
    r1, r2 = _open(folder / "R1", offset), _open(folder / "R2", offset)
    try:
        # Linked: each opens its counter, and the link's exchange gives each the other's.
        r1.set_counter("C1", "open", [])
        r2.set_counter("C2", "open", [])
        for doc in r1.shared_documents():
            r2.ingest(doc, r1.updates_for(doc, r2.state_of(doc)), origin="link:R1")
            r1.ingest(doc, r2.updates_for(doc, r1.state_of(doc)), origin="link:R2")
        # Apart for an hour.
        started = time.perf_counter()
        days = {
            "R1": morning(r1, "C1", tickets, seed=1),
            "R2": morning(r2, "C2", tickets, seed=2),
        }
        seconds = time.perf_counter() - started
        doc = r1.today_doc()
        facts: dict[str, object] = {"made_in_s": round(seconds, 1)}
        for name, journal, other in (("R1", r1, r2), ("R2", r2, r1)):
            with Session(journal.read_engine) as session:
                events = session.exec(
                    select(func.count()).select_from(EventRow).where(EventRow.doc == doc)
                ).one()
            facts[name] = {
                **days[name],
                "tickets": ticket_count(journal),
                "events": events,
                "update_for_other_bytes": len(journal.updates_for(doc, other.state_of(doc))),
            }
        return facts
    finally:
        r1.close()
        r2.close()


@contextlib.contextmanager
def counting_frames():
    """Count the framed bytes the links of this process send and receive (the sync
    protocol's own bytes; TLS adds its record headers and tags, about 2 %). The transport
    is wrapped, not changed, and put back afterwards."""
    from cnaim_desk.sync import transport

    counts = {"sent": 0, "received": 0}
    frame, read_frame = transport.frame, transport.read_frame

    def counted_frame(kind: int, body: bytes) -> bytes:
        data = frame(kind, body)
        counts["sent"] += len(data)
        return data

    async def counted_read_frame(reader):
        kind, body = await read_frame(reader)
        counts["received"] += transport.HEADER.size + len(body)
        return kind, body

    transport.frame, transport.read_frame = counted_frame, counted_read_frame
    try:
        yield counts
    finally:
        transport.frame, transport.read_frame = frame, read_frame


class Child:
    """The child process holding R2: its lines, read on a thread as they come."""

    def __init__(self, args: list[str]):
        self.process = subprocess.Popen(
            args,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=offscreen_env(),
        )
        self.lines: queue.Queue[list[str]] = queue.Queue()
        self.errors: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._read_errors, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put(line.split())
        self.lines.put(["EXIT"])

    def _read_errors(self) -> None:
        for line in self.process.stderr:
            self.errors.append(line.rstrip())
            del self.errors[:-40]

    def expect(self, word: str, seconds: float, seen: list[list[str]] | None = None) -> list[str]:
        """The next line starting with ``word``; other lines go to ``seen``."""
        deadline = time.monotonic() + seconds
        while True:
            try:
                parts = self.lines.get(timeout=max(deadline - time.monotonic(), 0.001))
            except queue.Empty:
                raise RuntimeError(
                    f"R2's process did not say {word} within {seconds:.0f} s" + self._stderr_tail()
                ) from None
            if parts[:1] == [word]:
                return parts
            if parts[:1] == ["EXIT"]:
                self.process.wait(5)
                raise RuntimeError(
                    f"R2's process ended (exit {self.process.returncode}) before saying "
                    f"{word}" + self._stderr_tail()
                )
            if seen is not None:
                seen.append(parts)

    def collect_until(self, done, seen: list[list[str]], seconds: float = 5.0) -> None:
        """Put the lines that come into ``seen`` until ``done()``, for at most ``seconds``."""
        deadline = time.monotonic() + seconds
        while not done() and time.monotonic() < deadline:
            with contextlib.suppress(queue.Empty):
                seen.append(self.lines.get(timeout=0.05))

    def _stderr_tail(self) -> str:
        return ("; its stderr ends:\n" + "\n".join(self.errors[-15:])) if self.errors else ""

    def send(self, line: str) -> None:
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.process.stdin.close()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(5)


def trial(
    folder: Path, morning_dir: Path, offset: int, expected: int, *, profiled: bool = False
) -> dict[str, object]:
    """One reunion on fresh copies of the morning's desks; the times in ms from the start
    of the link."""
    from cnaim_desk.sync.background import BackgroundSync
    from cnaim_desk.sync.pki import PkiFiles

    for desk in ("R1", "R2"):
        shutil.copytree(morning_dir / desk, folder / desk)
    r1 = _open(folder / "R1", offset)
    child = node = None
    profiler = None
    try:
        for doc in r1.shared_documents():
            r1.state_of(doc)  # loaded now, as on a desk that has run all morning
        held: dict[str, int] = {}
        have = threading.Event()

        def on_change(change) -> None:
            if change.tickets and not have.is_set() and ticket_count(r1) >= expected:
                held["have"] = time.monotonic_ns()
                have.set()

        r1.subscribe(on_change)
        ingests: list[tuple[str, int, int, int]] = []
        ingest = r1.ingest

        def timed_ingest(doc_name, update, **options):
            started = time.monotonic_ns()
            if profiler is not None:
                profiler.enable()
            try:
                return ingest(doc_name, update, **options)
            finally:
                if profiler is not None:
                    profiler.disable()
                ingests.append((doc_name, started, time.monotonic_ns(), len(update)))

        r1.ingest = timed_ingest  # what the link calls: timed, nothing else changed
        if profiled:
            import cProfile

            profiler = cProfile.Profile()
        with counting_frames() as wire:
            node = BackgroundSync(r1, PkiFiles(r1.data_dir.root), listen=("127.0.0.1", 0))
            node.start()
            if node.listening is None:
                raise RuntimeError(f"R1 could not listen: {node.error}")
            child = Child(
                [
                    sys.executable,
                    child_script("converge_peer.py"),
                    str(folder / "R2"),
                    str(offset),
                    str(expected),
                ]
            )
            child.expect("READY", READY_SECONDS)
            seen: list[list[str]] = []
            start = time.monotonic_ns()
            child.send(f"GO {node.listening}")
            linked = int(child.expect("LINKED", CONVERGE_SECONDS, seen)[1])
            theirs = child.expect("HAVE", CONVERGE_SECONDS, seen)
            if not have.wait(max(CONVERGE_SECONDS - (time.monotonic_ns() - start) / 1e9, 0.1)):
                raise RuntimeError(
                    f"R1 holds {ticket_count(r1)} of {expected} tickets "
                    f"{CONVERGE_SECONDS:.0f} s after the link started"
                )
            bytes_on_link = dict(wire)
            # What still crosses the link once both hold all, before the first STATUS tick
            # (3 s): R2 reports its ingest once it returns, after its listeners; and a
            # second answer to a STATE may follow.
            settled = max(held["have"], int(theirs[1])) + int(AFTER_SECONDS * 1e9)
            child.collect_until(lambda: time.monotonic_ns() >= settled, seen, AFTER_SECONDS)
            bytes_after = {key: wire[key] - bytes_on_link[key] for key in wire}
        node.stop()
        node = None
        child.stop()
        r1_state = ticket_digest(r1)
    finally:
        if node is not None:
            node.stop()
        if child is not None:
            child.stop()
        r1.close()
    r2 = _open_read_only(folder / "R2", offset)
    try:
        r2_state = ticket_digest(r2)
    finally:
        r2.close()

    def ms_since_start(ns: int) -> float:
        return (ns - start) / 1e6

    day_doc_r1 = [entry for entry in ingests if entry[0].startswith("q/")]
    day_doc_r2 = [parts for parts in seen if parts[:1] == ["INGEST"] and parts[1].startswith("q/")]
    result: dict[str, object] = {
        "converged_ms": round(ms_since_start(max(held["have"], int(theirs[1]))), 2),
        "linked_ms": round(ms_since_start(linked), 2),
        "r1_has_all_ms": round(ms_since_start(held["have"]), 2),
        "r2_has_all_ms": round(ms_since_start(int(theirs[1])), 2),
        "r1_ingest_ms": [
            [round(ms_since_start(s), 2), round((e - s) / 1e6, 2), size]
            for _doc, s, e, size in day_doc_r1
        ],
        "r2_ingest_ms": [
            [
                round(ms_since_start(int(parts[2])), 2),
                round((int(parts[3]) - int(parts[2])) / 1e6, 2),
                int(parts[4]),
            ]
            for parts in day_doc_r2
        ],
        "bytes": bytes_on_link,
        "bytes_in_the_next_s": bytes_after,
        "r1": {"tickets": r1_state[0], "statuses": r1_state[2]},
        "r2": {"tickets": r2_state[0], "statuses": r2_state[2]},
        "same_state": r1_state[1] == r2_state[1],
    }
    if profiler is not None:
        result["r1_ingest_profile"] = profile_stats(profiler, 1, top=16)
    return result


def _open_read_only(root: Path, offset: int):
    from cnaim_desk.journal.journal import Journal
    from cnaim_desk.resources import resources_dir

    return Journal.open_read_only(root, resources=resources_dir(), now_ms=_clock(offset))


def run(quick: bool = False) -> Outcome:
    tickets = 250 if quick else 500
    repeats = 2 if quick else 5
    expected = 2 * tickets
    outcome = Outcome(NAME)
    root = scratch_dir("converge")
    try:
        offset = desk_clock_offset_ms()
        progress(f"sync converge: R1 and R2 apart, {tickets} tickets each (made once)")
        facts = make_morning(root / "morning", offset, tickets)
        trials = []
        for index in range(repeats):
            trials.append(trial(root / f"run{index}", root / "morning", offset, expected))
            progress(
                f"sync converge: reunion {index + 1}/{repeats}: both hold all {expected} "
                f"tickets after {fmt_ms(trials[-1]['converged_ms'])}"
            )
            remove_dir(root / f"run{index}")
        times = [t["converged_ms"] / 1000 for t in trials]
        median, worst = percentile(times, 50), max(times)
        diverged = [i for i, t in enumerate(trials) if not t["same_state"]]
        short = [
            i
            for i, t in enumerate(trials)
            if t["r1"]["tickets"] != expected or t["r2"]["tickets"] != expected
        ]
        wire = [t["bytes"]["sent"] + t["bytes"]["received"] for t in trials]
        after = [sum(t["bytes_in_the_next_s"].values()) for t in trials]
        outcome.rows.append(
            Row(
                f"two reception desks apart for an hour ({tickets} tickets each) → both hold "
                f"all {expected} (TLS, loopback, two processes)",
                f"median {median:.3f} s, worst {worst:.3f} s (n={repeats})"
                + (f"; states differ in {len(diverged)} runs" if diverged else "")
                + (f"; tickets missing in {len(short)} runs" if short else ""),
                SYNC_CONVERGE,
                worst if not diverged and not short else float("inf"),
            )
        )

        def med(key: str) -> float:
            return percentile([t[key] for t in trials], 50)

        r1_ingest = [max(d for _s, d, _b in t["r1_ingest_ms"]) for t in trials]
        r2_ingest = [max(d for _s, d, _b in t["r2_ingest_ms"]) for t in trials]
        outcome.rows.append(
            Row(
                "· where the time goes (median): the link, then each desk applying the "
                "other's hour (one update each, applied at once on both sides)",
                f"link up at {fmt_ms(med('linked_ms'))}; R2 holds all at "
                f"{fmt_ms(med('r2_has_all_ms'))} (applying R1's update: "
                f"{fmt_ms(percentile(r2_ingest, 50))}); R1 holds all at "
                f"{fmt_ms(med('r1_has_all_ms'))} (applying R2's: "
                f"{fmt_ms(percentile(r1_ingest, 50))})",
            )
        )
        outcome.rows.append(
            Row(
                "· bytes exchanged on the link until both hold all",
                f"{fmt_bytes(int(percentile(wire, 50)))} (R1 sent "
                f"{fmt_bytes(trials[0]['bytes']['sent'])}, received "
                f"{fmt_bytes(trials[0]['bytes']['received'])}); "
                f"{facts['R1']['events']} + {facts['R2']['events']} events in the day; "
                f"then {fmt_bytes(int(percentile(after, 50)))} more in the next "
                f"{AFTER_SECONDS:g} s (median)",
            )
        )
        outcome.details = {
            "tickets_per_desk": tickets,
            "morning": facts,
            "converged_s": {
                "median": round(median, 4),
                "worst": round(worst, 4),
                "all": [round(t, 4) for t in times],
            },
            "trials": trials,
        }
        if worst > SYNC_CONVERGE.limit:
            progress("sync converge: over budget, one more reunion with R1's ingest profiled")
            profiled = trial(root / "profiled", root / "morning", offset, expected, profiled=True)
            outcome.details["profiled_trial"] = profiled
            found = profiled["r1_ingest_profile"]
            ours = [
                f"{where.split('/')[-1]} {cost:.0f} ms"
                for where, cost in found["cumulative_ms"]
                if where.startswith("cnaim_desk/")
            ][:5]
            outcome.notes.append(
                "Sync converge over budget: R1 applying R2's hour under cProfile (which "
                f"about doubles it): {', '.join(ours)}; SQLite's own calls "
                f"{found['sqlite3_ms']:.0f} ms, the rest Python (the ORM, the fold)."
            )
        outcome.notes.append(
            f"Sync converge: each desk issued {tickets} walk-ins alone (each service's quota "
            "shared between the two, the rest to services without one) and served every "
            "third arrival's predecessor, every step committed with fsync; the day is made "
            f"once and copied for each of the {repeats} reunions. Timed from just before R2, "
            "its desk open, is told to link, to the later of the two desks' listeners "
            "seeing all tickets committed; the verdict is on the worst. Both desks' states "
            "compared afterwards ticket by ticket (status, caller, conflicts, last reading)."
        )
    finally:
        remove_dir(root)
    return outcome
