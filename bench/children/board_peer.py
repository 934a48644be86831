"""A board-only PC in a process of its own for ``bench/sync_call.py``: its board, fed by
the desk at ADDRESS over TLS, is shown offscreen at 1920×1080 as ``cnaim-desk`` shows it;
each time the current-call label is painted with a code it had not shown, it prints
``SHOWN <code> <monotonic ns>`` (the system-wide monotonic clock, comparable with the
parent's on the same machine).

Usage: ``python board_peer.py DATA_DIR ADDRESS OFFSET_MS`` (OFFSET_MS: how far the
centre's clock runs ahead of the wall clock, as the parent's desk). It prints ``READY``
once fed, and stops at end of input.
"""

import sys
import threading
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QMetaObject, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

from cnaim_desk.app import BoardOnlyApp
from cnaim_desk.domain.clock import wall_clock_ms
from cnaim_desk.printing.fonts import install_application_font, register_fonts
from cnaim_desk.ui.settings import DeskSettings


def main() -> int:
    data_dir, address, offset = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    app = QApplication(sys.argv[:1])
    fonts = register_fonts()
    install_application_font(app, fonts)
    settings = DeskSettings(data_dir / "settings.ini")
    settings.sync_peers = [address]
    settings.sync_discovery = False
    board_pc = BoardOnlyApp(app, data_dir, fonts, now_ms=lambda: wall_clock_ms() + offset)
    board = board_pc.open_board()
    board.resize(1920, 1080)
    label = board.current_code
    last = {"code": ""}

    class Painted(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and label.text() != last["code"]:
                last["code"] = label.text()
                if last["code"]:
                    print(f"SHOWN {last['code']} {time.monotonic_ns()}", flush=True)
            return False

    probe = Painted()
    label.installEventFilter(probe)
    ready = QTimer(interval=20)

    def fed() -> None:
        if board_pc.feeds.sources:
            ready.stop()
            print("READY", flush=True)

    ready.timeout.connect(fed)
    ready.start()

    def quit_at_end_of_input() -> None:
        sys.stdin.read()
        QMetaObject.invokeMethod(app, "quit", Qt.ConnectionType.QueuedConnection)

    threading.Thread(target=quit_at_end_of_input, daemon=True).start()
    board_pc.start_sync()
    try:
        app.exec()
    finally:
        board_pc.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
