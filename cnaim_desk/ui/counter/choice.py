"""An inline choice for the counter: a list (or two) answered from the keyboard, in the
window itself rather than a modal dialog, so the calling keys and the scanner keep
working around it.

Keys: ↑/↓ move, 1–9 pick an entry of the focused list, Tab goes to the second list,
Enter confirms, Esc goes back.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

Option = tuple[object, str]  # (the value given back, the text shown)


class ChoicePanel(QGroupBox):
    """Ask once: ``ask()`` shows the lists; ``chosen`` gives the value of the first list
    (with the second list's value as a pair, when there is one), ``dismissed`` Esc."""

    chosen = Signal(object)
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        lists = QHBoxLayout()
        self.first = QListWidget(self)
        self.second = QListWidget(self)
        self.second_label = QLabel(self)
        second_column = QVBoxLayout()
        second_column.addWidget(self.second_label)
        second_column.addWidget(self.second)
        self.first_label = QLabel(self)
        first_column = QVBoxLayout()
        first_column.addWidget(self.first_label)
        first_column.addWidget(self.first)
        lists.addLayout(first_column, 1)
        lists.addLayout(second_column, 1)
        layout.addLayout(lists)
        buttons = QHBoxLayout()
        self.confirm_button = QPushButton(self)
        self.cancel_button = QPushButton(self)
        self.confirm_button.clicked.connect(self.confirm)
        self.cancel_button.clicked.connect(self.dismiss)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.confirm_button)
        layout.addLayout(buttons)
        for widget in (self.first, self.second, self.confirm_button, self.cancel_button):
            widget.installEventFilter(self)
        self.first.itemDoubleClicked.connect(lambda _item: self.confirm())
        self.second.itemDoubleClicked.connect(lambda _item: self.confirm())
        self.hide()

    def ask(
        self,
        title: str,
        options: Sequence[Option],
        confirm_text: str,
        cancel_text: str,
        *,
        first_title: str = "",
        second: Sequence[Option] = (),
        second_title: str = "",
    ) -> None:
        """Show the choice with the first entry of each list selected, the focus on the
        first list."""
        self.setTitle(title)
        self.first_label.setText(first_title)
        self.first_label.setVisible(bool(first_title))
        self._fill(self.first, options, numbered=True)
        self._fill(self.second, second, numbered=True)
        self.first.setAccessibleName(first_title or title)
        self.second.setAccessibleName(second_title)
        self.second_label.setText(second_title)
        for widget in (self.second, self.second_label):
            widget.setVisible(bool(second))
        self.confirm_button.setText(confirm_text + " (Enter)")
        self.cancel_button.setText(cancel_text + " (Esc)")
        self.show()
        self.first.setFocus(Qt.FocusReason.OtherFocusReason)

    @staticmethod
    def _fill(widget: QListWidget, options: Sequence[Option], numbered: bool) -> None:
        widget.clear()
        for index, (value, text) in enumerate(options):
            label = f"{index + 1}  {text}" if numbered and index < 9 else text
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, value)
            widget.addItem(item)
        if widget.count():
            widget.setCurrentRow(0)

    @property
    def is_open(self) -> bool:
        return self.isVisible()

    def confirm(self) -> None:
        if not self.isVisible() or self.first.currentItem() is None:
            return
        value = self.first.currentItem().data(Qt.ItemDataRole.UserRole)
        if self.second.isVisibleTo(self) and self.second.currentItem() is not None:
            value = (value, self.second.currentItem().data(Qt.ItemDataRole.UserRole))
        self.hide()
        self.chosen.emit(value)

    def dismiss(self) -> None:
        if self.isVisible():
            self.hide()
            self.dismissed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.confirm()
                return True
            if key == Qt.Key.Key_Escape:
                self.dismiss()
                return True
            if watched in (self.first, self.second) and Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
                row = key - Qt.Key.Key_1
                if row < watched.count():
                    watched.setCurrentRow(row)
                    if watched is self.first and self.second.isVisibleTo(self):
                        self.second.setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return super().eventFilter(watched, event)
