"""The small Qt adapter over the journal.

Writes run on one worker thread, so the windows never wait on the disk's fsync; their
results, and the journal's "what changed" notifications, come back to the GUI thread as
queued signals. Reads are quick indexed queries on their own connection and run where
they are asked for.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

from PySide6.QtCore import QObject, Qt, Signal

from cnaim_desk.journal.journal import Journal
from cnaim_desk.journal.projection import Change
from cnaim_desk.journal.queries import QueueQueries

log = logging.getLogger(__name__)
T = TypeVar("T")


class JournalBridge(QObject):
    """Runs journal writes off the GUI thread and relays the journal's changes.

    Signals:
        changed(Change): a commit of this desk or another; emitted on the GUI thread.
    """

    changed = Signal(object)
    _deliver = Signal(object)

    def __init__(self, journal: Journal, parent: QObject | None = None):
        super().__init__(parent)
        self.journal = journal
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="journal")
        self._deliver.connect(self._run_delivery, Qt.ConnectionType.QueuedConnection)
        # Called on the writer's thread after each commit: hop to the GUI thread.
        self._unsubscribe = journal.subscribe(self._deliver_change)

    def _deliver_change(self, change: Change) -> None:
        self._deliver.emit(lambda: self.changed.emit(change))

    @staticmethod
    def _run_delivery(callback: Callable[[], None]) -> None:
        callback()

    def submit(
        self,
        work: Callable[[Journal], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> Future:
        """Run ``work(journal)`` on the writer thread; call back on the GUI thread."""

        def finished(future: Future) -> None:
            error = future.exception()
            if error is None:
                if on_done is not None:
                    result = future.result()
                    self._deliver.emit(lambda: on_done(result))
            elif on_error is not None:
                self._deliver.emit(lambda: on_error(error))
            else:
                log.error("a journal operation failed: %s", error)

        future = self._executor.submit(work, self.journal)
        future.add_done_callback(finished)
        return future

    def read(self, query: Callable[[QueueQueries], T]) -> T:
        """Run a read-only query now (indexed, a few milliseconds at most)."""
        return self.journal.reader.run(query)

    def today(self) -> str:
        return self.journal.today().isoformat()

    def shutdown(self) -> None:
        """Finish pending writes and stop relaying changes."""
        self._executor.shutdown(wait=True)
        self._unsubscribe()
