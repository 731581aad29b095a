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
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import sessionmaker

from askel.core.atomic import atomic_write, fsync_directory
from askel.store import audit, handover, migrate
from askel.store.db import check_integrity, connect_raw, make_sessionmaker, open_engine, storage_error
from askel.store.errors import (
    DatabaseDamaged,
    DatabaseIncomplete,
    DatabaseMissing,
    DataFolderNotFolder,
    KeyFileDamaged,
    KeyFileMissing,
    KeyFileOutdated,
    KeyringUnavailable,
    NotRemembered,
    TooManyAttempts,
    VaultError,
    VaultExists,
    WrongPassphrase,
)
from askel.store.folder import DataFolder  # noqa: F401 (re-exported: where most callers find it)
from askel.store.keyfile import KEY_BYTES, KeyFile, calibrate_iterations
from askel.store.models import Clinician, KeyState

KEYRING_SERVICE = "Askel"
MAX_ATTEMPTS_BYTES = 64 * 1024  # 1000 failure times fit in about 20 kB
FREE_ATTEMPTS = 5
MAX_DELAY_SECONDS = 300
# SQLite's quick_check reads every page: about 0.25 s for 32 MiB here, 5 s for a 630 MiB unit-wide vault. From the
# command line a clinician's own vault (some 6 MiB for 1 000 clients) is checked before it opens; a bigger one, and
# any vault the window opens (`check_later`), is checked in the background before anything else
# (see Vault.integrity_checked and ui.shell.unlock_maintenance).
INLINE_CHECK_MAX_BYTES = 32 * 1024 * 1024


# -- a restore interrupted half-way ------------------------------------------------------------------------------
RESTORE_JOURNAL = "restore-journal.json"
RESTORE_STAGING = "askel.db.restoring"


def write_restore_journal(folder: DataFolder, moves: list[tuple[Path, Path]]) -> None:
    """Before a restore moves anything: which file goes where, so that a kill half-way can be undone."""
    entries = [[source.name, str(target.relative_to(folder.root))] for source, target in moves]
    with _storage_errors():
        atomic_write(folder.root / RESTORE_JOURNAL, json.dumps({"moves": entries}).encode("utf-8"))


def finish_restore(folder: DataFolder) -> None:
    """The restore is complete and logged: forget how to undo it."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(folder.root / RESTORE_JOURNAL)


def undo_interrupted_restore(folder: DataFolder) -> bool:
    """Put the data folder back as it was before a restore that was killed half-way; True when there was one.

    Called before every unlock and restore. Nothing is deleted but the restore's own copy of the backup (the
    backup file itself stays where it was).
    """
    journal = folder.root / RESTORE_JOURNAL
    staging = folder.root / RESTORE_STAGING
    try:
        with open(journal, "rb") as handle:
            moves = [(folder.root / source, folder.root / target)
                     for source, target in json.loads(handle.read(MAX_ATTEMPTS_BYTES))["moves"]]
    except FileNotFoundError:
        moves = None
    except (OSError, ValueError, KeyError, TypeError):
        moves = []  # an unreadable journal: nothing was moved yet when it was written, only the copy remains
    if moves is None:
        if staging.exists():  # killed while the backup was being copied and checked: only the copy remains
            for path in (staging, *folder.sidecars(staging)):
                with contextlib.suppress(OSError):
                    path.unlink()
        return False
    with _storage_errors():
        for source, target in moves:
            if target.exists():
                if source.exists():  # the restored file is already in place: it is only a copy of the backup
                    os.replace(source, staging)
                os.replace(target, source)
        for path in (staging, *folder.sidecars(staging)):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
        os.unlink(journal)
        fsync_directory(folder.root)
    return True


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
        key_file.seal(data_key)
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
    def unlock(cls, data_dir: Path, passphrase: str, *, check_later: bool = False) -> Vault:
        """Open with the passphrase; a wrong one changes nothing but the attempt counter. `check_later`: see _open."""
        folder = DataFolder(Path(data_dir))
        undo_interrupted_restore(folder)
        key_file = load_key_file(folder.key_file)
        counter = AttemptCounter(folder.attempts)
        counter.check()
        try:
            with key_file_errors():
                data_key = key_file.unwrap_with_passphrase(passphrase)
        except WrongPassphrase:
            counter.add_failure()
            raise
        vault = cls._open(folder, key_file, data_key, check_later=check_later)
        vault._record_failed_attempts(counter)
        vault.log("unlock", detail={"method": "passphrase"})
        return vault

    @classmethod
    def unlock_remembered(cls, data_dir: Path, *, check_later: bool = False) -> Vault:
        """Open with the secret kept in the OS keyring ("remember on this computer")."""
        folder = DataFolder(Path(data_dir))
        undo_interrupted_restore(folder)
        key_file = load_key_file(folder.key_file)
        if "keyring" not in key_file.wraps:
            raise NotRemembered()
        secret = _keyring_get(key_file.vault_id)
        if secret is None:
            raise NotRemembered()
        with key_file_errors():
            data_key = key_file.unwrap_with_keyring_secret(secret)
        vault = cls._open(folder, key_file, data_key, check_later=check_later)
        vault.log("unlock", detail={"method": "keyring"})
        return vault

    @classmethod
    def unlock_with_recovery(cls, data_dir: Path, private_key, new_passphrase: str) -> Vault:
        """IT's way back in: the organisation recovery key opens the vault and sets a new passphrase."""
        folder = DataFolder(Path(data_dir))
        undo_interrupted_restore(folder)
        key_file = load_key_file(folder.key_file)
        with key_file_errors():
            data_key = key_file.unwrap_with_recovery_key(private_key)
        vault = cls._open(folder, key_file, data_key)
        key_file.set_passphrase(data_key, new_passphrase)
        vault._store_key_file(key_file)
        AttemptCounter(folder.attempts).clear()
        vault.log("unlock", detail={"method": "recovery"})
        return vault

    @classmethod
    def _open(cls, folder: DataFolder, key_file: KeyFile, data_key: bytes, *, new: bool = False,
              check_later: bool = False) -> Vault:
        """`check_later`: the program's window asks for the integrity check after the workspace is painted (its
        background maintenance runs it before anything else, and closes the vault if it fails), so Enter is not
        kept waiting for every page to be read. Pages are authenticated as they are read either way; a database
        that needs a migration is always checked first."""
        key_file.check_header(data_key)  # a changed KDF, training flag or wrap list is refused here
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
        checkable = not new and folder.database.stat().st_size <= INLINE_CHECK_MAX_BYTES
        checked = False
        try:
            if checkable and not check_later:
                check_integrity(engine)
                checked = True
            revision = migrate.check_not_newer(engine)
            if revision is None and not new:
                # An existing vault always has a schema; building a fresh one here would hide the loss.
                raise DatabaseDamaged()
            if revision != migrate.head_revision():
                if revision is not None:
                    if checkable and not checked:  # never back up or migrate a database not known to be sound
                        check_integrity(engine)
                        checked = True
                    backup_to(engine, data_key, folder.backups / f"before-migration-{_stamp()}.db")
                migrate.upgrade(engine)
        except BaseException:
            engine.dispose()
            _remove_empty_sidecars(fresh_sidecars)
            raise
        vault = cls(folder, key_file, data_key, engine)
        vault.integrity_checked = new or checked
        try:
            vault._reconcile_key_generation()
        except BaseException:
            vault.close()
            raise
        return vault

    def _reconcile_key_generation(self) -> None:
        """Refuse a key file older than the one that last opened this database; record a newer one."""
        with self.read() as session:
            state = session.get(KeyState, 1)
            known = state.generation if state else 0
        if self.key_file.generation < known or (self.key_file.legacy and known > 0):
            raise KeyFileOutdated()
        if self.key_file.legacy:
            self._store_key_file(self.key_file)  # format 1 → 2: the header is authenticated from now on
        elif self.key_file.generation > known:
            self._record_generation(self.key_file.generation)

    def check_integrity(self) -> None:
        """Read every page now (DatabaseDamaged if one is not sound); for a vault opened without the check."""
        check_integrity(self.engine)
        self.integrity_checked = True

    # -- key management -------------------------------------------------------------------------------------------
    def change_passphrase(self, old: str, new: str) -> None:
        """Re-wrap the data key; the database itself is not touched. Every copy of the key file among the backups
        is rewritten too, and older key files stop opening this database (see `_store_key_file`)."""
        current = load_key_file(self.folder.key_file)
        with key_file_errors():
            unwrapped = current.unwrap_with_passphrase(old)
        if unwrapped != self._data_key:
            raise KeyFileDamaged()
        current.set_passphrase(self._data_key, new)
        self._store_key_file(current)
        self.log("change", target="passphrase")

    def set_remembered(self, remember: bool) -> None:
        key_file = load_key_file(self.folder.key_file)
        if remember:
            secret = os.urandom(KEY_BYTES)
            _keyring_set(key_file.vault_id, secret)
            key_file.set_keyring_wrap(self._data_key, secret)
        else:
            key_file.wraps.pop("keyring", None)
            _keyring_delete(key_file.vault_id)
        self._store_key_file(key_file)
        self.log("change", target="remember_on_this_computer", detail={"enabled": remember})

    def set_recovery_key(self, recovery_public_key: str) -> None:
        key_file = load_key_file(self.folder.key_file)
        if recovery_public_key:
            key_file.set_recovery_wrap(self._data_key, recovery_public_key)
        else:
            key_file.wraps.pop("recovery", None)
        self._store_key_file(key_file)

    def apply_key_policy(self, recovery_public_key: str, remember_allowed: bool) -> list[str]:
        """Make the key file's wraps what IT policy says, at every unlock; returns (and logs) what changed.

        The recovery wrap is added when IT set a recovery key, rotated when IT changed it and removed when IT removed
        it; the keyring wrap and its secret go when IT no longer allows remembering.
        """
        key_file = load_key_file(self.folder.key_file)
        changes = key_policy_differences(key_file, recovery_public_key, remember_allowed)
        if not changes:
            return []
        if recovery_public_key:
            key_file.set_recovery_wrap(self._data_key, recovery_public_key)
        else:
            key_file.wraps.pop("recovery", None)
        if not remember_allowed and "keyring" in key_file.wraps:
            key_file.wraps.pop("keyring")
            _keyring_delete(key_file.vault_id)
        self._store_key_file(key_file)
        for change in changes:
            self.log("change", target="key_policy", detail={"change": change})
        return changes

    def _store_key_file(self, key_file: KeyFile) -> None:
        """Save a changed key file as the next generation, and make every older copy useless.

        The database records the new generation (an older key file no longer opens it); every copy of this vault's
        key file among the backups (`backups/askel.key`, and `replaced-*.key` moved aside by a restore) is
        rewritten to the new one, so no copy keeps an old passphrase, keyring secret or recovery key working.
        """
        with self.read() as session:
            state = session.get(KeyState, 1)
            known = state.generation if state else 0
        key_file.generation = max(key_file.generation, known) + 1
        key_file.seal(self._data_key)
        _save_key_file(key_file, self.folder.key_file)
        self.key_file = key_file
        self._record_generation(key_file.generation)
        refresh_key_copies(self.folder, key_file)

    def _record_generation(self, generation: int) -> None:
        with self.write() as session:
            state = session.get(KeyState, 1)
            if state is None:
                session.add(KeyState(id=1, generation=generation))
            else:
                state.generation = generation

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
    file makes the parser raise is KeyFileDamaged too. A data folder that is a file is said so."""
    if path.parent.exists() and not path.parent.is_dir():
        raise DataFolderNotFolder()
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


KEY_COPY_NAME = "askel.key"  # in backups/: a copy of the key file, for restoring a backup onto a new machine
REPLACED_KEY_GLOB = "replaced-*.key"  # in backups/: key files a restore moved aside


def key_policy_differences(key_file: KeyFile, recovery_public_key: str, remember_allowed: bool) -> list[str]:
    """How the key file's wraps differ from IT policy: recovery_wrap_added / _rotated / _removed, keyring_wrap_removed."""
    changes = []
    recovery = key_file.wraps.get("recovery")
    if recovery_public_key and recovery is None:
        changes.append("recovery_wrap_added")
    elif recovery_public_key and recovery.get("recipient") != recovery_public_key:
        changes.append("recovery_wrap_rotated")
    elif not recovery_public_key and recovery is not None:
        changes.append("recovery_wrap_removed")
    if not remember_allowed and "keyring" in key_file.wraps:
        changes.append("keyring_wrap_removed")
    return changes


def refresh_key_copies(folder: DataFolder, key_file: KeyFile) -> None:
    """Rewrite every copy of this vault's key file in backups/ with `key_file` (a copy of another vault, or an
    unreadable file, is left alone: it cannot open this vault's database anyway)."""
    data = key_file.to_bytes()
    copies = [folder.backups / KEY_COPY_NAME]
    with contextlib.suppress(OSError):
        copies += sorted(folder.backups.glob(REPLACED_KEY_GLOB))
    for copy in copies:
        if copy.exists():
            try:
                if KeyFile.load(copy).vault_id != key_file.vault_id:
                    continue
            except VaultError:
                continue
        elif copy.name != KEY_COPY_NAME:
            continue
        with _storage_errors():
            atomic_write(copy, data)


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


def _keyring_delete(vault_id: str) -> None:
    keyring = _keyring()
    with contextlib.suppress(keyring.errors.KeyringError):
        keyring.delete_password(KEYRING_SERVICE, _keyring_user(vault_id))


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
