"""Fixtures of the region tests: training vaults with data sets, the coordinator's key, and a real PostgreSQL.

PostgreSQL is Debian's `postgresql` package (installed by .ci/run), started here for the session. PostgreSQL
refuses to run as root, and CI runs as root, so the server then runs as the `postgres` user that the package makes.
Where the package is missing the tests say so in one skip line.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

MISSING = "PostgreSQL is not installed: install Debian's postgresql package (apt-get install postgresql)"


def _bin() -> Path | None:
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))  # Debian's layout first
    if candidates:
        return Path(candidates[-1]).parent
    found = shutil.which("pg_ctl")
    return Path(found).parent if found else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def postgresql_url():
    pytest.importorskip("psycopg", reason="psycopg is not installed (pip install 'psycopg[binary]')")
    binaries = _bin()
    if binaries is None:
        pytest.skip(MISSING)
    as_root = os.geteuid() == 0
    if as_root and shutil.which("runuser") is None:
        pytest.skip("PostgreSQL cannot run as root and runuser is missing")
    folder = Path(tempfile.mkdtemp(prefix="askel-pg-"))
    prefix = ["runuser", "-u", "postgres", "--"] if as_root else []
    if as_root:
        os.chmod(folder, 0o755)
        shutil.chown(folder, "postgres")
    data, port = folder / "data", _free_port()

    def run(*command, check=True):
        return subprocess.run([*prefix, *command], check=check, capture_output=True, text=True, timeout=120)

    run(str(binaries / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "--no-sync")
    run(str(binaries / "pg_ctl"), "-D", str(data), "-w", "-l", str(folder / "log"), "-o",
        f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off", "start")
    try:
        run(str(binaries / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "askel_region")
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/askel_region"
    finally:
        run(str(binaries / "pg_ctl"), "-D", str(data), "-m", "fast", "stop", check=False)
        time.sleep(0.1)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def fresh_postgresql(postgresql_url):
    """The PostgreSQL store emptied for one test."""
    from sqlalchemy import create_engine, text

    engine = create_engine(postgresql_url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    engine.dispose()
    return postgresql_url
