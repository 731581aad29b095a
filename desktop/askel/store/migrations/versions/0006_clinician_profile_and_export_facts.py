"""The clinician's professional title and Terhikki registration number (for the record PDF and the FHIR
Practitioner), and what each export for the record said (`export_record.facts`: digests of its need and plan facts
and, for a FHIR document, its identity), so that a visit entry carries only what is new and a changed document
replaces the one sent before. Existing rows get empty values: a profile without a title or number, exports that
said nothing comparable (the next visit entry repeats the need and the plan once).

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("clinician", schema=None) as batch_op:
        batch_op.add_column(sa.Column("title", sa.String(length=100), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("terhikki", sa.String(length=11), nullable=False, server_default=""))
    with op.batch_alter_table("export_record", schema=None) as batch_op:
        batch_op.add_column(sa.Column("facts", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("export_record", schema=None) as batch_op:
        batch_op.drop_column("facts")
    with op.batch_alter_table("clinician", schema=None) as batch_op:
        batch_op.drop_column("terhikki")
        batch_op.drop_column("title")
