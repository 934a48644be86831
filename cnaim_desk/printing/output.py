"""From an issued ticket to paper: its content, its signed reference, the printer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Protocol

from cnaim_desk.domain.centres import CentreProfile
from cnaim_desk.domain.flow import TriageFlow
from cnaim_desk.domain.holder_text import HolderTexts
from cnaim_desk.journal.desk import load_holder_texts
from cnaim_desk.journal.journal import Journal
from cnaim_desk.journal.queries import TicketView
from cnaim_desk.journal.signing import CentreKey
from cnaim_desk.printing.fonts import FontRegistry
from cnaim_desk.printing.layout import (
    Paper,
    SlipContent,
    TicketContent,
    sample_ticket,
    ticket_content,
)
from cnaim_desk.printing.printers import PrintResult, TicketPrinter
from cnaim_desk.printing.reference import TicketReference
from cnaim_desk.resources import resources_dir


class PrintSettings(Protocol):
    """Where a desk prints (its settings.ini): read at each print, so a change applies
    at once."""

    @property
    def printer_name(self) -> str: ...
    @property
    def paper(self) -> Paper: ...
    @property
    def escpos_target(self) -> str: ...


class TicketOutput:
    """Prints tickets with the desk's current printer and paper settings.

    ``flow`` (the centre's triage flow, when this desk triages) gives each ticket the
    documents to have ready for the matters it was issued for."""

    def __init__(
        self,
        profile: CentreProfile,
        centre_key: CentreKey,
        fonts: FontRegistry,
        texts: HolderTexts,
        *,
        pdf_dir: Path,
        printer_name: Callable[[], str] = str,
        paper: Callable[[], Paper] = lambda: Paper.RECEIPT_80,
        escpos_target: Callable[[], str] = str,
        flow: TriageFlow | None = None,
    ):
        self._profile = profile
        self._centre_key = centre_key
        self._fonts = fonts
        self._texts = texts
        self._pdf_dir = pdf_dir
        self._printer_name = printer_name
        self._paper = paper
        self._escpos_target = escpos_target
        self.flow = flow

    @classmethod
    def for_desk(
        cls, journal: Journal, fonts: FontRegistry, settings: PrintSettings
    ) -> TicketOutput:
        """The output of the desk ``journal`` belongs to, printing as its settings say;
        tickets saved as PDF go to the desk's ``tickets`` folder."""
        return cls(
            journal.profile,
            journal.centre_key,
            fonts,
            load_holder_texts(resources_dir()),
            pdf_dir=journal.data_dir.root / "tickets",
            printer_name=lambda: settings.printer_name,
            paper=lambda: settings.paper,
            escpos_target=lambda: settings.escpos_target,
        )

    def reference(self, ticket: TicketView) -> str:
        """The signed reference of a ticket's QR code."""
        reference = TicketReference(self._profile.id, ticket.day, ticket.code, ticket.id)
        return reference.encode(self._centre_key)

    def content(self, ticket: TicketView) -> TicketContent:
        return ticket_content(ticket, self._profile, self._texts, self.reference(ticket), self.flow)

    @property
    def paper(self) -> Paper:
        """The paper the desk prints on now."""
        return self._paper()

    def printer(
        self, printer_name: str | None = None, escpos_target: str | None = None
    ) -> TicketPrinter:
        """The printer of the settings, or (both given) another one, to try it."""
        if printer_name is None or escpos_target is None:
            printer_name, escpos_target = self._printer_name(), self._escpos_target()
        return TicketPrinter(
            self._fonts,
            printer_name=printer_name,
            pdf_dir=self._pdf_dir,
            paper=self._paper(),
            escpos_target=escpos_target,
        )

    def test_ticket(self, now: datetime, language: str = "en") -> TicketContent:
        """A ticket to try a printer and paper with: code TESTE, recorded nowhere."""
        service = self._profile.services[0].code
        ticket = replace(sample_ticket(self._profile, service, language, now), code="TESTE")
        return ticket_content(ticket, self._profile, self._texts, self.reference(ticket))

    def print(self, ticket: TicketView) -> PrintResult:
        return self.printer().print_ticket(self.content(ticket))

    def print_slip(self, slip: SlipContent) -> PrintResult:
        """A slip (no ticket now, how to book) on the same printer and paper."""
        return self.printer().print_ticket(slip)
