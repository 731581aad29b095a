"""A fixed, fictitious course with fixed dates and scores: the reference input of the export tests and demos.

Everything that reaches an export is fixed here (dates, times, answers, notes), so an expected export can be
written out by hand and compared exactly. The identity code is the documented example `131052-308T`; the person
is invented.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from askel.store.clients import ClientData, add_client
from askel.store.courses import (
    acknowledge_alert,
    add_session,
    close_session,
    finish_course,
    score_and_record,
    start_course,
)
from askel.store.models import Administration

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

