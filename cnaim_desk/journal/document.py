"""The replicated documents (pycrdt, the Yjs CRDT): a day's queue ``q/<centre>/<day>``
and the centre's own ``c/<centre>``.

A day document holds one map, ``events``, of immutable events keyed
``"<desk>:<boot>:<seq>"``. The centre document holds ``desks``, the desk registry. Only
the journal touches these objects; it stores every update before anyone sees its effect.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from datetime import date

from pycrdt import Doc, Map, merge_updates

EVENTS = "events"
DESKS = "desks"


def day_doc_name(centre: str, day: date) -> str:
    return f"q/{centre}/{day.isoformat()}"


def centre_doc_name(centre: str) -> str:
    return f"c/{centre}"


def day_of(doc_name: str) -> str | None:
    """The ``yyyy-mm-dd`` of a day document's name; ``None`` for the centre document."""
    parts = doc_name.split("/")
    return parts[2] if len(parts) == 3 and parts[0] == "q" else None


def fresh_client_id() -> int:
    """A new replication client id for every process start: reusing one after a crash
    can make two histories claim the same ids and diverge forever."""
    return secrets.randbits(32)


class ReplicatedDoc:
    """One document and its top-level map (``events`` or ``desks``)."""

    def __init__(self, name: str, client_id: int, updates: Iterable[bytes] = ()):
        self.name = name
        self.doc = Doc(client_id=client_id)
        self.entries = self.doc.get(DESKS if name.startswith("c/") else EVENTS, type=Map)
        stored = list(updates)
        if stored:
            self.doc.apply_update(merge_updates(*stored) if len(stored) > 1 else stored[0])

    def apply(self, update: bytes) -> tuple[dict[str, object], bool]:
        """Apply an update from elsewhere; return the entries it added or changed, and
        whether the document learnt anything at all."""
        changed: dict[str, object] = {}

        def collect(event) -> None:
            for key, change in event.keys.items():
                if change.get("action") in ("add", "update"):
                    changed[key] = change.get("newValue")

        before = self.doc.get_state()
        subscription = self.entries.observe(collect)
        try:
            self.doc.apply_update(update)
        finally:
            self.entries.unobserve(subscription)
        # An entry can arrive ahead of an earlier update of the same writer: it is in the
        # map at once, while the state vector waits for the gap to be filled. It is news
        # all the same, to be stored and projected, or it would be lost on a restart and
        # never asked for again (the state vectors would agree).
        return changed, bool(changed) or self.doc.get_state() != before

    def insert(self, key: str, record: dict) -> bytes:
        """Add one entry; return the update that carries it, for storing and sending."""
        updates: list[bytes] = []
        subscription = self.doc.observe(lambda event: updates.append(event.update))
        try:
            with self.doc.transaction(origin="local"):
                self.entries[key] = record
        finally:
            self.doc.unobserve(subscription)
        return merge_updates(*updates) if len(updates) > 1 else updates[0]

    def preview(self, update: bytes) -> dict[str, object]:
        """The entries ``update`` would add or change, without applying it here."""
        scratch = ReplicatedDoc(self.name, fresh_client_id(), [self.update_since()])
        changed, _ = scratch.apply(update)
        return changed

    def update_since(self, state: bytes | None = None) -> bytes:
        return self.doc.get_update(state) if state else self.doc.get_update()

    def entries_snapshot(self) -> dict[str, object]:
        return self.entries.to_py() or {}


def state_clocks(state: bytes) -> dict[int, int]:
    """A y-sync state vector read: each replication client's clock (what is held of it).
    ValueError when it is not a state vector."""
    position = 0

    def varuint() -> int:
        nonlocal position
        value = shift = 0
        while True:
            if position >= len(state) or shift > 63:
                raise ValueError("not a state vector")
            byte = state[position]
            position += 1
            value |= (byte & 0x7F) << shift
            shift += 7
            if byte < 0x80:
                return value

    clocks = {}
    for _ in range(varuint()):
        client = varuint()
        clocks[client] = varuint()
    if position != len(state):
        raise ValueError("not a state vector")
    return clocks


def encode_state(clocks: dict[int, int]) -> bytes:
    """A state vector from each replication client's clock (``state_clocks`` reversed)."""
    out = bytearray()

    def varuint(value: int) -> None:
        while value >= 0x80:
            out.append((value & 0x7F) | 0x80)
            value >>= 7
        out.append(value)

    varuint(len(clocks))
    for client, clock in sorted(clocks.items(), reverse=True):
        varuint(client)
        varuint(clock)
    return bytes(out)


def holds_more(theirs: bytes, ours: bytes) -> bool:
    """Whether the desk whose state vector is ``theirs`` holds something ours lacks."""
    mine = state_clocks(ours)
    return any(clock > mine.get(client, 0) for client, clock in state_clocks(theirs).items())
