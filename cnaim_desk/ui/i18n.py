"""The staff interface's language (Portuguese or English), switchable while running.

Every window sets its texts in ``retranslate()`` and calls it again on Qt's
``LanguageChange`` event, which installing a translator sends to every widget.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from cnaim_desk.resources import translations_dir
from cnaim_desk.ui.settings import UI_LANGUAGES

log = logging.getLogger(__name__)


class InterfaceLanguage:
    """Loads and swaps the application's translators."""

    def __init__(self, app: QCoreApplication):
        self._app = app
        self._installed: list[QTranslator] = []
        self.current = "en"

    def switch(self, code: str) -> None:
        """Install the ``.qm`` files for ``pt_PT`` or ``en`` (English is the source text)."""
        if code not in UI_LANGUAGES:
            raise ValueError(f"unknown interface language {code!r}")
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed = []
        if code != "en":
            own = QTranslator(self._app)
            if own.load(f"cnaim_desk_{code}", str(translations_dir())):
                self._installed.append(own)
            else:
                log.warning("no interface translation for %s in %s", code, translations_dir())
            qt = QTranslator(self._app)
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt.load(f"qt_{code}", qt_dir):
                self._installed.append(qt)
        for translator in self._installed:
            self._app.installTranslator(translator)
        QLocale.setDefault(QLocale(code))
        self.current = code


def staff_language() -> str:
    """``pt`` or ``en``: which of a profile's two staff-facing names to show."""
    return "pt" if QLocale().language() == QLocale.Language.Portuguese else "en"
