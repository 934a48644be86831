"""The calling board: numeral sizes, contrast, screen choice, and nothing personal."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from cnaim_desk.ui import theme
from cnaim_desk.ui.board.window import BoardWindow


@pytest.fixture
def board(qtbot, desk):
    window = BoardWindow(desk.bridge, desk.fonts)
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_numerals_are_tall_enough_at_1080p(board, qtbot):
    qtbot.waitUntil(lambda: board.height() == 1080)
    current, recent = board.numeral_heights()
    assert current >= 180
    assert recent >= 90


def test_numerals_scale_with_the_screen(board, qtbot):
    board.resize(1280, 720)
    qtbot.waitUntil(lambda: board.height() == 720)
    small = board.numeral_heights()
    board.resize(1920, 1080)
    qtbot.waitUntil(lambda: board.height() == 1080)
    assert board.numeral_heights()[0] > small[0]


def test_board_colours_contrast_at_least_7_to_1():
    for colour in (theme.BOARD_TEXT, theme.BOARD_ACCENT, theme.BOARD_MUTED):
        assert theme.contrast_ratio(colour, theme.BOARD_BACKGROUND) >= 7.0
    # the flash swaps text and background: still the same pair
    assert theme.contrast_ratio(theme.BOARD_BACKGROUND, theme.BOARD_ACCENT) >= 7.0


def test_contrast_ratio_is_wcag():
    from PySide6.QtGui import QColor

    assert theme.contrast_ratio(QColor("black"), QColor("white")) == pytest.approx(21.0)
    assert theme.contrast_ratio(QColor("#777777"), QColor("white")) == pytest.approx(4.48, abs=0.01)


def test_a_call_shows_at_once_with_the_counter(board, desk, qtbot):
    journal = desk.journal
    first = journal.issue("SS", language="ar", priority="pregnancy")
    second = journal.issue("GAV", language="uk")
    journal.call(first.code, "C2")
    qtbot.waitUntil(lambda: board.current_code.text() == first.code)
    assert "C2" in board.current_counter.text()
    journal.call(second.code, "C3")
    qtbot.waitUntil(lambda: board.current_code.text() == second.code)
    assert board.recent_codes[0].text() == first.code
    assert "C2" in board.recent_counters[0].text()


def test_the_board_shows_nothing_personal(board, desk, qtbot):
    journal = desk.journal
    ticket = journal.issue("GAV", language="ar", priority="disability")
    journal.call(ticket.code, "C9")
    qtbot.waitUntil(lambda: board.current_code.text() == ticket.code)
    shown = " ".join(
        label.text() for label in board.findChildren(type(board.current_code)) if label.text()
    )
    for secret in ("Vítima", "Victim", "GAV", "disability", "Deficiência", "العربية", "ar)"):
        assert secret not in shown
    assert "Atendimento personalizado" in shown


SCREEN_PROBE = textwrap.dedent(
    """
    import json, sys
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from cnaim_desk.ui.board.window import choose_board_screen
    screens = app.screens()
    chosen, own = choose_board_screen(int(sys.argv[1]))
    print(json.dumps({"count": len(screens), "chosen": screens.index(chosen), "own": own}))
    """
)


@pytest.mark.parametrize(
    ("preferred", "expected"),
    [
        (-1, {"chosen": 1, "own": True}),
        (0, {"chosen": 0, "own": False}),
        (5, {"chosen": 1, "own": True}),
    ],
)
def test_the_board_goes_to_the_second_screen_by_default(tmp_path, preferred, expected):
    config = tmp_path / "screens.json"
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {"name": "desk", "x": 0, "y": 0, "width": 1280, "height": 800},
                    {"name": "room", "x": 1280, "y": 0, "width": 1920, "height": 1080},
                ]
            }
        )
    )
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    result = subprocess.run(
        [sys.executable, "-c", SCREEN_PROBE, str(preferred)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer["count"] == 2
    assert {key: answer[key] for key in expected} == expected
