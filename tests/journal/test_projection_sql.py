"""The plain SQL of the projection's hot rows keeps to the tables' definitions."""

from __future__ import annotations

import pytest

from cnaim_desk.journal import projection_sql
from cnaim_desk.journal.projection_sql import StoredEvent
from cnaim_desk.journal.tables import EventRow


def test_a_stored_event_has_the_event_table_columns_in_order():
    # Rows are read with SELECT of these names and built positionally: a column added to
    # the table without being added here would be silently dropped.
    assert StoredEvent._fields == tuple(column.name for column in EventRow.__table__.columns)


def test_ticket_rows_name_only_columns_of_the_ticket_table(desk):
    with desk._transaction() as session:
        db = projection_sql.connection(session)
        with pytest.raises(ValueError, match="not columns of ticket"):
            projection_sql.write_tickets(db, [{"id": "x", "nickname": "y"}], kept=())


def test_a_later_fold_keeps_the_facts_of_the_issue(desk, db):
    """An update of a ticket's row rewrites its state, never the facts from its issue."""
    ticket = desk.issue("SS")
    db.execute(desk, "UPDATE ticket SET issued_by = 'kept' WHERE id = ?", ticket.id)
    desk.call(ticket.id, "C1")
    assert db.count(desk, "ticket") == 1
    connection = db.connect_ro(desk)
    try:
        row = connection.execute(
            "SELECT issued_by, status, called_by FROM ticket WHERE id = ?", (ticket.id,)
        ).fetchone()
    finally:
        connection.close()
    assert row == ("kept", "called", "C1")
