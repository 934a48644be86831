"""The staff windows' line about the other desks: which are linked now, or, in words
that cannot be missed, that this desk is working alone."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QLabel, QWidget

if TYPE_CHECKING:
    from cnaim_desk.sync.background import BackgroundSync

REFRESH_MS = 2000
#: A peer not heard from for this long is shown as late.
LATE_SECONDS = 30


class SyncStatus(QLabel):
    """Hidden on a desk that does not sync (standalone, demo)."""

    def __init__(self, sync: Callable[[], BackgroundSync | None], parent: QWidget | None = None):
        super().__init__(parent)
        self._sync = sync
        self.setObjectName("sync-status")
        self._timer = QTimer(self, interval=REFRESH_MS, timeout=self.refresh)
        self._timer.start()
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)

    def refresh(self) -> None:
        sync = self._sync()
        if sync is None:
            self.hide()
            return
        peers = sync.peers()
        if not peers:
            self.setProperty("role", "notice")
            self.setText(
                "⚠ "
                + self.tr(
                    "Alone: no other desk of the centre is reachable. Work goes on here and is "
                    "shared when they are back."
                )
            )
        else:
            self.setProperty("role", "")
            names = []
            for peer in peers:
                late = peer.seconds_since_heard is not None and (
                    peer.seconds_since_heard > LATE_SECONDS
                )
                names.append(
                    self.tr("{desk} (not heard for {s} s)").format(
                        desk=peer.desk, s=round(peer.seconds_since_heard)
                    )
                    if late
                    else peer.desk
                )
            self.setText(self.tr("Linked with {desks}").format(desks=", ".join(names)))
        self.setAccessibleName(self.text())
        self.style().unpolish(self)
        self.style().polish(self)
        self.show()
