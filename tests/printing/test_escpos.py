"""Raw ESC/POS printing, end to end: a real ticket sent to a listening socket and to a
device file, the byte stream read back command by command, its bitmap put together again
and compared dot for dot with the renderer's receipt image, and its QR code read by
another decoder. Failures are real ones: nothing listening, a path that is no device, a
printer that drops the connection part way."""

from __future__ import annotations

import dataclasses
import re
import socket
import struct
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest
import zxingcpp
from PySide6.QtGui import QImage

from cnaim_desk.journal.desk import load_centre_profile, load_flow, load_holder_texts
from cnaim_desk.journal.signing import CentreKey
from cnaim_desk.printing.fonts import FontRegistry
from cnaim_desk.printing.layout import Paper, TicketContent, sample_ticket, ticket_content
from cnaim_desk.printing.printers import TicketPrinter
from cnaim_desk.printing.reference import TicketReference
from cnaim_desk.printing.render_qt import RECEIPT_DPI, render_image
from cnaim_desk.resources import resources_dir

KEY = CentreKey(bytes(range(32)))
REFERENCE = TicketReference("lisboa", "2026-12-07", "S023", "R1:0a1b2c3d:23")
INITIALISE = b"\x1b@"
RASTER = b"\x1dv0"
# ESC d n (feed n lines), then GS V 65|66 n (feed to the cutter and cut): the last command.
FEED_AND_CUT = re.compile(rb"\x1bd(?P<lines>.)\x1dV[AB](?P<extra>.)", re.DOTALL)
# 1 bit per dot, most significant first, 1 = dark: as grey bytes (0 dark, 255 light).
DOTS = [bytes(0 if byte >> (7 - bit) & 1 else 255 for bit in range(8)) for byte in range(256)]


@pytest.fixture(scope="module")
def ticket() -> TicketContent:
    """An Arabic ticket (right to left, joined letters) with its Portuguese half and the
    documents to have ready."""
    resources = resources_dir()
    profile = load_centre_profile("lisboa", resources)
    view = sample_ticket(profile, "SS", "ar", datetime(2026, 12, 7, 9, 40))
    view = dataclasses.replace(view, id=REFERENCE.ticket_id, triage=("ss_niss",))
    assert (view.code, view.day) == (REFERENCE.code, REFERENCE.day)
    texts = load_holder_texts(resources)
    flow = load_flow("lisboa", resources)
    return ticket_content(view, profile, texts, REFERENCE.encode(KEY), flow)


class NetworkPrinter:
    """A raw receipt printer's port on 127.0.0.1: takes one connection and keeps every
    byte until the sender has finished, then closes as a printer does; or, with
    ``reset_after``, drops the connection (a TCP reset) once it has that many bytes."""

    def __init__(self, reset_after: int | None = None):
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(10)
        self.target = f"tcp://127.0.0.1:{self._listener.getsockname()[1]}"
        self._reset_after = reset_after
        self._received = bytearray()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        with self._listener:
            connection, _ = self._listener.accept()
        with connection:
            connection.settimeout(10)
            wanted = self._reset_after or 1 << 30
            while len(self._received) < wanted:
                chunk = connection.recv(min(65536, wanted - len(self._received)))
                if not chunk:
                    break
                self._received += chunk
            if self._reset_after is not None:  # linger 0: close() sends a reset
                connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))

    def received(self) -> bytes:
        self._thread.join(10)
        assert not self._thread.is_alive(), "the printer's connection never ended"
        return bytes(self._received)


@dataclass(frozen=True)
class Raster:
    """An ESC/POS stream read back: its bands' heights and its rows of dots as grey."""

    row_bytes: int
    bands: list[int]
    rows: list[bytes]  # each row_bytes * 8 grey bytes, padding dots included


def read_stream(data: bytes) -> Raster:
    """Read ``data`` as: initialise, raster bands of one width, feed and cut; nothing else."""
    assert data.startswith(INITIALISE), data[:16]
    at = len(INITIALISE)
    widths, bands, rows = set(), [], []
    while data.startswith(RASTER, at):
        mode = data[at + 3]
        row_bytes, height = struct.unpack_from("<HH", data, at + 4)
        assert mode == 0, f"band {len(bands)}: mode {mode}, not normal density"
        at += 8
        band = data[at : at + row_bytes * height]
        assert len(band) == row_bytes * height, f"band {len(bands)} is cut short"
        rows += [
            b"".join(DOTS[byte] for byte in band[row : row + row_bytes])
            for row in range(0, len(band), row_bytes)
        ]
        widths.add(row_bytes)
        bands.append(height)
        at += len(band)
    assert bands, "no raster band"
    assert len(widths) == 1, f"bands of different widths: {widths}"
    tail = FEED_AND_CUT.fullmatch(data, at)
    assert tail is not None, f"after the bands, not a feed and a cut: {data[at : at + 16]!r}"
    assert tail["lines"][0] >= 1  # the last line clears the cutter
    return Raster(widths.pop(), bands, rows)


def grey_rows(image: QImage) -> list[bytes]:
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    return [bytes(grey.constScanLine(y))[: grey.width()] for y in range(grey.height())]


def read_qr(rows: list[bytes]) -> list[str]:
    """The QR codes zxing-cpp reads in an image given as rows of grey bytes."""
    pixels = memoryview(b"".join(rows)).cast("B", (len(rows), len(rows[0])))
    found = zxingcpp.read_barcodes(pixels, formats=zxingcpp.BarcodeFormat.QRCode)
    return [barcode.text for barcode in found]


def print_to(target: str, fonts: FontRegistry, ticket: TicketContent, paper=Paper.RECEIPT_80):
    printer = TicketPrinter(
        fonts, printer_name=None, pdf_dir=Path("/nonexistent"), paper=paper, escpos_target=target
    )
    return printer.print_ticket(ticket)


@pytest.mark.parametrize(
    ("paper", "row_bytes"),
    [(Paper.RECEIPT_80, 72), (Paper.RECEIPT_58, 48)],  # 72 and 48 mm heads at 8 dots/mm
    ids=["80mm", "58mm"],
)
def test_a_ticket_sent_over_tcp_is_the_receipt_image_dot_for_dot(fonts, ticket, paper, row_bytes):
    network = NetworkPrinter()
    result = print_to(network.target, fonts, ticket, paper)
    assert (result.ok, result.destination, result.error) == (True, network.target, None)

    raster = read_stream(network.received())
    expected = render_image(ticket, paper, fonts, RECEIPT_DPI, monochrome=True, printable_only=True)
    assert raster.row_bytes == row_bytes == round(paper.printable_mm * RECEIPT_DPI / 25.4 / 8)
    assert row_bytes * 8 - 8 < expected.width() <= row_bytes * 8
    assert all(0 < rows <= 256 for rows in raster.bands)
    assert len(raster.bands) > 1  # a ticket is longer than one band: the bands join up
    assert len(raster.rows) == expected.height()
    width = expected.width()
    padding = b"\xff" * (row_bytes * 8 - width)
    assert all(row[width:] == padding for row in raster.rows), "padding dots must stay white"
    printed = [row[:width] for row in raster.rows]
    different = [
        y for y, (a, b) in enumerate(zip(printed, grey_rows(expected), strict=True)) if a != b
    ]
    assert different == [], f"{len(different)} rows differ, the first at row {different[0]}"
    assert sum(row.count(0) for row in printed) > 10_000  # not a blank ticket

    [text] = read_qr(printed)
    assert text == ticket.reference
    assert TicketReference.decode(text, KEY, centre="lisboa", day="2026-12-07") == REFERENCE


def test_a_device_file_receives_the_same_bytes(fonts, ticket, tmp_path):
    network = NetworkPrinter()
    device = tmp_path / "lp0"
    assert print_to(network.target, fonts, ticket).ok
    result = print_to(str(device), fonts, ticket)
    assert (result.ok, result.destination, result.error) == (True, str(device), None)
    assert device.read_bytes() == network.received()
    assert read_qr(read_stream(device.read_bytes()).rows) == [ticket.reference]


def test_nothing_listening_is_a_failure_naming_the_printer(fonts, ticket):
    # Bound but not listening: a connection to it is refused, and no other test can take it.
    with socket.socket() as bound:
        bound.bind(("127.0.0.1", 0))
        target = f"tcp://127.0.0.1:{bound.getsockname()[1]}"
        result = print_to(target, fonts, ticket)
    assert (result.ok, result.destination) == (False, target)
    assert f"The receipt printer at {target} cannot be reached" in result.error
    assert "Connection refused" in result.error
    assert "Errno" not in result.error  # plain words, for the receptionist


@pytest.mark.parametrize(
    ("device", "reason"),
    [
        (".", "Is a directory"),
        ("no-such-folder/lp0", "No such file or directory"),
        ("a-file/lp0", "Not a directory"),  # a path no one, root included, can write
    ],
    ids=["directory", "missing-folder", "under-a-file"],
)
def test_a_path_that_is_no_device_is_a_failure_naming_it(fonts, ticket, tmp_path, device, reason):
    (tmp_path / "a-file").write_bytes(b"")
    path = str(tmp_path / device)
    result = print_to(path, fonts, ticket)
    assert (result.ok, result.destination) == (False, path)
    assert f"The receipt printer at {path} cannot be reached ({reason})" in result.error
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]
    assert (tmp_path / "a-file").read_bytes() == b""


def test_a_printer_that_drops_the_connection_part_way_is_a_failure(fonts, ticket):
    network = NetworkPrinter(reset_after=4096)
    result = print_to(network.target, fonts, ticket)
    received = network.received()
    assert (result.ok, result.destination) == (False, network.target)
    assert result.error == (
        f"The receipt printer at {network.target} did not take the whole ticket: the line broke."
    )
    assert len(received) == 4096  # it really stopped part way


def test_a_mistyped_port_is_a_failure_not_a_crash(fonts, ticket):
    result = print_to("tcp://127.0.0.1:91OO", fonts, ticket)
    assert (result.ok, result.destination) == (False, "tcp://127.0.0.1:91OO")
    assert "The receipt printer address tcp://127.0.0.1:91OO is not valid" in result.error
