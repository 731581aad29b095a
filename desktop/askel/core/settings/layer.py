"""What every policy source gives `Settings`: a `LayerReading`, and the problems found on the way.

A source that cannot be trusted as a whole (unreadable, malformed, or writable by someone other than the
operating system's administrators) says so with `trusted=False`: `Settings` then locks every setting it could
have locked at its failsafe value (`Setting.failsafe`), so a broken policy never leaves the user freer.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from askel.core.i18n import QT_TRANSLATE_NOOP, Message, message

MAX_FILE_BYTES = 1024 * 1024


@dataclass(frozen=True)
class SettingsProblem:
    """An ignored or refused policy or settings entry. `key` is None when a whole source was refused.

    `source` is `policy:<file or registry key>`, `organisation:<…>` or `user:<file>`."""

    source: str
    key: str | None
    message: Message

    @property
    def is_policy(self) -> bool:
        """A problem of IT's policy (shown to the user in a banner), not of the user's own settings file."""
        return not self.source.startswith("user:")

    def english(self) -> str:
        where = f"{self.source}: {self.key}" if self.key else self.source
        return f"{where}: {self.message.english()}"

    __str__ = english


def problem(source: str, key: str | None, text: str, **args: object) -> SettingsProblem:
    return SettingsProblem(source, key, message("settings", text, **args))


@dataclass
class LayerReading:
    """Raw values from one policy source: `locked` become policy, `defaults` organisation defaults.

    `trusted` is False when the source exists but could not be read or may have been written by someone other
    than IT: nothing of it is used, and every setting it might have locked is locked at its failsafe value."""

    locked: dict[str, object] = field(default_factory=dict)
    defaults: dict[str, object] = field(default_factory=dict)
    problems: list[SettingsProblem] = field(default_factory=list)
    trusted: bool = True

    def refuse(self, source: str, msg: Message) -> LayerReading:
        self.problems.append(SettingsProblem(source, None, msg))
        self.locked, self.defaults, self.trusted = {}, {}, False
        return self


class PolicyLayer(Protocol):
    name: str  # where the values come from, shown as the source: a file path or a registry key

    def read(self) -> LayerReading: ...


class FileRefused(Exception):
    """A file that exists but cannot be used: `.message` says why (context "settings")."""

    def __init__(self, msg: Message):
        self.message = msg
        super().__init__(msg.english())


def read_small_file(path: Path) -> bytes | None:
    """The file's bytes, or None when it does not exist. FileRefused when unreadable or too large."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise FileRefused(
            message(
                "settings",
                QT_TRANSLATE_NOOP("settings", "The file could not be read ({error})."),
                error=error.strerror or type(error).__name__,
            )
        ) from None
    if len(data) > MAX_FILE_BYTES:
        raise FileRefused(
            message(
                "settings",
                QT_TRANSLATE_NOOP("settings", "The file is larger than {limit} bytes."),
                limit=MAX_FILE_BYTES,
            )
        )
    return data


def parse_json_object(data: bytes) -> dict:
    """The JSON object in `data`, or FileRefused naming the line and column of a syntax error."""
    try:
        content = json.loads(data)
    except json.JSONDecodeError as error:
        raise FileRefused(
            message(
                "settings",
                QT_TRANSLATE_NOOP("settings", "The file is not valid JSON (line {line}, column {column})."),
                line=error.lineno,
                column=error.colno,
            )
        ) from None
    except (ValueError, RecursionError):  # not UTF-8, or absurdly deep nesting
        content = None
    if not isinstance(content, dict):
        raise FileRefused(message("settings", QT_TRANSLATE_NOOP("settings", "The file is not a JSON object.")))
    return content
