"""Risk alerts not yet acknowledged are found at every unlock (an alert interrupted by the lock, or by a crash, is
raised again): a partial index holds just those few rows, so the start-up query never reads every questionnaire.

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

PENDING = "alert_acknowledged_at IS NULL AND alerts != '[]'"


def upgrade() -> None:
    op.create_index("ix_administration_alert_pending", "administration", ["administered_at"],
                    sqlite_where=sa.text(PENDING))


def downgrade() -> None:
    op.drop_index("ix_administration_alert_pending", table_name="administration")
