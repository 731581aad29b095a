"""A FHIR R4 (4.0.1) document Bundle of a course or one session, following the HL7 Finland base profiles.

What the bundle holds (every reference is an in-bundle `urn:uuid:`):
- Composition (first entry, as a document requires): the text entry, one section per heading; typed with LOINC
  (a summary of the episode for a course, the progress note of the clinician's profession for a visit);
  "preliminary" while a visit in it is still open;
- Patient: the personal identity code under `urn:oid:1.2.246.21` with use "official" and type NNFIN; a temporary
  identifier (individual number 900-999) under the organisation's temporary-identifier root
  `urn:oid:<root>.<year>` (settings `temporary_id_root`; the year the client was first recorded here), or, in a test
  environment (`test_identity_codes`), as a test code under the national system; Askel's own local identifier
  (use "secondary", in this installation's namespace) always, so the same client is the same client every time.
  `name.text` is filled. A non-disclosure (turvakielto) is carried as two security labels in `meta.security`:
  HL7 Finland's `TURVAKIELTO`, and the international v3-Confidentiality `R` (restricted), so that a receiver that
  only knows HL7's standard labels still restricts the data. No sex is exported (none is stored or derived);
- Practitioner (the clinician: `name.text`, the Terhikki registration number under `urn:oid:1.2.246.537.26`, the
  professional title as a qualification) and, when `organisation_name` is set, Organization (its OID under the
  national organisation register's code system);
- a RelatedPerson "parent" when a parent answered a questionnaire (who answered is each response's `source`);
- per session an Encounter (finished / cancelled / in-progress; class AMB in person, VR by phone or video) and, for
  an attended visit of the method, a Procedure with the THL procedure code (`urn:oid:1.2.246.537.6.2`, version
  2007) when the method has a known code (else the method's name as text);
- a Condition with the ICD-10 code (`urn:oid:1.2.246.537.6.1`, version 1999) when one is recorded: category
  encounter-diagnosis (a diagnosis made by a physician, recorded on the course), active while the course runs;
- per questionnaire a QuestionnaireResponse (answers as valueInteger, its source the respondent) and, when scored,
  an Observation of the total (LOINC where the instrument has a code, `derivedFrom` the response).

Identity. Resource ids are deterministic: UUIDv5 in `ID_NAMESPACE` of "<type>/<record id>/<version>", so the same
record in the same version gets the same id and sending twice does no harm; each resource also carries its record's
own UUID as a stable `identifier`. The *document* is identified by what it says: the Composition id and the Bundle
identifier are UUIDv5 of a hash of every resource in the bundle (labels and patient data included, the timestamp
excluded) and of the document it replaces. Any change gives a new Composition and Bundle identifier whose
`relatesTo: replaces` names the Bundle identifier sent before (`PreviousDocument`, from the export log); sending the
same content again gives the same ids. `Composition.identifier` stays the same for every version of one document
(course or visit, and language).
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from html import escape

from sqlalchemy import select

from askel.core import hetu as hetu_rules
from askel.core.content.library import ContentNotFound
from askel.core.content.statement import from_record, wording_notes
from askel.core.record_headings import Headings
from askel.export.formatting import fhir_datetime, local_aware, utc_aware
from askel.export.record_facts import Baseline, Visit, record_facts
from askel.export.record_safe import own
from askel.export.text_entry import Entry, entry_for, phrase
from askel.store.models import Clinician, utcnow

ID_NAMESPACE = uuid.UUID("0f5d7c1e-3b2a-5d8e-9a41-6c7e2f1b8d30")  # fixed forever: changing it changes every id

HETU_SYSTEM = "urn:oid:1.2.246.21"
TERHIKKI_SYSTEM = "urn:oid:1.2.246.537.26"
ORGANISATION_REGISTER_SYSTEM = "urn:oid:1.2.246.537.6.202.2008"  # the national social and health care register
ICD10_SYSTEM = "urn:oid:1.2.246.537.6.1"
ICD10_VERSION = "1999"
PROCEDURE_SYSTEM = "urn:oid:1.2.246.537.6.2"
PROCEDURE_VERSION = "2007"
LOINC_SYSTEM = "http://loinc.org"
URI_SYSTEM = "urn:ietf:rfc:3986"
IDENTIFIER_TYPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v2-0203"
FI_SECURITY_SYSTEM = "https://hl7.fi/fhir/finnish-base-profiles/CodeSystem/fi-base-security-label-cs"
CONFIDENTIALITY_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality"
ACT_CODE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
ROLE_CODE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-RoleCode"
OBSERVATION_CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/observation-category"
CONDITION_CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/condition-category"
CONDITION_CLINICAL_SYSTEM = "http://terminology.hl7.org/CodeSystem/condition-clinical"
LANGUAGE_SYSTEM = "urn:ietf:bcp:47"
QUESTIONNAIRE_BASE = "urn:askel:questionnaire:"  # + "<instrument id>|<version>": Askel's own definitions
XHTML = "http://www.w3.org/1999/xhtml"

LANGUAGE_TAGS = {"fi": "fi-FI", "sv": "sv-FI"}
ENCOUNTER_CLASS = {
    "in_person": ("AMB", "ambulatory"),
    "phone": ("VR", "virtual"),
    "video": ("VR", "virtual"),
}
# Composition.type: LOINC document codes. A course is a summary of an episode; a visit is the progress note of the
# clinician's profession.
COURSE_DOCUMENT = ("34133-9", "Summary of episode note")
PROGRESS_NOTES = {
    "nurse": ("28623-7", "Nurse Progress note"),
    "public_health_nurse": ("28623-7", "Nurse Progress note"),
    "psychologist": ("11510-5", "Psychology Progress note"),
    "school_psychologist": ("11510-5", "Psychology Progress note"),
    "social_worker": ("28656-7", "Social work Progress note"),
}
PROGRESS_NOTE = ("11506-3", "Progress note")
COMPOSITION_TYPE = {"fi": {"course": "Hoitojakson yhteenveto", "session": "Käyntimerkintä"},
                    "sv": {"course": "Sammanfattning av vårdperioden", "session": "Besöksanteckning"}}


@dataclass(frozen=True)
class Identifiers:
    """How this organisation identifies people and itself (IT policy; see `export.service.ExportPolicy`)."""

    organisation_oid: str = ""
    temporary_id_root: str = ""  # e.g. 1.2.246.10.<business id>.22; the year is appended
    test_identity_codes: bool = False  # 900-999 codes are the test codes of a test environment
    installation_id: str = ""  # the namespace of Askel's local identifiers


@dataclass(frozen=True)
class PreviousDocument:
    """The last FHIR document of the same course or visit and language, as the export log keeps it."""

    content: str
    bundle: str  # its Bundle identifier (a UUID)
    replaces: str | None = None  # the Bundle identifier it replaced


@dataclass(frozen=True)
class Document:
    bundle: dict
    entry: Entry
    series: str
    content: str  # the hash of what the document says
    replaces: str | None

    @property
    def bundle_id(self) -> str:
        return self.bundle["id"]

    def log_facts(self) -> dict:
        """What the export log keeps of this document, for the next one."""
        return {"series": self.series, "content": self.content, "bundle": self.bundle_id,
                "composition": self.bundle["entry"][0]["resource"]["id"], "replaces": self.replaces}


def resource_id(resource_type: str, record_id: str, version: object) -> str:
    """UUIDv5 of "<type>/<record id>/<version>": the same record in the same version, the same id."""
    return str(uuid.uuid5(ID_NAMESPACE, f"{resource_type}/{record_id}/{version}"))


def temporary_system(root: str, year: int) -> str:
    return f"urn:oid:{root}.{year}"


def identifier_problems(client, identifiers: Identifiers) -> tuple[str, ...]:
    """What the FHIR document cannot say about who the client is, as codes the UI words:
    "temporary_id_root_missing": a temporary identity code, and IT has not set the root to place it under."""
    parsed = hetu_rules.parse(client.hetu) if client.hetu else None
    if parsed is not None and parsed.temporary and not identifiers.test_identity_codes \
            and not identifiers.temporary_id_root:
        return ("temporary_id_root_missing",)
    return ()


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


def _digest(value: object) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


class _BundleBuilder:
    def __init__(self, entry: Entry, library, identifiers: Identifiers, organisation_name: str,
                 clinician: Clinician | None):
        self.entry, self.facts = entry, entry.facts
        self.course, self.library, self.language = self.facts.course, library, entry.language
        self.identifiers, self.organisation_name = identifiers, organisation_name
        self.clinician = clinician
        self.client = self.course.client
        self.protocol = self.facts.protocol
        self.entries: list[dict] = []
        self.related_parent: dict | None = None

    def add(self, resource: dict) -> dict:
        self.entries.append({"fullUrl": f"urn:uuid:{resource['id']}", "resource": resource})
        return resource

    # -- the people -----------------------------------------------------------------------------------------------
    def patient(self) -> dict:
        client, ids = self.client, self.identifiers
        identifiers = []
        parsed = hetu_rules.parse(client.hetu) if client.hetu else None
        if parsed is not None and (not parsed.temporary or ids.test_identity_codes):
            identifiers.append({
                "use": "official",
                "type": {"coding": [{"system": IDENTIFIER_TYPE_SYSTEM, "code": "NNFIN"}]},
                "system": HETU_SYSTEM, "value": parsed.code,
            })
        elif parsed is not None and ids.temporary_id_root:
            identifiers.append({"use": "temp", "system": temporary_system(ids.temporary_id_root,
                                                                           client.created_at.year),
                                "value": parsed.code})
        if ids.installation_id:
            identifiers.append({"use": "secondary", "system": f"urn:uuid:{ids.installation_id}",
                                "value": client.local_id})
        else:
            identifiers.append({"use": "secondary", **_record_identifier(client.id)})
        given = client.given_names.split()
        resource = {
            "resourceType": "Patient",
            "id": resource_id("Patient", client.id, _version(client.updated_at)),
            "identifier": identifiers,
            "active": True,
            "name": [{"text": " ".join((*given, client.family_name)), "family": client.family_name,
                      "given": given}],
            "birthDate": client.birth_date.isoformat(),
            "communication": [{"language": {"coding": [{"system": LANGUAGE_SYSTEM, "code": client.language}]},
                               "preferred": True}],
        }
        if client.non_disclosure:
            resource["meta"] = {"security": non_disclosure_labels()}
        return self.add(resource)

    def practitioner(self) -> dict | None:
        if self.clinician is None:
            return None
        clinician = self.clinician
        title = getattr(clinician, "title", "") or ""
        terhikki = getattr(clinician, "terhikki", "") or ""
        identifiers = [_record_identifier(clinician.id)]
        if terhikki:
            identifiers.append({"use": "official", "system": TERHIKKI_SYSTEM, "value": terhikki})
        version = "/".join((_version(clinician.created_at), clinician.name, clinician.role or "", title, terhikki))
        resource = {
            "resourceType": "Practitioner",
            "id": resource_id("Practitioner", clinician.id, version),
            "identifier": identifiers,
            "name": [{"text": clinician.name}],
        }
        qualification = title or professional_title(clinician.role, self.language)
        if qualification:
            resource["qualification"] = [{"code": {"text": qualification}}]
        return self.add(resource)

    def organisation(self) -> dict | None:
        if not self.organisation_name:
            return None
        oid = self.identifiers.organisation_oid
        resource = {"resourceType": "Organization",
                    "id": resource_id("Organization", oid or "-", self.organisation_name),
                    "name": self.organisation_name}
        if oid:
            resource["identifier"] = [{"use": "official", "system": ORGANISATION_REGISTER_SYSTEM,
                                       "value": f"urn:oid:{oid}"}]
        return self.add(resource)

    def parent(self, patient: dict) -> dict:
        """One RelatedPerson for "a parent of the client" (which parent answered is not recorded)."""
        if self.related_parent is None:
            self.related_parent = self.add({
                "resourceType": "RelatedPerson",
                "id": resource_id("RelatedPerson", self.client.id, "parent"),
                "patient": _ref(patient),
                "relationship": [{"coding": [{"system": ROLE_CODE_SYSTEM, "code": "PRN", "display": "parent"}]}],
            })
        return self.related_parent

    # -- care -----------------------------------------------------------------------------------------------------
    def condition(self, patient: dict) -> dict | None:
        course = self.course
        if not course.icd10:
            return None
        resource = {
            "resourceType": "Condition",
            "id": resource_id("Condition", course.id, f"{course.icd10}/{course.status in ('planned', 'active')}"),
            "identifier": [_record_identifier(course.id)],
            "category": [{"coding": [{"system": CONDITION_CATEGORY_SYSTEM, "code": "encounter-diagnosis"}]}],
            "code": {"coding": [{"system": ICD10_SYSTEM, "version": ICD10_VERSION, "code": course.icd10}],
                     "text": course.icd10},
            "subject": _ref(patient),
            **({"recordedDate": course.need_established.isoformat()} if course.need_established else {}),
        }
        if course.status in ("planned", "active"):
            # Treated now; after the course Askel does not know whether the condition resolved, so it says nothing.
            resource["clinicalStatus"] = {"coding": [{"system": CONDITION_CLINICAL_SYSTEM, "code": "active"}]}
        return self.add(resource)

    def encounter(self, visit: Visit, patient: dict, practitioner: dict | None, organisation: dict | None) -> dict:
        session = visit.session
        code, display = ENCOUNTER_CLASS.get(session.mode, ENCOUNTER_CLASS["in_person"])
        if not visit.attended:
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
        if visit.attended and session.duration_minutes:
            period["end"] = _date_time(start + timedelta(minutes=session.duration_minutes))
            resource["length"] = {"value": session.duration_minutes, "unit": "min",
                                  "system": "http://unitsofmeasure.org", "code": "min"}
        if practitioner is not None:
            resource["participant"] = [{"individual": _ref(practitioner)}]
        if organisation is not None:
            resource["serviceProvider"] = _ref(organisation)
        return self.add(resource)

    def procedure_code(self) -> dict:
        name = own(self.protocol.name.get(self.language)) if self.protocol else self.course.method_id
        concept: dict = {"text": name}
        codes = self.facts.procedure_codes
        if codes:
            concept["coding"] = [{"system": PROCEDURE_SYSTEM, "version": PROCEDURE_VERSION, "code": codes[0]}]
        return concept

    def procedure(self, visit: Visit, encounter: dict, patient: dict, practitioner: dict | None) -> dict | None:
        if not (visit.is_method and visit.attended):
            return None
        session = visit.session
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
        respondent = administration.respondent or "client"
        if respondent == "client":
            resource["source"] = _ref(patient)
        elif respondent == "parent":
            resource["source"] = _ref(self.parent(patient))
        elif practitioner is not None:
            resource["source"] = _ref(practitioner)
        if practitioner is not None:
            resource["author"] = _ref(practitioner)
        return self.add(resource)

    def observation(self, administration, response: dict, patient: dict, encounter: dict | None,
                    practitioner: dict | None) -> dict | None:
        if administration.total is None:
            return None
        instrument = self.instrument(administration)
        name = own(instrument.name.get(self.language)) if instrument else administration.instrument_id
        respondent = administration.respondent or "client"
        if respondent != "client":
            name += f" ({phrase(self.language, f'respondent.{respondent}')})"
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
        statement = from_record(instrument, administration) if instrument is not None else None
        if band and statement is not None and statement.band_set_label is not None:
            band += f" ({own(statement.band_set_label.get(self.language))})"
        if band:
            resource["interpretation"] = [{"text": band}]
        # What the reader must know about this score (prorated and the questions not answered, the limits reached,
        # a risk question left blank) and whose wording the questions were in: the same sentences as on screen.
        if statement is not None:
            notes = statement.notes(self.language) + wording_notes([statement], self.language)
            if notes:
                resource["note"] = [{"text": own(note)} for note in notes]
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
                    return own(band.label.get(self.language))
        return band_id

    # -- the document ---------------------------------------------------------------------------------------------
    def composition(self, patient: dict, practitioner: dict | None, organisation: dict | None,
                    encounter: dict | None, refs: dict[str, list[dict]], series: str) -> dict:
        entry, visit = self.entry, self.facts.visit
        scope = "session" if visit is not None else "course"
        if visit is None:
            loinc = COURSE_DOCUMENT
        else:
            loinc = PROGRESS_NOTES.get(self.clinician.role if self.clinician else "", PROGRESS_NOTE)
        times = [self.course.updated_at] + [v.session.updated_at for v in self.facts.scope_visits]
        resource = {
            "resourceType": "Composition",
            "language": LANGUAGE_TAGS[self.language],
            "identifier": _record_identifier(resource_id("Composition", series, "")),
            "status": "preliminary" if self.facts.has_draft else "final",
            "type": {"coding": [{"system": LOINC_SYSTEM, "code": loinc[0], "display": loinc[1]}],
                     "text": COMPOSITION_TYPE[self.language][scope]},
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

    def build(self, now: datetime, previous: PreviousDocument | None) -> Document:
        facts = self.facts
        visit = facts.visit
        patient = self.patient()
        practitioner = self.practitioner()
        organisation = self.organisation()
        refs: dict[str, list[dict]] = {"need": [], "implementation": [], "evaluation": []}
        condition = self.condition(patient)
        if condition is not None and facts.show_need:
            refs["need"].append(_ref(condition))
        encounters = {}
        for record in facts.scope_visits:
            encounter = self.encounter(record, patient, practitioner, organisation)
            encounters[record.session.id] = encounter
            refs["implementation"].append(_ref(encounter))
            procedure = self.procedure(record, encounter, patient, practitioner)
            if procedure is not None:
                refs["implementation"].append(_ref(procedure))
        administrations = sorted(self.course.administrations, key=lambda a: a.administered_at)
        if visit is not None:
            administrations = [a for a in administrations if a.session_id == visit.session.id]
        for administration in administrations:
            encounter = encounters.get(administration.session_id)
            response = self.questionnaire_response(administration, patient, encounter, practitioner)
            observation = self.observation(administration, response, patient, encounter, practitioner)
            refs["evaluation"].append(_ref(observation or response))
        record_id = visit.session.id if visit is not None else self.course.id
        series = f"{record_id}/{self.language}"
        composition = self.composition(patient, practitioner, organisation,
                                       encounters.get(visit.session.id) if visit is not None else None, refs, series)
        security = non_disclosure_labels() if self.client.non_disclosure else None
        content = _digest({"composition": composition, "entries": self.entries, "security": security})
        if previous is not None and previous.content == content:
            replaces = previous.replaces  # the same document again: the same ids, replacing what it replaced
        else:
            replaces = previous.bundle if previous is not None else None
        document_id = resource_id("Composition", series, f"{content}/{replaces or ''}")
        composition = {"resourceType": "Composition", "id": document_id, **{
            k: v for k, v in composition.items() if k != "resourceType"}}
        if replaces:
            composition["relatesTo"] = [{"code": "replaces", "targetIdentifier": _record_identifier(replaces)}]
        bundle_id = resource_id("Bundle", document_id, "")
        bundle = {
            "resourceType": "Bundle",
            "id": bundle_id,
            "identifier": _record_identifier(bundle_id),
            "type": "document",
            "timestamp": _date_time(utc_aware(now)),
            "entry": [{"fullUrl": f"urn:uuid:{document_id}", "resource": composition}, *self.entries],
        }
        if security:
            bundle["meta"] = {"security": security}
        return Document(bundle, self.entry, series, content, replaces)


def non_disclosure_labels() -> list[dict]:
    return [
        {"system": FI_SECURITY_SYSTEM, "code": "TURVAKIELTO", "display": "Turvakielto"},
        {"system": CONFIDENTIALITY_SYSTEM, "code": "R", "display": "restricted"},
    ]


def professional_title(role: str | None, language: str) -> str:
    """The profession of a role in the document language ("sairaanhoitaja"), "" for "other"."""
    from askel.export.text_entry import PHRASES

    return PHRASES[language].get(f"role.{role}", "")


def load_clinician(vault) -> Clinician | None:
    with vault.read() as session:
        return session.scalars(select(Clinician).order_by(Clinician.created_at).limit(1)).first()


def build_document(course, library, language: str, *, session_number: int | None = None,
                   organisation_oid: str = "", temporary_id_root: str = "", test_identity_codes: bool = False,
                   installation_id: str = "", organisation_name: str = "", clinician: Clinician | None = None,
                   outcome_preset: str = "nhs", now: datetime | None = None, baseline: Baseline | None = None,
                   previous: PreviousDocument | None = None, headings: Headings | None = None) -> Document:
    """The document (bundle and identity) of a loaded course. `now` (naive UTC) is the bundle's timestamp only; no
    id depends on it. Raises LookupError when `session_number` names no session of the course."""
    facts = record_facts(course, library, session_number=session_number, baseline=baseline)
    entry = entry_for(facts, library, language, outcome_preset=outcome_preset,
                      role=clinician.role if clinician is not None else None, headings=headings)
    identifiers = Identifiers(organisation_oid, temporary_id_root, test_identity_codes, installation_id)
    builder = _BundleBuilder(entry, library, identifiers, organisation_name, clinician)
    return builder.build(now or utcnow(), previous)


def build_bundle(course, library, language: str, **options) -> dict:
    """The document Bundle as a JSON-ready dict (see `build_document` for the options)."""
    return build_document(course, library, language, **options).bundle


def bundle_bytes(bundle: dict) -> bytes:
    return (json.dumps(bundle, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
