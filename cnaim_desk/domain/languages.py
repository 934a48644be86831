"""The languages a ticket holder can be served in (DESIGN.md, "Words used everywhere").

Tags are BCP 47 strings used literally: never round-trip them through QLocale, which
reads ``pt`` as Brazilian Portuguese and turns ``zh-Hans`` into ``zh``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Script(StrEnum):
    """ISO 15924 script codes of the holder languages."""

    LATIN = "Latn"
    CYRILLIC = "Cyrl"
    ARABIC = "Arab"
    DEVANAGARI = "Deva"
    BENGALI = "Beng"
    GURMUKHI = "Guru"
    HAN_SIMPLIFIED = "Hans"


@dataclass(frozen=True, slots=True)
class HolderLanguage:
    """A language offered to arrivals, named in its own script.

    ``nastaliq`` marks Urdu, whose readers expect the Nastaliq style of Arabic script
    rather than the Naskh style used for Arabic itself.
    """

    tag: str
    native_name: str
    english_name: str
    script: Script
    right_to_left: bool = False
    nastaliq: bool = False


HOLDER_LANGUAGES: tuple[HolderLanguage, ...] = (
    HolderLanguage("pt", "Português", "Portuguese", Script.LATIN),
    HolderLanguage("en", "English", "English", Script.LATIN),
    HolderLanguage("es", "Español", "Spanish", Script.LATIN),
    HolderLanguage("fr", "Français", "French", Script.LATIN),
    HolderLanguage("hi", "हिन्दी", "Hindi", Script.DEVANAGARI),
    HolderLanguage("ne", "नेपाली", "Nepali", Script.DEVANAGARI),
    HolderLanguage("bn", "বাংলা", "Bengali", Script.BENGALI),
    HolderLanguage("ur", "اردو", "Urdu", Script.ARABIC, right_to_left=True, nastaliq=True),
    HolderLanguage("pa", "ਪੰਜਾਬੀ", "Punjabi (Gurmukhi)", Script.GURMUKHI),
    HolderLanguage("uk", "Українська", "Ukrainian", Script.CYRILLIC),
    HolderLanguage("ru", "Русский", "Russian", Script.CYRILLIC),
    HolderLanguage("ar", "العربية", "Arabic", Script.ARABIC, right_to_left=True),
    HolderLanguage("zh-Hans", "简体中文", "Chinese (Simplified)", Script.HAN_SIMPLIFIED),
)

LANGUAGE_TAGS: tuple[str, ...] = tuple(lang.tag for lang in HOLDER_LANGUAGES)
DEFAULT_LANGUAGE = "pt"

_BY_TAG = {lang.tag: lang for lang in HOLDER_LANGUAGES}


def holder_language(tag: str) -> HolderLanguage:
    """Return the holder language for ``tag``; raise ``KeyError`` naming the valid tags."""
    try:
        return _BY_TAG[tag]
    except KeyError:
        raise KeyError(
            f"unknown language {tag!r}; use one of: {', '.join(LANGUAGE_TAGS)}"
        ) from None
