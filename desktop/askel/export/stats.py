"""Unit statistics for management by data (tiedolla johtaminen): what methods are used, and with what effect.

A unit head and the regional coordination centre see counts and rates only, never a client.

**Anonymous by construction.** A `Statistics` object holds tables of cells; a cell holds a number or nothing. The
only way figures become cells is `askel.export.disclosure.protect` (primary and secondary suppression against an
attacker who knows every total, shares and means only over shown counts, numbers stored as displayed), and the
period is a whole month, quarter, half-year or year (`Period`). `Table.__post_init__` re-checks the invariant, so
even a table built by hand cannot carry a small count.

Definitions for the period [start, end] (both inclusive) and an optional method (a protocol id such as
`klt_adults`, or a method family such as `klt`):
- *started*: courses whose start date is in the period; *completed* / *interrupted*: courses that ended so in it;
- *sessions*: sessions whose visit is in the period, by procedure code and attendance. The code comes from the
  course's protocol version (`procedure_codes`) for the course's delivery format: a member of a group of group KLT
  counts under IDR17, an individual course under IDY03; protocols without a verified code count under "no code";
- *formats* (askel.core.groups): courses started in the period by delivery format; sessions of the method held in
  it, counted once per meeting (an individual session once, a group session once for the whole group); and the
  clients' attendance at them, once per client (a group session of six members is one meeting and six
  attendances). A group's parents' meetings are counted the same way, in columns of their own;
- *outcomes* (courses ended in the period): paired = at least two scored administrations of one questionnaire;
  the outcome rules are the organisation's preset (setting `outcome_preset`) applied to the first and last totals
  as `outcomes.classify` does. Reliable improvement and deterioration are shares of courses that finished
  treatment (`is_finished`: enough attended sessions) with paired preset measures; recovery and reliable recovery
  are shares of those that were a case at the start (NHS Talking Therapies' definitions);
- *access*: courses whose first attended session is in the period: median days from need established to that
  session, and for clients under 23 on the day the need was established, the share seen within 28 days
  (the therapy guarantee rules);
- *next step*, *usefulness*: courses ended in the period; *care step*, *referral*, *methods and competence*:
  courses started in the period; competence is the clinician's current status in the method (My methods);
- *fidelity*: closed, attended sessions in the period: agenda items done out of those planned, counted as
  `store.courses.fidelity` counts them (the protocol's agenda for the session, plus the family item when the
  client has dependants). A group session is counted once, from the group's agenda, not once per member.

The counting runs as SQL aggregates (GROUP BY over joins, `json_extract` for agenda items) and no ORM object is
loaded: a handful of passes over the course, session and administration tables. At 100 000 clients (about 560 000
sessions) that is several seconds, as much on plain SQLite as on SQLCipher: the cost is the row count, not the
encryption. The page computes off the UI thread. What would make it a fraction of a second is a per-course summary
kept up to date on write (see the benchmark notes in the issue report).
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import Integer, String, and_, case, exists, func, literal_column, or_, select, type_coerce

from askel.core.atomic import atomic_write
from askel.core.contacts import METHOD_SESSION
from askel.core.content.guarantee import DEFAULT_RULES, GuaranteeRules, age_on
from askel.core.content.library import ContentNotFound
from askel.core.content.outcomes import PRESETS, OutcomeCategory, classify, is_finished
from askel.core.groups import DELIVERY_FORMATS, INDIVIDUAL, PARENT_MEETING, meeting_template, procedure_format
from askel.export.disclosure import (  # noqa: F401  (the names the statistics' users import from here)
    EMPTY,
    HIDDEN,
    SMALL_CELL,
    Cell,
    Coordinate,
    Count,
    Figure,
    Mean,
    Median,
    Part,
    Period,
    PeriodError,
    Rate,
    Table,
    build_table,
    format_cell,
)
from askel.store.courses import handed_over_courses
from askel.store.models import (
    NEXT_STEPS,
    Administration,
    Client,
    ClinicianMethod,
    Course,
    GroupMeeting,
    Session,
    TherapyGroup,
)

SUPPRESSED = HIDDEN
ATTENDANCE_KEYS = ("attended", "cancelled", "no_show")
CARE_STEPS = ("1", "2", "3", "4")
REFERRAL_SOURCES = ("first_assessment", "terapianavigaattori", "school", "self_referral", "other")
USEFULNESS = ("1", "2", "3", "4")
NOT_RECORDED = "not_recorded"
NO_CODE = "code:none"
ALL = "all"
FORMATS = ("csv", "xlsx")


class UnknownMethod(ValueError):
    """The method filter names neither a protocol, a method family nor a method any course uses."""


@dataclass(frozen=True)
class Statistics:
    """The unit's figures for one period: parameters and tables, no identifiers of any kind."""

    start: date
    end: date
    method: str | None
    preset: str
    tables: tuple[Table, ...] = field(default=())

    def table(self, table_id: str) -> Table:
        return next(table for table in self.tables if table.id == table_id)


# -- computing ------------------------------------------------------------------------------------------------
def method_ids(vault, library, method: str | None) -> tuple[str, ...] | None:
    """The protocol ids a method filter stands for (None: every method); UnknownMethod if it names nothing."""
    if not method:
        return None
    protocols = library.protocols()
    if any(p.id == method for p in protocols):
        return (method,)
    family = tuple(p.id for p in protocols if p.method == method)
    if family:
        return family
    with vault.read() as session:
        if session.scalar(select(exists().where(Course.method_id == method))):
            return (method,)
    raise UnknownMethod(method)


def compute_statistics(vault, library, start: date, end: date, *, method: str | None = None,
                       preset: str = "nhs", rules: GuaranteeRules = DEFAULT_RULES) -> Statistics:
    """The unit's statistics for [start, end] (inclusive), optionally for one method, under an outcome preset."""
    Period.checked(start, end)  # whole calendar periods only (PeriodError says why)
    if preset not in PRESETS:
        raise ValueError(f"unknown outcome preset {preset!r}")
    ids = method_ids(vault, library, method)
    agenda_items = max((len(t.agenda) for p in library.protocols() for t in p.sessions), default=1)
    period = _Period(start, end, ids, agenda_items)
    with vault.read() as session:
        conn = session.connection()
        previous_cache = conn.exec_driver_sql("PRAGMA cache_size").scalar()
        # Each encrypted page is decrypted when it enters SQLite's page cache: a larger cache for these few passes
        # lets the joins find course pages decrypted already. Given back afterwards.
        conn.exec_driver_sql(f"PRAGMA cache_size = {STATS_CACHE_KIB}")
        try:
            started = conn.execute(period.started_courses()).all()
            ended = conn.execute(period.ended_courses()).all()
            sessions = conn.execute(period.sessions()).all()
            per_course = conn.execute(period.per_course()).all()
            meetings = conn.execute(period.group_meetings()).all()
            scores = conn.execute(period.scores_per_ended_course(tuple(PRESETS[preset].measures))).all()
            competence = dict(conn.execute(select(ClinicianMethod.method_id, ClinicianMethod.status)).all())
        finally:
            conn.exec_driver_sql(f"PRAGMA cache_size = {int(previous_cache)}")
            conn.exec_driver_sql("PRAGMA shrink_memory")
    attended = {row.course_id: row.attended for row in per_course if row.ended}
    tables = (
        _courses_table(started, ended),
        _sessions_table(sessions, library),
        _outcomes_table(ended, attended, scores, preset),
        _access_table(per_course, period, rules),
        _distribution_table("next_step", [(row.next_step, row.n) for row in ended], NEXT_STEPS),
        _usefulness_table(ended),
        _distribution_table("care_step", [(None if row.care_step is None else str(row.care_step), row.n)
                                          for row in started], CARE_STEPS),
        _distribution_table("referral", [(row.referral_source, row.n) for row in started], REFERRAL_SOURCES),
        _competence_table(started, competence),
        _fidelity_table(sessions, meetings, library, agenda_items),
        _formats_table(started, sessions, meetings),
    )
    return Statistics(start, end, method or None, preset, tables)


STATS_CACHE_KIB = -131072  # 128 MiB while the statistics are computed (negative: KiB, as SQLite counts)


@dataclass(frozen=True)
class _Period:
    start: date
    end: date
    method_ids: tuple[str, ...] | None
    agenda_items: int  # the longest agenda of any protocol: how many items the fidelity pass reads

    @property
    def first_moment(self) -> datetime:
        return datetime.combine(self.start, time())

    @property
    def after_last_moment(self) -> datetime:
        return datetime.combine(self.end + timedelta(days=1), time())

    def course_filter(self) -> list:
        # A course handed over to a colleague counts where it goes on (askel.store.handover), not in its read-only
        # copy here: pooled figures would count it twice.
        methods = [Course.method_id.in_(self.method_ids)] if self.method_ids is not None else []
        return [*methods, Course.id.not_in(handed_over_courses())]

    def ended_filter(self) -> list:
        return [Course.status.in_(("completed", "interrupted")), Course.end_date.between(self.start, self.end),
                *self.course_filter()]

    def started_courses(self):
        n = func.count().label("n")
        return (select(Course.method_id, Course.care_step, Course.referral_source, Course.delivery_format, n)
                .where(Course.start_date.between(self.start, self.end), *self.course_filter())
                .group_by(Course.method_id, Course.care_step, Course.referral_source, Course.delivery_format))

    def ended_courses(self):
        n = func.count().label("n")
        return (select(Course.status, Course.next_step, Course.usefulness, n).where(*self.ended_filter())
                .group_by(Course.status, Course.next_step, Course.usefulness))

    def sessions(self):
        """One pass over the period's sessions: counts per protocol version, session number and attendance, and
        for closed, attended sessions how many were marked done at each agenda position ("0" … "n") and at the
        family item. Short group keys keep the sort small; the JSON is read only for held sessions."""
        held = and_(Session.closed.is_(True), Session.attendance == "attended")
        paths = [f'$."{index}".done' for index in range(self.agenda_items)] + ["$.family.done"]
        done = [func.sum(case((and_(held, func.json_extract(Session.agenda, path).is_(True)), 1), else_=0),
                         type_=Integer).label(f"done{i}") for i, path in enumerate(paths)]
        keys = (Course.method_id, Course.protocol_version, Course.planned_sessions, Course.has_dependants,
                Session.number, Session.attendance, Course.delivery_format, Session.kind,
                Session.group_meeting_id.is_not(None).label("in_group"))
        return (select(*keys, func.count().label("n"), func.sum(case((held, 1), else_=0)).label("held"), *done)
                .join(Course, Course.id == Session.course_id)
                .where(Session.starts_at >= self.first_moment, Session.starts_at < self.after_last_moment,
                       Session.kind == METHOD_SESSION, *self.course_filter())
                .group_by(*keys))

    def group_meetings(self):
        """The groups' meetings held in the period (started in it, closed, at least one member attended): one row
        each, with the group's format, method and plan and the group's agenda."""
        attended = select(Session.id).where(Session.group_meeting_id == GroupMeeting.id,
                                            Session.attendance == "attended").exists()
        methods = [TherapyGroup.method_id.in_(self.method_ids)] if self.method_ids is not None else []
        return (select(TherapyGroup.format, TherapyGroup.method_id, TherapyGroup.protocol_version,
                       TherapyGroup.planned_sessions, GroupMeeting.kind, GroupMeeting.number, GroupMeeting.agenda)
                .join(TherapyGroup, TherapyGroup.id == GroupMeeting.group_id)
                .where(GroupMeeting.starts_at >= self.first_moment, GroupMeeting.starts_at < self.after_last_moment,
                       GroupMeeting.closed.is_(True), attended, *methods))

    def _ended_ids(self):
        return select(Course.id).where(*self.ended_filter())

    def per_course(self):
        """Per course whose first attended session is in the period, or that ended in it: the first attended
        session, the attended count, the need date and the client's birth date (for the guarantee's age)."""
        # Only sessions of the method: a quick-logged phone call neither starts the treatment nor finishes a course.
        attended = and_(Session.attendance == "attended", Session.kind == METHOD_SESSION)
        # As stored text (it sorts in time order): converting every row's timestamp would cost more than the query.
        first = func.min(case((attended, type_coerce(Session.starts_at, String)), else_=None))
        # `+course_id` keeps SQLite from walking the course_id index (a random read of every row); a sequential
        # scan with a sort decrypts each page once.
        inner = (select(Session.course_id.label("course_id"), first.label("first"),
                        func.sum(case((attended, 1), else_=0)).label("attended"))
                 .group_by(literal_column("+session.course_id"))
                 .having(or_(and_(first >= self._stored(self.first_moment), first < self._stored(self.after_last_moment)),
                             Session.course_id.in_(self._ended_ids())))
                 .subquery())
        ended = and_(Course.status.in_(("completed", "interrupted")), Course.end_date.between(self.start, self.end))
        return (select(inner.c.course_id, inner.c.first, inner.c.attended, Course.need_established,
                       Course.guarantee_exception, Client.birth_date, ended.label("ended"))
                .select_from(inner).join(Course, Course.id == inner.c.course_id)
                .join(Client, Client.id == Course.client_id)
                .where(*self.course_filter()))

    @staticmethod
    def _stored(moment: datetime) -> str:
        """A timestamp as the DateTime column stores it in SQLite (`YYYY-MM-DD HH:MM:SS.ffffff`)."""
        return moment.isoformat(" ", "microseconds")

    def scores_per_ended_course(self, measures: tuple[str, ...]):
        # The first and last total per course and questionnaire in one pass: the stored timestamp text sorts in
        # time order, so min()/max() of "timestamp|total" carry the total of the first and the last one given.
        # Only the outcome preset's measures need their totals; every questionnaire counts for "paired".
        stamped = case((Administration.instrument_id.in_(measures),
                        func.printf("%s|%.17g", Administration.administered_at, Administration.total)), else_=None)
        return (select(Administration.course_id, Administration.instrument_id, func.count().label("n"),
                       func.min(stamped).label("first"), func.max(stamped).label("last"))
                .where(Administration.course_id.in_(self._ended_ids()), Administration.total.is_not(None))
                .group_by(Administration.course_id, Administration.instrument_id))


def _counts_by(pairs, keys: Sequence[str]) -> dict[str, int]:
    counts = dict.fromkeys((*keys, NOT_RECORDED), 0)
    for key, n in pairs:
        counts[key if key in counts and key is not None else NOT_RECORDED] += n
    return counts


def _courses_table(started, ended) -> Table:
    figures = {
        ("started", "count"): Count(sum(row.n for row in started)),
        ("completed", "count"): Count(sum(row.n for row in ended if row.status == "completed")),
        ("interrupted", "count"): Count(sum(row.n for row in ended if row.status == "interrupted")),
    }
    return build_table("courses", ("started", "completed", "interrupted"), ("count",), figures)


def procedure_code(library, method_id: str, version: str, delivery_format: str = INDIVIDUAL) -> str:
    """The row key of a course's sessions: `code:<THL code>` from its protocol version for its delivery format (a
    group's code for a member of a group), or `code:none`."""
    try:
        protocol = library.protocol(method_id, version)
    except ContentNotFound:
        return NO_CODE
    for wanted in (procedure_format(delivery_format), "any"):
        for code in protocol.procedure_codes:
            if code.code and code.format == wanted:
                return f"code:{code.code}"
    return NO_CODE


def _sessions_table(sessions, library) -> Table:
    counts: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(ATTENDANCE_KEYS, 0))
    codes: dict[tuple[str, str], str] = {}
    for row in sessions:
        key = (row.method_id, row.protocol_version, row.delivery_format)
        if key not in codes:
            codes[key] = procedure_code(library, *key)
        if row.attendance in ATTENDANCE_KEYS:
            counts[codes[key]][row.attendance] += row.n
    # Only codes with sessions: an empty row is a structural zero, and would only force more suppression.
    rows = sorted(code for code in counts if code != NO_CODE) + ([NO_CODE] if NO_CODE in counts else []) + [ALL]
    columns = (*ATTENDANCE_KEYS, "total")
    figures: dict[Coordinate, Figure] = {}
    for code in rows[:-1]:
        for attendance in ATTENDANCE_KEYS:
            figures[(code, attendance)] = Count(counts[code][attendance] if code in counts else 0)
        figures[(code, "total")] = Count(sum(counts[code].values()) if code in counts else 0)
    for column in columns:
        figures[(ALL, column)] = Count(sum(figures[(code, column)].n for code in rows[:-1]))
    return build_table("sessions", rows, columns, figures, _grid_sums(rows, columns))


def _grid_sums(rows: Sequence[str], columns: Sequence[str]) -> list[tuple[Coordinate, list[Coordinate]]]:
    """Row totals in the last column and column totals in the last row."""
    sums = [((row, columns[-1]), [(row, column) for column in columns[:-1]]) for row in rows]
    sums += [((rows[-1], column), [(row, column) for row in rows[:-1]]) for column in columns]
    return sums


def _outcomes_table(ended, attended: Mapping[str, int], scores, preset: str) -> Table:
    per_course: dict[str, list[tuple[str, int, str | None, str | None]]] = defaultdict(list)
    for row in scores:
        per_course[row.course_id].append((row.instrument_id, row.n, row.first, row.last))
    ended_n = sum(row.n for row in ended)
    paired = finished = cases = recovered = reliably_recovered = improved = deteriorated = 0
    outcomes: dict[tuple, object] = {}  # classify() by the scores it is given: many courses share them
    for course_id, measures in per_course.items():
        if any(n >= 2 for _, n, _, _ in measures):
            paired += 1
        if not is_finished(attended.get(course_id, 0), preset):
            continue
        key = tuple(sorted((instrument, _total(first), _total(last) if n >= 2 else None)
                           for instrument, n, first, last in measures if first is not None))
        outcome = outcomes.get(key)
        if outcome is None:
            first_scores = {instrument: first for instrument, first, _ in key}
            last_scores = {instrument: last for instrument, _, last in key if last is not None}
            outcome = outcomes[key] = classify(first_scores, last_scores, preset)
        if outcome.category == OutcomeCategory.NOT_ENOUGH_DATA:
            continue
        finished += 1
        cases += outcome.case_at_start
        recovered += outcome.recovered
        reliably_recovered += outcome.reliably_recovered
        improved += outcome.reliably_improved
        deteriorated += outcome.reliably_deteriorated
    rows = ("ended", "paired", "finished_paired", "case_at_start", "recovered", "reliably_recovered",
            "reliably_improved", "reliably_deteriorated")
    bases = {"paired": "ended", "recovered": "case_at_start", "reliably_recovered": "case_at_start",
             "reliably_improved": "finished_paired", "reliably_deteriorated": "finished_paired"}
    counts = dict(zip(rows, (ended_n, paired, finished, cases, recovered, reliably_recovered, improved,
                             deteriorated), strict=True))
    figures: dict[Coordinate, Figure] = {(row, "count"): Count(n) for row, n in counts.items()}
    for row, base in bases.items():
        figures[(row, "rate")] = Rate(counts[row], counts[base], rests_on=((row, "count"), (base, "count")))
    # Each row is a part of the one above it: what an attacker subtracts (ended - paired, …) is protected too.
    parts = [Part((whole, "count"), tuple((p, "count") for p in members)) for whole, members in (
        ("ended", ("paired",)), ("paired", ("finished_paired",)), ("finished_paired", ("case_at_start",)),
        ("case_at_start", ("recovered",)), ("recovered", ("reliably_recovered",)),
        ("finished_paired", ("reliably_improved", "reliably_deteriorated")))]
    return build_table("outcomes", rows, ("count", "rate"), figures, parts=parts)


def _total(stamped: str) -> float:
    return float(stamped.rsplit("|", 1)[1])


def _access_table(per_course, period: _Period, rules: GuaranteeRules) -> Table:
    days_all: list[float] = []
    days_young: list[float] = []
    low, high = period._stored(period.first_moment), period._stored(period.after_last_moment)
    for row in per_course:
        need, birth, first = row.need_established, row.birth_date, row.first
        if need is None or first is None or not low <= first < high:
            continue
        days = (date.fromisoformat(first[:10]) - need).days
        if days < 0 or birth > need:  # a first session before the need was recorded: a data entry slip
            continue
        days_all.append(days)
        # The guarantee: under 23, a need from the law's coming into force, no recorded exception.
        if age_on(birth, need) < rules.age_limit and need >= rules.in_force_from and row.guarantee_exception is None:
            days_young.append(days)
    within = sum(1 for days in days_young if days <= rules.deadline_days)
    figures: dict[Coordinate, Figure] = {
        ("first_sessions", "value"): Count(len(days_all)),
        ("median_days", "value"): Median(tuple(days_all), rests_on=(("first_sessions", "value"),)),
        ("under_23", "value"): Count(len(days_young)),
        ("median_days_under_23", "value"): Median(tuple(days_young), rests_on=(("under_23", "value"),)),
        ("under_23_within_limit", "value"): Count(within),
        ("under_23_within_limit", "rate"): Rate(within, len(days_young), rests_on=(
            ("under_23_within_limit", "value"), ("under_23", "value"))),
    }
    rows = ("first_sessions", "median_days", "under_23", "median_days_under_23", "under_23_within_limit")
    parts = [Part(("first_sessions", "value"), (("under_23", "value"),)),
             Part(("under_23", "value"), (("under_23_within_limit", "value"),))]
    return build_table("access", rows, ("value", "rate"), figures, parts=parts)


def _distribution_figures(counts: Mapping[str, int]) -> tuple[dict[Coordinate, Figure], list]:
    """Count and share per key, and the total of all keys (shares are of all courses, not-recorded included)."""
    total = sum(counts.values())
    figures: dict[Coordinate, Figure] = {(ALL, "count"): Count(total)}
    for key, n in counts.items():
        figures[(key, "count")] = Count(n)
        figures[(key, "rate")] = Rate(n, total, rests_on=((key, "count"), (ALL, "count")))
    return figures, [((ALL, "count"), [(key, "count") for key in counts])]


def _distribution_table(table_id: str, pairs, keys: Sequence[str]) -> Table:
    counts = _counts_by(pairs, keys)
    figures, sums = _distribution_figures(counts)
    return build_table(table_id, (*counts, ALL), ("count", "rate"), figures, sums)


def _usefulness_table(ended) -> Table:
    pairs = [(None if row.usefulness is None else str(row.usefulness), row.n) for row in ended]
    counts = _counts_by(pairs, USEFULNESS)
    figures, sums = _distribution_figures(counts)
    # A mean over groups with a hidden count would give that count back: it rests on every rating's count.
    figures[("mean", "count")] = Mean(tuple(float(row.usefulness) for row in ended if row.usefulness is not None
                                            for _ in range(row.n)), rests_on=tuple((key, "count") for key in USEFULNESS))
    return build_table("usefulness", (*counts, ALL, "mean"), ("count", "rate"), figures, sums)


COMPETENCE_COLUMNS = ("trained", "in_training", NOT_RECORDED, "total")


def _competence_table(started, competence: Mapping[str, str]) -> Table:
    by_method: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(COMPETENCE_COLUMNS[:-1], 0))
    for row in started:
        status = competence.get(row.method_id)
        column = "trained" if status in ("trained", "mentor") else "in_training" if status == "in_training" \
            else NOT_RECORDED
        by_method[row.method_id][column] += row.n
    rows = [f"method:{method_id}" for method_id in sorted(by_method)] + [ALL]
    figures: dict[Coordinate, Figure] = {}
    for method_id, counts in by_method.items():
        for column, n in counts.items():
            figures[(f"method:{method_id}", column)] = Count(n)
        figures[(f"method:{method_id}", "total")] = Count(sum(counts.values()))
    for column in COMPETENCE_COLUMNS:
        figures[(ALL, column)] = Count(sum(figures[(row, column)].n for row in rows[:-1]))
    return build_table("competence", rows, COMPETENCE_COLUMNS, figures, _grid_sums(rows, COMPETENCE_COLUMNS))


def _fidelity_table(sessions, meetings, library, agenda_items: int) -> Table:
    """Items done of those planned, from the per-position done counts of `_Period.sessions`, and for a group's
    sessions from the group's agenda, once per meeting (`_Period.group_meetings`)."""
    counted: dict[str, int] = defaultdict(int)
    planned: dict[str, int] = defaultdict(int)
    completed: dict[str, int] = defaultdict(int)
    agenda_sizes: dict[tuple, int] = {}
    for row in sessions:
        held = row.held or 0
        if not held or row.in_group:  # a member's part of a group session: the group's meeting counts below
            continue
        key = (row.method_id, row.protocol_version, row.number, row.planned_sessions)
        if key not in agenda_sizes:
            agenda_sizes[key] = min(_planned_agenda_items(library, *key), agenda_items)
        items = agenda_sizes[key]
        values = row._mapping
        done = sum(values[f"done{index}"] or 0 for index in range(items))
        if row.has_dependants:  # the family item: one more planned per session, done where ticked
            items += 1
            done += values[f"done{agenda_items}"] or 0
        counted[row.method_id] += held
        planned[row.method_id] += held * items
        completed[row.method_id] += done
    for meeting in meetings:
        if meeting.kind != METHOD_SESSION:
            continue
        try:
            protocol = library.protocol(meeting.method_id, meeting.protocol_version)
        except ContentNotFound:
            protocol = None
        template = meeting_template(protocol, meeting, meeting.planned_sessions)
        keys = [str(index) for index in range(len(template.agenda))] if template else []
        agenda = meeting.agenda or {}
        counted[meeting.method_id] += 1
        planned[meeting.method_id] += len(keys)
        completed[meeting.method_id] += sum(1 for key in keys if (agenda.get(key) or {}).get("done"))
    # Published: sessions and the share of items done. The item counts are not: items planned are sessions times a
    # public agenda length, so they would give a hidden session count back, and so would their totals.
    rows = [f"method:{method_id}" for method_id in sorted(counted)] + [ALL]
    columns = ("sessions", "rate")
    figures: dict[Coordinate, Figure] = {}
    for method_id in counted:
        row = f"method:{method_id}"
        figures[(row, "sessions")] = Count(counted[method_id])
        figures[(row, "rate")] = Rate(completed[method_id], planned[method_id], rests_on=((row, "sessions"),))
    figures[(ALL, "sessions")] = Count(sum(counted.values()))
    figures[(ALL, "rate")] = Rate(sum(completed.values()), sum(planned.values()), rests_on=((ALL, "sessions"),))
    return build_table("fidelity", rows, columns, figures, [((ALL, "sessions"), [(row, "sessions") for row in rows[:-1]])])


FORMAT_COLUMNS = ("courses", "meetings", "attended", "cancelled", "no_show", "parent_meetings", "parent_attended")


def _formats_table(started, sessions, meetings) -> Table:
    """Courses started by delivery format; sessions of the method held once per meeting and attended once per
    client; a group's parents' meetings the same way (see the module docstring)."""
    counts: dict[str, dict[str, int]] = {key: dict.fromkeys(FORMAT_COLUMNS, 0) for key in DELIVERY_FORMATS}
    for row in started:
        counts[_format_key(row.delivery_format)]["courses"] += row.n
    for row in sessions:
        key = _format_key(row.delivery_format)
        if row.kind == METHOD_SESSION and row.attendance in ATTENDANCE_KEYS:
            counts[key][row.attendance] += row.n
            if not row.in_group:
                counts[key]["meetings"] += row.held or 0
        elif row.kind == PARENT_MEETING and row.in_group and row.attendance == "attended":
            counts[key]["parent_attended"] += row.n
    for meeting in meetings:
        column = "meetings" if meeting.kind == METHOD_SESSION else "parent_meetings"
        counts[_format_key(meeting.format)][column] += 1
    # Only formats with something to count (an empty row is a structural zero that would force more suppression);
    # the parents' meetings' columns only for groups, where they exist.
    rows = [f"format:{key}" for key in DELIVERY_FORMATS if any(counts[key].values())] + [ALL]
    figures: dict[Coordinate, Figure] = {}
    for row in rows[:-1]:
        key = row.removeprefix("format:")
        for column in FORMAT_COLUMNS:
            if key == INDIVIDUAL and column.startswith("parent_"):
                continue
            figures[(row, column)] = Count(counts[key][column])
    sums = []
    for column in FORMAT_COLUMNS:
        members = [(row, column) for row in rows[:-1] if (row, column) in figures]
        figures[(ALL, column)] = Count(sum(figures[m].n for m in members))
        sums.append(((ALL, column), members))
    return build_table("formats", rows, FORMAT_COLUMNS, figures, sums)


def _format_key(delivery_format: str | None) -> str:
    return delivery_format if delivery_format in DELIVERY_FORMATS else INDIVIDUAL


def _planned_agenda_items(library, method_id, version, number, planned_sessions) -> int:
    """How many protocol agenda items session `number` has (the family item comes on top when it applies)."""
    try:
        protocol = library.protocol(method_id, version)
    except ContentNotFound:
        return 0
    template = protocol.session_template(number, planned_sessions or protocol.session_count.planned)
    return len(template.agenda) if template else 0


# -- labels: every export exists in Finnish and Swedish (English for the source and for IT) ------------------
LABELS: dict[str, tuple[str, str, str]] = {  # key: (en, fi, sv)
    # tables
    "table:courses": ("Courses", "Hoitojaksot", "Vårdperioder"),
    "table:sessions": ("Sessions by procedure code and attendance", "Käynnit toimenpidekoodeittain ja toteutumisen "
                       "mukaan", "Besök per åtgärdskod och genomförande"),
    "table:outcomes": ("Measurement and outcomes", "Mittaukset ja tulokset", "Mätningar och resultat"),
    "table:access": ("Time to first treatment session", "Aika ensimmäiseen hoitokäyntiin",
                     "Tid till första behandlingsbesöket"),
    "table:next_step": ("Next step after the course", "Jatko hoitojakson jälkeen", "Fortsättning efter vårdperioden"),
    "table:usefulness": ("Usefulness as rated by the client (1–4)", "Asiakkaan arvio hyödyllisyydestä (1–4)",
                         "Klientens bedömning av nyttan (1–4)"),
    "table:care_step": ("Step of care", "Hoidon porras", "Vårdsteg"),
    "table:referral": ("How the client came", "Miten asiakas ohjautui", "Hur klienten kom"),
    "table:competence": ("Courses by method and the clinician's training", "Hoitojaksot menetelmittäin ja "
                         "työntekijän koulutuksen mukaan", "Vårdperioder per metod och yrkespersonens utbildning"),
    "table:fidelity": ("Protocol fidelity: agenda items done", "Menetelmäuskollisuus: tehdyt asialistan kohdat",
                       "Metodtrohet: genomförda punkter på dagordningen"),
    "table:formats": ("Individual and group work", "Yksilö- ja ryhmätyö", "Individuellt och i grupp"),
    "table:courses_by_format": ("Courses by format", "Hoitojaksot toteutusmuodon mukaan", "Vårdperioder per form"),
    "table:group_sessions_by_method": ("Group sessions by method (a group session once)",
                                       "Ryhmätapaamiset menetelmittäin (ryhmätapaaminen kerran)",
                                       "Gruppträffar per metod (en gruppträff en gång)"),
    "held": ("Group sessions held", "Pidetyt ryhmätapaamiset", "Hållna gruppträffar"),
    # the regional report (askel.region.report)
    "table:courses_by_method": ("Courses by method", "Hoitojaksot menetelmittäin", "Vårdperioder per metod"),
    "table:courses_by_unit": ("Courses by unit", "Hoitojaksot yksiköittäin", "Vårdperioder per enhet"),
    "table:courses_by_month": ("Courses by month", "Hoitojaksot kuukausittain", "Vårdperioder per månad"),
    "table:sessions_by_method": ("Sessions by method and attendance", "Käynnit menetelmittäin ja toteutumisen "
                                 "mukaan", "Besök per metod och genomförande"),
    "table:sessions_by_unit": ("Sessions by unit and attendance", "Käynnit yksiköittäin ja toteutumisen mukaan",
                               "Besök per enhet och genomförande"),
    "table:sessions_by_month": ("Sessions by month and attendance", "Käynnit kuukausittain ja toteutumisen mukaan",
                                "Besök per månad och genomförande"),
    "table:outcomes_by_method": ("Outcomes by method", "Tulokset menetelmittäin", "Resultat per metod"),
    "table:next_step_by_method": ("Next step by method", "Jatko menetelmittäin", "Fortsättning per metod"),
    "table:usefulness_by_method": ("Usefulness by method (1–4)", "Hyödyllisyys menetelmittäin (1–4)",
                                   "Nytta per metod (1–4)"),
    "table:access_by_method": ("Time to first treatment by method", "Aika ensimmäiseen hoitokäyntiin "
                               "menetelmittäin", "Tid till första behandlingsbesöket per metod"),
    "table:access_by_month": ("Time to first treatment by month", "Aika ensimmäiseen hoitokäyntiin kuukausittain",
                              "Tid till första behandlingsbesöket per månad"),
    "no_reliable_change": ("No reliable change", "Ei luotettavaa muutosta", "Ingen tillförlitlig förändring"),
    "deteriorated": ("Deteriorated", "Heikentynyt", "Försämrad"),
    "not_case_at_start": ("Not a case at the start", "Ei kliininen alussa", "Inte kliniskt fall i början"),
    "not_enough_data": ("Not enough data", "Ei riittävästi tietoa", "Inte tillräckligt med data"),
    "within_28": ("Under 23, within 28 days", "Alle 23 v., 28 päivässä", "Under 23 år, inom 28 dagar"),
    "within_28_share": ("Under 23, share within 28 days", "Alle 23 v., osuus 28 päivässä",
                        "Under 23 år, andel inom 28 dagar"),
    # columns
    "count": ("Number", "Määrä", "Antal"),
    "rate": ("Share", "Osuus", "Andel"),
    "value": ("Value", "Arvo", "Värde"),
    "total": ("Total", "Yhteensä", "Totalt"),
    "attended": ("Attended", "Toteutunut", "Genomförd"),
    "cancelled": ("Cancelled", "Peruttu", "Avbokad"),
    "no_show": ("No-show", "Ei saapunut", "Uteblev"),
    "trained": ("Trained", "Koulutettu", "Utbildad"),
    "in_training": ("In training", "Koulutuksessa", "Under utbildning"),
    "sessions": ("Sessions", "Käynnit", "Besök"),
    "courses": ("Courses started", "Alkaneet hoitojaksot", "Påbörjade vårdperioder"),
    "meetings": ("Sessions held (a group session once)", "Pidetyt tapaamiset (ryhmätapaaminen kerran)",
                 "Hållna träffar (en gruppträff en gång)"),
    "parent_meetings": ("Parents' meetings held", "Pidetyt vanhempien tapaamiset", "Hållna föräldraträffar"),
    "parent_attended": ("Parents' meetings attended", "Vanhempien tapaamisiin osallistuneet",
                        "Deltagande i föräldraträffar"),
    "format:individual": ("Individual", "Yksilötapaamiset", "Individuellt"),
    "format:client_group": ("Group of clients", "Asiakkaiden ryhmä", "Klientgrupp"),
    "format:parent_group": ("Parents' group", "Vanhempien ryhmä", "Föräldragrupp"),
    "format:family_group": ("Children and parents together", "Lapset ja vanhemmat yhdessä",
                            "Barn och föräldrar tillsammans"),
    # rows
    "started": ("Started", "Alkaneet", "Påbörjade"),
    "completed": ("Completed", "Päättyneet suunnitellusti", "Avslutade enligt plan"),
    "interrupted": ("Interrupted", "Keskeytyneet", "Avbrutna"),
    "all": ("All", "Kaikki", "Alla"),
    "not_recorded": ("Not recorded", "Ei kirjattu", "Inte registrerat"),
    "code:none": ("No procedure code", "Ei toimenpidekoodia", "Ingen åtgärdskod"),
    "ended": ("Courses ended", "Päättyneet hoitojaksot", "Avslutade vårdperioder"),
    "paired": ("With a first and a last score", "Alku- ja loppumittaus tehty", "Med första och sista mätning"),
    # Outcome rows name no preset's own terms, so that a change below a reliable-change index (the Finnish regional
    # rule's drop of 5 on PHQ-9) is never called reliable; the preset and its source are named in the header.
    "finished_paired": ("Finished (2 or more sessions of the method), first and last score",
                        "Päättynyt (vähintään 2 menetelmän tapaamista), alku- ja loppumittaus",
                        "Avslutad (minst 2 träffar med metoden), första och sista mätning"),
    "case_at_start": ("At the clinical level at the start (the preset's limits)",
                      "Alussa kliinisellä tasolla (mallin raja-arvot)",
                      "På klinisk nivå i början (modellens gränsvärden)"),
    "recovered": ("Below the limits at the last measurement (recovery or remission)",
                  "Viimeisessä mittauksessa raja-arvojen alapuolella (toipuminen tai remissio)",
                  "Under gränsvärdena vid sista mätningen (återhämtning eller remission)"),
    "reliably_recovered": ("Below the limits and improved by at least the preset's change",
                           "Raja-arvojen alapuolella ja kohentunut vähintään mallin muutosrajan verran",
                           "Under gränsvärdena och förbättrad minst med modellens förändringsgräns"),
    "reliably_improved": ("Improved by at least the preset's change", "Kohentunut vähintään mallin muutosrajan verran",
                          "Förbättrad minst med modellens förändringsgräns"),
    "reliably_deteriorated": ("Worsened by at least the preset's change",
                              "Heikentynyt vähintään mallin muutosrajan verran",
                              "Försämrad minst med modellens förändringsgräns"),
    "first_sessions": ("First treatment sessions", "Ensimmäiset hoitokäynnit", "Första behandlingsbesök"),
    "median_days": ("Median days from need established", "Mediaani päivinä hoidon tarpeen toteamisesta",
                    "Median i dagar från konstaterat behov"),
    "under_23": ("Clients under 23", "Alle 23-vuotiaat asiakkaat", "Klienter under 23 år"),
    "median_days_under_23": ("Median days, clients under 23", "Mediaani päivinä, alle 23-vuotiaat",
                             "Median i dagar, klienter under 23 år"),
    "under_23_within_limit": ("Under 23, seen within 28 days", "Alle 23-vuotiaat, hoito alkoi 28 päivässä",
                              "Under 23 år, behandlingen började inom 28 dagar"),
    "none": ("No further care", "Ei jatkohoitoa", "Ingen fortsatt vård"),
    "follow_up": ("Follow-up", "Seuranta", "Uppföljning"),
    "step_up": ("A more intensive step", "Vahvempi hoito", "Intensivare vård"),
    "specialised_care": ("Specialised care", "Erikoissairaanhoito", "Specialiserad sjukvård"),
    "mean": ("Mean rating", "Keskiarvo", "Medelvärde"),
    "first_assessment": ("First assessment visit", "Ensijäsennys", "Första bedömning"),
    "terapianavigaattori": ("Terapianavigaattori", "Terapianavigaattori", "Terapinavigatorn"),
    "school": ("School", "Koulu", "Skola"),
    "self_referral": ("Self-referral", "Oma yhteydenotto", "Egen kontakt"),
    "other": ("Other", "Muu", "Annat"),
    "1": ("1", "1", "1"), "2": ("2", "2", "2"), "3": ("3", "3", "3"), "4": ("4", "4", "4"),
    # export header
    "period": ("Period", "Ajanjakso", "Period"),
    "method": ("Method", "Menetelmä", "Metod"),
    "all_methods": ("All methods", "Kaikki menetelmät", "Alla metoder"),
    "preset": ("Outcome rules", "Tuloksellisuuden säännöt", "Regler för behandlingsresultat"),
    "preset:nhs": ("NHS Talking Therapies (case PHQ-9 10 or GAD-7 8; reliable change 6 / 4)",
                   "NHS Talking Therapies (kliininen taso PHQ-9 10 tai GAD-7 8; luotettava muutos 6 / 4)",
                   "NHS Talking Therapies (klinisk nivå PHQ-9 10 eller GAD-7 8; tillförlitlig förändring 6 / 4)"),
    "preset:fi_regional": ("Finnish regional practice, a university hospital's IPC statistics page (2021): remission "
                           "PHQ-9 below 5, meaningful change 5",
                           "Suomalainen alueellinen käytäntö, yliopistosairaalan IPC-tilastosivu (2021): remissio "
                           "PHQ-9 alle 5, merkittävä muutos 5",
                           "Finländsk regional praxis, ett universitetssjukhus IPC-statistiksida (2021): remission "
                           "PHQ-9 under 5, betydande förändring 5"),
    "note": ("Note", "Huom.", "Obs."),
    "suppression_note": (
        "Figures resting on fewer than 5 courses or sessions are hidden (..), and so are as many others as needed "
        "so that no hidden figure can be worked out from the totals.",
        "Alle viiteen hoitojaksoon tai käyntiin perustuvat luvut on piilotettu (..), samoin niin monta muuta, "
        "ettei piilotettua lukua voi laskea summista.",
        "Siffror som bygger på färre än fem vårdperioder eller besök är dolda (..), liksom så många andra att "
        "ingen dold siffra kan räknas ut ur summorna.",
    ),
    "unit:count": ("n", "lkm", "antal"),
    "unit:rate": ("%", "%", "%"),
    "unit:median": ("days", "päivää", "dagar"),
    "unit:mean": ("mean", "keskiarvo", "medelvärde"),
    "csv:table": ("Table", "Taulukko", "Tabell"),
    "csv:row": ("Row", "Rivi", "Rad"),
    "csv:column": ("Column", "Sarake", "Kolumn"),
    "csv:unit": ("Unit", "Yksikkö", "Enhet"),
    "sheet:summary": ("Statistics", "Tilastot", "Statistik"),
    "sheet:data": ("Data", "Aineisto", "Data"),
}
_LANGUAGE_INDEX = {"en": 0, "fi": 1, "sv": 2}


def label(key: str, language: str, library=None) -> str:
    """A row, column or table name in `language` (fi, sv or en); methods by their protocol's short name."""
    index = _LANGUAGE_INDEX.get(language, 0)
    if key in LABELS:
        return LABELS[key][index]
    if key.startswith("method:"):
        method_id = key.removeprefix("method:")
        if library is not None:
            try:
                return library.protocol(method_id).short_name.get(language)
            except ContentNotFound:
                pass
        return method_id
    if key.startswith(("code:", "unit:", "month:")):
        return key.split(":", 1)[1]
    return key


def method_label(statistics: Statistics, language: str, library=None) -> str:
    if not statistics.method:
        return label("all_methods", language)
    return label(f"method:{statistics.method}", language, library)


# -- export ---------------------------------------------------------------------------------------------------
def csv_bytes(statistics: Statistics, language: str = "fi", library=None) -> bytes:
    """Long format, one figure a line: stable keys for programs, labels for people. Semicolon-separated UTF-8
    with a byte order mark, so that Excel in Finnish or Swedish opens it as is."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["table_id", "row_id", "column_id", label("csv:table", language), label("csv:row", language),
                     label("csv:column", language), label("value", language), label("csv:unit", language)])
    writer.writerow(["period", "", "", label("period", language), "", "",
                     f"{statistics.start.isoformat()}/{statistics.end.isoformat()}", ""])
    writer.writerow(["method", "", "", label("method", language), "", "", method_label(statistics, language, library),
                     statistics.method or ""])
    writer.writerow(["preset", "", "", label("preset", language), "", "",
                     label(f"preset:{statistics.preset}", language), statistics.preset])
    for table in statistics.tables:
        for row_key, row in zip(table.rows, table.cells, strict=True):
            for column_key, cell in zip(table.columns, row, strict=True):
                if cell.kind == "empty":
                    continue
                writer.writerow([table.id, row_key, column_key, label(f"table:{table.id}", language),
                                 label(row_key, language, library), label(column_key, language),
                                 format_cell(cell, language), label(f"unit:{cell.kind}", language)])
    writer.writerow(["note", "", "", label("note", language), "", "", label("suppression_note", language), ""])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def xlsx_bytes(statistics: Statistics, language: str = "fi", library=None) -> bytes:
    """A workbook: a readable summary sheet (one block per table) and a data sheet in the CSV's long format."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = label("sheet:summary", language)
    bold = Font(bold=True)
    sheet.append([label("period", language), f"{_finnish_date(statistics.start)}–{_finnish_date(statistics.end)}"])
    sheet.append([label("method", language), method_label(statistics, language, library)])
    sheet.append([label("preset", language), label(f"preset:{statistics.preset}", language)])
    sheet.append([label("note", language), label("suppression_note", language)])
    for table in statistics.tables:
        sheet.append([])
        sheet.append([label(f"table:{table.id}", language)])
        sheet.cell(sheet.max_row, 1).font = Font(bold=True, size=12)
        sheet.append(["", *(label(column, language) for column in table.columns)])
        for cell in sheet[sheet.max_row]:
            cell.font = bold
        for row_key, row in zip(table.rows, table.cells, strict=True):
            sheet.append([label(row_key, language, library), *(_xlsx_value(cell) for cell in row)])
            for column_index, cell in enumerate(row, start=2):
                target = sheet.cell(sheet.max_row, column_index)
                target.alignment = Alignment(horizontal="right")
                if cell.kind == "rate" and cell.shown:
                    target.number_format = "0.0%"
                elif cell.kind in ("median", "mean") and cell.shown:
                    target.number_format = "0.0"
    sheet.column_dimensions["A"].width = 52
    for column in "BCDEF":
        sheet.column_dimensions[column].width = 16

    data = book.create_sheet(label("sheet:data", language))
    reader = csv.reader(io.StringIO(csv_bytes(statistics, language, library).decode("utf-8-sig")), delimiter=";")
    for index, line in enumerate(reader):
        data.append(line)
        if index == 0:
            for cell in data[1]:
                cell.font = bold
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _xlsx_value(cell: Cell):
    """The cell's value as shown (already rounded by the disclosure control: no hidden precision)."""
    if cell.suppressed:
        return HIDDEN
    if cell.value is None:
        return None
    return int(cell.value) if cell.kind == "count" else cell.value


def _finnish_date(value: date) -> str:
    return f"{value.day}.{value.month}.{value.year}"


def export_statistics(vault, statistics: Statistics, path: Path, fmt: str, *, language: str = "fi",
                      library=None, writer=None) -> str:
    """Write the statistics as CSV or XLSX (atomically) and log the export; returns the file's SHA-256.

    Not client data, yet every file that leaves the program is logged: action export, target statistics.
    `writer(path, data)` writes the file (the command line passes its own guarded writer).
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use csv or xlsx")
    data = csv_bytes(statistics, language, library) if fmt == "csv" else xlsx_bytes(statistics, language, library)
    if writer is None:
        atomic_write(Path(path), data, mode=0o644)
    else:
        writer(Path(path), data)
    checksum = hashlib.sha256(data).hexdigest()
    vault.log("export", target="statistics", detail={
        "format": fmt, "language": language, "from": statistics.start.isoformat(), "to": statistics.end.isoformat(),
        "method": statistics.method or "", "preset": statistics.preset, "file": Path(path).suffix,  # no chosen name
        "sha256": checksum,
    })
    return checksum
