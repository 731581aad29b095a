"""Indexes for the queries that run on every keystroke and at every start-up, measured at 100 000 clients
(`make bench`): name order, day-and-month birth date search, unclosed sessions, open courses and attended sessions per course.

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
    # Name search reads these two alone (see store.clients._name_matches); they replace the one-column indexes.
    op.drop_index("ix_client_family_key", table_name="client")
    op.drop_index("ix_client_given_key", table_name="client")
    op.create_index("ix_client_family_given", "client", ["family_key", "given_key"])
    op.create_index("ix_client_given_family", "client", ["given_key", "family_key"])
    # "5.3." typed without a year compares the ISO text's month and day (the query must use this exact expression).
    op.create_index("ix_client_birth_month_day", "client", [sa.text("substr(birth_date, 6)")])
    # Unclosed sessions are offered back after a crash at each start: a handful among hundreds of thousands.
    op.create_index("ix_session_open", "session", ["starts_at"], sqlite_where=sa.text("closed IS 0"))
    # The guarantee list asks per course whether any session was attended.
    op.create_index("ix_session_course_attendance", "session", ["course_id", "attendance"])
    # ... among the planned and active courses, a small share of all the courses ever kept.
    op.create_index("ix_course_status", "course", ["status"])


def downgrade() -> None:
    for name, table in (("ix_course_status", "course"), ("ix_session_course_attendance", "session"), ("ix_session_open", "session"),
                        ("ix_client_birth_month_day", "client"), ("ix_client_family_given", "client"),
                        ("ix_client_given_family", "client")):
        op.drop_index(name, table_name=table)
    op.create_index("ix_client_given_key", "client", ["given_key"])
    op.create_index("ix_client_family_key", "client", ["family_key"])
