"""``cnaim-desk appointments import|list|check-in`` through the real command line: a list
imported all or nothing, with every bad line named; check-in once per booking; the list
read beside a running writer. (The window of precedence and the notes' purge, which need a
clock the test moves, are tested on the journal.)"""

from __future__ import annotations

from datetime import datetime, time

from cnaim_desk.domain.appointments import parse_appointments
from cnaim_desk.domain.clock import LISBON
from cnaim_desk.journal.journal import Journal
from cnaim_desk.resources import resources_dir

NOTE = "wheelchair user; prefers a quiet counter"
HEADER = "time,service,reference,language,note\n"
GOOD = HEADER + f"09:30,AIMA,LAM-2026-004512,bn,{NOTE}\n14:00,SS,LAM-2026-004513,uk,\n"


def _write(tmp_path, name: str, text: str, encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def test_a_list_is_imported_once_and_listed(tmp_path, desk_dir, cli, desk_files):
    good = _write(tmp_path, "today.csv", GOOD)
    first = cli("appointments", "import", good, "--json", data_dir=desk_dir).expect(0)
    assert first.json() == {"added": 2, "unchanged": 0}
    again = cli("appointments", "import", good, "--json", data_dir=desk_dir).expect(0)
    assert again.json() == {"added": 0, "unchanged": 2}
    assert desk_files.count(desk_dir, "appointment") == 2
    assert desk_files.count(desk_dir, "doc_update") == 1  # the registry: nothing replicated

    listed = cli("appointments", "list", "--json", data_dir=desk_dir).expect(0).json()
    assert listed == [
        {
            "time": "09:30",
            "service": "AIMA",
            "reference": "LAM-2026-004512",
            "language": "bn",
            "ticket": None,
        },
        {
            "time": "14:00",
            "service": "SS",
            "reference": "LAM-2026-004513",
            "language": "uk",
            "ticket": None,
        },
    ]


def test_a_malformed_list_is_refused_whole_naming_every_bad_line(
    tmp_path, desk_dir, cli, desk_files
):
    bad = _write(
        tmp_path,
        "bad.csv",
        HEADER
        + "09:30,AIMA,LAM-2026-004512,bn,\n"
        + "9h30,AIMA,LAM-2026-004514,bn,\n"
        + "10:00,NOPE,LAM-2026-004515,bn,\n"
        + "10:30,SS,LAM-2026-004512,xx,\n",
    )
    refused = cli("appointments", "import", bad, "--json", data_dir=desk_dir).expect(1)
    assert refused.stdout == ""
    assert refused.stderr.startswith("cnaim-desk: The appointment list was not imported")
    named = [line.strip() for line in refused.stderr.splitlines()[1:]]
    assert [line.split(":")[0] for line in named] == ["line 3", "line 4", "line 5"]
    assert "'9h30'" in named[0]
    assert "'NOPE'" in named[1]
    assert "'xx'" in named[2]
    assert "also on line 2" in named[2]
    assert desk_files.count(desk_dir, "appointment") == 0  # not even line 2

    missing = cli("appointments", "import", tmp_path / "none.csv", data_dir=desk_dir)
    assert "Cannot read" in missing.expect(1).stderr
    latin = _write(tmp_path, "latin.csv", GOOD.replace("user", "usuário"), encoding="latin-1")
    assert "not UTF-8" in cli("appointments", "import", latin, data_dir=desk_dir).expect(1).stderr
    assert desk_files.count(desk_dir, "appointment") == 0


def test_a_booking_imported_with_other_details_refuses_the_list(
    tmp_path, desk_dir, cli, desk_files
):
    cli("appointments", "import", _write(tmp_path, "a.csv", GOOD), data_dir=desk_dir).expect(0)
    moved = _write(
        tmp_path,
        "b.csv",
        HEADER + "16:00,GAJ,LAM-2026-004600,pt,\n15:00,SS,LAM-2026-004513,uk,\n",
    )
    refused = cli("appointments", "import", moved, data_dir=desk_dir).expect(1)
    assert "LAM-2026-004513 was imported already with other details" in refused.stderr
    assert "LAM-2026-004600" not in refused.stderr
    assert desk_files.count(desk_dir, "appointment") == 2


def test_check_in_once_with_the_booking_on_the_ticket(tmp_path, desk_dir, cli, desk_files):
    now = datetime.now(LISBON)
    due = datetime.combine(now.date(), time(now.hour, now.minute), tzinfo=LISBON)
    text = HEADER + f"{due:%H:%M},SS,LAM-2026-004700,ne,{NOTE}\n"
    cli("appointments", "import", _write(tmp_path, "c.csv", text), data_dir=desk_dir).expect(0)

    checked = cli("appointments", "check-in", "lam-2026-004700", "--json", data_dir=desk_dir)
    ticket = checked.expect(0).json()
    assert (ticket["code"], ticket["service"], ticket["language"]) == ("S001", "SS", "ne")
    assert ticket["booking"] == "LAM-2026-004700"
    assert ticket["appointment_at"] == due.isoformat(timespec="seconds")
    assert ticket["late"] is False
    before = desk_files.counts(desk_dir)

    twice = cli("appointments", "check-in", "LAM-2026-004700", data_dir=desk_dir).expect(1)
    assert "already checked in: S001" in twice.stderr
    unknown = cli("appointments", "check-in", "LAM-2026-000000", data_dir=desk_dir).expect(1)
    assert "no appointment LAM-2026-000000" in unknown.stderr
    assert desk_files.counts(desk_dir) == before

    listed = cli("appointments", "list", "--json", data_dir=desk_dir).expect(0).json()
    assert [entry["ticket"] for entry in listed] == [ticket["id"]]
    # The note stays in the desk's own list, never in what it replicates or projects.
    assert desk_files.column(desk_dir, "SELECT note FROM appointment") == [NOTE]
    blobs = desk_files.column(desk_dir, "SELECT data FROM doc_update")
    assert any(b"LAM-2026-004700" in blob for blob in blobs)
    assert not any(b"wheelchair" in blob for blob in blobs)
    events = desk_files.column(desk_dir, "SELECT data FROM event")
    assert any("LAM-2026-004700" in data for data in events)
    assert not any("wheelchair" in data for data in events)


def test_the_list_reads_beside_a_running_writer(tmp_path, desk_dir, cli, desk_files):
    with Journal.open(desk_dir, resources=resources_dir(), purpose="reception window") as held:
        held.appointments.import_list(parse_appointments(GOOD, held.profile))
        listed = cli("appointments", "list", "--json", data_dir=desk_dir).expect(0).json()
        assert [entry["reference"] for entry in listed] == ["LAM-2026-004512", "LAM-2026-004513"]
        plain = cli("appointments", "list", data_dir=desk_dir).expect(0)
        assert "expected" in plain.stdout
        assert NOTE not in plain.stdout

        busy = cli("appointments", "import", _write(tmp_path, "d.csv", GOOD), data_dir=desk_dir)
        assert "reception window" in busy.expect(1).stderr
        # The writer carries on: a check-in beside the readers.
        assert held.appointments.check_in("LAM-2026-004513").ticket.booking == "LAM-2026-004513"
    assert desk_files.count(desk_dir, "appointment") == 2
