"""The calling board, first version: the current call very large, the last calls, how
many wait at each service, rotating messages and a clock, on a chosen screen.

Everything here is public: codes, counters, public service names. Nothing personal, and
the victim-support office appears only under its neutral name. The board's words are in
Portuguese and English for the room, not in the staff interface's language.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QFontMetricsF, QGuiApplication, QPalette, QResizeEvent, QScreen
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from cnaim_desk.journal.projection import Change
from cnaim_desk.journal.queries import CallView
from cnaim_desk.printing.fonts import FontRegistry
from cnaim_desk.ui import theme
from cnaim_desk.ui.qt_journal import JournalBridge

NOW_CALLING = "A chamar · Now calling"
COUNTER = "Balcão {desk} · Counter {desk}"
WAITING = "Em espera · Waiting"
PLEASE_WAIT = "Aguarde a sua chamada · Please wait for your call"
RECENT_CALLS = 4
WAITING_COLUMNS = 4
MESSAGE_SECONDS = 10
#: Drawn height of the current call's and recent calls' numerals as a share of the
#: board's height: at 1080 px, 205 px and 97 px, above the 180 px and 90 px that read
#: from about 10 m (DESIGN.md, "Calling board").
CURRENT_SHARE = 0.19
RECENT_SHARE = 0.09


DIGITS = "0123456789"


def _digits_height(font: QFont) -> int:
    return round(QFontMetricsF(font).tightBoundingRect(DIGITS).height())


def _digit_height_ratio(font: QFont) -> float:
    probe = QFont(font)
    probe.setPixelSize(1000)
    return QFontMetricsF(probe).tightBoundingRect(DIGITS).height() / 1000 or 0.7


def choose_board_screen(preferred: int = -1) -> tuple[QScreen, bool]:
    """The screen for the board and whether it is a screen of its own: the configured
    one when it exists, else the second screen, else the primary screen (shared)."""
    screens = QGuiApplication.screens()
    if 0 <= preferred < len(screens):
        return screens[preferred], preferred != 0 or len(screens) == 1
    if len(screens) > 1:
        return screens[1], True
    return QGuiApplication.primaryScreen(), False


class BoardWindow(QWidget):
    """The waiting room's calling board, limited to ``services`` when given."""

    def __init__(
        self,
        bridge: JournalBridge,
        fonts: FontRegistry,
        services: Sequence[str] | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._bridge = bridge
        self._fonts = fonts
        self._profile = bridge.journal.profile
        self._services = list(services) if services else list(self._profile.codes)
        self._message_index = 0
        self.current_call: CallView | None = None
        self.setObjectName("board")
        self.setWindowTitle("CNAIM — " + NOW_CALLING)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, theme.BOARD_BACKGROUND)
        palette.setColor(QPalette.ColorRole.WindowText, theme.BOARD_TEXT)
        self.setPalette(palette)

        layout = QVBoxLayout(self)
        # The board takes the size of its screen; the fonts follow in resizeEvent.
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetNoConstraint)
        top = QHBoxLayout()
        self.title = self._label(NOW_CALLING, theme.BOARD_MUTED)
        self.clock = self._label("", theme.BOARD_MUTED)
        self.clock.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.title, 1)
        top.addWidget(self.clock)
        layout.addLayout(top)

        self.current_code = self._label("", theme.BOARD_ACCENT, bold=True)
        self.current_code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.current_code.setAccessibleName("Current call")
        self.current_counter = self._label("", theme.BOARD_TEXT, bold=True)
        self.current_counter.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.current_code, 4)
        layout.addWidget(self.current_counter, 1)

        self.recent = QGridLayout()
        self.recent_codes: list[QLabel] = []
        self.recent_counters: list[QLabel] = []
        for index in range(RECENT_CALLS):
            code = self._label("", theme.BOARD_TEXT, bold=True)
            counter = self._label("", theme.BOARD_MUTED)
            code.setAlignment(Qt.AlignmentFlag.AlignCenter)
            counter.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.recent.addWidget(code, 0, index)
            self.recent.addWidget(counter, 1, index)
            self.recent_codes.append(code)
            self.recent_counters.append(counter)
        layout.addLayout(self.recent, 2)

        self.waiting_title = self._label(WAITING, theme.BOARD_MUTED)
        layout.addWidget(self.waiting_title)
        self.waiting = QGridLayout()
        self.waiting_labels: dict[str, QLabel] = {}
        for index, code in enumerate(self._services):
            label = self._label("", theme.BOARD_TEXT)
            label.setWordWrap(True)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            self.waiting_labels[code] = label
            self.waiting.addWidget(label, index // WAITING_COLUMNS, index % WAITING_COLUMNS)
        layout.addLayout(self.waiting, 2)

        self.message = self._label("", theme.BOARD_MUTED)
        self.message.setWordWrap(True)
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.message, 1)

        self._clock_timer = QTimer(self, interval=1000, timeout=self._tick)
        self._clock_timer.start()
        self._message_timer = QTimer(
            self, interval=MESSAGE_SECONDS * 1000, timeout=self._next_message
        )
        self._message_timer.start()
        self._flash_timer = QTimer(self, singleShot=True, interval=600, timeout=self._end_flash)
        bridge.changed.connect(self._on_change)
        self._tick()
        self._next_message()
        self.refresh()
        self._apply_sizes(self.height() or 720)

    def _label(self, text: str, colour, bold: bool = False) -> QLabel:
        label = QLabel(text, self)
        label.setFont(self._fonts.ui_font())
        label.setStyleSheet(
            f"color: {colour.name()}; background: transparent;"
            + (" font-weight: 700;" if bold else "")
        )
        return label

    # -- placing -----------------------------------------------------------------------

    def show_on(self, screen: QScreen, full_screen: bool) -> None:
        """Open on ``screen``: full screen on a screen of its own (geometry set too, since
        without a window manager full screen alone leaves a small window in a corner)."""
        self.setScreen(screen)
        if full_screen:
            self.setGeometry(screen.geometry())
            self.showFullScreen()
        else:
            area = screen.availableGeometry()
            self.resize(min(1280, area.width()), min(720, area.height()))
            self.move(area.center() - self.rect().center())
            self.show()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._apply_sizes(event.size().height())
        super().resizeEvent(event)

    def _apply_sizes(self, height: int) -> None:
        def sized(label: QLabel, pixels: float) -> None:
            font = QFont(label.font())
            font.setPixelSize(max(round(pixels), 8))
            label.setFont(font)

        def digits_tall(label: QLabel, pixels: float) -> None:
            # Size by the numerals' drawn height, not the font's em: that is what is read.
            sized(label, pixels / _digit_height_ratio(label.font()))

        digits_tall(self.current_code, height * CURRENT_SHARE)
        sized(self.current_counter, height * 0.06)
        for label in self.recent_codes:
            digits_tall(label, height * RECENT_SHARE)
        for label in self.recent_counters:
            sized(label, height * 0.03)
        for label in (self.title, self.clock, self.waiting_title):
            sized(label, height * 0.034)
        for label in self.waiting_labels.values():
            sized(label, height * 0.028)
        sized(self.message, height * 0.026)

    def numeral_heights(self) -> tuple[int, int]:
        """Drawn height in pixels of the current call's and the recent calls' numerals."""
        return (
            _digits_height(self.current_code.font()),
            _digits_height(self.recent_codes[0].font()),
        )

    # -- updating ----------------------------------------------------------------------

    def _on_change(self, change: Change) -> None:
        if change.day != self._bridge.today():
            return
        self.refresh()
        if change.calls:
            self._flash()

    def refresh(self) -> None:
        today = self._bridge.today()
        calls = [
            call
            for call in self._bridge.read(lambda q: q.recent_calls(today, RECENT_CALLS + 1))
            if call.service in self._services
        ]
        self.current_call = calls[0] if calls else None
        if self.current_call is None:
            self.current_code.setText("")
            self.current_counter.setText(PLEASE_WAIT)
        else:
            self.current_code.setText(self.current_call.code)
            self.current_counter.setText("→ " + COUNTER.format(desk=self.current_call.desk))
        older = calls[1 : RECENT_CALLS + 1]
        for index in range(RECENT_CALLS):
            call = older[index] if index < len(older) else None
            self.recent_codes[index].setText(call.code if call else "")
            self.recent_counters[index].setText(COUNTER.format(desk=call.desk) if call else "")
        loads = self._bridge.read(lambda q: q.service_loads(today, self._services))
        for load in loads:
            service = self._profile.service(load.service)
            wait = (
                f" · ~{load.expected_wait_minutes} min"
                if load.expected_wait_minutes is not None
                else ""
            )
            self.waiting_labels[load.service].setText(
                f"{service.letter} · {service.public_short_name('pt')}: {load.waiting}{wait}"
            )

    def _flash(self) -> None:
        self.current_code.setStyleSheet(
            f"color: {theme.BOARD_BACKGROUND.name()}; background: {theme.BOARD_ACCENT.name()};"
            " font-weight: 700;"
        )
        self._flash_timer.start()

    def _end_flash(self) -> None:
        self.current_code.setStyleSheet(
            f"color: {theme.BOARD_ACCENT.name()}; background: transparent; font-weight: 700;"
        )

    def _tick(self) -> None:
        self.clock.setText(self._bridge.journal.now().strftime("%H:%M"))

    def _next_message(self) -> None:
        messages = self._profile.board_messages
        if not messages:
            return
        message = messages[self._message_index % len(messages)]
        self._message_index += 1
        self.message.setText("\n".join(text for text in message.values()))
