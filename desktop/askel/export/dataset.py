"""The regional data set: one pseudonymous record per course, for the county's coordination centre.

Management by data (DOMAIN.md): the county pools course-level records of its units and protects the published
tables once, on the pooled data (`askel.region`). What leaves here is therefore *record level*, so it carries no
name, identity code, free text or exact date: a keyed course pseudonym (stable per vault, `installation.pseudonym`),
months instead of dates, an age band instead of a birth date, and counts.

The file (`seal`): the data set as canonical JSON, signed with the installation's Ed25519 key, then encrypted to the
coordinator's X25519 key from policy (`region_recipient_key`) in the export envelope of `askel.export.crypto`:

    plaintext = MAGIC + signature line (JSON: signer public key, Ed25519 signature, base64) + "\\n" + payload JSON

The signature covers MAGIC and the payload, so neither can change unnoticed; `unseal` decrypts, checks the format
version and the signature and returns the data set with the signer's public key (which the coordinator pins per
installation). Each export is one row in the export log and one `export` event in the use log (a disclosure).

Groups (askel.core.groups): each course record says its delivery format and, for a member of a group, the group's
keyed pseudonym; its session counts are the member's own attendance. The groups themselves are listed once each
(`groups`: method, format and, per month, the group sessions and parents' meetings held), so that a group session is
counted once for the group and once per member, never six times as a session held.

The guarantee exception is its reason code only ("medical", "treatment", "other"), never the clinician's note; a
prorated score is flagged (`first_prorated`, `last_prorated`) so that a coordinator can tell it from a full one.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from askel import __version__
from askel.core.atomic import atomic_write
from askel.core.contacts import is_method_session
from askel.core.content.guarantee import DEFAULT_RULES, GuaranteeRules, age_on, guarantee_status
from askel.core.content.library import ContentNotFound
from askel.core.content.outcomes import classify, is_finished
from askel.export import crypto
from askel.export.destinations import remove_quietly
from askel.export.disclosure import Period
from askel.store import audit
from askel.store.courses import fidelity, first_and_last_scores, handed_over_courses, scores_by_instrument
from askel.store.installation import identity, public_key_from_b64
from askel.store.models import Course, ExportRecord, GroupMeeting, Session, TherapyGroup

FORMAT = "askel-regional-dataset"
VERSION = 1
MAGIC = b"ASKEL-DATASET-1\n"
MEDIA_TYPE = "application/vnd.askel.regional-dataset+json"
# Age at the start of the course; 23 is a boundary because the therapy guarantee applies under it.
AGE_BANDS = ((0, "0-12"), (13, "13-17"), (18, "18-22"), (23, "23-29"), (30, "30-44"), (45, "45-64"), (65, "65+"))
UNDER_23 = ("0-12", "13-17", "18-22")


class DatasetError(ValueError):
    """The data set cannot be made or read; the message is one line without client data."""


class NoRecipientKey(DatasetError):
    def __init__(self):
        super().__init__("no coordinator key: IT sets the policy setting region_recipient_key (the public key "
                         "from askel region keygen) before a regional data set can be made")


def month(value: date | None) -> str | None:
    return None if value is None else f"{value.year}-{value.month:02d}"


def age_band(birth: date, day: date) -> str:
    age = age_on(birth, day)
    return next(name for low, name in reversed(AGE_BANDS) if age >= low)


def build(vault, library, period: Period, *, unit_code: str, preset: str = "nhs",
          rules: GuaranteeRules = DEFAULT_RULES) -> dict:
    """The data set for `period`: the header and one record per course that touches it."""
    with vault.read() as session:
        me = identity(session)
        chain = audit.head(session)
        courses = list(session.scalars(
            select(Course)
            .where(Course.start_date.is_not(None), Course.start_date <= period.end,
                   or_(Course.end_date.is_(None), Course.end_date >= period.start),
                   Course.id.not_in(handed_over_courses()))  # counted where it goes on, not twice
            .options(selectinload(Course.sessions).selectinload(Session.group_meeting),
                     selectinload(Course.administrations), selectinload(Course.client), selectinload(Course.group))
            .order_by(Course.id)))
        records = [_record(course, me.pseudonym("course", course.id), library, preset, rules,
                           me.pseudonym("group", course.group_id) if course.group_id else None)
                   for course in courses]
        groups = _groups(session, period, me, {course.group_id for course in courses if course.group_id})
    header = {
        "installation": me.id, "unit_code": unit_code,
        "period": {"from": month(period.start), "to": month(period.end)},
        "software_version": __version__,
        "content_versions": {
            "protocols": {p.id: p.version for p in library.protocols()},
            "instruments": {i.id: i.version for i in library.instruments()},
        },
        "outcome_preset": preset, "record_count": len(records),
        "use_log_head": {"seq": chain.seq, "hash": chain.hash},
    }
    return {"format": FORMAT, "version": VERSION, "header": header, "records": records, "groups": groups}


def _groups(session, period: Period, me, member_groups: set[str]) -> list[dict]:
    """Each group with a member in the data set or a meeting held in the period: its meetings held per month (a
    meeting is held once it has closed with a member attending), group sessions and parents' meetings apart."""
    attended = select(Session.id).where(Session.group_meeting_id == GroupMeeting.id,
                                        Session.attendance == "attended").exists()
    held = session.execute(
        select(GroupMeeting.group_id, GroupMeeting.kind, GroupMeeting.starts_at)
        .where(GroupMeeting.closed.is_(True), GroupMeeting.starts_at.is_not(None), attended)).all()
    by_group: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for group_id, kind, starts_at in held:
        if not period.start <= starts_at.date() <= period.end:
            continue
        counts = by_group[group_id].setdefault(month(starts_at.date()), [0, 0])
        counts[0 if kind == "method" else 1] += 1
    wanted = sorted(member_groups | set(by_group))
    groups = session.scalars(select(TherapyGroup).where(TherapyGroup.id.in_(wanted)).order_by(TherapyGroup.id))
    return sorted(({"group": me.pseudonym("group", group.id), "method": group.method_id,
                    "protocol_version": group.protocol_version, "format": group.format,
                    "planned": group.planned_sessions,
                    "meetings_by_month": dict(sorted(by_group.get(group.id, {}).items()))} for group in groups),
                  key=lambda entry: entry["group"])


def _record(course: Course, pseudonym: str, library, preset: str, rules: GuaranteeRules,
            group: str | None = None) -> dict:
    method_sessions = [s for s in course.sessions if is_method_session(s.kind)]
    attendance = Counter(s.attendance for s in method_sessions)
    by_month: dict[str, Counter] = defaultdict(Counter)
    for record in method_sessions:
        by_month[month(record.starts_at.date())][record.attendance] += 1
    attended_dates = sorted(s.starts_at.date() for s in method_sessions if s.attendance == "attended")
    first_treatment = attended_dates[0] if attended_dates else None
    birth = course.client.birth_date
    days = guarantee = None
    if course.need_established is not None and birth <= course.need_established:
        if first_treatment is not None and first_treatment >= course.need_established:
            days = (first_treatment - course.need_established).days
        if first_treatment is None or first_treatment >= course.need_established:
            status = guarantee_status(birth, course.need_established, first_treatment,
                                      course.end_date or date.today(), rules, exception=course.guarantee_exception)
            guarantee = status.state
    first, last = first_and_last_scores(course)
    outcome = None
    if course.status in ("completed", "interrupted") and is_finished(attendance["attended"], preset):
        outcome = str(classify(first, last, preset).category)
    try:
        protocol = library.protocol(course.method_id, course.protocol_version)
        share = fidelity(course, protocol)
        fidelity_share = None if share.share_done is None else round(share.share_done, 3)
    except ContentNotFound:
        fidelity_share = None
    family = None
    if course.has_dependants:
        family = any((s.agenda or {}).get("family", {}).get("done") for s in method_sessions)
    return {
        "course": pseudonym, "method": course.method_id, "protocol_version": course.protocol_version,
        "care_step": course.care_step, "referral": course.referral_source,
        "age_band": age_band(birth, course.start_date), "language": course.client.language,
        "status": course.status, "start_month": month(course.start_date), "end_month": month(course.end_date),
        "first_treatment_month": month(first_treatment),
        "sessions": {"planned": course.planned_sessions, "attended": attendance["attended"],
                     "cancelled": attendance["cancelled"], "no_show": attendance["no_show"]},
        "sessions_by_month": {key: [counts["attended"], counts["cancelled"], counts["no_show"]]
                              for key, counts in sorted(by_month.items())},
        "days_to_first_treatment": days, "guarantee": guarantee,
        "guarantee_exception": course.guarantee_exception,
        "scores": [_scores(instrument, given) for instrument, given in sorted(scores_by_instrument(course).items())],
        "outcome": outcome, "next_step": course.next_step, "usefulness": course.usefulness,
        "fidelity": fidelity_share, "family_done": family,
        "format": course.delivery_format, "group": group,
    }


def _scores(instrument: str, given: list) -> dict:
    first, last = given[0], given[-1]
    return {"instrument": instrument, "n": len(given),
            "first": first.total, "first_band": first.band, "first_prorated": bool(first.prorated),
            "last": last.total if len(given) > 1 else None, "last_band": last.band if len(given) > 1 else None,
            "last_prorated": bool(last.prorated) if len(given) > 1 else None}


# -- the file ---------------------------------------------------------------------------------------------------
def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def seal(dataset: dict, installation, recipient_key: str) -> bytes:
    """Sign with the installation's key, then encrypt to the coordinator's key."""
    payload = json.dumps(dataset, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    signature = {"signer": installation.public_key_b64, "signature": _b64(installation.sign(MAGIC + payload))}
    plaintext = MAGIC + json.dumps(signature, sort_keys=True).encode("ascii") + b"\n" + payload
    name = f"askel-dataset-{dataset['header']['period']['from']}-{dataset['header']['period']['to']}.json"
    return crypto.encrypt(plaintext, recipient_key, media_type=MEDIA_TYPE, name=name)


@dataclass(frozen=True)
class Unsealed:
    dataset: dict
    signer: str  # the installation's Ed25519 public key, base64


def unseal(data: bytes, private_key) -> Unsealed:
    """The data set in an encrypted file, or DatasetError (wrong key, changed, bad signature, newer format)."""
    try:
        plaintext = crypto.decrypt(data, private_key).data
    except crypto.DecryptError as error:
        raise DatasetError(str(error)) from None
    if not plaintext.startswith(MAGIC):
        raise DatasetError("the file is not a regional data set")
    line_end = plaintext.find(b"\n", len(MAGIC))
    try:
        signature = json.loads(plaintext[len(MAGIC):line_end])
        payload = plaintext[line_end + 1:]
        public_key_from_b64(signature["signer"]).verify(base64.b64decode(signature["signature"], validate=True),
                                                          MAGIC + payload)
    except InvalidSignature:
        raise DatasetError("the signature does not match: the file was changed after it was signed") from None
    except (ValueError, KeyError, TypeError):
        raise DatasetError("the file is damaged (no valid signature)") from None
    try:
        dataset = json.loads(payload)
    except ValueError:
        raise DatasetError("the file is damaged (not JSON)") from None
    if not isinstance(dataset, dict) or dataset.get("format") != FORMAT:
        raise DatasetError("the file is not a regional data set")
    if not isinstance(dataset.get("version"), int) or dataset["version"] > VERSION:
        raise DatasetError(f"the data set has format version {dataset.get('version')}; this Askel reads up to "
                           f"version {VERSION}: update Askel")
    return Unsealed(dataset, signature["signer"])


def export_dataset(vault, library, settings, period: Period, path: Path, *, writer=None) -> str:
    """Make, seal and write the data set, logged as a disclosure; returns the file's SHA-256.

    Refuses (NoRecipientKey) without `region_recipient_key`. `writer(path, data)` writes the file (the command line
    passes its guarded writer); the file is written inside the logging transaction, so both land or neither.
    """
    recipient = str(settings.get("region_recipient_key") or "")
    if not recipient:
        raise NoRecipientKey()
    try:
        fingerprint = crypto.key_fingerprint(recipient)
    except ValueError:
        raise DatasetError("the policy setting region_recipient_key is not an X25519 public key") from None
    dataset = build(vault, library, period, unit_code=str(settings.get("unit_code") or ""),
                    preset=str(settings.get("outcome_preset") or "nhs"))
    with vault.read() as session:
        me = identity(session)
    data = seal(dataset, me, recipient)
    digest = hashlib.sha256(data).hexdigest()
    write = writer or (lambda target, content: atomic_write(Path(target), content, mode=0o600))
    written = False
    try:
        _log_and_write(vault, period, dataset, path, data, digest, fingerprint, write)
        written = True
    finally:
        if not written and Path(path).exists() and hashlib.sha256(Path(path).read_bytes()).hexdigest() == digest:
            remove_quietly(Path(path))  # written, but the log did not commit: nothing leaves unlogged
    return digest


def _log_and_write(vault, period, dataset, path, data, digest, fingerprint, write) -> None:
    with vault.write() as session:
        record = ExportRecord(actor=vault.actor.name, client_id=None, course_id=None, session_id=None,
                              kind="dataset", language="", destination=Path(path).name[-500:],
                              recipient=f"recipient_key:{fingerprint}", basis="knowledge_management",
                              checksum=digest)
        session.add(record)
        session.flush()
        audit.record(session, vault.actor, "export", target="dataset", detail={
            "export_id": record.id, "kind": "dataset", "from": month(period.start), "to": month(period.end),
            "records": len(dataset["records"]), "recipient": f"recipient_key:{fingerprint}",
            "basis": "knowledge_management", "file": Path(path).name, "sha256": digest,
        })
        write(path, data)

