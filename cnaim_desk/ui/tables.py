"""Refilling the small read-only tables of the staff windows after each change."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtWidgets import QTableWidget, QTableWidgetItem


def refill(table: QTableWidget, rows: Iterable[Sequence[QTableWidgetItem]]) -> None:
    """Replace every row of ``table``.

    The table is emptied first: replacing items in place makes a header that sizes its
    columns to their contents measure every column again for every item, which cost a
    counter with forty people waiting a sixth of a second per change."""
    table.setUpdatesEnabled(False)
    try:
        table.setRowCount(0)
        rows = list(rows)
        table.setRowCount(len(rows))
        for row, items in enumerate(rows):
            for column, item in enumerate(items):
                table.setItem(row, column, item)
    finally:
        table.setUpdatesEnabled(True)
