"""Run the demo desk (reception, counter and board in one process, as
``cnaim-desk --demo`` opens them), put ``COUNT`` people through it by the windows, and
report its memory as one JSON line after ``MEMORY``.

Usage: ``python demo_memory.py DATA_DIR COUNT [--unshielded]``. Tickets are issued with
the reception's service buttons (so each is rendered and saved as a PDF, as with no printer
set up), in a mix of languages, then called, started and finished with the counter's
buttons while more people arrive, so about 40 wait at any time; the board follows every
change.
Imports nothing from ``bench``. ``--unshielded`` leaves None's reference count alone (see
:func:`shield_none_refcount`), to see whether the desk survives the run on this stack.
"""

import ctypes
import json
import resource
import sys
import time
from pathlib import Path

# isort: off
# As `cnaim-desk` starts: its command line loads the journal (SQLAlchemy, pydantic) before
# Qt. Loading Qt first costs about 20 MB more (bench/README.md, "Memory").
import cnaim_desk.cli  # noqa: F401
# isort: on

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from cnaim_desk.app import DEMO_CONFIG, DEMO_COUNTER, DeskApp, demo_clock, seed_demo
from cnaim_desk.domain.languages import HOLDER_LANGUAGES
from cnaim_desk.journal.journal import Journal
from cnaim_desk.printing.fonts import install_application_font, register_fonts
from cnaim_desk.resources import resources_dir
from cnaim_desk.ui.reception.triage_view import LANGUAGE_KEYS


def shield_none_refcount() -> float:
    """PySide6 6.12 on CPython 3.11 loses a reference to None at every call of a Qt method
    returning void, and the process aborts once the count reaches zero (see bench/README.md).
    When that is so, add 2**40 to the counts of None, True and False (no memory allocated)
    so the run finishes."""
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(200):
        probe.setObjectName("probe")
    lost = max(before - sys.getrefcount(None), 0) / 200
    if lost and sys.version_info < (3, 12):
        for constant in (None, True, False):  # True and False drain too, more slowly
            ctypes.c_ssize_t.from_address(id(constant)).value += 1 << 40
    return lost


QUEUE = 40
#: Indexes in the reception's language list: Portuguese most, then the others in turn.
LANGUAGE_ORDER = (0, 1, 0, 4, 0, 6, 0, 7, 2, 5, 0, 8, 9, 0, 11, 12, 3, 10)
KEY_OF_LANGUAGE = {tag: key for key, tag in LANGUAGE_KEYS}


def rss_kib() -> dict[str, int]:
    """Current and peak resident memory (KiB) from /proc, and the kernel's peak."""
    status = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            status[key] = int(value.split()[0])
    return {
        "rss": status.get("VmRSS", 0),
        "hwm": status.get("VmHWM", 0),
        "maxrss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }


class Driver(QObject):
    """Runs a script (a generator) from inside the event loop, as a person's clicks are
    handled: the script yields a Future to wait for the writer thread (then two more turns
    of the loop, so what it sent back is taken in) or a number of seconds to let pass."""

    def __init__(self, app: QApplication, script):
        super().__init__()
        self._app = app
        self._script = script
        self._future = None
        self._turns = 0
        self._until = 0.0
        self.error: BaseException | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(1)
        self._timer.timeout.connect(self._step)
        self._timer.start()

    def _step(self) -> None:
        if self._future is not None:
            if not self._future.done():
                return
            self._future = None
            self._turns = 2
        if self._turns:
            self._turns -= 1
            return
        if time.monotonic() < self._until:
            return
        try:
            waited = next(self._script)
        except StopIteration:
            self._timer.stop()
            self._app.quit()
            return
        except BaseException as error:  # report it after the loop
            self.error = error
            self._timer.stop()
            self._app.quit()
            return
        if isinstance(waited, (int, float)):
            self._until = time.monotonic() + waited
        else:
            self._future = waited


def timed(window, method: str) -> list[float]:
    """Note the milliseconds of every call of ``window.method`` from now on (the change
    handlers call it through ``self``, so an instance attribute takes its place)."""
    durations: list[float] = []
    original = getattr(window, method)

    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            durations.append((time.perf_counter() - started) * 1000)

    setattr(window, method, wrapper)
    return durations


def main() -> int:
    data_dir, count = Path(sys.argv[1]), int(sys.argv[2])
    lost = shield_none_refcount() if "--unshielded" not in sys.argv else 0.0
    memory = {"imported": rss_kib()}
    app = QApplication(sys.argv[:1])
    app.setApplicationName("CNAIM Desk")
    app.setOrganizationName("CNAIM")
    memory["qapplication"] = rss_kib()
    fonts = register_fonts()
    install_application_font(app, fonts)
    memory["fonts"] = rss_kib()
    journal = Journal.init_standalone(
        data_dir, DEMO_CONFIG, resources=resources_dir(), now_ms=demo_clock()
    )
    seed_demo(journal)
    memory["journal"] = rss_kib()
    desk = DeskApp(app, journal, fonts)
    desk.open_for_role(demo=True)
    # Walk-in services whose quota outlasts the run (count // len(services) each).
    walk_in = [s for s in journal.profile.services if not s.appointment_only]
    services = [s.code for s in walk_in if s.daily_quota is None or s.daily_quota >= 60]
    reception, counter = desk.reception, desk.counter
    refreshes: dict[str, list[float]] = {}
    served = 0

    def idle():
        """The writer thread's queue, done to here."""
        return desk.bridge.submit(lambda journal: None)

    def serve_one():
        nonlocal served
        counter.call_next()
        yield idle()
        if counter.current is None:
            return
        counter.buttons["start"].click()
        yield idle()
        counter.buttons["finish"].click()  # asks how it ended: the usual outcome
        yield idle()
        counter.choice.confirm_button.click()
        yield idle()
        served += 1

    def script():
        yield 0.5
        yield idle()
        memory["started"] = rss_kib()
        refreshes["counter"] = timed(counter, "refresh")
        refreshes["reception"] = timed(reception, "refresh_side")
        refreshes["board"] = timed(desk.board, "refresh")
        # A centre's day in small: people keep arriving while the counter serves, so about
        # QUEUE wait at any time (a queue of hundreds would measure the queue table instead).
        for index in range(count):
            # Arrivals in a mix of languages (so of scripts), chosen as a receptionist does.
            # The next arrival's language by its key, then a ticket straight for a service
            # (Alt+letter), as a receptionist does for a person who knows where to go.
            reception.next_arrival()
            tag = HOLDER_LANGUAGES[LANGUAGE_ORDER[index % len(LANGUAGE_ORDER)]].tag
            reception.press(KEY_OF_LANGUAGE[tag])
            reception.issue_for(services[index % len(services)])
            yield idle()
            if index >= QUEUE:
                yield from serve_one()
        memory["issued"] = rss_kib()
        while True:
            before = served
            yield from serve_one()
            if served == before:
                break
        yield 0.5
        memory["served"] = rss_kib()

    driver = Driver(app, script())
    app.exec()
    if driver.error is not None:
        raise driver.error
    today = journal.today().isoformat()
    statuses: dict[str, int] = {}
    for ticket in journal.reader.run(lambda q: q.tickets(today)):
        statuses[ticket.status.value] = statuses.get(ticket.status.value, 0) + 1
    board_code = desk.board.current_code.text() if desk.board is not None else None
    print(
        "MEMORY "
        + json.dumps(
            {
                "memory_kib": memory,
                "served": served,
                "statuses": statuses,
                "board_shows": board_code,
                "counter": DEMO_COUNTER,
                "none_refs_lost_per_void_call": lost,
                "refresh_ms": {
                    name: {
                        "n": len(values),
                        "p50": round(sorted(values)[len(values) // 2], 2),
                        "p95": round(sorted(values)[int(len(values) * 0.95)], 2),
                        "total_s": round(sum(values) / 1000, 1),
                    }
                    for name, values in refreshes.items()
                    if values
                },
            }
        ),
        flush=True,
    )
    desk.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
