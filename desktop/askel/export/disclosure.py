"""Statistical disclosure control: the one function through which every table that is shown or leaves Askel passes.

`protect(...)` (also reached as `build_table`) takes the counts of one table with the sums that hold between them
and returns the cells that may be shown. It reasons as an attacker who holds the whole published table would:

- **primary suppression**: a count under 5 is hidden, zero included;
- **secondary suppression**: the attacker knows every shown cell, that counts are never negative, and every sum
  between cells (a total and its members; a whole and its parts with a remainder that is not shown). From those he
  works out what he can: a sum with one unknown gives it; a sum whose known members already make the total gives
  every unknown member as 0 (so a hidden zero protects nobody). A table is published only when he can work out no
  hidden value under 5 (zero included: "0 of the others" says that all 9 are in the shown cell) and, in every sum
  whose total he knows, the members he cannot see hold at least 5 between them; otherwise the smallest shown member
  (or the total) is hidden too and he tries again;
- **derived figures** (a rate, a median, a mean) rest on counts of the same table and are shown only when every one
  of those counts is shown, so a share or a mean never gives back a hidden count; a mean or median of fewer than 5
  values, or a rate over fewer than 5, is never shown;
- **numbers are stored exactly as displayed**: a share to 0.1 percentage point, a median or mean to one decimal.
  What a CSV, a workbook cell or a screen holds is the rounded number, never more precision;
- **one mark** (`HIDDEN`, "..", as in Finnish official statistics) for every hidden cell: a cell hidden to protect a
  neighbour does not claim to be "under 5".

Periods (`Period`) are whole calendar months, quarters, half-years or years that have ended: two tables whose
periods differ by a few days, or of a month still running, would differ by one client's course. And **one kind of
period only** is published (setting `statistics_period`, a year by default): tables of periods that nest can be
subtracted (a half-year's table minus its first quarter's is the second quarter's, with none of its protection; a
year minus eleven months gives the twelfth). Suppressing consistently across nested periods would need the whole
year's data before any month of it could be published, or a record of every earlier decision; periods of one kind
never overlap, so adding published tables up tells nothing that a published cell does not.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from statistics import fmean, median

SMALL_CELL = 5
HIDDEN = ".."

Coordinate = tuple[str, str]


# -- figures (raw, before protection; they never leave `protect`) ---------------------------------------------
@dataclass(frozen=True)
class Count:
    n: int


@dataclass(frozen=True)
class Rate:
    """numerator / denominator, resting on the counts `rests_on` of the same table (hidden with any of them)."""

    numerator: int
    denominator: int
    rests_on: tuple[Coordinate, ...]


@dataclass(frozen=True)
class Median:
    """The median of `values`; with `weights`, each value occurs that many times (a distribution, as counted)."""

    values: tuple[float, ...]
    rests_on: tuple[Coordinate, ...]
    weights: tuple[int, ...] | None = None

    @property
    def size(self) -> int:
        return len(self.values) if self.weights is None else sum(self.weights)

    def value(self) -> float:
        if self.weights is None:
            return float(median(self.values))
        pairs = sorted(zip(self.values, self.weights, strict=True))
        size, seen, below = self.size, 0, None
        for value, weight in pairs:  # the middle value, or the mean of the two middle ones
            if seen + weight > (size - 1) // 2 and below is None:
                below = value
            if seen + weight > size // 2:
                return (below + value) / 2
            seen += weight
        raise ValueError("the median of nothing")


@dataclass(frozen=True)
class Mean:
    values: tuple[float, ...]
    rests_on: tuple[Coordinate, ...]


Figure = Count | Rate | Median | Mean


# -- cells and tables -----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Cell:
    """One published figure: `value` is None when hidden (or when the table has no figure there: kind "empty").

    A rate is a fraction rounded to 0.1 percentage point (0.667 for 66.7 %), a median or mean is rounded to one
    decimal: the value is what is displayed. `base` is how many courses or sessions it rests on (shown cells only).
    """

    kind: str  # count / rate / median / mean / empty
    value: float | None = None
    suppressed: bool = False
    base: int | None = None

    @property
    def shown(self) -> bool:
        return self.value is not None and not self.suppressed


EMPTY = Cell("empty")


@dataclass(frozen=True)
class Table:
    id: str
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    cells: tuple[tuple[Cell, ...], ...]

    def __post_init__(self) -> None:
        if len(self.cells) != len(self.rows) or any(len(row) != len(self.columns) for row in self.cells):
            raise ValueError(f"table {self.id}: cells do not match rows and columns")
        for row in self.cells:
            for cell in row:
                if cell.suppressed and cell.value is not None:
                    raise ValueError(f"table {self.id}: a hidden cell keeps its value")
                if cell.shown and (cell.base is None or cell.base < SMALL_CELL):
                    raise ValueError(f"table {self.id}: a figure resting on fewer than {SMALL_CELL} is shown")
                if cell.shown and cell.kind == "count" and cell.value < SMALL_CELL:
                    raise ValueError(f"table {self.id}: a count under {SMALL_CELL} is shown")
                if cell.shown and cell.kind != "count" and cell.value != _rounded(cell.kind, cell.value):
                    raise ValueError(f"table {self.id}: a figure holds more precision than is shown")

    def cell(self, row: str, column: str) -> Cell:
        return self.cells[self.rows.index(row)][self.columns.index(column)]


@dataclass(frozen=True)
class Part:
    """`whole` = the `parts` + a remainder that is not published (e.g. recovered of those who were a case)."""

    whole: Coordinate
    parts: tuple[Coordinate, ...]


def protect(table_id: str, rows: Sequence[str], columns: Sequence[str], figures: Mapping[Coordinate, Figure],
            sums: Iterable[tuple[Coordinate, Sequence[Coordinate]]] = (), parts: Iterable[Part] = ()) -> Table:
    """The one place where figures become published cells (see the module's docstring for the rules).

    `sums` lists (total, members) where the total count is exactly the sum of the member counts; `parts` lists
    wholes that contain parts without being their sum.
    """
    counts = {coord: figure.n for coord, figure in figures.items() if isinstance(figure, Count)}
    relations: list[tuple[object, tuple[object, ...]]] = []
    values: dict[object, int] = dict(counts)
    for total, members in sums:
        relations.append((total, tuple(members)))
        if counts[total] != sum(counts[m] for m in members):
            raise ValueError(f"table {table_id}: {total} is not the sum of its members")
    for index, part in enumerate(parts):
        remainder = ("remainder", index)  # never published: the attacker must work it out
        values[remainder] = counts[part.whole] - sum(counts[p] for p in part.parts)
        if values[remainder] < 0:
            raise ValueError(f"table {table_id}: the parts of {part.whole} are more than the whole")
        relations.append((part.whole, (*part.parts, remainder)))
    order = {coord: index for index, coord in enumerate((row, column) for row in rows for column in columns)}
    hidden = _suppress(values, set(counts), relations, order)

    cells = []
    for row in rows:
        line = []
        for column in columns:
            figure = figures.get((row, column))
            line.append(EMPTY if figure is None else _cell(figure, (row, column) in hidden, hidden, table_id))
        cells.append(tuple(line))
    return Table(table_id, tuple(rows), tuple(columns), tuple(cells))


build_table = protect


def _suppress(values: Mapping[object, int], published: set, relations, order: Mapping) -> set:
    """The hidden counts: primary cells, then secondary ones until no sum gives a small group away."""
    hidden = {key for key in published if values[key] < SMALL_CELL}
    while True:
        shown = published - hidden
        known = _attacker_knows(values, shown, relations)
        violated = _first_violation(values, shown, known, relations)
        if violated is None:  # a hidden cell the attacker works out anyway (5 or more) is simply shown
            return {key for key in hidden if key not in known}
        total, members = violated
        shown_members = sorted((m for m in members if m in shown), key=lambda m: (values[m], order.get(m, 0)))
        if shown_members:
            hidden.add(shown_members[0])
        elif total in shown:
            hidden.add(total)
        else:  # the total is known through another sum: hide the smallest shown cell of the sums that touch it
            touching = {key for t, ms in relations if {t, *ms} & {total, *members} for key in (t, *ms)} & shown
            if not touching:
                return set(published)  # nothing left to hide behind: publish no figure at all
            hidden.add(min(touching, key=lambda m: (values[m], order.get(m, 0))))


def _attacker_knows(values: Mapping[object, int], shown: set, relations) -> set:
    """Every value the attacker can work out from the shown cells, the sums and that counts are not negative."""
    known = set(shown)
    changed = True
    while changed:
        changed = False
        for total, members in relations:
            unknown = [m for m in members if m not in known]
            if total in known:
                if not unknown:
                    continue
                left = values[total] - sum(values[m] for m in members if m in known)
                if len(unknown) == 1 or left == 0:  # one unknown, or every unknown is 0
                    known.update(unknown)
                    changed = True
            elif not unknown:
                known.add(total)
                changed = True
    return known


def _first_violation(values: Mapping[object, int], shown: set, known: set, relations):
    """A sum through which the attacker learns something small: a hidden value under 5 (zero included: a zero
    worked out says that everyone is in the shown cells), or hidden members that together hold under 5."""
    for total, members in relations:
        if any(key in known and key not in shown and values[key] < SMALL_CELL for key in (total, *members)):
            return total, members
        unknown = [m for m in members if m not in known]
        if total in known and unknown and sum(values[m] for m in unknown) < SMALL_CELL:
            return total, members
    return None


def _cell(figure: Figure, hidden: bool, hidden_counts: set, table_id: str) -> Cell:
    kind = type(figure).__name__.lower()
    if isinstance(figure, Count):
        return Cell(kind, None, True, None) if hidden else Cell(kind, figure.n, False, figure.n)
    if not figure.rests_on:
        raise ValueError(f"table {table_id}: a {kind} must rest on counts of the table")
    if any(coord in hidden_counts for coord in figure.rests_on):
        return Cell(kind, None, True, None)
    if isinstance(figure, Rate):
        if figure.denominator < SMALL_CELL:
            return Cell(kind, None, True, None)
        return Cell(kind, _rounded(kind, figure.numerator / figure.denominator), False, figure.denominator)
    size = figure.size if isinstance(figure, Median) else len(figure.values)
    if size < SMALL_CELL:
        return Cell(kind, None, True, None)
    value = figure.value() if isinstance(figure, Median) else fmean(figure.values)
    return Cell(kind, _rounded(kind, float(value)), False, size)


def _rounded(kind: str, value: float) -> float:
    """What is displayed: a share to 0.1 percentage point (kept as a fraction), anything else to one decimal."""
    if kind == "count":
        return value
    step = Decimal("0.001") if kind == "rate" else Decimal("0.1")
    return float(Decimal(repr(float(value))).quantize(step, rounding=ROUND_HALF_UP))


def format_cell(cell: Cell, language: str, *, percent_sign: bool = False) -> str:
    """The cell as shown: `HIDDEN` when hidden, "" when empty; a share in per cent, a decimal comma in fi and sv."""
    if cell.suppressed:
        return HIDDEN
    if cell.value is None:
        return ""
    if cell.kind == "count":
        return str(int(cell.value))
    if cell.kind == "rate":
        text = f"{Decimal(repr(cell.value)) * 100:.1f}"
    else:
        text = str(int(cell.value)) if float(cell.value).is_integer() else f"{cell.value:.1f}"
    if language in ("fi", "sv"):
        text = text.replace(".", ",")
    if percent_sign and cell.kind == "rate":
        text += "\u00a0%" if language in ("fi", "sv") else "%"
    return text


# -- periods --------------------------------------------------------------------------------------------------
PERIOD_KINDS = ("month", "quarter", "half", "year")
KIND_NAMES = {"month": "month", "quarter": "quarter", "half": "half-year", "year": "year"}
_MONTHS = {"month": 1, "quarter": 3, "half": 6, "year": 12}


class PeriodError(ValueError):
    """A period that may not be published; the message says why (English, for the command line)."""


@dataclass(frozen=True, order=True)
class Period:
    """A whole calendar month, quarter, half-year or year: `start` is its first day, `end` its last."""

    start: date
    end: date

    @classmethod
    def of(cls, kind: str, year: int, number: int = 1) -> Period:
        """Period.of("quarter", 2025, 2) is April–June 2025; number counts months, quarters or halves from 1."""
        months = _MONTHS[kind]
        first = (number - 1) * months + 1
        if not 1 <= first <= 12 or (kind == "year" and number != 1):
            raise PeriodError(f"there is no {kind} {number} in a year")
        last = first + months - 1
        return cls(date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1]))

    @classmethod
    def checked(cls, start: date, end: date, today: date | None = None, kind: str | None = None) -> Period:
        """The period from `start` to `end`, or PeriodError saying why it may not be published.

        `kind` is the one kind of period that is published (setting `statistics_period`): see the module's docstring."""
        if start.day != 1:
            raise PeriodError(f"{start.isoformat()} is not the first day of a month: statistics cover whole "
                              "months, so that two tables a few days apart cannot be subtracted to show one client")
        if end.day != calendar.monthrange(end.year, end.month)[1]:
            raise PeriodError(f"{end.isoformat()} is not the last day of a month: statistics cover whole "
                              "months, so that two tables a few days apart cannot be subtracted to show one client")
        if end < start:
            raise PeriodError("the period ends before it starts")
        period = cls(start, end)
        if period.kind is None:
            raise PeriodError(f"{period.label()} is not a calendar month, quarter, half-year or year: periods that "
                              "overlap in other ways could be subtracted from each other to show one client")
        if today is not None and end >= today:
            raise PeriodError(f"the period {period.label()} has not ended yet: its figures still change from day to "
                              "day, and two tables a day apart would show one client's course")
        if kind is not None and period.kind != kind:
            raise PeriodError(f"{period.label()} is not a calendar {KIND_NAMES[kind]}: statistics here are "
                              f"published by {KIND_NAMES[kind]} (setting statistics_period), because tables of "
                              "periods that nest, such as a half-year and one of its quarters, could be subtracted "
                              "from each other to show one client")
        return period

    @property
    def months(self) -> int:
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1

    @property
    def kind(self) -> str | None:
        if self.start.year != self.end.year:
            return None
        for kind, months in _MONTHS.items():
            if self.months == months and (self.start.month - 1) % months == 0:
                return kind
        return None

    def label(self) -> str:
        if self.start.year == self.end.year and self.start.month == self.end.month:
            return f"{self.start.year}-{self.start.month:02d}"
        return f"{self.start.year}-{self.start.month:02d}..{self.end.year}-{self.end.month:02d}"

    def month_keys(self) -> list[str]:
        """"2025-01", "2025-02", … for every month of the period."""
        keys, year, month = [], self.start.year, self.start.month
        for _ in range(self.months):
            keys.append(f"{year}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return keys


_MONTH_TEXT = re.compile(r"(\d{4})-(\d{1,2})")
_FINNISH_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")


def parse_bound(text: str, *, end: bool) -> date:
    """`2025-03` (a month: its first day, or its last when `end`), `2025-03-01` or `1.3.2025`; PeriodError."""
    text = text.strip()
    try:
        if match := _MONTH_TEXT.fullmatch(text):
            year, month = int(match[1]), int(match[2])
            return date(year, month, calendar.monthrange(year, month)[1] if end else 1)
        if match := _FINNISH_DATE.fullmatch(text):
            return date(int(match[3]), int(match[2]), int(match[1]))
        return date.fromisoformat(text)
    except ValueError:
        raise PeriodError(f"not a month or a date: {text!r} (use YYYY-MM)") from None


def last_ended(kind: str, today: date) -> Period:
    """The newest period of `kind` that has ended by `today` (the default on screens)."""
    months = _MONTHS[kind]
    index = ((today.month - 1) // months) - 1  # the period before the one that is running
    year = today.year
    if index < 0:
        year, index = year - 1, 12 // months - 1
    return Period.of(kind, year, index + 1)


def ended_periods(kind: str, today: date, years: int = 6) -> list[Period]:
    """The periods of `kind` that have ended by `today`, newest first, going back `years` years."""
    periods, period = [], last_ended(kind, today)
    while period.start.year > today.year - years:
        periods.append(period)
        period = _previous(period)
    return periods


def _previous(period: Period) -> Period:
    months = _MONTHS[period.kind]
    index = (period.start.month - 1) // months
    return Period.of(period.kind, period.start.year, index) if index else Period.of(period.kind, period.start.year - 1,
                                                                                   12 // months)
