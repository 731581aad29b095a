"""One way out of the vault for the GUI and the command line: render an export, deliver it, log it.

    policy = ExportPolicy.from_settings(context.settings)
    rendered = render(vault, context.library, policy, ExportRequest(course_id, "text", "fi"))
    record = save_to_file(vault, rendered, policy, Path("entry.txt"))      # or save_to_drop_folder(...)
    record = log_copy(vault, rendered)                                       # after putting the text on the clipboard
    record = log_print(vault, rendered, printer_name)                        # after printing

Kinds: "text" (the record entry), "pdf" (report for the record), "pdf_client" (report for the client, without
clinician notes and alerts), "fhir" (FHIR R4 document Bundle). Languages: "fi", "sv".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

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
from askel.export.fhir import build_bundle, bundle_bytes, load_clinician
from askel.export.formatting import check_language
from askel.export.log import Disclosure, checksum, record_disclosure
from askel.export.text_entry import build_entry
from askel.store.courses import load_course
from askel.store.models import ExportRecord, utcnow

KINDS = ("text", "pdf", "pdf_client", "fhir")


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

    @classmethod
    def from_settings(cls, settings) -> ExportPolicy:
        return cls(
            organisation_oid=str(settings.get("organisation_oid") or ""),
            organisation_name=str(settings.get("organisation_name") or ""),
            drop_folder=str(settings.get("export_drop_folder") or ""),
            recipient_key=str(settings.get("export_recipient_key") or ""),
            outcome_preset=str(settings.get("outcome_preset") or "nhs"),
        )


@dataclass(frozen=True)
class Rendered:
    request: ExportRequest
    data: bytes
    media_type: str
    file_name: str  # suggested, without client data
    disclosure: Disclosure
    text: str = ""  # the text entry (for the clipboard and previews); empty for binary kinds
    extra: dict = field(default_factory=dict)


def render(vault, library, policy: ExportPolicy, request: ExportRequest, *, now: datetime | None = None) -> Rendered:
    """Build the export in memory. Raises LookupError for an unknown course or session number."""
    now = now or utcnow()
    course = load_course(vault, request.course_id)
    session = None
    if request.session_number is not None:
        session = next((s for s in course.sessions if s.number == request.session_number), None)
        if session is None:
            raise LookupError("no session with this number in the course")
    text = ""
    if request.kind == "text":
        text = build_entry(course, library, request.language, session_number=request.session_number,
                           outcome_preset=policy.outcome_preset).text()
        data = text.encode("utf-8")
    elif request.kind == "fhir":
        bundle = build_bundle(course, library, request.language, session_number=request.session_number,
                              organisation_oid=policy.organisation_oid, organisation_name=policy.organisation_name,
                              clinician=load_clinician(vault), outcome_preset=policy.outcome_preset, now=now)
        data = bundle_bytes(bundle)
    else:
        from askel.export.pdf import PdfOptions, build_pdf

        clinician = load_clinician(vault)
        data = build_pdf(course, library, PdfOptions(
            request.language, client_version=request.kind == "pdf_client", session_number=request.session_number,
            organisation_name=policy.organisation_name, clinician_name=clinician.name if clinician else "",
            outcome_preset=policy.outcome_preset,
        ))
    disclosure = Disclosure(course.client_id, course.id, session.id if session else None, request.kind,
                            request.language)
    return Rendered(request, data, MEDIA_TYPES[request.kind],
                    suggested_name(request.kind, request.language, request.session_number, now), disclosure, text)


def recipient_code(rendered: Rendered, target: Target | None = None) -> str:
    if target is not None and target.encrypt:
        return f"recipient_key:{crypto.key_fingerprint(target.recipient_key)}"
    return "client" if rendered.request.kind == "pdf_client" else "patient_record"


def basis_code(rendered: Rendered) -> str:
    return "client_copy" if rendered.request.kind == "pdf_client" else "patient_record"


Writer = Callable[[Target, bytes], None]


def deliver(vault, rendered: Rendered, target: Target, *, writer: Writer = write) -> ExportRecord:
    """Write to `target` (encrypting first when it says so) and log it, in one transaction.

    `writer(target, data)` writes the file (the command line passes its own, which also guards the data folder).
    """
    data = payload(target, rendered.data, rendered.media_type, rendered.file_name)
    return record_disclosure(
        vault, rendered.disclosure, action="export", destination=str(target.path), data=data,
        recipient=recipient_code(rendered, target), basis=basis_code(rendered),
        detail={"encrypted": target.encrypt, "drop_folder": target.drop_folder,
                **({"plaintext_sha256": checksum(rendered.data)} if target.encrypt else {})},
        write=lambda: writer(target, data), written_path=target.path,
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


def log_copy(vault, rendered: Rendered, *, clear_after_seconds: int | None = None) -> ExportRecord:
    """Log that the text entry was put on the clipboard (audit action `copy`)."""
    if rendered.request.kind != "text":
        raise ValueError("only the text entry is copied to the clipboard")
    return record_disclosure(
        vault, rendered.disclosure, action="copy", destination="clipboard", data=rendered.data,
        recipient=recipient_code(rendered), basis=basis_code(rendered),
        detail={"clear_after_seconds": clear_after_seconds},
    )


def log_print(vault, rendered: Rendered, printer_name: str = "") -> ExportRecord:
    """Log that a report was printed (audit action `print`)."""
    return record_disclosure(
        vault, rendered.disclosure, action="print", destination=f"printer:{printer_name}".rstrip(":"),
        data=rendered.data, recipient=recipient_code(rendered), basis=basis_code(rendered),
    )


__all__ = [
    "KINDS", "ExportError", "ExportPolicy", "ExportRequest", "Rendered", "deliver", "log_copy", "log_print",
    "render", "save_to_drop_folder", "save_to_file",
]
