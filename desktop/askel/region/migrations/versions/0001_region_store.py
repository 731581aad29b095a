"""The region store: installations (pinned signing keys), key changes, imports (with use-log anchors), course
records and their sessions by month.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "installation",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("unit_code", sa.String(40), nullable=False),
        sa.Column("public_key", sa.String(64), nullable=False),
        sa.Column("first_import_at", sa.DateTime, nullable=False),
        sa.Column("last_import_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "key_change",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("installation_id", sa.String(36), nullable=False, index=True),
        sa.Column("old_key", sa.String(64), nullable=False),
        sa.Column("new_key", sa.String(64), nullable=False),
        sa.Column("accepted_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "import_batch",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("installation_id", sa.String(36), nullable=False, index=True),
        sa.Column("period_from", sa.String(7), nullable=False),
        sa.Column("period_to", sa.String(7), nullable=False),
        sa.Column("imported_at", sa.DateTime, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("record_count", sa.Integer, nullable=False),
        sa.Column("software_version", sa.String(40), nullable=False),
        sa.Column("content_versions", sa.Text, nullable=False),
        sa.Column("outcome_preset", sa.String(32), nullable=False),
        sa.Column("log_seq", sa.Integer, nullable=False),
        sa.Column("log_hash", sa.String(64), nullable=False),
    )
    op.create_table(
        "course_record",
        sa.Column("installation_id", sa.String(36), primary_key=True),
        sa.Column("course", sa.String(32), primary_key=True),
        sa.Column("batch_id", sa.Integer, nullable=False, index=True),
        sa.Column("unit_code", sa.String(40), nullable=False),
        sa.Column("method", sa.String(64), nullable=False),
        sa.Column("protocol_version", sa.String(32), nullable=False),
        sa.Column("care_step", sa.Integer),
        sa.Column("referral", sa.String(32)),
        sa.Column("age_band", sa.String(8), nullable=False),
        sa.Column("under_23", sa.Boolean, nullable=False),
        sa.Column("language", sa.String(2), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("start_month", sa.String(7), nullable=False, index=True),
        sa.Column("end_month", sa.String(7), index=True),
        sa.Column("first_treatment_month", sa.String(7), index=True),
        sa.Column("planned", sa.Integer),
        sa.Column("attended", sa.Integer, nullable=False),
        sa.Column("cancelled", sa.Integer, nullable=False),
        sa.Column("no_show", sa.Integer, nullable=False),
        sa.Column("days_to_first", sa.Integer),
        sa.Column("guarantee", sa.String(16)),
        sa.Column("guarantee_exception", sa.String(32)),
        sa.Column("outcome", sa.String(32)),
        sa.Column("next_step", sa.String(32)),
        sa.Column("usefulness", sa.Integer),
        sa.Column("fidelity", sa.Float),
        sa.Column("family_done", sa.Boolean),
        sa.Column("scores", sa.Text, nullable=False),
    )
    op.create_table(
        "session_month",
        sa.Column("installation_id", sa.String(36), primary_key=True),
        sa.Column("course", sa.String(32), primary_key=True),
        sa.Column("month", sa.String(7), primary_key=True),
        sa.Column("unit_code", sa.String(40), nullable=False),
        sa.Column("method", sa.String(64), nullable=False),
        sa.Column("attended", sa.Integer, nullable=False),
        sa.Column("cancelled", sa.Integer, nullable=False),
        sa.Column("no_show", sa.Integer, nullable=False),
    )
    op.create_index("ix_session_month_month", "session_month", ["month"])


def downgrade() -> None:
    for table in ("session_month", "course_record", "import_batch", "key_change", "installation"):
        op.drop_table(table)
