"""The counter window: a technician signs in, opens, pauses and closes the counter, calls
people by the queue policy (or a chosen or scanned ticket out of turn), and takes each
ticket through recall, start, finish with an outcome, no-show and reinstatement, referral
to another service, or cancellation. Every waiting ticket shows what the technician needs
before calling it: language, interpreter, Children Space, group, appointment and (staff
only) the priority category.

Keys, from anywhere in the window:

======  ===============================================================================
F3      the scan field (a hand scanner types into the window at any time)
F4      call the scanned ticket, or the one chosen in the list (Enter in the list too)
F5      call the next person
F6      recall (after the centre's limit of recalls, the next one marks a no-show)
F7      start serving
F8      finish: choose the outcome (1–5, Enter)
F9      no-show
F10     refer to another service (choose the service and the reason, Enter)
F11     reinstate the scanned no-show ticket: the person came back
F12     pause the counter, or open it again
Ctrl+I  sign in by name or initials
Ctrl+W  close the counter for the day
Ctrl+Del cancel the ticket at the counter (or the scanned one), after Enter to confirm
======  ===============================================================================
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cnaim_desk.domain.counter_codes import FINISH_OUTCOMES, REFERRAL_REASONS
from cnaim_desk.domain.events import Op
from cnaim_desk.domain.languages import holder_language
from cnaim_desk.domain.tickets import AT_COUNTER, IN_QUEUE, TicketStatus
from cnaim_desk.journal.journal import Journal
from cnaim_desk.journal.projection import Change
from cnaim_desk.journal.queries import CounterView, TicketView
from cnaim_desk.printing.fonts import FontRegistry
from cnaim_desk.ui.counter.choice import ChoicePanel
from cnaim_desk.ui.counter.identity_dialog import CounterIdentityDialog
from cnaim_desk.ui.i18n import staff_language
from cnaim_desk.ui.labels import (
    outcome_label,
    priority_label,
    referral_label,
    refusal_text,
    status_label,
)
from cnaim_desk.ui.qt_journal import JournalBridge
from cnaim_desk.ui.refresh import RefreshSoon
from cnaim_desk.ui.scan import ScanField
from cnaim_desk.ui.settings import DeskSettings
from cnaim_desk.ui.tables import refill

COLUMNS = (
    "code",
    "service",
    "since",
    "language",
    "interpreter",
    "children",
    "group",
    "appointment",
    "priority",
)
LANGUAGE_COLUMN = COLUMNS.index("language")
PRIORITY_COLUMN = COLUMNS.index("priority")
#: A scanned or chosen ticket in these can be called out of turn.
CALLABLE = IN_QUEUE
#: The steps that act on the ticket at the counter, by button name.
STEPS = ("recall", "start", "finish", "no_show", "refer")


#: The steps by which a counter takes a person; two counters taking the same one are told.
CALLING_OPS = frozenset({Op.CALLED.value, Op.RECALLED.value, Op.STARTED.value})


class CounterWindow(QMainWindow):
    """A service counter: one technician calling and serving people."""

    def __init__(
        self,
        bridge: JournalBridge,
        desk: str,
        fonts: FontRegistry,
        settings: DeskSettings | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._bridge = bridge
        self._fonts = fonts
        self._settings = settings
        self._profile = bridge.journal.profile
        self.desk = desk
        self.current: TicketView | None = None
        self.scanned: TicketView | None = None
        #: The refused steps this counter was told of (each once, however often a sync
        #: brings the ticket again).
        self._conflicts_told: set[str] = set()
        self._refresh_soon = RefreshSoon(self._refresh_for, self)
        self.state: CounterView | None = None
        self.technician = settings.counter_technician(bridge.today()) if settings else ""
        self._asking: str | None = None  # what the choice panel is asking for
        self._waiting: list[TicketView] = []  # the list as shown, in calling order
        self.setObjectName("counter")

        central = QWidget(self)
        layout = QVBoxLayout(central)

        # -- who and where ------------------------------------------------------------------
        head = QHBoxLayout()
        self.heading = QLabel(central)
        self.heading.setProperty("role", "title")
        self.status_label = QLabel(central)
        self.status_label.setProperty("role", "holder-small")
        head.addWidget(self.heading, 1)
        head.addWidget(self.status_label)
        layout.addLayout(head)

        sign = QHBoxLayout()
        self.technician_label = QLabel(central)
        self.technician_edit = QLineEdit(self.technician, central)
        self.technician_edit.setMaxLength(40)
        self.technician_label.setBuddy(self.technician_edit)
        self.technician_edit.returnPressed.connect(self.sign_in)
        self.sign_in_button = QPushButton(central)
        self.sign_in_button.clicked.connect(self.sign_in)
        self.pause_button = QPushButton(central)
        self.pause_button.clicked.connect(self.toggle_pause)
        self.close_button = QPushButton(central)
        self.close_button.clicked.connect(self.close_counter)
        sign.addWidget(self.technician_label)
        sign.addWidget(self.technician_edit, 1)
        sign.addWidget(self.sign_in_button)
        sign.addSpacing(24)
        sign.addWidget(self.pause_button)
        sign.addWidget(self.close_button)
        layout.addLayout(sign)

        # -- the scan field -----------------------------------------------------------------
        self.scan = ScanField(bridge, central)
        self.scan.found.connect(self._scanned)
        layout.addWidget(self.scan)
        scanned_row = QHBoxLayout()
        self.scanned_label = QLabel(central)
        self.scanned_label.setWordWrap(True)
        self.scanned_label.setProperty("role", "holder-small")
        self.call_scanned_button = QPushButton(central)
        self.call_scanned_button.setEnabled(False)
        self.call_scanned_button.clicked.connect(self.call_chosen)
        self.reinstate_button = QPushButton(central)
        self.reinstate_button.setEnabled(False)
        self.reinstate_button.clicked.connect(self.reinstate)
        scanned_row.addWidget(self.scanned_label, 1)
        scanned_row.addWidget(self.reinstate_button)
        scanned_row.addWidget(self.call_scanned_button)
        layout.addLayout(scanned_row)

        # -- the ticket at the counter, and the services served --------------------------------
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
        chosen = set(settings.counter_services) if settings and settings.counter_services else None
        for service in self._profile.services:
            item = QListWidgetItem(f"{service.letter}  {service.code}")
            item.setData(Qt.ItemDataRole.UserRole, service.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = chosen is None or service.code in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.services.addItem(item)
        self.services.itemChanged.connect(lambda _item: self._services_changed())
        services_layout.addWidget(self.services)
        top.addWidget(self.services_box, 1)
        # the waiting list below takes the height: it is what is read between calls
        self.services.setMaximumHeight(self.services.sizeHintForRow(0) * 6 + 8)
        self.current_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.services_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout.addLayout(top)

        # -- the actions ----------------------------------------------------------------------
        actions = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        for index, (name, key, handler) in enumerate(
            (
                ("call", "F5", self.call_next),
                ("recall", "F6", self.recall),
                ("start", "F7", lambda: self._step(lambda j, t: j.start(t, self.desk))),
                ("finish", "F8", self.ask_outcome),
                ("no_show", "F9", lambda: self._step(lambda j, t: j.no_show(t, self.desk))),
                ("refer", "F10", self.ask_referral),
            )
        ):
            button = QPushButton(central)
            button.setMinimumHeight(48)
            button.clicked.connect(handler)
            self.buttons[name] = button
            self._shortcut(key, button)
            # Call next spans the first row: it is the key pressed all day.
            if index == 0:
                actions.addWidget(button, 0, 0, 1, 5)
            else:
                actions.addWidget(button, 1, index - 1)
        self._shortcut("F4", self.call_scanned_button)
        self._shortcut("F11", self.reinstate_button)
        self._shortcut("F12", self.pause_button)
        self._shortcut("Ctrl+W", self.close_button)
        QShortcut(QKeySequence("F3"), self, activated=self.focus_scan)
        QShortcut(QKeySequence("Ctrl+I"), self, activated=self.focus_sign_in)
        QShortcut(QKeySequence("Ctrl+Del"), self, activated=self.ask_cancel)
        layout.addLayout(actions)

        self.choice = ChoicePanel(central)
        self.choice.chosen.connect(self._answered)
        self.choice.dismissed.connect(self._choice_dismissed)
        layout.addWidget(self.choice)

        self.message = QLabel(central)
        self.message.setWordWrap(True)
        self.message.setProperty("role", "notice")
        layout.addWidget(self.message)

        # -- who is waiting ---------------------------------------------------------------------
        self.queue_box = QGroupBox(central)
        queue_layout = QVBoxLayout(self.queue_box)
        self.queue = QTableWidget(0, len(COLUMNS), self.queue_box)
        self.queue.verticalHeader().setVisible(False)
        self.queue.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.queue.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.queue.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.queue.itemDoubleClicked.connect(lambda _item: self.call_chosen(from_list=True))
        self.queue.itemSelectionChanged.connect(self._list_choice_changed)
        self.queue.installEventFilter(self)
        header = self.queue.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        queue_layout.addWidget(self.queue)
        layout.addWidget(self.queue_box, 1)
        self.today_label = QLabel(central)
        self.today_label.setWordWrap(True)
        layout.addWidget(self.today_label)
        self.setCentralWidget(central)

        self.counter_menu = self.menuBar().addMenu("")
        self.identity_action = self.counter_menu.addAction("", self.edit_identity)
        self.identity_action.setEnabled(settings is not None)

        self.scan.take_keys_from(self.queue, self.services, *self.buttons.values())
        for button in (self.call_scanned_button, self.reinstate_button, self.pause_button):
            self.scan.take_keys_from(button)
        bridge.changed.connect(self._on_change)
        self.retranslate()
        self.refresh()
        self.focus_scan()

    def _shortcut(self, key: str, button: QPushButton) -> None:
        # A QShortcut, not button.setShortcut(): setText() replaces a button's shortcut
        # with its mnemonic, and the texts are set again at each language change.
        QShortcut(QKeySequence(key), self, activated=button.animateClick)

    # -- texts -------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("CNAIM Desk — Counter {desk}").format(desk=self.desk))
        self.counter_menu.setTitle(self.tr("&Counter"))
        self.identity_action.setText(self.tr("&Name and place on the board…"))
        self.current_box.setTitle(self.tr("At this counter"))
        self.services_box.setTitle(self.tr("Services served"))
        self.technician_label.setText(self.tr("Technician:"))
        self.technician_edit.setPlaceholderText(self.tr("your name or initials"))
        self.technician_edit.setAccessibleName(self.tr("Technician's name or initials"))
        self.sign_in_button.setText(self.tr("Sign in (Ctrl+I)"))
        self.close_button.setText(self.tr("Close the counter (Ctrl+W)"))
        texts = {
            "call": self.tr("Call next (F5)"),
            "recall": self.tr("Recall (F6)"),
            "start": self.tr("Start (F7)"),
            "finish": self.tr("Finish… (F8)"),
            "no_show": self.tr("No-show (F9)"),
            "refer": self.tr("Refer… (F10)"),
        }
        for name, button in self.buttons.items():
            button.setText(texts[name])
            button.setAccessibleName(texts[name])
        self.call_scanned_button.setText(self.tr("Call this ticket (F4)"))
        self.reinstate_button.setText(self.tr("Came back: reinstate (F11)"))
        self.queue_box.setTitle(self.tr("Waiting, in calling order (Enter calls the one chosen)"))
        self.queue.setHorizontalHeaderLabels(
            [
                self.tr("Ticket"),
                self.tr("Service"),
                self.tr("Since"),
                self.tr("Language"),
                self.tr("Interpreter"),
                self.tr("Children"),
                self.tr("Group"),
                self.tr("Appointment"),
                self.tr("Priority"),
            ]
        )
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- the counter: sign in, open, pause, close ----------------------------------------

    def served_services(self) -> list[str]:
        codes = []
        for row in range(self.services.count()):
            item = self.services.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                codes.append(item.data(Qt.ItemDataRole.UserRole))
        return codes

    def _record(self, status: str) -> None:
        services, technician = self.served_services(), self.technician
        settings = self._settings
        name = settings.counter_name if settings else ""
        floor = settings.counter_floor if settings else ""
        side = settings.counter_side if settings else ""
        self._bridge.submit(
            lambda journal: journal.set_counter(
                self.desk, status, services, technician, name=name, floor=floor, side=side
            ),
            lambda _none: self.refresh(),
            self._refused,
        )

    def open_counter(self) -> None:
        """Record this counter as open for its services (expected waits count it)."""
        self._record("open")

    def close_counter(self) -> None:
        """Closed for the day: no calls until it is opened again (F12)."""
        self._record("closed")
        self._tell(self.tr("The counter is closed. F12 opens it again."))

    def toggle_pause(self) -> None:
        """Pause (the waits stop counting this counter), or open again."""
        if self._status() == "open":
            self._record("paused")
            self._tell(self.tr("Paused: people are not called here. F12 to go on."))
        else:
            self._record("open")
            self._tell("")

    def edit_identity(self) -> CounterIdentityDialog | None:
        """The counter's name, floor and side (window-modal); recorded again once saved,
        so the board shows them at the next call."""
        if self._settings is None:
            return None
        dialog = CounterIdentityDialog(self._settings, self.desk, self)
        dialog.accepted.connect(lambda: self._record(self._status()))
        dialog.open()
        return dialog

    def focus_sign_in(self) -> None:
        self.technician_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.technician_edit.selectAll()

    def sign_in(self) -> None:
        """The technician signs in by name or initials: kept with each ticket they call,
        for the day's statistics, and the counter opens."""
        name = " ".join(self.technician_edit.text().split())
        if not name:
            self._tell(self.tr("Type your name or initials to sign in."))
            self.focus_sign_in()
            return
        self.technician = name
        if self._settings is not None:
            self._settings.set_counter_technician(name, self._bridge.today())
        self._record("open")
        self._tell(self.tr("Signed in as {name}.").format(name=name))
        self.focus_scan()

    def _status(self) -> str:
        return self.state.status if self.state is not None else "closed"

    def _services_changed(self) -> None:
        if self._settings is not None:
            self._settings.counter_services = self.served_services()
        if self._status() != "closed":
            self._record(self._status())
        self.refresh()

    # -- calling ---------------------------------------------------------------------------

    def _may_call(self) -> bool:
        status = self._status()
        if status == "open":
            return True
        if status == "paused":
            self._tell(self.tr("The counter is paused: press F12 to open it, then call."))
        else:
            self._tell(self.tr("The counter is closed: press F12 to open it, then call."))
        return False

    def call_next(self) -> None:
        services = self.served_services()
        if not services:
            self._tell(self.tr("Choose at least one service to call for."))
            return
        if not self._may_call():
            return
        technician = self.technician
        self._bridge.submit(
            lambda journal: journal.call_next(self.desk, services, technician=technician),
            self._called,
            self._refused,
        )

    def chosen_ticket(self) -> TicketView | None:
        """The ticket to call out of turn: the one chosen in the list, else the scanned one."""
        row = self.queue.currentRow()
        if self.queue.selectedItems() and 0 <= row < len(self._waiting):
            return self._waiting[row]
        if self.scanned is not None and self.scanned.status in CALLABLE:
            return self.scanned
        return None

    def call_chosen(self, from_list: bool = False) -> None:
        ticket = self._waiting_at(self.queue.currentRow()) if from_list else self.chosen_ticket()
        if ticket is None:
            self._tell(self.tr("Choose a ticket in the list, or scan one, to call it."))
            return
        if not self._may_call():
            return
        ticket_id, technician = ticket.id, self.technician
        self._bridge.submit(
            lambda journal: journal.call(ticket_id, self.desk, technician),
            self._called,
            self._refused,
        )

    def _waiting_at(self, row: int) -> TicketView | None:
        return self._waiting[row] if 0 <= row < len(self._waiting) else None

    def focus_scan(self) -> None:
        self.scan.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _scanned(self, ticket: TicketView) -> None:
        """A ticket was scanned: at this counter it becomes the current one; otherwise it
        is shown, with F4 to call it out of turn when it is waiting, F11 to reinstate it
        when it was a no-show."""
        self._tell("")
        self.queue.clearSelection()
        if ticket.status in AT_COUNTER and ticket.called_by == self.desk:
            self.current = ticket
            self.scanned = None
        else:
            self.scanned = ticket
        self.refresh()

    def _list_choice_changed(self) -> None:
        if self.queue.selectedItems():
            self.scanned = None
            self._show_scanned()

    def _called(self, ticket: TicketView | None) -> None:
        if ticket is None:
            self._tell(self.tr("No one is waiting for these services."))
        else:
            self._tell("")
            self.current = ticket
            if self.scanned is not None and self.scanned.id == ticket.id:
                self.scanned = None
        self.refresh()

    # -- the ticket at the counter ------------------------------------------------------

    def _step(
        self,
        action: Callable[[Journal, str], TicketView],
        then: Callable[[TicketView], None] | None = None,
    ) -> None:
        if self.current is None:
            self._tell(self.tr("No ticket at this counter: call the next person first."))
            return
        ticket_id = self.current.id
        self._bridge.submit(
            lambda journal: action(journal, ticket_id), then or self._stepped, self._refused
        )

    def _stepped(self, ticket: TicketView) -> None:
        self._tell("")
        self.current = ticket if ticket.status in AT_COUNTER else None
        self.refresh()

    def recall(self) -> None:
        self._step(lambda j, t: j.recall(t, self.desk), self._recalled)

    def _recalled(self, ticket: TicketView) -> None:
        self._stepped(ticket)
        if ticket.status is TicketStatus.NO_SHOW:
            self._tell(
                self.tr(
                    "{code} did not come after {n} recalls: marked a no-show. If the person "
                    "comes back, scan the ticket and press F11."
                ).format(code=ticket.code, n=self._profile.max_recalls)
            )

    def ask_outcome(self) -> None:
        if self.current is None:
            self._tell(self.tr("No ticket at this counter: call the next person first."))
            return
        if self.current.status is not TicketStatus.SERVING:
            self._tell(self.tr("Start serving {code} first (F7).").format(code=self.current.code))
            return
        self._ask(
            "finish",
            self.tr("How did it end for {code}?").format(code=self.current.code),
            [(code, outcome_label(code)) for code in FINISH_OUTCOMES],
            self.tr("Finish"),
        )

    def ask_referral(self) -> None:
        ticket = self._referable()
        if ticket is None:
            self._tell(self.tr("Call or scan the ticket to refer first."))
            return
        services = [
            (service.code, f"{service.letter}  {service.staff_name(staff_language())}")
            for service in self._profile.services
            if service.code != ticket.service
        ]
        self._ask(
            "refer",
            self.tr("Refer {code} to another service: same ticket, same place in time").format(
                code=ticket.code
            ),
            services,
            self.tr("Refer"),
            first_title=self.tr("Service"),
            second=[(code, referral_label(code)) for code in REFERRAL_REASONS],
            second_title=self.tr("Reason"),
        )

    def _referable(self) -> TicketView | None:
        if self.current is not None:
            return self.current
        if self.scanned is not None and self.scanned.status in IN_QUEUE:
            return self.scanned
        return None

    def ask_cancel(self) -> None:
        ticket = self.current or self.scanned
        if ticket is None:
            self._tell(self.tr("Call or scan the ticket to cancel first."))
            return
        self._ask(
            "cancel",
            self.tr("Cancel ticket {code}? The person will need a new ticket.").format(
                code=ticket.code
            ),
            [(ticket.id, self.tr("Cancel {code}").format(code=ticket.code))],
            self.tr("Cancel the ticket"),
            cancel_text=self.tr("Keep it"),
        )

    def _ask(
        self,
        what: str,
        title: str,
        options: list[tuple[object, str]],
        confirm: str,
        *,
        cancel_text: str | None = None,
        first_title: str = "",
        second: list[tuple[object, str]] | None = None,
        second_title: str = "",
    ) -> None:
        self._asking = what
        self.choice.ask(
            title,
            options,
            confirm,
            cancel_text or self.tr("Back"),
            first_title=first_title,
            second=second or (),
            second_title=second_title,
        )

    def _answered(self, value: object) -> None:
        asking, self._asking = self._asking, None
        self.focus_scan()
        if asking == "finish":
            outcome = str(value)
            self._step(lambda j, t: j.finish(t, self.desk, outcome), self._finished)
        elif asking == "refer":
            service, reason = value  # type: ignore[misc]
            ticket = self._referable()
            if ticket is None:
                return
            ticket_id = ticket.id
            self._bridge.submit(
                lambda journal: journal.refer(ticket_id, service, reason),
                self._referred,
                self._refused,
            )
        elif asking == "cancel":
            ticket_id = str(value)
            self._bridge.submit(
                lambda journal: journal.cancel(ticket_id), self._cancelled, self._refused
            )

    def _choice_dismissed(self) -> None:
        self._asking = None
        self.focus_scan()

    def _finished(self, ticket: TicketView) -> None:
        self._stepped(ticket)
        if ticket.status in IN_QUEUE:  # a visit of several services goes on
            service = self._profile.service(ticket.service).staff_name(staff_language())
            self._tell(
                self.tr("{code} goes on to {service}, keeping its place in time.").format(
                    code=ticket.code, service=service
                ),
                notice=False,
            )

    def _referred(self, ticket: TicketView) -> None:
        if self.current is not None and self.current.id == ticket.id:
            self.current = None
        if self.scanned is not None and self.scanned.id == ticket.id:
            self.scanned = ticket
        service = self._profile.service(ticket.service).staff_name(staff_language())
        self._tell(
            self.tr("{code} sent to {service}: it waits there with its place in time.").format(
                code=ticket.code, service=service
            ),
            notice=False,
        )
        self.refresh()

    def _cancelled(self, ticket: TicketView) -> None:
        if self.current is not None and self.current.id == ticket.id:
            self.current = None
        if self.scanned is not None and self.scanned.id == ticket.id:
            self.scanned = ticket
        self._tell(self.tr("{code} cancelled.").format(code=ticket.code), notice=False)
        self.refresh()

    def reinstate(self) -> None:
        ticket = self.scanned
        if ticket is None or ticket.status is not TicketStatus.NO_SHOW:
            self._tell(self.tr("Scan the ticket of the person who came back, then press F11."))
            return
        ticket_id = ticket.id
        self._bridge.submit(
            lambda journal: journal.reinstate(ticket_id), self._reinstated, self._refused
        )

    def _reinstated(self, ticket: TicketView) -> None:
        self.scanned = ticket
        self._tell(
            self.tr("{code} is back in the queue, with its place in time.").format(
                code=ticket.code
            ),
            notice=False,
        )
        self.refresh()

    def _refused(self, error: Exception) -> None:
        self._tell(refusal_text(error))

    def _tell(self, text: str, notice: bool = True) -> None:
        self.message.setText(("⚠ " if notice else "✔ ") + text if text else "")

    # -- showing -----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.queue
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.call_chosen(from_list=True)
            return True
        return super().eventFilter(watched, event)

    def _on_change(self, change: Change) -> None:
        if change.day == self._bridge.today():
            self._refresh_soon.request(change)

    def _refresh_for(self, changes: list[Change]) -> None:
        self.refresh()
        self._tell_conflicts(changes)

    def _tell_conflicts(self, changes: list[Change]) -> None:
        """Two counters that called the same person while the desks could not reach each
        other: every desk settles on the same one; both counters are told here."""
        for key, _ in (conflict for change in changes for conflict in change.conflicts):
            if key in self._conflicts_told:
                continue
            conflict = self._bridge.read(lambda q, key=key: q.conflict(key))
            if conflict is None or conflict.op not in CALLING_OPS:
                continue
            self._conflicts_told.add(key)
            if conflict.desk == self.desk and conflict.holder not in (None, self.desk):
                self._tell(
                    self.tr(
                        "{code} was also called at {other} while the desks could not reach "
                        "each other, and {other} called first: {code} goes there. "
                        "Call the next person."
                    ).format(code=conflict.code, other=conflict.holder)
                )
            elif conflict.holder == self.desk and conflict.desk != self.desk:
                self._tell(
                    self.tr(
                        "{code} was also called at {other} while the desks could not reach "
                        "each other; this counter called first: {code} stays here."
                    ).format(code=conflict.code, other=conflict.desk)
                )

    def refresh(self) -> None:
        today = self._bridge.today()
        self.state = self._bridge.read(lambda q: q.counters(today)).get(self.desk)
        if self.scanned is not None:
            self.scanned = self._bridge.read(lambda q: q.ticket(today, self.scanned.id))
        self._show_scanned()
        if self.current is not None:
            self.current = self._bridge.read(lambda q: q.ticket(today, self.current.id))
            if self.current is not None and (
                self.current.status not in AT_COUNTER or self.current.called_by != self.desk
            ):  # done, or called first at another counter (a conflict: told apart)
                self.current = None
        self._show_current()
        self._show_counter()
        chosen = self._waiting_at(self.queue.currentRow()) if self.queue.selectedItems() else None
        self._waiting = self._bridge.read(lambda q: q.waiting(today, self.served_services()))
        refill(self.queue, (self._queue_items(ticket) for ticket in self._waiting))
        if chosen is not None:
            for row, ticket in enumerate(self._waiting):
                if ticket.id == chosen.id:
                    self.queue.selectRow(row)
        can_act = self.current is not None
        for name in STEPS:
            self.buttons[name].setEnabled(can_act)
        self.buttons["refer"].setEnabled(self._referable() is not None)
        self._show_today(today)

    def _show_counter(self) -> None:
        settings = self._settings
        label = (settings.counter_name if settings else "") or self.desk
        where = " · ".join(
            part
            for part in ((settings.counter_floor, settings.counter_side) if settings else ())
            if part
        )
        heading = self.tr("Counter {name}").format(name=label)
        self.heading.setText(f"{heading} — {where}" if where else heading)
        status = self._status()
        self.status_label.setText(
            {
                "open": self.tr("● Open"),
                "paused": self.tr("❚❚ Paused"),
            }.get(status, self.tr("■ Closed"))
        )
        self.pause_button.setText(
            self.tr("Pause (F12)") if status == "open" else self.tr("Open (F12)")
        )
        self.close_button.setEnabled(status != "closed")

    def _show_today(self, today: str) -> None:
        day = self._bridge.read(lambda q: q.counter_day(today, self.desk))
        text = self.tr("Today here: {called} called · {served} served · {missed} no-shows").format(
            called=day.called, served=day.served, missed=day.no_shows
        )
        if day.median_service_minutes is not None:
            text += " · " + self.tr("median service {minutes} min").format(
                minutes=round(day.median_service_minutes)
            )
        if self.technician:
            mine = self._bridge.read(lambda q: q.counter_day(today, self.desk, self.technician))
            text += " · " + self.tr("{name}: {served} served").format(
                name=self.technician, served=mine.served
            )
        self.today_label.setText(text)

    def _queue_items(self, ticket: TicketView) -> list[QTableWidgetItem]:
        language = holder_language(ticket.language)
        interpreter = {
            "staff": self.tr("staff member"),
            "telephone": self.tr("by telephone"),
        }.get(ticket.interpreter or "", ticket.interpreter or "")
        appointment = ticket.appointment_at.strftime("%H:%M") if ticket.appointment_at else ""
        cells = {
            "code": ticket.code,
            "service": ticket.service + (" ↩" if ticket.referred_from else ""),
            "since": ticket.issued_at.strftime("%H:%M"),
            "language": f"{language.native_name} ({language.tag})",
            "interpreter": interpreter,
            "children": self.tr("yes") if ticket.children else "",
            "group": str(ticket.group_size),
            "appointment": appointment,
            "priority": priority_label(ticket.priority) if ticket.priority else "",
        }
        items = [QTableWidgetItem(cells[column]) for column in COLUMNS]
        # the holder's language in its own script's font (Urdu in Nastaliq)
        items[LANGUAGE_COLUMN].setFont(self._fonts.font_for_language(language.tag))
        return items

    def _show_scanned(self) -> None:
        ticket = self.scanned
        if ticket is None:
            self.scanned_label.setText("")
            self.call_scanned_button.setEnabled(self.queue.selectedItems() != [])
            self.reinstate_button.setEnabled(False)
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
        self.reinstate_button.setEnabled(ticket.status is TicketStatus.NO_SHOW)

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
        if ticket.interpreter:
            parts.append(
                self.tr("interpreter: {how}").format(
                    how=self.tr("staff member")
                    if ticket.interpreter == "staff"
                    else self.tr("by telephone")
                )
            )
        if ticket.group_size > 1:
            parts.append(self.tr("group of {n}").format(n=ticket.group_size))
        if ticket.children:
            parts.append(self.tr("children in the Children Space"))
        if ticket.appointment_at:
            parts.append(
                self.tr("appointment at {time}").format(
                    time=ticket.appointment_at.strftime("%H:%M")
                )
            )
        if ticket.visit:
            parts.append(self.tr("then: {services}").format(services=", ".join(ticket.visit)))
        if ticket.priority:
            parts.append(
                self.tr("priority: {category}").format(category=priority_label(ticket.priority))
            )
        if ticket.recalls:
            parts.append(self.tr("recalled {n}×").format(n=ticket.recalls))
        self.detail_label.setText(" · ".join(parts))
