"""The coordinator's X25519 key pair: data sets are encrypted to its public key (policy `region_recipient_key`).

The private key is written as PKCS#8 PEM encrypted with the passphrase (the `cryptography` library's best available
scheme); the public key, base64, goes into `KEY.pub` for IT to put into the policy.
"""

from __future__ import annotations

import base64

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey


class KeyError_(ValueError):
    """The key file cannot be used: the message is one line."""


def generate(passphrase: str) -> tuple[bytes, str]:
    """(the private key as passphrase-protected PEM, the public key in base64)."""
    if not passphrase:
        raise KeyError_("the private key needs a passphrase")
    private_key = X25519PrivateKey.generate()
    pem = private_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                    serialization.BestAvailableEncryption(passphrase.encode("utf-8")))
    return pem, base64.b64encode(private_key.public_key().public_bytes_raw()).decode("ascii")


def load(pem: bytes, passphrase: str) -> X25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(pem, password=passphrase.encode("utf-8") if passphrase else None)
    except (ValueError, TypeError):
        raise KeyError_("the key file cannot be opened: wrong passphrase, or not a coordinator key") from None
    if not isinstance(key, X25519PrivateKey):
        raise KeyError_("the key file holds no X25519 private key")
    return key
