"""The vault: one data folder holding the encrypted database, its key file and encrypted backups.

    <data folder>/askel.db            SQLCipher database (never plaintext on disk)
    <data folder>/askel.key           the data key, wrapped (see keyfile.py)
    <data folder>/unlock-attempts.json  failed-unlock counter for the growing delays (no client data)
    <data folder>/backups/            encrypted copies made by the SQLite online backup API
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import keyring
import keyring.errors
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import sessionmaker

from askel.core.atomic import atomic_write
from askel.store import audit, migrate
from askel.store.db import connect_raw, make_sessionmaker, open_engine
from askel.store.errors import (
    DatabaseMissing,
    KeyFileDamaged,
    KeyringUnavailable,
    NotRemembered,
    TooManyAttempts,
    VaultError,
    VaultExists,
    WrongPassphrase,
)
from askel.store.keyfile import KEY_BYTES, KeyFile, calibrate_iterations
from askel.store.models import Clinician

KEYRING_SERVICE = "Askel"
FREE_ATTEMPTS = 5
MAX_DELAY_SECONDS = 300


@dataclass(frozen=True)
class DataFolder:
    root: Path

    @property
    def database(self) -> Path:
        return self.root / "askel.db"

    @property
    def key_file(self) -> Path:
        return self.root / "askel.key"

    @property
    def attempts(self) -> Path:
        return self.root / "unlock-attempts.json"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def packs(self) -> Path:
        return self.root / "content" / "packs"

    def has_vault(self) -> bool:
        return self.key_file.exists() or self.database.exists()


# -- growing delays after wrong passphrases ----------------------------------------------------------------------
def delay_after(failures: int) -> int:
    """Seconds to wait before the next try: free for the first five, then 5, 10, 20 … up to five minutes."""
    if failures < FREE_ATTEMPTS:
        return 0
    return min(5 * 2 ** (failures - FREE_ATTEMPTS), MAX_DELAY_SECONDS)


class AttemptCounter:
    """Failed unlocks, kept beside the key file (the database cannot record them: it is still locked)."""

    def __init__(self, path: Path, clock=time.time):
        self.path, self.clock = path, clock

    def _read(self) -> dict:
        try:
            data = json.loads(self.path.read_text("utf-8"))
            return {"failures": [float(t) for t in data.get("failures", [])][-1000:]}
        except (OSError, ValueError, TypeError, AttributeError):
            return {"failures": []}

    def failures(self) -> list[float]:
        return self._read()["failures"]

    def check(self) -> None:
        failures = self.failures()
        if failures:
            wait = delay_after(len(failures)) - (self.clock() - failures[-1])
            if wait > 0:
                raise TooManyAttempts(int(wait + 0.999))

    def add_failure(self) -> None:
        failures = self.failures() + [self.clock()]
        atomic_write(self.path, json.dumps({"failures": failures}).encode())

    def clear(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()


# -- the vault ---------------------------------------------------------------------------------------------------
class Vault:
    """An unlocked vault: the engine, the session factory and who is working (for the audit log)."""

    def __init__(self, folder: DataFolder, key_file: KeyFile, data_key: bytes, engine: Engine):
        self.folder = folder
        self.key_file = key_file
        self._data_key = data_key
        self.engine = engine
        self.sessions: sessionmaker = make_sessionmaker(engine)
        self.actor = self._load_actor()

    # -- creating -------------------------------------------------------------------------------------------------
    @classmethod
    def create(cls, data_dir: Path, passphrase: str, *, clinician_name: str, role: str,
               recovery_public_key: str = "", kdf_iterations: int | None = None, training: bool = False) -> Vault:
        folder = DataFolder(Path(data_dir))
        if folder.has_vault():
            raise VaultExists()
        folder.root.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(OSError):
            os.chmod(folder.root, 0o700)
        data_key = os.urandom(KEY_BYTES)
        key_file = KeyFile.new(data_key, passphrase, kdf_iterations=kdf_iterations or calibrate_iterations())
        key_file.training = training
        if recovery_public_key:
            key_file.set_recovery_wrap(data_key, recovery_public_key)
        key_file.save(folder.key_file)
        vault = cls._open(folder, key_file, data_key, new=True)
        with vault.sessions.begin() as session:
            session.add(Clinician(name=clinician_name, role=role))
        vault.actor = vault._load_actor()
        vault.log("create", target="vault")
        return vault

    # -- unlocking ------------------------------------------------------------------------------------------------
    @classmethod
    def unlock(cls, data_dir: Path, passphrase: str) -> Vault:
        """Open with the passphrase; a wrong one changes nothing but the attempt counter."""
        folder = DataFolder(Path(data_dir))
        key_file = KeyFile.load(folder.key_file)
        counter = AttemptCounter(folder.attempts)
        counter.check()
        try:
            data_key = key_file.unwrap_with_passphrase(passphrase)
        except WrongPassphrase:
            counter.add_failure()
            raise
        vault = cls._open(folder, key_file, data_key)
        vault._record_failed_attempts(counter)
        vault.log("unlock", detail={"method": "passphrase"})
        return vault

    @classmethod
    def unlock_remembered(cls, data_dir: Path) -> Vault:
        """Open with the secret kept in the OS keyring ("remember on this computer")."""
        folder = DataFolder(Path(data_dir))
        key_file = KeyFile.load(folder.key_file)
        if "keyring" not in key_file.wraps:
            raise NotRemembered()
        secret = _keyring_get(key_file.vault_id)
        if secret is None:
            raise NotRemembered()
        data_key = key_file.unwrap_with_keyring_secret(secret)
        vault = cls._open(folder, key_file, data_key)
        vault.log("unlock", detail={"method": "keyring"})
        return vault

    @classmethod
    def unlock_with_recovery(cls, data_dir: Path, private_key, new_passphrase: str) -> Vault:
        """IT's way back in: the organisation recovery key opens the vault and sets a new passphrase."""
        folder = DataFolder(Path(data_dir))
        key_file = KeyFile.load(folder.key_file)
        data_key = key_file.unwrap_with_recovery_key(private_key)
        vault = cls._open(folder, key_file, data_key)
        key_file.set_passphrase(data_key, new_passphrase)
        key_file.save(folder.key_file)
        AttemptCounter(folder.attempts).clear()
        vault.log("unlock", detail={"method": "recovery"})
        return vault

    @classmethod
    def _open(cls, folder: DataFolder, key_file: KeyFile, data_key: bytes, *, new: bool = False) -> Vault:
        if not new and not folder.database.exists():
            raise DatabaseMissing()
        engine = open_engine(folder.database, data_key)
        try:
            revision = migrate.check_not_newer(engine)
            if revision != migrate.head_revision():
                if revision is not None:
                    backup_to(engine, data_key, folder.backups / f"before-migration-{_stamp()}.db")
                migrate.upgrade(engine)
        except BaseException:
            engine.dispose()
            raise
        return cls(folder, key_file, data_key, engine)

    # -- key management -------------------------------------------------------------------------------------------
    def change_passphrase(self, old: str, new: str) -> None:
        """Re-wrap the data key; the database itself is not touched."""
        current = KeyFile.load(self.folder.key_file)
        if current.unwrap_with_passphrase(old) != self._data_key:
            raise KeyFileDamaged()
        current.set_passphrase(self._data_key, new)
        current.save(self.folder.key_file)
        self.key_file = current
        self.log("change", target="passphrase")

    def set_remembered(self, remember: bool) -> None:
        key_file = KeyFile.load(self.folder.key_file)
        if remember:
            secret = os.urandom(KEY_BYTES)
            _keyring_set(key_file.vault_id, secret)
            key_file.set_keyring_wrap(self._data_key, secret)
        else:
            key_file.wraps.pop("keyring", None)
            with contextlib.suppress(keyring.errors.KeyringError):
                keyring.delete_password(KEYRING_SERVICE, _keyring_user(key_file.vault_id))
        key_file.save(self.folder.key_file)
        self.key_file = key_file
        self.log("change", target="remember_on_this_computer", detail={"enabled": remember})

    def set_recovery_key(self, recovery_public_key: str) -> None:
        key_file = KeyFile.load(self.folder.key_file)
        if recovery_public_key:
            key_file.set_recovery_wrap(self._data_key, recovery_public_key)
        else:
            key_file.wraps.pop("recovery", None)
        key_file.save(self.folder.key_file)
        self.key_file = key_file

    @property
    def training(self) -> bool:
        return self.key_file.training

    def is_remembered(self) -> bool:
        return "keyring" in self.key_file.wraps

    def verify_passphrase(self, passphrase: str) -> bool:
        """For leaving self-completion mode and similar: checks without touching the attempt counter's state."""
        try:
            return KeyFile.load(self.folder.key_file).unwrap_with_passphrase(passphrase) == self._data_key
        except WrongPassphrase:
            return False

    # -- working with data ----------------------------------------------------------------------------------------
    @contextlib.contextmanager
    def write(self) -> Iterator[OrmSession]:
        """A write transaction (BEGIN IMMEDIATE): committed at the end of the block, rolled back on error."""
        with self.sessions() as session:
            session.connection(execution_options={"immediate": True})
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    @contextlib.contextmanager
    def read(self) -> Iterator[OrmSession]:
        with self.sessions() as session:
            yield session

    def log(self, action: str, *, client_id: str | None = None, target: str = "", success: bool = True,
            detail: dict | None = None) -> None:
        with self.write() as session:
            audit.record(session, self.actor, action, client_id=client_id, target=target, success=success,
                         detail=detail)

    def backup(self, destination: Path) -> Path:
        return backup_to(self.engine, self._data_key, destination)

    def close(self) -> None:
        self.engine.dispose()

    def _load_actor(self) -> audit.Actor:
        with self.read() as session:
            clinician = session.scalars(select(Clinician).limit(1)).first()
        workstation = socket.gethostname()
        if clinician is None:
            return audit.Actor(name="", role="", workstation=workstation)
        return audit.Actor(name=clinician.name, role=clinician.role, workstation=workstation)

    def _record_failed_attempts(self, counter: AttemptCounter) -> None:
        failures = counter.failures()
        with self.write() as session:
            for when in failures:
                audit.record(session, self.actor, "unlock_failed", success=False,
                             detail={"at": datetime.fromtimestamp(when, UTC).isoformat(timespec="seconds")})
        counter.clear()


def backup_to(engine: Engine, data_key: bytes, destination: Path) -> Path:
    """An encrypted, consistent copy through SQLite's online backup, written beside and then renamed."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    partial.unlink(missing_ok=True)
    target = connect_raw(partial, data_key)
    try:
        raw = engine.raw_connection()
        try:
            raw.driver_connection.backup(target)
        finally:
            raw.close()
    finally:
        target.close()
    os.chmod(partial, 0o600)
    os.replace(partial, destination)
    return destination


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")


def _keyring_user(vault_id: str) -> str:
    return f"vault-{vault_id}"


def _keyring_get(vault_id: str) -> bytes | None:
    try:
        value = keyring.get_password(KEYRING_SERVICE, _keyring_user(vault_id))
    except keyring.errors.KeyringError:
        raise KeyringUnavailable() from None
    return base64.b64decode(value) if value else None


def _keyring_set(vault_id: str, secret: bytes) -> None:
    try:
        keyring.set_password(KEYRING_SERVICE, _keyring_user(vault_id), base64.b64encode(secret).decode())
    except keyring.errors.KeyringError:
        raise KeyringUnavailable() from None


__all__ = ["DataFolder", "Vault", "VaultError", "backup_to", "delay_after"]


def keyring_available() -> bool:
    """False on a machine without a usable OS keyring (keyring's `fail` backend, e.g. headless Linux)."""
    try:
        return keyring.get_keyring().priority > 0
    except Exception:
        return False
