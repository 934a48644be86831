"""Start a desk's reception as ``cnaim-desk`` does, and say READY once the window is shown
and the event loop has run once: the moment a receptionist could type.

Usage: ``python reception_start.py DATA_DIR``. The READY line carries the wall-clock time
of each step, so the parent can split the start-up. Imports nothing from ``bench``: what
is measured is the desk's own start.
"""

import time

STAMPS = {"script": time.time()}

import json  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

# isort: off
# As `cnaim-desk` starts: its command line loads the journal (SQLAlchemy, pydantic) before
# Qt. Loading Qt first costs about 20 MB more (bench/README.md, "Memory").
import cnaim_desk.cli  # noqa: E402, F401
# isort: on

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from cnaim_desk.app import DeskApp, demo_clock  # noqa: E402
from cnaim_desk.journal.journal import Journal  # noqa: E402
from cnaim_desk.printing.fonts import install_application_font, register_fonts  # noqa: E402
from cnaim_desk.resources import resources_dir  # noqa: E402

STAMPS["imports"] = time.time()


def main() -> int:
    app = QApplication(sys.argv[:1])
    app.setApplicationName("CNAIM Desk")
    app.setOrganizationName("CNAIM")
    STAMPS["qapplication"] = time.time()
    fonts = register_fonts()
    install_application_font(app, fonts)
    STAMPS["fonts"] = time.time()
    journal = Journal.open(
        Path(sys.argv[1]), resources=resources_dir(), purpose="bench start", now_ms=demo_clock()
    )
    STAMPS["journal"] = time.time()
    desk = DeskApp(app, journal, fonts)
    STAMPS["desk"] = time.time()
    desk.open_reception()
    STAMPS["window"] = time.time()

    def ready() -> None:
        STAMPS["ready"] = time.time()
        print("READY " + json.dumps(STAMPS), flush=True)
        app.quit()

    QTimer.singleShot(0, ready)
    app.exec()
    desk.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
