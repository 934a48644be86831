"""How the board says a call aloud: numbers in words in European Portuguese and English,
letters by their Portuguese names, counters by their number, and the call text in every
holder language."""

from __future__ import annotations

from pathlib import Path

import pytest

from cnaim_desk.domain.flow import parse_catalogue
from cnaim_desk.domain.holder_text import HolderTexts, parse_holder_texts
from cnaim_desk.domain.languages import LANGUAGE_TAGS
from cnaim_desk.domain.spoken import (
    CALL_TEXT_ID,
    LARGEST_SAID,
    PT_LETTERS,
    counter_number,
    holder_spoken_call,
    number_words,
    spoken_call,
    spoken_code,
    spoken_counter,
)

TEXTS = Path(__file__).resolve().parents[2] / "resources" / "text"


@pytest.fixture(scope="module")
def texts() -> HolderTexts:
    catalogues = {}
    for path in sorted((TEXTS / "translations").glob("*.toml")):
        catalogue, problems = parse_catalogue(path.read_text(encoding="utf-8"), str(path))
        assert problems == []
        catalogues[catalogue.language] = catalogue
    parsed, problems = parse_holder_texts(
        (TEXTS / "holder.toml").read_text(encoding="utf-8"), catalogues
    )
    assert problems == []
    return parsed


# -- numbers in words -------------------------------------------------------------------

NUMBERS = [
    (0, "zero", "zero"),
    (1, "um", "one"),
    (2, "dois", "two"),
    (10, "dez", "ten"),
    (11, "onze", "eleven"),
    (12, "doze", "twelve"),
    (13, "treze", "thirteen"),
    (14, "catorze", "fourteen"),
    (15, "quinze", "fifteen"),
    (16, "dezasseis", "sixteen"),
    (17, "dezassete", "seventeen"),
    (18, "dezoito", "eighteen"),
    (19, "dezanove", "nineteen"),
    (20, "vinte", "twenty"),
    (21, "vinte e um", "twenty-one"),
    (23, "vinte e três", "twenty-three"),
    (99, "noventa e nove", "ninety-nine"),
    (100, "cem", "one hundred"),
    (101, "cento e um", "one hundred and one"),
    (110, "cento e dez", "one hundred and ten"),
    (123, "cento e vinte e três", "one hundred and twenty-three"),
    (200, "duzentos", "two hundred"),
    (555, "quinhentos e cinquenta e cinco", "five hundred and fifty-five"),
    (999, "novecentos e noventa e nove", "nine hundred and ninety-nine"),
    # past the first thousand, as shared reception desks number (slot 1: 1100-1199)
    (1000, "mil", "one thousand"),
    (1001, "mil e um", "one thousand and one"),
    (1100, "mil e cem", "one thousand one hundred"),
    (1123, "mil cento e vinte e três", "one thousand one hundred and twenty-three"),
    (2300, "dois mil e trezentos", "two thousand three hundred"),
]


@pytest.mark.parametrize(("number", "pt", "en"), NUMBERS)
def test_numbers_in_words(number, pt, en):
    assert number_words(number, "pt") == pt
    assert number_words(number, "en") == en


@pytest.mark.parametrize("language", ["pt", "en"])
def test_every_number_of_a_day_has_words_of_its_own(language):
    said = {number_words(n, language) for n in range(1000)}
    assert len(said) == 1000
    assert all(word.strip() == word and "  " not in word for word in said)


@pytest.mark.parametrize("number", [-1, LARGEST_SAID + 1])
def test_numbers_out_of_range_are_refused(number):
    with pytest.raises(ValueError, match="numbers are said"):
        number_words(number, "pt")


@pytest.mark.parametrize("language", ["es", "pt-PT", "", "zh-Hans"])
def test_other_languages_are_not_written_out(language):
    with pytest.raises(ValueError, match="pt and en only"):
        number_words(3, language)
    with pytest.raises(ValueError, match="pt and en only"):
        spoken_call("A023", "C4", language)


# -- codes ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "pt", "en"),
    [
        ("A023", "á vinte e três", "A twenty-three"),
        ("A001", "á um", "A one"),
        ("S100", "ésse cem", "S one hundred"),
        ("B101", "bê cento e um", "B one hundred and one"),
        ("G999", "guê novecentos e noventa e nove", "G nine hundred and ninety-nine"),
        ("H1100", "agá mil e cem", "H one thousand one hundred"),
        ("W007", "dâblio sete", "W seven"),
    ],
)
def test_a_code_is_its_letter_then_its_number_without_leading_zeros(code, pt, en):
    assert spoken_code(code, "pt") == pt
    assert spoken_code(code, "en") == en


def test_every_letter_has_a_portuguese_name_that_is_not_the_bare_letter():
    assert sorted(PT_LETTERS) == [chr(c) for c in range(ord("A"), ord("Z") + 1)]
    assert PT_LETTERS["A"] == "á"  # not "a", the article
    assert PT_LETTERS["E"] == "é"  # not "e", "and"
    assert PT_LETTERS["O"] == "ó"  # not "o", the article


@pytest.mark.parametrize("code", ["", "a023", "AB12", "A", "123", "A-12"])
def test_a_code_of_another_shape_is_said_as_written(code):
    assert spoken_code(code, "pt") == code
    assert spoken_code(code, "en") == code


# -- counters ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("desk", "number"),
    [
        ("C4", "4"),
        ("C12", "12"),
        ("C04", "04"),
        ("Balcão 4", "4"),
        ("4", "4"),
        ("Piso 1, balcão 3", "3"),
        ("Receção", "Receção"),
        (" Atendimento ", "Atendimento"),
    ],
)
def test_the_counter_is_the_number_in_its_id_or_name(desk, number):
    assert counter_number(desk) == number


@pytest.mark.parametrize(
    ("desk", "pt", "en"),
    [
        ("C4", "balcão quatro", "counter four"),
        ("C12", "balcão doze", "counter twelve"),
        ("C04", "balcão quatro", "counter four"),
        ("Balcão 21", "balcão vinte e um", "counter twenty-one"),
        ("0", "balcão zero", "counter zero"),
        ("Receção", "balcão Receção", "counter Receção"),
    ],
)
def test_a_counter_with_a_number_says_it_in_words_else_its_name(desk, pt, en):
    assert spoken_counter(desk, "pt") == pt
    assert spoken_counter(desk, "en") == en


# -- the whole call ---------------------------------------------------------------------


def test_a_call_in_portuguese_and_english():
    assert spoken_call("A023", "C4", "pt") == "Senha á vinte e três, balcão quatro."
    assert spoken_call("A023", "C4", "en") == "Ticket A twenty-three, counter four."
    assert spoken_call("S100", "Balcão 12", "pt") == "Senha ésse cem, balcão doze."
    assert spoken_call("S100", "Balcão 12", "en") == "Ticket S one hundred, counter twelve."


def test_the_call_text_is_in_every_holder_language_with_both_placeholders(texts):
    assert texts.has(CALL_TEXT_ID)
    text = texts.texts[CALL_TEXT_ID]
    for language in LANGUAGE_TAGS:
        assert text.has(language), language
        assert "{code}" in text.values[language], language
        assert "{counter}" in text.values[language], language
        expected = "reviewed" if language in ("pt", "en") else "draft"
        assert text.status[language] == expected, language
    assert texts.problems() == []


@pytest.mark.parametrize("language", LANGUAGE_TAGS)
def test_a_holder_language_call_keeps_the_code_and_counter_for_the_voice(texts, language):
    said = holder_spoken_call(texts, "A023", "C4", language)
    assert "A 23" in said
    assert "4" in said.replace("A 23", "")
    assert "{" not in said
    assert "023" not in said
    if language not in ("pt", "en"):
        assert said != holder_spoken_call(texts, "A023", "C4", "en")


def test_a_holder_language_call_with_a_named_counter(texts):
    assert holder_spoken_call(texts, "B007", "Receção", "es") == "Turno B 7, ventanilla Receção"
