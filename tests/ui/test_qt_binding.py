"""The Qt binding must not leak references to None: on Python 3.11 (Debian 12), None is
an ordinary object, and a binding that drops a reference at every void call makes a desk
abort after a few thousand clicks ("Fatal Python error: none_dealloc"). PySide6 6.12.0
does; pyproject.toml keeps it out on Python 3.11."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

PROBE = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QApplication, QLabel
    app = QApplication([])
    label, probe = QLabel(), QObject()
    before = sys.getrefcount(None)
    for _ in range(20000):
        label.setText("S001")
        probe.setObjectName("probe")
    print(before - sys.getrefcount(None))
    """
)


def test_void_qt_calls_keep_none_alive():
    # In a child process: a leaking binding aborts the interpreter, not the test run.
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    lost = int(result.stdout.split()[-1])
    # A few references may come and go with Python's own work; thousands may not.
    assert lost < 100, f"the Qt binding lost {lost} references to None in 40,000 calls"
