"""Validate FHIR bundles three ways: fhir.resources' R4B models, the official FHIR R4 JSON schema, and the rules the
tests read out of the HL7 Finland base profiles (each rule cites the profile file it comes from, in the repository
fhir-fi/finnish-base-profiles).

The JSON schema is `fhir.schema.json` of FHIR 4.0 (`tests/tools/fetch-fhir-schema` puts it into .cache/fhir-r4; CI
runs that script). Without it the schema check is skipped with one line, except on CI (CI=true), where it fails.
Only the resource types Askel writes are compiled from the schema (the whole schema takes a long time to compile).
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path

import pytest
from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.bundle import Bundle

from askel.export.fhir import bundle_bytes

SCHEMA = Path(os.environ.get("ASKEL_FHIR_SCHEMA") or Path(__file__).resolve().parents[1] / ".cache/fhir-r4/fhir.schema.json")
RESOURCE_TYPES = ("Bundle", "Composition", "Patient", "Practitioner", "Organization", "RelatedPerson", "Encounter",
                  "Procedure", "Condition", "QuestionnaireResponse", "Observation", "Provenance")


@cache
def schema_validator():
    """The official schema, narrowed to the resource types Askel writes, compiled once."""
    if not SCHEMA.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"the FHIR R4 JSON schema is missing ({SCHEMA}): run tests/tools/fetch-fhir-schema")
        pytest.skip("FHIR R4 JSON schema not found: run tests/tools/fetch-fhir-schema")
    import fastjsonschema

    full = json.loads(SCHEMA.read_text("utf-8"))
    definitions = full["definitions"]
    definitions["ResourceList"] = {"oneOf": [{"$ref": f"#/definitions/{name}"} for name in RESOURCE_TYPES]}
    reachable, todo = set(), ["ResourceList", *RESOURCE_TYPES]
    while todo:
        name = todo.pop()
        if name not in reachable:
            reachable.add(name)
            todo.extend(_references(definitions[name]))
    narrowed = {"$schema": full["$schema"], "$ref": "#/definitions/Bundle",
                "definitions": {name: definitions[name] for name in reachable}}
    return fastjsonschema.compile(narrowed)


def _references(value):
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "$ref":
                yield item.rsplit("/", 1)[-1]
            else:
                yield from _references(item)
    elif isinstance(value, list):
        for item in value:
            yield from _references(item)


def validate(bundle: dict) -> Bundle:
    """Every resource against its own R4B model, the bundle as a whole, the JSON as written, and the R4 schema."""
    for entry in bundle["entry"]:
        resource = entry["resource"]
        get_fhir_model_class(resource["resourceType"]).model_validate(resource)
    Bundle.model_validate_json(bundle_bytes(bundle))
    schema_validator()(json.loads(bundle_bytes(bundle)))
    return Bundle.model_validate(bundle)


def resources(bundle: dict, kind: str) -> list[dict]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


# -- rules from the HL7 Finland base profiles --------------------------------------------------------------------
PIC_SYSTEM = "urn:oid:1.2.246.21"


def check_patient(patient: dict) -> None:
    # input/fsh/patient.fsh: the PIC slice is use #official, type v2-0203#NNFIN, system urn:oid:1.2.246.21.
    for identifier in patient["identifier"]:
        if identifier.get("system") == PIC_SYSTEM:
            assert identifier["use"] == "official"
            assert identifier["type"]["coding"] == [
                {"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "NNFIN"}]
        # input/pagecontent/StructureDefinition-fi-base-patient-intro.md: when the type is NNFIN, the value SHALL
        # be a Finnish PIC (11 characters).
        if any(c.get("code") == "NNFIN" for c in identifier.get("type", {}).get("coding", [])):
            assert identifier["system"] == PIC_SYSTEM and len(identifier["value"]) == 11
        # The same intro: a temporary identifier's OID is 1.2.246.10.<organisation>.22.<year>.
        if identifier.get("use") == "temp":
            parts = identifier["system"].removeprefix("urn:oid:").split(".")
            assert identifier["system"].startswith("urn:oid:1.2.246.10.") and parts[-2] == "22"
            assert len(parts[-1]) == 4 and parts[-1].isdigit()
    # The same intro: systems SHOULD populate .name.text.
    assert all(name.get("text") for name in patient["name"])
    # input/fsh/patient.fsh: TURVAKIELTO is carried in meta.security with the fi-base security label system.
    for label in patient.get("meta", {}).get("security", []):
        if label["code"] == "TURVAKIELTO":
            assert label["system"] == "https://hl7.fi/fhir/finnish-base-profiles/CodeSystem/fi-base-security-label-cs"


def check_practitioner(practitioner: dict) -> None:
    # input/fsh/practitioner.fsh: the Terhikki slice has system urn:oid:1.2.246.537.26; PIC urn:oid:1.2.246.21.
    systems = [i.get("system") for i in practitioner["identifier"]]
    assert len(systems) == len(set(systems))
    for identifier in practitioner["identifier"]:
        if identifier.get("system") == "urn:oid:1.2.246.537.26":
            assert identifier["value"].isdigit()
    # input/pagecontent/Practitioner-practitioner-licensed-physician-intro.md: the name should have .text.
    assert all(name.get("text") for name in practitioner["name"])


def check_condition(condition: dict) -> None:
    # input/pagecontent/StructureDefinition-fi-base-reason-for-care-intro.md: a diagnosis asserted by a physician
    # MUST carry the category encounter-diagnosis; the Finnish ICD-10 code carries no special characters.
    categories = [c for concept in condition["category"] for c in concept["coding"]]
    assert {"system": "http://terminology.hl7.org/CodeSystem/condition-category", "code": "encounter-diagnosis"} \
        in categories
    # input/fsh/examples/diagnosisSimple.fsh: ICD-10 under urn:oid:1.2.246.537.6.1 with version 1999.
    for coding in condition["code"]["coding"]:
        if coding["system"] == "urn:oid:1.2.246.537.6.1":
            assert coding["version"] == "1999"
            assert not set(coding["code"]) & set("+&#*")


def check_procedure(procedure: dict) -> None:
    # input/fsh/examples/procedureColonomy.fsh and StructureDefinition-fi-base-procedure-intro.md: the THL procedure
    # classification is urn:oid:1.2.246.537.6.2 with version 2007.
    for coding in procedure["code"].get("coding", []):
        if coding["system"] == "urn:oid:1.2.246.537.6.2":
            assert coding["version"] == "2007"


def check_encounter(encounter: dict) -> None:
    # input/pagecontent/StructureDefinition-fi-base-encounter-intro.md: an encounter that is not a palvelutapahtuma
    # MUST NOT carry an identifier with use=official.
    assert all(i.get("use") != "official" for i in encounter.get("identifier", []))


def check_organization(organization: dict) -> None:
    # input/fsh/examples/organizationPrimaryCareUnit.fsh and StructureDefinition-fi-base-organization-intro.md: the
    # OID of the national register, as urn:oid:<oid> under the register's system.
    for identifier in organization.get("identifier", []):
        assert identifier["system"] == "urn:oid:1.2.246.537.6.202.2008"
        assert identifier["value"].startswith("urn:oid:")


CHECKS = {"Patient": check_patient, "Practitioner": check_practitioner, "Condition": check_condition,
          "Procedure": check_procedure, "Encounter": check_encounter, "Organization": check_organization}


def check_profiles(bundle: dict) -> None:
    for entry in bundle["entry"]:
        check = CHECKS.get(entry["resource"]["resourceType"])
        if check is not None:
            check(entry["resource"])
