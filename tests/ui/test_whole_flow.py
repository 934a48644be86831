"""One desk end to end with real widgets: a receptionist issues a ticket and it prints,
a counter calls it, the board shows the call; everything is on disk."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from cnaim_desk.domain.tickets import TicketStatus
from cnaim_desk.journal.journal import Journal
from cnaim_desk.resources import resources_dir


def test_issue_at_reception_call_at_counter_board_shows_it(qtbot, desk, morning_now):
    reception = desk.open_reception()
    counter = desk.open_counter("C4")
    board = desk.open_board()
    for window in (reception, counter, board):
        qtbot.addWidget(window)

    # The arrival speaks Arabic (key 8) and needs a Social Security number (2, then 1).
    for key in (Qt.Key.Key_F2, Qt.Key.Key_8, Qt.Key.Key_2):
        qtbot.keyClick(reception, key)
    # The answer can be clicked too: the first answer's button (NISS).
    niss = next(b for b in reception.view.findChildren(QPushButton) if b.text().startswith("1 "))
    qtbot.mouseClick(niss, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(reception.issued, timeout=5000) as issued:
        qtbot.keyClick(reception, Qt.Key.Key_Return)
    ticket = issued.args[0].ticket
    printed = issued.args[0].printed

    assert ticket.code == "S001"
    assert ticket.language == "ar"
    assert printed.ok, printed.error
    pdf = Path(printed.destination)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert reception.code_label.text() == "S001"
    qtbot.waitUntil(lambda: reception.load_table.item(2, 1).text() == "1")
    assert ticket.triage == ("ss_niss",)

    qtbot.mouseClick(counter.buttons["call"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: counter.current is not None and counter.current.code == "S001")
    assert counter.code_label.text() == "S001"
    qtbot.waitUntil(lambda: board.current_code.text() == "S001")
    assert "C4" in board.current_counter.text()

    qtbot.mouseClick(counter.buttons["start"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: counter.current is not None and counter.current.status == "serving")
    qtbot.mouseClick(counter.buttons["finish"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(counter.choice.isVisible)  # how it ended: the usual outcome first
    qtbot.mouseClick(counter.choice.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: counter.current is None)

    root = desk.journal.data_dir.root
    desk.journal.close()
    with Journal.open_read_only(root, resources=resources_dir(), now_ms=morning_now) as reopened:
        stored = reopened.ticket("S001")
        assert stored.status is TicketStatus.DONE
        assert stored.called_by == "C4"
        assert reopened.check().ok
