"""A centre of several desks set up from the command line, through the real
``cnaim-desk`` in subprocesses: ``centre init``, ``enroll`` and ``join``."""

from __future__ import annotations

import stat


def test_a_centre_is_set_up_and_a_desk_joins_it(tmp_path, cli):
    supervisor, reception = tmp_path / "R1", tmp_path / "R2"
    made = cli(
        "centre", "init", "--centre", "lisboa", "--desk", "R1", "--json", data_dir=supervisor
    ).expect(0)
    assert made.json() | {"data_dir": ""} == {
        "desk": "R1",
        "centre": "lisboa",
        "role": "reception",
        "slot": 1,
        "data_dir": "",
    }
    out = tmp_path / "R2.enrol"
    enrolled = (
        cli(
            "enroll",
            "--desk",
            "R2",
            "--role",
            "reception",
            "--out",
            str(out),
            "--json",
            data_dir=supervisor,
        )
        .expect(0)
        .json()
    )
    assert (enrolled["desk"], enrolled["slot"]) == ("R2", 2)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600  # it holds the new desk's keys

    wrong = "AAAA-AAAA-AAAA" if enrolled["code"] != "AAAA-AAAA-AAAA" else "BBBB-BBBB-BBBB"
    cli("join", str(out), "--code", wrong, data_dir=reception).refused("The code does not open")
    assert not (reception / "desk.json").exists()

    joined = (
        cli("join", str(out), "--code", enrolled["code"], "--json", data_dir=reception)
        .expect(0)
        .json()
    )
    assert (joined["desk"], joined["slot"], joined["desks"]) == ("R2", 2, ["R1", "R2"])
    ticket = (
        cli("ticket", "issue", "--service", "SS", "--json", data_dir=reception).expect(0).json()
    )
    assert ticket["number"] == 200  # its own slot's numbers

    # only the supervisor's desk enrols, and an id is enrolled once
    cli(
        "enroll",
        "--desk",
        "C4",
        "--role",
        "counter",
        "--out",
        str(tmp_path / "C4.enrol"),
        data_dir=reception,
    ).refused("does not hold the centre's certificate authority")
    cli(
        "enroll",
        "--desk",
        "R2",
        "--role",
        "reception",
        "--out",
        str(tmp_path / "x.enrol"),
        data_dir=supervisor,
    ).refused("Desk R2 is enrolled already")
