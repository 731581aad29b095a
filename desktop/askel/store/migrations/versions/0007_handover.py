"""Handing a client over to another Askel: the handovers this vault gave or received, and the courses it handed
over and keeps read-only (see askel.export.handover). Two new tables; nothing existing changes.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "handover",
        sa.Column("id", sa.String(length=36), primary_key=True),
        sa.Column("direction", sa.String(length=8), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("client_id", sa.String(length=36), nullable=False),
        sa.Column("course_ids", sa.JSON(), nullable=False),
        sa.Column("counterpart_name", sa.String(length=100), nullable=False),
        sa.Column("counterpart_installation", sa.String(length=36), nullable=True),
        sa.Column("counterpart_key", sa.String(length=64), nullable=True),
        sa.Column("mode", sa.String(length=8), nullable=False),
        sa.Column("secret", sa.LargeBinary(length=32), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("done_at", sa.DateTime(), nullable=True),
    )
    op.create_index("ix_handover_client_id", "handover", ["client_id"])
    op.create_table(
        "handed_over_course",
        sa.Column("course_id", sa.String(length=36), sa.ForeignKey("course.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("handover_id", sa.String(length=36), sa.ForeignKey("handover.id"), nullable=False),
    )
    op.create_index("ix_handed_over_course_handover_id", "handed_over_course", ["handover_id"])


def downgrade() -> None:
    op.drop_table("handed_over_course")
    op.drop_table("handover")
