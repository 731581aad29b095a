"""What a score says reaches every export (issue 12): a prorated score names the question not answered, a risk
question left blank is said as such, the wording is said once, and the outcome names its source. Expected texts are
written by hand from the rules (PHQ-9: at most one missing item, prorated to nine, one decimal, band from the exact
value)."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest

from askel.export.fhir import build_bundle
from askel.export.text_entry import text_entry
from askel.store.clients import ClientData, add_client
from askel.store.courses import add_session, load_course, score_and_record, start_course


@pytest.fixture
def course(vault, content_library):
    client = add_client(vault, ClientData("Aino", "Esimerkki", date(1990, 5, 6), None))
    course = start_course(vault, client.id, "klt_adults", "1", need_established=date(2026, 1, 2))
    first = add_session(vault, course.id, datetime(2026, 1, 5, 9), attendance="attended", closed=True)
    second = add_session(vault, course.id, datetime(2026, 1, 12, 9), attendance="attended", closed=True)
    phq9 = content_library.instrument("phq9")
    # Session 1: question 4 blank: 2+1+3+2+1+3+0+1 = 13 of eight, 13 * 9 / 8 = 14.625, shown 14,6, moderate (10-14).
    answers = dict(zip(phq9.item_ids, [2, 1, 3, None, 2, 1, 3, 0, 1], strict=True))
    record, _ = score_and_record(vault, course.id, phq9, answers, session_id=first.id)
    # Session 2: question 9 blank: eight answers of 1 = 8, prorated 9, mild; a risk question left blank.
    answers = dict(zip(phq9.item_ids, [1, 1, 1, 1, 1, 1, 1, 1, None], strict=True))
    score_and_record(vault, course.id, phq9, answers, session_id=second.id)
    return load_course(vault, course.id)


def test_the_record_text_names_the_questions_not_answered(course, content_library):
    text = text_entry(course, content_library, "fi")
    assert "PHQ-9: alussa 14,6 (keskivaikea; suhteutettu, kysymys 4 vastaamatta), viimeisin 9 (lievä; suhteutettu, " \
           "kysymys 9 vastaamatta), muutos -5,6." in text
    # The alert line: the date is when the questionnaire was filled in (today in this test).
    assert re.search(r"PHQ-9, kysymykseen 9 ei vastattu \([0-9.]+\): asiasta kysytään asiakkaalta itse\.", text)
    assert text.count("kysymykset ovat Askelin omaa sanamuotoa, eivät validoitu käännös") == 1
    swedish = text_entry(course, content_library, "sv", session_number=1)
    assert "PHQ-9: 14,6 poäng (måttlig; uppräknad, fråga 4 obesvarad), utgångsmätning." in swedish


def test_the_fhir_observation_keeps_one_decimal_and_says_what_the_score_is(course, content_library):
    bundle = build_bundle(course, content_library, "fi")
    resources = [entry["resource"] for entry in bundle["entry"]]
    observations = sorted((r for r in resources if r["resourceType"] == "Observation"),
                          key=lambda r: r["effectiveDateTime"])
    first = observations[0]
    assert first["valueQuantity"]["value"] == 14.6 and first["interpretation"] == [{"text": "keskivaikea"}]
    notes = [note["text"] for note in first["note"]]
    assert notes[0] == ("Pisteet on suhteutettu koko kyselyyn vastattujen kysymysten perusteella, koska kysymykseen 4 "
                        "ei vastattu.")
    assert "PHQ-9: kysymykset ovat Askelin omaa sanamuotoa, eivät validoitu käännös." in notes
    second_notes = " ".join(note["text"] for note in observations[1]["note"])
    assert "Kysymykseen 9 (ajatukset kuolemasta tai itsensä vahingoittamisesta) ei vastattu." in second_notes
    responses = sorted((r for r in resources if r["resourceType"] == "QuestionnaireResponse"),
                       key=lambda r: r["authored"])
    items = {item["linkId"]: item for item in responses[0]["item"]}
    assert "answer" not in items["q4"] and items["q5"]["answer"] == [{"valueInteger": 2}]


def test_what_a_score_says_reaches_the_record_in_latin_9(course, content_library):
    # Record fields may take only ISO-8859-15: the band set labels (20–64) and the wording note's dash included.
    for language in ("fi", "sv"):
        text_entry(course, content_library, language).encode("iso-8859-15")
