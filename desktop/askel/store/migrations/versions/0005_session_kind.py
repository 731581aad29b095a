"""Each session row says what kind of meeting it was: a session of the method, or another contact (a phone call, a
message, a meeting with a guardian, a consultation, a parents' meeting). See askel.core.contacts. Rows written before
this revision were all counted as sessions of the method, and stay so.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("session", schema=None) as batch_op:
        batch_op.add_column(sa.Column("kind", sa.String(length=24), nullable=False, server_default="method"))


def downgrade() -> None:
    with op.batch_alter_table("session", schema=None) as batch_op:
        batch_op.drop_column("kind")
