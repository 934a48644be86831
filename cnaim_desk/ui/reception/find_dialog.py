"""F7 at reception: find a lost ticket, by its code or by scanning its QR code (on the
paper, or on a photo of it on the holder's phone), and print it again."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from cnaim_desk.domain.centres import CentreProfile
from cnaim_desk.domain.languages import holder_language
from cnaim_desk.domain.tickets import AT_COUNTER, IN_QUEUE
from cnaim_desk.journal.queries import TicketView
from cnaim_desk.ui.i18n import staff_language
from cnaim_desk.ui.labels import status_label
from cnaim_desk.ui.qt_journal import JournalBridge
from cnaim_desk.ui.scan import ScanField

#: A ticket is printed again only while its holder still needs it.
REPRINTABLE = IN_QUEUE | AT_COUNTER


class FindTicketDialog(QDialog):
    """Scan or type; the ticket found is shown; Enter prints it again (``ticket``)."""

    def __init__(self, bridge: JournalBridge, profile: CentreProfile, parent: QWidget | None):
        super().__init__(parent)
        self._profile = profile
        self.ticket: TicketView | None = None
        layout = QVBoxLayout(self)
        self.scan = ScanField(bridge, self)
        self.scan.found.connect(self.show_ticket)
        self.scan.refused.connect(lambda _reason: self.show_ticket(None))
        layout.addWidget(self.scan)
        self.code_label = QLabel(self)
        self.code_label.setProperty("role", "code")
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.code_label)
        self.detail_label = QLabel(self)
        self.detail_label.setWordWrap(True)
        layout.addWidget(self.detail_label)
        self.buttons = QDialogButtonBox(self)
        self.reprint_button = QPushButton(self)
        self.reprint_button.setEnabled(False)
        self.buttons.addButton(self.reprint_button, QDialogButtonBox.ButtonRole.AcceptRole)
        # Qt ships no European Portuguese for its standard buttons: the desk names its own.
        self.close_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        # A second scan while the button has the focus still reaches the field.
        self.scan.take_keys_from(self.reprint_button, *self.buttons.buttons())
        self.retranslate()
        self.resize(560, 360)
        self.scan.edit.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Find a ticket (F7)"))
        self.reprint_button.setText(self.tr("Print again (Enter)"))
        self.close_button.setText(self.tr("Close (Esc)"))
        self.code_label.setAccessibleName(self.tr("Ticket found"))
        if self.ticket is None:
            self.detail_label.setText(
                self.tr(
                    "Scan the ticket's QR code — on paper or on a photo on the person's "
                    "phone — or type its code, then Enter."
                )
            )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_ticket(self, ticket: TicketView | None) -> None:
        self.ticket = ticket
        if ticket is None:
            self.code_label.setText("")
            self.reprint_button.setEnabled(False)
            self.retranslate()
            self.scan.edit.setFocus()  # ready for the next scan
            return
        service = self._profile.service(ticket.service).staff_name(staff_language())
        parts = [
            service,
            status_label(ticket.status),
            self.tr("issued at {time}").format(time=ticket.issued_at.strftime("%H:%M")),
            self.tr("language: {name}").format(name=holder_language(ticket.language).native_name),
        ]
        if ticket.reprints:
            parts.append(self.tr("printed again {n}×").format(n=ticket.reprints))
        reprintable = ticket.status in REPRINTABLE
        if not reprintable:
            parts.append(self.tr("no longer in the queue: not printed again"))
        self.code_label.setText(ticket.code)
        self.detail_label.setText(" · ".join(parts))
        self.reprint_button.setEnabled(reprintable)
        if reprintable:
            self.reprint_button.setDefault(True)
            self.reprint_button.setFocus()

    def accept(self) -> None:
        if self.ticket is not None and self.ticket.status in REPRINTABLE:
            super().accept()
