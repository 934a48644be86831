"""Cold start to a usable reception window.

A fresh ``python`` process starts a set-up desk's reception exactly as ``cnaim-desk``
does (``children/reception_start.py``): QApplication, the shipped fonts, the journal,
the composition root, the reception window shown, then one turn of the event loop
(``QTimer.singleShot(0, ...)``) prints READY. The time is wall time from spawning the
process to that line, on Qt's offscreen platform.

The same start on a desk whose file holds a year of the centre's history (the cached file
of :mod:`bench.history_file`, a million past tickets) shows what the history costs a start.

Beside them, the floor: a child that only imports ``PySide6.QtWidgets`` and ``sqlmodel``,
and the bare interpreter. One more start runs under ``python -X importtime`` to say which
packages the import time goes to.

The runs are warm: one start before the measured ones fills the OS file cache and writes
the bytecode, as on a desk PC that has run the app before. A first start after a reboot
reads everything from disk and is slower.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
import time
from collections import defaultdict

from bench.history_file import TICKETS_PER_DAY, WORKING_DAYS, history_desk
from bench.measure import (
    COLD_START,
    Outcome,
    Row,
    child_script,
    new_desk,
    offscreen_env,
    percentile,
    progress,
    remove_dir,
    run_child_until,
    scratch_dir,
    summary,
)

NAME = "cold_start"
PHASES = (
    ("script", "interpreter start"),
    ("imports", "imports"),
    ("qapplication", "QApplication"),
    ("fonts", "fonts"),
    ("journal", "journal open"),
    ("desk", "desk (bridge, output, settings)"),
    ("window", "reception window built and shown"),
    ("ready", "first event-loop turn"),
)
IMPORT_GROUPS = {
    "PySide6": "PySide6 (Qt)",
    "shiboken6": "PySide6 (Qt)",
    "shibokensupport": "PySide6 (Qt)",
    "sqlmodel": "sqlmodel + SQLAlchemy + pydantic",
    "sqlalchemy": "sqlmodel + SQLAlchemy + pydantic",
    "pydantic": "sqlmodel + SQLAlchemy + pydantic",
    "pydantic_core": "sqlmodel + SQLAlchemy + pydantic",
    "annotated_types": "sqlmodel + SQLAlchemy + pydantic",
    "typing_extensions": "sqlmodel + SQLAlchemy + pydantic",
    "typing_inspection": "sqlmodel + SQLAlchemy + pydantic",
    "greenlet": "sqlmodel + SQLAlchemy + pydantic",
    "cryptography": "cryptography",
    "_cffi_backend": "cryptography",
    "cffi": "cryptography",
    "pycrdt": "pycrdt",
    "qrcode": "qrcode + Pillow",
    "PIL": "qrcode + Pillow",
    "cnaim_desk": "cnaim_desk itself",
    "zeroconf": "zeroconf",
    "platformdirs": "platformdirs",
}
_IMPORT_LINE = re.compile(r"import time:\s+(\d+)\s+\|\s+(\d+)\s+\|\s+(\S.*)$")


def _starts(args: list[str], runs: int, env: dict[str, str]) -> tuple[list[float], list[dict]]:
    times, phases = [], []
    for _ in range(runs):
        spawned = time.time()
        elapsed, line, _rest = run_child_until(args, "READY", env=env)
        stamps = json.loads(line.split(" ", 1)[1])
        times.append(elapsed)
        phases.append({key: value - spawned for key, value in stamps.items()})
    return times, phases


def _phase_medians(phases: list[dict]) -> dict[str, float]:
    """Median duration of each step, from the previous step's stamp to its own."""
    result: dict[str, float] = {}
    for index, (key, _label) in enumerate(PHASES):
        previous = PHASES[index - 1][0] if index else None
        durations = [p[key] - (p[previous] if previous else 0.0) for p in phases if key in p]
        if durations:
            result[key] = round(percentile(durations, 50), 4)
    return result


def _import_costs(args: list[str], env: dict[str, str]) -> dict[str, float]:
    """Self import time in seconds per package group, from one ``-X importtime`` start."""
    _elapsed, _line, output = run_child_until(
        [args[0], "-X", "importtime", *args[1:]], "READY", env=env
    )
    groups: dict[str, float] = defaultdict(float)
    stdlib = set(sys.stdlib_module_names)
    for line in output.splitlines():
        match = _IMPORT_LINE.match(line)
        if not match:
            continue
        top = match.group(3).strip().split(".")[0]
        group = IMPORT_GROUPS.get(top) or (
            "standard library" if top.lstrip("_") in stdlib or top in stdlib else "other"
        )
        groups[group] += int(match.group(1)) / 1e6
    return dict(sorted(((k, round(v, 4)) for k, v in groups.items()), key=lambda kv: -kv[1]))


def run(quick: bool = False) -> Outcome:
    runs = 3 if quick else 10
    outcome = Outcome(NAME)
    root = scratch_dir("cold-start")
    try:
        journal = new_desk(root / "desk")
        for service in ("SS", "AIMA", "MS", "EC", "SS"):
            journal.issue(service)
        journal.close()
        env = offscreen_env()
        python = sys.executable
        reception = [python, child_script("reception_start.py"), str(root / "desk")]
        floor = [python, child_script("imports_floor.py")]
        bare = [python, child_script("bare_python.py")]
        progress(f"cold start: {runs} starts of the reception (+1 to warm the caches)")
        _starts(reception, 1, env)
        _starts(floor, 1, env)
        times, phases = _starts(reception, runs, env)
        progress(f"cold start: {runs} starts of the import floor and of the bare interpreter")
        floor_times, _ = _starts(floor, runs, env)
        bare_times, _ = _starts(bare, runs, env)
        progress("cold start: one start under -X importtime")
        imports = _import_costs(reception, env)
        history_runs = 2 if quick else 5
        history, facts = history_desk(50 if quick else WORKING_DAYS, TICKETS_PER_DAY)
        progress(f"cold start: {history_runs} starts on a desk with {facts['tickets']:,} tickets")
        shutil.copytree(history, root / "history")
        with_history = [python, child_script("reception_start.py"), str(root / "history")]
        _starts(with_history, 1, env)  # unmeasured, as above
        history_times, history_phases = _starts(with_history, history_runs, env)
    finally:
        remove_dir(root)

    start, floor_s, bare_s = summary(times, 4), summary(floor_times, 4), summary(bare_times, 4)
    outcome.rows.append(
        Row(
            "cold start to a usable reception window (offscreen)",
            f"median {start['p50']:.3f} s, p95 {start['p95']:.3f} s (n={runs})",
            COLD_START,
            start["p95"],
        )
    )
    outcome.rows.append(
        Row(
            "· floor: `import PySide6.QtWidgets` + `import sqlmodel` in a child",
            f"median {floor_s['p50']:.3f} s, p95 {floor_s['p95']:.3f} s",
        )
    )
    outcome.rows.append(
        Row(
            "· floor: the bare interpreter",
            f"median {bare_s['p50']:.3f} s, p95 {bare_s['p95']:.3f} s",
        )
    )
    year = summary(history_times, 4)
    year_steps = _phase_medians(history_phases)
    outcome.rows.append(
        Row(
            f"cold start, desk with {facts['days']} working days of history "
            f"({facts['tickets']:,} past tickets)",
            f"median {year['p50']:.3f} s, p95 {year['p95']:.3f} s (n={history_runs}); "
            f"journal open {year_steps.get('journal', 0):.3f} s",
            COLD_START,
            year["p95"],
        )
    )
    steps = _phase_medians(phases)
    labels = dict(PHASES)
    outcome.notes.append(
        "Cold start, median time per step: "
        + ", ".join(f"{labels[key]} {value:.3f} s" for key, value in steps.items())
        + "."
    )
    top = list(imports.items())[:6]
    outcome.notes.append(
        "Cold start, import time by package (self time, one `-X importtime` start, which "
        "inflates it a little): " + ", ".join(f"{name} {value:.3f} s" for name, value in top) + "."
    )
    outcome.notes.append(
        "Cold start runs on QT_QPA_PLATFORM=offscreen with a warm OS file cache and bytecode; "
        "a real display adds the platform plugin's connection, a first start after a reboot "
        "reads everything from disk."
    )
    outcome.details = {
        "runs": runs,
        "platform": "offscreen",
        "start_s": start,
        "floor_imports_s": floor_s,
        "bare_interpreter_s": bare_s,
        "steps_median_s": steps,
        "import_self_time_s": imports,
        "with_history": {
            "tickets": facts["tickets"],
            "start_s": year,
            "steps_median_s": year_steps,
        },
    }
    return outcome
