"""Shared fixtures for end-to-end tests: the real ``cnaim-desk`` command in subprocesses,
on desks set up in temporary folders."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from cnaim_desk.journal.desk import DeskConfig
from cnaim_desk.journal.journal import Journal
from cnaim_desk.resources import resources_dir

#: The folder of this conftest, with the driver scripts the tests start.
SCRIPTS = Path(__file__).resolve().parent


class Result:
    """A finished command: its exit status and output, and its JSON when it printed some."""

    def __init__(self, args: list[str], completed: subprocess.CompletedProcess):
        self.args = args
        self.returncode = completed.returncode
        self.stdout = completed.stdout
        self.stderr = completed.stderr

    def json(self) -> object:
        return json.loads(self.stdout)

    def expect(self, status: int) -> Result:
        """Assert the exit status, showing the command and its output when it differs."""
        assert self.returncode == status, (
            f"`cnaim-desk {' '.join(self.args)}` exited {self.returncode}, not {status}\n"
            f"stdout: {self.stdout}\nstderr: {self.stderr}"
        )
        return self

    def refused(self, *words: str) -> Result:
        """Assert a refusal: exit status 1, nothing on stdout, and one plain line on
        stderr (no traceback) naming what was wrong with each of ``words``."""
        self.expect(1)
        assert self.stdout == "", self.stdout
        lines = self.stderr.strip().splitlines()
        assert len(lines) == 1, self.stderr
        assert lines[0].startswith("cnaim-desk: "), self.stderr
        for word in words:
            assert word in lines[0], (word, self.stderr)
        return self

    def __repr__(self) -> str:
        return f"Result({self.args!r}, {self.returncode})"


@pytest.fixture(autouse=True)
def _centres_always_open(always_open_resources):
    """The commands and drivers here run on the real clock, at whatever hour the suite
    runs: their centres are open around the clock (admission has its own tests)."""
    return always_open_resources


@pytest.fixture
def cli(tmp_path) -> Callable[..., Result]:
    """``cli("ticket", "issue", ..., data_dir=path, env={...})`` runs the real command line
    (``python -m cnaim_desk`` of this interpreter) in a subprocess."""

    def run(*args: object, data_dir: Path | None = None, env: dict | None = None) -> Result:
        argv = [str(a) for a in args]
        if data_dir is not None:
            argv = ["--data-dir", str(data_dir), *argv]
        completed = subprocess.run(
            [sys.executable, "-m", "cnaim_desk", *argv],
            capture_output=True,
            text=True,
            timeout=60,
            cwd=tmp_path,
            env={**os.environ, **(env or {})},
            check=False,
        )
        return Result(argv, completed)

    return run


@pytest.fixture
def desk_dir(tmp_path) -> Path:
    """A standalone reception desk R1 of CNAIM Lisboa, set up and closed (no writer)."""
    root = tmp_path / "desk"
    config = DeskConfig(centre="lisboa", desk="R1", role="reception")
    Journal.init_standalone(root, config, resources=resources_dir()).close()
    return root


@pytest.fixture
def scripts() -> Path:
    return SCRIPTS


class DeskFiles:
    """Plain reads of a desk folder beside whatever process has it open: row counts of its
    SQLite file, and every byte of the folder."""

    @staticmethod
    def count(root: Path, table: str) -> int:
        connection = sqlite3.connect(f"file:{root / 'journal.sqlite'}?mode=ro", uri=True)
        try:
            return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        finally:
            connection.close()

    @staticmethod
    def column(root: Path, sql: str) -> list:
        """The first column of every row a query returns."""
        connection = sqlite3.connect(f"file:{root / 'journal.sqlite'}?mode=ro", uri=True)
        try:
            return [row[0] for row in connection.execute(sql)]
        finally:
            connection.close()

    @classmethod
    def counts(cls, root: Path) -> dict[str, int]:
        tables = ("doc_update", "event", "ticket", "appointment")
        return {table: cls.count(root, table) for table in tables}

    @staticmethod
    def folder_bytes(root: Path) -> dict[str, bytes]:
        return {
            str(path.relative_to(root)): path.read_bytes()
            for path in sorted(root.rglob("*"))
            if path.is_file()
        }


@pytest.fixture
def desk_files() -> type[DeskFiles]:
    return DeskFiles
