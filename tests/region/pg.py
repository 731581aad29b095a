"""A throwaway PostgreSQL server from Debian's `postgresql` package, for the region tests and `make bench`.

pytest-postgresql's own process fixture runs initdb and pg_ctl as the current user, and PostgreSQL refuses to run
as root, which is how CI runs. So the server is started here, as the `postgres` user the package makes when run as
root (plainly otherwise), in a temporary folder on a free port with `fsync=off`; the tests then use
pytest-postgresql's no-process fixture and client factory against it (tests/region/conftest.py), so the test
databases are made from a template and dropped by its janitor.

    with running_server() as server:      # Server(host, port, user, binaries)
        url = server.url("postgres")
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

MISSING = "PostgreSQL is not installed: install Debian's postgresql package (apt-get install postgresql)"


class Unavailable(RuntimeError):
    """No server can be started here; the message is the one skip line."""


def binaries() -> Path | None:
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))  # Debian's layout first
    if candidates:
        return Path(candidates[-1]).parent
    found = shutil.which("pg_ctl")
    return Path(found).parent if found else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass(frozen=True)
class Server:
    host: str
    port: int
    user: str
    binaries: Path

    def url(self, dbname: str) -> str:
        return f"postgresql+psycopg://{self.user}@{self.host}:{self.port}/{dbname}"

    def createdb(self, dbname: str) -> None:
        _run(str(self.binaries / "createdb"), "-h", self.host, "-p", str(self.port), "-U", self.user, dbname)


def _prefix() -> list[str]:
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


def _run(*command: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run([*_prefix(), *command], check=check, capture_output=True, text=True, timeout=120)


@contextlib.contextmanager
def running_server(settings: tuple[str, ...] = ()) -> Iterator[Server]:
    """Start a server for the duration of the block; `settings` are extra `-c name=value` options."""
    found = binaries()
    if found is None:
        raise Unavailable(MISSING)
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        raise Unavailable("PostgreSQL cannot run as root and runuser is missing")
    folder = Path(tempfile.mkdtemp(prefix="askel-pg-"))
    if os.geteuid() == 0:
        os.chmod(folder, 0o755)
        shutil.chown(folder, "postgres")
    data, port = folder / "data", _free_port()
    options = " ".join(f"-c {setting}" for setting in ("listen_addresses=127.0.0.1", "fsync=off", *settings))
    try:
        _run(str(found / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "--no-sync")
        _run(str(found / "pg_ctl"), "-D", str(data), "-w", "-l", str(folder / "log"), "-o",
             f"-p {port} -k {folder} {options}", "start")
    except subprocess.CalledProcessError as error:
        shutil.rmtree(folder, ignore_errors=True)
        raise Unavailable(f"PostgreSQL did not start: {(error.stderr or '').strip()[-300:]}") from None
    try:
        yield Server("127.0.0.1", port, "postgres", found)
    finally:
        _run(str(found / "pg_ctl"), "-D", str(data), "-m", "fast", "stop", check=False)
        time.sleep(0.1)
        shutil.rmtree(folder, ignore_errors=True)
