"""Content packs: every refusal leaves installed content unchanged; a valid pack imports and old versions stay."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import zipfile
from pathlib import Path

import pytest
import yaml

from askel.core.content.library import ContentLibrary
from askel.core.content.packs import (
    PackError,
    PackLimits,
    canonical_manifest_bytes,
    generate_keypair,
    import_pack,
    installed_packs,
    load_private_key,
    read_pack_files,
    sign_pack,
    verify_pack,
)


@pytest.fixture
def packs_dir(tmp_path) -> Path:
    return tmp_path / "data" / "content" / "packs"


@pytest.fixture
def installed_v1(tmp_path, packs_dir, content_write_pack, content_keys):
    """A data folder with version 1 of the example pack already installed."""
    import_pack(content_write_pack(tmp_path / "v1"), packs_dir, [content_keys.public_key])
    return packs_dir


def refused(path, packs_dir, keys, snapshot, match: str) -> PackError:
    before = snapshot(packs_dir)
    with pytest.raises(PackError, match=match) as caught:
        import_pack(path, packs_dir, keys)
    assert snapshot(packs_dir) == before, "a refused pack must change nothing on disk"
    assert str(caught.value) == caught.value.message.english() and "\n" not in str(caught.value)
    return caught.value


# ----------------------------------------------------------------------------------------------- a valid pack


def test_valid_pack_verifies_and_imports(tmp_path, packs_dir, content_write_pack, content_keys):
    folder = content_write_pack(tmp_path / "pack")
    manifest = verify_pack(folder, [content_keys.public_key])
    assert (manifest.id, manifest.version, manifest.format) == ("fi.example.region", "1", 1)
    assert {(entry.path, entry.kind) for entry in manifest.contents} == {
        ("protocols/ipc_adults.yaml", "protocol"), ("texts/bdi21.yaml", "texts")}
    assert import_pack(folder, packs_dir, [content_keys.public_key]) == manifest
    installed = packs_dir / "fi.example.region" / "1"
    assert (installed / "manifest.yaml").is_file() and (installed / "manifest.sig").is_file()
    assert [(p.id, p.version) for p in installed_packs(packs_dir)] == [("fi.example.region", "1")]
    assert not [p for p in (packs_dir / "fi.example.region").iterdir() if p.name.startswith(".")]


def test_imported_versions_are_used_and_old_ones_stay_retrievable(tmp_path, installed_v1, content_write_pack,
                                                                  content_keys, content_resources):
    keys = [content_keys.public_key]
    library = ContentLibrary.load(content_resources, installed_v1, trusted_keys=keys)
    assert library.errors == []
    assert library.protocol("ipc_adults").version == "1.1"
    assert library.protocol("ipc_adults").session_count.planned == 5
    assert library.protocol("ipc_adults", "1").session_count.planned == 6  # the shipped one, for older courses
    assert library.source(library.protocol("ipc_adults")).startswith("pack fi.example.region 1:")

    import_pack(content_write_pack(tmp_path / "v2", "2", minor=2, planned=4), installed_v1, keys)
    library = ContentLibrary.load(content_resources, installed_v1, trusted_keys=keys)
    assert library.errors == []
    assert [p.version for p in library.protocol_versions("ipc_adults")] == ["1", "1.1", "1.2"]
    assert library.protocol("ipc_adults").session_count.planned == 4
    assert library.protocol("ipc_adults", "1.1").session_count.planned == 5
    assert sorted(p.name for p in (installed_v1 / "fi.example.region").iterdir()) == ["1", "2"]


def test_pack_supplies_wording_for_a_licensed_instrument(installed_v1, content_keys, content_resources):
    shipped = ContentLibrary.load(content_resources).instrument("bdi21")
    library = ContentLibrary.load(content_resources, installed_v1, trusted_keys=[content_keys.public_key])
    bdi = library.instrument("bdi21")
    assert not shipped.has_wording and bdi.has_wording
    assert bdi.item("q3").text.sv == "Test item 3 (sv)"
    assert bdi.options_for("q1")[2].label.fi == "Test statement 2 (fi)"
    assert bdi.instructions.en == "Test instructions"
    assert library.wording_source(bdi).endswith("texts/bdi21.yaml")
    assert bdi.scoring == shipped.scoring and bdi.version == shipped.version


def test_signed_zip_is_reproducible_and_verifies(tmp_path, content_write_pack, content_keys):
    folder = content_write_pack(tmp_path / "pack")
    key = load_private_key(content_keys.private_pem)
    sign_pack(folder, key, out_zip=tmp_path / "a.zip")
    sign_pack(folder, key, out_zip=tmp_path / "b.zip")
    assert (tmp_path / "a.zip").read_bytes() == (tmp_path / "b.zip").read_bytes()
    assert verify_pack(tmp_path / "a.zip", [content_keys.public_key]).id == "fi.example.region"


def test_json_manifest_and_signature_over_canonical_bytes(tmp_path, content_write_pack, content_keys):
    folder = content_write_pack(tmp_path / "pack")
    raw = yaml.safe_load((folder / "manifest.yaml").read_text("utf-8"))
    (folder / "manifest.yaml").unlink()
    (folder / "manifest.json").write_text(json.dumps(raw, indent=4), "utf-8")
    # Same data, different layout: the signature still holds, because it covers the canonical form.
    assert verify_pack(folder, [content_keys.public_key]).version == "1"
    assert canonical_manifest_bytes({"b": 1, "a": "ä"}) == '{"a":"ä","b":1}'.encode()


def test_any_trusted_key_may_sign(tmp_path, content_write_pack, content_keys, content_other_keys):
    folder = content_write_pack(tmp_path / "pack")
    assert verify_pack(folder, [content_other_keys.public_key, content_keys.public_key]).id


# ----------------------------------------------------------------------------------------------- refusals


def test_untrusted_key_is_refused(tmp_path, installed_v1, content_write_pack, content_other_keys, content_keys,
                                  content_snapshot):
    folder = content_write_pack(tmp_path / "v2", "2", key=content_other_keys.private_pem)
    refused(folder, installed_v1, [content_keys.public_key], content_snapshot, "signature does not match")


def test_tampered_file_is_refused(tmp_path, installed_v1, content_write_pack, content_keys, content_snapshot):
    folder = content_write_pack(tmp_path / "v2", "2")
    path = folder / "protocols" / "ipc_adults.yaml"
    path.write_text(path.read_text("utf-8").replace("planned: 5", "planned: 6"), "utf-8")
    refused(folder, installed_v1, [content_keys.public_key], content_snapshot, "changed since the pack was signed")


def test_tampered_manifest_is_refused(tmp_path, installed_v1, content_write_pack, content_keys, content_snapshot):
    folder = content_write_pack(tmp_path / "v2", "2")
    path = folder / "manifest.yaml"
    path.write_text(path.read_text("utf-8").replace("Example wellbeing", "Evil wellbeing"), "utf-8")
    refused(folder, installed_v1, [content_keys.public_key], content_snapshot, "signature does not match")


def test_malformed_manifest_is_refused(tmp_path, installed_v1, content_write_pack, content_keys, content_snapshot):
    folder = content_write_pack(tmp_path / "v2", "2")
    (folder / "manifest.yaml").write_text("id: [unclosed\n", "utf-8")
    refused(folder, installed_v1, [content_keys.public_key], content_snapshot, "manifest is malformed")


def test_signed_but_schema_invalid_manifest_is_refused(tmp_path, installed_v1, content_write_pack, content_keys,
                                                       content_snapshot):
    folder = content_write_pack(tmp_path / "v2", "2")
    raw = yaml.safe_load((folder / "manifest.yaml").read_text("utf-8"))
    del raw["publisher"]
    raw["colour"] = "blue"
    (folder / "manifest.yaml").write_text(yaml.safe_dump(raw), "utf-8")
    signature = load_private_key(content_keys.private_pem).sign(canonical_manifest_bytes(raw))
    (folder / "manifest.sig").write_bytes(base64.b64encode(signature))
    error = refused(folder, installed_v1, [content_keys.public_key], content_snapshot, "manifest is malformed")
    assert "publisher" in str(error) or "colour" in str(error)


def test_extra_file_is_refused(tmp_path, installed_v1, content_write_pack, content_keys, content_snapshot):
    folder = content_write_pack(tmp_path / "v2", "2")
    (folder / "protocols" / "extra.yaml").write_text("id: extra\n", "utf-8")
    refused(folder, installed_v1, [content_keys.public_key], content_snapshot, "does not list: protocols/extra.yaml")


def test_missing_file_is_refused(tmp_path, installed_v1, content_write_pack, content_keys, content_snapshot):
    folder = content_write_pack(tmp_path / "v2", "2")
    (folder / "texts" / "bdi21.yaml").unlink()
    refused(folder, installed_v1, [content_keys.public_key], content_snapshot, "missing: texts/bdi21.yaml")


def test_unsigned_pack_is_refused(tmp_path, installed_v1, content_write_pack, content_keys, content_snapshot):
    folder = content_write_pack(tmp_path / "v2", "2")
    (folder / "manifest.sig").unlink()
    refused(folder, installed_v1, [content_keys.public_key], content_snapshot, "not signed")


@pytest.mark.parametrize("version", ["1", "1.0", "0.9"])
def test_downgrade_and_reinstall_are_refused(tmp_path, installed_v1, content_write_pack, content_keys,
                                             content_snapshot, version):
    folder = content_write_pack(tmp_path / "again", version, minor=3)
    refused(folder, installed_v1, [content_keys.public_key], content_snapshot, "not newer than the installed version 1")


def test_invalid_definition_in_a_signed_pack_is_refused(tmp_path, installed_v1, content_write_pack, content_keys,
                                                        content_snapshot):
    folder = tmp_path / "v2"
    content_write_pack(folder, "2")
    path = folder / "protocols" / "ipc_adults.yaml"
    path.write_text(path.read_text("utf-8").replace("audience: adults", "audience: pets"), "utf-8")
    with pytest.raises(PackError, match="audience"):
        sign_pack(folder, content_keys.private_pem)  # the authoring tool will not sign it ...
    raw = yaml.safe_load((folder / "manifest.yaml").read_text("utf-8"))
    for entry in raw["contents"]:  # ... so forge what a careless tool would have produced
        entry["sha256"] = hashlib.sha256((folder / entry["path"]).read_bytes()).hexdigest()
    (folder / "manifest.yaml").write_text(yaml.safe_dump(raw), "utf-8")
    signature = load_private_key(content_keys.private_pem).sign(canonical_manifest_bytes(raw))
    (folder / "manifest.sig").write_bytes(base64.b64encode(signature))
    error = refused(folder, installed_v1, [content_keys.public_key], content_snapshot, "not valid")
    assert "protocols/ipc_adults.yaml" in str(error) and "audience" in str(error)


def write_zip(path: Path, files: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize("bad_name", ["../evil.yaml", "/etc/evil.yaml", "protocols/../../evil.yaml",
                                      "protocols\\evil.yaml", "C:/evil.yaml", "protocols/con.yaml"])
def test_unsafe_names_in_a_zip_are_refused(tmp_path, installed_v1, content_write_pack, content_keys,
                                           content_snapshot, bad_name):
    folder = content_write_pack(tmp_path / "v2", "2")
    files = read_pack_files(folder)
    files[bad_name] = b"id: evil\n"
    archive = write_zip(tmp_path / "evil.zip", files)
    refused(archive, installed_v1, [content_keys.public_key], content_snapshot, "unsafe name")
    assert not (tmp_path / "evil.yaml").exists()


def test_duplicate_names_in_a_zip_are_refused(tmp_path, installed_v1, content_write_pack, content_keys,
                                              content_snapshot):
    folder = content_write_pack(tmp_path / "v2", "2")
    archive = tmp_path / "dup.zip"
    with zipfile.ZipFile(archive, "w") as out:
        for name, data in read_pack_files(folder).items():
            out.writestr(name, data)
        with pytest.warns(UserWarning):
            out.writestr("TEXTS/bdi21.yaml".lower(), b"x")
    refused(archive, installed_v1, [content_keys.public_key], content_snapshot, "twice")


def test_size_limits(tmp_path, content_write_pack, content_keys):
    folder = content_write_pack(tmp_path / "pack")
    with pytest.raises(PackError, match="larger than the limit"):
        verify_pack(folder, [content_keys.public_key], limits=PackLimits(max_file_bytes=200))
    with pytest.raises(PackError, match="more than 2 files"):
        verify_pack(folder, [content_keys.public_key], limits=PackLimits(max_files=2))
    with pytest.raises(PackError, match="larger than the limit"):
        verify_pack(folder, [content_keys.public_key], limits=PackLimits(max_total_bytes=1000))


def test_zip_bomb_with_a_lying_size_is_stopped(tmp_path, content_keys):
    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("protocols/big.yaml", b"0" * 300_000)
    with pytest.raises(PackError, match="larger than the limit"):
        verify_pack(archive, [content_keys.public_key], limits=PackLimits(max_file_bytes=100_000))


@pytest.mark.skipif(os.name != "posix", reason="symlinks")
def test_links_in_a_folder_pack_are_refused(tmp_path, content_write_pack, content_keys):
    folder = content_write_pack(tmp_path / "pack")
    (folder / "texts" / "link.yaml").symlink_to(folder / "texts" / "bdi21.yaml")
    with pytest.raises(PackError, match="link"):
        verify_pack(folder, [content_keys.public_key])


def test_not_a_zip_and_not_found(tmp_path, content_keys):
    (tmp_path / "junk.zip").write_bytes(b"not a zip at all")
    with pytest.raises(PackError, match="not a readable zip"):
        verify_pack(tmp_path / "junk.zip", [content_keys.public_key])
    with pytest.raises(PackError, match="No pack found"):
        verify_pack(tmp_path / "missing.zip", [content_keys.public_key])


@pytest.mark.parametrize("keys", [[], ["not base64!"], [base64.b64encode(b"short").decode()]])
def test_trusted_keys_must_be_configured_and_valid(tmp_path, content_write_pack, keys):
    folder = content_write_pack(tmp_path / "pack")
    with pytest.raises(PackError, match="IT policy"):
        verify_pack(folder, keys)


# ----------------------------------------------------------------------------------------------- installed packs


def test_installed_pack_tampered_on_disk_is_skipped(installed_v1, content_keys, content_resources):
    path = installed_v1 / "fi.example.region" / "1" / "protocols" / "ipc_adults.yaml"
    path.write_text(path.read_text("utf-8").replace("planned: 5", "planned: 6"), "utf-8")
    library = ContentLibrary.load(content_resources, installed_v1, trusted_keys=[content_keys.public_key])
    assert len(library.errors) == 1 and "changed since" in library.errors[0].problem
    assert library.protocol("ipc_adults").version == "1"  # shipped content keeps working


def test_withdrawn_key_stops_an_installed_pack_from_loading(installed_v1, content_other_keys, content_resources):
    library = ContentLibrary.load(content_resources, installed_v1, trusted_keys=[content_other_keys.public_key])
    assert "signature does not match" in library.errors[0].problem
    assert library.protocol("ipc_adults").version == "1" and not library.instrument("bdi21").has_wording
    # Without keys to check against, hashes still are: the pack loads.
    assert ContentLibrary.load(content_resources, installed_v1).protocol("ipc_adults").version == "1.1"


def test_a_changed_definition_under_the_same_version_is_refused(tmp_path, installed_v1, content_write_pack,
                                                                content_keys, content_resources):
    import_pack(content_write_pack(tmp_path / "v2", "2", minor=1, planned=3), installed_v1, [content_keys.public_key])
    library = ContentLibrary.load(content_resources, installed_v1, trusted_keys=[content_keys.public_key])
    assert any("already defined differently" in e.problem for e in library.errors)
    assert library.protocol("ipc_adults", "1.1").session_count.planned == 5  # the first one stays


def test_a_renamed_install_folder_is_refused(installed_v1, content_resources):
    shutil.move(installed_v1 / "fi.example.region" / "1", installed_v1 / "fi.example.region" / "7")
    library = ContentLibrary.load(content_resources, installed_v1)
    assert "does not match its manifest" in library.errors[0].problem


# ----------------------------------------------------------------------------------------------- authoring


def test_keypair_format():
    pair = generate_keypair()
    assert len(base64.b64decode(pair.public_key)) == 32
    assert pair.private_pem.startswith(b"-----BEGIN PRIVATE KEY-----")
    with pytest.raises(PackError, match="Ed25519"):
        load_private_key(b"garbage")


def test_sign_pack_refuses_stray_files_and_fills_the_manifest(tmp_path, content_write_pack, content_keys):
    folder = content_write_pack(tmp_path / "pack")
    manifest = yaml.safe_load((folder / "manifest.yaml").read_text("utf-8"))
    assert manifest["created"] == "2026-01-15" and manifest["format"] == 1
    digest = hashlib.sha256((folder / "texts" / "bdi21.yaml").read_bytes()).hexdigest()
    assert {"path": "texts/bdi21.yaml", "sha256": digest, "kind": "texts"} in manifest["contents"]
    (folder / "README.txt").write_text("hello", "utf-8")
    with pytest.raises(PackError, match="README.txt"):
        sign_pack(folder, content_keys.private_pem)
