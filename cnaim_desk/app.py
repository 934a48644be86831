"""The composition root: reads the desk's settings, opens its journal, and builds the
windows for its role. Nothing else reaches for globals."""

from __future__ import annotations

import logging
import shutil
import signal
import sys
import tempfile
from collections.abc import Callable
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from cnaim_desk.domain.clock import LISBON, wall_clock_ms
from cnaim_desk.journal.desk import (
    DataDir,
    DeskConfig,
    DeskSetupError,
    load_flow,
)
from cnaim_desk.journal.journal import Journal
from cnaim_desk.journal.lock import DeskBusy
from cnaim_desk.journal.signing import KeyFileError
from cnaim_desk.journal.store import StoreError
from cnaim_desk.printing.fonts import FontRegistry, install_application_font, register_fonts
from cnaim_desk.printing.output import TicketOutput
from cnaim_desk.resources import resources_dir
from cnaim_desk.ui.board.announcer import Announcer
from cnaim_desk.ui.board.feed_bridge import FeedBridge, FeedDesk
from cnaim_desk.ui.board.window import BoardWindow, SharedScreen, choose_board_screen
from cnaim_desk.ui.counter.window import CounterWindow
from cnaim_desk.ui.desk_menu import DeskMenu
from cnaim_desk.ui.i18n import InterfaceLanguage
from cnaim_desk.ui.qt_journal import JournalBridge
from cnaim_desk.ui.reception.window import ReceptionWindow
from cnaim_desk.ui.settings import DEFAULT_UI_LANGUAGE, DeskSettings
from cnaim_desk.ui.setup_dialog import SetupDialog
from cnaim_desk.ui.sync_status import DesksDialog, SyncStatus
from cnaim_desk.ui.theme import STAFF_STYLE

if TYPE_CHECKING:
    from cnaim_desk.sync.background import BackgroundSync

log = logging.getLogger(__name__)

DEMO_CONFIG = DeskConfig(centre="lisboa", desk="R1", role="reception")
DEMO_COUNTER = "C1"
#: A few people already waiting when the demo opens: (service, priority, language).
DEMO_ARRIVALS = (
    ("SS", None, "bn"),
    ("AIMA", None, "pt"),
    ("AIMA", "infant", "ar"),
    ("SS", None, "uk"),
    ("ACT", None, "hi"),
    ("EC", None, "zh-Hans"),
    ("GAJ", "elderly", "ur"),
)
OPEN_FAILURES = (DeskBusy, DeskSetupError, KeyFileError, StoreError)


class DeskApp:
    """One desk process: its journal, the bridge the windows use, and the windows."""

    def __init__(
        self,
        app: QApplication,
        journal: Journal,
        fonts: FontRegistry,
        language: InterfaceLanguage | None = None,
    ):
        self.app = app
        self.journal = journal
        self.fonts = fonts
        self.settings = DeskSettings(journal.data_dir.root / "settings.ini")
        self.language = language or InterfaceLanguage(app)
        self.language.switch(self.settings.ui_language)
        self.bridge = JournalBridge(journal)
        self.output = TicketOutput.for_desk(journal, fonts, self.settings)
        self.reception: ReceptionWindow | None = None
        self.counter: CounterWindow | None = None
        self.board: BoardWindow | None = None
        self.sync: BackgroundSync | None = None  # set by start_sync on an enrolled desk

    def _staff_window(self, window: QMainWindow) -> QMainWindow:
        window.setStyleSheet(STAFF_STYLE)
        DeskMenu(
            window,
            self.settings,
            self.language.switch,
            self.app.quit,
            self.output,
            self.journal.now,
            show_desks=(lambda: self.show_desks(window)) if self.enrolled else None,
        )
        window.statusBar().addPermanentWidget(SyncStatus(lambda: self.sync, window), 1)
        window.resize(1100, 760)
        return window

    @property
    def enrolled(self) -> bool:
        """Whether this desk belongs to a centre of several desks (``cnaim-desk join``)."""
        return self.journal.data_dir.ca_certificate_path.exists()

    def show_desks(self, parent: QMainWindow) -> DesksDialog:
        """The centre's other desks: reachable or not, last heard, how far behind."""
        dialog = DesksDialog(lambda: self.sync, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_reception(self) -> ReceptionWindow:
        flow = load_flow(self.journal.config.centre, resources_dir())
        self.output.flow = flow
        window = ReceptionWindow(self.bridge, self.output, self.fonts, flow)
        self.reception = self._staff_window(window)
        self.reception.show()
        return self.reception

    def open_counter(self, desk: str) -> CounterWindow:
        self.counter = self._staff_window(
            CounterWindow(self.bridge, desk, self.fonts, self.settings)
        )
        self.counter.show()
        self.counter.open_counter()
        return self.counter

    def open_board(self, *, only_if_second_screen: bool = False) -> BoardWindow | None:
        """Open the calling board on its screen (``board/screen``), showing the services of
        ``board/services``, and keep it there as monitors come and go. A staff desk's board
        (``only_if_second_screen``) opens only on a screen of its own and hides while that
        screen is gone; a board-only machine's board fills its one screen."""
        preferred = self.settings.board_screen
        _, own_screen = choose_board_screen(preferred)
        if only_if_second_screen and not own_screen:
            return None
        if only_if_second_screen:
            when_shared = SharedScreen.HIDE
        elif self.journal.config.role == "board":
            when_shared = SharedScreen.FULL_SCREEN
        else:
            when_shared = SharedScreen.WINDOW
        self.board = _board(self.bridge, self.fonts, self.settings, when_shared)
        return self.board

    def open_for_role(self, demo: bool = False) -> None:
        role = self.journal.config.role
        # The board first: windows hear of a change in the order they were opened, and a
        # call must reach the waiting room first (the staff windows also wait a moment
        # before they refresh: ui/refresh.py).
        if demo:
            self.open_board()
            reception = self.open_reception()
            counter = self.open_counter(DEMO_COUNTER)
            _side_by_side(reception, counter)
        elif role == "reception":
            self.open_board(only_if_second_screen=True)
            self.open_reception()
        elif role == "counter":
            self.open_board(only_if_second_screen=True)
            self.open_counter(self.journal.config.desk)
        else:
            self.open_board()

    def start_sync(self) -> BackgroundSync | None:
        """Sync with the centre's other desks, when this desk is enrolled in a centre
        (``cnaim-desk join``): links accepted on ``sync/listen``, kept to ``sync/peers``.
        A standalone desk, or a demo, works alone."""
        # Loaded here, not at start: a standalone desk never pays for TLS and zeroconf.
        from cnaim_desk.sync.background import BackgroundSync
        from cnaim_desk.sync.node import parse_address
        from cnaim_desk.sync.pki import PkiFiles

        files = PkiFiles(self.journal.data_dir.root)
        if not files.has_identity():
            return None
        try:
            listen = parse_address(self.settings.sync_listen) if self.settings.sync_listen else None
            peers = [parse_address(peer, "127.0.0.1") for peer in self.settings.sync_peers]
        except ValueError as error:
            log.warning("settings.ini: %s; this desk works alone", error)
            return None
        self.sync = BackgroundSync(
            self.journal, files, listen=listen, peers=peers, discover=self.settings.sync_discovery
        )
        self.sync.start()
        if self.sync.error:
            log.warning("this desk works alone: %s", self.sync.error)
        return self.sync

    def shutdown(self) -> None:
        if self.counter is not None:
            self.counter.close_counter()
        if self.sync is not None:
            self.sync.stop()
        self.bridge.shutdown()
        self.journal.close()


def _board(
    bridge: JournalBridge | FeedBridge,
    fonts: FontRegistry,
    settings: DeskSettings,
    when_shared: SharedScreen,
) -> BoardWindow:
    """A calling board with its voice, kept on the screen ``board/screen`` names."""
    announcer = Announcer(
        resources_dir(), speak_holder_language=bridge.journal.profile.speak_holder_language
    )
    board = BoardWindow(bridge, fonts, services=settings.board_services, announcer=announcer)
    announcer.setParent(board)  # goes, and falls silent, with the board
    board.keep_on(settings.board_screen, when_shared)
    return board


#: What a board-only PC shows while no desk feeds it (the board's words are public:
#: Portuguese and English, as its other words).
NO_FEED = "Sem ligação aos balcões · Not linked to the desks"
FEED_CHECK_MS = 2000


class BoardOnlyApp:
    """A board-only PC of a centre: its board, fed by the centre's desks over the sync
    (``sync/peers``, and those zeroconf finds); no journal, nothing kept but the latest
    feed, in memory."""

    def __init__(
        self, app: QApplication, data_dir: Path, fonts: FontRegistry, now_ms=wall_clock_ms
    ):
        from cnaim_desk.journal.desk import load_centre_profile
        from cnaim_desk.journal.lock import DataDirLock
        from cnaim_desk.sync.background import BackgroundFeed
        from cnaim_desk.sync.board import BoardFeeds
        from cnaim_desk.sync.node import parse_address
        from cnaim_desk.sync.pki import PkiFiles

        self.app = app
        self.fonts = fonts
        folder = DataDir(data_dir)
        config = folder.load_config()
        profile = load_centre_profile(config.centre, resources_dir())
        self.settings = DeskSettings(folder.root / "settings.ini")
        self._lock = DataDirLock(folder.root, "cnaim-desk board")
        self.bridge = FeedBridge(FeedDesk(config, profile, now_ms))
        self.feeds = BoardFeeds(profile.codes, self.bridge.show)
        try:
            peers = [parse_address(peer, "127.0.0.1") for peer in self.settings.sync_peers]
        except ValueError as error:
            log.warning("settings.ini: %s; zeroconf only", error)
            peers = []
        self.sync = BackgroundFeed(
            config,
            PkiFiles(folder.root),
            self.feeds,
            peers=peers,
            discover=self.settings.sync_discovery,
        )
        self.board: BoardWindow | None = None

    def open_board(self) -> BoardWindow:
        self.board = _board(self.bridge, self.fonts, self.settings, SharedScreen.FULL_SCREEN)
        timer = QTimer(self.board, interval=FEED_CHECK_MS, timeout=self._check_feed)
        timer.start()
        self._check_feed()
        return self.board

    def _check_feed(self) -> None:
        if self.board is not None:
            self.board.show_feed_notice("" if self.feeds.sources else NO_FEED)

    def start_sync(self) -> None:
        self.sync.start()

    def shutdown(self) -> None:
        self.sync.stop()
        self._lock.release()


def is_board_only(data_dir: Path) -> bool:
    """Whether ``data_dir`` is a board-only PC enrolled in a centre (fed, no journal)."""
    folder = DataDir(data_dir)
    if not folder.is_initialised() or not folder.ca_certificate_path.exists():
        return False
    return folder.load_config().role == "board"


#: Widths at which the reception (triage, summary and side panel) and a counter read well;
#: a window whose texts need more (the counter's buttons in Portuguese) is given more.
COMFORTABLE_WIDTHS = (1000, 640)


def side_by_side_widths(width: int, needs: tuple[int, int]) -> tuple[int, int] | None:
    """The widths of two windows sharing ``width``, each given at least what it ``needs``
    and half of what is left; ``None`` when they do not both fit."""
    spare = width - sum(needs)
    if spare < 0:
        return None
    first = needs[0] + spare // 2
    return first, width - first


def _side_by_side(left: QMainWindow, right: QMainWindow) -> None:
    """Share the first screen between two windows when it is wide enough for both;
    otherwise cascade them, the left one (the reception) in front. Without a window
    manager they would otherwise lie exactly on top of each other."""
    area = left.screen().availableGeometry()
    needs = tuple(
        max(comfortable, window.minimumSizeHint().width())
        for comfortable, window in zip(COMFORTABLE_WIDTHS, (left, right), strict=True)
    )
    widths = side_by_side_widths(area.width(), needs)
    if widths is not None:
        left.setGeometry(area.x(), area.y(), widths[0], area.height())
        right.setGeometry(area.x() + widths[0], area.y(), widths[1], area.height())
        return
    step = 60
    for index, window in reversed(list(enumerate((left, right)))):
        window.setGeometry(
            area.x() + index * step,
            area.y() + index * step,
            area.width() - step,
            area.height() - step,
        )
        window.raise_()
    left.activateWindow()


def demo_clock(now: datetime | None = None) -> Callable[[], int]:
    """The demo's clock: a weekday at 09:15 in Lisbon, moving on in real time, so the
    demo centre is open (and before AIMA's 10:00 cut-off) whenever someone tries it."""
    now = now or datetime.now(LISBON)
    day = now.date()
    while day.weekday() >= 5:  # Saturday, Sunday
        day += timedelta(days=1)
    start = datetime.combine(day, time(9, 15), tzinfo=LISBON)
    offset_ms = int((start - now).total_seconds() * 1000)
    return lambda: wall_clock_ms() + offset_ms


def seed_demo(journal: Journal) -> None:
    """Put a few people in the demo's queues, as a centre looks mid-morning."""
    for service, priority, language in DEMO_ARRIVALS:
        journal.issue(service, priority=priority, language=language)


def _explain(title: str, error: BaseException) -> None:
    message = error.args[0] if isinstance(error, KeyError) and error.args else str(error)
    print(f"cnaim-desk: {message}", file=sys.stderr)
    QMessageBox.critical(None, title, message)


def _quit_on_signals(app: QApplication) -> None:
    """SIGTERM and Ctrl+C close the desk cleanly (journal closed, demo folder removed).
    Python runs signal handlers only between bytecodes, so a timer wakes it regularly."""
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *_: app.quit())
    waker = QTimer(app)
    waker.timeout.connect(lambda: None)
    waker.start(250)


def run_gui(data_dir: Path, *, demo: bool = False) -> int:
    """Open the windows for this desk (or the demo); returns the process exit status."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("CNAIM Desk")
    app.setOrganizationName("CNAIM")
    fonts = register_fonts()
    install_application_font(app, fonts)
    language = InterfaceLanguage(app)
    language.switch(DEFAULT_UI_LANGUAGE)  # the set-up dialog and error messages too
    demo_dir: Path | None = None
    try:
        if not demo and not DataDir(data_dir).is_initialised():
            dialog = SetupDialog()
            dialog.setStyleSheet(STAFF_STYLE)
            if dialog.exec() != SetupDialog.DialogCode.Accepted or dialog.choice is None:
                return 0
            if dialog.choice.demo:
                demo = True
            else:
                Journal.init_standalone(
                    data_dir, dialog.choice.config, resources=resources_dir()
                ).close()
        if not demo and is_board_only(data_dir):
            return _run_board_only(app, data_dir, fonts)
        if demo:
            demo_dir = Path(tempfile.mkdtemp(prefix="cnaim-desk-demo-"))
            journal = Journal.init_standalone(
                demo_dir, DEMO_CONFIG, resources=resources_dir(), now_ms=demo_clock()
            )
            seed_demo(journal)
        else:
            journal = Journal.open(data_dir, resources=resources_dir(), purpose="cnaim-desk window")
    except OPEN_FAILURES as error:
        _explain(app.translate("run_gui", "CNAIM Desk cannot start"), error)
        return 1
    try:
        desk = DeskApp(app, journal, fonts, language)
    except OPEN_FAILURES as error:  # broken holder texts, for one
        journal.close()
        _explain(app.translate("run_gui", "CNAIM Desk cannot start"), error)
        return 1
    try:
        desk.open_for_role(demo=demo)
    except OPEN_FAILURES as error:  # a broken triage flow, for one
        desk.shutdown()
        _explain(app.translate("run_gui", "CNAIM Desk cannot start"), error)
        return 1
    if not demo:
        desk.start_sync()
    _quit_on_signals(app)
    try:
        return app.exec()
    finally:
        desk.shutdown()
        if demo_dir is not None:
            shutil.rmtree(demo_dir, ignore_errors=True)


def _run_board_only(app: QApplication, data_dir: Path, fonts: FontRegistry) -> int:
    board_pc = BoardOnlyApp(app, data_dir, fonts)
    try:
        board_pc.open_board()
        board_pc.start_sync()
        _quit_on_signals(app)
        return app.exec()
    finally:
        board_pc.shutdown()
