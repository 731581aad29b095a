"""The use log and disclosure log (Act 703/2023): who did what to which client, when, from where.

Each row carries the SHA-256 of the previous row, and its own hash covers its sequence number, so a changed,
removed or reordered row breaks the chain. SQL triggers refuse UPDATE and DELETE on the table.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from askel.store.models import AuditEvent, utcnow

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


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    rows: int
    first_bad_seq: int | None = None
    problem: str = ""


def verify(session: OrmSession) -> ChainReport:
    """Walk the whole chain; report the first row that does not follow from the one before it."""
    prev_hash, expected_seq, rows = GENESIS, 1, 0
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
        prev_hash, expected_seq = event.hash, expected_seq + 1
    return ChainReport(True, rows)


def events_for_client(session: OrmSession, client_id: str) -> list[AuditEvent]:
    """Everything recorded about one client: what the client may request under the law."""
    return list(session.scalars(select(AuditEvent).where(AuditEvent.client_id == client_id).order_by(AuditEvent.seq)))
