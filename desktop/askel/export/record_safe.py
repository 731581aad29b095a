"""Record-safe text: what a patient record field that takes only Latin-9 (ISO-8859-15) will accept.

Some record systems still store note fields in Latin-9 and reject, or silently mangle, anything else: an en dash, a
zero-width space pasted from a web page, a soft hyphen from a word processor, an emoji from a phone.

- Askel's own text (the phrases of the entry, method names, agenda items and band labels from content) goes through
  `own()`: it is made Latin-9 as it is written, so our own words never trip the record.
- The user's text (notes, goals, homework, names) is never changed behind the user's back: `findings()` lists every
  character the record may reject with its suggested replacement, the export dialog highlights them, and
  `replace_all()` is the one-click replacement the user chooses. Nothing is dropped without the user seeing it.

A policy setting (`record_accepts_unicode`) says when the record takes full Unicode; then nothing is flagged.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

ENCODING = "iso-8859-15"

# Characters that a Latin-9 field may reject or that are invisible, and what they become. "" removes the character
# (only ever when the user chose to replace).
REPLACEMENTS = {
    "\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2010": "-", "\u2011": "-", "\u2212": "-",
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2026": "...", "\u2022": "-", "\u00b7": "-", "\u2713": "x", "\u2714": "x",
    "\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u202f": " ", "\u2002": " ", "\u2003": " ",
    "\u00ad": "", "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "", "\ufeff": "", "\ufe0f": "",
    "\u2028": " ", "\u2029": " ", "\t": " ",
}
# Encodable in Latin-9 but invisible or layout-breaking in a record field.
_UNSAFE_EVEN_IN_LATIN9 = {"\u00a0", "\u00ad", "\t"}


def _acceptable(char: str) -> bool:
    if char == "\n":
        return True
    if char in _UNSAFE_EVEN_IN_LATIN9 or unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn"):
        return False
    try:
        char.encode(ENCODING)
    except UnicodeEncodeError:
        return False
    return True


def replacement(char: str) -> str:
    """What `char` becomes in record-safe text: a known equivalent, the letter without its accent, or nothing."""
    if char in REPLACEMENTS:
        return REPLACEMENTS[char]
    folded = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    if folded and folded != char and all(_acceptable(c) for c in folded):
        return folded
    return ""


def own(text: str) -> str:
    """Askel's own text, made Latin-9 (used for every phrase and content text that goes into the entry)."""
    return "".join(c if _acceptable(c) else replacement(c) for c in text)


@dataclass(frozen=True)
class Finding:
    index: int  # position in the text
    char: str
    replacement: str

    @property
    def code_point(self) -> str:
        return f"U+{ord(self.char):04X}"

    @property
    def invisible(self) -> bool:
        """A character nobody sees on the screen (a zero-width space, a soft hyphen, a control character)."""
        return self.char in ("\u00ad", "\u00a0", "\t") or unicodedata.category(self.char) in ("Cc", "Cf", "Zl", "Zp")


def findings(text: str, *, accepts_unicode: bool = False) -> tuple[Finding, ...]:
    """Every character of `text` that a Latin-9 record field may reject, with its replacement."""
    if accepts_unicode:
        return ()
    return tuple(Finding(i, c, replacement(c)) for i, c in enumerate(text) if not _acceptable(c))


def replace_all(text: str) -> str:
    """The text with every finding replaced (the user's one-click choice)."""
    return own(text)


def is_record_safe(text: str) -> bool:
    return not findings(text)
