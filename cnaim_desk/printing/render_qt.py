"""Drawing a ticket with Qt: the same painting for the screen preview, PDF, PNG and
printers, so what is previewed is what is printed.

Sizes are given in millimetres and converted with the target's resolution; text is laid
out by Qt, which shapes complex scripts and lays right-to-left text from the right.
"""

from __future__ import annotations

from pathlib import Path

import qrcode
from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPageSize, QPainter, QPdfWriter, QTextOption

from cnaim_desk.printing.fonts import FontRegistry
from cnaim_desk.printing.layout import Paper, SlipContent, TicketContent, TicketText

MARGIN_MM = 4.0
QR_MM = 26.0


class TicketPainter:
    """Paints a :class:`TicketContent` onto any Qt paint device, top to bottom."""

    def __init__(self, painter: QPainter, width_px: float, dpi: float, fonts: FontRegistry):
        self._painter = painter
        self._dpi = dpi
        self._fonts = fonts
        self._left = self.px(MARGIN_MM)
        self._width = width_px - 2 * self._left
        self._y = self.px(MARGIN_MM)

    def px(self, mm: float) -> float:
        return mm * self._dpi / 25.4

    def _font(self, language: str, height_mm: float, bold: bool = False) -> QFont:
        font = self._fonts.font_for_language(language, bold=bold)
        font.setPixelSize(max(1, round(self.px(height_mm))))
        return font

    def text(
        self, text: str, language: str, height_mm: float, *, bold: bool = False, rtl: bool = False
    ) -> None:
        """Draw ``text`` centred and wrapped across the width, then move down past it."""
        if not text:
            return
        painter = self._painter
        painter.setFont(self._font(language, height_mm, bold))
        option = QTextOption(Qt.AlignmentFlag.AlignHCenter)
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        option.setTextDirection(
            Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        )
        box = QRectF(self._left, self._y, self._width, self.px(200))
        needed = painter.boundingRect(box, text, option)
        painter.drawText(QRectF(self._left, self._y, self._width, needed.height()), text, option)
        self._y += needed.height() + self.px(0.8)

    def gap(self, mm: float) -> None:
        self._y += self.px(mm)

    def rule(self) -> None:
        self.gap(1)
        self._painter.fillRect(
            QRectF(self._left, self._y, self._width, max(1.0, self.px(0.3))), QColor("black")
        )
        self.gap(1.5)

    def qr(self, payload: str) -> None:
        code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
        code.add_data(payload)
        code.make(fit=True)
        matrix = code.get_matrix()
        # Whole device pixels per module: fractional modules blur the edges a scanner reads.
        module = max(1, int(self.px(QR_MM) / len(matrix)))
        side = module * len(matrix)
        left = self._left + (self._width - side) / 2
        black = QColor("black")
        for row, cells in enumerate(matrix):
            for column, dark in enumerate(cells):
                if dark:
                    self._painter.fillRect(
                        QRectF(left + column * module, self._y + row * module, module, module),
                        black,
                    )
        self._y += side + self.px(1.5)

    def language_block(self, text: TicketText, *, main: bool) -> None:
        size = 1.0 if main else 0.85
        self.text(text.service, text.language, 4.6 * size, bold=main, rtl=text.right_to_left)
        self.text(f"{text.ahead} · {text.wait}", text.language, 3.4 * size, rtl=text.right_to_left)

    def paint(self, content: TicketContent | SlipContent) -> float:
        """Paint the whole ticket (or slip); returns the height used, in pixels."""
        if isinstance(content, SlipContent):
            return self.paint_slip(content)
        holder = content.holder
        self.text(content.centre_name, "pt", 2.6)
        self.rule()
        self.text(holder.number, holder.language, 3.4, rtl=holder.right_to_left)
        self.text(content.code, "pt", 16.0, bold=True)
        self.language_block(holder, main=True)
        if content.portuguese is not None:
            self.gap(0.5)
            self.language_block(content.portuguese, main=False)
        self.text(content.issued_at.strftime("%Y-%m-%d  %H:%M"), "pt", 3.2)
        self.gap(1)
        self.qr(content.reference)
        self.text(holder.keep, holder.language, 3.0, rtl=holder.right_to_left)
        if content.portuguese is not None:
            self.text(content.portuguese.keep, "pt", 2.6)
        self.rule()
        self.text(content.address, "pt", 2.6)
        self.text(content.support_line, "pt", 2.6)
        return self._y + self.px(MARGIN_MM)

    def paint_slip(self, content: SlipContent) -> float:
        """Paint a slip: no ticket now, and how to book through the Migrants Support Line."""
        self.text(content.centre_name, "pt", 2.6)
        self.rule()
        for part in (content.holder, content.portuguese):
            if part is None:
                continue
            main = part is content.holder
            size = 1.0 if main else 0.85
            self.text(part.service, part.language, 4.6 * size, bold=main, rtl=part.right_to_left)
            self.text(part.reason, part.language, 3.8 * size, bold=main, rtl=part.right_to_left)
            self.text(part.book, part.language, 3.6 * size, rtl=part.right_to_left)
            self.gap(1.5)
        self.text(content.printed_at.strftime("%Y-%m-%d  %H:%M"), "pt", 3.0)
        self.rule()
        self.text(content.address, "pt", 2.6)
        return self._y + self.px(MARGIN_MM)


def render_pdf(
    content: TicketContent | SlipContent, path: Path, paper: Paper, fonts: FontRegistry
) -> Path:
    """Write the ticket as a one-page PDF of the paper's size."""
    writer = QPdfWriter(str(path))
    writer.setPageSize(
        QPageSize(QSizeF(paper.width_mm, paper.height_mm), QPageSize.Unit.Millimeter)
    )
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    writer.setResolution(300)
    writer.setTitle(f"Ticket {content.code}" if isinstance(content, TicketContent) else "Slip")
    writer.setCreator("CNAIM Desk")
    painter = QPainter(writer)
    try:
        TicketPainter(painter, writer.width(), writer.resolution(), fonts).paint(content)
    finally:
        painter.end()
    return path


def render_image(
    content: TicketContent, paper: Paper, fonts: FontRegistry, dpi: int = 203
) -> QImage:
    """The ticket as an image at a printer's resolution (203 dpi is the common receipt head)."""
    width = round(paper.width_mm * dpi / 25.4)
    height = round(paper.height_mm * dpi / 25.4)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    try:
        TicketPainter(painter, width, dpi, fonts).paint(content)
    finally:
        painter.end()
    return image


def render_png(
    content: TicketContent, path: Path, paper: Paper, fonts: FontRegistry, dpi: int = 203
) -> Path:
    if not render_image(content, paper, fonts, dpi).save(str(path), "PNG"):
        raise OSError(f"Could not write {path}.")
    return path
