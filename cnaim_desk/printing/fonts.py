"""The fonts shipped in ``resources/fonts/`` and the family lists that use them.

A bare Debian machine (a kiosk PC, a fresh reception laptop) has only DejaVu, which has
no Arabic Nastaliq, Devanagari, Bengali, Gurmukhi or Han glyphs: a holder's ticket or
the calling board would show empty boxes. So the application carries its own openly
licensed Noto fonts, one family per holder script, and registers them with Qt at start
(:func:`register_fonts`) before any window or ticket is drawn.

Qt picks glyphs from a *list* of families (``QFont.setFamilies``), trying each in turn
for every character. :meth:`FontRegistry.families_for_language` puts the language's own
script first (Nastaliq for Urdu, Naskh for Arabic), then Noto Sans for Latin and Cyrillic
(ticket numbers, counter names), then every other script as a fallback.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLoggingCategory
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QRawFont

from cnaim_desk.domain.languages import Script, holder_language
from cnaim_desk.resources import resource

logger = logging.getLogger(__name__)

LATIN_CYRILLIC_FAMILY = "Noto Sans"
NASKH_FAMILY = "Noto Naskh Arabic"
NASTALIQ_FAMILY = "Noto Nastaliq Urdu Web"
DEVANAGARI_FAMILY = "Noto Sans Devanagari"
BENGALI_FAMILY = "Noto Sans Bengali"
GURMUKHI_FAMILY = "Noto Sans Gurmukhi"
# A subset of Noto Sans CJK SC under its own name, so Qt never mistakes a full Noto CJK
# font installed on the machine for it (packaging/fonts/make_cjk_subset.py).
HAN_SIMPLIFIED_FAMILY = "Noto Sans SC Subset"

SCRIPT_FAMILIES: dict[Script, str] = {
    Script.LATIN: LATIN_CYRILLIC_FAMILY,
    Script.CYRILLIC: LATIN_CYRILLIC_FAMILY,
    Script.ARABIC: NASKH_FAMILY,
    Script.DEVANAGARI: DEVANAGARI_FAMILY,
    Script.BENGALI: BENGALI_FAMILY,
    Script.GURMUKHI: GURMUKHI_FAMILY,
    Script.HAN_SIMPLIFIED: HAN_SIMPLIFIED_FAMILY,
}

# Naskh before Nastaliq: Arabic-script text of unknown language reads as Naskh.
FALLBACK_FAMILIES: tuple[str, ...] = (
    LATIN_CYRILLIC_FAMILY,
    NASKH_FAMILY,
    NASTALIQ_FAMILY,
    DEVANAGARI_FAMILY,
    BENGALI_FAMILY,
    GURMUKHI_FAMILY,
    HAN_SIMPLIFIED_FAMILY,
)

FONT_SUFFIXES = (".ttf", ".otf", ".ttc")
_BOLD_WEIGHT = 700
_REGULAR_WEIGHT = 400


@dataclass(frozen=True, slots=True)
class RegisteredFont:
    """One font file Qt accepted: its path, application-font id and family names."""

    path: Path
    font_id: int
    families: tuple[str, ...]

    def weight(self) -> int:
        """The file's OpenType weight (400 regular, 700 bold), read from the file."""
        return QRawFont(str(self.path), 12).weight()


@dataclass(frozen=True)
class FontRegistry:
    """The shipped fonts Qt knows about, and the family lists built on them."""

    fonts: tuple[RegisteredFont, ...] = ()
    failed: tuple[Path, ...] = ()

    @property
    def families(self) -> tuple[str, ...]:
        """Every family registered, in file order, each once."""
        return tuple(dict.fromkeys(f for font in self.fonts for f in font.families))

    def families_for_language(self, tag: str) -> list[str]:
        """Ordered families for text in holder language ``tag``.

        The language's own script family first, then Noto Sans, then the other scripts.
        Families whose file failed to load stay in the list: Qt skips a family it does
        not know, and a machine that has it installed still uses it.
        """
        language = holder_language(tag)
        own = NASTALIQ_FAMILY if language.nastaliq else SCRIPT_FAMILIES[language.script]
        return list(dict.fromkeys((own, *FALLBACK_FAMILIES)))

    def font_for_language(
        self, tag: str, point_size: float | None = None, bold: bool = False
    ) -> QFont:
        """A font for holder-facing text in ``tag`` (tickets, the board, the kiosk)."""
        return self._font(self.families_for_language(tag), point_size, bold)

    def ui_font(self, point_size: float | None = None) -> QFont:
        """The staff interface font: Noto Sans, then every script for mixed text."""
        return self._font(list(FALLBACK_FAMILIES), point_size, bold=False)

    def path_for_family(self, family: str, bold: bool = False) -> Path | None:
        """The file holding ``family`` at the regular or bold weight; None if not loaded."""
        candidates = [font for font in self.fonts if family in font.families]
        if not candidates:
            return None
        wanted = _BOLD_WEIGHT if bold else _REGULAR_WEIGHT
        return min(candidates, key=lambda font: abs(font.weight() - wanted)).path

    @staticmethod
    def _font(families: list[str], point_size: float | None, bold: bool) -> QFont:
        font = QFont()  # starts from the application font, so its size is the default
        font.setFamilies(families)
        if point_size is not None:
            font.setPointSizeF(point_size)
        font.setBold(bold)
        return font


_registries: dict[Path, FontRegistry] = {}


def register_fonts(font_dir: Path | None = None) -> FontRegistry:
    """Register every font file in ``font_dir`` (default ``resources/fonts``) with Qt.

    A file Qt rejects is logged as a warning, naming it, and skipped. A second call for
    the same folder returns the first result without registering anything again. Needs a
    ``QGuiApplication`` (or ``QApplication``) to exist.
    """
    if QGuiApplication.instance() is None:
        raise RuntimeError("register_fonts() needs a QGuiApplication; create it first")
    folder = (font_dir if font_dir is not None else resource("fonts")).resolve()
    if folder in _registries:
        return _registries[folder]

    files = (
        sorted(p for p in folder.iterdir() if p.suffix.lower() in FONT_SUFFIXES)
        if folder.is_dir()
        else []
    )
    if not files:
        logger.warning("no font files in %s: non-Latin text may show as empty boxes", folder)

    fonts: list[RegisteredFont] = []
    failed: list[Path] = []
    for path in files:
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id == -1:
            logger.warning("could not load font %s; carrying on without it", path)
            failed.append(path)
            continue
        families = tuple(QFontDatabase.applicationFontFamilies(font_id))
        fonts.append(RegisteredFont(path, font_id, families))

    registry = FontRegistry(tuple(fonts), tuple(failed))
    _registries[folder] = registry
    return registry


def install_application_font(app: QGuiApplication, registry: FontRegistry) -> None:
    """Make :meth:`FontRegistry.ui_font` the default font of every widget and window."""
    # Staff screens mix scripts (a language list, a queue of holders' languages), so the
    # interface font is a family list. Qt logs a notice each time a family in such a list
    # lacks a script and it moves on to the next, which is the list doing its job; that
    # notice alone is silenced. Holder-facing text uses font_for_language() and needs
    # no fallback.
    QLoggingCategory.setFilterRules("qt.text.font.db.info=false")
    app.setFont(registry.ui_font())
