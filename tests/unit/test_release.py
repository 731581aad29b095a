"""Signed release manifests (askel.release): signing, and every way verification must refuse a release."""

from __future__ import annotations

import argparse
import ast
import base64
import json
import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from askel import __version__, release
from askel.release import (
    FAIL,
    MANIFEST_NAME,
    OK,
    SKIP,
    ReleaseError,
    create_manifest,
    generate_keypair,
    load_private_key,
    parse_version,
    verify_manifest,
)

CREATED = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def keys():
    pem, public = generate_keypair()
    return load_private_key(pem), public


@pytest.fixture
def folder(tmp_path):
    folder = tmp_path / "release"
    folder.mkdir()
    (folder / "askel_1.2.0_amd64.deb").write_bytes(os.urandom(4096))
    (folder / "askel-1.2.0-x64.msi").write_bytes(b"MSI" * 1000)
    (folder / "askel-policy-templates-1.2.0.zip").write_bytes(b"PK\x03\x04 templates")
    return folder


@pytest.fixture
def signed(folder, keys):
    private, _ = keys
    return create_manifest(folder, private, "1.2.0", created=CREATED)


def failures(result) -> dict[str, str]:
    return {subject: detail for status, subject, detail in result.lines if status == FAIL}


def resign(manifest: Path, private, change) -> None:
    """Apply `change` and sign again with a valid signature: what signed but malformed data does."""
    data = json.loads(manifest.read_text("utf-8"))
    del data["signature"]
    change(data)
    data["signature"] = base64.b64encode(private.sign(release.canonical_bytes(data))).decode()
    manifest.write_text(json.dumps(data), "utf-8")


# -- the good path ------------------------------------------------------------------------------------------
def test_a_signed_release_verifies(signed, keys):
    _, public = keys
    result = verify_manifest(signed, public, installed="1.2.0")
    assert result.ok, result.problems
    assert result.version == "1.2.0"
    names = [subject for status, subject, _ in result.lines if status == OK]
    assert names[:2] == ["signature", "version"]
    assert sorted(names[2:]) == sorted(p.name for p in signed.parent.iterdir() if p.name != MANIFEST_NAME)


def test_the_manifest_lists_size_sha256_version_and_time(signed):
    data = json.loads(signed.read_text("utf-8"))
    assert data["format"] == "askel-release-manifest/1"
    assert data["version"] == "1.2.0"
    assert data["created"] == "2026-03-02T10:00:00Z"
    deb = next(a for a in data["artifacts"] if a["name"].endswith(".deb"))
    assert deb["size"] == 4096
    assert len(deb["sha256"]) == 64


def test_the_folder_can_be_given_instead_of_the_manifest(signed, keys):
    assert verify_manifest(signed.parent, keys[1], installed="1.0").ok


def test_whitespace_and_key_order_do_not_matter(signed, keys):
    data = json.loads(signed.read_text("utf-8"))
    signed.write_text(json.dumps(dict(reversed(list(data.items()))), indent=7), "utf-8")
    assert verify_manifest(signed, keys[1], installed="1.2.0").ok


def test_signing_again_replaces_the_manifest_and_does_not_list_it(signed, keys):
    create_manifest(signed.parent, keys[0], "1.2.0")
    data = json.loads(signed.read_text("utf-8"))
    assert MANIFEST_NAME not in [artifact["name"] for artifact in data["artifacts"]]
    assert verify_manifest(signed, keys[1]).ok


def test_no_installed_version_skips_only_the_version_check(signed, keys):
    result = verify_manifest(signed, keys[1], installed=None)
    assert result.ok
    assert ("version" in [subject for status, subject, _ in result.lines if status == SKIP])


# -- what must fail -----------------------------------------------------------------------------------------
def test_a_changed_byte_fails(signed, keys):
    deb = signed.parent / "askel_1.2.0_amd64.deb"
    data = bytearray(deb.read_bytes())
    data[2000] ^= 0x01
    deb.write_bytes(bytes(data))
    result = verify_manifest(signed, keys[1], installed="1.2.0")
    assert not result.ok
    assert failures(result) == {deb.name: "content differs from the manifest (SHA-256)"}


def test_a_truncated_or_grown_artifact_fails_on_its_size(signed, keys):
    msi = signed.parent / "askel-1.2.0-x64.msi"
    msi.write_bytes(msi.read_bytes() + b"\0")
    assert "size" in failures(verify_manifest(signed, keys[1]))[msi.name]


def test_a_missing_artifact_fails(signed, keys):
    (signed.parent / "askel-1.2.0-x64.msi").unlink()
    assert failures(verify_manifest(signed, keys[1])) == {"askel-1.2.0-x64.msi": "missing"}


def test_an_extra_file_fails(signed, keys):
    (signed.parent / "askel_1.2.0_amd64.deb.orig").write_bytes(b"left behind")
    (signed.parent / "readme.txt").write_text("hello", "utf-8")
    assert set(failures(verify_manifest(signed, keys[1]))) == {"askel_1.2.0_amd64.deb.orig", "readme.txt"}


def test_an_extra_folder_or_hidden_file_fails(signed, keys):
    (signed.parent / "extra").mkdir()
    (signed.parent / ".DS_Store").write_bytes(b"x")
    assert set(failures(verify_manifest(signed, keys[1]))) == {"extra", ".DS_Store"}


def test_a_symbolic_link_in_place_of_an_artifact_fails(signed, keys, tmp_path):
    deb = signed.parent / "askel_1.2.0_amd64.deb"
    outside = tmp_path / "outside.deb"
    shutil.move(deb, outside)
    deb.symlink_to(outside)  # same bytes, but not a file in the folder
    assert failures(verify_manifest(signed, keys[1])) == {deb.name: "not a regular file"}


def test_a_bad_signature_fails_and_nothing_else_is_trusted(signed, keys):
    data = json.loads(signed.read_text("utf-8"))
    raw = bytearray(base64.b64decode(data["signature"]))
    raw[10] ^= 0x80
    data["signature"] = base64.b64encode(bytes(raw)).decode()
    signed.write_text(json.dumps(data), "utf-8")
    result = verify_manifest(signed, keys[1])
    assert [(status, subject) for status, subject, _ in result.lines] == [(FAIL, "signature")]


@pytest.mark.parametrize("change", [
    lambda data: data.update(version="9.9.9"),
    lambda data: data["artifacts"][0].update(sha256="0" * 64),
    lambda data: data["artifacts"].pop(),
    lambda data: data.update(created="2030-01-01T00:00:00Z"),
])
def test_any_change_to_the_signed_fields_breaks_the_signature(signed, keys, change):
    data = json.loads(signed.read_text("utf-8"))
    change(data)
    signed.write_text(json.dumps(data), "utf-8")
    assert set(failures(verify_manifest(signed, keys[1]))) == {"signature"}


def test_missing_or_garbled_signature_fails(signed, keys):
    data = json.loads(signed.read_text("utf-8"))
    for value in (None, "not base64!", 42):
        data["signature"] = value
        signed.write_text(json.dumps(data), "utf-8")
        assert set(failures(verify_manifest(signed, keys[1]))) == {"signature"}


def test_a_signature_by_another_key_fails_and_names_both_keys(signed, keys):
    other_pem, other_public = generate_keypair()
    create_manifest(signed.parent, load_private_key(other_pem), "1.2.0")
    detail = failures(verify_manifest(signed, keys[1]))["signature"]
    assert release.key_id(other_public) in detail and release.key_id(keys[1]) in detail
    assert verify_manifest(signed, other_public).ok  # the same manifest, with the other key trusted


def test_the_pinned_key_is_the_default(signed):
    # Signed by a test key, so the pinned (development or production) key must refuse it.
    assert set(failures(verify_manifest(signed))) == {"signature"}
    assert len(base64.b64decode(release.PINNED_PUBLIC_KEY, validate=True)) == 32


def test_an_older_version_than_the_installed_fails(signed, keys):
    result = verify_manifest(signed, keys[1], installed="1.10.0")
    assert failures(result) == {"version": "1.2.0 is older than the installed 1.10.0"}
    assert verify_manifest(signed, keys[1], installed="1.2.0rc1").ok
    assert verify_manifest(signed, keys[1], installed="1.10.0", allow_downgrade=True).ok


def _same_name_in_capitals(artifact: dict) -> dict:
    return dict(artifact, name=artifact["name"].upper())


@pytest.mark.parametrize("change, message", [
    (lambda data: data.update(extra="field"), "unexpected fields"),
    (lambda data: data.update(format="askel-release-manifest/2"), "format"),
    (lambda data: data.update(version="latest"), "not a version number"),
    (lambda data: data.update(created="yesterday"), "creation time"),
    (lambda data: data.update(artifacts=[]), "no artifacts"),
    (lambda data: data["artifacts"][0].update(name="../outside.deb"), "not an acceptable artifact name"),
    (lambda data: data["artifacts"][0].update(name="sub/dir.deb"), "not an acceptable artifact name"),
    (lambda data: data["artifacts"][0].update(name=MANIFEST_NAME), "not an acceptable artifact name"),
    (lambda data: data["artifacts"][0].update(size=True), "not a byte count"),
    (lambda data: data["artifacts"][0].update(size=-1), "not a byte count"),
    (lambda data: data["artifacts"][0].update(sha256="ABC"), "64 lowercase hex"),
    (lambda data: data["artifacts"].append(_same_name_in_capitals(data["artifacts"][0])), "twice"),
])
def test_signed_but_malformed_manifests_fail(signed, keys, change, message):
    resign(signed, keys[0], change)
    result = verify_manifest(signed, keys[1])
    assert message in failures(result)["manifest"]


def test_duplicate_json_keys_are_refused(signed, keys):
    text = signed.read_text("utf-8")
    signed.write_text(text.replace('"version": "1.2.0",', '"version": "1.2.0", "version": "0.1.0",'), "utf-8")
    assert "twice" in failures(verify_manifest(signed, keys[1]))["manifest"]


def test_not_json_or_missing_manifest_fails(tmp_path, keys):
    (tmp_path / MANIFEST_NAME).write_bytes(b"\xff\xfe not json")
    assert "not a JSON manifest" in failures(verify_manifest(tmp_path, keys[1]))["manifest"]
    assert "cannot read" in failures(verify_manifest(tmp_path / "nope.json", keys[1]))["manifest"]


# -- signing ------------------------------------------------------------------------------------------------
def test_signing_refuses_folders_links_and_an_empty_folder(tmp_path, keys):
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(ReleaseError, match="no artifacts"):
        create_manifest(empty, keys[0], "1.0")
    (empty / "sub").mkdir()
    with pytest.raises(ReleaseError, match="regular files"):
        create_manifest(empty, keys[0], "1.0")
    (empty / "sub").rmdir()
    (empty / "link.deb").symlink_to(tmp_path)
    with pytest.raises(ReleaseError, match="regular files"):
        create_manifest(empty, keys[0], "1.0")


def test_signing_refuses_a_bad_version(folder, keys):
    with pytest.raises(ReleaseError, match="not a version number"):
        create_manifest(folder, keys[0], "v1")
    assert not (folder / MANIFEST_NAME).exists()


def test_versions_sort_as_releases_do():
    assert parse_version("1.0") == parse_version("1.0.0")
    assert parse_version("0.9") < parse_version("0.10") < parse_version("1.0a1") < parse_version("1.0b2")
    assert parse_version("1.0b2") < parse_version("1.0rc1") < parse_version("1.0") < parse_version("1.0.1")
    for bad in ("", "1.", "v1.0", "1.0-beta", "1.0rc"):
        with pytest.raises(ReleaseError):
            parse_version(bad)


def test_an_encrypted_key_needs_its_passphrase():
    pem, _ = generate_keypair(b"correct horse")
    assert b"ENCRYPTED" in pem
    with pytest.raises(ReleaseError, match="needs a passphrase"):
        load_private_key(pem)
    with pytest.raises(ReleaseError, match="wrong passphrase"):
        load_private_key(pem, b"wrong")
    load_private_key(pem, b"correct horse")


# -- the command lines --------------------------------------------------------------------------------------
def test_keygen_sign_verify_from_the_command_line(tmp_path, folder, capsys, monkeypatch):
    key = tmp_path / "key.pem"
    monkeypatch.setenv(release.PASSPHRASE_ENV, "a long test passphrase")
    assert release.main(["keygen", "--out", str(key), "--encrypt"]) == 0
    public = capsys.readouterr().out.strip().splitlines()[-1]
    assert key.stat().st_mode & 0o777 == 0o600
    assert b"ENCRYPTED" in key.read_bytes()
    assert release.main(["keygen", "--out", str(key)]) == 1  # never overwritten
    assert "never overwritten" in capsys.readouterr().err

    assert release.main(["sign", str(folder), "--key", str(key), "--version", "1.2.0",
                         "--created", "2026-03-02T10:00:00Z"]) == 0
    assert "not the pinned release key" in capsys.readouterr().out
    assert release.main(["verify", str(folder / MANIFEST_NAME), "--public-key", public,
                         "--installed-version", "1.2.0"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("ok   signature")
    assert out[-1] == "release 1.2.0 verified"

    (folder / "askel-1.2.0-x64.msi").unlink()
    assert release.main(["verify", str(folder), "--public-key", public]) == 1
    out = capsys.readouterr().out.splitlines()
    assert "FAIL askel-1.2.0-x64.msi: missing" in out
    assert out[-1] == "release NOT verified: 1 problem"


def test_verify_with_an_unusable_public_key_is_a_usage_error(signed, capsys):
    assert release.main(["verify", str(signed), "--public-key", "c2hvcnQ="]) == 2
    assert "32-byte" in capsys.readouterr().err


def test_register_adds_the_askel_commands(folder, keys, tmp_path, capsys):
    parser = argparse.ArgumentParser(prog="askel")
    release.register(parser.add_subparsers(dest="command"))

    key = tmp_path / "maintainer.pem"
    args = parser.parse_args(["release-keygen", "--out", str(key)])
    assert args.handler(args) == 0
    public = capsys.readouterr().out.strip().splitlines()[-1]
    args = parser.parse_args(["release-sign", str(folder), "--key", str(key)])
    assert args.handler(args) == 0
    assert json.loads((folder / MANIFEST_NAME).read_text("utf-8"))["version"] == __version__  # the default

    args = parser.parse_args(["verify-release", str(folder / MANIFEST_NAME), "--public-key", public])
    assert args.handler(args) == 0
    assert f"ok   version: {__version__} (installed {__version__})" in capsys.readouterr().out
    args = parser.parse_args(["verify-release", str(folder / MANIFEST_NAME)])  # the pinned key: refused
    assert args.handler(args) == 1


# -- usable without askel -----------------------------------------------------------------------------------
def test_the_module_imports_only_the_standard_library_and_cryptography():
    tree = ast.parse(Path(release.__file__).read_text("utf-8"))
    top_level = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            top_level |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            top_level.add((node.module or "").split(".")[0])
    assert top_level - {"__future__", "cryptography"} <= set(sys.stdlib_module_names)
    assert "cryptography" in top_level


def test_runs_as_a_plain_script_without_askel_or_qt(signed, keys, tmp_path):
    copy = tmp_path / "standalone" / "release.py"
    copy.parent.mkdir()
    shutil.copy(release.__file__, copy)
    # Make `import askel` and `import PySide6` fail in the child, as on an IT workstation without Askel.
    program = (
        "import sys, runpy; sys.modules['askel'] = None; sys.modules['PySide6'] = None; "
        f"sys.argv = [{str(copy)!r}] + sys.argv[1:]; runpy.run_path({str(copy)!r}, run_name='__main__')"
    )
    command = [sys.executable, "-I", "-c", program, "verify", str(signed), "--public-key", keys[1]]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "skip version: 1.2.0 (no installed Askel to compare with)" in done.stdout
    assert done.stdout.strip().endswith("release 1.2.0 verified")

    (signed.parent / "askel_1.2.0_amd64.deb").write_bytes(b"tampered")
    command += ["--installed-version", "2.0"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert "FAIL version: 1.2.0 is older than the installed 2.0" in done.stdout
    assert "FAIL askel_1.2.0_amd64.deb: size" in done.stdout
