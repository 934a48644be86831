"""Shared fixtures: every test runs offscreen with its data in a temporary folder."""

from __future__ import annotations

import os

# Before any Qt import: tests never need a display unless they start Xvfb themselves.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia*=false")

import time
from datetime import datetime

import pytest

from cnaim_desk.domain.clock import LISBON

#: A Monday morning in Lisbon (winter time, +00:00): every service is open, before any
#: cut-off. In-process tests that issue tickets run on this morning whatever the real
#: hour, since tickets are given only while a service is open (as at a real reception).
MORNING = datetime(2026, 12, 7, 9, 0, tzinfo=LISBON)


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path_factory, monkeypatch):
    """Keep tests away from the user's real data, config and printers."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local" / "state"))
    monkeypatch.delenv("CNAIM_DESK_DATA_DIR", raising=False)


def _free_display() -> int:
    for number in range(90, 200):
        if not os.path.exists(f"/tmp/.X11-unix/X{number}") and not os.path.exists(
            f"/tmp/.X{number}-lock"
        ):
            return number
    raise RuntimeError("no free X display number between :90 and :199")


def _xvfb(*screens: str):
    """A real X server with these screens ("1280x800"...); yields its DISPLAY. `make test`
    and CI install Xvfb."""
    import shutil
    import subprocess
    import time

    if shutil.which("Xvfb") is None:
        pytest.fail("Xvfb is not installed: run `packaging/check-system.sh --for test`")
    number = _free_display()
    layout = [
        part for index, size in enumerate(screens) for part in ("-screen", str(index), f"{size}x24")
    ]
    server = subprocess.Popen(
        ["Xvfb", f":{number}", *layout, "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while not os.path.exists(f"/tmp/.X11-unix/X{number}"):
        if server.poll() is not None or time.monotonic() > deadline:
            server.kill()
            pytest.fail(f"Xvfb :{number} did not start")
        time.sleep(0.05)
    yield f":{number}"
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture
def xvfb_two_screens():
    """A desk with a second monitor: screens of 1280×800 and 1920×1080."""
    yield from _xvfb("1280x800", "1920x1080")


@pytest.fixture
def xvfb_one_screen():
    """A desk PC with one 1080p monitor."""
    yield from _xvfb("1920x1080")


@pytest.fixture
def morning_now():
    """A clock for desks made in a test: Monday 09:00 in Lisbon, moving on in real time."""
    offset = int(MORNING.timestamp() * 1000) - time.time_ns() // 1_000_000
    return lambda: time.time_ns() // 1_000_000 + offset


@pytest.fixture
def always_open_resources(tmp_path_factory, monkeypatch):
    """The shipped resources with every centre open around the clock, without cut-offs or
    quotas, for tests of other things that run real processes on the real clock (the
    command line, kill -9): a centre's own copy, as CNAIM_DESK_RESOURCES allows."""
    import re

    from cnaim_desk.resources import resources_dir

    shipped = resources_dir()
    copy = tmp_path_factory.mktemp("resources")
    for entry in shipped.iterdir():
        if entry.name != "centres":
            (copy / entry.name).symlink_to(entry)
    (copy / "centres").mkdir()
    for profile in (shipped / "centres").glob("*.toml"):
        text = profile.read_text(encoding="utf-8")
        text = re.sub(r"(?m)^(cutoff|daily_quota) = .*\n", "", text)
        every_day = "\n".join(f'{day} = ["00:00-24:00"]' for day in WEEK)
        text = re.sub(r"(?ms)^\[hours\]\n.*?\n\n", f"[hours]\n{every_day}\n\n", text)
        (copy / "centres" / profile.name).write_text(text, encoding="utf-8")
    monkeypatch.setenv("CNAIM_DESK_RESOURCES", str(copy))
    return copy


WEEK = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@pytest.fixture
def full_disk():
    """``full_disk(journal)``: from then on the journal's file can grow no more, as on a
    disk with no room left (SQLite's page limit on every writer connection gives the very
    error a full disk does, "database or disk is full"). Room comes back at the end of
    the test, or with ``full_disk.room(journal)``."""
    from sqlalchemy import event

    limited: list = []

    def fill(journal) -> None:
        with journal.engine.connect() as connection:
            pages = connection.exec_driver_sql("PRAGMA page_count").scalar_one()

        def limit(connection, _record) -> None:
            connection.execute(f"PRAGMA max_page_count = {pages}")

        journal.engine.dispose()  # connections made from now on carry the limit
        event.listen(journal.engine, "connect", limit)
        limited.append((journal, limit))

    def room(journal) -> None:
        for entry in [entry for entry in limited if entry[0] is journal]:
            event.remove(journal.engine, "connect", entry[1])
            limited.remove(entry)
        journal.engine.dispose()

    fill.room = room
    yield fill
    for journal, _ in list(limited):
        room(journal)
