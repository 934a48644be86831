"""Printing through Qt to a CUPS queue, for real: a private scheduler (``cups_server``)
with a virtual PDF printer, a real ticket printed to it and read back from the PDF the
printer received, and real failures made with CUPS's own tools: a stopped queue, one
refusing jobs, one removed, the scheduler gone."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
import zxingcpp
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtPdf import QPdfDocument

from cnaim_desk.journal.desk import load_centre_profile, load_flow, load_holder_texts
from cnaim_desk.journal.signing import CentreKey
from cnaim_desk.printing import cups
from cnaim_desk.printing.fonts import FontRegistry
from cnaim_desk.printing.layout import Paper, TicketContent, sample_ticket, ticket_content
from cnaim_desk.printing.printers import PrintResult, TicketPrinter, printer_names
from cnaim_desk.printing.reference import TicketReference
from cnaim_desk.printing.render_qt import RECEIPT_DPI, page_geometry
from cnaim_desk.resources import resources_dir
from tests.printing.cups_server import CupsServer, wait_for_jobs

pytestmark = pytest.mark.cups

QUEUE = "CNAIM-TEST"
KEY = CentreKey(bytes(range(32)))
REFERENCE = TicketReference("lisboa", "2026-12-07", "S023", "R1:0a1b2c3d:23")
POINTS_PER_MM = 72 / 25.4


@pytest.fixture(scope="module")
def ticket() -> TicketContent:
    """A Hindi ticket (Devanagari conjuncts) with its Portuguese half and documents."""
    resources = resources_dir()
    profile = load_centre_profile("lisboa", resources)
    view = sample_ticket(profile, "SS", "hi", datetime(2026, 12, 7, 9, 40))
    view = dataclasses.replace(view, id=REFERENCE.ticket_id, triage=("ss_niss",))
    texts = load_holder_texts(resources)
    flow = load_flow("lisboa", resources)
    return ticket_content(view, profile, texts, REFERENCE.encode(KEY), flow)


@pytest.fixture(scope="module")
def cups_server(tmp_path_factory) -> Iterator[CupsServer]:
    """The module's private scheduler, asked by this process while the module runs."""
    server = CupsServer(tmp_path_factory.mktemp("cups"))
    server.start()
    try:
        with server.in_use():
            yield server
    finally:
        server.stop()


@pytest.fixture
def printed(cups_server, tmp_path) -> Iterator[Path]:
    """A fresh CNAIM-TEST queue, enabled and accepting; the folder its jobs land in."""
    folder = tmp_path / "printed"
    cups_server.add_queue(QUEUE, folder)
    assert cups.queue_status(QUEUE).problem is None
    yield folder
    cups_server.remove_queue(QUEUE)


def print_ticket(fonts: FontRegistry, ticket: TicketContent, pdf_dir: Path) -> PrintResult:
    printer = TicketPrinter(fonts, printer_name=QUEUE, pdf_dir=pdf_dir, paper=Paper.RECEIPT_80)
    return printer.print_ticket(ticket)


def page_image(document: QPdfDocument, dpi: int) -> QImage:
    """Page 1 drawn at ``dpi`` on white paper (QtPdf leaves the page transparent)."""
    points = document.pagePointSize(0)
    size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
    paper = QImage(size, QImage.Format.Format_RGB32)
    paper.fill(QColor("white"))
    painter = QPainter(paper)
    painter.drawImage(0, 0, document.render(0, size))
    painter.end()
    return paper


def read_qr(image: QImage) -> list[str]:
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    rows = b"".join(bytes(grey.constScanLine(y))[: grey.width()] for y in range(grey.height()))
    pixels = memoryview(rows).cast("B", (grey.height(), grey.width()))
    found = zxingcpp.read_barcodes(pixels, formats=zxingcpp.BarcodeFormat.QRCode)
    return [barcode.text for barcode in found]


def test_a_ticket_comes_out_of_the_queue_as_a_pdf_of_the_roll(
    fonts, ticket, cups_server, printed, tmp_path
):
    result = print_ticket(fonts, ticket, tmp_path / "pdf")
    assert result == PrintResult(True, QUEUE)
    jobs = wait_for_jobs(printed)
    assert len(jobs) == 1, f"printed: {jobs}\n{cups_server.error_log()}"
    job = jobs[0]
    assert not (tmp_path / "pdf").exists()  # printed, not saved as the no-printer fallback
    assert job.with_suffix(".title").read_text() == "Ticket S023\n"  # the CUPS job's name

    document = QPdfDocument()
    assert document.load(str(job)) == QPdfDocument.Error.None_
    assert document.pageCount() == 1
    assert document.metaData(QPdfDocument.MetaDataField.Title) == "Ticket S023"
    # Qt's PDF writer rounds the page to whole points (0.35 mm).
    points = document.pagePointSize(0)
    roll = page_geometry(ticket, Paper.RECEIPT_80, fonts)  # a roll, cut where the ticket ends
    assert points.width() == pytest.approx(80 * POINTS_PER_MM, abs=0.5)
    assert points.height() == pytest.approx(roll.height_mm * POINTS_PER_MM, abs=0.5)

    [text] = read_qr(page_image(document, RECEIPT_DPI))
    assert text == ticket.reference
    assert TicketReference.decode(text, KEY, centre="lisboa", day="2026-12-07") == REFERENCE


@pytest.mark.parametrize(
    ("break_queue", "message"),
    [
        (("cupsdisable", QUEUE), f"The printer {QUEUE} cannot print: it is stopped (paused)."),
        (("cupsreject", QUEUE), f"The printer {QUEUE} cannot print: it is refusing new jobs."),
        (("lpadmin", "-x", QUEUE), f"The printer {QUEUE} is not available."),
    ],
    ids=["stopped", "rejecting", "removed"],
)
def test_a_queue_that_would_not_print_is_a_failure_and_no_job(
    fonts, ticket, cups_server, printed, tmp_path, break_queue, message
):
    jobs_before = cups_server.jobs()
    cups_server.run(*break_queue)
    result = print_ticket(fonts, ticket, tmp_path / "pdf")
    assert result == PrintResult(False, QUEUE, message)
    # Nothing waits in the queue to come out later: Qt alone would leave a job held in a
    # stopped queue, printed whenever it is started again.
    assert cups_server.jobs() == jobs_before
    assert list(printed.iterdir()) == []
    assert not (tmp_path / "pdf").exists()


def test_a_scheduler_that_has_stopped_is_a_failure(fonts, ticket, tmp_path_factory, tmp_path):
    server = CupsServer(tmp_path_factory.mktemp("cups-stopped"))
    server.start()
    try:
        with server.in_use():
            server.add_queue(QUEUE, tmp_path / "printed")
            assert cups.queue_status(QUEUE).problem is None
            server.stop()
            result = print_ticket(fonts, ticket, tmp_path / "pdf")
    finally:
        server.stop()
    assert result == PrintResult(False, QUEUE, f"The printer {QUEUE} is not available.")
    assert list((tmp_path / "printed").iterdir()) == []


def test_the_private_queue_is_among_the_printers_while_its_scheduler_is_asked(cups_server, printed):
    assert QUEUE in printer_names()
    assert cups.queue_status(QUEUE) == cups.QueueStatus(found=True, reasons="none")
    cups_server.remove_queue(QUEUE)
    assert QUEUE not in printer_names()
    assert cups.queue_status(QUEUE) == cups.QueueStatus(found=False)
