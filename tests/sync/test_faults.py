"""Faults the sync must live with, in one process: desks whose clocks disagree, a desk
that lost its disk, two counters calling the same person while cut off from each other.

The desks are real enrolled desk folders linked over real TLS on loopback by the node's
own code (``run_node``), as in ``test_node.py``. Each desk's wall clock is a callable on a
Monday morning in Lisbon (every service open, no cut-off passed), moving in real time,
so the tests do not depend on the hour they run at. The tests between real processes,
partitions and ``kill -9`` included, are in ``tests/e2e/test_sync_processes.py``.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlmodel import Session, select

from cnaim_desk.domain.admission import AdmissionRefused
from cnaim_desk.domain.clock import LISBON, MAX_CLOCK_DRIFT, Hlc, now_lisbon
from cnaim_desk.domain.tickets import TransitionRefused
from cnaim_desk.journal.journal import Journal
from cnaim_desk.journal.projection import Change
from cnaim_desk.journal.tables import EventRow
from cnaim_desk.resources import resources_dir
from cnaim_desk.sync.node import PEERS_FILE, run_node
from cnaim_desk.sync.pki import PkiFiles
from tests.sync.centre import knows, make_centre

#: 11:00 on a Monday in Lisbon (winter time): every service of Lisboa is open, none past
#: its cut-off, and 7 minutes either way is the same service day.
BASE = datetime(2026, 12, 7, 11, 0, tzinfo=LISBON)
LINK_SECONDS = 20.0


class WallClock:
    """A desk's wall clock for ``Journal.open(now_ms=...)``: ``BASE + offset``, moving on
    in real time from when it is made."""

    def __init__(self, offset: timedelta = timedelta(0)):
        self._base_ms = int((BASE + offset).timestamp() * 1000)
        self._start_ns = time.monotonic_ns()

    def __call__(self) -> int:
        return self._base_ms + (time.monotonic_ns() - self._start_ns) // 1_000_000


def open_centre(
    root: Path, clocks: dict[str, Callable[[], int]], *others: tuple[str, str]
) -> list[Journal]:
    """``make_centre``'s desks (R1, then ``others``), opened again each on its own clock
    (``clocks[desk]``; the true time at ``BASE`` for a desk not named)."""
    for journal in make_centre(root, *others):
        journal.close()
    desks = ["R1", *(desk for desk, _ in others)]
    default = WallClock()
    return [
        Journal.open(root / desk, resources=resources_dir(), now_ms=clocks.get(desk, default))
        for desk in desks
    ]


def link(journals: Sequence[Journal], until: Callable[[], bool]) -> float:
    """Link ``journals`` over TLS on loopback, the first accepting and every other linking
    to it (it relays between them), until ``until()`` holds; return how long that took.
    Afterwards every desk forgets the address, so no link is made again unless asked."""

    async def run() -> float:
        stop, heard = asyncio.Event(), asyncio.Event()
        address: dict[str, tuple[str, int]] = {}

        def listening(host: str, port: int) -> None:
            address["at"] = (host, port)
            heard.set()

        hub, *spokes = journals
        tasks = [
            asyncio.create_task(
                run_node(
                    hub,
                    PkiFiles(hub.data_dir.root),
                    stop,
                    listen=("127.0.0.1", 0),
                    on_listening=listening,
                )
            )
        ]
        try:
            await asyncio.wait_for(heard.wait(), 10)
            tasks += [
                asyncio.create_task(
                    run_node(journal, PkiFiles(journal.data_dir.root), stop, peers=[address["at"]])
                )
                for journal in spokes
            ]
            started = time.monotonic()
            while not until():
                for task in tasks:
                    if task.done():
                        task.result()  # a node that died: its error, not a timeout
                        raise AssertionError("a node stopped on its own")
                assert time.monotonic() - started < LINK_SECONDS, (
                    f"not reached within {LINK_SECONDS:.0f} s of linking: "
                    + "; ".join(f"{j.config.desk}: {sorted(queue(j).values())}" for j in journals)
                )
                await asyncio.sleep(0.02)
            return time.monotonic() - started
        finally:
            stop.set()
            await asyncio.wait_for(asyncio.gather(*tasks, return_exceptions=True), 15)
            for journal in journals:
                (journal.data_dir.root / PEERS_FILE).unlink(missing_ok=True)

    return asyncio.run(run())


def queue(journal: Journal) -> dict[str, tuple[str, str, str]]:
    """Today's tickets of a desk: id -> (code, status, called by)."""
    today = journal.today().isoformat()
    return {
        ticket.id: (ticket.code, ticket.status.value, ticket.called_by or "")
        for ticket in journal.reader.run(lambda q: q.tickets(today))
    }


def converged(journals: Sequence[Journal], ids: Iterable[str]) -> Callable[[], bool]:
    """Whether every desk shows the same queue, and it holds exactly ``ids``."""
    wanted = set(ids)

    def check() -> bool:
        views = [queue(journal) for journal in journals]
        return set(views[0]) == wanted and all(view == views[0] for view in views)

    return check


def events(journal: Journal, ticket: str, op: str | None = None) -> list[EventRow]:
    """A ticket's events as a desk stored them (``op``: only those), in fold order."""
    with Session(journal.read_engine) as session:
        query = select(EventRow).where(EventRow.ticket == ticket)
        if op is not None:
            query = query.where(EventRow.op == op)
        rows = list(session.exec(query))
    return sorted(rows, key=lambda row: (row.hlc, row.desk, row.boot, row.seq))


def latest_hlc(journal: Journal, desk: str) -> Hlc:
    with Session(journal.read_engine) as session:
        rows = session.exec(select(EventRow.hlc).where(EventRow.desk == desk)).all()
    return max(Hlc.parse(hlc) for hlc in rows)


def codes_once(view: dict[str, tuple[str, str, str]]) -> None:
    codes = sorted(code for code, _, _ in view.values())
    assert len(codes) == len(set(codes)), f"a code given twice: {codes}"


def close_all(journals: Iterable[Journal]) -> None:
    for journal in journals:
        journal.close()


# -- clocks that disagree ------------------------------------------------------------------


def skewed_centre(root: Path) -> list[Journal]:
    """R1 on the true time, R2 (reception) 7 minutes fast, C1 (counter) 3 minutes slow:
    the same service day for all three."""
    return open_centre(
        root,
        {
            "R1": WallClock(),
            "R2": WallClock(timedelta(minutes=7)),
            "C1": WallClock(timedelta(minutes=-3)),
        },
        ("R2", "reception"),
        ("C1", "counter"),
    )


def test_desks_whose_clocks_disagree_converge_and_calls_order_after_what_was_seen(tmp_path):
    r1, r2, c1 = desks = skewed_centre(tmp_path)
    try:
        assert r1.today() == r2.today() == c1.today() == BASE.date()
        first = [r1.issue(service) for service in ("SS", "MS", "GAT")]
        link(desks, converged(desks, [t.id for t in first]))

        # apart: each desk issues or calls on its own clock
        r1_apart = [r1.issue(service) for service in ("GASI", "GAJ")]
        r2_apart = [r2.issue(service) for service in ("SS", "MS", "GAT")]
        r2.call(r2_apart[0].id, "C2")
        c1.call(first[0].id, "C1")
        r1.call(first[1].id, "C3")
        everything = [t.id for t in first + r1_apart + r2_apart]
        link(desks, converged(desks, everything))

        view = queue(r1)
        assert view == queue(r2) == queue(c1)
        assert len(view) == 8  # none lost, none twice
        codes_once(view)
        called = {tid: by for tid, (_, status, by) in view.items() if status == "called"}
        assert called == {first[0].id: "C1", first[1].id: "C3", r2_apart[0].id: "C2"}

        # C1 saw R1's events (3 minutes ahead of its own clock, within the drift it
        # follows): its clock is now past them, so a call it makes on one of R1's new
        # tickets orders after that ticket's issue, on every desk
        assert c1.clock.last >= latest_hlc(c1, "R1")
        target = r1_apart[0].id
        assert c1.call(target, "C1").called_by == "C1"
        (issued,) = events(c1, target, "issued")
        (call,) = events(c1, target, "called")
        assert Hlc.parse(call.hlc) > Hlc.parse(issued.hlc)
        link(desks, lambda: all(queue(j)[target][2] == "C1" for j in desks))
        assert queue(r1) == queue(r2) == queue(c1)
        for journal in desks:
            assert [row.effect for row in events(journal, target)] == ["applied", "applied"]
    finally:
        close_all(desks)


def test_a_ticket_from_a_desk_whose_clock_runs_ahead_can_be_called_once_seen(tmp_path):
    """R2's clock is 7 minutes fast, beyond the drift the others' clocks follow (5 min):
    they flag it and do not follow. A counter that has received R2's ticket must still be
    able to call it, its call ordered after the issue, and every desk agree."""
    r1, r2, c1 = desks = skewed_centre(tmp_path)
    try:
        ticket = r2.issue("SS")
        link(desks, lambda: knows(r1, ticket.id) and knows(c1, ticket.id))
        assert c1.clock.skew_seen is not None  # the fast clock is noticed
        assert c1.clock.skew_seen >= timedelta(minutes=9)  # ~10 minutes ahead of C1's

        try:
            called = c1.call(ticket.id, "C1")
        except TransitionRefused as refused:
            pytest.fail(
                f"C1 cannot call {ticket.code}, a ticket it holds, issued by R2 whose clock "
                f"runs 7 minutes fast: {refused}"
            )
        assert called.called_by == "C1"
        (issued,) = events(c1, ticket.id, "issued")
        (call,) = events(c1, ticket.id, "called")
        assert Hlc.parse(call.hlc) > Hlc.parse(issued.hlc)
        link(desks, lambda: all(queue(j)[ticket.id][1:] == ("called", "C1") for j in desks))
        for journal in desks:
            assert [row.effect for row in events(journal, ticket.id)] == ["applied", "applied"]
    finally:
        close_all(desks)


def test_calling_a_ticket_from_a_desk_far_ahead_does_not_drag_the_callers_clock(tmp_path):
    """The call on R2's ticket orders after its issue, but C1's clock must not stay 10
    minutes ahead for it (the drift cap: one wrong clock must not drag every desk's times
    into the future): its next call, on R1's ticket, is timed by C1's own clock, within
    the drift it may follow of R1's."""
    r1, r2, c1 = desks = skewed_centre(tmp_path)
    try:
        fast, plain = r2.issue("SS"), r1.issue("MS")
        link(desks, lambda: all(knows(j, fast.id) and knows(j, plain.id) for j in desks))
        c1.call(fast.id, "C1")
        called = c1.call(plain.id, "C1")
        own = now_lisbon(c1.clock.now_ms())
        assert called.called_at - own <= MAX_CLOCK_DRIFT, (
            f"C1 called {plain.code} at {own:%H:%M:%S} by its clock; the call is timed "
            f"{called.called_at:%H:%M:%S}: R2's fast time"
        )
        assert c1.clock.last.moment - own <= MAX_CLOCK_DRIFT, c1.clock.last
    finally:
        close_all(desks)


# -- a desk that lost its disk -------------------------------------------------------------


def restarted_without_journal(journal: Journal, clock: WallClock) -> Journal:
    """Close a desk, delete its journal (with its WAL), keeping its keys, certificates
    and ``desk.json`` (a disk replaced, the desk folder restored without the database),
    and open it again."""
    root = journal.data_dir.root
    journal.close()
    for name in ("journal.sqlite", "journal.sqlite-wal", "journal.sqlite-shm"):
        (root / name).unlink(missing_ok=True)
    assert (root / "desk.json").is_file()
    assert (root / "keys" / "desk.pem").is_file()
    assert (root / "pki" / "desk.pem").is_file()
    return Journal.open(root, resources=resources_dir(), now_ms=clock)


def two_receptions_in_sync(root: Path, clock: WallClock) -> tuple[Journal, Journal, dict]:
    r1, r2 = open_centre(root, {"R1": clock, "R2": clock}, ("R2", "reception"))
    issued = [r1.issue(s) for s in ("SS", "MS", "GAT")] + [r2.issue(s) for s in ("SS", "MS")]
    r1.call(issued[0].id, "C1")
    link([r1, r2], converged([r1, r2], [t.id for t in issued]))
    before = queue(r1)
    assert before == queue(r2)
    return r1, r2, before


def test_a_desk_that_lost_its_disk_gets_todays_queue_back_and_numbers_on(tmp_path):
    clock = WallClock()
    r1, r2, before = two_receptions_in_sync(tmp_path, clock)
    desks = [r1]
    try:
        r2 = restarted_without_journal(r2, clock)
        desks.append(r2)
        assert queue(r2) == {}  # it lost everything

        # back, and sure it is (a desk that lost its journal issues nothing until then)
        link([r1, r2], lambda: queue(r2) == before and not r2.recovering)
        report = r2.check()
        assert report.ok, report.problems
        assert report.quarantined == 0
        assert report.tickets == len(before)

        # only now, with today's queue back, does R2 issue: a code no one had
        ticket = r2.issue("SS")
        earlier = {code for code, _, _ in before.values()}
        assert ticket.code not in earlier, (ticket.code, sorted(earlier))
        assert (ticket.number // 100) % 10 == 2  # still its own slot's numbers
        link([r1, r2], lambda: knows(r1, ticket.id))
        codes_once(queue(r1))
        assert queue(r1) == queue(r2)
    finally:
        close_all(desks)


def test_a_desk_that_lost_its_disk_gives_no_code_twice_before_its_peers_are_back(tmp_path):
    """R2 restarted on an empty journal and, before any link, asked for a ticket: it may
    refuse (it cannot know which of its numbers are taken), but any ticket it does give
    must not repeat a code of today that its peers hold."""
    clock = WallClock()
    r1, r2, before = two_receptions_in_sync(tmp_path, clock)
    desks = [r1]
    try:
        r2 = restarted_without_journal(r2, clock)
        desks.append(r2)
        try:
            ticket = r2.issue("SS")
        except AdmissionRefused:  # it cannot know which numbers are taken
            assert r2.recovering
            ticket = None
        link([r1, r2], lambda: set(before) <= set(queue(r2)) and not r2.recovering)
        if ticket is None:  # refused while it could not know: it gives tickets again now
            ticket = r2.issue("SS")
        link([r1, r2], converged([r1, r2], [*before, ticket.id]))
        view = queue(r1)
        assert view == queue(r2)
        codes = sorted(code for code, _, _ in view.values())
        assert len(codes) == len(set(codes)), (
            f"R2, back on an empty journal, gave {ticket.code} again: {codes}"
        )
    finally:
        close_all(desks)


# -- two counters calling the same person while apart --------------------------------------


def test_two_counters_apart_calling_the_same_person_agree_and_report_the_loser(tmp_path):
    clock = WallClock()  # one clock for all: C1's call is the earlier in every order
    r1, c1, c2 = desks = open_centre(
        tmp_path, {"R1": clock, "C1": clock, "C2": clock}, ("C1", "counter"), ("C2", "counter")
    )
    try:
        ticket, other = r1.issue("SS"), r1.issue("MS")
        link(desks, converged(desks, [ticket.id, other.id]))
        heard: dict[str, list[Change]] = {j.config.desk: [] for j in desks}
        for journal in desks:
            journal.subscribe(heard[journal.config.desk].append)

        # apart, both counters call the same waiting person
        assert c1.call(ticket.id, "C1").called_by == "C1"
        assert c2.call(ticket.id, "C2").called_by == "C2"
        (won,) = (row.key for row in events(c1, ticket.id, "called"))
        (lost,) = (row.key for row in events(c2, ticket.id, "called"))

        link(
            desks,
            lambda: (
                all(len(events(j, ticket.id, "called")) == 2 for j in desks)
                and queue(r1) == queue(c1) == queue(c2)
            ),
        )
        view = queue(r1)
        assert view == queue(c1) == queue(c2)
        assert view[ticket.id][1:] == ("called", "C1")  # one winner, the same everywhere
        assert view[other.id][1:] == ("waiting", "")
        for journal in desks:
            assert journal.ticket(ticket.id).conflicts == 1
            effects = {row.key: row.effect for row in events(journal, ticket.id, "called")}
            assert effects == {won: "applied", lost: "conflict"}, journal.config.desk

        # what each desk's journal told its listeners when the other call came in
        for desk, changes in heard.items():
            ingested = [
                change
                for change in changes
                if change.origin.startswith("link:") and ticket.id in change.tickets
            ]
            reported = {key for change in ingested for key, _ in change.conflicts}
            assert lost in reported, (desk, [change.conflicts for change in ingested])
            assert won not in reported, desk
    finally:
        close_all(desks)
