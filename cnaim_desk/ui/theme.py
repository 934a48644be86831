"""Look and feel shared by the windows: large type and high contrast.

Colours are never the only carrier of meaning: states also have words and symbols.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

#: Staff screens: dark text on white, one strong accent.
STAFF_STYLE = """
QWidget { font-size: 12pt; }
QPushButton { padding: 8px 14px; }
QPushButton[role="service"] { text-align: left; padding: 10px 14px; font-size: 13pt; }
QPushButton:focus { outline: 3px solid #1a4fa0; border: 3px solid #1a4fa0; }
QLabel[role="code"] { font-size: 44pt; font-weight: 700; color: #000000; }
QLabel[role="title"] { font-size: 15pt; font-weight: 700; }
QLabel[role="notice"] { font-size: 12pt; color: #7a0000; font-weight: 700; }
QLabel[role="ok"] { font-size: 12pt; color: #0b4d16; }
QTableView { font-size: 12pt; }
QLabel[role="holder"] { font-size: 17pt; }
QLabel[role="holder-small"] { font-size: 14pt; }
"""

#: The calling board: white and yellow on black (contrast 21:1 and 16.1:1), light grey
#: for headings and messages (14.9:1); the service pictograms are drawn in the text colour.
BOARD_BACKGROUND = QColor("#000000")
BOARD_TEXT = QColor("#FFFFFF")
BOARD_ACCENT = QColor("#FFE14D")
BOARD_MUTED = QColor("#D9D9D9")
BOARD_PICTOGRAM = BOARD_TEXT
#: Every colour drawn on the board's background; each must contrast at least 7:1 with it.
BOARD_FOREGROUNDS = (BOARD_TEXT, BOARD_ACCENT, BOARD_MUTED, BOARD_PICTOGRAM)


def relative_luminance(colour: QColor) -> float:
    """WCAG 2.x relative luminance of an sRGB colour."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast_ratio(first: QColor, second: QColor) -> float:
    """WCAG contrast ratio, from 1 (none) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
