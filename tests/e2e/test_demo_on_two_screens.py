"""`cnaim-desk --demo` on a machine with two screens, under a real X server: the staff
windows open on the first screen and the calling board fills the second."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.xvfb]


def _windows(display: str, screen: int, name: str) -> list[str]:
    result = subprocess.run(
        ["xdotool", "search", "--screen", str(screen), "--onlyvisible", "--name", name],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
    )
    return result.stdout.split()


def _geometry(display: str, window: str) -> tuple[int, int]:
    result = subprocess.run(
        ["xdotool", "getwindowgeometry", "--shell", window],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        check=True,
    )
    values = dict(line.split("=", 1) for line in result.stdout.split())
    return int(values["WIDTH"]), int(values["HEIGHT"])


def test_board_fills_the_second_screen_and_the_demo_cleans_up(xvfb_two_screens, tmp_path):
    if shutil.which("xdotool") is None:
        pytest.fail("xdotool is not installed: run `packaging/check-system.sh --for test`")
    env = {
        **os.environ,
        "DISPLAY": xvfb_two_screens,
        "TMPDIR": str(tmp_path),
        "CNAIM_DESK_DATA_DIR": str(tmp_path / "unused"),
    }
    env.pop("QT_QPA_PLATFORM", None)
    desk = subprocess.Popen(
        [sys.executable, "-m", "cnaim_desk", "--demo"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        boards: list[str] = []
        while time.monotonic() < deadline and not boards:
            assert desk.poll() is None, desk.communicate()[0]
            boards = _windows(xvfb_two_screens, 1, "A chamar")
            time.sleep(0.2)
        assert boards, "the board did not open on the second screen"
        assert _geometry(xvfb_two_screens, boards[0]) == (1920, 1080)
        assert _windows(xvfb_two_screens, 0, "A chamar") == []
        assert _windows(xvfb_two_screens, 0, "R1"), "reception not on the first screen"
        assert _windows(xvfb_two_screens, 0, "C1"), "counter not on the first screen"
        assert list(tmp_path.glob("cnaim-desk-demo-*")), "the demo keeps its data in TMPDIR"
    finally:
        desk.send_signal(signal.SIGTERM)
        output = desk.communicate(timeout=30)[0]
    assert desk.returncode == 0, output
    assert "Traceback" not in output
    assert list(tmp_path.glob("cnaim-desk-demo-*")) == [], "the demo's folder was not removed"
    assert not (tmp_path / "unused").exists(), "the demo must not touch the configured desk"


def test_first_run_offers_set_up_in_portuguese_and_sets_up_the_desk(xvfb_two_screens, tmp_path):
    """`cnaim-desk` on a machine with nothing configured asks for the desk; typing an id
    and pressing Enter sets up a reception desk of the first centre and opens it."""
    if shutil.which("xdotool") is None:
        pytest.fail("xdotool is not installed: run `packaging/check-system.sh --for test`")
    data_dir = tmp_path / "desk"
    env = {**os.environ, "DISPLAY": xvfb_two_screens}
    env.pop("QT_QPA_PLATFORM", None)
    desk = subprocess.Popen(
        [sys.executable, "-m", "cnaim_desk", "--data-dir", str(data_dir)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    x = {**os.environ, "DISPLAY": xvfb_two_screens}
    try:
        dialogs = _wait_for(lambda: _windows(xvfb_two_screens, 0, "Configurar o CNAIM Desk"), desk)
        assert not data_dir.joinpath("desk.json").exists()
        # No window manager: the dialog takes the keyboard only when given it.
        subprocess.run(["xdotool", "windowfocus", "--sync", dialogs[0]], env=x, check=True)
        subprocess.run(["xdotool", "type", "--delay", "50", "r7"], env=x, check=True)
        subprocess.run(["xdotool", "key", "Return"], env=x, check=True)
        _wait_for(lambda: _windows(xvfb_two_screens, 0, "Receção R7"), desk)
        config = json.loads(data_dir.joinpath("desk.json").read_text(encoding="utf-8"))
        assert config == {"centre": "lisboa", "desk": "R7", "role": "reception", "slot": 0}
        # a reception desk with a second screen shows the board there
        _wait_for(lambda: _windows(xvfb_two_screens, 1, "A chamar"), desk)
    finally:
        desk.send_signal(signal.SIGTERM)
        output = desk.communicate(timeout=30)[0]
    assert desk.returncode == 0, output
    assert "Traceback" not in output


def _wait_for(find, process, seconds: float = 30) -> list[str]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()[0]
        found = find()
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError("the window did not appear")
