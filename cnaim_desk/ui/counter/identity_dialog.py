"""How the room knows this counter: its name on the board, its floor and side. Saved in
the desk's ``settings.ini`` (``counter/name``, ``counter/floor``, ``counter/side``)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cnaim_desk.ui.settings import DeskSettings

FIELD_LENGTH = 40


class CounterIdentityDialog(QDialog):
    """Name, floor and side of the counter; Enter saves, Esc leaves them as they were."""

    def __init__(self, settings: DeskSettings, desk: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._settings = settings
        self.setWindowTitle(self.tr("This counter"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The board calls people to this counter by its name and directs them by its "
                "floor and side. Leave the name empty to use the desk id, {desk}."
            ).format(desk=desk),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.name = QLineEdit(settings.counter_name, self)
        self.name.setPlaceholderText(desk)
        self.floor = QLineEdit(settings.counter_floor, self)
        self.floor.setPlaceholderText(self.tr("e.g. Piso 1"))
        self.side = QLineEdit(settings.counter_side, self)
        self.side.setPlaceholderText(self.tr("e.g. esquerda"))
        for field, label in (
            (self.name, self.tr("&Name on the board:")),
            (self.floor, self.tr("&Floor:")),
            (self.side, self.tr("&Side:")),
        ):
            field.setMaxLength(FIELD_LENGTH)
            field.setAccessibleName(label.replace("&", "").rstrip(":"))
            form.addRow(label, field)
        layout.addLayout(form)
        buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.setDefault(True)
        cancel = QPushButton(self.tr("Cancel (Esc)"), self)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.name.setFocus()

    def accept(self) -> None:
        self._settings.counter_name = self.name.text()
        self._settings.counter_floor = self.floor.text()
        self._settings.counter_side = self.side.text()
        super().accept()
