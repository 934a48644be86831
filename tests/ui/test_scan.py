"""Scanning tickets: the counter opens and calls a scanned ticket, reception finds a lost
one and prints it again; forged, altered, other-centre and other-day codes are refused
with the reason. A keyboard-wedge scanner is a keyboard: the tests type as it does."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from cnaim_desk.domain.tickets import TicketStatus
from cnaim_desk.journal.signing import CentreKey
from cnaim_desk.printing.reference import TicketReference
from cnaim_desk.ui.reception.find_dialog import FindTicketDialog


def scan(qtbot, widget, text: str) -> None:
    """What a hand scanner does: type the characters, then Enter, into ``widget``."""
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def activate(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def scan_into_focus(qtbot, window, text: str) -> None:
    """A scanner types into whatever has the keyboard focus, key after key."""
    activate(qtbot, window)
    for character in [*text, "\r"]:
        target = QApplication.focusWidget()
        if character == "\r":
            qtbot.keyClick(target, Qt.Key.Key_Return)
        else:
            qtbot.keyClicks(target, character)


@pytest.fixture
def counter(qtbot, desk):
    window = desk.open_counter("C4")
    qtbot.addWidget(window)
    return window


def test_the_scan_field_has_the_focus_when_the_counter_opens(qtbot, qapp, counter):
    counter.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is counter.scan.edit)


def test_scanning_a_ticket_opens_it_and_f4_calls_it_out_of_turn(qtbot, desk, counter):
    first = desk.journal.issue("SS", language="ar")
    second = desk.journal.issue("SS", language="uk")
    qtbot.waitUntil(lambda: counter.queue.rowCount() == 2)
    scan(qtbot, counter.scan.edit, desk.output.reference(second))
    assert counter.scanned is not None
    assert counter.scanned.code == second.code
    assert second.code in counter.scanned_label.text()
    assert "1 ahead" in counter.scanned_label.text()
    assert counter.call_scanned_button.isEnabled()
    qtbot.keyClick(counter, Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: counter.current is not None)
    assert counter.current.code == second.code  # not the first in line
    assert desk.journal.ticket(second.code).status is TicketStatus.CALLED
    assert desk.journal.ticket(first.code).status is TicketStatus.WAITING
    assert counter.scanned is None


def test_a_scan_while_the_queue_has_the_focus_still_reaches_the_field(qtbot, desk, counter):
    ticket = desk.journal.issue("ACT")
    qtbot.waitUntil(lambda: counter.queue.rowCount() == 1)
    counter.activateWindow()
    counter.queue.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is counter.queue)
    scan_into_focus(qtbot, counter, desk.output.reference(ticket))
    assert counter.scanned is not None
    assert counter.scanned.code == ticket.code


def test_a_typed_code_in_any_case_opens_the_ticket(qtbot, desk, counter):
    ticket = desk.journal.issue("ACT")
    scan(qtbot, counter.scan.edit, ticket.code.lower())
    assert counter.scanned.code == ticket.code


def test_a_ticket_called_to_this_counter_becomes_the_current_one(qtbot, desk, counter):
    ticket = desk.journal.issue("SS")
    desk.journal.call(ticket.id, "C4")
    scan(qtbot, counter.scan.edit, desk.output.reference(ticket))
    assert counter.current is not None
    assert counter.current.code == ticket.code
    assert counter.buttons["finish"].isEnabled()


def test_a_finished_ticket_is_shown_but_not_called(qtbot, desk, counter):
    ticket = desk.journal.issue("SS")
    desk.journal.call(ticket.id, "C9")
    desk.journal.start(ticket.id, "C9")
    desk.journal.finish(ticket.id, "C9")
    scan(qtbot, counter.scan.edit, desk.output.reference(ticket))
    assert "done" in counter.scanned_label.text()
    assert "called by C9" in counter.scanned_label.text()
    assert not counter.call_scanned_button.isEnabled()


def _signed(desk, ticket, *, centre=None, day=None, key=None) -> str:
    reference = TicketReference(
        centre or desk.journal.profile.id, day or ticket.day, ticket.code, ticket.id
    )
    return reference.encode(key or desk.journal.centre_key)


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda desk, t: desk.output.reference(t).replace(t.code, "S999"), "damaged or forged"),
        (lambda desk, t: _signed(desk, t, key=CentreKey.generate()), "damaged or forged"),
        (lambda desk, t: _signed(desk, t, centre="norte"), "another centre (norte)"),
        (
            lambda desk, t: _signed(
                desk, t, day=(date.fromisoformat(t.day) - timedelta(days=1)).isoformat()
            ),
            "another day",
        ),
        (lambda desk, t: "https://example.org/some-other-code", "not a CNAIM ticket code"),
        (lambda desk, t: "S404", "There is no ticket S404 today"),
    ],
    ids=["altered", "forged", "other-centre", "other-day", "not-ours", "unknown-code"],
)
def test_what_is_not_a_ticket_of_today_here_is_refused_with_the_reason(
    qtbot, desk, counter, make, reason
):
    ticket = desk.journal.issue("SS")
    with qtbot.waitSignal(counter.scan.refused) as refused:
        scan(qtbot, counter.scan.edit, make(desk, ticket))
    assert reason in refused.args[0]
    assert reason in counter.scan.message.text()
    assert counter.scan.message.isVisibleTo(counter)
    assert counter.scanned is None
    assert counter.current is None
    assert counter.scan.edit.text() == ""  # ready for the next scan


def test_refusals_speak_portuguese_in_a_portuguese_interface(qtbot, desk, counter):
    desk.language.switch("pt_PT")
    ticket = desk.journal.issue("SS")
    with qtbot.waitSignal(counter.scan.refused) as refused:
        scan(qtbot, counter.scan.edit, _signed(desk, ticket, centre="norte"))
    assert "outro centro" in refused.args[0]
    qtbot.waitUntil(lambda: counter.scan.label.text().startswith("Ler ou escrever"))
    assert counter.call_scanned_button.text() == "Chamar esta senha (F4)"


# -- reception: a lost ticket ------------------------------------------------------------


@pytest.fixture
def reception(qtbot, desk):
    window = desk.open_reception()
    qtbot.addWidget(window)
    return window


def test_f7_finds_a_lost_ticket_by_its_scanned_code_and_prints_it_again(qtbot, desk, reception):
    lost = desk.journal.issue("SS", language="bn")
    desk.journal.issue("ACT")  # issued after it: the last ticket is another one
    qtbot.keyClick(reception, Qt.Key.Key_F7)
    dialog = reception.findChild(FindTicketDialog)
    assert dialog is not None
    assert dialog.isVisible()
    activate(qtbot, dialog)
    scan(qtbot, dialog.scan.edit, desk.output.reference(lost))
    assert dialog.code_label.text() == lost.code
    assert dialog.reprint_button.isEnabled()
    assert QApplication.focusWidget() is dialog.reprint_button
    qtbot.keyClick(dialog.reprint_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desk.journal.ticket(lost.code).reprints == 1)
    qtbot.waitUntil(lambda: reception.code_label.text() == lost.code)
    assert "Saved as PDF" in reception.print_label.text()
    pdf = desk.journal.data_dir.root / "tickets" / lost.day / f"{lost.code}.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")


def test_find_by_typed_code_and_a_second_scan_does_not_print_the_first(qtbot, desk, reception):
    first = desk.journal.issue("SS")
    second = desk.journal.issue("MS")
    dialog = reception.find_ticket()
    activate(qtbot, dialog)
    scan(qtbot, dialog.scan.edit, first.code)
    assert dialog.ticket.code == first.code
    # the scanner types again while the button has the focus: the field gets it all
    assert QApplication.focusWidget() is dialog.reprint_button
    scan_into_focus(qtbot, dialog, second.code)
    assert dialog.ticket.code == second.code
    assert dialog.isVisible()
    assert desk.journal.ticket(first.code).reprints == 0


def test_a_ticket_no_longer_in_the_queue_is_not_printed_again(qtbot, desk, reception):
    ticket = desk.journal.issue("SS")
    desk.journal.cancel(ticket.id)
    dialog = reception.find_ticket()
    scan(qtbot, dialog.scan.edit, ticket.code)
    assert "not printed again" in dialog.detail_label.text()
    assert not dialog.reprint_button.isEnabled()
    dialog.accept()
    assert dialog.isVisible()


def test_the_preview_shows_the_ticket_as_printed_and_enter_prints_it(qtbot, desk, reception):
    with qtbot.waitSignal(reception.issued, timeout=5000):
        reception.issue_for("ACT")
    assert reception.preview_button.isEnabled()
    dialog = reception.preview_last()
    assert dialog is not None
    assert "80 mm receipt roll" in dialog.paper_label.text()
    assert dialog.image.width() == round(80 * 150 / 25.4)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desk.journal.ticket("T001").reprints == 1)


def test_the_preview_follows_the_paper_setting(qtbot, desk, reception):
    from cnaim_desk.printing.layout import Paper

    with qtbot.waitSignal(reception.issued, timeout=5000):
        reception.issue_for("ACT")
    desk.settings.paper = Paper.A6
    dialog = reception.preview_last()
    assert "A6" in dialog.paper_label.text()
    assert (dialog.image.width(), dialog.image.height()) == (
        round(105 * 150 / 25.4),
        round(148 * 150 / 25.4),
    )
    dialog.reject()
