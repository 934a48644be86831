"""What goes on a ticket, decided without Qt: the text in the holder's language and in
Portuguese, the numbers, the reference for the QR code. Nothing personal: no name,
nationality, document, status, reason for priority, nor the name of a sensitive office."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from cnaim_desk.domain.centres import CentreProfile
from cnaim_desk.domain.flow import Text, TriageFlow
from cnaim_desk.domain.holder_text import HolderTexts
from cnaim_desk.domain.languages import holder_language
from cnaim_desk.domain.tickets import TicketStatus
from cnaim_desk.journal.queries import TicketView


class Paper(StrEnum):
    """Paper: receipt rolls (as long as the ticket needs), the A6 card, A4 for slips."""

    RECEIPT_80 = "80mm"
    RECEIPT_58 = "58mm"
    A6 = "a6"
    A4 = "a4"

    @property
    def width_mm(self) -> float:
        return {"80mm": 80.0, "58mm": 58.0, "a6": 105.0, "a4": 210.0}[self.value]

    @property
    def height_mm(self) -> float | None:
        """The sheet's height; ``None`` for a roll, cut where the ticket ends."""
        return {"80mm": None, "58mm": None, "a6": 148.0, "a4": 297.0}[self.value]

    @property
    def printable_mm(self) -> float:
        """The width a receipt head prints (72 mm of 80, 48 of 58); sheets print it all."""
        return {"80mm": 72.0, "58mm": 48.0}.get(self.value, self.width_mm)


@dataclass(frozen=True, slots=True)
class TicketText:
    """One language's lines of a ticket."""

    language: str
    right_to_left: bool
    number: str
    service: str
    ahead: str
    wait: str
    group: str | None
    then: str | None
    children: str | None
    documents_title: str | None
    documents: tuple[str, ...]
    keep: str
    support: str


@dataclass(frozen=True, slots=True)
class TicketContent:
    """Everything printed on a ticket, in the holder's language and in Portuguese."""

    code: str
    issued_at: datetime
    pictogram: str
    holder: TicketText
    portuguese: TicketText | None
    centre_name: str
    address: str
    support_numbers: str
    reference: str

    def texts(self) -> list[tuple[str, str]]:
        """Every holder-facing string with its language, for coverage checks."""
        found: list[tuple[str, str]] = [(self.code, "pt")]
        for part in (self.holder, self.portuguese):
            if part is None:
                continue
            for value in (
                part.number,
                part.service,
                part.ahead,
                part.wait,
                part.group,
                part.then,
                part.children,
                part.documents_title,
                *part.documents,
                part.keep,
                part.support,
            ):
                if value:
                    found.append((value, part.language))
        return found


def _text(
    language: str,
    ticket: TicketView,
    profile: CentreProfile,
    texts: HolderTexts,
    documents: Sequence[Text],
) -> TicketText:
    def say(text_id: str, **params: object) -> str:
        return texts.get(text_id, language, **params)

    def service_name(code: str) -> str:
        text_id = f"service_{code}"
        return say(text_id) if texts.has(text_id) else profile.service(code).public_name(language)

    if ticket.position is None:
        ahead = ""
    elif ticket.position == 0:
        ahead = say("ticket_next")
    else:
        ahead = say("ticket_ahead", count=ticket.position)
    minutes = ticket.expected_wait_minutes
    wait = (
        say("ticket_wait", minutes=minutes) if minutes is not None else say("ticket_wait_unknown")
    )
    return TicketText(
        language=language,
        right_to_left=holder_language(language).right_to_left,
        number=say("ticket_number"),
        service=service_name(ticket.service),
        ahead=ahead,
        wait=wait if ticket.position is not None else "",
        group=say("ticket_group", count=ticket.group_size) if ticket.group_size > 1 else None,
        then=(
            say("ticket_then", services=" → ".join(service_name(c) for c in ticket.visit))
            if ticket.visit
            else None
        ),
        children=say("ticket_children") if ticket.children else None,
        documents_title=say("ticket_documents") if documents else None,
        documents=tuple(document.get(language) for document in documents),
        keep=say("ticket_keep"),
        support=say("ticket_support"),
    )


def ticket_content(
    ticket: TicketView,
    profile: CentreProfile,
    texts: HolderTexts,
    reference: str,
    flow: TriageFlow | None = None,
) -> TicketContent:
    """The ticket for ``ticket``, in its holder's language and, if that differs, in
    Portuguese. The documents to have ready come from the triage outcomes that led to
    it (``flow``), when it was triaged."""
    documents: list[Text] = []
    if flow is not None:
        for outcome_id in ticket.triage:
            outcome = flow.outcomes.get(outcome_id)
            if outcome is not None and outcome.service is not None:
                documents.extend(d for d in outcome.documents if d not in documents)
    holder = _text(ticket.language, ticket, profile, texts, documents)
    portuguese = None if ticket.language == "pt" else _text("pt", ticket, profile, texts, documents)
    return TicketContent(
        code=ticket.code,
        issued_at=ticket.issued_at,
        pictogram=profile.service(ticket.service).pictogram,
        holder=holder,
        portuguese=portuguese,
        centre_name=profile.name.get("pt", ""),
        address=profile.address,
        support_numbers=" / ".join(n.replace(" ", "\u00a0") for n in profile.support_line.numbers),
        reference=reference,
    )


def sample_ticket(profile: CentreProfile, service: str, language: str, now: datetime) -> TicketView:
    """A ticket as a receptionist would issue it mid-morning, for ``ticket render --sample``:
    nothing is written anywhere."""
    offered = profile.service(service)
    return TicketView(
        id="SAMPLE:00000000:1",
        day=now.date().isoformat(),
        code=f"{offered.letter}023",
        number=23,
        service=service,
        first_service=service,
        status=TicketStatus.WAITING,
        priority=None,
        language=language,
        group_size=1,
        issued_at=now,
        issued_by="R1",
        position=4,
        expected_wait_minutes=25,
        called_by=None,
        called_at=None,
        recalls=0,
        reprints=0,
        referred_from=None,
        conflicts=0,
    )


@dataclass(frozen=True, slots=True)
class SlipText:
    """One language's lines of a slip."""

    language: str
    right_to_left: bool
    service: str
    reason: str
    book: str


@dataclass(frozen=True, slots=True)
class SlipContent:
    """What is printed when no ticket can be given: why, and how to book instead."""

    printed_at: datetime
    holder: SlipText
    portuguese: SlipText | None
    centre_name: str
    address: str


def slip_content(
    *,
    printed_at: datetime,
    service_names: Mapping[str, str],
    reasons: Mapping[str, str],
    booking: Mapping[str, str],
    language: str,
    profile: CentreProfile,
) -> SlipContent:
    """A slip in the holder's language and Portuguese. The texts come translated already
    (from the triage flow's messages), one per language."""

    def text(tag: str) -> SlipText:
        return SlipText(
            language=tag,
            right_to_left=holder_language(tag).right_to_left,
            service=service_names.get(tag) or service_names["pt"],
            reason=reasons.get(tag) or reasons["pt"],
            book=booking.get(tag) or booking["pt"],
        )

    return SlipContent(
        printed_at=printed_at,
        holder=text(language),
        portuguese=None if language == "pt" else text("pt"),
        centre_name=profile.name.get("pt", ""),
        address=profile.address,
    )
