"""One arrival's triage, step by step (triage.py): the language, the questions, then the
summary where extras are added with one key each. ``back`` returns to the previous screen
taking back what was done on this one; ``undo`` takes back exactly the last action."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnaim_desk.domain.flow import TriageFlow, parse_flow
from cnaim_desk.domain.triage import MAX_GROUP, TriageSession, TriageState, TriageStep

FLOW_TEXT = """\
centre = "lisboa"
start = "matter"

[questions.matter]
text = { pt = "Qual é o assunto?", en = "What is the matter?" }

[[questions.matter.answers]]
key = "1"
id = "permit"
label = { pt = "Autorização de residência", en = "Residence permit" }
next = "permit"

[[questions.matter.answers]]
key = "2"
id = "niss"
label = { pt = "Segurança Social", en = "Social Security" }
next = "ss_niss"

[[questions.matter.answers]]
key = "I"
id = "info"
label = { pt = "Só uma informação", en = "Information only" }
next = "info_general"

[questions.permit]
text = { pt = "Que pedido?", en = "Which request?" }

[[questions.permit.answers]]
key = "1"
id = "renewal"
label = { pt = "Renovar", en = "Renew" }
next = "aima_renewal"

[[questions.permit.answers]]
key = "5"
id = "pending"
label = { pt = "Processo pendente", en = "Pending application" }
next = "info_aima"

[outcomes.aima_renewal]
service = "AIMA"
text = { pt = "AIMA — renovação", en = "AIMA — renewal" }

[outcomes.ss_niss]
service = "SS"
text = { pt = "Segurança Social — NISS", en = "Social Security — NISS" }

[outcomes.info_general]
info = true
text = { pt = "Informação", en = "Information" }

[outcomes.info_aima]
info = true
text = { pt = "Informação da AIMA", en = "AIMA information" }

[extras.priority]
key = "P"
text = { pt = "Prioridade?", en = "Priority?" }
choices = [
  { value = "disability", key = "1", label = { pt = "Deficiência", en = "Disability" } },
  { value = "elderly", key = "2", label = { pt = "Idade", en = "Age" } },
  { value = "pregnancy", key = "3", label = { pt = "Gravidez", en = "Pregnancy" } },
  { value = "infant", key = "4", label = { pt = "Criança de colo", en = "Infant" } },
]

[extras.interpreter]
key = "I"
text = { pt = "Intérprete?", en = "Interpreter?" }
choices = [
  { value = "staff", key = "1", label = { pt = "Técnico", en = "Staff" } },
  { value = "telephone", key = "2", label = { pt = "Telefone", en = "Telephone" } },
]

[extras.children]
key = "C"
text = { pt = "Crianças?", en = "Children?" }

[extras.group]
key = "G"
text = { pt = "Quantas pessoas?", en = "How many people?" }

[extras.lawyer]
key = "L"
text = { pt = "Advogado?", en = "Lawyer?" }

[extras.another]
key = "M"
text = { pt = "Outro assunto?", en = "Another matter?" }
"""


def _flow() -> TriageFlow:
    flow, problems = parse_flow(FLOW_TEXT)
    assert problems == []
    return flow


FLOW = _flow()


def session_at(*keys: str, language: str = "bn") -> TriageSession:
    session = TriageSession(FLOW)
    session.choose_language(language)
    for key in keys:
        assert session.answer(key), key
    return session


def at_summary() -> TriageSession:
    """AIMA renewal chosen: 1, 1."""
    session = session_at("1", "1")
    assert session.state.step == TriageStep.SUMMARY
    return session


# -- the steps ---------------------------------------------------------------------------------


def test_a_session_starts_at_the_language_with_nothing_decided():
    session = TriageSession(FLOW)
    assert session.state == TriageState()
    assert session.state.step == TriageStep.LANGUAGE
    assert session.question is None
    assert not session.ready
    assert not session.back()
    assert not session.undo()
    with pytest.raises(ValueError, match="not finished"):
        session.result()


def test_the_language_leads_to_the_first_question():
    session = TriageSession(FLOW)
    session.choose_language("zh-Hans")
    assert session.state.language == "zh-Hans"
    assert session.state.step == TriageStep.QUESTION
    assert session.question is FLOW.questions["matter"]


def test_an_unknown_language_is_refused():
    session = TriageSession(FLOW)
    with pytest.raises(ValueError, match="'zh'"):
        session.choose_language("zh")
    assert session.state == TriageState()


def test_answers_lead_to_the_next_question_then_to_the_summary():
    session = session_at("1")
    assert session.question is FLOW.questions["permit"]
    assert session.state.answers == (("matter", "permit"),)
    assert session.answer("1")
    assert session.state.step == TriageStep.SUMMARY
    assert session.question is None
    assert session.ready
    assert [m.outcome.id for m in session.state.matters] == ["aima_renewal"]
    assert session.state.matters[0].answers == (("matter", "permit"), ("permit", "renewal"))


def test_a_key_no_answer_has_changes_nothing():
    session = session_at("1")
    before = session.state
    assert not session.answer("9")
    assert session.state is before
    assert session.undo()  # the last action is still the first answer
    assert session.question is FLOW.questions["matter"]


def test_letter_keys_are_read_in_either_case():
    session = session_at("i")
    assert session.result().outcomes == (FLOW.outcomes["info_general"],)


def test_result_before_the_summary_is_refused():
    for keys in ((), ("1",)):
        with pytest.raises(ValueError, match="not finished"):
            session_at(*keys).result()


def test_answering_at_the_summary_does_nothing():
    session = at_summary()
    assert not session.answer("1")
    assert len(session.state.matters) == 1


# -- back and undo -----------------------------------------------------------------------------


def test_back_goes_to_the_previous_question_taking_back_its_answer():
    session = session_at("1")
    assert session.back()
    assert session.question is FLOW.questions["matter"]
    assert session.state.answers == ()
    assert session.back()
    assert session.state.step == TriageStep.LANGUAGE
    assert session.state.language is None
    assert not session.back()


def test_back_from_the_summary_takes_back_everything_done_there():
    session = at_summary()
    session.press_extra("children")
    session.press_extra("priority")
    session.choose("3")
    session.press_extra("group")
    session.choose("4")
    assert session.back()
    assert session.state.step == TriageStep.QUESTION
    assert session.question is FLOW.questions["permit"]
    assert session.state.matters == ()
    assert session.state.children is False
    assert session.state.priority is None
    assert session.state.group_size == 1
    assert session.state.answers == (("matter", "permit"),)


def test_back_from_the_summary_skips_the_choices_made_there():
    session = at_summary()
    for extra, key in (("priority", "1"), ("group", "2"), ("interpreter", "1")):
        session.press_extra(extra)
        session.choose(key)
    assert session.back()
    assert session.question is FLOW.questions["permit"]
    assert session.state.choosing is None
    assert (session.state.priority, session.state.interpreter) == (None, None)


def test_another_matter_drops_a_pending_choice():
    session = at_summary()
    session.press_extra("priority")
    session.press_extra("another")
    assert session.state.choosing is None
    session.answer("2")
    assert session.state.choosing is None
    assert not session.choose("1")


def test_back_from_a_choice_returns_to_the_summary():
    session = at_summary()
    session.press_extra("children")
    session.press_extra("priority")
    assert session.state.choosing == "priority"
    assert session.back()
    assert session.state.step == TriageStep.SUMMARY
    assert session.state.choosing is None
    assert session.state.children is True  # done on the summary, not on the choice


def test_back_from_another_matter_returns_to_the_summary():
    session = at_summary()
    session.press_extra("another")
    assert session.question is FLOW.questions["matter"]
    assert session.back()
    assert session.state.step == TriageStep.SUMMARY
    assert len(session.state.matters) == 1


def test_undo_takes_back_exactly_the_last_action():
    session = at_summary()
    session.press_extra("children")
    session.press_extra("priority")
    session.choose("3")
    assert session.state.priority == "pregnancy"
    assert session.undo()
    assert session.state.priority is None
    assert session.state.choosing == "priority"
    assert session.undo()
    assert session.state.choosing is None
    assert session.state.children is True
    assert session.undo()
    assert session.state.children is False
    assert session.state.step == TriageStep.SUMMARY
    assert session.undo()
    assert session.question is FLOW.questions["permit"]


def test_undo_after_back_goes_further_back():
    session = session_at("1")
    session.back()
    assert session.undo()
    assert session.state.step == TriageStep.LANGUAGE


# -- the extras --------------------------------------------------------------------------------


def test_extras_are_found_by_their_key():
    assert [TriageSession(FLOW).extra_for_key(k) for k in "picgLm"] == [
        "priority",
        "interpreter",
        "children",
        "group",
        "lawyer",
        "another",
    ]
    assert TriageSession(FLOW).extra_for_key("Z") is None


def test_extras_are_only_for_the_summary():
    session = session_at("1")
    with pytest.raises(ValueError, match="summary"):
        session.press_extra("children")
    with pytest.raises(ValueError, match="unknown extra"):
        at_summary().press_extra("pets")


@pytest.mark.parametrize(
    ("name", "key", "value"),
    [
        ("priority", "1", "disability"),
        ("priority", "4", "infant"),
        ("interpreter", "1", "staff"),
        ("interpreter", "2", "telephone"),
    ],
)
def test_priority_and_interpreter_need_a_choice_and_pressing_again_clears(name, key, value):
    session = at_summary()
    session.press_extra(name)
    assert session.state.choosing == name
    assert getattr(session.state, name) is None
    assert not session.choose("9")  # no such choice
    assert session.state.choosing == name
    assert session.choose(key)
    assert getattr(session.state, name) == value
    assert session.state.choosing is None
    session.press_extra(name)
    assert getattr(session.state, name) is None
    assert session.state.choosing is None  # cleared, not asked again


def test_choose_without_an_extra_waiting_does_nothing():
    session = at_summary()
    assert not session.choose("1")
    assert session.undo()  # nothing was recorded: the answer is what is undone
    assert session.state.step == TriageStep.QUESTION


def test_children_toggles():
    session = at_summary()
    session.press_extra("children")
    assert session.state.children is True
    session.press_extra("children")
    assert session.state.children is False


@pytest.mark.parametrize("size", range(2, MAX_GROUP + 1))
def test_a_group_takes_two_to_nine(size):
    session = at_summary()
    session.press_extra("group")
    assert session.state.choosing == "group"
    assert session.choose(str(size))
    assert session.state.group_size == size
    assert session.state.choosing is None
    assert session.result().group_size == size


@pytest.mark.parametrize("key", ["0", "1", "10", "X", "", "-2", "²", " 3"])
def test_a_group_refuses_other_sizes(key):
    session = at_summary()
    session.press_extra("group")
    assert not session.choose(key)
    assert session.state.group_size == 1
    assert session.state.choosing == "group"


def test_pressing_group_again_goes_back_to_one_person():
    session = at_summary()
    session.press_extra("group")
    session.choose("5")
    session.press_extra("group")
    assert session.state.group_size == 1
    assert session.state.choosing is None


def test_a_lawyer_is_set_with_a_normalised_number_and_cases():
    session = at_summary()
    session.press_extra("lawyer")
    assert session.state.choosing == "lawyer"
    assert not session.choose("1")  # the number is typed, not chosen
    session.set_lawyer(" 12 345p ", 2)
    assert session.state.lawyer == "12345P"
    assert session.state.cases == 2
    assert session.state.choosing is None
    result = session.result()
    assert (result.lawyer, result.cases) == ("12345P", 2)
    session.press_extra("lawyer")
    assert session.state.lawyer is None
    assert session.state.cases == 1


@pytest.mark.parametrize(("number", "cases"), [("", 1), ("   ", 1), ("1234P", 0), ("1234P", -1)])
def test_a_lawyer_needs_a_number_and_at_least_one_case(number, cases):
    session = at_summary()
    with pytest.raises(ValueError, match=r"professional number|at least one case"):
        session.set_lawyer(number, cases)
    assert session.state.lawyer is None
    assert session.state.cases == 1


def test_every_extra_reaches_the_result():
    session = at_summary()
    session.press_extra("priority")
    session.choose("2")
    session.press_extra("interpreter")
    session.choose("2")
    session.press_extra("children")
    session.press_extra("group")
    session.choose("3")
    result = session.result()
    assert result.language == "bn"
    assert result.priority == "elderly"
    assert result.interpreter == "telephone"
    assert result.children is True
    assert result.group_size == 3
    assert result.lawyer is None
    assert result.cases == 1


# -- several matters, information only ---------------------------------------------------------


def test_another_matter_loops_to_the_first_question():
    session = at_summary()
    session.press_extra("children")
    session.press_extra("another")
    assert session.state.step == TriageStep.QUESTION
    assert session.question is FLOW.questions["matter"]
    assert session.state.answers == ()
    assert not session.ready
    session.answer("2")
    assert session.state.step == TriageStep.SUMMARY
    assert session.state.children is True  # kept across matters
    assert [m.outcome.id for m in session.state.matters] == ["aima_renewal", "ss_niss"]


def test_the_visit_lists_services_in_order_without_duplicates():
    session = session_at("2")  # SS
    for keys in (("1", "1"), ("2",), ("1", "1")):  # AIMA, SS again, AIMA again
        session.press_extra("another")
        for key in keys:
            session.answer(key)
    result = session.result()
    assert result.visit == ("SS", "AIMA")
    assert [o.id for o in result.outcomes] == ["ss_niss", "aima_renewal", "ss_niss", "aima_renewal"]
    assert result.answers == (
        "matter:niss",
        "matter:permit",
        "permit:renewal",
        "matter:niss",
        "matter:permit",
        "permit:renewal",
    )
    assert not result.info_only
    assert result.info_outcomes == ()


def test_an_information_only_outcome_gives_no_visit():
    result = session_at("1", "5").result()
    assert result.info_only
    assert result.visit == ()
    assert result.info_outcomes == (FLOW.outcomes["info_aima"],)


def test_information_and_a_service_give_the_service_and_the_information():
    session = session_at("I")
    session.press_extra("another")
    session.answer("2")
    result = session.result()
    assert not result.info_only
    assert result.visit == ("SS",)
    assert result.info_outcomes == (FLOW.outcomes["info_general"],)
    assert result.outcomes == (FLOW.outcomes["info_general"], FLOW.outcomes["ss_niss"])


# -- any sequence of actions -------------------------------------------------------------------

ACTIONS = st.lists(
    st.one_of(
        st.tuples(st.just("language"), st.sampled_from(["pt", "en", "ar"])),
        st.tuples(st.just("answer"), st.sampled_from(list("125I9"))),
        st.tuples(
            st.just("extra"),
            st.sampled_from(["priority", "interpreter", "children", "group", "lawyer", "another"]),
        ),
        st.tuples(st.just("choose"), st.sampled_from(list("12349X"))),
        st.tuples(st.just("lawyer"), st.integers(0, 3)),
        st.tuples(st.just("back"), st.none()),
        st.tuples(st.just("undo"), st.none()),
    ),
    max_size=25,
)


def act(session: TriageSession, action: str, value) -> None:
    state = session.state
    if action == "language" and state.step == TriageStep.LANGUAGE:
        session.choose_language(value)
    elif action == "answer":
        session.answer(value)
    elif action == "extra" and state.step == TriageStep.SUMMARY and not state.choosing:
        session.press_extra(value)
    elif action == "choose":
        session.choose(value)
    elif action == "lawyer" and state.choosing == "lawyer":
        if value < 1:
            with pytest.raises(ValueError, match="at least one case"):
                session.set_lawyer("P 123", value)
        else:
            session.set_lawyer("P 123", value)
    elif action == "back":
        session.back()
    elif action == "undo":
        session.undo()


@settings(max_examples=150, deadline=None)
@given(ACTIONS)
def test_any_actions_keep_the_session_consistent_and_all_can_be_undone(actions):
    session = TriageSession(FLOW)
    for action, value in actions:
        act(session, action, value)
        state = session.state
        assert 1 <= state.group_size <= MAX_GROUP
        assert state.cases >= 1
        assert (state.step == TriageStep.LANGUAGE) == (state.language is None)
        if state.step == TriageStep.QUESTION:
            assert state.node in FLOW.questions
        if state.step == TriageStep.SUMMARY:
            assert state.matters
            result = session.result()
            assert len(set(result.visit)) == len(result.visit)
            assert result.info_only == all(o.info_only for o in result.outcomes)
    while session.undo():
        pass
    assert session.state == TriageState()


def screen(state: TriageState) -> tuple:
    return (state.step, state.node, len(state.matters))


@settings(max_examples=100, deadline=None)
@given(ACTIONS)
def test_back_lands_on_the_previous_screen_with_no_choice_pending(actions):
    session = TriageSession(FLOW)
    for action, value in actions:
        act(session, action, value)
    here = session.state
    if session.back():
        assert session.state.choosing is None
        if here.choosing is not None:  # a pending choice is cancelled, nothing else
            assert screen(session.state) == screen(here)
        else:
            assert screen(session.state) != screen(here)
    else:
        assert session.state == TriageState()
