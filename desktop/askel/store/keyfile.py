"""The key file: the database's random data key, wrapped (AES-256-GCM) under each way of unlocking.

Layout (JSON, written atomically, mode 0600):
    {"format": 2, "vault_id": "...", "kdf": {Argon2id parameters and salt}, "training": false, "generation": 3,
     "wraps": {"passphrase": {...}, "keyring": {...}, "recovery": {...}}, "mac": "..."}
Each wrap is bound to the vault id and its own kind through the AEAD associated data, so a wrap cannot be moved
from one vault or slot to another. Changing the passphrase rewrites one wrap; the database is never re-encrypted.

The header is authenticated: `mac` is an HMAC-SHA-256, under a key derived from the data key, over everything
else in the file (KDF parameters, the training flag, the generation and every wrap). Whoever unwraps the data key
checks it, so a weakened KDF, a flipped training flag, an added or removed wrap is refused, not used. The KDF
parameters are also bounded on both sides before anything is derived (no 1-pass or 4 GiB Argon2id from a file).
`generation` grows with every change of the key file; the database keeps the generation that last opened it
(askel.store.models.KeyState), so an older key file (an old passphrase) put back is refused. A format-1 file (no
mac, no generation) is read once more and rewritten as format 2 at the next unlock.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import stat
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from askel.core.atomic import atomic_write
from askel.store.errors import KeyFileDamaged, KeyFileMissing, RecoveryNotConfigured, WrongPassphrase

FORMAT = 2
LEGACY_FORMAT = 1
KEY_BYTES = 32
MIN_MEMORY_KIB = 64 * 1024
MAX_MEMORY_KIB = 1024 * 1024  # 1 GiB: more would make a planted key file exhaust a laptop's memory
MIN_ITERATIONS, MAX_ITERATIONS = 3, 32  # RFC 9106's floor at 64 MiB; calibrate_iterations stays within these
MIN_LANES, MAX_LANES = 4, 16
SALT_BYTES = 16
NONCE_BYTES = 12  # AES-GCM's standard nonce
MAX_KEY_FILE_BYTES = 64 * 1024


@dataclass(frozen=True)
class KdfParams:
    """Argon2id parameters; stored in the key file so that they can be raised later without breaking old files."""

    salt: bytes
    iterations: int = 4
    lanes: int = 4
    memory_kib: int = MIN_MEMORY_KIB

    def derive(self, passphrase: str) -> bytes:
        kdf = Argon2id(
            salt=self.salt,
            length=KEY_BYTES,
            iterations=self.iterations,
            lanes=self.lanes,
            memory_cost=self.memory_kib,
        )
        return kdf.derive(passphrase.encode("utf-8"))

    def to_json(self) -> dict:
        return {
            "name": "argon2id",
            "salt": _b64(self.salt),
            "iterations": self.iterations,
            "lanes": self.lanes,
            "memory_kib": self.memory_kib,
        }

    @classmethod
    def from_json(cls, data: dict) -> KdfParams:
        if data.get("name") != "argon2id":
            raise KeyFileDamaged()
        try:
            params = cls(
                salt=_unb64(data["salt"]),
                iterations=int(data["iterations"]),
                lanes=int(data["lanes"]),
                memory_kib=int(data["memory_kib"]),
            )
        except OverflowError:  # JSON 1e999 reads as infinity, which int() refuses
            raise KeyFileDamaged() from None
        # A key file edited to weaken the KDF (or to make unlocking exhaust memory) is refused, not accepted.
        if not params.within_bounds():
            raise KeyFileDamaged()
        return params

    def within_bounds(self) -> bool:
        # Read at call time: the test suite lowers MIN_ITERATIONS to keep thousands of unlocks fast.
        return (MIN_MEMORY_KIB <= self.memory_kib <= MAX_MEMORY_KIB
                and MIN_ITERATIONS <= self.iterations <= MAX_ITERATIONS
                and MIN_LANES <= self.lanes <= MAX_LANES and len(self.salt) >= SALT_BYTES)


def calibrate_iterations(target_seconds: float = 0.5, lanes: int = 4) -> int:
    """Argon2id passes that take about `target_seconds` here at 64 MiB (at least 3, the RFC 9106 floor)."""
    probe = KdfParams(salt=os.urandom(16), iterations=1, lanes=lanes)
    started = time.perf_counter()
    probe.derive("calibration")
    one_pass = max(time.perf_counter() - started, 1e-3)
    return max(MIN_ITERATIONS, min(MAX_ITERATIONS, round(target_seconds / one_pass)))


@dataclass
class KeyFile:
    vault_id: str
    kdf: KdfParams
    wraps: dict[str, dict] = field(default_factory=dict)
    # A training vault holds only fictitious clients; the UI marks every screen. Not secret, so kept here where
    # the unlock screen can read it before the database is open (and authenticated, like the rest of the header).
    training: bool = False
    generation: int = 0
    mac: str | None = None  # None only in a format-1 file, until it is rewritten

    # -- creating and unwrapping ------------------------------------------------------------------------------
    @classmethod
    def new(cls, data_key: bytes, passphrase: str, kdf_iterations: int = 4) -> KeyFile:
        kdf = KdfParams(salt=os.urandom(SALT_BYTES), iterations=kdf_iterations)
        if not kdf.within_bounds():
            raise ValueError("Argon2id parameters out of bounds")
        key_file = cls(vault_id=str(uuid.uuid4()), kdf=kdf)
        key_file.set_passphrase(data_key, passphrase)
        return key_file

    def _aad(self, kind: str) -> bytes:
        return f"askel-keyfile/1/{self.vault_id}/{kind}".encode()  # unchanged since format 1: old wraps still open

    # -- the authenticated header -----------------------------------------------------------------------------
    def _header(self) -> bytes:
        body = {"format": FORMAT, "vault_id": self.vault_id, "kdf": self.kdf.to_json(), "wraps": self.wraps,
                "training": self.training, "generation": self.generation}
        return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")

    @staticmethod
    def _mac_key(data_key: bytes) -> bytes:
        return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None,
                    info=b"askel-keyfile-header-v2").derive(data_key)

    def seal(self, data_key: bytes) -> None:
        """Authenticate the header as it is now; call after every change, before saving."""
        self.mac = _b64(hmac.new(self._mac_key(data_key), self._header(), hashlib.sha256).digest())

    @property
    def legacy(self) -> bool:
        """A format-1 file: nothing in its header is authenticated yet."""
        return self.mac is None

    def check_header(self, data_key: bytes) -> None:
        """KeyFileDamaged unless the header is exactly what the holder of the data key sealed."""
        if self.mac is None:
            return
        expected = hmac.new(self._mac_key(data_key), self._header(), hashlib.sha256).digest()
        try:
            if hmac.compare_digest(expected, _unb64(self.mac)):
                return
        except ValueError:
            pass
        raise KeyFileDamaged()

    def _wrap(self, kind: str, wrapping_key: bytes, data_key: bytes) -> dict:
        nonce = os.urandom(NONCE_BYTES)
        sealed = AESGCM(wrapping_key).encrypt(nonce, data_key, self._aad(kind))
        return {"nonce": _b64(nonce), "ciphertext": _b64(sealed)}

    def _unwrap(self, kind: str, wrapping_key: bytes) -> bytes:
        wrap = self.wraps[kind]
        data_key = AESGCM(wrapping_key).decrypt(_unb64(wrap["nonce"]), _unb64(wrap["ciphertext"]), self._aad(kind))
        if len(data_key) != KEY_BYTES:
            raise KeyFileDamaged()
        return data_key

    def set_passphrase(self, data_key: bytes, passphrase: str) -> None:
        # A fresh salt with every new passphrase: an old derived key tells nothing about the new one.
        self.kdf = KdfParams(salt=os.urandom(SALT_BYTES), iterations=self.kdf.iterations, lanes=self.kdf.lanes,
                             memory_kib=self.kdf.memory_kib)
        self.wraps["passphrase"] = self._wrap("passphrase", self.kdf.derive(passphrase), data_key)

    def unwrap_with_passphrase(self, passphrase: str) -> bytes:
        try:
            return self._unwrap("passphrase", self.kdf.derive(passphrase))
        except InvalidTag:
            raise WrongPassphrase() from None

    def set_keyring_wrap(self, data_key: bytes, keyring_secret: bytes) -> None:
        self.wraps["keyring"] = self._wrap("keyring", keyring_secret, data_key)

    def unwrap_with_keyring_secret(self, keyring_secret: bytes) -> bytes:
        try:
            return self._unwrap("keyring", keyring_secret)
        except (InvalidTag, KeyError, ValueError):
            raise KeyFileDamaged() from None

    def set_recovery_wrap(self, data_key: bytes, recovery_public_key_b64: str) -> None:
        """Seal the data key to the organisation's X25519 public key (ephemeral-static ECDH + HKDF)."""
        recipient = X25519PublicKey.from_public_bytes(_unb64(recovery_public_key_b64))
        ephemeral = X25519PrivateKey.generate()
        ephemeral_public = ephemeral.public_key().public_bytes_raw()
        wrapping_key = _recovery_kek(ephemeral.exchange(recipient), ephemeral_public, recipient.public_bytes_raw())
        wrap = self._wrap("recovery", wrapping_key, data_key)
        wrap["ephemeral_public"] = _b64(ephemeral_public)
        wrap["recipient"] = recovery_public_key_b64
        self.wraps["recovery"] = wrap

    def unwrap_with_recovery_key(self, private_key: X25519PrivateKey) -> bytes:
        wrap = self.wraps.get("recovery")
        if wrap is None:
            raise RecoveryNotConfigured()
        ephemeral_public = _unb64(wrap["ephemeral_public"])
        own_public = private_key.public_key().public_bytes_raw()
        wrapping_key = _recovery_kek(
            private_key.exchange(X25519PublicKey.from_public_bytes(ephemeral_public)), ephemeral_public, own_public
        )
        try:
            return self._unwrap("recovery", wrapping_key)
        except InvalidTag:
            raise WrongPassphrase() from None

    # -- reading and writing ----------------------------------------------------------------------------------
    def to_bytes(self) -> bytes:
        if self.mac is None:
            raise ValueError("seal the key file before writing it")
        body = {"format": FORMAT, "vault_id": self.vault_id, "kdf": self.kdf.to_json(), "wraps": self.wraps,
                "training": self.training, "generation": self.generation, "mac": self.mac}
        return json.dumps(body, indent=2, sort_keys=True).encode("utf-8")

    def save(self, path: Path) -> None:
        """Atomically. A key file already there keeps its mode and, when root writes it (`askel recover` by IT),
        its owner: the clinician must still be able to open their own vault afterwards."""
        try:
            before = os.stat(path)
        except FileNotFoundError:
            atomic_write(path, self.to_bytes())
            return
        as_root = hasattr(os, "geteuid") and os.geteuid() == 0
        atomic_write(path, self.to_bytes(), mode=stat.S_IMODE(before.st_mode),
                     owner=(before.st_uid, before.st_gid) if as_root else None)

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        try:
            if path.stat().st_size > MAX_KEY_FILE_BYTES:
                raise KeyFileDamaged()
            data = json.loads(path.read_bytes())
        except FileNotFoundError:
            raise KeyFileMissing() from None
        except (OSError, ValueError, RecursionError):  # json recurses once per level of nesting
            raise KeyFileDamaged() from None
        try:
            if data["format"] not in (FORMAT, LEGACY_FORMAT) or "passphrase" not in data["wraps"]:
                raise KeyFileDamaged()
            legacy = data["format"] == LEGACY_FORMAT
            generation = 0 if legacy else data["generation"]
            if not isinstance(generation, int) or isinstance(generation, bool) or not 0 <= generation < 2**31:
                raise KeyFileDamaged()
            key_file = cls(vault_id=str(data["vault_id"]), kdf=KdfParams.from_json(data["kdf"]),
                           wraps=dict(data["wraps"]), training=data.get("training") is True, generation=generation,
                           mac=None if legacy else str(data["mac"]))
            for wrap in key_file.wraps.values():
                # AESGCM would refuse a nonce of another length only when unwrapping, with a ValueError.
                if len(_unb64(wrap["nonce"])) != NONCE_BYTES:
                    raise KeyFileDamaged()
                _unb64(wrap["ciphertext"])
            return key_file
        except (KeyError, TypeError, ValueError, AttributeError):
            raise KeyFileDamaged() from None


def _recovery_kek(shared_secret: bytes, ephemeral_public: bytes, recipient_public: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=KEY_BYTES, salt=ephemeral_public + recipient_public,
        info=b"askel-recovery-wrap-v1",
    ).derive(shared_secret)


def generate_recovery_keypair() -> tuple[bytes, str]:
    """For IT: a new organisation recovery key pair as (private key PEM, public key base64 for the policy)."""
    private_key = X25519PrivateKey.generate()
    pem = private_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return pem, _b64(private_key.public_key().public_bytes_raw())


def load_recovery_private_key(pem: bytes) -> X25519PrivateKey:
    key = serialization.load_pem_private_key(pem, password=None)
    if not isinstance(key, X25519PrivateKey):
        raise ValueError("not an X25519 private key")
    return key


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text, validate=True)
