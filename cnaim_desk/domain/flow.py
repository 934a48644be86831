"""The triage flow: the questions the Welcome and Screening desk asks, as data.

A centre's flow is a TOML file (``resources/flows/<centre>.toml``) that centre staff edit
by hand. It holds:

- ``start``: the first question;
- ``[questions.<id>]``: a question, its text, and ``[[questions.<id>.answers]]``, each with
  a key, a label and the question or outcome it leads to (``next``);
- ``[outcomes.<id>]``: where a path ends: a ``service`` (a ticket) or ``info = true``
  (information given at the desk, counted, no ticket), with the documents to have ready;
- ``[extras.<name>]``: facts the receptionist may add at the summary with one key each:
  ``priority``, ``interpreter``, ``children``, ``group``, ``lawyer``, ``another`` (a
  further matter for the same person).

Texts are given in Portuguese and English in the flow file itself; the other holder
languages come from shared translation files (``resources/flows/translations/<lang>.toml``)
where each string is marked ``reviewed`` or ``draft``. A flow file may also carry any
language inline, which then wins (that is how a centre corrects a translation for itself).
Every text has an id (``questions.matter``, ``questions.matter.permit``,
``outcomes.aima_renewal.documents.2``...) that the translation files use.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from cnaim_desk.domain.languages import LANGUAGE_TAGS

SOURCE_LANGUAGES = ("pt", "en")
STATUSES = ("reviewed", "draft")
EXTRA_NAMES = ("priority", "interpreter", "children", "group", "lawyer", "another")
PRIORITY_VALUES = ("disability", "elderly", "pregnancy", "infant")
INTERPRETER_VALUES = ("staff", "telephone")
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_KEY = re.compile(r"^[0-9A-Z]$")


@dataclass(frozen=True, slots=True)
class FlowProblem:
    """One thing wrong (or worth a look) in a flow or translation file, with its place."""

    severity: str  # "error" or "warning"
    place: str
    message: str
    line: int | None = None
    source: str = ""

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        prefix = f"{where}: " if where else ""
        return f"{prefix}{self.severity}: {self.place}: {self.message}"


@dataclass(frozen=True, slots=True)
class Text:
    """A string in several languages, each marked reviewed or draft."""

    id: str
    values: Mapping[str, str]
    status: Mapping[str, str] = field(default_factory=dict)

    def get(self, language: str) -> str:
        """The text in ``language``, else English, else Portuguese."""
        return self.values.get(language) or self.values.get("en") or self.values.get("pt", "")

    def has(self, language: str) -> bool:
        return bool(self.values.get(language, "").strip())


@dataclass(frozen=True, slots=True)
class Answer:
    id: str
    key: str
    label: Text
    next: str


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    text: Text
    answers: tuple[Answer, ...]

    def answer(self, key: str) -> Answer | None:
        return next((answer for answer in self.answers if answer.key == key.upper()), None)


@dataclass(frozen=True, slots=True)
class Outcome:
    """The end of a path: a ticket for ``service``, or information only (``service`` None)."""

    id: str
    service: str | None
    text: Text
    documents: tuple[Text, ...] = ()
    frequent: bool = False

    @property
    def info_only(self) -> bool:
        return self.service is None


@dataclass(frozen=True, slots=True)
class ExtraChoice:
    value: str
    key: str
    label: Text


@dataclass(frozen=True, slots=True)
class Extra:
    """A fact added at the summary with one key (``key``), with its choices if any."""

    name: str
    key: str
    text: Text
    choices: tuple[ExtraChoice, ...] = ()

    def choice(self, key: str) -> ExtraChoice | None:
        return next((choice for choice in self.choices if choice.key == key.upper()), None)


@dataclass(frozen=True, slots=True)
class TriageFlow:
    """A centre's triage flow, parsed."""

    centre: str
    start: str
    questions: Mapping[str, Question]
    outcomes: Mapping[str, Outcome]
    extras: Mapping[str, Extra]
    messages: Mapping[str, Text] = field(default_factory=dict)
    source: str = ""

    def node(self, node_id: str) -> Question | Outcome | None:
        return self.questions.get(node_id) or self.outcomes.get(node_id)

    def texts(self) -> Iterator[Text]:
        """Every text of the flow, questions first, in file order."""
        for question in self.questions.values():
            yield question.text
            for answer in question.answers:
                yield answer.label
        for outcome in self.outcomes.values():
            yield outcome.text
            yield from outcome.documents
        for extra in self.extras.values():
            yield extra.text
            for choice in extra.choices:
                yield choice.label
        yield from self.messages.values()


@dataclass(frozen=True, slots=True)
class Catalogue:
    """One language's translations of flow texts: id → (text, status)."""

    language: str
    strings: Mapping[str, tuple[str, str]]
    source: str = ""


class ProblemList:
    """Collects problems with their place and, where it can be found, their line."""

    def __init__(self, source: str, text: str = ""):
        self.source = source
        self.items: list[FlowProblem] = []
        self._lines = text.splitlines()

    def line_of(self, place: str) -> int | None:
        """The line of the table a dotted place lives in (``questions.matter.answers[2]``)."""
        if place.startswith("strings."):  # a translation file: "<text id>" = { ... }
            return self._key_line("[strings]", place.removeprefix("strings."))
        match = re.match(r"^(\w+)\.(\w+)(?:\.(\w+)\[(\d+)\])?", place)
        if not match:  # a key before any table: centre = ..., start = ...
            return self._key_line(None, place)
        section, name, array, index = match.groups()
        header = f"[{section}.{name}]"
        found = None
        for number, line in enumerate(self._lines, start=1):
            if line.strip() == header:
                found = number
                break
        if found is None:  # a key of a plain table: [messages] late = ...
            return self._key_line(f"[{section}]", name)
        if array is None:
            return found
        wanted = int(index)
        seen = -1
        array_header = f"[[{section}.{name}.{array}]]"
        for number, line in enumerate(self._lines[found:], start=found + 1):
            if line.strip() == array_header:
                seen += 1
                if seen == wanted:
                    return number
        return found

    def _key_line(self, header: str | None, key: str) -> int | None:
        inside = header is None  # None: the keys before the first table
        for number, line in enumerate(self._lines, start=1):
            stripped = line.strip()
            if stripped.startswith("["):
                inside = stripped == header
            elif inside and re.match(rf"^({re.escape(key)}|\"{re.escape(key)}\")\s*=", stripped):
                return number
        return None

    def error(self, place: str, message: str) -> None:
        self.items.append(FlowProblem("error", place, message, self.line_of(place), self.source))

    def warning(self, place: str, message: str) -> None:
        self.items.append(FlowProblem("warning", place, message, self.line_of(place), self.source))


def _syntax_problem(error: tomllib.TOMLDecodeError, source: str) -> FlowProblem:
    match = re.search(r"line (\d+)", str(error))
    line = int(match.group(1)) if match else None
    return FlowProblem("error", "file", f"not valid TOML: {error}", line, source)


def parse_catalogue(text: str, source: str = "") -> tuple[Catalogue | None, list[FlowProblem]]:
    """Read a translation file: ``language = "bn"`` and ``[strings]`` of
    ``"<id>" = { text = "...", status = "draft" }``."""
    problems = ProblemList(source, text)
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return None, [_syntax_problem(error, source)]
    language = raw.get("language")
    if language not in LANGUAGE_TAGS or language in SOURCE_LANGUAGES:
        problems.error(
            "language", f"expected a holder language other than pt and en, found {language!r}"
        )
        return None, problems.items
    strings: dict[str, tuple[str, str]] = {}
    for text_id, entry in (raw.get("strings") or {}).items():
        place = f"strings.{text_id}"
        if not isinstance(entry, dict) or not isinstance(entry.get("text"), str):
            problems.error(place, 'expected { text = "...", status = "reviewed" or "draft" }')
            continue
        status = entry.get("status", "draft")
        if status not in STATUSES:
            problems.error(place, f"status must be reviewed or draft, found {status!r}")
            continue
        strings[text_id] = (entry["text"], status)
    return Catalogue(language, MappingProxyType(strings), source), problems.items


class _FlowReader:
    """Turns the raw TOML of a flow into a TriageFlow, collecting problems."""

    def __init__(self, raw: dict, problems: ProblemList, catalogues: Mapping[str, Catalogue]):
        self.raw = raw
        self.problems = problems
        self.catalogues = catalogues

    def text(self, raw: Any, text_id: str, place: str) -> Text:
        values: dict[str, str] = {}
        status: dict[str, str] = {}
        if not isinstance(raw, dict):
            self.problems.error(place, 'expected a table of language = "text"')
            raw = {}
        for language, value in raw.items():
            if language not in LANGUAGE_TAGS:
                self.problems.error(
                    f"{place}.{language}", f"unknown language; use {', '.join(LANGUAGE_TAGS)}"
                )
                continue
            if isinstance(value, dict):  # { text = "...", status = "draft" }
                value, state = value.get("text"), value.get("status", "reviewed")
            else:
                state = "reviewed"
            if not isinstance(value, str) or state not in STATUSES:
                self.problems.error(f"{place}.{language}", "expected text, or { text, status }")
                continue
            values[language], status[language] = value, state
        for language in SOURCE_LANGUAGES:
            if not values.get(language, "").strip():
                self.problems.error(place, f"missing the {language!r} text")
        for language, catalogue in self.catalogues.items():
            if language not in values and text_id in catalogue.strings:
                values[language], status[language] = catalogue.strings[text_id]
        return Text(text_id, MappingProxyType(values), MappingProxyType(status))

    def key(self, raw: Any, place: str) -> str:
        key = str(raw).upper() if raw is not None else ""
        if not _KEY.match(key):
            self.problems.error(f"{place}.key", f"expected one digit or letter, found {raw!r}")
        return key

    def questions(self) -> dict[str, Question]:
        questions: dict[str, Question] = {}
        for question_id, raw in _table(
            self.raw.get("questions"), "questions", self.problems
        ).items():
            place = f"questions.{question_id}"
            if not _ID.match(question_id):
                self.problems.error(place, "an id is lower-case letters, digits and _")
            answers = []
            for index, answer in enumerate(
                _array(raw.get("answers"), f"{place}.answers", self.problems)
            ):
                where = f"{place}.answers[{index}]"
                if not isinstance(answer, dict):
                    self.problems.error(where, f"expected a [[{place}.answers]] table")
                    continue
                answer_id = str(answer.get("id", ""))
                if not _ID.match(answer_id):
                    self.problems.error(f"{where}.id", "an id is lower-case letters, digits and _")
                answers.append(
                    Answer(
                        id=answer_id,
                        key=self.key(answer.get("key"), where),
                        label=self.text(
                            answer.get("label"), f"{place}.{answer_id}", f"{where}.label"
                        ),
                        next=str(answer.get("next", "")),
                    )
                )
            text = self.text(raw.get("text"), place, f"{place}.text")
            questions[question_id] = Question(question_id, text, tuple(answers))
        return questions

    def outcomes(self) -> dict[str, Outcome]:
        outcomes: dict[str, Outcome] = {}
        for outcome_id, raw in _table(self.raw.get("outcomes"), "outcomes", self.problems).items():
            place = f"outcomes.{outcome_id}"
            service = raw.get("service")
            info = bool(raw.get("info", False))
            if (service is None) == (not info):
                self.problems.error(place, "an outcome has either a service or info = true")
            documents = tuple(
                self.text(document, f"{place}.documents.{index}", f"{place}.documents[{index}]")
                for index, document in enumerate(
                    _array(raw.get("documents"), f"{place}.documents", self.problems)
                )
            )
            outcomes[outcome_id] = Outcome(
                id=outcome_id,
                service=str(service) if service is not None else None,
                text=self.text(raw.get("text"), place, f"{place}.text"),
                documents=documents,
                frequent=bool(raw.get("frequent", False)),
            )
        return outcomes

    def extras(self) -> dict[str, Extra]:
        extras: dict[str, Extra] = {}
        for name, raw in _table(self.raw.get("extras"), "extras", self.problems).items():
            place = f"extras.{name}"
            if name not in EXTRA_NAMES:
                self.problems.error(place, f"unknown extra; use {', '.join(EXTRA_NAMES)}")
                continue
            choices = []
            for index, choice in enumerate(
                _array(raw.get("choices"), f"{place}.choices", self.problems)
            ):
                if not isinstance(choice, dict):
                    self.problems.error(
                        f"{place}.choices[{index}]", f"expected a [[{place}.choices]] table"
                    )
                    continue
                choices.append(
                    ExtraChoice(
                        value=str(choice.get("value", "")),
                        key=self.key(choice.get("key"), f"{place}.choices[{index}]"),
                        label=self.text(
                            choice.get("label"),
                            f"{place}.{choice.get('value', index)}",
                            f"{place}.choices[{index}].label",
                        ),
                    )
                )
            allowed = {"priority": PRIORITY_VALUES, "interpreter": INTERPRETER_VALUES}.get(name)
            if allowed is not None and sorted(c.value for c in choices) != sorted(allowed):
                self.problems.error(
                    f"{place}.choices", f"the choices of {name} are {', '.join(allowed)}"
                )
            extras[name] = Extra(
                name=name,
                key=self.key(raw.get("key"), place),
                text=self.text(raw.get("text"), place, f"{place}.text"),
                choices=tuple(choices),
            )
        return extras

    def messages(self) -> dict[str, Text]:
        return {
            name: self.text(raw, f"messages.{name}", f"messages.{name}")
            for name, raw in _table(self.raw.get("messages"), "messages", self.problems).items()
        }


def _array(raw: Any, place: str, problems: ProblemList) -> list[Any]:
    """A list from the file (answers, choices, documents); anything else is a problem."""
    if raw is None:
        return []
    if not isinstance(raw, list):
        problems.error(place, f"expected a list of tables, e.g. [[{place}]] (two brackets)")
        return []
    return raw


def _table(raw: Any, place: str, problems: ProblemList) -> dict[str, Any]:
    if raw is None:
        return {}
    if not isinstance(raw, dict) or not all(isinstance(value, dict) for value in raw.values()):
        problems.error(place, "expected tables such as [" + place + ".<id>]")
        return {}
    return raw


def parse_flow(
    text: str, source: str = "", catalogues: Mapping[str, Catalogue] | None = None
) -> tuple[TriageFlow | None, list[FlowProblem]]:
    """Read a flow file; returns the flow (``None`` if it cannot be read at all) and every
    problem of its own content. Graph checks are :func:`cnaim_desk.domain.flow_check.check_flow`."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return None, [_syntax_problem(error, source)]
    problems = ProblemList(source, text)
    reader = _FlowReader(raw, problems, catalogues or {})
    centre = raw.get("centre")
    if not isinstance(centre, str):
        problems.error("centre", 'name the centre this flow is for, e.g. centre = "lisboa"')
    start = raw.get("start")
    if not isinstance(start, str):
        problems.error("start", 'name the first question, e.g. start = "matter"')
    flow = TriageFlow(
        centre=centre if isinstance(centre, str) else "",
        start=start if isinstance(start, str) else "",
        questions=MappingProxyType(reader.questions()),
        outcomes=MappingProxyType(reader.outcomes()),
        extras=MappingProxyType(reader.extras()),
        messages=MappingProxyType(reader.messages()),
        source=source,
    )
    clash = set(flow.questions) & set(flow.outcomes)
    for node_id in sorted(clash):
        problems.error(f"outcomes.{node_id}", "a question has the same id")
    return flow, problems.items
