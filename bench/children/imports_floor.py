"""The floor under any desk's start: the interpreter, Qt's widgets and the database layer,
and nothing of the desk. Usage: ``python imports_floor.py``; prints READY."""

import time

STAMPS = {"script": time.time()}

import json  # noqa: E402

import PySide6.QtWidgets  # noqa: E402, F401
import sqlmodel  # noqa: E402, F401

STAMPS["imports"] = time.time()
print("READY " + json.dumps(STAMPS), flush=True)
