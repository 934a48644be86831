"""Staff windows refresh once for a burst of changes, after a board in the same process."""

from __future__ import annotations

from PySide6.QtCore import QObject

from cnaim_desk.ui.refresh import DELAY_MS, RefreshSoon


def test_a_burst_of_changes_costs_one_refresh_with_all_of_them(qtbot):
    owner = QObject()
    runs: list[list] = []
    soon = RefreshSoon(runs.append, owner)
    for change in ("a", "b", "c"):
        soon.request(change)
    assert runs == []  # nothing yet: the board paints first
    assert soon.pending
    qtbot.waitUntil(lambda: bool(runs), timeout=DELAY_MS * 20)
    qtbot.wait(DELAY_MS * 3)
    assert runs == [["a", "b", "c"]]
    soon.request("d")
    qtbot.waitUntil(lambda: len(runs) == 2, timeout=DELAY_MS * 20)
    assert runs[1] == ["d"]


def test_a_steady_stream_of_changes_still_refreshes(qtbot):
    """A request does not put the refresh off: changes arriving faster than the delay, for
    longer than it, still refresh the window along the way."""
    owner = QObject()
    runs: list[list] = []
    soon = RefreshSoon(runs.append, owner)
    for index in range(12):
        soon.request(index)
        qtbot.wait(DELAY_MS // 2)
    assert runs, "no refresh during a stream of changes"
    qtbot.waitUntil(lambda: sum(len(run) for run in runs) == 12, timeout=DELAY_MS * 20)
    assert [change for run in runs for change in run] == list(range(12))
