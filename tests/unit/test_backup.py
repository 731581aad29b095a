"""Backups: the schedule, pruning, the latest backup, and restoring (from the store and from `askel restore`)."""

from __future__ import annotations

import hashlib
import shutil
import threading
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from askel.core.settings import Settings
from askel.store import clients, courses
from askel.store.backup import (
    KEY_COPY_NAME,
    backup_due,
    backup_if_due,
    latest_backup,
    list_backups,
    make_backup,
    prune_backups,
    restorable_key_copy,
    restore_backup,
    restore_key_file,
)
from askel.store.db import PLAINTEXT_HEADER, connect_raw
from askel.store.errors import BackupTooNew, BackupUnusable, TooManyAttempts, WrongPassphrase
from askel.store.keyfile import KeyFile
from askel.store.vault import DataFolder, Vault
from tests.conftest import PASSPHRASE

T0 = datetime(2026, 3, 5, 8, 0, tzinfo=UTC)


def dump(vault_or_path, key: bytes | None = None) -> dict[str, list[tuple]]:
    """Every row of every table, sorted: two databases with equal dumps hold the same data."""
    if isinstance(vault_or_path, Vault):
        raw = vault_or_path.engine.raw_connection()
        connection, close = raw.driver_connection, raw.close
    else:
        connection = connect_raw(Path(vault_or_path), key)
        close = connection.close
    try:
        tables = [row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        result = {}
        for table in tables:
            order = " ORDER BY seq" if table == "audit_event" else ""
            rows = connection.execute(f'SELECT * FROM "{table}"{order}').fetchall()  # noqa: S608 (schema names)
            result[table] = sorted(rows, key=repr) if table != "audit_event" else rows
        return result
    finally:
        close()


def snapshot(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() and p.name != "unlock-attempts.json"}


def add_family(vault, family="Kivikallio", hetu="131052-308T", born=date(1952, 10, 13)):
    client = clients.add_client(vault, clients.ClientData(
        "Sanna", family, born, hetu, guardians=[clients.GuardianData("Pekka " + family, "isä")]))
    course = courses.start_course(vault, client.id, "ipc_adults", "1", planned_sessions=6)
    session = courses.add_session(vault, course.id, datetime(2026, 3, 1, 10, 0), notes="first visit")
    courses.record_administration(vault, course.id, instrument_id="phq9", instrument_version="1", respondent="client",
                                  answers={"q1": 2}, total=12.0, subscales={}, band="moderate", alerts=[],
                                  session_id=session.id)
    courses.save_draft(vault, f"session:{session.id}:notes", "draft text")
    return client


def data_key(data_dir) -> bytes:
    return KeyFile.load(DataFolder(data_dir).key_file).unwrap_with_passphrase(PASSPHRASE)


# -- schedule and pruning ----------------------------------------------------------------------------------------
def test_backup_due_follows_the_interval(vault, data_dir):
    assert backup_due(data_dir, 24, T0)  # no backup yet
    assert not backup_due(data_dir, 0, T0)  # 0 = scheduled backups off
    make_backup(vault, keep=10, now=T0)
    assert not backup_due(data_dir, 24, T0 + timedelta(hours=23, minutes=59))
    assert backup_due(data_dir, 24, T0 + timedelta(hours=24))
    assert backup_due(data_dir, 1, T0 + timedelta(hours=1))


def test_backup_is_encrypted_audited_and_keeps_a_key_copy(vault, data_dir):
    add_family(vault)
    path = make_backup(vault, keep=10, now=T0)
    assert path.parent == DataFolder(data_dir).backups
    assert path.name == "askel-20260305T080000Z.db"
    assert not path.read_bytes().startswith(PLAINTEXT_HEADER)
    assert b"Kivikallio" not in path.read_bytes()
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert (DataFolder(data_dir).backups / KEY_COPY_NAME).read_bytes() == DataFolder(data_dir).key_file.read_bytes()
    with vault.read() as session:
        last = session.execute(text("SELECT action, target FROM audit_event ORDER BY seq DESC LIMIT 1")).one()
    assert tuple(last) == ("backup", path.name)
    assert dump(path, data_key(data_dir))["client"] == dump(vault)["client"]


def test_prune_keeps_the_newest_automatic_backups_only(vault, data_dir):
    made = [make_backup(vault, keep=100, now=T0 + timedelta(hours=h)) for h in range(5)]
    backups = DataFolder(data_dir).backups
    replaced = backups / "replaced-20200101T000000Z.db"
    shutil.copyfile(made[0], replaced)
    elsewhere = backups / "my-own-copy.db"
    shutil.copyfile(made[0], elsewhere)
    removed = prune_backups(data_dir, 2)
    assert sorted(removed) == sorted(made[:3])
    assert {p.name for p in backups.glob("*.db")} == {made[3].name, made[4].name, replaced.name, elsewhere.name}
    assert prune_backups(data_dir, 0) == [made[3]]  # at least one is always kept


def test_make_backup_prunes_to_the_setting(vault, data_dir):
    for hour in range(4):
        make_backup(vault, keep=2, now=T0 + timedelta(hours=hour))
    assert [b.created.hour for b in list_backups(data_dir)] == [11, 10]


def test_latest_backup_and_listing(vault, data_dir):
    assert latest_backup(data_dir) is None and list_backups(data_dir) == []
    first = make_backup(vault, keep=10, now=T0)
    second = make_backup(vault, keep=10, now=T0 + timedelta(days=1))
    backups = DataFolder(data_dir).backups
    shutil.copyfile(first, backups / "replaced-20300101T000000Z.db")  # newer, but a moved-aside database
    (backups / "askel-20310101T000000Z.db.partial").write_bytes(b"unfinished")
    listed = list_backups(data_dir)
    assert [b.kind for b in listed] == ["replaced", "scheduled", "scheduled"]
    assert latest_backup(data_dir).path == second
    assert listed[1].size == second.stat().st_size
    assert listed[1].created == T0 + timedelta(days=1)


def test_two_backups_in_the_same_second_do_not_overwrite(vault, data_dir):
    first = make_backup(vault, keep=10, now=T0)
    second = make_backup(vault, keep=10, now=T0)
    assert first != second and first.exists() and second.exists()


def test_backup_if_due_reads_the_settings(vault, data_dir, tmp_path):
    settings = Settings.load(tmp_path / "settings.json", policy_layers=[])
    settings.set("backup_interval_hours", 0)
    assert backup_if_due(vault, settings, now=T0) is None
    settings.set("backup_interval_hours", 12)
    settings.set("backup_keep", 2)
    assert backup_if_due(vault, settings, now=T0) is not None
    assert backup_if_due(vault, settings, now=T0 + timedelta(hours=11)) is None
    for hour in (12, 24, 36):
        assert backup_if_due(vault, settings, now=T0 + timedelta(hours=hour)) is not None
    assert len(list_backups(data_dir)) == 2


def test_backup_runs_off_the_ui_thread_while_the_user_keeps_writing(vault, data_dir, tmp_path):
    for n in range(20):
        add_family(vault, family=f"Suku{chr(65 + n)}", hetu=None)
    settings = Settings.load(tmp_path / "settings.json", policy_layers=[])
    results, errors = [], []

    def work():
        try:
            results.append(backup_if_due(vault, settings))
        except Exception as error:  # pragma: no cover (reported below)
            errors.append(error)

    worker = threading.Thread(target=work)
    worker.start()
    for n in range(5):
        clients.add_client(vault, clients.ClientData("Uusi", f"Asiakas{chr(65 + n)}", date(2000, 1, 1)))
    worker.join(30)
    assert not errors and results and results[0].exists()
    copy = connect_raw(results[0], data_key(data_dir))
    assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    copy.close()


# -- restoring ---------------------------------------------------------------------------------------------------
@pytest.fixture
def restorable(vault, data_dir):
    """A vault with data, a backup of it, and later changes the restore must undo."""
    add_family(vault)
    backup = make_backup(vault, keep=10, now=T0)
    at_backup = dump(vault)
    other = add_family(vault, family="Berg", hetu="010101A123N", born=date(2001, 1, 1))
    clients.update_client(vault, other.id, clients.ClientData("Elias", "Berg", date(2001, 1, 1), "010101A123N"))
    with vault.read() as session:
        first = session.execute(text("SELECT id FROM client WHERE family_name = 'Kivikallio'")).scalar()
    clients.delete_client(vault, first)
    vault.close()
    return backup, at_backup


def test_restore_gives_back_exactly_the_backed_up_data(restorable, data_dir):
    backup, at_backup = restorable
    folder = DataFolder(data_dir)
    previous = folder.database.read_bytes()
    result = restore_backup(data_dir, backup, PASSPHRASE)
    vault = result.vault
    restored = dump(vault)
    audit_before, audit_after = at_backup.pop("audit_event"), restored.pop("audit_event")
    # The "backup" event is written just after the copy is taken, so the copy holds everything before it.
    assert audit_before[-1][5:8] == ("backup", None, backup.name)
    audit_before = audit_before[:-1]
    assert restored == at_backup, "every table except the use log is byte for byte the backed-up data"
    assert audit_after[: len(audit_before)] == audit_before
    added = [row[5] for row in audit_after[len(audit_before):]]
    assert added == ["restore", "unlock"]
    with vault.read() as session:
        from askel.store import audit

        assert audit.verify(session).ok
    vault.close()
    # The replaced database was moved aside, not deleted, and still holds the later changes.
    assert result.moved_aside and result.moved_aside[0].read_bytes() == previous
    assert result.moved_aside[0].parent == folder.backups
    assert backup.exists()
    moved = dump(result.moved_aside[0], data_key(data_dir))
    assert [row for row in moved["client"] if "Berg" in row]


def test_restore_never_modifies_the_backup_file(restorable, data_dir):
    backup, _ = restorable
    before = backup.read_bytes()
    restore_backup(data_dir, backup, PASSPHRASE).vault.close()
    assert backup.read_bytes() == before
    assert not (DataFolder(data_dir).root / "askel.db.restoring").exists()


def test_restore_can_be_undone_from_the_moved_aside_database(restorable, data_dir):
    backup, _ = restorable
    key = data_key(data_dir)
    before = dump(DataFolder(data_dir).database, key)
    first = restore_backup(data_dir, backup, PASSPHRASE)
    first.vault.close()
    again = restore_backup(data_dir, first.moved_aside[0], PASSPHRASE)
    undone = dump(again.vault)
    again.vault.close()
    assert undone["client"] == before["client"]


def test_a_backup_from_another_vault_is_refused_and_nothing_changes(restorable, data_dir, tmp_path):
    other = Vault.create(tmp_path / "other", PASSPHRASE, clinician_name="B", role="nurse", kdf_iterations=1)
    foreign = make_backup(other, keep=10)
    other.close()
    before = snapshot(data_dir)
    with pytest.raises(BackupUnusable) as caught:
        restore_backup(data_dir, foreign, PASSPHRASE)
    assert caught.value.message.context == "vault"
    assert snapshot(data_dir) == before


@pytest.mark.parametrize("damage", ["flipped", "truncated", "not a database", "missing"])
def test_a_damaged_backup_is_refused_and_nothing_changes(restorable, data_dir, tmp_path, damage):
    backup, _ = restorable
    broken = tmp_path / "broken.db"
    data = backup.read_bytes()
    if damage == "flipped":
        broken.write_bytes(data[:5000] + bytes([data[5000] ^ 1]) + data[5001:])
    elif damage == "truncated":
        broken.write_bytes(data[: len(data) // 2])
    elif damage == "not a database":
        broken.write_bytes(b"hello" * 1000)
    before = snapshot(data_dir)
    given = broken.read_bytes() if broken.exists() else None
    with pytest.raises(BackupUnusable):
        restore_backup(data_dir, broken, PASSPHRASE)
    assert snapshot(data_dir) == before
    assert (broken.read_bytes() if broken.exists() else None) == given


def test_a_backup_from_a_newer_askel_is_refused(restorable, data_dir, tmp_path):
    backup, _ = restorable
    newer = tmp_path / "newer.db"
    shutil.copyfile(backup, newer)
    raw = connect_raw(newer, data_key(data_dir))
    raw.execute("UPDATE alembic_version SET version_num = '9999_future'")
    raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw.close()
    before = snapshot(data_dir)
    with pytest.raises(BackupTooNew):
        restore_backup(data_dir, newer, PASSPHRASE)
    assert snapshot(data_dir) == before


def test_a_wrong_passphrase_counts_as_a_failed_unlock(restorable, data_dir):
    backup, _ = restorable
    before = snapshot(data_dir)
    for _ in range(5):
        with pytest.raises(WrongPassphrase):
            restore_backup(data_dir, backup, "not the passphrase")
    with pytest.raises(TooManyAttempts):
        restore_backup(data_dir, backup, PASSPHRASE)
    assert snapshot(data_dir) == before


def test_restore_when_the_database_is_missing(restorable, data_dir):
    backup, at_backup = restorable
    DataFolder(data_dir).database.unlink()
    result = restore_backup(data_dir, backup, PASSPHRASE)
    assert result.moved_aside == []
    assert dump(result.vault)["client"] == at_backup["client"]
    result.vault.close()


def test_restore_with_a_missing_key_file_uses_the_key_copy(restorable, data_dir):
    backup, at_backup = restorable
    folder = DataFolder(data_dir)
    original_key = folder.key_file.read_bytes()
    folder.key_file.unlink()
    assert restorable_key_copy(data_dir)
    result = restore_backup(data_dir, backup, PASSPHRASE)
    assert result.key_file_restored
    assert dump(result.vault)["client"] == at_backup["client"]
    result.vault.close()
    assert folder.key_file.read_bytes() == original_key
    Vault.unlock(data_dir, PASSPHRASE).close()


def test_restore_only_the_key_file_keeps_the_database(restorable, data_dir):
    folder = DataFolder(data_dir)
    key_bytes = folder.key_file.read_bytes()
    folder.key_file.write_bytes(key_bytes[:50])  # damaged
    current = dump(folder.database, KeyFile.load(folder.backups / KEY_COPY_NAME).unwrap_with_passphrase(PASSPHRASE))
    vault = restore_key_file(data_dir, PASSPHRASE)
    restored = dump(vault)
    vault.close()
    assert restored["client"] == current["client"]
    assert folder.key_file.read_bytes() == key_bytes
    assert [p for p in folder.backups.glob("replaced-*.key") if p.read_bytes() == key_bytes[:50]]
    assert not restorable_key_copy(data_dir)


# -- askel restore -----------------------------------------------------------------------------------------------
def run_cli(argv: list[str], data_dir: Path) -> int:
    from askel import cli

    return cli.main(["--data-dir", str(data_dir), *argv])


def test_cli_restore(restorable, data_dir, monkeypatch, capsys):
    backup, at_backup = restorable
    monkeypatch.setenv("ASKEL_PASSPHRASE", PASSPHRASE)
    assert run_cli(["restore", "--list"], data_dir) == 0
    assert backup.name in capsys.readouterr().out
    assert run_cli(["restore", str(backup)], data_dir) == 0
    out = capsys.readouterr().out
    assert "restored" in out and "replaced-" in out
    vault = Vault.unlock(data_dir, PASSPHRASE)
    assert dump(vault)["client"] == at_backup["client"]
    with vault.read() as session:
        actions = [row[0] for row in session.execute(text("SELECT action FROM audit_event ORDER BY seq"))]
    vault.close()
    assert "restore" in actions


def test_cli_restore_refuses_clearly(restorable, data_dir, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ASKEL_PASSPHRASE", PASSPHRASE)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"junk" * 100)
    before = snapshot(data_dir)
    assert run_cli(["restore", str(junk)], data_dir) == 1
    assert "cannot be restored" in capsys.readouterr().err
    assert snapshot(data_dir) == before
    monkeypatch.setenv("ASKEL_PASSPHRASE", "wrong passphrase")
    assert run_cli(["restore", str(restorable[0])], data_dir) == 1
    assert "passphrase is not correct" in capsys.readouterr().err
