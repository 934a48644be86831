"""The reception window: keyboard issuing, printing, and a failed print that loses nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from cnaim_desk.domain.tickets import TicketStatus


def test_alt_letter_issues_for_that_service_with_the_chosen_language_and_priority(
    qtbot, qapp, desk
):
    reception = desk.open_reception()
    qtbot.addWidget(reception)
    reception.activateWindow()
    qtbot.waitUntil(lambda: qapp.activeWindow() is reception)
    reception.language.setCurrentIndex(reception.language.findData("bn"))
    reception.priority_buttons["elderly"].setChecked(True)
    with qtbot.waitSignal(reception.issued, timeout=5000) as issued:
        qtbot.keyClick(reception, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    ticket = issued.args[0].ticket
    assert (ticket.code, ticket.service, ticket.language, ticket.priority) == (
        "A001",
        "AIMA",
        "bn",
        "elderly",
    )
    # the priority is per arrival: it goes back to none for the next person
    assert reception.priority_buttons[None].isChecked()


def test_a_failed_print_keeps_the_ticket_and_offers_a_reprint(qtbot, desk):
    desk.settings.printer_name = "Unplugged-Receipt-Printer"
    reception = desk.open_reception()
    qtbot.addWidget(reception)
    with qtbot.waitSignal(reception.issued, timeout=5000) as issued:
        qtbot.mouseClick(reception.service_buttons["ACT"], Qt.MouseButton.LeftButton)
    result = issued.args[0]
    assert not result.printed.ok
    assert "Unplugged-Receipt-Printer" in result.printed.error
    assert reception.code_label.text() == "T001"
    assert "T001" in reception.print_label.text()
    assert "Not printed" in reception.print_label.text()
    assert reception.reprint_button.isEnabled()
    stored = desk.journal.ticket("T001")
    assert stored.status is TicketStatus.WAITING

    desk.settings.printer_name = ""  # back to PDF: the reprint works and is recorded
    reception.reprint_button.click()
    qtbot.waitUntil(lambda: desk.journal.ticket("T001").reprints == 1)
    qtbot.waitUntil(lambda: "PDF" in reception.print_label.text())


def test_side_panel_counts_waiting_and_quota_left(qtbot, desk):
    reception = desk.open_reception()
    qtbot.addWidget(reception)
    quota = desk.journal.profile.service("AIMA").daily_quota
    for _ in range(3):
        desk.journal.issue("AIMA")
    row = [s.code for s in desk.journal.profile.services].index("AIMA")
    qtbot.waitUntil(lambda: reception.load_table.item(row, 1).text() == "3")
    assert reception.load_table.item(row, 3).text() == str(quota - 3)


def test_refused_issue_is_explained_and_nothing_is_written(qtbot, desk):
    reception = desk.open_reception()
    qtbot.addWidget(reception)
    reception.issue_for("NOPE")
    qtbot.waitUntil(lambda: "Not issued" in reception.print_label.text())
    assert "NOPE" in reception.print_label.text()
    assert desk.bridge.read(lambda q: q.tickets(desk.bridge.today())) == []
    assert all(button.isEnabled() for button in reception.service_buttons.values())


@pytest.mark.parametrize("language", ["en", "pt_PT"])
def test_every_key_of_the_window_does_one_thing(qtbot, desk, language):
    """Service keys, mnemonics and shortcuts never collide (a clash silences both), in
    either interface language."""
    from PySide6.QtGui import QKeySequence, QShortcut
    from PySide6.QtWidgets import QAbstractButton, QLabel

    reception = desk.open_reception()
    desk.language.switch(language)
    qtbot.waitUntil(
        lambda: (
            (reception.services_box.title() == "Issue a ticket for (Alt + the letter)")
            == (language == "en")
        )
    )
    keys = [shortcut.key().toString() for shortcut in reception.findChildren(QShortcut)]
    for widget in [*reception.findChildren(QAbstractButton), *reception.findChildren(QLabel)]:
        mnemonic = QKeySequence.mnemonic(widget.text())
        if not mnemonic.isEmpty():
            keys.append(mnemonic.toString())
    assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)
    assert {f"Alt+{s.letter}" for s in desk.journal.profile.services} <= set(keys)
