"""Memory of a desk with the board open.

A child process (``children/demo_memory.py``) runs the demo desk as ``cnaim-desk --demo``
does: reception, counter and board in one process, offscreen. It issues ~300 tickets with
the reception's buttons (each rendered and saved as a PDF, as with no printer set up), then
calls, starts and finishes them with the counter's buttons while the board follows. It then
reports its peak resident memory (``VmHWM``, KiB) and its current one
(``VmRSS`` in ``/proc/self/status``), also after start-up and after issuing.

MB here are 10⁶ bytes, the stricter reading of the budget.

Fonts: Qt reads every font fontconfig knows, and a development machine knows hundreds
(this one, with Debian's full Noto sets, some 2,000: about 8 MB more). The desks are
kiosk and reception PCs set up from a bare Debian, which has DejaVu only: the app ships
the fonts it draws with. The budget row is measured so (a fontconfig file naming DejaVu
alone); a second run with all of this machine's fonts is reported beside it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bench.measure import (
    MEMORY,
    Outcome,
    Row,
    child_script,
    offscreen_env,
    progress,
    remove_dir,
    run_child_until,
    scratch_dir,
)

NAME = "memory"


def mb(kib: int) -> float:
    return kib * 1024 / 1e6


def _system_fonts() -> str:
    try:
        listing = subprocess.run(["fc-list"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return "an unknown number of"
    return str(len(listing.stdout.splitlines()))


def _import_layers(steps: list[list]) -> dict[str, float]:
    """MB added by each step of ``import_memory.py``, the PySide6 modules together."""
    layers: dict[str, float] = {}
    previous = 0
    for label, kib in steps:
        name = "PySide6 (4 modules)" if label.startswith("PySide6") else label
        layers[name] = layers.get(name, 0.0) + mb(kib - previous)
        previous = kib
    return {name: round(value, 1) for name, value in layers.items()}


DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


def _bare_debian_fonts(root: Path) -> Path:
    """A fontconfig file that knows DejaVu only, as a bare Debian machine."""
    path = root / "fonts.conf"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        f"  <dir>{DEJAVU}</dir>\n  <cachedir>{root / 'fontconfig-cache'}</cachedir>\n"
        "</fontconfig>\n"
    )
    return path


def _demo(root: Path, name: str, count: int, **env: str) -> dict:
    _elapsed, line, _rest = run_child_until(
        [sys.executable, child_script("demo_memory.py"), str(root / name), str(count)],
        "MEMORY",
        env=offscreen_env(**env),
        timeout=600,
    )
    return json.loads(line.split(" ", 1)[1])


def _peak(report: dict) -> float:
    """The child's peak resident memory: VmHWM, which starts afresh with the program.
    (``ru_maxrss`` survives exec: a child spawned by a bench process that grew large,
    as after generating the history file, would report the parent's peak.)"""
    return mb(report["memory_kib"]["served"]["hwm"])


def run(quick: bool = False) -> Outcome:
    count = 60 if quick else 300
    outcome = Outcome(NAME)
    root = scratch_dir("memory")
    try:
        progress(f"memory: the demo desk issues, calls and serves {count} tickets (DejaVu only)")
        report = _demo(root, "desk", count, FONTCONFIG_FILE=str(_bare_debian_fonts(root)))
        progress("memory: the same with every font of this machine")
        all_fonts = _demo(root, "desk-all-fonts", count)
        _elapsed, imports_line, _rest = run_child_until(
            [sys.executable, child_script("import_memory.py")], "IMPORTS", env=offscreen_env()
        )
    finally:
        remove_dir(root)
    imports = _import_layers(json.loads(imports_line.split(" ", 1)[1]))
    memory = report["memory_kib"]
    peak = _peak(report)
    outcome.rows.append(
        Row(
            "memory of a desk with the board open (demo: reception + counter + board; "
            "fonts of a bare Debian)",
            f"peak {peak:.0f} MB, now {mb(memory['served']['rss']):.0f} MB "
            f"after {count} issued and {report['served']} served",
            MEMORY,
            peak,
        )
    )
    outcome.rows.append(
        Row(
            f"· the same where fontconfig knows this machine's {_system_fonts()} fonts",
            f"peak {_peak(all_fonts):.0f} MB",
        )
    )
    stages = ", ".join(
        f"{label} {mb(memory[stage]['rss']):.0f}"
        for stage, label in (
            ("imported", "imports"),
            ("qapplication", "QApplication"),
            ("fonts", "fonts"),
            ("journal", "journal"),
            ("started", "windows shown"),
            ("issued", f"{count} issued"),
        )
    )
    outcome.rows.append(Row("· RSS along the way (MB)", stages))
    outcome.rows.append(
        Row(
            "· RSS added by each layer of imports (MB, separate child)",
            ", ".join(f"{label} {value:.0f}" for label, value in imports.items()),
        )
    )
    outcome.notes.append(
        "Memory: offscreen platform (no GPU or X11 buffers; a real display adds the window "
        "surfaces), MB = 10⁶ bytes; tickets saved as PDFs, as with no printer set up; "
        "fontconfig limited to DejaVu for the budget row, as on a bare Debian (the app "
        "ships its own fonts); a board with sound plays its chime through pw-play, paplay "
        "or aplay, so Qt's media backend (about 14 MB) is not loaded for it."
    )
    refresh = report.get("refresh_ms", {})
    if refresh:
        outcome.rows.append(
            Row(
                "· windows' refresh per change in that run (p50 / p95, total)",
                "; ".join(
                    f"{name} {values['p50']:.1f} / {values['p95']:.1f} ms, {values['total_s']} s"
                    for name, values in refresh.items()
                ),
            )
        )
    if report.get("none_refs_lost_per_void_call"):
        outcome.notes.append(
            "Memory: the child padded None's reference count (PySide6 6.12 on CPython 3.11 "
            'loses one per void Qt call; bench/README.md, "A defect of the stack").'
        )
    outcome.details = {
        "tickets": count,
        "served": report["served"],
        "statuses": report["statuses"],
        "refresh_ms": refresh,
        "import_layers_mb": imports,
        "memory_mb": {
            stage: {key: round(mb(value), 1) for key, value in values.items()}
            for stage, values in memory.items()
        },
    }
    return outcome
