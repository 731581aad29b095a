"""Fuzzing every parser of a file that reaches Askel from outside: content packs, IT policy, the key file.

A malicious content pack or policy file and a damaged key file are in the threat model (docs/threat-model.md). Each
parser must answer anything with its result or its documented refusal, never with another exception:

* content packs (`askel.core.content.packs`, `askel.core.content.parsing`): PackError / ContentParseError;
* policy layers and the user settings file (`askel.core.settings`): never raise; bad entries become problems;
* the key file (`KeyFile.load` and unwrapping): KeyFileDamaged / KeyFileMissing / WrongPassphrase; through the vault
  (`Vault.unlock`), only a VaultError.

Each test is bounded (`max_examples`, `deadline`). Crashes found and not yet fixed in the parsers' own modules are
listed in KNOWN_CRASHES with a strict-xfail regression test each: the fuzz tests tolerate exactly those (so they still
catch any new kind), and the regression test turns red the day the fix lands, as a reminder to drop the entry.
"""

from __future__ import annotations

import base64
import io
import json
import os
import plistlib
import subprocess
import sys
import warnings
import zipfile
from datetime import timedelta

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from askel.core.content.packs import PackError, check_pack_files, verify_pack
from askel.core.content.parsing import ContentParseError, load_document, parse_definition
from askel.core.settings import (
    MAX_FILE_BYTES,
    REGISTRY,
    JsonPolicyLayer,
    MacManagedPreferencesLayer,
    Settings,
    WindowsRegistryLayer,
)
from askel.store.errors import KeyFileDamaged, KeyFileMissing, VaultError, WrongPassphrase
from askel.store.keyfile import MAX_KEY_FILE_BYTES, KeyFile
from askel.store.vault import DataFolder, Vault, load_key_file

FUZZ = settings(max_examples=150, deadline=timedelta(seconds=2),
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
SLOW_FUZZ = settings(max_examples=40, deadline=timedelta(seconds=5),
                     suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
PASS = "lumi sataa hiljaa 42"

# (exception type, words of its message): crashes reported to the owners of the parsers' modules, not yet fixed.
KNOWN_CRASHES: list[tuple[type[BaseException], str]] = []


def known(error: BaseException) -> bool:
    return any(isinstance(error, kind) and words in str(error) for kind, words in KNOWN_CRASHES)


def refuses_cleanly(action, *documented: type[BaseException]):
    """Run `action`; its result, a documented refusal or a known (reported) crash pass, anything else fails."""
    try:
        return action()
    except documented:
        return None
    except Exception as error:
        if known(error):
            return None
        raise


# -- strategies --------------------------------------------------------------------------------------------------
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=30))
json_values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=5),
                                                            st.dictionaries(st.text(max_size=12), inner, max_size=5)),
                           max_leaves=30)
YAML_PIECES = ["id: ", "version: ", "- ", ": ", "&a ", "*a ", "!!python/object:os.system ", "? ", "[", "]", "{", "}",
               "'", '"', "\n", "  ", "\t", "#", "---\n", "...\n", "1e999", "0x1F", "~", "<<: ", "!!binary ",
               "yes", "no", "2026-03-05", "\ufeff", "\x00", "é", "items:\n", "scoring:\n", "contents:\n"]
yaml_like = st.lists(st.one_of(st.sampled_from(YAML_PIECES), st.text(max_size=8)), max_size=40).map("".join)
documents = st.one_of(
    st.binary(max_size=600),
    yaml_like.map(lambda text: text.encode("utf-8", "surrogatepass")),
    json_values.map(lambda value: json.dumps(value).encode()),
    json_values.map(lambda value: yaml.safe_dump(value, allow_unicode=True).encode()),
)
file_names = st.one_of(
    st.sampled_from(["manifest.yaml", "manifest.json", "manifest.sig", "instruments/x.yaml", "protocols/p.yaml",
                     "texts/t.yaml", "../evil.yaml", "/etc/passwd", "a\\b.yaml", "con.yaml", "instruments/NUL.yaml",
                     "x//y.yaml", "./manifest.yaml", "MANIFEST.YAML", "c:evil", ""]),
    st.text(max_size=20),
)


# -- content packs -----------------------------------------------------------------------------------------------
@FUZZ
@given(kind=st.sampled_from(["instrument", "protocol", "texts"]), data=documents,
       name=st.sampled_from(["x.yaml", "x.yml", "x.json"]))
@example(kind="instrument", data=b"a: &x [1]\nb: *x\n", name="x.yaml")
@example(kind="protocol", data=b"!!python/object/apply:os.system ['true']", name="x.yaml")
def test_definition_parser_refuses_cleanly(kind, data, name):
    refuses_cleanly(lambda: parse_definition(kind, data, name, "fuzz"), ContentParseError)
    refuses_cleanly(lambda: load_document(data, name, "fuzz"), ContentParseError)


@FUZZ
@given(files=st.dictionaries(file_names, documents, max_size=6), keyed=st.booleans())
def test_pack_checker_refuses_cleanly(files, keyed, content_keys):
    from askel.core.content.packs import _trusted_keys

    keys = _trusted_keys([content_keys.public_key]) if keyed else None
    refuses_cleanly(lambda: check_pack_files(files, keys), PackError)


def zip_bytes(entries: list[tuple[str, bytes, int]]) -> bytes:
    buffer = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buffer, "w") as archive:
        warnings.simplefilter("ignore")  # duplicate names are part of the fuzzing
        for name, data, mode in entries:
            info = zipfile.ZipInfo(name or "x")
            info.external_attr = mode << 16
            archive.writestr(info, data)
    return buffer.getvalue()


@SLOW_FUZZ
@given(entries=st.lists(st.tuples(file_names, documents, st.sampled_from([0o100644, 0o120777, 0o040755])),
                        max_size=6),
       cut=st.one_of(st.none(), st.integers(0, 2000)), junk=st.binary(max_size=64))
def test_pack_archives_are_refused_cleanly(tmp_path_factory, entries, cut, junk, content_keys):
    archive = tmp_path_factory.mktemp("zip") / "pack.zip"
    data = zip_bytes(entries)
    archive.write_bytes((data[:cut] + junk) if cut is not None else data)
    refuses_cleanly(lambda: verify_pack(archive, [content_keys.public_key]), PackError)


@pytest.fixture(scope="module")
def signed_pack(tmp_path_factory):
    """A real signed pack (zip), built as the pack tests do, to mutate byte by byte."""
    from askel.core.content.packs import generate_keypair, sign_pack

    folder = tmp_path_factory.mktemp("pack") / "pack"
    (folder / "texts").mkdir(parents=True)
    (folder / "texts" / "bdi21.yaml").write_text(yaml.safe_dump({
        "instrument": "bdi21", "version": "1",
        "items": {f"q{n}": {"text": {"fi": f"k {n}", "sv": f"f {n}", "en": f"q {n}"}} for n in range(1, 22)},
    }), "utf-8")
    (folder / "manifest.yaml").write_text(yaml.safe_dump({"id": "fi.example.fuzz", "version": "1",
                                                          "publisher": "Fuzz", "created": "2026-01-15"}), "utf-8")
    keys = generate_keypair()
    archive = folder.parent / "pack.zip"
    sign_pack(folder, keys.private_pem, out_zip=archive)
    verify_pack(archive, [keys.public_key])  # the unmutated pack is accepted
    return archive.read_bytes(), keys.public_key


@SLOW_FUZZ
@given(position=st.integers(0, 10**6), value=st.integers(1, 255))
def test_a_changed_byte_in_a_signed_pack_is_never_accepted(tmp_path_factory, signed_pack, position, value):
    data, public_key = signed_pack
    position %= len(data)
    mutated = bytearray(data)
    mutated[position] ^= value
    archive = tmp_path_factory.mktemp("mut") / "pack.zip"
    archive.write_bytes(bytes(mutated))
    if refuses_cleanly(lambda: verify_pack(archive, [public_key]), PackError) is None:
        return
    # Accepted only when the changed byte is outside what is signed and hashed (zip metadata, comments).
    with zipfile.ZipFile(archive) as changed, zipfile.ZipFile(io.BytesIO(data)) as original:
        assert {i.filename: changed.read(i) for i in changed.infolist()} == \
            {i.filename: original.read(i) for i in original.infolist()}


def test_an_alias_bomb_manifest_is_refused_quickly():
    """A 350-byte manifest whose aliases expand to 10^8 nodes: refused in well under a second, before expanding
    (a 10^10 one would take the app hours and gigabytes)."""
    lines = ["l0: &l0 [" + ",".join(["x"] * 10) + "]"]
    lines += [f"l{i}: &l{i} [" + ",".join([f"*l{i - 1}"] * 10) + "]" for i in range(1, 8)]
    manifest = ("\n".join(lines) + "\n").encode()
    code = ("import sys, time\nfrom askel.core.content.packs import check_pack_files, PackError\n"
            "started = time.monotonic()\n"
            "try:\n    check_pack_files({'manifest.yaml': sys.stdin.buffer.read()}, [])\nexcept PackError:\n    pass\n"
            "print(time.monotonic() - started)\n")
    done = subprocess.run([sys.executable, "-c", code], input=manifest, capture_output=True, timeout=4)
    assert done.returncode == 0 and float(done.stdout) < 1.0


# -- crashes fuzzing found (now fixed), one regression test each ---------------------------------------------
def run_isolated(code: str, data: bytes) -> subprocess.CompletedProcess:
    """Parse in a child process: libyaml's composer overflows the C stack (a segfault) on very deep nesting."""
    return subprocess.run([sys.executable, "-c", code], input=data, capture_output=True, timeout=60)


PARSE_CHILD = ("import sys\nfrom askel.core.content.parsing import parse_definition, ContentParseError\n"
               "try:\n    parse_definition('instrument', sys.stdin.buffer.read(), '{name}', 'fuzz')\n"
               "except ContentParseError:\n    print('refused')\n")


@pytest.mark.parametrize("depth", [2_000, 50_000])
def test_deeply_nested_yaml_is_refused(depth):
    done = run_isolated(PARSE_CHILD.format(name="x.yaml"), b"a: " + b"[" * depth + b"]" * depth)
    assert done.returncode == 0 and done.stdout.strip() == b"refused"


def test_deeply_nested_json_is_refused():
    done = run_isolated(PARSE_CHILD.format(name="x.json"), b'{"a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}")
    assert done.returncode == 0 and done.stdout.strip() == b"refused"


@pytest.mark.parametrize("damage", ["nul name", "bad deflate"])
def test_a_broken_zip_is_refused(tmp_path, damage):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        info = zipfile.ZipInfo("\x00" if damage == "nul name" else "manifest.yaml")
        info.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(info, b"id: x\n" * 50)
    data = bytearray(buffer.getvalue())
    if damage == "bad deflate":
        data[30 + len("manifest.yaml")] = 0x07  # the stream's first block: final, of the invalid type 3
    path = tmp_path / "pack.zip"
    path.write_bytes(bytes(data))
    with pytest.raises(PackError):
        verify_pack(path, [base64.b64encode(bytes(32)).decode()])


def test_a_complex_yaml_key_is_refused():
    with pytest.raises(ContentParseError):
        parse_definition("instrument", b"? [a]\n: 1\n", "x.yaml", "fuzz")


def test_a_huge_yaml_integer_is_refused():
    with pytest.raises(ContentParseError):
        parse_definition("instrument", b"id: 1" + b"0" * 5000, "x.yaml", "fuzz")


# -- policy files and settings -----------------------------------------------------------------------------------
policy_objects = st.one_of(
    json_values,
    st.fixed_dictionaries({}, optional={
        "policy": st.dictionaries(st.sampled_from(sorted(REGISTRY)) | st.text(max_size=10), json_values, max_size=6),
        "defaults": st.dictionaries(st.sampled_from(sorted(REGISTRY)) | st.text(max_size=10), json_values,
                                    max_size=6),
        "$schema": scalars,
    }),
)


def assert_typed(settings_: Settings) -> None:
    for key, setting in REGISTRY.items():
        value = settings_.get(key)
        assert value is not None
        if setting.default is not None:
            assert isinstance(value, type(setting.default)) or (isinstance(setting.default, int)
                                                                 and isinstance(value, int))


@FUZZ
@given(policy=st.one_of(st.binary(max_size=400), policy_objects.map(lambda v: json.dumps(v).encode())),
       user=st.one_of(st.binary(max_size=200), json_values.map(lambda v: json.dumps(v).encode())))
def test_json_policy_and_user_settings_never_stop_the_app(tmp_path_factory, policy, user):
    folder = tmp_path_factory.mktemp("policy")
    (folder / "policy.json").write_bytes(policy)
    (folder / "settings.json").write_bytes(user)
    reading = JsonPolicyLayer(folder / "policy.json").read()
    assert isinstance(reading.locked, dict) and isinstance(reading.defaults, dict)
    assert_typed(Settings.load(folder / "settings.json", [JsonPolicyLayer(folder / "policy.json")]))


plist_text = st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=20)  # plistlib's own rule
plist_values = st.recursive(
    st.one_of(st.booleans(), st.integers(-2**63, 2**63 - 1), st.floats(allow_nan=False), plist_text,
              st.binary(max_size=10)),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(plist_text, inner, max_size=4)),
    max_leaves=20,
)


@FUZZ
@given(content=st.one_of(
    st.binary(max_size=400),
    st.dictionaries(st.sampled_from(sorted(REGISTRY)) | plist_text, plist_values, max_size=6)
    .map(lambda d: plistlib.dumps(d, fmt=plistlib.FMT_XML)),
    st.dictionaries(st.sampled_from(sorted(REGISTRY)), plist_values, max_size=6)
    .map(lambda d: plistlib.dumps(d, fmt=plistlib.FMT_BINARY)),
))
def test_mac_managed_preferences_never_stop_the_app(tmp_path_factory, content):
    path = tmp_path_factory.mktemp("plist") / "fi.askel.Askel.plist"
    path.write_bytes(content)
    assert_typed(Settings.load(path.with_name("user.json"), [MacManagedPreferencesLayer(path)]))


registry_data = st.one_of(st.integers(-2**32, 2**64), st.text(max_size=50), st.binary(max_size=20),
                          st.lists(st.text(max_size=20), max_size=4), st.none())


@FUZZ
@given(values=st.dictionaries(st.sampled_from(sorted(REGISTRY)) | st.text(max_size=10), registry_data, max_size=8),
       key_list=st.one_of(st.none(), st.dictionaries(st.text(max_size=4), registry_data, max_size=5)),
       broken=st.booleans())
def test_windows_registry_policy_never_stops_the_app(tmp_path_factory, values, key_list, broken):
    def reader(hive, path):
        if broken:
            raise PermissionError(5, "Access is denied")
        return key_list if path.endswith("trusted_pack_keys") else dict(values)

    folder = tmp_path_factory.mktemp("reg")
    loaded = refuses_cleanly(lambda: Settings.load(folder / "user.json", [WindowsRegistryLayer("HKLM", reader),
                                                                          WindowsRegistryLayer("HKCU", reader)]))
    if loaded is not None:
        assert_typed(loaded)


def test_a_strange_list_entry_name_in_the_registry_is_ignored(tmp_path):
    def reader(hive, path):
        return {"\u00b2": "not a key"} if path.endswith("trusted_pack_keys") else {}

    loaded = Settings.load(tmp_path / "user.json", [WindowsRegistryLayer("HKLM", reader)])
    assert loaded.get("trusted_pack_keys") == ()


def test_oversized_policy_and_settings_files_are_refused(tmp_path):
    big = b'{"policy": {"auto_lock_minutes": 50}, "pad": "' + b"x" * MAX_FILE_BYTES + b'"}'
    (tmp_path / "policy.json").write_bytes(big)
    (tmp_path / "settings.json").write_bytes(big)
    loaded = Settings.load(tmp_path / "settings.json", [JsonPolicyLayer(tmp_path / "policy.json")])
    # Nothing of the policy is used, and its settings hold their failsafe values (core.settings' docstring).
    assert loaded.source("auto_lock_minutes") == f"failsafe:{tmp_path / 'policy.json'}"
    assert len(loaded.problems) == 2


# -- the key file ------------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def real_key_file():
    data_key = os.urandom(32)
    key_file = KeyFile.new(data_key, PASS, kdf_iterations=1)
    key_file.seal(data_key)
    return key_file, data_key


def mutate(document, path: list, value):
    """`document` with the value at `path` (a list of keys/indexes, cut where it stops matching) replaced."""
    if not path or not isinstance(document, dict | list):
        return value
    head, rest = path[0], path[1:]
    if isinstance(document, dict):
        key = head if isinstance(head, str) else (sorted(document)[head % len(document)] if document else "x")
        return {**document, key: mutate(document.get(key), rest, value)}
    if not document:
        return [value]
    index = head % len(document) if isinstance(head, int) else 0
    return [*document[:index], mutate(document[index], rest, value), *document[index + 1:]]


KEY_PATHS = st.lists(st.one_of(st.sampled_from(["format", "vault_id", "kdf", "wraps", "passphrase", "nonce",
                                                "ciphertext", "salt", "iterations", "lanes", "memory_kib", "name",
                                                "keyring", "recovery"]), st.integers(0, 5)), max_size=4)
key_values = st.one_of(json_values, st.sampled_from(["", "AAAA", "!!!", "A" * 200, 1e300, -1, 0, 2**64, [], {}]),
                       st.binary(max_size=40).map(lambda b: base64.b64encode(b).decode()))


@FUZZ
@given(data=st.one_of(st.binary(max_size=300), json_values.map(lambda v: json.dumps(v).encode())))
def test_key_file_parser_refuses_arbitrary_bytes(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("key") / "askel.key"
    path.write_bytes(data)
    refuses_cleanly(lambda: KeyFile.load(path), KeyFileDamaged, KeyFileMissing)


@SLOW_FUZZ
@given(path=KEY_PATHS, value=key_values)
@example(path=["kdf", "iterations"], value=1e300)
@example(path=["wraps", "passphrase", "nonce"], value="")
@example(path=["kdf", "salt"], value="")
@example(path=["kdf", "memory_kib"], value=2**40)
def test_a_mutated_key_file_unwraps_or_refuses_cleanly(tmp_path_factory, real_key_file, path, value):
    key_file, data_key = real_key_file
    document = mutate(json.loads(key_file.to_bytes()), path, value)
    target = tmp_path_factory.mktemp("key") / "askel.key"
    target.write_text(json.dumps(document), "utf-8")
    # The parser alone: its documented refusals (plus crashes reported and listed in KNOWN_CRASHES).
    loaded = refuses_cleanly(lambda: KeyFile.load(target), KeyFileDamaged, KeyFileMissing)
    # The way the vault reads it: never anything but a VaultError, and never an absurd memory allocation.
    try:
        opened = load_key_file(target)
        unwrapped = opened.unwrap_with_passphrase(PASS) if opened.kdf.memory_kib <= 256 * 1024 else None
    except (KeyFileDamaged, KeyFileMissing, WrongPassphrase):
        return
    except Exception as error:
        if known(error):
            return
        raise
    if unwrapped is not None:
        assert unwrapped == data_key
    assert loaded is not None


def test_an_infinite_kdf_parameter_is_a_damaged_key_file(tmp_path, real_key_file):
    path = tmp_path / "askel.key"
    path.write_text(key_file_text(real_key_file[0]).replace('"iterations": 1', '"iterations": 1e999'), "utf-8")
    with pytest.raises(KeyFileDamaged):
        KeyFile.load(path)


@pytest.mark.parametrize("field", ["nonce", "salt"])
def test_a_short_nonce_or_salt_is_a_damaged_key_file(tmp_path, real_key_file, field):
    document = json.loads(real_key_file[0].to_bytes())
    if field == "nonce":
        document["wraps"]["passphrase"]["nonce"] = ""
    else:
        document["kdf"]["salt"] = ""
    path = tmp_path / "askel.key"
    path.write_text(json.dumps(document), "utf-8")
    with pytest.raises((KeyFileDamaged, WrongPassphrase)):
        KeyFile.load(path).unwrap_with_passphrase(PASS)


def test_an_absurd_kdf_memory_cost_is_refused_by_the_parser(tmp_path, real_key_file):
    path = tmp_path / "askel.key"
    path.write_text(key_file_text(real_key_file[0]).replace('"memory_kib": 65536', '"memory_kib": 1099511627776'),
                    "utf-8")
    with pytest.raises(KeyFileDamaged):
        KeyFile.load(path)


def key_file_text(key_file: KeyFile) -> str:
    return key_file.to_bytes().decode("utf-8")


def test_the_vault_maps_every_known_key_file_crash_to_damaged(vault, data_dir):
    """Key file damage that once crashed the parser is a clear KeyFileDamaged through the vault too."""
    vault.close()
    path = DataFolder(data_dir).key_file
    original = json.loads(path.read_bytes())
    for edit in (("kdf", "iterations", 1e999), ("kdf", "salt", ""), ("kdf", "memory_kib", 2**40)):
        document = json.loads(json.dumps(original))
        document[edit[0]][edit[1]] = edit[2]
        path.write_text(json.dumps(document).replace("Infinity", "1e999"), "utf-8")
        with pytest.raises(KeyFileDamaged):
            Vault.unlock(data_dir, "lumi sataa hiljaa 42")
    document = json.loads(json.dumps(original))
    document["wraps"]["passphrase"]["nonce"] = ""
    path.write_text(json.dumps(document), "utf-8")
    with pytest.raises(KeyFileDamaged):
        Vault.unlock(data_dir, "lumi sataa hiljaa 42")


def test_key_file_size_limit(tmp_path):
    path = tmp_path / "askel.key"
    path.write_bytes(b"{" + b" " * MAX_KEY_FILE_BYTES + b"}")
    with pytest.raises(KeyFileDamaged):
        KeyFile.load(path)


@SLOW_FUZZ
@given(data=st.one_of(st.binary(max_size=200), json_values.map(lambda v: json.dumps(v).encode())))
def test_unlocking_with_any_key_file_is_a_vault_error_or_works(tmp_path_factory, data):
    """End to end: whatever sits in askel.key, unlocking answers with a VaultError (the UI shows its message)."""
    folder = tmp_path_factory.mktemp("vault")
    (folder / "askel.key").write_bytes(data)
    (folder / "askel.db").write_bytes(b"")
    with pytest.raises(VaultError):
        Vault.unlock(folder, PASS)
