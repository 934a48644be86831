"""The sync between real processes, under faults: two desks cut apart by the network
(Linux network namespaces joined by a veth pair whose link is set down, then up again),
and a desk killed with ``kill -9`` in the middle of its catch-up.

The desk folders are a real enrolled centre (``make_centre``), closed before any process
starts. The centres are open around the clock with no quotas (``always_open_resources``,
autouse in this folder's conftest), since these tests run on the real clock.

A ``cnaim-desk node`` holds its desk's folder as its writer, so the command line can issue
a ticket there only while the node is stopped; ``sync_desk.py`` is a desk as its windows
run it (the sync on a thread beside the journal), which issues while it stays linked.
"""

from __future__ import annotations

import json
import os
import queue as queues
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from cnaim_desk.journal.journal import Journal
from cnaim_desk.resources import resources_dir
from cnaim_desk.sync.node import PEERS_FILE
from tests.sync.centre import make_centre

SCRIPTS = Path(__file__).resolve().parent
#: Services of Lisboa taken in turn, so the suite never leans on one service's numbers.
SERVICES = ("SS", "MS", "GAT", "GASI", "GAJ")
PORT = 7820
#: A desk links again every 2 s (``cnaim_desk.sync.node.RETRY_SECONDS``); once the
#: network is back, the desks must agree well within this.
HEAL_SECONDS = 30.0
#: How soon a node told to stop (SIGTERM) must have stopped when its peer has gone
#: silent: the time the windows give their sync (``BackgroundSync``'s STOP_SECONDS).
STOP_CUT_OFF_SECONDS = 10.0


# -- reading a desk folder beside its writer -----------------------------------------------


def tickets(root: Path) -> dict[str, tuple[str, str, str]]:
    """A desk's tickets as committed in its folder: id -> (code, status, called by). Read
    straight from the file (read-only), as fast as a poll needs."""
    connection = sqlite3.connect(f"file:{root / 'journal.sqlite'}?mode=ro", uri=True, timeout=10)
    try:
        rows = connection.execute("SELECT id, code, status, called_by FROM ticket").fetchall()
    finally:
        connection.close()
    return {tid: (code, status, called_by or "") for tid, code, status, called_by in rows}


def wait_until(condition: Callable[[], bool], seconds: float, what: Callable[[], str]) -> float:
    """Poll ``condition`` until it holds; fail with ``what()`` after ``seconds``. Returns
    how long it took."""
    started = time.monotonic()
    while not condition():
        if time.monotonic() - started > seconds:
            pytest.fail(f"not within {seconds:.0f} s: {what()}")
        time.sleep(0.05)
    return time.monotonic() - started


def assert_one_queue(*roots: Path) -> dict[str, tuple[str, str, str]]:
    """The desks hold the same tickets, in the same states, and no code twice."""
    views = [tickets(root) for root in roots]
    for root, view in zip(roots, views, strict=True):
        assert view == views[0], f"{root.name} differs from {roots[0].name}"
    codes = sorted(code for code, _, _ in views[0].values())
    assert len(codes) == len(set(codes)), f"a code given twice: {codes}"
    return views[0]


def journal_check(cli, root: Path) -> dict:
    """``cnaim-desk journal check --json`` on a desk folder (beside its writer, if any)."""
    result = cli("journal", "check", "--json", data_dir=root)
    report = result.json()
    assert result.returncode == (0 if report["ok"] else 1), result.stderr
    return report


def enrolled_pair(root: Path) -> tuple[Path, Path]:
    """R1 (the centre's authority, slot 1) and R2 (reception, slot 2), closed."""
    for journal in make_centre(root, ("R2", "reception")):
        journal.close()
    return root / "R1", root / "R2"


# -- processes -----------------------------------------------------------------------------


class Lines:
    """A child's stdout read on a thread, line by line, with a deadline per line."""

    def __init__(self, process: subprocess.Popen):
        self.process = process
        self._lines: queues.Queue[str | None] = queues.Queue()
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        try:
            for line in self.process.stdout:
                self._lines.put(line)
        except (OSError, ValueError):  # closed by the test's clean-up
            pass
        self._lines.put(None)

    def next(self, seconds: float = 30.0) -> str:
        try:
            line = self._lines.get(timeout=seconds)
        except queues.Empty:
            pytest.fail(f"no output from {self.process.args} within {seconds:.0f} s")
        if line is None:
            self.process.wait(timeout=10)
            pytest.fail(
                f"{self.process.args} ended ({self.process.returncode}): "
                f"{self.process.stderr.read()}"
            )
        return line

    def json(self, seconds: float = 30.0) -> object:
        return json.loads(self.next(seconds))


class Desk:
    """A ``sync_desk.py`` process: it issues and calls on command while it syncs."""

    def __init__(self, process: subprocess.Popen):
        self.process = process
        self.out = Lines(process)
        hello = self.out.json()
        assert "ready" in hello, hello
        self.desk = hello["ready"]

    def ask(self, command: str) -> object:
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        answer = self.out.json()
        assert not (isinstance(answer, dict) and "error" in answer), (self.desk, command, answer)
        return answer

    def issue(self, service: str) -> dict:
        return self.ask(f"issue {service}")

    def quit(self) -> None:
        self.process.stdin.write("quit\n")
        self.process.stdin.flush()
        assert self.out.json() == {"bye": self.desk}
        assert self.process.wait(timeout=20) == 0, self.process.stderr.read()


def node_argv(root: Path, *args: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "cnaim_desk",
        "--data-dir",
        str(root),
        "node",
        *args,
        "--no-discovery",
        "--json",
    ]


def popen(argv: list[str], *, stdin: bool = False) -> subprocess.Popen:
    return subprocess.Popen(
        argv,
        stdin=subprocess.PIPE if stdin else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    )


def stop(process: subprocess.Popen, seconds: float = 20.0) -> float:
    """SIGTERM, and the exit status 0 a node promises for it; how long it took."""
    asked = time.monotonic()
    process.send_signal(signal.SIGTERM)
    try:
        status = process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        pytest.fail(f"{process.args} did not stop within {seconds:.0f} s of SIGTERM")
    assert status == 0, (process.args, status, process.stderr.read())
    return time.monotonic() - asked


# -- two network namespaces ----------------------------------------------------------------


def _ip(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["ip", *args], capture_output=True, text=True, timeout=30, check=False)


def _no_netns(why: str) -> None:
    if os.environ.get("CNAIM_DESK_CI"):
        pytest.fail(f"CI must run the partition tests, but: {why}")
    pytest.skip(why)


@dataclass
class Network:
    """Two network namespaces, A and B, joined by a veth pair (``veth-a`` in A at
    ``a_ip``, ``veth-b`` in B at ``b_ip``). Processes started with :meth:`start` are
    killed, and the namespaces deleted, when the test ends, however it ends."""

    a: str
    b: str
    a_ip: str = "10.213.0.1"
    b_ip: str = "10.213.0.2"
    processes: list[subprocess.Popen] = field(default_factory=list)

    def start(self, namespace: str, argv: list[str], *, stdin: bool = False) -> subprocess.Popen:
        process = popen(["ip", "netns", "exec", namespace, *argv], stdin=stdin)
        self.processes.append(process)
        return process

    def cut(self) -> None:
        """The link down on A's side: B's end loses its carrier too."""
        done = _ip("-n", self.a, "link", "set", "veth-a", "down")
        assert done.returncode == 0, done.stderr

    def heal(self) -> None:
        done = _ip("-n", self.a, "link", "set", "veth-a", "up")
        assert done.returncode == 0, done.stderr

    def reaches(self, namespace: str, address: str, port: int) -> bool:
        """Whether a TCP connection from ``namespace`` to ``address:port`` is made within
        a second (anything else: refused, unreachable, timed out, is no)."""
        probe = (
            "import socket, sys\n"
            "try:\n"
            f"    socket.create_connection(({address!r}, {port}), timeout=1).close()\n"
            "except OSError:\n"
            "    sys.exit(1)\n"
        )
        return (
            subprocess.run(
                ["ip", "netns", "exec", namespace, sys.executable, "-c", probe],
                capture_output=True,
                timeout=30,
                check=False,
            ).returncode
            == 0
        )


@pytest.fixture
def network() -> Iterator[Network]:
    if not sys.platform.startswith("linux"):
        _no_netns("network namespaces are Linux's")
    if os.geteuid() != 0:
        _no_netns("network namespaces need root")
    if shutil.which("ip") is None:
        _no_netns("`ip` (Debian's iproute2) is not installed: packaging/check-system.sh --for test")
    tag = uuid.uuid4().hex[:8]
    net = Network(a=f"cnaim-{tag}-a", b=f"cnaim-{tag}-b")
    made: list[str] = []
    try:
        for namespace in (net.a, net.b):
            added = _ip("netns", "add", namespace)
            if added.returncode != 0:
                _no_netns(f"`ip netns add` does not work here: {added.stderr.strip()}")
            made.append(namespace)
        steps = [
            (
                *("link", "add", "veth-a", "netns", net.a, "type", "veth"),
                *("peer", "name", "veth-b", "netns", net.b),
            ),
            ("-n", net.a, "addr", "add", f"{net.a_ip}/24", "dev", "veth-a"),
            ("-n", net.b, "addr", "add", f"{net.b_ip}/24", "dev", "veth-b"),
            ("-n", net.a, "link", "set", "lo", "up"),
            ("-n", net.b, "link", "set", "lo", "up"),
            ("-n", net.a, "link", "set", "veth-a", "up"),
            ("-n", net.b, "link", "set", "veth-b", "up"),
        ]
        for step in steps:
            done = _ip(*step)
            if done.returncode != 0:
                _no_netns(f"`ip {' '.join(step)}` failed: {done.stderr.strip()}")
        yield net
    finally:
        for process in net.processes:
            if process.poll() is None:
                process.kill()
            process.wait(timeout=30)
            for stream in (process.stdin, process.stdout, process.stderr):
                if stream is not None:
                    stream.close()
        for namespace in made:  # deleting a namespace deletes its end of the veth pair
            _ip("netns", "del", namespace)


def apart(
    first: Path, second: Path, first_only: list[str], second_only: list[str], seconds: float
) -> None:
    """For ``seconds`` (two link retries and more), neither desk has a ticket the other
    issued while they are cut off."""
    ends = time.monotonic() + seconds
    while time.monotonic() < ends:
        assert not set(second_only) & set(tickets(first)), f"{first.name} heard through the cut"
        assert not set(first_only) & set(tickets(second)), f"{second.name} heard through the cut"
        time.sleep(0.1)


# -- partition -----------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.netns
def test_desks_cut_apart_by_the_network_issue_on_both_sides_and_agree_once_it_is_back(
    tmp_path, network, cli
):
    """Desks running as their windows run them, linked across two namespaces; the link
    goes down while both go on issuing, then comes back up."""
    first, second = enrolled_pair(tmp_path)
    r1 = Desk(
        network.start(
            network.a,
            [
                sys.executable,
                str(SCRIPTS / "sync_desk.py"),
                str(first),
                "--listen",
                f"{network.a_ip}:{PORT}",
            ],
            stdin=True,
        )
    )
    r2 = Desk(
        network.start(
            network.b,
            [
                sys.executable,
                str(SCRIPTS / "sync_desk.py"),
                str(second),
                "--peer",
                f"{network.a_ip}:{PORT}",
            ],
            stdin=True,
        )
    )
    together = [r1.issue("SS")["id"], r2.issue("MS")["id"]]
    wait_until(
        lambda: set(together) <= set(tickets(first)) and set(together) <= set(tickets(second)),
        20,
        lambda: f"R1 {tickets(first)}, R2 {tickets(second)}",
    )

    network.cut()
    assert not network.reaches(network.b, network.a_ip, PORT)
    r1_alone = [r1.issue(s)["id"] for s in ("GAT", "GASI")]
    r2_alone = [r2.issue(s)["id"] for s in ("GAJ", "SS", "MS")]
    apart(first, second, r1_alone, r2_alone, seconds=5)

    network.heal()
    everything = set(together + r1_alone + r2_alone)
    took = wait_until(
        lambda: set(tickets(first)) == everything and tickets(first) == tickets(second),
        HEAL_SECONDS,
        lambda: f"R1 {sorted(tickets(first).values())}, R2 {sorted(tickets(second).values())}",
    )
    view = assert_one_queue(first, second)
    assert set(view) == everything
    assert len(view) == 7
    assert all(status == "waiting" for _, status, _ in view.values())
    print(f"converged {took:.1f} s after the link came back")
    r1.quit()
    r2.quit()
    for root in (first, second):
        report = journal_check(cli, root)
        assert report["ok"], report
        assert report["tickets"] == 7, report


@pytest.mark.slow
@pytest.mark.netns
def test_nodes_cut_apart_restarted_to_issue_on_both_sides_agree_once_the_network_is_back(
    tmp_path, network, cli
):
    """``cnaim-desk node`` processes, linked across two namespaces. While the link is down
    each node is stopped, tickets are issued from the command line, and the node started
    again: it links again on its own once the network is back."""
    first, second = enrolled_pair(tmp_path)
    ids: dict[str, list[str]] = {"R1": [], "R2": []}

    def issue(root: Path, service: str) -> None:
        ticket = cli("ticket", "issue", "--service", service, "--json", data_dir=root)
        ids[root.name].append(ticket.expect(0).json()["id"])

    def start(root: Path) -> subprocess.Popen:
        if root == first:
            process = network.start(
                network.a, node_argv(first, "--listen", f"{network.a_ip}:{PORT}")
            )
            said = Lines(process).json()
            assert said == {"listening": f"{network.a_ip}:{PORT}", "desk": "R1"}, said
            return process
        return network.start(network.b, node_argv(second, "--peer", f"{network.a_ip}:{PORT}"))

    issue(first, "SS")
    issue(second, "MS")
    nodes = {"R1": start(first), "R2": start(second)}
    wait_until(
        lambda: set(tickets(first)) == set(tickets(second)) and len(tickets(first)) == 2,
        20,
        lambda: f"R1 {tickets(first)}, R2 {tickets(second)}",
    )

    network.cut()
    assert not network.reaches(network.b, network.a_ip, PORT)
    together = ids["R1"] + ids["R2"]
    # both stopped at once: a node whose peer went silent takes a while to stop (that has
    # its own test below), then tickets issued on each side and the nodes started again
    for process in nodes.values():
        process.send_signal(signal.SIGTERM)
    for process in nodes.values():
        stop(process, seconds=STOP_CUT_OFF_SECONDS + 30)
    for root, services in ((first, ("GAT", "GASI")), (second, ("GAJ", "SS", "MS"))):
        for service in services:
            issue(root, service)
        nodes[root.name] = start(root)
    r1_alone = [t for t in ids["R1"] if t not in together]
    r2_alone = [t for t in ids["R2"] if t not in together]
    apart(first, second, r1_alone, r2_alone, seconds=5)

    network.heal()
    everything = set(ids["R1"] + ids["R2"])
    took = wait_until(
        lambda: set(tickets(first)) == everything and tickets(first) == tickets(second),
        HEAL_SECONDS,
        lambda: f"R1 {sorted(tickets(first).values())}, R2 {sorted(tickets(second).values())}",
    )
    print(f"converged {took:.1f} s after the link came back")
    view = assert_one_queue(first, second)
    assert set(view) == everything
    assert len(view) == 7
    for process in nodes.values():
        stop(process)
    for root in (first, second):
        report = journal_check(cli, root)
        assert report["ok"], report
        assert report["tickets"] == 7, report


@pytest.mark.slow
@pytest.mark.netns
def test_nodes_whose_link_is_cut_stop_promptly_and_cleanly_on_sigterm(tmp_path, network):
    """A desk shut down at the end of the day while the network is down: its node stops
    soon after SIGTERM, with status 0 and no traceback, on either end of the link."""
    first, second = enrolled_pair(tmp_path)
    listening = network.start(network.a, node_argv(first, "--listen", f"{network.a_ip}:{PORT}"))
    assert Lines(listening).json()["listening"] == f"{network.a_ip}:{PORT}"
    linking = network.start(network.b, node_argv(second, "--peer", f"{network.a_ip}:{PORT}"))
    # R2 remembers R1 once linked with it
    wait_until(lambda: (second / PEERS_FILE).exists(), 20, lambda: "R2 did not link with R1")

    network.cut()
    asked = time.monotonic()
    for process in (linking, listening):
        process.send_signal(signal.SIGTERM)
    took = {}
    for desk, process in (("R2", linking), ("R1", listening)):
        try:
            process.wait(timeout=max(0.0, asked + 60 - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        took[desk] = time.monotonic() - asked
    errors = {desk: p.stderr.read() for desk, p in (("R2", linking), ("R1", listening))}
    assert (linking.returncode, listening.returncode) == (0, 0), (took, errors)
    assert all(seconds < STOP_CUT_OFF_SECONDS for seconds in took.values()), (
        f"seconds from SIGTERM to exit, the link cut: {took}"
    )
    for desk, text in errors.items():
        assert "Traceback" not in text, f"{desk} on stopping:\n{text}"


# -- kill -9 in the middle of a catch-up ---------------------------------------------------

CATCH_UP = 300
#: When each kill falls: ``("start", s)`` s seconds after the node was started (before it
#: links), ``("link", s)`` s seconds after it linked (it writes R1's address down then,
#: and the catch-up follows: half a second to a few here), ``("caught up", 0)`` as soon
#: as the catch-up is seen committed.
KILLS = (("start", 0.3), ("link", 0.0), ("link", 0.1), ("link", 0.3), ("caught up", 0.0))


def kill_when(root: Path, process: subprocess.Popen, moment: str, seconds: float) -> None:
    """Wait for ``moment`` of a node catching up in ``root``, then ``seconds``, then
    SIGKILL it."""
    if moment == "link":
        wait_until(lambda: (root / PEERS_FILE).exists(), 30, lambda: "R2 did not link")
    elif moment == "caught up":
        wait_until(lambda: len(tickets(root)) == CATCH_UP, 60, lambda: "R2 did not catch up")
    time.sleep(seconds)  # when to kill, not a wait for anything
    process.send_signal(signal.SIGKILL)
    assert process.wait(timeout=20) == -signal.SIGKILL


@pytest.mark.slow
def test_a_desk_killed_during_its_catch_up_stays_sound_and_catches_up_when_started_again(
    tmp_path, cli
):
    """R1 has issued 300 tickets (some called) before R2 ever linked to it; R2's node is
    killed with SIGKILL at moments spread over its catch-up, each time from the same
    fresh folder. After every kill its journal checks sound and holds all of the
    catch-up or none of it; started again, it catches up in full."""
    first, second = enrolled_pair(tmp_path)
    pristine = tmp_path / "R2-pristine"
    shutil.copytree(second, pristine)
    with Journal.open(first, resources=resources_dir(), purpose="test") as journal:
        for n in range(CATCH_UP):
            journal.issue(SERVICES[n % len(SERVICES)])
            if n % 10 == 9:
                journal.call_next("C1")
    expected = tickets(first)
    assert len(expected) == CATCH_UP

    listening = popen(node_argv(first, "--listen", "127.0.0.1:0"))
    peer: subprocess.Popen | None = None
    try:
        address = Lines(listening).json()["listening"]
        outcomes = {}
        for n, (moment, seconds) in enumerate(KILLS):
            root = tmp_path / f"R2-killed-{n}"
            shutil.copytree(pristine, root)
            peer = popen(node_argv(root, "--peer", address))
            kill_when(root, peer, moment, seconds)
            errors = peer.stderr.read()
            assert "Traceback" not in errors, errors
            report = journal_check(cli, root)
            assert report["ok"], (moment, seconds, report)
            assert report["quarantined"] == 0, (moment, seconds, report)
            got = tickets(root)
            # the catch-up is one transaction: all of it or none of it
            assert len(got) in (0, CATCH_UP), (moment, seconds, len(got))
            if got:
                assert got == expected
            outcomes[f"{moment} +{seconds}s"] = len(got)
        print(f"tickets after each kill: {outcomes}")
        # the kill right after the link fell in the catch-up, before its commit
        assert outcomes["link +0.0s"] == 0, outcomes

        # started again, each killed desk catches up in full (linked again, it writes
        # R1's address down anew: then it is up and can be stopped cleanly)
        for n in range(len(KILLS)):
            root = tmp_path / f"R2-killed-{n}"
            (root / PEERS_FILE).unlink(missing_ok=True)
            peer = popen(node_argv(root, "--peer", address))
            wait_until(
                lambda root=root: tickets(root) == expected and (root / PEERS_FILE).exists(),
                60,
                lambda root=root: f"{len(tickets(root))} of {CATCH_UP} tickets",
            )
            stop(peer)
            peer = None
            assert_one_queue(first, root)
            report = journal_check(cli, root)
            assert report["ok"], report
            assert report["tickets"] == CATCH_UP, report
        stop(listening)
    finally:
        for process in (peer, listening):
            if process is not None and process.poll() is None:
                process.kill()
                process.wait()
