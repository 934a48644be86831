"""A field for ticket QR codes: hand scanners that type what they read (keyboard wedge),
a scanner reading a photo of the ticket on the holder's phone, or the code typed by hand.

A scanner types into whatever has the keyboard focus, so the field also takes the keys
typed while the focus is on a list or a table of the same window (``take_keys_from``).
What was scanned is never logged: it is checked, used and cleared.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from cnaim_desk.journal.journal import TicketNotFound
from cnaim_desk.printing.reference import ReferenceRefused, find_ticket
from cnaim_desk.ui.labels import refusal_text
from cnaim_desk.ui.qt_journal import JournalBridge


class ScanField(QWidget):
    """Scan or type a ticket; ``found`` gives today's ticket, ``refused`` the reason
    (also shown under the field) when it is not one.

    Signals:
        found(TicketView): a ticket of today, of this centre, checked.
        refused(str): why what was scanned is not accepted, in the staff's words.
    """

    found = Signal(object)
    refused = Signal(str)

    def __init__(self, bridge: JournalBridge, parent: QWidget | None = None):
        super().__init__(parent)
        self._bridge = bridge
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.label = QLabel(self)
        self.edit = QLineEdit(self)
        self.edit.setClearButtonEnabled(True)
        self.label.setBuddy(self.edit)
        row.addWidget(self.label)
        row.addWidget(self.edit, 1)
        layout.addLayout(row)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setProperty("role", "notice")
        self.message.hide()
        layout.addWidget(self.message)
        # Enter ends a scan here and goes no further: in a dialog it would also press
        # the default button.
        self.edit.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.label.setText(self.tr("Scan or type a ticket:"))
        self.edit.setPlaceholderText(self.tr("QR code, or a code such as S023"))
        self.edit.setAccessibleName(self.tr("Ticket to open: scan its QR code or type its code"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def look_up(self, text: str | None = None) -> None:
        """Open what was scanned or typed (``text``, or what the field holds)."""
        if text is None:
            text = self.edit.text()
        self.edit.clear()
        try:
            ticket = find_ticket(self._bridge.journal, text)
        except (ReferenceRefused, TicketNotFound) as error:
            reason = refusal_text(error)
            self.message.setText(f"⚠ {reason}")
            self.message.show()
            self.refused.emit(reason)
            return
        self.message.hide()
        self.message.setText("")
        self.found.emit(ticket)

    def take_keys_from(self, *widgets: QWidget) -> None:
        """Typing (or scanning) while one of ``widgets`` has the focus goes to the field."""
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched is self.edit:
                if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    self.look_up()
                    return True
                return False
            plain = not event.modifiers() & ~(
                Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
            )
            text = event.text()
            if plain and text and text.isprintable() and not text.isspace():
                self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
                self.edit.insert(text)
                return True
        return super().eventFilter(watched, event)
