"""One writer per data directory: a process that would write takes an exclusive lock on
``desk.lock``; a second one is refused with a message naming the process holding it."""

from __future__ import annotations

import json
import os
import socket
import sys
import time
from pathlib import Path
from typing import IO

if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds only
    import msvcrt

    def _try_lock(handle: IO[str]) -> bool:
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

else:
    import fcntl

    def _try_lock(handle: IO[str]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True


class DeskBusy(Exception):
    """Another process is writing this desk's data."""


class DataDirLock:
    """Holds the data directory's write lock until :meth:`release` (or process exit:
    the operating system drops the lock of a killed process, so a crash never leaves
    a desk locked)."""

    def __init__(self, data_dir: Path, purpose: str):
        self.path = data_dir / "desk.lock"
        self._handle: IO[str] | None = None
        data_dir.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held until release
        if not _try_lock(handle):
            handle.seek(0)
            holder = _describe(handle.read())
            handle.close()
            raise DeskBusy(
                f"This desk's data in {data_dir} is in use by {holder}. "
                "Close that first; `ticket list` and `journal check` still work beside it."
            )
        handle.seek(0)
        handle.truncate()
        handle.write(
            json.dumps(
                {
                    "pid": os.getpid(),
                    "host": socket.gethostname(),
                    "purpose": purpose,
                    "since": time.strftime("%Y-%m-%d %H:%M:%S"),
                }
            )
        )
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()  # closing the file drops the lock
            self._handle = None


def _describe(text: str) -> str:
    try:
        info = json.loads(text)
        return f"{info['purpose']} (process {info['pid']} on {info['host']}, since {info['since']})"
    except (ValueError, KeyError, TypeError):
        return "another CNAIM Desk process"
