"""Encrypted backups of the vault: on a schedule, before migrations, on request; pruning; restoring.

    <data folder>/backups/askel-<UTC stamp>.db              scheduled (setting backup_interval_hours), pruned
    <data folder>/backups/before-migration-<UTC stamp>.db   written by the vault before a schema upgrade, pruned
    <data folder>/backups/replaced-<UTC stamp>.db[-wal]     a database that a restore moved aside: never pruned
    <data folder>/backups/askel.key                         a copy of the key file, refreshed with every backup
                                                            and every change of the key file
    <backup>.json                                           beside each backup: when, which vault, and the use
                                                            log's head (SEQ:HASH) at that moment, readable without
                                                            the key (an anchor for `askel audit verify --anchor`)

Every backup is a SQLCipher copy under the same data key (SQLite's online backup API through `backup_to`), so it
opens only with this vault's key file. Backups are never plaintext and never leave the data folder unless the user
runs `askel backup --out`.

Restoring never deletes anything: the backup is copied beside the database and checked there (it must open with the
current key file, pass SQLite's integrity check and not be newer than this Askel); only then are the current
database and its log moved into `backups/` as `replaced-…` and the checked copy renamed into place.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from askel.core.atomic import atomic_write, fsync_directory
from askel.store import migrate
from askel.store.db import check_integrity, open_engine
from askel.store.errors import (
    BackupTooNew,
    BackupUnusable,
    DatabaseDamaged,
    DatabaseMissing,
    DatabaseTooNew,
    KeyFileDamaged,
    KeyFileMissing,
    VaultError,
    WrongPassphrase,
)
from askel.store.keyfile import KeyFile
from askel.store.vault import (
    KEY_COPY_NAME,
    RESTORE_STAGING,
    AttemptCounter,
    DataFolder,
    Vault,
    _storage_errors,
    finish_restore,
    key_file_errors,
    load_key_file,
    undo_interrupted_restore,
    write_restore_journal,
)

SCHEDULED_PREFIX = "askel-"
MIGRATION_PREFIX = "before-migration-"
REPLACED_PREFIX = "replaced-"
STAGING_NAME = RESTORE_STAGING
STAMP_FORMAT = "%Y%m%dT%H%M%SZ"
_STAMPED = re.compile(r"(?P<prefix>askel-|before-migration-|replaced-)(?P<stamp>\d{8}T\d{6}Z)(?:-\d+)?\.db")
KINDS = {SCHEDULED_PREFIX: "scheduled", MIGRATION_PREFIX: "before_migration", REPLACED_PREFIX: "replaced"}
AUTOMATIC_KINDS = ("scheduled", "before_migration")


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: when it was taken (UTC), its size in bytes and how it came to be."""

    path: Path
    created: datetime
    size: int
    kind: str  # scheduled, before_migration, replaced (a database moved aside by a restore) or other

    @property
    def name(self) -> str:
        return self.path.name


def _stamp(now: datetime | None = None) -> str:
    return (now or datetime.now(UTC)).astimezone(UTC).strftime(STAMP_FORMAT)


def _unique(path: Path) -> Path:
    """`path`, or `name-2.db`, `name-3.db` … when a file of that name exists (two backups in one second)."""
    candidate, number = path, 1
    while candidate.exists() or candidate.with_name(candidate.name + "-wal").exists():
        number += 1
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
    return candidate


def _info(path: Path) -> BackupInfo | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    match = _STAMPED.fullmatch(path.name)
    if match:
        created = datetime.strptime(match["stamp"], STAMP_FORMAT).replace(tzinfo=UTC)
        kind = KINDS[match["prefix"]]
    else:
        created = datetime.fromtimestamp(stat.st_mtime, UTC)
        kind = "other"
    return BackupInfo(path=path, created=created, size=stat.st_size, kind=kind)


def list_backups(data_dir: Path) -> list[BackupInfo]:
    """Every backup in the data folder's `backups/`, newest first (unfinished `.partial` copies are not backups)."""
    folder = DataFolder(Path(data_dir)).backups
    try:
        candidates = [p for p in folder.iterdir() if p.suffix == ".db" and p.is_file()]
    except OSError:
        return []
    found = [info for info in map(_info, candidates) if info is not None]
    return sorted(found, key=lambda info: (info.created, info.name), reverse=True)


def latest_backup(data_dir: Path) -> BackupInfo | None:
    """The newest backup to offer after a damaged or missing database (a moved-aside database is not one)."""
    return next((info for info in list_backups(data_dir) if info.kind != "replaced"), None)


# -- making and pruning ------------------------------------------------------------------------------------------
def backup_due(data_dir: Path, interval_hours: int, now: datetime | None = None) -> bool:
    """True when scheduled backups are on and the newest automatic backup is at least `interval_hours` old."""
    if interval_hours <= 0:
        return False
    now = now or datetime.now(UTC)
    newest = next((b for b in list_backups(data_dir) if b.kind in AUTOMATIC_KINDS), None)
    return newest is None or now - newest.created >= timedelta(hours=interval_hours)


def backup_metadata(vault: Vault, now: datetime | None = None) -> bytes:
    """The metadata written beside a backup: format, time, vault id and the use log's head as the copy was made."""
    from askel.store import audit

    with vault.read() as session:
        head = audit.head(session)
    return (json.dumps({"format": "askel-backup/1", "created": (now or datetime.now(UTC)).isoformat(timespec="seconds"),
                        "vault_id": vault.key_file.vault_id, "use_log_head": str(head)}, indent=2) + "\n").encode()


def metadata_path(backup: Path) -> Path:
    return backup.with_name(backup.name + ".json")


def read_metadata(backup: Path) -> dict:
    """The metadata beside a backup, or {} when there is none (or it cannot be read)."""
    try:
        with open(metadata_path(backup), "rb") as handle:
            data = json.loads(handle.read(64 * 1024))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def make_backup(vault: Vault, *, keep: int, now: datetime | None = None) -> Path:
    """Write a scheduled backup now, refresh the key file copy, record it in the use log and prune old ones."""
    folder = vault.folder
    remove_partial_backups(folder.root)
    destination = _unique(folder.backups / f"{SCHEDULED_PREFIX}{_stamp(now)}.db")
    metadata = backup_metadata(vault, now)
    vault.backup(destination)
    with _storage_errors():
        atomic_write(metadata_path(destination), metadata)
    refresh_key_copy(folder.root)
    vault.log("backup", target=destination.name, detail={"kind": "scheduled"})
    prune_backups(folder.root, keep)
    return destination


def backup_if_due(vault: Vault, settings, now: datetime | None = None) -> Path | None:
    """The scheduled backup, taken at unlock: run it off the UI thread (SQLite's backup reads the whole database).

    Reads the settings `backup_interval_hours` (0 = off) and `backup_keep`; returns the new file, or None when no
    backup was due. Raises StorageFull / StorageFailed when the copy cannot be written (no partial file remains).
    """
    interval = int(settings.get("backup_interval_hours"))
    if not backup_due(vault.folder.root, interval, now):
        return None
    return make_backup(vault, keep=int(settings.get("backup_keep")), now=now)


def remove_partial_backups(data_dir: Path) -> list[Path]:
    """Unfinished copies (`*.partial` and their -wal/-shm) that a killed backup left behind; returns what went.

    A backup in progress writes its own `.partial` and renames it when done; one vault has one writer, so at the
    start of the next backup any `.partial` is a leftover.
    """
    removed = []
    with contextlib.suppress(OSError):
        for path in DataFolder(Path(data_dir)).backups.iterdir():
            if ".partial" in path.name and path.is_file():
                with contextlib.suppress(OSError):
                    path.unlink()
                    removed.append(path)
    return removed


def prune_backups(data_dir: Path, keep: int) -> list[Path]:
    """Remove the oldest automatic backups beyond `keep` (at least one is always kept); returns what went.

    Databases moved aside by a restore and backups the user wrote elsewhere are never removed.
    """
    automatic = [b for b in list_backups(data_dir) if b.kind in AUTOMATIC_KINDS]
    removed = []
    for info in automatic[max(keep, 1):]:
        with contextlib.suppress(FileNotFoundError):
            info.path.unlink()
            removed.append(info.path)
        with contextlib.suppress(FileNotFoundError):
            metadata_path(info.path).unlink()
    return removed


def refresh_key_copy(data_dir: Path) -> None:
    """Keep a copy of the key file among the backups (a backup opens only with it). Call after the key file
    changes too (a new passphrase), so that the copy does not keep an old passphrase working."""
    folder = DataFolder(Path(data_dir))
    try:
        data = folder.key_file.read_bytes()
        load_key_file(folder.key_file)  # never copy a damaged key file over a good copy
    except (OSError, VaultError):
        return
    with _storage_errors():
        atomic_write(folder.backups / KEY_COPY_NAME, data)


# -- restoring ---------------------------------------------------------------------------------------------------
@dataclass
class RestoreResult:
    vault: Vault  # the restored vault, unlocked; the caller closes it
    restored_from: Path
    moved_aside: list[Path]  # the files of the previous database, now in backups/ (empty when there was none)
    key_file_restored: bool  # the key file was unusable and its copy from backups/ was put back


def restorable_key_copy(data_dir: Path) -> bool:
    """True when the key file is missing or damaged and a usable copy exists among the backups."""
    folder = DataFolder(Path(data_dir))
    try:
        load_key_file(folder.key_file)
        return False
    except (KeyFileMissing, KeyFileDamaged):
        pass
    try:
        load_key_file(folder.backups / KEY_COPY_NAME)
        return True
    except VaultError:
        return False


def restore_backup(data_dir: Path, backup: Path, passphrase: str, *, now: datetime | None = None) -> RestoreResult:
    """Replace the vault's database with `backup` and open it; no file is ever deleted.

    The passphrase unlocks the current key file (or its copy in backups/ when the key file is missing or damaged),
    and failed tries count like failed unlocks. Raises WrongPassphrase, TooManyAttempts, BackupUnusable (damaged, or
    made under another key), BackupTooNew, StorageFull; in each case the data folder is as it was. The restore is
    recorded in the restored database's use log.
    """
    folder = DataFolder(Path(data_dir))
    undo_interrupted_restore(folder)
    backup = Path(backup)
    key_file, from_copy = _key_file_for_restore(folder)
    data_key = _unwrap(folder, key_file, passphrase)
    with key_file_errors():
        key_file.check_header(data_key)
    replaced_head = _chain_head(folder.database, data_key)
    staging = folder.root / STAGING_NAME
    _stage(backup, staging, data_key)
    stamp = _stamp(now)
    try:
        moves = _aside_moves(folder, stamp, key_file=from_copy and folder.key_file.exists())
        write_restore_journal(folder, moves)
        moved = []
        try:
            with _storage_errors():
                for source, target in moves:
                    moved.append(_move(source, target))
                fsync_directory(folder.backups)
                os.replace(staging, folder.database)
                if from_copy:
                    atomic_write(folder.key_file, (folder.backups / KEY_COPY_NAME).read_bytes())
                fsync_directory(folder.root)
        except BaseException:
            undo_interrupted_restore(folder)  # the data folder is left as it was found
            raise
    finally:
        _remove_staging(staging)
    vault = Vault._open(folder, key_file, data_key)
    try:
        vault._record_failed_attempts(AttemptCounter(folder.attempts))
        # The replaced database's chain head: the events after the backup stay provable even if the moved-aside
        # file is deleted later (an anchor the restored log keeps).
        # A backup of this folder by its generated name; a file from elsewhere only as "file" (its name was chosen).
        named = backup.name if _info(backup) is not None and _info(backup).kind != "other" else "file"
        vault.log("restore", target=named,
                  detail={"moved_aside": [path.name for path in moved], "key_file_restored": from_copy,
                          "replaced_head": replaced_head})
        vault.log("unlock", detail={"method": "passphrase", "after": "restore"})
        finish_restore(folder)
    except BaseException:
        vault.close()
        raise
    return RestoreResult(vault=vault, restored_from=backup, moved_aside=moved, key_file_restored=from_copy)


def _chain_head(database: Path, data_key: bytes) -> str | None:
    """`SEQ:HASH` of a database's use log, "unreadable" for a damaged one, None when there is no database."""
    if not database.exists():
        return None
    from sqlalchemy.orm import Session as OrmSession

    from askel.store import audit

    try:
        engine = open_engine(database, data_key)
    except VaultError:
        return "unreadable"
    try:
        with OrmSession(engine) as session:
            return str(audit.head(session))
    except Exception:  # a damaged database: the restore goes on, and says so
        return "unreadable"
    finally:
        engine.dispose()


def restore_key_file(data_dir: Path, passphrase: str, *, now: datetime | None = None) -> Vault:
    """Put the key file's copy from backups/ back when the key file is missing or damaged, keeping the database.

    The copy must unlock with `passphrase` and open the current database; the damaged key file is moved aside.
    """
    folder = DataFolder(Path(data_dir))
    undo_interrupted_restore(folder)
    if not restorable_key_copy(folder.root):
        return Vault.unlock(folder.root, passphrase)  # the key file is fine (or there is no copy): a plain unlock
    copy = load_key_file(folder.backups / KEY_COPY_NAME)
    data_key = _unwrap(folder, copy, passphrase)
    if not folder.database.exists():
        raise DatabaseMissing()
    try:
        open_engine(folder.database, data_key).dispose()
    except DatabaseDamaged:
        raise BackupUnusable() from None  # the copy belongs to another vault, or the database is damaged
    moved = []
    with _storage_errors():
        if folder.key_file.exists():
            moved.append(_move(folder.key_file, _unique_key_name(folder, _stamp(now))))
        atomic_write(folder.key_file, (folder.backups / KEY_COPY_NAME).read_bytes())
    vault = Vault._open(folder, copy, data_key)
    try:
        vault._record_failed_attempts(AttemptCounter(folder.attempts))
        vault.log("restore", target="key_file", detail={"moved_aside": [path.name for path in moved]})
        vault.log("unlock", detail={"method": "passphrase", "after": "restore"})
    except BaseException:
        vault.close()
        raise
    return vault


def _key_file_for_restore(folder: DataFolder) -> tuple[KeyFile, bool]:
    try:
        return load_key_file(folder.key_file), False
    except (KeyFileMissing, KeyFileDamaged):
        copy = folder.backups / KEY_COPY_NAME
        if not copy.exists():
            raise
        return load_key_file(copy), True


def _unwrap(folder: DataFolder, key_file: KeyFile, passphrase: str) -> bytes:
    counter = AttemptCounter(folder.attempts)
    counter.check()
    try:
        with key_file_errors():
            return key_file.unwrap_with_passphrase(passphrase)
    except WrongPassphrase:
        counter.add_failure()
        raise


def _sidecars(path: Path) -> tuple[Path, Path]:
    return path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


def _remove_staging(staging: Path) -> None:
    for path in (staging, *_sidecars(staging)):
        with contextlib.suppress(OSError):
            path.unlink()


def _stage(backup: Path, staging: Path, data_key: bytes) -> None:
    """Copy the backup (and its log, if it has one) beside the database and prove it opens with this key."""
    _remove_staging(staging)
    try:
        with _storage_errors():
            if not backup.is_file():
                raise BackupUnusable()
            shutil.copyfile(backup, staging)
            os.chmod(staging, 0o600)
            wal = backup.with_name(backup.name + "-wal")
            if wal.is_file():  # a moved-aside database keeps its latest changes in its log
                shutil.copyfile(wal, _sidecars(staging)[0])
        try:
            engine = open_engine(staging, data_key)
        except DatabaseDamaged:
            raise BackupUnusable() from None
        try:
            check_integrity(engine)
            if migrate.check_not_newer(engine) is None:
                raise BackupUnusable()
            with engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        except DatabaseDamaged:
            raise BackupUnusable() from None
        except DatabaseTooNew:
            raise BackupTooNew() from None
        finally:
            engine.dispose()
        wal, shm = _sidecars(staging)
        if wal.exists() and wal.stat().st_size:
            raise BackupUnusable()  # the checked copy still has unmerged changes: refuse rather than lose them
        for path in (wal, shm):
            path.unlink(missing_ok=True)
    except BaseException:
        _remove_staging(staging)
        raise


def _move(source: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(source, target)
    return target


def _unique_key_name(folder: DataFolder, stamp: str) -> Path:
    candidate, number = folder.backups / f"{REPLACED_PREFIX}{stamp}.key", 1
    while candidate.exists():
        number += 1
        candidate = folder.backups / f"{REPLACED_PREFIX}{stamp}-{number}.key"
    return candidate


def _aside_moves(folder: DataFolder, stamp: str, *, key_file: bool) -> list[tuple[Path, Path]]:
    """Where the current database and its log go in backups/ (under one new name, so that they still belong
    together), and the key file when a copy replaces it."""
    moves = []
    if folder.database.exists():
        target = _unique(folder.backups / f"{REPLACED_PREFIX}{stamp}.db")
        moves.append((folder.database, target))
        for sidecar, suffix in zip(folder.sidecars(), ("-wal", "-shm"), strict=True):
            if sidecar.exists():
                moves.append((sidecar, target.with_name(target.name + suffix)))
    if key_file:
        moves.append((folder.key_file, _unique_key_name(folder, stamp)))
    with _storage_errors():
        folder.backups.mkdir(parents=True, exist_ok=True)
    return moves
