"""Schema migrations, run in code at unlock: refuse a newer database, back up, then upgrade in one transaction.

Alembic is imported only when a migration runs: checking the revision at every unlock needs no more than the
list below, and importing Alembic cost a sixth of a second of every start-up.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, inspect, text

from askel.store.errors import DatabaseTooNew

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
# Every revision in migrations/versions, oldest first (a test checks this against Alembic's own list).
REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009", "0010", "0011", "0012")


def _config():
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    return REVISIONS[-1]


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def check_not_newer(engine: Engine) -> str | None:
    """The database's revision, or DatabaseTooNew when this app does not know it (written by a newer Askel)."""
    revision = current_revision(engine)
    if revision is not None and revision not in REVISIONS:
        raise DatabaseTooNew()
    return revision


def upgrade(engine: Engine) -> None:
    """Bring the schema to head inside BEGIN IMMEDIATE: all of it lands, or none of it."""
    from alembic import command

    config = _config()
    with engine.connect().execution_options(immediate=True) as conn, conn.begin():
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
