"""A centre of 30 desks, each in its own process, linked in full mesh over TLS on
loopback, through a compressed day: what each desk spends (CPU, memory), and whether they
all end holding the same day.

The centre (``centre init`` at R1, the others enrolled by it): 3 reception desks and 27
counters (8 desks, 2 of them reception desks, with ``--quick``). Each desk runs
``children/mesh_desk.py``: it accepts links on its own loopback port and links to every
desk with a higher id (``run_node`` with the peers given and discovery off), so every pair
of desks has one link. Once all are linked, the day starts at the same moment everywhere:
the reception desks issue 5,000 tickets (400 with ``--quick``) at a steady pace over 20 min
(20 s), each service's quota shared between them and the rest to the services without
one; each counter opens, calls the next person in its own view of the queue, serves them
(1-3 s; 0.2-0.4 s quick) and finishes, as long as anyone waits. Two counters may call the
same person before either hears of the other's call: the journal keeps the later call as a
conflict, and the counter whose step is refused moves on.

Each desk reports its CPU time (user + system, ``getrusage`` in the child, start-up
included and also apart) and its peak resident memory (``VmHWM``), and says whenever what
it holds changes: how many tickets, how many still open, and a digest of every ticket's
id, status, caller, conflicts and last reading. The run passes when every desk holds all
the tickets, none open, with the same digest. The 30 processes share this machine's
cores, where a real centre's desks each have their own: the CPU seconds are what one desk
PC would spend; the wall-clock times include waiting for the shared cores.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.measure import (
    SYNC_MESH,
    Outcome,
    Row,
    child_script,
    desk_clock_offset_ms,
    fmt_bytes,
    language_mix,
    offscreen_env,
    percentile,
    progress,
    remove_dir,
    scratch_dir,
)
from bench.sync_converge import service_plan

NAME = "sync_mesh"
START_SECONDS = 180.0  # every desk open (30 interpreters starting on the shared cores)
LINK_SECONDS = 150.0  # every desk linked with every other
REPORT_SECONDS = 60.0
DAY_SECONDS = 1200.0
SERVE_SECONDS, QUICK_SERVE_SECONDS = (1.0, 3.0), (0.2, 0.4)
TICKETS, QUICK_TICKETS = 5000, 400
#: The doors close this long after the day's last planned arrival: a reception desk
#: behind its schedule issues no more after that.
CLOSING_GRACE_SECONDS = 15.0
#: Desks whose process runs under cProfile (``<folder>/<desk>.<thread>.pstats``, one file
#: for each of its threads: the sync loop, the ingests, the desk's own work), and where;
#: empty for the benchmark itself (profiling slows the desk and inflates its figures).
PROFILE_DESKS: tuple[str, ...] = ()
PROFILE_DIR: Path | None = None


def centre_desks(receptions: int, counters: int) -> list[tuple[str, str]]:
    return [(f"R{i + 1}", "reception") for i in range(receptions)] + [
        (f"C{i + 1:02d}", "counter") for i in range(counters)
    ]


def make_centre(folder: Path, desks: list[tuple[str, str]]) -> None:
    """R1 with the centre's authority, every other desk enrolled by it and joined, and
    every desk given the final registry (as the first sync would)."""
    from cnaim_desk.journal.desk import DeskConfig
    from cnaim_desk.journal.document import centre_doc_name
    from cnaim_desk.resources import resources_dir
    from cnaim_desk.sync.enrolment import enroll, init_centre, join

    first_id, first_role = desks[0]
    first = init_centre(
        folder / first_id, DeskConfig("lisboa", first_id, first_role, 1), resources=resources_dir()
    )
    joined = []
    try:
        for desk, role in desks[1:]:
            joined.append(join(folder / desk, enroll(first, desk, role), resources=resources_dir()))
        centre = centre_doc_name("lisboa")
        registry = first.updates_for(centre)
        for journal in joined:
            journal.ingest(centre, registry, origin="enrolment")
    finally:
        for journal in joined:
            journal.close()
        first.close()


def free_ports(count: int) -> list[int]:
    """Ports free on loopback now (the kernel's choice; taken again by the desks at once)."""
    sockets = []
    try:
        for _ in range(count):
            held = socket.socket()
            held.bind(("127.0.0.1", 0))
            sockets.append(held)
        return [held.getsockname()[1] for held in sockets]
    finally:
        for held in sockets:
            held.close()


class Mesh:
    """The desks' processes, and what they say, read on threads as it comes."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.processes: list[subprocess.Popen] = []
        self.errors: list[list[str]] = []
        self.lines: queue.Queue[tuple[int, list[str]]] = queue.Queue()

    def spawn(self, name: str, args: list[str]) -> None:
        index = len(self.processes)
        process = subprocess.Popen(
            args,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=offscreen_env(),
        )
        self.names.append(name)
        self.processes.append(process)
        self.errors.append([])
        threading.Thread(target=self._read, args=(index,), daemon=True).start()
        threading.Thread(target=self._read_errors, args=(index,), daemon=True).start()

    def _read(self, index: int) -> None:
        for line in self.processes[index].stdout:
            report = line.startswith("REPORT ")
            self.lines.put((index, line.split(maxsplit=1) if report else line.split()))
        self.lines.put((index, ["EXIT"]))

    def _read_errors(self, index: int) -> None:
        tail = self.errors[index]
        for line in self.processes[index].stderr:
            tail.append(line.rstrip())
            del tail[:-30]

    def tell(self, line: str, indexes=None) -> None:
        for index in indexes if indexes is not None else range(len(self.processes)):
            with contextlib.suppress(OSError):
                self.processes[index].stdin.write(line + "\n")
                self.processes[index].stdin.flush()

    def failure(self, index: int, what: str) -> RuntimeError:
        tail = "\n".join(self.errors[index][-12:])
        return RuntimeError(
            f"desk {self.names[index]}: {what}" + (f"; its stderr ends:\n{tail}" if tail else "")
        )

    def next_line(self, seconds: float) -> tuple[int, list[str]] | None:
        try:
            index, parts = self.lines.get(timeout=max(seconds, 0.001))
        except queue.Empty:
            return None
        if parts[:1] == ["FAILED"]:
            raise self.failure(index, " ".join(parts[1:]))
        if parts[:1] == ["EXIT"]:
            process = self.processes[index]
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(5)
            raise self.failure(index, f"its process ended (exit {process.returncode})")
        return index, parts

    def wait_all(self, word: str, seconds: float, on_other=None) -> dict[int, list[str]]:
        """Until every desk has said ``word``: what each said; other lines to ``on_other``."""
        said: dict[int, list[str]] = {}
        deadline = time.monotonic() + seconds
        while len(said) < len(self.processes):
            got = self.next_line(deadline - time.monotonic())
            if got is None:
                missing = [i for i in range(len(self.processes)) if i not in said]
                names = ", ".join(self.names[i] for i in missing[:10])
                raise self.failure(
                    missing[0],
                    f"{len(missing)} desks ({names}) did not say {word} within {seconds:g} s",
                )
            index, parts = got
            if parts[:1] == [word]:
                said[index] = parts
            elif on_other is not None:
                on_other(index, parts)
        return said

    def stop(self) -> None:
        for process in self.processes:
            with contextlib.suppress(OSError):
                process.stdin.close()
        deadline = time.monotonic() + 30
        for process in self.processes:
            try:
                process.wait(timeout=max(deadline - time.monotonic(), 0.1))
            except subprocess.TimeoutExpired:
                process.kill()
        for process in self.processes:
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(5)


@dataclass(slots=True)
class Day:
    """What the desks said while the day ran."""

    desks: list[tuple[str, str]]
    tickets: int
    start_ns: int
    states: dict[int, tuple[int, int, int, str]] = field(default_factory=dict)
    worked: dict[int, tuple[int, int]] = field(default_factory=dict)
    issued: int | None = None
    converged_ns: int | None = None

    @property
    def receptions(self) -> list[int]:
        return [i for i, (_desk, role) in enumerate(self.desks) if role == "reception"]

    def heard(self, index: int, parts: list[str]) -> bool:
        """Note a line; True when it is the first moment every desk holds the same day
        (every ticket issued held, none open, one digest)."""
        if parts[:1] == ["STATE"]:
            self.states[index] = (int(parts[1]), int(parts[2]), int(parts[3]), parts[4])
        elif parts[:1] == ["WORKED"]:
            self.worked[index] = (int(parts[1]), int(parts[2]))
            if len(self.worked) == len(self.receptions):
                self.issued = sum(count for _ns, count in self.worked.values())
        else:
            return False
        if self.issued is None or len(self.states) < len(self.desks):
            return False
        digests = {digest for _ns, _held, _open, digest in self.states.values()}
        if (
            len(digests) == 1
            and "-" not in digests
            and all(
                held == self.issued and not still_open
                for _ns, held, still_open, _digest in self.states.values()
            )
        ):
            self.converged_ns = max(ns for ns, *_ in self.states.values())
            return True
        return False

    def seconds(self, ns: int) -> float:
        return (ns - self.start_ns) / 1e9


def run(quick: bool = False) -> Outcome:
    receptions, counters = (2, 6) if quick else (3, 27)
    tickets = QUICK_TICKETS if quick else TICKETS
    # The full day is paced so that 30 desks sharing 2 cores keep up (each real desk has a
    # PC of its own), and its counters take a few seconds per person, so that they come
    # free at different moments as in a real centre rather than all at each arrival.
    day_seconds = 20.0 if quick else DAY_SECONDS
    closing_seconds = day_seconds + CLOSING_GRACE_SECONDS
    settle_seconds = 45.0 if quick else 900.0
    desks = centre_desks(receptions, counters)
    outcome = Outcome(NAME)
    root = scratch_dir("mesh")
    mesh = Mesh()
    try:
        progress(f"sync mesh: a centre of {len(desks)} desks enrolled")
        started = time.perf_counter()
        make_centre(root, desks)
        enrolled_s = time.perf_counter() - started
        offset = desk_clock_offset_ms()
        ports = free_ports(len(desks))
        per_reception = [
            tickets // receptions + (1 if i < tickets % receptions else 0)
            for i in range(receptions)
        ]
        from cnaim_desk.resources import resources_dir

        profile = _profile(resources_dir())
        for index, (desk, role) in enumerate(desks):
            plan: dict[str, object] = {
                "offset": offset,
                "port": ports[index],
                "peers": [
                    f"127.0.0.1:{ports[other]}"
                    for other, (name, _role) in enumerate(desks)
                    if name > desk
                ],
                "links": len(desks) - 1,
                "expected": tickets,
                "seed": index,
            }
            if desk in PROFILE_DESKS and PROFILE_DIR is not None:
                plan["profile"] = str(PROFILE_DIR / desk)
            if role == "reception":
                count = per_reception[index]
                plan.update(
                    tickets=count,
                    interval=day_seconds / count,
                    closing=closing_seconds,
                    services=service_plan(profile, count, receptions, seed=index),
                    fallback="GAT",
                    languages=language_mix(),
                )
            else:
                plan.update(serve=list(QUICK_SERVE_SECONDS if quick else SERVE_SECONDS))
            mesh.spawn(
                desk,
                [sys.executable, child_script("mesh_desk.py"), str(root / desk), json.dumps(plan)],
            )
        progress(f"sync mesh: {len(desks)} desk processes starting")
        mesh.wait_all("OPEN", START_SECONDS)
        link_started = time.monotonic()
        mesh.tell("LINK")
        mesh.wait_all("LINKED", LINK_SECONDS)
        links_s = time.monotonic() - link_started
        progress(
            f"sync mesh: all {len(desks) * (len(desks) - 1) // 2} links up in {links_s:.1f} s; "
            f"a day of {tickets} tickets over {day_seconds:.0f} s"
        )
        day = Day(desks, tickets, time.monotonic_ns() + 500_000_000)
        mesh.tell(f"GO {day.start_ns}")
        deadline = time.monotonic() + 0.5 + closing_seconds + settle_seconds
        last_progress = time.monotonic()
        while time.monotonic() < deadline:
            got = mesh.next_line(min(1.0, deadline - time.monotonic()))
            if got is not None:
                told = day.issued
                if day.heard(*got):
                    break
                if told is None and day.issued is not None:
                    mesh.tell(f"EXPECT {day.issued}")
            if time.monotonic() - last_progress >= 15:
                last_progress = time.monotonic()
                held = [s[1] for s in day.states.values()] or [0]
                waiting = [s[2] for s in day.states.values()] or [0]
                progress(
                    f"sync mesh: {day.seconds(time.monotonic_ns()):.0f} s into the day: "
                    f"desks hold {min(held)}-{max(held)} tickets, {max(waiting)} open at most"
                )
        ended_ns = time.monotonic_ns()
        if day.converged_ns is None:
            progress("sync mesh: the desks did not converge in time; collecting their reports")
        else:
            progress(
                f"sync mesh: all {len(desks)} desks hold the same {day.issued} tickets "
                f"{day.seconds(day.converged_ns):.1f} s into the day"
            )
        mesh.tell("REPORT")
        said = mesh.wait_all("REPORT", REPORT_SECONDS)
        reports = [json.loads(said[i][1]) for i in range(len(desks))]
        outcome.rows.extend(_rows(reports, day, day_seconds, closing_seconds, ended_ns))
        outcome.details = {
            "desks": len(desks),
            "receptions": receptions,
            "counters": counters,
            "tickets_planned": tickets,
            "tickets_issued": day.issued,
            "day_s": day_seconds,
            "doors_close_s": closing_seconds,
            "settle_s": settle_seconds,
            "enrolment_s": round(enrolled_s, 1),
            "links_up_s": round(links_s, 2),
            "issuing_done_s": {
                desks[i][0]: round(day.seconds(ns), 2) for i, (ns, _n) in day.worked.items()
            },
            "converged_s": round(day.seconds(day.converged_ns), 2) if day.converged_ns else None,
            "reports": reports,
        }
        low, high = QUICK_SERVE_SECONDS if quick else SERVE_SECONDS
        outcome.notes.append(
            f"Sync mesh: {len(desks)} desks ({receptions} reception, {counters} counters), "
            "each its own process on this machine's shared cores, every pair linked once over "
            f"TLS on loopback; {tickets} arrivals at a steady pace over {day_seconds:.0f} s "
            f"(doors closed at {closing_seconds:.0f} s: arrivals not issued by then never "
            f"are), served at the counters ({low:g}-{high:g} s each); the run ends when every desk "
            f"holds the same day, or {settle_seconds:.0f} s after the doors closed. CPU = user "
            "+ system of the desk's process (start-up, imports and links included; 'the "
            "day' without them). Memory = VmHWM, MB = 10⁶ bytes. Frames and bytes are the "
            "sync protocol's, before TLS."
        )
    finally:
        mesh.stop()
        remove_dir(root)
    return outcome


def _profile(resources: Path):
    from cnaim_desk.journal.desk import load_centre_profile

    return load_centre_profile("lisboa", resources)


def _rows(reports, day: Day, day_seconds, closing_seconds, ended_ns) -> list[Row]:
    desks, planned = day.desks, day.tickets
    issued = day.issued if day.issued is not None else sum(r["done"]["issued"] for r in reports)
    majority = _majority(reports)
    apart = [
        r["desk"] for r in reports if r["tickets"] != issued or r["open"] or r["digest"] != majority
    ]
    receptions = sum(role == "reception" for _d, role in desks)
    counters = len(desks) - receptions
    what = (
        f"{len(desks)} desks in full mesh ({receptions} reception, {counters} counters, one "
        f"process each, TLS, loopback): a day of {planned:,} arrivals in {day_seconds:.0f} s"
    )
    short = f" (the doors closed at {closing_seconds:.0f} s)" if issued < planned else ""
    if day.converged_ns is not None and not apart:
        last_issue = max(ns for ns, _n in day.worked.values())
        measured = (
            f"all {len(desks)} desks hold all {issued:,} tickets issued{short} in the same "
            f"state, {day.seconds(day.converged_ns):.1f} s after the day started (last ticket "
            f"issued at {day.seconds(last_issue):.1f} s)"
        )
    else:
        held = sorted(r["tickets"] for r in reports)
        events = sorted(r["events"] for r in reports)
        measured = (
            f"not converged: {len(apart)} of {len(desks)} desks differ "
            f"{day.seconds(ended_ns):.0f} s after the start; {issued:,} of {planned:,} tickets "
            f"issued{short}; desks hold {held[0]:,}-{held[-1]:,} of them "
            f"({events[0]:,}-{events[-1]:,} events), "
            f"{max(r['open'] for r in reports)} still open at most, "
            f"{len({r['digest'] for r in reports})} different states"
        )
    rows = [Row(what, measured, SYNC_MESH, float(len(apart)) if day.converged_ns else 1.0)]

    cpu = [r["cpu_user_s"] + r["cpu_sys_s"] for r in reports]
    day_cpu = [c - (r["cpu_at_linked_s"] or 0) for c, r in zip(cpu, reports, strict=True)]
    hwm = [r["memory_kib"]["VmHWM"] * 1024 / 1e6 for r in reports]
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    busy = sum(day_cpu) / (cores * max(day.seconds(ended_ns), 0.001))
    per_event = [
        1000 * c / r["events"] if r["events"] else 0.0
        for c, r in zip(day_cpu, reports, strict=True)
    ]

    def worst(values: list[float]) -> tuple[float, str]:
        top = max(range(len(values)), key=values.__getitem__)
        return values[top], reports[top]["desk"]

    def of_role(values: list[float], role: str) -> list[float]:
        return [v for v, r in zip(values, reports, strict=True) if r["role"] == role]

    value, who = worst(cpu)
    rows.append(
        Row(
            "· CPU per desk (user + system)",
            f"median {percentile(cpu, 50):.1f} s, worst {value:.1f} s ({who}); the day only "
            f"(after the links were up): median {percentile(day_cpu, 50):.1f} s (reception "
            f"desks {percentile(of_role(day_cpu, 'reception'), 50):.1f} s, counters "
            f"{percentile(of_role(day_cpu, 'counter'), 50):.1f} s); all desks together kept "
            f"{busy:.0%} of the {cores} cores busy; "
            f"{percentile(per_event, 50):.1f} ms per event of the day a desk holds (median)",
        )
    )
    value, who = worst(hwm)
    rows.append(
        Row(
            "· peak memory per desk (VmHWM)",
            f"median {percentile(hwm, 50):.0f} MB, worst {value:.0f} MB ({who})",
        )
    )
    updates = [r["ingests"]["day_updates"] for r in reports]
    taught = [r["ingests"]["taught_something"] for r in reports]
    idle = [1 - t / u if u else 0.0 for t, u in zip(taught, updates, strict=True)]
    frames = [r["wire"]["frames_received"] for r in reports]
    sent = [r["wire"]["sent"] for r in reports]
    rows.append(
        Row(
            "· links: what each desk received and sent (median)",
            f"{int(percentile(frames, 50)):,} frames received, of which "
            f"{int(percentile(updates, 50)):,} updates of the day, "
            f"{percentile(idle, 50):.0%} of them teaching the desk nothing it held; "
            f"{fmt_bytes(int(percentile(sent, 50)))} sent",
        )
    )
    conflicts = max(r["tickets_with_conflicts"] for r in reports)
    lost = sum(r["done"]["lost_calls"] for r in reports)
    served = sum(r["done"]["served"] for r in reports)
    refused = sum(r["done"]["refused"] for r in reports)
    quarantined = sum(r["quarantined"] for r in reports)
    rows.append(
        Row(
            "· the day at the counters",
            f"{served:,} services finished by the counters' own count for {issued:,} "
            f"tickets (a person called by several counters, each sure of its call until it "
            f"heard of the others', counts once for each); {conflicts:,} tickets with a "
            f"conflict at the desk that knows of most, {lost:,} steps refused at a counter; "
            f"{refused} issues refused (quota) and given a service without one"
            + (f"; {quarantined} events quarantined" if quarantined else ""),
        )
    )
    return rows


def _majority(reports) -> str:
    counts: dict[str, int] = {}
    for report in reports:
        counts[report["digest"]] = counts.get(report["digest"], 0) + 1
    return max(counts, key=counts.__getitem__)
