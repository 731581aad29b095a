"""The pooled regional report: counts by unit, method and month over the region store, protected once.

Every table goes through `askel.export.disclosure.protect` on the *pooled* counts (never on per-installation
figures added up afterwards, which is what made summed suppressed files show 7 where the truth was 20). The result
is a `Statistics` object like the unit's, so the CSV and the workbook have the same stable columns as `askel stats`
(`table_id;row_id;column_id;…;Value`, e.g. `courses;started;count`).

Definitions (per period, months as the data sets give them): *started* by start month; *completed* / *interrupted*
by end month; *sessions* by the month they were held (attended, cancelled, not attended: method sessions only);
*outcomes*, *next step*, *usefulness* over the courses ended in the period; *courses by format*: courses
started by delivery format (individual, or a group's format); *group sessions*: a group's sessions and parents'
meetings held, once for the group (each member's attendance is in the sessions above, once per member); *access*: courses whose first attended
session is in the period, the median days from need to it, and for clients under 23 those seen within 28 days
(a count and a share).
The queries are a handful of GROUP BYs over the pooled summary (`askel.region.summary`: the same counts by unit,
method and month, rebuilt after imports), the same SQL on SQLCipher and PostgreSQL.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from askel.core.groups import DELIVERY_FORMATS, INDIVIDUAL
from askel.export.disclosure import Count, Median, Part, Period, Rate, protect
from askel.export.stats import ALL, ATTENDANCE_KEYS, NOT_RECORDED, Statistics
from askel.region.store import (
    course_record,
    group_month,
    import_batch,
    installation,
    sum_ended,
    sum_first,
    sum_result,
    sum_sessions,
    sum_started,
)
from askel.region.summary import refresh

OUTCOMES = ("reliably_recovered", "recovered", "reliably_improved", "no_reliable_change", "deteriorated",
            "not_case_at_start", "not_enough_data")
NEXT_STEPS = ("none", "follow_up", "step_up", "specialised_care")
USEFULNESS = ("1", "2", "3", "4")
COURSE_COLUMNS = ("started", "completed", "interrupted")
ACCESS_COLUMNS = ("first_sessions", "median_days", "under_23", "within_28", "within_28_share")
DEADLINE_DAYS = 28


DIMENSIONS = {"method": "method", "unit": "unit_code", "month": "month"}  # row prefix: summary column


def regional_report(store, period: Period) -> Statistics:
    months = period.month_keys()
    month_rows = [f"month:{key}" for key in months]
    refresh(store)  # the pooled summary, rebuilt if an import changed the records since the last report
    courses = {dimension: defaultdict(Counter) for dimension in DIMENSIONS}
    held = {dimension: defaultdict(Counter) for dimension in DIMENSIONS}
    waits = {"method": defaultdict(list), "month": defaultdict(list)}
    outcome, step, use = defaultdict(Counter), defaultdict(Counter), defaultdict(Counter)
    with store.engine.connect() as conn:
        def grouped(table, *columns, sums=("n",)):
            """The summary's counts of the period's months, summed by `columns` in the database."""
            keys = [table.c[column] for column in columns]
            totals = [func.sum(table.c[name]) for name in sums]
            return conn.execute(select(*keys, *totals).where(table.c.month.in_(months)).group_by(*keys)).all()

        for dimension, column in DIMENSIONS.items():
            for key, n in grouped(sum_started, column):
                courses[dimension][f"{dimension}:{key}"]["started"] += int(n)
            for key, status, n in grouped(sum_ended, column, "status"):
                courses[dimension][f"{dimension}:{key}"][status] += int(n)
            for key, *counts in grouped(sum_sessions, column, sums=ATTENDANCE_KEYS):
                held[dimension][f"{dimension}:{key}"].update(dict(zip(ATTENDANCE_KEYS, map(int, counts),
                                                                      strict=True)))
        for method, field, value, n in grouped(sum_result, "method", "field", "value"):
            key = f"method:{method}"
            if field == "outcome":
                outcome[key][value if value in OUTCOMES else "not_enough_data"] += int(n)
            elif field == "next_step":
                step[key][value if value in NEXT_STEPS else NOT_RECORDED] += int(n)
            else:
                use[key][value if value in USEFULNESS else NOT_RECORDED] += int(n)
        for dimension in waits:
            for key, under_23, days, n in grouped(sum_first, dimension, "under_23", "days"):
                waits[dimension][f"{dimension}:{key}"].append((bool(under_23), int(days), int(n)))
        presets = sorted(set(conn.execute(select(import_batch.c.outcome_preset).distinct()).scalars()))
        formats: dict[str, Counter] = defaultdict(Counter)
        for delivery, n in conn.execute(
                select(course_record.c.delivery_format, func.count()).where(course_record.c.start_month.in_(months))
                .group_by(course_record.c.delivery_format)).all():
            formats[f"format:{delivery or INDIVIDUAL}"]["started"] += int(n)
        meetings: dict[str, Counter] = defaultdict(Counter)
        for method, held_n, parents in conn.execute(
                select(group_month.c.method, func.sum(group_month.c.held), func.sum(group_month.c.parent_meetings))
                .where(group_month.c.month.in_(months)).group_by(group_month.c.method)).all():
            meetings[f"method:{method}"].update({"held": int(held_n), "parent_meetings": int(parents)})

    pooled = Counter()
    for counts in courses["method"].values():
        pooled.update(counts)
    tables = [protect("courses", COURSE_COLUMNS, ("count",),
                      {(row, "count"): Count(pooled[row]) for row in COURSE_COLUMNS})]
    for dimension in DIMENSIONS:
        rows = month_rows if dimension == "month" else sorted(courses[dimension])
        tables.append(_grid(f"courses_by_{dimension}", rows, COURSE_COLUMNS, courses[dimension], row_totals=False))
    for dimension in DIMENSIONS:
        rows = month_rows if dimension == "month" else sorted(held[dimension])
        tables.append(_grid(f"sessions_by_{dimension}", rows, ATTENDANCE_KEYS, held[dimension]))
    tables.append(_grid("outcomes_by_method", sorted(outcome), OUTCOMES, outcome))
    tables.append(_grid("next_step_by_method", sorted(step), (*NEXT_STEPS, NOT_RECORDED), step))
    tables.append(_grid("usefulness_by_method", sorted(use), (*USEFULNESS, NOT_RECORDED), use))
    format_rows = [f"format:{key}" for key in DELIVERY_FORMATS if f"format:{key}" in formats]
    tables.append(_grid("courses_by_format", format_rows, ("started",), formats, row_totals=False))
    tables.append(_grid("group_sessions_by_method", sorted(meetings), ("held", "parent_meetings"), meetings,
                        row_totals=False))
    tables.append(_access("access_by_method", sorted(waits["method"]), waits["method"]))
    tables.append(_access("access_by_month", month_rows, waits["month"]))
    return Statistics(period.start, period.end, None, "+".join(presets) or "nhs", tuple(tables))


def _grid(table_id: str, rows: Sequence[str], columns: Sequence[str], counts: Mapping[str, Counter],
          row_totals: bool = True):
    """Rows × columns of counts with the column totals in an "all" row and (when the columns are parts of one
    whole) the row totals in a "total" column: every sum the attacker could use is declared to `protect`."""
    columns = (*columns, "total") if row_totals else tuple(columns)
    members = columns[:-1] if row_totals else columns
    figures = {}
    for row in rows:
        for column in members:
            figures[(row, column)] = Count(counts.get(row, Counter())[column])
        if row_totals:
            figures[(row, "total")] = Count(sum(counts.get(row, Counter())[column] for column in members))
    for column in columns:
        figures[(ALL, column)] = Count(sum(figures[(row, column)].n for row in rows))
    sums = [((ALL, column), [(row, column) for row in rows]) for column in columns]
    if row_totals:
        sums += [((row, "total"), [(row, column) for column in members]) for row in (*rows, ALL)]
    return protect(table_id, (*rows, ALL), columns, figures, sums)


def _access(table_id: str, rows: Iterable[str], waits: Mapping[str, list]):
    """First treatment sessions per row: how many, the median days waited (from the distribution of days), and of
    clients under 23 how many and how many within the 28 days (a count and a share)."""
    rows = list(rows)
    figures, sums_columns = {}, ("first_sessions", "under_23", "within_28")
    every: Counter = Counter()
    for row in (*rows, ALL):
        if row == ALL:
            entries = [(young, days, n) for (young, days), n in every.items()]
        else:
            entries = waits.get(row, [])
            for young, days, n in entries:
                every[young, days] += n
        days: Counter = Counter()
        for _young, waited, n in entries:
            days[waited] += n
        figures[(row, "first_sessions")] = Count(sum(days.values()))
        figures[(row, "median_days")] = Median(tuple(days), rests_on=((row, "first_sessions"),),
                                               weights=tuple(days.values()))
        figures[(row, "under_23")] = Count(sum(n for young, _, n in entries if young))
        figures[(row, "within_28")] = Count(sum(n for young, d, n in entries if young and d <= DEADLINE_DAYS))
        figures[(row, "within_28_share")] = Rate(figures[(row, "within_28")].n, figures[(row, "under_23")].n,
                                                 rests_on=((row, "within_28"), (row, "under_23")))
    sums = [((ALL, column), [(row, column) for row in rows]) for column in sums_columns]
    parts = [Part((row, "first_sessions"), ((row, "under_23"),)) for row in (*rows, ALL)]
    parts += [Part((row, "under_23"), ((row, "within_28"),)) for row in (*rows, ALL)]
    return protect(table_id, (*rows, ALL), ACCESS_COLUMNS, figures, sums, parts)


@dataclass(frozen=True)
class Coverage:
    """What the store holds: how many units and installations have sent data sets, and the newest import."""

    units: int
    installations: int
    last_import: datetime | None


def coverage(store) -> Coverage:
    with store.engine.connect() as conn:
        row = conn.execute(select(func.count(func.distinct(installation.c.unit_code)), func.count(),
                                  func.max(installation.c.last_import_at))).one()
    return Coverage(int(row[0]), int(row[1]), row[2])
