"""Events: the immutable facts a desk appends to the day's journal.

An event is keyed ``"<desk>:<boot>:<seq>"``: ``boot`` is random at every start of the
desk process, so a key never repeats, even after a crash or a restored backup. All the
values an event carries are strings (or lists of strings): the replication engine turns
integers into floats, and a signature must cover exactly the bytes that were signed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

from cnaim_desk.domain.clock import Hlc


class Op(StrEnum):
    """What happened (DESIGN.md, "The journal")."""

    ISSUED = "issued"
    CALLED = "called"
    RECALLED = "recalled"
    STARTED = "started"
    FINISHED = "finished"
    NO_SHOW = "no_show"
    REINSTATED = "reinstated"
    CANCELLED = "cancelled"
    REFERRED = "referred"
    REPRINTED = "reprinted"
    CHECKED_IN = "checked_in"
    INFO_GIVEN = "info_given"
    COUNTER_OPENED = "counter_opened"
    COUNTER_PAUSED = "counter_paused"
    COUNTER_CLOSED = "counter_closed"
    DAY_CLOSED = "day_closed"


#: Ops about one ticket: their ``ticket`` names it (for ``issued``, its own key).
TICKET_OPS = frozenset(
    {
        Op.ISSUED,
        Op.CALLED,
        Op.RECALLED,
        Op.STARTED,
        Op.FINISHED,
        Op.NO_SHOW,
        Op.REINSTATED,
        Op.CANCELLED,
        Op.REFERRED,
        Op.REPRINTED,
        Op.CHECKED_IN,
    }
)
COUNTER_OPS = frozenset({Op.COUNTER_OPENED, Op.COUNTER_PAUSED, Op.COUNTER_CLOSED})
DAY_OPS = frozenset({Op.INFO_GIVEN, Op.DAY_CLOSED})

_DESK_ID = re.compile(r"[A-Z][A-Z0-9]{0,7}")
_BOOT = re.compile(r"[0-9a-f]{8,16}")
_SEQ = re.compile(r"[1-9][0-9]*")


class EventFormatError(ValueError):
    """A record in the journal that is not a well-formed event."""


def is_desk_id(text: str) -> bool:
    """Desk ids are short upper-case ids such as ``R1``, ``C4``, ``B1``."""
    return bool(_DESK_ID.fullmatch(text))


@dataclass(frozen=True, order=True, slots=True)
class EventKey:
    """``<desk>:<boot>:<seq>``; unique forever, and owned by the desk it names."""

    desk: str
    boot: str
    seq: int

    def __str__(self) -> str:
        return f"{self.desk}:{self.boot}:{self.seq}"

    @classmethod
    def parse(cls, text: str) -> EventKey:
        parts = text.split(":") if isinstance(text, str) else []
        if len(parts) != 3:
            raise EventFormatError(f"event key {text!r} is not <desk>:<boot>:<seq>")
        desk, boot, seq = parts
        if not is_desk_id(desk) or not _BOOT.fullmatch(boot) or not _SEQ.fullmatch(seq):
            raise EventFormatError(f"event key {text!r} is not <desk>:<boot>:<seq>")
        return cls(desk, boot, int(seq))


def _frozen_data(data: Mapping[str, object]) -> Mapping[str, str | tuple[str, ...]]:
    frozen: dict[str, str | tuple[str, ...]] = {}
    for name, value in data.items():
        if isinstance(value, str):
            frozen[name] = value
        elif isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
            frozen[name] = tuple(value)
        else:
            raise EventFormatError(f"event data {name!r} must be text or a list of text")
    return MappingProxyType(frozen)


@dataclass(frozen=True, slots=True)
class Event:
    """One immutable fact. ``data`` holds only text values (see the module docstring)."""

    key: EventKey
    ticket: str
    op: Op
    hlc: Hlc
    data: Mapping[str, str | tuple[str, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "data", _frozen_data(self.data))

    @property
    def order(self) -> tuple[Hlc, str, str, int]:
        """The total order every desk folds events in: ``(hlc, desk, boot, seq)``."""
        return (self.hlc, self.key.desk, self.key.boot, self.key.seq)

    @property
    def desk(self) -> str:
        return self.key.desk

    def text(self, name: str, default: str = "") -> str:
        value = self.data.get(name, default)
        return value if isinstance(value, str) else default

    def texts(self, name: str) -> tuple[str, ...]:
        value = self.data.get(name, ())
        return value if isinstance(value, tuple) else ()

    def signing_payload(self, doc: str) -> bytes:
        """The exact bytes a desk signs: the document name and key are included so a
        signed event cannot be replayed under another key or into another day."""
        body = {
            "doc": doc,
            "key": str(self.key),
            "ticket": self.ticket,
            "op": self.op.value,
            "hlc": str(self.hlc),
            "data": {k: list(v) if isinstance(v, tuple) else v for k, v in self.data.items()},
        }
        return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()

    def to_record(self, sig: str) -> dict[str, object]:
        """The value stored under the event's key in the replicated map."""
        return {
            "ticket": self.ticket,
            "op": self.op.value,
            "hlc": str(self.hlc),
            "data": {k: list(v) if isinstance(v, tuple) else v for k, v in self.data.items()},
            "sig": sig,
        }

    @classmethod
    def from_record(cls, key: str, record: object) -> tuple[Event, str]:
        """Read an event and its signature back from a replicated record.

        Raises :class:`EventFormatError` for anything that is not exactly an event."""
        if not isinstance(record, Mapping):
            raise EventFormatError(f"event {key!r} is not a record")
        if set(record) != {"ticket", "op", "hlc", "data", "sig"}:
            raise EventFormatError(f"event {key!r} has fields {sorted(record)}")
        ticket, op, hlc, data, sig = (record[f] for f in ("ticket", "op", "hlc", "data", "sig"))
        if not all(isinstance(v, str) for v in (ticket, op, hlc, sig)):
            raise EventFormatError(f"event {key!r} has a field that is not text")
        if not isinstance(data, Mapping):
            raise EventFormatError(f"event {key!r} data is not a record")
        try:
            event_op = Op(op)
            event = cls(EventKey.parse(key), ticket, event_op, Hlc.parse(hlc), dict(data))
        except ValueError as error:
            raise EventFormatError(f"event {key!r}: {error}") from None
        if event_op is Op.ISSUED and ticket != key:
            raise EventFormatError(f"issued event {key!r} must name itself as its ticket")
        if event_op in TICKET_OPS and not ticket:
            raise EventFormatError(f"event {key!r} ({op}) names no ticket")
        if event_op not in TICKET_OPS and ticket:
            raise EventFormatError(f"event {key!r} ({op}) must not name a ticket")
        return event, sig
