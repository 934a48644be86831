"""The counter window: calling by the queue policy, each step, and refusals explained."""

from __future__ import annotations

from PySide6.QtCore import Qt

from cnaim_desk.domain.tickets import TicketStatus


def test_call_next_follows_the_policy_and_every_step_works(qtbot, desk):
    counter = desk.open_counter("C4")
    qtbot.addWidget(counter)
    journal = desk.journal
    plain = journal.issue("SS", language="uk")
    priority = journal.issue("SS", priority="infant")
    qtbot.waitUntil(lambda: counter.queue.rowCount() == 2)
    assert counter.queue.item(0, 0).text() == priority.code  # legal priority first
    assert counter.queue.item(0, 4).text() == "Child up to 2"

    counter.buttons["call"].click()
    qtbot.waitUntil(lambda: counter.current is not None)
    assert counter.current.code == priority.code
    counter.buttons["recall"].click()
    qtbot.waitUntil(lambda: counter.current.recalls == 1)
    assert "recalled 1×" in counter.detail_label.text()
    counter.buttons["no_show"].click()
    qtbot.waitUntil(lambda: counter.current is None)
    assert journal.ticket(priority.code).status is TicketStatus.NO_SHOW

    counter.buttons["call"].click()
    qtbot.waitUntil(lambda: counter.current is not None and counter.current.code == plain.code)
    counter.buttons["start"].click()
    qtbot.waitUntil(lambda: counter.current.status is TicketStatus.SERVING)
    counter.buttons["finish"].click()
    qtbot.waitUntil(lambda: counter.current is None)
    assert journal.ticket(plain.code).status is TicketStatus.DONE


def test_nobody_waiting_and_unserved_services_are_explained(qtbot, desk):
    counter = desk.open_counter("C5")
    qtbot.addWidget(counter)
    counter.buttons["call"].click()
    qtbot.waitUntil(lambda: "No one is waiting" in counter.message.text())
    assert not counter.buttons["finish"].isEnabled()

    desk.journal.issue("ACT")
    for row in range(counter.services.count()):
        item = counter.services.item(row)
        if item.data(Qt.ItemDataRole.UserRole) != "SS":
            item.setCheckState(Qt.CheckState.Unchecked)
    counter.buttons["call"].click()  # serves SS only: the ACT ticket is not for it
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
    """F5 to F9 reach their actions whichever widget has the focus, in either language."""
    counter = desk.open_counter("C7")
    desk.language.switch("pt_PT")  # texts set again: the keys must survive it
    qtbot.waitUntil(lambda: counter.buttons["call"].text() == "Chamar o seguinte (F5)")
    qtbot.addWidget(counter)
    desk.journal.issue("SS")
    counter.activateWindow()
    qtbot.waitUntil(lambda: qapp.activeWindow() is counter)
    counter.services.setFocus()
    qtbot.keyClick(counter.services, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: counter.current is not None and counter.current.code == "S001")
    counter.queue.setFocus()
    qtbot.keyClick(counter.queue, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: counter.current.status is TicketStatus.SERVING)
    qtbot.keyClick(counter.queue, Qt.Key.Key_F8)
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
    counter.buttons["finish"].setEnabled(True)
    counter.buttons["finish"].click()
    qtbot.waitUntil(lambda: "S001" in counter.message.text())
    assert counter.message.text() == (
        "⚠ A senha S001 não pode ser terminada: o seu estado é «concluída»."
    )
    assert journal.ticket(ticket.code).status is TicketStatus.DONE
