"""Shared fixtures: every test runs offscreen with its data in a temporary folder."""

from __future__ import annotations

import os

# Before any Qt import: tests never need a display unless they start Xvfb themselves.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia*=false")

import pytest


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


@pytest.fixture
def xvfb_two_screens():
    """A real X server with two screens (1280×800 and 1920×1080), as a desk with a second
    monitor has; yields its DISPLAY. `make test` and CI install Xvfb."""
    import shutil
    import subprocess
    import time

    if shutil.which("Xvfb") is None:
        pytest.fail("Xvfb is not installed: run `packaging/check-system.sh --for test`")
    number = _free_display()
    server = subprocess.Popen(
        [
            "Xvfb",
            f":{number}",
            "-screen",
            "0",
            "1280x800x24",
            "-screen",
            "1",
            "1920x1080x24",
            "-nolisten",
            "tcp",
        ],
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
