"""The vault: encryption at rest, the key hierarchy, wrong passphrases, newer schemas, migrations."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from askel.store import clients
from askel.store.db import PLAINTEXT_HEADER, connect_raw
from askel.store.errors import (
    DatabaseMissing,
    DatabaseTooNew,
    KeyFileDamaged,
    KeyFileMissing,
    NotRemembered,
    TooManyAttempts,
    WrongPassphrase,
)
from askel.store.keyfile import MIN_MEMORY_KIB, KeyFile, generate_recovery_keypair, load_recovery_private_key
from askel.store.vault import DataFolder, Vault, delay_after
from tests.conftest import PASSPHRASE

NAMES = ("Sanna-Maaria", "Kivikallio")
HETU = "131052-308T"


def add_known_client(vault):
    return clients.add_client(
        vault,
        clients.ClientData(given_names=NAMES[0], family_name=NAMES[1], birth_date=date(1952, 10, 13), hetu=HETU),
    )


def folder_bytes(root):
    return {p.name: p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_database_is_encrypted_and_no_client_data_on_disk(vault, data_dir):
    add_known_client(vault)
    with vault.read() as session:  # keep a reader open so the WAL is not yet checkpointed
        session.execute(text("select 1"))
        files = folder_bytes(data_dir)
    assert not files["askel.db"].startswith(PLAINTEXT_HEADER)
    assert "askel.db-wal" in files or files["askel.db"]
    needles = [s.encode() for s in (*NAMES, HETU, "131052")] + [s.encode("utf-16-le") for s in NAMES]
    for name, content in files.items():
        for needle in needles:
            assert needle not in content, f"{needle!r} found in {name}"
    vault.close()
    for name, content in folder_bytes(data_dir).items():
        for needle in needles:
            assert needle not in content, f"{needle!r} found in {name} after close"


def test_key_file_stores_kdf_parameters_and_minimum_memory(vault, data_dir):
    key_file = KeyFile.load(DataFolder(data_dir).key_file)
    assert key_file.kdf.memory_kib >= MIN_MEMORY_KIB
    assert set(key_file.wraps) == {"passphrase"}
    assert oct((data_dir / "askel.key").stat().st_mode & 0o777) == "0o600"


def test_unlock_with_passphrase_reads_data(vault, data_dir):
    client = add_known_client(vault)
    vault.close()
    reopened = Vault.unlock(data_dir, PASSPHRASE)
    assert [c.id for c in clients.search_clients(reopened, "kivi")] == [client.id]
    reopened.close()


def test_wrong_passphrase_changes_nothing(vault, data_dir):
    add_known_client(vault)
    vault.close()
    folder = DataFolder(data_dir)
    before = (folder.database.read_bytes(), folder.key_file.read_bytes())
    with pytest.raises(WrongPassphrase) as caught:
        Vault.unlock(data_dir, "not the passphrase")
    assert "passphrase is not correct" in caught.value.message.english()
    assert (folder.database.read_bytes(), folder.key_file.read_bytes()) == before
    assert folder.attempts.exists()


def test_growing_delays_after_five_wrong_passphrases(vault, data_dir):
    vault.close()
    for _ in range(5):
        with pytest.raises(WrongPassphrase):
            Vault.unlock(data_dir, "wrong")
    with pytest.raises(TooManyAttempts) as caught:
        Vault.unlock(data_dir, PASSPHRASE)  # even the right one must wait
    assert 0 < caught.value.wait_seconds <= 5
    assert [delay_after(n) for n in (4, 5, 6, 7, 20)] == [0, 5, 10, 20, 300]


def test_failed_attempts_are_audited_after_the_next_unlock(vault, data_dir):
    vault.close()
    with pytest.raises(WrongPassphrase):
        Vault.unlock(data_dir, "wrong")
    reopened = Vault.unlock(data_dir, PASSPHRASE)
    with reopened.read() as session:
        actions = session.execute(text("select action, success from audit_event order by seq")).all()
    assert ("unlock_failed", False) in [(a, bool(s)) for a, s in actions]
    assert not DataFolder(data_dir).attempts.exists()
    reopened.close()


def test_remember_on_this_computer_unlocks_without_passphrase(vault, data_dir, memory_keyring):
    client = add_known_client(vault)
    vault.set_remembered(True)
    vault.close()
    reopened = Vault.unlock_remembered(data_dir)
    assert clients.search_clients(reopened, HETU)[0].id == client.id
    reopened.set_remembered(False)
    reopened.close()
    assert memory_keyring.secrets == {}
    with pytest.raises(NotRemembered):
        Vault.unlock_remembered(data_dir)


def test_recovery_key_unlocks_and_sets_a_new_passphrase(data_dir):
    private_pem, public_b64 = generate_recovery_keypair()
    vault = Vault.create(data_dir, PASSPHRASE, clinician_name="A", role="nurse", recovery_public_key=public_b64,
                         kdf_iterations=1)
    client = add_known_client(vault)
    vault.close()
    recovered = Vault.unlock_with_recovery(data_dir, load_recovery_private_key(private_pem), "uusi tunnuslause 7")
    assert clients.search_clients(recovered, "Sanna")[0].id == client.id
    recovered.close()
    Vault.unlock(data_dir, "uusi tunnuslause 7").close()
    with pytest.raises(WrongPassphrase):
        Vault.unlock(data_dir, PASSPHRASE)


def test_wrong_recovery_key_is_refused(data_dir):
    _, public_b64 = generate_recovery_keypair()
    other_pem, _ = generate_recovery_keypair()
    Vault.create(data_dir, PASSPHRASE, clinician_name="A", role="nurse", recovery_public_key=public_b64,
                 kdf_iterations=1).close()
    with pytest.raises(WrongPassphrase):
        Vault.unlock_with_recovery(data_dir, load_recovery_private_key(other_pem), "x" * 12)


def test_change_passphrase_keeps_data_and_does_not_reencrypt(vault, data_dir):
    client = add_known_client(vault)
    vault.close()
    opened = Vault.unlock(data_dir, PASSPHRASE)
    database_before = DataFolder(data_dir).database.read_bytes()
    opened.change_passphrase(PASSPHRASE, "toinen tunnuslause 99")
    assert DataFolder(data_dir).database.read_bytes() == database_before
    opened.close()
    with pytest.raises(WrongPassphrase):
        Vault.unlock(data_dir, PASSPHRASE)
    reopened = Vault.unlock(data_dir, "toinen tunnuslause 99")
    assert clients.search_clients(reopened, "Kivikallio")[0].id == client.id
    reopened.close()


def test_newer_schema_is_refused_untouched(vault, data_dir):
    vault.close()
    folder = DataFolder(data_dir)
    # Stamp a revision this app has never heard of, as a newer Askel would.
    key = KeyFile.load(folder.key_file).unwrap_with_passphrase(PASSPHRASE)
    raw = connect_raw(folder.database, key)
    raw.execute("UPDATE alembic_version SET version_num = '9999_future'")
    raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw.close()
    before = folder.database.read_bytes()
    with pytest.raises(DatabaseTooNew) as caught:
        Vault.unlock(data_dir, PASSPHRASE)
    assert "newer version" in caught.value.message.english()
    assert folder.database.read_bytes() == before


def test_missing_or_damaged_key_file(vault, data_dir):
    vault.close()
    folder = DataFolder(data_dir)
    original = folder.key_file.read_bytes()
    folder.key_file.write_bytes(original[:40])
    with pytest.raises(KeyFileDamaged):
        Vault.unlock(data_dir, PASSPHRASE)
    folder.key_file.unlink()
    with pytest.raises(KeyFileMissing):
        Vault.unlock(data_dir, PASSPHRASE)


def test_missing_database_is_not_silently_recreated(vault, data_dir):
    vault.close()
    DataFolder(data_dir).database.unlink()
    with pytest.raises(DatabaseMissing):
        Vault.unlock(data_dir, PASSPHRASE)
    assert not DataFolder(data_dir).database.exists()


def test_weakened_kdf_parameters_are_refused(vault, data_dir):
    vault.close()
    path = DataFolder(data_dir).key_file
    path.write_text(path.read_text().replace(f'"memory_kib": {MIN_MEMORY_KIB}', '"memory_kib": 8'))
    with pytest.raises(KeyFileDamaged):
        Vault.unlock(data_dir, PASSPHRASE)


def test_backup_is_encrypted_and_complete(vault, data_dir, tmp_path):
    add_known_client(vault)
    target = vault.backup(tmp_path / "copy.db")
    assert not target.read_bytes().startswith(PLAINTEXT_HEADER)
    key = KeyFile.load(DataFolder(data_dir).key_file).unwrap_with_passphrase(PASSPHRASE)
    copy = connect_raw(target, key)
    assert copy.execute("select family_name from client").fetchall() == [(NAMES[1],)]
    copy.close()
