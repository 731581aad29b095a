"""What a setting is: its kind, its typed value, and the rule a raw value must follow.

`Setting.coerce` turns what a policy source, the user file or the UI gives (JSON values, registry DWORDs and
strings, plist values) into the typed value, or raises `SettingValueError` with a translatable rule.
"""

from __future__ import annotations

import base64
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import Enum, StrEnum
from pathlib import PurePosixPath, PureWindowsPath

from askel.core.i18n import QT_TRANSLATE_NOOP, Message, message

LANGUAGES = ("en", "fi", "sv")  # every label and description exists in each
# 32 bytes in standard base64: 43 characters (the last one carries 4 bits, so 2 zero bits) and one `=`.
PUBLIC_KEY_PATTERN = r"[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]="
PUBLIC_KEY_LENGTH = 44
OID_PATTERN = r"[0-2](?:\.(?:0|[1-9][0-9]{0,15}))+"
MAX_OID_LENGTH = 128
MAX_PATH_LENGTH = 1023  # the longest string the ADMX text element stores
MAX_TRUSTED_KEYS = 64


class Kind(StrEnum):
    BOOL = "bool"
    INT = "int"
    CHOICE = "choice"
    TEXT = "text"  # one line
    MULTILINE_TEXT = "multiline_text"
    PATH = "path"
    PUBLIC_KEY = "public_key"  # base64 X25519
    PUBLIC_KEY_LIST = "public_key_list"  # base64 Ed25519, one per entry
    OID = "oid"


class Failsafe(Enum):
    """What a setting becomes while a policy source that should say something about it cannot be trusted."""

    DEFAULT = "default"  # locked at the built-in default
    USERS_CHOICE = "user"  # not locked: a personal preference without a security meaning


KEEP_USERS_CHOICE = Failsafe.USERS_CHOICE


class SettingsError(Exception):
    """Base class: `.message` is the translatable explanation (context "settings")."""

    def __init__(self, key: str, msg: Message):
        self.key = key
        self.message = msg
        super().__init__(f"{key}: {msg.english()}")


class SettingLockedError(SettingsError):
    def __init__(self, key: str):
        super().__init__(
            key,
            message(
                "settings", QT_TRANSLATE_NOOP("settings", "This setting is locked by your organisation's IT.")
            ),
        )


class SettingValueError(SettingsError, ValueError):
    pass


@dataclass(frozen=True)
class Setting:
    """One setting. Texts (`label`, `description`, `choice_labels`) are keyed by language: en, fi, sv."""

    key: str
    kind: Kind
    default: object
    label: Mapping[str, str]
    description: Mapping[str, str]
    minimum: int | None = None
    maximum: int | None = None
    choices: tuple[str, ...] = ()
    choice_labels: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    max_length: int | None = None
    user_editable: bool = False
    # While a policy source is broken or refused: locked at this value (`Failsafe.DEFAULT`: the default), or
    # `KEEP_USERS_CHOICE`. A value given here is stricter than the default (docs/it-deployment.md lists them).
    failsafe: object = Failsafe.DEFAULT

    def failsafe_value(self) -> object:
        """The locked value while policy cannot be trusted, or `KEEP_USERS_CHOICE`."""
        if self.failsafe is Failsafe.DEFAULT:
            return self.default
        return self.failsafe

    def coerce(self, raw: object) -> object:
        """The typed value for `raw` as a policy source or the UI gives it, or `SettingValueError`.

        Registry values arrive as DWORDs and strings, so booleans and numbers are also read from text.
        """
        value = _COERCERS[self.kind](self, raw)
        if value is None:
            raise SettingValueError(self.key, self._rule())
        return value

    def to_json(self, value: object) -> object:
        return list(value) if isinstance(value, tuple) else value

    def _rule(self) -> Message:
        def rule(text: str, **args: object) -> Message:
            return message("settings", text, **args)

        match self.kind:
            case Kind.BOOL:
                return rule(QT_TRANSLATE_NOOP("settings", "Use true or false."))
            case Kind.INT:
                return rule(
                    QT_TRANSLATE_NOOP("settings", "Use a whole number from {minimum} to {maximum}."),
                    minimum=self.minimum,
                    maximum=self.maximum,
                )
            case Kind.CHOICE:
                return rule(
                    QT_TRANSLATE_NOOP("settings", "Use one of: {choices}."), choices=", ".join(self.choices)
                )
            case Kind.TEXT:
                return rule(
                    QT_TRANSLATE_NOOP("settings", "Use one line of text, at most {limit} characters."),
                    limit=self.max_length,
                )
            case Kind.MULTILINE_TEXT:
                return rule(
                    QT_TRANSLATE_NOOP(
                        "settings", "Use text without control characters, at most {limit} characters."
                    ),
                    limit=self.max_length,
                )
            case Kind.PATH:
                return rule(QT_TRANSLATE_NOOP("settings", "Use an absolute folder path, or leave it empty."))
            case Kind.PUBLIC_KEY:
                return rule(
                    QT_TRANSLATE_NOOP(
                        "settings", "Use a base64-encoded 32-byte public key, or leave it empty."
                    )
                )
            case Kind.PUBLIC_KEY_LIST:
                return rule(
                    QT_TRANSLATE_NOOP(
                        "settings", "Use a list of at most {limit} base64-encoded 32-byte public keys."
                    ),
                    limit=MAX_TRUSTED_KEYS,
                )
            case Kind.OID:
                return rule(
                    QT_TRANSLATE_NOOP(
                        "settings", "Use an OID: numbers separated by dots, such as 1.2.246.10.12345678.22."
                    )
                )


# --- value coercion: each returns the typed value, or None when `raw` is not acceptable ---------------------


def _coerce_bool(spec: Setting, raw: object) -> bool | None:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, int) and raw in (0, 1):
        return bool(raw)
    if isinstance(raw, str):
        return {"true": True, "1": True, "false": False, "0": False}.get(raw.strip().lower())
    return None


def _coerce_int(spec: Setting, raw: object) -> int | None:
    if isinstance(raw, str) and re.fullmatch(r"[+-]?[0-9]{1,9}", raw.strip()):
        raw = int(raw.strip())
    # JSON Schema counts 10.0 as an integer, and a plist may hold a <real>: accept whole numbers in that form.
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    if isinstance(raw, bool) or not isinstance(raw, int):
        return None
    return raw if spec.minimum <= raw <= spec.maximum else None


def _coerce_choice(spec: Setting, raw: object) -> str | None:
    if not isinstance(raw, str):
        return None
    choice = raw.strip().lower()
    return choice if choice in spec.choices else None


def _coerce_text(spec: Setting, raw: object) -> str | None:
    if not isinstance(raw, str) or _has_control_characters(raw):
        return None
    text = raw.strip()
    return text if len(text) <= spec.max_length else None


def _coerce_multiline_text(spec: Setting, raw: object) -> str | None:
    # The ADMX multiText element stores a REG_MULTI_SZ, which the registry reader returns as a list of lines.
    if isinstance(raw, list) and all(isinstance(line, str) for line in raw):
        raw = "\n".join(raw)
    if not isinstance(raw, str):
        return None
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    if _has_control_characters(text, allowed="\n\t"):
        return None
    text = "\n".join(line.rstrip() for line in text.strip().split("\n"))
    return text if len(text) <= spec.max_length else None


def _coerce_path(spec: Setting, raw: object) -> str | None:
    if not isinstance(raw, str) or _has_control_characters(raw):
        return None
    path = raw.strip()
    if not path:
        return path
    # The file may be shared between platforms, so both path styles count as absolute (C:\x, \\server\x, /x).
    absolute = PureWindowsPath(path).is_absolute() or PurePosixPath(path).is_absolute()
    return path if absolute and len(path) <= MAX_PATH_LENGTH else None


def _coerce_public_key(spec: Setting, raw: object) -> str | None:
    if not isinstance(raw, str):
        return None
    key = raw.strip()
    return key if not key or _is_public_key(key) else None


def _coerce_public_key_list(spec: Setting, raw: object) -> tuple[str, ...] | None:
    if isinstance(raw, str):
        raw = raw.replace(",", " ").split()
    if not isinstance(raw, list | tuple) or not all(isinstance(key, str) for key in raw):
        return None
    keys = tuple(dict.fromkeys(key.strip() for key in raw if key.strip()))  # drop duplicates, keep order
    return keys if len(keys) <= MAX_TRUSTED_KEYS and all(map(_is_public_key, keys)) else None


def _coerce_oid(spec: Setting, raw: object) -> str | None:
    if not isinstance(raw, str):
        return None
    oid = raw.strip()
    return oid if not oid or (len(oid) <= MAX_OID_LENGTH and re.fullmatch(OID_PATTERN, oid)) else None


_COERCERS: dict[Kind, Callable[[Setting, object], object]] = {
    Kind.BOOL: _coerce_bool,
    Kind.INT: _coerce_int,
    Kind.CHOICE: _coerce_choice,
    Kind.TEXT: _coerce_text,
    Kind.MULTILINE_TEXT: _coerce_multiline_text,
    Kind.PATH: _coerce_path,
    Kind.PUBLIC_KEY: _coerce_public_key,
    Kind.PUBLIC_KEY_LIST: _coerce_public_key_list,
    Kind.OID: _coerce_oid,
}


def _has_control_characters(text: str, allowed: str = "") -> bool:
    # Cs (lone surrogates) cannot be written back as UTF-8, so they count as control characters here.
    return any(c not in allowed and unicodedata.category(c) in ("Cc", "Cs") for c in text)


def _is_public_key(text: str) -> bool:
    return re.fullmatch(PUBLIC_KEY_PATTERN, text) is not None and len(base64.b64decode(text)) == 32
