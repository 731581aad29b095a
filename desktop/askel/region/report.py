"""The pooled regional report: counts by unit, method and month over the region store, protected once.

Every table goes through `askel.export.disclosure.protect` on the *pooled* counts (never on per-installation
figures added up afterwards, which is what made summed suppressed files show 7 where the truth was 20). The result
is a `Statistics` object like the unit's, so the CSV and the workbook have the same stable columns as `askel stats`
(`table_id;row_id;column_id;…;Value`, e.g. `courses;started;count`).

Definitions (per period, months as the data sets give them): *started* by start month; *completed* / *interrupted*
by end month; *sessions* by the month they were held (attended, cancelled, not attended: method sessions only);
*outcomes*, *next step*, *usefulness* over the courses ended in the period; *access*: courses whose first attended
session is in the period, the median days from need to it, and for clients under 23 those seen within 28 days.
The queries are a handful of GROUP BYs, the same SQL on SQLCipher and PostgreSQL.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

from sqlalchemy import func, select

from askel.export.disclosure import Count, Median, Part, Period, protect
from askel.export.stats import ALL, ATTENDANCE_KEYS, NOT_RECORDED, Statistics
from askel.region.store import course_record, import_batch, session_month

OUTCOMES = ("reliably_recovered", "recovered", "reliably_improved", "no_reliable_change", "deteriorated",
            "not_case_at_start", "not_enough_data")
NEXT_STEPS = ("none", "follow_up", "step_up", "specialised_care")
USEFULNESS = ("1", "2", "3", "4")
COURSE_COLUMNS = ("started", "completed", "interrupted")
DEADLINE_DAYS = 28


def regional_report(store, period: Period) -> Statistics:
    months = period.month_keys()
    c = course_record
    with store.engine.connect() as conn:
        started = conn.execute(select(c.c.unit_code, c.c.method, c.c.start_month, func.count())
                               .where(c.c.start_month.in_(months))
                               .group_by(c.c.unit_code, c.c.method, c.c.start_month)).all()
        ended = conn.execute(select(c.c.unit_code, c.c.method, c.c.end_month, c.c.status, c.c.outcome,
                                    c.c.next_step, c.c.usefulness, func.count())
                             .where(c.c.end_month.in_(months), c.c.status.in_(("completed", "interrupted")))
                             .group_by(c.c.unit_code, c.c.method, c.c.end_month, c.c.status, c.c.outcome,
                                       c.c.next_step, c.c.usefulness)).all()
        first = conn.execute(select(c.c.method, c.c.first_treatment_month, c.c.under_23, c.c.days_to_first,
                                    func.count())
                             .where(c.c.first_treatment_month.in_(months), c.c.days_to_first.is_not(None))
                             .group_by(c.c.method, c.c.first_treatment_month, c.c.under_23, c.c.days_to_first)).all()
        s = session_month
        sessions = conn.execute(select(s.c.unit_code, s.c.method, s.c.month, func.sum(s.c.attended),
                                       func.sum(s.c.cancelled), func.sum(s.c.no_show))
                                .where(s.c.month.in_(months))
                                .group_by(s.c.unit_code, s.c.method, s.c.month)).all()
        presets = sorted(set(conn.execute(select(import_batch.c.outcome_preset).distinct()).scalars()))
    tables = []
    # -- courses ---------------------------------------------------------------------------------------------
    by = {"method": defaultdict(Counter), "unit": defaultdict(Counter), "month": defaultdict(Counter)}
    for unit, method, start, n in started:
        for dimension, key in (("method", f"method:{method}"), ("unit", f"unit:{unit}"), ("month", f"month:{start}")):
            by[dimension][key]["started"] += n
    for unit, method, end, status, _outcome, _step, _use, n in ended:
        for dimension, key in (("method", f"method:{method}"), ("unit", f"unit:{unit}"), ("month", f"month:{end}")):
            by[dimension][key][status] += n
    pooled = Counter()
    for counts in by["method"].values():
        pooled.update(counts)
    tables.append(protect("courses", COURSE_COLUMNS, ("count",),
                          {(row, "count"): Count(pooled[row]) for row in COURSE_COLUMNS}))
    month_rows = [f"month:{key}" for key in months]
    for dimension in ("method", "unit", "month"):
        rows = month_rows if dimension == "month" else sorted(by[dimension])
        tables.append(_grid(f"courses_by_{dimension}", rows, COURSE_COLUMNS, by[dimension], row_totals=False))
    # -- sessions --------------------------------------------------------------------------------------------
    held = {"method": defaultdict(Counter), "unit": defaultdict(Counter), "month": defaultdict(Counter)}
    for unit, method, month, attended, cancelled, no_show in sessions:
        for dimension, key in (("method", f"method:{method}"), ("unit", f"unit:{unit}"), ("month", f"month:{month}")):
            held[dimension][key].update({"attended": int(attended), "cancelled": int(cancelled),
                                         "no_show": int(no_show)})
    for dimension in ("method", "unit", "month"):
        rows = month_rows if dimension == "month" else sorted(held[dimension])
        tables.append(_grid(f"sessions_by_{dimension}", rows, ATTENDANCE_KEYS, held[dimension]))
    # -- outcomes, next steps, usefulness by method ----------------------------------------------------------
    outcome, step, use = defaultdict(Counter), defaultdict(Counter), defaultdict(Counter)
    for _unit, method, _end, _status, category, next_step, usefulness, n in ended:
        key = f"method:{method}"
        outcome[key][category if category in OUTCOMES else "not_enough_data"] += n
        step[key][next_step if next_step in NEXT_STEPS else NOT_RECORDED] += n
        use[key][str(usefulness) if usefulness is not None else NOT_RECORDED] += n
    tables.append(_grid("outcomes_by_method", sorted(outcome), OUTCOMES, outcome))
    tables.append(_grid("next_step_by_method", sorted(step), (*NEXT_STEPS, NOT_RECORDED), step))
    tables.append(_grid("usefulness_by_method", sorted(use), (*USEFULNESS, NOT_RECORDED), use))
    # -- access: time to first treatment against the 28 days -------------------------------------------------
    waits = {"method": defaultdict(list), "month": defaultdict(list)}
    for method, month, under_23, days, n in first:
        for dimension, key in (("method", f"method:{method}"), ("month", f"month:{month}")):
            waits[dimension][key].append((bool(under_23), int(days), n))
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
    rows = list(rows)
    figures, sums_columns = {}, ("first_sessions", "under_23", "within_28")
    every: list[tuple[bool, int, int]] = []
    for row in (*rows, ALL):
        entries = every if row == ALL else waits.get(row, [])
        if row != ALL:
            every.extend(entries)
        days = tuple(d for _, d, n in entries for _ in range(n))
        figures[(row, "first_sessions")] = Count(len(days))
        figures[(row, "median_days")] = Median(days, rests_on=((row, "first_sessions"),))
        figures[(row, "under_23")] = Count(sum(n for young, _, n in entries if young))
        figures[(row, "within_28")] = Count(sum(n for young, d, n in entries if young and d <= DEADLINE_DAYS))
    sums = [((ALL, column), [(row, column) for row in rows]) for column in sums_columns]
    parts = [Part((row, "first_sessions"), ((row, "under_23"),)) for row in (*rows, ALL)]
    parts += [Part((row, "under_23"), ((row, "within_28"),)) for row in (*rows, ALL)]
    return protect(table_id, (*rows, ALL), ("first_sessions", "median_days", "under_23", "within_28"), figures,
                   sums, parts)
