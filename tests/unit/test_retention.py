"""Retention: a finished, exported course is purged `retention_days` after its last export; the logs stay."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from askel.export.retention import expired_course_ids, purge_expired
from askel.export.sample import build_sample_course
from askel.export.service import ExportPolicy, ExportRequest, log_copy, log_print, render
from askel.store import audit
from askel.store.clients import ClientData, add_client
from askel.store.courses import save_draft, start_course
from askel.store.models import (
    Administration,
    AuditEvent,
    Client,
    Course,
    Draft,
    ExportRecord,
    Guardian,
    Session,
)

EXPORTED_AT = datetime(2026, 2, 3, 10, 0)  # UTC; 3.2.2026 in Finland, the day after the course ended


def export(vault, library, course_id: str, at: datetime = EXPORTED_AT, kind: str = "text") -> None:
    rendered = render(vault, library, ExportPolicy(), ExportRequest(course_id, kind, "fi"))
    with pytest.MonkeyPatch.context() as patch:  # the export log is append-only: the time is set as it is written
        patch.setattr("askel.export.log.utcnow", lambda: at)
        log_copy(vault, rendered) if kind == "text" else log_print(vault, rendered)


def count(vault, model, *where) -> int:
    with vault.read() as session:
        return session.scalar(select(func.count()).select_from(model).where(*where))


@pytest.fixture
def sample(vault, content_library):
    return build_sample_course(vault, content_library)


def test_zero_days_keeps_everything(vault, content_library, sample):
    export(vault, content_library, sample.course_id)
    assert purge_expired(vault, date(2030, 1, 1), 0) == 0
    assert count(vault, Course) == 1


def test_purged_on_the_day_the_period_ends(vault, content_library, sample):
    export(vault, content_library, sample.course_id)
    save_draft(vault, f"session:{sample.session_ids[3]}:notes", "kesken oleva teksti")
    save_draft(vault, "unrelated", "keep me")
    assert purge_expired(vault, date(2026, 3, 4), 30) == 0  # 29 days after 3.2.
    assert count(vault, Course) == 1
    assert purge_expired(vault, date(2026, 3, 5), 30) == 1  # 30 days after 3.2.
    assert count(vault, Course) == count(vault, Session) == count(vault, Administration) == 0
    assert count(vault, Client) == count(vault, Guardian) == 0  # no course remained
    assert [d.key for d in _drafts(vault)] == ["unrelated"]
    # The logs stay: the export log and the audit chain, with one purge event that holds only counts.
    assert count(vault, ExportRecord) == 1
    with vault.read() as session:
        assert audit.verify(session).ok
        (event,) = session.scalars(select(AuditEvent).where(AuditEvent.action == "purge"))
    assert event.client_id == sample.client_id and event.target == f"course:{sample.course_id}"
    assert event.detail == {"sessions": 4, "administrations": 5, "drafts": 1, "client_removed": True,
                            "retention_days": 30}
    assert purge_expired(vault, date(2026, 3, 5), 30) == 0  # nothing left to do


def test_active_course_is_never_purged(vault, content_library):
    sample = build_sample_course(vault, content_library, finished=False)
    export(vault, content_library, sample.course_id)
    assert purge_expired(vault, date(2030, 1, 1), 1) == 0


def test_course_exported_only_before_it_ended_is_kept(vault, content_library, sample):
    export(vault, content_library, sample.course_id, at=datetime(2026, 1, 20, 8, 0))  # course ended 2.2.2026
    assert expired_course_ids(vault, date(2030, 1, 1), 1) == []
    export(vault, content_library, sample.course_id, at=datetime(2026, 2, 2, 12, 0))
    assert expired_course_ids(vault, date(2026, 2, 3), 1) == [sample.course_id]


def test_only_an_export_for_the_record_counts(vault, content_library, sample):
    export(vault, content_library, sample.course_id, kind="pdf_client")  # the client's copy: not the record
    assert expired_course_ids(vault, date(2030, 1, 1), 30) == []
    export(vault, content_library, sample.course_id, kind="fhir")
    assert expired_course_ids(vault, date(2030, 1, 1), 30) == [sample.course_id]


def test_unexported_course_is_kept(vault, content_library, sample):
    assert purge_expired(vault, date(2030, 1, 1), 1) == 0
    assert count(vault, Course) == 1


def test_client_with_another_course_is_kept(vault, content_library, sample):
    start_course(vault, sample.client_id, "ipc_adults", "1", planned_sessions=4)
    export(vault, content_library, sample.course_id)
    assert purge_expired(vault, date(2027, 1, 1), 30) == 1
    assert count(vault, Client) == 1 and count(vault, Course) == 1
    with vault.read() as session:
        (event,) = session.scalars(select(AuditEvent).where(AuditEvent.action == "purge"))
    assert event.detail["client_removed"] is False


def test_other_clients_are_untouched(vault, content_library, sample):
    other = add_client(vault, ClientData("Eero", "Muu", date(1980, 1, 1)))
    export(vault, content_library, sample.course_id)
    purge_expired(vault, date(2027, 1, 1), 30)
    with vault.read() as session:
        assert [c.id for c in session.scalars(select(Client))] == [other.id]


def test_purge_truncates_the_write_ahead_log(vault, content_library, sample):
    export(vault, content_library, sample.course_id)
    purge_expired(vault, date(2027, 1, 1), 30)
    wal, _ = vault.folder.sidecars()
    assert not wal.exists() or wal.stat().st_size == 0


def _drafts(vault) -> list[Draft]:
    with vault.read() as session:
        return list(session.scalars(select(Draft)))
