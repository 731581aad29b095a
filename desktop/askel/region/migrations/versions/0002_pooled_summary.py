"""The pooled summary: the report's counts by month, rebuilt from the course records after imports. The month
indexes of the records go: reports read the summary, and every index slows each import down.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table, column in (("course_record", "start_month"), ("course_record", "end_month"),
                          ("course_record", "first_treatment_month"), ("session_month", "month")):
        op.drop_index(f"ix_{table}_{column}", table_name=table)
    op.create_table("summary_state", sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
                    sa.Column("stale", sa.Boolean, nullable=False))
    # A store with records from before is counted in full by its next report; a new one starts at nothing.
    has_records = op.get_bind().execute(sa.text("SELECT 1 FROM course_record LIMIT 1")).first() is not None
    op.bulk_insert(sa.table("summary_state", sa.column("id", sa.Integer), sa.column("stale", sa.Boolean)),
                   [{"id": 1, "stale": has_records}])
    op.create_table("sum_started", sa.Column("unit_code", sa.String(40), primary_key=True),
                    sa.Column("method", sa.String(64), primary_key=True),
                    sa.Column("month", sa.String(7), primary_key=True, index=True),
                    sa.Column("n", sa.Integer, nullable=False))
    op.create_table("sum_ended", sa.Column("unit_code", sa.String(40), primary_key=True),
                    sa.Column("method", sa.String(64), primary_key=True),
                    sa.Column("month", sa.String(7), primary_key=True, index=True),
                    sa.Column("status", sa.String(16), primary_key=True),
                    sa.Column("n", sa.Integer, nullable=False))
    op.create_table("sum_result", sa.Column("method", sa.String(64), primary_key=True),
                    sa.Column("month", sa.String(7), primary_key=True, index=True),
                    sa.Column("field", sa.String(16), primary_key=True),
                    sa.Column("value", sa.String(32), primary_key=True),
                    sa.Column("n", sa.Integer, nullable=False))
    op.create_table("sum_first", sa.Column("method", sa.String(64), primary_key=True),
                    sa.Column("month", sa.String(7), primary_key=True, index=True),
                    sa.Column("under_23", sa.Boolean, primary_key=True),
                    sa.Column("days", sa.Integer, primary_key=True),
                    sa.Column("n", sa.Integer, nullable=False))
    op.create_table("sum_sessions", sa.Column("unit_code", sa.String(40), primary_key=True),
                    sa.Column("method", sa.String(64), primary_key=True),
                    sa.Column("month", sa.String(7), primary_key=True, index=True),
                    sa.Column("attended", sa.Integer, nullable=False),
                    sa.Column("cancelled", sa.Integer, nullable=False),
                    sa.Column("no_show", sa.Integer, nullable=False))


def downgrade() -> None:
    for table in ("sum_sessions", "sum_first", "sum_result", "sum_ended", "sum_started", "summary_state"):
        op.drop_table(table)
    for table, column in (("course_record", "start_month"), ("course_record", "end_month"),
                          ("course_record", "first_treatment_month"), ("session_month", "month")):
        op.create_index(f"ix_{table}_{column}", table, [column])
