"""Screenshots of the demo's windows, for the README and for looking at what was built.

Run ``make screenshots`` (or ``python packaging/screenshots.py [OUT_DIR]``): it opens the
demo centre, issues a ticket at reception in Bengali and calls one at the counter, then
saves each window as a PNG (default ``docs/screenshots/``). With ``QT_QPA_PLATFORM`` unset
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

from cnaim_desk.app import DEMO_CONFIG, DEMO_COUNTER, DeskApp, seed_demo
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
        journal = Journal.init_standalone(Path(data), DEMO_CONFIG, resources=resources_dir())
        seed_demo(journal)
        desk = DeskApp(app, journal, fonts)
        reception = desk.open_reception()
        counter = desk.open_counter(DEMO_COUNTER)
        board = desk.open_board()
        board.resize(1920, 1080)
        settle(app)
        reception.language.setCurrentIndex(reception.language.findData("bn"))
        reception.issue_for("SS")
        settle(app, 600)
        for _ in range(3):
            counter.call_next()
            settle(app, 400)
        settle(app, 900)  # past the board's flash
        for name, window in (("reception", reception), ("counter", counter), ("board", board)):
            path = out_dir / f"{name}.png"
            window.grab().save(str(path))
            print(path)
        desk.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots")))
