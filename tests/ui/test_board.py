"""The calling board: numeral sizes, contrast, counters and directions, pictograms, boards
of some services, announcements, the screen it keeps to, and nothing personal."""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QFontMetricsF
from PySide6.QtWidgets import QLabel

from cnaim_desk.journal.projection import Change
from cnaim_desk.ui import theme
from cnaim_desk.ui.board.window import (
    CALLED_AGAIN,
    NEW_CALL,
    NOW_CALLING,
    PLEASE_WAIT,
    BoardWindow,
    InkLabel,
    SharedScreen,
    pictogram_image,
)
from cnaim_desk.ui.settings import DeskSettings


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
    shown = " ".join(label.text() for label in board.findChildren(QLabel) if label.text())
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


# -- what a call shows: counter, directions, the words of a new call --------------------


def test_the_current_call_shows_its_counter_by_name_and_the_way_there(board, desk, qtbot):
    journal = desk.journal
    journal.set_counter("C4", "open", ["SS"], name="4", floor="Piso 1", side="esquerda")
    journal.set_counter("C6", "open", ["GASI"], name="Gabinete 6")
    first = journal.issue("SS", language="bn")
    second = journal.issue("GASI", language="uk")
    journal.call(first.id, "C4")
    qtbot.waitUntil(lambda: board.current_code.text() == first.code)
    assert board.current_counter.text() == "→ Balcão 4 · Counter 4 — Piso 1 · esquerda"
    # a name of several words is shown as the centre typed it; no directions, no dash
    journal.call(second.id, "C6")
    qtbot.waitUntil(lambda: board.current_code.text() == second.code)
    assert board.current_counter.text() == "→ Gabinete 6"
    # the recent calls name their counter too (not the way there: it is for the current)
    assert board.recent_codes[0].text() == first.code
    assert board.recent_counters[0].text() == "Balcão 4 · Counter 4"


def test_a_counter_without_a_name_is_known_by_its_desk_id(board, desk, qtbot):
    ticket = desk.journal.issue("AIMA", language="pt")
    desk.journal.call(ticket.id, "C9")
    qtbot.waitUntil(lambda: board.current_code.text() == ticket.code)
    assert board.current_counter.text() == "→ Balcão C9 · Counter C9"


def test_a_long_counter_line_shrinks_to_the_width_without_moving_the_board(board, desk, qtbot):
    qtbot.waitUntil(lambda: board.height() == 1080)
    height = board.current_counter.height()
    desk.journal.set_counter(
        "C4", "open", ["SS"], name="4", floor="Piso 1 (edifício B)", side="ao fundo do corredor"
    )
    ticket = desk.journal.issue("SS")
    desk.journal.call(ticket.id, "C4")
    qtbot.waitUntil(lambda: "corredor" in board.current_counter.text())
    line = board.current_counter
    assert QFontMetricsF(line.font()).horizontalAdvance(line.text()) <= line.width()
    assert line.height() == height


def test_a_new_call_is_marked_in_words_not_only_in_colour(board, desk, qtbot):
    assert board.title.text() == NOW_CALLING
    board._marker_timer.setInterval(300)
    ticket = desk.journal.issue("SS")
    desk.journal.call(ticket.id, "C1")
    qtbot.waitUntil(lambda: board.current_code.text() == ticket.code)
    assert board.title.text() == NEW_CALL
    assert board.marker_shown
    assert board.title.font().bold()
    assert board.current_code.background == theme.BOARD_ACCENT  # the flash, as well
    qtbot.waitUntil(lambda: board.title.text() == NOW_CALLING, timeout=3000)
    qtbot.waitUntil(lambda: board.current_code.background is None, timeout=3000)
    assert not board.marker_shown


def test_a_recall_brings_the_code_back_as_the_current_call(board, desk, qtbot):
    journal = desk.journal
    first = journal.issue("SS")
    second = journal.issue("AIMA")
    journal.call(first.id, "C1")
    journal.call(second.id, "C2")
    qtbot.waitUntil(lambda: board.current_code.text() == second.code)
    journal.recall(first.id, "C1")
    qtbot.waitUntil(lambda: board.current_code.text() == first.code)
    assert board.title.text() == CALLED_AGAIN
    assert board.recent_codes[0].text() == second.code
    # the next call takes its place as usual
    third = journal.issue("MS")
    journal.call(third.id, "C3")
    qtbot.waitUntil(lambda: board.current_code.text() == third.code)
    assert board.title.text() == NEW_CALL
    assert [label.text() for label in board.recent_codes[:2]] == [second.code, first.code]


# -- colours, pictograms, layout ----------------------------------------------------------


def _colour_of(label: QLabel) -> QColor:
    if isinstance(label, InkLabel):
        return label.colour
    found = re.search(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{6})", label.styleSheet())
    assert found, f"{label.text()!r} has no colour of its own"
    return QColor(found.group(1))


def test_every_colour_drawn_on_the_board_contrasts_at_least_7_to_1(board, desk, qtbot):
    for colour in theme.BOARD_FOREGROUNDS:
        assert theme.contrast_ratio(colour, theme.BOARD_BACKGROUND) >= 7.0, colour.name()
    ticket = desk.journal.issue("SS")
    desk.journal.call(ticket.id, "C1")
    qtbot.waitUntil(lambda: board.marker_shown)
    # what is on the board now, the marker and the flash included, uses the palette only
    foregrounds = {colour.name() for colour in theme.BOARD_FOREGROUNDS}
    for label in board.findChildren(QLabel):
        if label.text() and not (isinstance(label, InkLabel) and label.background):
            assert _colour_of(label).name() in foregrounds, label.text()
    # the flash draws the code in the background colour on the accent
    code = board.current_code
    assert code.background.name() in foregrounds
    assert theme.contrast_ratio(code.colour, code.background) >= 7.0
    # the pictograms: every pixel drawn is the pictogram colour (antialiased edges fade
    # it into the background, never into another colour)
    for row in board.waiting_rows.values():
        image = row.icon.pixmap().toImage()
        drawn = {
            image.pixelColor(x, y).rgb() & 0xFFFFFF
            for x in range(image.width())
            for y in range(image.height())
            if image.pixelColor(x, y).alpha() > 0
        }
        assert drawn == {theme.BOARD_PICTOGRAM.rgb() & 0xFFFFFF}


def test_each_service_waiting_has_its_pictogram(board, desk):
    profile = desk.journal.profile
    assert list(board.waiting_rows) == list(profile.codes)
    for code, row in board.waiting_rows.items():
        service = profile.service(code)
        pixmap = row.icon.pixmap()
        assert not pixmap.isNull(), code
        expected = pictogram_image(service.pictogram, pixmap.width(), theme.BOARD_PICTOGRAM.name())
        assert pixmap.toImage().convertToFormat(expected.format()) == expected, code
        assert row.letter.text() == service.letter
        assert row.name.text() == service.public_short_name("pt")
    # the victim-support office: its neutral name and its neutral pictogram
    assert profile.service("GAV").pictogram == "conversation"


def test_the_waiting_list_shows_counts_and_expected_waits(board, desk, qtbot):
    journal = desk.journal
    journal.set_counter("C1", "open", ["SS"])
    for _ in range(3):
        journal.issue("SS")
    qtbot.waitUntil(lambda: board.waiting_rows["SS"].count.text() == "3")
    assert board.waiting_rows["MS"].count.text() == "0"
    assert board.waiting_rows["MS"].wait.text() == ""  # nobody waiting: no wait shown
    wait = board.waiting_rows["SS"].wait.text()
    assert re.fullmatch(r"(~\d+ min)?", wait)


def _busy_morning(journal) -> None:
    """Every recent slot taken, a long counter line, someone waiting at every service."""
    journal.set_counter(
        "C4", "open", ["SS"], name="Gabinete de Atendimento 4", floor="Piso 2", side="ao fundo"
    )
    for index, code in enumerate(journal.profile.codes):
        if journal.profile.service(code).appointment_only:
            continue
        for _ in range(2):
            ticket = journal.issue(code, language="pt")
        if index < 6:
            journal.call(ticket.id, "C4")


def _assert_readable(board: BoardWindow) -> None:
    shown = [label for label in board.findChildren(QLabel) if label.isVisibleTo(board)]
    area = board.rect()
    for label in shown:
        box = label.geometry()
        assert area.contains(box), (label.text(), box, area)
        if not label.text():
            continue
        metrics = QFontMetricsF(label.font())
        if isinstance(label, InkLabel):
            assert metrics.horizontalAdvance(label.text()) <= label.width(), label.text()
        elif label.wordWrap():
            assert label.heightForWidth(label.width()) <= label.height() + 1, label.text()
        else:
            assert metrics.horizontalAdvance(label.text()) <= label.width() + 1, label.text()
            assert metrics.height() <= label.height() + 1, label.text()
    # nothing overlaps, but the title and the clock beside the current code's letters
    texts = [label for label in shown if label.text() or label.pixmap()]
    for index, one in enumerate(texts):
        for other in texts[index + 1 :]:
            if board.current_code in (one, other):
                continue
            assert not one.geometry().intersects(other.geometry()), (one.text(), other.text())
    code = board.current_code
    ink = QFontMetricsF(code.font()).horizontalAdvance(code.text())
    left, right = (code.width() - ink) / 2, (code.width() + ink) / 2
    assert board.title.geometry().right() < code.x() + left
    assert board.clock.geometry().left() > code.x() + right


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)])
def test_thirteen_services_stay_readable(board, desk, qtbot, size):
    assert len(board.waiting_rows) == 13
    _busy_morning(desk.journal)
    board._marker_timer.setInterval(1)
    board.resize(*size)
    qtbot.waitUntil(lambda: (board.width(), board.height()) == size)
    qtbot.waitUntil(lambda: all(label.text() for label in board.recent_codes))
    qtbot.waitUntil(lambda: board.title.text() == NOW_CALLING)
    board.title.setText(CALLED_AGAIN)  # the longest title
    board.title.adjustSize()
    qtbot.wait(50)
    _assert_readable(board)
    # the widest code the centre can have still leaves the corners free
    metrics = QFontMetricsF(board.current_code.font())
    letters = [service.letter for service in desk.journal.profile.services]
    board.current_code.setText(max(letters, key=metrics.horizontalAdvance) + "000")
    _assert_readable(board)
    # and the pictograms are as tall as the names beside them
    row = board.waiting_rows["AIMA"]
    assert row.icon.height() >= QFontMetricsF(row.name.font()).capHeight() * 1.5


# -- a board of some services -------------------------------------------------------------


def test_a_board_limited_to_some_services_shows_only_them(desk, qtbot, caplog):
    with caplog.at_level(logging.WARNING):
        board = BoardWindow(desk.bridge, desk.fonts, services=["MS", "SS", "XX"])
    qtbot.addWidget(board)
    assert "XX" in caplog.text
    assert board.services == ["SS", "MS"]  # the profile's order
    assert list(board.waiting_rows) == ["SS", "MS"]
    journal = desk.journal
    ours = journal.issue("SS")
    journal.call(ours.id, "C1")
    # many calls for other services since: the board looks further back for its own
    for _ in range(12):
        journal.call(journal.issue("AIMA").id, "C2")
    journal.issue("AIMA")
    qtbot.waitUntil(lambda: board.current_code.text() == ours.code)
    assert all(not label.text() for label in board.recent_codes)
    assert board.waiting_rows["SS"].count.text() == "0"
    shown = " ".join(label.text() for label in board.findChildren(QLabel))
    assert "AIMA" not in shown
    assert "A0" not in shown


def test_a_call_for_another_service_leaves_a_limited_board_still(desk, qtbot):
    board = BoardWindow(desk.bridge, desk.fonts, services=["SS"])
    qtbot.addWidget(board)
    other = desk.journal.issue("AIMA")
    desk.journal.call(other.id, "C2")
    qtbot.wait(200)
    assert board.current_code.text() == ""
    assert board.current_counter.text() == PLEASE_WAIT
    assert not board.marker_shown
    assert board.current_code.background is None


def test_board_services_setting(desk, caplog):
    settings = desk.settings
    assert settings.board_services == ()
    settings.board_services = ["SS", "MS"]
    assert settings.board_services == ("SS", "MS")
    assert DeskSettings(desk.journal.data_dir.root / "settings.ini").board_services == (
        "SS",
        "MS",
    )
    # as an administrator types it in settings.ini: unquoted, spaced, any case, a typo
    path = desk.journal.data_dir.root / "settings.ini"
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^services=.*$", "services=gasi, GAJ,GAV , NOPE", text)
    path.write_text(text, encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        assert DeskSettings(path).board_services == ("GASI", "GAJ", "GAV")
    assert "NOPE" in caplog.text


def test_the_desk_opens_its_board_with_the_configured_services(desk):
    desk.settings.board_services = ["GASI", "GAJ"]
    board = desk.open_board()
    assert board.services == ["GASI", "GAJ"]
    assert list(board.waiting_rows) == ["GASI", "GAJ"]


# -- announcements -------------------------------------------------------------------------


class RecordingAnnouncer(QObject):
    """Stands in for the board's announcer: records what the board asks it to say."""

    noticeChanged = Signal(str)  # noqa: N815 (a Qt signal: Qt's camelCase)

    def __init__(self, notice: str = ""):
        super().__init__()
        self.notice = notice
        self.said: list[tuple[str, str, str | None, bool]] = []

    def announce(
        self, code: str, counter: str, holder_language: str | None = None, recall: bool = False
    ) -> None:
        self.said.append((code, counter, holder_language, recall))

    def set_notice(self, text: str) -> None:
        self.notice = text
        self.noticeChanged.emit(text)


@pytest.fixture
def announcer():
    return RecordingAnnouncer()


def _announced_board(desk, qtbot, announcer, **options) -> BoardWindow:
    board = BoardWindow(desk.bridge, desk.fonts, announcer=announcer, **options)
    qtbot.addWidget(board)
    return board


def test_a_call_is_announced_with_its_code_counter_and_holder_language(desk, qtbot, announcer):
    board = _announced_board(desk, qtbot, announcer)
    journal = desk.journal
    journal.set_counter("C4", "open", ["SS"], name="4", floor="Piso 1", side="esquerda")
    ticket = journal.issue("SS", language="uk")
    journal.call(ticket.id, "C4")
    qtbot.waitUntil(lambda: bool(announcer.said))
    # the announcer decides whether to speak the language (the centre's setting)
    assert announcer.said == [(ticket.code, "4", "uk", False)]
    assert board.current_code.text() == ticket.code
    # said, never shown
    shown = " ".join(label.text() for label in board.findChildren(QLabel))
    assert "uk" not in shown.split()
    assert "Українська" not in shown


def test_several_calls_in_one_commit_are_announced_in_order(desk, qtbot, announcer):
    board = _announced_board(desk, qtbot, announcer)
    first, second = desk.journal.issue("SS"), desk.journal.issue("MS", language="ar")
    change = Change(desk.journal.today_doc(), "test", calls=(first.id, second.id))
    desk.journal.call(first.id, "C1")
    desk.journal.call(second.id, "C2")
    qtbot.waitUntil(lambda: len(announcer.said) == 2)
    announcer.said.clear()
    board._on_change(change)
    assert announcer.said == [
        (first.code, "C1", "pt", False),
        (second.code, "C2", "ar", False),
    ]


def test_a_recall_is_announced_as_a_recall(desk, qtbot, announcer):
    board = _announced_board(desk, qtbot, announcer)
    journal = desk.journal
    ticket = journal.issue("AIMA")
    journal.call(ticket.id, "C1")
    qtbot.waitUntil(lambda: len(announcer.said) == 1)
    journal.recall(ticket.id, "C1")
    qtbot.waitUntil(lambda: len(announcer.said) == 2)
    assert announcer.said[1] == (ticket.code, "C1", "pt", True)
    assert board.title.text() == CALLED_AGAIN


def test_calls_of_other_services_are_not_announced(desk, qtbot, announcer):
    board = _announced_board(desk, qtbot, announcer, services=["GASI"])
    journal = desk.journal
    journal.call(journal.issue("SS").id, "C1")
    ours = journal.issue("GASI")
    journal.call(ours.id, "C6")
    qtbot.waitUntil(lambda: bool(announcer.said))
    qtbot.wait(100)
    assert announcer.said == [(ours.code, "C6", "pt", False)]
    assert board.current_code.text() == ours.code


def test_the_announcers_notice_is_shown_while_it_has_one(desk, qtbot):
    silent = RecordingAnnouncer("Sem som · No sound: no audio output")
    board = _announced_board(desk, qtbot, silent)
    board.resize(1920, 1080)
    board.show()
    qtbot.waitExposed(board)
    assert board.notice.isVisible()
    assert board.notice.text() == "Sem som · No sound: no audio output"
    assert _colour_of(board.notice) == theme.BOARD_MUTED
    silent.set_notice("")
    assert not board.notice.isVisible()
    silent.set_notice("Sem som · No sound: the speech engine failed")
    assert board.notice.isVisible()
    assert "speech engine" in board.notice.text()
    _assert_readable(board)


# -- kept on its screen --------------------------------------------------------------------


def test_on_a_single_screen_the_board_is_a_window_hidden_or_full_screen(board):
    screen = board.screen()
    board.keep_on(-1, SharedScreen.WINDOW)
    assert board.isVisible()
    assert not board.isFullScreen()
    assert board.width() <= 1280
    assert board.height() <= 720
    board.keep_on(-1, SharedScreen.HIDE)
    assert not board.isVisible()
    board.keep_on(-1, SharedScreen.FULL_SCREEN)
    assert board.isVisible()
    assert board.isFullScreen()
    assert board.geometry() == screen.geometry()


#: The start of both probes: a demo desk in a process of its own, no window open yet.
PROBE_DESK = textwrap.dedent(
    """
    import json, subprocess, sys, tempfile
    from pathlib import Path
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from cnaim_desk.app import DEMO_CONFIG, DeskApp
    from cnaim_desk.journal.journal import Journal
    from cnaim_desk.printing.fonts import install_application_font, register_fonts
    from cnaim_desk.resources import resources_dir
    from cnaim_desk.ui.board.window import SharedScreen

    fonts = register_fonts()
    install_application_font(app, fonts)
    journal = Journal.init_standalone(
        Path(tempfile.mkdtemp()), DEMO_CONFIG, resources=resources_dir()
    )
    desk = DeskApp(app, journal, fonts)
    """
)

KEEP_ON_PROBE = PROBE_DESK + textwrap.dedent(
    """
    desk_screen, room = app.screens()
    seen = {}

    def where(name):
        app.processEvents()
        board = desk.board
        seen[name] = {
            "screen": board.screen().name(),
            "geometry": board.geometry().getRect(),
            "full": board.isFullScreen(),
            "visible": board.isVisible(),
        }

    desk.open_board(only_if_second_screen=True)
    where("opened")
    # moved off its screen (as a window manager does when a monitor goes), then a screen
    # comes: the board goes back to its own
    desk.board.show_on(desk_screen, full_screen=False)
    where("moved")
    app.screenAdded.emit(room)
    where("screen added")
    desk.board.show_on(desk_screen, full_screen=False)
    app.screenRemoved.emit(desk_screen)
    where("screen removed")
    # configured for the first screen, which a staff desk shares: hidden, not in the way
    desk.board.keep_on(0, SharedScreen.HIDE)
    where("shared, hidden")
    desk.board.keep_on(0, SharedScreen.WINDOW)
    where("shared, window")
    print(json.dumps(seen))
    desk.shutdown()
    """
)


def test_the_board_keeps_to_its_screen_as_screens_come_and_go(tmp_path):
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
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "TMPDIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-c", KEEP_ON_PROBE],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    on_room = {"screen": "room", "geometry": [1280, 0, 1920, 1080], "full": True, "visible": True}
    assert seen["opened"] == on_room
    moved = seen["moved"]
    assert moved["geometry"][0] < 1280  # on the desk's screen
    assert moved["full"] is False
    assert seen["screen added"] == on_room
    assert seen["screen removed"] == on_room
    assert seen["shared, hidden"]["visible"] is False
    shared = seen["shared, window"]
    assert (shared["screen"], shared["full"], shared["visible"]) == ("desk", False, True)
    assert shared["geometry"][2:] == [1280, 720]


def test_a_board_only_machine_fills_its_one_screen(desk, qtbot):
    desk.journal.config = dataclasses.replace(desk.journal.config, role="board")
    board = desk.open_board()
    qtbot.waitExposed(board)
    assert board.isFullScreen()
    assert board.geometry() == board.screen().geometry()


def test_a_staff_desk_without_a_second_screen_opens_no_board(desk):
    assert desk.open_board(only_if_second_screen=True) is None
    assert desk.board is None


X_KEEP_ON_PROBE = PROBE_DESK + textwrap.dedent(
    """
    seen = {}

    def where(name):
        loop = QEventLoop()
        QTimer.singleShot(500, loop.quit)
        loop.exec()
        found = {}
        for screen in (0, 1):
            windows = subprocess.run(
                ["xdotool", "search", "--screen", str(screen), "--onlyvisible", "--name",
                 "A chamar"], capture_output=True, text=True,
            ).stdout.split()
            for window in windows:
                shell = subprocess.run(
                    ["xdotool", "getwindowgeometry", "--shell", window],
                    capture_output=True, text=True,
                ).stdout.split()
                values = dict(line.split("=", 1) for line in shell)
                found[screen] = [int(values["WIDTH"]), int(values["HEIGHT"])]
        seen[name] = found

    desk.open_board(only_if_second_screen=True)
    where("opened")
    desk.board.show_on(app.screens()[0], full_screen=False)
    where("moved")
    app.screenAdded.emit(app.screens()[1])
    where("placed again")
    print(json.dumps(seen))
    desk.shutdown()
    """
)


@pytest.mark.slow
@pytest.mark.xvfb
def test_on_a_real_x_server_the_board_goes_back_to_its_screen(xvfb_two_screens, tmp_path):
    if shutil.which("xdotool") is None:
        pytest.fail("xdotool is not installed: run `packaging/check-system.sh --for test`")
    env = {**os.environ, "DISPLAY": xvfb_two_screens, "TMPDIR": str(tmp_path)}
    env.pop("QT_QPA_PLATFORM", None)
    result = subprocess.run(
        [sys.executable, "-c", X_KEEP_ON_PROBE],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["opened"] == {"1": [1920, 1080]}
    assert seen["moved"] == {"0": [1280, 720]}
    assert seen["placed again"] == {"1": [1920, 1080]}
