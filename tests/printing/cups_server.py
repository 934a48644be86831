"""A private CUPS scheduler for the printing tests, never the machine's own.

Its configuration, spool, state and logs are in a temporary folder, it listens only on a
local socket there, and it writes nothing outside it (printcap and keychain included).
Its one backend, ``pdf-folder``, is a virtual PDF printer: a raw queue (no PPD, no
filter) hands it the PDF that Qt made, and it saves it as ``job-<id>.pdf`` in the folder
its device URI names. The same setup runs as root (cupsd runs a 0700 backend as root)
and as an ordinary user (everything runs as that user).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from cnaim_desk.printing import cups

CUPS_LIBRARY = Path("/usr/lib/cups")
INSTALL_HINT = "run `packaging/check-system.sh --for test`"
START_SECONDS = 10.0
JOB_SECONDS = 20.0

BACKEND = """\
#!/bin/sh
# pdf-folder: a virtual PDF printer for the tests. With no arguments it says what it is,
# as CUPS asks at start; else it saves the job's file (argument 6, or standard input) in
# the folder of its device URI as job-<id>.pdf, with the job's title beside it, whole or
# not at all.
if [ $# -eq 0 ]; then
    echo 'file pdf-folder "Unknown" "PDF folder"'
    exit 0
fi
folder=${DEVICE_URI#pdf-folder:}
out="$folder/job-$1"
if [ -n "$6" ]; then cat -- "$6" >"$out.part"; else cat >"$out.part"; fi || exit 1
printf '%s\\n' "$3" >"$out.title" || exit 1
mv -- "$out.part" "$out.pdf"
"""


def tool(name: str) -> str:
    """The path of a CUPS program; they live in /usr/sbin, off an ordinary user's PATH."""
    search = os.pathsep.join((os.environ.get("PATH", ""), "/usr/sbin", "/sbin"))
    found = shutil.which(name, path=search)
    if found is None:
        pytest.fail(f"{name} is not installed (the tests need a private CUPS): {INSTALL_HINT}")
    return found


class CupsServer:
    """A running private ``cupsd`` in ``root``, reached at :attr:`socket`."""

    def __init__(self, root: Path):
        self.root = root
        self.socket = root / "cups.sock"
        if len(os.fsencode(self.socket)) > 100:  # sun_path holds 108 bytes
            pytest.fail(f"{self.socket} is too long for a local socket: use a shorter --basetemp")
        self._process: subprocess.Popen[bytes] | None = None
        self._write_configuration()

    # -- set-up ----------------------------------------------------------------------------

    def _write_configuration(self) -> None:
        root = self.root
        for name in ("conf", "spool", "cache", "state", "log", "ssl", "bin/backend"):
            (root / name).mkdir(parents=True, exist_ok=True)
        (root / "conf" / "cupsd.conf").write_text(
            f"Listen {self.socket}\n"
            "LogLevel debug\n"
            "Browsing No\n"  # never advertise the test queues on the network
            "DefaultShared No\n"
            "WebInterface No\n"
            "ErrorPolicy abort-job\n"  # a failed job must not stop the queue for the next test
            "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
            "<Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n"
        )
        (root / "conf" / "cups-files.conf").write_text(
            f"ServerRoot {root / 'conf'}\n"
            f"RequestRoot {root / 'spool'}\n"
            f"CacheDir {root / 'cache'}\n"
            f"StateDir {root / 'state'}\n"
            f"TempDir {root / 'spool'}\n"
            f"ServerKeychain {root / 'ssl'}\n"
            # The default printcap is the system's (/run/cups/printcap): keep this one here.
            f"Printcap {root / 'printcap'}\n"
            f"ErrorLog {root / 'log' / 'error_log'}\n"
            f"AccessLog {root / 'log' / 'access_log'}\n"
            f"PageLog {root / 'log' / 'page_log'}\n"
            f"ServerBin {root / 'bin'}\n"
            "DataDir /usr/share/cups\n"
        )
        for name in ("filter", "daemon", "cgi-bin", "notifier", "monitor", "driver"):
            if (CUPS_LIBRARY / name).is_dir():
                (root / "bin" / name).symlink_to(CUPS_LIBRARY / name)
        backend = root / "bin" / "backend" / "pdf-folder"
        backend.write_text(BACKEND)
        backend.chmod(0o700)

    def start(self) -> None:
        cupsd = tool("cupsd")
        tool("lpadmin")
        conf = self.root / "conf"
        env = {key: value for key, value in os.environ.items() if not key.startswith("CUPS_")}
        with (self.root / "log" / "cupsd.out").open("ab") as output:
            self._process = subprocess.Popen(
                [cupsd, "-f", "-c", str(conf / "cupsd.conf"), "-s", str(conf / "cups-files.conf")],
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=output,
                env=env,
            )
        deadline = time.monotonic() + START_SECONDS
        while not self._answers():
            if self._process.poll() is not None:
                output = (self.root / "log" / "cupsd.out").read_text(errors="replace")
                pytest.fail(f"cupsd stopped at start: {output}\n{self.error_log()}")
            if time.monotonic() > deadline:
                self.stop()
                pytest.fail(f"cupsd did not listen on {self.socket}:\n{self.error_log()}")
            time.sleep(0.02)

    def _answers(self) -> bool:
        with socket.socket(socket.AF_UNIX) as probe:
            try:
                probe.connect(str(self.socket))
            except OSError:
                return False
        return True

    def stop(self) -> None:
        """Stop the scheduler (a job in progress is left in its spool)."""
        if self._process is None:
            return
        self._process.terminate()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait(timeout=10)
        self._process = None

    # -- administration --------------------------------------------------------------------

    def _client(self, program: str, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [tool(program), "-h", str(self.socket), *args],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )

    def run(self, program: str, *args: str) -> str:
        """Run a CUPS client program against this scheduler; its output."""
        done = self._client(program, *args)
        if done.returncode != 0:
            pytest.fail(f"{program} {' '.join(args)} failed: {done.stderr}\n{self.error_log()}")
        return done.stdout

    def add_queue(self, name: str, folder: Path) -> None:
        """A raw queue, enabled and accepting, whose jobs land in ``folder``."""
        folder.mkdir(parents=True, exist_ok=True)
        self.run("lpadmin", "-p", name, "-v", f"pdf-folder:{folder}", "-E")

    def remove_queue(self, name: str) -> None:
        """Remove queue ``name`` if it is there."""
        if name in self._client("lpstat", "-e").stdout.split():  # fails when there is none
            self.run("lpadmin", "-x", name)

    def jobs(self) -> list[str]:
        """Every job this scheduler has had, done or not, as lpstat lists them."""
        return self.run("lpstat", "-W", "all", "-o").splitlines()

    def error_log(self) -> str:
        path = self.root / "log" / "error_log"
        lines = path.read_text(errors="replace").splitlines() if path.exists() else []
        return "\n".join(lines[-40:])

    # -- the test process as a client ------------------------------------------------------

    @contextmanager
    def in_use(self) -> Iterator[CupsServer]:
        """Make this process (libcups, hence Qt's printing, and child processes) ask this
        scheduler; the default server again afterwards."""
        previous = os.environ.get("CUPS_SERVER")
        os.environ["CUPS_SERVER"] = str(self.socket)
        if not cups.use_server(str(self.socket)):
            pytest.fail("libcups (libcups2) is not installed: " + INSTALL_HINT)
        try:
            yield self
        finally:
            if previous is None:
                os.environ.pop("CUPS_SERVER", None)
            else:
                os.environ["CUPS_SERVER"] = previous
            cups.use_server(None)


def wait_for_jobs(folder: Path, seconds: float = JOB_SECONDS) -> list[Path]:
    """The job files saved in ``folder`` once there is one, or none after ``seconds``."""
    deadline = time.monotonic() + seconds
    while not (found := sorted(folder.glob("job-*.pdf"))) and time.monotonic() < deadline:
        time.sleep(0.02)
    return found
