"""Encrypting an export to a recipient's public key (IT policy `export_recipient_key`), and decrypting it.

Scheme: X25519 ECDH between a fresh ephemeral key and the recipient's static key, HKDF-SHA256 to a 256-bit key,
AES-256-GCM. Only the holder of the recipient's private key can read the file; the sender keeps no secret.

Envelope (version 1), all in one file:

    ASKEL-EXPORT-1\\n                       magic line (ASCII)
    {"alg": ..., "epk": ..., ...}\\n        header: one line of JSON (UTF-8, no client data)
    <ciphertext with the 16-byte GCM tag>    the rest of the file

Header fields: `alg` "X25519-HKDF-SHA256-A256GCM"; `epk` the ephemeral public key (base64, 32 bytes); `rcpt` the
first 16 hex digits of SHA-256 of the recipient public key (which key to use; a wrong key is named as such);
`nonce` (base64, 12 bytes); `type` the media type of the plaintext; `name` the suggested plaintext file name.
The AES key is HKDF(shared secret, salt = epk || recipient public key, info = "askel export v1"); the magic line and
the header line, exactly as written, are the GCM associated data, so a changed header fails decryption too.

Signed envelope (version 2, every export Askel writes): magic line `ASKEL-EXPORT-2`, the header also names the
sender (`signer`, the installation's Ed25519 public key in base64, and `installation`, its id), and the file ends
with a 64-byte Ed25519 signature over everything before it. Anyone can encrypt to the recipient's public key; only
the installation holds its signing key (askel.store.installation), so `decrypt` refuses a signature that does not
verify, and the receiving side can require a known signer (`askel export-decrypt --signer KEY`).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

MAGIC = b"ASKEL-EXPORT-1\n"
MAGIC_SIGNED = b"ASKEL-EXPORT-2\n"
SIGNATURE_BYTES = 64
ALGORITHM = "X25519-HKDF-SHA256-A256GCM"
HKDF_INFO = b"askel export v1"
SUFFIX = ".askelenc"


class DecryptError(ValueError):
    """The file cannot be decrypted: not an Askel export, made for another key, or changed since it was written."""


@dataclass(frozen=True)
class Decrypted:
    data: bytes
    media_type: str
    name: str
    signer: str = ""  # the sender installation's Ed25519 public key (base64); empty for an unsigned envelope
    installation: str = ""  # the sender installation's id, as it named itself


def signer_fingerprint(public_key_b64: str) -> str:
    """16 hex digits that name a signing key (the same form as `key_fingerprint`)."""
    return hashlib.sha256(base64.b64decode(public_key_b64)).hexdigest()[:16]


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def public_key_from_base64(text: str) -> X25519PublicKey:
    try:
        raw = base64.b64decode(text.strip(), validate=True)
        return X25519PublicKey.from_public_bytes(raw)
    except ValueError as error:
        raise ValueError("not a base64-encoded X25519 public key") from error


def key_fingerprint(public_key: X25519PublicKey | str) -> str:
    """16 hex digits that name a recipient key in headers and in the export log."""
    if isinstance(public_key, str):
        public_key = public_key_from_base64(public_key)
    return hashlib.sha256(public_key.public_bytes_raw()).hexdigest()[:16]


def _derive(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=ephemeral + recipient, info=HKDF_INFO).derive(shared)


def encrypt(data: bytes, recipient_public_key: str | X25519PublicKey, *, media_type: str = "application/octet-stream",
            name: str = "", signer=None) -> bytes:
    """The envelope of `data` for the recipient; signed (version 2) when `signer` (an installation identity with
    `sign`, `public_key_b64` and `id`) is given."""
    recipient = (public_key_from_base64(recipient_public_key) if isinstance(recipient_public_key, str)
                 else recipient_public_key)
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes_raw()
    recipient_raw = recipient.public_bytes_raw()
    key = _derive(ephemeral.exchange(recipient), ephemeral_public, recipient_raw)
    nonce = os.urandom(12)
    header = {"alg": ALGORITHM, "epk": _b64(ephemeral_public), "rcpt": key_fingerprint(recipient),
              "nonce": _b64(nonce), "type": media_type, "name": name}
    magic = MAGIC
    if signer is not None:
        magic = MAGIC_SIGNED
        header.update(signer=signer.public_key_b64, installation=str(signer.id))
    header_line = json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8") + b"\n"
    body = magic + header_line + AESGCM(key).encrypt(nonce, data, magic + header_line)
    return body + signer.sign(body) if signer is not None else body


def is_encrypted(data: bytes) -> bool:
    return data.startswith((MAGIC, MAGIC_SIGNED))


def decrypt(envelope: bytes, private_key: X25519PrivateKey) -> Decrypted:
    """The plaintext of an envelope, or DecryptError. A signed envelope's signature must verify (its signer is in
    the result, for the caller to compare with the installations it trusts)."""
    signature = b""
    if envelope.startswith(MAGIC_SIGNED):
        magic = MAGIC_SIGNED
        envelope, signature = envelope[:-SIGNATURE_BYTES], envelope[-SIGNATURE_BYTES:]
    elif envelope.startswith(MAGIC):
        magic = MAGIC
    else:
        raise DecryptError("not an encrypted Askel export")
    header_end = envelope.find(b"\n", len(magic))
    if header_end < 0:
        raise DecryptError("the file is damaged (no header)")
    header_line = envelope[len(magic):header_end + 1]
    try:
        header = json.loads(header_line)
        if header.get("alg") != ALGORITHM:
            raise DecryptError("unknown encryption algorithm")
        ephemeral_raw = base64.b64decode(header["epk"], validate=True)
        nonce = base64.b64decode(header["nonce"], validate=True)
        ephemeral = X25519PublicKey.from_public_bytes(ephemeral_raw)
        signer = str(header["signer"]) if signature else ""
        signer_key = Ed25519PublicKey.from_public_bytes(base64.b64decode(signer, validate=True)) if signer else None
    except DecryptError:
        raise
    except (ValueError, KeyError, TypeError) as error:
        raise DecryptError("the file is damaged (bad header)") from error
    if signer_key is not None:
        try:
            signer_key.verify(signature, envelope)
        except InvalidSignature:
            raise DecryptError("the signature does not verify: the file was not made by the Askel installation it "
                               "names, or it was changed") from None
    own_public = private_key.public_key()
    if header.get("rcpt") != key_fingerprint(own_public):
        raise DecryptError("the file was encrypted for another key")
    key = _derive(private_key.exchange(ephemeral), ephemeral_raw, own_public.public_bytes_raw())
    try:
        data = AESGCM(key).decrypt(nonce, envelope[header_end + 1:], magic + header_line)
    except InvalidTag:
        raise DecryptError("the file was changed after it was encrypted, or the key is wrong") from None
    return Decrypted(data, str(header.get("type", "")), str(header.get("name", "")), signer,
                     str(header.get("installation", "")) if signer else "")


def generate_keypair() -> tuple[bytes, str]:
    """For IT: (private key PEM, public key base64 for the policy setting `export_recipient_key`)."""
    private_key = X25519PrivateKey.generate()
    pem = private_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption())
    return pem, _b64(private_key.public_key().public_bytes_raw())


def load_private_key(pem: bytes) -> X25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(pem, password=None)
    except (ValueError, TypeError) as error:
        raise ValueError("not a PEM private key without a password") from error
    if not isinstance(key, X25519PrivateKey):
        raise ValueError("not an X25519 private key")
    return key
