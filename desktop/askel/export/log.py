"""The export log: what left the vault, when, how, to whom and why. Every row is also a disclosure-log entry.

Each export, clipboard copy and print is one `ExportRecord` (kind, language, destination, SHA-256 of the bytes
that left, user, time, recipient, basis) and one audit event (`export`, `copy` or `print`) in the *same*
transaction. A file is written inside that transaction, after the rows are flushed: if the write fails nothing is
logged, and if the commit fails the file is removed again, so the log and the disk never disagree.

The log is append-only and part of the use log's hash chain (see askel.store.audit): the audit event carries the
hash of its row. A file the user named is logged as `file:<pseudonym><suffix>` (a keyed pseudonym of the path, see
`askel.store.installation`), never by its path: a user may name a file after the client, and the log outlives
the course (retention purges the course, never the log). The drop folder's own generated names are kept as they are.

Recipient and basis are stored as codes that the UI translates:
- recipient: "patient_record" (the EHR, through the clinician), "client" (the client's own copy), or
  "recipient_key:<fingerprint>" when the file was encrypted to IT's recipient key;
- basis: "patient_record" (recording the care in the patient record), "client_copy" (the client's own copy).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select

from askel.export.destinations import remove_quietly
from askel.store import audit
from askel.store.installation import identity
from askel.store.models import ExportRecord, utcnow

ACTIONS = ("export", "copy", "print", "handover")

# The kinds that reach the patient record; the client's own PDF does not, nor does a mentoring case summary.
RECORD_KINDS = ("text", "pdf", "fhir")


@dataclass(frozen=True)
class Disclosure:
    """What is being disclosed, independent of how."""

    client_id: str | None
    course_id: str | None
    session_id: str | None
    kind: str
    language: str


def checksum(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _fit(text: str, limit: int) -> str:
    return text if len(text) <= limit else "…" + text[-(limit - 1):]


def chosen_file_code(session, path: Path) -> str:
    """How the log names a file the user chose: a keyed pseudonym of its full path and the file's suffix."""
    path = Path(path)
    suffixes = "".join(path.suffixes[-2:])[:16]
    return f"file:{identity(session).pseudonym('export_destination', str(path.absolute()))[:20]}{suffixes}"


def record_disclosure(vault, disclosure: Disclosure, *, action: str, destination: str, data: bytes,
                      recipient: str, basis: str, detail: dict | None = None,
                      write: Callable[[], None] | None = None, written_path: Path | None = None,
                      facts: dict | None = None, chosen_name: bool = False) -> ExportRecord:
    """Log one disclosure; `write()` (if given) runs inside the transaction after the rows are flushed.

    `facts` is what an export for the record said, for the next export (see `last_record_facts`).
    `chosen_name`: `destination` is a path the user chose, logged by its pseudonym (see the module docstring)."""
    written = False
    try:
        with vault.write() as session:
            record = add_disclosure(session, vault.actor, disclosure, action=action, destination=destination,
                                    data=data, recipient=recipient, basis=basis, detail=detail, facts=facts,
                                    chosen_name=chosen_name)
            if write is not None:
                write()
                written = True
    except BaseException:
        if written and written_path is not None:
            remove_quietly(written_path)
        raise
    record.written_to = written_path
    return record


def add_disclosure(session, actor: audit.Actor, disclosure: Disclosure, *, action: str, destination: str,
                   data: bytes, recipient: str, basis: str, detail: dict | None = None,
                   success: bool = True, facts: dict | None = None, chosen_name: bool = False) -> ExportRecord:
    """The export-log row and its audit event, in the caller's transaction (a handover logs with its import).

    The event carries the row's hash: the export log is part of the use log's chain (askel.store.audit)."""
    if action not in ACTIONS:
        raise ValueError("unknown export action")
    digest = checksum(data)
    if chosen_name:
        destination = chosen_file_code(session, Path(destination))
    record = ExportRecord(
        at=utcnow(), actor=actor.name, client_id=disclosure.client_id, course_id=disclosure.course_id,
        session_id=disclosure.session_id, kind=disclosure.kind, language=disclosure.language,
        destination=_fit(destination, 500), recipient=_fit(recipient, 200), basis=_fit(basis, 200),
        checksum=digest,
    )
    if facts is not None:  # unset stays SQL NULL (a None would be stored as JSON null)
        record.facts = facts
    session.add(record)
    session.flush()
    if disclosure.session_id:
        target = f"session:{disclosure.session_id}"
    elif disclosure.course_id:
        target = f"course:{disclosure.course_id}"
    else:
        target = disclosure.kind
    audit.record(session, actor, action, client_id=disclosure.client_id, target=target, success=success, detail={
        "export_id": record.id, "kind": disclosure.kind, "language": disclosure.language,
        "destination": _fit(destination, 200), "recipient": recipient, "basis": basis, "sha256": digest,
        **(detail or {}), "export_row": audit.export_row_hash(record),
    })
    return record


def exports_for_course(vault, course_id: str) -> list[ExportRecord]:
    """Every export, copy and print of the course or its sessions, newest first."""
    with vault.read() as session:
        return list(session.scalars(
            select(ExportRecord).where(ExportRecord.course_id == course_id)
            .order_by(ExportRecord.at.desc(), ExportRecord.id)
        ))


def last_export_at(vault, course_id: str) -> datetime | None:
    with vault.read() as session:
        return session.scalar(select(func.max(ExportRecord.at)).where(ExportRecord.course_id == course_id))


def last_record_facts(vault, course_id: str, *, not_session_id: str | None) -> dict | None:
    """What the newest export for the record of the course said, leaving out exports of the scope
    `not_session_id` (a visit's own earlier exports; None leaves out the whole-course exports)."""
    query = (select(ExportRecord.facts).where(ExportRecord.course_id == course_id,
                                              ExportRecord.kind.in_(RECORD_KINDS),
                                              ExportRecord.facts.is_not(None))
             .order_by(ExportRecord.at.desc(), ExportRecord.id.desc()))
    if not_session_id is None:
        query = query.where(ExportRecord.session_id.is_not(None))
    else:
        query = query.where((ExportRecord.session_id.is_(None)) | (ExportRecord.session_id != not_session_id))
    with vault.read() as session:
        for facts in session.scalars(query.limit(20)):
            if isinstance(facts, dict) and "need" in facts:
                return facts
    return None


def last_document(vault, course_id: str, session_id: str | None, language: str) -> dict | None:
    """The identity of the newest FHIR document of this course or visit in this language (see export.fhir)."""
    query = (select(ExportRecord.facts).where(ExportRecord.course_id == course_id, ExportRecord.kind == "fhir",
                                              ExportRecord.language == language,
                                              ExportRecord.facts.is_not(None))
             .order_by(ExportRecord.at.desc(), ExportRecord.id.desc()))
    query = query.where(ExportRecord.session_id.is_(None) if session_id is None
                        else ExportRecord.session_id == session_id)
    with vault.read() as session:
        for facts in session.scalars(query.limit(20)):
            if isinstance(facts, dict) and isinstance(facts.get("document"), dict):
                return facts["document"]
    return None
