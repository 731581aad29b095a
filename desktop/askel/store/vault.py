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

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import sessionmaker

from askel.core.atomic import atomic_write
from askel.store import audit, handover, migrate
from askel.store.db import check_integrity, connect_raw, make_sessionmaker, open_engine, storage_error
from askel.store.errors import (
    DatabaseDamaged,
    DatabaseIncomplete,
    DatabaseMissing,
    KeyFileDamaged,
    KeyFileMissing,
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
MAX_ATTEMPTS_BYTES = 64 * 1024  # 1000 failure times fit in about 20 kB
FREE_ATTEMPTS = 5
MAX_DELAY_SECONDS = 300
# SQLite's quick_check reads every page: about 0.25 s for 32 MiB here, 5 s for a 630 MiB unit-wide vault. A
# clinician's own vault (some 6 MiB for 1 000 clients) is checked before it opens; a bigger one opens at once and
# the app checks it in the background before anything else (see Vault.integrity_checked).
INLINE_CHECK_MAX_BYTES = 32 * 1024 * 1024


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

    def sidecars(self, database: Path | None = None) -> tuple[Path, Path]:
        """SQLite's write-ahead log and its index beside a database file."""
        database = database or self.database
        return database.with_name(database.name + "-wal"), database.with_name(database.name + "-shm")


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
            with open(self.path, "rb") as handle:  # bounded: a damaged or planted huge file is not read whole
                data = json.loads(handle.read(MAX_ATTEMPTS_BYTES + 1)[:MAX_ATTEMPTS_BYTES])
            return {"failures": [float(t) for t in data.get("failures", [])][-1000:]}
        except (OSError, ValueError, TypeError, AttributeError, RecursionError):
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
        with _storage_errors():
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
        handover.guard(self.sessions)  # a course handed over from here stays read-only
        self.actor = self._load_actor()
        self.integrity_checked = True  # _open clears this for a big database it did not check

    # -- creating -------------------------------------------------------------------------------------------------
    @classmethod
    def create(cls, data_dir: Path, passphrase: str, *, clinician_name: str, role: str,
               recovery_public_key: str = "", kdf_iterations: int | None = None, training: bool = False) -> Vault:
        folder = DataFolder(Path(data_dir))
        if folder.has_vault():
            raise VaultExists()
        with _storage_errors():  # an unwritable place, or a file where the folder should be: one clear error
            folder.root.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(OSError):
            os.chmod(folder.root, 0o700)
        data_key = os.urandom(KEY_BYTES)
        key_file = KeyFile.new(data_key, passphrase, kdf_iterations=kdf_iterations or calibrate_iterations())
        key_file.training = training
        if recovery_public_key:
            key_file.set_recovery_wrap(data_key, recovery_public_key)
        _save_key_file(key_file, folder.key_file)
        try:
            vault = cls._open(folder, key_file, data_key, new=True)
            try:
                with vault.sessions.begin() as session:
                    session.add(Clinician(name=clinician_name, role=role))
                vault.actor = vault._load_actor()
                vault.log("create", target="vault")
            except BaseException:
                vault.close()
                raise
        except BaseException:
            # A vault that could not be created (a full disk) holds no data yet: remove it, so that the first-run
            # assistant can simply be tried again instead of finding a key file without a database.
            for path in (folder.key_file, folder.database, *folder.sidecars()):
                with contextlib.suppress(OSError):
                    path.unlink()
            raise
        return vault

    # -- unlocking ------------------------------------------------------------------------------------------------
    @classmethod
    def unlock(cls, data_dir: Path, passphrase: str) -> Vault:
        """Open with the passphrase; a wrong one changes nothing but the attempt counter."""
        folder = DataFolder(Path(data_dir))
        key_file = load_key_file(folder.key_file)
        counter = AttemptCounter(folder.attempts)
        counter.check()
        try:
            with key_file_errors():
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
        key_file = load_key_file(folder.key_file)
        if "keyring" not in key_file.wraps:
            raise NotRemembered()
        secret = _keyring_get(key_file.vault_id)
        if secret is None:
            raise NotRemembered()
        with key_file_errors():
            data_key = key_file.unwrap_with_keyring_secret(secret)
        vault = cls._open(folder, key_file, data_key)
        vault.log("unlock", detail={"method": "keyring"})
        return vault

    @classmethod
    def unlock_with_recovery(cls, data_dir: Path, private_key, new_passphrase: str) -> Vault:
        """IT's way back in: the organisation recovery key opens the vault and sets a new passphrase."""
        folder = DataFolder(Path(data_dir))
        key_file = load_key_file(folder.key_file)
        with key_file_errors():
            data_key = key_file.unwrap_with_recovery_key(private_key)
        vault = cls._open(folder, key_file, data_key)
        key_file.set_passphrase(data_key, new_passphrase)
        _save_key_file(key_file, folder.key_file)
        AttemptCounter(folder.attempts).clear()
        vault.log("unlock", detail={"method": "recovery"})
        return vault

    @classmethod
    def _open(cls, folder: DataFolder, key_file: KeyFile, data_key: bytes, *, new: bool = False) -> Vault:
        if not new:
            # Checked before SQLite touches anything: a refused database is left exactly as it was found.
            if not folder.database.exists():
                raise DatabaseMissing()
            wal, shm = folder.sidecars()
            if shm.exists() and not wal.exists():
                # SQLite deletes the index before the log, so this pair means the log itself was lost (copied
                # without it, or removed): opening would silently drop the changes it held.
                raise DatabaseIncomplete()
            if folder.database.stat().st_size == 0:
                raise DatabaseDamaged()
        fresh_sidecars = [path for path in folder.sidecars() if not path.exists()]
        try:
            engine = open_engine(folder.database, data_key)
        except BaseException:
            _remove_empty_sidecars(fresh_sidecars)
            raise
        check_now = not new and folder.database.stat().st_size <= INLINE_CHECK_MAX_BYTES
        try:
            if check_now:
                check_integrity(engine)
            revision = migrate.check_not_newer(engine)
            if revision is None and not new:
                # An existing vault always has a schema; building a fresh one here would hide the loss.
                raise DatabaseDamaged()
            if revision != migrate.head_revision():
                if revision is not None:
                    backup_to(engine, data_key, folder.backups / f"before-migration-{_stamp()}.db")
                migrate.upgrade(engine)
        except BaseException:
            engine.dispose()
            _remove_empty_sidecars(fresh_sidecars)
            raise
        vault = cls(folder, key_file, data_key, engine)
        vault.integrity_checked = new or check_now
        return vault

    def check_integrity(self) -> None:
        """Read every page now (DatabaseDamaged if one is not sound); for a vault opened without the check."""
        check_integrity(self.engine)
        self.integrity_checked = True

    # -- key management -------------------------------------------------------------------------------------------
    def change_passphrase(self, old: str, new: str) -> None:
        """Re-wrap the data key; the database itself is not touched."""
        current = load_key_file(self.folder.key_file)
        with key_file_errors():
            unwrapped = current.unwrap_with_passphrase(old)
        if unwrapped != self._data_key:
            raise KeyFileDamaged()
        current.set_passphrase(self._data_key, new)
        _save_key_file(current, self.folder.key_file)
        self.key_file = current
        self.log("change", target="passphrase")

    def set_remembered(self, remember: bool) -> None:
        key_file = load_key_file(self.folder.key_file)
        if remember:
            secret = os.urandom(KEY_BYTES)
            _keyring_set(key_file.vault_id, secret)
            key_file.set_keyring_wrap(self._data_key, secret)
        else:
            key_file.wraps.pop("keyring", None)
            keyring = _keyring()
            with contextlib.suppress(keyring.errors.KeyringError):
                keyring.delete_password(KEYRING_SERVICE, _keyring_user(key_file.vault_id))
        _save_key_file(key_file, self.folder.key_file)
        self.key_file = key_file
        self.log("change", target="remember_on_this_computer", detail={"enabled": remember})

    def set_recovery_key(self, recovery_public_key: str) -> None:
        key_file = load_key_file(self.folder.key_file)
        if recovery_public_key:
            key_file.set_recovery_wrap(self._data_key, recovery_public_key)
        else:
            key_file.wraps.pop("recovery", None)
        _save_key_file(key_file, self.folder.key_file)
        self.key_file = key_file

    @property
    def training(self) -> bool:
        return self.key_file.training

    def is_remembered(self) -> bool:
        return "keyring" in self.key_file.wraps

    def verify_passphrase(self, passphrase: str) -> bool:
        """For leaving self-completion mode and similar: checks without touching the attempt counter's state."""
        try:
            with key_file_errors():
                return load_key_file(self.folder.key_file).unwrap_with_passphrase(passphrase) == self._data_key
        except (WrongPassphrase, KeyFileDamaged, KeyFileMissing):
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
    """An encrypted, consistent copy through SQLite's online backup, written beside and then renamed.

    A failure (a full disk) leaves no partial file behind and raises StorageFull / StorageFailed.
    """
    partial = destination.with_name(destination.name + ".partial")
    leftovers = (partial, *DataFolder(partial.parent).sidecars(partial))
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        for path in leftovers:
            path.unlink(missing_ok=True)
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
    except Exception as error:
        for path in leftovers:
            with contextlib.suppress(OSError):
                path.unlink()
        mapped = storage_error(error)
        if mapped is None or mapped is error:
            raise
        raise mapped from error
    return destination


@contextlib.contextmanager
def _storage_errors() -> Iterator[None]:
    """A file write that fails (a full disk, a read-only folder) raises the VaultError the user can act on."""
    try:
        yield
    except OSError as error:
        raise storage_error(error) from error


def load_key_file(path: Path) -> KeyFile:
    """KeyFile.load (which refuses absurd KDF parameters itself), where anything else a damaged or hostile key
    file makes the parser raise is KeyFileDamaged too."""
    with key_file_errors():
        return KeyFile.load(path)


@contextlib.contextmanager
def key_file_errors() -> Iterator[None]:
    """Parsing or unwrapping a key file: an unexpected low-level error (a short nonce, an infinite number) means
    the file is damaged, never a crash."""
    try:
        yield
    except VaultError:
        raise
    except (ValueError, TypeError, KeyError, AttributeError, OverflowError, RecursionError, MemoryError):
        raise KeyFileDamaged() from None


def _remove_empty_sidecars(created: list[Path]) -> None:
    """A refused database leaves the folder as it was: SQLite's new, still empty log and its index go again."""
    wal = next((path for path in created if path.name.endswith("-wal")), None)
    if wal is not None and wal.exists() and wal.stat().st_size:
        return  # the log holds something: keep everything
    for path in created:
        with contextlib.suppress(OSError):
            path.unlink()


def _save_key_file(key_file: KeyFile, path: Path) -> None:
    with _storage_errors():
        key_file.save(path)


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")


def _keyring_user(vault_id: str) -> str:
    return f"vault-{vault_id}"


def _keyring():
    """The keyring package, imported when first needed: it costs start-up time that most unlocks do not use."""
    import keyring
    import keyring.errors

    return keyring


def _keyring_get(vault_id: str) -> bytes | None:
    keyring = _keyring()
    try:
        value = keyring.get_password(KEYRING_SERVICE, _keyring_user(vault_id))
    except keyring.errors.KeyringError:
        raise KeyringUnavailable() from None
    return base64.b64decode(value) if value else None


def _keyring_set(vault_id: str, secret: bytes) -> None:
    keyring = _keyring()
    try:
        keyring.set_password(KEYRING_SERVICE, _keyring_user(vault_id), base64.b64encode(secret).decode())
    except keyring.errors.KeyringError:
        raise KeyringUnavailable() from None


__all__ = ["DataFolder", "Vault", "VaultError", "backup_to", "delay_after"]


def keyring_available() -> bool:
    """False on a machine without a usable OS keyring (keyring's `fail` backend, e.g. headless Linux)."""
    try:
        return _keyring().get_keyring().priority > 0
    except Exception:
        return False
