"""FHIR R4 bundles: valid against fhir.resources' R4B models, Finnish identifier systems and codes, stable ids."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from askel.export.fhir import (
    CONFIDENTIALITY_SYSTEM,
    FI_SECURITY_SYSTEM,
    HETU_SYSTEM,
    ICD10_SYSTEM,
    LOINC_SYSTEM,
    PROCEDURE_SYSTEM,
    Identifiers,
    PreviousDocument,
    build_document,
    bundle_bytes,
    identifier_problems,
    load_clinician,
    resource_id,
)
from askel.export.sample import build_adolescent_course, build_sample_course
from askel.store.clients import ClientData, update_client
from askel.store.clinician import update_profile
from askel.store.courses import load_course, update_session
from askel.store.models import Administration
from tests.fhir_validation import check_profiles
from tests.fhir_validation import validate as validate_models_and_schema

ORG_OID = "1.2.246.10.12345678.10.1"
TEMP_ROOT = "1.2.246.10.12345678.22"
INSTALLATION = "5b0c2a7e-9d51-4a1f-8f7e-3c1d2b4a6e90"
NOW = datetime(2026, 3, 5, 12, 0)


@pytest.fixture
def sample(vault, content_library):
    return build_sample_course(vault, content_library)


def bundle_for(vault, library, course_id, **options):
    return document_for(vault, library, course_id, **options).bundle


def document_for(vault, library, course_id, **options):
    options.setdefault("now", NOW)
    options.setdefault("organisation_oid", ORG_OID)
    options.setdefault("temporary_id_root", TEMP_ROOT)
    options.setdefault("installation_id", INSTALLATION)
    options.setdefault("organisation_name", "Esimerkin hyvinvointialue")
    return build_document(load_course(vault, course_id), library, options.pop("language", "fi"),
                          clinician=load_clinician(vault), **options)


def validate(bundle: dict):
    """fhir.resources' R4B models, the official R4 JSON schema, and the checks derived from the fi-base profiles."""
    checked = validate_models_and_schema(bundle)
    check_profiles(bundle)
    return checked


def resources(bundle: dict, kind: str) -> list[dict]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def ids(bundle: dict) -> dict[str, str]:
    return {f"{e['resource']['resourceType']}#{i}": e["resource"]["id"] for i, e in enumerate(bundle["entry"])}


def all_references(value) -> list[str]:
    if isinstance(value, dict):
        found = [value["reference"]] if isinstance(value.get("reference"), str) else []
        return found + [r for v in value.values() for r in all_references(v)]
    if isinstance(value, list):
        return [r for v in value for r in all_references(v)]
    return []


@pytest.mark.parametrize("language", ["fi", "sv"])
@pytest.mark.parametrize("session_number", [None, 1, 2, 3])
def test_every_bundle_validates(vault, content_library, sample, language, session_number):
    bundle = bundle_for(vault, content_library, sample.course_id, language=language, session_number=session_number)
    validate(bundle)
    assert bundle["type"] == "document"
    assert bundle["entry"][0]["resource"]["resourceType"] == "Composition"
    full_urls = {e["fullUrl"] for e in bundle["entry"]}
    assert all(e["fullUrl"] == f"urn:uuid:{e['resource']['id']}" for e in bundle["entry"])
    # A document is self-contained: every reference resolves inside the bundle.
    assert set(all_references(bundle["entry"])) <= full_urls


def test_identifier_systems_and_codes(vault, content_library, sample):
    update_profile(vault, title="sairaanhoitaja (AMK)", terhikki="10012345678")
    bundle = bundle_for(vault, content_library, sample.course_id)
    validate(bundle)
    (patient,) = resources(bundle, "Patient")
    # input/fsh/patient.fsh (fi-base): the PIC slice is official, NNFIN, urn:oid:1.2.246.21.
    assert patient["identifier"][0] == {
        "use": "official", "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203",
                                                "code": "NNFIN"}]},
        "system": HETU_SYSTEM, "value": "131052-308T"}
    # StructureDefinition-fi-base-patient-intro.md: another identifier that stays the same for the same client.
    assert patient["identifier"][1]["use"] == "secondary"
    assert patient["identifier"][1]["system"] == f"urn:uuid:{INSTALLATION}"
    assert patient["name"][0]["text"] == "Aino Esimerkki"
    assert "gender" not in patient and "meta" not in patient
    (condition,) = resources(bundle, "Condition")
    # input/fsh/examples/diagnosisSimple.fsh: urn:oid:1.2.246.537.6.1|1999.
    assert condition["code"]["coding"] == [{"system": ICD10_SYSTEM, "version": "1999", "code": "F32.1"}]
    # StructureDefinition-fi-base-reason-for-care-intro.md: a diagnosis carries category encounter-diagnosis. The
    # course is finished: Askel does not know whether the condition resolved, so it asserts no clinical status.
    assert condition["category"][0]["coding"][0]["code"] == "encounter-diagnosis"
    assert "clinicalStatus" not in condition and "verificationStatus" not in condition
    procedures = resources(bundle, "Procedure")
    assert len(procedures) == 3  # the attended sessions; the cancelled one has none
    for procedure in procedures:
        # input/fsh/examples/procedureColonomy.fsh: urn:oid:1.2.246.537.6.2|2007.
        assert procedure["code"]["coding"] == [{"system": PROCEDURE_SYSTEM, "version": "2007", "code": "IDY03"}]
    (practitioner,) = resources(bundle, "Practitioner")
    assert practitioner["name"] == [{"text": "Testi Hoitaja"}]
    # input/fsh/practitioner.fsh: the Terhikki number under urn:oid:1.2.246.537.26.
    assert {"use": "official", "system": "urn:oid:1.2.246.537.26", "value": "10012345678"} in \
        practitioner["identifier"]
    assert practitioner["qualification"] == [{"code": {"text": "sairaanhoitaja (AMK)"}}]
    (organization,) = resources(bundle, "Organization")
    # input/fsh/examples/organizationPrimaryCareUnit.fsh: the register's system, the OID as urn:oid:.
    assert organization["identifier"] == [{"use": "official", "system": "urn:oid:1.2.246.537.6.202.2008",
                                           "value": f"urn:oid:{ORG_OID}"}]


def test_an_ongoing_course_has_an_active_condition(vault, content_library):
    sample = build_sample_course(vault, content_library, finished=False)
    (condition,) = resources(bundle_for(vault, content_library, sample.course_id), "Condition")
    assert condition["clinicalStatus"]["coding"][0]["code"] == "active"


def test_practitioner_without_title_has_the_profession_of_the_role(vault, content_library, sample):
    bundle = bundle_for(vault, content_library, sample.course_id, language="sv")
    validate(bundle)
    (practitioner,) = resources(bundle, "Practitioner")
    assert practitioner["qualification"] == [{"code": {"text": "sjukskötare"}}]
    assert [i["system"] for i in practitioner["identifier"]] == ["urn:ietf:rfc:3986"]


def test_observations_carry_loinc_and_derive_from_their_response(vault, content_library, sample):
    bundle = bundle_for(vault, content_library, sample.course_id)
    observations = resources(bundle, "Observation")
    responses = {f"urn:uuid:{r['id']}": r for r in resources(bundle, "QuestionnaireResponse")}
    assert len(observations) == len(responses) == 5
    loinc = [o["code"]["coding"][0] for o in observations]
    assert {c["system"] for c in loinc} == {LOINC_SYSTEM}
    assert sorted(c["code"] for c in loinc) == ["44261-6", "44261-6", "44261-6", "70274-6", "70274-6"]
    by_code = {}
    for observation in observations:
        (derived,) = observation["derivedFrom"]
        response = responses[derived["reference"]]
        assert response["questionnaire"].split(":")[-1].split("|")[0] in ("phq9", "gad7")
        assert observation["encounter"] == response["encounter"]
        by_code.setdefault(observation["code"]["coding"][0]["code"], []).append(observation["valueInteger"])
        answers = [item["answer"][0]["valueInteger"] for item in response["item"]]
        assert sum(answers) == observation["valueInteger"]
    assert sorted(by_code["44261-6"]) == [9, 12, 16]
    assert sorted(by_code["70274-6"]) == [6, 12]


def test_encounters_per_session(vault, content_library, sample):
    bundle = bundle_for(vault, content_library, sample.course_id)
    encounters = {e["identifier"][0]["value"]: e for e in resources(bundle, "Encounter")}
    by_number = {n: encounters[f"urn:uuid:{sid}"] for n, sid in sample.session_ids.items()}
    assert [by_number[n]["status"] for n in (1, 2, 3, 4)] == ["finished", "cancelled", "finished", "finished"]
    assert by_number[1]["class"]["code"] == "AMB"
    assert by_number[3]["class"]["code"] == "VR"  # video
    assert by_number[1]["period"] == {"start": "2026-01-05T09:00:00+02:00", "end": "2026-01-05T09:45:00+02:00"}


def test_composition_carries_the_text_entry(vault, content_library, sample):
    for language, first in (("fi", "Hoidon tarve"), ("sv", "Vårdbehov")):
        bundle = bundle_for(vault, content_library, sample.course_id, language=language)
        composition = bundle["entry"][0]["resource"]
        assert [s["title"] for s in composition["section"]][0] == first
        assert composition["confidentiality"] == "N"
        assert composition["language"] == f"{language}-FI"
        assert "IDY03" in composition["section"][2]["text"]["div"]


def test_exporting_twice_gives_the_same_ids(vault, content_library, sample):
    first = bundle_for(vault, content_library, sample.course_id, now=datetime(2026, 3, 5, 12, 0))
    second = bundle_for(vault, content_library, sample.course_id, now=datetime(2026, 4, 1, 8, 30))
    assert ids(first) == ids(second)
    assert first["id"] == second["id"]
    assert first["timestamp"] != second["timestamp"]


def test_a_changed_session_changes_only_its_own_resources(vault, content_library, sample):
    before = bundle_for(vault, content_library, sample.course_id)
    update_session(vault, sample.session_ids[3], duration_minutes=40)
    after = bundle_for(vault, content_library, sample.course_id)
    changed = {key.split("#")[0] for key, value in ids(before).items() if ids(after)[key] != value}
    assert changed == {"Composition", "Encounter", "Procedure"}
    session_3 = f"urn:uuid:{sample.session_ids[3]}"
    for kind in ("Encounter", "Procedure"):
        old = {r["identifier"][0]["value"]: r["id"] for r in resources(before, kind)}
        new = {r["identifier"][0]["value"]: r["id"] for r in resources(after, kind)}
        assert [key for key in old if old[key] != new[key]] == [session_3]


def test_ids_are_uuid5_of_type_record_and_version(vault, content_library, sample):
    course = load_course(vault, sample.course_id)
    bundle = bundle_for(vault, content_library, sample.course_id)
    (patient,) = resources(bundle, "Patient")
    assert patient["id"] == resource_id("Patient", course.client.id,
                                        course.client.updated_at.isoformat(timespec="microseconds"))


def test_client_without_identity_code_has_askels_local_identifier(vault, content_library):
    sample = build_sample_course(vault, content_library, hetu=None)
    bundle = bundle_for(vault, content_library, sample.course_id)
    validate(bundle)
    (patient,) = resources(bundle, "Patient")
    (identifier,) = patient["identifier"]
    assert identifier["use"] == "secondary" and identifier["system"] == f"urn:uuid:{INSTALLATION}"
    assert identifier["value"].startswith("AS-")
    # Never under the organisation's OIDs: Askel's local identifier is not a temporary personal identifier.
    assert ORG_OID not in json.dumps(patient) and TEMP_ROOT not in json.dumps(patient)


def test_temporary_identity_code_goes_under_the_temporary_root_and_year(vault, content_library, sample):
    update_client(vault, sample.client_id, ClientData("Aino", "Esimerkki", date(2016, 5, 2), "020516C903K"))
    course = load_course(vault, sample.course_id)
    bundle = bundle_for(vault, content_library, sample.course_id)
    validate(bundle)
    (patient,) = resources(bundle, "Patient")
    # StructureDefinition-fi-base-patient-intro.md: 1.2.246.10.<organisation>.22.<year>, the year it was made.
    year = course.client.created_at.year
    assert patient["identifier"][0] == {"use": "temp", "system": f"urn:oid:{TEMP_ROOT}.{year}",
                                        "value": "020516C903K"}
    assert HETU_SYSTEM not in json.dumps(patient)
    # Not the organisation OID: that identifies the organisation, not a namespace of temporary identifiers.
    assert f"urn:oid:{ORG_OID}" not in json.dumps(patient)


def test_without_the_temporary_root_the_code_is_left_out_and_the_dialog_is_told(vault, content_library, sample):
    update_client(vault, sample.client_id, ClientData("Aino", "Esimerkki", date(2016, 5, 2), "020516C903K"))
    bundle = bundle_for(vault, content_library, sample.course_id, temporary_id_root="")
    validate(bundle)
    (patient,) = resources(bundle, "Patient")
    assert "020516C903K" not in json.dumps(patient)
    assert all(identifier.get("system") for identifier in patient["identifier"])
    client = load_course(vault, sample.course_id).client
    assert identifier_problems(client, Identifiers(ORG_OID, "")) == ("temporary_id_root_missing",)
    assert identifier_problems(client, Identifiers(ORG_OID, TEMP_ROOT)) == ()
    assert identifier_problems(client, Identifiers(ORG_OID, "", test_identity_codes=True)) == ()


def test_a_test_environment_sends_test_codes_as_identity_codes(vault, content_library, sample):
    # StructureDefinition-fi-base-patient-intro.md: test identifiers have the PIC format with 9 as the 8th char.
    update_client(vault, sample.client_id, ClientData("Aino", "Esimerkki", date(2016, 5, 2), "020516C903K"))
    bundle = bundle_for(vault, content_library, sample.course_id, test_identity_codes=True, temporary_id_root="")
    validate(bundle)
    (patient,) = resources(bundle, "Patient")
    assert patient["identifier"][0]["system"] == HETU_SYSTEM and patient["identifier"][0]["value"] == "020516C903K"


def test_non_disclosure_is_a_security_label(vault, content_library):
    sample = build_sample_course(vault, content_library, non_disclosure=True)
    bundle = bundle_for(vault, content_library, sample.course_id)
    validate(bundle)
    (patient,) = resources(bundle, "Patient")
    labels = {(label["system"], label["code"]) for label in patient["meta"]["security"]}
    assert labels == {(FI_SECURITY_SYSTEM, "TURVAKIELTO"), (CONFIDENTIALITY_SYSTEM, "R")}
    assert bundle["entry"][0]["resource"]["confidentiality"] == "R"
    assert {(label["system"], label["code"]) for label in bundle["meta"]["security"]} == labels


def test_session_bundle_holds_one_encounter(vault, content_library, sample):
    bundle = bundle_for(vault, content_library, sample.course_id, session_number=3)
    (encounter,) = resources(bundle, "Encounter")
    assert encounter["identifier"][0]["value"] == f"urn:uuid:{sample.session_ids[3]}"
    assert bundle["entry"][0]["resource"]["encounter"] == {"reference": f"urn:uuid:{encounter['id']}"}
    assert len(resources(bundle, "Observation")) == 1
    with pytest.raises(LookupError):
        bundle_for(vault, content_library, sample.course_id, session_number=7)


def test_json_is_utf8_and_round_trips(vault, content_library, sample):
    data = bundle_bytes(bundle_for(vault, content_library, sample.course_id, language="sv"))
    assert "Vårdbehov".encode() in data
    assert json.loads(data)["resourceType"] == "Bundle"


# -- document identity -------------------------------------------------------------------------------------------
def export_fhir(vault, library, tmp_path, course_id: str, name: str, **policy) -> dict:
    """A FHIR export through the service, saved and logged as the GUI and the command line do it."""
    from askel.export.service import ExportPolicy, ExportRequest, render, save_to_file

    policy = ExportPolicy(organisation_oid=ORG_OID, temporary_id_root=TEMP_ROOT, **policy)
    rendered = render(vault, library, policy, ExportRequest(course_id, "fhir", "fi"))
    save_to_file(vault, rendered, policy, tmp_path / name)
    bundle = json.loads(rendered.data)
    validate(bundle)
    return bundle


def identity(bundle: dict) -> tuple[str, str, str]:
    composition = bundle["entry"][0]["resource"]
    return bundle["identifier"]["value"], bundle["id"], composition["id"]


def replaced(bundle: dict) -> str | None:
    relates = bundle["entry"][0]["resource"].get("relatesTo")
    if not relates:
        return None
    (relation,) = relates
    assert relation["code"] == "replaces"
    return relation["targetIdentifier"]["value"]


def test_every_change_of_what_the_document_says_is_a_new_document_that_replaces_the_last(vault, content_library,
                                                                                        sample, tmp_path):
    first = export_fhir(vault, content_library, tmp_path, sample.course_id, "1.json")
    assert replaced(first) is None
    # Nothing changed: the same document, the same ids.
    again = export_fhir(vault, content_library, tmp_path, sample.course_id, "2.json")
    assert identity(again) == identity(first) and replaced(again) is None
    series = first["entry"][0]["resource"]["identifier"]

    previous = first
    changes = (
        lambda: update_client(vault, sample.client_id, ClientData("Aino", "Esimerkki", date(1952, 10, 13),
                                                                  "131052-308T", non_disclosure=True)),
        lambda: update_client(vault, sample.client_id, ClientData("Aino", "Virtanen", date(1952, 10, 13),
                                                                  "131052-308T", non_disclosure=True)),
        lambda: change_one_answer(vault),
    )
    for number, change in enumerate(changes, start=3):
        change()
        bundle = export_fhir(vault, content_library, tmp_path, sample.course_id, f"{number}.json")
        assert identity(bundle)[0] != identity(previous)[0]
        assert identity(bundle)[2] != identity(previous)[2]
        assert replaced(bundle) == previous["identifier"]["value"]
        # One document (the course, in Finnish) through all its versions.
        assert bundle["entry"][0]["resource"]["identifier"] == series
        resent = export_fhir(vault, content_library, tmp_path, sample.course_id, f"{number}-again.json")
        assert identity(resent) == identity(bundle) and replaced(resent) == replaced(bundle)
        previous = bundle
    labels = {(label["system"], label["code"]) for label in previous["meta"]["security"]}
    assert (FI_SECURITY_SYSTEM, "TURVAKIELTO") in labels


def change_one_answer(vault) -> None:
    with vault.write() as session:
        administration = session.query(Administration).filter(Administration.instrument_id == "gad7").first()
        answers = dict(administration.answers)
        answers["q1"] = (answers["q1"] + 1) % 4
        administration.answers = answers


def test_the_document_id_depends_on_what_it_replaces(vault, content_library, sample):
    plain = document_for(vault, content_library, sample.course_id)
    previous = PreviousDocument(content="something else", bundle="3f2a7d3e-4b56-4c1d-9e0f-0a1b2c3d4e5f")
    replacing = document_for(vault, content_library, sample.course_id, previous=previous)
    assert replacing.content == plain.content
    assert replacing.bundle_id != plain.bundle_id
    assert replacing.replaces == previous.bundle
    same = document_for(vault, content_library, sample.course_id,
                        previous=PreviousDocument(plain.content, plain.bundle_id))
    assert same.bundle_id == plain.bundle_id and same.replaces is None


# -- who answered, drafts, beyond the plan -----------------------------------------------------------------------
@pytest.mark.parametrize("role", ["nurse", "psychologist"])
@pytest.mark.parametrize("language", ["fi", "sv"])
@pytest.mark.parametrize("session_number", [None, 1, 5, 10])
def test_adolescent_bundles_validate(vault, content_library, role, language, session_number):
    course = build_adolescent_course(vault, content_library)
    update_profile(vault, role=role)
    bundle = bundle_for(vault, content_library, course.course_id, language=language, session_number=session_number)
    validate(bundle)
    composition = bundle["entry"][0]["resource"]
    expected = {None: "34133-9", "nurse": "28623-7", "psychologist": "11510-5"}
    assert composition["type"]["coding"][0] == {
        "system": LOINC_SYSTEM, "code": expected[None if session_number is None else role],
        "display": {"34133-9": "Summary of episode note", "28623-7": "Nurse Progress note",
                    "11510-5": "Psychology Progress note"}[expected[None if session_number is None else role]]}
    # The 9th visit (row 10) is still open: a document that holds it is preliminary.
    assert composition["status"] == ("final" if session_number in (1, 5) else "preliminary")


def test_a_parent_is_the_source_of_a_parent_rated_questionnaire(vault, content_library):
    course = build_adolescent_course(vault, content_library)
    bundle = bundle_for(vault, content_library, course.course_id)
    validate(bundle)
    (parent,) = resources(bundle, "RelatedPerson")
    assert parent["relationship"][0]["coding"][0]["code"] == "PRN"
    (patient,) = resources(bundle, "Patient")
    assert parent["patient"] == {"reference": f"urn:uuid:{patient['id']}"}
    responses = resources(bundle, "QuestionnaireResponse")
    assert len(responses) == 2
    assert all(r["source"] == {"reference": f"urn:uuid:{parent['id']}"} for r in responses)
    observations = resources(bundle, "Observation")
    assert [o["code"]["text"] for o in observations] == [
        "Lasten ja nuorten ahdistus- ja masennusoireiden kysely (RCADS-25) (vanhemman arvio)"] * 2


def test_the_client_is_the_source_of_a_self_rated_questionnaire(vault, content_library, sample):
    bundle = bundle_for(vault, content_library, sample.course_id)
    (patient,) = resources(bundle, "Patient")
    assert all(r["source"] == {"reference": f"urn:uuid:{patient['id']}"}
               for r in resources(bundle, "QuestionnaireResponse"))
    assert resources(bundle, "RelatedPerson") == []


def test_planned_visits_and_the_contact_in_the_narrative(vault, content_library):
    course = build_adolescent_course(vault, content_library)
    bundle = bundle_for(vault, content_library, course.course_id)
    composition = bundle["entry"][0]["resource"]
    narrative = "".join(section["text"]["div"] for section in composition["section"])
    assert "suunniteltu 8 käyntiä" in narrative and "toteutunut 9, suunniteltu 8" in narrative
    assert "Käynti 9 (suunniteltu 8)" in narrative and "8/9" not in narrative
    assert "käynti on kesken, sen merkinnät ovat luonnos" in narrative
    # Nine visits of the method have a procedure; the phone call has an encounter but no procedure.
    assert len(resources(bundle, "Procedure")) == 9 and len(resources(bundle, "Encounter")) == 10
    in_progress = [p for p in resources(bundle, "Procedure") if p["status"] == "in-progress"]
    assert len(in_progress) == 1


def test_no_procedure_for_a_course_without_an_attended_visit(vault, content_library):
    from askel.store.clients import add_client
    from askel.store.courses import add_session, start_course

    client = add_client(vault, ClientData("Saara", "Esimerkki", date(1990, 1, 1), None))
    course = start_course(vault, client.id, "klt_adults", "1", status="planned", planned_sessions=6)
    add_session(vault, course.id, datetime(2026, 3, 2, 10, 0), attendance="no_show")
    bundle = bundle_for(vault, content_library, course.id)
    validate(bundle)
    assert resources(bundle, "Procedure") == []
    assert "IDY03" not in json.dumps(bundle)
