"""Groups in the pooled data (askel.core.groups): each course record's delivery format (individual, or a group's
format; records imported before say nothing and count as individual), and per group and month the group sessions
and parents' meetings held, counted once for the group (the members' attendance is in their own session months).

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("course_record", sa.Column("delivery_format", sa.String(16), nullable=True))
    op.create_table("group_month", sa.Column("installation_id", sa.String(36), primary_key=True),
                    sa.Column("group_key", sa.String(32), primary_key=True),
                    sa.Column("month", sa.String(7), primary_key=True),
                    sa.Column("unit_code", sa.String(40), nullable=False),
                    sa.Column("method", sa.String(64), nullable=False),
                    sa.Column("format", sa.String(16), nullable=False),
                    sa.Column("held", sa.Integer, nullable=False),
                    sa.Column("parent_meetings", sa.Integer, nullable=False))


def downgrade() -> None:
    op.drop_table("group_month")
    with op.batch_alter_table("course_record") as batch_op:
        batch_op.drop_column("delivery_format")
