"""The pooled summary: the counts a report needs, by unit, method and month, kept up to date by every import.

A report over a year of a million course records would otherwise group about half a million course rows and three
million session rows each time (seconds on PostgreSQL, far more on the embedded store, which decrypts every page it
reads). The summary holds the same counts grouped by unit, method and month: a few tens of thousands of rows
whatever the number of records, so a report reads only those.

An import changes it in its own transaction: it adds what its records count and takes away what the records it
replaces counted (`Delta`), so the summary always equals the counts of the records, and a file costs work in
proportion to its own size. `rebuild` counts everything again from the records: for a store made before the summary
existed (its migration marks it stale, and the next report rebuilds it) and as the check that the additions and
subtractions agree with a full count (tests/region).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from sqlalchemy import delete, select, text, update

from askel.region.store import (
    course_record,
    insert_many,
    session_month,
    sum_ended,
    sum_first,
    sum_result,
    sum_sessions,
    sum_started,
    summary_state,
)

ENDED = ("completed", "interrupted")
# The columns of a course record and of its sessions by month that the summary counts, in this order.
COURSE_FIELDS = ("unit_code", "method", "start_month", "end_month", "status", "outcome", "next_step", "usefulness",
                 "first_treatment_month", "under_23", "days_to_first")
SESSION_FIELDS = ("unit_code", "method", "month", "attended", "cancelled", "no_show")
SESSION_COUNTS = ("attended", "cancelled", "no_show")
_TABLES = (sum_started, sum_ended, sum_result, sum_first, sum_sessions)


class Delta:
    """What some course records and their session months add to the summary (or, `sign=-1`, take away)."""

    def __init__(self):
        self.counts: dict[str, Counter] = {table.name: Counter() for table in _TABLES if table is not sum_sessions}
        self.sessions: dict[tuple, list[int]] = {}
        self.subtracted = False  # only then can a row come to nothing

    def courses(self, rows: Iterable[tuple], sign: int = 1) -> Delta:
        self.subtracted |= sign < 0
        started, ended = self.counts["sum_started"], self.counts["sum_ended"]
        result, first = self.counts["sum_result"], self.counts["sum_first"]
        for unit, method, start, end, status, outcome, step, usefulness, first_month, under_23, days in rows:
            started[unit, method, start] += sign
            if status in ENDED and end is not None:
                ended[unit, method, end, status] += sign
                result[method, end, "outcome", outcome or ""] += sign
                result[method, end, "next_step", step or ""] += sign
                result[method, end, "usefulness", "" if usefulness is None else str(usefulness)] += sign
            if first_month is not None and days is not None:
                first[method, first_month, bool(under_23), int(days)] += sign
        return self

    def session_months(self, rows: Iterable[tuple], sign: int = 1) -> Delta:
        self.subtracted |= sign < 0
        for unit, method, month, attended, cancelled, no_show in rows:
            totals = self.sessions.setdefault((unit, method, month), [0, 0, 0])
            totals[0] += sign * attended
            totals[1] += sign * cancelled
            totals[2] += sign * no_show
        return self

    def apply(self, conn) -> None:
        """Add the counts to the summary's rows (made when missing); rows that come to nothing go."""
        for table in _TABLES:
            keys = tuple(column.name for column in table.primary_key.columns)
            if table is sum_sessions:
                rows = [(*key, *counts) for key, counts in self.sessions.items() if any(counts)]
                values = SESSION_COUNTS
            else:
                rows = [(*key, n) for key, n in self.counts[table.name].items() if n]
                values = ("n",)
            if rows:
                _add(conn, table.name, keys, values, rows)
            if rows and self.subtracted:
                conn.execute(delete(table).where(*(table.c[name] == 0 for name in values)))


def _add(conn, table: str, keys: tuple[str, ...], values: tuple[str, ...], rows: list[tuple]) -> None:
    """INSERT … ON CONFLICT (keys) DO UPDATE SET value = value + the new one, for all rows. PostgreSQL takes them
    through a COPY into a temporary table and one statement (one round trip, not one per row). The names are the
    summary's own, never input."""
    columns = (*keys, *values)
    names = ", ".join(columns)
    adding = ", ".join(f"{name} = {table}.{name} + excluded.{name}" for name in values)
    conflict = f"ON CONFLICT ({', '.join(keys)}) DO UPDATE SET {adding}"
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"CREATE TEMPORARY TABLE staged_{table} (LIKE {table}) ON COMMIT DROP")
        insert_many(conn, f"staged_{table}", columns, rows)
        conn.exec_driver_sql(f"INSERT INTO {table} ({names}) SELECT {names} FROM staged_{table} {conflict}")  # noqa: S608
    else:
        placeholders = ", ".join("?" for _ in columns)
        conn.exec_driver_sql(f"INSERT INTO {table} ({names}) VALUES ({placeholders}) {conflict}", rows)  # noqa: S608


def course_fields(conn, where) -> list[tuple]:
    return [tuple(row) for row in conn.execute(
        select(*(course_record.c[name] for name in COURSE_FIELDS)).where(where))]


def session_fields(conn, where) -> list[tuple]:
    return [tuple(row) for row in conn.execute(
        select(*(session_month.c[name] for name in SESSION_FIELDS)).where(where))]


def mark_stale(conn) -> None:
    conn.execute(update(summary_state).values(stale=True))


def is_stale(conn) -> bool:
    return bool(conn.execute(select(summary_state.c.stale)).scalar())


def refresh(store) -> bool:
    """Rebuild the summary if it is stale (a store from before the summary); returns whether it was rebuilt."""
    with store.engine.connect() as conn:
        if not is_stale(conn):
            return False
    rebuild(store)
    return True


def rebuild(store) -> None:
    """Count every record again, in one transaction (imports wait for it)."""
    options = {"immediate": True} if store.engine.dialect.name == "sqlite" else {}
    with store.engine.connect().execution_options(**options) as conn, conn.begin():
        if store.engine.dialect.name == "postgresql":
            conn.execute(text("LOCK TABLE summary_state IN EXCLUSIVE MODE"))
        for table in _TABLES:
            conn.execute(delete(table))
        delta = Delta()
        delta.courses(conn.execute(select(*(course_record.c[name] for name in COURSE_FIELDS))))
        delta.session_months(conn.execute(select(*(session_month.c[name] for name in SESSION_FIELDS))))
        delta.apply(conn)
        conn.execute(update(summary_state).values(stale=False))
