"""Dates, times and numbers as Finnish and Swedish health records write them, independent of the UI language.

Exports are documents: their language is chosen per export, so nothing here reads QLocale or the UI's catalogue.
Session times are stored as the local wall-clock time of the visit; questionnaire and export times in UTC. The
record is Finnish, so local time means Europe/Helsinki (with the machine's own zone as a fallback when the time
zone database is missing, as on a Windows machine without the tzdata package).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, tzinfo

LANGUAGES = ("fi", "sv")


def finnish_zone() -> tzinfo | None:
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo("Europe/Helsinki")
    except Exception:  # ZoneInfoNotFoundError, or no zoneinfo data at all
        return None


_ZONE = finnish_zone()


def check_language(language: str) -> str:
    if language not in LANGUAGES:
        raise ValueError("export language must be fi or sv")
    return language


def utc_to_local(value: datetime) -> datetime:
    """A naive UTC time (as stored) as a naive local wall-clock time in Finland."""
    aware = value.replace(tzinfo=UTC)
    local = aware.astimezone(_ZONE) if _ZONE is not None else aware.astimezone()
    return local.replace(tzinfo=None)


def local_aware(value: datetime) -> datetime:
    """A naive local wall-clock time (a session's start) with its Finnish UTC offset attached."""
    if _ZONE is not None:
        return value.replace(tzinfo=_ZONE)
    return value.astimezone()  # naive is read as the machine's local time


def utc_aware(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC)


def fhir_datetime(value: datetime) -> str:
    """FHIR dateTime with seconds and an explicit offset (FHIR requires a zone when a time is given)."""
    return value.isoformat(timespec="seconds")


def format_date(value: date | datetime | None) -> str:
    """5.3.2026: the short date of both Finnish and Finland-Swedish records."""
    if value is None:
        return ""
    return f"{value.day}.{value.month}.{value.year}"


def format_time(value: datetime, language: str) -> str:
    """'klo 9.00' / 'kl. 9.00': the full stop between hours and minutes is the norm in both languages in Finland."""
    prefix = "klo" if language == "fi" else "kl."
    return f"{prefix} {value.hour}.{value.minute:02d}"


def format_number(value: float | int | None) -> str:
    """Whole numbers plainly, others with one decimal and a decimal comma."""
    if value is None:
        return ""
    number = float(value)
    if number.is_integer():
        return str(int(number))
    return f"{number:.1f}".replace(".", ",")


def format_change(value: float) -> str:
    """+3, -4 or 0. A plain ASCII minus: record fields of some EHRs are still Latin-9, which has no U+2212."""
    text = format_number(abs(value))
    if value > 0:
        return f"+{text}"
    if value < 0:
        return f"-{text}"
    return "0"


def one_line(text: str | None) -> str:
    """Free text on one line (an EHR note field may re-flow line breaks unpredictably)."""
    return " ".join((text or "").split())
