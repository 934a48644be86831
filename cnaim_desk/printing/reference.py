"""The signed reference a ticket's QR code carries.

``CN1|<centre>|<day>|<code>|<ticket id>|<mac>``: enough for a counter's scanner to open
the ticket, nothing personal, and a message authentication code with the centre key so
a forged or altered ticket is detected.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

from cnaim_desk.journal.signing import CentreKey

PREFIX = "CN1"
MAC_BYTES = 10


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
        """Read a scanned reference; refuse a forged, altered, other-centre or other-day one."""
        parts = text.strip().split("|")
        if len(parts) != 6 or parts[0] != PREFIX:
            raise ReferenceRefused("This is not a CNAIM ticket code.")
        reference = cls(*parts[1:5])
        try:
            mac = base64.b32decode(parts[5] + "=" * (-len(parts[5]) % 8))
        except ValueError:
            raise ReferenceRefused("This ticket code is damaged or forged.") from None
        if not key.verify(reference._body().encode(), mac):
            raise ReferenceRefused("This ticket code is damaged or forged.")
        if reference.centre != centre:
            raise ReferenceRefused(f"This ticket is from another centre ({reference.centre}).")
        if reference.day != day:
            raise ReferenceRefused(f"This ticket is from another day ({reference.day}).")
        return reference
