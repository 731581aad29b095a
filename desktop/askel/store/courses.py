"""Courses of treatment, sessions, questionnaire administrations and typing drafts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from askel.core.contacts import METHOD_SESSION, SESSION_KINDS, is_method_session, next_number
from askel.core.groups import meeting_template
from askel.store import audit
from askel.store.models import (
    ATTENDANCE,
    COURSE_STATUSES,
    GUARANTEE_EXCEPTIONS,
    NEXT_STEPS,
    PENDING_ALERT,
    RESPONDENTS,
    SESSION_MODES,
    Administration,
    Course,
    Draft,
    HandedOverCourse,
    Session,
    TherapyGroup,
    utcnow,
)

if TYPE_CHECKING:
    from askel.core.content.scoring import ScoreResult

COURSE_FIELDS = {
    "need_established", "start_date", "planned_sessions", "focus_area", "icd10", "goal", "care_step",
    "referral_source", "referral_reference", "has_dependants", "status",
}
SESSION_FIELDS = {
    "starts_at", "mode", "attendance", "duration_minutes", "attendees", "agenda", "notes", "homework_given",
    "homework_review", "closed", "planned_minutes", "next_appointment",
}


def _check_choice(value, allowed, what: str) -> None:
    if value is not None and value not in allowed:
        raise ValueError(f"unknown {what}: {value!r}")


def _set_fields(record, allowed: set[str], fields: dict) -> None:
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"unknown fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(record, name, value)


def start_course(vault, client_id: str, method_id: str, protocol_version: str, **fields) -> Course:
    _check_choice(fields.get("status"), COURSE_STATUSES, "status")
    course = Course(client_id=client_id, method_id=method_id, protocol_version=protocol_version)
    _set_fields(course, COURSE_FIELDS, fields)
    with vault.write() as session:
        session.add(course)
        session.flush()
        audit.record(session, vault.actor, "create", client_id=client_id, target=f"course:{course.id}")
    return course


def update_course(vault, course_id: str, **fields) -> Course:
    _check_choice(fields.get("status"), COURSE_STATUSES, "status")
    with vault.write() as session:
        course = _get(session, Course, course_id)
        _set_fields(course, COURSE_FIELDS, fields)
        audit.record(session, vault.actor, "change", client_id=course.client_id, target=f"course:{course.id}")
    return course


def finish_course(vault, course_id: str, *, status: str, end_date: date, reason: str = "",
                  usefulness: int | None = None, next_step: str | None = None) -> Course:
    if status not in ("completed", "interrupted"):
        raise ValueError("a course finishes as completed or interrupted")
    _check_choice(next_step, NEXT_STEPS, "next step")
    if usefulness is not None and not 1 <= usefulness <= 4:
        raise ValueError("usefulness is rated 1-4")
    with vault.write() as session:
        course = _get(session, Course, course_id)
        course.status, course.end_date, course.end_reason = status, end_date, reason or None
        course.usefulness, course.next_step = usefulness, next_step
        audit.record(session, vault.actor, "change", client_id=course.client_id, target=f"course:{course.id}",
                     detail={"finished": status})
    return course


def record_guarantee_exception(vault, course_id: str, reason: str | None, note: str = "") -> Course:
    """Record (or with `reason` None, withdraw) a therapy-guarantee exception: medical, treatment-related or other
    comparable reasons, with the reason written out. Audited: who recorded which reason, when."""
    if reason is not None:
        _check_choice(reason, GUARANTEE_EXCEPTIONS, "guarantee exception")
        if not note.strip():
            raise ValueError("an exception needs its reason written out")
    with vault.write() as session:
        course = _get(session, Course, course_id)
        course.guarantee_exception = reason
        course.guarantee_exception_note = note.strip() or None if reason is not None else None
        audit.record(session, vault.actor, "change", client_id=course.client_id, target=f"course:{course.id}",
                     detail={"guarantee_exception": reason or "withdrawn"})
    return course


def load_course(vault, course_id: str) -> Course:
    with vault.read() as session:
        course = session.get(
            Course, course_id,
            options=[selectinload(Course.sessions).selectinload(Session.group_meeting),
                     selectinload(Course.administrations), selectinload(Course.client),
                     selectinload(Course.group).selectinload(TherapyGroup.meetings)],
        )
        if course is None:
            raise LookupError("course not found")
        return course


def courses_for_client(vault, client_id: str) -> list[Course]:
    with vault.read() as session:
        return list(session.scalars(
            select(Course).where(Course.client_id == client_id).order_by(Course.created_at)
            .options(selectinload(Course.sessions), selectinload(Course.administrations))
        ))


def add_session(vault, course_id: str, starts_at: datetime, kind: str = METHOD_SESSION, **fields) -> Session:
    """A new row in the course: a session of the method (numbered 1, 2, …) or a contact (numbered -1, -2, …; see
    askel.core.contacts). Only a session of the method makes a planned course active."""
    _check_choice(kind, SESSION_KINDS, "session kind")
    _check_choice(fields.get("mode"), SESSION_MODES, "mode")
    _check_choice(fields.get("attendance"), ATTENDANCE, "attendance")
    with vault.write() as session:
        course = _get(session, Course, course_id)
        numbers = session.scalars(select(Session.number).where(Session.course_id == course_id))
        record = Session(course_id=course_id, number=next_number(kind, numbers), kind=kind, starts_at=starts_at)
        _set_fields(record, SESSION_FIELDS, fields)
        session.add(record)
        if course.status == "planned" and is_method_session(kind):
            course.status = "active"
            course.start_date = course.start_date or starts_at.date()
        session.flush()
        audit.record(session, vault.actor, "create", client_id=course.client_id, target=f"session:{record.id}")
    return record


def update_session(vault, session_id: str, **fields) -> Session:
    _check_choice(fields.get("mode"), SESSION_MODES, "mode")
    _check_choice(fields.get("attendance"), ATTENDANCE, "attendance")
    with vault.write() as session:
        record = _get(session, Session, session_id)
        _set_fields(record, SESSION_FIELDS, fields)
        client_id = session.scalar(select(Course.client_id).where(Course.id == record.course_id))
        audit.record(session, vault.actor, "change", client_id=client_id, target=f"session:{record.id}")
    return record


def autosave_session(vault, session_id: str, **fields) -> None:
    """Save what is being typed into an open session every couple of seconds.

    Not a use-log event by itself: opening the session and closing it are logged, the keystrokes between are not.
    """
    with vault.write() as session:
        record = _get(session, Session, session_id)
        if record.closed:
            raise ValueError("a closed session is not autosaved")
        _set_fields(record, SESSION_FIELDS - {"closed", "starts_at"}, fields)


def close_session(vault, session_id: str, **fields) -> Session:
    """The clinician ends the session: final values, closed, and a use-log entry."""
    return update_session(vault, session_id, closed=True, **fields)


def open_sessions(vault) -> list[Session]:
    """Sessions started but not closed: after a crash these are offered back at the next start."""
    with vault.read() as session:
        rows = session.scalars(
            select(Session).where(Session.closed.is_(False), Session.course_id.not_in(handed_over_courses()))
            .order_by(Session.starts_at)
            .options(selectinload(Session.course).selectinload(Course.client))
        )
        # A member's part of a group meeting is continued with the meeting (askel.store.groups.open_meetings). Left
        # out here, not in the query: there, the group meeting's index would be chosen over the open sessions'.
        return [record for record in rows if record.group_meeting_id is None]


def record_administration(vault, course_id: str, *, instrument_id: str, instrument_version: str,
                          respondent: str, answers: dict, total: float | None, subscales: dict,
                          band: str | None, alerts: list, session_id: str | None = None,
                          self_completed: bool = False, language: str = "fi", band_set: str | None = None,
                          prorated: bool = False, missing_items: list | None = None, limits: list | None = None,
                          wording: dict | None = None) -> Administration:
    """Store a questionnaire exactly as given and as the scoring engine scored it."""
    _check_choice(respondent, RESPONDENTS, "respondent")
    with vault.write() as session:
        course = _get(session, Course, course_id)
        record = Administration(
            course_id=course_id, session_id=session_id, instrument_id=instrument_id,
            instrument_version=instrument_version, respondent=respondent, answers=answers, total=total,
            subscales=subscales, band=band, alerts=alerts, self_completed=self_completed, language=language,
            band_set=band_set, prorated=prorated, missing_items=list(missing_items or []),
            limits=list(limits or []), wording=wording,
        )
        session.add(record)
        session.flush()
        audit.record(session, vault.actor, "create", client_id=course.client_id,
                     target=f"administration:{record.id}", detail={"instrument": instrument_id})
    return record


def reference_for(vault, course_id: str, on: date | None = None):
    """The client's reference group for cut-offs that depend on it: age on `on` (today) and the recorded sex."""
    from askel.core.content.guarantee import age_on
    from askel.core.content.scoring import Reference

    with vault.read() as session:
        course = _get(session, Course, course_id)
        client = course.client
        return Reference(age=age_on(client.birth_date, on or date.today()), sex=client.reference_sex)


def score_and_record(vault, course_id: str, instrument, answers: dict, *, respondent: str = "client",
                     session_id: str | None = None, self_completed: bool = False,
                     language: str = "fi") -> tuple[Administration, ScoreResult]:
    """Score with the one engine and store answers and result together: what is stored is what was shown."""
    # The content models load after the window paints.
    from askel.core.content.scoring import score
    from askel.core.content.statement import stored_facts

    result = score(instrument, answers, respondent, reference=reference_for(vault, course_id))
    record = record_administration(
        vault, course_id, instrument_id=instrument.id, instrument_version=instrument.version, respondent=respondent,
        answers={k: v for k, v in answers.items() if v is not None}, total=result.total,
        subscales=dict(result.subscales), session_id=session_id, self_completed=self_completed, language=language,
        **stored_facts(result, instrument),
    )
    return record, result


def acknowledge_alert(vault, administration_id: str, action_note: str) -> Administration:
    """The clinician saw a risk answer and wrote down what was done; both are kept and audited."""
    with vault.write() as session:
        record = _get(session, Administration, administration_id)
        record.alert_acknowledged_at = utcnow()
        record.alert_action_note = action_note
        client_id = session.scalar(select(Course.client_id).where(Course.id == record.course_id))
        audit.record(session, vault.actor, "alert_ack", client_id=client_id,
                     target=f"administration:{record.id}")
    return record


def pending_alerts(vault) -> list[Administration]:
    """Risk alerts never acknowledged (the lock or a crash came first), oldest first, with course and client: raised
    again at unlock, since an alert must never be lost."""
    with vault.read() as session:
        return list(session.scalars(
            select(Administration).where(PENDING_ALERT).order_by(Administration.administered_at)
            .options(selectinload(Administration.course).selectinload(Course.client))
        ))


def record_guardian(vault, administration_id: str, *, informed: bool, note: str) -> Administration:
    """For a minor's risk answer: whether a guardian was informed (or why not), with a note; kept and audited."""
    with vault.write() as session:
        record = _get(session, Administration, administration_id)
        record.guardian_informed, record.guardian_note = informed, note
        record.guardian_recorded_at = utcnow()
        client_id = session.scalar(select(Course.client_id).where(Course.id == record.course_id))
        audit.record(session, vault.actor, "change", client_id=client_id, target=f"administration:{record.id}",
                     detail={"guardian_informed": informed})
    return record


def appointment_ahead(courses, now: datetime) -> datetime | None:
    """The next appointment of loaded courses: per course the one agreed at its latest visit that agreed one (a later
    visit replaces what an earlier one agreed), the soonest of those still ahead of `now`."""
    ahead = []
    for course in courses:
        agreed = [s for s in course.sessions if s.next_appointment is not None]
        if agreed:
            latest = max(agreed, key=lambda s: s.starts_at).next_appointment
            if latest > now:
                ahead.append(latest)
    return min(ahead, default=None)


def risk_answers(courses) -> list[Administration]:
    """The questionnaires of loaded courses that raised a risk alert, the newest first."""
    found = [a for course in courses for a in course.administrations if a.alerts]
    return sorted(found, key=lambda a: a.administered_at, reverse=True)


# -- drafts: text being typed, saved every couple of seconds ---------------------------------------------------
def save_draft(vault, key: str, text: str) -> None:
    with vault.write() as session:
        draft = session.get(Draft, key)
        if draft is None:
            session.add(Draft(key=key, text=text))
        else:
            draft.text = text


def load_draft(vault, key: str) -> str | None:
    with vault.read() as session:
        draft = session.get(Draft, key)
        return draft.text if draft else None


def discard_draft(vault, key: str) -> None:
    with vault.write() as session:
        draft = session.get(Draft, key)
        if draft is not None:
            session.delete(draft)


def pending_drafts(vault) -> list[Draft]:
    with vault.read() as session:
        return list(session.scalars(select(Draft).order_by(Draft.updated_at)))


def _get(session, model, record_id: str):
    record = session.get(model, record_id)
    if record is None:
        raise LookupError(f"{model.__tablename__} not found")
    return record


# -- figures derived from a loaded course (no queries) -----------------------------------------------------------
def method_sessions(course: Course) -> list[Session]:
    """The sessions of the method, 1 … n: what "session n / N", fidelity, the guarantee and the record count."""
    return sorted((s for s in course.sessions if is_method_session(s.kind)), key=lambda s: s.number)


def contacts(course: Course) -> list[Session]:
    """The other contacts of the course (phone calls, messages, meetings with a guardian …), oldest first."""
    return sorted((s for s in course.sessions if not is_method_session(s.kind)), key=lambda s: s.starts_at)


def attended_sessions(course: Course) -> list[Session]:
    return [s for s in course.sessions if s.attendance == "attended"]


def attended_method_sessions(course: Course) -> list[Session]:
    """Attended sessions of the course's method: what "finished" and the therapy guarantee count (a quick-logged
    phone call or guardian meeting is a contact, not a session of the method)."""
    return [s for s in attended_sessions(course) if is_method_session(s.kind)]


def first_treatment_date(course: Course) -> date | None:
    """The first attended session of the method: what stops the therapy guarantee's clock."""
    attended = attended_method_sessions(course)
    return min(s.starts_at for s in attended).date() if attended else None


def scores_by_instrument(course: Course) -> dict[str, list[Administration]]:
    """Scored administrations per instrument, oldest first (refused or partial ones are left out)."""
    series: dict[str, list[Administration]] = {}
    for administration in sorted(course.administrations, key=lambda a: a.administered_at):
        if administration.total is not None:
            series.setdefault(administration.instrument_id, []).append(administration)
    return series


def first_and_last_scores(course: Course) -> tuple[dict[str, float], dict[str, float]]:
    """The first and last total per instrument; `last` only where there are at least two measurements."""
    first, last = {}, {}
    for instrument_id, administrations in scores_by_instrument(course).items():
        first[instrument_id] = administrations[0].total
        if len(administrations) > 1:
            last[instrument_id] = administrations[-1].total
    return first, last


def handed_over_courses():
    """The ids of courses handed over from here (askel.store.handover): read-only copies of work that now goes on
    in a colleague's vault, so never an open session or a guarantee case here."""
    return select(HandedOverCourse.course_id)


def waiting_courses(vault) -> list[Course]:
    """Planned or active courses whose client has not yet attended a session: the guarantee list's candidates."""
    # NOT EXISTS looks up each open course in the (course_id, attendance) index; NOT IN read every attended session.
    attended = select(Session.id).where(Session.course_id == Course.id, Session.attendance == "attended",
                                        Session.kind == METHOD_SESSION).exists()
    with vault.read() as session:
        return list(session.scalars(
            select(Course)
            .where(Course.status.in_(("planned", "active")), Course.need_established.is_not(None), ~attended,
                   Course.id.not_in(handed_over_courses()))
            .options(selectinload(Course.client))
        ))


def open_courses(vault, client_id: str) -> list[Course]:
    """The client's active courses, then the planned ones, the newest first: the first is where a contact is logged
    by default (a course in progress before one still waiting to begin)."""
    with vault.read() as session:
        return list(session.scalars(
            select(Course).where(Course.client_id == client_id, Course.status.in_(("planned", "active")),
                                 Course.id.not_in(handed_over_courses()))
            .order_by(Course.status != "active", Course.created_at.desc())
        ))


def log_contact(vault, *, kind: str, starts_at: datetime, duration_minutes: int, notes: str,
                attendees: list[str], mode: str | None = None, course_id: str | None = None,
                client_id: str | None = None, protocol=None) -> Session:
    """A quick log: one closed row on `course_id`, or on a new course of `protocol` for `client_id`.

    `kind` is a contact kind (askel.core.contacts), or METHOD_SESSION only when the clinician says the contact was
    a session of the method: only then does it take the next session number."""
    _check_choice(kind, SESSION_KINDS, "session kind")
    if course_id is None:
        if client_id is None or protocol is None:
            raise ValueError("a contact is logged on a course, or on a new course of a method")
        course_id = start_course(vault, client_id, protocol.id, protocol.version).id
    fields = {"mode": mode} if mode else {}
    record = add_session(vault, course_id, starts_at, kind, attendance="attended",
                         duration_minutes=duration_minutes, notes=notes, attendees=attendees, **fields)
    return update_session(vault, record.id, closed=True)


@dataclass(frozen=True)
class Fidelity:
    """How closely the sessions followed the protocol: agenda items done and planned questionnaires given."""

    items_done: int
    items_planned: int
    sessions_missing_questionnaire: tuple[int, ...]
    # (session number, instrument id) of each planned questionnaire not given
    missing_questionnaires: tuple[tuple[int, str], ...] = ()

    @property
    def share_done(self) -> float | None:
        return self.items_done / self.items_planned if self.items_planned else None


def fidelity(course: Course, protocol, givable=None) -> Fidelity:
    """Agenda items done and planned questionnaires given, over the closed attended sessions of the method.

    `givable(instrument_id, age)` (the library's) leaves out what could not have been given: a licensed instrument
    without the organisation's wording pack, or one outside its age range, is never reported as missing."""
    from askel.core.content.guarantee import age_on

    planned_total = course.planned_sessions or protocol.session_count.planned
    group = getattr(course, "group", None)
    done = planned = 0
    missing: list[tuple[int, str]] = []
    for record in course.sessions:
        if not record.closed or record.attendance != "attended" or not is_method_session(record.kind):
            continue
        # A group session follows the group plan at the meeting's number, and its agenda is the group's.
        meeting = getattr(record, "group_meeting", None)
        if meeting is not None and group is not None:
            number, total, agenda = meeting.number, group.planned_sessions, meeting.agenda or {}
            template = meeting_template(protocol, meeting, total)
        else:
            number, total, agenda = record.number, planned_total, record.agenda or {}
            template = protocol.session_template(number, total)
        keys = [str(i) for i in range(len(template.agenda))] if template else []
        if course.has_dependants:
            keys.append("family")
        planned += len(keys)
        done += sum(1 for key in keys if agenda.get(key, {}).get("done"))
        age = age_on(course.client.birth_date, record.starts_at.date()) if givable is not None else None
        expected = [i for i in protocol.questionnaires_for(number, total)
                    if givable is None or givable(i, age)]
        given = {a.instrument_id for a in course.administrations if a.session_id == record.id}
        missing.extend((record.number, i) for i in expected if i not in given)
    numbers = tuple(dict.fromkeys(number for number, _ in missing))
    return Fidelity(done, planned, numbers, tuple(missing))


@dataclass(frozen=True)
class CaseCounts:
    """The clinician's courses of one method: started (begun, whatever became of them), completed, interrupted.

    A planned course that never began is not counted; a course finished without a session (the client never came)
    counts as started and interrupted, so `started >= completed + interrupted` always holds."""

    started: int = 0
    completed: int = 0
    interrupted: int = 0

    @property
    def ongoing(self) -> int:
        return self.started - self.completed - self.interrupted


def case_counts_by_method(vault) -> dict[str, CaseCounts]:
    """Method id → counts of the courses in this vault (one clinician per vault); methods without courses are absent."""
    with vault.read() as session:
        rows = session.execute(
            select(Course.method_id, Course.status, func.count(Course.id)).group_by(Course.method_id, Course.status)
        ).all()
    by_method: dict[str, dict[str, int]] = {}
    for method_id, status, count in rows:
        by_method.setdefault(method_id, {})[status] = count
    result = {}
    for method_id, statuses in by_method.items():
        started = sum(n for status, n in statuses.items() if status != "planned")
        if started:
            result[method_id] = CaseCounts(started, statuses.get("completed", 0), statuses.get("interrupted", 0))
    return result
