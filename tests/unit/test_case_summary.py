"""The anonymised case summary for mentoring: nothing that names the client leaves, the clinical picture does.

Every identifier of the client (name, identity code, birth date, school, local identifier, phone) and every free
text of the course (session notes, agenda item notes, homework, goal, reason for ending, alert acknowledgement) is
filled with a distinctive string; none of them may appear in the text or in the PDF (text extracted with
`pdftotext` from poppler-utils), in Finnish or in Swedish. The session free texts appear only when the clinician
explicitly includes them.
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from askel.core.hetu import check_character
from askel.export.case_summary import (
    BLOCKING,
    CaseSummaryOptions,
    build_case_summary,
    case_summary_pdf,
    case_summary_text,
    identifying_details,
    render_case_summary,
    save_case_summary,
    suggested_file_name,
)
from askel.export.pdf import ensure_gui_application
from askel.export.retention import expired_course_ids
from askel.store.clients import ClientData, GuardianData, add_client
from askel.store.courses import (
    CaseCounts,
    acknowledge_alert,
    add_session,
    case_counts_by_method,
    close_session,
    finish_course,
    load_course,
    score_and_record,
    start_course,
)
from askel.store.models import AuditEvent, ExportRecord

POPPLER = shutil.which("pdftotext") is not None
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils (pdftotext) is not installed")

HETU = "070311A912" + check_character("070311912")  # a temporary individual number: no real person has it
BIRTH_DATE = date(2011, 3, 7)
GIVEN, FAMILY = "Ilmatar", "Sarvilinna"
SCHOOL = "Vaahterapuiston koulu"
PHONE = "040 765 4321"
GUARDIAN = "Raili Sarvilinna"
NOTE = f"NOTEMARK {GIVEN} riiteli isänsä kanssa"
AGENDA_NOTE = "AGENDAMARK kesälomasta"
HOMEWORK = "HOMEWORKMARK päiväkirja"
HOMEWORK_REVIEW = "REVIEWMARK tehty kolmesti"
GOAL = f"GOALMARK {GIVEN} palaa kouluun"
END_REASON = f"ENDMARK {FAMILY} muutti"
ALERT_NOTE = f"ALERTMARK soitettu {GUARDIAN}"
REFERRAL = "TN-REFMARK"
SESSION_NOTE_TEXTS = (NOTE, AGENDA_NOTE, HOMEWORK, HOMEWORK_REVIEW)
NEVER = (GOAL, END_REASON, ALERT_NOTE, REFERRAL, "GOALMARK", "ENDMARK", "ALERTMARK", "REFMARK")


@pytest.fixture(autouse=True)
def qt_application(qapp):
    """A QApplication before any PDF is made (see tests/unit/test_pdf.py)."""
    return qapp


@dataclass
class Case:
    course: object
    client: object
    session_ids: dict[int, str]


@pytest.fixture
def case(vault, content_library) -> Case:
    """IPC for adolescents, focus role dispute, 6 planned: session 1 attended (agenda 0 and 2 done, PHQ-9 15 with a
    risk answer, GAD-7 11), session 2 no-show, session 3 attended (agenda 1 done, PHQ-9 8); interrupted."""
    ensure_gui_application()
    client = add_client(vault, ClientData(GIVEN, FAMILY, BIRTH_DATE, HETU, language="fi", school_or_unit=SCHOOL,
                                          phone=PHONE, guardians=[GuardianData(GUARDIAN, "äiti", "040 111 2222")]))
    course = start_course(vault, client.id, "ipc_adolescents", "1", status="planned", planned_sessions=6,
                          need_established=date(2026, 1, 2), focus_area="role_dispute", goal=GOAL,
                          referral_source="terapianavigaattori", referral_reference=REFERRAL)
    phq9, gad7 = content_library.instrument("phq9", "1"), content_library.instrument("gad7", "1")
    ids = {}
    first = add_session(vault, course.id, datetime(2026, 1, 8, 14, 5), mode="in_person", attendance="attended",
                        duration_minutes=45, attendees=["client", "parent"])
    ids[1] = first.id
    phq, _ = score_and_record(vault, course.id, phq9, dict(zip(phq9.item_ids, (2, 2, 2, 2, 2, 2, 1, 1, 1),
                                                            strict=True)), session_id=first.id)
    acknowledge_alert(vault, phq.id, ALERT_NOTE)
    score_and_record(vault, course.id, gad7, dict(zip(gad7.item_ids, (2, 2, 2, 2, 1, 1, 1), strict=True)),
                     session_id=first.id)
    close_session(vault, first.id, notes=NOTE, homework_given=HOMEWORK,
                  agenda={"0": {"done": True, "note": AGENDA_NOTE}, "2": {"done": True, "note": ""}})
    missed = add_session(vault, course.id, datetime(2026, 1, 15, 14, 5), attendance="no_show")
    ids[2] = missed.id
    close_session(vault, missed.id)
    third = add_session(vault, course.id, datetime(2026, 1, 22, 14, 5), mode="phone", attendance="attended",
                        duration_minutes=30)
    ids[3] = third.id
    score_and_record(vault, course.id, phq9, dict(zip(phq9.item_ids, (1, 1, 1, 1, 1, 1, 1, 1, 0), strict=True)),
                     session_id=third.id)
    close_session(vault, third.id, homework_review=HOMEWORK_REVIEW, agenda={"1": {"done": True, "note": ""}})
    finish_course(vault, course.id, status="interrupted", end_date=date(2026, 1, 29), reason=END_REASON,
                  usefulness=2, next_step="follow_up")
    loaded = load_course(vault, course.id)
    return Case(loaded, loaded.client, ids)


def identifiers(client) -> list[str]:
    day, month, year = BIRTH_DATE.day, BIRTH_DATE.month, BIRTH_DATE.year
    return [GIVEN, FAMILY, GUARDIAN, "Raili", HETU, HETU[:6], client.local_id, SCHOOL, "Vaahterapuisto", PHONE,
            "7654321", f"{day}.{month}.{year}", f"{day:02d}.{month:02d}.{year}", BIRTH_DATE.isoformat(),
            # no dates at all: the visits were in January 2026, the birth in 2011
            "2026", "2011", "8.1.", "22.1."]


def pdf_text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / f"summary-{len(list(tmp_path.glob('*.pdf')))}.pdf"
    path.write_bytes(data)
    result = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
    # NFKC: the PDF sets "ff" as a ligature, which pdftotext gives back as one character.
    return " ".join(unicodedata.normalize("NFKC", result.stdout.decode("utf-8")).split())


def flat(text: str) -> str:
    return " ".join(text.split())


def agenda(content_library, number: int, language: str) -> list[str]:
    template = content_library.protocol("ipc_adolescents", "1").session_template(number, 6)
    return [item.get(language) for item in template.agenda]


DONE = {"fi": "Käsitelty", "sv": "Behandlat"}
SKIPPED = {"fi": "Jäi käsittelemättä", "sv": "Blev obehandlat"}


def renderings(case, content_library, tmp_path, language, **options) -> dict[str, str]:
    chosen = CaseSummaryOptions(language, **options)
    return {
        "text": case_summary_text(case.course, content_library, chosen),
        "pdf": pdf_text(case_summary_pdf(case.course, content_library, chosen), tmp_path) if POPPLER else "",
    }


# -- nothing that names the client ---------------------------------------------------------------------------------
@needs_poppler
@pytest.mark.parametrize("language", ["fi", "sv"])
def test_no_identifier_and_no_free_text_leaves(case, content_library, tmp_path, language):
    for kind, text in renderings(case, content_library, tmp_path, language,
                                 what_was_hard="Keskustelu jumittui.").items():
        assert text.strip(), kind
        for secret in identifiers(case.client) + list(SESSION_NOTE_TEXTS) + list(NEVER) + [
            "NOTEMARK", "AGENDAMARK", "HOMEWORKMARK", "REVIEWMARK"
        ]:
            assert secret.casefold() not in text.casefold(), f"{kind} ({language}) carries {secret!r}"


@needs_poppler
@pytest.mark.parametrize("language", ["fi", "sv"])
def test_session_notes_only_when_included(case, content_library, tmp_path, language):
    for kind, text in renderings(case, content_library, tmp_path, language, include_notes=True).items():
        for note in SESSION_NOTE_TEXTS:
            assert note in text, f"{kind} ({language}) lacks {note!r}"
        # Including notes brings the notes, not the identity fields nor the other free texts.
        for secret in (HETU, case.client.local_id, SCHOOL, PHONE, f"{BIRTH_DATE.day}.{BIRTH_DATE.month}.",
                       *NEVER):
            assert secret not in text, f"{kind} ({language}) carries {secret!r}"
    warning = {"fi": "voi tunnistaa asiakkaan", "sv": "kan avslöja vem klienten är"}[language]
    assert warning in case_summary_text(case.course, content_library, CaseSummaryOptions(language, include_notes=True))
    assert warning not in case_summary_text(case.course, content_library, CaseSummaryOptions(language))


# -- what the mentor needs -------------------------------------------------------------------------------------------
@needs_poppler
@pytest.mark.parametrize("language", ["fi", "sv"])
def test_agenda_done_and_skipped_per_session(case, content_library, tmp_path, language):
    first, third = agenda(content_library, 1, language), agenda(content_library, 3, language)
    expected = [
        f"{DONE[language]}: {first[0]}; {first[2]}",
        f"{SKIPPED[language]}: " + "; ".join(item for i, item in enumerate(first) if i not in (0, 2)),
        f"{DONE[language]}: {third[1]}",
        f"{SKIPPED[language]}: " + "; ".join(item for i, item in enumerate(third) if i != 1),
    ]
    rendered = renderings(case, content_library, tmp_path, language)
    lines = rendered["text"].splitlines()
    assert [line.removeprefix("- ") for line in lines if line.startswith("- ")] == expected
    missed = {"fi": "Tapaaminen 2/6: asiakas ei saapunut", "sv": "Träff 2/6: klienten uteblev"}[language]
    assert missed in lines
    for line in expected + [missed]:
        assert flat(line) in rendered["pdf"]


@needs_poppler
@pytest.mark.parametrize("language", ["fi", "sv"])
def test_course_facts_and_score_trajectory(case, content_library, tmp_path, language):
    rendered = renderings(case, content_library, tmp_path, language)
    text, pdf = rendered["text"], rendered["pdf"]
    facts = {
        "fi": ["Menetelmä: Interpersoonallinen ohjanta nuorille (IPC-nuoret)", "Painopistealue: Ristiriidat ihmissuhteissa",
               "Tilanne: keskeytyi", "Tapaamiset: 2 toteutunut, suunniteltu 6; peruttu 0, asiakas ei saapunut 1",
               "Tapaaminen 1/6: vastaanotolla, 45 min, vanhempi mukana", "Tapaaminen 3/6: puhelimitse, 30 min"],
        "sv": ["Läge: avbruten", "Träffar: 2 genomförda, planerat 6; avbokade 0, klienten uteblev 1",
               "Träff 1/6: på mottagningen, 45 min, förälder med", "Träff 3/6: per telefon, 30 min"],
    }[language]
    protocol = content_library.protocol("ipc_adolescents", "1")
    area = next(a for a in protocol.focus_areas if a.id == "role_dispute").name.get(language)
    facts += [protocol.name.get(language), area]
    for fact in facts:
        assert fact in text, fact
        assert flat(fact) in pdf, fact
    rows = {
        "fi": ["GAD-7, tapaaminen 1: 11 pistettä (keskivaikea)", "PHQ-9, tapaaminen 1: 15 pistettä (melko vaikea)",
               "PHQ-9, tapaaminen 3: 8 pistettä (lievä)", "PHQ-9: muutos ensimmäisestä viimeiseen mittaukseen -7",
               "PHQ-9, tapaaminen 1: vastaus kysymykseen 9 vaati kliinisen arvion."],
        "sv": ["GAD-7, träff 1: 11 poäng (måttlig)", "PHQ-9, träff 1: 15 poäng (måttligt svår)",
               "PHQ-9, träff 3: 8 poäng (lindrig)", "PHQ-9: förändring från första till senaste mätningen -7",
               "PHQ-9, träff 1: svaret på fråga 9 krävde klinisk bedömning."],
    }[language]
    for row in rows:
        assert row in text.splitlines(), row
    # The PDF's table: instrument, session, score, band.
    table_rows = {"fi": ["GAD-7 1 11 keskivaikea", "PHQ-9 1 15 melko vaikea", "PHQ-9 3 8 lievä"],
                  "sv": ["GAD-7 1 11 måttlig", "PHQ-9 1 15 måttligt svår", "PHQ-9 3 8 lindrig"]}[language]
    header = {"fi": "Mittari Tapaaminen Pisteet Vaikeusaste", "sv": "Mätare Träff Poäng Svårighetsgrad"}[language]
    assert header in pdf
    for row in table_rows:
        assert row in pdf, row
    assert flat(rows[3]) in pdf


def test_what_was_hard_is_kept_as_written_and_the_language_is_the_summarys(case, content_library):
    hard = "Miten pysyä painopistealueessa?\r\n\r\nAsiakas vaihtoi aihetta usein.  \n"
    fi = build_case_summary(case.course, content_library, CaseSummaryOptions("fi", hard))
    sv = build_case_summary(case.course, content_library, CaseSummaryOptions("sv", hard))
    assert fi.what_was_hard == "Miten pysyä painopistealueessa?\n\nAsiakas vaihtoi aihetta usein."
    assert fi.text().endswith("Mikä oli vaikeaa\nMiten pysyä painopistealueessa?\n\nAsiakas vaihtoi aihetta "
                              "usein.\n")
    assert "Vad som var svårt\nMiten pysyä" in sv.text()
    assert sv.text().startswith("Anonymiserad fallsammanfattning för metodhandledning\n")
    empty = case_summary_text(case.course, content_library, CaseSummaryOptions("sv"))
    assert empty.endswith("Vad som var svårt\nInget skrivet.\n")
    with pytest.raises(ValueError):
        build_case_summary(case.course, content_library, CaseSummaryOptions("en"))


def test_a_course_without_sessions_or_questionnaires(vault, content_library):
    client = add_client(vault, ClientData("Eero", "Esimerkki", date(1990, 1, 1)))
    course = start_course(vault, client.id, "klt_adults", "1", planned_sessions=5)
    text = case_summary_text(load_course(vault, course.id), content_library, CaseSummaryOptions("fi"))
    assert "Tapaamisia ei ole vielä kirjattu." in text and "Kyselyjä ei täytetty." in text
    assert "Tilanne: ei vielä alkanut" in text and "Eero" not in text
    data = case_summary_pdf(load_course(vault, course.id), content_library, CaseSummaryOptions("sv"))
    assert data.startswith(b"%PDF-")


# -- the clinician's own text ----------------------------------------------------------------------------------------
def test_identifying_details_in_the_clinicians_text(case):
    client = case.client
    found = identifying_details(
        f"{GIVEN}n kanssa oli vaikeaa. Hetu {HETU.lower()}, syntynyt 07.03.2011, tunniste {client.local_id}, "
        f"puhelin 0407654321, {SCHOOL}ssa.", client)
    kinds = {f.kind for f in found}
    assert kinds == {"name", "identity_code", "birth_date", "local_id", "phone", "school"}
    assert any(f.found == f"{GIVEN}n" for f in found)  # the inflected form is found whole
    assert identifying_details("Asiakas vaihtoi aihetta, ja tavoitteen sopiminen oli vaikeaa.", client) == ()
    assert identifying_details("", client) == ()
    assert {f.kind for f in identifying_details(f"{FAMILY.lower()}t", client)} == {"name"}
    assert "name" not in BLOCKING and "identity_code" in BLOCKING


# -- saving and the disclosure log -----------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["text", "pdf"])
def test_save_writes_the_file_and_logs_the_disclosure(vault, case, content_library, tmp_path, fmt):
    rendered = render_case_summary(case.course, content_library, CaseSummaryOptions("sv", "Svårt"), fmt)
    path = tmp_path / suggested_file_name(fmt, "sv")
    assert path.name.startswith("askel-case-summary-sv-") and FAMILY not in path.name
    record = save_case_summary(vault, rendered, path)
    data = path.read_bytes()
    assert data == rendered.data
    assert data.startswith(b"%PDF-") if fmt == "pdf" else data.decode("utf-8").startswith("Anonymiserad")
    assert path.stat().st_mode & 0o077 == 0  # owner only, like every export
    with vault.read() as session:
        (row,) = session.scalars(select(ExportRecord))
        (event,) = session.scalars(select(AuditEvent).where(AuditEvent.action == "export"))
    assert (row.kind, row.language, row.client_id, row.recipient, row.basis) == (
        "case_summary", "sv", case.client.id, "mentor", "mentoring")
    assert row.destination.startswith("file:") and path.name not in row.destination and row.id == record.id
    assert record.written_to == path
    assert event.client_id == case.client.id and event.target == f"course:{case.course.id}"
    assert event.detail["export_id"] == row.id and event.detail["format"] == fmt
    assert event.detail["include_notes"] is False
    # Listed with the course's exports, but not the course reaching the patient record: retention must not count it.
    assert row.course_id == case.course.id
    assert expired_course_ids(vault, date(2030, 1, 1), 1) == []


def test_a_failed_write_logs_nothing(vault, case, content_library, tmp_path):
    from askel.export.destinations import ExportError

    rendered = render_case_summary(case.course, content_library, CaseSummaryOptions("fi"), "text")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    with pytest.raises(ExportError):
        save_case_summary(vault, rendered, blocker / "summary.txt")
    with vault.read() as session:
        assert list(session.scalars(select(ExportRecord))) == []
        assert list(session.scalars(select(AuditEvent).where(AuditEvent.action == "export"))) == []


# -- counting the clinician's cases ----------------------------------------------------------------------------------
def test_case_counts_by_method(vault, case):
    client = add_client(vault, ClientData("Eero", "Esimerkki", date(1990, 1, 1)))
    for status in ("active", "completed", "completed", "planned"):
        start_course(vault, client.id, "klt_adults", "1", status=status)
    never_came = start_course(vault, client.id, "klt_adults", "1", status="planned")
    finish_course(vault, never_came.id, status="interrupted", end_date=date(2026, 2, 1))
    counts = case_counts_by_method(vault)
    assert counts == {"ipc_adolescents": CaseCounts(1, 0, 1), "klt_adults": CaseCounts(4, 2, 1)}
    assert counts["klt_adults"].ongoing == 1


def test_planned_sessions_stay_the_plan_when_the_course_runs_over(vault, content_library):
    from askel.export.case_summary import CaseSummaryOptions, case_summary_text
    from askel.export.sample import build_adolescent_course

    adolescent = build_adolescent_course(vault, content_library)
    text = case_summary_text(load_course(vault, adolescent.course_id), content_library, CaseSummaryOptions("fi"))
    # Planned at 8, nine visits of the method; the phone call is not one of them.
    assert "Tapaamiset: 9 toteutunut, suunniteltu 8;" in text


@needs_poppler
@pytest.mark.parametrize(("language", "row"), [
    ("fi", "PHQ-9, tapaaminen 1: 9 pistettä (lievä; suhteutettu, kysymys 4 vastaamatta)"),
    ("sv", "PHQ-9, träff 1: 9 poäng (lindrig; uppräknad, fråga 4 obesvarad)"),
])
def test_a_prorated_score_names_the_question_not_answered(vault, content_library, tmp_path, language, row):
    ensure_gui_application()
    client = add_client(vault, ClientData(GIVEN, FAMILY, BIRTH_DATE, HETU))
    course = start_course(vault, client.id, "klt_adults", "1", need_established=date(2026, 1, 2))
    session = add_session(vault, course.id, datetime(2026, 1, 8, 14, 5), attendance="attended")
    phq9 = content_library.instrument("phq9", "1")
    # Question 4 blank: 2+1+1+1+1+0+1+1 = 8 of eight answers, 8 * 9 / 8 = 9, mild.
    score_and_record(vault, course.id, phq9, dict(zip(phq9.item_ids, (2, 1, 1, None, 1, 1, 0, 1, 1), strict=True)),
                     session_id=session.id)
    case = Case(load_course(vault, course.id), client, {1: session.id})
    rendered = renderings(case, content_library, tmp_path, language)
    assert row in rendered["text"]
    band, note = row.split("(")[1].rstrip(")").split("; ")
    assert f"{band}; {note}" in rendered["pdf"]  # the table's band cell
