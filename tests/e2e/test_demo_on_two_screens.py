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


def _placement(display: str, window: str) -> tuple[int, int, int, int]:
    """x, y, width and height of an X window."""
    result = subprocess.run(
        ["xdotool", "getwindowgeometry", "--shell", window],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        check=True,
    )
    values = dict(line.split("=", 1) for line in result.stdout.split())
    return int(values["X"]), int(values["Y"]), int(values["WIDTH"]), int(values["HEIGHT"])


def _geometry(display: str, window: str) -> tuple[int, int]:
    return _placement(display, window)[2:]


def _demo(display: str, tmp_path) -> subprocess.Popen:
    if shutil.which("xdotool") is None:
        pytest.fail("xdotool is not installed: run `packaging/check-system.sh --for test`")
    env = {
        **os.environ,
        "DISPLAY": display,
        "TMPDIR": str(tmp_path),
        "CNAIM_DESK_DATA_DIR": str(tmp_path / "unused"),
    }
    env.pop("QT_QPA_PLATFORM", None)
    return subprocess.Popen(
        [sys.executable, "-m", "cnaim_desk", "--demo"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _stop(desk: subprocess.Popen) -> str:
    desk.send_signal(signal.SIGTERM)
    output = desk.communicate(timeout=30)[0]
    assert desk.returncode == 0, output
    assert "Traceback" not in output
    return output


def test_board_fills_the_second_screen_and_the_demo_cleans_up(xvfb_two_screens, tmp_path):
    desk = _demo(xvfb_two_screens, tmp_path)
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
        _stop(desk)
    assert list(tmp_path.glob("cnaim-desk-demo-*")) == [], "the demo's folder was not removed"
    assert not (tmp_path / "unused").exists(), "the demo must not touch the configured desk"


def test_on_one_1080p_screen_the_staff_windows_share_it_whole(xvfb_one_screen, tmp_path):
    """Reception and counter side by side, each wide enough for its Portuguese texts:
    neither runs off the screen nor covers the other."""
    desk = _demo(xvfb_one_screen, tmp_path)
    try:
        deadline = time.monotonic() + 30
        found: dict[str, list[str]] = {}
        while time.monotonic() < deadline and not all(found.get(n) for n in ("R1", "C1")):
            assert desk.poll() is None, desk.communicate()[0]
            found = {name: _windows(xvfb_one_screen, 0, name) for name in ("R1", "C1")}
            time.sleep(0.2)
        assert found["R1"], "reception did not open"
        assert found["C1"], "counter did not open"
        time.sleep(1)  # the demo lays its windows out once they are shown
        reception = _placement(xvfb_one_screen, found["R1"][0])
        counter = _placement(xvfb_one_screen, found["C1"][0])
    finally:
        _stop(desk)
    for x, _y, width, _height in (reception, counter):
        assert x >= 0
        assert x + width <= 1920
    assert reception[0] + reception[2] <= counter[0], (reception, counter)


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
