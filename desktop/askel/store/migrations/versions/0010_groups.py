"""Groups: a group of one method with its format, leaders and planned meetings (therapy_group, group_meeting); a
course's delivery format and, for a member, the group, the day they joined it and why a late joiner joined late;
a session row's group meeting (the member's part of it). Existing courses are individual; nothing else changes.

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "therapy_group",
        sa.Column("id", sa.String(length=36), primary_key=True),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("method_id", sa.String(length=64), nullable=False),
        sa.Column("protocol_version", sa.String(length=32), nullable=False),
        sa.Column("format", sa.String(length=16), nullable=False),
        sa.Column("leaders", sa.JSON(), nullable=False),
        sa.Column("planned_sessions", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "group_meeting",
        sa.Column("id", sa.String(length=36), primary_key=True),
        sa.Column("group_id", sa.String(length=36), sa.ForeignKey("therapy_group.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("planned_date", sa.Date(), nullable=True),
        sa.Column("starts_at", sa.DateTime(), nullable=True),
        sa.Column("duration_minutes", sa.Integer(), nullable=True),
        sa.Column("mode", sa.String(length=16), nullable=False),
        sa.Column("agenda", sa.JSON(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("homework", sa.Text(), nullable=False),
        sa.Column("closed", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_group_meeting_group_id", "group_meeting", ["group_id"])
    with op.batch_alter_table("course", schema=None) as batch_op:
        batch_op.add_column(sa.Column("delivery_format", sa.String(length=16), nullable=False,
                                      server_default="individual"))
        batch_op.add_column(sa.Column("group_id", sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column("group_joined", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("group_join_reason", sa.Text(), nullable=True))
        batch_op.create_foreign_key("fk_course_group_id", "therapy_group", ["group_id"], ["id"], ondelete="SET NULL")
        batch_op.create_index("ix_course_group_id", ["group_id"])
    with op.batch_alter_table("session", schema=None) as batch_op:
        batch_op.add_column(sa.Column("group_meeting_id", sa.String(length=36), nullable=True))
        batch_op.create_foreign_key("fk_session_group_meeting_id", "group_meeting", ["group_meeting_id"], ["id"],
                                    ondelete="SET NULL")
        batch_op.create_index("ix_session_group_meeting_id", ["group_meeting_id"])


def downgrade() -> None:
    with op.batch_alter_table("session", schema=None) as batch_op:
        batch_op.drop_index("ix_session_group_meeting_id")
        batch_op.drop_constraint("fk_session_group_meeting_id", type_="foreignkey")
        batch_op.drop_column("group_meeting_id")
    with op.batch_alter_table("course", schema=None) as batch_op:
        batch_op.drop_index("ix_course_group_id")
        batch_op.drop_constraint("fk_course_group_id", type_="foreignkey")
        batch_op.drop_column("group_join_reason")
        batch_op.drop_column("group_joined")
        batch_op.drop_column("group_id")
        batch_op.drop_column("delivery_format")
    op.drop_index("ix_group_meeting_group_id", "group_meeting")
    op.drop_table("group_meeting")
    op.drop_table("therapy_group")
