"""The counter window, first version: call the next person by the queue policy, recall,
start, finish or mark a no-show, and see who is waiting (staff-only details included).
A hand scanner (or the keyboard) opens a ticket by its QR code or its code.

Keys: F3 the scan field, F4 call the scanned ticket, F5 call next, F6 recall, F7 start,
F8 finish, F9 no-show.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cnaim_desk.domain.languages import holder_language
from cnaim_desk.domain.tickets import AT_COUNTER, IN_QUEUE
from cnaim_desk.journal.journal import Journal
from cnaim_desk.journal.projection import Change
from cnaim_desk.journal.queries import TicketView
from cnaim_desk.printing.fonts import FontRegistry
from cnaim_desk.ui.i18n import staff_language
from cnaim_desk.ui.labels import priority_label, refusal_text, status_label
from cnaim_desk.ui.qt_journal import JournalBridge
from cnaim_desk.ui.scan import ScanField
from cnaim_desk.ui.tables import refill

LANGUAGE_COLUMN = 3
#: A scanned ticket in these can be called out of turn.
CALLABLE = IN_QUEUE


class CounterWindow(QMainWindow):
    """A service counter: one technician calling and serving people."""

    def __init__(
        self,
        bridge: JournalBridge,
        desk: str,
        fonts: FontRegistry,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._bridge = bridge
        self._fonts = fonts
        self._profile = bridge.journal.profile
        self.desk = desk
        self.current: TicketView | None = None
        self.setObjectName("counter")

        central = QWidget(self)
        layout = QVBoxLayout(central)
        self.heading = QLabel(central)
        self.heading.setProperty("role", "title")
        layout.addWidget(self.heading)

        self.scanned: TicketView | None = None
        self.scan = ScanField(bridge, central)
        self.scan.found.connect(self._scanned)
        layout.addWidget(self.scan)
        scanned_row = QHBoxLayout()
        self.scanned_label = QLabel(central)
        self.scanned_label.setWordWrap(True)
        self.scanned_label.setProperty("role", "holder-small")
        self.call_scanned_button = QPushButton(central)
        self.call_scanned_button.setEnabled(False)
        self.call_scanned_button.clicked.connect(self.call_scanned)
        QShortcut(QKeySequence("F4"), self, activated=self.call_scanned_button.animateClick)
        QShortcut(QKeySequence("F3"), self, activated=self.focus_scan)
        scanned_row.addWidget(self.scanned_label, 1)
        scanned_row.addWidget(self.call_scanned_button)
        layout.addLayout(scanned_row)

        top = QHBoxLayout()
        self.current_box = QGroupBox(central)
        current_layout = QHBoxLayout(self.current_box)
        self.code_label = QLabel("", self.current_box)
        self.code_label.setProperty("role", "code")
        self.code_label.setMinimumWidth(220)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail_label = QLabel(self.current_box)
        self.detail_label.setWordWrap(True)
        current_layout.addWidget(self.code_label)
        current_layout.addWidget(self.detail_label, 1)
        top.addWidget(self.current_box, 3)

        self.services_box = QGroupBox(central)
        services_layout = QVBoxLayout(self.services_box)
        self.services = QListWidget(self.services_box)
        for service in self._profile.services:
            item = QListWidgetItem(f"{service.letter}  {service.code}")
            item.setData(Qt.ItemDataRole.UserRole, service.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.services.addItem(item)
        self.services.itemChanged.connect(lambda _item: self._services_changed())
        services_layout.addWidget(self.services)
        top.addWidget(self.services_box, 1)
        layout.addLayout(top)

        actions = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        for index, (name, key, handler) in enumerate(
            (
                ("call", "F5", self.call_next),
                ("recall", "F6", lambda: self._step(lambda j, t: j.recall(t, self.desk))),
                ("start", "F7", lambda: self._step(lambda j, t: j.start(t, self.desk))),
                ("finish", "F8", lambda: self._step(lambda j, t: j.finish(t, self.desk))),
                ("no_show", "F9", lambda: self._step(lambda j, t: j.no_show(t, self.desk))),
            )
        ):
            button = QPushButton(central)
            # A QShortcut, not button.setShortcut(): setText() replaces a button's shortcut
            # with its mnemonic, and the texts are set again at each language change.
            QShortcut(QKeySequence(key), self, activated=button.animateClick)
            button.setMinimumHeight(48)
            button.clicked.connect(handler)
            self.buttons[name] = button
            # Call next spans the first row: it is the key pressed all day.
            if index == 0:
                actions.addWidget(button, 0, 0, 1, 4)
            else:
                actions.addWidget(button, 1, index - 1)
        layout.addLayout(actions)

        self.message = QLabel(central)
        self.message.setWordWrap(True)
        self.message.setProperty("role", "notice")
        layout.addWidget(self.message)

        self.queue_box = QGroupBox(central)
        queue_layout = QVBoxLayout(self.queue_box)
        self.queue = QTableWidget(0, 6, self.queue_box)
        self.queue.verticalHeader().setVisible(False)
        self.queue.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.queue.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        header = self.queue.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        queue_layout.addWidget(self.queue)
        layout.addWidget(self.queue_box, 1)
        self.setCentralWidget(central)

        self.scan.take_keys_from(self.queue, self.services, *self.buttons.values())
        self.scan.take_keys_from(self.call_scanned_button)
        bridge.changed.connect(self._on_change)
        self.retranslate()
        self.refresh()
        self.focus_scan()

    # -- texts -------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("CNAIM Desk — Counter {desk}").format(desk=self.desk))
        self.heading.setText(self.tr("Counter {desk}").format(desk=self.desk))
        self.current_box.setTitle(self.tr("At this counter"))
        self.services_box.setTitle(self.tr("Services served"))
        texts = {
            "call": self.tr("Call next (F5)"),
            "recall": self.tr("Recall (F6)"),
            "start": self.tr("Start (F7)"),
            "finish": self.tr("Finish (F8)"),
            "no_show": self.tr("No-show (F9)"),
        }
        for name, button in self.buttons.items():
            button.setText(texts[name])
            button.setAccessibleName(texts[name])
        self.call_scanned_button.setText(self.tr("Call this ticket (F4)"))
        self._show_scanned()
        self.queue_box.setTitle(self.tr("Waiting, in calling order"))
        self.queue.setHorizontalHeaderLabels(
            [
                self.tr("Ticket"),
                self.tr("Service"),
                self.tr("Since"),
                self.tr("Language"),
                self.tr("Priority"),
                self.tr("Group"),
            ]
        )
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- actions -----------------------------------------------------------------------

    def served_services(self) -> list[str]:
        codes = []
        for row in range(self.services.count()):
            item = self.services.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                codes.append(item.data(Qt.ItemDataRole.UserRole))
        return codes

    def open_counter(self) -> None:
        """Record this counter as open for its services (expected waits count it)."""
        services = self.served_services()
        self._bridge.submit(lambda journal: journal.set_counter(self.desk, "open", services))

    def close_counter(self) -> None:
        self._bridge.submit(lambda journal: journal.set_counter(self.desk, "closed"))

    def _services_changed(self) -> None:
        self.open_counter()
        self.refresh()

    def call_next(self) -> None:
        services = self.served_services()
        if not services:
            self._tell(self.tr("Choose at least one service to call for."))
            return
        self._bridge.submit(
            lambda journal: journal.call_next(self.desk, services), self._called, self._refused
        )

    def focus_scan(self) -> None:
        self.scan.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _scanned(self, ticket: TicketView) -> None:
        """A ticket was scanned: at this counter it becomes the current one; otherwise it
        is shown, with F4 to call it out of turn when it is waiting."""
        self._tell("")
        if ticket.status in AT_COUNTER and ticket.called_by == self.desk:
            self.current = ticket
            self.scanned = None
        else:
            self.scanned = ticket
        self.refresh()

    def call_scanned(self) -> None:
        if self.scanned is None or self.scanned.status not in CALLABLE:
            return
        ticket_id = self.scanned.id
        self._bridge.submit(
            lambda journal: journal.call(ticket_id, self.desk), self._called, self._refused
        )

    def _called(self, ticket: TicketView | None) -> None:
        if ticket is None:
            self._tell(self.tr("No one is waiting for these services."))
        else:
            self._tell("")
            self.current = ticket
            if self.scanned is not None and self.scanned.id == ticket.id:
                self.scanned = None
        self.refresh()

    def _step(self, action: Callable[[Journal, str], TicketView]) -> None:
        if self.current is None:
            self._tell(self.tr("No ticket at this counter: call the next person first."))
            return
        ticket_id = self.current.id
        self._bridge.submit(
            lambda journal: action(journal, ticket_id), self._stepped, self._refused
        )

    def _stepped(self, ticket: TicketView) -> None:
        self._tell("")
        self.current = ticket if ticket.status in AT_COUNTER else None
        self.refresh()

    def _refused(self, error: Exception) -> None:
        message = refusal_text(error)
        self._tell(message)

    def _tell(self, text: str) -> None:
        self.message.setText(f"⚠ {text}" if text else "")

    # -- showing -----------------------------------------------------------------------

    def _on_change(self, change: Change) -> None:
        if change.day == self._bridge.today():
            self.refresh()

    def refresh(self) -> None:
        today = self._bridge.today()
        if self.scanned is not None:
            self.scanned = self._bridge.read(lambda q: q.ticket(today, self.scanned.id))
        self._show_scanned()
        if self.current is not None:
            self.current = self._bridge.read(lambda q: q.ticket(today, self.current.id))
            if self.current is not None and self.current.status not in AT_COUNTER:
                self.current = None
        self._show_current()
        waiting = self._bridge.read(lambda q: q.waiting(today, self.served_services()))
        refill(self.queue, (self._queue_items(ticket) for ticket in waiting))
        can_act = self.current is not None
        for name in ("recall", "start", "finish", "no_show"):
            self.buttons[name].setEnabled(can_act)

    def _queue_items(self, ticket: TicketView) -> list[QTableWidgetItem]:
        language = holder_language(ticket.language)
        cells = (
            ticket.code,
            ticket.service + (" ↩" if ticket.referred_from else ""),
            ticket.issued_at.strftime("%H:%M"),
            f"{language.native_name} ({language.tag})",
            priority_label(ticket.priority) if ticket.priority else "",
            str(ticket.group_size),
        )
        items = [QTableWidgetItem(text) for text in cells]
        # the holder's language in its own script's font (Urdu in Nastaliq)
        items[LANGUAGE_COLUMN].setFont(self._fonts.font_for_language(language.tag))
        return items

    def _show_scanned(self) -> None:
        ticket = self.scanned
        if ticket is None:
            self.scanned_label.setText("")
            self.call_scanned_button.setEnabled(False)
            return
        service = self._profile.service(ticket.service).staff_name(staff_language())
        parts = [self.tr("Scanned: {code}").format(code=ticket.code), service]
        parts.append(status_label(ticket.status))
        if ticket.position == 0 and ticket.status in CALLABLE:
            parts.append(self.tr("next in line"))
        elif ticket.position is not None and ticket.status in CALLABLE:
            parts.append(self.tr("{n} ahead").format(n=ticket.position))
        if ticket.called_by:
            parts.append(self.tr("called by {desk}").format(desk=ticket.called_by))
        language = holder_language(ticket.language)
        parts.append(self.tr("language: {name}").format(name=language.native_name))
        self.scanned_label.setText(" · ".join(parts))
        self.call_scanned_button.setEnabled(ticket.status in CALLABLE)

    def _show_current(self) -> None:
        ticket = self.current
        if ticket is None:
            self.code_label.setText("")
            self.detail_label.setText(self.tr("Free. Press F5 to call the next person."))
            return
        self.code_label.setText(ticket.code)
        language = holder_language(ticket.language)
        parts = [
            self._profile.service(ticket.service).staff_name(staff_language()),
            status_label(ticket.status),
            self.tr("language: {name}").format(name=language.native_name),
        ]
        if ticket.priority:
            parts.append(
                self.tr("priority: {category}").format(category=priority_label(ticket.priority))
            )
        if ticket.recalls:
            parts.append(self.tr("recalled {n}×").format(n=ticket.recalls))
        self.detail_label.setText(" · ".join(parts))
