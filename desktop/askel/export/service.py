"""One way out of the vault for the GUI and the command line: render an export, deliver it, log it.

    policy = ExportPolicy.from_settings(context.settings)
    rendered = render(vault, context.library, policy, ExportRequest(course_id, "text", "fi"))
    record = save_to_file(vault, rendered, policy, Path("entry.txt"))      # or save_to_drop_folder(...)
    record = log_copy(vault, rendered)                                       # after putting the text on the clipboard
    record = log_print(vault, rendered, printer_name)                        # after printing

Kinds: "text" (the record entry), "pdf" (report for the record), "pdf_client" (a copy of that report for the client,
without clinician notes and alerts), "fhir" (FHIR R4 document Bundle), "handout" (the client's handout after a visit:
homework, next appointment, where to get help; see export.handout). Languages: "fi", "sv".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from askel.core.record_headings import Headings, HeadingsError, load_headings
from askel.export import crypto
from askel.export.destinations import (
    MEDIA_TYPES,
    ExportError,
    Target,
    drop_folder_target,
    file_target,
    payload,
    suggested_name,
    write,
)
from askel.export.fhir import (
    PreviousDocument,
    build_document,
    bundle_bytes,
    identifier_problems,
    load_clinician,
)
from askel.export.formatting import check_language
from askel.export.handout import build_handout_pdf
from askel.export.log import Disclosure, checksum, last_document, last_record_facts, record_disclosure
from askel.export.record_facts import Baseline, record_facts
from askel.export.record_safe import replace_all
from askel.export.text_entry import Entry, entry_for
from askel.store import audit
from askel.store.courses import load_course
from askel.store.installation import identity
from askel.store.models import ExportRecord, utcnow

KINDS = ("text", "pdf", "pdf_client", "fhir", "handout")
CLIENT_KINDS = ("pdf_client", "handout")  # given to the client, not to the record
# The Bundle's meta.tag that carries the use log's head when the export was made (see askel.store.audit).
USE_LOG_HEAD_SYSTEM = "urn:askel:use-log-head"


@dataclass(frozen=True)
class ExportRequest:
    course_id: str
    kind: str
    language: str
    session_number: int | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError("unknown export kind")
        check_language(self.language)


@dataclass(frozen=True)
class ExportPolicy:
    """The settings that shape exports (most of them IT policy)."""

    organisation_oid: str = ""
    organisation_name: str = ""
    drop_folder: str = ""
    recipient_key: str = ""
    outcome_preset: str = "nhs"
    temporary_id_root: str = ""  # FHIR: temporary identity codes go under <root>.<year>
    test_identity_codes: bool = False  # FHIR: 900-999 codes are test codes of a test environment
    accepts_unicode: bool = False  # the record takes full Unicode (else the entry is checked against Latin-9)
    headings_file: str = ""  # the organisation's record headings (see core.record_headings)
    handout_help_fi: str = ""  # where the client gets help at once, on the handout after a risk answer
    handout_help_sv: str = ""

    @classmethod
    def from_settings(cls, settings) -> ExportPolicy:
        def text(key: str) -> str:
            return str(settings.get(key) or "")

        return cls(
            organisation_oid=text("organisation_oid"),
            organisation_name=text("organisation_name"),
            drop_folder=text("export_drop_folder"),
            recipient_key=text("export_recipient_key"),
            outcome_preset=text("outcome_preset") or "nhs",
            temporary_id_root=text("temporary_id_root"),
            test_identity_codes=bool(settings.get("test_identity_codes")),
            accepts_unicode=bool(settings.get("record_accepts_unicode")),
            headings_file=text("record_headings_file"),
            handout_help_fi=text("handout_help_fi"),
            handout_help_sv=text("handout_help_sv"),
        )

    def headings(self) -> Headings:
        """The organisation's headings, or the shipped ones when its file cannot be used."""
        try:
            return load_headings(self.headings_file or None)
        except HeadingsError:
            return load_headings()


@dataclass(frozen=True)
class Rendered:
    request: ExportRequest
    data: bytes
    media_type: str
    file_name: str  # suggested, without client data
    disclosure: Disclosure
    text: str = ""  # the text entry (for the clipboard and previews); empty for binary kinds
    extra: dict = field(default_factory=dict)
    facts: dict | None = None  # what this export for the record says, kept in the export log for the next one

    def record_safe(self) -> Rendered:
        """The text entry with every character a Latin-9 record may reject replaced (the user's choice)."""
        if self.request.kind != "text":
            return self
        text = replace_all(self.text)
        return replace(self, text=text, data=text.encode("utf-8"))


@dataclass(frozen=True)
class Preview:
    """What the export dialog shows before anything leaves: the entry, and what the FHIR document cannot say."""

    entry: Entry
    problems: tuple[str, ...] = ()


def _scope(course, session_number: int | None):
    if session_number is None:
        return None
    session = next((s for s in course.sessions if s.number == session_number), None)
    if session is None:
        raise LookupError("no session with this number in the course")
    return session


def _baseline(vault, course_id: str, session) -> Baseline | None:
    if session is None:
        return None
    facts = last_record_facts(vault, course_id, not_session_id=session.id)
    return Baseline(facts.get("need", ""), facts.get("plan", "")) if facts else None


def preview(vault, library, policy: ExportPolicy, request: ExportRequest, *, course=None) -> Preview:
    """The entry an export of `request` would carry now (the same facts as `render`), without logging anything."""
    course = course or load_course(vault, request.course_id)
    session = _scope(course, request.session_number)
    clinician = load_clinician(vault)
    audience = "client" if request.kind == "pdf_client" else "record"
    facts = record_facts(course, library, session_number=request.session_number,
                         baseline=_baseline(vault, course.id, session) if audience == "record" else None)
    entry = entry_for(facts, library, request.language, audience=audience, outcome_preset=policy.outcome_preset,
                      role=clinician.role if clinician else None, headings=policy.headings())
    problems = identifier_problems(course.client, _identifiers(vault, policy)) if request.kind == "fhir" else ()
    return Preview(entry, problems)


def _identifiers(vault, policy: ExportPolicy):
    from askel.export.fhir import Identifiers
    from askel.store.installation import identity

    with vault.read() as session:
        installation_id = identity(session).id
    return Identifiers(policy.organisation_oid, policy.temporary_id_root, policy.test_identity_codes,
                       installation_id)


def pdf_options(vault, policy: ExportPolicy, request: ExportRequest, course):
    """The options of the PDF of `request` (for saving and for printing alike)."""
    from askel.export.pdf import PdfOptions

    client_version = request.kind == "pdf_client"
    session = _scope(course, request.session_number)
    return PdfOptions(request.language, client_version=client_version, session_number=request.session_number,
                      organisation_name=policy.organisation_name, clinician=load_clinician(vault),
                      outcome_preset=policy.outcome_preset,
                      baseline=None if client_version else _baseline(vault, course.id, session),
                      headings=policy.headings(), use_log_head=use_log_head(vault))


def signer(vault):
    """The installation's identity, which signs every encrypted export."""
    with vault.read() as session:
        return identity(session)


def use_log_head(vault) -> str:
    """`SEQ:HASH` of the use log now: it leaves the vault with the export, so a later rewrite of the log shows
    (`askel audit verify --anchor`)."""
    with vault.read() as session:
        return str(audit.head(session))


def render(vault, library, policy: ExportPolicy, request: ExportRequest, *, now: datetime | None = None) -> Rendered:
    """Build the export in memory. Raises LookupError for an unknown course or session number."""
    now = now or utcnow()
    course = load_course(vault, request.course_id)
    session = _scope(course, request.session_number)
    clinician = load_clinician(vault)
    role = clinician.role if clinician else None
    headings = policy.headings()
    baseline = _baseline(vault, course.id, session)
    text = ""
    facts = None
    extra: dict = {}
    if request.kind == "text":
        record = record_facts(course, library, session_number=request.session_number, baseline=baseline)
        text = entry_for(record, library, request.language, outcome_preset=policy.outcome_preset, role=role,
                         headings=headings).text()
        data = text.encode("utf-8")
        facts = dict(record.digests)
    elif request.kind == "fhir":
        previous = last_document(vault, course.id, session.id if session else None, request.language)
        identifiers = _identifiers(vault, policy)
        document = build_document(
            course, library, request.language, session_number=request.session_number,
            organisation_oid=identifiers.organisation_oid, temporary_id_root=identifiers.temporary_id_root,
            test_identity_codes=identifiers.test_identity_codes, installation_id=identifiers.installation_id,
            organisation_name=policy.organisation_name, clinician=clinician, outcome_preset=policy.outcome_preset,
            now=now, baseline=baseline, headings=headings,
            previous=PreviousDocument(previous["content"], previous["bundle"], previous.get("replaces"))
            if previous else None)
        document.bundle.setdefault("meta", {})["tag"] = [{"system": USE_LOG_HEAD_SYSTEM, "code": use_log_head(vault),
                                                          "display": "Askel use log head (sequence:SHA-256)"}]
        data = bundle_bytes(document.bundle)
        facts = {**document.entry.facts.digests, "document": document.log_facts()}
        extra["problems"] = identifier_problems(course.client, identifiers)
    elif request.kind == "handout":
        handout = handout_for(vault, policy, request, course)
        text = handout.text()
        data = build_handout_pdf(handout)
    else:
        from askel.export.pdf import build_pdf

        data = build_pdf(course, library, pdf_options(vault, policy, request, course))
        if request.kind == "pdf":
            facts = dict(record_facts(course, library, session_number=request.session_number).digests)
    disclosure = Disclosure(course.client_id, course.id, session.id if session else None, request.kind,
                            request.language)
    return Rendered(request, data, MEDIA_TYPES[request.kind],
                    suggested_name(request.kind, request.language, request.session_number, now), disclosure, text,
                    extra, facts=facts)


def handout_for(vault, policy: ExportPolicy, request: ExportRequest, course=None):
    """The client's handout of `request` (for the preview, the PDF and printing alike)."""
    from askel.export.handout import build_handout

    course = course or load_course(vault, request.course_id)
    clinician = load_clinician(vault)
    return build_handout(course, request.language, session_number=request.session_number,
                         safety_text=getattr(policy, f"handout_help_{request.language}"),
                         clinician_name=clinician.name if clinician else "",
                         organisation_name=policy.organisation_name)


def recipient_code(rendered: Rendered, target: Target | None = None) -> str:
    if target is not None and target.encrypt:
        return f"recipient_key:{crypto.key_fingerprint(target.recipient_key)}"
    return "client" if rendered.request.kind in CLIENT_KINDS else "patient_record"


def basis_code(rendered: Rendered) -> str:
    return "client_copy" if rendered.request.kind in CLIENT_KINDS else "patient_record"


Writer = Callable[[Target, bytes], None]


def deliver(vault, rendered: Rendered, target: Target, *, writer: Writer = write) -> ExportRecord:
    """Write to `target` (encrypting first when it says so) and log it, in one transaction.

    `writer(target, data)` writes the file (the command line passes its own, which also guards the data folder).
    """
    data = payload(target, rendered.data, rendered.media_type, rendered.file_name, signer=signer(vault))
    return record_disclosure(
        vault, rendered.disclosure, action="export", destination=str(target.path), data=data,
        recipient=recipient_code(rendered, target), basis=basis_code(rendered),
        detail={"encrypted": target.encrypt, "drop_folder": target.drop_folder,
                **({"plaintext_sha256": checksum(rendered.data)} if target.encrypt else {})},
        write=lambda: writer(target, data), written_path=target.path, facts=rendered.facts,
        chosen_name=target.chosen_name,
    )


def save_to_file(vault, rendered: Rendered, policy: ExportPolicy, path: Path, *, encrypt: bool = False,
                 writer: Writer = write) -> ExportRecord:
    target = file_target(Path(path), encrypt=encrypt, drop_folder=policy.drop_folder,
                         recipient_key=policy.recipient_key)
    return deliver(vault, rendered, target, writer=writer)


def save_to_drop_folder(vault, rendered: Rendered, policy: ExportPolicy, *, writer: Writer = write) -> ExportRecord:
    """Into IT's drop folder; always encrypted when IT set a recipient key."""
    target = drop_folder_target(policy.drop_folder, rendered.file_name, recipient_key=policy.recipient_key)
    return deliver(vault, rendered, target, writer=writer)


def log_copy(vault, rendered: Rendered, *, clear_after_seconds: int | None = None,
             part: str | None = None) -> ExportRecord:
    """Log that the text entry (or `part` of it, selected in a preview) was put on the clipboard (action `copy`)."""
    if rendered.request.kind != "text":
        raise ValueError("only the text entry is copied to the clipboard")
    return record_disclosure(
        vault, rendered.disclosure, action="copy", destination="clipboard",
        data=rendered.data if part is None else part.encode("utf-8"),
        recipient=recipient_code(rendered), basis=basis_code(rendered),
        detail={"clear_after_seconds": clear_after_seconds, **({"part": True} if part is not None else {})},
        facts=rendered.facts if part is None else None,
    )


def log_print(vault, rendered: Rendered, printer_name: str = "") -> ExportRecord:
    """Log that a report was printed (audit action `print`)."""
    return record_disclosure(
        vault, rendered.disclosure, action="print", destination=f"printer:{printer_name}".rstrip(":"),
        data=rendered.data, recipient=recipient_code(rendered), basis=basis_code(rendered), facts=rendered.facts,
    )


__all__ = [
    "KINDS", "ExportError", "ExportPolicy", "ExportRequest", "Preview", "Rendered", "deliver", "log_copy",
    "log_print", "preview", "render", "save_to_drop_folder", "save_to_file",
]
