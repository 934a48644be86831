"""What a board-only PC is sent: the calls, the counters and the queues' counts and
expected waits of today, and nothing else. It holds no journal, no ticket's details, no
technician's name; the holder's language travels only where the centre has the board
say calls in it (``[board] speak_holder_language``, off by default).

A feed is JSON::

    {"day": "2026-12-05", "calls": [{"id", "code", "service", "desk", "at", "recalls"
     [, "language"]}], "counters": {desk: {"status", "services", "name", "floor",
     "side"}}, "loads": [{"service", "waiting", "wait", "open", "issued"}],
     "events": N, "revoked": [desk, ...]}

``calls`` are the latest ones, newest first; ``events`` how many events of the day the
sending desk holds (a board linked to several desks shows the most complete feed).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from cnaim_desk.journal.journal import Journal
from cnaim_desk.journal.queries import CallView, CounterView, QueueQueries, ServiceLoad

#: How many of the latest calls a feed carries: a board shows a handful, and looks back
#: further only to find those of the few services it shows.
FEED_CALLS = 60
#: A code or a name on a board is short; anything longer in a feed is refused.
MAX_TEXT = 40


def board_feed(journal: Journal) -> bytes:
    """Today's feed for a board, from this desk's journal."""
    today = journal.today().isoformat()
    speak_language = journal.profile.speak_holder_language

    def read(q: QueueQueries):
        calls = q.recent_calls(today, FEED_CALLS)
        languages = {}
        if speak_language:
            for call in calls:
                ticket = q.ticket(today, call.ticket_id)
                languages[call.ticket_id] = ticket.language if ticket is not None else ""
        return calls, languages, q.counters(today), q.service_loads(today, journal.profile.codes)

    calls, languages, counters, loads = journal.reader.run(read)
    feed = {
        "day": today,
        "calls": [
            {
                "id": call.ticket_id,
                "code": call.code,
                "service": call.service,
                "desk": call.desk,
                "at": call.at.isoformat(),
                "recalls": call.recalls,
                **({"language": languages[call.ticket_id]} if speak_language else {}),
            }
            for call in calls
        ],
        "counters": {
            desk: {
                "status": counter.status,
                "services": list(counter.services),
                "name": counter.name,
                "floor": counter.floor,
                "side": counter.side,
            }
            for desk, counter in counters.items()
        },
        "loads": [
            {
                "service": load.service,
                "waiting": load.waiting,
                "wait": load.expected_wait_minutes,
                "open": load.open_counters,
                "issued": load.issued_today,
            }
            for load in loads
        ],
        "events": journal.held([journal.today_doc()])[journal.today_doc()],
        "revoked": sorted(journal.revoked_desks()),
    }
    return json.dumps(feed, separators=(",", ":")).encode()


class FeedRefused(ValueError):
    """A feed that is not what a desk of this centre sends."""


@dataclass(frozen=True, slots=True)
class FedCall:
    """A call as a board is told of it; what the board's announcer reads of a ticket."""

    id: str
    code: str
    service: str
    called_by: str
    called_at: datetime
    recalls: int
    language: str = ""

    def view(self) -> CallView:
        return CallView(
            self.id, self.code, self.service, self.called_by, self.called_at, self.recalls
        )


@dataclass(frozen=True, slots=True)
class Feed:
    """A feed read and checked."""

    day: str
    calls: tuple[FedCall, ...]
    counters: dict[str, CounterView]
    loads: dict[str, ServiceLoad]
    events: int
    revoked: frozenset[str]


def _text(value: object, what: str) -> str:
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        raise FeedRefused(f"{what}: not a short text")
    return value


def _count(value: object, what: str, optional: bool = False) -> int | None:
    if value is None and optional:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < 10**7:
        raise FeedRefused(f"{what}: not a count")
    return value


def read_feed(body: bytes, services: set[str]) -> Feed:
    """Check a feed (shape, sizes, services of this centre); FeedRefused if it is wrong."""
    try:
        raw = json.loads(body)
        day = _text(raw["day"], "day")
        datetime.fromisoformat(day)
        calls = tuple(
            FedCall(
                _text(call["id"], "call id"),
                _text(call["code"], "code"),
                _text(call["service"], "service"),
                _text(call["desk"], "desk"),
                datetime.fromisoformat(_text(call["at"], "time")),
                _count(call["recalls"], "recalls"),
                _text(call.get("language", ""), "language"),
            )
            for call in raw["calls"][:FEED_CALLS]
        )
        counters = {
            _text(desk, "desk"): CounterView(
                desk,
                _text(counter["status"], "status"),
                tuple(_text(code, "service") for code in counter["services"]),
                "",
                _text(counter["name"], "counter name"),
                _text(counter["floor"], "floor"),
                _text(counter["side"], "side"),
            )
            for desk, counter in dict(raw["counters"]).items()
        }
        loads = {
            _text(load["service"], "service"): ServiceLoad(
                load["service"],
                _count(load["waiting"], "waiting"),
                _count(load["wait"], "wait", optional=True),
                _count(load["open"], "open counters"),
                _count(load["issued"], "issued"),
            )
            for load in raw["loads"]
        }
        events = _count(raw["events"], "events")
        revoked = frozenset(_text(desk, "desk") for desk in raw["revoked"])
    except FeedRefused:
        raise
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise FeedRefused(f"a feed that cannot be read ({error!r})") from None
    unknown = {call.service for call in calls} | set(loads)
    if not unknown <= services:
        raise FeedRefused(f"a feed naming services of another centre: {sorted(unknown - services)}")
    return Feed(day, calls, counters, loads, events, revoked)
