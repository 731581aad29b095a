"""The pooled summary: the counts a report needs, by month, summed over every installation once after imports.

A report over a year of a million course records would otherwise group about half a million course rows and three
million session rows each time (seconds on PostgreSQL, many more on the embedded store). The summary holds the same
counts grouped by unit, method and month (a few tens of thousands of rows), so a report reads only those months.

It is rebuilt from the course records, never patched: an import marks it stale in the import's own transaction
(`mark_stale`), and `refresh` (which `askel region import` runs after its files, and every report runs first)
rebuilds it in one transaction when it is stale. A report therefore never sees counts that differ from the records,
even after an import that was interrupted, and importing many files costs one rebuild, not one per file.
"""

from __future__ import annotations

from sqlalchemy import String, and_, cast, delete, func, insert, literal, select, text, update

from askel.region.store import (
    course_record,
    session_month,
    sum_ended,
    sum_first,
    sum_result,
    sum_sessions,
    sum_started,
    summary_state,
)

ENDED = ("completed", "interrupted")


def mark_stale(conn) -> None:
    conn.execute(update(summary_state).values(stale=True))


def is_stale(conn) -> bool:
    return bool(conn.execute(select(summary_state.c.stale)).scalar())


def refresh(store) -> bool:
    """Rebuild the summary if an import changed the records since; returns whether it was rebuilt."""
    with store.engine.connect() as conn:
        if not is_stale(conn):
            return False
    options = {"immediate": True} if store.engine.dialect.name == "sqlite" else {}
    with store.engine.connect().execution_options(**options) as conn, conn.begin():
        if store.engine.dialect.name == "postgresql":  # one rebuild at a time; imports wait for it
            conn.execute(text("LOCK TABLE summary_state IN EXCLUSIVE MODE"))
        if not is_stale(conn):  # another report rebuilt it while this one waited
            return False
        _rebuild(conn)
        conn.execute(update(summary_state).values(stale=False))
    return True


def _rebuild(conn) -> None:
    c, s = course_record, session_month
    for table in (sum_started, sum_ended, sum_result, sum_first, sum_sessions):
        conn.execute(delete(table))
    conn.execute(insert(sum_started).from_select(
        ["unit_code", "method", "month", "n"],
        select(c.c.unit_code, c.c.method, c.c.start_month, func.count())
        .group_by(c.c.unit_code, c.c.method, c.c.start_month)))
    ended = and_(c.c.status.in_(ENDED), c.c.end_month.is_not(None))
    conn.execute(insert(sum_ended).from_select(
        ["unit_code", "method", "month", "status", "n"],
        select(c.c.unit_code, c.c.method, c.c.end_month, c.c.status, func.count()).where(ended)
        .group_by(c.c.unit_code, c.c.method, c.c.end_month, c.c.status)))
    for field, column in (("outcome", c.c.outcome), ("next_step", c.c.next_step),
                          ("usefulness", cast(c.c.usefulness, String))):
        conn.execute(insert(sum_result).from_select(
            ["method", "month", "field", "value", "n"],
            select(c.c.method, c.c.end_month, literal(field, String), column, func.count()).where(ended)
            .group_by(c.c.method, c.c.end_month, column)))
    conn.execute(insert(sum_first).from_select(
        ["method", "month", "under_23", "days", "n"],
        select(c.c.method, c.c.first_treatment_month, c.c.under_23, c.c.days_to_first, func.count())
        .where(c.c.first_treatment_month.is_not(None), c.c.days_to_first.is_not(None))
        .group_by(c.c.method, c.c.first_treatment_month, c.c.under_23, c.c.days_to_first)))
    conn.execute(insert(sum_sessions).from_select(
        ["unit_code", "method", "month", "attended", "cancelled", "no_show"],
        select(s.c.unit_code, s.c.method, s.c.month, func.sum(s.c.attended), func.sum(s.c.cancelled),
               func.sum(s.c.no_show))
        .group_by(s.c.unit_code, s.c.method, s.c.month)))
