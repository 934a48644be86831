"""One desk of ``bench/sync_mesh.py``'s centre, in a process of its own: it links with
every other desk, then works its part of the day (issuing at a reception desk, calling
and serving at a counter) and says what it holds as it goes.

Usage: ``python mesh_desk.py DATA_DIR PLAN_JSON``. The plan says: ``offset`` (the desk
clock's lead on the wall clock, in ms, the same for every desk), ``port`` (where to accept
links), ``peers`` (``HOST:PORT`` of the desks to link to: those with a higher id),
``links`` (how many desks in all to be linked with), ``expected`` (tickets in the day),
and the desk's work. A reception: ``tickets``, ``interval`` (seconds between arrivals),
``closing`` (seconds after the start when the doors close: a ticket not issued by then
never is), ``services`` (of each ticket in turn), ``fallback`` (the service when one is
refused) and ``languages``. A counter: ``serve`` (seconds at the counter, low and high)
and a ``seed``. With ``profile`` (a path prefix), each thread runs under cProfile (CPU
time; wall time with ``profile_wall``).

Lines in (stdin): ``LINK`` (start the node), ``GO <monotonic ns>`` (the day starts then),
``EXPECT <tickets>`` (how many the day ended with, once the doors closed), ``REPORT``; end
of input stops the desk. Lines out (stdout), times on the system-wide monotonic clock:
``OPEN``, ``LINKED <ns>``, ``STATE <ns> <tickets> <open> <digest>`` whenever what the desk
holds changed (looked at twice a second; the digest only once it holds the whole day, none
open), ``WORKED <ns> <issued>`` when a reception is done issuing, and ``REPORT <json>``:
CPU seconds (user, system), peak and current memory (VmHWM, VmRSS), what it did, what it
holds, its links' frames and bytes, the updates it applied and how many taught it
anything. ``FAILED <message>`` if the desk cannot go on. Imports nothing from ``bench``.
"""

import asyncio
import contextlib
import hashlib
import json
import logging
import random
import resource
import sys
import threading
import time
import traceback
from pathlib import Path

from cnaim_desk.domain.admission import AdmissionRefused
from cnaim_desk.domain.clock import wall_clock_ms
from cnaim_desk.domain.tickets import TransitionRefused
from cnaim_desk.journal.journal import Journal, TicketNotFound
from cnaim_desk.resources import resources_dir
from cnaim_desk.sync import transport
from cnaim_desk.sync.node import parse_address, run_node
from cnaim_desk.sync.pki import PkiFiles

FINAL = ("done", "no_show", "cancelled", "closed")
#: A free counter looks at its queue again after this many seconds (low, high).
IDLE_SECONDS = (1.0, 3.0)
#: And takes a moment between two people.
BETWEEN_SECONDS = (0.2, 1.0)
_print_lock = threading.Lock()


def say(line: str) -> None:
    with _print_lock:
        print(line, flush=True)


def cpu_seconds() -> tuple[float, float]:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime, usage.ru_stime


def memory_kib() -> dict[str, int]:
    found = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmHWM", "VmRSS"):
            found[key] = int(value.split()[0])
    return found


def count_frames() -> dict[str, int]:
    """Bytes framed by this desk's links, both ways (the transport wrapped, not changed)."""
    counts = {"sent": 0, "received": 0, "frames_sent": 0, "frames_received": 0}
    names = {transport.STATE: "state", transport.UPDATE: "update"}
    for name in ("status", "feed"):  # newer frames
        names[getattr(transport, name.upper(), -1)] = name
    frame, read_frame = transport.frame, transport.read_frame

    def counted_frame(kind, body):
        data = frame(kind, body)
        counts["sent"] += len(data)
        counts["frames_sent"] += 1
        return data

    async def counted_read_frame(reader):
        kind, body = await read_frame(reader)
        counts["received"] += transport.HEADER.size + len(body)
        counts["frames_received"] += 1
        name = f"received_{names.get(kind, 'other')}"
        counts[name] = counts.get(name, 0) + 1
        return kind, body

    transport.frame, transport.read_frame = counted_frame, counted_read_frame
    return counts


class Desk:
    def __init__(self, data_dir: Path, plan: dict):
        self.data_dir = data_dir
        self.plan = plan
        offset = int(plan["offset"])
        self.journal = Journal.open(
            data_dir,
            resources=resources_dir(),
            purpose="bench mesh desk",
            now_ms=lambda: wall_clock_ms() + offset,
        )
        for doc in self.journal.shared_documents():
            self.journal.state_of(doc)
        self.today = self.journal.today().isoformat()
        self.me = self.journal.config.desk
        self.changed = threading.Event()
        self.arrived = threading.Event()
        self.stopping = threading.Event()
        self.journal.subscribe(self._on_change)
        self.done = {"issued": 0, "refused": 0, "called": 0, "served": 0, "lost_calls": 0}
        self.links: list = []
        self.loop = None
        self.stop = None
        self.wire = count_frames()
        self.expected = int(plan["expected"])
        self.ingests = {"day_updates": 0, "taught_something": 0}
        ingest = self.journal.ingest

        def counted_ingest(doc_name, update, **options):
            change = ingest(doc_name, update, **options)
            if change.day is not None:
                self.ingests["day_updates"] += 1
                self.ingests["taught_something"] += bool(change.ops)
            return change

        self.journal.ingest = counted_ingest  # what the links call: counted, not changed
        self.profilers = None
        if plan.get("profile"):
            import cProfile

            # each thread's CPU time (its waits, on a lock or the GIL, cost nothing), or
            # with ``profile_wall``, the wall time (where each thread waits)
            timer = time.perf_counter if plan.get("profile_wall") else time.thread_time
            self.profilers = {name: cProfile.Profile(timer) for name in ("sync", "ingest", "work")}
            counted, lock = self.journal.ingest, threading.Lock()

            def profiled_ingest(*args, **options):
                with lock:
                    self.profilers["ingest"].enable()
                    try:
                        return counted(*args, **options)
                    finally:
                        self.profilers["ingest"].disable()

            self.journal.ingest = profiled_ingest  # what the links call: profiled only

    def save_profiles(self) -> None:
        """Each thread's profile (the sync loop, the ingests, the desk's own work) in
        ``<profile>.<thread>.pstats``."""
        if self.profilers is not None:
            for name, profiler in self.profilers.items():
                profiler.disable()
                profiler.dump_stats(f"{self.plan['profile']}.{name}.pstats")

    def _on_change(self, change) -> None:
        self.changed.set()
        if change.ops:
            self.arrived.set()

    # -- the node ----------------------------------------------------------------------

    def start_node(self) -> None:
        ready = threading.Event()

        def run() -> None:
            async def main() -> None:
                if self.profilers is not None:
                    self.profilers["sync"].enable()
                self.loop = asyncio.get_running_loop()
                self.stop = asyncio.Event()
                ready.set()
                await run_node(
                    self.journal,
                    PkiFiles(self.data_dir),
                    self.stop,
                    listen=("127.0.0.1", int(self.plan["port"])),
                    peers=[parse_address(p) for p in self.plan["peers"]],
                    links=self.links,
                    discover=False,
                )

            try:
                asyncio.run(main())
            except Exception as error:
                say(f"FAILED the node stopped: {error!r}")
            finally:
                ready.set()

        self.node_thread = threading.Thread(target=run, name="sync", daemon=True)
        self.node_thread.start()
        ready.wait(30)

    def linked_with(self) -> set[str]:
        return {link.peer.desk for link in list(self.links) if link.open and link.peer}

    def stop_node(self) -> None:
        if self.loop is not None and self.stop is not None:
            with contextlib.suppress(RuntimeError):  # the loop has ended already
                self.loop.call_soon_threadsafe(self.stop.set)
            self.node_thread.join(15)

    # -- what it holds -------------------------------------------------------------------

    def holding(self, digest_always: bool = True) -> tuple[int, int, str]:
        """Today's tickets, how many are still open, and a digest of their states (only
        once the desk holds the whole day and none is open, unless ``digest_always``:
        the watch runs often, and must cost the desk little)."""
        final = ", ".join(f"'{status}'" for status in FINAL)
        with self.journal.read_engine.connect() as connection:
            held, still_open = connection.exec_driver_sql(
                f"SELECT count(*), coalesce(sum(status NOT IN ({final})), 0) FROM ticket "
                "WHERE day = ?",
                (self.today,),
            ).one()
            if not digest_always and (held != self.expected or still_open):
                return held, still_open, "-"
            rows = connection.exec_driver_sql(
                "SELECT id, status, called_by, conflicts, updated FROM ticket WHERE day = ? "
                "ORDER BY id",
                (self.today,),
            ).all()
        digest = hashlib.sha256()
        for row in rows:
            digest.update("|".join(str(value) for value in row).encode() + b"\n")
        return held, still_open, digest.hexdigest()[:16]

    def watch(self) -> None:
        """Say what the desk holds whenever it changed (looked at twice a second)."""
        last = None
        while not self.stopping.is_set():
            if self.changed.wait(0.5):
                self.changed.clear()
                state = self.holding(digest_always=False)
                if state != last:
                    last = state
                    say(f"STATE {time.monotonic_ns()} {state[0]} {state[1]} {state[2]}")
            time.sleep(0.5)

    def report(self) -> dict:
        user, system = cpu_seconds()
        tickets, still_open, digest = self.holding()
        with self.journal.read_engine.connect() as connection:
            rows = connection.exec_driver_sql(
                "SELECT status, conflicts FROM ticket WHERE day = ?", (self.today,)
            ).all()
            quarantined = connection.exec_driver_sql("SELECT count(*) FROM quarantine").scalar()
            events = connection.exec_driver_sql(
                "SELECT count(*) FROM event WHERE doc = ?", (self.journal.today_doc(),)
            ).scalar()
        statuses: dict[str, int] = {}
        for status, _conflicts in rows:
            statuses[status] = statuses.get(status, 0) + 1
        return {
            "desk": self.me,
            "role": self.journal.config.role,
            "cpu_user_s": round(user, 3),
            "cpu_sys_s": round(system, 3),
            "cpu_at_linked_s": self.cpu_at_linked,
            "memory_kib": memory_kib(),
            "done": self.done,
            "tickets": tickets,
            "events": events,
            "open": still_open,
            "digest": digest,
            "statuses": statuses,
            "tickets_with_conflicts": sum(1 for _s, c in rows if c),
            "quarantined": quarantined,
            "links_open": len(self.linked_with()),
            "wire": dict(self.wire),
            "ingests": dict(self.ingests),
        }

    # -- the day -------------------------------------------------------------------------

    def reception(self, start_ns: int) -> None:
        plan = self.plan
        services, languages = plan["services"], plan["languages"]
        interval_ns = int(plan["interval"] * 1e9)
        closing_ns = start_ns + int(plan["closing"] * 1e9)
        for i in range(plan["tickets"]):
            due = start_ns + i * interval_ns
            pause = (due - time.monotonic_ns()) / 1e9
            if pause > 0 and self.stopping.wait(pause):
                return
            if time.monotonic_ns() > closing_ns:
                break  # the doors close: whoever is not issued a ticket yet is turned away
            language = languages[i % len(languages)]
            try:
                self.journal.issue(services[i % len(services)], language=language)
            except AdmissionRefused:  # a quota used up or shared out: one without a quota
                self.done["refused"] += 1
                self.journal.issue(plan["fallback"], language=language)
            self.done["issued"] += 1
        say(f"WORKED {time.monotonic_ns()} {self.done['issued']}")

    def counter(self, start_ns: int) -> None:
        low, high = self.plan["serve"]
        chooser = random.Random(self.plan["seed"])
        pause = (start_ns - time.monotonic_ns()) / 1e9
        if pause > 0 and self.stopping.wait(pause):
            return
        self.journal.set_counter(self.me, "open", [])
        while not self.stopping.is_set():
            try:
                ticket = self.journal.call_next(self.me)
            except (TransitionRefused, TicketNotFound):
                self.done["lost_calls"] += 1
                continue
            if ticket is None:
                # as staff do: a look at the queue every few seconds, not a pounce on
                # every arrival by every counter at once
                if self.stopping.wait(chooser.uniform(*IDLE_SECONDS)):
                    return
                continue
            self.done["called"] += 1
            if self.stopping.wait(chooser.uniform(low, high)):
                return
            try:
                self.journal.start(ticket.id, self.me)
                self.journal.finish(ticket.id, self.me)
                self.done["served"] += 1
            except (TransitionRefused, TicketNotFound):
                # another counter called the same person first (its call reached this
                # desk after this desk's own): that counter serves them
                self.done["lost_calls"] += 1
            if self.stopping.wait(chooser.uniform(*BETWEEN_SECONDS)):
                return  # a moment between two people

    def work(self, start_ns: int) -> None:
        if self.profilers is not None:
            self.profilers["work"].enable()
        try:
            if self.journal.config.role == "reception":
                self.reception(start_ns)
            elif self.journal.config.role == "counter":
                self.counter(start_ns)
        except Exception:
            say("FAILED " + traceback.format_exc().replace("\n", " | "))
        finally:
            if self.profilers is not None:
                self.profilers["work"].disable()


def main() -> int:
    data_dir, plan = Path(sys.argv[1]), json.loads(sys.argv[2])
    # on stderr, whose end the parent shows when a desk fails
    logging.basicConfig(level=logging.WARNING, format=f"{data_dir.name} %(name)s: %(message)s")
    desk = Desk(data_dir, plan)
    desk.cpu_at_linked = None
    say("OPEN")
    worker = None
    for line in sys.stdin:
        parts = line.split()
        if parts[:1] == ["LINK"]:
            desk.start_node()
            deadline = time.monotonic() + 120
            while len(desk.linked_with()) < plan["links"] and time.monotonic() < deadline:
                time.sleep(0.05)
            user, system = cpu_seconds()
            desk.cpu_at_linked = round(user + system, 3)
            linked = desk.linked_with()
            if len(linked) < plan["links"]:
                say(f"FAILED linked with {len(linked)} of {plan['links']} desks")
            else:
                say(f"LINKED {time.monotonic_ns()}")
            threading.Thread(target=desk.watch, daemon=True).start()
        elif parts[:1] == ["GO"]:
            worker = threading.Thread(target=desk.work, args=(int(parts[1]),), daemon=True)
            worker.start()
        elif parts[:1] == ["EXPECT"]:
            desk.expected = int(parts[1])
            desk.changed.set()
        elif parts[:1] == ["REPORT"]:
            if desk.profilers is not None:
                loop = desk.loop
                if loop is not None:  # the loop thread's profiler is stopped on its thread
                    stopped = threading.Event()

                    def stop_profiler(stopped=stopped) -> None:
                        desk.profilers["sync"].disable()
                        stopped.set()

                    loop.call_soon_threadsafe(stop_profiler)
                    stopped.wait(10)
            say("REPORT " + json.dumps(desk.report()))
    desk.stopping.set()
    if worker is not None:
        worker.join(15)
    desk.save_profiles()
    desk.stop_node()
    desk.journal.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
