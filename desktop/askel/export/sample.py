"""A fixed, fictitious course with fixed dates and scores: the reference input of the export tests and demos.

Everything that reaches an export is fixed here (dates, times, answers, notes), so an expected export can be
written out by hand and compared exactly. The identity code is the documented example `131052-308T`; the person
is invented.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from askel.store.clients import ClientData, add_client
from askel.store.courses import (
    acknowledge_alert,
    add_session,
    close_session,
    finish_course,
    score_and_record,
    start_course,
    update_session,
)
from askel.store.models import Administration, Session

CLINICIAN_NOTE = "Uni heikentynyt syksystä asti."
AGENDA_NOTE = "Unipäiväkirja tuttu ennestään"
HOMEWORK_REVIEW = "Päiväkirja täytetty viitenä päivänä."
ALERT_NOTE = "Arvioitu vastaanotolla, ei välitöntä vaaraa; turvasuunnitelma tehty."
END_REASON = "Tavoitteet saavutettu osittain."

# (number, local start, mode, attendance, minutes, agenda {index: note}, homework review, homework, notes,
#  questionnaires {instrument: (answers, administered at UTC)})
_SESSIONS = (
    (1, datetime(2026, 1, 5, 9, 0), "in_person", "attended", 45, {0: "", 2: ""}, "",
     "Unipäiväkirja viikon ajan.", CLINICIAN_NOTE,
     {"phq9": ((2, 2, 2, 2, 2, 2, 2, 1, 1), datetime(2026, 1, 5, 7, 10)),
      "gad7": ((2, 2, 2, 2, 2, 1, 1), datetime(2026, 1, 5, 7, 15))}),
    (2, datetime(2026, 1, 12, 9, 0), "in_person", "cancelled", None, {}, "", "", "", {}),
    (3, datetime(2026, 1, 19, 9, 0), "video", "attended", 30, {1: AGENDA_NOTE, 2: "", 4: ""}, HOMEWORK_REVIEW,
     "Kaksi mukavaa tekemistä viikossa.", "",
     {"phq9": ((2, 2, 1, 1, 2, 1, 2, 1, 0), datetime(2026, 1, 19, 7, 5))}),
    (4, datetime(2026, 2, 2, 9, 0), "in_person", "attended", 45, {0: "", 3: ""}, "", "", "",
     {"phq9": ((1, 1, 1, 1, 1, 1, 1, 2, 0), datetime(2026, 2, 2, 7, 5)),
      "gad7": ((1, 1, 1, 1, 1, 1, 0), datetime(2026, 2, 2, 7, 10))}),
)


@dataclass(frozen=True)
class SampleCourse:
    client_id: str
    course_id: str
    session_ids: dict[int, str]


def build_sample_course(vault, library, *, finished: bool = True, hetu: str | None = "131052-308T",
                        non_disclosure: bool = False) -> SampleCourse:
    """KLT for adults, planned 5 visits: 1 attended (PHQ-9 16 with item 9 answered 1, GAD-7 12), 2 cancelled,
    3 by video (PHQ-9 12), 4 attended (PHQ-9 9, GAD-7 6); finished 2.2.2026 as completed, follow-up decided."""
    client = add_client(vault, ClientData("Aino", "Esimerkki", date(1952, 10, 13), hetu, language="fi",
                                          non_disclosure=non_disclosure))
    protocol = library.protocol("klt_adults", "1")
    course = start_course(vault, client.id, protocol.id, protocol.version, status="planned",
                          need_established=date(2026, 1, 2), planned_sessions=5, icd10="F32.1",
                          goal="Nukkua paremmin ja palata harrastuksiin.", care_step=2,
                          referral_source="first_assessment")
    session_ids = {}
    for number, starts_at, mode, attendance, minutes, agenda, review, homework, notes, given in _SESSIONS:
        record = add_session(vault, course.id, starts_at, mode=mode, attendance=attendance,
                             duration_minutes=minutes)
        session_ids[number] = record.id
        for instrument_id, (answers, administered_at) in given.items():
            instrument = library.instrument(instrument_id, "1")
            administration, _ = score_and_record(
                vault, course.id, instrument, dict(zip(instrument.item_ids, answers, strict=True)),
                session_id=record.id)
            with vault.write() as session:
                session.get(Administration, administration.id).administered_at = administered_at
            if administration.alerts:
                acknowledge_alert(vault, administration.id, ALERT_NOTE)
                with vault.write() as session:
                    session.get(Administration, administration.id).alert_acknowledged_at = datetime(2026, 1, 5, 7, 30)
        close_session(vault, record.id, agenda={str(k): {"done": True, "note": v} for k, v in agenda.items()},
                      homework_review=review, homework_given=homework, notes=notes)
    if finished:
        finish_course(vault, course.id, status="completed", end_date=date(2026, 2, 2), reason=END_REASON,
                      usefulness=3, next_step="follow_up")
    return SampleCourse(client.id, course.id, session_ids)



ADOLESCENT_HETU = "150410A912W"  # a temporary / test code (individual number 912)
DRAFT_NOTE = "Luonnos: jatketaan pelkotikkaiden kanssa."
CONTACT_NOTE = "Isä soitti, sovittiin seuraavasta käynnistä."


@dataclass(frozen=True)
class AdolescentCourse:
    client_id: str
    course_id: str
    session_ids: dict[int, str]  # by session row number (the phone contact is number 5)
    contact_id: str


def build_adolescent_course(vault, library) -> AdolescentCourse:
    """KLT for adolescents, planned at 8 visits and visited 9 times, the 9th still open; a phone call with the
    father between visits 4 and 5 (a contact, not a visit of the method); RCADS-25 rated by a parent at the first
    and the last visit (50, then 38). Every session row is numbered in order, so the contact is row 5 and the
    visits of the method are rows 1-4 and 6-10."""
    client = add_client(vault, ClientData("Eino", "Esimerkki", date(2010, 4, 15), ADOLESCENT_HETU, language="sv"))
    protocol = library.protocol("klt_adolescents", "1")
    course = start_course(vault, client.id, protocol.id, protocol.version, status="planned",
                          need_established=date(2026, 2, 2), planned_sessions=8, icd10="F41.1",
                          goal="Käydä koulussa ilman vatsakipua.", care_step=2, referral_source="school")
    rcads = library.instrument("rcads25", "1")
    answers = {1: (2,) * 25, 10: (2,) * 13 + (1,) * 12}  # totals 50 and 38
    session_ids, contact_id, visit = {}, "", 0
    for row in range(1, 11):
        starts_at = datetime(2026, 2, 9, 9, 0) + timedelta(days=7 * (row - 1))
        if row == 5:
            record = add_session(vault, course.id, starts_at.replace(hour=14), mode="phone", attendance="attended",
                                 duration_minutes=10, notes=CONTACT_NOTE, attendees=["parent"])
            with vault.write() as session:
                session.get(Session, record.id).kind = "phone"
            close_session(vault, record.id)
            session_ids[row], contact_id = record.id, record.id
            continue
        visit += 1
        record = add_session(vault, course.id, starts_at, mode="in_person", attendance="attended",
                             duration_minutes=45, attendees=["client", "parent"] if visit in (1, 9) else ["client"])
        session_ids[row] = record.id
        if row in answers:
            administration, _ = score_and_record(
                vault, course.id, rcads, dict(zip(rcads.item_ids, answers[row], strict=True)), respondent="parent",
                session_id=record.id)
            with vault.write() as session:
                session.get(Administration, administration.id).administered_at = starts_at - timedelta(hours=2)
        if visit < 9:
            close_session(vault, record.id, agenda={"0": {"done": True, "note": ""}},
                          homework_given="Pelkotikkaiden ensimmäinen askel." if visit == 8 else "")
        else:
            autosave = {"agenda": {"0": {"done": True, "note": ""}}, "notes": DRAFT_NOTE}
            update_session(vault, record.id, **autosave)
    return AdolescentCourse(client.id, course.id, session_ids, contact_id)
