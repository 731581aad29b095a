"""Who may have written a policy file: only the operating system's administrators, on every OS.

A policy file that a user can change, or replace by changing a folder above it, locks nothing: the file
sources (`json_policy`, `macos_profiles`) refuse it, and a refused source keeps the strictest values.

- Linux and macOS (`posix_problem`): the file and its folder are owned by root and not writable by group or
  others; every folder above them is owned by root and either not writable by group or others or sticky
  (like `/tmp`, where others cannot rename or remove root's entries). Symbolic links are followed, and the
  folders of both the path as given and the real path are checked.
- Windows (`windows_problem`): the file and its folder are owned by SYSTEM, Administrators or
  TrustedInstaller, and their access lists allow writing to no one else. (The folders above,
  `%ProgramData%`, let users create folders but not rename or remove others'.)
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePath

from askel.core.i18n import QT_TRANSLATE_NOOP, Message, message

TRUSTED_UIDS = frozenset({0})  # root
GROUP_OR_OTHERS_WRITE = stat.S_IWGRP | stat.S_IWOTH


def _msg(text: str, **args: object) -> Message:
    return message("settings", text, **args)


def posix_problem(path: Path, stat_path: Callable[[str], os.stat_result] = os.stat) -> Message | None:
    """None when only root can change the file at `path` (which exists); else why not."""
    given = Path(os.path.abspath(path))
    real = Path(os.path.realpath(given))
    file_info = stat_path(str(real))
    if file_info.st_uid not in TRUSTED_UIDS:
        return _msg(
            QT_TRANSLATE_NOOP("settings", "The file is owned by user {uid}, not by root."), uid=file_info.st_uid
        )
    if file_info.st_mode & GROUP_OR_OTHERS_WRITE:
        return _msg(
            QT_TRANSLATE_NOOP("settings", "Users other than root can change the file (mode {mode})."),
            mode=f"{stat.S_IMODE(file_info.st_mode):04o}",
        )
    folders = dict.fromkeys([*given.parents, *real.parents])  # both chains, in order, each once
    for folder in folders:
        info = stat_path(str(folder))
        own_folder = folder in (given.parent, real.parent)
        writable = info.st_mode & GROUP_OR_OTHERS_WRITE and (own_folder or not info.st_mode & stat.S_ISVTX)
        if info.st_uid not in TRUSTED_UIDS or writable:
            return _msg(
                QT_TRANSLATE_NOOP(
                    "settings", "Users other than root can change the folder {folder} (owner {uid}, mode {mode})."
                ),
                folder=str(folder),
                uid=info.st_uid,
                mode=f"{stat.S_IMODE(info.st_mode):04o}",
            )
    return None


# --- Windows -----------------------------------------------------------------------------------------------

SYSTEM = "S-1-5-18"
ADMINISTRATORS = "S-1-5-32-544"
TRUSTED_INSTALLER = "S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464"
TRUSTED_SIDS = frozenset({SYSTEM, ADMINISTRATORS, TRUSTED_INSTALLER})
ACCESS_ALLOWED_TYPES = frozenset({0, 9})  # ACCESS_ALLOWED_ACE_TYPE, ACCESS_ALLOWED_CALLBACK_ACE_TYPE
INHERIT_ONLY_ACE = 0x08
# Rights that change what the file says or who may change it: write/append data (on a folder: add a file or a
# subfolder), delete child, delete, write DAC, write owner, generic all, generic write.
WRITE_RIGHTS = 0x2 | 0x4 | 0x40 | 0x10000 | 0x40000 | 0x80000 | 0x10000000 | 0x40000000


@dataclass(frozen=True)
class Ace:
    """One entry of an access list: type, flags, access mask and the account's SID as text."""

    type: int
    flags: int
    mask: int
    sid: str


# (owner SID, the access list's entries or None for a NULL access list, which lets everyone do everything)
Security = tuple[str, list[Ace] | None]


def acl_problem(name: str, security: Security) -> Message | None:
    """None when only SYSTEM, Administrators or TrustedInstaller own and can change `name`; else why not."""
    owner, aces = security
    if owner not in TRUSTED_SIDS:
        return _msg(
            QT_TRANSLATE_NOOP("settings", "{path} is owned by {owner}, not by Administrators or SYSTEM."),
            path=name,
            owner=owner,
        )
    if aces is None:
        return _msg(QT_TRANSLATE_NOOP("settings", "{path} has no access list: everyone can change it."), path=name)
    for ace in aces:
        if (
            ace.type in ACCESS_ALLOWED_TYPES
            and not ace.flags & INHERIT_ONLY_ACE
            and ace.mask & WRITE_RIGHTS
            and ace.sid not in TRUSTED_SIDS
        ):
            return _msg(
                QT_TRANSLATE_NOOP("settings", "{account} can change {path}; only administrators may."),
                account=ace.sid,
                path=name,
            )
    return None


def windows_problem(path: PurePath, read_security: Callable[[str], Security] | None = None) -> Message | None:
    """None when only administrators can change the file at `path` (which exists) and its folder."""
    read_security = read_security or read_windows_security
    for item in (path, path.parent):
        found = acl_problem(str(item), read_security(str(item)))
        if found is not None:
            return found
    return None


def read_windows_security(path: str) -> Security:  # pragma: no cover (Windows)
    """The owner and the access list of a file or folder, through GetNamedSecurityInfoW."""
    import ctypes
    from ctypes import wintypes

    advapi32 = ctypes.WinDLL("advapi32", use_last_error=True)
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.LocalFree.argtypes = [ctypes.c_void_p]
    advapi32.GetNamedSecurityInfoW.argtypes = [
        wintypes.LPCWSTR, ctypes.c_int, wintypes.DWORD, ctypes.POINTER(ctypes.c_void_p),
        ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_void_p),
        ctypes.POINTER(ctypes.c_void_p),
    ]  # fmt: skip
    advapi32.GetNamedSecurityInfoW.restype = wintypes.DWORD
    advapi32.GetAce.argtypes = [ctypes.c_void_p, wintypes.DWORD, ctypes.POINTER(ctypes.c_void_p)]
    advapi32.GetAce.restype = wintypes.BOOL
    advapi32.ConvertSidToStringSidW.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p)]
    advapi32.ConvertSidToStringSidW.restype = wintypes.BOOL

    class AclHeader(ctypes.Structure):
        _fields_ = [("revision", ctypes.c_ubyte), ("sbz1", ctypes.c_ubyte), ("size", wintypes.WORD),
                    ("count", wintypes.WORD), ("sbz2", wintypes.WORD)]  # fmt: skip

    class AceHeader(ctypes.Structure):
        _fields_ = [("type", ctypes.c_ubyte), ("flags", ctypes.c_ubyte), ("size", wintypes.WORD)]

    def sid_text(sid: int) -> str:
        text = ctypes.c_void_p()
        if not advapi32.ConvertSidToStringSidW(sid, ctypes.byref(text)):
            raise ctypes.WinError(ctypes.get_last_error())
        try:
            return ctypes.wstring_at(text.value)
        finally:
            kernel32.LocalFree(text)

    se_file_object, owner_information, dacl_information = 1, 0x1, 0x4
    owner, dacl, descriptor = ctypes.c_void_p(), ctypes.c_void_p(), ctypes.c_void_p()
    error = advapi32.GetNamedSecurityInfoW(
        path, se_file_object, owner_information | dacl_information, ctypes.byref(owner), None,
        ctypes.byref(dacl), None, ctypes.byref(descriptor),
    )  # fmt: skip
    if error:
        raise ctypes.WinError(error)
    try:
        if not dacl.value:
            return sid_text(owner.value), None
        aces = []
        for index in range(AclHeader.from_address(dacl.value).count):
            entry = ctypes.c_void_p()
            if not advapi32.GetAce(dacl.value, index, ctypes.byref(entry)):
                raise ctypes.WinError(ctypes.get_last_error())
            header = AceHeader.from_address(entry.value)
            # ACCESS_ALLOWED/DENIED(_CALLBACK)_ACE: header (4 bytes), mask (4 bytes), then the SID.
            simple = header.type in (0, 1, 9, 10)
            mask = wintypes.DWORD.from_address(entry.value + 4).value
            aces.append(Ace(header.type, header.flags, mask, sid_text(entry.value + 8) if simple else ""))
        return sid_text(owner.value), aces
    finally:
        kernel32.LocalFree(descriptor)


def ownership_problem(rule: Callable[[Path], Message | None], path: Path) -> Message | None:
    """`rule(path)`, where a file or folder that cannot be examined counts as a problem too."""
    try:
        return rule(path)
    except OSError as error:
        return _msg(
            QT_TRANSLATE_NOOP("settings", "Who can change the file could not be checked ({error})."),
            error=error.strerror or type(error).__name__,
        )
