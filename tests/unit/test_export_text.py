"""The record text entry: a fixed course with fixed dates and scores against expected text written by hand."""

from __future__ import annotations

import re

import pytest

from askel.export.sample import (
    AGENDA_NOTE,
    ALERT_NOTE,
    CLINICIAN_NOTE,
    END_REASON,
    HOMEWORK_REVIEW,
    build_sample_course,
)
from askel.export.text_entry import PHRASES, SECTION_KEYS, build_entry, text_entry
from askel.store.courses import load_course, update_course
from askel.store.models import Administration

COURSE_FI = """\
Hoitojakson yhteenveto: Kognitiivinen lyhytterapia (KLT) aikuisille

Hoidon tarve
Hoidon tarve todettu 2.1.2026.
Ohjautuminen: ensijäsennyskäynti.
Diagnoosi (ICD-10): F32.1
Alkumittaus: GAD-7 12 (keskivaikea); PHQ-9 16 (melko vaikea).

Hoidon suunnittelu / tavoite
Menetelmä: Kognitiivinen lyhytterapia (KLT) aikuisille, suunniteltu 5 käyntiä.
Tavoite: Nukkua paremmin ja palata harrastuksiin.
Hoitoporras (työntekijän arvio): 2 lyhytterapia.

Hoidon toteutus
Toimenpidekoodi (THL): IDY03
Käynnit: toteutunut 3, suunniteltu 5; peruttu 1, ei saapunut 0.
Käynti 1/5 5.1.2026 klo 9.00, vastaanotolla, 45 min.
- Käsitellyt asiat: Alkukyselyjen läpikäynti yhdessä; Konkreettisista tavoitteista sopiminen
- Kotitehtävä: Unipäiväkirja viikon ajan.
- Muistiinpanot: Uni heikentynyt syksystä asti.
Käynti 2/5 12.1.2026 klo 9.00: peruttu.
Käynti 3/5 19.1.2026 klo 9.00, videoyhteydellä, 30 min.
- Käsitellyt asiat: Tapaamisen asialistasta sopiminen (Unipäiväkirja tuttu ennestään); Kotitehtävän läpikäynti; \
Yhteenveto ja palaute tapaamisesta
- Kotitehtävän toteutuminen: Päiväkirja täytetty viitenä päivänä.
- Kotitehtävä: Kaksi mukavaa tekemistä viikossa.
Käynti 4/5 2.2.2026 klo 9.00, vastaanotolla, 45 min.
- Käsitellyt asiat: Kuulumiset ja kyselyjen tulokset; Valitun menetelmän harjoittelu

Hoidon arviointi
GAD-7: alussa 12 (keskivaikea), viimeisin 6 (lievä), muutos -6.
PHQ-9: alussa 16 (melko vaikea), viimeisin 9 (lievä), muutos -7.
Muutosluokka: toipunut, luotettava kohentuminen.
Raja-arvot: NHS Talking Therapies, Englannin kansallinen psykologisten hoitojen ohjelma. Kliininen taso: PHQ-9 \
vähintään 10 tai GAD-7 vähintään 8. Luotettava muutos: PHQ-9 6, GAD-7 4 pistettä.
GAD-7, PHQ-9: kysymykset ovat Askelin omaa sanamuotoa, eivät validoitu käännös.
Asiakkaan arvio hoidon hyödyllisyydestä: 3/4.
PHQ-9, kysymys 9 (5.1.2026, vastaus 1): vaatii kliinisen arvion. Kuitattu 5.1.2026: Arvioitu vastaanotolla, \
ei välitöntä vaaraa; turvasuunnitelma tehty.

Jatkosuunnitelma
Hoitojakso päättyi 2.2.2026: toteutui suunnitellusti.
Lopettamisen syy tai huomiot: Tavoitteet saavutettu osittain.
Jatko (työntekijän päätös): seurantakäynti.
"""

COURSE_SV = """\
Sammanfattning av vårdperioden: Kognitiv korttidsterapi för vuxna

Vårdbehov
Vårdbehovet konstaterat 2.1.2026.
Kontaktväg: första bedömning.
Diagnos (ICD-10): F32.1
Utgångsmätning: GAD-7 12 (måttlig); PHQ-9 16 (måttligt svår).

Planering av vården / mål
Metod: Kognitiv korttidsterapi för vuxna, planerat 5 besök.
Mål: Nukkua paremmin ja palata harrastuksiin.
Vårdnivå (yrkespersonens bedömning): 2 korttidsterapi.

Genomförande av vården
Åtgärdskod (THL): IDY03
Besök: genomförda 3, planerade 5; avbokade 1, uteblivna 0.
Besök 1/5 5.1.2026 kl. 9.00, på mottagningen, 45 min.
- Behandlade frågor: Gå igenom startformulären tillsammans; Komma överens om konkreta mål
- Hemuppgift: Unipäiväkirja viikon ajan.
- Anteckningar: Uni heikentynyt syksystä asti.
Besök 2/5 12.1.2026 kl. 9.00: avbokat.
Besök 3/5 19.1.2026 kl. 9.00, via video, 30 min.
- Behandlade frågor: Komma överens om träffens dagordning (Unipäiväkirja tuttu ennestään); Genomgång av \
hemuppgiften; Sammanfattning och återkoppling på träffen
- Uppföljning av hemuppgiften: Päiväkirja täytetty viitenä päivänä.
- Hemuppgift: Kaksi mukavaa tekemistä viikossa.
Besök 4/5 2.2.2026 kl. 9.00, på mottagningen, 45 min.
- Behandlade frågor: Hur det har gått och formulärens resultat; Öva på den valda metoden

Bedömning av vården
GAD-7: vid start 12 (måttlig), senast 6 (lindrig), förändring -6.
PHQ-9: vid start 16 (måttligt svår), senast 9 (lindrig), förändring -7.
Förändringskategori: återhämtad, tillförlitlig förbättring.
Gränsvärden: NHS Talking Therapies, Englands nationella program för psykologisk behandling. Klinisk nivå: PHQ-9 \
minst 10 eller GAD-7 minst 8. Tillförlitlig förändring: PHQ-9 6, GAD-7 4 poäng.
GAD-7, PHQ-9: frågorna är Askels egen formulering, inte den validerade översättningen.
Klientens bedömning av vårdens nytta: 3/4.
PHQ-9, fråga 9 (5.1.2026, svar 1): kräver klinisk bedömning. Kvitterat 5.1.2026: Arvioitu vastaanotolla, \
ei välitöntä vaaraa; turvasuunnitelma tehty.

Fortsatt plan
Vårdperioden avslutades 2.2.2026: genomförd enligt plan.
Orsak eller kommentarer: Tavoitteet saavutettu osittain.
Fortsättning (yrkespersonens beslut): uppföljningsbesök.
"""

SESSION_1_FI = """\
Käynti 1/5: Kognitiivinen lyhytterapia (KLT) aikuisille

Hoidon tarve
Hoidon tarve todettu 2.1.2026.
Ohjautuminen: ensijäsennyskäynti.
Diagnoosi (ICD-10): F32.1

Hoidon suunnittelu / tavoite
Menetelmä: Kognitiivinen lyhytterapia (KLT) aikuisille, suunniteltu 5 käyntiä.
Tavoite: Nukkua paremmin ja palata harrastuksiin.
Hoitoporras (työntekijän arvio): 2 lyhytterapia.

Hoidon toteutus
Toimenpidekoodi (THL): IDY03
Käynti 1/5 5.1.2026 klo 9.00, vastaanotolla, 45 min.
- Käsitellyt asiat: Alkukyselyjen läpikäynti yhdessä; Konkreettisista tavoitteista sopiminen
- Kotitehtävä: Unipäiväkirja viikon ajan.
- Muistiinpanot: Uni heikentynyt syksystä asti.

Hoidon arviointi
PHQ-9: 16 pistettä (melko vaikea), alkumittaus.
GAD-7: 12 pistettä (keskivaikea), alkumittaus.
PHQ-9, GAD-7: kysymykset ovat Askelin omaa sanamuotoa, eivät validoitu käännös.
PHQ-9, kysymys 9 (5.1.2026, vastaus 1): vaatii kliinisen arvion. Kuitattu 5.1.2026: Arvioitu vastaanotolla, \
ei välitöntä vaaraa; turvasuunnitelma tehty.

Jatkosuunnitelma
Seuraava käynti 2/5: Yhteisen käsityksen tarkentaminen ja ensimmäisen menetelmän aloittaminen.
"""

SESSION_3_SV = """\
Besök 3/5: Kognitiv korttidsterapi för vuxna

Vårdbehov
Vårdbehovet konstaterat 2.1.2026.
Kontaktväg: första bedömning.
Diagnos (ICD-10): F32.1

Planering av vården / mål
Metod: Kognitiv korttidsterapi för vuxna, planerat 5 besök.
Mål: Nukkua paremmin ja palata harrastuksiin.
Vårdnivå (yrkespersonens bedömning): 2 korttidsterapi.

Genomförande av vården
Åtgärdskod (THL): IDY03
Besök 3/5 19.1.2026 kl. 9.00, via video, 30 min.
- Behandlade frågor: Komma överens om träffens dagordning (Unipäiväkirja tuttu ennestään); Genomgång av \
hemuppgiften; Sammanfattning och återkoppling på träffen
- Uppföljning av hemuppgiften: Päiväkirja täytetty viitenä päivänä.
- Hemuppgift: Kaksi mukavaa tekemistä viikossa.

Bedömning av vården
PHQ-9: 12 poäng (måttlig), förändring sedan start -4.
PHQ-9: frågorna är Askels egen formulering, inte den validerade översättningen.

Fortsatt plan
Nästa besök 4/5: Öva på metoderna i riktning mot målen.
"""

CLINICIAN_ONLY = (CLINICIAN_NOTE, AGENDA_NOTE, HOMEWORK_REVIEW, ALERT_NOTE, END_REASON)


@pytest.fixture
def sample(vault, content_library):
    return build_sample_course(vault, content_library)


@pytest.fixture
def course(vault, sample):
    return load_course(vault, sample.course_id)


def test_course_entry_in_finnish(course, content_library):
    assert text_entry(course, content_library, "fi") == COURSE_FI


def test_course_entry_in_swedish(course, content_library):
    assert text_entry(course, content_library, "sv") == COURSE_SV


def test_session_entries(course, content_library):
    assert text_entry(course, content_library, "fi", session_number=1) == SESSION_1_FI
    assert text_entry(course, content_library, "sv", session_number=3) == SESSION_3_SV


def test_sections_follow_the_national_headings(course, content_library):
    entry = build_entry(course, content_library, "fi")
    assert [s.key for s in entry.sections] == list(SECTION_KEYS)
    assert [s.heading for s in entry.sections] == [
        "Hoidon tarve", "Hoidon suunnittelu / tavoite", "Hoidon toteutus", "Hoidon arviointi", "Jatkosuunnitelma"]
    swedish = build_entry(course, content_library, "sv")
    assert [s.heading for s in swedish.sections] == [
        "Vårdbehov", "Planering av vården / mål", "Genomförande av vården", "Bedömning av vården", "Fortsatt plan"]


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_client_audience_leaves_out_clinician_notes_and_alerts(course, content_library, language):
    for session_number in (None, 1, 3):
        text = text_entry(course, content_library, language, audience="client", session_number=session_number)
        for secret in CLINICIAN_ONLY:
            assert secret not in text
        assert "kliinisen arvion" not in text and "klinisk bedömning" not in text
    # What was agreed with the client stays.
    assert "Kaksi mukavaa tekemistä viikossa." in text_entry(course, content_library, language, audience="client")


def test_unacknowledged_alert_says_so(vault, course, content_library):
    with vault.write() as session:
        for administration in session.query(Administration).filter(Administration.alerts != "[]"):
            administration.alert_acknowledged_at = None
            administration.alert_action_note = None
    reloaded = load_course(vault, course.id)
    assert "vaatii kliinisen arvion. Ei vielä kuitattu." in text_entry(reloaded, content_library, "fi")
    assert "kräver klinisk bedömning. Ännu inte kvitterat." in text_entry(reloaded, content_library, "sv")


@pytest.mark.parametrize("step", [1, 2, 3, 4])
def test_never_recommends_a_treatment_step(vault, sample, content_library, step):
    update_course(vault, sample.course_id, care_step=step)
    course = load_course(vault, sample.course_id)
    for language in ("fi", "sv"):
        text = text_entry(course, content_library, language).lower()
        assert not re.search(r"suosit|suositel|rekommend|recommend|ehdot|föreslå", text)
        # A step appears only as the clinician's own assessment or decision.
        assert ("työntekijän arvio" in text) if language == "fi" else ("yrkespersonens bedömning" in text)


def test_language_is_independent_of_the_ui(course, content_library):
    from PySide6.QtCore import QLocale

    previous = QLocale()
    QLocale.setDefault(QLocale("sv_FI"))
    try:
        assert text_entry(course, content_library, "fi") == COURSE_FI
    finally:
        QLocale.setDefault(previous)


def test_active_course_says_what_comes_next(vault, content_library):
    sample = build_sample_course(vault, content_library, finished=False, hetu=None)
    text = text_entry(load_course(vault, sample.course_id), content_library, "fi")
    assert text.endswith("Jatkosuunnitelma\nHoitojakso jatkuu: seuraava käynti 5/5.\n")
    # A course under way gets no outcome category ("recovered" after a few visits would mislead), only where the
    # latest measurement is (the language review's fi-55 and sv-35).
    assert "Muutosluokka" not in text
    assert "Viimeisimmässä mittauksessa oireet ovat kliinisen raja-arvon alapuolella" in text


def test_errors_carry_no_client_data(course, content_library):
    with pytest.raises(LookupError) as error:
        build_entry(course, content_library, "fi", session_number=9)
    assert "Esimerkki" not in str(error.value)
    with pytest.raises(ValueError):
        build_entry(course, content_library, "en")
    with pytest.raises(ValueError):
        build_entry(course, content_library, "fi", audience="everyone")


def test_phrase_tables_match():
    placeholders = re.compile(r"\{[a-z_]+\}")
    assert PHRASES["fi"].keys() == PHRASES["sv"].keys()
    for key, finnish in PHRASES["fi"].items():
        assert sorted(placeholders.findall(finnish)) == sorted(placeholders.findall(PHRASES["sv"][key])), key
