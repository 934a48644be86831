"""The desk menu of the staff windows: printer, paper, interface language, the centre's
other desks (on a desk that syncs), quit."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from cnaim_desk.printing.layout import Paper
from cnaim_desk.printing.output import TicketOutput
from cnaim_desk.ui.preview import paper_name
from cnaim_desk.ui.printer_dialog import PrinterDialog
from cnaim_desk.ui.settings import UI_LANGUAGES, DeskSettings


class DeskMenu(QMenu):
    """Desk-wide options; changes apply at once and are saved in the desk's settings."""

    def __init__(
        self,
        window: QMainWindow,
        settings: DeskSettings,
        switch_language: Callable[[str], None],
        quit_app: Callable[[], None],
        output: TicketOutput | None = None,
        now: Callable[[], datetime] = datetime.now,
        show_desks: Callable[[], object] | None = None,
    ):
        super().__init__(window)
        self._settings = settings
        self._output = output
        self._now = now
        self._switch_language = switch_language
        self.printer_action = QAction(self, triggered=self.choose_printer)
        self.paper_menu = QMenu(self)
        self.paper_group = QActionGroup(self)
        self.paper_actions: dict[Paper, QAction] = {}
        for paper in Paper:
            action = QAction(paper.value, self, checkable=True)
            self.paper_actions[paper] = action
            action.setChecked(paper == settings.paper)
            action.triggered.connect(lambda _=False, p=paper: setattr(settings, "paper", p))
            self.paper_group.addAction(action)
            self.paper_menu.addAction(action)
        self.language_menu = QMenu(self)
        self.language_group = QActionGroup(self)
        for code, name in UI_LANGUAGES.items():
            action = QAction(name, self, checkable=True)
            action.setChecked(code == settings.ui_language)
            action.triggered.connect(lambda _=False, c=code: self._set_language(c))
            self.language_group.addAction(action)
            self.language_menu.addAction(action)
        self.desks_action = QAction(self)
        if show_desks is not None:
            self.desks_action.triggered.connect(show_desks)
        self.desks_action.setVisible(show_desks is not None)
        self.quit_action = QAction(self, triggered=quit_app)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.addAction(self.printer_action)
        self.addMenu(self.paper_menu)
        self.addMenu(self.language_menu)
        self.addAction(self.desks_action)
        self.addSeparator()
        self.addAction(self.quit_action)
        window.menuBar().addMenu(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("&Desk"))
        printer = (
            self._settings.escpos_target
            or self._settings.printer_name
            or self.tr("none — tickets saved as PDF")
        )
        self.printer_action.setText(self.tr("&Printer… ({printer})").format(printer=printer))
        self.paper_menu.setTitle(self.tr("P&aper"))
        for paper, action in self.paper_actions.items():
            action.setText(paper_name(paper))
        self.language_menu.setTitle(self.tr("Interface &language"))
        self.desks_action.setText(self.tr("Desks of the &centre…"))
        self.quit_action.setText(self.tr("&Quit"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _set_language(self, code: str) -> None:
        self._settings.ui_language = code
        self._switch_language(code)

    def choose_printer(self) -> PrinterDialog:
        """The printer dialog (window-modal); the menu shows the choice once saved."""
        parent: QWidget = self.parentWidget()
        dialog = PrinterDialog(self._settings, self._output, self._now, parent)
        dialog.accepted.connect(self.retranslate)
        dialog.open()
        return dialog
