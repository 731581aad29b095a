"""The data model. Every table lives inside the SQLCipher database; nothing here is ever written elsewhere.

Identifiers are strings (UUIDs, local ids), not integers, so that exports can name records stably.
Times are stored in UTC; the UI shows them in local time.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    false,
    func,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from askel.store.db import Base

_ID_SOURCE: ContextVar[Callable[[], str] | None] = ContextVar("askel_id_source", default=None)


def new_id() -> str:
    source = _ID_SOURCE.get()
    return str(uuid.uuid4()) if source is None else source()


@contextmanager
def ids_from(source: Callable[[], str]) -> Iterator[None]:
    """New rows take their ids from `source` in this block (the demo's seeded generator, so that the same seed
    gives the same ids); elsewhere they are random UUIDs."""
    token = _ID_SOURCE.set(source)
    try:
        yield
    finally:
        _ID_SOURCE.reset(token)


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


ROLES = ("nurse", "public_health_nurse", "psychologist", "school_psychologist", "social_worker", "other")
COURSE_STATUSES = ("planned", "active", "completed", "interrupted")
SESSION_MODES = ("in_person", "phone", "video")
ATTENDANCE = ("attended", "cancelled", "no_show")
RESPONDENTS = ("client", "parent", "clinician")
NEXT_STEPS = ("none", "follow_up", "step_up", "specialised_care")
REFERENCE_SEXES = ("female", "male")
GUARANTEE_EXCEPTIONS = ("medical", "treatment", "other")  # the law's medical, treatment-related or comparable reasons


class Clinician(Base):
    """The person using this installation (one profile per vault)."""

    __tablename__ = "clinician"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(100), default="", server_default="")  # e.g. "sairaanhoitaja (AMK)"
    terhikki: Mapped[str] = mapped_column(String(11), default="", server_default="")  # Valvira registration number
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    methods: Mapped[list[ClinicianMethod]] = relationship(back_populates="clinician", cascade="all, delete-orphan")


class ClinicianMethod(Base):
    """A method the clinician is trained in, training for, or mentoring others in."""

    __tablename__ = "clinician_method"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    clinician_id: Mapped[str] = mapped_column(ForeignKey("clinician.id", ondelete="CASCADE"))
    method_id: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))  # trained / in_training / mentor
    since: Mapped[date | None] = mapped_column(Date)
    until: Mapped[date | None] = mapped_column(Date)
    clinician: Mapped[Clinician] = relationship(back_populates="methods")


class Client(Base):
    __tablename__ = "client"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    # Shown and exported when there is no HETU; unique within the vault.
    local_id: Mapped[str] = mapped_column(String(16), unique=True)
    hetu: Mapped[str | None] = mapped_column(String(11), unique=True)
    given_names: Mapped[str] = mapped_column(String(100))
    family_name: Mapped[str] = mapped_column(String(100))
    # Lower-case copies for prefix search through an index (search as you type must stay fast).
    given_key: Mapped[str] = mapped_column(String(100))
    family_key: Mapped[str] = mapped_column(String(100))
    birth_date: Mapped[date] = mapped_column(Date, index=True)
    language: Mapped[str] = mapped_column(String(2), default="fi")
    school_or_unit: Mapped[str | None] = mapped_column(String(200))
    non_disclosure: Mapped[bool] = mapped_column(Boolean, default=False)
    # Sex for reference values (AUDIT-C limits): "female", "male" or None; entered by the clinician, never derived.
    reference_sex: Mapped[str | None] = mapped_column(String(8))
    phone: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    guardians: Mapped[list[Guardian]] = relationship(
        back_populates="client", cascade="all, delete-orphan", order_by="Guardian.position"
    )
    courses: Mapped[list[Course]] = relationship(back_populates="client", cascade="all, delete-orphan")

    @property
    def display_name(self) -> str:
        return f"{self.family_name}, {self.given_names}"


class Guardian(Base):
    __tablename__ = "guardian"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    client_id: Mapped[str] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(100))
    relation: Mapped[str | None] = mapped_column(String(40))
    phone: Mapped[str | None] = mapped_column(String(40))
    client: Mapped[Client] = relationship(back_populates="guardians")


class Course(Base):
    """A course of treatment (hoitojakso): one method, kept on the protocol version it started with."""

    __tablename__ = "course"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    client_id: Mapped[str] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"), index=True)
    method_id: Mapped[str] = mapped_column(String(64))
    protocol_version: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), default="planned")
    need_established: Mapped[date | None] = mapped_column(Date)
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    planned_sessions: Mapped[int | None] = mapped_column(Integer)
    focus_area: Mapped[str | None] = mapped_column(String(64))
    icd10: Mapped[str | None] = mapped_column(String(8))
    goal: Mapped[str | None] = mapped_column(Text)
    next_step: Mapped[str | None] = mapped_column(String(32))
    end_reason: Mapped[str | None] = mapped_column(Text)
    usefulness: Mapped[int | None] = mapped_column(Integer)  # the client's rating 1-4
    care_step: Mapped[int | None] = mapped_column(Integer)  # stepped care 1-4, recorded by the clinician
    referral_source: Mapped[str | None] = mapped_column(String(32))
    referral_reference: Mapped[str | None] = mapped_column(String(64))  # e.g. a Terapianavigaattori code
    has_dependants: Mapped[bool | None] = mapped_column(Boolean)
    # A therapy-guarantee exception the clinician recorded: "medical", "treatment" or "other" (comparable reasons),
    # with the reason written out.
    guarantee_exception: Mapped[str | None] = mapped_column(String(16))
    guarantee_exception_note: Mapped[str | None] = mapped_column(Text)
    # askel.core.groups: "individual", or the format of the group the course is held in. A member of a group keeps
    # the group, the day they joined it and, for a late joiner, why; leaving ends the course (interrupted, with the
    # reason as its end reason).
    delivery_format: Mapped[str] = mapped_column(String(16), default="individual", server_default="individual")
    group_id: Mapped[str | None] = mapped_column(ForeignKey("therapy_group.id", ondelete="SET NULL"), index=True)
    group_joined: Mapped[date | None] = mapped_column(Date)
    group_join_reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    client: Mapped[Client] = relationship(back_populates="courses")
    group: Mapped[TherapyGroup | None] = relationship(back_populates="courses")
    sessions: Mapped[list[Session]] = relationship(
        back_populates="course", cascade="all, delete-orphan", order_by="Session.number"
    )
    administrations: Mapped[list[Administration]] = relationship(
        back_populates="course", cascade="all, delete-orphan", order_by="Administration.administered_at"
    )


class Session(Base):
    """One session / visit (tapaaminen, käynti): agenda progress, notes and homework."""

    __tablename__ = "session"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    course_id: Mapped[str] = mapped_column(ForeignKey("course.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    # askel.core.contacts: "method" for a session of the course's method, else the kind of contact.
    kind: Mapped[str] = mapped_column(String(24), default="method", server_default="method")
    starts_at: Mapped[datetime] = mapped_column(DateTime)  # local wall-clock time of the visit, as in the record
    mode: Mapped[str] = mapped_column(String(16), default="in_person")
    attendance: Mapped[str] = mapped_column(String(16), default="attended")
    duration_minutes: Mapped[int | None] = mapped_column(Integer)
    attendees: Mapped[list] = mapped_column(JSON, default=list)
    agenda: Mapped[dict] = mapped_column(JSON, default=dict)  # agenda item id -> {"done": bool, "note": str}
    notes: Mapped[str] = mapped_column(Text, default="")
    homework_given: Mapped[str] = mapped_column(Text, default="")
    homework_review: Mapped[str] = mapped_column(Text, default="")
    closed: Mapped[bool] = mapped_column(Boolean, default=False)
    planned_minutes: Mapped[int | None] = mapped_column(Integer)  # the visit's planned length (the session clock)
    next_appointment: Mapped[datetime | None] = mapped_column(DateTime)  # local wall-clock time, agreed at the close
    # The group meeting this row is the member's part of (askel.store.groups): the member's attendance, own note
    # and homework are here, what the group shared is in the meeting.
    group_meeting_id: Mapped[str | None] = mapped_column(ForeignKey("group_meeting.id", ondelete="SET NULL"),
                                                         index=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    course: Mapped[Course] = relationship(back_populates="sessions")
    group_meeting: Mapped[GroupMeeting | None] = relationship()


class TherapyGroup(Base):
    """A group of one method (askel.core.groups): its format, leaders and planned meetings. The members are the
    courses that name it; the vault stays its leader's own (a co-leader is a name, not a user)."""

    __tablename__ = "therapy_group"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(100))
    method_id: Mapped[str] = mapped_column(String(64))  # the protocol, as on a course
    protocol_version: Mapped[str] = mapped_column(String(32))
    format: Mapped[str] = mapped_column(String(16))  # one of askel.core.groups.GROUP_FORMATS
    leaders: Mapped[list] = mapped_column(JSON, default=list)  # one or two names
    planned_sessions: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    meetings: Mapped[list[GroupMeeting]] = relationship(
        back_populates="group", cascade="all, delete-orphan", order_by="GroupMeeting.number"
    )
    courses: Mapped[list[Course]] = relationship(back_populates="group")


class GroupMeeting(Base):
    """One planned or held meeting of a group: a group session of the method or a parents' meeting, numbered per
    kind. What the members share is here (the agenda, the group note, the group's homework); each member's part is
    a session row of the member's course that names the meeting."""

    __tablename__ = "group_meeting"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    group_id: Mapped[str] = mapped_column(ForeignKey("therapy_group.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(24), default="method")  # askel.core.groups.MEETING_KINDS
    number: Mapped[int] = mapped_column(Integer)
    planned_date: Mapped[date | None] = mapped_column(Date)
    starts_at: Mapped[datetime | None] = mapped_column(DateTime)  # local wall-clock time, once it has started
    duration_minutes: Mapped[int | None] = mapped_column(Integer)
    mode: Mapped[str] = mapped_column(String(16), default="in_person")
    agenda: Mapped[dict] = mapped_column(JSON, default=dict)  # agenda item id -> {"done": bool, "note": str}
    notes: Mapped[str] = mapped_column(Text, default="")  # the group note: goes into every attending member's record
    homework: Mapped[str] = mapped_column(Text, default="")  # given to the group; a member may have an exception
    closed: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    group: Mapped[TherapyGroup] = relationship(back_populates="meetings")


class Administration(Base):
    """One questionnaire given once: answers as given, and the score exactly as the engine computed it."""

    __tablename__ = "administration"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    course_id: Mapped[str] = mapped_column(ForeignKey("course.id", ondelete="CASCADE"), index=True)
    session_id: Mapped[str | None] = mapped_column(ForeignKey("session.id", ondelete="SET NULL"))
    instrument_id: Mapped[str] = mapped_column(String(32))
    instrument_version: Mapped[str] = mapped_column(String(32))
    respondent: Mapped[str] = mapped_column(String(16), default="client")
    self_completed: Mapped[bool] = mapped_column(Boolean, default=False)
    language: Mapped[str] = mapped_column(String(2), default="fi")
    answers: Mapped[dict] = mapped_column(JSON, default=dict)
    total: Mapped[float | None] = mapped_column(Float)
    subscales: Mapped[dict] = mapped_column(JSON, default=dict)
    band: Mapped[str | None] = mapped_column(String(32))
    # What the score said (askel.core.content.statement): the band set the band is from, prorated and the questions
    # not answered, the reference groups' limits when the sex for reference values was not recorded, the wording.
    band_set: Mapped[str | None] = mapped_column(String(32))
    prorated: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    missing_items: Mapped[list] = mapped_column(JSON, default=list, server_default="[]")
    limits: Mapped[list] = mapped_column(JSON, default=list, server_default="[]")
    wording: Mapped[dict | None] = mapped_column(JSON)
    alerts: Mapped[list] = mapped_column(JSON, default=list)
    alert_acknowledged_at: Mapped[datetime | None] = mapped_column(DateTime)
    alert_action_note: Mapped[str | None] = mapped_column(Text)
    # For a minor with a risk answer: whether a guardian was informed (None: not yet recorded; False: the clinician
    # decided not to, the note says why), the note (who, how) and when it was recorded.
    guardian_informed: Mapped[bool | None] = mapped_column(Boolean)
    guardian_note: Mapped[str | None] = mapped_column(Text)
    guardian_recorded_at: Mapped[datetime | None] = mapped_column(DateTime)
    administered_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    course: Mapped[Course] = relationship(back_populates="administrations")


class Draft(Base):
    """Text being typed, saved every couple of seconds so that a crash loses almost nothing."""

    __tablename__ = "draft"
    key: Mapped[str] = mapped_column(String(120), primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class AuditEvent(Base):
    """The use and disclosure log: append-only (triggers refuse UPDATE and DELETE) and hash-chained."""

    __tablename__ = "audit_event"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(32))
    workstation: Mapped[str] = mapped_column(String(255))
    action: Mapped[str] = mapped_column(String(32))
    client_id: Mapped[str | None] = mapped_column(String(36), index=True)
    target: Mapped[str] = mapped_column(String(255), default="")
    success: Mapped[bool] = mapped_column(Boolean, default=True)
    detail: Mapped[dict] = mapped_column(JSON, default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class ExportRecord(Base):
    """What left the vault: kind, language, destination, checksum, who and when (also a disclosure entry).

    Append-only (triggers refuse UPDATE, DELETE and an INSERT over a row) and bound into the use log's chain: the
    audit event of each row carries the hash of the row (askel.store.audit.export_row_hash). A file the user named
    is recorded by a keyed pseudonym of its path, not the path (a file name may hold a client's name).
    """

    __tablename__ = "export_record"
    written_to = None  # not stored: the path just written, for the message to the user
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(100))
    client_id: Mapped[str | None] = mapped_column(String(36), index=True)
    course_id: Mapped[str | None] = mapped_column(String(36), index=True)
    session_id: Mapped[str | None] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(16))  # text / pdf / fhir / csv ...
    language: Mapped[str] = mapped_column(String(2))
    destination: Mapped[str] = mapped_column(String(500))
    recipient: Mapped[str] = mapped_column(String(200), default="")
    basis: Mapped[str] = mapped_column(String(200), default="")
    checksum: Mapped[str] = mapped_column(String(64))
    # What an export for the record said, for the next one (see export.record_facts and export.fhir): digests of
    # its need and plan facts, and for FHIR its document identity. None for other kinds and older rows.
    facts: Mapped[dict | None] = mapped_column(JSON, nullable=True)


class KeyState(Base):
    """One row: the generation of the key file that last opened this database (see askel.store.keyfile)."""

    __tablename__ = "key_state"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    generation: Mapped[int] = mapped_column(Integer, default=0)


class Installation(Base):
    """This installation's identity (one row, made with the vault): see askel.store.installation."""

    __tablename__ = "installation"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    signing_key: Mapped[bytes] = mapped_column(LargeBinary(32))  # Ed25519 private key, raw
    pseudonym_secret: Mapped[bytes] = mapped_column(LargeBinary(32))  # HMAC key for stable pseudonyms


class Handover(Base):
    """One client's courses handed from one Askel to another, as this vault saw it (see askel.export.handover).

    `direction` "given" or "received"; `state` for a given one "kept" (this vault keeps a read-only copy),
    "awaiting_receipt" (removed once the receiver's receipt is read) or "removed", for a received one "received".
    `secret` proves a receipt: only a receiver who opened the file with the code knows it.
    """

    __tablename__ = "handover"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # the same at both ends
    direction: Mapped[str] = mapped_column(String(8))
    state: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    client_id: Mapped[str] = mapped_column(String(36), index=True)  # no foreign key: kept after a removal
    course_ids: Mapped[list] = mapped_column(JSON, default=list)
    counterpart_name: Mapped[str] = mapped_column(String(100), default="")
    counterpart_installation: Mapped[str | None] = mapped_column(String(36))
    counterpart_key: Mapped[str | None] = mapped_column(String(64))
    mode: Mapped[str] = mapped_column(String(8))  # "keep" or "remove"
    secret: Mapped[bytes] = mapped_column(LargeBinary(32))
    file_sha256: Mapped[str] = mapped_column(String(64))
    done_at: Mapped[datetime | None] = mapped_column(DateTime)  # the receipt read and the courses removed


class HandedOverCourse(Base):
    """A course this vault handed over and still shows: read-only until it comes back or is removed."""

    __tablename__ = "handed_over_course"
    course_id: Mapped[str] = mapped_column(ForeignKey("course.id", ondelete="CASCADE"), primary_key=True)
    handover_id: Mapped[str] = mapped_column(ForeignKey("handover.id"), index=True)


Index("ix_session_course_number", Session.course_id, Session.number)
# Added by migration 0003 for search as you type and the start-up lists (see that migration for why).
Index("ix_client_family_given", Client.family_key, Client.given_key)
Index("ix_client_given_family", Client.given_key, Client.family_key)
Index("ix_client_birth_month_day", func.substr(Client.birth_date, 6))
Index("ix_session_open", Session.starts_at, sqlite_where=text("closed IS 0"))
Index("ix_session_course_attendance", Session.course_id, Session.attendance)
Index("ix_course_status", Course.status)
# Migration 0012: the few administrations whose risk alert is still waiting for its acknowledgement.
PENDING_ALERT = text("alert_acknowledged_at IS NULL AND alerts != '[]'")
Index("ix_administration_alert_pending", Administration.administered_at, sqlite_where=PENDING_ALERT)
