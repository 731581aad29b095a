"""The use log and the export log cannot be rewritten through SQL, and the database knows its key file's generation.

- `audit_event`: besides refusing UPDATE and DELETE, an INSERT must append: its sequence number follows the last one
  and its `prev_hash` is the last row's hash. `INSERT OR REPLACE` of an old row (which deletes the old row without
  firing a delete trigger) is refused before it happens.
- `export_record` (the disclosure log): no UPDATE, no DELETE, no INSERT over an existing row.
- `key_state`: one row with the generation of the key file that last opened this database. A key file older than
  it (an old copy put back, with a passphrase that has since been changed) is refused at unlock.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "CREATE TRIGGER audit_event_append_only BEFORE INSERT ON audit_event "
        "WHEN NEW.seq IS NULL OR NEW.seq != COALESCE((SELECT MAX(seq) FROM audit_event), 0) + 1 "
        "OR NEW.prev_hash IS NOT COALESCE((SELECT hash FROM audit_event ORDER BY seq DESC LIMIT 1), "
        "printf('%064d', 0)) "
        "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END"
    )
    op.execute(
        "CREATE TRIGGER export_record_no_update BEFORE UPDATE ON export_record "
        "BEGIN SELECT RAISE(ABORT, 'export log is append-only'); END"
    )
    op.execute(
        "CREATE TRIGGER export_record_no_delete BEFORE DELETE ON export_record "
        "BEGIN SELECT RAISE(ABORT, 'export log is append-only'); END"
    )
    op.execute(
        "CREATE TRIGGER export_record_no_replace BEFORE INSERT ON export_record "
        "WHEN EXISTS (SELECT 1 FROM export_record WHERE id = NEW.id) "
        "BEGIN SELECT RAISE(ABORT, 'export log is append-only'); END"
    )
    table = op.create_table(
        "key_state",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("generation", sa.Integer(), nullable=False),
    )
    op.bulk_insert(table, [{"id": 1, "generation": 0}])


def downgrade() -> None:
    op.drop_table("key_state")
    for name in ("audit_event_append_only", "export_record_no_update", "export_record_no_delete",
                 "export_record_no_replace"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
