"""Raw ESC/POS printing, for receipt printers without a driver (on the network, port
9100, or a USB device file such as ``/dev/usb/lp0``).

The ticket goes as a 1-bit raster image (``GS v 0``), drawn by Qt like every other
output, so Arabic, Nastaliq, Indic and Han text come out exactly as on screen: the
printer's own fonts would know none of them. Nothing but the standard library is needed.
"""

from __future__ import annotations

import logging
import socket
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage

INITIALISE = b"\x1b@"
FEED_AND_CUT = b"\x1bd\x04\x1dV\x42\x00"  # feed four lines, then a partial cut
BAND_ROWS = 256  # rows per raster command: small enough for every printer's buffer
TIMEOUT_SECONDS = 5.0

log = logging.getLogger(__name__)


# Why a ticket did not reach the printer is shown to the staff, in their language.
translate = QCoreApplication.translate


class EscPosError(Exception):
    """The receipt printer could not be reached or did not take the ticket."""


@dataclass(frozen=True, slots=True)
class EscPosTarget:
    """Where raw tickets go: ``tcp://host:port`` or a device file path."""

    text: str

    @property
    def network(self) -> tuple[str, int] | None:
        if not self.text.startswith("tcp://"):
            return None
        parsed = urlparse(self.text)
        return parsed.hostname or "localhost", parsed.port or 9100


def raster(image: QImage) -> bytes:
    """ESC/POS commands printing ``image`` (dark pixels black), band by band."""
    mono = image.convertToFormat(QImage.Format.Format_Mono)
    width, height = mono.width(), mono.height()
    row_bytes = (width + 7) // 8
    black = 1 if mono.color(1) == 0xFF000000 else 0  # which index is the dark one
    out = bytearray(INITIALISE)
    for top in range(0, height, BAND_ROWS):
        rows = min(BAND_ROWS, height - top)
        band = bytearray()
        for y in range(top, top + rows):
            line = bytes(mono.constScanLine(y))[:row_bytes]
            band += line if black == 1 else bytes(~b & 0xFF for b in line)
        # the last byte of each row may carry padding bits past the width: keep them white
        spare = row_bytes * 8 - width
        if spare:
            mask = (0xFF << spare) & 0xFF
            for r in range(rows):
                band[r * row_bytes + row_bytes - 1] &= mask
        out += b"\x1dv0\x00" + row_bytes.to_bytes(2, "little") + rows.to_bytes(2, "little")
        out += band
    out += FEED_AND_CUT
    return bytes(out)


def send(target: EscPosTarget, data: bytes) -> None:
    """Deliver the commands; raises :class:`EscPosError` with the reason.

    Over the network, ``sendall`` returns once the data is in this machine's buffers, so
    a printer that drops the connection part way would go unnoticed. As CUPS's socket
    backend does, the end of the data is signalled and the printer's own close awaited: a
    reset then is a failure; a printer that keeps the line open is taken to have it all.
    """
    try:
        address = target.network
    except ValueError:  # a port that is not a number, from a mistyped setting
        raise EscPosError(
            translate("Printing", "The receipt printer address {address} is not valid").format(
                address=target.text
            )
        ) from None
    if address is None:
        _write_device(target.text, data)
    else:
        _send_network(target.text, address, data)


def _reason(error: OSError) -> str:
    return error.strerror or str(error)


def _unreachable(target: str, error: OSError) -> EscPosError:
    return EscPosError(
        translate(
            "Printing", "The receipt printer at {target} cannot be reached ({reason})"
        ).format(target=target, reason=_reason(error))
    )


def _write_device(path: str, data: bytes) -> None:
    try:
        with Path(path).open("wb") as device:
            device.write(data)
    except OSError as error:
        raise _unreachable(path, error) from None


def _send_network(text: str, address: tuple[str, int], data: bytes) -> None:
    try:
        connection = socket.create_connection(address, timeout=TIMEOUT_SECONDS)
    except OSError as error:
        raise _unreachable(text, error) from None
    with connection:
        try:
            connection.sendall(data)
            connection.shutdown(socket.SHUT_WR)
            _await_close(connection)
        except OSError as error:
            # reset, broken pipe, or not connected: which one is down to timing, not cause
            log.warning("Receipt printer %s broke off: %s", text, error)
            how = (
                translate("Printing", "it stopped answering")
                if isinstance(error, TimeoutError)
                else translate("Printing", "the line broke")
            )
            raise EscPosError(
                translate(
                    "Printing",
                    "The receipt printer at {target} did not take the whole ticket: {how}",
                ).format(target=text, how=how)
            ) from None


def _await_close(connection: socket.socket) -> None:
    """Wait for the printer to close its end, reading any status bytes it sends back."""
    try:
        while connection.recv(4096):
            pass
    except TimeoutError:
        pass  # all sent and no reset: a printer that keeps the line open has it all
