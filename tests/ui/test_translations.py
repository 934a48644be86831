"""The staff interface in Portuguese (pt-PT) and English, through Qt Linguist files."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from cnaim_desk.resources import translations_dir

PACKAGE = Path(__file__).resolve().parents[2] / "cnaim_desk"
TOOLS = Path(sys.executable).parent


def _messages(ts: Path) -> dict[str, ET.Element]:
    root = ET.parse(ts).getroot()
    return {
        f"{context.findtext('name')}|{message.findtext('source')}": message
        for context in root.iter("context")
        for message in context.iter("message")
    }


@pytest.mark.parametrize("language", ["pt_PT", "en"])
def test_every_string_is_translated(language):
    messages = _messages(translations_dir() / f"cnaim_desk_{language}.ts")
    assert len(messages) > 50
    unfinished = [
        key
        for key, message in messages.items()
        if message.find("translation").get("type") in ("unfinished", "obsolete")
        or not (message.findtext("translation") or "").strip()
    ]
    assert unfinished == []


def test_placeholders_survive_translation():
    for key, message in _messages(translations_dir() / "cnaim_desk_pt_PT.ts").items():
        source, translation = message.findtext("source"), message.findtext("translation")
        for name in ("{desk}", "{n}", "{code}", "{reason}", "{path}", "{printer}", "{service}"):
            assert (name in source) == (name in translation), key


@pytest.mark.skipif(
    not (TOOLS / "pyside6-lupdate").exists(), reason="pyside6-lupdate is installed with PySide6"
)
def test_translation_files_are_up_to_date_with_the_code(tmp_path):
    """`make translations` has been run: no string in the code is missing from the .ts."""
    copy = tmp_path / "check.ts"
    shutil.copy(translations_dir() / "cnaim_desk_pt_PT.ts", copy)
    sources = sorted(str(p) for p in PACKAGE.rglob("*.py"))
    subprocess.run(
        [str(TOOLS / "pyside6-lupdate"), *sources, "-no-obsolete", "-ts", str(copy)],
        check=True,
        capture_output=True,
    )
    assert set(_messages(copy)) == set(_messages(translations_dir() / "cnaim_desk_pt_PT.ts"))
    for language in ("pt_PT", "en"):
        compiled = tmp_path / f"{language}.qm"
        subprocess.run(
            [
                str(TOOLS / "pyside6-lrelease"),
                str(translations_dir() / f"cnaim_desk_{language}.ts"),
                "-qm",
                str(compiled),
            ],
            check=True,
            capture_output=True,
        )
        assert (
            compiled.read_bytes() == (translations_dir() / f"cnaim_desk_{language}.qm").read_bytes()
        )


def test_switching_the_interface_language_while_running(qtbot, desk):
    reception = desk.open_reception()
    counter = desk.open_counter("C2")
    assert counter.buttons["call"].text() == "Call next (F5)"
    assert reception.side.tabText(0) == "Waiting now"

    desk.language.switch("pt_PT")  # Qt posts LanguageChange to every window
    qtbot.waitUntil(lambda: counter.buttons["call"].text() == "Chamar o seguinte (F5)")
    assert reception.side.tabText(0) == "Em espera agora"
    assert reception.view.language_title.text().startswith("Pessoa seguinte")

    desk.language.switch("en")
    qtbot.waitUntil(lambda: counter.buttons["call"].text() == "Call next (F5)")
    assert reception.view.language_title.text().startswith("Next arrival")
