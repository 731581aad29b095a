import base64
import json
import os
import plistlib
import stat
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from askel.core.settings import (
    KEEP_USERS_CHOICE,
    LANGUAGES,
    MAX_FILE_BYTES,
    POLICY_REGISTRY_KEY,
    REGISTRY,
    RETIRED_KEYS,
    JsonPolicyLayer,
    Kind,
    MacManagedPreferencesLayer,
    SettingLockedError,
    Settings,
    SettingValueError,
    WindowsRegistryLayer,
    default_policy_layers,
    json_policy,
    system_policy_file,
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
    "handout_help_fi": Kind.MULTILINE_TEXT,
    "handout_help_sv": Kind.MULTILINE_TEXT,
    "outcome_preset": Kind.CHOICE,
    "retention_days": Kind.INT,
    "backup_keep": Kind.INT,
    "backup_interval_hours": Kind.INT,
    "self_completion_one_per_page": Kind.BOOL,
    "block_screen_capture": Kind.BOOL,
    "passphrase_min_strength": Kind.INT,
}


def test_registry_declares_every_setting_with_its_type():
    assert {key: setting.kind for key, setting in REGISTRY.items()} == EXPECTED_KINDS


def test_registry_defaults_and_ranges():
    expected = {
        "language": ("fi", None, None, ("fi", "sv")),
        "text_size": ("100", None, None, ("100", "125", "150", "200")),
        "auto_lock_minutes": (10, 1, 120, ()),
        "remember_allowed": (True, None, None, ()),
        "passphrase_min_strength": (3, 2, 4, ()),
        "clipboard_clear_seconds": (60, 0, 3600, ()),
        "outcome_preset": ("nhs", None, None, ("nhs", "fi_regional")),
        "retention_days": (0, 0, 3650, ()),
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


def test_failsafe_values_are_valid_and_never_laxer_than_the_default():
    """While a policy source cannot be trusted: personal preferences stay the user's, everything else is locked,
    and where the default is lax the lock is stricter (docs/it-deployment.md lists them)."""
    failsafe = {key: setting.failsafe_value() for key, setting in REGISTRY.items()}
    assert {key for key, value in failsafe.items() if value is KEEP_USERS_CHOICE} == {
        "language",
        "text_size",
        "self_completion_one_per_page",
    }
    stricter = {key: value for key, value in failsafe.items()
                if value is not KEEP_USERS_CHOICE and value != REGISTRY[key].default}
    assert stricter == {"auto_lock_minutes": 5, "remember_allowed": False, "clipboard_clear_seconds": 30,
                        "block_screen_capture": True}
    for key, value in failsafe.items():
        if value is not KEEP_USERS_CHOICE:
            assert REGISTRY[key].coerce(value) == value
    assert "update_check" not in REGISTRY and "update_check" in RETIRED_KEYS


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
            "defaults": {"clipboard_clear_seconds": 5, "language": "sv", "outcome_preset": "fi_regional"},
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
        "outcome_preset": ("fi_regional", f"organisation:{policy}", False),
        "organisation_name": ("", "default", False),
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


def test_bad_policy_value_locks_that_setting_at_its_failsafe_value(user_file):
    """A typo in a locked value must not hand the setting to a weaker layer or to the user."""
    layers = registry_layers(hklm={"auto_lock_minutes": 500, "remember_allowed": "nope"},
                             hkcu={"auto_lock_minutes": 7, "backup_keep": 3})
    user_file.parent.mkdir(parents=True)
    write_json(user_file, {"remember_allowed": True})
    settings = Settings.load(user_file, layers)
    assert (settings.get("auto_lock_minutes"), settings.source("auto_lock_minutes")) == (5, f"failsafe:{HKLM}")
    assert (settings.get("remember_allowed"), settings.is_locked("remember_allowed")) == (False, True)
    assert (settings.get("backup_keep"), settings.source("backup_keep")) == (3, f"policy:{HKCU}")
    problem, _ = settings.problems
    assert (problem.source, problem.key) == (f"policy:{HKLM}", "auto_lock_minutes")
    assert "120" in problem.english()


def test_unknown_policy_key_is_reported(tmp_path, user_file):
    policy = write_json(tmp_path / "policy.json", {"policy": {"auto_lock_minuets": 5}})
    settings = Settings.load(user_file, [JsonPolicyLayer(policy)])
    [problem] = settings.problems
    assert problem.key == "auto_lock_minuets"
    assert "Unknown setting" in problem.english()
    assert settings.get("auto_lock_minutes") == 10


def test_retired_keys_are_ignored_without_a_problem(tmp_path, user_file):
    policy = write_json(tmp_path / "policy.json", {"policy": {"update_check": "off", "backup_keep": 4}})
    settings = Settings.load(user_file, [JsonPolicyLayer(policy)])
    assert settings.problems == [] and settings.get("backup_keep") == 4


def assert_failsafe(settings: Settings, source: str) -> None:
    """Every setting but the personal preferences locked at its failsafe value; the preferences stay free."""
    for key, setting in REGISTRY.items():
        value = setting.failsafe_value()
        if value is KEEP_USERS_CHOICE:
            assert not settings.is_locked(key), key
        else:
            assert (settings.get(key), settings.source(key), settings.is_locked(key)) == (
                value, f"failsafe:{source}", True), key


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b'{"policy": {"remember_allowed": false,}}', "not valid JSON (line 1, column 39)"),
        (b"{not json", "not valid JSON (line 1, column 2)"),
        (b"[1, 2]", "not a JSON object"),
        (b"\xff\xfe garbage", "not valid JSON"),
        (b"[" * 100_000, "not a JSON object"),
        (b'{"policy": [1]}', 'section "policy" is not a JSON object'),
        (b'{"policy": {}, "polcy": {}}', 'Unknown section "polcy"'),
        (b" " * (MAX_FILE_BYTES + 1), "larger than"),
    ],
)
def test_malformed_policy_file_never_fails_open(tmp_path, user_file, content, expected):
    """The evaluator's trailing comma: nothing of the file is used and the strictest values hold."""
    user_file.parent.mkdir(parents=True)
    write_json(user_file, {"remember_allowed": True, "clipboard_clear_seconds": 0, "language": "sv"})
    policy = tmp_path / "policy.json"
    policy.write_bytes(content)
    policy.chmod(0o644)
    settings = Settings.load(user_file, [JsonPolicyLayer(policy)])
    assert len(settings.problems) == 1 and settings.problems[0].is_policy
    assert expected in settings.problems[0].english()
    assert_failsafe(settings, str(policy))
    assert settings.get("language") == "sv"
    with pytest.raises(SettingLockedError):
        settings.set("remember_allowed", True)


def test_schema_reference_in_policy_file_is_allowed(tmp_path, user_file):
    policy = write_json(tmp_path / "policy.json", {"$schema": "./askel-policy.schema.json", "policy": {}})
    assert Settings.load(user_file, [JsonPolicyLayer(policy)]).problems == []


def test_a_stronger_readable_source_keeps_its_locks_over_the_failsafe(tmp_path, user_file):
    broken = tmp_path / "policy.json"
    broken.write_bytes(b"{")
    broken.chmod(0o644)
    settings = Settings.load(user_file, [*registry_layers(hklm={"auto_lock_minutes": 30}), JsonPolicyLayer(broken)])
    assert (settings.get("auto_lock_minutes"), settings.source("auto_lock_minutes")) == (30, f"policy:{HKLM}")
    assert (settings.get("remember_allowed"), settings.source("remember_allowed")) == (False, f"failsafe:{broken}")


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
    assert_failsafe(settings, str(broken))


def test_plist_values_and_problems(tmp_path, user_file):
    plist = tmp_path / "fi.askel.Askel.plist"
    plist.write_bytes(
        plistlib.dumps({"remember_allowed": False, "trusted_pack_keys": [KEY_A], "backup_keep": b"\x01"})
    )
    settings = Settings.load(user_file, [MacManagedPreferencesLayer(plist)])
    assert settings.get("remember_allowed") is False
    assert settings.get("trusted_pack_keys") == (KEY_A,)
    assert [problem.key for problem in settings.problems] == ["backup_keep"]
    assert (settings.get("backup_keep"), settings.source("backup_keep")) == (10, f"failsafe:{plist}")


# --- the Windows registry layer ----------------------------------------------------------------------------


def test_registry_values_as_group_policy_writes_them(user_file):
    hklm = {
        "remember_allowed": 0,  # boolean element: REG_DWORD 0/1
        "auto_lock_minutes": 15,  # decimal element: REG_DWORD
        "outcome_preset": "fi_regional",  # enum element: REG_SZ
        "export_drop_folder": r"C:\Users\nurse\Askel",  # text element, REG_EXPAND_SZ already expanded
        "safety_instructions_fi": ["Rivi 1", "Rivi 2"],  # multiText element: REG_MULTI_SZ
    }
    # list element with valuePrefix="": values 1, 2, … 10 in a subkey
    keys = {str(number): base64.b64encode(bytes([number]) * 32).decode() for number in range(1, 11)}
    settings = Settings.load(user_file, registry_layers(hklm=hklm, HKLM__trusted_pack_keys=keys))
    assert settings.get("remember_allowed") is False
    assert settings.get("auto_lock_minutes") == 15
    assert settings.get("outcome_preset") == "fi_regional"
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
    assert settings.source("remember_allowed") == f"failsafe:{HKCU}"


# Read before conftest's `isolated_policy` moves the system's file aside for each test.
SYSTEM_POLICY_FILE = json_policy.POSIX_POLICY_FILE


@pytest.fixture
def real_system_paths(monkeypatch):
    monkeypatch.setattr(json_policy, "POSIX_POLICY_FILE", SYSTEM_POLICY_FILE)


def test_default_layers_per_platform(real_system_paths):
    windows = default_policy_layers("win32", environ={})
    assert [type(layer) for layer in windows] == [WindowsRegistryLayer, WindowsRegistryLayer, JsonPolicyLayer]
    assert [layer.name for layer in windows[:2]] == [HKLM, HKCU]
    mac = default_policy_layers("darwin", environ={})
    assert [type(layer) for layer in mac] == [MacManagedPreferencesLayer, JsonPolicyLayer]
    assert mac[0].path == Path("/Library/Managed Preferences/fi.askel.Askel.plist")
    linux = default_policy_layers("linux", environ={})
    assert [layer.name for layer in linux] == [str(Path("/etc/askel/policy.json"))]


def test_the_environment_adds_a_weaker_policy_file_and_never_replaces_the_systems(real_system_paths):
    for platform in ("linux", "darwin", "win32"):
        layers = default_policy_layers(platform, environ={"ASKEL_POLICY_FILE": "/tmp/p.json", "ProgramData": "/x"})
        assert [layer.name for layer in layers[-2:]] == [str(system_policy_file(platform)), "/tmp/p.json"]
    assert default_policy_layers("linux", environ={"ASKEL_POLICY_FILE": ""})[-1].name == "/etc/askel/policy.json"


def test_system_policy_file(real_system_paths):
    assert system_policy_file("linux") == Path("/etc/askel/policy.json")
    assert system_policy_file("darwin") == Path("/etc/askel/policy.json")
    # Not from the environment: a user can set ProgramData to a folder without a policy file.
    assert system_policy_file("win32") == Path(r"C:\ProgramData") / "Askel" / "policy.json"


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
        assert settings.is_locked(key) == settings.source(key).startswith(("policy:", "failsafe:"))
    for problem in settings.problems:
        assert problem.english()
