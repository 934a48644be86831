"""Screenshots of the demo's windows, for the README and for looking at what was built.

Run ``make screenshots`` (or ``python packaging/screenshots.py [OUT_DIR]``): it opens the
demo centre, triages an arrival in Bengali (and issues the ticket) and one in Arabic,
calls at the counter, then saves the windows as PNGs (default
``docs/screenshots/``). With ``QT_QPA_PLATFORM`` unset
and no display it renders offscreen; under Xvfb it uses the real X server.
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
from cnaim_desk.printing.fonts import install_application_font, register_fonts
from cnaim_desk.resources import resources_dir


def settle(app: QApplication, milliseconds: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()
    app.processEvents()


def main(out_dir: Path) -> int:
    out_dir.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    fonts = register_fonts()
    install_application_font(app, fonts)
    with tempfile.TemporaryDirectory(prefix="cnaim-desk-shots-") as data:
        journal = Journal.init_standalone(
            Path(data), DEMO_CONFIG, resources=resources_dir(), now_ms=demo_clock()
        )
        seed_demo(journal)
        desk = DeskApp(app, journal, fonts)
        reception = desk.open_reception()
        counter = desk.open_counter(DEMO_COUNTER)
        board = desk.open_board()
        board.resize(1920, 1080)
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
        settle(app, 900)  # past the board's flash
        shots["reception"] = reception.grab()
        shots["counter"] = counter.grab()
        shots["board"] = board.grab()
        for name, picture in shots.items():
            path = out_dir / f"{name}.png"
            picture.save(str(path))
            print(path)
        desk.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots")))
