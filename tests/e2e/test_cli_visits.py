"""``ticket issue`` with visits, groups, children, interpreters and lawyers, and ``ticket
call --lawyers``, through the real ``cnaim-desk`` in subprocesses."""

from __future__ import annotations

import pytest


def test_a_visit_for_a_family_with_children_and_an_interpreter(desk_dir, cli):
    args = ("--visit", "aima", "--group", "3", "--children", "--interpreter", "telephone")
    issued = cli("ticket", "issue", "--service", "SS", *args, "--json", data_dir=desk_dir)
    ticket = issued.expect(0).json()
    expected = {
        "code": "S001",
        "service": "SS",
        "status": "waiting",
        "visit": ["AIMA"],
        "group_size": 3,
        "children": True,
        "interpreter": "telephone",
        "lawyer": False,
        "cases": 1,
        "appointment_at": None,
        "booking": None,
    }
    assert {name: ticket[name] for name in expected} == expected
    listed = cli("ticket", "list", "--json", data_dir=desk_dir).expect(0).json()
    assert [{name: t[name] for name in expected} for t in listed] == [expected]


@pytest.mark.slow
def test_what_a_ticket_cannot_be_is_refused_and_nothing_written(desk_dir, cli, desk_files):
    before = desk_files.counts(desk_dir)
    for args, words in [
        (("--cases", "2"), ("--cases goes with --lawyer",)),
        (("--lawyer", "48213L", "--cases", "0"), ("one case",)),
        (("--lawyer", " "), ("professional number",)),
        (("--group", "0"), ("one person",)),
        (("--visit", "SS"), ("once",)),
        (("--visit", "XYZ"), ("XYZ",)),
    ]:
        cli("ticket", "issue", "--service", "SS", *args, data_dir=desk_dir).refused(*words)
    cli("ticket", "issue", "--service", "CRC", data_dir=desk_dir).refused("appointment")
    assert desk_files.counts(desk_dir) == before


def test_usage_errors_exit_2(desk_dir, cli, desk_files):
    before = desk_files.counts(desk_dir)
    wrong = cli("ticket", "issue", "--service", "SS", "--interpreter", "robot", data_dir=desk_dir)
    assert wrong.expect(2).stdout == ""
    assert "--interpreter" in wrong.stderr
    assert "--desk" in cli("ticket", "call", "--lawyers", data_dir=desk_dir).expect(2).stderr
    assert desk_files.counts(desk_dir) == before


@pytest.mark.slow
def test_lawyers_are_capped_and_called_from_their_own_queue(desk_dir, cli, desk_files):
    walk_in = cli("ticket", "issue", "--service", "SS", "--json", data_dir=desk_dir)
    walk_in = walk_in.expect(0).json()
    issued = cli(
        "ticket",
        "issue",
        "--service",
        "SS",
        "--lawyer",
        "48 213 l",
        "--cases",
        "2",
        "--json",
        data_dir=desk_dir,
    ).expect(0)
    lawyer = issued.json()
    assert (lawyer["lawyer"], lawyer["cases"], lawyer["position"]) == (True, 2, 0)
    assert "48213L" not in "".join(issued.stdout.split()).upper()

    # Two cases today, and this one would bring two more: over the cap of three.
    over = cli(
        "ticket",
        "issue",
        "--service",
        "AIMA",
        "--lawyer",
        "48213L",
        "--cases",
        "2",
        data_dir=desk_dir,
    )
    over.refused("already has 2 cases", "limit is 3")
    assert desk_files.count(desk_dir, "ticket") == 2

    called = cli("ticket", "call", "--desk", "C1", "--lawyers", "--json", data_dir=desk_dir)
    assert called.expect(0).json()["id"] == lawyer["id"]
    nobody = cli("ticket", "call", "--desk", "C1", "--lawyers", "--json", data_dir=desk_dir)
    assert nobody.expect(3).json() == {"called": None}
    assert "No one is waiting" in nobody.stderr
    plain = cli("ticket", "call", "--desk", "C2", "--service", "SS", "--json", data_dir=desk_dir)
    assert plain.expect(0).json()["id"] == walk_in["id"]
    cli("ticket", "call", "--desk", "C2", data_dir=desk_dir).expect(3)

    for name, content in desk_files.folder_bytes(desk_dir).items():
        for form in (b"48213L", b"48213l", b"48 213 l"):
            assert form not in content, (form, name)
