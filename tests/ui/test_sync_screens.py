"""What the people at the desks see of the sync: both counters told when they called the
same person while apart; a board-only PC showing the calls its desks feed it, and
saying when none does; the window listing the centre's desks."""

from __future__ import annotations

import sqlite3
import time

import pytest

from cnaim_desk.app import NO_FEED, BoardOnlyApp, DeskApp
from cnaim_desk.resources import resources_dir
from cnaim_desk.sync.background import BackgroundSync
from cnaim_desk.sync.enrolment import enroll, join
from cnaim_desk.sync.pki import PkiFiles
from cnaim_desk.ui.desk_menu import DeskMenu
from cnaim_desk.ui.qt_journal import JournalBridge
from cnaim_desk.ui.settings import DeskSettings
from tests.sync.centre import exchange, make_centre

# On the real clock (links, retries): centres open around the clock, whatever the hour.
pytestmark = pytest.mark.usefixtures("always_open_resources")

SECONDS_MS = 15000


def test_two_counters_that_called_the_same_person_apart_are_both_told(qtbot, qapp, fonts, tmp_path):
    from cnaim_desk.ui.counter.window import CounterWindow

    r1, c1, c2 = make_centre(tmp_path, ("C1", "counter"), ("C2", "counter"))
    bridges = [JournalBridge(c1), JournalBridge(c2)]
    try:
        ticket = r1.issue("SS")
        exchange(r1, c1, c2)
        windows = [
            CounterWindow(bridge, desk, fonts)
            for bridge, desk in zip(bridges, ("C1", "C2"), strict=True)
        ]
        for window in windows:
            qtbot.addWidget(window)
        # Apart, both call the same person: C1 a moment before C2.
        c1.call(ticket.id, "C1")
        time.sleep(0.01)
        c2.call(ticket.id, "C2")
        for window in windows:
            window.current = window._bridge.journal.ticket(ticket.id)
        exchange(c1, c2)  # the network is back
        assert c1.ticket(ticket.id).called_by == c2.ticket(ticket.id).called_by == "C1"
        first, second = windows
        qtbot.waitUntil(lambda: "stays here" in first.message.text(), timeout=SECONDS_MS)
        qtbot.waitUntil(lambda: "goes there" in second.message.text(), timeout=SECONDS_MS)
        assert first.message.text().startswith("⚠ " + ticket.code)
        assert "C2" in first.message.text()
        assert "C1 called first" in second.message.text()
        assert first.current is not None
        assert first.current.id == ticket.id
        assert second.current is None  # the person is C1's: C2 calls the next one
        told = second.message.text()
        second.message.setText("")
        exchange(c1, c2, r1)  # the ticket comes again with a later sync: not told twice
        qapp.processEvents()
        assert second.message.text() == ""
        assert told
    finally:
        for bridge in bridges:
            bridge.shutdown()
        for journal in (r1, c1, c2):
            journal.close()


def test_a_board_only_pc_shows_what_its_desks_feed_it_and_keeps_nothing(
    qtbot, qapp, fonts, tmp_path
):
    r1, c1 = make_centre(tmp_path, ("C1", "counter"))
    join(tmp_path / "B1", enroll(r1, "B1", "board"), resources=resources_dir()).close()
    node = BackgroundSync(r1, PkiFiles(r1.data_dir.root), listen=("127.0.0.1", 0))
    node.start()
    assert node.listening is not None, node.error
    settings = DeskSettings(tmp_path / "B1" / "settings.ini")
    settings.sync_peers = [node.listening]
    settings.sync_discovery = False
    board_pc = BoardOnlyApp(qapp, tmp_path / "B1", fonts)
    try:
        board = board_pc.open_board()
        qtbot.addWidget(board)
        assert NO_FEED in board.notice.text()  # nothing fed yet, and it says so
        board_pc.start_sync()
        waiting = r1.issue("SS", language="ar")
        qtbot.waitUntil(lambda: board_pc.feeds.sources == ["R1"], timeout=SECONDS_MS)
        qtbot.waitUntil(lambda: board.waiting_rows["SS"].count.text() == "1", timeout=SECONDS_MS)
        r1.set_counter("C1", "open", ["SS"], "Ana Silva", name="Balcão 1")
        r1.call(waiting.id, "C1")
        qtbot.waitUntil(lambda: board.current_code.text() == waiting.code, timeout=SECONDS_MS)
        assert "Balcão 1" in board.current_counter.text()
        assert board.waiting_rows["SS"].count.text() == "0"
        qtbot.waitUntil(lambda: NO_FEED not in board.notice.text(), timeout=SECONDS_MS)
        # The board PC's folder holds no queue: no ticket, no event, on its disk.
        with sqlite3.connect(tmp_path / "B1" / "journal.sqlite") as db:
            assert db.execute("SELECT count(*) FROM ticket").fetchone() == (0,)
            assert db.execute("SELECT count(*) FROM event").fetchone() == (0,)
        node.stop()  # the desk goes: the board says it is not linked
        qtbot.waitUntil(lambda: NO_FEED in board.notice.text(), timeout=SECONDS_MS)
        assert board.current_code.text() == waiting.code  # and shows the last it knew
    finally:
        board_pc.shutdown()
        node.stop()
        r1.close()
        c1.close()


def test_the_desks_window_lists_every_desk_with_its_reach(qtbot, qapp, fonts, tmp_path):
    r1, c4, r2 = make_centre(tmp_path, ("C4", "counter"), ("R2", "reception"))
    r2.close()
    node = BackgroundSync(r1, PkiFiles(r1.data_dir.root), listen=("127.0.0.1", 0))
    node.start()
    desk = DeskApp(qapp, c4, fonts)
    try:
        desk.settings.ui_language = "en"
        desk.language.switch("en")
        desk.settings.sync_listen = ""
        desk.settings.sync_discovery = False
        desk.settings.sync_peers = [node.listening]
        desk.start_sync()
        window = desk.open_counter("C4")
        qtbot.addWidget(window)
        menu = window.findChild(DeskMenu)
        assert menu.desks_action.isVisible()
        assert menu.desks_action.text() == "Desks of the &centre…"
        dialog = desk.show_desks(window)
        rows = lambda: {  # noqa: E731
            dialog.table.item(row, 0).text(): [
                dialog.table.item(row, column).text() for column in range(1, 5)
            ]
            for row in range(dialog.table.rowCount())
        }
        qtbot.waitUntil(lambda: rows().get("R1", [""])[1] == "linked", timeout=SECONDS_MS)
        r1.issue("SS")
        qtbot.waitUntil(lambda: rows()["R1"][3] == "in step", timeout=SECONDS_MS)
        assert rows()["R1"][0] == "reception"
        assert rows()["R2"] == ["reception", "out of reach", "not since this desk started", "—"]
        assert "C4" not in rows()  # itself is not listed
        dialog.close()
    finally:
        desk.shutdown()
        node.stop()
        r1.close()
