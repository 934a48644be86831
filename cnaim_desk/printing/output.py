"""From an issued ticket to paper: its content, its signed reference, the printer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from cnaim_desk.domain.centres import CentreProfile
from cnaim_desk.journal.queries import TicketView
from cnaim_desk.journal.signing import CentreKey
from cnaim_desk.printing.fonts import FontRegistry
from cnaim_desk.printing.layout import Paper, SlipContent, TicketContent, ticket_content
from cnaim_desk.printing.printers import PrintResult, TicketPrinter
from cnaim_desk.printing.reference import TicketReference


class TicketOutput:
    """Prints tickets with the desk's current printer and paper settings."""

    def __init__(
        self,
        profile: CentreProfile,
        centre_key: CentreKey,
        fonts: FontRegistry,
        *,
        pdf_dir: Path,
        printer_name: Callable[[], str] = str,
        paper: Callable[[], Paper] = lambda: Paper.RECEIPT_80,
    ):
        self._profile = profile
        self._centre_key = centre_key
        self._fonts = fonts
        self._pdf_dir = pdf_dir
        self._printer_name = printer_name
        self._paper = paper

    def content(self, ticket: TicketView) -> TicketContent:
        reference = TicketReference(self._profile.id, ticket.day, ticket.code, ticket.id)
        return ticket_content(ticket, self._profile, reference.encode(self._centre_key))

    def _printer(self) -> TicketPrinter:
        return TicketPrinter(
            self._fonts,
            printer_name=self._printer_name(),
            pdf_dir=self._pdf_dir,
            paper=self._paper(),
        )

    def print(self, ticket: TicketView) -> PrintResult:
        return self._printer().print_ticket(self.content(ticket))

    def print_slip(self, slip: SlipContent) -> PrintResult:
        """A slip (no ticket now, how to book) on the same printer and paper."""
        return self._printer().print_ticket(slip)
