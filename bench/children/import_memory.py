"""Resident memory added by each layer of imports a desk process makes, in the order the
desk makes them. Usage: ``python import_memory.py``; prints one JSON line after IMPORTS
with, for each step, the VmRSS (KiB) after it."""

import importlib
import json
import sys
from pathlib import Path

# The order of `cnaim-desk`: the command line and the journal first, Qt with the windows.
STEPS = (
    ("interpreter", ()),
    ("sqlmodel (SQLAlchemy, pydantic)", ("sqlmodel",)),
    ("cryptography", ("cryptography.hazmat.primitives.asymmetric.ed25519",)),
    ("pycrdt", ("pycrdt",)),
    ("cnaim_desk.journal", ("cnaim_desk.journal.journal", "cnaim_desk.cli")),
    ("PySide6.QtCore", ("PySide6.QtCore",)),
    ("PySide6.QtGui", ("PySide6.QtGui",)),
    ("PySide6.QtWidgets", ("PySide6.QtWidgets",)),
    ("PySide6.QtPrintSupport", ("PySide6.QtPrintSupport",)),
    ("qrcode + Pillow", ("qrcode", "PIL.Image")),
    ("cnaim_desk (app, windows, printing)", ("cnaim_desk.app",)),
)


def rss_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def main() -> int:
    steps = []
    for label, modules in STEPS:
        for module in modules:
            importlib.import_module(module)
        steps.append([label, rss_kib()])
    print("IMPORTS " + json.dumps(steps), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
