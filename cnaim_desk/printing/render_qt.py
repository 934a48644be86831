"""Drawing tickets and slips with Qt: the same drawing for the screen preview, PDF, PNG,
system printers and raw receipt printers, so what is previewed is what is printed.

A ticket is laid out once (``TicketLayout``): each text is shaped by Qt, which runs
HarfBuzz (Arabic joining, Indic conjuncts) and lays right-to-left paragraphs from the
right, and every piece gets its place. Drawing then replays the pieces onto the device,
scaled to its resolution. Sizes are in millimetres; the layout is made at the receipt
head's 203 dpi. A receipt roll is cut where the ticket ends; on a sheet (A6, A4) a ticket
that would not fit is drawn smaller, with its lines rewrapped to the wider column.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import qrcode
from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QTextLayout,
    QTextOption,
)
from PySide6.QtSvg import QSvgRenderer
from qrcode.util import MODE_ALPHA_NUM, QRData

from cnaim_desk.printing.fonts import FontRegistry
from cnaim_desk.printing.layout import Paper, SlipContent, TicketContent, TicketText
from cnaim_desk.resources import resource

#: White at the edges of the printed column: on a roll, inside the 72 or 48 mm its head
#: prints; on a sheet, from the paper's edge (office printers leave about 4 mm unprinted).
#: Kept at this size on paper when a sheet's ticket is drawn smaller.
MARGIN_MM = {Paper.RECEIPT_80: 3.0, Paper.RECEIPT_58: 2.0, Paper.A6: 5.0, Paper.A4: 8.0}
#: The dots per inch of the common thermal receipt head: tickets are laid out at it, and
#: PNGs and raw receipt images are drawn at it.
RECEIPT_DPI = 203
#: Type sizes are set for the 72 mm a receipt head prints; smaller on 58 mm rolls.
TYPE_SCALE = {Paper.RECEIPT_80: 1.0, Paper.RECEIPT_58: 0.8, Paper.A6: 1.0, Paper.A4: 1.3}
#: No text on a roll is printed smaller than this (its font's pixel size, in mm): a
#: thermal head's 8 dots per mm would leave the 58 mm roll's address and Portuguese lines
#: too coarse to read. A sheet's printer draws finer, and a card drawn smaller keeps
#: its proportions (the A6 tests hold it at two thirds of its size or more).
MIN_TEXT_MM = 2.2
#: The QR code's side on paper, and the room the code needs to stand beside it.
QR_MM = 24.0
#: QR codes kept encoded: a ticket's layout asks for its own several times.
QR_CACHE_SIZE = 4
#: White modules a QR code needs on every side to be read (ISO/IEC 18004 quiet zone).
QR_QUIET_MODULES = 4
CODE_BESIDE_QR_MM = 55.0
_BLACK = QColor("black")
Content = TicketContent | SlipContent
_QR_ALPHANUMERIC = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")


def _px(mm: float) -> float:
    return mm * RECEIPT_DPI / 25.4


@cache
def _pictogram(name: str) -> QSvgRenderer | None:
    path = resource("icons", f"{name}.svg")
    renderer = QSvgRenderer(str(path)) if path.exists() else None
    return renderer if renderer is not None and renderer.isValid() else None


@lru_cache(maxsize=QR_CACHE_SIZE)
def _qr_runs(payload: str) -> tuple[int, tuple[tuple[int, int, int], ...]]:
    """The QR symbol's side in modules, and its dark modules as horizontal runs
    (row, first column, length): one rectangle per run, not per module. Kept for the
    last few payloads only: each ticket has its own, and a desk prints thousands."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    # A ticket's reference is all in the alphanumeric set: a smaller symbol than bytes.
    alphanumeric = all(character in _QR_ALPHANUMERIC for character in payload)
    code.add_data(QRData(payload, mode=MODE_ALPHA_NUM) if alphanumeric else payload)
    code.make(fit=True)
    matrix = code.get_matrix()
    runs = []
    for row, cells in enumerate(matrix):
        column = 0
        while column < len(cells):
            if cells[column]:
                start = column
                while column < len(cells) and cells[column]:
                    column += 1
                runs.append((row, start, column - start))
            else:
                column += 1
    return len(matrix), tuple(runs)


Draw = Callable[[QPainter], None]


class TicketLayout:
    """A ticket or slip laid out down a column ``width_mm`` wide: its pieces, each
    placed, and the height they take. Built once, drawn on any device."""

    def __init__(
        self,
        content: Content,
        width_mm: float,
        fonts: FontRegistry,
        type_scale: float = 1.0,
        drawn_at: float = 1.0,
        margin_mm: float = MARGIN_MM[Paper.RECEIPT_80],
        roll: bool = True,
    ):
        self.content = content
        self._drawn_at = drawn_at
        self.width_mm = width_mm
        self._fonts = fonts
        self._type_scale = type_scale
        self._roll = roll
        margin = _px(margin_mm / drawn_at)  # the same white on paper when drawn smaller
        self._left = margin
        self._width = _px(width_mm) - 2 * margin
        self._y = margin
        self._fonts_made: dict[tuple[str, int, bool], QFont] = {}
        self._pieces: list[Draw] = []
        #: Every text as laid out: (text, language, layout), for the coverage checks.
        self.texts: list[tuple[str, str, QTextLayout]] = []
        if isinstance(content, SlipContent):
            self._slip(content)
        else:
            self._ticket(content)
        self.height_px = self._y + margin

    @property
    def height_mm(self) -> float:
        return self.height_px * 25.4 / RECEIPT_DPI

    def draw(self, painter: QPainter) -> None:
        """Draw at the layout's own resolution: scale the painter for another device."""
        for piece in self._pieces:
            piece(painter)

    # -- pieces ----------------------------------------------------------------------------

    def _font(self, language: str, height_mm: float, bold: bool = False) -> QFont:
        on_paper = height_mm * self._type_scale * self._drawn_at
        if self._roll:
            on_paper = max(MIN_TEXT_MM, on_paper)
        pixels = max(1, round(_px(on_paper / self._drawn_at)))
        key = (language, pixels, bold)
        font = self._fonts_made.get(key)
        if font is None:
            font = self._fonts.font_for_language(language, bold=bold)
            font.setPixelSize(pixels)
            self._fonts_made[key] = font
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
        font: QFont | None = None,
        hanging: str = "",
    ) -> None:
        """Wrap ``text`` across the column, centred or from the start of the line (the
        right, for right-to-left text), and move down past it. Lines after the first
        start under the text after ``hanging`` (a bullet that begins ``text``)."""
        if not text:
            return
        font = font or self._font(language, height_mm, bold)
        layout = QTextLayout(text, font)
        indent = QFontMetricsF(font).horizontalAdvance(hanging) if hanging else 0.0
        if centred:
            option = QTextOption(Qt.AlignmentFlag.AlignHCenter)
        else:  # from the start of the line: QTextLayout takes left and right as they are
            option = QTextOption(Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft)
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        option.setTextDirection(
            Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        )
        layout.setTextOption(option)
        layout.setCacheEnabled(True)
        height = 0.0
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            # continuation lines are narrower; left-to-right ones also start further in
            # (right-to-left ones are set against the right edge, which stays put)
            inset = indent if line.lineNumber() > 0 else 0.0
            line.setLineWidth(self._width - inset)
            line.setPosition(QPointF(0 if rtl else inset, height))
            height += line.height()
        layout.endLayout()
        origin = QPointF(self._left, self._y)
        self._pieces.append(lambda painter: layout.draw(painter, origin))
        self.texts.append((text, language, layout))
        self._y += height + _px(0.6)

    def code(self, code: str, height_mm: float) -> None:
        """The ticket's code, as large as it can be up to ``height_mm``."""
        font = self._font("pt", height_mm, bold=True)
        advance = QFontMetricsF(font).horizontalAdvance(code)
        if advance > self._width:
            font = QFont(font)
            font.setPixelSize(max(1, int(font.pixelSize() * self._width / advance)))
        self.text(code, "pt", height_mm, font=font)

    def gap(self, mm: float) -> None:
        self._y += _px(mm)

    def rule(self) -> None:
        self.gap(0.8)
        box = QRectF(self._left, self._y, self._width, max(1.0, _px(0.3)))
        self._pieces.append(lambda painter: painter.fillRect(box, _BLACK))
        self.gap(1.2)

    def pictogram(self, name: str, size_mm: float) -> None:
        renderer = _pictogram(name)
        if renderer is None:
            return
        side = _px(size_mm * self._type_scale)
        box = QRectF(self._left + (self._width - side) / 2, self._y, side, side)
        self._pieces.append(lambda painter: renderer.render(painter, box))
        self._y += side + _px(0.8)

    def _qr_side(self, payload: str, size_mm: float) -> tuple[int, int]:
        """The QR code's module and side in dots, ``size_mm`` across on paper even when
        the page is drawn smaller. Whole dots per module: fractional modules blur the
        edges a scanner reads."""
        modules, _ = _qr_runs(payload)
        module = max(1, int(_px(size_mm / self._drawn_at) / modules))
        return module, module * modules

    def _qr_quiet(self, payload: str, size_mm: float) -> float:
        """The white the code needs around it, in dots, and a millimetre more: marks
        above or below a line of Gurmukhi or Devanagari reach out of its line's box."""
        module, _ = self._qr_side(payload, size_mm)
        return QR_QUIET_MODULES * module + _px(1.0 / self._drawn_at)

    def _qr_at(self, payload: str, size_mm: float, left: float, top: float) -> int:
        _, runs = _qr_runs(payload)
        module, side = self._qr_side(payload, size_mm)
        left, top = round(left), round(top)
        # One shape, not a rectangle per run: drawn smaller on a sheet, or in a PDF
        # viewer, abutting rectangles each get soft edges and white seams show between.
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.WindingFill)
        for row, column, length in runs:
            path.addRect(
                QRectF(left + column * module, top + row * module, length * module, module)
            )

        self._pieces.append(lambda painter: painter.fillPath(path, _BLACK))
        return side

    def qr(self, payload: str, size_mm: float) -> None:
        """The QR code, centred in the column, its quiet zone kept white above and below."""
        _, side = self._qr_side(payload, size_mm)
        quiet = self._qr_quiet(payload, size_mm)
        self._y += quiet
        self._qr_at(payload, size_mm, self._left + (self._width - side) / 2, self._y)
        self._y += side + quiet

    # -- a ticket --------------------------------------------------------------------------

    def _lines(self, part: TicketText) -> None:
        """The service and the holder's lines, large, one per line."""
        rtl = part.right_to_left
        self.text(part.service, part.language, 4.4, bold=True, rtl=rtl)
        for line in (part.ahead, part.wait, part.group, part.then, part.children):
            self.text(line or "", part.language, 3.3, rtl=rtl)

    def _lines_portuguese(self, part: TicketText) -> None:
        """The same in Portuguese, smaller, the lines run together: for the staff."""
        self.text(part.service, "pt", 3.6)
        lines = (part.ahead, part.wait, part.group, part.then, part.children)
        self.text(" · ".join(line for line in lines if line), "pt", 2.7)

    def _documents(self, part: TicketText) -> None:
        """The documents to have ready, one per line in the holder's language."""
        if not part.documents:
            return
        rtl = part.right_to_left
        self.text(part.documents_title or "", part.language, 3.3, bold=True, rtl=rtl)
        for document in part.documents:
            self.text(f"• {document}", part.language, 3.0, rtl=rtl, centred=False, hanging="• ")

    def _documents_portuguese(self, part: TicketText) -> None:
        """The same documents in Portuguese, in one paragraph: for the staff, and for
        the holder to ask for them by their Portuguese names."""
        if not part.documents:
            return
        self.text(f"{part.documents_title}: {' · '.join(part.documents)}.", "pt", 2.5)

    def _number(self, content: TicketContent) -> bool:
        """ "Your number", the code very large, the service's pictogram; on a wide column
        (a sheet) the QR code beside them, which saves its height: True then."""
        holder = content.holder
        _, qr_side = self._qr_side(content.reference, QR_MM)
        quiet = self._qr_quiet(content.reference, QR_MM)
        beside = self._width >= qr_side + quiet + _px(CODE_BESIDE_QR_MM)
        left, width, top = self._left, self._width, self._y
        if beside:
            self._width = width - qr_side - quiet
        self.text(holder.number, holder.language, 3.4, rtl=holder.right_to_left)
        self.code(content.code, 15.0)
        self.pictogram(content.pictogram, 11.0)
        if beside:
            self._width = width
            # quiet zone: the rule above, the text beside; the margin to the right
            self._qr_at(content.reference, QR_MM, left + width - qr_side, top + quiet)
            self._y = max(self._y, top + quiet + qr_side + quiet)
        return beside

    def _ticket(self, content: TicketContent) -> None:
        holder, portuguese = content.holder, content.portuguese
        self.text(content.centre_name, "pt", 2.4)
        self.rule()
        qr_done = self._number(content)
        self._lines(holder)
        if portuguese is not None:
            self.gap(0.6)
            self._lines_portuguese(portuguese)
        self.text(content.issued_at.strftime("%Y-%m-%d  %H:%M"), "pt", 3.0)
        if not qr_done:
            self.qr(content.reference, QR_MM)
        self._documents(holder)
        if portuguese is not None:
            self._documents_portuguese(portuguese)
        self.gap(0.6)
        self.text(holder.keep, holder.language, 3.0, rtl=holder.right_to_left)
        if portuguese is not None:
            self.text(portuguese.keep, "pt", 2.5)
        self.rule()
        self.text(content.address, "pt", 2.4)
        support = portuguese.support if portuguese is not None else holder.support
        self.text(f"{support}: {content.support_numbers}", "pt", 2.4)
        if portuguese is not None and holder.support:
            self.text(holder.support, holder.language, 2.4, rtl=holder.right_to_left)

    def _slip(self, content: SlipContent) -> None:
        """No ticket now, and how to book through the Migrants Support Line."""
        self.text(content.centre_name, "pt", 2.6)
        self.rule()
        for part in (content.holder, content.portuguese):
            if part is None:
                continue
            main = part is content.holder
            size = 1.0 if main else 0.85
            rtl = part.right_to_left
            self.text(part.service, part.language, 4.6 * size, bold=main, rtl=rtl)
            self.text(part.reason, part.language, 3.8 * size, bold=main, rtl=rtl)
            self.text(part.book, part.language, 3.6 * size, rtl=rtl)
            self.gap(1.5)
        self.text(content.printed_at.strftime("%Y-%m-%d  %H:%M"), "pt", 3.0)
        self.rule()
        self.text(content.address, "pt", 2.6)


@dataclass(frozen=True, slots=True)
class PageGeometry:
    """The page a ticket is printed on, its laid-out drawing, and how much that is
    scaled to fit."""

    width_mm: float
    height_mm: float
    printable_mm: float
    scale: float
    layout: TicketLayout


def page_geometry(content: Content, paper: Paper, fonts: FontRegistry) -> PageGeometry:
    """Lay the ticket out and choose its page: a roll as long as the ticket; a sheet,
    with the ticket drawn smaller (and rewrapped to the wider column) if it is too long."""
    type_scale, margin, roll = TYPE_SCALE[paper], MARGIN_MM[paper], paper.height_mm is None
    layout = TicketLayout(
        content, paper.printable_mm, fonts, type_scale, margin_mm=margin, roll=roll
    )
    if paper.height_mm is None:
        return PageGeometry(paper.width_mm, layout.height_mm, paper.printable_mm, 1.0, layout)
    scale = min(1.0, paper.height_mm / layout.height_mm)
    for _ in range(3):
        if scale >= 1.0:
            break
        # Drawn smaller: rewrapped to the wider column (so shorter), the QR code kept at
        # its size on paper (so a little taller); measured again until it fits.
        layout = TicketLayout(
            content, paper.printable_mm / scale, fonts, type_scale, scale, margin, roll
        )
        fit = paper.height_mm / layout.height_mm
        if fit >= scale:
            break
        scale = fit
    return PageGeometry(paper.width_mm, paper.height_mm, paper.printable_mm, scale, layout)


def paint_page(painter: QPainter, geometry: PageGeometry, dpi: float) -> None:
    """Draw onto a page of ``geometry`` on a device of ``dpi``: centred on the paper,
    scaled to fit if it must be."""
    drawn_mm = geometry.layout.width_mm * geometry.scale
    offset_mm = (geometry.width_mm - drawn_mm) / 2
    painter.save()
    painter.translate(offset_mm * dpi / 25.4, 0)
    factor = dpi / RECEIPT_DPI * geometry.scale
    painter.scale(factor, factor)
    geometry.layout.draw(painter)
    painter.restore()


def render_pdf(content: Content, path: Path, paper: Paper, fonts: FontRegistry) -> Path:
    """Write the ticket as a one-page PDF of the paper's size (a roll: as long as it)."""
    geometry = page_geometry(content, paper, fonts)
    writer = QPdfWriter(str(path))
    size = QSizeF(geometry.width_mm, geometry.height_mm)
    writer.setPageSize(QPageSize(size, QPageSize.Unit.Millimeter))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    writer.setResolution(600)
    writer.setTitle(f"Ticket {content.code}" if isinstance(content, TicketContent) else "Slip")
    writer.setCreator("CNAIM Desk")
    painter = QPainter(writer)
    try:
        paint_page(painter, geometry, writer.resolution())
    finally:
        painter.end()
    return path


def render_image(
    content: Content,
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
    return geometry_image(geometry, dpi, monochrome=monochrome, printable_only=printable_only)


def geometry_image(
    geometry: PageGeometry,
    dpi: int = RECEIPT_DPI,
    *,
    monochrome: bool = False,
    printable_only: bool = False,
) -> QImage:
    """``render_image`` for a ticket already laid out."""
    if printable_only:
        geometry = PageGeometry(
            geometry.printable_mm,
            geometry.height_mm,
            geometry.printable_mm,
            geometry.scale,
            geometry.layout,
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
        paint_page(painter, geometry, dpi)
    finally:
        painter.end()
    if monochrome:
        return image.convertToFormat(
            QImage.Format.Format_Mono, Qt.ImageConversionFlag.ThresholdDither
        )
    return image


def render_png(
    content: Content, path: Path, paper: Paper, fonts: FontRegistry, dpi: int = RECEIPT_DPI
) -> Path:
    if not render_image(content, paper, fonts, dpi).save(str(path), "PNG"):
        raise OSError(f"Could not write {path}.")
    return path
