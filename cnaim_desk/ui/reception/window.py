"""The reception window (Welcome and Screening desk).

Keyboard first. F2 starts the next arrival; a key chooses the person's language; a key
answers each question (shown in Portuguese and in the person's language); at the summary,
P, I, C, G, L and M add a legal priority, an interpreter, the Children Space, a group, a
lawyer, another matter; Enter issues and prints the ticket. Backspace goes back, Ctrl+Z
undoes. Alt+<ticket letter> issues straight for a service. F4 checks in an appointment,
F6 imports the day's appointment list, F7 finds a ticket (by its code, or by scanning its
QR code, also from a photo on the holder's phone) to print it again, Ctrl+P reprints the
last ticket and Ctrl+Shift+P shows it as it prints.

When a service can give no ticket (closed today, by appointment only, past its cut-off,
quota used up) the summary says so in both languages and Enter prints a slip on how to
book through the Migrants Support Line instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cnaim_desk.domain.admission import (
    AdmissionRefused,
    TicketRequest,
    check_admission,
    recovering_refusal,
)
from cnaim_desk.domain.appointments import AppointmentListRefused, parse_appointments
from cnaim_desk.domain.centres import Service
from cnaim_desk.domain.flow import TriageFlow
from cnaim_desk.domain.triage import TriageResult, TriageSession, TriageStep
from cnaim_desk.journal.appointments import CheckIn, ImportResult
from cnaim_desk.journal.projection import Change
from cnaim_desk.journal.queries import QueueQueries, ServiceLoad, TicketView
from cnaim_desk.printing.fonts import FontRegistry
from cnaim_desk.printing.layout import slip_content
from cnaim_desk.printing.output import TicketOutput
from cnaim_desk.printing.printers import PrintResult
from cnaim_desk.ui.i18n import staff_language
from cnaim_desk.ui.labels import refusal_text
from cnaim_desk.ui.preview import TicketPreviewDialog
from cnaim_desk.ui.qt_journal import JournalBridge
from cnaim_desk.ui.reception.find_dialog import FindTicketDialog
from cnaim_desk.ui.reception.triage_view import LANGUAGE_KEYS, TriageView
from cnaim_desk.ui.refresh import RefreshSoon
from cnaim_desk.ui.tables import refill


@dataclass(frozen=True, slots=True)
class IssuedTicket:
    """The last ticket issued here and how its printing went."""

    ticket: TicketView
    printed: PrintResult


class ReceptionWindow(QMainWindow):
    """Triage and tickets at the Welcome and Screening desk.

    Signals:
        issued(IssuedTicket): a ticket was committed and sent to the printer.
        informed(TriageResult): an information-only visit was recorded.
        slipped(PrintResult): a booking slip was printed instead of a ticket.
    """

    issued = Signal(object)
    informed = Signal(object)
    slipped = Signal(object)

    def __init__(
        self,
        bridge: JournalBridge,
        output: TicketOutput,
        fonts: FontRegistry,
        flow: TriageFlow,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._bridge = bridge
        self._output = output
        self._fonts = fonts
        self.flow = flow
        self._profile = bridge.journal.profile
        self._last: IssuedTicket | None = None
        self._busy = False
        self.session = TriageSession(flow)
        self.refusal: AdmissionRefused | None = None
        self.setObjectName("reception")

        central = QWidget(self)
        layout = QHBoxLayout(central)
        left = QVBoxLayout()
        self.heading = QLabel(central)
        self.heading.setWordWrap(True)
        self.heading.setProperty("role", "title")
        left.addWidget(self.heading)
        self.view = TriageView(lambda: self.session, self._profile, fonts, self.press, central)
        # Scrolls on a small screen (a 1366×768 laptop) rather than pushing the rest out.
        scroll = QScrollArea(central)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(self.view)
        left.addWidget(scroll, 1)

        self.result_box = QGroupBox(central)
        result_layout = QHBoxLayout(self.result_box)
        self.code_label = QLabel("", self.result_box)
        self.code_label.setProperty("role", "code")
        self.code_label.setMinimumWidth(200)
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
        self.reprint_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.reprint_button.clicked.connect(self.reprint_last)
        self.preview_button = QPushButton(self.result_box)
        self.preview_button.setEnabled(False)
        self.preview_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.preview_button.clicked.connect(self.preview_last)
        self.open_button = QPushButton(self.result_box)
        self.open_button.setEnabled(False)
        self.open_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.open_button.clicked.connect(self._open_last_pdf)
        buttons.addWidget(self.reprint_button)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.open_button)
        result_layout.addLayout(buttons)
        left.addWidget(self.result_box)
        layout.addLayout(left, 3)

        # The side panel: today's queues and today's appointments, one tab each.
        self.side = QTabWidget(central)
        self.side.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.load_box = QWidget(self.side)
        load_layout = QVBoxLayout(self.load_box)
        load_layout.setContentsMargins(2, 2, 2, 2)
        self.load_table = self._table(5, self.load_box)
        self.load_table.horizontalHeader().setStretchLastSection(False)
        load_layout.addWidget(self.load_table)
        self.appointments_box = QWidget(self.side)
        appointments_layout = QVBoxLayout(self.appointments_box)
        appointments_layout.setContentsMargins(2, 2, 2, 2)
        self.appointments_table = self._table(4, self.appointments_box)
        appointments_layout.addWidget(self.appointments_table)
        self.side.addTab(self.load_box, "")
        self.side.addTab(self.appointments_box, "")
        layout.addWidget(self.side, 2)
        self.setCentralWidget(central)

        self._service_shortcuts: list[QShortcut] = []
        for service in self._profile.services:
            shortcut = QShortcut(QKeySequence(f"Alt+{service.letter}"), self)
            shortcut.activated.connect(lambda code=service.code: self.issue_for(code))
            self._service_shortcuts.append(shortcut)
        QShortcut(QKeySequence("Ctrl+P"), self, activated=self.reprint_last)
        QShortcut(QKeySequence("Ctrl+Shift+P"), self, activated=self.preview_last)
        QShortcut(QKeySequence.StandardKey.Undo, self, activated=self.undo)
        self._refresh_soon = RefreshSoon(lambda _changes: self.refresh_side(), self)
        bridge.changed.connect(self._on_change)
        self.retranslate()
        self.refresh_side()

    @staticmethod
    def _table(columns: int, parent: QWidget) -> QTableWidget:
        table = QTableWidget(0, columns, parent)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.verticalHeader().setDefaultSectionSize(24)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table

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
        self.side.setTabText(0, self.tr("Waiting now"))
        self.load_table.setHorizontalHeaderLabels(
            [
                self.tr("Service"),
                self.tr("People"),
                self.tr("Wait"),
                self.tr("Left"),
                self.tr("Until"),
            ]
        )
        self.side.setTabText(1, self.tr("Appointments today (F4 check-in, F6 import)"))
        self.appointments_table.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Service"), self.tr("Booking"), self.tr("Ticket")]
        )
        self.result_box.setTitle(self.tr("Last ticket"))
        self.reprint_button.setText(self.tr("Reprint (Ctrl+P)"))
        self.preview_button.setText(self.tr("Preview (Ctrl+Shift+P)"))
        self.open_button.setText(self.tr("Open PDF"))
        self.code_label.setAccessibleName(self.tr("Last ticket number"))
        self._show_last()
        self.refresh_side()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- keys ----------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            super().keyPressEvent(event)
            return
        if key == Qt.Key.Key_F2:
            self.next_arrival()
        elif key == Qt.Key.Key_F4:
            self.ask_check_in()
        elif key == Qt.Key.Key_F6:
            self.ask_import()
        elif key == Qt.Key.Key_F7:
            self.find_ticket()
        elif key in (Qt.Key.Key_Backspace, Qt.Key.Key_Escape):
            self.back()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.confirm()
        elif event.text().strip():
            self.press(event.text().strip().upper())
        else:
            super().keyPressEvent(event)

    def press(self, key: str) -> None:
        """A triage key (also what the screen's buttons send)."""
        if self._busy:
            return
        session = self.session
        step = session.state.step
        if step == TriageStep.LANGUAGE:
            tag = dict(LANGUAGE_KEYS).get(key)
            if tag is not None:
                session.choose_language(tag)
        elif step == TriageStep.QUESTION:
            session.answer(key)
        elif session.state.choosing:
            session.choose(key)
        else:
            extra = session.extra_for_key(key)
            if extra == "lawyer" and session.state.lawyer is None:
                self.ask_lawyer()
                return
            if extra is not None:
                session.press_extra(extra)
        self._after_step()

    def back(self) -> None:
        self.session.back()
        self._after_step()

    def undo(self) -> None:
        self.session.undo()
        self._after_step()

    def next_arrival(self) -> None:
        """Start over for the next person (nothing of the last one is kept)."""
        self.session = TriageSession(self.flow)
        self._after_step()

    def _after_step(self) -> None:
        self.refusal = self._preview_refusal()
        self.view.refusal = self._refusal_texts(self.refusal) if self.refusal else None
        self.view.refresh()

    # -- admission, before Enter -----------------------------------------------------------

    def _preview_refusal(self) -> AdmissionRefused | None:
        """Whether the summary's ticket would be refused now, to say so before Enter."""
        if not self.session.ready:
            return None
        result = self.session.result()
        now = self._bridge.journal.now()
        today = self._bridge.today()
        try:
            journal = self._bridge.journal
            if journal.recovering and result.visit:
                raise recovering_refusal(result.visit[0])
            for code in result.visit:

                def counts(q: QueueQueries, code: str = code):
                    return q.walk_ins_today(today, code), journal.quota_share(q, today, code)

                walk_ins, share = self._bridge.read(counts)
                service = self._profile.service(code)
                check_admission(service, now, issued_today=walk_ins, share=share)
        except AdmissionRefused as refused:
            return refused
        return None

    def _refusal_texts(self, refused: AdmissionRefused) -> tuple[str, str]:
        language = self.session.state.language or "pt"
        return (self._message(refused, "pt"), self._message(refused, language))

    def _message(self, refused: AdmissionRefused, language: str) -> str:
        messages = self.flow.messages
        text = messages.get(refused.kind)
        reason = text.get(language).format(**refused.params) if text else refused.reason
        service = self._service_words(refused.service, language)
        if refused.bookable and "book" in messages:
            line = self._profile.support_line
            hours = line.hours.get(language) or line.hours.get("en", "")
            book = (
                messages["book"].get(language).format(numbers=" / ".join(line.numbers), hours=hours)
            )
            return f"{service}: {reason} {book}"
        return f"{service}: {reason}"

    # -- issuing -----------------------------------------------------------------------

    def confirm(self) -> None:
        """Enter at the summary: issue and print; record an information-only visit; or,
        when no ticket can be given, print the booking slip."""
        if not self.session.ready or self._busy:
            return
        result = self.session.result()
        if self.refusal is not None:
            if self.refusal.bookable:
                self.print_slip(self.refusal)
            return
        if result.info_only:
            self._busy = True
            outcomes = [outcome.id for outcome in result.outcomes]
            self._bridge.submit(
                lambda journal: journal.record_info(outcomes, result.language),
                lambda _none: self._informed(result),
                self._refused,
            )
            return
        self._issue(result.ticket_request(), result)

    def issue_for(self, service_code: str) -> None:
        """Alt+letter: a ticket straight for a service, in the language chosen (if any)."""
        state = self.session.state
        request = TicketRequest(
            service=service_code,
            language=state.language or "pt",
            priority=state.priority,
            group_size=state.group_size,
            interpreter=state.interpreter,
            children=state.children,
        )
        self._issue(request, None)

    def _issue(self, request: TicketRequest, result: TriageResult | None) -> None:
        self._busy = True
        info = [o.id for o in result.info_outcomes] if result else []
        language = request.language

        def work(journal):
            ticket = journal.issue_request(request)
            if info:
                journal.record_info(info, language)
            return ticket

        self._bridge.submit(work, self._issued, self._refused)

    def _issued(self, ticket: TicketView) -> None:
        self._busy = False
        printed = self._output.print(ticket)
        self._last = IssuedTicket(ticket, printed)
        self._show_last()
        self.issued.emit(self._last)
        self.next_arrival()

    def _informed(self, result: TriageResult) -> None:
        self._busy = False
        self.code_label.setText("")
        self.detail_label.setText(self.tr("Information only: recorded, no ticket."))
        self.print_label.setText("")
        self.informed.emit(result)
        self.next_arrival()

    def _refused(self, error: Exception) -> None:
        self._busy = False
        if isinstance(error, AdmissionRefused):
            self.refusal = error
            self.view.refusal = self._refusal_texts(error)
            self.view.refresh()
            return
        self.print_label.setProperty("role", "notice")
        self.print_label.setText(
            "⚠ " + self.tr("Not issued: {reason}").format(reason=refusal_text(error))
        )
        self._restyle(self.print_label)

    def print_slip(self, refused: AdmissionRefused) -> None:
        language = self.session.state.language or "pt"
        messages = self.flow.messages
        languages = {"pt", language}
        line = self._profile.support_line
        reason_text = messages.get(refused.kind)
        slip = slip_content(
            printed_at=self._bridge.journal.now(),
            service_names={tag: self._service_words(refused.service, tag) for tag in languages},
            reasons={
                tag: (
                    reason_text.get(tag).format(**refused.params) if reason_text else refused.reason
                )
                for tag in languages
            },
            booking={
                tag: messages["book"]
                .get(tag)
                .format(
                    numbers=" / ".join(line.numbers),
                    hours=line.hours.get(tag) or line.hours.get("en", ""),
                )
                for tag in languages
            },
            language=language,
            profile=self._profile,
        )
        printed = self._output.print_slip(slip)
        self.code_label.setText("")
        self.detail_label.setText(self.tr("No ticket: a booking slip was printed."))
        self._show_print(printed, code="")
        self.slipped.emit(printed)
        self.next_arrival()

    def _service_words(self, code: str, language: str) -> str:
        """What the arrival asked for, in their language: the matter's own words from the
        flow (translated), else the service's public name."""
        for matter in self.session.state.matters:
            if matter.outcome.service == code:
                return matter.outcome.text.get(language)
        return self._profile.service(code).public_name(language)

    # -- lawyers, appointments ---------------------------------------------------------

    def ask_lawyer(self) -> None:
        number, ok = QInputDialog.getText(
            self, self.tr("Lawyer or representative"), self.tr("Professional number:")
        )
        if not ok or not number.strip():
            return
        cases, ok = QInputDialog.getInt(
            self,
            self.tr("Lawyer or representative"),
            self.tr("Cases today (at most {cap} a day):").format(
                cap=self._profile.lawyer_daily_cap
            ),
            1,
            1,
            self._profile.lawyer_daily_cap,
        )
        if ok:
            self.session.set_lawyer(number, cases)
            self._after_step()

    def ask_check_in(self) -> None:
        reference, ok = QInputDialog.getText(
            self, self.tr("Appointment check-in"), self.tr("Booking reference:")
        )
        if ok and reference.strip():
            self.check_in(reference.strip())

    def check_in(self, reference: str) -> None:
        self._busy = True
        self._bridge.submit(
            lambda journal: journal.appointments.check_in(reference),
            self._checked_in,
            self._refused,
        )

    def _checked_in(self, checked: CheckIn) -> None:
        self._issued(checked.ticket)
        if checked.late:
            self.detail_label.setText(
                self.detail_label.text() + " · " + self.tr("late for the appointment: normal queue")
            )

    def ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import the day's appointments"), "", self.tr("CSV files (*.csv)")
        )
        if path:
            self.import_appointments(path)

    def import_appointments(self, path: str) -> None:
        try:
            with open(path, encoding="utf-8") as handle:
                appointments = parse_appointments(handle.read(), self._profile)
        except (OSError, UnicodeDecodeError) as error:
            QMessageBox.warning(self, self.tr("Appointments not imported"), str(error))
            return
        except AppointmentListRefused as refused:
            self._tell_import_refused(refused)
            return
        self._bridge.submit(
            lambda journal: journal.appointments.import_list(appointments),
            self._imported,
            lambda error: (
                self._tell_import_refused(error)
                if isinstance(error, AppointmentListRefused)
                else self._refused(error)
            ),
        )

    def _tell_import_refused(self, refused: AppointmentListRefused) -> None:
        QMessageBox.warning(
            self,
            self.tr("Appointments not imported"),
            self.tr("Nothing was imported. Correct these lines and import again:")
            + "\n\n"
            + "\n".join(refused.problems),
        )

    def _imported(self, result: ImportResult) -> None:
        self.detail_label.setText(
            self.tr("{added} appointment(s) imported, {unchanged} already there.").format(
                added=result.added, unchanged=result.unchanged
            )
        )
        self.refresh_side()

    # -- the last ticket -----------------------------------------------------------------

    def reprint_last(self) -> None:
        if self._last is not None:
            self.reprint(self._last.ticket)

    def reprint(self, ticket: TicketView) -> None:
        """Print ``ticket`` again; the reprint is recorded first (counted for the day)."""
        self._bridge.submit(
            lambda journal: journal.record_reprint(ticket.id), self._reprinted, self._refused
        )

    def _reprinted(self, ticket: TicketView) -> None:
        self._last = IssuedTicket(ticket, self._output.print(ticket))
        self._show_last()

    def find_ticket(self) -> FindTicketDialog:
        """F7: a lost ticket, found by its code or its QR code, printed again."""
        dialog = FindTicketDialog(self._bridge, self._profile, self)
        dialog.accepted.connect(lambda: dialog.ticket and self.reprint(dialog.ticket))
        dialog.open()
        return dialog

    def preview_last(self) -> TicketPreviewDialog | None:
        """The last ticket as it prints on this desk's paper; Enter prints it again."""
        if self._last is None:
            return None
        dialog = TicketPreviewDialog(
            self._output.content(self._last.ticket), self._output.paper, self._fonts, self
        )
        dialog.accepted.connect(self.reprint_last)
        dialog.open()
        return dialog

    def _open_last_pdf(self) -> None:
        printed = self._last.printed if self._last is not None else None
        if printed is not None and printed.ok and printed.destination.endswith(".pdf"):
            QDesktopServices.openUrl(QUrl.fromLocalFile(printed.destination))

    def _show_last(self) -> None:
        if self._last is None:
            self.detail_label.setText(self.tr("F2 starts with the next arrival."))
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
        visit = (" → " + " → ".join(ticket.visit)) if ticket.visit else ""
        self.detail_label.setText(f"{service}{visit} · {ahead} · {wait}")
        self._show_print(printed, ticket.code)

    def _show_print(self, printed: PrintResult, code: str) -> None:
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
            ).format(reason=printed.error, code=code)
        self.print_label.setText(text)
        self._restyle(self.print_label)
        self.reprint_button.setEnabled(self._last is not None)
        self.preview_button.setEnabled(self._last is not None)
        self.open_button.setEnabled(printed.ok and printed.destination.endswith(".pdf"))

    @staticmethod
    def _restyle(widget: QWidget) -> None:
        widget.style().unpolish(widget)
        widget.style().polish(widget)

    # -- the side panel ----------------------------------------------------------------

    def _on_change(self, change: Change) -> None:
        if change.day == self._bridge.today():
            self._refresh_soon.request()

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
        until = (
            self.tr("appointment")
            if service.appointment_only
            else service.cutoff.strftime("%H:%M")
            if service.cutoff
            else "—"
        )
        items = []
        for column, text in enumerate(
            (f"{service.letter} · {service.code}", str(load.waiting), wait, left, until)
        ):
            item = QTableWidgetItem(text)
            item.setToolTip(service.staff_short_name(staff_language()))
            if column:
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            items.append(item)
        return items

    def refresh_side(self) -> None:
        services = self._profile.services
        today = self._bridge.today()
        loads = self._bridge.read(
            lambda queries: queries.service_loads(today, [s.code for s in services])
        )
        refill(
            self.load_table,
            (self._load_items(s, load) for s, load in zip(services, loads, strict=True)),
        )
        booked = self._bridge.journal.appointments.today()
        refill(
            self.appointments_table,
            (
                [
                    QTableWidgetItem(b.time),
                    QTableWidgetItem(b.service),
                    QTableWidgetItem(b.reference),
                    QTableWidgetItem(
                        self._bridge.journal.ticket(b.ticket).code if b.ticket else "—"
                    ),
                ]
                for b in booked
            ),
        )
