"""Checking a triage flow against its centre, and listing its paths (``cnaim-desk flow
check`` and ``flow paths``)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from cnaim_desk.domain.centres import CentreProfile
from cnaim_desk.domain.flow import (
    SOURCE_LANGUAGES,
    Answer,
    FlowProblem,
    Outcome,
    ProblemList,
    Question,
    TriageFlow,
)
from cnaim_desk.domain.languages import LANGUAGE_TAGS

_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")

#: A frequent matter must reach its ticket in at most this many answers: with the
#: language first and the summary's Enter last, that is four key presses.
FREQUENT_MAX_ANSWERS = 2


@dataclass(frozen=True, slots=True)
class FlowPath:
    """One way through the flow: the answers given, and where they lead."""

    steps: tuple[tuple[Question, Answer], ...]
    outcome: Outcome

    def describe(self, language: str = "pt") -> str:
        answers = " → ".join(answer.label.get(language) for _, answer in self.steps)
        keys = "".join(answer.key for _, answer in self.steps)
        where = self.outcome.service or "information only"
        return f"[{keys}] {answers} ⇒ {self.outcome.id} ({where})"


@dataclass(frozen=True, slots=True)
class LanguageCoverage:
    language: str
    total: int
    translated: int
    reviewed: int


def paths(flow: TriageFlow) -> list[FlowPath]:
    """Every path from the first question to an outcome (cycles are not followed)."""
    found: list[FlowPath] = []

    def walk(node_id: str, steps: tuple, seen: frozenset[str]) -> None:
        question = flow.questions.get(node_id)
        if question is None:
            return
        for answer in question.answers:
            step = (*steps, (question, answer))
            if answer.next in flow.outcomes:
                found.append(FlowPath(step, flow.outcomes[answer.next]))
            elif answer.next not in seen:
                walk(answer.next, step, seen | {answer.next})

    walk(flow.start, (), frozenset({flow.start}))
    return found


def coverage(flow: TriageFlow) -> list[LanguageCoverage]:
    """How much of the flow each holder language has, and how much of it is reviewed."""
    texts = list(flow.texts())
    return [
        LanguageCoverage(
            language,
            len(texts),
            sum(1 for text in texts if text.has(language)),
            sum(
                1
                for text in texts
                if text.has(language) and text.status.get(language) == "reviewed"
            ),
        )
        for language in LANGUAGE_TAGS
    ]


def _cycles(flow: TriageFlow) -> Iterator[list[str]]:
    colour: dict[str, int] = {}  # 1 on the current path, 2 finished

    def visit(node_id: str, path: list[str]) -> Iterator[list[str]]:
        colour[node_id] = 1
        for answer in flow.questions[node_id].answers:
            target = answer.next
            if target not in flow.questions:
                continue
            if colour.get(target) == 1:
                yield [*path[path.index(target) :], target]
            elif target not in colour:
                yield from visit(target, [*path, target])
        colour[node_id] = 2

    for question_id in flow.questions:
        if question_id not in colour:
            yield from visit(question_id, [question_id])


def check_flow(flow: TriageFlow, profile: CentreProfile, text: str = "") -> list[FlowProblem]:
    """Every problem of the flow as a whole: unknown, unreachable and dead-end nodes,
    cycles, services the centre lacks, missing translations (errors); translations that
    only repeat the Portuguese or English, and frequent matters too deep (warnings)."""
    problems = ProblemList(flow.source, text)
    if flow.centre and flow.centre != profile.id:
        problems.error(
            "centre", f"this flow is for {flow.centre!r}, checked against {profile.id!r}"
        )
    if flow.start and flow.start not in flow.questions:
        problems.error("start", f"{flow.start!r} is not a question of this flow")

    for question in flow.questions.values():
        place = f"questions.{question.id}"
        if not question.answers:
            problems.error(place, "dead end: a question with no answers")
        for key, count in Counter(answer.key for answer in question.answers).items():
            if count > 1 and key:
                problems.error(place, f"the key {key} answers {count} ways")
        for answer_id, count in Counter(answer.id for answer in question.answers).items():
            if count > 1:
                problems.error(place, f"the answer id {answer_id!r} is used {count} times")
        for index, answer in enumerate(question.answers):
            if not answer.next:
                problems.error(
                    f"{place}.answers[{index}]", "dead end: the answer leads nowhere (next)"
                )
            elif flow.node(answer.next) is None:
                problems.error(
                    f"{place}.answers[{index}]",
                    f"next = {answer.next!r}: no such question or outcome",
                )

    for cycle in _cycles(flow):
        problems.error(f"questions.{cycle[0]}", "cycle: " + " → ".join(cycle))

    reachable = {flow.start} if flow.start in flow.questions else set()
    frontier = list(reachable)
    while frontier:
        for answer in flow.questions[frontier.pop()].answers:
            if answer.next not in reachable and flow.node(answer.next) is not None:
                reachable.add(answer.next)
                if answer.next in flow.questions:
                    frontier.append(answer.next)
    for question_id in flow.questions:
        if question_id not in reachable:
            problems.error(f"questions.{question_id}", "unreachable from the first question")
    for outcome in flow.outcomes.values():
        place = f"outcomes.{outcome.id}"
        if outcome.id not in reachable:
            problems.error(place, "unreachable from the first question")
        if outcome.service is not None and not profile.has_service(outcome.service):
            problems.error(place, f"routed to {outcome.service}, which this centre does not offer")

    shortest: dict[str, int] = {}
    for path in paths(flow):
        depth = len(path.steps)
        shortest[path.outcome.id] = min(depth, shortest.get(path.outcome.id, depth))
    frequent = [o for o in flow.outcomes.values() if o.frequent]
    for outcome in frequent:
        if shortest.get(outcome.id, 0) > FREQUENT_MAX_ANSWERS:
            problems.warning(
                f"outcomes.{outcome.id}",
                f"a frequent matter {shortest[outcome.id]} answers deep: more than four keys",
            )

    for text in flow.texts():
        place = _place_of(text.id)
        wanted = set(_PLACEHOLDER.findall(text.values.get("pt", "")))
        english = text.values.get("en", "")
        if text.has("en") and set(_PLACEHOLDER.findall(english)) != wanted:
            problems.error(
                place,
                f"the 'en' text of {text.id} must keep "
                + (", ".join(sorted(wanted)) or "no {placeholders}"),
            )
        for language in LANGUAGE_TAGS:
            if language in SOURCE_LANGUAGES:
                continue
            if not text.has(language):
                problems.error(place, f"missing the {language!r} translation of {text.id}")
                continue
            value = text.values[language].strip()
            if set(_PLACEHOLDER.findall(value)) != wanted:
                problems.error(
                    place,
                    f"the {language!r} translation of {text.id} must keep "
                    + (", ".join(sorted(wanted)) or "no {placeholders}"),
                )
            for source in SOURCE_LANGUAGES:
                if value == text.values.get(source, "").strip() and len(value) > 3:
                    problems.warning(
                        place,
                        f"the {language!r} translation of {text.id} repeats the {source!r} text",
                    )
    return problems.items


def _place_of(text_id: str) -> str:
    """Where a text lives, as far as a line can be found for it (its table)."""
    parts = text_id.split(".")
    return ".".join(parts[:2])
