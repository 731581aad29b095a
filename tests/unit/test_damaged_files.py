"""Damaged or wrong files: a clear message in the user's language, the original left untouched, a backup offered.

Each case builds a real vault, breaks one file the way it breaks in the field (a truncated copy, flipped bits, a key
file from another vault, a lost write-ahead log, a newer schema, a full disk), and checks three things: the error is
a VaultError whose message is translatable (context "vault"), every file of the data folder has the same bytes as
before, and `latest_backup` names the backup to offer.
"""

from __future__ import annotations

import errno
import hashlib
import shutil
from datetime import date
from pathlib import Path

import pytest
import sqlcipher3
from sqlalchemy import event, text
from sqlalchemy.exc import OperationalError

from askel.store import clients
from askel.store.backup import latest_backup, make_backup
from askel.store.db import connect_raw, storage_error
from askel.store.errors import (
    DatabaseDamaged,
    DatabaseIncomplete,
    DatabaseMissing,
    DatabaseTooNew,
    KeyFileDamaged,
    KeyFileMissing,
    StorageFailed,
    StorageFull,
    VaultError,
    offers_backup,
)
from askel.store.keyfile import KeyFile
from askel.store.vault import DataFolder, Vault
from tests.conftest import PASSPHRASE

ERRORS_SOURCE = (Path(__file__).resolve().parents[2] / "desktop/askel/store/errors.py").read_text("utf-8")
PAGE = 4096


def snapshot(root: Path) -> dict[str, str]:
    """Every file under the data folder with its hash (the failed-attempt counter is not part of the vault)."""
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name != "unlock-attempts.json"
    }


def assert_clear_message(error: VaultError) -> None:
    assert error.message.context == "vault"
    # The English source is marked with QT_TRANSLATE_NOOP in errors.py, so lupdate puts it in the catalogues.
    assert error.message.text.split("{")[0][:40] in ERRORS_SOURCE
    assert error.message.english().endswith(".")


@pytest.fixture
def broken_vault(vault, data_dir):
    """A closed vault with two clients, one scheduled backup (the one to offer) and a checkpointed database."""
    clients.add_client(vault, clients.ClientData("Sanna", "Kivikallio", date(1952, 10, 13), "131052-308T",
                                                 guardians=[clients.GuardianData("Pekka Kivikallio")]))
    backup = make_backup(vault, keep=5)
    clients.add_client(vault, clients.ClientData("Elias", "Berg", date(2001, 1, 1), "010101A123N"))
    vault.close()
    return DataFolder(data_dir), backup


def refused(data_dir: Path, expected: type[VaultError], passphrase: str = PASSPHRASE) -> VaultError:
    before = snapshot(data_dir)
    with pytest.raises(expected) as caught:
        Vault.unlock(data_dir, passphrase)
    assert snapshot(data_dir) == before, "a refused vault must be left byte for byte as it was"
    assert_clear_message(caught.value)
    return caught.value


def offers(data_dir: Path, error: VaultError, backup: Path) -> None:
    assert offers_backup(error)
    assert latest_backup(data_dir).path == backup


# -- the database file -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("keep", ["empty", "100 bytes", "half", "one page short"])
def test_truncated_database(broken_vault, data_dir, keep):
    folder, backup = broken_vault
    size = folder.database.stat().st_size
    length = {"empty": 0, "100 bytes": 100, "half": size // 2, "one page short": size - PAGE}[keep]
    with open(folder.database, "r+b") as handle:
        handle.truncate(length)
    error = refused(data_dir, DatabaseDamaged)
    assert "damaged" in error.message.english()
    offers(data_dir, error, backup)


@pytest.mark.parametrize("where", ["header", "second page", "middle", "last page", "last byte"])
def test_flipped_bytes_in_the_database(broken_vault, data_dir, where):
    folder, backup = broken_vault
    size = folder.database.stat().st_size
    offset = {"header": 10, "second page": PAGE + 900, "middle": (size // PAGE // 2) * PAGE + 123,
              "last page": size - 100, "last byte": size - 1}[where]
    with open(folder.database, "r+b") as handle:
        handle.seek(offset)
        byte = handle.read(1)[0]
        handle.seek(offset)
        handle.write(bytes([byte ^ 0x01]))  # one bit: the page's HMAC must notice
    error = refused(data_dir, DatabaseDamaged)
    offers(data_dir, error, backup)


def test_damage_found_while_working_is_reported_as_damage(vault, data_dir):
    clients.add_client(vault, clients.ClientData("Sanna", "Kivikallio", date(1952, 10, 13)))
    with vault.read() as session:
        session.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
    vault.engine.dispose()  # no page stays cached: the next query reads the file
    database = DataFolder(data_dir).database
    with open(database, "r+b") as handle:
        for offset in range(2 * PAGE + 100, database.stat().st_size, PAGE):
            handle.seek(offset)
            byte = handle.read(1)[0]
            handle.seek(offset)
            handle.write(bytes([byte ^ 0xFF]))
    with pytest.raises(DatabaseDamaged):
        clients.search_clients(vault, "")


def test_database_missing_offers_the_backup(broken_vault, data_dir):
    folder, backup = broken_vault
    folder.database.unlink()
    error = refused(data_dir, DatabaseMissing)
    assert not folder.database.exists()
    offers(data_dir, error, backup)


# -- the key file ------------------------------------------------------------------------------------------------
def test_key_file_of_another_vault(broken_vault, data_dir, tmp_path):
    folder, backup = broken_vault
    other = Vault.create(tmp_path / "other", PASSPHRASE, clinician_name="B", role="nurse", kdf_iterations=1)
    other.close()
    shutil.copyfile(DataFolder(tmp_path / "other").key_file, folder.key_file)
    error = refused(data_dir, DatabaseDamaged)  # the same passphrase opens the wrong key: the database says no
    assert "another key file" in error.message.english()
    offers(data_dir, error, backup)


def test_missing_key_file(broken_vault, data_dir):
    folder, backup = broken_vault
    folder.key_file.unlink()
    error = refused(data_dir, KeyFileMissing)
    offers(data_dir, error, backup)


@pytest.mark.parametrize("damage", ["truncated", "not json", "empty", "binary", "no passphrase wrap", "huge"])
def test_damaged_key_file(broken_vault, data_dir, damage):
    folder, backup = broken_vault
    original = folder.key_file.read_bytes()
    broken = {
        "truncated": original[: len(original) // 2],
        "not json": b"this is not a key file",
        "empty": b"",
        "binary": bytes(range(256)) * 4,
        "no passphrase wrap": original.replace(b'"passphrase"', b'"passfrase"'),
        "huge": b" " * (65 * 1024) + original,
    }[damage]
    folder.key_file.write_bytes(broken)
    error = refused(data_dir, KeyFileDamaged)
    offers(data_dir, error, backup)


# -- the write-ahead log -----------------------------------------------------------------------------------------
def crash_copy(vault, data_dir: Path, target: Path) -> DataFolder:
    """The data folder as a crash leaves it: the database, its log and the log's index, with the vault still open."""
    shutil.copytree(data_dir, target)
    return DataFolder(target)


def test_missing_write_ahead_log_is_refused_not_silently_dropped(vault, data_dir, tmp_path):
    make_backup(vault, keep=5)
    with vault.read() as session:
        session.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
    clients.add_client(vault, clients.ClientData("Sanna", "Kivikallio", date(1952, 10, 13)))
    with vault.read() as session:  # a reader keeps the log from being merged while the copies are made
        session.execute(text("select 1"))
        intact = crash_copy(vault, data_dir, tmp_path / "intact")
        lost = crash_copy(vault, data_dir, tmp_path / "lost")
    vault.close()
    wal, shm = lost.sidecars()
    assert wal.exists() and shm.exists()
    # The control: with its log, the crashed copy opens and the client saved into the log is there.
    reopened = Vault.unlock(intact.root, PASSPHRASE)
    assert [c.family_name for c in clients.search_clients(reopened, "")] == ["Kivikallio"]
    reopened.close()
    wal.unlink()
    error = refused(lost.root, DatabaseIncomplete)
    assert "askel.db-wal" in error.message.english()
    assert offers_backup(error)
    assert latest_backup(lost.root) is not None


# -- a newer schema ----------------------------------------------------------------------------------------------
def test_newer_schema_is_refused_byte_for_byte(broken_vault, data_dir):
    folder, backup = broken_vault
    key = KeyFile.load(folder.key_file).unwrap_with_passphrase(PASSPHRASE)
    raw = connect_raw(folder.database, key)
    raw.execute("UPDATE alembic_version SET version_num = '9999_future'")
    raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw.close()
    error = refused(data_dir, DatabaseTooNew)
    assert "newer version" in error.message.english()
    assert not offers_backup(error)  # an older backup would lose data: the way out is the newer Askel
    assert latest_backup(data_dir).path == backup


# -- a full disk -------------------------------------------------------------------------------------------------
def fill_the_disk(vault) -> None:
    """The database may not grow by a single page: SQLite answers SQLITE_FULL, as on a full disk."""
    with vault.read() as session:
        pages = session.execute(text("PRAGMA page_count")).scalar()

    @event.listens_for(vault.engine, "connect")
    def _limit(dbapi_connection, _record):
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    vault.engine.dispose()


def test_full_disk_while_saving_a_client(vault, data_dir):
    clients.add_client(vault, clients.ClientData("Sanna", "Kivikallio", date(1952, 10, 13)))
    fill_the_disk(vault)
    big = clients.ClientData("Elias", "Berg", date(2001, 1, 1), school_or_unit="x" * 200_000)
    with pytest.raises(StorageFull) as caught:
        clients.add_client(vault, big)
    assert_clear_message(caught.value)
    assert "full" in caught.value.message.english()
    # Nothing half-saved, and the vault still works for reading.
    assert [c.family_name for c in clients.search_clients(vault, "")] == ["Kivikallio"]
    with vault.read() as session:
        assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"


def enospc(*_args, **_kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


def test_full_disk_while_changing_the_passphrase_keeps_the_key_file(vault, data_dir, monkeypatch):
    folder = DataFolder(data_dir)
    before = folder.key_file.read_bytes()
    with monkeypatch.context() as patched:
        patched.setattr("askel.store.keyfile.atomic_write", enospc)
        with pytest.raises(StorageFull):
            vault.change_passphrase(PASSPHRASE, "uusi tunnuslause 77")
    assert folder.key_file.read_bytes() == before
    vault.close()
    Vault.unlock(data_dir, PASSPHRASE).close()


def test_full_disk_while_writing_a_backup_leaves_no_partial_file(vault, data_dir, monkeypatch):
    import askel.store.vault as vault_module

    real_connect = vault_module.connect_raw

    def full_target(path, key):
        connection = real_connect(path, key)
        connection.execute("PRAGMA max_page_count = 2")
        return connection

    monkeypatch.setattr(vault_module, "connect_raw", full_target)
    clients.add_client(vault, clients.ClientData("Sanna", "Kivikallio", date(1952, 10, 13)))
    with pytest.raises(StorageFull):
        make_backup(vault, keep=5)
    backups = DataFolder(data_dir).backups
    assert not backups.exists() or not [p for p in backups.iterdir() if p.suffix != ".key"]
    assert latest_backup(data_dir) is None


def test_full_disk_at_first_run_leaves_nothing_behind(data_dir, monkeypatch):
    import askel.store.vault as vault_module

    def failing_open(*_args, **_kwargs):
        raise StorageFull()

    monkeypatch.setattr(vault_module, "open_engine", failing_open)
    with pytest.raises(StorageFull):
        Vault.create(data_dir, PASSPHRASE, clinician_name="A", role="nurse", kdf_iterations=1)
    assert not DataFolder(data_dir).has_vault()  # the first-run assistant can simply be tried again


def test_full_disk_when_counting_a_wrong_passphrase(vault, data_dir, monkeypatch):
    vault.close()
    monkeypatch.setattr("askel.store.vault.atomic_write", enospc)
    with pytest.raises(StorageFull):
        Vault.unlock(data_dir, "not the passphrase")


# -- the mapping itself ------------------------------------------------------------------------------------------
def driver_error(code: int, name: str, text_: str):
    error = sqlcipher3.OperationalError(text_)
    error.sqlite_errorcode, error.sqlite_errorname = code, name
    return error


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (driver_error(13, "SQLITE_FULL", "database or disk is full"), StorageFull),
        (driver_error(8, "SQLITE_READONLY", "attempt to write a readonly database"), StorageFull),
        (driver_error(11, "SQLITE_CORRUPT", "database disk image is malformed"), DatabaseDamaged),
        (driver_error(26, "SQLITE_NOTADB", "file is not a database"), DatabaseDamaged),
        (driver_error(778, "SQLITE_IOERR_WRITE", "disk I/O error"), StorageFailed),
        (sqlcipher3.OperationalError("database or disk is full"), StorageFull),
        (OSError(errno.ENOSPC, "No space left on device"), StorageFull),
        (OSError(errno.EDQUOT, "Disk quota exceeded"), StorageFull),
        (OSError(errno.EIO, "Input/output error"), StorageFailed),
    ],
)
def test_storage_errors_map_to_vault_errors(error, expected):
    assert isinstance(storage_error(error), expected)
    wrapped = OperationalError("INSERT INTO client …", None, error)  # as SQLAlchemy hands it on
    assert isinstance(storage_error(wrapped), expected)


def test_other_errors_are_not_mapped():
    assert storage_error(driver_error(19, "SQLITE_CONSTRAINT", "UNIQUE constraint failed")) is None
    assert storage_error(ValueError("x")) is None


@pytest.mark.parametrize("content", [b"[" * 60_000, b"{" + b" " * 200_000 + b"}", b"\xff\xfe", b'{"failures": 5}'])
def test_a_damaged_attempt_counter_does_not_stop_unlocking(vault, data_dir, content):
    vault.close()
    DataFolder(data_dir).attempts.write_bytes(content)
    Vault.unlock(data_dir, PASSPHRASE).close()


def test_the_window_leaves_the_check_for_after_the_paint_but_never_migrates_an_unchecked_database(vault, data_dir):
    """The command line checks every page before a vault opens; the window asks for the check later (its
    background maintenance runs it first thing). A vault that needs a migration is checked before it is
    backed up and upgraded, whoever opens it."""
    from askel.store import migrate
    from tests.unit.test_migrations import downgrade_to

    vault.close()
    assert Vault.unlock(data_dir, PASSPHRASE).integrity_checked  # the command line's way
    window_opened = Vault.unlock(data_dir, PASSPHRASE, check_later=True)
    assert not window_opened.integrity_checked
    downgrade_to(window_opened, "0001")
    window_opened.close()
    upgraded = Vault.unlock(data_dir, PASSPHRASE, check_later=True)
    assert upgraded.integrity_checked and migrate.current_revision(upgraded.engine) == migrate.head_revision()
    upgraded.close()
