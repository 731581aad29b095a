"""Upgrading an older database: an encrypted backup first, then every migration, data kept."""

from __future__ import annotations

from datetime import date

from alembic import command

from askel.store import migrate
from askel.store.clients import ClientData, add_client, search_clients
from askel.store.db import PLAINTEXT_HEADER
from askel.store.vault import Vault
from tests.conftest import PASSPHRASE


def downgrade_to(vault, revision: str) -> None:
    config = migrate._config()
    with vault.engine.connect() as conn, conn.begin():
        config.attributes["connection"] = conn
        command.downgrade(config, revision)


def test_old_database_is_backed_up_then_upgraded(vault, data_dir):
    client = add_client(vault, ClientData("Aino", "Laaksonen", date(2010, 4, 14), None))
    downgrade_to(vault, "0001")
    assert migrate.current_revision(vault.engine) == "0001"
    vault.close()

    reopened = Vault.unlock(data_dir, PASSPHRASE)
    assert migrate.current_revision(reopened.engine) == migrate.head_revision()
    assert [c.id for c in search_clients(reopened, "laak")] == [client.id]
    backups = list((data_dir / "backups").glob("before-migration-*.db"))
    assert len(backups) == 1 and not backups[0].read_bytes().startswith(PLAINTEXT_HEADER)
    reopened.close()


def test_every_migration_goes_down_and_up_again(vault):
    downgrade_to(vault, "base")
    migrate.upgrade(vault.engine)
    assert migrate.current_revision(vault.engine) == migrate.head_revision()


def test_the_revision_list_checked_at_unlock_is_alembics_own():
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(migrate._config())
    assert migrate.REVISIONS == tuple(reversed([script.revision for script in scripts.walk_revisions()]))
    assert migrate.head_revision() == scripts.get_current_head()


def test_an_empty_database_has_no_revision(vault):
    with vault.engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE alembic_version")
    assert migrate.current_revision(vault.engine) is None
