"""The SQLCipher engine: the raw 256-bit data key, WAL, full fsync, foreign keys, one writer."""

from __future__ import annotations

from pathlib import Path

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import DeclarativeBase, sessionmaker
from sqlalchemy.pool import QueuePool

from askel.store.errors import DatabaseDamaged

PLAINTEXT_HEADER = b"SQLite format 3\x00"


class Base(DeclarativeBase):
    pass


def connect_raw(path: Path, data_key: bytes) -> sqlcipher3.Connection:
    """One keyed DB-API connection. The key is passed raw (x'…'), so SQLCipher runs no KDF of its own."""
    connection = sqlcipher3.connect(str(path), timeout=10, check_same_thread=False, isolation_level=None)
    connection.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
    # Temporary tables and sort spills stay in memory: nothing readable lands in the temp folder.
    connection.execute("PRAGMA temp_store = MEMORY")
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute("PRAGMA synchronous = FULL")
    # Reading any page proves the key; a wrong key or a damaged header fails here, before anything is written.
    connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    if connection.execute("PRAGMA journal_mode = WAL").fetchone()[0].lower() != "wal":
        raise DatabaseDamaged()
    return connection


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

    try:
        engine.connect().close()
    except DatabaseDamaged:
        engine.dispose()
        raise
    except Exception:
        engine.dispose()
        raise DatabaseDamaged() from None
    return engine


def make_sessionmaker(engine: Engine) -> sessionmaker:
    # Objects stay readable after commit: the UI shows what it just saved without another query.
    return sessionmaker(engine, expire_on_commit=False)
