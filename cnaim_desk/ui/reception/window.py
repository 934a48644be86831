"""The reception window (Welcome and Screening desk), first version: choose the arrival's
language and any legal priority, press the service, and the ticket is issued and printed.

Keyboard first: Alt+<ticket letter> issues for a service, Ctrl+P reprints the last
ticket, Ctrl+L goes to the language list.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cnaim_desk.domain.centres import Service
from cnaim_desk.domain.languages import HOLDER_LANGUAGES
from cnaim_desk.domain.tickets import Priority
from cnaim_desk.journal.projection import Change
from cnaim_desk.journal.queries import ServiceLoad, TicketView
from cnaim_desk.printing.fonts import FontRegistry
from cnaim_desk.printing.output import TicketOutput
from cnaim_desk.printing.printers import PrintResult
from cnaim_desk.ui.i18n import staff_language
from cnaim_desk.ui.labels import priority_label, refusal_text
from cnaim_desk.ui.qt_journal import JournalBridge
from cnaim_desk.ui.tables import refill


@dataclass(frozen=True, slots=True)
class IssuedTicket:
    """The last ticket issued here and how its printing went."""

    ticket: TicketView
    printed: PrintResult


class ReceptionWindow(QMainWindow):
    """Issues tickets for the services of the centre.

    Signals:
        issued(IssuedTicket): a ticket was committed and sent to the printer.
    """

    issued = Signal(object)

    def __init__(
        self,
        bridge: JournalBridge,
        output: TicketOutput,
        fonts: FontRegistry,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._bridge = bridge
        self._output = output
        self._profile = bridge.journal.profile
        self._last: IssuedTicket | None = None
        self.setObjectName("reception")

        central = QWidget(self)
        layout = QVBoxLayout(central)
        self.heading = QLabel(central)
        self.heading.setWordWrap(True)
        self.heading.setProperty("role", "title")
        layout.addWidget(self.heading)

        choices = QHBoxLayout()
        self.language_label = QLabel(central)
        self.language = QComboBox(central)
        self.language.setFont(fonts.font_for_language(HOLDER_LANGUAGES[0].tag))
        for index, language in enumerate(HOLDER_LANGUAGES):
            # Each name in its own script's font: Urdu in Nastaliq, not a fallback's Naskh.
            self.language.addItem(language.native_name, language.tag)
            self.language.setItemData(
                index, fonts.font_for_language(language.tag), Qt.ItemDataRole.FontRole
            )
        self.language.currentIndexChanged.connect(
            lambda _index: self.language.setFont(fonts.font_for_language(self.selected_language()))
        )
        self.language_label.setBuddy(self.language)
        choices.addWidget(self.language_label)
        choices.addWidget(self.language, 1)
        self.priority_box = QGroupBox(central)
        priority_layout = QGridLayout(self.priority_box)
        self.priority_group = QButtonGroup(self)
        self.priority_buttons: dict[Priority | None, QRadioButton] = {}
        for index, priority in enumerate((None, *Priority)):
            button = QRadioButton(self.priority_box)
            self.priority_group.addButton(button)
            self.priority_buttons[priority] = button
            priority_layout.addWidget(button, index // 3, index % 3)
        self.priority_buttons[None].setChecked(True)
        choices.addWidget(self.priority_box, 3)
        layout.addLayout(choices)

        body = QHBoxLayout()
        self.services_box = QGroupBox(central)
        grid = QGridLayout(self.services_box)
        self.service_buttons: dict[str, QPushButton] = {}
        for index, service in enumerate(self._profile.services):
            button = QPushButton(self.services_box)
            button.setProperty("role", "service")
            button.setMinimumHeight(52)
            button.clicked.connect(lambda _=False, code=service.code: self.issue_for(code))
            shortcut = QShortcut(QKeySequence(f"Alt+{service.letter}"), self)
            shortcut.activated.connect(lambda code=service.code: self.issue_for(code))
            self.service_buttons[service.code] = button
            grid.addWidget(button, index // 2, index % 2)
        grid.setRowStretch(grid.rowCount(), 1)
        body.addWidget(self.services_box, 5)

        self.load_box = QGroupBox(central)
        load_layout = QVBoxLayout(self.load_box)
        self.load_table = QTableWidget(0, 4, self.load_box)
        self.load_table.verticalHeader().setVisible(False)
        self.load_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.load_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.load_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        load_layout.addWidget(self.load_table)
        body.addWidget(self.load_box, 4)
        layout.addLayout(body, 1)

        self.result_box = QGroupBox(central)
        result_layout = QHBoxLayout(self.result_box)
        self.code_label = QLabel("", self.result_box)
        self.code_label.setProperty("role", "code")
        self.code_label.setMinimumWidth(220)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        result_layout.addWidget(self.code_label)
        details = QVBoxLayout()
        self.detail_label = QLabel(self.result_box)
        self.detail_label.setWordWrap(True)
        self.print_label = QLabel(self.result_box)
        self.print_label.setWordWrap(True)
        self.print_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        details.addWidget(self.detail_label)
        details.addWidget(self.print_label)
        result_layout.addLayout(details, 1)
        buttons = QVBoxLayout()
        self.reprint_button = QPushButton(self.result_box)
        self.reprint_button.setEnabled(False)
        self.reprint_button.clicked.connect(self.reprint_last)
        self.open_button = QPushButton(self.result_box)
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self._open_last_pdf)
        buttons.addWidget(self.reprint_button)
        buttons.addWidget(self.open_button)
        result_layout.addLayout(buttons)
        layout.addWidget(self.result_box)
        self.setCentralWidget(central)

        QShortcut(QKeySequence("Ctrl+P"), self, activated=self.reprint_last)
        QShortcut(QKeySequence("Ctrl+L"), self, activated=self.language.setFocus)
        bridge.changed.connect(self._on_change)
        self.retranslate()
        self.refresh_load()

    # -- texts -------------------------------------------------------------------------

    def retranslate(self) -> None:
        journal = self._bridge.journal
        self.setWindowTitle(
            self.tr("CNAIM Desk — Reception {desk}").format(desk=journal.config.desk)
        )
        self.heading.setText(
            self.tr("Welcome and Screening · {centre} · desk {desk}").format(
                centre=self._profile.name.get(staff_language(), ""), desk=journal.config.desk
            )
        )
        self.language_label.setText(self.tr("Arrival's &language:"))
        self.language.setAccessibleName(self.tr("Arrival's language"))
        self.priority_box.setTitle(self.tr("Legal priority (claimed by the person)"))
        for priority, button in self.priority_buttons.items():
            button.setText(priority_label(priority))
        self.services_box.setTitle(self.tr("Issue a ticket for (Alt + the letter)"))
        for service in self._profile.services:
            name = service.staff_short_name(staff_language())
            button = self.service_buttons[service.code]
            button.setText(f"{service.letter}   {name}")
            button.setToolTip(f"{service.staff_name(staff_language())} (Alt+{service.letter})")
            button.setAccessibleName(self.tr("Issue a ticket for {service}").format(service=name))
        self.load_box.setTitle(self.tr("Waiting now"))
        self.load_table.setHorizontalHeaderLabels(
            [self.tr("Service"), self.tr("People"), self.tr("Wait"), self.tr("Left")]
        )
        self.result_box.setTitle(self.tr("Last ticket"))
        self.reprint_button.setText(self.tr("Reprint (Ctrl+P)"))
        self.open_button.setText(self.tr("Open PDF"))
        self.code_label.setAccessibleName(self.tr("Last ticket number"))
        self._show_last()
        self.refresh_load()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- issuing -----------------------------------------------------------------------

    def selected_language(self) -> str:
        return self.language.currentData()

    def selected_priority(self) -> Priority | None:
        for priority, button in self.priority_buttons.items():
            if button.isChecked():
                return priority
        return None

    def issue_for(self, service_code: str) -> None:
        """Issue (on the writer thread), then print and show the ticket."""
        language = self.selected_language()
        priority = self.selected_priority()
        for button in self.service_buttons.values():
            button.setEnabled(False)
        self._bridge.submit(
            lambda journal: journal.issue(service_code, priority=priority, language=language),
            self._issued,
            self._refused,
        )

    def _issued(self, ticket: TicketView) -> None:
        self._enable_services()
        printed = self._output.print(ticket)
        self._last = IssuedTicket(ticket, printed)
        self.priority_buttons[None].setChecked(True)
        self._show_last()
        self.issued.emit(self._last)

    def _refused(self, error: Exception) -> None:
        self._enable_services()
        message = refusal_text(error)
        self.print_label.setProperty("role", "notice")
        self.print_label.setText("⚠ " + self.tr("Not issued: {reason}").format(reason=message))
        self._restyle(self.print_label)

    def _enable_services(self) -> None:
        for button in self.service_buttons.values():
            button.setEnabled(True)

    def reprint_last(self) -> None:
        if self._last is None:
            return
        ticket = self._last.ticket
        self._bridge.submit(
            lambda journal: journal.record_reprint(ticket.id), self._reprinted, self._refused
        )

    def _reprinted(self, ticket: TicketView) -> None:
        self._last = IssuedTicket(ticket, self._output.print(ticket))
        self._show_last()

    def _open_last_pdf(self) -> None:
        if (
            self._last is not None
            and self._last.printed.ok
            and self._last.printed.destination.endswith(".pdf")
        ):
            QDesktopServices.openUrl(QUrl.fromLocalFile(self._last.printed.destination))

    def _show_last(self) -> None:
        if self._last is None:
            self.detail_label.setText(self.tr("Choose the arrival's language, then the service."))
            self.print_label.setText("")
            return
        ticket, printed = self._last.ticket, self._last.printed
        service = self._profile.service(ticket.service).staff_name(staff_language())
        self.code_label.setText(ticket.code)
        if ticket.position == 0:
            ahead = self.tr("next in line")
        else:
            ahead = self.tr("{n} ahead").format(n=ticket.position)
        wait = (
            self.tr("about {n} min").format(n=ticket.expected_wait_minutes)
            if ticket.expected_wait_minutes is not None
            else self.tr("no wait estimate yet")
        )
        self.detail_label.setText(f"{service} · {ahead} · {wait}")
        if printed.ok:
            self.print_label.setProperty("role", "ok")
            if printed.destination.endswith(".pdf"):
                text = self.tr("✔ Saved as PDF: {path}").format(path=printed.destination)
            else:
                text = self.tr("✔ Printed on {printer}").format(printer=printed.destination)
        else:
            self.print_label.setProperty("role", "notice")
            text = "⚠ " + self.tr(
                "Not printed: {reason} The ticket is valid: tell the person their number, "
                "{code}, and reprint when the printer is back."
            ).format(reason=printed.error, code=ticket.code)
        self.print_label.setText(text)
        self._restyle(self.print_label)
        self.reprint_button.setEnabled(True)
        self.open_button.setEnabled(printed.ok and printed.destination.endswith(".pdf"))

    @staticmethod
    def _restyle(widget: QWidget) -> None:
        widget.style().unpolish(widget)
        widget.style().polish(widget)

    # -- the side panel ----------------------------------------------------------------

    def _on_change(self, change: Change) -> None:
        if change.day == self._bridge.today():
            self.refresh_load()

    def _load_items(self, service: Service, load: ServiceLoad) -> list[QTableWidgetItem]:
        left = (
            str(max(service.daily_quota - load.issued_today, 0))
            if service.daily_quota is not None
            else "∞"
        )
        wait = (
            self.tr("{n} min").format(n=load.expected_wait_minutes)
            if load.expected_wait_minutes is not None
            else "—"
        )
        items = []
        for column, text in enumerate(
            (f"{service.letter} · {service.code}", str(load.waiting), wait, left)
        ):
            item = QTableWidgetItem(text)
            item.setToolTip(service.staff_short_name(staff_language()))
            if column:
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            items.append(item)
        return items

    def refresh_load(self) -> None:
        services = self._profile.services
        loads = self._bridge.read(
            lambda queries: queries.service_loads(self._bridge.today(), [s.code for s in services])
        )
        refill(
            self.load_table,
            (
                self._load_items(service, load)
                for service, load in zip(services, loads, strict=True)
            ),
        )
        # Every column always visible: the panel is as wide as its table.
        table = self.load_table
        table.resizeColumnsToContents()
        table.setMinimumWidth(
            table.horizontalHeader().length()
            + table.verticalScrollBar().sizeHint().width()
            + 2 * table.frameWidth()
        )
