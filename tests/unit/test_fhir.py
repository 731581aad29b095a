"""FHIR R4 bundles: valid against fhir.resources' R4B models, Finnish identifier systems and codes, stable ids."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.bundle import Bundle

from askel.export.fhir import (
    CONFIDENTIALITY_SYSTEM,
    FI_SECURITY_SYSTEM,
    HETU_SYSTEM,
    ICD10_SYSTEM,
    LOINC_SYSTEM,
    PROCEDURE_SYSTEM,
    build_bundle,
    bundle_bytes,
    load_clinician,
    resource_id,
)
from askel.export.sample import build_sample_course
from askel.store.clients import ClientData, update_client
from askel.store.courses import load_course, update_session

ORG_OID = "1.2.246.10.12345678.22.2026"
NOW = datetime(2026, 3, 5, 12, 0)


@pytest.fixture
def sample(vault, content_library):
    return build_sample_course(vault, content_library)


def bundle_for(vault, library, course_id, **options):
    options.setdefault("now", NOW)
    return build_bundle(load_course(vault, course_id), library, options.pop("language", "fi"),
                        organisation_oid=options.pop("organisation_oid", ORG_OID),
                        organisation_name=options.pop("organisation_name", "Esimerkin hyvinvointialue"),
                        clinician=load_clinician(vault), **options)


def validate(bundle: dict) -> Bundle:
    """Every resource against its own R4B model, the bundle as a whole, and the JSON as written."""
    for entry in bundle["entry"]:
        resource = entry["resource"]
        get_fhir_model_class(resource["resourceType"]).model_validate(resource)
    Bundle.model_validate_json(bundle_bytes(bundle))
    return Bundle.model_validate(bundle)


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
    bundle = bundle_for(vault, content_library, sample.course_id)
    validate(bundle)
    (patient,) = resources(bundle, "Patient")
    assert patient["identifier"] == [{"use": "official", "system": HETU_SYSTEM, "value": "131052-308T"}]
    assert "gender" not in patient and "meta" not in patient
    (condition,) = resources(bundle, "Condition")
    assert condition["code"]["coding"] == [{"system": ICD10_SYSTEM, "code": "F32.1"}]
    procedures = resources(bundle, "Procedure")
    assert len(procedures) == 3  # the attended sessions; the cancelled one has none
    for procedure in procedures:
        assert procedure["code"]["coding"] == [{"system": PROCEDURE_SYSTEM, "code": "IDY03"}]
    (practitioner,) = resources(bundle, "Practitioner")
    assert practitioner["name"] == [{"text": "Testi Hoitaja"}]


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


def test_local_identifier_uses_the_organisation_oid(vault, content_library):
    sample = build_sample_course(vault, content_library, hetu=None)
    bundle = bundle_for(vault, content_library, sample.course_id)
    validate(bundle)
    (patient,) = resources(bundle, "Patient")
    (identifier,) = patient["identifier"]
    assert identifier["system"] == f"urn:oid:{ORG_OID}" and identifier["use"] == "temp"
    assert identifier["value"].startswith("AS-")
    without_oid = bundle_for(vault, content_library, sample.course_id, organisation_oid="")
    validate(without_oid)
    assert "system" not in resources(without_oid, "Patient")[0]["identifier"][0]


def test_temporary_identity_code_is_not_under_the_national_system(vault, content_library, sample):
    update_client(vault, sample.client_id, ClientData("Aino", "Esimerkki", date(2016, 5, 2), "020516C903K"))
    bundle = bundle_for(vault, content_library, sample.course_id)
    validate(bundle)
    (patient,) = resources(bundle, "Patient")
    assert patient["identifier"] == [{"use": "temp", "value": "020516C903K", "system": f"urn:oid:{ORG_OID}"}]


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
