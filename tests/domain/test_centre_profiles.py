"""Centre profiles: the shipped files, what they say, and the messages a hand-edited file
gets when it is wrong (every mistake at once, each with its place in the file)."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from cnaim_desk.domain.centres import (
    CentreProfile,
    ProfileError,
    ServiceKind,
    parse_profile,
)
from cnaim_desk.domain.clock import LISBON

PROFILES_DIR = Path(__file__).resolve().parents[2] / "resources" / "centres"
CENTRES = ("lisboa", "norte", "algarve")

# DESIGN.md, "Words used everywhere".
DESIGN_SERVICE_CODES = {
    "AIMA",
    "ACT",
    "SS",
    "MS",
    "ME",
    "CRC",
    "EC",
    "GAT",
    "GASI",
    "GAJ",
    "GAIPESQ",
    "GAV",
    "GAEM",
}

MONDAY = date(2026, 3, 2)
SATURDAY = date(2026, 3, 7)
SUNDAY = date(2026, 3, 8)


def shipped(centre: str) -> CentreProfile:
    path = PROFILES_DIR / f"{centre}.toml"
    return parse_profile(path.read_text(encoding="utf-8"), source=path.name)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=LISBON)


# -- the shipped profiles ------------------------------------------------------------------------


def test_the_three_centres_are_shipped():
    assert {path.stem for path in PROFILES_DIR.glob("*.toml")} == set(CENTRES)


@pytest.mark.parametrize("centre", CENTRES)
def test_each_shipped_profile_parses_as_its_centre(centre):
    profile = shipped(centre)
    assert profile.id == centre
    assert profile.name["pt"]
    assert profile.name["en"]
    assert profile.address
    assert profile.support_line.numbers
    assert profile.services


@pytest.mark.parametrize("centre", CENTRES)
def test_codes_and_letters_are_unique_within_a_centre(centre):
    services = shipped(centre).services
    assert len({s.code for s in services}) == len(services)
    assert len({s.letter for s in services}) == len(services)
    assert {s.code for s in services} <= DESIGN_SERVICE_CODES


def test_lisbon_offers_every_service_of_the_design():
    assert set(shipped("lisboa").codes) == DESIGN_SERVICE_CODES


@pytest.mark.parametrize("centre", CENTRES)
def test_victim_support_never_shows_its_real_name_in_public(centre):
    offices = [s for s in shipped(centre).services if s.code == "GAV"]
    assert offices or centre != "lisboa"  # Lisbon offers every service
    for gav in offices:
        assert gav.sensitive
        assert gav.letter != "V"  # a neutral letter too
        assert "Vítima" in gav.staff_name("pt")  # staff see what it is
        for lang in ("pt", "en", "es", "fr", "ar", "zh-Hans"):
            for public in (gav.public_name(lang), gav.public_short_name(lang)):
                assert "vítima" not in public.casefold()
                assert "vitima" not in public.casefold()
                assert "victim" not in public.casefold()


@pytest.mark.parametrize("centre", CENTRES)
def test_other_services_show_their_real_name(centre):
    for service in shipped(centre).services:
        if service.code == "GAV":
            continue
        assert not service.sensitive
        for lang in ("pt", "en"):
            assert service.public_name(lang) == service.staff_name(lang)


def test_names_fall_back_to_english_in_other_languages():
    social_security = shipped("lisboa").service("SS")
    assert social_security.public_name("uk") == social_security.name["en"]
    assert social_security.staff_name("uk") == social_security.name["en"]


def test_lookups_by_code_and_letter():
    lisbon = shipped("lisboa")
    assert lisbon.service("SS").letter == "S"
    assert lisbon.service_by_letter("A").code == "AIMA"
    assert lisbon.service("AIMA").kind is ServiceKind.PUBLIC_INSTITUTION
    assert lisbon.service("GAJ").kind is ServiceKind.SUPPORT_OFFICE


def test_an_absent_service_is_named_with_what_the_centre_offers():
    algarve = shipped("algarve")
    assert not algarve.has_service("CRC")
    with pytest.raises(KeyError) as caught:
        algarve.service("CRC")
    assert "'CRC'" in caught.value.args[0]
    assert "SS" in caught.value.args[0]
    with pytest.raises(KeyError, match="'Z'"):
        algarve.service_by_letter("Z")


# -- opening hours and cut-off -------------------------------------------------------------------


def test_aima_in_lisbon_issues_tickets_only_until_ten():
    aima = shipped("lisboa").service("AIMA")  # cutoff 10:00, open 08:00-17:00
    assert not aima.issues_tickets_at(at(MONDAY, 7, 59))  # not open yet
    assert aima.issues_tickets_at(at(MONDAY, 8, 0))
    assert aima.issues_tickets_at(at(MONDAY, 9, 59))
    assert not aima.issues_tickets_at(at(MONDAY, 10, 0))
    assert aima.is_open(at(MONDAY, 10, 0))  # still serving those already waiting


def test_a_service_without_cut_off_issues_until_closing():
    welcome = shipped("lisboa").service("GAT")  # no cutoff, open 08:00-17:00
    assert welcome.cutoff is None
    assert welcome.issues_tickets_at(at(MONDAY, 16, 59))
    assert not welcome.issues_tickets_at(at(MONDAY, 17, 0))  # closing time is exclusive
    assert not welcome.is_open(at(MONDAY, 17, 0))


@pytest.mark.parametrize("day", [SATURDAY, SUNDAY], ids=["saturday", "sunday"])
def test_nothing_is_issued_at_the_weekend(day):
    lisbon = shipped("lisboa")
    assert not lisbon.is_open_on(day)
    for service in lisbon.services:
        assert not service.issues_tickets_at(at(day, 9))


def test_the_centre_is_open_on_weekdays():
    assert shipped("lisboa").is_open_on(MONDAY)


def test_each_centre_uses_its_own_hours():
    # Norte opens 08:30-16:30, Algarve 09:00-16:00.
    assert not shipped("norte").service("GAT").issues_tickets_at(at(MONDAY, 8, 15))
    assert shipped("norte").service("GAT").issues_tickets_at(at(MONDAY, 8, 30))
    assert not shipped("algarve").service("GAT").issues_tickets_at(at(MONDAY, 8, 30))
    assert shipped("algarve").service("GAT").issues_tickets_at(at(MONDAY, 15, 59))


def test_opening_hours_are_read_on_lisbon_clocks():
    aima = shipped("lisboa").service("AIMA")
    # 09:30 in Lisbon is 10:30 in Paris: an aware moment from elsewhere means the same instant
    paris = ZoneInfo("Europe/Paris")
    assert aima.issues_tickets_at(datetime(2026, 11, 30, 10, 30, tzinfo=paris))
    assert not aima.issues_tickets_at(datetime(2026, 11, 30, 11, 30, tzinfo=paris))


def test_a_service_can_list_its_own_hours_split_by_lunch():
    profile = parse_profile(
        MINIMAL.replace(
            'name = { pt = "Segurança Social", en = "Social Security" }',
            'name = { pt = "Segurança Social", en = "Social Security" }\n'
            'hours = { tue = ["09:00-12:30", "14:00-16:00"] }',
        )
    )
    social_security = profile.service("SS")
    tuesday = date(2026, 3, 3)
    assert social_security.issues_tickets_at(at(tuesday, 12, 0))
    assert not social_security.issues_tickets_at(at(tuesday, 13, 0))
    assert social_security.issues_tickets_at(at(tuesday, 14, 0))
    assert not social_security.issues_tickets_at(at(MONDAY, 10, 0))  # only Tuesdays
    assert profile.service("GAT").issues_tickets_at(at(MONDAY, 10, 0))  # centre default


# -- mistakes in a hand-edited profile -------------------------------------------------------------

MINIMAL = """
id = "norte"
address = "Avenida de França, 316, Porto"

[name]
pt = "CNAIM Norte"
en = "CNAIM North"

[hours]
mon = ["08:30-16:30"]

[support_line]
numbers = ["808 257 257"]

[[services]]
code = "SS"
letter = "S"
kind = "public_institution"
name = { pt = "Segurança Social", en = "Social Security" }
daily_quota = 60
cutoff = "16:00"

[[services]]
code = "GAT"
letter = "G"
kind = "support_office"
name = { pt = "Gabinete de Acolhimento e Triagem", en = "Welcome and Screening Office" }

[[services]]
code = "GAV"
letter = "P"
kind = "support_office"
sensitive = true
name = { pt = "Gabinete de Apoio à Vítima", en = "Victim Support Office" }
public_name = { pt = "Atendimento personalizado", en = "Personal support" }
"""


def problems_of(text: str) -> list[str]:
    with pytest.raises(ProfileError) as caught:
        parse_profile(text, source="norte.toml")
    assert str(caught.value).startswith("norte.toml: ")
    return caught.value.problems


def edited(*replacements: tuple[str, str]) -> str:
    text = MINIMAL
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def test_the_minimal_profile_is_valid():
    profile = parse_profile(MINIMAL)
    assert profile.codes == ("SS", "GAT", "GAV")
    assert profile.service("SS").daily_quota == 60
    assert profile.service("SS").cutoff == time(16, 0)
    assert profile.service("GAT").daily_quota is None


def test_invalid_toml_is_one_problem_saying_so():
    assert len(problems := problems_of('id = "norte"\n[name\n')) == 1
    assert problems[0].startswith("not valid TOML")


@pytest.mark.parametrize(
    ("edit", "place", "words"),
    [
        (('code = "SS"', 'code = "XYZ"'), "services[0].code", "unknown service code 'XYZ'"),
        (('code = "GAT"', 'code = "SS"'), "services.SS", "listed twice"),
        (
            ('letter = "G"', 'letter = "S"'),
            "services.GAT.letter",
            "'S' is already the letter of SS",
        ),
        (('letter = "S"', 'letter = "s"'), "services.SS.letter", "one capital letter"),
        (('cutoff = "16:00"', 'cutoff = "4pm"'), "services.SS.cutoff", 'like "09:30"'),
        (('cutoff = "16:00"', 'cutoff = "24:00"'), "services.SS.cutoff", 'like "09:30"'),
        (('mon = ["08:30-16:30"]', 'mon = ["08:30"]'), "hours.mon[0]", '"HH:MM-HH:MM"'),
        (('mon = ["08:30-16:30"]', 'mon = ["08:30-8:00"]'), "hours.mon[0]", 'like "09:30"'),
        (('mon = ["08:30-16:30"]', 'mon = ["16:30-08:30"]'), "hours.mon[0]", "closes before"),
        (('mon = ["08:30-16:30"]', 'mon = ["08:30-08:30"]'), "hours.mon[0]", "closes before"),
        (('mon = ["08:30-16:30"]', 'monday = ["08:30-16:30"]'), "hours.monday", "weekday"),
        (('mon = ["08:30-16:30"]', 'mon = "08:30-16:30"'), "hours.mon", "expected a list"),
        (("daily_quota = 60", "daily_quota = -1"), "services.SS.daily_quota", "whole number"),
        (("daily_quota = 60", "daily_quota = 2.5"), "services.SS.daily_quota", "whole number"),
        (("daily_quota = 60", "daily_quota = true"), "services.SS.daily_quota", "whole number"),
        (
            ('public_name = { pt = "Atendimento personalizado", en = "Personal support" }', ""),
            "services.GAV",
            "neutral public_name",
        ),
        (
            ('en = "Social Security" }', 'en = "Social Security", xx = "?" }'),
            "services.SS.name.xx",
            "unknown language",
        ),
        (
            ('name = { pt = "Segurança Social", en = "Social Security" }', 'name = { pt = "SS" }'),
            "services.SS.name",
            "missing the 'en' text",
        ),
        (
            ('name = { pt = "Segurança Social", en = "Social Security" }', 'name = { en = "SS" }'),
            "services.SS.name",
            "missing the 'pt' text",
        ),
        (
            (
                'public_name = { pt = "Atendimento personalizado", en',
                "public_name = { pt = ' ', en",
            ),
            "services.GAV.public_name",
            "missing the 'pt' text",
        ),
        (('kind = "public_institution"', 'kind = "ministry"'), "services.SS.kind", "use"),
        (('id = "norte"', 'id = "beja"'), "id", "found 'beja'"),
        (("sensitive = true\n", ""), "services.GAV", "must be marked sensitive"),
        (('numbers = ["808 257 257"]', "numbers = []"), "support_line.numbers", "phone numbers"),
        (('en = "CNAIM North"\n', ""), "name", "missing the 'en' text"),
        (('en = "CNAIM North"', 'en = "CNAIM North"\nxx = "?"'), "name.xx", "unknown language"),
    ],
)
def test_each_mistake_is_named_with_its_place(edit, place, words):
    problems = problems_of(edited(edit))
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{place}: ")
    assert words in problems[0]


def test_every_mistake_is_reported_at_once():
    problems = problems_of(
        edited(
            ('letter = "G"', 'letter = "S"'),
            ('cutoff = "16:00"', 'cutoff = "16h"'),
            ("daily_quota = 60", "daily_quota = -5"),
            ('mon = ["08:30-16:30"]', 'mon = ["16:30-08:30"]\nfunday = ["10:00-11:00"]'),
            ("sensitive = true\n", "sensitive = true\nhours = { sun = [] }\n"),
            ('public_name = { pt = "Atendimento personalizado", en = "Personal support" }', ""),
        )
    )
    places = [problem.split(": ", 1)[0] for problem in problems]
    assert sorted(places) == sorted(
        [
            "services.GAT.letter",
            "services.SS.cutoff",
            "services.SS.daily_quota",
            "hours.mon[0]",
            "hours.funday",
            "services.GAV",
        ]
    )


def test_a_profile_without_services_is_refused():
    text = MINIMAL[: MINIMAL.index("[[services]]")]
    assert problems_of(text) == ["services: a centre needs at least one service"]


def test_a_malformed_letter_is_not_also_reported_as_a_duplicate():
    problems = problems_of(
        edited(('letter = "S"', 'letter = "ss"'), ('letter = "G"', 'letter = ""'))
    )
    assert sorted(p.split(": ", 1)[0] for p in problems) == [
        "services.GAT.letter",
        "services.SS.letter",
    ]


def test_board_messages_need_portuguese_and_english():
    problems = problems_of(MINIMAL + '\n[[board_messages]]\nes = "Espere, por favor."\n')
    assert sorted(problems) == [
        "board_messages[0]: missing the 'en' text",
        "board_messages[0]: missing the 'pt' text",
    ]


def test_recalls_and_holder_language_speech_default_to_three_and_off():
    profile = parse_profile(MINIMAL)
    assert (profile.max_recalls, profile.speak_holder_language) == (3, False)
    for centre in CENTRES:
        profile = shipped(centre)
        assert (profile.max_recalls, profile.speak_holder_language) == (3, False)


def test_a_centre_sets_its_recall_limit_and_turns_holder_language_speech_on():
    text = MINIMAL + "\n[counters]\nmax_recalls = 2\n\n[board]\nspeak_holder_language = true\n"
    profile = parse_profile(text)
    assert (profile.max_recalls, profile.speak_holder_language) == (2, True)


@pytest.mark.parametrize(
    ("table", "problem"),
    [
        ('[counters]\nmax_recalls = "two"', "counters.max_recalls: expected a whole number"),
        ("[counters]\nmax_recalls = -1", "counters.max_recalls: expected a whole number"),
        ('[board]\nspeak_holder_language = "yes"', "board.speak_holder_language: expected true"),
    ],
)
def test_a_mistyped_counter_or_board_setting_is_named(table, problem):
    problems = problems_of(MINIMAL + "\n" + table + "\n")
    assert any(found.startswith(problem) for found in problems), problems
