"""What a ticket says, in which languages, and what it never says."""

from __future__ import annotations

import dataclasses

import pytest

from cnaim_desk.domain.centres import CENTRE_IDS
from cnaim_desk.domain.languages import HOLDER_LANGUAGES, LANGUAGE_TAGS
from cnaim_desk.journal.desk import load_centre_profile
from cnaim_desk.printing.layout import ticket_content
from cnaim_desk.resources import resources_dir
from tests.printing.conftest import full_ticket, signed


def every_text(content) -> str:
    return "\n".join(text for text, _ in content.texts())


def test_the_holder_reads_their_language_and_the_staff_portuguese(content):
    ticket = content("bn")
    assert ticket.holder.language == "bn"
    assert ticket.portuguese is not None
    assert ticket.portuguese.language == "pt"
    assert ticket.holder.service == "সামাজিক নিরাপত্তা"
    assert ticket.portuguese.service == "Segurança Social"
    assert ticket.code == "S023"
    assert ticket.pictogram == "social-security"


def test_a_portuguese_holder_gets_one_language(content):
    ticket = content("pt")
    assert ticket.portuguese is None
    assert ticket.holder.service == "Segurança Social"


def test_every_line_of_a_full_ticket_is_there(content):
    portuguese = content("en").portuguese
    assert portuguese.ahead == "Pessoas à sua frente: 4"
    assert portuguese.wait == "Espera prevista: cerca de 25 min"
    assert portuguese.group == "Senha para 3 pessoas"
    assert portuguese.then == "Depois, com a mesma senha: Saúde"
    assert portuguese.children == "As crianças podem ficar no Espaço\u00a0Criança, com um técnico."
    assert portuguese.documents_title == "Documentos a ter à mão"
    assert "NIF" in portuguese.documents
    holder = content("en").holder
    assert holder.group == "Ticket for 3 people"
    assert holder.documents[0] == "Passport or residence permit"


def test_lines_that_do_not_apply_are_left_out(content):
    ticket = content("fr", group_size=1, visit=(), children=False, triage=())
    for part in (ticket.holder, ticket.portuguese):
        assert part.group is None
        assert part.then is None
        assert part.children is None
        assert part.documents == ()
        assert part.documents_title is None


def test_the_next_person_is_told_so_and_an_unknown_wait_is_said(content):
    ticket = content("es", position=0, expected_wait_minutes=None)
    assert ticket.portuguese.ahead == "É a próxima pessoa a ser chamada"
    assert ticket.portuguese.wait == "Espera prevista: ainda sem previsão"
    assert ticket.holder.ahead != ticket.portuguese.ahead


def test_documents_come_from_every_outcome_that_led_to_the_ticket_once_each(content, flow):
    ticket = content("pt", triage=("ss_niss", "ss_benefits", "info_general"))
    expected = []
    for outcome in ("ss_niss", "ss_benefits"):
        for document in flow.outcomes[outcome].documents:
            if document.get("pt") not in expected:
                expected.append(document.get("pt"))
    assert list(ticket.holder.documents) == expected


@pytest.mark.parametrize("language", LANGUAGE_TAGS)
def test_every_language_has_every_ticket_text_with_its_numbers(texts, content, language):
    assert texts.problems() == []
    holder = content(language).holder
    assert "4" in holder.ahead or "৪" in holder.ahead or "४" in holder.ahead
    assert "25" in holder.wait or "২৫" in holder.wait or "२५" in holder.wait
    if language != "pt":
        assert holder.service != content(language).portuguese.service


def test_a_sensitive_office_is_never_named_on_its_tickets(texts):
    checked = 0
    for centre in CENTRE_IDS:
        profile = load_centre_profile(centre, resources_dir())
        for service in (service for service in profile.services if service.sensitive):
            real_names = {name.lower() for name in service.name.values()}
            real_names |= {name.lower() for name in (service.short_name or {}).values()}
            for language in HOLDER_LANGUAGES:
                ticket = dataclasses.replace(
                    full_ticket(profile, language.tag, service.code), visit=()
                )
                content = ticket_content(ticket, profile, texts, signed(ticket, profile))
                printed = every_text(content).lower()
                for name in real_names:
                    assert name not in printed, (centre, service.code, language.tag)
                assert "vítima" not in printed
                assert "victim" not in printed
                checked += 1
    assert checked >= len(HOLDER_LANGUAGES)  # at least one centre has such an office


def test_nothing_personal_reaches_the_ticket(content):
    text = every_text(content("ru"))
    reference = content("ru").reference
    # the reference: centre, day, code, ticket id and its signature, nothing else
    assert reference.split("/")[:5] == ["CN1", "LISBOA", "2026-12-07", "S023", "R1:0A1B2C3D:23"]
    for field in ("priority", "pregnan", "disab", "lawyer", "nationality", "passport no"):
        assert field not in text.lower()
