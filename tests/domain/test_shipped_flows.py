"""The three centres' triage flows as shipped, with the shared translation files.

They check clean against their centres; every path ends where the flow says, walked key by
key through the triage engine; frequent matters are short; victim support is never named
on the way to it; every holder language is complete (pt and en reviewed, the rest draft).
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

import pytest

from cnaim_desk.domain.centres import CentreProfile, parse_profile
from cnaim_desk.domain.flow import Catalogue, TriageFlow, parse_catalogue, parse_flow
from cnaim_desk.domain.flow_check import FREQUENT_MAX_ANSWERS, check_flow, coverage, paths
from cnaim_desk.domain.languages import LANGUAGE_TAGS
from cnaim_desk.domain.triage import TriageSession, TriageStep

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
FLOWS = RESOURCES / "flows"
CENTRES = ("lisboa", "norte", "algarve")
TRANSLATED = tuple(tag for tag in LANGUAGE_TAGS if tag not in ("pt", "en"))

#: Words that must never lead to or name victim support where an arrival or the room sees
#: it (DESIGN.md: the office is named only on staff screens).
REVEALING = ("vítima", "vitima", "victim", "violência", "violencia", "violence", "víctima")


@cache
def shipped_catalogues() -> dict[str, Catalogue]:
    found = {}
    for path in sorted((FLOWS / "translations").glob("*.toml")):
        catalogue, problems = parse_catalogue(path.read_text(encoding="utf-8"), path.name)
        assert problems == [], [str(p) for p in problems]
        found[catalogue.language] = catalogue
    return found


@cache
def flow_text(centre: str) -> str:
    return (FLOWS / f"{centre}.toml").read_text(encoding="utf-8")


@cache
def shipped_flow(centre: str) -> TriageFlow:
    flow, problems = parse_flow(flow_text(centre), f"{centre}.toml", shipped_catalogues())
    assert problems == [], [str(p) for p in problems]
    return flow


@cache
def profile(centre: str) -> CentreProfile:
    path = RESOURCES / "centres" / f"{centre}.toml"
    return parse_profile(path.read_text(encoding="utf-8"), path.name)


def all_paths():
    for centre in CENTRES:
        for path in paths(shipped_flow(centre)):
            keys = "".join(answer.key for _, answer in path.steps)
            yield pytest.param(centre, path, id=f"{centre}-{keys}-{path.outcome.id}")


def test_there_is_a_translation_file_for_every_holder_language_but_pt_and_en():
    assert sorted(shipped_catalogues()) == sorted(TRANSLATED)
    assert {path.stem for path in FLOWS.glob("*.toml")} == set(CENTRES)


@pytest.mark.parametrize("centre", CENTRES)
def test_the_shipped_flow_checks_without_errors(centre):
    flow = shipped_flow(centre)
    assert flow.centre == centre
    problems = check_flow(flow, profile(centre), flow_text(centre))
    errors = [str(p) for p in problems if p.severity == "error"]
    assert errors == []


@pytest.mark.parametrize("centre", CENTRES)
def test_every_outcome_is_reached_by_some_path(centre):
    flow = shipped_flow(centre)
    assert {path.outcome.id for path in paths(flow)} == set(flow.outcomes)


@pytest.mark.parametrize("centre", CENTRES)
def test_every_ticket_outcome_is_for_a_service_the_centre_offers(centre):
    flow = shipped_flow(centre)
    services = [o for o in flow.outcomes.values() if not o.info_only]
    assert services
    for outcome in services:
        assert profile(centre).has_service(outcome.service), outcome.id


@pytest.mark.parametrize("centre", CENTRES)
def test_information_outcomes_have_no_service(centre):
    raw = tomllib.loads(flow_text(centre))["outcomes"]
    infos = [name for name, outcome in raw.items() if outcome.get("info")]
    assert infos
    for name in infos:
        assert "service" not in raw[name], name
        assert shipped_flow(centre).outcomes[name].info_only


def test_lisbon_has_ten_frequent_matters_at_most_two_answers_deep():
    flow = shipped_flow("lisboa")
    frequent = {o.id for o in flow.outcomes.values() if o.frequent}
    assert len(frequent) == 10
    depth = {}
    for path in paths(flow):
        depth[path.outcome.id] = min(len(path.steps), depth.get(path.outcome.id, 99))
    assert FREQUENT_MAX_ANSWERS == 2
    assert {o: depth[o] for o in frequent if depth[o] > 2} == {}


@pytest.mark.parametrize("centre", CENTRES)
def test_no_frequent_matter_is_too_deep_anywhere(centre):
    flow = shipped_flow(centre)
    warnings = [p for p in check_flow(flow, profile(centre)) if "answers deep" in p.message]
    assert warnings == []


@pytest.mark.parametrize(("centre", "path"), list(all_paths()))
def test_every_path_ends_on_its_outcome_through_the_triage_engine(centre, path):
    session = TriageSession(shipped_flow(centre))
    session.choose_language("pt")
    for question, answer in path.steps:
        assert session.state.step == TriageStep.QUESTION
        assert session.question is question
        assert session.answer(answer.key)
    assert session.state.step == TriageStep.SUMMARY
    result = session.result()
    assert result.outcomes == (path.outcome,)
    assert result.answers == tuple(f"{q.id}:{a.id}" for q, a in path.steps)
    if path.outcome.info_only:
        assert result.info_only
        assert result.visit == ()
    else:
        assert result.visit == (path.outcome.service,)


@pytest.mark.parametrize("centre", CENTRES)
def test_paths_are_described_with_keys_answers_and_where_they_lead(centre):
    for path in paths(shipped_flow(centre)):
        text = path.describe("en")
        keys = "".join(answer.key for _, answer in path.steps)
        assert text.startswith(f"[{keys}] ")
        assert text.endswith(f"⇒ {path.outcome.id} ({path.outcome.service or 'information only'})")


# -- victim support ----------------------------------------------------------------------------


def victim_support_paths(centre: str):
    return [path for path in paths(shipped_flow(centre)) if path.outcome.service == "GAV"]


@pytest.mark.parametrize("centre", CENTRES)
def test_nothing_on_the_way_to_victim_support_names_it(centre):
    found = victim_support_paths(centre)
    assert bool(found) == profile(centre).has_service("GAV")
    for path in found:
        texts = [answer.label for _, answer in path.steps]
        texts += [path.outcome.text, *path.outcome.documents]
        for text in texts:
            for language in LANGUAGE_TAGS:
                words = text.get(language).casefold()
                assert not [w for w in REVEALING if w in words], (text.id, language)


@pytest.mark.parametrize("centre", ["lisboa", "norte"])
def test_the_victim_support_outcome_has_a_neutral_public_face(centre):
    (path,) = victim_support_paths(centre)
    gav = profile(centre).service("GAV")
    assert gav.sensitive
    for language in LANGUAGE_TAGS:
        public = gav.public_name(language).casefold()
        assert not [w for w in REVEALING if w in public]
    assert "Vítima" in gav.staff_name("pt")  # staff still see what it is
    for language in LANGUAGE_TAGS:
        face = path.outcome.text.get(language).casefold()
        assert gav.staff_name(language).casefold() not in face


def test_a_centre_without_victim_support_sends_the_same_answer_elsewhere():
    (answer,) = [a for a in shipped_flow("algarve").questions["matter"].answers if a.key == "P"]
    assert answer.next in shipped_flow("algarve").outcomes
    assert profile("algarve").has_service(shipped_flow("algarve").outcomes[answer.next].service)


# -- languages ---------------------------------------------------------------------------------


@pytest.mark.parametrize("centre", CENTRES)
def test_every_holder_language_is_complete_pt_and_en_reviewed_the_rest_draft(centre):
    flow = shipped_flow(centre)
    languages = coverage(flow)
    assert [entry.language for entry in languages] == list(LANGUAGE_TAGS)
    assert len(languages) == 13
    total = len(list(flow.texts()))
    for entry in languages:
        assert entry.total == total
        assert entry.translated == total, entry.language
        expected_reviewed = total if entry.language in ("pt", "en") else 0
        assert entry.reviewed == expected_reviewed, entry.language


@pytest.mark.parametrize("centre", CENTRES)
def test_every_translated_text_is_marked_draft(centre):
    for text in shipped_flow(centre).texts():
        assert {text.status[tag] for tag in TRANSLATED} == {"draft"}, text.id
        assert text.status["pt"] == text.status["en"] == "reviewed"


def test_translation_files_hold_no_string_that_no_flow_uses():
    used = {text.id for centre in CENTRES for text in shipped_flow(centre).texts()}
    for catalogue in shipped_catalogues().values():
        assert set(catalogue.strings) - used == set(), catalogue.language
