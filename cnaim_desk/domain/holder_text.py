"""What tickets, slips and the board say to the people waiting, in every holder language.

The Portuguese and English texts are in ``resources/text/holder.toml``
(``[texts.<id>]`` with ``pt`` and ``en``); the other holder languages in
``resources/text/translations/<language>.toml``, by the same ids, each string marked
``reviewed`` or ``draft`` — the same format as the triage flow's translations.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from cnaim_desk.domain.flow import SOURCE_LANGUAGES, Catalogue, FlowProblem, Text
from cnaim_desk.domain.languages import LANGUAGE_TAGS

_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


@dataclass(frozen=True, slots=True)
class HolderTexts:
    """The holder-facing texts, by id, in every language they have."""

    texts: Mapping[str, Text]

    def get(self, text_id: str, language: str, **params: object) -> str:
        """The text in ``language`` (else English, else Portuguese), filled in."""
        return self.texts[text_id].get(language).format(**params)

    def has(self, text_id: str) -> bool:
        return text_id in self.texts

    def problems(self) -> list[FlowProblem]:
        """Missing translations and lost placeholders, as errors."""
        found = []
        for text in self.texts.values():
            wanted = set(_PLACEHOLDER.findall(text.values.get("pt", "")))
            for language in LANGUAGE_TAGS:
                if not text.has(language):
                    found.append(
                        FlowProblem("error", text.id, f"missing the {language!r} translation")
                    )
                elif set(_PLACEHOLDER.findall(text.values[language])) != wanted:
                    found.append(
                        FlowProblem(
                            "error", text.id, f"the {language!r} text must keep {sorted(wanted)}"
                        )
                    )
        return found


def parse_holder_texts(
    source: str, catalogues: Mapping[str, Catalogue], name: str = "holder.toml"
) -> tuple[HolderTexts, list[FlowProblem]]:
    """Read the source texts and merge the translations; returns the texts and the
    problems of the source file itself (a syntax error, a text without pt or en)."""
    try:
        raw = tomllib.loads(source)
    except tomllib.TOMLDecodeError as error:
        return HolderTexts(MappingProxyType({})), [
            FlowProblem("error", "file", f"not valid TOML: {error}", source=name)
        ]
    problems: list[FlowProblem] = []
    texts: dict[str, Text] = {}
    for text_id, values in (raw.get("texts") or {}).items():
        if not isinstance(values, dict) or not all(
            isinstance(values.get(language), str) and values[language].strip()
            for language in SOURCE_LANGUAGES
        ):
            problems.append(
                FlowProblem("error", f"texts.{text_id}", "needs pt and en text", source=name)
            )
            continue
        merged = {language: values[language] for language in SOURCE_LANGUAGES}
        status = dict.fromkeys(SOURCE_LANGUAGES, "reviewed")
        for language, catalogue in catalogues.items():
            if text_id in catalogue.strings:
                merged[language], status[language] = catalogue.strings[text_id]
        texts[text_id] = Text(text_id, MappingProxyType(merged), MappingProxyType(status))
    return HolderTexts(MappingProxyType(texts)), problems
