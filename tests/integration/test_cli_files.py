"""The command line against mistakes: no `--out` reaches the data folder, no key is overwritten, bad input is one line.

Each test is an attack from the security review (issue 14, items 1 and 9): `askel backup --out DATA/askel.db` used to
print "written" and leave a vault that never opened again; `--out` onto `askel.key` erased the only key file.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from askel import cli
from askel.core.content.library import ContentLibrary
from askel.core.paths import resources_dir
from askel.export import crypto
from askel.export.sample import build_sample_course
from askel.store.backup import make_backup
from askel.store.errors import WrongPassphrase
from askel.store.installation import InstallationIdentity
from askel.store.vault import Vault
from tests.conftest import PASSPHRASE


@pytest.fixture(scope="module")
def library():
    return ContentLibrary.load(resources_dir())


@pytest.fixture
def askel(data_dir, capsys, monkeypatch):
    monkeypatch.setenv("ASKEL_PASSPHRASE", PASSPHRASE)

    def run(*argv: str) -> tuple[int, str, str]:
        code = cli.main(["--data-dir", str(data_dir), *argv])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


@pytest.fixture
def full_folder(vault, data_dir, library):
    """A data folder with every kind of file it holds: database, key file, a backup and its key copy, attempts."""
    sample = build_sample_course(vault, library)
    make_backup(vault, keep=3)
    vault.close()
    with pytest.raises(WrongPassphrase):
        Vault.unlock(data_dir, "not the passphrase")  # writes unlock-attempts.json
    return sample


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under `folder` with the SHA-256 of its bytes."""
    return {str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def one_line(err: str) -> bool:
    return err.count("\n") == 1 and err.startswith("askel: ") and "Traceback" not in err


def commands(target: Path, sample, tmp_path: Path) -> list[list[str]]:
    """Every command that writes a file the user names, aimed at `target`."""
    pem, public = crypto.generate_keypair()
    (tmp_path / "recipient.pem").write_bytes(pem)
    sender = InstallationIdentity("test", Ed25519PrivateKey.generate(), b"s" * 32)
    (tmp_path / "export.age").write_bytes(crypto.encrypt(b"plain", public, media_type="text/plain", signer=sender))
    return [
        ["backup", "--out", str(target)],
        ["export", "--course", sample.course_id, "--format", "text", "--lang", "fi", "--out", str(target)],
        ["stats", "--from", "2025-01-01", "--to", "2025-12-31", "--format", "csv", "--out", str(target)],
        ["audit", "export", "--client", sample.client_id, "--out", str(target)],
        ["handover", "give", "--client", sample.client_id, "--to", "Kollega", "--out", str(target)],
        ["recovery-keygen", "--out", str(target)],
        ["export-decrypt", str(tmp_path / "export.age"), "--key", str(tmp_path / "recipient.pem"), "--out", str(target)],
    ]


def test_no_out_reaches_any_file_of_the_data_folder(askel, full_folder, data_dir, tmp_path):
    before = snapshot(data_dir)
    assert {"askel.db", "askel.key", "backups/askel.key", "unlock-attempts.json"} <= set(before)
    assert any(name.startswith("backups/askel-") for name in before)
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "into-data").symlink_to(data_dir / "askel.db")
    targets = [data_dir / name for name in before]
    targets += [data_dir / "askel.db-wal", data_dir / "new-file.txt", data_dir / "backups" / "new.db",
                tmp_path / "elsewhere" / ".." / "data" / "askel.key", tmp_path / "elsewhere" / "into-data"]
    for target in targets:
        for argv in commands(target, full_folder, tmp_path):
            code, out, err = askel(*argv)
            assert code == 1 and one_line(err), (argv, out, err)
            assert "written" not in out
            assert snapshot(data_dir) == before, argv


def test_the_names_of_vault_files_are_refused_in_any_folder(askel, full_folder, tmp_path):
    other = tmp_path / "another-vault"
    other.mkdir()
    (other / "askel.key").write_bytes(b'{"format": 1, "vault_id": "x", "wraps": {}}')
    for name in ("askel.db", "askel.key", "askel.db-wal", "askel.db-shm"):
        for argv in commands(other / name, full_folder, tmp_path):
            code, _, err = askel(*argv)
            assert code == 1 and "vault file" in err, argv
    assert sorted(p.name for p in other.iterdir()) == ["askel.key"]


def test_a_key_is_never_overwritten(askel, full_folder, tmp_path):
    private = tmp_path / "org-recovery.pem"
    private.write_bytes(b"-----BEGIN PRIVATE KEY-----\nthe only copy\n-----END PRIVATE KEY-----\n")
    code, _, err = askel("recovery-keygen", "--out", str(private))
    assert code == 1 and "already exists" in err
    code, _, err = askel("backup", "--out", str(private))
    assert code == 1 and "key" in err
    disguised = tmp_path / "notes.txt"
    disguised.write_bytes(b"-----BEGIN PRIVATE KEY-----\nMC4C\n-----END PRIVATE KEY-----\n")
    assert askel("audit", "export", "--client", full_folder.client_id, "--out", str(disguised))[0] == 1
    assert private.read_bytes().startswith(b"-----BEGIN PRIVATE KEY-----\nthe only copy")
    assert disguised.read_bytes().endswith(b"MC4C\n-----END PRIVATE KEY-----\n")


def test_outputs_are_written_whole_and_reported_in_one_line(askel, full_folder, tmp_path):
    old = tmp_path / "out" / "backup.db"
    old.parent.mkdir()
    old.write_bytes(b"yesterday's copy")
    code, out, _ = askel("backup", "--out", str(old))
    assert code == 0 and out.count("\n") == 1 and str(old) in out
    assert old.read_bytes()[:16] != b"SQLite format 3\x00" and old.stat().st_size > 4096
    assert oct(old.stat().st_mode & 0o777) == "0o600"
    code, out, _ = askel("recovery-keygen", "--out", str(tmp_path / "out" / "recovery.pem"))
    assert code == 0 and (tmp_path / "out" / "recovery.pem").read_bytes().startswith(b"-----BEGIN")
    assert sorted(p.name for p in old.parent.iterdir()) == ["backup.db", "backup.db.json", "recovery.pem"]  # no temp


def test_an_out_that_is_a_folder_is_one_line(askel, full_folder, tmp_path):
    code, _, err = askel("audit", "export", "--client", full_folder.client_id, "--out", str(tmp_path))
    assert code == 1 and one_line(err) and "is a folder" in err


@pytest.mark.parametrize("make, words", [
    (lambda p: None, "does not exist"),
    (lambda p: p.write_bytes(b"\xff\xfe\x00caf\xe9"), "not UTF-8"),
    (lambda p: p.mkdir(), "is a folder"),
    (lambda p: p.write_bytes(b"\n"), "is empty"),
])
def test_bad_passphrase_files_are_one_line(askel, full_folder, tmp_path, monkeypatch, make, words):
    monkeypatch.delenv("ASKEL_PASSPHRASE")
    path = tmp_path / "passphrase"
    make(path)
    code, out, err = askel("--passphrase-file", str(path), "audit", "verify")
    assert code == 1 and one_line(err) and words in err and out == ""


def test_a_passphrase_file_gives_its_first_line(askel, full_folder, tmp_path, monkeypatch):
    monkeypatch.delenv("ASKEL_PASSPHRASE")
    path = tmp_path / "passphrase"
    path.write_bytes(("\ufeff" + PASSPHRASE + "\r\nsecond line\r\n").encode("utf-8"))
    code, out, _ = askel("--passphrase-file", str(path), "audit", "verify")
    assert code == 0 and "intact" in out


def test_the_passphrase_is_asked_without_echo_at_a_terminal(askel, full_folder, monkeypatch):
    monkeypatch.delenv("ASKEL_PASSPHRASE")
    asked = []
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": asked.append(prompt) or PASSPHRASE)
    code, out, _ = askel("audit", "verify")
    assert code == 0 and "intact" in out and asked == ["Passphrase: "]


def test_without_a_terminal_or_a_passphrase_the_command_says_how_to_give_one(askel, full_folder, monkeypatch):
    monkeypatch.delenv("ASKEL_PASSPHRASE")
    monkeypatch.setattr("sys.stdin.isatty", lambda: False, raising=False)
    code, _, err = askel("audit", "verify")
    assert code == 1 and one_line(err) and "ASKEL_PASSPHRASE" in err


def test_a_data_folder_that_is_a_file_says_so(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("ASKEL_PASSPHRASE", PASSPHRASE)
    not_a_folder = tmp_path / "data"
    not_a_folder.write_text("x")
    assert cli.main(["--data-dir", str(not_a_folder), "audit", "verify"]) == 1
    err = capsys.readouterr().err
    assert one_line(err) and "is a file, not a folder" in err and "damaged" not in err


def test_init_where_no_folder_can_be_made_is_one_line(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("ASKEL_PASSPHRASE", PASSPHRASE)
    (tmp_path / "file").write_text("x")
    assert cli.main(["--data-dir", str(tmp_path / "file" / "data"), "init", "--name", "Testi Hoitaja"]) == 1
    assert one_line(capsys.readouterr().err)
    assert (tmp_path / "file").read_text() == "x"


def test_arguments_that_are_not_utf8_are_one_line(capsys):
    undecodable = os.fsdecode(b"/tmp/\xff\xfe-askel")
    assert cli.main(["--data-dir", undecodable, "selftest"]) == 1
    err = capsys.readouterr().err
    assert one_line(err) and "UTF-8" in err


def test_stats_with_extreme_dates_is_one_line(askel, full_folder, tmp_path):
    code, _, err = askel("stats", "--from", "0001-01-01", "--to", "9999-12-31", "--out", str(tmp_path / "s.csv"))
    assert "Traceback" not in err
    assert code == 1 and one_line(err) and "years" in err


def test_selftest_into_a_closed_pipe_is_quiet(vault, data_dir, tmp_path):
    vault.close()
    script = (f'"{sys.executable}" -m askel --data-dir "{data_dir}" selftest | head -c 1 >/dev/null; '
              'exit ${PIPESTATUS[0]}')
    result = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=120,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr, result.stderr


def test_a_damaged_database_is_one_line_not_a_flood(vault, data_dir, capfd, monkeypatch):
    monkeypatch.setenv("ASKEL_PASSPHRASE", PASSPHRASE)
    vault.close()
    database = data_dir / "askel.db"
    with open(database, "r+b") as handle:  # every page after the first: whatever is read is damaged
        handle.seek(4096)
        handle.write(os.urandom(database.stat().st_size - 4096))
    capfd.readouterr()
    assert cli.main(["--data-dir", str(data_dir), "audit", "verify"]) == 1
    err = capfd.readouterr().err
    assert one_line(err) and "ERROR CORE" not in err, err


@pytest.mark.parametrize("weak", ["1234567890", "salasana123"])
def test_init_refuses_a_guessable_passphrase(tmp_path, capsys, monkeypatch, weak):
    monkeypatch.setenv("ASKEL_PASSPHRASE", weak)
    assert cli.main(["--data-dir", str(tmp_path / "data"), "init", "--name", "Testi Hoitaja"]) == 1
    assert "too easy to guess" in capsys.readouterr().err
    assert not (tmp_path / "data").exists()


def test_recover_refuses_a_one_letter_passphrase(vault, data_dir, tmp_path, capsys, monkeypatch):
    from askel.store.keyfile import generate_recovery_keypair

    pem, public = generate_recovery_keypair()
    vault.set_recovery_key(public)
    vault.close()
    (tmp_path / "org.pem").write_bytes(pem)
    before = (data_dir / "askel.key").read_bytes()
    monkeypatch.setenv("ASKEL_PASSPHRASE", "a")
    assert cli.main(["--data-dir", str(data_dir), "recover", "--recovery-key", str(tmp_path / "org.pem")]) == 1
    assert one_line(capsys.readouterr().err)
    assert (data_dir / "askel.key").read_bytes() == before


def test_it_sets_the_minimum_strength(tmp_path, capsys, monkeypatch):
    policy = Path(os.environ["ASKEL_POLICY_FILE"])
    policy.write_text('{"policy": {"passphrase_min_strength": 4}}', "utf-8")
    policy.chmod(0o644)
    monkeypatch.setenv("ASKEL_PASSPHRASE", "Talvikissa77")  # strength 3: enough by default, not under this policy
    assert cli.main(["--data-dir", str(tmp_path / "data"), "init", "--name", "Testi Hoitaja"]) == 1
    assert "too easy to guess" in capsys.readouterr().err
