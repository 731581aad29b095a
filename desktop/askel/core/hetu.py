"""The Finnish personal identity code (henkilötunnus, HETU): parsing, validation and masking.

Layout: `DDMMYY` + century sign + individual number `NNN` + check character, e.g. `131052-308T`.
The century sign is part of the identity (`131052-308T` and `131052X308T` are different people), so it is
kept exactly as given; only surrounding whitespace is stripped and letters are upper-cased. Individual
numbers 900–999 are temporary codes outside the population register: accepted and flagged. Sex is
deliberately not derived.

Errors never carry the code itself: client data must not reach logs or tracebacks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NoReturn

from askel.core.i18n import QT_TRANSLATE_NOOP, Message, message

LENGTH = 11
CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY"
CENTURY_BY_SIGN = {
    "+": 1800,
    "-": 1900, "Y": 1900, "X": 1900, "W": 1900, "V": 1900, "U": 1900,
    "A": 2000, "B": 2000, "C": 2000, "D": 2000, "E": 2000, "F": 2000,
}  # fmt: skip
FIRST_TEMPORARY_NUMBER = 900
LOWEST_INDIVIDUAL_NUMBER = 2
_DIGITS = frozenset("0123456789")
_MASK = "****"


class HetuError(ValueError):
    """A rejected code. `.reason` is a stable code for programs; `.message` the translatable explanation."""

    def __init__(self, reason: str, msg: Message):
        self.reason = reason
        self.message = msg
        super().__init__(msg.english())


@dataclass(frozen=True, repr=False)
class Hetu:
    code: str
    birth_date: date
    century_sign: str
    individual_number: int
    temporary: bool

    def __repr__(self) -> str:
        # A dataclass repr would print the whole code into any log line or traceback that shows the object.
        return f"Hetu({mask(self.code)})"


def check_character(date_and_number: str) -> str:
    """The check character for the nine digits `DDMMYY` + `NNN` (the century sign is not part of the sum)."""
    return CHECK_CHARACTERS[int(date_and_number) % len(CHECK_CHARACTERS)]


def parse(text: str, today: date | None = None) -> Hetu:
    """Parse and validate a code; `today` (default: the current date) bounds the birth date."""
    code = text.strip().upper()
    if not code:
        _fail("empty", QT_TRANSLATE_NOOP("hetu", "Enter a personal identity code."))
    if len(code) != LENGTH:
        _fail(
            "wrong_length",
            QT_TRANSLATE_NOOP("hetu", "A personal identity code has 11 characters; this one has {length}."),
            length=len(code),
        )
    date_digits, century_sign, number_digits, given_check = code[:6], code[6], code[7:10], code[10]
    if not (
        set(date_digits) <= _DIGITS
        and set(number_digits) <= _DIGITS
        and given_check.isascii()
        and given_check.isalnum()
    ):
        _fail(
            "bad_characters",
            QT_TRANSLATE_NOOP(
                "hetu",
                "A personal identity code is six digits, a century sign, three digits and a check character.",
            ),
        )
    if century_sign not in CENTURY_BY_SIGN:
        _fail(
            "bad_century_sign",
            QT_TRANSLATE_NOOP(
                "hetu",
                "The seventh character must be a century sign: + (1800s), - Y X W V U (1900s) or A to F "
                "(2000s).",
            ),
        )
    birth_date = _birth_date(date_digits, century_sign)
    if birth_date > (today or date.today()):
        _fail("future_date", QT_TRANSLATE_NOOP("hetu", "The birth date in the code is in the future."))
    individual_number = int(number_digits)
    if individual_number < LOWEST_INDIVIDUAL_NUMBER:
        _fail(
            "bad_individual_number",
            QT_TRANSLATE_NOOP("hetu", "The individual number (characters 8–10) cannot be 000 or 001."),
        )
    if given_check != check_character(date_digits + number_digits):
        # Never names the character that would fit: a mistyped digit plus that character is another person's valid
        # code. The code is checked against its source instead.
        _fail(
            "wrong_check_character",
            QT_TRANSLATE_NOOP(
                "hetu",
                "The check character does not match. Check the identity code with the client or from the Kela card.",
            ),
        )
    return Hetu(
        code=code,
        birth_date=birth_date,
        century_sign=century_sign,
        individual_number=individual_number,
        temporary=individual_number >= FIRST_TEMPORARY_NUMBER,
    )


def is_valid(text: str, today: date | None = None) -> bool:
    try:
        parse(text, today)
    except HetuError:
        return False
    return True


def mask(code: str) -> str:
    """`131052-308T` → `131052-****`: the birth date and century sign stay, the rest is hidden.

    Anything not shaped like the start of a code is hidden completely; masking never fails, since it runs on
    display and logging paths.
    """
    code = code.strip().upper()
    head = code[:7]
    if len(code) == LENGTH and set(head[:6]) <= _DIGITS and head[6] in CENTURY_BY_SIGN:
        return head + _MASK
    return "*" * LENGTH


def _birth_date(date_digits: str, century_sign: str) -> date:
    day, month, year_in_century = int(date_digits[:2]), int(date_digits[2:4]), int(date_digits[4:6])
    try:
        return date(CENTURY_BY_SIGN[century_sign] + year_in_century, month, day)
    except ValueError:
        _fail(
            "impossible_date",
            QT_TRANSLATE_NOOP(
                "hetu", "The first six digits are not a real date (DDMMYY) in the century given."
            ),
        )


def _fail(reason: str, text: str, **args: object) -> NoReturn:
    raise HetuError(reason, message("hetu", text, **args))
