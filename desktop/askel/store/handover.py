"""Handing a client over, as rows: what travels, how it is matched and merged, and what stays read-only.

What travels is every column of every row of the carried tables (CARRIED) that belongs to the chosen courses:
the client and guardians, the courses, their sessions and questionnaire administrations, and for a member of a
group the group and those of its meetings that the member's sessions belong to (what the group shared: its format,
leaders, agenda, group note and homework; never another member, whose courses stay where they are). Rows are turned into plain
JSON values column by column from the table definitions themselves, so a column added by a later migration travels
without new code (tests/unit/test_handover_rows.py fails when a table that refers to a client or a course is neither
carried nor listed in STAYS with its reason).

Receiving (`plan_import`, then `apply_import` in the same transaction):
- the client is matched by identity code or local identifier, never duplicated; a file whose identity code and
  local identifier point at two different clients here is refused;
- a course id already here is refused as a conflict, except a course this vault handed over itself: that course is
  coming back, and the returned version replaces the read-only copy;
- the client's details are taken from the file for a new client and for one this vault had handed over entirely
  (its copy here is stale); for a client who is being seen here, the details here stay as they are;
- a group or group meeting already here (a second member of the same group, or a course coming back) stays as it
  is here; one not here is added.

Giving marks the courses in `handed_over_course`; `guard` (installed on the vault's sessions) refuses any change to
such a course, to a client all of whose courses were handed over, and any new course for that client: the giver's
copy is read-only until it comes back or is removed after the receiver's receipt.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, Integer, LargeBinary, delete, event, func, select
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import sessionmaker

from askel.core import hetu as hetu_rules
from askel.core.i18n import QT_TRANSLATE_NOOP, Message, message
from askel.store.models import (
    Administration,
    Client,
    Course,
    GroupMeeting,
    Guardian,
    HandedOverCourse,
    Handover,
    Session,
    TherapyGroup,
    utcnow,
)

_CONTEXT = "Handover"

# The tables that travel, in the order they are inserted (each refers only to tables before it).
CARRIED = (Client, Guardian, TherapyGroup, GroupMeeting, Course, Session, Administration)
# Tables a handover file made before groups existed does not have: read as empty.
SINCE_GROUPS = (TherapyGroup, GroupMeeting)
# Tables that refer to a client or a course but stay with the vault that wrote them, and why.
STAYS = {
    "audit_event": "the use log belongs to the vault that wrote it; each end logs the handover itself",
    "export_record": "the disclosure log belongs to the vault that disclosed; each end logs the handover itself",
    "handover": "each end keeps its own record of the handover",
    "handed_over_course": "the giver's read-only marks",
    "draft": "text being typed in this vault (a mentoring case summary), not part of the record",
}
MAX_ROWS = 100_000  # per table in one file: far above any real course, a bound for a hostile file


class HandoverRefused(Exception):
    """A handover that cannot go ahead: `.message` in the user's language, `.reason` a stable code for the log.

    Neither carries client data (a name or identity code never appears in them)."""

    def __init__(self, reason: str, msg: Message):
        self.reason = reason
        self.message = msg
        super().__init__(msg.english())


def refused(reason: str, text: str, **args: object) -> HandoverRefused:
    return HandoverRefused(reason, message(_CONTEXT, text, **args))


class HandedOver(HandoverRefused):
    """A change to a course (or client) this vault handed over: its copy here is read-only."""


# -- rows as plain values ----------------------------------------------------------------------------------------
def _columns(model) -> list:
    return list(model.__table__.columns)


def row_values(record) -> dict:
    """Every column of a row as JSON values (dates as ISO text, bytes as base64)."""
    values = {}
    for column in _columns(type(record)):
        value = getattr(record, column.key)
        if isinstance(value, datetime | date):
            value = value.isoformat()
        elif isinstance(value, bytes | bytearray):
            value = base64.b64encode(bytes(value)).decode("ascii")
        values[column.key] = value
    return values


def _decode(column, value):
    if value is None:
        return None
    kind = column.type
    if isinstance(kind, DateTime):
        return datetime.fromisoformat(value).replace(tzinfo=None)
    if isinstance(kind, Date):
        return date.fromisoformat(value)
    if isinstance(kind, LargeBinary):
        return base64.b64decode(value, validate=True)
    if isinstance(kind, JSON):
        if not isinstance(value, dict | list):
            raise ValueError("not JSON data")
        return value
    if isinstance(kind, Boolean):
        if not isinstance(value, bool):
            raise ValueError("not a boolean")
        return value
    if isinstance(kind, Integer):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError("not an integer")
        return value
    if isinstance(kind, Float):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError("not a number")
        return float(value)
    if not isinstance(value, str):
        raise ValueError("not text")
    if getattr(kind, "length", None) and len(value) > kind.length:
        raise ValueError("text too long")
    return value


def decode_row(model, values: dict) -> dict:
    """Column values for `model` from `row_values` output; columns this schema no longer has are left out.

    ValueError when a value does not fit its column or a required column is missing."""
    if not isinstance(values, dict):
        raise ValueError("a row is not an object")
    decoded = {}
    for column in _columns(model):
        if column.key in values:
            decoded[column.key] = _decode(column, values[column.key])
            if decoded[column.key] is None and not column.nullable:
                raise ValueError(f"{model.__tablename__}.{column.key} may not be empty")
        elif not column.nullable and column.default is None and column.server_default is None:
            raise ValueError(f"{model.__tablename__}.{column.key} is missing")
    return decoded


# -- giving ------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Rows:
    """The rows of one handover, as `row_values` gives them, by table name."""

    client: dict
    guardians: list[dict]
    courses: list[dict]
    sessions: list[dict]
    administrations: list[dict]
    groups: list[dict] = field(default_factory=list)
    meetings: list[dict] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"client": self.client, "guardian": self.guardians, "therapy_group": self.groups,
                "group_meeting": self.meetings, "course": self.courses, "session": self.sessions,
                "administration": self.administrations}


def collect(session: OrmSession, client_id: str, course_ids: list[str]) -> Rows:
    """The client and the chosen courses with everything in them. Refused when a course is not the client's, was
    already handed over from here, or none is chosen."""
    client = session.get(Client, client_id)
    if client is None:
        raise LookupError("client not found")
    if not course_ids:
        raise refused("no_courses", QT_TRANSLATE_NOOP("Handover", "Choose at least one course to hand over."))
    courses = [session.get(Course, course_id) for course_id in dict.fromkeys(course_ids)]
    if any(course is None or course.client_id != client_id for course in courses):
        raise LookupError("course not found for this client")
    if handed_over_ids(session, [course.id for course in courses]):
        raise refused("already_given", QT_TRANSLATE_NOOP(
            "Handover", "A chosen course was already handed over from here; its copy here is read-only."))
    courses.sort(key=lambda course: (course.created_at, course.id))
    ids = [course.id for course in courses]
    guardians = session.scalars(select(Guardian).where(Guardian.client_id == client_id)
                                .order_by(Guardian.position, Guardian.id))
    sessions = session.scalars(select(Session).where(Session.course_id.in_(ids))
                               .order_by(Session.course_id, Session.number, Session.id))
    administrations = session.scalars(select(Administration).where(Administration.course_id.in_(ids))
                                      .order_by(Administration.course_id, Administration.administered_at,
                                                Administration.id))
    sessions = list(sessions)
    group_ids = sorted({course.group_id for course in courses if course.group_id})
    meeting_ids = sorted({s.group_meeting_id for s in sessions if s.group_meeting_id})
    groups = session.scalars(select(TherapyGroup).where(TherapyGroup.id.in_(group_ids)).order_by(TherapyGroup.id))
    meetings = session.scalars(select(GroupMeeting).where(GroupMeeting.id.in_(meeting_ids))
                               .order_by(GroupMeeting.id))
    return Rows(row_values(client), [row_values(g) for g in guardians], [row_values(c) for c in courses],
                [row_values(s) for s in sessions], [row_values(a) for a in administrations],
                [row_values(g) for g in groups], [row_values(m) for m in meetings])


def mark_given(session: OrmSession, *, handover_id: str, client_id: str, course_ids: list[str], receiver_name: str,
               mode: str, secret: bytes, file_sha256: str) -> Handover:
    """The giver's record of a handover, and its courses marked read-only (in the caller's transaction)."""
    record = Handover(id=handover_id, direction="given", state="kept" if mode == "keep" else "awaiting_receipt",
                      at=utcnow(), client_id=client_id, course_ids=list(course_ids), counterpart_name=receiver_name,
                      mode=mode, secret=secret, file_sha256=file_sha256)
    session.add(record)
    session.flush()
    session.add_all(HandedOverCourse(course_id=course_id, handover_id=handover_id) for course_id in course_ids)
    session.flush()
    return record


# -- read-only ---------------------------------------------------------------------------------------------------
def handed_over_ids(session: OrmSession, course_ids) -> set[str]:
    course_ids = list(course_ids)
    if not course_ids:
        return set()
    return set(session.scalars(select(HandedOverCourse.course_id).where(HandedOverCourse.course_id.in_(course_ids))))


def client_handed_over(session: OrmSession, client_id: str) -> bool:
    """True when the client has courses and every one of them was handed over from here."""
    total = session.scalar(select(func.count()).select_from(Course).where(Course.client_id == client_id)) or 0
    if not total:
        return False
    given = session.scalar(select(func.count()).select_from(HandedOverCourse).join(
        Course, Course.id == HandedOverCourse.course_id).where(Course.client_id == client_id)) or 0
    return given == total


@dataclass(frozen=True)
class HandoverMark:
    """What the client and course pages say about a handed-over course."""

    course_id: str
    handover_id: str
    receiver_name: str
    at: datetime
    awaiting_receipt: bool


def marks_for_client(vault, client_id: str) -> dict[str, HandoverMark]:
    """Handed-over courses of one client, by course id."""
    with vault.read() as session:
        rows = session.execute(
            select(HandedOverCourse.course_id, Handover.id, Handover.counterpart_name, Handover.at, Handover.state)
            .join(Handover, Handover.id == HandedOverCourse.handover_id)
            .join(Course, Course.id == HandedOverCourse.course_id)
            .where(Course.client_id == client_id)
        )
        return {row[0]: HandoverMark(row[0], row[1], row[2], row[3], row[4] == "awaiting_receipt") for row in rows}


_GUARD_KEY = "askel_handover_import"


def guard(sessions: sessionmaker) -> None:
    """Refuse, at flush, any change to a course or client that this vault handed over (see the module docstring)."""
    event.listen(sessions, "before_flush", _before_flush)


def _before_flush(session: OrmSession, _context, _instances) -> None:
    if session.info.get(_GUARD_KEY):
        return
    changed = [record for record in session.dirty if session.is_modified(record)]
    courses: set[str] = set()
    clients: set[str] = set()
    for record in [*session.new, *changed]:
        if isinstance(record, Session | Administration):
            courses.add(record.course_id)
        elif isinstance(record, Course):
            if record in session.new:
                clients.add(record.client_id)
            else:
                courses.add(record.id)
        elif isinstance(record, Client) and record not in session.new:
            clients.add(record.id)
        elif isinstance(record, Guardian):
            clients.add(record.client_id)
    for record in session.deleted:
        if isinstance(record, Guardian):
            clients.add(record.client_id)
    if not courses and not clients:
        return
    with session.no_autoflush:
        if handed_over_ids(session, {c for c in courses if c}) or any(
                client_handed_over(session, client_id) for client_id in clients if client_id):
            raise HandedOver("handed_over", message(_CONTEXT, QT_TRANSLATE_NOOP(
                "Handover", "This was handed over to another clinician: the copy here can no longer be changed.")))


# -- receiving ---------------------------------------------------------------------------------------------------
@dataclass
class Plan:
    """How a handover lands in this vault."""

    client_id: str  # the client's id here (the file's for a new client)
    client_state: str  # "new", "matched" (details here are kept) or "returning" (details taken from the file)
    new_courses: list[str] = field(default_factory=list)
    returning_courses: list[str] = field(default_factory=list)


def plan_import(session: OrmSession, rows: dict) -> Plan:
    """Match the client and check every course; HandoverRefused on a conflict. Reads only."""
    client = rows["client"]
    hetu, local_id = client.get("hetu"), client.get("local_id")
    by_hetu = session.scalar(select(Client).where(Client.hetu == hetu)) if hetu else None
    by_local = session.scalar(select(Client).where(Client.local_id == local_id)) if local_id else None
    if by_hetu is not None and by_local is not None and by_hetu.id != by_local.id:
        raise refused("two_clients", QT_TRANSLATE_NOOP(
            "Handover", "The client in the file matches two different clients here (one by identity code, one by "
                        "local identifier). Nothing was imported."))
    if by_hetu is None and by_local is not None and hetu and by_local.hetu and by_local.hetu != hetu:
        raise refused("identity_differs", QT_TRANSLATE_NOOP(
            "Handover", "A client here has the same local identifier but another identity code. Nothing was "
                        "imported."))
    match = by_hetu or by_local
    if match is None and session.get(Client, client["id"]) is not None:
        raise refused("course_conflict", QT_TRANSLATE_NOOP(
            "Handover", "The file does not fit the data here (a record with the same identifier is another "
                        "client's). Nothing was imported."))
    if match is None:
        plan = Plan(client["id"], "new")
    else:
        plan = Plan(match.id, "returning" if client_handed_over(session, match.id) else "matched")
    for course in rows["course"]:
        existing = session.get(Course, course["id"])
        if existing is None:
            plan.new_courses.append(course["id"])
        elif existing.client_id == plan.client_id and handed_over_ids(session, [existing.id]):
            plan.returning_courses.append(course["id"])
        else:
            raise refused("course_conflict", QT_TRANSLATE_NOOP(
                "Handover", "A course in the file is already in use here. Two copies of one course would go "
                            "different ways, so nothing was imported."))
    returning = set(plan.returning_courses)
    for model, key in ((Session, "session"), (Administration, "administration")):
        for row in rows[key]:
            existing = session.get(model, row["id"])
            if existing is not None and existing.course_id not in returning:
                raise refused("course_conflict", QT_TRANSLATE_NOOP(
                    "Handover", "A course in the file is already in use here. Two copies of one course would go "
                                "different ways, so nothing was imported."))
    if plan.client_state != "matched":
        for row in rows["guardian"]:
            existing = session.get(Guardian, row["id"])
            if existing is not None and existing.client_id != plan.client_id:
                raise refused("course_conflict", QT_TRANSLATE_NOOP(
                    "Handover", "The file does not fit the data here (a record with the same identifier is another "
                                "client's). Nothing was imported."))
    return plan


def apply_import(session: OrmSession, rows: dict, plan: Plan) -> None:
    """Write the handover's rows as planned, in the caller's transaction (all of it commits, or none)."""
    session.info[_GUARD_KEY] = True
    try:
        _apply(session, rows, plan)
    finally:
        session.info.pop(_GUARD_KEY, None)


def _apply(session: OrmSession, rows: dict, plan: Plan) -> None:
    if plan.returning_courses:
        session.execute(delete(HandedOverCourse).where(HandedOverCourse.course_id.in_(plan.returning_courses)))
        for course_id in plan.returning_courses:
            session.delete(session.get(Course, course_id))
        session.flush()
    client_values = decode_row(Client, rows["client"])
    if plan.client_state == "new":
        session.add(Client(**client_values))
    elif plan.client_state == "returning":
        client = session.get(Client, plan.client_id)
        for key, value in client_values.items():
            if key not in ("id", "local_id"):
                setattr(client, key, value)
        for guardian in session.scalars(select(Guardian).where(Guardian.client_id == plan.client_id)):
            session.delete(guardian)
    session.flush()
    if plan.client_state != "matched":
        session.add_all(Guardian(**{**decode_row(Guardian, row), "client_id": plan.client_id})
                        for row in rows["guardian"])
    for model, key in ((TherapyGroup, "therapy_group"), (GroupMeeting, "group_meeting")):
        session.add_all(model(**decode_row(model, row)) for row in rows.get(key, [])
                        if session.get(model, row["id"]) is None)
        session.flush()
    session.add_all(Course(**{**decode_row(Course, row), "client_id": plan.client_id}) for row in rows["course"])
    session.flush()
    session.add_all(Session(**decode_row(Session, row)) for row in rows["session"])
    session.flush()
    session.add_all(Administration(**decode_row(Administration, row)) for row in rows["administration"])
    session.flush()


def check_rows(rows: object) -> dict:
    """The rows part of an opened file, checked for shape and for every value fitting its column (ValueError)."""
    if not isinstance(rows, dict):
        raise ValueError("rows missing")
    checked = {"client": rows.get("client")}
    client = decode_row(Client, checked["client"])
    if client.get("hetu") is not None:
        try:
            if hetu_rules.parse(client["hetu"]).code != client["hetu"]:
                raise ValueError("identity code not in its standard form")
        except hetu_rules.HetuError as error:
            raise ValueError("not a valid identity code") from error
    course_ids, group_ids, meeting_ids = set(), set(), set()
    for model in CARRIED[1:]:
        table = model.__tablename__
        values = rows.get(table, [] if model in SINCE_GROUPS else None)
        if not isinstance(values, list) or len(values) > MAX_ROWS:
            raise ValueError(f"{table} rows missing")
        for row in values:
            decoded = decode_row(model, row)
            if model is Guardian and decoded.get("client_id") != checked["client"]["id"]:
                raise ValueError("a guardian of another client")
            if model is TherapyGroup:
                group_ids.add(decoded["id"])
            if model is GroupMeeting:
                if decoded.get("group_id") not in group_ids:
                    raise ValueError("a meeting of a group not in the file")
                meeting_ids.add(decoded["id"])
            if model is Course:
                if decoded.get("client_id") != checked["client"]["id"]:
                    raise ValueError("a course of another client")
                if decoded.get("group_id") is not None and decoded["group_id"] not in group_ids:
                    raise ValueError("a course of a group not in the file")
                course_ids.add(decoded["id"])
            if model in (Session, Administration) and decoded.get("course_id") not in course_ids:
                raise ValueError("a row of a course not in the file")
            if model is Session and decoded.get("group_meeting_id") not in (None, *meeting_ids):
                raise ValueError("a session of a group meeting not in the file")
        checked[table] = values
    if not course_ids:
        raise ValueError("no course in the file")
    return checked


def received(session: OrmSession, handover_id: str) -> Handover | None:
    return session.get(Handover, handover_id)


def record_received(session: OrmSession, *, handover_id: str, client_id: str, course_ids: list[str],
                    giver_name: str, giver_installation: str, giver_key: str, mode: str, secret: bytes,
                    file_sha256: str) -> Handover:
    record = Handover(id=handover_id, direction="received", state="received", at=utcnow(), client_id=client_id,
                      course_ids=list(course_ids), counterpart_name=giver_name,
                      counterpart_installation=giver_installation, counterpart_key=giver_key, mode=mode,
                      secret=secret, file_sha256=file_sha256)
    session.add(record)
    session.flush()
    return record


def remove_given(session: OrmSession, record: Handover) -> tuple[list[str], bool]:
    """After the receipt: remove the courses still marked as handed over by `record`, and the client when no course
    is left. Returns (removed course ids, whether the client was removed)."""
    course_ids = list(session.scalars(select(HandedOverCourse.course_id)
                                      .where(HandedOverCourse.handover_id == record.id)))
    session.execute(delete(HandedOverCourse).where(HandedOverCourse.handover_id == record.id))
    for course_id in course_ids:
        course = session.get(Course, course_id)
        if course is not None:
            session.delete(course)
    session.flush()
    client_removed = False
    client = session.get(Client, record.client_id)
    if client is not None and not session.scalar(
            select(func.count()).select_from(Course).where(Course.client_id == client.id)):
        session.delete(client)
        client_removed = True
    record.state, record.done_at = "removed", utcnow()
    session.flush()
    return course_ids, client_removed
