"""The counter window, driven from the keyboard as a technician does: sign in, open, pause
and close the counter; call by the policy, from the list or by scanning; recall up to the
centre's limit; start; finish with an outcome (a visit going on to its next service); no-
show and reinstatement; referral with a reason; cancellation; refusals explained."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from cnaim_desk.domain.clock import LISBON
from cnaim_desk.domain.tickets import TicketStatus
from cnaim_desk.journal.store import write_failure
from cnaim_desk.ui.counter.window import COLUMNS
from cnaim_desk.ui.labels import refusal_text


def cell(counter, row: int, column: str) -> str:
    return counter.queue.item(row, COLUMNS.index(column)).text()


def press(qtbot, counter, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key as the technician presses it, into whatever has the focus in the window."""
    target = QApplication.focusWidget() or counter
    qtbot.keyClick(target, key, modifier)


def call(qtbot, counter) -> None:
    """F5, and the person is called to this counter."""
    press(qtbot, counter, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: counter.current is not None)


def serve(qtbot, counter) -> None:
    """F5 then F7: the next person called and being served."""
    call(qtbot, counter)
    press(qtbot, counter, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: counter.current.status is TicketStatus.SERVING)


def counter_state(desk, name: str):
    return desk.bridge.read(lambda q: q.counters(desk.bridge.today())).get(name)


def opened(qtbot, qapp, desk, name: str):
    counter = desk.open_counter(name)
    qtbot.addWidget(counter)
    counter.activateWindow()
    qtbot.waitUntil(lambda: qapp.activeWindow() is counter)
    qtbot.waitUntil(lambda: counter.state is not None and counter.state.status == "open")
    return counter


def test_the_list_shows_what_to_know_before_calling(qtbot, qapp, desk):
    journal = desk.journal
    journal.issue("SS", language="uk")
    family = journal.issue(
        "SS", language="ur", group_size=3, children=True, interpreter="telephone"
    )
    infant = journal.issue("SS", priority="infant")
    counter = opened(qtbot, qapp, desk, "C4")
    qtbot.waitUntil(lambda: counter.queue.rowCount() == 3)
    assert cell(counter, 0, "code") == infant.code  # legal priority first
    assert cell(counter, 0, "priority") == "Child up to 2"
    row = next(r for r in range(3) if cell(counter, r, "code") == family.code)
    assert cell(counter, row, "language") == "اردو (ur)"
    assert (cell(counter, row, "interpreter"), cell(counter, row, "children")) == (
        "by telephone",
        "yes",
    )
    assert cell(counter, row, "group") == "3"
    assert cell(counter, row, "priority") == ""


def test_call_recall_start_and_finish_with_an_outcome_from_the_keyboard(qtbot, qapp, desk):
    journal = desk.journal
    ticket = journal.issue("SS")
    counter = opened(qtbot, qapp, desk, "C4")
    call(qtbot, counter)
    assert counter.current.code == ticket.code
    press(qtbot, counter, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: counter.current.recalls == 1)
    assert "recalled 1×" in counter.detail_label.text()
    press(qtbot, counter, Qt.Key.Key_F8)  # not yet started: told so, nothing asked
    qtbot.waitUntil(lambda: "Start serving" in counter.message.text())
    assert not counter.choice.isVisible()
    press(qtbot, counter, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: counter.current.status is TicketStatus.SERVING)

    press(qtbot, counter, Qt.Key.Key_F8)
    qtbot.waitUntil(counter.choice.isVisible)
    assert QApplication.focusWidget() is counter.choice.first
    press(qtbot, counter, Qt.Key.Key_2)  # documents missing
    press(qtbot, counter, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: counter.current is None)
    done = journal.ticket(ticket.code)
    assert (done.status, done.outcome) == (TicketStatus.DONE, "documents_missing")
    assert not counter.choice.isVisible()
    assert QApplication.focusWidget() is counter.scan.edit  # ready for the next scan


def test_escape_leaves_the_ticket_as_it_was(qtbot, qapp, desk):
    ticket = desk.journal.issue("SS")
    counter = opened(qtbot, qapp, desk, "C4")
    serve(qtbot, counter)
    press(qtbot, counter, Qt.Key.Key_F8)
    qtbot.waitUntil(counter.choice.isVisible)
    press(qtbot, counter, Qt.Key.Key_Escape)
    assert not counter.choice.isVisible()
    assert desk.journal.ticket(ticket.code).status is TicketStatus.SERVING


def test_a_visit_goes_on_to_its_next_service_when_finished(qtbot, qapp, desk):
    ticket = desk.journal.issue("SS", visit=("MS",))
    counter = opened(qtbot, qapp, desk, "C4")
    serve(qtbot, counter)
    press(qtbot, counter, Qt.Key.Key_F8)
    qtbot.waitUntil(counter.choice.isVisible)
    press(qtbot, counter, Qt.Key.Key_Return)  # the first outcome: served
    qtbot.waitUntil(lambda: counter.current is None)
    after = desk.journal.ticket(ticket.code)
    assert (after.status, after.service) == (TicketStatus.WAITING, "MS")
    qtbot.waitUntil(lambda: "goes on to" in counter.message.text())
    assert ticket.code in counter.message.text()


def test_recalls_up_to_the_limit_then_a_no_show_and_back_by_scanning(qtbot, qapp, desk):
    journal = desk.journal
    ticket = journal.issue("SS")
    counter = opened(qtbot, qapp, desk, "C4")
    call(qtbot, counter)
    for recalls in range(1, journal.profile.max_recalls + 1):
        press(qtbot, counter, Qt.Key.Key_F6)
        qtbot.waitUntil(lambda n=recalls: counter.current.recalls == n)
    press(qtbot, counter, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: counter.current is None)
    assert journal.ticket(ticket.code).status is TicketStatus.NO_SHOW
    qtbot.waitUntil(lambda: "marked a no-show" in counter.message.text())

    # the person comes back: the ticket is typed (or scanned) and F11 reinstates it
    counter.scan.edit.setFocus()
    qtbot.keyClicks(counter.scan.edit, ticket.code)
    press(qtbot, counter, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: counter.scanned is not None)
    assert counter.reinstate_button.isEnabled()
    qtbot.waitUntil(counter.reinstate_button.isEnabled)
    press(qtbot, counter, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: journal.ticket(ticket.code).status is TicketStatus.WAITING)
    qtbot.waitUntil(lambda: "back in the queue" in counter.message.text())


def test_a_no_show_marked_by_hand(qtbot, qapp, desk):
    ticket = desk.journal.issue("SS")
    counter = opened(qtbot, qapp, desk, "C4")
    call(qtbot, counter)
    press(qtbot, counter, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: counter.current is None)
    assert desk.journal.ticket(ticket.code).status is TicketStatus.NO_SHOW


def test_refer_to_another_service_with_a_reason(qtbot, qapp, desk):
    journal = desk.journal
    ticket = journal.issue("SS")
    counter = opened(qtbot, qapp, desk, "C4")
    call(qtbot, counter)
    press(qtbot, counter, Qt.Key.Key_F10)
    qtbot.waitUntil(counter.choice.isVisible)
    assert counter.choice.second.isVisible()
    services = [
        counter.choice.first.item(row).data(Qt.ItemDataRole.UserRole)
        for row in range(counter.choice.first.count())
    ]
    assert "SS" not in services  # not to where it already is
    target = services.index("MS")
    assert target < 9
    press(qtbot, counter, Qt.Key(Qt.Key.Key_1.value + target))  # the service: MS
    assert QApplication.focusWidget() is counter.choice.second  # then the reason
    press(qtbot, counter, Qt.Key.Key_3)  # "documents"
    press(qtbot, counter, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: journal.ticket(ticket.code).status is TicketStatus.REFERRED)
    referred = journal.ticket(ticket.code)
    assert (referred.service, referred.referred_from, referred.referral_reason) == (
        "MS",
        "SS",
        "documents",
    )
    assert referred.code == ticket.code  # the same ticket, its place in time kept
    qtbot.waitUntil(lambda: counter.current is None)


def test_cancel_asks_first(qtbot, qapp, desk):
    ticket = desk.journal.issue("SS")
    counter = opened(qtbot, qapp, desk, "C4")
    call(qtbot, counter)
    press(qtbot, counter, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(counter.choice.isVisible)
    assert ticket.code in counter.choice.title()
    press(qtbot, counter, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desk.journal.ticket(ticket.code).status is TicketStatus.CANCELLED)
    qtbot.waitUntil(lambda: counter.current is None)


def test_enter_in_the_list_calls_the_ticket_chosen_out_of_turn(qtbot, qapp, desk):
    journal = desk.journal
    first = journal.issue("SS")
    second = journal.issue("SS")
    counter = opened(qtbot, qapp, desk, "C4")
    qtbot.waitUntil(lambda: counter.queue.rowCount() == 2)
    counter.queue.setFocus()
    counter.queue.selectRow(1)
    assert counter.call_scanned_button.isEnabled()
    press(qtbot, counter, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: counter.current is not None)
    assert counter.current.code == second.code
    assert journal.ticket(first.code).status is TicketStatus.WAITING


def test_signing_in_opens_the_counter_and_names_who_called(qtbot, qapp, desk):
    settings = desk.settings
    settings.counter_name, settings.counter_floor, settings.counter_side = "4", "Piso 1", "esq."
    ticket = desk.journal.issue("SS")
    counter = opened(qtbot, qapp, desk, "C4")
    assert counter.heading.text() == "Counter 4 — Piso 1 · esq."
    press(qtbot, counter, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is counter.technician_edit
    qtbot.keyClicks(counter.technician_edit, "  Maria  J. ")
    press(qtbot, counter, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: counter.state.technician == "Maria J.")
    state = counter_state(desk, "C4")
    assert (state.label, state.directions) == ("4", "Piso 1 · esq.")
    call(qtbot, counter)
    assert desk.journal.ticket(ticket.code).technician == "Maria J."
    assert "Maria J.: 0 served" in counter.today_label.text()
    assert "1 called" in counter.today_label.text()
    # signed in for the rest of the day: a new window starts with the name
    assert settings.counter_technician(desk.bridge.today()) == "Maria J."
    assert settings.counter_technician("2000-01-01") == ""


def test_paused_or_closed_the_counter_calls_no_one(qtbot, qapp, desk):
    ticket = desk.journal.issue("SS")
    counter = opened(qtbot, qapp, desk, "C4")
    press(qtbot, counter, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: counter.state.status == "paused")
    assert "Paused" in counter.status_label.text()  # said in words, not by colour
    ss_counters = desk.bridge.read(lambda q: q.open_counters(desk.bridge.today())).get("SS", ())
    assert "C4" not in ss_counters
    press(qtbot, counter, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: "is paused" in counter.message.text())
    assert desk.journal.ticket(ticket.code).status is TicketStatus.WAITING
    press(qtbot, counter, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: counter.state.status == "open")
    press(qtbot, counter, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: counter.state.status == "closed")
    press(qtbot, counter, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: "is closed: press F12" in counter.message.text())
    assert desk.journal.ticket(ticket.code).status is TicketStatus.WAITING


def test_nobody_waiting_and_unserved_services_are_explained(qtbot, qapp, desk):
    counter = opened(qtbot, qapp, desk, "C5")
    press(qtbot, counter, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: "No one is waiting" in counter.message.text())
    assert not counter.buttons["finish"].isEnabled()

    desk.journal.issue("ACT")
    for row in range(counter.services.count()):
        item = counter.services.item(row)
        if item.data(Qt.ItemDataRole.UserRole) != "SS":
            item.setCheckState(Qt.CheckState.Unchecked)
    assert desk.settings.counter_services == ["SS"]  # kept for the next start
    qtbot.waitUntil(lambda: counter_state(desk, "C5").services == ("SS",))
    counter.message.clear()
    press(qtbot, counter, Qt.Key.Key_F5)  # serves SS only: the ACT ticket is not for it
    qtbot.waitUntil(lambda: "No one is waiting" in counter.message.text())
    assert desk.journal.ticket("T001").status is TicketStatus.WAITING


def test_opening_the_counter_is_recorded_for_expected_waits(qtbot, desk):
    desk.open_counter("C6")
    qtbot.waitUntil(
        lambda: (
            "C6"
            in desk.bridge.read(lambda q: q.open_counters(desk.bridge.today())).get("SS", set())
        )
    )


def test_function_keys_work_from_anywhere_in_the_window(qtbot, qapp, desk):
    """The keys reach their actions whichever widget has the focus, in either language."""
    counter = opened(qtbot, qapp, desk, "C7")
    desk.language.switch("pt_PT")  # texts set again: the keys must survive it
    qtbot.waitUntil(lambda: counter.buttons["call"].text() == "Chamar o seguinte (F5)")
    desk.journal.issue("SS")
    counter.services.setFocus()
    qtbot.keyClick(counter.services, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: counter.current is not None and counter.current.code == "S001")
    counter.queue.setFocus()
    qtbot.keyClick(counter.queue, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: counter.current.status is TicketStatus.SERVING)
    qtbot.keyClick(counter.queue, Qt.Key.Key_F8)
    qtbot.waitUntil(counter.choice.isVisible)
    qtbot.keyClick(counter.choice.first, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: counter.current is None)
    assert desk.journal.ticket("S001").status is TicketStatus.DONE


def test_a_refused_step_is_told_in_the_staff_language(qtbot, desk):
    counter = desk.open_counter("C8")
    qtbot.addWidget(counter)
    journal = desk.journal
    ticket = journal.issue("SS")
    journal.call(ticket.code, "C8")
    journal.start(ticket.code, "C8")
    finished = journal.finish(ticket.code, "C8")
    counter.current = finished  # a view one step behind, as after another desk's finish
    desk.language.switch("pt_PT")
    counter.buttons["no_show"].setEnabled(True)
    counter.buttons["no_show"].click()
    qtbot.waitUntil(lambda: "S001" in counter.message.text())
    assert counter.message.text() == (
        "⚠ A senha S001 não pode ser marcada como falta: o seu estado é «concluída»."
    )
    assert journal.ticket(ticket.code).status is TicketStatus.DONE


def test_an_appointment_shows_its_time(qtbot, qapp, desk):
    at = datetime.combine(desk.journal.today(), datetime.min.time(), LISBON).replace(hour=10)
    desk.journal.issue("SS", appointment_at=at)
    counter = opened(qtbot, qapp, desk, "C4")
    qtbot.waitUntil(lambda: counter.queue.rowCount() == 1)
    assert cell(counter, 0, "appointment") == "10:00"


def test_the_counters_name_and_place_are_set_in_the_window(qtbot, qapp, desk):
    counter = opened(qtbot, qapp, desk, "C4")
    assert counter.heading.text() == "Counter C4"
    dialog = counter.edit_identity()
    qtbot.addWidget(dialog)
    assert dialog.name.placeholderText() == "C4"
    qtbot.keyClicks(dialog.name, "4")
    qtbot.keyClicks(dialog.floor, "Piso 2")
    qtbot.keyClicks(dialog.side, "ao fundo")
    qtbot.keyClick(dialog.side, Qt.Key.Key_Return)  # Enter saves
    assert (desk.settings.counter_name, desk.settings.counter_floor) == ("4", "Piso 2")
    qtbot.waitUntil(lambda: counter_state(desk, "C4").directions == "Piso 2 · ao fundo")
    assert counter_state(desk, "C4").label == "4"
    assert counter_state(desk, "C4").status == "open"  # still open
    qtbot.waitUntil(lambda: counter.heading.text() == "Counter 4 — Piso 2 · ao fundo")


def test_a_full_disk_is_told_in_the_staff_language(qtbot, desk):
    """SQLite's words for a full disk become the staff's (the journal's own test fills a
    real file); any other refusal of the database keeps SQLite's reason in brackets."""
    desk.language.switch("pt_PT")
    full = write_failure(sqlite3.OperationalError("database or disk is full"))
    assert refusal_text(full).startswith("O disco deste posto está cheio: nada foi guardado.")
    other = write_failure(sqlite3.OperationalError("disk I/O error"))
    assert refusal_text(other) == (
        "A base de dados deste posto não aceitou a alteração (disk I/O error): nada foi guardado."
    )
