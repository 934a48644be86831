"""What the printing tests share: the shipped fonts, a centre, its texts, and tickets
with every line a ticket can carry."""

from __future__ import annotations

import dataclasses
from datetime import datetime

import pytest

from cnaim_desk.domain.centres import CentreProfile
from cnaim_desk.domain.flow import TriageFlow
from cnaim_desk.domain.holder_text import HolderTexts
from cnaim_desk.journal.desk import load_centre_profile, load_flow, load_holder_texts
from cnaim_desk.journal.queries import TicketView
from cnaim_desk.journal.signing import CentreKey
from cnaim_desk.printing.fonts import FontRegistry, register_fonts
from cnaim_desk.printing.layout import TicketContent, sample_ticket, ticket_content
from cnaim_desk.printing.reference import TicketReference
from cnaim_desk.resources import resources_dir

ISSUED = datetime(2026, 12, 7, 9, 40)
KEY = CentreKey(bytes(range(32)))


@pytest.fixture
def fonts(qapp, monkeypatch) -> FontRegistry:
    """The application's own registration of ``resources/fonts``."""
    monkeypatch.delenv("CNAIM_DESK_RESOURCES", raising=False)
    return register_fonts()


@pytest.fixture(scope="session")
def profile() -> CentreProfile:
    return load_centre_profile("lisboa", resources_dir())


@pytest.fixture(scope="session")
def flow() -> TriageFlow:
    return load_flow("lisboa", resources_dir())


@pytest.fixture(scope="session")
def texts() -> HolderTexts:
    return load_holder_texts(resources_dir())


def full_ticket(profile: CentreProfile, language: str, service: str = "SS") -> TicketView:
    """A family of three for Social Security, then Health, with children, triaged for
    a social security number: every line a ticket can have."""
    return dataclasses.replace(
        sample_ticket(profile, service, language, ISSUED),
        id="R1:0a1b2c3d:23",
        group_size=3,
        visit=("MS",),
        children=True,
        triage=("ss_niss",),
    )


def signed(ticket: TicketView, profile: CentreProfile) -> str:
    return TicketReference(profile.id, ticket.day, ticket.code, ticket.id).encode(KEY)


@pytest.fixture
def content(profile, texts, flow):
    """``content(language, **changes)``: the content of a full ticket in ``language``."""

    def make(language: str, **changes: object) -> TicketContent:
        ticket = dataclasses.replace(full_ticket(profile, language), **changes)
        return ticket_content(ticket, profile, texts, signed(ticket, profile), flow)

    return make
