"""Drawing tickets and slips with Qt: the same painting for the screen preview, PDF, PNG,
system printers and raw receipt printers, so what is previewed is what is printed.

Sizes are in millimetres, turned into the target's pixels with its resolution. Text is
laid out by Qt, which shapes complex scripts (Arabic joining, Indic conjuncts) with
HarfBuzz and lays right-to-left paragraphs from the right. A receipt roll is cut where the
ticket ends; on a sheet (A6, A4) a ticket that would not fit is drawn smaller.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import qrcode
from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPdfWriter,
    QPicture,
    QTextOption,
)
from PySide6.QtSvg import QSvgRenderer

from cnaim_desk.printing.fonts import FontRegistry
from cnaim_desk.printing.layout import Paper, SlipContent, TicketContent, TicketText
from cnaim_desk.resources import resource

MARGIN_MM = 3.0
#: The dots per inch of the common thermal receipt head; PNGs are drawn at it.
RECEIPT_DPI = 203
_BLACK = QColor("black")


@cache
def _pictogram(name: str) -> QSvgRenderer | None:
    path = resource("icons", f"{name}.svg")
    renderer = QSvgRenderer(str(path)) if path.exists() else None
    return renderer if renderer is not None and renderer.isValid() else None


@cache
def _qr_matrix(payload: str) -> tuple[tuple[bool, ...], ...]:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    code.add_data(payload)
    code.make(fit=True)
    return tuple(tuple(row) for row in code.get_matrix())


class TicketPainter:
    """Paints a ticket or a slip onto any Qt paint device, top to bottom, across
    ``width_mm`` (the printable width), at ``dpi``."""

    def __init__(self, painter: QPainter, width_mm: float, dpi: float, fonts: FontRegistry):
        self._painter = painter
        self._dpi = dpi
        self._fonts = fonts
        self._width = self.px(width_mm) - 2 * self.px(MARGIN_MM)
        self._left = self.px(MARGIN_MM)
        self._y = self.px(MARGIN_MM)
        self._scale = width_mm / 72.0  # type sizes are set for a 72 mm receipt
        self._font_cache: dict[tuple[str, int, bool], QFont] = {}

    def px(self, mm: float) -> float:
        return mm * self._dpi / 25.4

    def _font(self, language: str, height_mm: float, bold: bool = False) -> QFont:
        pixels = max(1, round(self.px(height_mm * min(self._scale, 1.6))))
        key = (language, pixels, bold)
        font = self._font_cache.get(key)
        if font is None:
            font = self._fonts.font_for_language(language, bold=bold)
            font.setPixelSize(pixels)
            self._font_cache[key] = font
        return font

    def text(
        self,
        text: str,
        language: str,
        height_mm: float,
        *,
        bold: bool = False,
        rtl: bool = False,
        centred: bool = True,
    ) -> None:
        """Draw ``text`` wrapped across the width (centred, or from the start of the line:
        the right for right-to-left text), then move down past it."""
        if not text:
            return
        painter = self._painter
        painter.setFont(self._font(language, height_mm, bold))
        option = QTextOption(
            Qt.AlignmentFlag.AlignHCenter if centred else Qt.AlignmentFlag.AlignLeft
        )
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        option.setTextDirection(
            Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        )
        box = QRectF(self._left, self._y, self._width, self.px(400))
        needed = painter.boundingRect(box, text, option)
        painter.drawText(QRectF(self._left, self._y, self._width, needed.height()), text, option)
        self._y += needed.height() + self.px(0.6)

    def gap(self, mm: float) -> None:
        self._y += self.px(mm)

    def rule(self) -> None:
        self.gap(0.8)
        self._painter.fillRect(
            QRectF(self._left, self._y, self._width, max(1.0, self.px(0.3))), _BLACK
        )
        self.gap(1.2)

    def pictogram(self, name: str, size_mm: float) -> None:
        renderer = _pictogram(name)
        if renderer is None:
            return
        side = self.px(size_mm)
        renderer.render(
            self._painter, QRectF(self._left + (self._width - side) / 2, self._y, side, side)
        )
        self._y += side + self.px(0.8)

    def qr(self, payload: str, size_mm: float) -> None:
        matrix = _qr_matrix(payload)
        # Whole device pixels per module: fractional modules blur the edges a scanner reads.
        module = max(1, int(self.px(size_mm) / len(matrix)))
        side = module * len(matrix)
        left = round(self._left + (self._width - side) / 2)
        top = round(self._y)
        for row, cells in enumerate(matrix):
            for column, dark in enumerate(cells):
                if dark:
                    self._painter.fillRect(
                        left + column * module, top + row * module, module, module, _BLACK
                    )
        self._y += side + self.px(1.2)

    # -- a ticket --------------------------------------------------------------------------

    def _block(self, part: TicketText, *, main: bool) -> None:
        size = 1.0 if main else 0.82
        rtl = part.right_to_left
        self.text(part.service, part.language, 4.4 * size, bold=main, rtl=rtl)
        for line in (part.ahead, part.wait, part.group, part.then, part.children):
            self.text(line or "", part.language, 3.3 * size, rtl=rtl)

    def _documents(self, part: TicketText, *, main: bool) -> None:
        if not part.documents:
            return
        size = 1.0 if main else 0.82
        rtl = part.right_to_left
        self.text(part.documents_title or "", part.language, 3.3 * size, bold=True, rtl=rtl)
        for document in part.documents:
            self.text(f"• {document}", part.language, 3.0 * size, rtl=rtl, centred=False)

    def paint(self, content: TicketContent | SlipContent) -> float:
        """Paint the whole ticket (or slip); returns the height used, in pixels."""
        if isinstance(content, SlipContent):
            return self.paint_slip(content)
        holder, portuguese = content.holder, content.portuguese
        self.text(content.centre_name, "pt", 2.4)
        self.rule()
        self.text(holder.number, holder.language, 3.4, rtl=holder.right_to_left)
        self.text(content.code, "pt", 15.0, bold=True)
        self.pictogram(content.pictogram, 11.0)
        self._block(holder, main=True)
        if portuguese is not None:
            self.gap(0.6)
            self._block(portuguese, main=False)
        self.text(content.issued_at.strftime("%Y-%m-%d  %H:%M"), "pt", 3.0)
        self.gap(0.8)
        self.qr(content.reference, 24.0)
        self._documents(holder, main=True)
        if portuguese is not None:
            self._documents(portuguese, main=False)
        self.text(holder.keep, holder.language, 3.0, rtl=holder.right_to_left)
        if portuguese is not None:
            self.text(portuguese.keep, "pt", 2.5)
        self.rule()
        self.text(content.address, "pt", 2.4)
        support = portuguese.support if portuguese is not None else holder.support
        self.text(f"{support}: {content.support_numbers}", "pt", 2.4)
        if portuguese is not None and holder.support:
            self.text(holder.support, holder.language, 2.4, rtl=holder.right_to_left)
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


@dataclass(frozen=True, slots=True)
class PageGeometry:
    """The page a ticket is printed on: its size, and how much its drawing is scaled."""

    width_mm: float
    height_mm: float
    printable_mm: float
    scale: float


def page_geometry(
    content: TicketContent | SlipContent, paper: Paper, fonts: FontRegistry
) -> PageGeometry:
    """Measure the ticket (drawn once into a QPicture, which only records) and choose the
    page: a roll as long as it, a sheet with the drawing scaled down if it is too long."""
    picture = QPicture()
    painter = QPainter(picture)
    try:
        used_px = TicketPainter(painter, paper.printable_mm, RECEIPT_DPI, fonts).paint(content)
    finally:
        painter.end()
    used_mm = used_px * 25.4 / RECEIPT_DPI
    if paper.height_mm is None:
        return PageGeometry(paper.width_mm, used_mm, paper.printable_mm, 1.0)
    scale = min(1.0, paper.height_mm / used_mm)
    return PageGeometry(paper.width_mm, paper.height_mm, paper.printable_mm, scale)


def paint_page(
    painter: QPainter,
    device: QPaintDevice,
    content: TicketContent | SlipContent,
    geometry: PageGeometry,
    fonts: FontRegistry,
    dpi: float,
) -> None:
    """Paint onto a page of ``geometry``: centred on the paper, scaled if it must be."""
    offset = (geometry.width_mm - geometry.printable_mm) / 2
    painter.save()
    painter.translate(offset * dpi / 25.4, 0)
    painter.scale(geometry.scale, geometry.scale)
    TicketPainter(painter, geometry.printable_mm / geometry.scale, dpi, fonts).paint(content)
    painter.restore()


def render_pdf(
    content: TicketContent | SlipContent, path: Path, paper: Paper, fonts: FontRegistry
) -> Path:
    """Write the ticket as a one-page PDF of the paper's size (a roll: as long as it)."""
    geometry = page_geometry(content, paper, fonts)
    writer = QPdfWriter(str(path))
    size = QSizeF(geometry.width_mm, geometry.height_mm)
    writer.setPageSize(QPageSize(size, QPageSize.Unit.Millimeter))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    writer.setResolution(300)
    writer.setTitle(f"Ticket {content.code}" if isinstance(content, TicketContent) else "Slip")
    writer.setCreator("CNAIM Desk")
    painter = QPainter(writer)
    try:
        paint_page(painter, writer, content, geometry, fonts, writer.resolution())
    finally:
        painter.end()
    return path


def render_image(
    content: TicketContent | SlipContent,
    paper: Paper,
    fonts: FontRegistry,
    dpi: int = RECEIPT_DPI,
    *,
    monochrome: bool = False,
    printable_only: bool = False,
) -> QImage:
    """The ticket as an image at a printer's resolution (203 dpi is the common receipt
    head); ``monochrome`` gives a 1-bit image; ``printable_only`` drops the paper's side
    margins, as a raw receipt printer takes the width of its head."""
    geometry = page_geometry(content, paper, fonts)
    if printable_only:
        geometry = PageGeometry(
            geometry.printable_mm, geometry.height_mm, geometry.printable_mm, geometry.scale
        )
    width = round(geometry.width_mm * dpi / 25.4)
    height = round(geometry.height_mm * dpi / 25.4)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, not monochrome)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, not monochrome)
    try:
        paint_page(painter, image, content, geometry, fonts, dpi)
    finally:
        painter.end()
    if monochrome:
        return image.convertToFormat(
            QImage.Format.Format_Mono, Qt.ImageConversionFlag.ThresholdDither
        )
    return image


def render_png(
    content: TicketContent | SlipContent,
    path: Path,
    paper: Paper,
    fonts: FontRegistry,
    dpi: int = RECEIPT_DPI,
) -> Path:
    if not render_image(content, paper, fonts, dpi).save(str(path), "PNG"):
        raise OSError(f"Could not write {path}.")
    return path
