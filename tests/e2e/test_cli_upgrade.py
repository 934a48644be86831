"""A desk file of an older schema through the command line: reading commands refuse it
with a plain message, the first writing command brings it up to date."""

from __future__ import annotations

import sqlite3


def _to_schema_1(root) -> None:
    """As schema 1 left a file: no appointment table, tickets without the new columns."""
    connection = sqlite3.connect(root / "journal.sqlite")
    try:
        with connection:
            connection.execute("DROP TABLE appointment")
            connection.execute("ALTER TABLE ticket DROP COLUMN booking")
        connection.execute("PRAGMA user_version = 1")
    finally:
        connection.close()


def test_readers_refuse_an_older_file_and_the_first_writer_upgrades_it(desk_dir, cli):
    issued = cli("ticket", "issue", "--service", "SS", "--json", data_dir=desk_dir).expect(0)
    _to_schema_1(desk_dir)

    for command in (("ticket", "list", "--json"), ("appointments", "list", "--json")):
        refused = cli(*command, data_dir=desk_dir).expect(1)
        assert refused.stdout == ""
        assert refused.stderr.startswith("cnaim-desk: "), refused.stderr
        assert "older" in refused.stderr
        assert "Traceback" not in refused.stderr

    cli("journal", "rebuild", "--json", data_dir=desk_dir).expect(0)
    listed = cli("ticket", "list", "--json", data_dir=desk_dir).expect(0).json()
    assert [ticket["id"] for ticket in listed] == [issued.json()["id"]]
