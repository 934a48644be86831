"""What the staff windows say of the other desks: a status line naming those linked now
(or saying, in words that cannot be missed, that this desk works alone), and a window
listing every desk of the centre: reachable or not, when last heard from, how far
behind."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cnaim_desk.ui.tables import refill

if TYPE_CHECKING:
    from cnaim_desk.sync.background import BackgroundSync, DeskReach

REFRESH_MS = 2000
#: A peer not heard from for this long is shown as late.
LATE_SECONDS = 30

Sync = Callable[[], "BackgroundSync | None"]


class SyncStatus(QLabel):
    """Hidden on a desk that does not sync (standalone, demo)."""

    def __init__(self, sync: Sync, parent: QWidget | None = None):
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
        notice = not peers or sync.journal.recovering
        if sync.journal.recovering:
            text = "⚠ " + self.tr(
                "This desk lost its journal: it gives no ticket until today's queue is back "
                "from the other desks."
            )
        elif not peers:
            text = "⚠ " + self.tr(
                "Alone: no other desk of the centre is reachable. Work goes on here and is "
                "shared when they are back."
            )
        else:
            names = []
            for peer in peers:
                late = peer.seconds_since_heard is not None and (
                    peer.seconds_since_heard > LATE_SECONDS
                )
                if late:
                    names.append(
                        self.tr("{desk} (not heard for {s} s)").format(
                            desk=peer.desk, s=round(peer.seconds_since_heard)
                        )
                    )
                elif peer.behind:
                    names.append(
                        self.tr("{desk} ({n} events behind)").format(desk=peer.desk, n=peer.behind)
                    )
                else:
                    names.append(peer.desk)
            text = self.tr("Linked with {desks}").format(desks=", ".join(names))
        self.setProperty("role", "notice" if notice else "")
        self.setText(text)
        self.setAccessibleName(self.text())
        self.style().unpolish(self)
        self.style().polish(self)
        self.show()


class DesksDialog(QDialog):
    """Every other desk of the centre's registry, refreshed every two seconds."""

    COLUMNS = 5

    def __init__(self, sync: Sync, parent: QWidget | None = None):
        super().__init__(parent)
        self._sync = sync
        self.setObjectName("desks-dialog")
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.close_button = QPushButton(self, clicked=self.accept)
        self.close_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignRight)
        self._timer = QTimer(self, interval=REFRESH_MS, timeout=self.refresh)
        self._timer.start()
        self.resize(820, 360)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Desks of the centre"))
        self.table.setAccessibleName(self.tr("Desks of the centre"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Desk"),
                self.tr("Role"),
                self.tr("Reach"),
                self.tr("Last heard"),
                self.tr("Behind"),
            ]
        )
        self.close_button.setText(self.tr("Close"))
        self.refresh()

    def _role(self, role: str) -> str:
        return {
            "reception": self.tr("reception"),
            "counter": self.tr("counter"),
            "board": self.tr("board"),
        }.get(role, role)

    def _reach(self, desk: DeskReach) -> str:
        if desk.revoked:
            return self.tr("revoked")
        if desk.linked:
            return self.tr("linked")
        if desk.online:
            return self.tr("through other desks")
        return self.tr("out of reach")

    def _heard(self, desk: DeskReach) -> str:
        if desk.linked or (desk.seconds_since_heard is not None and desk.seconds_since_heard < 1):
            return self.tr("now")
        if desk.seconds_since_heard is None:
            return self.tr("not since this desk started")
        return self.tr("{s} s ago").format(s=round(desk.seconds_since_heard))

    def _behind(self, desk: DeskReach) -> str:
        if desk.behind is None:
            return "—"
        if desk.behind == 0:
            return self.tr("in step")
        return self.tr("{n} events behind").format(n=desk.behind)

    def refresh(self) -> None:
        sync = self._sync()
        desks = sync.desks() if sync is not None else []
        refill(
            self.table,
            (
                [
                    QTableWidgetItem(text)
                    for text in (
                        desk.desk,
                        self._role(desk.role),
                        self._reach(desk),
                        self._heard(desk),
                        self._behind(desk),
                    )
                ]
                for desk in desks
            ),
        )
