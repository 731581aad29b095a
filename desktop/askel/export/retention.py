"""Retention: purge a finished course from this computer some days after it went to the patient record.

The patient record, not Askel, is the legal record. With `retention_days` > 0 (0 = keep everything), a course is
purged when all of these hold:
- it is finished (completed or interrupted): an active course is never purged;
- it was exported for the record (text entry, PDF for the record or FHIR; as a file, to the drop folder, copied or
  printed) on or after the day it ended, so the record received its final state; a course exported only before it
  ended is kept until it is exported again, and the client's own PDF or a mentoring case summary does not count;
- that last export for the record is at least `retention_days` days old.

The purge deletes the course, its sessions, questionnaire administrations and typing drafts, and the client with
guardians when no other course remains. It keeps the use and disclosure logs: the audit rows and the export log
carry no notes or answers, and the law requires them. Each purged course is one audit event `purge`.

Deleting from SQLCipher frees pages; `PRAGMA secure_delete` is turned on for the purge so freed content is zeroed
before the page is encrypted again, and the write-ahead log is checkpointed and truncated afterwards. See
docs/retention.md for what this does and does not guarantee on disk.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import selectinload

from askel.export.formatting import utc_to_local
from askel.export.log import RECORD_KINDS
from askel.store import audit
from askel.store.models import Course, Draft, ExportRecord

FINISHED = ("completed", "interrupted")


def expired_course_ids(vault, today: date, retention_days: int) -> list[str]:
    """The courses that `purge_expired` would purge today (for a preview or a dry run)."""
    if retention_days <= 0:
        return []
    last_export = (select(ExportRecord.course_id, func.max(ExportRecord.at).label("last"))
                   .where(ExportRecord.course_id.is_not(None), ExportRecord.kind.in_(RECORD_KINDS))
                   .group_by(ExportRecord.course_id).subquery())
    with vault.read() as session:
        rows = session.execute(
            select(Course.id, Course.end_date, last_export.c.last)
            .join(last_export, last_export.c.course_id == Course.id)
            .where(Course.status.in_(FINISHED))
        ).all()
    expired = []
    for course_id, end_date, last in rows:
        exported_on = utc_to_local(last).date()
        if end_date is not None and exported_on < end_date:
            continue  # the final state never left: keep
        if exported_on + timedelta(days=retention_days) <= today:
            expired.append(course_id)
    return sorted(expired)


def purge_expired(vault, today: date, retention_days: int) -> int:
    """Purge every expired course (see the module docstring); returns how many were purged. Run at unlock."""
    course_ids = expired_course_ids(vault, today, retention_days)
    for course_id in course_ids:
        _purge_course(vault, course_id, retention_days)
    if course_ids:
        _checkpoint(vault)
    return len(course_ids)


def _purge_course(vault, course_id: str, retention_days: int) -> None:
    with vault.write() as session:
        # Zero freed content inside pages (then re-encrypted) instead of leaving it in free space.
        session.connection().exec_driver_sql("PRAGMA secure_delete = ON")
        course = session.get(Course, course_id, options=[selectinload(Course.sessions),
                                                           selectinload(Course.administrations),
                                                           selectinload(Course.client)])
        if course is None:
            return
        client = course.client
        session_ids = [s.id for s in course.sessions]
        counts = {"sessions": len(course.sessions), "administrations": len(course.administrations)}
        draft_keys = [Draft.key.contains(record_id) for record_id in (course_id, *session_ids)]
        drafts = list(session.scalars(select(Draft).where(or_(*draft_keys))))
        for draft in drafts:
            session.delete(draft)
        session.delete(course)
        session.flush()
        remaining = session.scalar(select(func.count(Course.id)).where(Course.client_id == client.id))
        client_removed = not remaining
        if client_removed:
            session.delete(client)
            session.flush()
        audit.record(session, vault.actor, "purge", client_id=client.id, target=f"course:{course_id}", detail={
            **counts, "drafts": len(drafts), "client_removed": client_removed, "retention_days": retention_days,
        })


def _checkpoint(vault) -> None:
    """Move the WAL into the database file and truncate it, so old page images do not linger in the log."""
    raw = vault.engine.raw_connection()
    try:
        raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        raw.close()
