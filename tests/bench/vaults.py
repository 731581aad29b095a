"""Benchmark data: demo vaults of a given size, a plaintext SQLite copy of each, and a vault-like object on it.

Every vault is generated once per run (by the demo generator) into the run's temporary folder and reused by all the
measurements. The plaintext copy holds only the fictitious demo data and lives in the same temporary folder; it is
the baseline that shows what the encryption costs ("the same query on plain SQLite").
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.pool import QueuePool

from askel.core.content.library import ContentLibrary
from askel.core.paths import resources_dir
from askel.store import keyfile
from askel.store.clients import ClientData, add_client
from askel.store.courses import acknowledge_alert, add_session, close_session, score_and_record, start_course
from askel.store.demo import generate
from askel.store.vault import DataFolder, Vault

PASSPHRASE = "harjoitus vaan ei oikea 2026"
SEED = 1
TODAY = date(2026, 3, 2)
LONG_COURSE_SESSIONS = 50


@dataclass
class BenchVault:
    size: int
    folder: Path
    plain_path: Path
    generate_seconds: float
    long_client_id: str  # a client with one course of 50 sessions
    kdf_iterations: int


_library: ContentLibrary | None = None


def library() -> ContentLibrary:
    global _library
    if _library is None:
        _library = ContentLibrary.load(resources_dir())
    return _library


def build(root: Path, size: int, kdf_iterations: int) -> BenchVault:
    """A training vault with `size` demo clients, one 50-session client, and its plaintext copy."""
    folder = root / f"vault-{size}"
    vault = Vault.create(folder, PASSPHRASE, clinician_name="Bench Hoitaja", role="nurse",
                         kdf_iterations=kdf_iterations, training=True)
    started = time.perf_counter()
    generate(vault, library(), size, SEED, today=TODAY)
    seconds = time.perf_counter() - started
    long_client = add_long_course(vault)
    plain = root / f"plain-{size}.db"
    export_plaintext(vault, plain)
    vault.close()
    return BenchVault(size, folder, plain, seconds, long_client, kdf_iterations)


def add_long_course(vault) -> str:
    """A client whose course has 50 sessions with questionnaires: the "open a client" case."""
    lib = library()
    protocol = lib.protocol("klt_adults")
    phq9, gad7 = lib.instrument("phq9"), lib.instrument("gad7")
    client = add_client(vault, ClientData("Pitkä", "Hoitojakso", date(1979, 4, 5)))
    course = start_course(vault, client.id, protocol.id, protocol.version, need_established=date(2024, 1, 8),
                          planned_sessions=10)
    when = datetime(2024, 1, 15, 9)
    for number in range(LONG_COURSE_SESSIONS):
        record = add_session(vault, course.id, when, attendance="attended" if number % 9 else "cancelled")
        if record.attendance == "attended":
            level = max(0, 2 - number // 20)
            for instrument in (phq9, gad7):
                stored, result = score_and_record(vault, course.id, instrument,
                                                  {item: level for item in instrument.item_ids}, session_id=record.id)
                if result.alerts:  # acknowledged at the visit, as the program asks: none is raised again at unlock
                    acknowledge_alert(vault, stored.id, "Harjoitus.")
        close_session(vault, record.id, notes="Harjoitus.")
        when += timedelta(days=7)
    return client.id


def export_plaintext(vault, destination: Path) -> None:
    """SQLCipher's own export into an unencrypted file (demo data only, in the run's temporary folder)."""
    destination.unlink(missing_ok=True)
    raw = vault.engine.raw_connection()
    try:
        connection = raw.driver_connection
        connection.execute("ATTACH DATABASE ? AS plaintext KEY ''", (str(destination),))
        connection.execute("SELECT sqlcipher_export('plaintext')")
        connection.execute("DETACH DATABASE plaintext")
    finally:
        raw.close()
    with sqlite3.connect(destination) as check:
        check.execute("PRAGMA journal_mode = WAL")


def open_cipher(bench: BenchVault) -> Vault:
    return Vault.unlock(bench.folder, PASSPHRASE)


def plain_vault(path: Path) -> Vault:
    """A `Vault` on the plaintext copy: the same session factory, write transactions and audit log code, with the
    connection settings of `store.db.connect_raw` except the key."""

    def connect():
        connection = sqlite3.connect(str(path), timeout=10, check_same_thread=False, isolation_level=None)
        connection.execute("PRAGMA temp_store = MEMORY")
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("PRAGMA synchronous = FULL")
        connection.execute("PRAGMA cache_size = -16384")
        connection.execute("PRAGMA journal_mode = WAL")
        return connection

    engine = create_engine("sqlite+pysqlite://", module=sqlite3, creator=connect, poolclass=QueuePool,
                           hide_parameters=True, pool_size=2, max_overflow=2)

    @event.listens_for(engine, "begin")
    def _begin(conn):
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("immediate") else "BEGIN")

    return Vault(DataFolder(path.parent), None, b"", engine)


def calibrated_iterations() -> int:
    """The Argon2id passes a real vault on this machine gets (about half a second)."""
    return keyfile.calibrate_iterations()
