"""Groups (askel.core.groups): a group, its planned meetings, its members' courses, and running a meeting.

A member is a course of the group's method in the group's format (`Course.group_id`). A meeting, once started, has
one session row in each member's course (`Session.group_meeting_id`): the member's attendance, own note and homework.
Until the clinician marks a member's attendance, the row says "attended" with no one recorded present
(`attendees == []`), as an individual session says "attended" from its start; `is_marked` tells the two apart and a
meeting closes only when every member is marked. Everything of a meeting is written in one transaction with its
use-log entries (one per member, under that member).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from askel.core.contacts import METHOD_SESSION, next_number
from askel.core.groups import (
    GROUP_FORMATS,
    MAX_MEMBERS,
    MEETING_KINDS,
    PARENT_MEETING,
    attendees,
    clean_leaders,
)
from askel.store import audit
from askel.store.courses import finish_course, handed_over_courses
from askel.store.models import (
    ATTENDANCE,
    SESSION_MODES,
    Course,
    GroupMeeting,
    HandedOverCourse,
    Session,
    TherapyGroup,
    utcnow,
)

NAME_LIMIT = 100


class GroupError(ValueError):
    """A group change that cannot be made; `.reason` is a stable code the UI turns into its own sentence."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


# -- the group -------------------------------------------------------------------------------------------------
def create_group(vault, protocol, *, name: str, group_format: str, leaders, first_date: date | None,
                 interval_days: int = 7, planned_sessions: int | None = None,
                 parent_meetings: int = 0) -> TherapyGroup:
    """A group of `protocol` (which must have a group plan) with its meetings planned: the group sessions every
    `interval_days` from `first_date` (undated without one) and `parent_meetings` parents' meetings, undated."""
    plan = protocol.group
    if plan is None:
        raise GroupError("no_group_plan")
    if group_format not in GROUP_FORMATS or group_format not in plan.formats:
        raise GroupError("format")
    name = " ".join(name.split())
    if not name:
        raise GroupError("no_name")
    if len(name) > NAME_LIMIT:
        raise GroupError("name_too_long")
    leaders = clean_leaders(leaders)
    planned = planned_sessions or plan.session_count.planned
    if not plan.session_count.min <= planned <= plan.session_count.max:
        raise GroupError("planned")
    if not 0 <= parent_meetings <= 20:
        raise GroupError("parent_meetings")
    group = TherapyGroup(name=name, method_id=protocol.id, protocol_version=protocol.version, format=group_format,
                         leaders=leaders, planned_sessions=planned)
    for number in range(1, planned + 1):
        day = first_date + timedelta(days=interval_days * (number - 1)) if first_date else None
        group.meetings.append(GroupMeeting(kind=METHOD_SESSION, number=number, planned_date=day))
    for number in range(1, parent_meetings + 1):
        group.meetings.append(GroupMeeting(kind=PARENT_MEETING, number=number))
    with vault.write() as session:
        session.add(group)
        session.flush()
        audit.record(session, vault.actor, "create", target=f"group:{group.id}")
    return group


def update_group(vault, group_id: str, *, name: str, leaders) -> TherapyGroup:
    name = " ".join(name.split())
    if not name:
        raise GroupError("no_name")
    if len(name) > NAME_LIMIT:
        raise GroupError("name_too_long")
    leaders = clean_leaders(leaders)
    with vault.write() as session:
        group = _get(session, TherapyGroup, group_id)
        group.name, group.leaders = name, leaders
        audit.record(session, vault.actor, "change", target=f"group:{group.id}")
    return group


def load_group(vault, group_id: str) -> TherapyGroup:
    """The group with its meetings and its members' courses (client and sessions loaded)."""
    with vault.read() as session:
        group = session.get(TherapyGroup, group_id, options=[
            selectinload(TherapyGroup.meetings),
            selectinload(TherapyGroup.courses).selectinload(Course.client),
            selectinload(TherapyGroup.courses).selectinload(Course.sessions),
        ])
        if group is None:
            raise LookupError("group not found")
        group.handed_over = set(session.scalars(select(HandedOverCourse.course_id).join(
            Course, Course.id == HandedOverCourse.course_id).where(Course.group_id == group_id)))
        return group


@dataclass(frozen=True)
class GroupSummary:
    """A line of the groups list (no client data)."""

    id: str
    name: str
    method_id: str
    protocol_version: str
    format: str
    members: int  # members whose course goes on
    held: int  # group sessions started
    planned: int
    next_date: date | None  # the next planned meeting not yet started


def list_groups(vault) -> list[GroupSummary]:
    with vault.read() as session:
        groups = list(session.scalars(select(TherapyGroup).options(selectinload(TherapyGroup.meetings))
                                      .order_by(TherapyGroup.created_at.desc())))
        going_on = dict(session.execute(
            select(Course.group_id, func.count(Course.id))
            .where(Course.group_id.is_not(None), Course.status.in_(("planned", "active")),
                   Course.id.not_in(handed_over_courses()))
            .group_by(Course.group_id)).all())
    result = []
    for group in groups:
        held = sum(1 for m in group.meetings if m.kind == METHOD_SESSION and m.starts_at is not None)
        upcoming = [m.planned_date for m in group.meetings if m.starts_at is None and m.planned_date is not None]
        result.append(GroupSummary(group.id, group.name, group.method_id, group.protocol_version, group.format,
                                   going_on.get(group.id, 0), held, group.planned_sessions,
                                   min(upcoming) if upcoming else None))
    return result


# -- members ---------------------------------------------------------------------------------------------------
def sessions_started(group: TherapyGroup) -> int:
    return sum(1 for m in group.meetings if m.kind == METHOD_SESSION and m.starts_at is not None)


def add_member(vault, group_id: str, client_id: str, *, joined: date, join_reason: str = "",
               need_established: date | None = None) -> Course:
    """Make the client a member: their waiting course of the group's method and version (planned, no session yet)
    becomes the member's course, else a new one is started. A member who joins after the group has met is a late
    joiner and needs the reason; their plan is the group sessions still to come."""
    join_reason = join_reason.strip()
    with vault.write() as session:
        group = _get(session, TherapyGroup, group_id)
        existing = session.scalar(select(Course.id).where(
            Course.group_id == group_id, Course.client_id == client_id, Course.status.in_(("planned", "active"))))
        if existing is not None:
            raise GroupError("already_member")
        count = session.scalar(select(func.count(Course.id)).where(
            Course.group_id == group_id, Course.status.in_(("planned", "active")))) or 0
        if count >= MAX_MEMBERS:
            raise GroupError("full")
        started = sum(1 for m in group.meetings if m.kind == METHOD_SESSION and m.starts_at is not None)
        if started >= group.planned_sessions:
            raise GroupError("group_over")
        if started and not join_reason:
            raise GroupError("late_reason")
        course = session.scalars(
            select(Course).where(Course.client_id == client_id, Course.method_id == group.method_id,
                                 Course.protocol_version == group.protocol_version, Course.status == "planned",
                                 Course.group_id.is_(None), ~Course.sessions.any(),
                                 Course.id.not_in(handed_over_courses()))
            .order_by(Course.created_at)).first()
        if course is None:
            course = Course(client_id=client_id, method_id=group.method_id, protocol_version=group.protocol_version,
                            status="planned", need_established=need_established)
            session.add(course)
            action = "create"
        else:
            action = "change"
            if need_established is not None and course.need_established is None:
                course.need_established = need_established
        course.delivery_format = group.format
        course.group_id = group.id
        course.group_joined = joined
        course.group_join_reason = join_reason or None
        course.planned_sessions = group.planned_sessions - started
        session.flush()
        audit.record(session, vault.actor, action, client_id=client_id, target=f"course:{course.id}",
                     detail={"group": group.id, "joined": "late" if started else "start"})
    return course


def leave_group(vault, course_id: str, *, left: date, reason: str) -> Course:
    """The member leaves: their course ends as interrupted on `left`, the reason written as its end reason."""
    reason = reason.strip()
    if not reason:
        raise GroupError("leave_reason")
    with vault.read() as session:
        course = _get(session, Course, course_id)
        if course.group_id is None:
            raise GroupError("not_member")
        if course.status not in ("planned", "active"):
            raise GroupError("ended")
    return finish_course(vault, course_id, status="interrupted", end_date=left, reason=reason)


def members_on(group: TherapyGroup, day: date) -> list[Course]:
    """The members of a loaded group on `day`: joined by then, their course not ended before it, not handed over
    (a course handed over goes on in a colleague's vault)."""
    handed = getattr(group, "handed_over", set())

    def member(course: Course) -> bool:
        if course.id in handed or (course.group_joined is not None and course.group_joined > day):
            return False
        ended = course.status in ("completed", "interrupted")
        return not (ended and course.end_date is not None and course.end_date < day)

    return sorted((course for course in group.courses if member(course)), key=member_order)


def member_order(course: Course) -> tuple:
    client = course.client
    return (client.family_name.casefold(), client.given_names.casefold(), course.id)


# -- meetings --------------------------------------------------------------------------------------------------
def reschedule(vault, meeting_id: str, planned_date: date | None) -> GroupMeeting:
    with vault.write() as session:
        meeting = _get(session, GroupMeeting, meeting_id)
        if meeting.starts_at is not None:
            raise GroupError("already_started")
        meeting.planned_date = planned_date
        audit.record(session, vault.actor, "change", target=f"group:{meeting.group_id}",
                     detail={"meeting": meeting.id})
    return meeting


def add_parent_meeting(vault, group_id: str, planned_date: date | None) -> GroupMeeting:
    with vault.write() as session:
        group = _get(session, TherapyGroup, group_id)
        number = max((m.number for m in group.meetings if m.kind == PARENT_MEETING), default=0) + 1
        meeting = GroupMeeting(group_id=group.id, kind=PARENT_MEETING, number=number, planned_date=planned_date)
        session.add(meeting)
        session.flush()
        audit.record(session, vault.actor, "create", target=f"group:{group.id}", detail={"meeting": meeting.id})
    return meeting


def is_marked(record: Session) -> bool:
    """Whether the member's attendance at a group meeting has been marked (see the module docstring)."""
    return record.attendance != "attended" or bool(record.attendees)


def start_meeting(vault, meeting_id: str, starts_at: datetime) -> GroupMeeting:
    """Start (or, for one already started, bring up to date) a meeting: a session row in the course of every member
    of the group on its day that has none yet, unmarked. Returns the meeting."""
    with vault.write() as session:
        meeting = _get(session, GroupMeeting, meeting_id)
        if meeting.kind not in MEETING_KINDS:
            raise GroupError("kind")
        if meeting.closed:
            raise GroupError("closed")
        group = meeting.group
        if meeting.starts_at is None:
            if meeting.kind == METHOD_SESSION:
                earlier = [m for m in group.meetings if m.kind == METHOD_SESSION and m.number < meeting.number
                           and m.starts_at is None]
                if earlier:
                    raise GroupError("earlier_not_held")
            meeting.starts_at = starts_at
            audit.record(session, vault.actor, "create", target=f"group:{group.id}", detail={"meeting": meeting.id})
        handed = set(session.scalars(select(HandedOverCourse.course_id)))
        group.handed_over = handed
        have = set(session.scalars(select(Session.course_id).where(Session.group_meeting_id == meeting.id)))
        for course in members_on(group, meeting.starts_at.date()):
            if course.id in have or course.status in ("completed", "interrupted"):
                continue
            # Sessions of the method 1, 2, …; a parents' meeting is a contact, -1, -2, … (askel.core.contacts).
            number = next_number(meeting.kind, session.scalars(select(Session.number)
                                                               .where(Session.course_id == course.id)))
            record = Session(course_id=course.id, number=number, kind=meeting.kind, starts_at=meeting.starts_at,
                             mode=meeting.mode, attendance="attended", attendees=[], group_meeting_id=meeting.id,
                             homework_given=meeting.homework or "")
            session.add(record)
            if course.status == "planned" and meeting.kind == METHOD_SESSION:
                course.status = "active"
                course.start_date = course.start_date or meeting.starts_at.date()
            session.flush()
            audit.record(session, vault.actor, "create", client_id=course.client_id, target=f"session:{record.id}",
                         detail={"group_meeting": meeting.id})
    return meeting


@dataclass(frozen=True)
class MemberPart:
    """What the group session screen holds for one member: attendance (None while not marked), own note, and the
    homework exception ("" when the member has the group's homework)."""

    attendance: str | None
    note: str = ""
    homework_exception: str = ""


def load_meeting(vault, meeting_id: str) -> GroupMeeting:
    """The meeting with its group and the member session rows (course and client loaded), as `member_sessions`."""
    with vault.read() as session:
        meeting = session.get(GroupMeeting, meeting_id,
                              options=[selectinload(GroupMeeting.group).selectinload(TherapyGroup.meetings)])
        if meeting is None:
            raise LookupError("meeting not found")
        rows = list(session.scalars(
            select(Session).where(Session.group_meeting_id == meeting_id)
            .options(selectinload(Session.course).selectinload(Course.client),
                     selectinload(Session.course).selectinload(Course.administrations))))
        meeting.member_sessions = sorted(rows, key=lambda s: member_order(s.course))
        return meeting


def save_meeting(vault, meeting_id: str, *, agenda: dict, notes: str, homework: str, mode: str | None = None,
                 members: dict[str, MemberPart], close: bool = False, duration_minutes: int | None = None) -> None:
    """Write what the group session screen holds: the meeting and each member's part (`members` by session id).
    With `close`, every member must be marked; the meeting and each member's session close, each logged."""
    if mode is not None and mode not in SESSION_MODES:
        raise ValueError(f"unknown mode: {mode!r}")
    with vault.write() as session:
        meeting = _get(session, GroupMeeting, meeting_id)
        if meeting.closed:
            raise GroupError("closed")
        if meeting.starts_at is None:
            raise GroupError("not_started")
        meeting.agenda = {key: dict(value) for key, value in agenda.items()}
        meeting.notes, meeting.homework = notes, homework
        if mode is not None:
            meeting.mode = mode
        handed = set(session.scalars(select(HandedOverCourse.course_id)))
        rows = session.scalars(select(Session).where(Session.group_meeting_id == meeting_id)).all()
        if close and any(members.get(r.id, MemberPart(None)).attendance is None for r in rows
                         if r.course_id not in handed):
            raise GroupError("unmarked")
        group_format = meeting.group.format
        for record in rows:
            part = members.get(record.id)
            if part is None or record.course_id in handed or record.closed:
                continue
            if part.attendance is not None and part.attendance not in ATTENDANCE:
                raise ValueError(f"unknown attendance: {part.attendance!r}")
            record.attendance = part.attendance or "attended"
            record.attendees = (attendees(group_format, meeting.kind)
                                if part.attendance == "attended" else [])
            record.notes = part.note
            record.homework_given = part.homework_exception.strip() or homework
            record.mode = meeting.mode
            if close:
                record.closed = True
                record.duration_minutes = duration_minutes if record.attendance == "attended" else None
                client_id = session.scalar(select(Course.client_id).where(Course.id == record.course_id))
                audit.record(session, vault.actor, "change", client_id=client_id, target=f"session:{record.id}",
                             detail={"group_meeting": meeting.id, "closed": True})
        if close:
            meeting.closed = True
            meeting.duration_minutes = duration_minutes
            audit.record(session, vault.actor, "change", target=f"group:{meeting.group_id}",
                         detail={"meeting": meeting.id, "closed": True})
        meeting.updated_at = utcnow()


def open_meetings(vault) -> list[GroupMeeting]:
    """Meetings started but not closed (group loaded): offered back at the next start, as open sessions are."""
    with vault.read() as session:
        return list(session.scalars(
            select(GroupMeeting).where(GroupMeeting.starts_at.is_not(None), GroupMeeting.closed.is_(False))
            .order_by(GroupMeeting.starts_at).options(selectinload(GroupMeeting.group))))


def _get(session, model, record_id: str):
    record = session.get(model, record_id)
    if record is None:
        raise LookupError(f"{model.__tablename__} not found")
    return record
