"""Desk ▸ Printer: where this desk's tickets go, tried with a test ticket before saving.

Three ways out: no printer (each ticket saved as a PDF, to print or show later), a
printer this computer knows (CUPS on Linux, through Qt), or a receipt printer without a
driver, spoken to directly in ESC/POS over the network (``tcp://host:9100``) or through
its USB device file (``/dev/usb/lp0``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from cnaim_desk.printing.cups import queue_status
from cnaim_desk.printing.output import TicketOutput
from cnaim_desk.printing.printers import PrintResult, printer_names
from cnaim_desk.ui.settings import DeskSettings

PDF, SYSTEM, RAW = 0, 1, 2


def valid_raw_target(text: str) -> bool:
    """``tcp://host[:port]`` or a device file path."""
    text = text.strip()
    if text.startswith("tcp://"):
        return len(text) > len("tcp://")
    return text.startswith("/")


class PrinterDialog(QDialog):
    """Choose the ticket printer; "Print a test ticket" tries the choice as it stands."""

    def __init__(
        self,
        settings: DeskSettings,
        output: TicketOutput | None,
        now: Callable[[], datetime],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._settings = settings
        self._output = output
        self._now = now
        self.last_test: PrintResult | None = None
        layout = QVBoxLayout(self)
        grid = QGridLayout()
        self.choices = QButtonGroup(self)
        self.pdf_choice = QRadioButton(self)
        self.system_choice = QRadioButton(self)
        self.raw_choice = QRadioButton(self)
        for index, button in enumerate((self.pdf_choice, self.system_choice, self.raw_choice)):
            self.choices.addButton(button, index)
        self.printers = QComboBox(self)
        self.printers.addItems(printer_names())
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.raw_target = QLineEdit(self)
        self.raw_target.setPlaceholderText("tcp://192.168.1.60:9100  ·  /dev/usb/lp0")
        grid.addWidget(self.pdf_choice, 0, 0, 1, 2)
        grid.addWidget(self.system_choice, 1, 0)
        grid.addWidget(self.printers, 1, 1)
        grid.addWidget(self.status, 2, 1)
        grid.addWidget(self.raw_choice, 3, 0)
        grid.addWidget(self.raw_target, 3, 1)
        layout.addLayout(grid)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        layout.addWidget(self.result)
        buttons = QDialogButtonBox(self)
        # Qt ships no European Portuguese for its standard buttons: the desk names its own.
        self.save_button = buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.test_button = QPushButton(self)
        self.test_button.setAutoDefault(False)
        self.test_button.setEnabled(output is not None)
        buttons.addButton(self.test_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.test_button.clicked.connect(self.print_test)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        if settings.escpos_target:
            self.raw_choice.setChecked(True)
            self.raw_target.setText(settings.escpos_target)
        elif settings.printer_name:
            self.system_choice.setChecked(True)
            if self.printers.findText(settings.printer_name) < 0:
                self.printers.addItem(settings.printer_name)  # gone: shown, to be seen
            self.printers.setCurrentText(settings.printer_name)
        else:
            self.pdf_choice.setChecked(True)
        self.choices.idToggled.connect(lambda _id, _on: self._update())
        self.printers.currentTextChanged.connect(lambda _text: self._update())
        self.raw_target.textChanged.connect(lambda _text: self._update())
        self.retranslate()
        self._update()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Ticket printer"))
        self.pdf_choice.setText(self.tr("No printer: save each ticket as a PDF"))
        self.system_choice.setText(self.tr("A printer of this computer:"))
        self.raw_choice.setText(self.tr("A receipt printer without a driver (ESC/POS):"))
        self.printers.setAccessibleName(self.tr("Printers of this computer"))
        self.raw_target.setAccessibleName(
            self.tr("Receipt printer address (tcp://host:port) or device file")
        )
        self.test_button.setText(self.tr("Print a &test ticket"))
        self.save_button.setText(self.tr("&Save"))
        self.cancel_button.setText(self.tr("Cancel (Esc)"))

    # -- the choice ------------------------------------------------------------------------

    def choice(self) -> tuple[str, str]:
        """(printer name, ESC/POS target) as the dialog stands."""
        kind = self.choices.checkedId()
        if kind == SYSTEM:
            return self.printers.currentText(), ""
        if kind == RAW:
            return "", self.raw_target.text().strip()
        return "", ""

    def problem(self) -> str | None:
        """Why the choice cannot be saved, or None."""
        kind = self.choices.checkedId()
        if kind == SYSTEM and not self.printers.currentText():
            return self.tr("This computer has no printer installed.")
        if kind == RAW and not valid_raw_target(self.raw_target.text()):
            return self.tr("Give the printer's address as tcp://host:port, or its device file.")
        return None

    def _update(self) -> None:
        kind = self.choices.checkedId()
        self.printers.setEnabled(kind == SYSTEM)
        self.raw_target.setEnabled(kind == RAW)
        self.status.setText(self._queue_words() if kind == SYSTEM else "")
        problem = self.problem()
        self.save_button.setEnabled(problem is None)
        self.test_button.setEnabled(problem is None and self._output is not None)
        self.result.setText(f"⚠ {problem}" if problem else "")

    def _queue_words(self) -> str:
        name = self.printers.currentText()
        if not name:
            return ""
        status = queue_status(name)
        if status is None:
            return ""
        problem = status.problem
        if problem is None:
            return self.tr("Ready.")
        return self.tr("Not ready: {reason}.").format(reason=problem)

    def print_test(self) -> PrintResult | None:
        """A ticket coded TESTE on the chosen printer and paper; recorded nowhere."""
        if self._output is None or self.problem() is not None:
            return None
        printer_name, target = self.choice()
        content = self._output.test_ticket(self._now())
        result = self._output.printer(printer_name, target).print_ticket(content)
        self.last_test = result
        if result.ok:
            self.result.setText(
                self.tr("✔ Test ticket sent to {where}.").format(where=result.destination)
            )
        else:
            self.result.setText(
                "⚠ "
                + self.tr("The test ticket was not printed: {reason}").format(reason=result.error)
            )
        return result

    def accept(self) -> None:
        if self.problem() is not None:
            return
        printer_name, target = self.choice()
        self._settings.printer_name = printer_name
        self._settings.escpos_target = target
        super().accept()
