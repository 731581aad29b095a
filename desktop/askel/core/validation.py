"""Form validators for every dialog: pure functions returning a clean value or raising `ValidationError`.

Each error has a stable `.reason` code for programs and a translatable `.message` (context "validation"). The
messages describe the rule, never the value typed: what a user types may be client data.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import NoReturn

from askel.core import hetu
from askel.core.i18n import QT_TRANSLATE_NOOP, Message, message

TEXT_LIMITS: dict[str, int] = {
    "person_name": 100,
    "professional_title": 100,
    "note": 20_000,
    "free_text": 2_000,
    "goal": 2_000,
    "school": 200,
    "organisation_name": 200,
    "local_identifier": 64,
    "search": 100,
    "safety_instructions": 4_000,
}
EARLIEST_BIRTH_DATE = date(1890, 1, 1)
MIN_PASSPHRASE_LENGTH = 10
# Far above any real number of minutes, far below the length at which int() itself refuses a digit string.
_MAX_NUMBER_DIGITS = 9

# Space, hyphen, apostrophe, typographic apostrophe (’), Unicode hyphen (‐).
_NAME_PUNCTUATION = frozenset(" -'\u2019\u2010")
_FINNISH_DATE = re.compile(r"([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})")
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_WHOLE_NUMBER = re.compile(r"[+-]?[0-9]+")
_TIME = re.compile(r"([0-9]{1,2})(?:[.:]([0-9]{2}))?")
_ICD10 = re.compile(r"([A-Z][0-9]{2})(?:[.,]?([0-9]{1,2}))?")
_HETU_PREFIX = re.compile(r"[0-9]{1,6}|[0-9]{6}[-+A-FU-Y][0-9]{0,3}[0-9A-Y]?")
_DAY_MONTH = re.compile(r"([0-9]{1,2})\.([0-9]{1,2})\.?([0-9]{4})?")
_YEAR = re.compile(r"[0-9]{4}")
# Four digits in this range are a birth year (the HETU's range); others, like `1310`, start a HETU.
_SEARCHABLE_YEARS = (1800, 2099)


class ValidationError(ValueError):
    """A rejected field value. `.reason` is a stable code; `.message` the translatable explanation."""

    def __init__(self, reason: str, msg: Message):
        self.reason = reason
        self.message = msg
        super().__init__(msg.english())


def person_name(text: str) -> str:
    """A first or last name: letters of any script, spaces, hyphens, apostrophes; inner spaces collapsed."""
    stripped = text.strip()
    if not stripped:
        _fail("empty", QT_TRANSLATE_NOOP("validation", "Enter a name."))
    if _strip_control_characters(stripped) != stripped:
        _bad_name_characters()
    name = " ".join(unicodedata.normalize("NFC", stripped).split())
    limit = TEXT_LIMITS["person_name"]
    if len(name) > limit:
        _too_long(limit, len(name))
    if any(character.isdigit() for character in name):
        _fail("contains_digits", QT_TRANSLATE_NOOP("validation", "A name cannot contain digits."))
    allowed = all(
        character in _NAME_PUNCTUATION or unicodedata.category(character)[0] in "LM" for character in name
    )
    if not allowed or not any(character.isalpha() for character in name):
        _bad_name_characters()
    return name


def parse_date(text: str) -> date:
    """A date typed as `5.3.2026`, `05.03.2026` or `2026-03-05`."""
    stripped = text.strip()
    if not stripped:
        _fail("empty", QT_TRANSLATE_NOOP("validation", "Enter a date."))
    if match := _FINNISH_DATE.fullmatch(stripped):
        day, month, year = (int(part) for part in match.groups())
    elif match := _ISO_DATE.fullmatch(stripped):
        year, month, day = (int(part) for part in match.groups())
    else:
        _fail(
            "bad_date_format",
            QT_TRANSLATE_NOOP("validation", "Enter the date as day.month.year, for example 5.3.2026."),
        )
    try:
        return date(year, month, day)
    except ValueError:
        _fail("impossible_date", QT_TRANSLATE_NOOP("validation", "This date does not exist in the calendar."))


def parse_time(text: str) -> time:
    """A time of day typed as `14.05`, `14:05`, `9.30` or `14` (on the hour)."""
    stripped = text.strip()
    if not stripped:
        _fail("empty", QT_TRANSLATE_NOOP("validation", "Enter a time."))
    match = _TIME.fullmatch(stripped)
    if not match:
        _fail("bad_time_format", QT_TRANSLATE_NOOP("validation", "Enter the time as hours.minutes, for example 14.05."))
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if hour > 23 or minute > 59:
        _fail("impossible_time", QT_TRANSLATE_NOOP("validation", "This time does not exist: hours go to 23 and "
                                                                  "minutes to 59."))
    return time(hour, minute)


def appointment(day: str, at: str, now: datetime) -> datetime:
    """The next appointment from a typed date and time; it must lie ahead of `now`."""
    when = datetime.combine(parse_date(day), parse_time(at))
    if when <= now:
        _fail("past_appointment", QT_TRANSLATE_NOOP("validation", "The next appointment must be in the future."))
    return when


def birth_date(text: str, today: date) -> date:
    born = parse_date(text)
    if born > today:
        _fail("future_date", QT_TRANSLATE_NOOP("validation", "A birth date cannot be in the future."))
    if born < EARLIEST_BIRTH_DATE:
        _fail(
            "too_early",
            QT_TRANSLATE_NOOP("validation", "A birth date cannot be before {year}."),
            year=EARLIEST_BIRTH_DATE.year,
        )
    return born


def free_text(text: str, max_len: int) -> str:
    """Multi-line text: line ends become `\\n`, other control characters are dropped, the ends trimmed."""
    cleaned = _strip_control_characters(text.replace("\r\n", "\n").replace("\r", "\n"), keep="\n\t")
    cleaned = unicodedata.normalize("NFC", cleaned).strip()
    if len(cleaned) > max_len:
        _too_long(max_len, len(cleaned))
    return cleaned


def professional_title(text: str) -> str:
    """The clinician's professional title as it should read in the record ("sairaanhoitaja (AMK)"); may be empty."""
    title = " ".join(_strip_control_characters(unicodedata.normalize("NFC", text)).split())
    limit = TEXT_LIMITS["professional_title"]
    if len(title) > limit:
        _too_long(limit, len(title))
    return title


TERHIKKI_DIGITS = 11


def terhikki_number(text: str) -> str:
    """A registration number in Valvira's register of health care professionals (Terhikki): 11 digits, spaces
    allowed while typing; empty when the clinician has none to give."""
    digits = "".join(text.split())
    if digits and not (digits.isascii() and digits.isdigit() and len(digits) == TERHIKKI_DIGITS):
        _fail("bad_terhikki", QT_TRANSLATE_NOOP("validation", "A Terhikki registration number has 11 digits."))
    return digits


def minutes(text: str, lo: int, hi: int) -> int:
    stripped = text.strip()
    if not stripped:
        _fail("empty", QT_TRANSLATE_NOOP("validation", "Enter the number of minutes."))
    if not _WHOLE_NUMBER.fullmatch(stripped):
        _fail("not_a_number", QT_TRANSLATE_NOOP("validation", "Enter the minutes as a whole number."))
    digits = stripped.lstrip("+-").lstrip("0")
    value = int(stripped) if len(digits) <= _MAX_NUMBER_DIGITS else None
    if value is None or not lo <= value <= hi:
        _fail(
            "out_of_range",
            QT_TRANSLATE_NOOP("validation", "Enter a number of minutes from {lo} to {hi}."),
            lo=lo,
            hi=hi,
        )
    return value


def icd10(text: str) -> str:
    """An ICD-10 code such as `F32.1`, `F41` or `F10.2`; lower case, `F321` and `F32,1` become `F32.1`."""
    stripped = text.strip().upper()
    if not stripped:
        _fail("empty", QT_TRANSLATE_NOOP("validation", "Enter an ICD-10 code."))
    match = _ICD10.fullmatch(stripped) if stripped.isascii() else None
    if match is None:
        _fail(
            "bad_icd10_format",
            QT_TRANSLATE_NOOP(
                "validation",
                "An ICD-10 code is a letter, two digits and an optional subcode, for example F32.1.",
            ),
        )
    category, subcode = match.groups()
    return f"{category}.{subcode}" if subcode else category


@dataclass(frozen=True)
class PassphraseProblem:
    """One weakness of a passphrase. `blocking` problems must be fixed; the others are advice."""

    code: str
    blocking: bool
    message: Message


DEFAULT_PASSPHRASE_STRENGTH = 3  # the policy setting passphrase_min_strength (zxcvbn's 0–4 scale)
PASSPHRASE_WORD_LISTS = ("fi", "sv")  # resources/passphrase-words/<language>.txt
_MAX_ESTIMATED_LENGTH = 72  # zxcvbn refuses longer input; the characters beyond it only add strength


def passphrase_strength(text: str, minimum_strength: int = DEFAULT_PASSPHRASE_STRENGTH,
                        user_inputs: tuple[str, ...] = ()) -> list[PassphraseProblem]:
    """What keeps a new passphrase from being accepted; an empty list means it is acceptable.

    Codes: `too_short` (under MIN_PASSPHRASE_LENGTH characters) and `too_guessable` (zxcvbn, with Finnish and
    Swedish word lists added, scores it under `minimum_strength`, IT's policy setting `passphrase_min_strength`).
    Both block. `user_inputs` are words the estimator should count as known (the clinician's own name).
    """
    problems = []
    if len(text) < MIN_PASSPHRASE_LENGTH:
        problems.append(PassphraseProblem("too_short", True, message(
            "validation", QT_TRANSLATE_NOOP("validation", "Use at least {minimum} characters."),
            minimum=MIN_PASSPHRASE_LENGTH)))
    if text and _strength(text, user_inputs) < minimum_strength:
        problems.append(PassphraseProblem("too_guessable", True, message(
            "validation", QT_TRANSLATE_NOOP(
                "validation", "This passphrase is too easy to guess. Use several words that do not belong "
                              "together, or make it longer."))))
    return problems


def _strength(text: str, user_inputs: tuple[str, ...]) -> int:
    from zxcvbn import zxcvbn

    _load_word_lists()
    inputs = [word for value in user_inputs for word in value.lower().split() if word]
    return int(zxcvbn(text[:_MAX_ESTIMATED_LENGTH], user_inputs=inputs)["score"])


@functools.cache
def _load_word_lists() -> None:
    """Add our Finnish and Swedish lists to the estimator's dictionaries (once per process)."""
    from zxcvbn.matching import add_frequency_lists

    from askel.core.paths import resources_dir

    lists = {}
    for language in PASSPHRASE_WORD_LISTS:
        path = resources_dir() / "passphrase-words" / f"{language}.txt"
        lines = path.read_text("utf-8").splitlines()
        lists[f"askel_{language}"] = [line.strip().lower() for line in lines if line.strip() and not line.startswith("#")]
    add_frequency_lists(lists)


@dataclass(frozen=True, repr=False)
class SearchQuery:
    """What the user typed into the client search box.

    `kind` is one of `empty`, `hetu`, `birth_date`, `name`:
    - `hetu`: `hetu_prefix` is the upper-cased start (or all) of a code; `hetu_complete` if it is valid.
    - `birth_date`: `day`, `month` and `year`; any may be None (`5.3.` has no year, `1990` only a year).
    - `name`: `words`, case-folded, each to be matched against the start of a name part.
    """

    kind: str
    hetu_prefix: str = ""
    hetu_complete: bool = False
    day: int | None = None
    month: int | None = None
    year: int | None = None
    words: tuple[str, ...] = ()

    def __repr__(self) -> str:
        # What was typed is a name or an identity code: keep it out of any log that prints the object.
        return f"SearchQuery(kind={self.kind!r})"


def search_query(text: str) -> SearchQuery:
    """Classify search input; never raises. Over-long input is cut to the search limit."""
    query = " ".join(_strip_control_characters(text).split())[: TEXT_LIMITS["search"]]
    if not query:
        return SearchQuery("empty")
    if _YEAR.fullmatch(query) and _SEARCHABLE_YEARS[0] <= int(query) <= _SEARCHABLE_YEARS[1]:
        return SearchQuery("birth_date", year=int(query))
    if _HETU_PREFIX.fullmatch(query.upper()):
        prefix = query.upper()
        return SearchQuery("hetu", hetu_prefix=prefix, hetu_complete=hetu.is_valid(prefix))
    if (match := _DAY_MONTH.fullmatch(query)) and _is_possible_day(*match.groups()):
        day, month, year = match.groups()
        return SearchQuery("birth_date", day=int(day), month=int(month), year=int(year) if year else None)
    words = tuple(unicodedata.normalize("NFC", word).casefold() for word in query.replace(",", " ").split())
    return SearchQuery("name", words=words) if words else SearchQuery("empty")


def _is_possible_day(day: str, month: str, year: str | None) -> bool:
    try:
        date(int(year) if year else 2000, int(month), int(day))  # 2000: a leap year, so 29.2. is possible
    except ValueError:
        return False
    return True


def _character_class(character: str) -> str:
    if character.isdigit():
        return "digit"
    if character.islower():
        return "lower"
    if character.isupper():
        return "upper"
    return "other"


def _strip_control_characters(text: str, keep: str = "") -> str:
    # Cc: control characters; Cs: lone surrogates, which cannot be stored or exported as UTF-8.
    return "".join(
        character
        for character in text
        if character in keep or unicodedata.category(character) not in ("Cc", "Cs")
    )


def _bad_name_characters() -> NoReturn:
    _fail(
        "bad_characters",
        QT_TRANSLATE_NOOP("validation", "A name may contain only letters, spaces, hyphens and apostrophes."),
    )


def _too_long(limit: int, length: int) -> NoReturn:
    _fail(
        "too_long",
        QT_TRANSLATE_NOOP(
            "validation", "The text is too long: at most {limit} characters are allowed, now {length}."
        ),
        limit=limit,
        length=length,
    )


def _fail(reason: str, text: str, **args: object) -> NoReturn:
    raise ValidationError(reason, message("validation", text, **args))
