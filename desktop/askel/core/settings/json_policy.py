"""The JSON policy file: `/etc/askel/policy.json` (Linux, macOS) or `%ProgramData%\\Askel\\policy.json` (Windows).

    {
      "$schema": "...optional, ignored...",
      "policy":   {"auto_lock_minutes": 5},
      "defaults": {"language": "sv"}
    }

`policy` values are locked; `defaults` are organisation defaults that the user may change.

Ownership: the file and its folder must be writable by the operating system's administrators only
(`file_ownership`: root on Linux and macOS, SYSTEM/Administrators on Windows). The Windows path comes from the
system's known-folder API, never from an environment variable a user could set.

`ASKEL_POLICY_FILE` names one more policy file, for tests and for checking a policy before deploying it. It
passes the same ownership checks, and it is read after the system's file, so it can add locks but never
remove or change one: a user who points it at a file of their own gets a refused source (everything at its
failsafe value), and pointing it at some other root-owned file unlocks nothing.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from pathlib import Path

from askel.core.i18n import QT_TRANSLATE_NOOP, Message, message
from askel.core.settings.file_ownership import ownership_problem, posix_problem, windows_problem
from askel.core.settings.layer import FileRefused, LayerReading, parse_json_object, read_small_file

POLICY_FILE_ENV = "ASKEL_POLICY_FILE"
POSIX_POLICY_FILE = Path("/etc/askel/policy.json")
SECTIONS = ("policy", "defaults")


def ownership_rule(platform: str | None = None) -> Callable[[Path], Message | None]:
    return windows_problem if (platform or sys.platform) == "win32" else posix_problem


class JsonPolicyLayer:
    def __init__(self, path: Path, ownership: Callable[[Path], Message | None] | None = None):
        self.path = Path(path)
        self.name = str(path)
        self._ownership = ownership or ownership_rule()

    def read(self) -> LayerReading:
        reading = LayerReading()
        source = f"policy:{self.name}"
        try:
            data = read_small_file(self.path)
            if data is None:
                return reading
            refused = ownership_problem(self._ownership, self.path)
            if refused is not None:
                raise FileRefused(refused)
            content = parse_json_object(data)
        except FileRefused as error:
            return reading.refuse(source, error.message)
        for section, values in content.items():
            if section == "$schema":
                continue
            if section not in SECTIONS:
                # Perhaps a misspelt "policy": whatever it meant to lock is unknown, so nothing is trusted.
                return reading.refuse(
                    source,
                    message(
                        "settings",
                        QT_TRANSLATE_NOOP("settings", 'Unknown section "{section}": only "policy" and "defaults".'),
                        section=section[:40],
                    ),
                )
            if not isinstance(values, dict):
                return reading.refuse(
                    source,
                    message(
                        "settings",
                        QT_TRANSLATE_NOOP("settings", 'The section "{section}" is not a JSON object.'),
                        section=section,
                    ),
                )
            if section == "policy":
                reading.locked = values
            else:
                reading.defaults = values
        return reading


def system_policy_file(platform: str | None = None) -> Path:
    """The policy file IT deploys on this platform."""
    if (platform or sys.platform) == "win32":
        return program_data() / "Askel" / "policy.json"
    return POSIX_POLICY_FILE


def policy_files(environ: Mapping[str, str], platform: str | None = None) -> list[Path]:
    """The system's policy file, then `ASKEL_POLICY_FILE` when set (weaker: it can only add locks)."""
    files = [system_policy_file(platform)]
    extra = environ.get(POLICY_FILE_ENV)
    if extra:
        files.append(Path(extra))
    return files


def program_data() -> Path:
    """`%ProgramData%` as Windows knows it (FOLDERID_ProgramData), not as the environment says."""
    fallback = Path(r"C:\ProgramData")  # the ownership checks still apply to whatever is found there
    if sys.platform != "win32":
        return fallback  # a test of the Windows layers on another system
    import ctypes
    import uuid

    class Guid(ctypes.Structure):
        _fields_ = [("data", ctypes.c_ubyte * 16)]

    folder_id = Guid.from_buffer_copy(uuid.UUID("62AB5D82-FDC1-4DC3-A9DD-070D1D495D97").bytes_le)
    found = ctypes.c_void_p()
    shell32 = ctypes.WinDLL("shell32")
    ole32 = ctypes.WinDLL("ole32")
    ole32.CoTaskMemFree.argtypes = [ctypes.c_void_p]
    result = shell32.SHGetKnownFolderPath(ctypes.byref(folder_id), 0, None, ctypes.byref(found))
    try:
        if result != 0 or not found.value:
            return fallback
        return Path(ctypes.wstring_at(found.value))
    finally:
        ole32.CoTaskMemFree(found)
