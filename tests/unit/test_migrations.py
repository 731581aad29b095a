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


def test_scores_stored_before_0008_keep_prorated_missing_questions_and_wording(vault, data_dir):
    from sqlalchemy import text

    from askel.store.courses import load_course, start_course

    client = add_client(vault, ClientData("Aino", "Laaksonen", date(2010, 4, 14), None))
    course = start_course(vault, client.id, "ipc_adolescents", "1")
    downgrade_to(vault, "0007")
    # Two rows as version 0007 wrote them: answers hold only the questions answered.
    with vault.engine.begin() as conn:
        for row_id, instrument, answers, total in (
            ("a1", "phq9", '{"q1": 1, "q2": 1, "q3": 1, "q4": 1, "q5": 1, "q6": 1, "q7": 1, "q8": 1}', 9.0),
            ("a2", "bdi21", '{"q1": 1}', None),
        ):
            conn.execute(text(
                "INSERT INTO administration (id, course_id, instrument_id, instrument_version, respondent, "
                "self_completed, language, answers, total, subscales, alerts, administered_at) VALUES "
                "(:id, :course, :instrument, '1', 'client', 0, 'fi', :answers, :total, '{}', '[]', "
                "'2026-03-01 10:00:00')"), {"id": row_id, "course": course.id, "instrument": instrument,
                                            "answers": answers, "total": total})
    vault.close()

    reopened = Vault.unlock(data_dir, PASSPHRASE)
    rows = {a.id: a for a in load_course(reopened, course.id).administrations}
    assert (rows["a1"].prorated, rows["a1"].missing_items) == (True, ["q9"])
    assert rows["a1"].wording == {"origin": "askel", "source": None}
    assert rows["a2"].prorated is False and len(rows["a2"].missing_items) == 20 and rows["a2"].wording is None
    reopened.close()
