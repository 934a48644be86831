"""Desk ▸ Printer and Desk ▸ Paper: the choice is checked, tried with a test ticket that
is recorded nowhere, and saved."""

from __future__ import annotations

import socket
import threading

from cnaim_desk.printing.layout import Paper
from cnaim_desk.ui.desk_menu import DeskMenu
from cnaim_desk.ui.printer_dialog import PDF, SYSTEM


def desk_menu(window) -> DeskMenu:
    menus = window.findChildren(DeskMenu)
    assert len(menus) == 1
    assert menus[0].menuAction() in window.menuBar().actions()
    return menus[0]


def open_dialog(qtbot, desk):
    window = desk.open_reception()
    qtbot.addWidget(window)
    dialog = desk_menu(window).choose_printer()
    qtbot.addWidget(dialog)
    return window, dialog


def test_no_printer_is_the_default_and_a_test_ticket_is_saved_as_pdf(qtbot, desk):
    _, dialog = open_dialog(qtbot, desk)
    assert dialog.choices.checkedId() == PDF
    result = dialog.print_test()
    assert result is not None
    assert result.ok
    assert result.destination.endswith("TESTE.pdf")
    with open(result.destination, "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    assert "Test ticket sent" in dialog.result.text()
    assert desk.journal.reader.run(lambda q: q.tickets(desk.journal.today().isoformat())) == []


def test_a_raw_receipt_printer_needs_an_address_and_gets_the_test_ticket(qtbot, desk):
    received = bytearray()
    server = socket.create_server(("127.0.0.1", 0))
    port = server.getsockname()[1]

    def serve() -> None:
        connection, _ = server.accept()
        with connection:
            while chunk := connection.recv(65536):
                received.extend(chunk)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    _, dialog = open_dialog(qtbot, desk)
    dialog.raw_choice.setChecked(True)
    assert not dialog.save_button.isEnabled()
    assert "tcp://host:port" in dialog.result.text()
    dialog.raw_target.setText(f"tcp://127.0.0.1:{port}")
    assert dialog.save_button.isEnabled()
    result = dialog.print_test()
    thread.join(timeout=10)
    server.close()
    assert result.ok
    assert received.startswith(b"\x1b@")  # ESC @: the printer is reset, then the image
    assert b"\x1dv0" in received
    dialog.accept()
    assert desk.settings.escpos_target == f"tcp://127.0.0.1:{port}"
    assert desk.settings.printer_name == ""
    assert f"tcp://127.0.0.1:{port}" in desk_menu(dialog.parentWidget()).printer_action.text()


def test_an_unreachable_receipt_printer_is_reported_by_the_test(qtbot, desk):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    _, dialog = open_dialog(qtbot, desk)
    dialog.raw_choice.setChecked(True)
    dialog.raw_target.setText(f"tcp://127.0.0.1:{port}")
    result = dialog.print_test()
    assert not result.ok
    assert "not printed" in dialog.result.text()
    assert f"127.0.0.1:{port}" in dialog.result.text()


def test_a_printer_that_is_gone_stays_visible_and_fails_its_test(qtbot, desk):
    desk.settings.printer_name = "Gone-Receipt-Printer"
    _, dialog = open_dialog(qtbot, desk)
    assert dialog.choices.checkedId() == SYSTEM
    assert dialog.printers.currentText() == "Gone-Receipt-Printer"
    result = dialog.print_test()
    assert not result.ok
    assert "Gone-Receipt-Printer" in result.error
    dialog.pdf_choice.setChecked(True)
    dialog.accept()
    assert desk.settings.printer_name == ""
    assert dialog.choices.checkedId() == PDF


def test_the_paper_menu_names_each_paper_and_saves_the_choice(qtbot, desk):
    window = desk.open_reception()
    qtbot.addWidget(window)
    menu = desk_menu(window)
    names = [action.text() for action in menu.paper_group.actions()]
    assert names == [
        "80 mm receipt roll",
        "58 mm receipt roll",
        "A6 card (105 × 148 mm)",
        "A4 sheet",
    ]
    menu.paper_actions[Paper.RECEIPT_58].trigger()
    assert desk.settings.paper is Paper.RECEIPT_58
    assert desk.output.paper is Paper.RECEIPT_58


def test_why_a_test_ticket_failed_is_told_in_the_staff_language(qtbot, desk):
    """A receipt printer nobody answers at: the reason, not only its frame, in Portuguese
    (the operating system's own words for the refusal stay as they are, in brackets)."""
    closed = socket.create_server(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()  # nothing listens there now: the connection is refused
    desk.language.switch("pt_PT")
    _, dialog = open_dialog(qtbot, desk)
    dialog.raw_choice.setChecked(True)
    dialog.raw_target.setText(f"tcp://127.0.0.1:{port}")
    result = dialog.print_test()
    assert result is not None
    assert not result.ok
    assert result.error.startswith(
        f"A impressora de talões em tcp://127.0.0.1:{port} não responde ("
    )
    assert dialog.result.text() == "⚠ A senha de teste não foi impressa: " + result.error
