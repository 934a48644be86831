"""The languages a ticket holder can be served in (DESIGN.md, "Words used everywhere")."""

from __future__ import annotations

import unicodedata

import pytest

from cnaim_desk.domain.languages import (
    DEFAULT_LANGUAGE,
    HOLDER_LANGUAGES,
    LANGUAGE_TAGS,
    Script,
    holder_language,
)

# Copied from DESIGN.md's table, in its order: tags are BCP 47 strings used literally.
DESIGN_TAGS = ("pt", "en", "es", "fr", "hi", "ne", "bn", "ur", "pa", "uk", "ru", "ar", "zh-Hans")

# The Unicode character-name prefix of the letters each script is written in.
SCRIPT_LETTER_NAMES = {
    Script.LATIN: "LATIN",
    Script.CYRILLIC: "CYRILLIC",
    Script.ARABIC: "ARABIC",
    Script.DEVANAGARI: "DEVANAGARI",
    Script.BENGALI: "BENGALI",
    Script.GURMUKHI: "GURMUKHI",
    Script.HAN_SIMPLIFIED: "CJK UNIFIED IDEOGRAPH",
}


def test_the_thirteen_tags_are_exactly_those_of_the_design():
    assert LANGUAGE_TAGS == DESIGN_TAGS
    assert len(set(LANGUAGE_TAGS)) == 13


def test_portuguese_is_the_default():
    assert DEFAULT_LANGUAGE == "pt"
    assert DEFAULT_LANGUAGE in LANGUAGE_TAGS


def test_only_urdu_and_arabic_are_right_to_left():
    rtl = {lang.tag for lang in HOLDER_LANGUAGES if lang.right_to_left}
    assert rtl == {"ur", "ar"}


def test_only_urdu_asks_for_nastaliq():
    assert {lang.tag for lang in HOLDER_LANGUAGES if lang.nastaliq} == {"ur"}
    assert holder_language("ur").script is Script.ARABIC


@pytest.mark.parametrize(
    ("tag", "script"),
    [
        ("pt", Script.LATIN),
        ("hi", Script.DEVANAGARI),
        ("ne", Script.DEVANAGARI),
        ("bn", Script.BENGALI),
        ("pa", Script.GURMUKHI),  # DESIGN.md: "Punjabi in Gurmukhi"
        ("uk", Script.CYRILLIC),
        ("ru", Script.CYRILLIC),
        ("ar", Script.ARABIC),
        ("zh-Hans", Script.HAN_SIMPLIFIED),
    ],
)
def test_script_of_each_language(tag, script):
    assert holder_language(tag).script is script


@pytest.mark.parametrize("language", HOLDER_LANGUAGES, ids=lambda lang: lang.tag)
def test_native_name_is_written_in_the_languages_own_script(language):
    prefix = SCRIPT_LETTER_NAMES[language.script]
    letters = [ch for ch in language.native_name if unicodedata.category(ch).startswith("L")]
    assert letters
    assert all(unicodedata.name(ch).startswith(prefix) for ch in letters), language.native_name


@pytest.mark.parametrize("tag", DESIGN_TAGS)
def test_holder_language_finds_every_tag(tag):
    assert holder_language(tag).tag == tag


@pytest.mark.parametrize("tag", ["xx", "pt-BR", "PT", "zh", "zh-hans", ""])
def test_unknown_tag_raises_key_error_naming_the_valid_tags(tag):
    with pytest.raises(KeyError) as caught:
        holder_language(tag)
    message = caught.value.args[0]
    assert repr(tag) in message
    for valid in DESIGN_TAGS:
        assert valid in message
