"""The board of a board-only PC: it holds no journal, only the latest feed a desk sent it
(``cnaim_desk.sync.feed``). This bridge gives the board window what a journal's bridge
gives it (the changes, the queries it makes, the day and the time) from that feed, in
memory only."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import TypeVar

from PySide6.QtCore import QObject, Qt, Signal

from cnaim_desk.domain.centres import CentreProfile
from cnaim_desk.domain.clock import now_lisbon, service_day, wall_clock_ms
from cnaim_desk.journal.desk import DeskConfig
from cnaim_desk.journal.document import day_doc_name
from cnaim_desk.journal.projection import Change
from cnaim_desk.journal.queries import CallView, CounterView, ServiceLoad
from cnaim_desk.sync.feed import FedCall, Feed

T = TypeVar("T")


class FeedDesk:
    """What the board asks of its desk: the centre's profile, its config, the time."""

    def __init__(
        self, config: DeskConfig, profile: CentreProfile, now_ms: Callable[[], int] = wall_clock_ms
    ):
        self.config = config
        self.profile = profile
        self._now_ms = now_ms

    def now(self) -> datetime:
        return now_lisbon(self._now_ms())

    def today(self) -> date:
        return service_day(self.now())


class FeedQueries:
    """The few queries a board makes, answered from a feed (nothing for another day)."""

    def __init__(self, feed: Feed | None):
        self._feed = feed

    def _of(self, day: str) -> Feed | None:
        return self._feed if self._feed is not None and self._feed.day == day else None

    def recent_calls(self, day: str, limit: int = 6) -> list[CallView]:
        feed = self._of(day)
        return [call.view() for call in feed.calls[:limit]] if feed else []

    def ticket(self, day: str, ref: str) -> FedCall | None:
        feed = self._of(day)
        return (
            next((call for call in feed.calls if ref in (call.id, call.code)), None)
            if feed
            else None
        )

    def counters(self, day: str) -> dict[str, CounterView]:
        feed = self._of(day)
        return dict(feed.counters) if feed else {}

    def service_loads(self, day: str, services: Sequence[str]) -> list[ServiceLoad]:
        feed = self._of(day)
        loads = feed.loads if feed else {}
        return [loads.get(code) or ServiceLoad(code, 0, None, 0, 0) for code in services]


class FeedBridge(QObject):
    """The board window's bridge on a board-only PC.

    Signals:
        changed(Change): a new feed, with the calls it brings (new ones, and those called
            again), on the GUI thread.
    """

    changed = Signal(object)
    _deliver = Signal(object)

    def __init__(self, desk: FeedDesk, parent: QObject | None = None):
        super().__init__(parent)
        self.journal = desk
        self.feed: Feed | None = None
        #: Each call shown, with how many recalls: a feed brings a call as new once.
        self._seen: dict[str, int] = {}
        self._deliver.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def show(self, feed: Feed) -> None:
        """A feed from the sync's thread (or any): shown on the GUI thread."""
        self._deliver.emit(feed)

    def _show(self, feed: Feed) -> None:
        first = self.feed is None or self.feed.day != feed.day
        self.feed = feed
        new = [
            call.id
            for call in feed.calls
            if call.id not in self._seen or self._seen[call.id] < call.recalls
        ]
        self._seen = {call.id: call.recalls for call in feed.calls}
        # Calls made before the board started, or before a day turned, are not news.
        calls = () if first else tuple(reversed(new))
        doc = day_doc_name(self.journal.config.centre, date.fromisoformat(feed.day))
        self.changed.emit(Change(doc=doc, origin="feed", calls=calls))

    def read(self, query: Callable[[FeedQueries], T]) -> T:
        return query(FeedQueries(self.feed))

    def today(self) -> str:
        return self.journal.today().isoformat()

    def shutdown(self) -> None:
        pass
