"""The region store: the same tables and queries on an encrypted SQLCipher file or on PostgreSQL.

    store = open_store("region.db", passphrase="…")                 # embedded: created on first use
    store = open_store("postgresql+psycopg://askel_region@db.example/askel?sslmode=verify-full")

Embedded (default): STORE is a file path. The database is SQLCipher with a random 256-bit key, wrapped by the
passphrase (Argon2id) in `STORE.key`, exactly as a vault's key is (`askel.store.keyfile`, `askel.store.db`).
PostgreSQL: STORE is a SQLAlchemy URL; the server, TLS and the role are IT's (docs/it-deployment.md). The schema is
one Alembic history (`askel/region/migrations`), upgraded in code when the store is opened; a store written by a
newer Askel is refused.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Engine,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    inspect,
    text,
)

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
REVISIONS = ("0001", "0002", "0003")

metadata = MetaData()
installation = Table(
    "installation", metadata,
    Column("id", String(36), primary_key=True),
    Column("unit_code", String(40), nullable=False),
    Column("public_key", String(64), nullable=False),
    Column("first_import_at", DateTime, nullable=False),
    Column("last_import_at", DateTime, nullable=False),
)
key_change = Table(
    "key_change", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("installation_id", String(36), nullable=False, index=True),
    Column("old_key", String(64), nullable=False),
    Column("new_key", String(64), nullable=False),
    Column("accepted_at", DateTime, nullable=False),
)
import_batch = Table(
    "import_batch", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("installation_id", String(36), nullable=False, index=True),
    Column("period_from", String(7), nullable=False),
    Column("period_to", String(7), nullable=False),
    Column("imported_at", DateTime, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("record_count", Integer, nullable=False),
    Column("software_version", String(40), nullable=False),
    Column("content_versions", Text, nullable=False),
    Column("outcome_preset", String(32), nullable=False),
    Column("log_seq", Integer, nullable=False),
    Column("log_hash", String(64), nullable=False),
)
course_record = Table(
    "course_record", metadata,
    Column("installation_id", String(36), primary_key=True),
    Column("course", String(32), primary_key=True),
    Column("batch_id", Integer, nullable=False, index=True),
    Column("unit_code", String(40), nullable=False),
    Column("method", String(64), nullable=False),
    Column("protocol_version", String(32), nullable=False),
    Column("care_step", Integer),
    Column("referral", String(32)),
    Column("age_band", String(8), nullable=False),
    Column("under_23", Boolean, nullable=False),
    Column("language", String(2), nullable=False),
    Column("status", String(16), nullable=False),
    Column("start_month", String(7), nullable=False),
    Column("end_month", String(7)),
    Column("first_treatment_month", String(7)),
    Column("planned", Integer),
    Column("attended", Integer, nullable=False),
    Column("cancelled", Integer, nullable=False),
    Column("no_show", Integer, nullable=False),
    Column("days_to_first", Integer),
    Column("guarantee", String(16)),
    Column("guarantee_exception", String(32)),
    Column("outcome", String(32)),
    Column("next_step", String(32)),
    Column("usefulness", Integer),
    Column("fidelity", Float),
    Column("family_done", Boolean),
    Column("scores", Text, nullable=False),
    Column("delivery_format", String(16)),  # askel.core.groups; None in records imported before groups
)
# Per group and month, the group sessions and parents' meetings held: a meeting counts once for the group here,
# while each member's attendance is in the member's session months.
group_month = Table(
    "group_month", metadata,
    Column("installation_id", String(36), primary_key=True),
    Column("group_key", String(32), primary_key=True),  # the group's pseudonym (GROUP is an SQL word)
    Column("month", String(7), primary_key=True),
    Column("unit_code", String(40), nullable=False),
    Column("method", String(64), nullable=False),
    Column("format", String(16), nullable=False),
    Column("held", Integer, nullable=False),
    Column("parent_meetings", Integer, nullable=False),
)
session_month = Table(
    "session_month", metadata,
    Column("installation_id", String(36), primary_key=True),
    Column("course", String(32), primary_key=True),
    Column("month", String(7), primary_key=True),
    Column("unit_code", String(40), nullable=False),
    Column("method", String(64), nullable=False),
    Column("attended", Integer, nullable=False),
    Column("cancelled", Integer, nullable=False),
    Column("no_show", Integer, nullable=False),
)

# The pooled summary (askel.region.summary): the report's counts by month, rebuilt after imports.
summary_state = Table(
    "summary_state", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("stale", Boolean, nullable=False),
)
sum_started = Table(
    "sum_started", metadata,
    Column("unit_code", String(40), primary_key=True),
    Column("method", String(64), primary_key=True),
    Column("month", String(7), primary_key=True, index=True),
    Column("n", Integer, nullable=False),
)
sum_ended = Table(
    "sum_ended", metadata,
    Column("unit_code", String(40), primary_key=True),
    Column("method", String(64), primary_key=True),
    Column("month", String(7), primary_key=True, index=True),
    Column("status", String(16), primary_key=True),
    Column("n", Integer, nullable=False),
)
sum_result = Table(  # outcome, next step and usefulness of the courses ended in a month, by method
    "sum_result", metadata,
    Column("method", String(64), primary_key=True),
    Column("month", String(7), primary_key=True, index=True),
    Column("field", String(16), primary_key=True),
    Column("value", String(32), primary_key=True),
    Column("n", Integer, nullable=False),
)
sum_first = Table(  # first treatment sessions by month: the days waited, as a distribution (for the median)
    "sum_first", metadata,
    Column("method", String(64), primary_key=True),
    Column("month", String(7), primary_key=True, index=True),
    Column("under_23", Boolean, primary_key=True),
    Column("days", Integer, primary_key=True),
    Column("n", Integer, nullable=False),
)
sum_sessions = Table(
    "sum_sessions", metadata,
    Column("unit_code", String(40), primary_key=True),
    Column("method", String(64), primary_key=True),
    Column("month", String(7), primary_key=True, index=True),
    Column("attended", Integer, nullable=False),
    Column("cancelled", Integer, nullable=False),
    Column("no_show", Integer, nullable=False),
)


class StoreError(ValueError):
    """The store cannot be opened; the message is one line (English, for the command line). `reason` says which
    case it is, for a screen that words it in the user's language: missing, passphrase, damaged, newer, url, server.
    """

    def __init__(self, text: str, reason: str = "damaged"):
        super().__init__(text)
        self.reason = reason


@dataclass
class RegionStore:
    engine: Engine
    target: str

    @property
    def kind(self) -> str:
        return "postgresql" if self.engine.dialect.name == "postgresql" else "embedded"

    def close(self) -> None:
        self.engine.dispose()


def insert_many(conn, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
    """Many rows into `table` at once: COPY on PostgreSQL, the driver's own executemany of one statement on SQLite
    (SQLAlchemy's per-row parameter handling would cost more than the database's work at a million records)."""
    if not rows:
        return
    names = ", ".join(columns)
    if conn.dialect.name == "postgresql":
        with conn.connection.driver_connection.cursor() as cursor, cursor.copy(
                f"COPY {table} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    else:
        placeholders = ", ".join("?" for _ in columns)  # the names are the store's own, never input
        conn.exec_driver_sql(f"INSERT INTO {table} ({names}) VALUES ({placeholders})", rows)  # noqa: S608


def is_url(target: str) -> bool:
    return "://" in str(target)


def open_store(target: str | Path, passphrase: str | None = None, *, kdf_iterations: int | None = None,
               create: bool = True) -> RegionStore:
    """Open the store at a path or a PostgreSQL URL, at the newest schema; an embedded store that does not exist
    yet is made when `create` (an import), else refused (a screen that only reads)."""
    target = str(target)
    if is_url(target):
        if not target.startswith("postgresql+psycopg://"):
            raise StoreError("a store URL starts with postgresql+psycopg://", "url")
        engine = create_engine(target, hide_parameters=True, pool_pre_ping=True)
    else:
        if not create and not Path(target).exists():
            raise StoreError(f"there is no store at {target}: import data sets into it first", "missing")
        engine = _embedded(Path(target), passphrase, kdf_iterations)
    store = RegionStore(engine, target)
    try:
        _upgrade(engine)
    except StoreError:
        engine.dispose()
        raise
    except Exception as error:  # a server that cannot be reached, a refused login: no parameters in the text
        engine.dispose()
        if store.kind == "postgresql":
            raise StoreError(f"cannot open the store: {type(error).__name__}", "server") from None
        raise
    return store


def location(target: str) -> str:
    """The store as it may be shown: a path, or a URL without its password."""
    if not is_url(target):
        return str(target)
    from sqlalchemy.engine import make_url

    try:
        return make_url(target).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - an unreadable URL is shown as its scheme only
        return target.split("://", 1)[0] + "://…"


def _embedded(path: Path, passphrase: str | None, kdf_iterations: int | None) -> Engine:
    from askel.store.db import open_engine
    from askel.store.errors import VaultError, WrongPassphrase
    from askel.store.keyfile import KeyFile

    if not passphrase:
        raise StoreError("the store needs its passphrase", "passphrase")
    key_path = path.with_name(path.name + ".key")
    if path.exists() != key_path.exists():
        raise StoreError(f"{path} and {key_path.name} belong together; one of them is missing", "damaged")
    try:
        if key_path.exists():
            keyfile = KeyFile.load(key_path)
            data_key = keyfile.unwrap_with_passphrase(passphrase)
            keyfile.check_header(data_key)  # a changed Argon2id cost or wrap list is refused, as for a vault
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            data_key = os.urandom(32)
            keyfile = KeyFile.new(data_key, passphrase, **({"kdf_iterations": kdf_iterations} if kdf_iterations
                                                            else {}))
            keyfile.seal(data_key)
            keyfile.save(key_path)
        return open_engine(path, data_key)
    except VaultError as error:
        reason = "passphrase" if isinstance(error, WrongPassphrase) else "damaged"
        raise StoreError(f"cannot open the store {path}: {error.message.english()}", reason) from None


def _config():
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def _upgrade(engine: Engine) -> None:
    from alembic import command

    with engine.connect() as conn:
        if inspect(conn).has_table("alembic_version"):
            revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            if revision not in REVISIONS:
                raise StoreError("the store was written by a newer Askel: update Askel before using it", "newer")
            if revision == REVISIONS[-1]:
                return
    config = _config()
    options = {"immediate": True} if engine.dialect.name == "sqlite" else {}
    with engine.connect().execution_options(**options) as conn, conn.begin():
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
