"""The facts of a course, or of one visit, that reach the patient record: computed once, said by every export.

The text entry, the record PDF and the FHIR document all read `RecordFacts` (none of them counts anything itself), so
the three cannot disagree about:
- the planned visits (the course's own plan, else the protocol's; never overwritten by the highest visit number) and
  which visits are visits of the method: only sessions of the method (`Session.kind`, see `askel.core.contacts`) are
  "visit n / N"; other contacts are listed as contacts and counted nowhere;
- a visit beyond the plan (visit 9 of a course planned at 8 is "9, planned 8", not "8/9");
- an open visit: its notes are a draft, and say so;
- who answered each questionnaire (the client, a parent, the clinician), and a series of scores per instrument *and*
  respondent: a parent's rating is never compared with the young person's own;
- the procedure code of the course's delivery format (a group's code for a member of a group: IDR17 for group KLT),
  only when a visit of the method was attended (for a visit entry: that visit); where the protocol marks the code
  for that format unverified, no code, and `procedure_unverified` says so;
- a member of a group (`askel.core.groups`): each visit that was a group meeting carries the meeting (its number in
  the group's plan, the agenda done and the note the group shared, the group's homework); the member's own note,
  attendance and homework exception are the member's session row. Nothing of another member is in a course, so
  nothing of another member can reach its record;
- "the course continues" only for a course that has started (a visit of the method attended) and not finished;
- what is new since the last export for the record: a visit entry repeats the need and the plan only when they
  changed since the last record export of this course that was not of this same visit (`Baseline`).

Pure: everything comes from a loaded course (`store.courses.load_course`) and the content library; the last export's
digests are handed in by the caller (`export.service`).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from askel.core.contacts import is_method_session
from askel.core.content.library import ContentNotFound
from askel.core.content.statement import ScoreStatement, from_record
from askel.core.groups import is_group, procedure_format

NEED_FIELDS = ("need_established", "referral_source", "referral_reference", "icd10")
PLAN_FIELDS = ("method_id", "protocol_version", "planned_sessions", "focus_area", "goal", "care_step")
GROUP_PLAN_FIELDS = ("delivery_format", "group_id", "group_joined", "group_join_reason")


@dataclass(frozen=True)
class Visit:
    """One session row as the record sees it."""

    session: object  # store.models.Session
    ordinal: int | None  # n of "visit n / N" for a session of the method; None for another contact
    planned: int

    @property
    def is_method(self) -> bool:
        return self.ordinal is not None

    @property
    def attended(self) -> bool:
        return self.session.attendance == "attended"

    @property
    def draft(self) -> bool:
        """An attended visit not yet closed: what it says is still being written."""
        return self.attended and not self.session.closed

    @property
    def beyond_plan(self) -> bool:
        return self.ordinal is not None and self.ordinal > self.planned

    @property
    def meeting(self):
        """The group meeting this visit was the member's part of (store.models.GroupMeeting), or None."""
        return getattr(self.session, "group_meeting", None)


@dataclass(frozen=True)
class Score:
    """One scored questionnaire, with who answered it and the first score of its own series."""

    administration: object  # store.models.Administration
    respondent: str  # client / parent / clinician
    first: object  # the first administration of the same instrument and respondent (maybe this one)
    visit: Visit | None  # the visit it was given at, if any
    # What the score says (core.content.statement): prorated and the questions not answered, the band and the limit
    # it is from, alerts, whose wording; None when the library no longer has the instrument version.
    statement: ScoreStatement | None = None

    @property
    def is_first(self) -> bool:
        return self.first.id == self.administration.id

    @property
    def change(self) -> float:
        return self.administration.total - self.first.total


@dataclass(frozen=True)
class Series:
    """The scores of one instrument from one respondent, oldest first."""

    instrument_id: str
    respondent: str
    scores: tuple[Score, ...]

    @property
    def first(self) -> Score:
        return self.scores[0]

    @property
    def last(self) -> Score:
        return self.scores[-1]


@dataclass(frozen=True)
class Baseline:
    """What the last record export of this course (of another scope) said: digests of its need and plan facts."""

    need: str = ""
    plan: str = ""


@dataclass(frozen=True)
class RecordFacts:
    course: object
    protocol: object | None  # core.content.models.Protocol, None when the library no longer has it
    planned: int
    visits: tuple[Visit, ...]  # every session row of the course, in order
    series: tuple[Series, ...]  # per (instrument, respondent), sorted by instrument id then respondent
    visit: Visit | None = None  # the one visit of a visit entry; None for the whole course
    show_need: bool = True
    show_plan: bool = True
    digests: dict = field(default_factory=dict)  # {"need": ..., "plan": ...} of this export, for the next one

    # -- counts ---------------------------------------------------------------------------------------------------
    @property
    def method_visits(self) -> tuple[Visit, ...]:
        return tuple(v for v in self.visits if v.is_method)

    @property
    def contacts(self) -> tuple[Visit, ...]:
        return tuple(v for v in self.visits if not v.is_method)

    def count(self, attendance: str) -> int:
        return sum(1 for v in self.method_visits if v.session.attendance == attendance)

    @property
    def attended(self) -> int:
        return self.count("attended")

    @property
    def started(self) -> bool:
        """At least one visit of the method attended (a cancelled first visit does not start a course)."""
        return self.attended > 0

    @property
    def finished(self) -> bool:
        return self.course.status in ("completed", "interrupted")

    @property
    def next_appointment(self):
        """The next appointment agreed at this visit (a visit entry), or at the latest visit that agreed one (the
        course); None once the course has finished."""
        if self.finished:
            return None
        if self.visit is not None:
            return self.visit.session.next_appointment
        agreed = [v.session for v in self.visits if v.session.next_appointment is not None]
        return max(agreed, key=lambda s: s.starts_at).next_appointment if agreed else None

    @property
    def scope_visits(self) -> tuple[Visit, ...]:
        return (self.visit,) if self.visit is not None else self.visits

    @property
    def has_draft(self) -> bool:
        return any(v.draft for v in self.scope_visits)

    # -- what the entry may say -----------------------------------------------------------------------------------
    @property
    def group(self):
        """The group a member's course is held in (store.models.TherapyGroup), or None."""
        return getattr(self.course, "group", None) if self.in_group else None

    @property
    def in_group(self) -> bool:
        return is_group(getattr(self.course, "delivery_format", None))

    def _code_entries(self) -> tuple:
        """The protocol's procedure code entries for the course's delivery format, when a visit of the method was
        attended in this scope; () otherwise."""
        if self.protocol is None:
            return ()
        if self.visit is not None:
            attended = self.visit.is_method and self.visit.attended
        else:
            attended = self.started
        if not attended:
            return ()
        wanted = ("any", procedure_format(getattr(self.course, "delivery_format", None)))
        return tuple(c for c in self.protocol.procedure_codes if c.format in wanted)

    @property
    def procedure_codes(self) -> tuple[str, ...]:
        """THL procedure codes of the method in the course's format, only when a visit of the method was attended
        (in this scope)."""
        return tuple(dict.fromkeys(c.code for c in self._code_entries() if c.code))

    @property
    def procedure_unverified(self) -> bool:
        """A visit of the method was attended, and the protocol says the code for this format is not verified."""
        entries = self._code_entries()
        return bool(entries) and not any(c.code for c in entries)

    def next_meeting_number(self) -> int | None:
        """For a member of a group: the number of the next group session after this scope (None when not a member
        or the group is not loaded)."""
        if self.group is None:
            return None
        if self.visit is not None and self.visit.meeting is not None and self.visit.is_method:
            return self.visit.meeting.number + 1
        started = [m.number for m in self.group.meetings if m.kind == "method" and m.starts_at is not None]
        return max(started, default=0) + 1

    def scores(self) -> tuple[Score, ...]:
        """The scores in this scope, in the order they were given."""
        every = [s for series in self.series for s in series.scores]
        if self.visit is not None:
            every = [s for s in every if s.administration.session_id == self.visit.session.id]
        return tuple(sorted(every, key=lambda s: s.administration.administered_at))

    def next_ordinal(self) -> int:
        """The number of the next visit of the method after this scope."""
        if self.visit is None:
            return len(self.method_visits) + 1
        if self.visit.ordinal is not None:
            return self.visit.ordinal + 1
        return sum(1 for v in self.method_visits if v.session.number < self.visit.session.number) + 1

    def ends_here(self) -> bool:
        """Whether this entry should say how the course ended: a finished course, the whole course or its last
        visit of the method."""
        if not self.finished:
            return False
        if self.visit is None:
            return True
        last = self.method_visits[-1].session.id if self.method_visits else None
        return self.visit.session.id == last

    def respondents(self, instrument_id: str) -> set[str]:
        return {s.respondent for s in self.series if s.instrument_id == instrument_id}


def digest(values: dict) -> str:
    return hashlib.sha256(json.dumps(values, sort_keys=True, default=str).encode("utf-8")).hexdigest()[:32]


def need_plan_digests(course, planned: int) -> dict[str, str]:
    need = {name: getattr(course, name) for name in NEED_FIELDS}
    plan = {name: getattr(course, name) for name in PLAN_FIELDS}
    plan["planned_sessions"] = planned
    if is_group(getattr(course, "delivery_format", None)):  # only then: an individual course's digest is unchanged
        plan.update({name: getattr(course, name) for name in GROUP_PLAN_FIELDS})
    return {"need": digest(need), "plan": digest(plan)}


def planned_visits(course, protocol) -> int:
    """The course's own plan, else the protocol's; 0 when neither is known. Never the highest visit number."""
    return course.planned_sessions or (protocol.session_count.planned if protocol is not None else 0)


def visits_of(course, planned: int) -> tuple[Visit, ...]:
    """Every row in the order it happened; the sessions of the method numbered 1 … n in their own order (contacts
    are numbered -1, -2 … and never take an ordinal: see askel.core.contacts)."""
    method = sorted((s for s in course.sessions if is_method_session(getattr(s, "kind", None))), key=lambda s: s.number)
    ordinals = {session.id: ordinal for ordinal, session in enumerate(method, start=1)}
    return tuple(Visit(session, ordinals.get(session.id), planned)
                 for session in sorted(course.sessions, key=lambda s: (s.starts_at, s.number)))


def statement_of(library, administration) -> ScoreStatement | None:
    try:
        instrument = library.instrument(administration.instrument_id, administration.instrument_version)
    except ContentNotFound:
        return None
    return from_record(instrument, administration)


def series_of(course, visits: tuple[Visit, ...], library=None) -> tuple[Series, ...]:
    by_session = {v.session.id: v for v in visits}
    groups: dict[tuple[str, str], list] = {}
    for administration in sorted(course.administrations, key=lambda a: a.administered_at):
        if administration.total is not None:
            key = (administration.instrument_id, administration.respondent or "client")
            groups.setdefault(key, []).append(administration)
    result = []
    for (instrument_id, respondent), items in sorted(groups.items()):
        scores = tuple(Score(a, respondent, items[0], by_session.get(a.session_id),
                             statement_of(library, a) if library is not None else None) for a in items)
        result.append(Series(instrument_id, respondent, scores))
    return tuple(result)


def record_facts(course, library, *, session_number: int | None = None,
                 baseline: Baseline | None = None) -> RecordFacts:
    """The facts of a loaded course, or of its session `session_number` (LookupError when there is none).

    `baseline` is what the last record export of this course of another scope said (None: nothing exported yet);
    a visit entry leaves out the need and the plan when they have not changed since then."""
    try:
        protocol = library.protocol(course.method_id, course.protocol_version)
    except ContentNotFound:
        protocol = None
    planned = planned_visits(course, protocol)
    visits = visits_of(course, planned)
    visit = None
    if session_number is not None:
        visit = next((v for v in visits if v.session.number == session_number), None)
        if visit is None:
            raise LookupError("no session with this number in the course")
    digests = need_plan_digests(course, planned)
    show_need = show_plan = True
    if visit is not None and baseline is not None:
        show_need = baseline.need != digests["need"]
        show_plan = baseline.plan != digests["plan"]
    return RecordFacts(course, protocol, planned, visits, series_of(course, visits, library), visit, show_need,
                       show_plan, digests)
