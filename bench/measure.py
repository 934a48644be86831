"""What every benchmark shares: the budgets, result rows, statistics, scratch folders,
desks to measure on, child processes, and the facts about the machine."""

from __future__ import annotations

import cProfile
import ctypes
import json
import os
import platform
import pstats
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO_DIR = BENCH_DIR.parent
CACHE_DIR = BENCH_DIR / ".cache"
CHILDREN_DIR = BENCH_DIR / "children"
RESULTS_DIR = BENCH_DIR / "results"


# -- budgets (DESIGN.md, "Budgets") ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Budget:
    """A budget of DESIGN.md: its words, the limit, and the unit the limit is in."""

    text: str
    limit: float
    unit: str


COLD_START = Budget("≤ 0.8 s on a 2-core machine", 0.8, "s")
ISSUE = Budget("≤ 30 ms p95", 30.0, "ms")
BOARD_REPAINT = Budget("≤ 16 ms p95", 16.0, "ms")
HISTORY_QUERIES = Budget("≤ 5 ms", 5.0, "ms")
MEMORY = Budget("≤ 180 MB RSS", 180.0, "MB")
RENDER = Budget("≤ 20 ms p95", 20.0, "ms")
ISSUE_TO_PRINT = Budget("≤ 50 ms p95", 50.0, "ms")
SYNC_CALL = Budget("≤ 100 ms p95", 100.0, "ms")
#: Two reception desks apart for an hour, 500 tickets each: linked again, both hold all.
SYNC_CONVERGE = Budget("≤ 1 s", 1.0, "s")
#: No budget ("reported"): the run passes when no desk is left apart.
SYNC_MESH = Budget("reported; every desk ends with the same day", 0.0, "desks apart")


# -- results ----------------------------------------------------------------------------


@dataclass(slots=True)
class Row:
    """One line of the results table. ``value`` (in the budget's unit) is what the verdict
    compares; a row without a budget is reported only."""

    what: str
    measured: str
    budget: Budget | None = None
    value: float | None = None

    @property
    def verdict(self) -> str:
        if self.budget is None or self.value is None:
            return "—"
        return "pass" if self.value <= self.budget.limit else "**FAIL**"

    def to_json(self) -> dict[str, object]:
        return {
            "what": self.what,
            "budget": self.budget.text if self.budget else None,
            "limit": self.budget.limit if self.budget else None,
            "unit": self.budget.unit if self.budget else None,
            "value": round(self.value, 4) if self.value is not None else None,
            "measured": self.measured,
            "verdict": self.verdict.strip("*"),
        }


@dataclass(slots=True)
class Outcome:
    """What one benchmark hands back: table rows, notes for below the table, and the
    figures behind them for the JSON file."""

    name: str
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    details: dict[str, object] = field(default_factory=dict)
    seconds: float = 0.0

    def to_json(self) -> dict[str, object]:
        return {
            "rows": [row.to_json() for row in self.rows],
            "notes": self.notes,
            "details": self.details,
            "seconds": round(self.seconds, 1),
        }


# -- statistics -------------------------------------------------------------------------


def percentile(values: Sequence[float], p: float) -> float:
    """The ``p``-th percentile (0-100), interpolating between the closest ranks."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * p / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def summary(values: Sequence[float], digits: int = 3) -> dict[str, float]:
    """p50, p95 and max of some timings, rounded for the JSON file."""
    return {
        "n": len(values),
        "p50": round(percentile(values, 50), digits),
        "p95": round(percentile(values, 95), digits),
        "max": round(max(values), digits),
    }


def ms(seconds: float) -> float:
    return seconds * 1000


def fmt_ms(value: float) -> str:
    return f"{value:.2f} ms" if value < 10 else f"{value:.1f} ms"


def fmt_bytes(size: int) -> str:
    if size >= 1_000_000_000:
        return f"{size / 1e9:.2f} GB"
    return f"{size / 1e6:.1f} MB"


def _where(key: tuple[str, int, str]) -> str:
    filename, line, function = key
    if filename == "~":
        return function  # a built-in, e.g. {method 'commit' of 'sqlite3.Connection' objects}
    path = Path(filename)
    parts = path.parts
    for anchor in ("cnaim_desk", "sqlalchemy", "sqlmodel", "pycrdt", "PySide6", "bench"):
        if anchor in parts:
            parts = parts[parts.index(anchor) :]
            break
    else:
        parts = parts[-2:]
    return f"{'/'.join(parts)}:{line}({function})"


def profile(work: Callable[[], object], repeat: int, top: int = 12) -> dict[str, object]:
    """Run ``work`` ``repeat`` times under cProfile: the functions with the most
    cumulative and the most self time, and the time inside SQLite's C calls (execute,
    fetch, commit: the database's own work, fsync included), in milliseconds per run."""
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(repeat):
        work()
    profiler.disable()
    return profile_stats(profiler, repeat, top)


def profile_stats(profiler: cProfile.Profile, repeat: int = 1, top: int = 12) -> dict[str, object]:
    """What :func:`profile` reports, from a profiler enabled and disabled elsewhere (around
    work done on another thread, say), in milliseconds per run of ``repeat``."""
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]

    def ranked(index: int) -> list[list[object]]:
        entries = sorted(stats.items(), key=lambda item: -item[1][index])
        return [
            [_where(key), round(values[index] * 1000 / repeat, 3)]
            for key, values in entries
            if not _where(key).startswith("bench/") and "_lsprof" not in _where(key)
        ][:top]

    sqlite_ms = sum(
        values[2] for key, values in stats.items() if key[0] == "~" and "sqlite3." in key[2]
    )
    return {
        "cumulative_ms": ranked(3),
        "self_ms": ranked(2),
        "sqlite3_ms": round(sqlite_ms * 1000 / repeat, 3),
    }


# -- scratch folders and desks ------------------------------------------------------------


def scratch_dir(prefix: str) -> Path:
    """A fresh folder on the repository's own disk (``/tmp`` may be a RAM disk, where
    fsync costs nothing and the figures would flatter the desk)."""
    work = CACHE_DIR / "work"
    work.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f"{prefix}-", dir=work))


def remove_dir(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)


def demo_config():
    from cnaim_desk.app import DEMO_CONFIG

    return DEMO_CONFIG


def new_desk(root: Path, *, seed: bool = True):
    """A standalone desk set up as the demo's reception (a few people already waiting),
    returned open for writing."""
    from cnaim_desk.app import seed_demo
    from cnaim_desk.journal.journal import Journal
    from cnaim_desk.resources import resources_dir

    journal = Journal.init_standalone(
        root, demo_config(), resources=resources_dir(), now_ms=desk_clock()
    )
    if seed:
        seed_demo(journal)
    return journal


#: The holder languages of arrivals in a Lisbon centre, with rough shares: most scripts
#: the desk supports appear, as on a real day (text shaping cost depends on the script).
LANGUAGE_SHARES = (
    ("pt", 30),
    ("en", 12),
    ("hi", 10),
    ("bn", 9),
    ("ne", 8),
    ("ur", 6),
    ("pa", 5),
    ("uk", 5),
    ("es", 4),
    ("ar", 4),
    ("zh-Hans", 3),
    ("fr", 2),
    ("ru", 2),
)


def language_mix() -> list[str]:
    """The languages of successive arrivals: every language in proportion to its share,
    interleaved (pt, en, hi, bn, ..., pt, en, ...)."""
    counts = dict(LANGUAGE_SHARES)
    mix: list[str] = []
    while any(counts.values()):
        for tag, _share in LANGUAGE_SHARES:
            if counts[tag]:
                mix.append(tag)
                counts[tag] -= 1
    return mix


def walk_in_services(profile, tickets: int = 300) -> list[str]:
    """Services a reception can give ``tickets`` walk-in tickets for, spread evenly, without
    any running out: not appointment-only, and a daily quota large enough (or none)."""
    walk_in = [service for service in profile.services if not service.appointment_only]
    for count in range(len(walk_in), 0, -1):
        share = -(-tickets // count)
        fitting = [s for s in walk_in if s.daily_quota is None or s.daily_quota >= share]
        if len(fitting) >= count:
            return [service.code for service in fitting[:count]]
    return [service.code for service in walk_in if service.daily_quota is None]


def desk_clock():
    """The demo's clock (a weekday, 09:15 in Lisbon, moving on): services give tickets only
    while open, and benchmarks run at any hour."""
    from cnaim_desk.app import demo_clock

    return demo_clock()


def desk_clock_offset_ms() -> int:
    """How far :func:`desk_clock` runs ahead of the wall clock, in ms. Desks in several
    processes given the same offset (``wall_clock_ms() + offset``) agree on the day and
    the hour, as desks of one centre do."""
    from cnaim_desk.domain.clock import wall_clock_ms

    return desk_clock()() - wall_clock_ms()


# -- child processes ---------------------------------------------------------------------


#: The screen the offscreen platform pretends to have: a desk PC's usual 1080p monitor
#: (its own default, 800×800, squeezes the staff windows and makes their tables scroll).
SCREEN = (1920, 1080)


def qpa_platform() -> str:
    """The ``QT_QPA_PLATFORM`` value for every window measured: offscreen, one 1080p
    screen at 96 dpi (written to ``bench/.cache/offscreen-screen.json``)."""
    config = CACHE_DIR / "offscreen-screen.json"
    width, height = SCREEN
    text = json.dumps(
        {
            "screens": [
                {
                    "name": "Desk",
                    "x": 0,
                    "y": 0,
                    "width": width,
                    "height": height,
                    "logicalDpi": 96,
                    "logicalBaseDpi": 96,
                    "dpr": 1,
                }
            ]
        }
    )
    if not config.exists() or config.read_text() != text:
        config.parent.mkdir(parents=True, exist_ok=True)
        config.write_text(text)
    return f"offscreen:configfile={config}"


def offscreen_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = qpa_platform()
    env.update(extra)
    return env


def run_child_until(
    args: Sequence[str], marker: str, *, env: dict[str, str], timeout: float = 60.0
) -> tuple[float, str, str]:
    """Spawn ``args`` and return the seconds from spawn until it prints a line starting
    with ``marker``, that line, and its other output (read after it exits)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        list(args),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
        cwd=REPO_DIR,
    )
    line = ""
    elapsed = None
    assert process.stdout is not None
    for raw in process.stdout:
        if raw.startswith(marker):
            elapsed = time.perf_counter() - start
            line = raw.strip()
            break
    try:
        rest, errors = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        rest, errors = process.communicate()
    if elapsed is None:
        raise RuntimeError(
            f"{Path(args[1]).name if len(args) > 1 else args[0]} never printed {marker}: "
            f"exit {process.returncode}\n{errors[-2000:]}"
        )
    return elapsed, line, (rest or "") + (errors or "")


def child_script(name: str) -> str:
    return str(CHILDREN_DIR / name)


# -- a defect of the stack --------------------------------------------------------------


def none_references_lost_per_call() -> float:
    """How many references to ``None`` one call of a Qt method returning ``void`` loses.

    0 on a sound stack. PySide6 6.12's abi3 wheels on CPython 3.11 lose one per call, and a
    process that has made a few thousand such calls more than it holds references to
    ``None`` aborts ("Fatal Python error: none_dealloc"). CPython 3.12 made ``None``
    immortal, so there it cannot happen."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(200):
        probe.setObjectName("probe")
    return max(before - sys.getrefcount(None), 0) / 200


def shield_none_refcount() -> float:
    """When the defect above is present, add 2⁴⁰ to the reference counts of ``None``,
    ``True`` and ``False`` (which drain too, more slowly) so a benchmark can finish; no
    memory is allocated. Returns the loss per call measured."""
    lost = none_references_lost_per_call()
    if lost and sys.version_info < (3, 12):
        for constant in (None, True, False):  # True and False drain too, more slowly
            ctypes.c_ssize_t.from_address(id(constant)).value += 1 << 40
    return lost


# -- the machine ---------------------------------------------------------------------------


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _filesystem(path: Path) -> str:
    try:
        best = ("", "?")
        for line in Path("/proc/mounts").read_text().splitlines():
            _dev, mount, kind, *_ = line.split()
            if str(path).startswith(mount) and len(mount) >= len(best[0]):
                best = (mount, kind)
        return best[1]
    except OSError:
        return "?"


def _git(*args: str) -> str | None:
    try:
        result = subprocess.run(
            ["git", *args], cwd=REPO_DIR, capture_output=True, text=True, timeout=5
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout.strip() if result.returncode == 0 else None


def _commit() -> str | None:
    """The commit measured, marked when the product's code differs from it."""
    commit = _git("rev-parse", "--short", "HEAD")
    if commit and _git("status", "--porcelain", "--", "cnaim_desk", "resources"):
        commit += " + uncommitted changes"
    return commit


def machine_facts() -> dict[str, object]:
    import PySide6
    from PySide6.QtCore import qVersion

    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "cores_usable": usable,
        "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1e9, 1)
        if hasattr(os, "sysconf")
        else None,
        "os": platform.platform(),
        "python": platform.python_version(),
        "pyside6": PySide6.__version__,
        "qt": qVersion(),
        "sqlite": sqlite3.sqlite_version,
        "disk_fs": _filesystem(CACHE_DIR.parent),
        "qt_platform": f"offscreen, one {SCREEN[0]}×{SCREEN[1]} screen",
        "none_refs_lost_per_void_qt_call": none_references_lost_per_call(),
        "commit": _commit(),
        "date": datetime.now(UTC).astimezone().isoformat(timespec="seconds"),
    }


def progress(message: str) -> None:
    """A line on stderr so a long run shows where it is; the table goes to stdout."""
    print(f"  · {message}", file=sys.stderr, flush=True)
