"""The effective settings: the registry of settings, IT's policy sources, and the user's own choices.

A newcomer finds each part in one place:
- `registry`: every setting as data (key, type, default, failsafe, texts in en/fi/sv); `model`: what a setting
  is and how a raw value is checked.
- One module per policy source, each with its own ownership rules: `windows_registry` (Group Policy),
  `macos_profiles` (managed preferences), `json_policy` (`/etc/askel/policy.json`, `%ProgramData%`);
  `file_ownership` holds the rules the two file sources share (only root or Administrators may write).
- This module merges them (`Settings.load`) and writes the user's own choices (`Settings.set`).
The Group Policy templates and the JSON schema are generated from the registry by `askel.deployment`.

Where a value comes from, strongest first:
1. Windows `HKLM\\Software\\Policies\\Askel`, then `HKCU\\…` (locked).
2. macOS managed preferences (locked).
3. The JSON policy file's `policy` (locked), then `ASKEL_POLICY_FILE`'s (can add locks, never remove one).
4. The user settings file (a JSON object of setting keys, written by `Settings.set`).
5. Organisation defaults: the registry's `…\\Askel\\Recommended` keys and the JSON files' `defaults`.
6. The registry default.

Never fail open: a policy source that exists but cannot be trusted (unreadable, malformed, or writable by someone
other than the administrators) gives nothing, and every setting it could have locked is locked at its failsafe
value (`Setting.failsafe`, listed in docs/it-deployment.md) unless a stronger source locks it; a bad value for a
known key locks that key at its failsafe value. Both are listed in `Settings.problems` (the GUI shows policy
problems in a banner, the app logs them, `askel policy show` and `askel selftest` fail). An unknown key is
reported and ignored (it cannot be mapped to a setting); keys of retired settings (`RETIRED_KEYS`) are ignored.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

from askel.core.atomic import atomic_write
from askel.core.i18n import QT_TRANSLATE_NOOP
from askel.core.settings.json_policy import (
    POLICY_FILE_ENV,
    JsonPolicyLayer,
    ownership_rule,
    policy_files,
    system_policy_file,
)
from askel.core.settings.layer import (
    MAX_FILE_BYTES,
    FileRefused,
    LayerReading,
    PolicyLayer,
    SettingsProblem,
    parse_json_object,
    problem,
    read_small_file,
)
from askel.core.settings.macos_profiles import MAC_MANAGED_PREFERENCES, MacManagedPreferencesLayer
from askel.core.settings.model import (
    KEEP_USERS_CHOICE,
    LANGUAGES,
    MAX_OID_LENGTH,
    MAX_PATH_LENGTH,
    MAX_TRUSTED_KEYS,
    OID_PATTERN,
    PUBLIC_KEY_LENGTH,
    PUBLIC_KEY_PATTERN,
    Failsafe,
    Kind,
    Setting,
    SettingLockedError,
    SettingsError,
    SettingValueError,
)
from askel.core.settings.registry import REGISTRY, RETIRED_KEYS
from askel.core.settings.windows_registry import (
    HIVES,
    POLICY_REGISTRY_KEY,
    RECOMMENDED_SUBKEY,
    WindowsRegistryLayer,
)

USER_SETTINGS_FILENAME = "settings.json"  # in the config folder

__all__ = [
    "KEEP_USERS_CHOICE", "LANGUAGES", "MAC_MANAGED_PREFERENCES", "MAX_FILE_BYTES", "MAX_OID_LENGTH",
    "MAX_PATH_LENGTH", "MAX_TRUSTED_KEYS", "OID_PATTERN", "POLICY_FILE_ENV", "POLICY_REGISTRY_KEY",
    "PUBLIC_KEY_LENGTH", "PUBLIC_KEY_PATTERN", "RECOMMENDED_SUBKEY", "REGISTRY", "RETIRED_KEYS",
    "USER_SETTINGS_FILENAME", "Failsafe", "JsonPolicyLayer", "Kind", "LayerReading", "MacManagedPreferencesLayer",
    "PolicyLayer", "Setting", "SettingLockedError", "SettingValueError", "Settings", "SettingsError",
    "SettingsProblem", "WindowsRegistryLayer", "default_policy_layers", "system_policy_file",
]  # fmt: skip


def default_policy_layers(platform: str | None = None, environ: Mapping[str, str] | None = None) -> list[PolicyLayer]:
    """The policy sources of this platform, strongest first."""
    platform = platform or sys.platform
    environ = os.environ if environ is None else environ
    layers: list[PolicyLayer] = []
    if platform == "win32":
        layers += [WindowsRegistryLayer(hive) for hive in HIVES]
    elif platform == "darwin":
        layers.append(MacManagedPreferencesLayer())
    rule = ownership_rule(platform)
    layers += [JsonPolicyLayer(path, rule) for path in policy_files(environ, platform)]
    return layers


class Settings:
    """The effective settings: all layers merged once at load; `set` writes the user file and updates them."""

    def __init__(self, user_file: Path):
        self.user_file = Path(user_file)
        self.problems: list[SettingsProblem] = []
        self._user_raw: dict[str, object] = {}  # the user file as read, unknown keys kept for newer versions
        self._values: dict[str, object] = {}
        self._sources: dict[str, str] = {}
        self._locked: set[str] = set()

    @classmethod
    def load(cls, user_file: Path, policy_layers: Iterable[PolicyLayer] | None = None) -> Settings:
        """Read the layers (None: this platform's, see `default_policy_layers`) and the user file."""
        settings = cls(user_file)
        locked: dict[str, tuple[object, str]] = {}
        organisation: dict[str, tuple[object, str]] = {}
        for layer in default_policy_layers() if policy_layers is None else policy_layers:
            reading = layer.read()
            settings.problems += reading.problems
            if not reading.trusted:
                for key in REGISTRY:
                    settings._lock_failsafe(locked, key, layer.name)
                continue
            valid, invalid = settings._checked(reading.locked, f"policy:{layer.name}")
            for key, value in valid:
                locked.setdefault(key, (value, f"policy:{layer.name}"))
            for key in invalid:
                settings._lock_failsafe(locked, key, layer.name)
            for key, value in settings._checked(reading.defaults, f"organisation:{layer.name}")[0]:
                organisation.setdefault(key, (value, f"organisation:{layer.name}"))

        user_source = f"user:{settings.user_file}"
        try:
            data = read_small_file(settings.user_file)
            settings._user_raw = parse_json_object(data) if data is not None else {}
        except FileRefused as error:
            settings.problems.append(SettingsProblem(user_source, None, error.message))
        known_user_values = {key: raw for key, raw in settings._user_raw.items() if key in REGISTRY}
        user = {key: (value, "user") for key, value in settings._checked(known_user_values, user_source)[0]}

        for key, setting in REGISTRY.items():
            if key in locked:
                settings._locked.add(key)
            value, source = locked.get(key) or user.get(key) or organisation.get(key) or (setting.default, "default")
            settings._values[key] = value
            settings._sources[key] = source
        return settings

    def get(self, key: str) -> object:
        """The effective value; a list setting is a tuple. An unknown key is a programming error: KeyError."""
        return self._values[key]

    def is_locked(self, key: str) -> bool:
        if key not in REGISTRY:
            raise KeyError(key)
        return key in self._locked

    def source(self, key: str) -> str:
        """`policy:<source>`, `failsafe:<source>` (that source could not be trusted), `user`,
        `organisation:<source>` or `default`."""
        return self._sources[key]

    def is_failsafe(self, key: str) -> bool:
        """Locked at its failsafe value because a policy source that might set it could not be trusted: what IT
        meant is unknown (a new vault then cannot know the organisation's recovery key, for one)."""
        return self._sources[key].startswith("failsafe:")

    @property
    def policy_problems(self) -> list[SettingsProblem]:
        """The problems of IT's policy sources, for the banner: not those of the user's own file."""
        return [found for found in self.problems if found.is_policy]

    def set(self, key: str, value: object) -> None:
        """Validate, save to the user file (atomically, mode 0600) and apply a new value.

        Raises SettingLockedError, SettingValueError, KeyError for an unknown key, and OSError when the file
        cannot be written (then nothing changes).
        """
        setting = REGISTRY[key]
        if key in self._locked:
            raise SettingLockedError(key)
        value = setting.coerce(value)
        user_raw = {**self._user_raw, key: setting.to_json(value)}
        text = json.dumps(user_raw, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        atomic_write(self.user_file, text.encode("utf-8"), mode=0o600)
        self._user_raw = user_raw
        self._values[key] = value
        self._sources[key] = "user"

    def _lock_failsafe(self, locked: dict[str, tuple[object, str]], key: str, layer_name: str) -> None:
        value = REGISTRY[key].failsafe_value()
        if value is not KEEP_USERS_CHOICE:
            locked.setdefault(key, (value, f"failsafe:{layer_name}"))

    def _checked(self, raw_values: Mapping[str, object], source: str) -> tuple[list[tuple[str, object]], list[str]]:
        """The valid (key, typed value) pairs of a layer, and the known keys whose value was refused. Every
        unknown key and every bad value becomes a problem."""
        valid, invalid = [], []
        for key, raw in raw_values.items():
            setting = REGISTRY.get(key)
            if setting is None:
                if key not in RETIRED_KEYS:
                    self.problems.append(
                        problem(source, key, QT_TRANSLATE_NOOP("settings", "Unknown setting; it was ignored."))
                    )
                continue
            try:
                valid.append((key, setting.coerce(raw)))
            except SettingValueError as error:
                self.problems.append(SettingsProblem(source, key, error.message))
                invalid.append(key)
        return valid, invalid
