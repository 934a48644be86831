"""``cnaim-desk flow check|paths``: a centre's triage flow checked as staff edit it, every
problem named with its place and line, and every path to an outcome listed."""

from __future__ import annotations

import re
import shutil

import pytest

from cnaim_desk.journal.desk import load_centre_profile


@pytest.fixture
def flows(always_open_resources):
    """The shipped flows folder (flow files and their translations)."""
    return always_open_resources / "flows"


def test_the_shipped_lisboa_flow_checks_clean(flows, cli):
    checked = cli("flow", "check", flows / "lisboa.toml").expect(0)
    lines = checked.stdout.splitlines()
    assert lines[-1] == "0 error(s), 0 warning(s). The flow can be used."
    heading = next(i for i, line in enumerate(lines) if line.startswith("Languages"))
    counts = dict(re.findall(r"(\S+) (\d+/\d+)", lines[heading + 1]))
    total = re.search(r"of (\d+) texts", lines[heading]).group(1)
    assert counts["pt"] == counts["en"] == f"{total}/{total}"
    assert {"ar", "bn", "uk", "zh-Hans"} <= set(counts)

    report = cli("flow", "check", flows / "lisboa.toml", "--json").expect(0).json()
    assert (report["ok"], report["errors"]) == (True, [])
    assert report["coverage"]["pt"]["reviewed"] == int(total)


def test_a_broken_flow_is_refused_naming_the_place_and_line(tmp_path, flows, cli):
    copy = tmp_path / "flows"
    shutil.copytree(flows, copy)
    path = copy / "lisboa.toml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    target = next(i for i, line in enumerate(lines) if line.strip() == 'next = "social_security"')
    lines[target] = 'next = "nowhere"\n'
    path.write_text("".join(lines), encoding="utf-8")
    header = max(i for i in range(target) if lines[i].strip() == "[[questions.matter.answers]]")

    checked = cli("flow", "check", path).expect(1)
    assert checked.stdout.splitlines()[-1].endswith("Fix the errors first.")
    found = [line for line in checked.stdout.splitlines() if "'nowhere'" in line]
    assert len(found) == 1, checked.stdout
    match = re.match(rf"{re.escape(str(path))}:(\d+): error: (\S+): ", found[0])
    assert match, found[0]
    # The answer that names nothing, at its line (its table's header or the `next` line).
    assert match.group(2) == "questions.matter.answers[1]"
    assert header + 1 <= int(match.group(1)) <= target + 1

    report = cli("flow", "check", path, "--json").expect(1).json()
    assert report["ok"] is False
    assert any("'nowhere'" in error for error in report["errors"])


def test_a_flow_that_cannot_be_read_is_refused(tmp_path, cli):
    cli("flow", "check", tmp_path / "missing.toml").expect(1)
    cli("flow", "paths", tmp_path / "missing.toml", "--json").expect(1)


def test_algarve_paths_lead_to_services_algarve_offers(flows, cli, always_open_resources):
    found = cli("flow", "paths", flows / "algarve.toml", "--json").expect(0).json()
    offered = set(load_centre_profile("algarve", always_open_resources).codes)
    assert {"CRC", "MS", "GAV"}.isdisjoint(offered)  # Lisbon's flow sends people there
    services = {path["service"] for path in found}
    assert services - {None} <= offered
    assert {"AIMA", "SS", "GAT"} <= services
    assert None in services  # information given at the desk, no ticket
    keys = [path["keys"] for path in found]
    assert len(keys) == len(set(keys))
    for path in found:
        assert path["outcome"]
        assert path["answers"][0].startswith("matter:")  # every path starts at the start

    lisboa = cli("flow", "paths", flows / "lisboa.toml", "--json").expect(0).json()
    assert "CRC" in {path["service"] for path in lisboa}
