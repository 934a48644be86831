"""Per-desk options, each declared once with its default, stored beside the journal in
``settings.ini`` (plain text an administrator can read)."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QSettings

from cnaim_desk.domain.centres import SERVICE_CODES
from cnaim_desk.printing.layout import Paper

log = logging.getLogger(__name__)

UI_LANGUAGES = {"pt_PT": "Português", "en": "English"}
DEFAULT_UI_LANGUAGE = "pt_PT"
#: The port desks accept links on, unless ``sync/listen`` says otherwise.
DEFAULT_SYNC_LISTEN = "0.0.0.0:7820"


class DeskSettings:
    """The desk's options: printer, paper, interface language, and the board's screen and
    services."""

    def __init__(self, path: Path):
        self._store = QSettings(str(path), QSettings.Format.IniFormat)

    def _get(self, name: str, default: str) -> str:
        value = self._store.value(name, default)
        return str(value) if value is not None else default

    def _get_list(self, name: str) -> list[str]:
        """A comma-separated setting as its items; typed by hand without quotes
        (``SS, MS``), QSettings reads such a line as a list already."""
        value = self._store.value(name, "")
        parts = value if isinstance(value, list) else str(value or "").split(",")
        return [str(part).strip() for part in parts if str(part).strip()]

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

    @property
    def board_services(self) -> tuple[str, ...]:
        """The services the board shows (one board per floor or wing), as comma-separated
        codes (``SS,MS,GASI``); empty means all. Unknown codes are ignored, with a warning."""
        codes = [code.upper() for code in self._get_list("board/services")]
        unknown = [code for code in codes if code not in SERVICE_CODES]
        if unknown:
            log.warning(
                "settings.ini: board/services names unknown services %s; ignored (known: %s)",
                ", ".join(unknown),
                ", ".join(SERVICE_CODES),
            )
        return tuple(dict.fromkeys(code for code in codes if code in SERVICE_CODES))

    @board_services.setter
    def board_services(self, value: Iterable[str]) -> None:
        self._set("board/services", ",".join(value))

    # -- a counter desk: how the room knows it, and who signed in ---------------------------

    @property
    def counter_name(self) -> str:
        """The counter as the board shows it ("4", "Balcão 4"); empty: its desk id."""
        return self._get("counter/name", "").strip()

    @counter_name.setter
    def counter_name(self, value: str) -> None:
        self._set("counter/name", value.strip())

    @property
    def counter_floor(self) -> str:
        """Where it is, as the board directs people ("Piso 1"); empty: not shown."""
        return self._get("counter/floor", "").strip()

    @counter_floor.setter
    def counter_floor(self, value: str) -> None:
        self._set("counter/floor", value.strip())

    @property
    def counter_side(self) -> str:
        """Which side or part of the floor ("esquerda", "ao fundo"); empty: not shown."""
        return self._get("counter/side", "").strip()

    @counter_side.setter
    def counter_side(self, value: str) -> None:
        self._set("counter/side", value.strip())

    @property
    def counter_services(self) -> list[str]:
        """The services this counter serves (codes); empty: every service."""
        return self._get_list("counter/services")

    @counter_services.setter
    def counter_services(self, codes: list[str]) -> None:
        self._set("counter/services", ",".join(codes))

    def counter_technician(self, day: str) -> str:
        """Who signed in at this counter on ``day`` (ISO date); empty on another day."""
        if self._get("counter/signed_in_on", "") != day:
            return ""
        return self._get("counter/technician", "")

    def set_counter_technician(self, name: str, day: str) -> None:
        self._set("counter/technician", name)
        self._set("counter/signed_in_on", day)

    # -- sync with the centre's other desks (an enrolled desk only) ----------------------

    @property
    def sync_listen(self) -> str:
        """Where this desk accepts links (``HOST:PORT``); empty: it accepts none."""
        return self._get("sync/listen", DEFAULT_SYNC_LISTEN).strip()

    @sync_listen.setter
    def sync_listen(self, value: str) -> None:
        self._set("sync/listen", value.strip())

    @property
    def sync_discovery(self) -> bool:
        """Find the centre's other desks by zeroconf (``sync/discovery``, default true)."""
        return self._get("sync/discovery", "true").strip().lower() not in ("false", "0", "no")

    @sync_discovery.setter
    def sync_discovery(self, value: bool) -> None:
        self._set("sync/discovery", "true" if value else "false")

    @property
    def sync_peers(self) -> list[str]:
        """Desks to link to (``HOST:PORT``, comma-separated), where multicast is blocked."""
        return self._get_list("sync/peers")

    @sync_peers.setter
    def sync_peers(self, peers: list[str]) -> None:
        self._set("sync/peers", ",".join(peers))
