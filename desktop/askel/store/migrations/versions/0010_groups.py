"""Groups: a group of one method with its format, leaders and planned meetings (therapy_group, group_meeting); a
course's delivery format and, for a member, the group, the day they joined it and why a late joiner joined late;
a session row's group meeting (the member's part of it). Existing courses are individual; nothing else changes.

The upgrade adds the columns in place. The downgrade (for tests) must recreate course and session, and SQLite then
deletes the rows that cascade from them: a vault is never downgraded with data in it.

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
    # Plain ALTER TABLE ADD COLUMN (a column with a REFERENCES clause and a NULL default is allowed): a batch
    # "move and copy" would drop and recreate course and session, and with foreign keys on, dropping a table deletes
    # the rows that cascade from it (every session and questionnaire of every course).
    op.add_column("course", sa.Column("delivery_format", sa.String(length=16), nullable=False,
                                      server_default="individual"))
    op.execute("ALTER TABLE course ADD COLUMN group_id VARCHAR(36) REFERENCES therapy_group (id) ON DELETE SET NULL")
    op.add_column("course", sa.Column("group_joined", sa.Date(), nullable=True))
    op.add_column("course", sa.Column("group_join_reason", sa.Text(), nullable=True))
    op.create_index("ix_course_group_id", "course", ["group_id"])
    op.execute("ALTER TABLE session ADD COLUMN group_meeting_id VARCHAR(36) REFERENCES group_meeting (id) "
               "ON DELETE SET NULL")
    op.create_index("ix_session_group_meeting_id", "session", ["group_meeting_id"])


def downgrade() -> None:
    op.drop_index("ix_session_group_meeting_id", "session")
    op.drop_index("ix_course_group_id", "course")
    with op.batch_alter_table("session", schema=None) as batch_op:
        batch_op.drop_column("group_meeting_id")
    with op.batch_alter_table("course", schema=None) as batch_op:
        batch_op.drop_column("group_join_reason")
        batch_op.drop_column("group_joined")
        batch_op.drop_column("group_id")
        batch_op.drop_column("delivery_format")
    op.drop_index("ix_group_meeting_group_id", "group_meeting")
    op.drop_table("group_meeting")
    op.drop_table("therapy_group")
