"""Per-desk options, each declared once with its default, stored beside the journal in
``settings.ini`` (plain text an administrator can read)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from cnaim_desk.printing.layout import Paper

UI_LANGUAGES = {"pt_PT": "Português", "en": "English"}
DEFAULT_UI_LANGUAGE = "pt_PT"


class DeskSettings:
    """The desk's options: printer, paper, interface language and the board's screen."""

    def __init__(self, path: Path):
        self._store = QSettings(str(path), QSettings.Format.IniFormat)

    def _get(self, name: str, default: str) -> str:
        value = self._store.value(name, default)
        return str(value) if value is not None else default

    def _set(self, name: str, value: str) -> None:
        self._store.setValue(name, value)
        self._store.sync()

    @property
    def printer_name(self) -> str:
        """The system printer for tickets; empty means "save each ticket as a PDF"."""
        return self._get("printing/printer", "")

    @printer_name.setter
    def printer_name(self, value: str) -> None:
        self._set("printing/printer", value)

    @property
    def escpos_target(self) -> str:
        """A raw ESC/POS receipt printer (``tcp://host:9100`` or ``/dev/usb/lp0``); empty
        means none. When set it takes the tickets instead of the system printer."""
        return self._get("printing/escpos", "")

    @escpos_target.setter
    def escpos_target(self, value: str) -> None:
        self._set("printing/escpos", value)

    @property
    def paper(self) -> Paper:
        try:
            return Paper(self._get("printing/paper", Paper.RECEIPT_80.value))
        except ValueError:
            return Paper.RECEIPT_80

    @paper.setter
    def paper(self, value: Paper) -> None:
        self._set("printing/paper", Paper(value).value)

    @property
    def ui_language(self) -> str:
        value = self._get("interface/language", DEFAULT_UI_LANGUAGE)
        return value if value in UI_LANGUAGES else DEFAULT_UI_LANGUAGE

    @ui_language.setter
    def ui_language(self, value: str) -> None:
        self._set("interface/language", value)

    @property
    def board_screen(self) -> int:
        """The screen for the calling board: -1 means the second screen when there is one."""
        try:
            return int(self._get("board/screen", "-1"))
        except ValueError:
            return -1

    @board_screen.setter
    def board_screen(self, value: int) -> None:
        self._set("board/screen", str(value))
