"""The signed reference a ticket's QR code carries.

``CN1|<centre>|<day>|<code>|<ticket id>|<mac>``: enough for a counter's scanner to open
the ticket, nothing personal, and a message authentication code with the centre key so
a forged or altered ticket is detected.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass

from cnaim_desk.journal.signing import CentreKey

PREFIX = "CN1"
MAC_BYTES = 10
_WORD = re.compile(r"[A-Za-z0-9]+")


class ReferenceRefused(ValueError):
    """A scanned reference that cannot be accepted here; the message says why."""


@dataclass(frozen=True, slots=True)
class TicketReference:
    centre: str
    day: str
    code: str
    ticket_id: str

    def _body(self) -> str:
        return "|".join((PREFIX, self.centre, self.day, self.code, self.ticket_id))

    def encode(self, key: CentreKey) -> str:
        mac = key.mac(self._body().encode())[:MAC_BYTES]
        return f"{self._body()}|{base64.b32encode(mac).decode().rstrip('=')}"

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
            raise ReferenceRefused("This is not a CNAIM ticket code.")
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
            raise ReferenceRefused("This ticket code is damaged or forged.") from None
        if not key.verify(reference._body().encode(), mac):
            raise ReferenceRefused("This ticket code is damaged or forged.")
        if reference.centre != centre:
            raise ReferenceRefused(f"This ticket is from another centre ({reference.centre}).")
        if reference.day != day:
            raise ReferenceRefused(f"This ticket is from another day ({reference.day}).")
        return reference
