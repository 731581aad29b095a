import base64
import dataclasses
import json
import os
import plistlib
import stat
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from askel.core import settings as settings_module
from askel.core.settings import (
    LANGUAGES,
    MAX_FILE_BYTES,
    POLICY_REGISTRY_KEY,
    REGISTRY,
    JsonPolicyLayer,
    Kind,
    MacManagedPreferencesLayer,
    SettingLockedError,
    Settings,
    SettingValueError,
    WindowsRegistryLayer,
    default_policy_layers,
    policy_file_path,
)

KEY_A = base64.b64encode(bytes(range(32))).decode()
KEY_B = base64.b64encode(bytes(range(32, 64))).decode()
HKLM = f"HKLM\\{POLICY_REGISTRY_KEY}"
HKCU = f"HKCU\\{POLICY_REGISTRY_KEY}"


class FakeRegistry:
    """Stands in for winreg: {(hive, key path): {value name: data}}; absent keys read as None."""

    def __init__(self, keys: dict[tuple[str, str], dict[str, object]]):
        self.keys = keys

    def __call__(self, hive: str, key_path: str) -> dict[str, object] | None:
        values = self.keys.get((hive, key_path))
        return dict(values) if values is not None else None


def registry_layers(hklm: dict | None = None, hkcu: dict | None = None, **subkeys: dict) -> list:
    keys = {}
    if hklm is not None:
        keys[("HKLM", POLICY_REGISTRY_KEY)] = hklm
    if hkcu is not None:
        keys[("HKCU", POLICY_REGISTRY_KEY)] = hkcu
    for name, values in subkeys.items():
        hive, setting = name.split("__")
        keys[(hive, f"{POLICY_REGISTRY_KEY}\\{setting}")] = values
    reader = FakeRegistry(keys)
    return [WindowsRegistryLayer("HKLM", reader), WindowsRegistryLayer("HKCU", reader)]


def write_json(path: Path, content: object) -> Path:
    path.write_text(json.dumps(content), encoding="utf-8")
    path.chmod(0o644)
    return path


def problem_texts(settings: Settings) -> list[str]:
    return [problem.english() for problem in settings.problems]


@pytest.fixture
def user_file(tmp_path) -> Path:
    return tmp_path / "config" / "settings.json"


# --- the registry ------------------------------------------------------------------------------------------

EXPECTED_KINDS = {
    "language": Kind.CHOICE,
    "text_size": Kind.CHOICE,
    "auto_lock_minutes": Kind.INT,
    "remember_allowed": Kind.BOOL,
    "clipboard_clear_seconds": Kind.INT,
    "export_drop_folder": Kind.PATH,
    "export_recipient_key": Kind.PUBLIC_KEY,
    "recovery_public_key": Kind.PUBLIC_KEY,
    "trusted_pack_keys": Kind.PUBLIC_KEY_LIST,
    "organisation_oid": Kind.OID,
    "temporary_id_root": Kind.OID,
    "test_identity_codes": Kind.BOOL,
    "record_accepts_unicode": Kind.BOOL,
    "record_headings_file": Kind.PATH,
    "organisation_name": Kind.TEXT,
    "unit_code": Kind.TEXT,
    "region_recipient_key": Kind.PUBLIC_KEY,
    "statistics_period": Kind.CHOICE,
    "region_store": Kind.TEXT,
    "safety_instructions_fi": Kind.MULTILINE_TEXT,
    "safety_instructions_sv": Kind.MULTILINE_TEXT,
    "outcome_preset": Kind.CHOICE,
    "retention_days": Kind.INT,
    "update_check": Kind.CHOICE,
    "backup_keep": Kind.INT,
    "backup_interval_hours": Kind.INT,
    "self_completion_one_per_page": Kind.BOOL,
    "block_screen_capture": Kind.BOOL,
}


def test_registry_declares_every_setting_with_its_type():
    assert {key: setting.kind for key, setting in REGISTRY.items()} == EXPECTED_KINDS


def test_registry_defaults_and_ranges():
    expected = {
        "language": ("fi", None, None, ("fi", "sv")),
        "text_size": ("100", None, None, ("100", "125", "150", "200")),
        "auto_lock_minutes": (10, 1, 120, ()),
        "remember_allowed": (True, None, None, ()),
        "clipboard_clear_seconds": (60, 0, 3600, ()),
        "outcome_preset": ("nhs", None, None, ("nhs", "fi_regional")),
        "retention_days": (0, 0, 3650, ()),
        "update_check": ("off", None, None, ("off", "notify")),
        "backup_keep": (10, 1, 100, ()),
        "backup_interval_hours": (24, 0, 168, ()),
        "self_completion_one_per_page": (True, None, None, ()),
        "block_screen_capture": (False, None, None, ()),
    }
    for key, (default, minimum, maximum, choices) in expected.items():
        setting = REGISTRY[key]
        assert (setting.default, setting.minimum, setting.maximum, setting.choices) == (
            default,
            minimum,
            maximum,
            choices,
        ), key
    for key in ("export_drop_folder", "export_recipient_key", "recovery_public_key", "organisation_oid"):
        assert REGISTRY[key].default == ""
    assert REGISTRY["trusted_pack_keys"].default == ()


def test_who_may_change_what():
    assert {key for key, setting in REGISTRY.items() if setting.user_editable} == {
        "language",
        "text_size",
        "auto_lock_minutes",
        "self_completion_one_per_page",
    }
    assert all(setting.lockable for setting in REGISTRY.values())


@pytest.mark.parametrize("setting", REGISTRY.values(), ids=REGISTRY.keys())
def test_every_setting_is_described_in_three_languages_and_its_default_is_valid(setting):
    for language in LANGUAGES:
        assert setting.label[language].strip()
        assert setting.description[language].strip()
        for choice in setting.choices:
            assert setting.choice_labels[choice][language].strip()
    assert setting.coerce(setting.default) == setting.default
    assert setting.label["fi"] != setting.label["en"] or setting.label["sv"] != setting.label["en"]


def test_safety_instruction_defaults_name_the_essentials():
    for key in ("safety_instructions_fi", "safety_instructions_sv"):
        text = REGISTRY[key].default
        assert "112" in text
        assert len(text.splitlines()) > 3
    assert "yksin" in REGISTRY["safety_instructions_fi"].default  # do not leave the client alone
    assert "ensam" in REGISTRY["safety_instructions_sv"].default


# --- value checks ------------------------------------------------------------------------------------------

GOOD_VALUES = [
    ("language", "sv", "sv"),
    ("language", " SV ", "sv"),
    ("auto_lock_minutes", 1, 1),
    ("auto_lock_minutes", "120", 120),
    ("auto_lock_minutes", 10.0, 10),
    ("remember_allowed", False, False),
    ("remember_allowed", 0, False),
    ("remember_allowed", "true", True),
    ("clipboard_clear_seconds", 0, 0),
    ("export_drop_folder", "", ""),
    ("export_drop_folder", "/srv/askel/out", "/srv/askel/out"),
    ("export_drop_folder", r"C:\Askel\out", r"C:\Askel\out"),
    ("export_drop_folder", r"\\server\share\askel", r"\\server\share\askel"),
    ("export_recipient_key", KEY_A, KEY_A),
    ("export_recipient_key", f" {KEY_A}\n", KEY_A),
    ("recovery_public_key", "", ""),
    ("trusted_pack_keys", [KEY_A, KEY_B, KEY_A], (KEY_A, KEY_B)),
    ("trusted_pack_keys", f"{KEY_A}, {KEY_B}", (KEY_A, KEY_B)),
    ("trusted_pack_keys", [], ()),
    ("organisation_oid", "1.2.246.10.12345678.22", "1.2.246.10.12345678.22"),
    ("organisation_oid", "", ""),
    ("organisation_name", "  Pohjois-Pohjanmaan hyvinvointialue ", "Pohjois-Pohjanmaan hyvinvointialue"),
    ("safety_instructions_fi", "Rivi 1\r\nRivi 2  \n\tRivi 3", "Rivi 1\nRivi 2\n\tRivi 3"),
    ("safety_instructions_sv", ["Rad 1", "Rad 2"], "Rad 1\nRad 2"),
    ("outcome_preset", "fi_regional", "fi_regional"),
    ("retention_days", 3650, 3650),
    ("update_check", "notify", "notify"),
    ("backup_keep", 100, 100),
    ("backup_interval_hours", 168, 168),
]

BAD_VALUES = [
    ("language", "en"),
    ("language", 1),
    ("auto_lock_minutes", 0),
    ("auto_lock_minutes", 121),
    ("auto_lock_minutes", True),
    ("auto_lock_minutes", 10.5),
    ("auto_lock_minutes", "ten"),
    ("auto_lock_minutes", "9" * 5000),
    ("remember_allowed", "yes please"),
    ("remember_allowed", 2),
    ("remember_allowed", None),
    ("clipboard_clear_seconds", -1),
    ("clipboard_clear_seconds", 3601),
    ("export_drop_folder", "relative/folder"),
    ("export_drop_folder", "/bad\x00path"),
    ("export_drop_folder", "/" + "x" * 2000),
    ("export_recipient_key", "not base64!"),
    ("export_recipient_key", base64.b64encode(bytes(31)).decode()),
    ("export_recipient_key", KEY_A[:-2] + "B="),  # non-canonical padding bits
    ("recovery_public_key", ["list"]),
    ("trusted_pack_keys", [KEY_A, "nonsense"]),
    ("trusted_pack_keys", [KEY_A, 5]),
    ("trusted_pack_keys", {"1": KEY_A}),
    ("trusted_pack_keys", [base64.b64encode(bytes([i]) * 32).decode() for i in range(65)]),
    ("organisation_oid", "1.2.246.x"),
    ("organisation_oid", "1..2"),
    ("organisation_oid", "3.1"),
    ("organisation_oid", "1.02"),
    ("organisation_name", "two\nlines"),
    ("organisation_name", "x" * 201),
    ("organisation_name", "bad\ud800surrogate"),
    ("safety_instructions_fi", "bell\x07"),
    ("safety_instructions_fi", "x" * 4001),
    ("safety_instructions_sv", 12),
    ("outcome_preset", "who"),
    ("retention_days", 3651),
    ("update_check", "auto"),
    ("backup_keep", 0),
    ("backup_interval_hours", 169),
    ("self_completion_one_per_page", "maybe"),
]


@pytest.mark.parametrize(("key", "raw", "value"), GOOD_VALUES)
def test_good_values_are_coerced(key, raw, value):
    assert REGISTRY[key].coerce(raw) == value


@pytest.mark.parametrize(("key", "raw"), BAD_VALUES)
def test_bad_values_are_refused_with_a_translatable_message(key, raw):
    with pytest.raises(SettingValueError) as caught:
        REGISTRY[key].coerce(raw)
    assert caught.value.key == key
    assert caught.value.message.context == "settings"
    assert caught.value.message.english()


def test_range_message_names_the_range():
    with pytest.raises(SettingValueError) as caught:
        REGISTRY["auto_lock_minutes"].coerce(500)
    assert "1" in str(caught.value) and "120" in str(caught.value)


# --- layers and precedence ---------------------------------------------------------------------------------


def test_defaults_when_nothing_is_configured(user_file):
    settings = Settings.load(user_file, policy_layers=[])
    for key, setting in REGISTRY.items():
        assert settings.get(key) == setting.default
        assert settings.source(key) == "default"
        assert not settings.is_locked(key)
    assert settings.problems == []


def test_precedence_strongest_first(tmp_path, user_file):
    plist = tmp_path / "fi.askel.Askel.plist"
    plist.write_bytes(plistlib.dumps({"auto_lock_minutes": 3, "backup_keep": 3, "retention_days": 3}))
    policy = write_json(
        tmp_path / "policy.json",
        {
            "policy": {
                "auto_lock_minutes": 4,
                "backup_keep": 4,
                "retention_days": 4,
                "backup_interval_hours": 4,
            },
            "defaults": {"clipboard_clear_seconds": 5, "language": "sv", "update_check": "notify"},
        },
    )
    user_file.parent.mkdir(parents=True)
    write_json(user_file, {"auto_lock_minutes": 6, "language": "fi"})
    layers = registry_layers(hklm={"auto_lock_minutes": 1}, hkcu={"auto_lock_minutes": 2, "backup_keep": 2})
    layers += [MacManagedPreferencesLayer(plist), JsonPolicyLayer(policy)]

    settings = Settings.load(user_file, layers)

    expected = {
        "auto_lock_minutes": (1, f"policy:{HKLM}", True),
        "backup_keep": (2, f"policy:{HKCU}", True),
        "retention_days": (3, f"policy:{plist}", True),
        "backup_interval_hours": (4, f"policy:{policy}", True),
        "language": ("fi", "user", False),  # the user's own choice beats an organisation default
        "clipboard_clear_seconds": (5, f"organisation:{policy}", False),
        "update_check": ("notify", f"organisation:{policy}", False),
        "outcome_preset": ("nhs", "default", False),
    }
    for key, (value, source, locked) in expected.items():
        assert (settings.get(key), settings.source(key), settings.is_locked(key)) == (
            value,
            source,
            locked,
        ), key
    assert settings.problems == []


def test_policy_locks_and_set_refuses(tmp_path, user_file):
    policy = write_json(tmp_path / "policy.json", {"policy": {"language": "sv"}})
    settings = Settings.load(user_file, [JsonPolicyLayer(policy)])
    with pytest.raises(SettingLockedError) as caught:
        settings.set("language", "fi")
    assert caught.value.message.context == "settings"
    assert settings.get("language") == "sv"
    assert not user_file.exists()


def test_user_value_of_a_locked_setting_is_kept_but_not_used(tmp_path, user_file):
    user_file.parent.mkdir(parents=True)
    write_json(user_file, {"language": "fi"})
    policy = write_json(tmp_path / "policy.json", {"policy": {"language": "sv"}})
    settings = Settings.load(user_file, [JsonPolicyLayer(policy)])
    assert settings.get("language") == "sv"
    settings.set("auto_lock_minutes", 20)
    assert json.loads(user_file.read_text()) == {"auto_lock_minutes": 20, "language": "fi"}


def test_organisation_default_may_be_changed_by_the_user(tmp_path, user_file):
    policy = write_json(tmp_path / "policy.json", {"defaults": {"auto_lock_minutes": 30}})
    settings = Settings.load(user_file, [JsonPolicyLayer(policy)])
    assert (settings.get("auto_lock_minutes"), settings.is_locked("auto_lock_minutes")) == (30, False)
    settings.set("auto_lock_minutes", 15)
    assert (settings.get("auto_lock_minutes"), settings.source("auto_lock_minutes")) == (15, "user")
    assert Settings.load(user_file, [JsonPolicyLayer(policy)]).get("auto_lock_minutes") == 15


def test_bad_policy_value_is_ignored_and_a_weaker_layer_applies(user_file):
    layers = registry_layers(hklm={"auto_lock_minutes": 500}, hkcu={"auto_lock_minutes": 7})
    settings = Settings.load(user_file, layers)
    assert (settings.get("auto_lock_minutes"), settings.source("auto_lock_minutes")) == (7, f"policy:{HKCU}")
    [problem] = settings.problems
    assert (problem.source, problem.key) == (f"policy:{HKLM}", "auto_lock_minutes")
    assert "120" in problem.english()


def test_unknown_policy_key_is_reported(tmp_path, user_file):
    policy = write_json(tmp_path / "policy.json", {"policy": {"auto_lock_minuets": 5}})
    settings = Settings.load(user_file, [JsonPolicyLayer(policy)])
    [problem] = settings.problems
    assert problem.key == "auto_lock_minuets"
    assert "Unknown setting" in problem.english()
    assert settings.get("auto_lock_minutes") == 10


def test_a_setting_that_may_not_be_locked_becomes_an_organisation_default(tmp_path, user_file, monkeypatch):
    monkeypatch.setitem(REGISTRY, "language", dataclasses.replace(REGISTRY["language"], lockable=False))
    policy = write_json(tmp_path / "policy.json", {"policy": {"language": "sv"}})
    settings = Settings.load(user_file, [JsonPolicyLayer(policy)])
    assert (settings.get("language"), settings.is_locked("language")) == ("sv", False)
    assert settings.source("language") == f"organisation:{policy}"
    assert [problem.key for problem in settings.problems] == ["language"]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"{not json", "not a JSON object"),
        (b"[1, 2]", "not a JSON object"),
        (b"\xff\xfe garbage", "not a JSON object"),
        (b"[" * 100_000, "not a JSON object"),
        (b'{"policy": [1]}', "must be a JSON object"),
        (b'{"policy": {}, "polcy": {}}', "Unknown section"),
        (b" " * (MAX_FILE_BYTES + 1), "larger than"),
    ],
)
def test_malformed_policy_file_is_refused_with_a_problem(tmp_path, user_file, content, expected):
    policy = tmp_path / "policy.json"
    policy.write_bytes(content)
    policy.chmod(0o644)
    settings = Settings.load(user_file, [JsonPolicyLayer(policy)])
    assert len(settings.problems) == 1
    assert expected in settings.problems[0].english()
    assert settings.get("auto_lock_minutes") == 10


def test_schema_reference_in_policy_file_is_allowed(tmp_path, user_file):
    policy = write_json(tmp_path / "policy.json", {"$schema": "./askel-policy.schema.json", "policy": {}})
    assert Settings.load(user_file, [JsonPolicyLayer(policy)]).problems == []


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_policy_file_writable_by_others_is_reported_but_applied(tmp_path, user_file):
    policy = write_json(tmp_path / "policy.json", {"policy": {"auto_lock_minutes": 5}})
    policy.chmod(0o666)
    settings = Settings.load(user_file, [JsonPolicyLayer(policy)])
    assert settings.get("auto_lock_minutes") == 5
    assert "permissions" in settings.problems[0].english()


def test_missing_files_are_not_problems(tmp_path, user_file):
    layers = [JsonPolicyLayer(tmp_path / "none.json"), MacManagedPreferencesLayer(tmp_path / "none.plist")]
    assert Settings.load(user_file, layers).problems == []


def test_malformed_plist_is_refused(tmp_path, user_file):
    broken = tmp_path / "broken.plist"
    broken.write_bytes(b"<?xml version='1.0'?><plist><dict><key>a</key></plist>")
    not_a_dict = tmp_path / "list.plist"
    not_a_dict.write_bytes(plistlib.dumps(["auto_lock_minutes"]))
    settings = Settings.load(
        user_file, [MacManagedPreferencesLayer(broken), MacManagedPreferencesLayer(not_a_dict)]
    )
    assert [problem.key for problem in settings.problems] == [None, None]


def test_plist_values_and_problems(tmp_path, user_file):
    plist = tmp_path / "fi.askel.Askel.plist"
    plist.write_bytes(
        plistlib.dumps({"remember_allowed": False, "trusted_pack_keys": [KEY_A], "backup_keep": b"\x01"})
    )
    settings = Settings.load(user_file, [MacManagedPreferencesLayer(plist)])
    assert settings.get("remember_allowed") is False
    assert settings.get("trusted_pack_keys") == (KEY_A,)
    assert [problem.key for problem in settings.problems] == ["backup_keep"]


# --- the Windows registry layer ----------------------------------------------------------------------------


def test_registry_values_as_group_policy_writes_them(user_file):
    hklm = {
        "remember_allowed": 0,  # boolean element: REG_DWORD 0/1
        "auto_lock_minutes": 15,  # decimal element: REG_DWORD
        "update_check": "notify",  # enum element: REG_SZ
        "export_drop_folder": r"C:\Users\nurse\Askel",  # text element, REG_EXPAND_SZ already expanded
        "safety_instructions_fi": ["Rivi 1", "Rivi 2"],  # multiText element: REG_MULTI_SZ
    }
    # list element with valuePrefix="": values 1, 2, … 10 in a subkey
    keys = {str(number): base64.b64encode(bytes([number]) * 32).decode() for number in range(1, 11)}
    settings = Settings.load(user_file, registry_layers(hklm=hklm, HKLM__trusted_pack_keys=keys))
    assert settings.get("remember_allowed") is False
    assert settings.get("auto_lock_minutes") == 15
    assert settings.get("update_check") == "notify"
    assert settings.get("export_drop_folder") == r"C:\Users\nurse\Askel"
    assert settings.get("safety_instructions_fi") == "Rivi 1\nRivi 2"
    assert settings.get("trusted_pack_keys") == tuple(keys[str(number)] for number in range(1, 11))
    assert all(settings.is_locked(key) for key in [*hklm, "trusted_pack_keys"])
    assert settings.problems == []


def test_registry_hkcu_applies_only_where_hklm_is_silent(user_file):
    settings = Settings.load(
        user_file, registry_layers(hklm={"language": "sv"}, hkcu={"language": "fi", "backup_keep": 3})
    )
    assert (settings.get("language"), settings.get("backup_keep")) == ("sv", 3)
    assert settings.source("backup_keep") == f"policy:{HKCU}"


def test_registry_unknown_value_and_read_error_are_problems(user_file):
    def failing_reader(hive: str, key_path: str):
        if hive == "HKCU":
            raise PermissionError(13, "Access is denied")
        return {"Unknown": 1} if key_path == POLICY_REGISTRY_KEY else None

    layers = [WindowsRegistryLayer("HKLM", failing_reader), WindowsRegistryLayer("HKCU", failing_reader)]
    settings = Settings.load(user_file, layers)
    assert [(problem.source, problem.key) for problem in settings.problems] == [
        (f"policy:{HKLM}", "Unknown"),
        (f"policy:{HKCU}", None),
    ]
    assert "Access is denied" in settings.problems[1].english()


def test_default_layers_per_platform(monkeypatch):
    monkeypatch.delenv("ASKEL_POLICY_FILE", raising=False)
    windows = default_policy_layers("win32")
    assert [type(layer) for layer in windows] == [WindowsRegistryLayer, WindowsRegistryLayer, JsonPolicyLayer]
    assert [layer.name for layer in windows[:2]] == [HKLM, HKCU]
    mac = default_policy_layers("darwin")
    assert [type(layer) for layer in mac] == [MacManagedPreferencesLayer, JsonPolicyLayer]
    assert mac[0].path == Path("/Library/Managed Preferences/fi.askel.Askel.plist")
    linux = default_policy_layers("linux")
    assert [layer.name for layer in linux] == [str(Path("/etc/askel/policy.json"))]


def test_policy_file_path():
    assert policy_file_path({}, "linux") == Path("/etc/askel/policy.json")
    assert policy_file_path({}, "darwin") == Path("/etc/askel/policy.json")
    assert policy_file_path({"ProgramData": r"D:\PD"}, "win32") == Path(r"D:\PD") / "Askel" / "policy.json"
    assert policy_file_path({"ASKEL_POLICY_FILE": "/tmp/p.json"}, "win32") == Path("/tmp/p.json")
    assert policy_file_path({"ASKEL_POLICY_FILE": ""}, "linux") == Path("/etc/askel/policy.json")


def test_environment_variable_selects_the_policy_file(tmp_path, user_file, monkeypatch):
    policy = write_json(tmp_path / "elsewhere.json", {"policy": {"backup_keep": 42}})
    monkeypatch.setenv("ASKEL_POLICY_FILE", str(policy))
    monkeypatch.setattr(settings_module.sys, "platform", "linux")
    settings = Settings.load(user_file)
    assert (settings.get("backup_keep"), settings.source("backup_keep")) == (42, f"policy:{policy}")


# --- the user file -----------------------------------------------------------------------------------------


def test_set_writes_the_user_file_atomically_with_mode_0600(user_file):
    settings = Settings.load(user_file, [])
    settings.set("auto_lock_minutes", 25)
    settings.set("trusted_pack_keys", [KEY_A])
    assert stat.S_IMODE(user_file.stat().st_mode) == 0o600
    assert json.loads(user_file.read_text(encoding="utf-8")) == {
        "auto_lock_minutes": 25,
        "trusted_pack_keys": [KEY_A],
    }
    assert sorted(path.name for path in user_file.parent.iterdir()) == ["settings.json"]  # no temp file left
    assert settings.get("trusted_pack_keys") == (KEY_A,)
    reloaded = Settings.load(user_file, [])
    assert (reloaded.get("auto_lock_minutes"), reloaded.source("auto_lock_minutes")) == (25, "user")


def test_set_validates_and_leaves_everything_unchanged_on_a_bad_value(user_file):
    settings = Settings.load(user_file, [])
    settings.set("auto_lock_minutes", 25)
    before = user_file.read_bytes()
    with pytest.raises(SettingValueError):
        settings.set("auto_lock_minutes", 0)
    assert user_file.read_bytes() == before
    assert settings.get("auto_lock_minutes") == 25
    with pytest.raises(KeyError):
        settings.set("no_such_setting", 1)
    with pytest.raises(KeyError):
        settings.get("no_such_setting")
    with pytest.raises(KeyError):
        settings.is_locked("no_such_setting")


def test_failed_write_changes_nothing(user_file, monkeypatch):
    settings = Settings.load(user_file, [])
    settings.set("language", "sv")

    def refuse(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError):
        settings.set("language", "fi")
    assert settings.get("language") == "sv"
    assert json.loads(user_file.read_text()) == {"language": "sv"}
    assert sorted(path.name for path in user_file.parent.iterdir()) == ["settings.json"]


def test_unknown_keys_in_the_user_file_survive_a_write(user_file):
    user_file.parent.mkdir(parents=True)
    write_json(user_file, {"from_a_newer_version": {"x": 1}, "language": "sv"})
    settings = Settings.load(user_file, [])
    assert settings.problems == []
    settings.set("backup_keep", 5)
    assert json.loads(user_file.read_text())["from_a_newer_version"] == {"x": 1}


def test_bad_user_values_are_ignored_with_a_problem(user_file):
    user_file.parent.mkdir(parents=True)
    write_json(user_file, {"auto_lock_minutes": "often", "language": "sv"})
    settings = Settings.load(user_file, [])
    assert settings.get("auto_lock_minutes") == 10
    assert settings.get("language") == "sv"
    assert [(problem.source, problem.key) for problem in settings.problems] == [
        (f"user:{user_file}", "auto_lock_minutes")
    ]


def test_corrupt_or_huge_user_file_is_ignored_and_replaced_on_set(user_file):
    user_file.parent.mkdir(parents=True)
    user_file.write_bytes(b"x" * (MAX_FILE_BYTES + 10))
    settings = Settings.load(user_file, [])
    assert "larger than" in problem_texts(settings)[0]
    settings.set("language", "sv")
    assert json.loads(user_file.read_text()) == {"language": "sv"}


# --- robustness --------------------------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=50),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)
policy_sections = st.dictionaries(st.sampled_from([*REGISTRY, "unknown_key"]), json_values, max_size=6)


@hypothesis_settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=60)
@given(
    locked=policy_sections, defaults=policy_sections, extra=st.dictionaries(st.text(max_size=8), json_values)
)
def test_any_policy_content_loads_and_yields_valid_values(tmp_path, locked, defaults, extra):
    policy = write_json(tmp_path / "policy.json", {**extra, "policy": locked, "defaults": defaults})
    settings = Settings.load(tmp_path / "user.json", [JsonPolicyLayer(policy)])
    for key, setting in REGISTRY.items():
        assert setting.coerce(settings.get(key)) == settings.get(key)
        assert settings.is_locked(key) == (settings.source(key) == f"policy:{policy}")
    for problem in settings.problems:
        assert problem.english()
