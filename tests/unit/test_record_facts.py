"""What reaches the record, said once and right: expected entries written by hand for a nurse and a psychologist,
in Finnish and Swedish, for a course planned at 8 and visited 9 times with its 9th visit still open, a phone call
that is not a visit of the method, and a questionnaire a parent answered."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from askel.core.record_headings import HeadingsError, load_headings
from askel.export.record_facts import record_facts
from askel.export.record_safe import ENCODING
from askel.export.sample import build_adolescent_course, build_sample_course
from askel.export.service import ExportPolicy, ExportRequest, render, save_to_file
from askel.export.text_entry import PHRASES, text_entry
from askel.store.clients import ClientData, add_client
from askel.store.courses import add_session, load_course, start_course, update_course

NURSE_COURSE_FI = """\
Hoitojakson yhteenveto: Kognitiivinen lyhytterapia (KLT) nuorille

Hoidon tarve
Hoidon tarve todettu 2.2.2026.
Ohjautuminen: koulu.
Diagnoosi (ICD-10): F41.1
Alkumittaus: RCADS-25 (vanhemman arvio) 50.

Hoidon suunnittelu / tavoite
Menetelmä: Kognitiivinen lyhytterapia (KLT) nuorille, suunniteltu 8 käyntiä.
Tavoite: Käydä koulussa ilman vatsakipua.
Hoitoporras (työntekijän arvio): 2 lyhytterapia.

Hoidon toteutus
Toimenpidekoodi (THL): IDY03
Käynnit: toteutunut 9, suunniteltu 8; peruttu 0, ei saapunut 0.
Käynti 1/8 9.2.2026 klo 9.00, vastaanotolla, 45 min.
- Läsnä: asiakas, vanhempi
- Käsitellyt asiat: Alkukyselyjen läpikäynti yhdessä
Käynti 2/8 16.2.2026 klo 9.00, vastaanotolla, 45 min.
- Käsitellyt asiat: Kuulumiset ja kyselyjen tulokset
Käynti 3/8 23.2.2026 klo 9.00, vastaanotolla, 45 min.
- Käsitellyt asiat: Kuulumiset ja kyselyjen tulokset
Käynti 4/8 2.3.2026 klo 9.00, vastaanotolla, 45 min.
- Käsitellyt asiat: Kuulumiset ja kyselyjen tulokset
Muu yhteydenotto 9.3.2026 klo 14.00: puhelu, puhelimitse, 10 min.
- Muistiinpanot: Isä soitti, sovittiin seuraavasta käynnistä.
Käynti 5/8 16.3.2026 klo 9.00, vastaanotolla, 45 min.
- Käsitellyt asiat: Kuulumiset ja kyselyjen tulokset
Käynti 6/8 23.3.2026 klo 9.00, vastaanotolla, 45 min.
- Käsitellyt asiat: Kuulumiset ja kyselyjen tulokset
Käynti 7/8 30.3.2026 klo 9.00, vastaanotolla, 45 min.
- Käsitellyt asiat: Kuulumiset ja kyselyjen tulokset
Käynti 8/8 6.4.2026 klo 9.00, vastaanotolla, 45 min.
- Käsitellyt asiat: Edistymisen arviointi tavoitteisiin nähden
- Kotitehtävä: Pelkotikkaiden ensimmäinen askel.
Käynti 9 (suunniteltu 8) 13.4.2026 klo 9.00, vastaanotolla, 45 min: käynti on kesken, sen merkinnät ovat luonnos.
- Läsnä: asiakas, vanhempi
- Käsitellyt asiat: Kuulumiset ja kyselyjen tulokset
- Muistiinpanot: Luonnos: jatketaan pelkotikkaiden kanssa.

Hoidon arviointi
RCADS-25 (vanhemman arvio): alussa 50, viimeisin 38, muutos -12.

Jatkosuunnitelma
Suunnitellut käynnit on käyty; jatkosta päätetään hoitojakson päättyessä.
"""

PSYCHOLOGIST_COURSE_SV = """\
Sammanfattning av vårdperioden: Kognitiv korttidsterapi för unga

Kontaktorsak och anamnes
Vårdbehovet konstaterat 2.2.2026.
Kontaktväg: skolan.
Diagnos (ICD-10): F41.1
Utgångsmätning: RCADS-25 (förälderns bedömning) 50.

Mål och plan
Metod: Kognitiv korttidsterapi för unga, planerat 8 besök.
Mål: Käydä koulussa ilman vatsakipua.
Vårdnivå (yrkespersonens bedömning): 2 korttidsterapi.

Psykologens arbete
Åtgärdskod (THL): IDY03
Besök: genomförda 9, planerade 8; avbokade 0, uteblivna 0.
Besök 1/8 9.2.2026 kl. 9.00, på mottagningen, 45 min.
- Närvarande: klienten, förälder
- Behandlade frågor: Gå igenom startformulären tillsammans
Besök 2/8 16.2.2026 kl. 9.00, på mottagningen, 45 min.
- Behandlade frågor: Hur det har gått och formulärens resultat
Besök 3/8 23.2.2026 kl. 9.00, på mottagningen, 45 min.
- Behandlade frågor: Hur det har gått och formulärens resultat
Besök 4/8 2.3.2026 kl. 9.00, på mottagningen, 45 min.
- Behandlade frågor: Hur det har gått och formulärens resultat
Annan kontakt 9.3.2026 kl. 14.00: telefonsamtal, per telefon, 10 min.
- Anteckningar: Isä soitti, sovittiin seuraavasta käynnistä.
Besök 5/8 16.3.2026 kl. 9.00, på mottagningen, 45 min.
- Behandlade frågor: Hur det har gått och formulärens resultat
Besök 6/8 23.3.2026 kl. 9.00, på mottagningen, 45 min.
- Behandlade frågor: Hur det har gått och formulärens resultat
Besök 7/8 30.3.2026 kl. 9.00, på mottagningen, 45 min.
- Behandlade frågor: Hur det har gått och formulärens resultat
Besök 8/8 6.4.2026 kl. 9.00, på mottagningen, 45 min.
- Behandlade frågor: Utvärdera framstegen mot målen
- Hemuppgift: Pelkotikkaiden ensimmäinen askel.
Besök 9 (planerat 8) 13.4.2026 kl. 9.00, på mottagningen, 45 min: besöket pågår, anteckningarna är ett utkast.
- Närvarande: klienten, förälder
- Behandlade frågor: Hur det har gått och formulärens resultat
- Anteckningar: Luonnos: jatketaan pelkotikkaiden kanssa.

Bedömning och mätningar
RCADS-25 (förälderns bedömning): vid start 50, senast 38, förändring -12.

Fortsatt plan
De planerade besöken är genomförda; fortsättningen bestäms när vårdperioden avslutas.
"""

PSYCHOLOGIST_VISIT_9_FI = """\
Käynti 9 (suunniteltu 8): Kognitiivinen lyhytterapia (KLT) nuorille

Tulosyy ja esitiedot
Hoidon tarve todettu 2.2.2026.
Ohjautuminen: koulu.
Diagnoosi (ICD-10): F41.1

Tavoite ja suunnitelma
Menetelmä: Kognitiivinen lyhytterapia (KLT) nuorille, suunniteltu 8 käyntiä.
Tavoite: Käydä koulussa ilman vatsakipua.
Hoitoporras (työntekijän arvio): 2 lyhytterapia.

Psykologin työskentely
Toimenpidekoodi (THL): IDY03
Käynti 9 (suunniteltu 8) 13.4.2026 klo 9.00, vastaanotolla, 45 min: käynti on kesken, sen merkinnät ovat luonnos.
- Läsnä: asiakas, vanhempi
- Käsitellyt asiat: Kuulumiset ja kyselyjen tulokset
- Muistiinpanot: Luonnos: jatketaan pelkotikkaiden kanssa.

Arvio ja mittaukset
RCADS-25 (vanhemman arvio): 38 pistettä, muutos alusta -12.

Jatkosuunnitelma
Suunnitellut käynnit on käyty; jatkosta päätetään hoitojakson päättyessä.
"""

NURSE_VISIT_9_SV = """\
Besök 9 (planerat 8): Kognitiv korttidsterapi för unga

Vårdbehov
Vårdbehovet konstaterat 2.2.2026.
Kontaktväg: skolan.
Diagnos (ICD-10): F41.1

Planering av vården / mål
Metod: Kognitiv korttidsterapi för unga, planerat 8 besök.
Mål: Käydä koulussa ilman vatsakipua.
Vårdnivå (yrkespersonens bedömning): 2 korttidsterapi.

Genomförande av vården
Åtgärdskod (THL): IDY03
Besök 9 (planerat 8) 13.4.2026 kl. 9.00, på mottagningen, 45 min: besöket pågår, anteckningarna är ett utkast.
- Närvarande: klienten, förälder
- Behandlade frågor: Hur det har gått och formulärens resultat
- Anteckningar: Luonnos: jatketaan pelkotikkaiden kanssa.

Bedömning av vården
RCADS-25 (förälderns bedömning): 38 poäng, förändring sedan start -12.

Fortsatt plan
De planerade besöken är genomförda; fortsättningen bestäms när vårdperioden avslutas.
"""


@pytest.fixture
def adolescent(vault, content_library):
    return build_adolescent_course(vault, content_library)


@pytest.fixture
def course(vault, adolescent):
    return load_course(vault, adolescent.course_id)


@pytest.mark.parametrize(("role", "language", "row", "expected"), [
    ("nurse", "fi", None, NURSE_COURSE_FI),
    ("psychologist", "sv", None, PSYCHOLOGIST_COURSE_SV),
    ("school_psychologist", "fi", 10, PSYCHOLOGIST_VISIT_9_FI),
    ("public_health_nurse", "sv", 10, NURSE_VISIT_9_SV),
])
def test_entries_written_by_hand(course, content_library, role, language, row, expected):
    assert text_entry(course, content_library, language, session_number=row, role=role) == expected


def test_roles_without_headings_of_their_own_use_the_nursing_ones(course, content_library):
    for role in ("social_worker", "other", None):
        assert text_entry(course, content_library, "fi", role=role) == NURSE_COURSE_FI


def test_planned_visits_are_the_plan_not_the_highest_visit_number(course, content_library):
    facts = record_facts(course, content_library)
    assert facts.planned == 8 and facts.attended == 9
    assert [v.ordinal for v in facts.visits] == [1, 2, 3, 4, None, 5, 6, 7, 8, 9]
    assert [v.session.number for v in facts.visits] == list(range(1, 11))


def test_a_contact_is_not_a_visit_of_the_method(course, content_library):
    text = text_entry(course, content_library, "fi", session_number=5)
    assert text.startswith("Yhteydenotto 9.3.2026: Kognitiivinen lyhytterapia (KLT) nuorille\n")
    assert "Toimenpidekoodi" not in text and "Käynti 5" not in text.split("Jatkosuunnitelma")[0]
    assert text.endswith("Jatkosuunnitelma\nSeuraava käynti 5/8: Menetelmien harjoittelu tavoitteiden suuntaan.\n")


def test_no_procedure_code_and_no_continuing_before_the_course_starts(vault, content_library):
    client = add_client(vault, ClientData("Saara", "Esimerkki", date(1990, 1, 1), None))
    course = start_course(vault, client.id, "klt_adults", "1", status="planned", planned_sessions=6)
    for language, absent, says in (("fi", "Toimenpidekoodi", "Hoitojakso ei ole vielä alkanut."),
                                   ("sv", "Åtgärdskod", "Vårdperioden har inte börjat ännu.")):
        text = text_entry(load_course(vault, course.id), content_library, language)
        assert absent not in text and says in text and "fortsätter" not in text and "jatkuu" not in text
    add_session(vault, course.id, datetime(2026, 3, 2, 10, 0), attendance="cancelled")
    loaded = load_course(vault, course.id)
    assert "Toimenpidekoodi" not in text_entry(loaded, content_library, "fi")
    assert "Toimenpidekoodi" not in text_entry(loaded, content_library, "fi", session_number=1)
    assert "Vårdperioden har inte börjat ännu." in text_entry(loaded, content_library, "sv")


def save_text(vault, library, tmp_path: Path, course_id: str, session_number: int | None) -> str:
    rendered = render(vault, library, ExportPolicy(), ExportRequest(course_id, "text", "fi", session_number))
    save_to_file(vault, rendered, ExportPolicy(), tmp_path / f"entry-{session_number}.txt")
    return rendered.text


def test_a_visit_entry_carries_only_what_is_new_since_the_last_export(vault, content_library, tmp_path):
    sample = build_sample_course(vault, content_library, finished=False)
    first = save_text(vault, content_library, tmp_path, sample.course_id, 1)
    assert "Hoidon tarve\n" in first and "Hoidon suunnittelu / tavoite\n" in first
    second = save_text(vault, content_library, tmp_path, sample.course_id, 3)
    assert "Hoidon tarve\n" not in second and "Hoidon suunnittelu / tavoite\n" not in second
    assert "Hoidon toteutus\nToimenpidekoodi (THL): IDY03\nKäynti 3/5" in second
    # Sending visit 3 again says the same thing again.
    assert save_text(vault, content_library, tmp_path, sample.course_id, 3) == second
    update_course(vault, sample.course_id, goal="Nukkua paremmin.")
    third = save_text(vault, content_library, tmp_path, sample.course_id, 4)
    assert "Hoidon tarve\n" not in third
    assert "Hoidon suunnittelu / tavoite\nMenetelmä: Kognitiivinen lyhytterapia (KLT) aikuisille, suunniteltu 5 " \
           "käyntiä.\nTavoite: Nukkua paremmin.\n" in third
    # The course summary always says everything.
    assert "Hoidon tarve\n" in save_text(vault, content_library, tmp_path, sample.course_id, None)


def test_our_own_text_is_latin_9(content_library):
    for language in ("fi", "sv"):
        for text in PHRASES[language].values():
            text.encode(ENCODING)  # raises for a character Latin-9 does not have
    headings = load_headings()
    for chosen in headings.sets.values():
        for texts in chosen.values():
            texts["fi"].encode(ENCODING)
            texts["sv"].encode(ENCODING)


def test_content_with_an_en_dash_reaches_the_entry_as_a_hyphen(vault, content_library):
    client = add_client(vault, ClientData("Ville", "Esimerkki", date(2015, 6, 1), None))
    course = start_course(vault, client.id, "cool_kids", "1", status="planned")
    for language in ("fi", "sv"):
        text = text_entry(load_course(vault, course.id), content_library, language)
        text.encode(ENCODING)
        assert "Cool Kids - " in text and "\u2013" not in text


def test_an_organisation_corrects_the_headings_with_a_file(tmp_path, course, content_library):
    path = tmp_path / "headings.yaml"
    path.write_text("""
roles: {psychologist: own}
sets:
  own:
    need: {fi: Tulosyy, sv: Kontaktorsak}
    plan: {fi: Suunnitelma, sv: Plan}
    implementation: {fi: Toteutus, sv: Genomförande}
    evaluation: {fi: Arvio, sv: Bedömning}
    next: {fi: Jatko, sv: Fortsättning}
""", "utf-8")
    headings = load_headings(path)
    text = text_entry(course, content_library, "fi", role="psychologist", headings=headings)
    assert "\nTulosyy\n" in text and "\nJatko\n" in text
    assert text_entry(course, content_library, "fi", role="nurse", headings=headings) == NURSE_COURSE_FI
    path.write_text("sets: {own: {need: {fi: x}}}", "utf-8")
    with pytest.raises(HeadingsError):
        load_headings(path)
    policy = ExportPolicy(headings_file=str(path))
    assert policy.headings().for_role("psychologist", "fi")["need"] == "Tulosyy ja esitiedot"  # shipped fallback


def test_selftest_reports_a_broken_headings_file(tmp_path, data_dir, monkeypatch):
    import json
    import os

    from askel.app import make_context
    from askel.cli import selftest
    from askel.cli.selftest import run_selftest

    # Only the settings and headings lines matter here; the translations check would make a QCoreApplication,
    # on which later tests in this process could not paint.
    monkeypatch.setattr(selftest, "_check_translations", lambda: "not checked here")

    bad = tmp_path / "headings.yaml"
    bad.write_text("sets: {own: {need: {fi: x}}}", "utf-8")
    Path(os.environ["ASKEL_POLICY_FILE"]).write_text(json.dumps({"policy": {"record_headings_file": str(bad)}}),
                                                     "utf-8")
    lines: list[str] = []
    run_selftest(make_context(data_dir), None, lines.append)
    (line,) = [line for line in lines if "record headings" in line]
    assert line.startswith("FAIL") and "needs exactly" in line
