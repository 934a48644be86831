"""Call committed → board repainted, in the same process.

A calling board (``BoardWindow``) is shown offscreen at 1920×1080 beside its desk's
``JournalBridge``. With about 40 people waiting (one more arrives before each call, in a
Lisbon centre's mix of languages and scripts), the head of the queue is called 100 times
with ``journal.call`` on the GUI thread; an event filter on the board's current-call label
notes the first ``Paint`` event in which the label shows the called code. Two figures per
call:

- **commit → repaint**: from the moment ``journal.call`` returns (its commit, fsync
  included, is done by then) to that paint: the change's trip through the bridge's queued
  signal, the board's refresh (its two queries) and Qt's repaint. This is the budget.
- **call start → repaint**: the same, plus the call itself (read, sign, commit, fsync).

The board's ``refresh`` is wrapped to time it, so the trip splits into: waiting for the
event loop, the refresh, and the repaint. Calls are 0.7 s apart so each call's flash
(0.6 s) has ended before the next, as between real calls.

A second run opens the reception and counter windows too, as the demo desk does: every
change refreshes them as well, a moment later (``ui/refresh.py``), so the board can
paint first; their refreshes are timed, and when they start after the board's paint.
"""

from __future__ import annotations

import os
import time

from bench.measure import (
    BOARD_REPAINT,
    Outcome,
    Row,
    fmt_ms,
    language_mix,
    ms,
    new_desk,
    progress,
    qpa_platform,
    remove_dir,
    scratch_dir,
    shield_none_refcount,
    summary,
    walk_in_services,
)

NAME = "board_repaint"
GAP_SECONDS = 0.7
#: People waiting while the calls are made (the counter window lists them all).
QUEUE = 40
TIMEOUT_SECONDS = 5.0
WARM_UP = 5


def _probe_class():
    from PySide6.QtCore import QEvent, QObject

    class PaintProbe(QObject):
        """Notes when the watched label first paints the expected text."""

        def __init__(self) -> None:
            super().__init__()
            self.expected: str | None = None
            self.painted_at: float | None = None

        def eventFilter(self, watched, event) -> bool:
            if (
                event.type() == QEvent.Type.Paint
                and self.painted_at is None
                and self.expected is not None
                and watched.text() == self.expected
            ):
                self.painted_at = time.perf_counter()
            return False

    return PaintProbe


def _timed(window, method: str) -> list[tuple[float, float]]:
    """Time each call of ``window.method`` from now on (the windows' change handlers call
    it through ``self``, so an instance attribute takes its place); returns the spans."""
    spans: list[tuple[float, float]] = []
    original = getattr(window, method)

    def timed(*args, **kwargs):
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spans.append((started, time.perf_counter()))

    setattr(window, method, timed)
    return spans


def _session(app, fonts, calls: int, staff_windows: bool) -> dict[str, list[float]]:
    from PySide6.QtCore import QEventLoop
    from PySide6.QtTest import QTest

    from cnaim_desk.app import DeskApp
    from cnaim_desk.ui.board.window import BoardWindow

    root = scratch_dir("board")
    journal = new_desk(root / "desk")
    desk = DeskApp(app, journal, fonts)
    board = None
    try:
        # As DeskApp.open_for_role does: the board first, then the staff windows.
        board = BoardWindow(desk.bridge, fonts)
        board.resize(1920, 1080)
        board.show()
        if staff_windows:
            desk.open_reception()
            desk.open_counter("C2")
        QTest.qWaitForWindowExposed(board)
        services = walk_in_services(journal.profile)
        languages = language_mix()

        def arrive(index: int) -> None:
            journal.issue(
                services[index % len(services)], language=languages[index % len(languages)]
            )

        for index in range(QUEUE):
            arrive(index)
        QTest.qWait(300)
        if (board.width(), board.height()) != (1920, 1080):
            raise RuntimeError(f"the board is {board.width()}×{board.height()}, not 1920×1080")

        refreshes = _timed(board, "refresh")
        staff_refreshes = {}
        if staff_windows:
            staff_refreshes = {
                "counter_refresh": _timed(desk.counter, "refresh"),
                "reception_refresh": _timed(desk.reception, "refresh_side"),
            }
        probe = _probe_class()()
        board.current_code.installEventFilter(probe)
        figures: dict[str, list[float]] = {
            "commit_to_repaint": [],
            "start_to_repaint": [],
            "call": [],
            "to_refresh": [],
            "refresh": [],
            "refresh_to_paint": [],
            "paint_to_staff": [],
            **{name: [] for name in staff_refreshes},
        }
        today = journal.today().isoformat()
        spinner = QEventLoop()
        for number in range(calls + WARM_UP):
            # Someone arrives (unmeasured), so about QUEUE keep waiting, as in a centre.
            arrive(QUEUE + number)
            QTest.qWait(20)
            ticket = journal.reader.run(lambda q: q.ordered_queue(today, None))[0]
            probe.expected, probe.painted_at = ticket.code, None
            for spans in (refreshes, *staff_refreshes.values()):
                spans.clear()
            started = time.perf_counter()
            journal.call(ticket.id, "C1")
            committed = time.perf_counter()
            deadline = committed + TIMEOUT_SECONDS
            while probe.painted_at is None and time.perf_counter() < deadline:
                spinner.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)
            if probe.painted_at is None:
                raise RuntimeError(f"the board never painted {ticket.code}")
            if number >= WARM_UP:
                painted = probe.painted_at
                figures["commit_to_repaint"].append(ms(painted - committed))
                figures["start_to_repaint"].append(ms(painted - started))
                figures["call"].append(ms(committed - started))
                if refreshes:
                    refresh_start, refresh_end = refreshes[0]
                    figures["to_refresh"].append(ms(refresh_start - committed))
                    figures["refresh"].append(ms(refresh_end - refresh_start))
                    figures["refresh_to_paint"].append(ms(painted - refresh_end))
            QTest.qWait(int(GAP_SECONDS * 1000))  # the staff windows refresh meanwhile
            if number >= WARM_UP and staff_refreshes:
                for name, spans in staff_refreshes.items():
                    figures[name].append(sum(ms(end - begin) for begin, end in spans))
                began = [spans[0][0] for spans in staff_refreshes.values() if spans]
                if began:
                    figures["paint_to_staff"].append(ms(min(began) - probe.painted_at))
        board.current_code.removeEventFilter(probe)
        return figures
    finally:
        if board is not None:
            board.close()
        desk.shutdown()
        for window in (desk.reception, desk.counter):
            if window is not None:
                window.close()
        remove_dir(root)


def run(quick: bool = False) -> Outcome:
    os.environ.setdefault("QT_QPA_PLATFORM", qpa_platform())
    from PySide6.QtWidgets import QApplication

    from cnaim_desk.printing.fonts import install_application_font, register_fonts

    calls = 20 if quick else 100
    demo_calls = 10 if quick else 50
    outcome = Outcome(NAME)
    lost = shield_none_refcount()
    app = QApplication.instance() or QApplication(["bench"])
    fonts = register_fonts()
    install_application_font(app, fonts)
    progress(f"board: {calls} calls, {GAP_SECONDS} s apart, board alone at 1920×1080")
    alone = _session(app, fonts, calls, staff_windows=False)
    progress(f"board: {demo_calls} calls with the reception and counter windows open too")
    demo = _session(app, fonts, demo_calls, staff_windows=True)

    stats = {key: summary(values) for key, values in alone.items() if values}
    demo_stats = {key: summary(values) for key, values in demo.items() if values}
    repaint, start = stats["commit_to_repaint"], stats["start_to_repaint"]
    outcome.rows.append(
        Row(
            "call committed → board repainted, same process (offscreen, 1920×1080)",
            f"p50 {fmt_ms(repaint['p50'])}, p95 {fmt_ms(repaint['p95'])}, "
            f"max {fmt_ms(repaint['max'])} (n={calls})",
            BOARD_REPAINT,
            repaint["p95"],
        )
    )
    outcome.rows.append(
        Row(
            "· call start → board repainted (the call's own commit included)",
            f"p50 {fmt_ms(start['p50'])}, p95 {fmt_ms(start['p95'])}",
        )
    )
    split = " + ".join(
        f"{label} {fmt_ms(stats[key]['p50'])}"
        for key, label in (
            ("to_refresh", "to the board's refresh"),
            ("refresh", "refresh"),
            ("refresh_to_paint", "to the paint"),
        )
        if key in stats
    )
    outcome.rows.append(Row("· commit → repaint, split (p50)", split))
    demo_repaint = demo_stats["commit_to_repaint"]
    outcome.rows.append(
        Row(
            "· commit → board repainted with reception + counter windows open (demo desk)",
            f"p50 {fmt_ms(demo_repaint['p50'])}, p95 {fmt_ms(demo_repaint['p95'])} "
            f"(n={demo_calls})",
            BOARD_REPAINT,
            demo_repaint["p95"],
        )
    )
    outcome.rows.append(
        Row(
            "· demo desk, the staff windows' refresh for the same change (p50, p95)",
            f"counter window {fmt_ms(demo_stats['counter_refresh']['p50'])}, "
            f"{fmt_ms(demo_stats['counter_refresh']['p95'])}; reception side panel "
            f"{fmt_ms(demo_stats['reception_refresh']['p50'])}, "
            f"{fmt_ms(demo_stats['reception_refresh']['p95'])}; begun after the board's "
            f"paint by {fmt_ms(demo_stats['paint_to_staff']['p50'])}, at least "
            f"{fmt_ms(min(demo['paint_to_staff']))}",
        )
    )
    outcome.notes.append(
        "Board: offscreen platform (software raster, no compositor or vsync); calls made on "
        "the GUI thread with `journal.call`, the board's change arriving through the "
        f"bridge's queued signal; {WARM_UP} unmeasured calls first."
    )
    if lost:
        outcome.notes.append(
            f"Board: this stack loses {lost:g} reference to None per void Qt call (PySide6 "
            "6.12 on CPython 3.11); the benchmark pads None's count so it can finish "
            '(bench/README.md, "A defect of the stack").'
        )
    outcome.details = {
        "calls": calls,
        "gap_seconds": GAP_SECONDS,
        "board_alone_ms": stats,
        "with_staff_windows_ms": demo_stats,
    }
    return outcome
