"""What goes on a ticket, decided without Qt: the text in the holder's language and in
Portuguese, the numbers, the reference for the QR code. Nothing personal: no name,
nationality, document, status, reason for priority, nor the name of a sensitive office."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from cnaim_desk.domain.centres import CentreProfile
from cnaim_desk.domain.languages import holder_language
from cnaim_desk.journal.queries import TicketView


class Paper(StrEnum):
    """Paper sizes: receipt rolls and the A6 card (A4 is for slips)."""

    RECEIPT_80 = "80mm"
    RECEIPT_58 = "58mm"
    A6 = "a6"

    @property
    def width_mm(self) -> float:
        return {"80mm": 80.0, "58mm": 58.0, "a6": 105.0}[self.value]

    @property
    def height_mm(self) -> float:
        return {"80mm": 150.0, "58mm": 130.0, "a6": 148.0}[self.value]


# The ticket's own words. Portuguese and English here; every holder language is added
# with the complete ticket (the language falls back to English until then).
LABELS: Mapping[str, Mapping[str, str]] = {
    "pt": {
        "number": "O seu número",
        "ahead": "Pessoas à sua frente",
        "next": "É o próximo",
        "wait": "Espera prevista",
        "minutes": "{n} min",
        "unknown": "—",
        "keep": "Guarde esta senha e aguarde a chamada no ecrã.",
        "support": "Linha de Apoio a Migrantes",
    },
    "en": {
        "number": "Your number",
        "ahead": "People ahead of you",
        "next": "You are next",
        "wait": "Expected wait",
        "minutes": "{n} min",
        "unknown": "—",
        "keep": "Keep this ticket and watch the screen for your call.",
        "support": "Migrants Support Line",
    },
}


@dataclass(frozen=True, slots=True)
class TicketText:
    """One language's lines of a ticket."""

    language: str
    right_to_left: bool
    number: str
    service: str
    ahead: str
    wait: str
    keep: str


@dataclass(frozen=True, slots=True)
class TicketContent:
    """Everything printed on a ticket, in the holder's language and in Portuguese."""

    code: str
    issued_at: datetime
    holder: TicketText
    portuguese: TicketText | None
    centre_name: str
    address: str
    support_line: str
    reference: str


def _labels(language: str) -> Mapping[str, str]:
    return LABELS.get(language, LABELS["en"])


def _text(language: str, ticket: TicketView, profile: CentreProfile) -> TicketText:
    labels = _labels(language)
    label_language = language if language in LABELS else "en"
    if ticket.position is None:
        ahead = labels["unknown"]
    elif ticket.position == 0:
        ahead = labels["next"]
    else:
        ahead = f"{labels['ahead']}: {ticket.position}"
    minutes = ticket.expected_wait_minutes
    wait_value = labels["minutes"].format(n=minutes) if minutes is not None else labels["unknown"]
    return TicketText(
        language=label_language,
        right_to_left=holder_language(label_language).right_to_left,
        number=labels["number"],
        service=profile.service(ticket.service).public_name(label_language),
        ahead=ahead,
        wait=f"{labels['wait']}: {wait_value}",
        keep=labels["keep"],
    )


def ticket_content(ticket: TicketView, profile: CentreProfile, reference: str) -> TicketContent:
    """The ticket for ``ticket``, in its holder's language and, if that differs, Portuguese."""
    holder = _text(ticket.language, ticket, profile)
    portuguese = None if holder.language == "pt" else _text("pt", ticket, profile)
    line = profile.support_line
    support = f"{_labels('pt')['support']}: {' / '.join(line.numbers)}"
    return TicketContent(
        code=ticket.code,
        issued_at=ticket.issued_at,
        holder=holder,
        portuguese=portuguese,
        centre_name=profile.name.get("pt", ""),
        address=profile.address,
        support_line=support,
        reference=reference,
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
