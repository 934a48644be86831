"""Screenshots of the demo's windows, for the README and for looking at what was built.

Run ``make screenshots`` (or ``python packaging/screenshots.py [OUT_DIR] [--board]``): it
opens the demo centre, triages an arrival in Bengali (and issues the ticket) and one in
Arabic, calls at the counter, then saves the windows as PNGs (default
``docs/screenshots/``). The calling board is taken at 1920×1080 from a centre mid-morning
(counters named and placed, people served, waiting and called, one recalled): the whole
board (``board.png``) and one limited to a wing's services (``board-wing.png``);
``--board`` takes those two alone. With ``QT_QPA_PLATFORM`` unset and no display it
renders offscreen; under Xvfb it uses the real X server.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from cnaim_desk.app import DEMO_CONFIG, DEMO_COUNTER, DeskApp, demo_clock, seed_demo
from cnaim_desk.journal.journal import Journal
from cnaim_desk.printing.fonts import FontRegistry, install_application_font, register_fonts
from cnaim_desk.resources import resources_dir
from cnaim_desk.ui.board.window import BoardWindow

BOARD_SIZE = (1920, 1080)
#: The centre's counters as its board names and places them: desk, name, floor, side and
#: the services each serves.
BOARD_COUNTERS = (
    ("C1", "1", "Piso 0", "à esquerda", ("AIMA",)),
    ("C2", "2", "Piso 0", "à esquerda", ("AIMA",)),
    ("C3", "3", "Piso 0", "ao fundo", ("SS",)),
    ("C4", "4", "Piso 1", "à direita", ("SS", "MS", "ME")),
    ("C5", "5", "", "", ("EC", "ACT")),
    ("C6", "Gabinete 6", "Piso 1", "ao fundo", ("GASI", "GAJ", "GAV")),
    ("C7", "7", "Piso 1", "à esquerda", ("GAT", "GAIPESQ", "GAEM")),
)
#: A wing's board: the support offices on the first floor.
WING_SERVICES = ("GAT", "GASI", "GAJ", "GAIPESQ", "GAV", "GAEM")
#: Arrivals of the morning, in order: (service, language).
BOARD_ARRIVALS = (
    ("AIMA", "pt"),
    ("SS", "bn"),
    ("AIMA", "hi"),
    ("EC", "pt"),
    ("GASI", "uk"),
    ("SS", "ne"),
    ("AIMA", "ur"),
    ("MS", "pa"),
    ("GAJ", "ar"),
    ("ACT", "hi"),
    ("AIMA", "zh-Hans"),
    ("SS", "pt"),
    ("GAT", "en"),
    ("GAIPESQ", "ru"),
    ("EC", "bn"),
    ("AIMA", "fr"),
    ("GAV", "es"),
    ("SS", "uk"),
    ("ME", "ne"),
    ("GASI", "ar"),
    ("AIMA", "bn"),
    ("GAEM", "pt"),
    ("SS", "hi"),
    ("GAJ", "ur"),
    ("AIMA", "pa"),
    ("MS", "en"),
    ("EC", "zh-Hans"),
    ("GAT", "bn"),
    ("SS", "ar"),
    ("AIMA", "ne"),
)


def settle(app: QApplication, milliseconds: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()
    app.processEvents()


def main(out_dir: Path, board_only: bool = False) -> int:
    out_dir.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    fonts = register_fonts()
    install_application_font(app, fonts)
    board_shots(app, fonts, out_dir)
    if not board_only:
        staff_shots(app, fonts, out_dir)  # last: its windows' late replies find no journal
    return 0


def staff_shots(app: QApplication, fonts: FontRegistry, out_dir: Path) -> None:
    """The reception in Bengali and Arabic, and the counter, as the demo opens them."""
    with tempfile.TemporaryDirectory(prefix="cnaim-desk-shots-") as data:
        journal = Journal.init_standalone(
            Path(data), DEMO_CONFIG, resources=resources_dir(), now_ms=demo_clock()
        )
        seed_demo(journal)
        desk = DeskApp(app, journal, fonts)
        reception = desk.open_reception()
        counter = desk.open_counter(DEMO_COUNTER)
        settle(app)
        shots = {}

        def keys(*pressed: str) -> None:
            for key in pressed:
                reception.press(key)
            settle(app, 200)

        # Bengali: Social Security → NISS, the summary before Enter; then issue it.
        reception.next_arrival()
        keys("4", "2")
        shots["reception-bengali-question"] = reception.grab()
        keys("1", "C")
        shots["reception-bengali-summary"] = reception.grab()
        reception.confirm()
        settle(app, 600)
        # Arabic: residence permits, the question with its answers.
        keys("8", "1")
        shots["reception-arabic-question"] = reception.grab()
        keys("3")
        shots["reception-arabic-summary"] = reception.grab()
        reception.next_arrival()
        keys()
        for _ in range(3):
            counter.call_next()
            settle(app, 400)
        settle(app, 400)
        shots["reception"] = reception.grab()
        shots["counter"] = counter.grab()
        save(shots, out_dir)
        finish(desk)


def board_shots(app: QApplication, fonts: FontRegistry, out_dir: Path) -> None:
    """The calling board at 1920×1080, whole and limited to a wing, mid-morning."""
    with tempfile.TemporaryDirectory(prefix="cnaim-desk-board-") as data:
        # A clock the scene moves on itself: people served take their minutes, so the
        # board has expected waits to show.
        start = demo_clock()()
        minutes = [0.0]

        def now_ms() -> int:
            return start + int(minutes[0] * 60_000)

        journal = Journal.init_standalone(
            Path(data), DEMO_CONFIG, resources=resources_dir(), now_ms=now_ms
        )
        desk = DeskApp(app, journal, fonts)
        boards = {
            "board": BoardWindow(desk.bridge, fonts),
            "board-wing": BoardWindow(desk.bridge, fonts, services=WING_SERVICES),
        }
        for board in boards.values():
            board.resize(*BOARD_SIZE)
            board.show()
        for counter, name, floor, side, services in BOARD_COUNTERS:
            journal.set_counter(counter, "open", services, name=name, floor=floor, side=side)
        tickets = []
        for service, language in BOARD_ARRIVALS:
            tickets.append(journal.issue(service, language=language))
            minutes[0] += 1.5
        by_service = {}
        for counter, *_, services in BOARD_COUNTERS:
            for service in services:
                by_service.setdefault(service, counter)
        # The first arrivals of most services served already (some minutes each), a few
        # being served, the latest called; one called again as nobody came.
        for index, ticket in enumerate(tickets[:16]):
            counter = by_service[ticket.service]
            journal.call(ticket.id, counter)
            journal.start(ticket.id, counter)
            minutes[0] += 2 + index % 5
            if index < 12:
                journal.finish(ticket.id, counter)
        recalled = journal.call(tickets[16].id, by_service[tickets[16].service])
        minutes[0] += 1
        for ticket in tickets[17:21]:
            journal.call(ticket.id, by_service[ticket.service])
            minutes[0] += 0.5
        journal.recall(recalled.id, by_service[recalled.service])
        settle(app, 300)
        minutes[0] += 1
        journal.call(tickets[21].id, by_service[tickets[21].service])
        settle(app, 900)  # past the flash; the words marking the new call stay
        save({name: board.grab() for name, board in boards.items()}, out_dir)
        finish(desk)


def finish(desk: DeskApp) -> None:
    """Close the scene's desk; its windows, left until the script ends, stop listening."""
    desk.bridge.changed.disconnect()
    desk.shutdown()


def save(shots: dict, out_dir: Path) -> None:
    for name, picture in shots.items():
        path = out_dir / f"{name}.png"
        picture.save(str(path))
        print(path)


if __name__ == "__main__":
    arguments = [argument for argument in sys.argv[1:] if argument != "--board"]
    raise SystemExit(
        main(
            Path(arguments[0]) if arguments else Path("docs/screenshots"),
            board_only="--board" in sys.argv[1:],
        )
    )
