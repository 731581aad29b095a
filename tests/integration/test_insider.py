"""The use log, the export log and the key file against an insider (issue 14, items 2 to 5).

Each test is an attack from the security review. "Insider" means someone who knows the passphrase, can run the
program and a SQLite shell with the data key, and can edit files in the data folder.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DatabaseError

from askel import cli
from askel.core.content.library import ContentLibrary
from askel.core.paths import resources_dir
from askel.export.pdf import PdfOptions, build_document
from askel.export.sample import build_sample_course
from askel.export.service import (
    USE_LOG_HEAD_SYSTEM,
    ExportPolicy,
    ExportRequest,
    log_copy,
    render,
    save_to_file,
)
from askel.store import audit, clients
from askel.store.backup import (
    KEY_COPY_NAME,
    make_backup,
    metadata_path,
    read_metadata,
    restore_backup,
    restore_key_file,
)
from askel.store.courses import load_course
from askel.store.db import connect_raw
from askel.store.errors import KeyFileDamaged, KeyFileOutdated, WrongPassphrase
from askel.store.keyfile import KeyFile, generate_recovery_keypair, load_recovery_private_key
from askel.store.models import AuditEvent, ExportRecord
from askel.store.vault import DataFolder, Vault
from tests.conftest import PASSPHRASE

NEW_PASSPHRASE = "uusi pitkä tunnuslause 2027"
TRIGGERS = ("audit_event_no_update", "audit_event_no_delete", "audit_event_append_only", "export_record_no_update",
            "export_record_no_delete", "export_record_no_replace")


@pytest.fixture(autouse=True)
def qt_application(qapp):
    """PDFs are drawn with Qt: a QApplication first (see tests/integration/test_export_cli.py)."""
    return qapp


@pytest.fixture(scope="module")
def library():
    return ContentLibrary.load(resources_dir())


@pytest.fixture
def sample(vault, library):
    return build_sample_course(vault, library)


@pytest.fixture
def askel(data_dir, capsys, monkeypatch):
    monkeypatch.setenv("ASKEL_PASSPHRASE", PASSPHRASE)

    def run(*argv: str) -> tuple[int, str, str]:
        code = cli.main(["--data-dir", str(data_dir), *argv])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


@pytest.fixture
def policy():
    def write(**values) -> None:
        import os

        path = Path(os.environ["ASKEL_POLICY_FILE"])
        path.write_text(json.dumps({"policy": values}), "utf-8")
        path.chmod(0o644)

    return write


def sql_shell(vault, *statements: str, drop_triggers: bool = False) -> None:
    """The insider's SQLite shell on the live database, with the data key."""
    connection = connect_raw(vault.folder.database, vault._data_key)
    try:
        if drop_triggers:
            for trigger in TRIGGERS:
                connection.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        for statement in statements:
            connection.execute(statement)
        connection.commit()
    finally:
        connection.close()


def head(vault) -> audit.ChainHead:
    with vault.read() as session:
        return audit.head(session)


def export_text(vault, library, sample):
    return log_copy(vault, render(vault, library, ExportPolicy(), ExportRequest(sample.course_id, "text", "fi")))


# -- the use log ---------------------------------------------------------------------------------------------------
def test_insert_or_replace_cannot_overwrite_a_logged_event(vault, sample):
    with vault.read() as session:
        second = session.get(AuditEvent, 2)
        columns = (second.at, second.prev_hash, second.hash)
    forged = ("INSERT OR REPLACE INTO audit_event (seq, at, actor, role, workstation, action, client_id, target, "
              "success, detail, prev_hash, hash) VALUES (2, '2026-01-01 00:00:00.000000', 'x', 'nurse', 'w', 'view', "
              "NULL, '', 1, '{}', :prev, :hash)")
    with pytest.raises(DatabaseError), vault.write() as session:
        session.execute(text(forged), {"prev": columns[1], "hash": columns[2]})
    with pytest.raises(Exception, match="append-only"):
        sql_shell(vault, forged.replace(":prev", f"'{columns[1]}'").replace(":hash", f"'{columns[2]}'"))
    with vault.read() as session:
        assert (session.get(AuditEvent, 2).at, session.get(AuditEvent, 2).hash) == (columns[0], columns[2])
        assert audit.verify(session).ok


def test_an_insert_that_does_not_append_is_refused(vault, sample):
    last = head(vault)
    for seq, prev in ((last.seq + 5, last.hash), (last.seq + 1, "0" * 64)):
        with pytest.raises(DatabaseError), vault.write() as session:
            session.execute(text(
                "INSERT INTO audit_event (seq, at, actor, role, workstation, action, client_id, target, success, "
                "detail, prev_hash, hash) VALUES (:seq, '2026-01-01 00:00:00', 'x', 'nurse', 'w', 'view', NULL, '', 1, "
                "'{}', :prev, 'forged')"), {"seq": seq, "prev": prev})


def test_the_export_log_is_append_only(vault, library, sample):
    record = export_text(vault, library, sample)
    replace = ("INSERT OR REPLACE INTO export_record (id, at, actor, kind, language, destination, recipient, basis, "
               "checksum) VALUES ('ID', '2026-01-01', 'x', 'text', 'fi', 'x', 'x', 'x', 'x')").replace("ID", record.id)
    for statement in (f"UPDATE export_record SET recipient = 'nobody' WHERE id = '{record.id}'",  # noqa: S608
                      f"DELETE FROM export_record WHERE id = '{record.id}'", replace):  # noqa: S608
        with pytest.raises(Exception, match="append-only"):
            sql_shell(vault, statement)
    with vault.read() as session:
        assert session.get(ExportRecord, record.id).recipient == record.recipient


@pytest.mark.parametrize("statement", [
    "UPDATE export_record SET recipient = 'client'",
    "UPDATE export_record SET destination = 'clipboard-elsewhere'",
    "UPDATE export_record SET at = '2020-01-01 00:00:00.000000'",
    "DELETE FROM export_record",
])
def test_the_export_log_is_in_the_chain(askel, vault, library, sample, statement):
    export_text(vault, library, sample)
    sql_shell(vault, statement, drop_triggers=True)
    vault.close()
    code, _, err = askel("audit", "verify")
    assert code == 1 and "export-log row" in err


def test_a_whole_rewritten_chain_fails_against_an_anchor_from_an_export(askel, vault, library, sample, tmp_path):
    policy = ExportPolicy()
    rendered = render(vault, library, policy, ExportRequest(sample.course_id, "fhir", "fi"))
    save_to_file(vault, rendered, policy, tmp_path / "bundle.json")
    (tag,) = json.loads((tmp_path / "bundle.json").read_text("utf-8"))["meta"]["tag"]
    assert tag["system"] == USE_LOG_HEAD_SYSTEM
    anchor = tag["code"]
    assert askel("audit", "verify", "--anchor", anchor)[0] == 0
    # The insider changes what was done to the client in row 3 and recomputes every hash after it.
    sql_shell(vault, "UPDATE audit_event SET action = 'view' WHERE seq = 3", drop_triggers=True)
    rehash_chain(vault)
    vault.close()
    code, out, _ = askel("audit", "verify")
    assert code == 0 and "intact" in out  # what the chain alone cannot see …
    code, _, err = askel("audit", "verify", "--anchor", anchor)
    assert code == 1 and "rewritten" in err  # … the anchor outside the vault does


def rehash_chain(vault) -> None:
    connection = connect_raw(vault.folder.database, vault._data_key)
    try:
        rows = connection.execute("SELECT seq, at, actor, role, workstation, action, client_id, target, success, "
                                  "detail FROM audit_event ORDER BY seq").fetchall()
        prev = audit.GENESIS
        for seq, at, actor, role, workstation, action, client_id, target, success, detail in rows:
            from datetime import datetime

            digest = audit._row_hash(prev, seq, datetime.fromisoformat(at), actor, role, workstation, action,
                                     client_id, target, bool(success), json.loads(detail))
            connection.execute("UPDATE audit_event SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, digest, seq))
            prev = digest
        connection.commit()
    finally:
        connection.close()


def test_the_head_leaves_the_vault_in_the_record_pdf_and_every_backup(vault, library, sample, askel, tmp_path):
    current = str(head(vault))
    document = build_document(load_course(vault, sample.course_id), library,
                              PdfOptions("fi", use_log_head=current))
    assert current in document.toPlainText()
    client_copy = build_document(load_course(vault, sample.course_id), library,
                                 PdfOptions("fi", client_version=True, use_log_head=current))
    assert current not in client_copy.toPlainText()  # the client's own copy stays plain
    scheduled = make_backup(vault, keep=3)
    assert read_metadata(scheduled)["use_log_head"] == current
    vault.close()
    code, out, _ = askel("backup", "--out", str(tmp_path / "copy.db"))
    metadata = json.loads(metadata_path(tmp_path / "copy.db").read_text("utf-8"))
    assert code == 0 and metadata["use_log_head"] in out
    assert askel("audit", "verify", "--anchor", metadata["use_log_head"], "--anchor", current)[0] == 0


def test_restore_then_deleting_the_moved_aside_database_is_still_visible(askel, vault, library, sample, data_dir):
    backup = make_backup(vault, keep=3)
    clients.add_client(vault, clients.ClientData("Myöhempi", "Asiakas", date(1990, 1, 1)))
    export_text(vault, library, sample)
    before = head(vault)
    vault.close()
    result = restore_backup(data_dir, backup, PASSPHRASE)
    with result.vault.read() as session:
        restore = session.scalars(select(AuditEvent).where(AuditEvent.action == "restore")).one()
    result.vault.close()
    assert restore.detail["replaced_head"] == str(before)
    for path in result.moved_aside:
        path.unlink()  # the insider removes the evidence
    code, _, err = askel("audit", "verify", "--anchor", str(before))
    assert code == 1 and f"row {before.seq}" in err


def test_export_file_names_never_reach_the_logs(vault, library, sample, tmp_path):
    chosen = tmp_path / "Virtanen Anna 131052-308T.txt"
    policy = ExportPolicy()
    record = save_to_file(vault, render(vault, library, policy, ExportRequest(sample.course_id, "text", "fi")),
                          policy, chosen)
    assert record.written_to == chosen and chosen.exists()
    with vault.read() as session:
        rows = [r.destination for r in session.scalars(select(ExportRecord))]
        details = [json.dumps(e.detail, ensure_ascii=False) for e in session.scalars(select(AuditEvent))]
    for text_ in rows + details:
        assert "Virtanen" not in text_ and "131052" not in text_ and str(tmp_path) not in text_


# -- the key file ----------------------------------------------------------------------------------------------------
def key_copies(folder: DataFolder) -> list[Path]:
    return [folder.backups / KEY_COPY_NAME, *sorted(folder.backups.glob("replaced-*.key"))]


def test_the_old_passphrase_stops_working_in_every_key_copy(vault, data_dir, sample):
    backup = make_backup(vault, keep=3)
    folder = DataFolder(data_dir)
    shutil.copyfile(folder.key_file, folder.backups / "replaced-20260101T000000Z.key")  # moved aside by a restore
    assert len(key_copies(folder)) == 2
    vault.change_passphrase(PASSPHRASE, NEW_PASSPHRASE)
    vault.close()
    for copy in key_copies(folder):
        with pytest.raises(WrongPassphrase):
            KeyFile.load(copy).unwrap_with_passphrase(PASSPHRASE)
        assert KeyFile.load(copy).unwrap_with_passphrase(NEW_PASSPHRASE)
    folder.key_file.unlink()
    with pytest.raises(WrongPassphrase):
        restore_backup(data_dir, backup, PASSPHRASE)
    with pytest.raises(WrongPassphrase):
        restore_key_file(data_dir, PASSPHRASE)
    restore_backup(data_dir, backup, NEW_PASSPHRASE).vault.close()
    with pytest.raises(WrongPassphrase):
        Vault.unlock(data_dir, PASSPHRASE)


def test_an_old_key_file_put_back_is_refused(vault, data_dir):
    folder = DataFolder(data_dir)
    old = folder.key_file.read_bytes()
    vault.change_passphrase(PASSPHRASE, NEW_PASSPHRASE)
    vault.close()
    folder.key_file.write_bytes(old)
    with pytest.raises(KeyFileOutdated):
        Vault.unlock(data_dir, PASSPHRASE)
    legacy = json.loads(old)  # the same old file dressed as format 1 (no authentication, no generation)
    legacy.update(format=1)
    legacy.pop("mac"), legacy.pop("generation")
    folder.key_file.write_text(json.dumps(legacy))
    with pytest.raises(KeyFileOutdated):
        Vault.unlock(data_dir, PASSPHRASE)


@pytest.mark.parametrize("edit", [
    lambda key: key["kdf"].update(iterations=1),
    lambda key: key["kdf"].update(lanes=1),
    lambda key: key["kdf"].update(memory_kib=4 * 1024 * 1024),
    lambda key: key["kdf"].update(memory_kib=32 * 1024),
    lambda key: key["kdf"].update(iterations=100000),
])
def test_kdf_parameters_out_of_bounds_are_refused(vault, data_dir, monkeypatch, edit):
    vault.close()
    monkeypatch.setattr("askel.store.keyfile.MIN_ITERATIONS", 3)  # the program's own floor
    path = DataFolder(data_dir).key_file
    key = json.loads(path.read_text())
    edit(key)
    path.write_text(json.dumps(key))
    with pytest.raises(KeyFileDamaged):
        Vault.unlock(data_dir, PASSPHRASE)


@pytest.mark.parametrize("edit", [
    lambda key: key.update(training=True),
    lambda key: key["wraps"].pop("recovery"),
    lambda key: key["wraps"].update(keyring=dict(key["wraps"]["passphrase"])),
    lambda key: key.update(generation=key["generation"] + 5),
])
def test_the_key_file_header_is_authenticated(data_dir, edit, askel):
    _, public = generate_recovery_keypair()
    Vault.create(data_dir, PASSPHRASE, clinician_name="Testi Hoitaja", role="nurse", kdf_iterations=1,
                 recovery_public_key=public).close()
    path = DataFolder(data_dir).key_file
    key = json.loads(path.read_text())
    edit(key)
    path.write_text(json.dumps(key))
    before = path.read_bytes()
    with pytest.raises(KeyFileDamaged):
        Vault.unlock(data_dir, PASSPHRASE)
    code, out, err = askel("demo", "--clients", "3")  # fictitious clients never reach a real vault
    assert code == 1 and "added" not in out
    assert path.read_bytes() == before


# -- IT's key policy at every unlock -----------------------------------------------------------------------------------
def test_a_recovery_key_set_later_reaches_the_vault_and_a_rotation_replaces_it(askel, vault, data_dir, policy,
                                                                               tmp_path):
    vault.close()
    first_pem, first_public = generate_recovery_keypair()
    policy(recovery_public_key=first_public)
    code, out, _ = askel("selftest")
    assert code == 1 and "recovery_wrap_added" in out  # selftest sees the vault differs from policy
    assert askel("audit", "verify")[0] == 0  # an unlock: the policy is applied
    assert KeyFile.load(DataFolder(data_dir).key_file).wraps["recovery"]["recipient"] == first_public
    second_pem, second_public = generate_recovery_keypair()
    policy(recovery_public_key=second_public)
    assert askel("audit", "verify")[0] == 0
    with pytest.raises(WrongPassphrase):
        Vault.unlock_with_recovery(data_dir, load_recovery_private_key(first_pem), NEW_PASSPHRASE)
    recovered = Vault.unlock_with_recovery(data_dir, load_recovery_private_key(second_pem), NEW_PASSPHRASE)
    with recovered.read() as session:
        changes = [e.detail["change"] for e in session.scalars(
            select(AuditEvent).where(AuditEvent.target == "key_policy"))]
    recovered.close()
    assert changes == ["recovery_wrap_added", "recovery_wrap_rotated"]
    assert "FAIL" not in askel("selftest")[1].split("key policy")[1].splitlines()[0]


def test_remembering_is_removed_when_it_policy_disallows_it(askel, vault, data_dir, policy, memory_keyring):
    vault.set_remembered(True)
    vault.close()
    assert memory_keyring.secrets
    policy(remember_allowed=False)
    assert "keyring_wrap_removed" in askel("selftest")[1]
    assert askel("audit", "verify")[0] == 0
    assert "keyring" not in KeyFile.load(DataFolder(data_dir).key_file).wraps
    assert not memory_keyring.secrets


def test_a_copied_key_file_with_its_wraps_changed_is_reported_by_selftest(askel, vault, data_dir):
    vault.close()
    path = DataFolder(data_dir).key_file
    key = json.loads(path.read_text())
    key["wraps"]["recovery"] = dict(key["wraps"]["passphrase"], recipient="x")
    path.write_text(json.dumps(key))
    code, out, _ = askel("selftest")
    assert code == 1 and "FAIL" in out and "damaged" in out


def test_the_recovery_keygen_never_overwrites_a_private_key(askel, tmp_path):
    private = tmp_path / "org.pem"
    private.write_bytes(b"-----BEGIN PRIVATE KEY-----\nonly copy\n")
    assert askel("recovery-keygen", "--out", str(private))[0] == 1
    assert private.read_bytes() == b"-----BEGIN PRIVATE KEY-----\nonly copy\n"


def test_interrupted_restore_is_undone_at_the_next_unlock(vault, data_dir, sample, monkeypatch):
    backup = make_backup(vault, keep=3)
    clients.add_client(vault, clients.ClientData("Uusin", "Asiakas", date(1990, 1, 1)))
    latest = head(vault)
    vault.close()
    folder = DataFolder(data_dir)

    def killed(*args, **kwargs):
        raise SystemExit("killed")  # stands for SIGKILL between moving the database aside and putting the copy in

    real_replace = __import__("os").replace

    def replace_then_die(source, target):
        if Path(target) == folder.database:
            killed()
        return real_replace(source, target)

    monkeypatch.setattr("askel.store.backup.os.replace", replace_then_die)
    monkeypatch.setattr("askel.store.backup.undo_interrupted_restore", lambda folder: False)  # no clean-up ran
    with pytest.raises(SystemExit):
        restore_backup(data_dir, backup, PASSPHRASE)
    monkeypatch.undo()
    assert not folder.database.exists()  # the state a kill leaves
    monkeypatch.setattr("askel.store.keyfile.MIN_ITERATIONS", 1)
    reopened = Vault.unlock(data_dir, PASSPHRASE)
    assert head(reopened).seq >= latest.seq + 1  # the latest database is back (plus this unlock)
    reopened.close()
    assert not (folder.root / "askel.db.restoring").exists()
    assert not list(folder.backups.glob("replaced-*"))


def test_backups_killed_half_way_leave_no_partial_file(vault, data_dir):
    folder = DataFolder(data_dir)
    folder.backups.mkdir(parents=True, exist_ok=True)
    leftover = folder.backups / "askel-20260101T000000Z.db.partial"
    leftover.write_bytes(b"half a copy")
    (folder.backups / "askel-20260101T000000Z.db.partial-wal").write_bytes(b"x")
    make_backup(vault, keep=3)
    assert not [p for p in folder.backups.iterdir() if ".partial" in p.name]


def test_replaced_key_copies_of_another_vault_are_left_alone(vault, data_dir, tmp_path):
    other = Vault.create(tmp_path / "other", PASSPHRASE, clinician_name="B", role="nurse", kdf_iterations=1)
    other.close()
    folder = DataFolder(data_dir)
    folder.backups.mkdir(parents=True, exist_ok=True)
    foreign = folder.backups / "replaced-20260101T000000Z.key"
    shutil.copyfile(DataFolder(tmp_path / "other").key_file, foreign)
    before = foreign.read_bytes()
    vault.change_passphrase(PASSPHRASE, NEW_PASSPHRASE)
    assert foreign.read_bytes() == before


def test_every_append_only_trigger_is_in_a_new_and_in_an_upgraded_vault(vault):
    with vault.read() as session:
        names = set(session.scalars(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")))
    assert set(TRIGGERS) <= names
