"""Checking a hand-edited triage flow (``cnaim-desk flow check``).

Every problem is listed at once, each with its place in the file and, where the file has
it, its line. :func:`parse_flow` and :func:`parse_catalogue` report problems of content
(syntax, texts, keys, ids); :func:`check_flow` those of the flow as a whole (the graph,
the centre's services, the translations). Each test starts from a small valid flow and
breaks one thing.
"""

from __future__ import annotations

import pytest

from cnaim_desk.domain.centres import parse_profile
from cnaim_desk.domain.flow import (
    Catalogue,
    FlowProblem,
    TriageFlow,
    parse_catalogue,
    parse_flow,
)
from cnaim_desk.domain.flow_check import FREQUENT_MAX_ANSWERS, check_flow, paths
from cnaim_desk.domain.languages import LANGUAGE_TAGS

TRANSLATED = tuple(tag for tag in LANGUAGE_TAGS if tag not in ("pt", "en"))

FLOW = """\
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
key = "I"
id = "info"
label = { pt = "Só uma informação", en = "Information only" }
next = "info_general"

[questions.permit]
text = { pt = "Que pedido?", en = "Which request?" }

[[questions.permit.answers]]
key = "1"
id = "renewal"
label = { pt = "Renovar a autorização", en = "Renew the permit" }
next = "aima_renewal"

[[questions.permit.answers]]
key = "2"
id = "niss"
label = { pt = "Número de Segurança Social", en = "Social Security number" }
next = "ss_niss"

[outcomes.aima_renewal]
service = "AIMA"
frequent = true
text = { pt = "AIMA — renovação", en = "AIMA — renewal" }
documents = [
  { pt = "Passaporte válido", en = "Valid passport" },
]

[outcomes.ss_niss]
service = "SS"
text = { pt = "Segurança Social — NISS", en = "Social Security — NISS" }

[outcomes.info_general]
info = true
text = { pt = "Informação dada no balcão", en = "Information given at the desk" }

[extras.priority]
key = "P"
text = { pt = "Prioridade?", en = "Priority?" }

[[extras.priority.choices]]
value = "disability"
key = "1"
label = { pt = "Deficiência", en = "Disability" }

[[extras.priority.choices]]
value = "elderly"
key = "2"
label = { pt = "Idade", en = "Age" }

[[extras.priority.choices]]
value = "pregnancy"
key = "3"
label = { pt = "Gravidez", en = "Pregnancy" }

[[extras.priority.choices]]
value = "infant"
key = "4"
label = { pt = "Criança de colo", en = "Infant" }

[extras.children]
key = "C"
text = { pt = "Crianças?", en = "Children?" }

[extras.another]
key = "M"
text = { pt = "Outro assunto?", en = "Another matter?" }

[messages]
summary = { pt = "O seu pedido", en = "Your request" }
cutoff = { pt = "Senhas só até às {time}.", en = "Tickets only until {time}." }
"""

PROFILE = parse_profile(
    """
id = "lisboa"

[name]
pt = "CNAIM Lisboa"
en = "CNAIM Lisbon"

[hours]
mon = ["08:00-17:00"]

[support_line]
numbers = ["808 257 257"]

[[services]]
code = "AIMA"
letter = "A"
kind = "public_institution"
name = { pt = "AIMA", en = "AIMA" }

[[services]]
code = "SS"
letter = "S"
kind = "public_institution"
name = { pt = "Segurança Social", en = "Social Security" }

[[services]]
code = "GAT"
letter = "G"
kind = "support_office"
name = { pt = "Acolhimento", en = "Welcome" }
"""
)

NEW_ANSWER = """
[[questions.permit.answers]]
key = "{key}"
id = "{id}"
label = {{ pt = "Outra coisa", en = "Something else" }}
next = "{next}"
"""


# -- helpers -----------------------------------------------------------------------------------


def edited(*replacements: tuple[str, str], text: str = FLOW) -> str:
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def with_permit_answer(key: str, answer_id: str, next_: str, text: str = FLOW) -> str:
    """The flow with one more answer to the ``permit`` question."""
    block = NEW_ANSWER.format(key=key, id=answer_id, next=next_)
    return edited(("\n[outcomes.aima_renewal]", block + "\n[outcomes.aima_renewal]"), text=text)


def line_of(text: str, line: str, occurrence: int = 1) -> int:
    """The number of the ``occurrence``-th line of ``text`` that reads ``line``."""
    numbers = [n for n, content in enumerate(text.splitlines(), 1) if content.strip() == line]
    return numbers[occurrence - 1]


def catalogue_texts(flow_text: str) -> dict[str, str]:
    """A complete translation file for every holder language but pt and en, whose strings
    differ from both and keep the Portuguese placeholders."""
    flow, _ = parse_flow(flow_text)
    assert flow is not None
    files = {}
    for language in TRANSLATED:
        lines = [f'language = "{language}"', "", "[strings]"]
        texts = {text.id: text for text in reversed(list(flow.texts()))}  # first of an id
        for text in texts.values():
            value = f"[{language}] " + text.values.get("pt", "")
            lines.append(f'"{text.id}" = {{ text = "{value}", status = "draft" }}')
        files[language] = "\n".join(lines) + "\n"
    return files


def catalogues(files: dict[str, str]) -> dict[str, Catalogue]:
    found = {}
    for language, text in files.items():
        catalogue, problems = parse_catalogue(text, f"{language}.toml")
        assert problems == []
        assert catalogue is not None
        found[language] = catalogue
    return found


def parsed(text: str, files: dict[str, str] | None = None) -> tuple[TriageFlow, list]:
    files = catalogue_texts(text) if files is None else files
    flow, problems = parse_flow(text, "test.toml", catalogues(files))
    assert flow is not None
    return flow, problems


def checked(text: str, files: dict[str, str] | None = None) -> list[FlowProblem]:
    """The problems of a flow whose own content is fine (check_flow's alone)."""
    flow, problems = parsed(text, files)
    assert problems == []
    return check_flow(flow, PROFILE, text)


def content_problems(text: str) -> list[FlowProblem]:
    _, problems = parse_flow(text, "test.toml", catalogues(catalogue_texts(FLOW)))
    return problems


def summary(problems: list[FlowProblem]) -> list[tuple[str, str, int | None]]:
    return [(p.severity, p.place, p.line) for p in problems]


# -- the flow the tests start from -------------------------------------------------------------


def test_the_starting_flow_has_no_problem_at_all():
    flow, problems = parsed(FLOW)
    assert problems == []
    assert check_flow(flow, PROFILE, FLOW) == []
    assert {path.outcome.id for path in paths(flow)} == {"aima_renewal", "ss_niss", "info_general"}
    assert flow.questions["matter"].answer("i").next == "info_general"  # keys ignore case
    assert flow.outcomes["info_general"].info_only
    assert not flow.outcomes["aima_renewal"].info_only


def test_a_problem_reads_with_its_file_line_and_place():
    problem = FlowProblem("error", "questions.matter", "dead end", 4, "lisboa.toml")
    assert str(problem) == "lisboa.toml:4: error: questions.matter: dead end"
    assert str(FlowProblem("warning", "start", "x")) == "warning: start: x"


# -- problems of content (parse_flow, parse_catalogue) -----------------------------------------


def test_a_syntax_error_is_one_problem_with_its_line():
    text = edited(('next = "ss_niss"', 'next = "ss_niss'))
    flow, problems = parse_flow(text, "test.toml")
    assert flow is None
    assert len(problems) == 1
    assert problems[0].severity == "error"
    assert problems[0].place == "file"
    assert problems[0].line == line_of(text, 'next = "ss_niss')
    assert problems[0].source == "test.toml"


def test_a_syntax_error_in_a_translation_file_has_its_line():
    catalogue, problems = parse_catalogue('language = "bn"\n\n[strings]\n"a.b" = { text = }\n')
    assert catalogue is None
    assert summary(problems) == [("error", "file", 4)]


@pytest.mark.parametrize(
    ("edit", "place", "line", "words"),
    [
        (
            ('en = "What is the matter?" }', 'en = "" }'),
            "questions.matter.text",
            "[questions.matter]",
            "missing the 'en' text",
        ),
        (
            ('pt = "Que pedido?", ', ""),
            "questions.permit.text",
            "[questions.permit]",
            "missing the 'pt' text",
        ),
        (
            ('en = "Which request?" }', 'en = "Which request?", xx = "?" }'),
            "questions.permit.text.xx",
            "[questions.permit]",
            "unknown language",
        ),
        (
            ('key = "2"\nid = "niss"', 'key = "22"\nid = "niss"'),
            "questions.permit.answers[1].key",
            ("[[questions.permit.answers]]", 2),
            "one digit or letter",
        ),
        (
            ('id = "niss"', 'id = "NISS"'),
            "questions.permit.answers[1].id",
            ("[[questions.permit.answers]]", 2),
            "lower-case",
        ),
        (
            ('service = "SS"', 'service = "SS"\ninfo = true'),
            "outcomes.ss_niss",
            "[outcomes.ss_niss]",
            "either a service or info = true",
        ),
        (
            ('service = "SS"\n', ""),
            "outcomes.ss_niss",
            "[outcomes.ss_niss]",
            "either a service or info = true",
        ),
        (
            ("[extras.children]", "[extras.toys]"),
            "extras.toys",
            "[extras.toys]",
            "unknown extra",
        ),
        (
            ('value = "infant"', 'value = "baby"'),
            "extras.priority.choices",
            "[extras.priority]",
            "the choices of priority are",
        ),
        (
            ('{ pt = "Passaporte válido", en = "Valid passport" }', '"Passaporte"'),
            "outcomes.aima_renewal.documents[0]",
            "[outcomes.aima_renewal]",
            'expected a table of language = "text"',
        ),
        (
            ('cutoff = { pt = "Senhas só até às {time}.", en', "cutoff = { pt = 1, en"),
            "messages.cutoff.pt",
            'cutoff = { pt = 1, en = "Tickets only until {time}." }',
            "expected text",
        ),
    ],
)
def test_each_mistake_of_content_is_named_with_its_place_and_line(edit, place, line, words):
    text = edited(edit)
    problems = [p for p in content_problems(text) if p.place == place]
    assert problems, content_problems(text)
    assert all(p.severity == "error" for p in problems)
    assert any(words in p.message for p in problems), problems
    header, occurrence = line if isinstance(line, tuple) else (line, 1)
    assert {p.line for p in problems} == {line_of(text, header, occurrence)}


def test_a_missing_text_table_is_named_once_per_thing_missing():
    text = edited(('text = { pt = "Que pedido?", en = "Which request?" }\n', ""))
    problems = content_problems(text)
    assert {p.place for p in problems} == {"questions.permit.text"}
    assert len(problems) == 3  # not a table; no pt; no en
    assert {p.line for p in problems} == {line_of(text, "[questions.permit]")}


def test_a_flow_must_name_its_centre_and_first_question():
    text = edited(('centre = "lisboa"\n', ""), ('start = "matter"\n', ""))
    problems = content_problems(text)
    assert [p.place for p in problems] == ["centre", "start"]
    assert all(p.severity == "error" for p in problems)


def test_a_question_and_an_outcome_may_not_share_an_id():
    text = edited(("[outcomes.ss_niss]", "[outcomes.permit]"), ('next = "ss_niss"', 'next = "x"'))
    problems = content_problems(text)
    assert summary(problems) == [("error", "outcomes.permit", line_of(text, "[outcomes.permit]"))]
    assert "same id" in problems[0].message


def test_answers_written_as_one_table_are_named_not_a_crash():
    # [questions.permit.answers] with one bracket: a table, not a list of answers.
    second = FLOW.index('[[questions.permit.answers]]\nkey = "2"')
    text = FLOW[:second] + FLOW[FLOW.index("[outcomes.aima_renewal]") :]
    text = edited(("[[questions.permit.answers]]", "[questions.permit.answers]"), text=text)
    problems = [p for p in content_problems(text) if p.place.startswith("questions.")]
    assert summary(problems) == [
        ("error", "questions.permit.answers", line_of(text, "[questions.permit]"))
    ]
    assert "[[questions.permit.answers]]" in problems[0].message


def test_a_choice_that_is_not_a_table_is_named_not_a_crash():
    text = edited(
        (
            "[extras.children]",
            '[extras.interpreter]\nkey = "I"\n'
            'text = { pt = "Intérprete?", en = "Interpreter?" }\n'
            'choices = ["staff", "telephone"]\n\n[extras.children]',
        )
    )
    problems = content_problems(text)
    places = {p.place for p in problems}
    assert {"extras.interpreter.choices[0]", "extras.interpreter.choices[1]"} <= places
    assert all(p.line == line_of(text, "[extras.interpreter]") for p in problems)


def test_documents_that_are_not_a_list_are_named():
    text = edited(
        (
            'documents = [\n  { pt = "Passaporte válido", en = "Valid passport" },\n]',
            'documents = "Passaporte"',
        )
    )
    problems = content_problems(text)
    assert summary(problems) == [
        ("error", "outcomes.aima_renewal.documents", line_of(text, "[outcomes.aima_renewal]"))
    ]


def test_every_mistake_of_content_is_listed_at_once():
    text = edited(
        ('id = "niss"', 'id = "NISS"'),
        ('en = "Which request?" }', 'en = "" }'),
        ("[extras.children]", "[extras.toys]"),
    )
    places = sorted(p.place for p in content_problems(text))
    assert places == ["extras.toys", "questions.permit.answers[1].id", "questions.permit.text"]


def test_a_translation_file_names_its_mistakes_with_their_lines():
    text = """\
language = "bn"

[strings]
"questions.matter" = { text = "ঠিক", status = "draft" }
"questions.permit" = { text = "ঠিক", status = "done" }
"questions.permit.renewal" = "just a string"
"""
    catalogue, problems = parse_catalogue(text, "bn.toml")
    assert catalogue is not None
    assert dict(catalogue.strings) == {"questions.matter": ("ঠিক", "draft")}
    assert summary(problems) == [
        ("error", "strings.questions.permit", 5),
        ("error", "strings.questions.permit.renewal", 6),
    ]
    assert "reviewed or draft" in problems[0].message
    assert all(p.source == "bn.toml" for p in problems)


@pytest.mark.parametrize("language", ["pt", "en", "xx", None])
def test_a_translation_file_is_for_one_holder_language_other_than_pt_and_en(language):
    head = f'language = "{language}"\n' if language else ""
    catalogue, problems = parse_catalogue(head + "[strings]\n")
    assert catalogue is None
    assert [(p.severity, p.place) for p in problems] == [("error", "language")]


def test_a_translation_defaults_to_draft():
    catalogue, problems = parse_catalogue('language = "es"\n[strings]\n"a.b" = { text = "Hola" }')
    assert problems == []
    assert catalogue.strings["a.b"] == ("Hola", "draft")


def test_texts_come_from_the_translation_files_and_a_flow_can_correct_them():
    files = catalogue_texts(FLOW)
    text = edited(
        (
            'label = { pt = "Renovar a autorização", en = "Renew the permit" }',
            'label = { pt = "Renovar a autorização", en = "Renew the permit", '
            'es = { text = "Renovar el permiso", status = "reviewed" }, '
            'fr = { text = "Renouveler", status = "draft" } }',
        )
    )
    flow, problems = parsed(text, files)
    assert problems == []
    label = flow.questions["permit"].answer("1").label
    assert label.id == "questions.permit.renewal"
    assert label.get("es") == "Renovar el permiso"  # the flow's own wins
    assert label.status["es"] == "reviewed"
    assert label.status["fr"] == "draft"
    assert label.get("bn") == "[bn] Renovar a autorização"  # from bn.toml
    assert label.status["bn"] == "draft"
    assert label.status["pt"] == "reviewed"
    document = flow.outcomes["aima_renewal"].documents[0]
    assert document.id == "outcomes.aima_renewal.documents.0"
    assert document.get("uk") == "[uk] Passaporte válido"


def test_a_text_falls_back_to_english_then_portuguese():
    flow, _ = parse_flow(FLOW)  # no translation files
    text = flow.questions["matter"].text
    assert text.get("ar") == "What is the matter?"
    assert text.get("pt") == "Qual é o assunto?"
    assert not text.has("ar")
    assert text.has("en")


# -- problems of the flow as a whole (check_flow) ----------------------------------------------


def test_an_answer_to_nothing_is_an_unknown_node():
    text = with_permit_answer("3", "other", "nowhere")
    problems = checked(text)
    line = line_of(text, "[[questions.permit.answers]]", 3)
    assert summary(problems) == [("error", "questions.permit.answers[2]", line)]
    assert "'nowhere'" in problems[0].message


def test_an_unreachable_question_and_outcome_are_named():
    orphan = """
[questions.orphan]
text = { pt = "Perdida?", en = "Lost?" }

[[questions.orphan.answers]]
key = "1"
id = "back"
label = { pt = "Voltar", en = "Back" }
next = "info_general"

[outcomes.gat_orphan]
service = "GAT"
text = { pt = "Acolhimento", en = "Welcome" }
"""
    text = edited(("\n[extras.priority]", orphan + "\n[extras.priority]"))
    problems = checked(text)
    assert summary(problems) == [
        ("error", "questions.orphan", line_of(text, "[questions.orphan]")),
        ("error", "outcomes.gat_orphan", line_of(text, "[outcomes.gat_orphan]")),
    ]
    assert all("unreachable" in p.message for p in problems)


def test_a_cycle_is_named_with_its_path():
    text = with_permit_answer("3", "again", "matter")
    flow, _ = parsed(text)
    problems = check_flow(flow, PROFILE, text)
    assert summary(problems) == [("error", "questions.matter", line_of(text, "[questions.matter]"))]
    assert problems[0].message == "cycle: matter → permit → matter"
    assert len(paths(flow)) == 3  # the cycle is not followed


def test_a_question_answering_itself_is_a_cycle():
    text = with_permit_answer("3", "again", "permit")
    problems = checked(text)
    assert [(p.place, p.message) for p in problems] == [
        ("questions.permit", "cycle: permit → permit")
    ]


def test_a_question_without_answers_is_a_dead_end():
    empty = '\n[questions.empty]\ntext = { pt = "Vazia?", en = "Empty?" }\n'
    text = with_permit_answer("3", "empty", "empty")
    text = edited(("\n[outcomes.aima_renewal]", empty + "\n[outcomes.aima_renewal]"), text=text)
    problems = checked(text)
    assert summary(problems) == [("error", "questions.empty", line_of(text, "[questions.empty]"))]
    assert "dead end" in problems[0].message


def test_an_answer_without_next_is_a_dead_end():
    text = with_permit_answer("3", "stuck", "X").replace('next = "X"\n', "")
    problems = checked(text)
    line = line_of(text, "[[questions.permit.answers]]", 3)
    assert summary(problems) == [("error", "questions.permit.answers[2]", line)]
    assert "dead end" in problems[0].message


def test_an_outcome_for_a_service_the_centre_lacks():
    text = edited(('service = "SS"', 'service = "CRC"'))
    problems = checked(text)
    assert summary(problems) == [("error", "outcomes.ss_niss", line_of(text, "[outcomes.ss_niss]"))]
    assert "routed to CRC" in problems[0].message


def test_duplicate_answer_keys_in_a_question():
    text = with_permit_answer("2", "other", "info_general")
    problems = checked(text)
    assert summary(problems) == [("error", "questions.permit", line_of(text, "[questions.permit]"))]
    assert problems[0].message == "the key 2 answers 2 ways"


def test_duplicate_answer_ids_in_a_question():
    text = with_permit_answer("3", "niss", "info_general")
    problems = checked(text)
    assert summary(problems) == [("error", "questions.permit", line_of(text, "[questions.permit]"))]
    assert "'niss' is used 2 times" in problems[0].message


def test_the_same_key_in_two_questions_is_fine():
    assert checked(with_permit_answer("I", "other", "info_general")) == []


def test_a_flow_for_another_centre_or_a_missing_first_question():
    text = edited(('centre = "lisboa"', 'centre = "norte"'), ('start = "matter"', 'start = "x"'))
    flow, _ = parsed(text)
    problems = check_flow(flow, PROFILE, text)
    assert ("error", "centre", 1) in summary(problems)
    assert ("error", "start", 2) in summary(problems)


def test_a_missing_translation_names_language_text_and_place():
    files = catalogue_texts(FLOW)
    files["bn"] = files["bn"].replace(
        '"outcomes.aima_renewal.documents.0" = { text = "[bn] Passaporte válido", '
        'status = "draft" }\n',
        "",
    )
    problems = checked(FLOW, files)
    assert summary(problems) == [
        ("error", "outcomes.aima_renewal", line_of(FLOW, "[outcomes.aima_renewal]"))
    ]
    assert problems[0].message == (
        "missing the 'bn' translation of outcomes.aima_renewal.documents.0"
    )


def test_a_blank_translation_is_missing():
    files = catalogue_texts(FLOW)
    files["zh-Hans"] = files["zh-Hans"].replace('"[zh-Hans] Prioridade?"', '"  "')
    problems = checked(FLOW, files)
    assert [(p.severity, p.place) for p in problems] == [("error", "extras.priority")]
    assert "'zh-Hans'" in problems[0].message


def test_every_missing_translation_is_listed():
    files = catalogue_texts(FLOW)
    del files["uk"]
    flow, _ = parsed(FLOW, files)
    problems = check_flow(flow, PROFILE, FLOW)
    assert len(problems) == len(list(flow.texts()))
    assert all(p.severity == "error" and "'uk'" in p.message for p in problems)


@pytest.mark.parametrize(
    ("language", "translation"),
    [
        ("es", "Solo hasta las hora."),  # loses {time}
        ("fr", "Jusqu'à {time}, {count} tickets."),  # adds {count}
        ("ar", "حتى {hour}"),  # renames it
    ],
)
def test_a_translation_that_loses_or_adds_a_placeholder(language, translation):
    files = catalogue_texts(FLOW)
    original = f'"[{language}] Senhas só até às {{time}}."'
    assert files[language].count(original) == 1
    files[language] = files[language].replace(original, f'"{translation}"')
    problems = checked(FLOW, files)
    line = line_of(
        FLOW, 'cutoff = { pt = "Senhas só até às {time}.", en = "Tickets only until {time}." }'
    )
    assert summary(problems) == [("error", "messages.cutoff", line)]
    assert f"'{language}'" in problems[0].message
    assert "{time}" in problems[0].message


def test_a_placeholder_added_where_portuguese_has_none():
    files = catalogue_texts(FLOW)
    files["ru"] = files["ru"].replace('"[ru] O seu pedido"', '"Ваш запрос {code}"')
    problems = checked(FLOW, files)
    line = line_of(FLOW, 'summary = { pt = "O seu pedido", en = "Your request" }')
    assert summary(problems) == [("error", "messages.summary", line)]
    assert "no {placeholders}" in problems[0].message


def test_the_english_text_keeps_the_portuguese_placeholders_too():
    text = edited(('en = "Tickets only until {time}."', 'en = "Tickets only until ten."'))
    problems = checked(text)
    line = line_of(
        text, 'cutoff = { pt = "Senhas só até às {time}.", en = "Tickets only until ten." }'
    )
    assert summary(problems) == [("error", "messages.cutoff", line)]
    assert "'en'" in problems[0].message


@pytest.mark.parametrize("source", ["pt", "en"])
def test_a_translation_identical_to_a_source_text_is_a_warning(source):
    files = catalogue_texts(FLOW)
    same = {"pt": "Passaporte válido", "en": "Valid passport"}
    files["fr"] = files["fr"].replace('"[fr] Passaporte válido"', f'"{same[source]}"')
    problems = checked(FLOW, files)
    assert summary(problems) == [
        ("warning", "outcomes.aima_renewal", line_of(FLOW, "[outcomes.aima_renewal]"))
    ]
    assert f"repeats the '{source}' text" in problems[0].message


def test_a_short_identical_translation_is_not_a_warning():
    text = edited(
        ('{ pt = "Passaporte válido", en = "Valid passport" }', '{ pt = "NIF", en = "NIF" }')
    )
    files = catalogue_texts(text)
    files["es"] = files["es"].replace('"[es] NIF"', '"NIF"')
    assert checked(text, files) == []


def test_a_frequent_matter_more_than_two_answers_deep_is_a_warning():
    social = """
[questions.social]
text = { pt = "Que assunto?", en = "Which matter?" }

[[questions.social.answers]]
key = "1"
id = "niss"
label = { pt = "NISS", en = "NISS" }
next = "ss_niss"
"""
    text = edited(
        ('next = "ss_niss"', 'next = "social"'),
        ('service = "SS"', 'service = "SS"\nfrequent = true'),
        ("\n[outcomes.aima_renewal]", social + "\n[outcomes.aima_renewal]"),
    )
    problems = checked(text)
    assert summary(problems) == [
        ("warning", "outcomes.ss_niss", line_of(text, "[outcomes.ss_niss]"))
    ]
    assert "3 answers deep" in problems[0].message
    assert FREQUENT_MAX_ANSWERS == 2


def test_a_frequent_matter_counts_its_shortest_path():
    # aima_renewal is frequent, two answers deep; a deeper second way to it is fine.
    deeper = """
[questions.again]
text = { pt = "De novo?", en = "Again?" }

[[questions.again.answers]]
key = "1"
id = "renewal"
label = { pt = "Renovar", en = "Renew" }
next = "aima_renewal"
"""
    text = with_permit_answer("3", "again", "again")
    text = edited(("\n[outcomes.aima_renewal]", deeper + "\n[outcomes.aima_renewal]"), text=text)
    assert checked(text) == []


def test_every_problem_of_the_flow_is_listed_at_once():
    text = with_permit_answer("2", "other", "nowhere")
    text = edited(('service = "SS"', 'service = "CRC"'), text=text)
    files = catalogue_texts(text)
    files["es"] = files["es"].replace('"[es] Senhas só até às {time}."', '"Hasta las diez."')
    flow, _ = parsed(text, files)
    places = sorted((p.severity, p.place) for p in check_flow(flow, PROFILE, text))
    assert places == [
        ("error", "messages.cutoff"),
        ("error", "outcomes.ss_niss"),
        ("error", "questions.permit"),
        ("error", "questions.permit.answers[2]"),
    ]
