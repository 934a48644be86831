"""The signed reference a ticket's QR code carries.

``CN1/<CENTRE>/<day>/<code>/<ticket id>/<mac>``, such as
``CN1/LISBOA/2026-12-07/S023/R1:0A1B2C3D:17/7KQ...``: enough for a counter's scanner to
open the ticket, nothing personal, and a message authentication code with the centre key
so a forged or altered ticket is detected. The MAC signs the canonical text
``CN1|lisboa|2026-12-07|S023|R1:0a1b2c3d:17``; what is printed is that in capitals with
``/`` between the parts, all within the QR code's alphanumeric set, whose symbol is
smaller (version 3 rather than 4) with larger modules at the same printed size.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass

from cnaim_desk.journal.journal import Journal
from cnaim_desk.journal.queries import TicketView
from cnaim_desk.journal.signing import CentreKey

PREFIX = "CN1"
MAC_BYTES = 10
_WORD = re.compile(r"[A-Za-z0-9]+")


class ReferenceRefused(ValueError):
    """A scanned reference that cannot be accepted here; the message says why, ``kind``
    (one of REFUSALS) and ``value`` (the other centre or day) say it for translation."""

    def __init__(self, kind: str, value: str = ""):
        super().__init__(REFUSALS[kind].format(value=value))
        self.kind = kind
        self.value = value


REFUSALS = {
    "not_a_ticket": "This is not a CNAIM ticket code.",
    "forged": "This ticket code is damaged or forged.",
    "other_centre": "This ticket is from another centre ({value}).",
    "other_day": "This ticket is from another day ({value}).",
    "empty": "Scan a ticket, or type its code.",
}


@dataclass(frozen=True, slots=True)
class TicketReference:
    centre: str
    day: str
    code: str
    ticket_id: str

    def _body(self) -> str:
        return "|".join((PREFIX, self.centre, self.day, self.code, self.ticket_id))

    def encode(self, key: CentreKey) -> str:
        """The text of the QR code (see the module's description)."""
        mac = key.mac(self._body().encode())[:MAC_BYTES]
        signed = f"{self._body()}|{base64.b32encode(mac).decode().rstrip('=')}"
        return signed.upper().replace("|", "/")

    @classmethod
    def decode(cls, text: str, key: CentreKey, *, centre: str, day: str) -> TicketReference:
        """Read a scanned reference; refuse a forged, altered, other-centre or other-day one.

        A keyboard-wedge scanner types what it reads as key presses for the keyboard layout
        it is set to; on a Portuguese keyboard a scanner set to US English types other
        characters for ``|``, ``:`` and ``-``, and Caps Lock turns the case over. Every part
        of a reference is letters and digits, so it is read by those, whatever came between
        them, and each part is given back its own case."""
        parts = _WORD.findall(text)
        if len(parts) != 10 or parts[0].upper() != PREFIX:
            raise ReferenceRefused("not_a_ticket")
        scanned_centre, year, month, date, code, desk, boot, seq, mac_text = parts[1:]
        reference = cls(
            scanned_centre.lower(),
            f"{year}-{month}-{date}",
            code.upper(),
            f"{desk.upper()}:{boot.lower()}:{seq}",
        )
        try:
            mac = base64.b32decode(mac_text.upper() + "=" * (-len(mac_text) % 8))
        except ValueError:
            raise ReferenceRefused("forged") from None
        if not key.verify(reference._body().encode(), mac):
            raise ReferenceRefused("forged")
        if reference.centre != centre:
            raise ReferenceRefused("other_centre", reference.centre)
        if reference.day != day:
            raise ReferenceRefused("other_day", reference.day)
        return reference


_CODE = re.compile(r"[A-Za-z]{1,3}[0-9]{1,4}")
_TICKET_ID = re.compile(r"[A-Z][A-Z0-9]{0,7}:[0-9a-f]{8,16}:[0-9]+")


def is_reference(text: str) -> bool:
    """Whether ``text`` was meant as a QR reference (however the scanner typed it)."""
    words = _WORD.findall(text)
    return bool(words) and words[0].upper() == PREFIX


def find_ticket(journal: Journal, text: str) -> TicketView:
    """Today's ticket from what a scanner or a person typed: a ticket's QR reference,
    checked with the centre key, or its code (``S023``, any case). Raises
    :class:`ReferenceRefused` or :class:`TicketNotFound` with the reason."""
    text = text.strip()
    if not text:
        raise ReferenceRefused("empty")
    if is_reference(text):
        reference = TicketReference.decode(
            text, journal.centre_key, centre=journal.profile.id, day=journal.today().isoformat()
        )
        return journal.ticket(reference.ticket_id)
    if _CODE.fullmatch(text):
        return journal.ticket(text.upper())
    if not _TICKET_ID.fullmatch(text):
        raise ReferenceRefused("not_a_ticket")
    return journal.ticket(text)  # a ticket id, as the command line shows them
