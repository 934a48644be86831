"""A staff window's refresh, once for a burst of changes and after the board's paint."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

#: How long a staff window lets changes gather before it reads the queue again. Short
#: enough to look immediate to the staff; long enough that a desk's calling board (in the
#: same process on a demo or single-PC desk) repaints first, and that a burst of changes
#: from the other desks (tens a second in a large centre) costs one refresh, not tens.
DELAY_MS = 40


class RefreshSoon(QObject):
    """Calls ``refresh`` once, ``DELAY_MS`` after the first of a burst of requests; the
    requests' arguments are handed over together (the changes it is for)."""

    def __init__(self, refresh: Callable[[list], None], parent: QObject):
        super().__init__(parent)
        self._refresh = refresh
        self._pending: list = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self._run)

    def request(self, reason: object = None) -> None:
        if reason is not None:
            self._pending.append(reason)
        if not self._timer.isActive():  # not restarted: a steady stream still refreshes
            self._timer.start()

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def _run(self) -> None:
        reasons, self._pending = self._pending, []
        self._refresh(reasons)
