"""Who made a file: this installation's id and its Ed25519 signing key, and keyed pseudonyms that stay stable.

The row is created by migration 0004 with the vault and never changes, so everything this installation signs (an
encrypted export, a regional data set, a handover file) verifies against one public key, and a course pseudonym is
the same in every data set while nobody without the vault can link it back to the course.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from askel.store.models import Installation


@dataclass(frozen=True)
class InstallationIdentity:
    id: str
    signing_key: Ed25519PrivateKey
    _pseudonym_secret: bytes

    @property
    def public_key(self) -> Ed25519PublicKey:
        return self.signing_key.public_key()

    @property
    def public_key_b64(self) -> str:
        raw = self.public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        return base64.b64encode(raw).decode("ascii")

    def sign(self, data: bytes) -> bytes:
        return self.signing_key.sign(data)

    def pseudonym(self, purpose: str, record_id: str) -> str:
        """A stable keyed pseudonym (HMAC-SHA-256, 128 bits in hex) of a record id, separate per purpose."""
        message = f"{purpose}\x00{record_id}".encode()
        return hmac.new(self._pseudonym_secret, message, hashlib.sha256).hexdigest()[:32]


def identity(session: OrmSession) -> InstallationIdentity:
    row = session.scalars(select(Installation).limit(1)).one()
    return InstallationIdentity(row.id, Ed25519PrivateKey.from_private_bytes(row.signing_key), row.pseudonym_secret)


def public_key_from_b64(text: str) -> Ed25519PublicKey:
    """A signer's public key as written by `InstallationIdentity.public_key_b64`; ValueError when it is not one."""
    try:
        raw = base64.b64decode(text.strip(), validate=True)
    except (ValueError, TypeError) as error:
        raise ValueError("not a base64 public key") from error
    if len(raw) != 32:
        raise ValueError("not an Ed25519 public key")
    return Ed25519PublicKey.from_public_bytes(raw)
