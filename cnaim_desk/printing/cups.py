"""What the print system (CUPS) says of a printer before a ticket is sent to it.

Qt submits a job to a stopped or job-rejecting queue without complaint, and the ticket
never comes out. libcups (which Qt's print support loads anyway) tells whether a queue
exists, is stopped, and accepts jobs; this asks it through ctypes. Where libcups is not
there (Windows, macOS builds), the answer is "unknown" and Qt's own state is used.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QCoreApplication

log = logging.getLogger(__name__)

# IPP printer-state: 3 idle, 4 processing, 5 stopped.
STOPPED = "5"


class _Option(ctypes.Structure):
    _fields_ = [("name", ctypes.c_char_p), ("value", ctypes.c_char_p)]


class _Dest(ctypes.Structure):
    _fields_ = [
        ("name", ctypes.c_char_p),
        ("instance", ctypes.c_char_p),
        ("is_default", ctypes.c_int),
        ("num_options", ctypes.c_int),
        ("options", ctypes.POINTER(_Option)),
    ]


@cache
def _libcups() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("cups") or "libcups.so.2"
    try:
        library = ctypes.CDLL(name)
    except OSError:
        return None
    library.cupsGetDests.argtypes = [ctypes.POINTER(ctypes.POINTER(_Dest))]
    library.cupsGetDests.restype = ctypes.c_int
    library.cupsFreeDests.argtypes = [ctypes.c_int, ctypes.POINTER(_Dest)]
    library.cupsFreeDests.restype = None
    library.cupsSetServer.argtypes = [ctypes.c_char_p]
    library.cupsSetServer.restype = None
    return library


def use_server(address: str | None) -> bool:
    """Ask the CUPS server at ``address`` (a host name or a local socket path) from now
    on, or the system's own again with None. Qt's printing in this thread follows, as it
    goes through the same libcups. False where there is no libcups."""
    library = _libcups()
    if library is None:
        return False
    library.cupsSetServer(address.encode() if address else None)
    return True


@dataclass(frozen=True, slots=True)
class QueueStatus:
    """A print queue as CUPS describes it."""

    found: bool
    stopped: bool = False
    accepting: bool = True
    reasons: str = ""

    @property
    def problem(self) -> str | None:
        """Why a ticket sent now would not come out, in the staff's words, or None."""
        translate = QCoreApplication.translate
        if not self.found:
            return translate("Printing", "it is not in the print system")
        if self.stopped:
            reasons = self.reasons or translate("Printing", "paused")
            return translate("Printing", "it is stopped ({reasons})").format(reasons=reasons)
        if not self.accepting:
            return translate("Printing", "it is refusing new jobs")
        return None


def queue_status(name: str) -> QueueStatus | None:
    """The CUPS status of queue ``name``; None when CUPS cannot be asked."""
    library = _libcups()
    if library is None:
        return None
    dests = ctypes.POINTER(_Dest)()
    count = library.cupsGetDests(ctypes.byref(dests))
    try:
        for index in range(count):
            dest = dests[index]
            if dest.name is None or dest.name.decode() != name or dest.instance:
                continue
            options = {
                dest.options[i].name.decode(): (dest.options[i].value or b"").decode()
                for i in range(dest.num_options)
            }
            return QueueStatus(
                found=True,
                stopped=options.get("printer-state") == STOPPED,
                accepting=options.get("printer-is-accepting-jobs", "true") == "true",
                reasons=options.get("printer-state-reasons", ""),
            )
        return QueueStatus(found=False)
    finally:
        if count:
            library.cupsFreeDests(count, dests)
