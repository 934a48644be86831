"""The reception window: triage by keys in the arrival's language, the key-press budget,
refusals with a booking slip, groups, visits, lawyers, appointments, a failed print."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea

from cnaim_desk.app import DeskApp
from cnaim_desk.domain.clock import LISBON
from cnaim_desk.domain.flow_check import paths
from cnaim_desk.domain.tickets import TicketStatus
from cnaim_desk.journal.desk import DeskConfig
from cnaim_desk.journal.journal import Journal
from cnaim_desk.journal.tables import DayRow
from cnaim_desk.resources import resources_dir
from cnaim_desk.ui.reception.triage_view import LANGUAGE_KEYS

KEY_OF_LANGUAGE = {tag: key for key, tag in LANGUAGE_KEYS}
QT_KEYS = {
    **{str(digit): getattr(Qt.Key, f"Key_{digit}") for digit in range(10)},
    **{chr(code): getattr(Qt.Key, f"Key_{chr(code)}") for code in range(ord("A"), ord("Z") + 1)},
}


def press(qtbot, window, *keys: str) -> None:
    for key in keys:
        if key == "Enter":
            qtbot.keyClick(window, Qt.Key.Key_Return)
        elif key == "F2":
            qtbot.keyClick(window, Qt.Key.Key_F2)
        elif key == "Back":
            qtbot.keyClick(window, Qt.Key.Key_Backspace)
        else:
            qtbot.keyClick(window, QT_KEYS[key])


@pytest.fixture
def reception(qtbot, desk):
    window = desk.open_reception()
    qtbot.addWidget(window)
    return window


def _ten_frequent_paths(flow):
    frequent = {}
    for path in paths(flow):
        if path.outcome.frequent:
            frequent.setdefault(path.outcome.id, path)
    return list(frequent.values())


def test_a_narrow_window_never_scrolls_sideways(qtbot, reception, monkeypatch):
    """Long answers in two languages take one column when two do not fit; left on the
    hidden question page, they no longer widen the language keys' page either (a window
    1,100 pixels wide used to scroll sideways on both)."""
    reception.resize(1100, 760)
    reception.show()
    qtbot.waitExposed(reception)
    (scroll,) = reception.findChildren(QScrollArea)
    press(qtbot, reception, "4")  # Bengali: the first question, long answers in two languages
    qtbot.waitUntil(lambda: reception.view.pages.currentWidget() is reception.view.question_page)
    qtbot.wait(50)  # the layout settles
    # The answers go in one column when two do not fit: no sideways scroll here either.
    assert scroll.horizontalScrollBar().maximum() == 0
    boxes = reception.view._answer_boxes
    assert len({box.x() for box in boxes}) == 1
    press(qtbot, reception, "Back")
    qtbot.waitUntil(lambda: reception.view.pages.currentWidget() is reception.view.language_page)
    qtbot.wait(50)
    assert scroll.horizontalScrollBar().maximum() == 0
    # With room for two (a wide screen), the same answers take two columns.
    press(qtbot, reception, "4")
    qtbot.waitUntil(lambda: reception.view.pages.currentWidget() is reception.view.question_page)
    monkeypatch.setattr(reception.view, "_room", lambda: 5000)
    reception.view._place_answers()
    rows = {reception.view.answers.getItemPosition(i)[0] for i in range(len(boxes))}
    assert len(rows) == (len(boxes) + 1) // 2


def test_the_ten_frequent_matters_reach_a_ticket_in_four_keys(qtbot, reception):
    frequent = _ten_frequent_paths(reception.flow)
    assert len(frequent) == 10
    languages = ["bn", "pt", "ar", "hi", "ur", "uk", "zh-Hans", "ne", "pa", "en"]
    for path, language in zip(frequent, languages, strict=True):
        press(qtbot, reception, "F2")  # next arrival: where counting starts
        keys = [KEY_OF_LANGUAGE[language], *(answer.key for _, answer in path.steps), "Enter"]
        assert len(keys) <= 4, (path.outcome.id, keys)
        with qtbot.waitSignal(reception.issued, timeout=5000) as issued:
            press(qtbot, reception, *keys)
        ticket = issued.args[0].ticket
        assert ticket.service == path.outcome.service, path.outcome.id
        assert ticket.language == language
        assert ticket.triage == (path.outcome.id,)
        assert ticket.answers == tuple(f"{q.id}:{a.id}" for q, a in path.steps)


def test_each_question_is_shown_in_portuguese_and_in_the_arrivals_language(qtbot, reception):
    press(qtbot, reception, "F2", KEY_OF_LANGUAGE["ar"], "1")
    question = reception.flow.questions["permit"]
    assert reception.view.question_staff.text() == question.text.get("pt")
    assert reception.view.question_holder.text() == question.text.get("ar")
    assert reception.view.question_holder.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert reception.view.question_holder.isVisible()
    press(qtbot, reception, "Back")
    assert reception.session.question.id == "matter"
    press(qtbot, reception, "Back")
    assert reception.session.state.language is None  # back to the languages


def test_priority_group_children_interpreter_and_another_matter(qtbot, reception, desk):
    press(qtbot, reception, "F2", "1", "2", "1")  # pt, Social Security, NISS
    press(qtbot, reception, "P", "2", "G", "4", "C", "I", "2", "M", "3")  # + health
    assert reception.session.ready
    with qtbot.waitSignal(reception.issued, timeout=5000) as issued:
        press(qtbot, reception, "Enter")
    ticket = issued.args[0].ticket
    assert (ticket.service, ticket.visit) == ("SS", ("MS",))
    assert (ticket.priority, ticket.group_size, ticket.children) == ("elderly", 4, True)
    assert ticket.interpreter == "telephone"
    assert ticket.triage == ("ss_niss", "ms_utente")


def test_undo_takes_back_the_last_action_only(qtbot, reception):
    press(qtbot, reception, "F2", "1", "3", "C")
    assert reception.session.state.children
    reception.undo()
    assert not reception.session.state.children
    assert reception.session.ready  # still at the summary


def test_information_only_is_recorded_without_a_ticket(qtbot, reception, desk):
    press(qtbot, reception, "F2", KEY_OF_LANGUAGE["ne"], "I", "1")
    with qtbot.waitSignal(reception.informed, timeout=5000):
        press(qtbot, reception, "Enter")
    today = desk.bridge.today()
    assert desk.bridge.read(lambda q: q.tickets(today)) == []
    day = desk.bridge.read(lambda q: q.session.get(DayRow, today))
    assert day.info_given == 1


def test_no_ticket_past_the_quota_says_so_and_prints_a_booking_slip(qtbot, reception, desk):
    quota = desk.journal.profile.service("GAEM").daily_quota
    for _ in range(quota):
        desk.journal.issue("GAEM")
    press(qtbot, reception, "F2", KEY_OF_LANGUAGE["bn"], "N")
    assert reception.refusal is not None
    assert reception.refusal.kind == "quota"
    staff, holder = reception.view.refusal
    assert "808 257 257" in staff
    assert "808 257 257" in holder
    assert holder != staff  # the Bengali words, not the Portuguese again
    before = len(desk.bridge.read(lambda q: q.tickets(desk.bridge.today())))
    with qtbot.waitSignal(reception.slipped, timeout=5000) as slipped:
        press(qtbot, reception, "Enter")
    printed = slipped.args[0]
    assert printed.ok
    assert Path(printed.destination).read_bytes().startswith(b"%PDF")
    assert len(desk.bridge.read(lambda q: q.tickets(desk.bridge.today()))) == before


def test_appointment_only_service_refuses_walk_ins_with_a_slip(qtbot, reception):
    press(qtbot, reception, "F2", "1", "0")  # nationality: registries, by appointment
    assert reception.refusal.kind == "appointment_only"
    with qtbot.waitSignal(reception.slipped, timeout=5000):
        press(qtbot, reception, "Enter")


def test_past_the_cut_off_aima_gives_no_ticket(qtbot, qapp, fonts, tmp_path):
    late = datetime(2026, 12, 7, 10, 30, tzinfo=LISBON)
    journal = Journal.init_standalone(
        tmp_path / "late",
        DeskConfig(centre="lisboa", desk="R2", role="reception"),
        resources=resources_dir(),
        now_ms=lambda: int(late.timestamp() * 1000),
    )
    app = DeskApp(qapp, journal, fonts)
    app.language.switch("en")
    try:
        window = app.open_reception()
        qtbot.addWidget(window)
        press(qtbot, window, "F2", "2", "1", "1")  # English, permits, renewal (AIMA)
        assert window.refusal.kind == "cutoff"
        assert "10:00" in window.view.refusal[0]
    finally:
        app.bridge.shutdown()
        app.language.switch("en")
        journal.close()


def test_the_lawyer_cap(qtbot, reception, desk):
    cap = desk.journal.profile.lawyer_daily_cap
    press(qtbot, reception, "F2", "1", "1", "1")
    reception.session.set_lawyer("54321 P", cap)
    with qtbot.waitSignal(reception.issued, timeout=5000) as issued:
        press(qtbot, reception, "Enter")
    assert issued.args[0].ticket.lawyer
    press(qtbot, reception, "F2", "1", "1", "2")
    reception.session.set_lawyer("54321p", 1)  # the same lawyer, typed differently
    press(qtbot, reception, "Enter")
    qtbot.waitUntil(lambda: reception.refusal is not None)
    assert reception.refusal.kind == "lawyer_cap"
    assert not reception.refusal.bookable


def test_appointments_import_and_check_in(qtbot, reception, desk, tmp_path):
    now = desk.journal.now()
    due = (now + timedelta(minutes=5)).strftime("%H:%M")
    listing = tmp_path / "lam.csv"
    listing.write_text(
        f"time,service,reference,language,note\n{due},SS,LAM-77,uk,bring the child\n",
        encoding="utf-8",
    )
    reception.import_appointments(str(listing))
    qtbot.waitUntil(lambda: reception.appointments_table.rowCount() == 1)
    assert reception.appointments_table.item(0, 2).text() == "LAM-77"
    walk_in = desk.journal.issue("SS")
    with qtbot.waitSignal(reception.issued, timeout=5000) as issued:
        reception.check_in("lam-77")
    ticket = issued.args[0].ticket
    assert ticket.booking == "LAM-77"
    assert ticket.language == "uk"
    assert ticket.position == 0  # due appointments go first
    assert desk.journal.ticket(walk_in.code).position == 1
    qtbot.waitUntil(lambda: reception.appointments_table.item(0, 3).text() == ticket.code)


def test_alt_letter_issues_straight_for_a_service(qtbot, qapp, reception):
    reception.activateWindow()
    qtbot.waitUntil(lambda: qapp.activeWindow() is reception)
    press(qtbot, reception, "F2", KEY_OF_LANGUAGE["bn"])
    with qtbot.waitSignal(reception.issued, timeout=5000) as issued:
        qtbot.keyClick(reception, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    ticket = issued.args[0].ticket
    assert (ticket.code, ticket.service, ticket.language) == ("A001", "AIMA", "bn")


def test_a_failed_print_keeps_the_ticket_and_offers_a_reprint(qtbot, desk):
    desk.settings.printer_name = "Unplugged-Receipt-Printer"
    reception = desk.open_reception()
    qtbot.addWidget(reception)
    with qtbot.waitSignal(reception.issued, timeout=5000) as issued:
        reception.issue_for("ACT")
    result = issued.args[0]
    assert not result.printed.ok
    assert "Unplugged-Receipt-Printer" in result.printed.error
    assert reception.code_label.text() == "T001"
    assert "T001" in reception.print_label.text()
    assert reception.reprint_button.isEnabled()
    assert desk.journal.ticket("T001").status is TicketStatus.WAITING
    desk.settings.printer_name = ""
    reception.reprint_button.click()
    qtbot.waitUntil(lambda: desk.journal.ticket("T001").reprints == 1)


def test_side_panel_counts_waiting_quota_left_and_cut_off(qtbot, reception, desk):
    quota = desk.journal.profile.service("AIMA").daily_quota
    for _ in range(3):
        desk.journal.issue("AIMA")
    row = [s.code for s in desk.journal.profile.services].index("AIMA")
    qtbot.waitUntil(lambda: reception.load_table.item(row, 1).text() == "3")
    assert reception.load_table.item(row, 3).text() == str(quota - 3)
    assert reception.load_table.item(row, 4).text() == "10:00"


@pytest.mark.parametrize("language", ["en", "pt_PT"])
def test_every_key_of_the_window_does_one_thing(qtbot, desk, language):
    """Service keys, mnemonics and shortcuts never collide (a clash silences both)."""
    from PySide6.QtGui import QKeySequence, QShortcut
    from PySide6.QtWidgets import QAbstractButton, QLabel

    reception = desk.open_reception()
    desk.language.switch(language)
    qtbot.wait(50)
    keys = [shortcut.key().toString() for shortcut in reception.findChildren(QShortcut)]
    for widget in [*reception.findChildren(QAbstractButton), *reception.findChildren(QLabel)]:
        mnemonic = QKeySequence.mnemonic(widget.text())
        if not mnemonic.isEmpty():
            keys.append(mnemonic.toString())
    assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)
    assert {f"Alt+{s.letter}" for s in desk.journal.profile.services} <= set(keys)
