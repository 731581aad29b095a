"""The use log and disclosure log (Act 703/2023): who did what to which client, when, from where.

Each row carries the SHA-256 of the previous row, and its own hash covers its sequence number, so a changed,
removed or reordered row breaks the chain. SQL triggers refuse UPDATE and DELETE on the table, and an INSERT that
does not append (INSERT OR REPLACE of an old row). The export log (`export_record`, the disclosure log) joins the
chain: the audit event of each export row carries the row's hash, and `verify` checks every row against it.

What the chain cannot prove on its own: someone with the data key can drop the triggers and write a whole new,
consistent chain. Against that, the chain head (sequence number and hash) leaves the vault in every FHIR export,
record PDF, backup and regional data set, and `verify(session, anchors=[…])` confirms that an anchor seen outside
is still in the chain (`askel audit verify --anchor SEQ:HASH`).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from askel.store.models import AuditEvent, ExportRecord, utcnow

GENESIS = "0" * 64

ACTIONS = (
    "view", "create", "change", "delete", "export", "print", "copy",
    "unlock", "unlock_failed", "lock", "alert_ack", "purge", "backup", "restore", "handover",
)


@dataclass(frozen=True)
class Actor:
    name: str
    role: str
    workstation: str


def _row_hash(prev_hash: str, seq: int, at: datetime, actor: str, role: str, workstation: str, action: str,
              client_id: str | None, target: str, success: bool, detail: dict) -> str:
    body = json.dumps(
        [seq, at.isoformat(timespec="microseconds"), actor, role, workstation, action, client_id, target,
         bool(success), detail],
        sort_keys=True, ensure_ascii=False, separators=(",", ":"),
    )
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


def record(session: OrmSession, actor: Actor, action: str, *, client_id: str | None = None, target: str = "",
           success: bool = True, detail: dict | None = None) -> AuditEvent:
    """Append one event in the caller's transaction, so the event and the change it describes land together."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    last = session.execute(select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)).first()
    seq, prev_hash = (last.seq + 1, last.hash) if last else (1, GENESIS)
    at = utcnow()
    detail = detail or {}
    event = AuditEvent(
        seq=seq, at=at, actor=actor.name, role=actor.role, workstation=actor.workstation, action=action,
        client_id=client_id, target=target, success=success, detail=detail, prev_hash=prev_hash,
        hash=_row_hash(prev_hash, seq, at, actor.name, actor.role, actor.workstation, action, client_id, target,
                       success, detail),
    )
    session.add(event)
    session.flush()
    return event


@dataclass(frozen=True)
class ChainHead:
    """The newest row of the chain: written into what leaves the vault, so a later rewrite can be detected."""

    seq: int
    hash: str

    def __str__(self) -> str:
        return f"{self.seq}:{self.hash}"


def head(session: OrmSession) -> ChainHead:
    last = session.execute(select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)).first()
    return ChainHead(last.seq, last.hash) if last else ChainHead(0, GENESIS)


def parse_anchor(text: str) -> ChainHead:
    """`SEQ:HASH` as printed in an export's footer or a backup's metadata; ValueError when it is not one."""
    seq, _, digest = text.strip().partition(":")
    digest = digest.strip().lower()
    if not seq.strip().isdigit() or len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
        raise ValueError("an anchor is SEQ:HASH, e.g. 1234:9f86d08…, as printed in an export or a backup")
    return ChainHead(int(seq), digest)


def export_row_hash(row: ExportRecord) -> str:
    """The hash of an export-log row, written into its audit event so that the row is part of the chain."""
    body = json.dumps(
        [row.id, row.at.isoformat(timespec="microseconds") if row.at else None, row.actor, row.client_id,
         row.course_id, row.session_id, row.kind, row.language, row.destination, row.recipient, row.basis,
         row.checksum, getattr(row, "facts", None)],
        ensure_ascii=False, separators=(",", ":"), sort_keys=True,
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    rows: int
    first_bad_seq: int | None = None
    problem: str = ""
    export_rows: int = 0



def verify(session: OrmSession, anchors: list[ChainHead] | tuple[ChainHead, ...] = ()) -> ChainReport:
    """Walk the whole chain, then the export log against it, then the anchors; report the first problem."""
    prev_hash, expected_seq, rows = GENESIS, 1, 0
    by_seq: dict[int, str] = {}
    wanted = {anchor.seq for anchor in anchors}
    exports: dict[str, AuditEvent] = {}
    for event in session.scalars(select(AuditEvent).order_by(AuditEvent.seq)):
        rows += 1
        if event.seq != expected_seq:
            return ChainReport(False, rows, event.seq, "a row is missing before this one")
        if event.prev_hash != prev_hash:
            return ChainReport(False, rows, event.seq, "the link to the previous row is broken")
        recomputed = _row_hash(prev_hash, event.seq, event.at, event.actor, event.role, event.workstation,
                               event.action, event.client_id, event.target, event.success, event.detail)
        if recomputed != event.hash:
            return ChainReport(False, rows, event.seq, "the row was changed after it was written")
        if event.seq in wanted:
            by_seq[event.seq] = event.hash
        if isinstance(event.detail, dict) and event.detail.get("export_id"):
            exports[str(event.detail["export_id"])] = event
        prev_hash, expected_seq = event.hash, expected_seq + 1
    export_rows = 0
    for row in session.scalars(select(ExportRecord).order_by(ExportRecord.at, ExportRecord.id)):
        export_rows += 1
        event = exports.pop(row.id, None)
        if event is None:
            return ChainReport(False, rows, None, "an export-log row has no event in the use log")
        if not _export_row_matches(row, event.detail):
            return ChainReport(False, rows, event.seq, "the export-log row of this event was changed")
    if exports:
        return ChainReport(False, rows, min(e.seq for e in exports.values()),
                           "the export-log row of this event is missing")
    for anchor in anchors:
        if anchor.seq > rows:
            return ChainReport(False, rows, anchor.seq, "the log no longer reaches this anchor: rows were removed")
        if by_seq.get(anchor.seq) != anchor.hash:
            return ChainReport(False, rows, anchor.seq, "this row differs from the anchor: the log was rewritten")
    return ChainReport(True, rows, export_rows=export_rows)


def _export_row_matches(row: ExportRecord, detail: dict) -> bool:
    if "export_row" in detail:
        return detail["export_row"] == export_row_hash(row)
    # Rows written before the export log joined the chain: the fields their event already carried.
    return (detail.get("sha256") == row.checksum and detail.get("kind") == row.kind
            and detail.get("language") == row.language and detail.get("recipient", row.recipient) == row.recipient
            and detail.get("basis", row.basis) == row.basis)


def events_for_client(session: OrmSession, client_id: str) -> list[AuditEvent]:
    """Everything recorded about one client: what the client may request under the law."""
    return list(session.scalars(select(AuditEvent).where(AuditEvent.client_id == client_id).order_by(AuditEvent.seq)))
