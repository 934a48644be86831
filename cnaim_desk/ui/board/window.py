"""The calling board: the current call very large with its counter and the way there, the
last calls, how many wait at each service (with its pictogram) and for how long, rotating
messages and a clock; full screen on a chosen screen, and kept there as screens come and
go. A board may show only some services (one board per floor or wing).

Everything here is public: codes, counters, public service names. Nothing personal, and
the victim-support office appears only under its neutral name. A holder's language goes
to the announcer alone (which speaks it only where the centre turns that on) and is never
shown. The board's words are in Portuguese and English for the room, not in the staff
interface's language.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from typing import Protocol

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, SignalInstance
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPainter,
    QPaintEvent,
    QPalette,
    QPixmap,
    QResizeEvent,
    QScreen,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from cnaim_desk.journal.projection import Change
from cnaim_desk.journal.queries import CallView, CounterView, QueueQueries, TicketView
from cnaim_desk.printing.fonts import FontRegistry
from cnaim_desk.resources import resource
from cnaim_desk.ui import theme
from cnaim_desk.ui.qt_journal import JournalBridge

log = logging.getLogger(__name__)

NOW_CALLING = "A chamar · Now calling"
NEW_CALL = "Nova chamada · New call"
CALLED_AGAIN = "Chamada de novo · Called again"
COUNTER = "Balcão {desk} · Counter {desk}"
WAITING = "Em espera · Waiting"
PLEASE_WAIT = "Aguarde a sua chamada · Please wait for your call"
RECENT_CALLS = 4
#: Services waiting are listed in one column up to this many, else in two.
WAITING_ONE_COLUMN_MAX = 4
MESSAGE_SECONDS = 10
#: The current code shows inverted this long after a call; the words saying a call is new
#: (or repeated) stay longer, so that the change is never carried by colour alone.
FLASH_MS = 600
MARKER_MS = 8000
#: Drawn height of the current call's and recent calls' numerals as a share of the
#: board's height: at 1080 px, 205 px and 97 px, above the 180 px and 90 px that read
#: from about 10 m (DESIGN.md, "Calling board").
CURRENT_SHARE = 0.19
RECENT_SHARE = 0.09
#: Pixel sizes of the other texts as shares of the board's height.
COUNTER_SHARE = 0.06
RECENT_COUNTER_SHARE = 0.03
HEADING_SHARE = 0.034
WAITING_SHARE = 0.028
MESSAGE_SHARE = 0.025
NOTICE_SHARE = 0.022
MARGIN_SHARE = 0.01
SPACING_SHARE = 0.004


DIGITS = "0123456789"
#: Every character a ticket code may have: what a code label's height must hold.
CODE_INK = DIGITS + "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
#: The tallest and the deepest letters a counter's name and directions may have (accented
#: capitals, descenders), typed by a Portuguese centre.
LINE_INK = CODE_INK + "ÀÁÂÃÇÉÊÍÓÔÕÚàáâãçéêíóôõúgjpqy→—·"


def _digits_height(font: QFont) -> int:
    return round(QFontMetricsF(font).tightBoundingRect(DIGITS).height())


def _digit_height_ratio(font: QFont) -> float:
    probe = QFont(font)
    probe.setPixelSize(1000)
    return QFontMetricsF(probe).tightBoundingRect(DIGITS).height() / 1000 or 0.7


def counter_words(label: str) -> str:
    """A counter as the room reads it: a bare id or number ("4", "C1") in both languages,
    "Balcão 4 · Counter 4"; a name of several words ("Sala AIMA 2") as the centre typed it."""
    return COUNTER.format(desk=label) if len(label.split()) <= 1 else label


@lru_cache(maxsize=128)
def pictogram_image(name: str, side: int, colour: str) -> QImage:
    """Service pictogram ``name`` drawn ``side`` pixels square in ``colour``. The SVGs are
    black line art for paper: drawn, then used as a mask filled with the colour, so they
    read on the board's dark background. A null image when there is no such pictogram."""
    path = resource("icons", f"{name}.svg")
    if not name or side <= 0 or not path.exists():
        return QImage()
    renderer = QSvgRenderer(str(path))
    if not renderer.isValid():
        return QImage()
    image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, side, side))
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
    painter.fillRect(image.rect(), QColor(colour))
    painter.end()
    return image


def choose_board_screen(preferred: int = -1) -> tuple[QScreen, bool]:
    """The screen for the board and whether it is a screen of its own: the configured
    one when it exists, else the second screen, else the primary screen (shared)."""
    screens = QGuiApplication.screens()
    if 0 <= preferred < len(screens):
        return screens[preferred], preferred != 0 or len(screens) == 1
    if len(screens) > 1:
        return screens[1], True
    return QGuiApplication.primaryScreen(), False


class SharedScreen(Enum):
    """What a board does when no screen of its own is left for it."""

    #: A window beside the staff windows (the demo on one screen).
    WINDOW = "window"
    #: A staff desk's board: gone with its monitor, back when the monitor returns.
    HIDE = "hide"
    #: A board-only machine: its one screen belongs to the board.
    FULL_SCREEN = "full_screen"


class CallAnnouncer(Protocol):
    """What the board needs of an announcer (chime and speech): ``announce`` queues a
    call, a recall said again; ``holder_language`` is spoken only where the centre turns
    holder-language speech on.

    Signals:
        noticeChanged(str): ``notice`` changed.
    """

    #: Why the board is silent ("no sound"), for the room to see; empty when all is well.
    notice: str
    noticeChanged: SignalInstance  # noqa: N815 (a Qt signal: Qt's camelCase)

    def announce(
        self, code: str, counter: str, holder_language: str | None = None, recall: bool = False
    ) -> None: ...


class InkLabel(QLabel):
    """One line of text centred by its ink (the top of the tallest letters ``ink`` holds
    to the bottom of its tails) rather than by the font's line box, whose empty ascent and
    descent would take much of the board's height; the label is as tall as that ink (and
    ``space_above``), so nothing it may show is cut off."""

    def __init__(self, colour: QColor, ink: str, parent: QWidget):
        super().__init__(parent)
        self.colour = colour
        self.background: QColor | None = None
        self._ink_text = ink
        self._ink = QRectF()
        self._space_above = 0

    def set_colours(self, colour: QColor, background: QColor | None = None) -> None:
        self.colour, self.background = colour, background
        self.update()

    def set_pixel_size(
        self, pixels: float, space_above: int = 0, box_pixels: float | None = None
    ) -> None:
        """Draw at ``pixels``; the label's height is that of the ink at ``box_pixels``
        (the same by default: larger keeps the board still while a long line shrinks)."""
        font = QFont(self.font())
        font.setPixelSize(max(round(pixels), 8))
        self.setFont(font)
        self._ink = QFontMetricsF(font).tightBoundingRect(self._ink_text)
        box = QFont(font)
        box.setPixelSize(max(round(box_pixels or pixels), 8))
        self._space_above = space_above
        height = QFontMetricsF(box).tightBoundingRect(self._ink_text).height()
        self.setFixedHeight(math.ceil(height) + 2 + space_above)

    def fit_digits(self, digits_pixels: float, space_above: int = 0) -> None:
        """Size the font so that numerals are ``digits_pixels`` tall: that is what is read."""
        self.set_pixel_size(digits_pixels / _digit_height_ratio(self.font()), space_above)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        if self.background is not None:
            painter.fillRect(self.rect(), self.background)
        if not self.text():
            return
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setFont(self.font())
        painter.setPen(self.colour)
        metrics = QFontMetricsF(self.font())
        room = self.height() - self._space_above
        baseline = self._space_above + (room - self._ink.height()) / 2 - self._ink.top()
        left = (self.width() - metrics.horizontalAdvance(self.text())) / 2
        painter.drawText(QPointF(left, baseline), self.text())


@dataclass(frozen=True, slots=True)
class WaitingRow:
    """A service in the board's waiting list: its pictogram, letter, public short name,
    how many wait and the expected wait of someone arriving now."""

    icon: QLabel
    letter: QLabel
    name: QLabel
    count: QLabel
    wait: QLabel

    def widgets(self) -> tuple[QLabel, ...]:
        return (self.icon, self.letter, self.name, self.count, self.wait)

    def texts(self) -> tuple[QLabel, ...]:
        return (self.letter, self.name, self.count, self.wait)

    @property
    def text(self) -> str:
        return " ".join(label.text() for label in self.texts() if label.text())


#: Grid columns of one half of the waiting list: pictogram, letter, name, count, wait, and
#: a gutter.
WAITING_GRID_COLUMNS = 6


class BoardWindow(QWidget):
    """The waiting room's calling board, limited to ``services`` when given (codes this
    centre does not offer are ignored); calls are said by ``announcer`` when given."""

    def __init__(
        self,
        bridge: JournalBridge,
        fonts: FontRegistry,
        services: Sequence[str] | None = None,
        parent: QWidget | None = None,
        *,
        announcer: CallAnnouncer | None = None,
    ):
        super().__init__(parent)
        self._bridge = bridge
        self._fonts = fonts
        self._profile = bridge.journal.profile
        self.services = self._offered(services)
        self._announcer = announcer
        self._message_index = 0
        #: A recalled ticket shows as the current call until the next call.
        self._recalled: str | None = None
        self._preferred_screen = -1
        self._when_shared = SharedScreen.WINDOW
        self._watched_screen: QScreen | None = None
        self._keeping = False
        self._counter_pixels = 8
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
        # The title and the clock sit in the corners of the current call's row: the code
        # is centred, and the board's height goes to what is read from afar.
        top = QGridLayout()
        self.title = self._label(NOW_CALLING, theme.BOARD_MUTED)
        self.clock = self._label("", theme.BOARD_MUTED)
        self.current_code = InkLabel(theme.BOARD_ACCENT, CODE_INK, self)
        self.current_code.setFont(self._font(bold=True))
        self.current_code.setAccessibleName("Current call")
        top.addWidget(self.current_code, 0, 0, 1, 3)
        top.addWidget(self.title, 0, 0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.clock, 0, 2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        top.setColumnStretch(1, 1)
        layout.addLayout(top)
        self.current_counter = InkLabel(theme.BOARD_TEXT, LINE_INK, self)
        self.current_counter.setFont(self._font(bold=True))
        self.current_counter.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        layout.addWidget(self.current_counter)
        layout.addStretch(3)

        self.recent = QGridLayout()
        self.recent.setVerticalSpacing(0)
        self.recent_codes: list[InkLabel] = []
        self.recent_counters: list[QLabel] = []
        for index in range(RECENT_CALLS):
            code = InkLabel(theme.BOARD_TEXT, CODE_INK, self)
            code.setFont(self._font(bold=True))
            counter = self._label("", theme.BOARD_MUTED)
            counter.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            counter.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            self.recent.addWidget(code, 0, index)
            self.recent.addWidget(counter, 1, index)
            self.recent.setColumnStretch(index, 1)
            self.recent_codes.append(code)
            self.recent_counters.append(counter)
        layout.addLayout(self.recent)
        layout.addStretch(1)

        self.waiting_title = self._label(WAITING, theme.BOARD_MUTED)
        layout.addWidget(self.waiting_title)
        self.waiting = QGridLayout()
        self.waiting.setVerticalSpacing(0)
        self.waiting.setHorizontalSpacing(12)
        self.waiting_rows: dict[str, WaitingRow] = {}
        groups = 1 if len(self.services) <= WAITING_ONE_COLUMN_MAX else 2
        rows = -(-len(self.services) // groups)
        for index, code in enumerate(self.services):
            service = self._profile.service(code)
            row = WaitingRow(
                icon=QLabel(self),
                letter=self._label(service.letter, theme.BOARD_TEXT, bold=True),
                name=self._label(service.public_short_name("pt"), theme.BOARD_TEXT),
                count=self._label("", theme.BOARD_TEXT, bold=True),
                wait=self._label("", theme.BOARD_TEXT),
            )
            row.icon.setStyleSheet("background: transparent;")
            row.icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
            row.count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.waiting_rows[code] = row
            place, group = index % rows, index // rows
            for offset, widget in enumerate(row.widgets()):
                self.waiting.addWidget(widget, place, group * WAITING_GRID_COLUMNS + offset)
        for group in range(groups):
            # the gutter after each half takes the spare width: counts follow the names
            self.waiting.setColumnStretch(group * WAITING_GRID_COLUMNS + 5, 1)
        layout.addLayout(self.waiting)
        layout.addStretch(1)

        self.message = self._label("", theme.BOARD_MUTED)
        self.message.setWordWrap(True)
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.message)

        self._notices: dict[str, str] = {}
        self.notice = self._label("", theme.BOARD_MUTED)
        self.notice.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.notice.hide()
        layout.addWidget(self.notice, 0, Qt.AlignmentFlag.AlignRight)

        self._clock_timer = QTimer(self, interval=1000, timeout=self._tick)
        self._clock_timer.start()
        self._message_timer = QTimer(
            self, interval=MESSAGE_SECONDS * 1000, timeout=self._next_message
        )
        self._message_timer.start()
        self._flash_timer = QTimer(
            self, singleShot=True, interval=FLASH_MS, timeout=self._end_flash
        )
        self._marker_timer = QTimer(
            self, singleShot=True, interval=MARKER_MS, timeout=self._end_marker
        )
        bridge.changed.connect(self._on_change)
        if announcer is not None:
            announcer.noticeChanged.connect(self._show_notice)
            self._show_notice(announcer.notice)
        self._tick()
        self._next_message()
        self.refresh()
        self._apply_sizes(self.height() or 720)

    def _offered(self, services: Sequence[str] | None) -> list[str]:
        """The requested services this centre offers, in the profile's order; all of them
        when none (or none valid) is requested."""
        wanted = set(services or ())
        unknown = sorted(code for code in wanted if not self._profile.has_service(code))
        if unknown:
            log.warning(
                "the board ignores services this centre does not offer: %s", ", ".join(unknown)
            )
        offered = [code for code in self._profile.codes if code in wanted]
        return offered or list(self._profile.codes)

    def _font(self, bold: bool = False) -> QFont:
        font = self._fonts.ui_font()
        font.setBold(bold)
        return font

    def _label(self, text: str, colour: QColor, bold: bool = False) -> QLabel:
        label = QLabel(text, self)
        label.setFont(self._font(bold))
        label.setStyleSheet(_colours(colour))
        return label

    # -- placing -----------------------------------------------------------------------

    def show_on(self, screen: QScreen, full_screen: bool) -> None:
        """Open on ``screen``: full screen on a screen of its own (geometry set too, since
        without a window manager full screen alone leaves a small window in a corner)."""
        if self.isVisible() and self.screen() is not screen and self.isFullScreen():
            self.showNormal()  # a window manager moves a full-screen window only this way
        self.setScreen(screen)
        if full_screen:
            self.setGeometry(screen.geometry())
            self.showFullScreen()
        else:
            area = screen.availableGeometry()
            self.resize(min(1280, area.width()), min(720, area.height()))
            self.move(area.center() - self.rect().center())
            self.show()

    def keep_on(self, preferred: int = -1, when_shared: SharedScreen = SharedScreen.WINDOW) -> None:
        """Show the board on ``choose_board_screen(preferred)`` and place it again whenever
        a screen is added or removed, or its screen changes size: a monitor unplugged and
        plugged back, or a board screen that came up after the desk. ``when_shared`` says
        what to do when no screen of its own is left."""
        self._preferred_screen = preferred
        self._when_shared = when_shared
        if not self._keeping:
            self._keeping = True
            application = QGuiApplication.instance()
            application.screenAdded.connect(self._place)
            application.screenRemoved.connect(self._place)
        self._place()

    def _place(self, *_: object) -> None:
        screen, own = choose_board_screen(self._preferred_screen)
        if self._watched_screen is not screen:
            if self._watched_screen is not None:
                self._watched_screen.geometryChanged.disconnect(self._place)
            screen.geometryChanged.connect(self._place)
            self._watched_screen = screen
        if own or self._when_shared is SharedScreen.FULL_SCREEN:
            self.show_on(screen, full_screen=True)
        elif self._when_shared is SharedScreen.HIDE:
            self.hide()
        else:
            self.show_on(screen, full_screen=False)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._apply_sizes(event.size().height())
        super().resizeEvent(event)

    def _apply_sizes(self, height: int) -> None:
        def sized(label: QLabel, pixels: float) -> None:
            font = QFont(label.font())
            font.setPixelSize(max(round(pixels), 8))
            label.setFont(font)

        # Margins and spacing follow the height too: at 720 px fixed ones would crowd out
        # the waiting list.
        margin = round(height * MARGIN_SHARE)
        self.layout().setContentsMargins(margin, margin, margin, margin)
        self.layout().setSpacing(round(height * SPACING_SHARE))
        self.current_code.fit_digits(height * CURRENT_SHARE, space_above=margin)
        self._counter_pixels = max(round(height * COUNTER_SHARE), 8)
        self._fit_counter()
        for label in self.recent_codes:
            label.fit_digits(height * RECENT_SHARE)
        for label in self.recent_counters:
            sized(label, height * RECENT_COUNTER_SHARE)
        for label in (self.title, self.clock):
            sized(label, height * HEADING_SHARE)
        sized(self.waiting_title, height * WAITING_SHARE)
        for row in self.waiting_rows.values():
            for label in row.texts():
                sized(label, height * WAITING_SHARE)
        sized(self.message, height * MESSAGE_SHARE)
        sized(self.notice, height * NOTICE_SHARE)
        self._draw_pictograms()

    def _fit_counter(self) -> None:
        """The counter and its directions on one line: smaller when the line is too long
        for the board's width, never larger than its share of the height."""
        font = QFont(self.current_counter.font())
        font.setPixelSize(self._counter_pixels)
        margins = self.layout().contentsMargins()
        room = (self.width() - margins.left() - margins.right()) * 0.96
        wide = QFontMetricsF(font).horizontalAdvance(self.current_counter.text())
        pixels = self._counter_pixels * room / wide if room > 0 and wide > room else None
        self.current_counter.set_pixel_size(
            pixels or self._counter_pixels, box_pixels=self._counter_pixels
        )

    def _draw_pictograms(self) -> None:
        if not self.waiting_rows:
            return
        font = next(iter(self.waiting_rows.values())).name.font()
        ratio = self.devicePixelRatioF()
        side = round(QFontMetricsF(font).height())
        for code, row in self.waiting_rows.items():
            image = pictogram_image(
                self._profile.service(code).pictogram,
                round(side * ratio),
                theme.BOARD_PICTOGRAM.name(),
            )
            row.icon.setFixedSize(side, side)
            if image.isNull():
                row.icon.clear()
                continue
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(ratio)
            row.icon.setPixmap(pixmap)

    def numeral_heights(self) -> tuple[int, int]:
        """Drawn height in pixels of the current call's and the recent calls' numerals."""
        return (
            _digits_height(self.current_code.font()),
            _digits_height(self.recent_codes[0].font()),
        )

    # -- updating ----------------------------------------------------------------------

    def _on_change(self, change: Change) -> None:
        today = self._bridge.today()
        if change.day != today:
            return
        calls: list[TicketView] = []
        counters: dict[str, CounterView] = {}
        if change.calls:

            def read(q: QueueQueries) -> tuple[list[TicketView], dict[str, CounterView]]:
                tickets = [q.ticket(today, ticket_id) for ticket_id in change.calls]
                ours = [t for t in tickets if t is not None and t.service in self.services]
                return ours, (q.counters(today) if ours else {})

            calls, counters = self._bridge.read(read)
            if calls:
                last = calls[-1]
                self._recalled = last.id if last.recalls > 0 else None
        self.refresh()
        if calls:
            self._flash(again=calls[-1].recalls > 0)
            self._announce(calls, counters)

    def _announce(self, calls: list[TicketView], counters: dict[str, CounterView]) -> None:
        if self._announcer is None:
            return
        for ticket in calls:
            desk = ticket.called_by or ""
            counter = counters.get(desk)
            # The announcer says the holder's language only where the centre turns that
            # on (off by default: it can reveal nationality); the board never shows it.
            self._announcer.announce(
                ticket.code,
                counter.label if counter is not None else desk,
                ticket.language,
                recall=ticket.recalls > 0,
            )

    def _calls(self, q: QueueQueries, today: str) -> list[CallView]:
        """The board's latest calls, newest first, a recalled ticket first of all."""
        wanted = RECENT_CALLS + 1
        limit = wanted if len(self.services) == len(self._profile.codes) else 4 * wanted
        while True:
            found = q.recent_calls(today, limit)
            calls = [call for call in found if call.service in self.services]
            if len(calls) >= wanted or len(found) < limit:
                break
            limit *= 4  # a board of a few services: look further back
        if self._recalled is not None:
            recalled = next((call for call in calls if call.ticket_id == self._recalled), None)
            if recalled is None:
                ticket = q.ticket(today, self._recalled)
                if ticket is not None and ticket.called_at is not None:
                    recalled = CallView(
                        ticket.id,
                        ticket.code,
                        ticket.service,
                        ticket.called_by or "",
                        ticket.called_at,
                        ticket.recalls,
                    )
            if recalled is not None:
                calls = [recalled, *(call for call in calls if call is not recalled)]
        return calls[:wanted]

    def refresh(self) -> None:
        today = self._bridge.today()

        def read(q: QueueQueries):
            return (
                self._calls(q, today),
                q.counters(today),
                q.service_loads(today, self.services),
            )

        calls, counters, loads = self._bridge.read(read)

        def label(desk: str) -> str:
            counter = counters.get(desk)
            return counter.label if counter is not None else desk

        self.current_call = calls[0] if calls else None
        if self.current_call is None:
            self.current_code.setText("")
            self.current_counter.setText(PLEASE_WAIT)
        else:
            desk = self.current_call.desk
            line = "→ " + counter_words(label(desk))
            directions = counters[desk].directions if desk in counters else ""
            self.current_code.setText(self.current_call.code)
            self.current_counter.setText(line + (f" — {directions}" if directions else ""))
        self._fit_counter()
        older = calls[1 : RECENT_CALLS + 1]
        for index in range(RECENT_CALLS):
            call = older[index] if index < len(older) else None
            self.recent_codes[index].setText(call.code if call else "")
            self.recent_counters[index].setText(counter_words(label(call.desk)) if call else "")
        for load in loads:
            row = self.waiting_rows[load.service]
            row.count.setText(str(load.waiting))
            minutes = load.expected_wait_minutes
            row.wait.setText(f"~{minutes} min" if minutes is not None and load.waiting else "")

    def _flash(self, again: bool = False) -> None:
        """Show a call as new: the code inverted for a moment, and words saying it is a
        new call (or a repeated one) in place of the title, underlined, for a while."""
        self.current_code.set_colours(theme.BOARD_BACKGROUND, theme.BOARD_ACCENT)
        self.title.setText(CALLED_AGAIN if again else NEW_CALL)
        self.title.setStyleSheet(
            _colours(theme.BOARD_ACCENT) + f" border-bottom: 4px solid {theme.BOARD_ACCENT.name()};"
        )
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        self._flash_timer.start()
        self._marker_timer.start()

    def _end_flash(self) -> None:
        self.current_code.set_colours(theme.BOARD_ACCENT)

    def _end_marker(self) -> None:
        self.title.setText(NOW_CALLING)
        self.title.setStyleSheet(_colours(theme.BOARD_MUTED))
        font = QFont(self.title.font())
        font.setBold(False)
        self.title.setFont(font)

    @property
    def marker_shown(self) -> bool:
        """Whether the words marking a new (or repeated) call are on the board."""
        return self._marker_timer.isActive()

    def _show_notice(self, text: str, source: str = "sound") -> None:
        self._notices[source] = text
        # the board's link first: without it the board shows nothing new at all
        order = sorted(self._notices, key=lambda key: key != "feed")
        shown = " · ".join(self._notices[key] for key in order if self._notices[key])
        self.notice.setText(shown)
        self.notice.setVisible(bool(shown))

    def show_feed_notice(self, text: str) -> None:
        """On a board-only PC: that no desk is feeding the board (empty: one is)."""
        self._show_notice(text, "feed")

    def _tick(self) -> None:
        self.clock.setText(self._bridge.journal.now().strftime("%H:%M"))

    def _next_message(self) -> None:
        messages = self._profile.board_messages
        if not messages:
            return
        message = messages[self._message_index % len(messages)]
        self._message_index += 1
        self.message.setText("\n".join(text for text in message.values()))


def _colours(colour: QColor, background: QColor | None = None) -> str:
    back = background.name() if background is not None else "transparent"
    return f"color: {colour.name()}; background: {back};"
