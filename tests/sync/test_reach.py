"""Which desks a desk reaches, and what rests on it: the quota shares of reception desks
apart; the state vectors sent again (a lost frame is repaired); the days just closed
still exchanged."""

from __future__ import annotations

import asyncio
import re
import time
from datetime import timedelta

import pytest

from cnaim_desk.domain.admission import AdmissionRefused, RefusalKind
from cnaim_desk.journal.journal import Journal
from cnaim_desk.resources import resources_dir
from cnaim_desk.sync import transport
from cnaim_desk.sync.node import run_node
from cnaim_desk.sync.pki import PkiFiles
from cnaim_desk.sync.presence import ALIVE_SECONDS, Presence
from tests.sync.centre import exchange, knows, listening, make_centre

SECONDS = 15.0


class Tick:
    """A monotonic clock the test moves."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_presence_learns_desks_through_others_and_forgets_the_quiet():
    tick = Tick()
    r1 = Presence("R1", tick)
    r1.heard("N1")  # linked with a relay...
    r1.learn({"N1": 0.0, "R2": 2.5, "R1": 0.0})  # ...that heard R2 2.5 s ago
    assert r1.alive() == {"R1", "N1", "R2"}
    assert r1.ages()["R2"] == pytest.approx(2.5)
    tick.now += ALIVE_SECONDS - 1
    # the relay passes on what it heard, aged: R2 is not made younger by being retold
    r1.learn({"R2": 2.5 + ALIVE_SECONDS - 1})
    assert r1.ages()["R2"] == pytest.approx(2.5 + ALIVE_SECONDS - 1)
    tick.now += 2
    assert r1.alive() == {"R1"}  # itself, always
    for nonsense in (-1.0, float("nan"), float("inf")):
        r1.heard("X9", nonsense)
    assert "X9" not in r1.ages()


@pytest.fixture
def quota_of_ten(always_open_resources, tmp_path_factory, monkeypatch):
    """Lisboa's Social Security with a daily quota of 10, open around the clock."""
    copy = tmp_path_factory.mktemp("quota")
    for entry in always_open_resources.iterdir():
        (copy / entry.name).symlink_to(entry.resolve() if entry.is_symlink() else entry)
    (copy / "centres").unlink()
    (copy / "centres").mkdir()
    for profile in (always_open_resources / "centres").glob("*.toml"):
        text = profile.read_text(encoding="utf-8")
        if profile.stem == "lisboa":
            text = re.sub(r'(?m)^(code = "SS"\n)', r"\1daily_quota = 10\n", text)
        (copy / "centres" / profile.name).write_text(text, encoding="utf-8")
    monkeypatch.setenv("CNAIM_DESK_RESOURCES", str(copy))
    assert resources_dir() == copy


def test_reception_desks_apart_each_issue_at_most_their_share_of_what_is_left(
    tmp_path, quota_of_ten
):
    r1, r2, c1 = make_centre(tmp_path, ("R2", "reception"), ("C1", "counter"))
    try:
        assert r1.profile.service("SS").daily_quota == 10
        everyone = {"R1", "R2", "C1"}
        for desk in (r1, r2):
            desk.reachable = lambda: everyone
        for _ in range(2):
            r1.issue("SS")
            r2.issue("SS")
        exchange(r1, r2, c1)
        assert r1.unreachable_receptions() == ()
        # The network splits: 6 left, 2 reception desks, a share of 3 each.
        r1.reachable = lambda: {"R1", "C1"}
        r2.reachable = lambda: {"R2"}
        assert r1.unreachable_receptions() == ("R2",)
        apart = [r1.issue("SS") for _ in range(3)] + [r2.issue("SS") for _ in range(3)]
        for desk, other in ((r1, "R2"), (r2, "R1")):
            with pytest.raises(AdmissionRefused) as refused:
                desk.issue("SS")
            assert refused.value.kind == RefusalKind.QUOTA
            assert f"share of the SS tickets left (3) is given while it cannot reach {other}" in (
                refused.value.reason
            )
        r1.issue("MS")  # a service without a quota is not limited by the split
        exchange(r1, r2, c1)
        codes = [r1.ticket(t.id).code for t in apart]
        assert len(set(codes)) == 6  # the slots keep numbers apart
        with pytest.raises(AdmissionRefused, match="all 10 given"):
            r1.issue("SS")  # together they gave exactly the quota, no more
        # Back together, the shares end: R1 may give what is left (nothing here).
        r1.reachable = lambda: everyone
        assert r1.unreachable_receptions() == ()
    finally:
        for desk in (r1, r2, c1):
            desk.close()


def test_a_desk_reached_through_a_relay_counts_as_reached(tmp_path):
    """R1 and R2 both link to node N1 only: through N1's STATUS each learns the other is
    there, so neither limits itself to a share; when R2 goes, R1 sees it go."""
    r1, r2, n1 = make_centre(tmp_path, ("R2", "reception"), ("N1", "counter"))

    async def scenario():
        stop_relay, stop_r1, stop_r2 = asyncio.Event(), asyncio.Event(), asyncio.Event()
        relay, address = await listening(n1, stop_relay)
        first = asyncio.create_task(
            run_node(r1, PkiFiles(r1.data_dir.root), stop_r1, peers=[address])
        )
        second = asyncio.create_task(
            run_node(r2, PkiFiles(r2.data_dir.root), stop_r2, peers=[address])
        )
        deadline = time.monotonic() + SECONDS
        while r1.unreachable_receptions() or r2.unreachable_receptions():
            assert time.monotonic() < deadline, "R1 and R2 never learnt of each other"
            await asyncio.sleep(0.1)
        ticket = r2.issue("SS")
        while not knows(r1, ticket.id):
            assert time.monotonic() < deadline, "R2's ticket did not reach R1 through N1"
            await asyncio.sleep(0.05)
        stop_r2.set()
        await second
        deadline = time.monotonic() + ALIVE_SECONDS + SECONDS
        while r1.unreachable_receptions() != ("R2",):
            assert time.monotonic() < deadline, "R1 never saw R2 go"
            await asyncio.sleep(0.2)
        stop_r1.set()
        stop_relay.set()
        await asyncio.gather(first, relay)

    try:
        asyncio.run(scenario())
    finally:
        for desk in (r1, r2, n1):
            desk.close()


async def linked(first: Journal, second: Journal, condition, seconds: float = SECONDS) -> None:
    """R1 listening, R2 linked to it, until ``condition``."""
    stop = asyncio.Event()
    server, address = await listening(first, stop)
    client = asyncio.create_task(
        run_node(second, PkiFiles(second.data_dir.root), stop, peers=[address])
    )
    deadline = time.monotonic() + seconds
    try:
        while not condition():
            assert time.monotonic() < deadline, "not reached in time"
            await asyncio.sleep(0.05)
    finally:
        stop.set()
        await asyncio.wait_for(asyncio.gather(server, client), SECONDS)


def test_an_update_lost_on_the_way_is_sent_again_by_the_anti_entropy(tmp_path, monkeypatch):
    monkeypatch.setattr(transport, "ANTI_ENTROPY_SECONDS", 0.5)
    monkeypatch.setattr(transport, "STATUS_SECONDS", 0.2)
    r1, r2 = make_centre(tmp_path, ("R2", "reception"))
    dropped = []
    live = transport.Link._local_change

    def lossy(link, change):
        """R1's first live update of a day is lost on the way, the link none the wiser."""
        if link.journal is r1 and change.origin == "local" and change.day and not dropped:
            dropped.append(change)
            link._peer_state[change.doc] = r1.state_of(change.doc)
            return
        live(link, change)

    monkeypatch.setattr(transport.Link, "_local_change", lossy)
    before = r1.issue("SS")
    lost = []

    async def scenario():
        task = asyncio.create_task(linked(r1, r2, lambda: lost and knows(r2, lost[0].id)))
        deadline = time.monotonic() + SECONDS
        while not knows(r2, before.id):
            assert time.monotonic() < deadline, "the link was not made"
            await asyncio.sleep(0.05)
        lost.append(r1.issue("SS"))
        await task

    try:
        asyncio.run(scenario())
        assert [change.tickets for change in dropped] == [{lost[0].id}], "no update was lost"
        assert knows(r2, lost[0].id)
    finally:
        r1.close()
        r2.close()


def test_what_a_desk_did_late_yesterday_reaches_a_desk_that_closed_the_day(tmp_path):
    r1, r2 = make_centre(tmp_path, ("R2", "reception"))
    roots = [r1.data_dir.root, r2.data_dir.root]
    r1.close()
    r2.close()
    day = timedelta(days=1) / timedelta(milliseconds=1)

    def yesterday() -> int:
        return time.time_ns() // 1_000_000 - int(day)

    late = Journal.open(roots[1], resources=resources_dir(), now_ms=yesterday)
    ticket = late.issue("SS")  # R2, apart, late in the day
    late.close()
    # Both open today: each closes yesterday as it starts, R1 without R2's ticket.
    r1 = Journal.open(roots[0], resources=resources_dir())
    r2 = Journal.open(roots[1], resources=resources_dir())
    try:
        assert not any(doc.endswith(ticket.day) for doc in r1.document_names())
        assert r2.shared_days()[0].endswith(ticket.day)  # closed, but still exchanged
        asyncio.run(
            linked(r1, r2, lambda: any(doc.endswith(ticket.day) for doc in r1.document_names()))
        )
        assert r1.held([f"q/lisboa/{ticket.day}"]) == r2.held([f"q/lisboa/{ticket.day}"])
    finally:
        r1.close()
        r2.close()
