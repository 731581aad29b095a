"""Translatable text in Qt-free code.

`core` may not import Qt, yet its messages (a HETU rejection, a band name) must reach the user in Finnish or
Swedish. `tr_noop(context, text)` marks a string for `pyside6-lupdate` and returns it unchanged; the UI passes the
pair to `QCoreApplication.translate`. Placeholders use `str.format` names: `{name}`.
"""

from __future__ import annotations

from dataclasses import dataclass


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    return text


@dataclass(frozen=True)
class Message:
    """A user-visible message: translation context, English source text and format arguments."""

    context: str
    text: str
    args: tuple[tuple[str, object], ...] = ()

    def english(self) -> str:
        return self.text.format(**dict(self.args))


def message(context: str, text: str, **args: object) -> Message:
    return Message(context, text, tuple(sorted(args.items())))
