"""One arrival's triage at the Welcome and Screening desk, step by step.

The session walks the flow: the arrival's language first, then questions until an
outcome, then a summary where extras are added with one key each (legal priority,
interpreter, Children Space, group size, a lawyer, another matter). Every step can be
taken back (:meth:`TriageSession.back`) and every action undone
(:meth:`TriageSession.undo`). What it produces is answers and flags, never names.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from cnaim_desk.domain.admission import TicketRequest
from cnaim_desk.domain.flow import Outcome, Question, TriageFlow
from cnaim_desk.domain.languages import LANGUAGE_TAGS

MAX_GROUP = 9


class TriageStep:
    LANGUAGE = "language"
    QUESTION = "question"
    SUMMARY = "summary"


@dataclass(frozen=True, slots=True)
class Matter:
    """A matter the person came for: where the answers led, and the answers themselves."""

    outcome: Outcome
    answers: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class TriageState:
    """Everything decided so far; immutable, so undo is a stack of states."""

    step: str = TriageStep.LANGUAGE
    language: str | None = None
    node: str | None = None
    answers: tuple[tuple[str, str], ...] = ()
    matters: tuple[Matter, ...] = ()
    priority: str | None = None
    interpreter: str | None = None
    children: bool = False
    group_size: int = 1
    lawyer: str | None = None
    cases: int = 1
    choosing: str | None = None  # an extra waiting for its choice key


@dataclass(frozen=True, slots=True)
class TriageResult:
    """What the triage decided: the services to visit in turn (none for information only)."""

    language: str
    visit: tuple[str, ...]
    outcomes: tuple[Outcome, ...]
    answers: tuple[str, ...]
    priority: str | None
    interpreter: str | None
    children: bool
    group_size: int
    lawyer: str | None
    cases: int

    @property
    def info_only(self) -> bool:
        return not self.visit

    @property
    def info_outcomes(self) -> tuple[Outcome, ...]:
        return tuple(outcome for outcome in self.outcomes if outcome.info_only)

    def ticket_request(self) -> TicketRequest:
        """The ticket this triage asks for: its first service, then the others in turn."""
        if self.info_only:
            raise ValueError("an information-only visit has no ticket")
        return TicketRequest(
            service=self.visit[0],
            visit=self.visit[1:],
            priority=self.priority,
            language=self.language,
            group_size=self.group_size,
            interpreter=self.interpreter,
            children=self.children,
            lawyer=self.lawyer,
            cases=self.cases,
            answers=self.answers,
            outcomes=tuple(outcome.id for outcome in self.outcomes),
        )


class TriageSession:
    """The triage of one arrival over a flow."""

    def __init__(self, flow: TriageFlow):
        self.flow = flow
        self.state = TriageState()
        self._history: list[TriageState] = []

    # -- moving ------------------------------------------------------------------------

    def _go(self, state: TriageState) -> None:
        self._history.append(self.state)
        self.state = state

    def undo(self) -> bool:
        """Take back the last action, whatever it was."""
        if not self._history:
            return False
        self.state = self._history.pop()
        return True

    def back(self) -> bool:
        """Go back to the previous screen (the last question, or the language), taking
        back what was done on this one. While an extra waits for its choice, back only
        cancels that choice."""
        here = self.state
        while self._history:
            self.state = self._history.pop()
            if self.state.choosing is not None:
                continue  # a choice made on the summary is part of the summary
            if here.choosing is not None or self._screen(self.state) != self._screen(here):
                return True
        return False

    @staticmethod
    def _screen(state: TriageState) -> tuple:
        return (state.step, state.node, len(state.matters))

    def choose_language(self, tag: str) -> None:
        if tag not in LANGUAGE_TAGS:
            raise ValueError(f"unknown language {tag!r}")
        state = self.state
        self._go(replace(state, step=TriageStep.QUESTION, language=tag, node=self.flow.start))

    @property
    def question(self) -> Question | None:
        if self.state.step != TriageStep.QUESTION or self.state.node is None:
            return None
        return self.flow.questions.get(self.state.node)

    def answer(self, key: str) -> bool:
        """Answer the current question with ``key``; False if no answer has that key."""
        question = self.question
        chosen = question.answer(key) if question else None
        if chosen is None:
            return False
        state = self.state
        answers = (*state.answers, (question.id, chosen.id))
        outcome = self.flow.outcomes.get(chosen.next)
        if outcome is not None:
            matter = Matter(outcome, answers)
            self._go(
                replace(
                    state,
                    step=TriageStep.SUMMARY,
                    node=None,
                    answers=(),
                    matters=(*state.matters, matter),
                )
            )
        else:
            self._go(replace(state, node=chosen.next, answers=answers))
        return True

    # -- the summary's extras ----------------------------------------------------------

    def extra_for_key(self, key: str) -> str | None:
        for extra in self.flow.extras.values():
            if extra.key == key.upper():
                return extra.name
        return None

    def press_extra(self, name: str) -> None:
        """The key of an extra at the summary: toggles it, or asks for its choice."""
        state = self.state
        if state.step != TriageStep.SUMMARY:
            raise ValueError("extras are added at the summary")
        if name == "children":
            self._go(replace(state, children=not state.children))
        elif name == "another":
            self._go(replace(state, step=TriageStep.QUESTION, node=self.flow.start, choosing=None))
        elif name in ("priority", "interpreter", "group"):
            current = {"priority": state.priority, "interpreter": state.interpreter}.get(name)
            if current is not None:  # pressed again: clear it
                self._go(replace(state, **{name: None}))
            elif name == "group" and state.group_size > 1:
                self._go(replace(state, group_size=1))
            else:
                self._go(replace(state, choosing=name))
        elif name == "lawyer":
            if state.lawyer is not None:
                self._go(replace(state, lawyer=None, cases=1))
            else:
                self._go(replace(state, choosing="lawyer"))
        else:
            raise ValueError(f"unknown extra {name!r}")

    def choose(self, key: str) -> bool:
        """The choice key for the extra being chosen (a priority, an interpreter, a size)."""
        state = self.state
        name = state.choosing
        if name is None:
            return False
        if name == "group":
            if not key.isdecimal() or not 2 <= int(key) <= MAX_GROUP:
                return False
            self._go(replace(state, group_size=int(key), choosing=None))
            return True
        extra = self.flow.extras.get(name)
        choice = extra.choice(key) if extra else None
        if choice is None:
            return False
        self._go(replace(state, choosing=None, **{name: choice.value}))
        return True

    def set_lawyer(self, professional_number: str, cases: int) -> None:
        """A lawyer or representative: their professional number (only ever kept as a
        keyed pseudonym by the journal) and how many cases they bring."""
        number = "".join(professional_number.split()).upper()
        if not number:
            raise ValueError("type the lawyer's professional number")
        if cases < 1:
            raise ValueError("a lawyer brings at least one case")
        self._go(replace(self.state, lawyer=number, cases=cases, choosing=None))

    # -- the result --------------------------------------------------------------------

    @property
    def ready(self) -> bool:
        return self.state.step == TriageStep.SUMMARY and bool(self.state.matters)

    def result(self) -> TriageResult:
        state = self.state
        if not self.ready or state.language is None:
            raise ValueError("the triage is not finished")
        visit: list[str] = []
        for matter in state.matters:
            service = matter.outcome.service
            if service is not None and service not in visit:
                visit.append(service)
        answers = tuple(
            f"{question}:{answer}"
            for matter in state.matters
            for question, answer in matter.answers
        )
        return TriageResult(
            language=state.language,
            visit=tuple(visit),
            outcomes=tuple(matter.outcome for matter in state.matters),
            answers=answers,
            priority=state.priority,
            interpreter=state.interpreter,
            children=state.children,
            group_size=state.group_size,
            lawyer=state.lawyer,
            cases=state.cases,
        )
