"""The visit as it is lived: a session's planned length and the next appointment agreed at its close; for a minor's
risk answer, whether a guardian was informed (with a note and when it was recorded). Every new column is empty for
existing rows: nothing is guessed for sessions and answers recorded before.

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("session", schema=None) as batch_op:
        batch_op.add_column(sa.Column("planned_minutes", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("next_appointment", sa.DateTime(), nullable=True))
    with op.batch_alter_table("administration", schema=None) as batch_op:
        batch_op.add_column(sa.Column("guardian_informed", sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column("guardian_note", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("guardian_recorded_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("administration", schema=None) as batch_op:
        batch_op.drop_column("guardian_recorded_at")
        batch_op.drop_column("guardian_note")
        batch_op.drop_column("guardian_informed")
    with op.batch_alter_table("session", schema=None) as batch_op:
        batch_op.drop_column("next_appointment")
        batch_op.drop_column("planned_minutes")
