"""An enrolled desk's windows sync while they run: a ticket issued on another desk of the
centre reaches this desk's counter list, and this desk's calls reach the other."""

from __future__ import annotations

import time

import pytest

from cnaim_desk.app import DeskApp
from cnaim_desk.sync.background import BackgroundSync
from cnaim_desk.sync.pki import PkiFiles
from cnaim_desk.ui.sync_status import SyncStatus
from tests.sync.centre import make_centre

# On the real clock (links, retries): centres open around the clock, whatever the hour.
pytestmark = pytest.mark.usefixtures("always_open_resources")


@pytest.fixture
def centre(tmp_path):
    first, counter = make_centre(tmp_path, ("C4", "counter"))
    yield first, counter
    first.close()
    counter.close()


def test_an_enrolled_desk_syncs_while_its_windows_run(qtbot, qapp, fonts, centre):
    first, counter_journal = centre
    # R1 runs headless here, accepting links on a free loopback port
    node = BackgroundSync(first, PkiFiles(first.data_dir.root), listen=("127.0.0.1", 0))
    node.start()
    assert node.listening is not None, node.error
    desk = DeskApp(qapp, counter_journal, fonts)
    try:
        desk.settings.ui_language = "en"  # as the other window tests, and left so after
        desk.language.switch("en")
        desk.settings.sync_listen = ""  # this desk only links out, to the peer given
        desk.settings.sync_discovery = False
        desk.settings.sync_peers = [node.listening]
        assert desk.start_sync() is desk.sync
        window = desk.open_counter("C4")
        qtbot.addWidget(window)
        status = window.statusBar().findChild(SyncStatus)
        qtbot.waitUntil(lambda: status.text() == "Linked with R1", timeout=10000)
        assert status.isVisibleTo(window)
        ticket = first.issue("SS")
        qtbot.waitUntil(lambda: window.queue.rowCount() == 1, timeout=10000)
        assert window.queue.item(0, 0).text() == ticket.code
        window.call_next()
        deadline = time.monotonic() + 10
        while first.ticket(ticket.id).called_by != "C4":
            assert time.monotonic() < deadline, "the call did not reach R1"
            qtbot.wait(50)
        node.stop()  # R1 goes away: this desk says it is alone, and goes on
        status.refresh()
        qtbot.waitUntil(lambda: status.text().startswith("⚠ Alone"), timeout=10000)
    finally:
        desk.shutdown()
        node.stop()


def test_a_standalone_desk_works_alone_and_says_nothing_of_it(qtbot, qapp, desk):
    assert desk.start_sync() is None
    assert desk.sync is None
    window = desk.open_counter("C4")
    qtbot.addWidget(window)
    assert not window.statusBar().findChild(SyncStatus).isVisibleTo(window)
