"""Printing tickets: through Qt to a system printer, as raw ESC/POS to a receipt printer
without a driver, or to a PDF file when the desk has no printer. A failed print never
loses a ticket: it stays issued, and the caller shows its code and offers a reprint."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from cnaim_desk.printing import escpos
from cnaim_desk.printing.cups import queue_status
from cnaim_desk.printing.fonts import FontRegistry
from cnaim_desk.printing.layout import Paper, SlipContent, TicketContent
from cnaim_desk.printing.render_qt import (
    RECEIPT_DPI,
    PageGeometry,
    page_geometry,
    paint_page,
    render_image,
    render_pdf,
)

log = logging.getLogger(__name__)
# The reasons a print failed are shown to the staff, in their language.
translate = QCoreApplication.translate


@dataclass(frozen=True, slots=True)
class PrintResult:
    """How a print went: where it went, or why it failed (in the staff's words)."""

    ok: bool
    destination: str
    error: str | None = None


def printer_names() -> list[str]:
    """The system's printers, as Qt sees them (CUPS on Linux)."""
    return list(QPrinterInfo.availablePrinterNames())


def _name(content: TicketContent | SlipContent) -> str:
    return f"Ticket {content.code}" if isinstance(content, TicketContent) else "Slip"


def qt_printer(name: str, geometry: PageGeometry) -> QPrinter | str:
    """A QPrinter for queue ``name`` set to the page, or why there can be none."""
    info = QPrinterInfo.printerInfo(name)
    if info.isNull():
        return translate("Printing", "The printer {name} is not available.").format(name=name)
    status = queue_status(name)
    if status is not None and status.problem is not None:
        return translate("Printing", "The printer {name} cannot print: {problem}.").format(
            name=name, problem=status.problem
        )
    if status is None and info.state() == QPrinter.PrinterState.Error:
        return translate("Printing", "The printer {name} reports an error.").format(name=name)
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    size = QPageSize(QSizeF(geometry.width_mm, geometry.height_mm), QPageSize.Unit.Millimeter)
    printer.setPageLayout(
        QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
    )
    printer.setFullPage(True)
    return printer


class TicketPrinter:
    """Prints to ``escpos_target`` (raw) or ``printer_name`` (Qt) when set, else saves a PDF
    per ticket in ``pdf_dir``."""

    def __init__(
        self,
        fonts: FontRegistry,
        *,
        printer_name: str | None,
        pdf_dir: Path,
        paper: Paper,
        escpos_target: str | None = None,
    ):
        self._fonts = fonts
        self.printer_name = printer_name or None
        self.escpos_target = escpos_target or None
        self.pdf_dir = pdf_dir
        self.paper = paper

    def print_ticket(self, content: TicketContent | SlipContent) -> PrintResult:
        if self.escpos_target is not None:
            return self._to_escpos(content, escpos.EscPosTarget(self.escpos_target))
        if self.printer_name is None:
            return self._to_pdf(content)
        return self._to_printer(content, self.printer_name)

    def _to_pdf(self, content: TicketContent | SlipContent) -> PrintResult:
        if isinstance(content, SlipContent):
            name = f"slip-{content.printed_at:%H%M%S}.pdf"
            path = self.pdf_dir / f"{content.printed_at:%Y-%m-%d}" / name
        else:
            path = self.pdf_dir / f"{content.issued_at:%Y-%m-%d}" / f"{content.code}.pdf"
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            render_pdf(content, path, self.paper, self._fonts)
        except OSError as error:
            reason = error.strerror or str(error)
            return PrintResult(
                False,
                str(path),
                translate("Printing", "Could not save the ticket: {reason}").format(reason=reason),
            )
        return PrintResult(True, str(path))

    def _to_printer(self, content: TicketContent | SlipContent, name: str) -> PrintResult:
        geometry = page_geometry(content, self.paper, self._fonts)
        printer = qt_printer(name, geometry)
        if isinstance(printer, str):
            return PrintResult(False, name, printer)
        printer.setDocName(_name(content))
        painter = QPainter()
        if not painter.begin(printer):
            failed = translate("Printing", "The printer {name} did not accept the ticket.").format(
                name=name
            )
            return PrintResult(False, name, failed)
        try:
            paint_page(painter, geometry, printer.resolution())
        finally:
            painter.end()
        if printer.printerState() == QPrinter.PrinterState.Error:
            failed = translate("Printing", "The printer {name} reported an error.").format(
                name=name
            )
            return PrintResult(False, name, failed)
        return PrintResult(True, name)

    def _to_escpos(
        self, content: TicketContent | SlipContent, target: escpos.EscPosTarget
    ) -> PrintResult:
        image = render_image(
            content, self.paper, self._fonts, RECEIPT_DPI, monochrome=True, printable_only=True
        )
        try:
            escpos.send(target, escpos.raster(image))
        except escpos.EscPosError as error:
            return PrintResult(False, target.text, f"{error}.")
        return PrintResult(True, target.text)
