"""The SQLCipher engine: the raw 256-bit data key, WAL, full fsync, foreign keys, one writer."""

from __future__ import annotations

import errno
from pathlib import Path

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import DeclarativeBase, sessionmaker
from sqlalchemy.pool import QueuePool

from askel.store.errors import DatabaseDamaged, StorageFailed, StorageFull, VaultError

PLAINTEXT_HEADER = b"SQLite format 3\x00"

# SQLite's primary result codes (the low byte of an extended code) that say something about the storage.
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_CANTOPEN, SQLITE_READONLY, SQLITE_FULL, SQLITE_NOTADB = 10, 11, 14, 8, 13, 26
_DISK_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}


class Base(DeclarativeBase):
    pass


def connect_raw(path: Path, data_key: bytes) -> sqlcipher3.Connection:
    """One keyed DB-API connection. The key is passed raw (x'…'), so SQLCipher runs no KDF of its own."""
    connection = sqlcipher3.connect(str(path), timeout=10, check_same_thread=False, isolation_level=None)
    # SQLCipher's own log would write a line per unreadable page to standard error: a damaged database is reported
    # once, as DatabaseDamaged, by the code that reads it.
    connection.execute("PRAGMA cipher_log_level = NONE")
    connection.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
    # Temporary tables and sort spills stay in memory: nothing readable lands in the temp folder.
    connection.execute("PRAGMA temp_store = MEMORY")
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute("PRAGMA synchronous = FULL")
    # 16 MiB of decrypted pages per connection: search as you type reads the same index pages on every keystroke,
    # and each page read from the file is decrypted and its HMAC checked again.
    connection.execute("PRAGMA cache_size = -16384")
    # Reading any page proves the key; a wrong key or a damaged header fails here, before anything is written.
    connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    if connection.execute("PRAGMA journal_mode = WAL").fetchone()[0].lower() != "wal":
        raise DatabaseDamaged()
    return connection


def storage_error(error: BaseException) -> VaultError | None:
    """The VaultError a low-level failure stands for, or None when it says nothing about the storage.

    A full disk (SQLITE_FULL, ENOSPC, a quota) or a read-only one → StorageFull; a damaged file (SQLITE_CORRUPT,
    SQLITE_NOTADB) → DatabaseDamaged; other I/O failures (a removed USB disk, a lost network drive) → StorageFailed.
    SQLAlchemy's wrappers are looked through (`.orig`).
    """
    if isinstance(error, VaultError):
        return error
    original = getattr(error, "orig", None) or error
    if isinstance(original, OSError):
        if original.errno in _DISK_FULL_ERRNOS:
            return StorageFull()
        if original.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return StorageFull()
        return StorageFailed()
    code = getattr(original, "sqlite_errorcode", None)
    if isinstance(code, int):
        primary = code & 0xFF
        if primary in (SQLITE_FULL, SQLITE_READONLY):
            return StorageFull()
        if primary in (SQLITE_CORRUPT, SQLITE_NOTADB):
            return DatabaseDamaged()
        if primary in (SQLITE_IOERR, SQLITE_CANTOPEN):
            return StorageFailed()
        return None
    if isinstance(original, sqlcipher3.DatabaseError):  # a driver without error codes: read the English text
        text = str(original).lower()
        if "database or disk is full" in text:
            return StorageFull()
        if "malformed" in text or "not a database" in text:
            return DatabaseDamaged()
        if "disk i/o error" in text:
            return StorageFailed()
    return None


def check_integrity(engine: Engine) -> None:
    """Read every page (each one's HMAC is checked on decryption) and the b-tree structure; DatabaseDamaged if not
    sound. About a millisecond per 300 kB: run at unlock, which is already off the UI thread."""
    with engine.connect() as conn:
        rows = conn.exec_driver_sql("PRAGMA quick_check").fetchall()
    if [tuple(row) for row in rows] != [("ok",)]:
        raise DatabaseDamaged()


def open_engine(path: Path, data_key: bytes) -> Engine:
    """An engine on the encrypted database; raises DatabaseDamaged when the key does not open the file."""
    engine = create_engine(
        "sqlite+pysqlite://",
        module=sqlcipher3,
        creator=lambda: connect_raw(path, data_key),
        poolclass=QueuePool,
        # Errors must never carry client data: SQL parameters stay out of exception messages and logs.
        hide_parameters=True,
        pool_size=2,
        max_overflow=2,
    )

    # The driver runs in autocommit mode (isolation_level=None) so that SQLAlchemy alone decides where a
    # transaction begins; this is SQLAlchemy's documented recipe for correct SQLite transactions.
    @event.listens_for(engine, "begin")
    def _begin(conn):
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("immediate") else "BEGIN")

    # A full disk or a damaged page anywhere below (a query, a commit, a migration) reaches the caller as the
    # VaultError with the user's message, not as a driver error.
    @event.listens_for(engine, "handle_error")
    def _translate(context):
        return storage_error(context.original_exception)

    try:
        engine.connect().close()
    except (StorageFull, StorageFailed) as error:
        engine.dispose()
        raise error from None
    except Exception:
        engine.dispose()
        raise DatabaseDamaged() from None
    return engine


def make_sessionmaker(engine: Engine) -> sessionmaker:
    # Objects stay readable after commit: the UI shows what it just saved without another query.
    return sessionmaker(engine, expire_on_commit=False)
