"""Importing sealed regional data sets into the region store.

One file, one transaction: either every record lands or the store is as it was. Checks, each a one-line refusal:
the file decrypts with the coordinator's key, its signature verifies, its format is not newer than this Askel, its
records have the expected shape, and its installation signs with the key pinned at its first import (a changed key
is refused unless `accept_new_key`, and an accepted change is recorded in `key_change`).

Idempotent: a course is one row per (installation, course pseudonym), the newest import of it wins; importing the
same installation and period again replaces that batch, so nothing is counted twice. The pooled summary
(`askel.region.summary`) changes in the same transaction by what the file adds and what it replaces. Every batch
keeps the installation's use-log head (sequence and hash): `anchors()` lists them, so a later rewrite of an
installation's use log shows as a head that its own chain no longer contains. A replaced batch loses its records,
never its anchor.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import and_, delete, insert, select, tuple_, update

from askel.core.groups import DELIVERY_FORMATS, GROUP_FORMATS, INDIVIDUAL
from askel.export.dataset import UNDER_23, DatasetError, unseal
from askel.region.store import (
    course_record,
    group_month,
    import_batch,
    insert_many,
    installation,
    key_change,
    session_month,
)
from askel.region.summary import COURSE_FIELDS, SESSION_FIELDS, Delta, course_fields, is_stale, session_fields

_MONTH = re.compile(r"\d{4}-\d{2}")
_CHUNK = 500


class ImportRefused(ValueError):
    """The file was not imported; the message is one line naming why. The store is unchanged."""


@dataclass(frozen=True)
class Imported:
    installation: str
    unit_code: str
    period: tuple[str, str]
    records: int
    replaced: bool


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def import_file(store, data: bytes, private_key, *, name: str = "", accept_new_key: bool = False) -> Imported:
    try:
        unsealed = unseal(data, private_key)
    except DatasetError as error:
        raise ImportRefused(f"{name}: {error}" if name else str(error)) from None
    header, records = _checked(unsealed.dataset, name)
    digest = hashlib.sha256(data).hexdigest()
    period = (header["period"]["from"], header["period"]["to"])
    with store.engine.begin() as conn:
        pinned = conn.execute(select(installation.c.public_key).where(installation.c.id == header["installation"])
                              ).scalar()
        now = _now()
        if pinned is None:
            conn.execute(insert(installation).values(id=header["installation"], unit_code=header["unit_code"],
                                                     public_key=unsealed.signer, first_import_at=now,
                                                     last_import_at=now))
        else:
            if pinned != unsealed.signer:
                if not accept_new_key:
                    raise ImportRefused(
                        f"{name or 'the file'}: installation {header['installation']} now signs with another key "
                        "than at its first import; check with its IT that it was reinstalled, then import again "
                        "with --accept-new-key")
                conn.execute(insert(key_change).values(installation_id=header["installation"], old_key=pinned,
                                                       new_key=unsealed.signer, accepted_at=now))
            conn.execute(update(installation).where(installation.c.id == header["installation"]).values(
                public_key=unsealed.signer, unit_code=header["unit_code"], last_import_at=now))
        previous = set(conn.execute(select(import_batch.c.id).where(
            import_batch.c.installation_id == header["installation"], import_batch.c.period_from == period[0],
            import_batch.c.period_to == period[1])).scalars())
        # The batch rows stay: their use-log heads are anchors for as long as the store exists.
        batch_id = conn.execute(insert(import_batch).values(
            installation_id=header["installation"], period_from=period[0], period_to=period[1], imported_at=now,
            sha256=digest, record_count=len(records), software_version=str(header["software_version"])[:40],
            content_versions=json.dumps(header.get("content_versions", {}), sort_keys=True),
            outcome_preset=str(header.get("outcome_preset", ""))[:32],
            log_seq=int(header["use_log_head"]["seq"]), log_hash=str(header["use_log_head"]["hash"])[:64],
        ).returning(import_batch.c.id)).scalar_one()
        # Replaced: the courses of an earlier import of this period, and the same courses from an import of
        # another period (the newest import of a course wins).
        held = {} if pinned is None else dict(conn.execute(
            select(course_record.c.course, course_record.c.batch_id)
            .where(course_record.c.installation_id == header["installation"])).all())
        replaced = {course for course, batch in held.items() if batch in previous}
        replaced.update(record["course"] for record in records if record["course"] in held)
        delta = Delta()
        ordered = sorted(replaced)
        for start in range(0, len(ordered), _CHUNK):
            keys = [(header["installation"], course) for course in ordered[start:start + _CHUNK]]
            in_sessions = tuple_(session_month.c.installation_id, session_month.c.course).in_(keys)
            in_courses = tuple_(course_record.c.installation_id, course_record.c.course).in_(keys)
            delta.courses(course_fields(conn, in_courses), sign=-1)
            delta.session_months(session_fields(conn, in_sessions), sign=-1)
            conn.execute(delete(session_month).where(in_sessions))
            conn.execute(delete(course_record).where(in_courses))
        rows, months = _rows(header, records, batch_id)
        insert_many(conn, course_record.name, COURSE_COLUMNS, rows)
        _groups(conn, header, unsealed.dataset.get("groups", []))
        insert_many(conn, session_month.name, SESSION_COLUMNS, months)
        if not is_stale(conn):  # a stale summary is counted again in full by the next report
            of_course = [COURSE_COLUMNS.index(name) for name in COURSE_FIELDS]
            of_month = [SESSION_COLUMNS.index(name) for name in SESSION_FIELDS]
            delta.courses(tuple(row[i] for i in of_course) for row in rows)
            delta.session_months(tuple(month[i] for i in of_month) for month in months)
            delta.apply(conn)
    return Imported(header["installation"], header["unit_code"], period, len(records), bool(previous))


_TEXT = {"course": 32, "method": 64, "protocol_version": 32, "age_band": 8, "language": 2, "status": 16}
_OPTIONAL_TEXT = {"referral": 32, "guarantee": 16, "guarantee_exception": 32, "outcome": 32, "next_step": 32}
_OPTIONAL_WHOLE = ("care_step", "days_to_first_treatment", "usefulness")


class _Malformed(Exception):
    pass


def _require(condition) -> None:
    if not condition:
        raise _Malformed


def _whole(value, optional: bool = False) -> bool:
    return (optional and value is None) or (isinstance(value, int) and not isinstance(value, bool) and value >= 0)


def _checked(dataset: dict, name: str) -> tuple[dict, list]:
    """The header and records, or ImportRefused when they do not have the shape of version 1 (every value the
    store keeps is of its type and length, so that nothing malformed reaches the database)."""
    try:
        header, records = dataset["header"], dataset["records"]
        _require(isinstance(header["installation"], str) and len(header["installation"]) <= 36)
        _require(isinstance(header["unit_code"], str) and len(header["unit_code"]) <= 40)
        _require(_MONTH.fullmatch(header["period"]["from"]) and _MONTH.fullmatch(header["period"]["to"]))
        _require(isinstance(records, list) and header["record_count"] == len(records))
        for record in records:
            for key, limit in _TEXT.items():
                _require(isinstance(record[key], str) and len(record[key]) <= limit)
            for key, limit in _OPTIONAL_TEXT.items():
                value = record.get(key)
                _require(value is None or (isinstance(value, str) and len(value) <= limit))
            for key in _OPTIONAL_WHOLE:
                _require(_whole(record[key], optional=True))
            _require(_MONTH.fullmatch(record["start_month"]))
            for key in ("end_month", "first_treatment_month"):
                _require(record[key] is None or _MONTH.fullmatch(record[key]))
            sessions = record["sessions"]
            _require(_whole(sessions["planned"], optional=True)
                     and all(_whole(sessions[key]) for key in ("attended", "cancelled", "no_show")))
            for month, counts in record["sessions_by_month"].items():
                _require(_MONTH.fullmatch(month) and len(counts) == 3 and all(_whole(n) for n in counts))
            _require(record["fidelity"] is None or (isinstance(record["fidelity"], int | float)
                                                    and not isinstance(record["fidelity"], bool)))
            _require(record["family_done"] is None or isinstance(record["family_done"], bool))
            _require(isinstance(record["scores"], list))
            _require(record.get("format") in (None, *DELIVERY_FORMATS))
            _require(record.get("group") is None or (isinstance(record["group"], str) and len(record["group"]) <= 32))
        for group in dataset.get("groups", []):  # data sets made before groups have none
            _require(isinstance(group["group"], str) and len(group["group"]) <= 32)
            _require(isinstance(group["method"], str) and len(group["method"]) <= 64)
            _require(group["format"] in GROUP_FORMATS)
            for month, counts in group["meetings_by_month"].items():
                _require(_MONTH.fullmatch(month) and len(counts) == 2 and all(_whole(n) for n in counts))
    except (KeyError, TypeError, AttributeError, _Malformed):
        raise ImportRefused(f"{name or 'the file'}: the data set is damaged (a field is missing or malformed)") \
            from None
    return header, records


COURSE_COLUMNS = ("installation_id", "course", "batch_id", "unit_code", "method", "protocol_version", "care_step",
                  "referral", "age_band", "under_23", "language", "status", "start_month", "end_month",
                  "first_treatment_month", "planned", "attended", "cancelled", "no_show", "days_to_first",
                  "guarantee", "guarantee_exception", "outcome", "next_step", "usefulness", "fidelity",
                  "family_done", "scores", "delivery_format")
SESSION_COLUMNS = ("installation_id", "course", "month", "unit_code", "method", "attended", "cancelled", "no_show")


def _rows(header: dict, records: list, batch_id: int) -> tuple[list[tuple], list[tuple]]:
    """The records as rows of course_record and session_month, in the order of COURSE_COLUMNS / SESSION_COLUMNS."""
    rows, months = [], []
    installation_id, unit = header["installation"], header["unit_code"]
    for record in records:
        sessions, course, method = record["sessions"], record["course"], record["method"]
        rows.append((
            installation_id, course, batch_id, unit, method, record["protocol_version"], record["care_step"],
            record["referral"], record["age_band"], record["age_band"] in UNDER_23, record["language"],
            record["status"], record["start_month"], record["end_month"], record["first_treatment_month"],
            sessions["planned"], sessions["attended"], sessions["cancelled"], sessions["no_show"],
            record["days_to_first_treatment"], record["guarantee"], record.get("guarantee_exception"),
            record["outcome"], record["next_step"], record["usefulness"], record["fidelity"], record["family_done"],
            json.dumps(record["scores"], sort_keys=True), record.get("format") or INDIVIDUAL,
        ))
        for month, (attended, cancelled, no_show) in record["sessions_by_month"].items():
            months.append((installation_id, course, month, unit, method, attended, cancelled, no_show))
    return rows, months


GROUP_COLUMNS = ("installation_id", "group_key", "month", "unit_code", "method", "format", "held", "parent_meetings")


def _groups(conn, header: dict, groups: list) -> None:
    """Each group's meetings held per month, as the newest data set that names the group says them."""
    installation_id, unit = header["installation"], header["unit_code"]
    names = sorted({group["group"] for group in groups})
    for start in range(0, len(names), _CHUNK):
        conn.execute(delete(group_month).where(group_month.c.installation_id == installation_id,
                                               group_month.c.group_key.in_(names[start:start + _CHUNK])))
    rows = [(installation_id, group["group"], month, unit, group["method"], group["format"], held, parents)
            for group in groups for month, (held, parents) in group["meetings_by_month"].items()]
    insert_many(conn, group_month.name, GROUP_COLUMNS, rows)


@dataclass(frozen=True)
class Anchor:
    installation: str
    unit_code: str
    period: tuple[str, str]
    imported_at: datetime
    log_seq: int
    log_hash: str
    key_changes: int


def anchors(store) -> list[Anchor]:
    """Every imported use-log head, per installation, oldest import first."""
    with store.engine.connect() as conn:
        counts: dict[str, int] = {}
        for installation_id in conn.execute(select(key_change.c.installation_id)).scalars():
            counts[installation_id] = counts.get(installation_id, 0) + 1
        rows = conn.execute(
            select(import_batch, installation.c.unit_code)
            .join(installation, and_(installation.c.id == import_batch.c.installation_id))
            .order_by(import_batch.c.installation_id, import_batch.c.imported_at, import_batch.c.id)).all()
    return [Anchor(row.installation_id, row.unit_code, (row.period_from, row.period_to), row.imported_at,
                   row.log_seq, row.log_hash, counts.get(row.installation_id, 0)) for row in rows]
