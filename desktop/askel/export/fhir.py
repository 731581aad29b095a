"""A FHIR R4 (4.0.1) document Bundle of a course or one session, following the HL7 Finland base profiles.

What the bundle holds (every reference is an in-bundle `urn:uuid:`):
- Composition (first entry, as a document requires): the text entry, one section per national heading;
- Patient: the personal identity code under `urn:oid:1.2.246.21` (use "official"); a temporary code (individual
  number 900-999) or Askel's local id under the organisation's temporary-identifier OID (setting
  `organisation_oid`, as `urn:oid:<oid>`, use "temp"). A non-disclosure (turvakielto) is carried as two security
  labels in `meta.security`: HL7 Finland's own `TURVAKIELTO` code, which Finnish systems understand, and the
  international v3-Confidentiality `R` (restricted), so that a receiver that only knows HL7's standard labels still
  restricts the data. No sex is exported (none is stored, and none is derived from the code);
- Practitioner (the clinician of this installation) and, when `organisation_name` is set, Organization;
- per session an Encounter (finished / cancelled / in-progress; class AMB in person, VR by phone or video) and,
  for an attended session, a Procedure with the THL procedure code (`urn:oid:1.2.246.537.6.2`) when the method has
  a known code (else the method's name as text);
- a Condition with the ICD-10 code (`urn:oid:1.2.246.537.6.1`) when one is recorded;
- per questionnaire administration a QuestionnaireResponse (answers as valueInteger, the value the respondent
  chose) and, when it was scored, an Observation of the total (LOINC where the instrument has a code,
  `derivedFrom` the QuestionnaireResponse, the band as interpretation text).

Resource ids are deterministic: UUIDv5 in `ID_NAMESPACE` of "<type>/<record id>/<version>", so the same record in
the same version always gets the same id and sending twice does no harm. The version is the record's `updated_at`
where the table has one (Patient, Encounter, Procedure): a changed session gets new Encounter and Procedure ids and
nothing else changes. Questionnaire answers never change after they are stored, so their resources are versioned by
the instrument version; the Condition by its code (a changed diagnosis is a new Condition); the Composition by a
hash of its text (it changes exactly when what it says changes). Each resource also carries the record's own UUID
as a stable `identifier` (system `urn:ietf:rfc:3986`), so a receiver can link the versions of one record.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import datetime, timedelta
from html import escape

from sqlalchemy import select

from askel.core import hetu as hetu_rules
from askel.core.content.library import ContentNotFound
from askel.export.formatting import fhir_datetime, local_aware, utc_aware
from askel.export.text_entry import Entry, build_entry
from askel.store.models import Clinician, utcnow

ID_NAMESPACE = uuid.UUID("0f5d7c1e-3b2a-5d8e-9a41-6c7e2f1b8d30")  # fixed forever: changing it changes every id

HETU_SYSTEM = "urn:oid:1.2.246.21"
ICD10_SYSTEM = "urn:oid:1.2.246.537.6.1"
PROCEDURE_SYSTEM = "urn:oid:1.2.246.537.6.2"
LOINC_SYSTEM = "http://loinc.org"
URI_SYSTEM = "urn:ietf:rfc:3986"
FI_SECURITY_SYSTEM = "https://hl7.fi/fhir/finnish-base-profiles/CodeSystem/fi-base-security-label-cs"
CONFIDENTIALITY_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality"
ACT_CODE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
OBSERVATION_CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/observation-category"
CONDITION_CLINICAL_SYSTEM = "http://terminology.hl7.org/CodeSystem/condition-clinical"
CONDITION_VERIFICATION_SYSTEM = "http://terminology.hl7.org/CodeSystem/condition-ver-status"
LANGUAGE_SYSTEM = "urn:ietf:bcp:47"
QUESTIONNAIRE_BASE = "urn:askel:questionnaire:"  # + "<instrument id>|<version>": Askel's own definitions
XHTML = "http://www.w3.org/1999/xhtml"

LANGUAGE_TAGS = {"fi": "fi-FI", "sv": "sv-FI"}
ENCOUNTER_CLASS = {
    "in_person": ("AMB", "ambulatory"),
    "phone": ("VR", "virtual"),
    "video": ("VR", "virtual"),
}
COMPOSITION_TYPE = {"fi": {"course": "Hoitojakson yhteenveto", "session": "Käyntimerkintä"},
                    "sv": {"course": "Sammanfattning av vårdperioden", "session": "Besöksanteckning"}}


def resource_id(resource_type: str, record_id: str, version: object) -> str:
    """UUIDv5 of "<type>/<record id>/<version>": the same record in the same version, the same id."""
    return str(uuid.uuid5(ID_NAMESPACE, f"{resource_type}/{record_id}/{version}"))


def _version(value: datetime | None) -> str:
    return value.isoformat(timespec="microseconds") if value else "0"


def _ref(resource: dict) -> dict:
    return {"reference": f"urn:uuid:{resource['id']}"}


def _record_identifier(record_id: str) -> dict:
    return {"system": URI_SYSTEM, "value": f"urn:uuid:{record_id}"}


def _narrative(lines: list[str] | tuple[str, ...]) -> dict:
    body = "".join(f"<p>{escape(line, quote=False)}</p>" for line in lines) or "<p/>"
    return {"status": "generated", "div": f'<div xmlns="{XHTML}">{body}</div>'}


def _date_time(value: datetime) -> str:
    return fhir_datetime(value)


class _BundleBuilder:
    def __init__(self, course, library, language: str, organisation_oid: str, organisation_name: str,
                 clinician: Clinician | None, outcome_preset: str):
        self.course, self.library, self.language = course, library, language
        self.organisation_oid, self.organisation_name = organisation_oid, organisation_name
        self.clinician, self.preset = clinician, outcome_preset
        self.client = course.client
        try:
            self.protocol = library.protocol(course.method_id, course.protocol_version)
        except ContentNotFound:
            self.protocol = None
        self.entries: list[dict] = []

    def add(self, resource: dict) -> dict:
        self.entries.append({"fullUrl": f"urn:uuid:{resource['id']}", "resource": resource})
        return resource

    # -- the people -----------------------------------------------------------------------------------------------
    def patient(self) -> dict:
        client = self.client
        identifiers = []
        parsed = hetu_rules.parse(client.hetu) if client.hetu else None
        if parsed is not None and not parsed.temporary:
            identifiers.append({"use": "official", "system": HETU_SYSTEM, "value": parsed.code})
        elif parsed is not None:
            identifiers.append(self._temporary_identifier(parsed.code))
        if parsed is None:
            identifiers.append(self._temporary_identifier(client.local_id))
        resource = {
            "resourceType": "Patient",
            "id": resource_id("Patient", client.id, _version(client.updated_at)),
            "identifier": identifiers,
            "active": True,
            "name": [{"family": client.family_name, "given": client.given_names.split()}],
            "birthDate": client.birth_date.isoformat(),
            "communication": [{"language": {"coding": [{"system": LANGUAGE_SYSTEM, "code": client.language}]},
                               "preferred": True}],
        }
        if client.non_disclosure:
            resource["meta"] = {"security": non_disclosure_labels()}
        return self.add(resource)

    def _temporary_identifier(self, value: str) -> dict:
        identifier = {"use": "temp", "value": value}
        if self.organisation_oid:
            identifier["system"] = f"urn:oid:{self.organisation_oid}"
        return identifier

    def practitioner(self) -> dict | None:
        if self.clinician is None:
            return None
        clinician = self.clinician
        return self.add({
            "resourceType": "Practitioner",
            "id": resource_id("Practitioner", clinician.id, f"{_version(clinician.created_at)}/{clinician.name}"),
            "identifier": [_record_identifier(clinician.id)],
            "name": [{"text": clinician.name}],
        })

    def organisation(self) -> dict | None:
        if not self.organisation_name:
            return None
        resource = {"resourceType": "Organization",
                    "id": resource_id("Organization", self.organisation_oid or "-", self.organisation_name),
                    "name": self.organisation_name}
        if self.organisation_oid:
            resource["identifier"] = [{"system": URI_SYSTEM, "value": f"urn:oid:{self.organisation_oid}"}]
        return self.add(resource)

    # -- care -----------------------------------------------------------------------------------------------------
    def condition(self, patient: dict) -> dict | None:
        course = self.course
        if not course.icd10:
            return None
        return self.add({
            "resourceType": "Condition",
            "id": resource_id("Condition", course.id, course.icd10),
            "identifier": [_record_identifier(course.id)],
            "clinicalStatus": {"coding": [{"system": CONDITION_CLINICAL_SYSTEM, "code": "active"}]},
            "verificationStatus": {"coding": [{"system": CONDITION_VERIFICATION_SYSTEM, "code": "confirmed"}]},
            "code": {"coding": [{"system": ICD10_SYSTEM, "code": course.icd10}], "text": course.icd10},
            "subject": _ref(patient),
            **({"recordedDate": course.need_established.isoformat()} if course.need_established else {}),
        })

    def encounter(self, session, patient: dict, practitioner: dict | None, organisation: dict | None) -> dict:
        code, display = ENCOUNTER_CLASS.get(session.mode, ENCOUNTER_CLASS["in_person"])
        if session.attendance != "attended":
            status = "cancelled"
        else:
            status = "finished" if session.closed else "in-progress"
        start = local_aware(session.starts_at)
        period = {"start": _date_time(start)}
        resource = {
            "resourceType": "Encounter",
            "id": resource_id("Encounter", session.id, _version(session.updated_at)),
            "identifier": [_record_identifier(session.id)],
            "status": status,
            "class": {"system": ACT_CODE_SYSTEM, "code": code, "display": display},
            "subject": _ref(patient),
            "period": period,
        }
        if session.attendance == "attended" and session.duration_minutes:
            period["end"] = _date_time(start + timedelta(minutes=session.duration_minutes))
            resource["length"] = {"value": session.duration_minutes, "unit": "min",
                                  "system": "http://unitsofmeasure.org", "code": "min"}
        if practitioner is not None:
            resource["participant"] = [{"individual": _ref(practitioner)}]
        if organisation is not None:
            resource["serviceProvider"] = _ref(organisation)
        return self.add(resource)

    def procedure_code(self) -> dict:
        name = self.protocol.name.get(self.language) if self.protocol else self.course.method_id
        codes = [] if self.protocol is None else [
            c.code for c in self.protocol.procedure_codes if c.code and c.format in ("any", "individual")
        ]
        concept = {"text": name}
        if codes:
            concept["coding"] = [{"system": PROCEDURE_SYSTEM, "code": codes[0]}]
        return concept

    def procedure(self, session, encounter: dict, patient: dict, practitioner: dict | None) -> dict | None:
        if session.attendance != "attended":
            return None
        resource = {
            "resourceType": "Procedure",
            "id": resource_id("Procedure", session.id, _version(session.updated_at)),
            "identifier": [_record_identifier(session.id)],
            "status": "completed" if session.closed else "in-progress",
            "code": self.procedure_code(),
            "subject": _ref(patient),
            "encounter": _ref(encounter),
            "performedPeriod": dict(encounter["period"]),
        }
        if practitioner is not None:
            resource["performer"] = [{"actor": _ref(practitioner)}]
        return self.add(resource)

    # -- questionnaires -------------------------------------------------------------------------------------------
    def instrument(self, administration):
        try:
            return self.library.instrument(administration.instrument_id, administration.instrument_version)
        except ContentNotFound:
            return None

    def questionnaire_response(self, administration, patient: dict, encounter: dict | None,
                               practitioner: dict | None) -> dict:
        instrument = self.instrument(administration)
        items = []
        order = instrument.item_ids if instrument else tuple(sorted(administration.answers))
        for item_id in order:
            value = (administration.answers or {}).get(item_id)
            item = {"linkId": item_id}
            text = instrument.text_for(item_id, administration.respondent) if instrument else None
            if text is not None:
                item["text"] = text.get(self.language)
            if isinstance(value, int) and not isinstance(value, bool):
                item["answer"] = [{"valueInteger": value}]
            items.append(item)
        resource = {
            "resourceType": "QuestionnaireResponse",
            "id": resource_id("QuestionnaireResponse", administration.id, administration.instrument_version),
            "identifier": _record_identifier(administration.id),
            "questionnaire": f"{QUESTIONNAIRE_BASE}{administration.instrument_id}|{administration.instrument_version}",
            "status": "completed" if administration.total is not None else "stopped",
            "subject": _ref(patient),
            "authored": _date_time(utc_aware(administration.administered_at)),
            "item": items,
        }
        if encounter is not None:
            resource["encounter"] = _ref(encounter)
        if administration.respondent == "client":
            resource["source"] = _ref(patient)
        if practitioner is not None:
            resource["author"] = _ref(practitioner)
        return self.add(resource)

    def observation(self, administration, response: dict, patient: dict, encounter: dict | None,
                    practitioner: dict | None) -> dict | None:
        if administration.total is None:
            return None
        instrument = self.instrument(administration)
        name = instrument.name.get(self.language) if instrument else administration.instrument_id
        code: dict = {"text": name}
        if instrument is not None and instrument.codes.loinc_total:
            code["coding"] = [{"system": LOINC_SYSTEM, "code": instrument.codes.loinc_total}]
        total = float(administration.total)
        value = {"valueInteger": int(total)} if total.is_integer() else {
            "valueQuantity": {"value": total, "unit": "{score}", "system": "http://unitsofmeasure.org",
                              "code": "{score}"}}
        resource = {
            "resourceType": "Observation",
            "id": resource_id("Observation", administration.id, administration.instrument_version),
            "identifier": [_record_identifier(administration.id)],
            "status": "final",
            "category": [{"coding": [{"system": OBSERVATION_CATEGORY_SYSTEM, "code": "survey"}]}],
            "code": code,
            "subject": _ref(patient),
            "effectiveDateTime": _date_time(utc_aware(administration.administered_at)),
            **value,
            "derivedFrom": [_ref(response)],
        }
        band = self.band_label(instrument, administration.band)
        if band:
            resource["interpretation"] = [{"text": band}]
        if encounter is not None:
            resource["encounter"] = _ref(encounter)
        if practitioner is not None:
            resource["performer"] = [_ref(practitioner)]
        return self.add(resource)

    def band_label(self, instrument, band_id: str | None) -> str:
        if not band_id:
            return ""
        if instrument is None:
            return band_id
        for band_set in instrument.scoring.band_sets:
            for band in band_set.bands:
                if band.id == band_id:
                    return band.label.get(self.language)
        return band_id

    # -- the document ---------------------------------------------------------------------------------------------
    def composition(self, entry: Entry, session, patient: dict, practitioner: dict | None,
                    organisation: dict | None, encounter: dict | None, refs: dict[str, list[dict]]) -> dict:
        digest = hashlib.sha256(entry.text().encode("utf-8")).hexdigest()
        record_id = session.id if session is not None else self.course.id
        scope = "session" if session is not None else "course"
        times = [self.course.updated_at] + [s.updated_at for s in self.course.sessions]
        resource = {
            "resourceType": "Composition",
            "id": resource_id("Composition", f"{record_id}/{self.language}", digest),
            "language": LANGUAGE_TAGS[self.language],
            "identifier": _record_identifier(resource_id("Composition", f"{record_id}/{self.language}", "")),
            "status": "final",
            "type": {"text": COMPOSITION_TYPE[self.language][scope]},
            "subject": _ref(patient),
            "date": _date_time(utc_aware(max(t for t in times if t is not None))),
            "author": [_ref(practitioner or organisation or patient)],
            "title": entry.title,
            "confidentiality": "R" if self.client.non_disclosure else "N",
            "section": [],
        }
        if encounter is not None:
            resource["encounter"] = _ref(encounter)
        if organisation is not None:
            resource["custodian"] = _ref(organisation)
        for section in entry.sections:
            part = {"title": section.heading, "text": _narrative(section.lines)}
            if refs.get(section.key):
                part["entry"] = refs[section.key]
            resource["section"].append(part)
        return resource

    def build(self, session_number: int | None, now: datetime) -> dict:
        course = self.course
        entry = build_entry(course, self.library, self.language, session_number=session_number,
                            outcome_preset=self.preset)
        session = next((s for s in course.sessions if s.number == session_number), None) if session_number else None
        patient = self.patient()
        practitioner = self.practitioner()
        organisation = self.organisation()
        refs: dict[str, list[dict]] = {"need": [], "implementation": [], "evaluation": []}
        condition = self.condition(patient)
        if condition is not None:
            refs["need"].append(_ref(condition))
        sessions = [session] if session is not None else list(course.sessions)
        encounters = {}
        for record in sessions:
            encounter = self.encounter(record, patient, practitioner, organisation)
            encounters[record.id] = encounter
            refs["implementation"].append(_ref(encounter))
            procedure = self.procedure(record, encounter, patient, practitioner)
            if procedure is not None:
                refs["implementation"].append(_ref(procedure))
        administrations = sorted(course.administrations, key=lambda a: a.administered_at)
        if session is not None:
            administrations = [a for a in administrations if a.session_id == session.id]
        for administration in administrations:
            encounter = encounters.get(administration.session_id)
            response = self.questionnaire_response(administration, patient, encounter, practitioner)
            observation = self.observation(administration, response, patient, encounter, practitioner)
            refs["evaluation"].append(_ref(observation or response))
        composition = self.composition(entry, session, patient, practitioner, organisation,
                                       encounters.get(session.id) if session is not None else None, refs)
        bundle_id = resource_id("Bundle", composition["id"], "")
        bundle = {
            "resourceType": "Bundle",
            "id": bundle_id,
            "identifier": {"system": URI_SYSTEM, "value": f"urn:uuid:{bundle_id}"},
            "type": "document",
            "timestamp": _date_time(utc_aware(now)),
            "entry": [{"fullUrl": f"urn:uuid:{composition['id']}", "resource": composition}, *self.entries],
        }
        if self.client.non_disclosure:
            bundle["meta"] = {"security": non_disclosure_labels()}
        return bundle


def non_disclosure_labels() -> list[dict]:
    return [
        {"system": FI_SECURITY_SYSTEM, "code": "TURVAKIELTO", "display": "Turvakielto"},
        {"system": CONFIDENTIALITY_SYSTEM, "code": "R", "display": "restricted"},
    ]


def load_clinician(vault) -> Clinician | None:
    with vault.read() as session:
        return session.scalars(select(Clinician).order_by(Clinician.created_at).limit(1)).first()


def build_bundle(course, library, language: str, *, session_number: int | None = None, organisation_oid: str = "",
                 organisation_name: str = "", clinician: Clinician | None = None, outcome_preset: str = "nhs",
                 now: datetime | None = None) -> dict:
    """The document Bundle as a JSON-ready dict. `now` (naive UTC) is the bundle's timestamp only; no resource
    id depends on it. Raises LookupError when `session_number` names no session of the course."""
    builder = _BundleBuilder(course, library, language, organisation_oid, organisation_name, clinician,
                             outcome_preset)
    if session_number is not None and not any(s.number == session_number for s in course.sessions):
        raise LookupError("no session with this number in the course")
    return builder.build(session_number, now or utcnow())


def bundle_bytes(bundle: dict) -> bytes:
    return (json.dumps(bundle, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
