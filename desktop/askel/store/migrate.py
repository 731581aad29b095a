"""Schema migrations, run in code at unlock: refuse a newer database, back up, then upgrade in one transaction."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from askel.store.errors import DatabaseTooNew

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    return ScriptDirectory.from_config(_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def check_not_newer(engine: Engine) -> str | None:
    """The database's revision, or DatabaseTooNew when this app does not know it (written by a newer Askel)."""
    revision = current_revision(engine)
    known = {script.revision for script in ScriptDirectory.from_config(_config()).walk_revisions()}
    if revision is not None and revision not in known:
        raise DatabaseTooNew()
    return revision


def upgrade(engine: Engine) -> None:
    """Bring the schema to head inside BEGIN IMMEDIATE: all of it lands, or none of it."""
    config = _config()
    with engine.connect().execution_options(immediate=True) as conn, conn.begin():
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
