"""First run: set this machine up as a desk of a centre, or try the demo."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cnaim_desk.domain.centres import CENTRE_IDS
from cnaim_desk.journal.desk import ROLES, DeskConfig


@dataclass(frozen=True, slots=True)
class SetupChoice:
    """What the person chose: a desk to set up, or the demo (``config`` is then ``None``)."""

    config: DeskConfig | None
    demo: bool = False


class SetupDialog(QDialog):
    """Asks for the centre, the desk id and the role, or offers the demo."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.choice: SetupChoice | None = None
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        form = QFormLayout()
        self.centre = QComboBox(self)
        self.desk = QLineEdit(self)
        self.desk.setValidator(
            QRegularExpressionValidator(QRegularExpression("[A-Za-z][A-Za-z0-9]{0,7}"), self)
        )
        self.desk.textEdited.connect(self._upper_case)
        self.desk.setMaxLength(8)
        self.role = QComboBox(self)
        self.centre_label = QLabel(self)
        self.desk_label = QLabel(self)
        self.role_label = QLabel(self)
        for label, field in (
            (self.centre_label, self.centre),
            (self.desk_label, self.desk),
            (self.role_label, self.role),
        ):
            label.setBuddy(field)
            form.addRow(label, field)
        layout.addLayout(form)
        self.problem = QLabel(self)
        self.problem.setProperty("role", "notice")
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(self)
        self.set_up = buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.demo = QPushButton(self)
        buttons.addButton(self.demo, QDialogButtonBox.ButtonRole.ActionRole)
        # Our own button, not the standard one: Qt ships no pt-PT words for it.
        self.cancel = buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        self.set_up.clicked.connect(self._accept_desk)
        self.demo.clicked.connect(self._accept_demo)
        layout.addWidget(buttons)
        self.set_up.setDefault(True)
        self.desk.setFocus()  # the one thing to type
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Set up CNAIM Desk"))
        self.intro.setText(
            self.tr(
                "This computer is not a desk yet. Choose its centre, a short desk id (R1 for "
                "a reception desk, C4 for counter 4, B1 for a board) and its role, or try "
                "the demo centre first."
            )
        )
        self.centre_label.setText(self.tr("&Centre:"))
        self.desk_label.setText(self.tr("&Desk id:"))
        self.role_label.setText(self.tr("&Role:"))
        self.desk.setPlaceholderText("R1")
        names = {
            "lisboa": self.tr("CNAIM Lisboa"),
            "norte": self.tr("CNAIM Norte (Porto)"),
            "algarve": self.tr("CNAIM Algarve (Faro)"),
        }
        roles = {
            "reception": self.tr("Reception (welcome and screening)"),
            "counter": self.tr("Counter"),
            "board": self.tr("Calling board"),
        }
        self.centre.clear()
        for centre in CENTRE_IDS:
            self.centre.addItem(names[centre], centre)
        self.role.clear()
        for role in ROLES:
            self.role.addItem(roles[role], role)
        self.set_up.setText(self.tr("&Set up this desk"))
        self.demo.setText(self.tr("Try the &demo"))
        self.cancel.setText(self.tr("Cancel"))

    def _upper_case(self, text: str) -> None:
        # Desk ids are upper case; typing c4 gives C4.
        if text != text.upper():
            position = self.desk.cursorPosition()
            self.desk.setText(text.upper())
            self.desk.setCursorPosition(position)

    def _accept_desk(self) -> None:
        desk = self.desk.text().strip().upper()
        if not desk:
            self.problem.setText("⚠ " + self.tr("Type a desk id, such as R1."))
            self.desk.setFocus()
            return
        config = DeskConfig(self.centre.currentData(), desk, self.role.currentData())
        self.choice = SetupChoice(config)
        self.accept()

    def _accept_demo(self) -> None:
        self.choice = SetupChoice(None, demo=True)
        self.accept()
