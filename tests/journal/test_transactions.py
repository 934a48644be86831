"""One transaction per event, durable settings, refusals that write nothing, and listeners
told what changed only after the commit."""

from __future__ import annotations

import pytest
from pycrdt import Doc, Map

from cnaim_desk.domain.events import Op
from cnaim_desk.domain.tickets import TransitionRefused
from cnaim_desk.journal.document import EVENTS
from cnaim_desk.journal.journal import TicketNotFound
from cnaim_desk.journal.store import WriteFailed


def _replica_keys(journal) -> set[str]:
    """The event keys another desk would receive from this desk's day document."""
    doc = Doc()
    events = doc.get(EVENTS, type=Map)
    doc.apply_update(journal.updates_for(journal.today_doc()))
    return set(events.to_py() or {})


def test_the_writer_uses_a_write_ahead_log_and_full_sync(desk, db):
    with desk.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar_one() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar_one() == 2  # FULL
    # The journal's own transactions run on such connections too.
    with desk._transaction() as session:
        connection = session.connection()
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar_one() == 2
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar_one() == "wal"
    # And the file itself is in WAL mode for every other reader.
    plain = db.connect_ro(desk)
    try:
        assert plain.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        plain.close()


def test_a_refused_step_writes_nothing(desk, db):
    waiting = desk.issue("SS")
    done = desk.issue("SS")
    desk.call(done.id, "C1")
    desk.start(done.id)
    desk.finish(done.id)
    before = db.counts(desk)
    events_before = db.dump(desk, "event")
    tickets_before = db.dump(desk, "ticket")
    replica_before = _replica_keys(desk)

    refusals = [
        (TransitionRefused, lambda: desk.finish(waiting.id)),  # not being served
        (TransitionRefused, lambda: desk.start(waiting.id)),  # not called
        (TransitionRefused, lambda: desk.call(done.id, "C2")),  # already done
        (TransitionRefused, lambda: desk.reinstate(waiting.id)),  # not a no-show
        (TransitionRefused, lambda: desk.refer(waiting.id, "SS")),  # already there
        (TicketNotFound, lambda: desk.call("S999", "C1")),
        (KeyError, lambda: desk.issue("XYZ")),
        (KeyError, lambda: desk.refer(waiting.id, "XYZ")),
        (ValueError, lambda: desk.issue("SS", language="klingon")),
        (ValueError, lambda: desk.issue("SS", priority="vip")),
    ]
    for error, step in refusals:
        with pytest.raises(error):
            step()

    assert db.counts(desk) == before
    assert db.dump(desk, "event") == events_before
    assert db.dump(desk, "ticket") == tickets_before
    assert _replica_keys(desk) == replica_before
    # The desk goes on normally after the refusals, with the next number.
    assert desk.issue("SS").code == "S003"
    assert desk.check().ok


@pytest.mark.parametrize(
    "table", ["doc_update", "ticket"], ids=["update-insert-fails", "projection-insert-fails"]
)
def test_an_update_and_its_rows_commit_together_or_not_at_all(desk, db, table):
    """A failure anywhere in the transaction (here a trigger in the file refusing one of
    its inserts) leaves neither the update nor any projected row, nor the event in memory."""
    desk.issue("SS")
    before = db.counts(desk)
    db.execute(
        desk,
        f"CREATE TRIGGER refuse_insert BEFORE INSERT ON {table} "
        "BEGIN SELECT RAISE(ABORT, 'disk says no'); END",
    )
    with pytest.raises(WriteFailed, match="disk says no") as refused:
        desk.issue("SS")
    assert not refused.value.disk_full
    assert db.counts(desk) == before
    assert len(_replica_keys(desk)) == 1  # the failed event is not kept in memory either

    db.execute(desk, "DROP TRIGGER refuse_insert")
    again = desk.issue("SS")
    assert again.code == "S002"  # the failed attempt took no number
    assert len(_replica_keys(desk)) == 2
    assert desk.check().ok


def fill_up(desk) -> None:
    """Issue until a step needs room the disk does not have."""
    for _ in range(200):
        desk.issue("SS")


def test_a_full_disk_is_named_and_loses_nothing(desk, db, full_disk):
    """The staff are told the disk is full, nothing of the step is kept, and the desk goes
    on once there is room again."""
    first = desk.issue("SS")
    before = db.counts(desk)
    full_disk(desk)
    with pytest.raises(WriteFailed, match="disk of this desk is full") as refused:
        fill_up(desk)
    assert refused.value.disk_full
    assert "full" in refused.value.reason
    after = db.counts(desk)
    issued = after["ticket"] - before["ticket"]
    # Every step before the full one is whole; the full one left nothing behind.
    assert after["event"] - before["event"] == issued
    assert after["doc_update"] - before["doc_update"] == issued
    assert len(_replica_keys(desk)) == 1 + issued

    full_disk.room(desk)
    again = desk.issue("SS")
    assert again.number == first.number + issued + 1  # the refused step took no number
    assert desk.check().ok


def test_listeners_hear_what_changed_after_the_commit(desk, db):
    heard = []

    def listener(change):
        # A separate read-only connection already sees what the change is about.
        connection = db.connect_ro(desk)
        try:
            visible = {
                ticket: connection.execute(
                    "SELECT status FROM ticket WHERE id = ?", (ticket,)
                ).fetchone()
                for ticket in change.tickets
            }
            counters = {
                counter: connection.execute(
                    "SELECT status FROM counter WHERE desk = ?", (counter,)
                ).fetchone()
                for counter in change.counters
            }
        finally:
            connection.close()
        heard.append((change, visible, counters))

    unsubscribe = desk.subscribe(listener)
    desk.set_counter("C1", "open", ["SS"])
    ticket = desk.issue("SS")
    desk.call_next("C1", ["SS"])
    desk.recall(ticket.id, "C1")
    desk.set_counter("C1", "paused", ["SS"])

    assert [change.ops for change, _, _ in heard] == [
        {Op.COUNTER_OPENED},
        {Op.ISSUED},
        {Op.CALLED},
        {Op.RECALLED},
        {Op.COUNTER_PAUSED},
    ]
    opened, issued, called, recalled, paused = heard
    assert opened[0].counters == {"C1"}
    assert opened[2] == {"C1": ("open",)}
    assert issued[0].tickets == {ticket.id}
    assert issued[0].calls == ()
    assert issued[1] == {ticket.id: ("waiting",)}
    assert called[0].calls == (ticket.id,)
    assert called[1] == {ticket.id: ("called",)}
    assert recalled[0].calls == (ticket.id,)
    assert paused[2] == {"C1": ("paused",)}
    assert all(change.origin == "local" for change, _, _ in heard)
    assert all(change.day == "2026-06-16" for change, _, _ in heard)

    # A refused step tells nobody; after unsubscribing, nothing more is heard.
    with pytest.raises(TransitionRefused):
        desk.start(desk.issue("SS").id)
    assert len(heard) == 6
    unsubscribe()
    desk.issue("SS")
    assert len(heard) == 6


def test_a_failing_listener_does_not_undo_the_commit_or_silence_others(desk, db):
    heard = []

    def broken(change):
        raise RuntimeError("listener bug")

    desk.subscribe(broken)
    desk.subscribe(heard.append)
    ticket = desk.issue("SS")
    assert [change.tickets for change in heard] == [{ticket.id}]
    assert db.count(desk, "ticket") == 1
