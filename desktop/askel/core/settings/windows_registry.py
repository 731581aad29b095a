"""Windows Group Policy: `HKLM` then `HKCU` `\\Software\\Policies\\Askel`, as the ADMX template writes them.

Value names are the setting keys; a list setting (`trusted_pack_keys`) is the subkey of that name with one value
per entry (1, 2, 3 …). The same layout under `…\\Askel\\Recommended` holds recommended values: organisation
defaults that the user may change (the ADMX's "Askel – recommended" category).

Ownership: Windows itself lets only administrators and SYSTEM write under `Software\\Policies`, in both
hives (a user's own `HKCU\\Software\\Policies` is read-only to that user), so these keys need no check of ours.
Askel never reads any other registry key for policy. A key that exists but cannot be read is a refused source.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from askel.core.i18n import QT_TRANSLATE_NOOP, message
from askel.core.settings.layer import LayerReading
from askel.core.settings.model import Kind
from askel.core.settings.registry import REGISTRY

POLICY_REGISTRY_KEY = r"Software\Policies\Askel"
RECOMMENDED_SUBKEY = "Recommended"
HIVES = ("HKLM", "HKCU")  # strongest first

# Returns the values of one registry key (value name → data), or None when the key does not exist.
RegistryReader = Callable[[str, str], dict[str, object] | None]


def read_windows_registry(hive: str, key_path: str) -> dict[str, object] | None:  # pragma: no cover (Windows)
    import winreg

    root = {"HKLM": winreg.HKEY_LOCAL_MACHINE, "HKCU": winreg.HKEY_CURRENT_USER}[hive]
    try:
        key = winreg.OpenKey(root, key_path)
    except FileNotFoundError:
        return None
    values: dict[str, object] = {}
    with key:
        index = 0
        while True:
            try:
                name, data, value_type = winreg.EnumValue(key, index)
            except OSError:  # no more values
                return values
            values[name] = winreg.ExpandEnvironmentStrings(data) if value_type == winreg.REG_EXPAND_SZ else data
            index += 1


class WindowsRegistryLayer:
    """One hive's `Software\\Policies\\Askel` (locked values) and its `Recommended` subkey (defaults)."""

    def __init__(self, hive: str, reader: RegistryReader | None = None):
        self.hive = hive
        self.name = f"{hive}\\{POLICY_REGISTRY_KEY}"
        self._reader = reader or read_windows_registry

    def read(self) -> LayerReading:
        reading = LayerReading()
        try:
            reading.locked = self._values(POLICY_REGISTRY_KEY)
            reading.defaults = self._values(f"{POLICY_REGISTRY_KEY}\\{RECOMMENDED_SUBKEY}")
        except OSError as error:
            return reading.refuse(
                f"policy:{self.name}",
                message(
                    "settings",
                    QT_TRANSLATE_NOOP("settings", "The registry key could not be read ({error})."),
                    error=error.strerror or type(error).__name__,
                ),
            )
        return reading

    def _values(self, key_path: str) -> dict[str, object]:
        values = self._reader(self.hive, key_path) or {}
        # The ADMX `list` element writes one value per entry into a subkey named after the setting.
        for setting in REGISTRY.values():
            if setting.kind is Kind.PUBLIC_KEY_LIST:
                entries = self._reader(self.hive, f"{key_path}\\{setting.key}")
                if entries is not None:
                    values[setting.key] = [entries[name] for name in sorted(entries, key=_list_entry_order)]
        return values


def _list_entry_order(name: str) -> tuple[int, str]:
    # Value names are 1, 2, … 10: sort them as numbers, not as text (ASCII only: int() refuses '²', which isdigit).
    return (int(name), "") if name.isascii() and name.isdigit() else (sys.maxsize, name)
