"""The installation's own identity: a stable id, an Ed25519 signing key (signs encrypted exports, regional data sets
and handover files, so that a receiver can tell which Askel made them) and a secret for keyed pseudonyms. Kept inside
the encrypted database, created once with the vault (or here, for a vault made before this revision).

Revision ID: 0004
Revises: 0003
"""

import os
import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    table = op.create_table(
        "installation",
        sa.Column("id", sa.String(length=36), primary_key=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("signing_key", sa.LargeBinary(length=32), nullable=False),
        sa.Column("pseudonym_secret", sa.LargeBinary(length=32), nullable=False),
    )
    signing_key = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption())
    op.bulk_insert(table, [{
        "id": str(uuid.uuid4()), "created_at": datetime.now(UTC).replace(tzinfo=None),
        "signing_key": signing_key, "pseudonym_secret": os.urandom(32),
    }])


def downgrade() -> None:
    op.drop_table("installation")
