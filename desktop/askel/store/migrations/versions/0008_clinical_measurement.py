"""Clinical measurement: each administration keeps what its score said (prorated, the questions not answered, the
reference group's limit or the limits it reaches, whose wording the questions were in); a client may have a sex for
reference values (recorded by the clinician, never derived); a course may have a recorded therapy-guarantee
exception with its reason.

Rows written before this revision: `prorated` and `missing_items` are filled in from the stored answers (an answer
is stored only when given; the shipped instruments' questions are q1..qN), the wording of PHQ-9, GAD-7, OASIS and
AUDIT-C as Askel's own (the only wording those versions shipped with; packs then supplied wording for licensed
instruments only), and the wording of others as not recorded.

Revision ID: 0008
Revises: 0007
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

# Question counts of the instruments shipped before this revision (all numbered q1..qN).
ITEM_COUNTS = {"phq9": 9, "gad7": 7, "oasis": 5, "auditc": 3, "audit": 10, "core10": 10, "bdi21": 21,
               "rcads25": 25, "sdq": 25}
OWN_WORDING = ("phq9", "gad7", "oasis", "auditc")


def upgrade() -> None:
    # Plain ADD COLUMN (SQLite has it): a batch copy of the client table would drop its expression index.
    op.add_column("administration", sa.Column("prorated", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.add_column("administration", sa.Column("missing_items", sa.JSON(), nullable=False, server_default="[]"))
    op.add_column("administration", sa.Column("band_set", sa.String(length=32), nullable=True))
    op.add_column("administration", sa.Column("limits", sa.JSON(), nullable=False, server_default="[]"))
    op.add_column("administration", sa.Column("wording", sa.JSON(), nullable=True))
    op.add_column("client", sa.Column("reference_sex", sa.String(length=8), nullable=True))
    op.add_column("course", sa.Column("guarantee_exception", sa.String(length=16), nullable=True))
    op.add_column("course", sa.Column("guarantee_exception_note", sa.Text(), nullable=True))

    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, instrument_id, answers, total FROM administration")).all()
    for row_id, instrument_id, answers, total in rows:
        count = ITEM_COUNTS.get(instrument_id)
        given = json.loads(answers) if isinstance(answers, str) else (answers or {})
        missing = [f"q{n}" for n in range(1, count + 1) if given.get(f"q{n}") is None] if count else []
        wording = json.dumps({"origin": "askel", "source": None}) if instrument_id in OWN_WORDING else None
        conn.execute(
            sa.text("UPDATE administration SET prorated = :prorated, missing_items = :missing, wording = :wording "
                    "WHERE id = :id"),
            {"prorated": bool(missing) and total is not None, "missing": json.dumps(missing), "wording": wording,
             "id": row_id},
        )


def downgrade() -> None:
    for table, column in (("course", "guarantee_exception_note"), ("course", "guarantee_exception"),
                          ("client", "reference_sex"), ("administration", "wording"), ("administration", "limits"),
                          ("administration", "band_set"), ("administration", "missing_items"),
                          ("administration", "prorated")):
        op.drop_column(table, column)
