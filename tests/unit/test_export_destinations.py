"""Destinations, encryption to IT's recipient key, and the export log with its disclosure entries."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from askel.export import crypto
from askel.export.destinations import ExportError
from askel.export.log import exports_for_course, last_export_at
from askel.export.sample import CLINICIAN_NOTE, build_sample_course
from askel.export.service import (
    KINDS,
    ExportPolicy,
    ExportRequest,
    log_copy,
    log_print,
    render,
    save_to_drop_folder,
    save_to_file,
)
from askel.store import audit
from askel.store.models import AuditEvent, ExportRecord


@pytest.fixture(scope="module")
def keys():
    return crypto.generate_keypair()


@pytest.fixture(autouse=True)
def qt_application(qapp):
    """A QApplication before any PDF is made: the PDF code would otherwise create a bare QGuiApplication, and
    widget tests later in the same process cannot run on that."""
    return qapp


@pytest.fixture
def sample(vault, content_library):
    return build_sample_course(vault, content_library)


@pytest.fixture
def drop(tmp_path):
    folder = tmp_path / "drop"
    folder.mkdir()
    return folder


def disclosures(vault) -> list[AuditEvent]:
    with vault.read() as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.action.in_(("export", "copy", "print")))
                                    .order_by(AuditEvent.seq)))


def export_rows(vault) -> list[ExportRecord]:
    with vault.read() as session:
        return list(session.scalars(select(ExportRecord).order_by(ExportRecord.at)))


# -- the envelope --------------------------------------------------------------------------------------------------
def test_encrypted_export_decrypts_with_the_right_key_only(keys):
    private_pem, public_b64 = keys
    envelope = crypto.encrypt(b"Hoidon tarve\n", public_b64, media_type="text/plain", name="entry.txt")
    assert crypto.is_encrypted(envelope) and b"Hoidon tarve" not in envelope
    plain = crypto.decrypt(envelope, crypto.load_private_key(private_pem))
    assert (plain.data, plain.media_type, plain.name) == (b"Hoidon tarve\n", "text/plain", "entry.txt")
    other_pem, _ = crypto.generate_keypair()
    with pytest.raises(crypto.DecryptError, match="another key"):
        crypto.decrypt(envelope, crypto.load_private_key(other_pem))


def test_changed_envelope_fails(keys):
    private_pem, public_b64 = keys
    key = crypto.load_private_key(private_pem)
    envelope = bytearray(crypto.encrypt(b"secret text", public_b64))
    envelope[-1] ^= 1
    with pytest.raises(crypto.DecryptError):
        crypto.decrypt(bytes(envelope), key)
    good = crypto.encrypt(b"secret text", public_b64, name="a.txt")
    with pytest.raises(crypto.DecryptError):
        crypto.decrypt(good.replace(b'"name":"a.txt"', b'"name":"b.txt"'), key)  # the header is authenticated
    with pytest.raises(crypto.DecryptError):
        crypto.decrypt(b"plain text", key)
    with pytest.raises(ValueError):
        crypto.load_private_key(b"not a key")


def test_envelope_header_is_documented_json(keys):
    _, public_b64 = keys
    envelope = crypto.encrypt(b"x", public_b64, media_type="application/pdf", name="r.pdf")
    magic, header, _ = envelope.split(b"\n", 2)
    assert magic + b"\n" == crypto.MAGIC
    fields = json.loads(header)
    assert fields["alg"] == "X25519-HKDF-SHA256-A256GCM"
    assert fields["rcpt"] == crypto.key_fingerprint(public_b64)
    assert set(fields) == {"alg", "epk", "rcpt", "nonce", "type", "name"}


# -- the drop folder -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", KINDS)
def test_drop_folder_exports_are_always_encrypted_with_a_key(vault, content_library, sample, drop, keys, kind):
    private_pem, public_b64 = keys
    policy = ExportPolicy(drop_folder=str(drop), recipient_key=public_b64)
    rendered = render(vault, content_library, policy, ExportRequest(sample.course_id, kind, "fi"))
    record = save_to_drop_folder(vault, rendered, policy)
    (written,) = drop.iterdir()
    assert written.name.endswith(crypto.SUFFIX) and str(written) == record.destination
    data = written.read_bytes()
    assert crypto.is_encrypted(data)
    assert b"Esimerkki" not in data and b"Hoidon" not in data
    assert "Esimerkki" not in written.name and "131052" not in written.name
    assert crypto.decrypt(data, crypto.load_private_key(private_pem)).data == rendered.data
    assert record.checksum == hashlib.sha256(data).hexdigest()
    assert record.recipient == f"recipient_key:{crypto.key_fingerprint(public_b64)}"
    assert [t.name for t in drop.iterdir() if t.name.startswith(".")] == []  # no temp file left behind


def test_drop_folder_without_a_key_holds_the_plain_export(vault, content_library, sample, drop):
    policy = ExportPolicy(drop_folder=str(drop))
    rendered = render(vault, content_library, policy, ExportRequest(sample.course_id, "text", "sv"))
    record = save_to_drop_folder(vault, rendered, policy)
    assert Path(record.destination).read_bytes() == rendered.data
    assert record.recipient == "patient_record" and record.basis == "patient_record"


def test_a_chosen_file_inside_the_drop_folder_is_encrypted_too(vault, content_library, sample, drop, keys):
    _, public_b64 = keys
    policy = ExportPolicy(drop_folder=str(drop), recipient_key=public_b64)
    rendered = render(vault, content_library, policy, ExportRequest(sample.course_id, "fhir", "fi"))
    record = save_to_file(vault, rendered, policy, drop / "bundle.json")
    assert record.written_to.name == "bundle.json" + crypto.SUFFIX
    assert record.destination.startswith("file:") and record.destination.endswith(".json" + crypto.SUFFIX)
    assert crypto.is_encrypted(record.written_to.read_bytes())
    assert not (drop / "bundle.json").exists()


def test_a_chosen_file_elsewhere_is_plain_unless_asked(vault, content_library, sample, drop, tmp_path, keys):
    private_pem, public_b64 = keys
    policy = ExportPolicy(drop_folder=str(drop), recipient_key=public_b64)
    rendered = render(vault, content_library, policy, ExportRequest(sample.course_id, "text", "fi"))
    plain = save_to_file(vault, rendered, policy, tmp_path / "entry.txt")
    assert Path(plain.written_to).read_bytes() == rendered.data
    sealed = save_to_file(vault, rendered, policy, tmp_path / "entry2.txt", encrypt=True)
    data = Path(sealed.written_to).read_bytes()
    assert crypto.decrypt(data, crypto.load_private_key(private_pem)).data == rendered.data
    with pytest.raises(ExportError) as error:
        save_to_file(vault, rendered, ExportPolicy(), tmp_path / "entry3.txt", encrypt=True)
    assert error.value.reason == "no_recipient_key"


def test_missing_drop_folder_is_refused_and_not_logged(vault, content_library, sample, tmp_path):
    before = len(disclosures(vault))
    for folder, reason in ((str(tmp_path / "unmounted"), "drop_folder_missing"), ("", "drop_folder_not_set")):
        policy = ExportPolicy(drop_folder=folder)
        rendered = render(vault, content_library, policy, ExportRequest(sample.course_id, "text", "fi"))
        with pytest.raises(ExportError) as error:
            save_to_drop_folder(vault, rendered, policy)
        assert error.value.reason == reason
    assert not (tmp_path / "unmounted").exists()  # never created
    assert len(disclosures(vault)) == before and export_rows(vault) == []


def test_a_failed_write_logs_nothing(vault, content_library, sample, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    rendered = render(vault, content_library, ExportPolicy(), ExportRequest(sample.course_id, "text", "fi"))
    with pytest.raises(ExportError) as error:
        save_to_file(vault, rendered, ExportPolicy(), blocker / "entry.txt")
    assert error.value.reason == "write_failed"
    assert CLINICIAN_NOTE not in str(error.value)
    assert export_rows(vault) == [] and disclosures(vault) == []


def test_a_failed_commit_removes_the_written_file(vault, content_library, sample, tmp_path, monkeypatch):
    rendered = render(vault, content_library, ExportPolicy(), ExportRequest(sample.course_id, "text", "fi"))
    original = OrmSession.commit

    def failing_commit(self):
        raise OSError("simulated: the disk went away")

    monkeypatch.setattr(OrmSession, "commit", failing_commit)
    with pytest.raises(OSError):
        save_to_file(vault, rendered, ExportPolicy(), tmp_path / "entry.txt")
    monkeypatch.setattr(OrmSession, "commit", original)
    assert not (tmp_path / "entry.txt").exists()
    assert export_rows(vault) == []


# -- the export log ------------------------------------------------------------------------------------------------
def test_every_export_path_is_logged_with_its_disclosure(vault, content_library, sample, tmp_path, drop):
    policy = ExportPolicy(drop_folder=str(drop))
    text = render(vault, content_library, policy, ExportRequest(sample.course_id, "text", "fi", 3))
    pdf = render(vault, content_library, policy, ExportRequest(sample.course_id, "pdf_client", "sv"))
    fhir = render(vault, content_library, policy, ExportRequest(sample.course_id, "fhir", "fi"))
    records = [
        log_copy(vault, text, clear_after_seconds=60),
        save_to_file(vault, pdf, policy, tmp_path / "report.pdf"),
        save_to_drop_folder(vault, fhir, policy),
        log_print(vault, pdf, "Kerros 2"),
    ]
    events = disclosures(vault)
    assert [e.action for e in events] == ["copy", "export", "export", "print"]
    for record, event, rendered in zip(records, events, (text, pdf, fhir, pdf), strict=True):
        assert event.detail["export_id"] == record.id
        assert event.client_id == sample.client_id == record.client_id
        assert event.detail["sha256"] == record.checksum
        assert record.course_id == sample.course_id
        assert record.actor == "Testi Hoitaja" and event.actor == "Testi Hoitaja"
        assert record.kind == rendered.request.kind and record.language == rendered.request.language
        assert CLINICIAN_NOTE not in json.dumps(event.detail, ensure_ascii=False)
    assert records[0].destination == "clipboard" and records[0].session_id == sample.session_ids[3]
    assert events[0].target == f"session:{sample.session_ids[3]}"
    assert records[0].checksum == hashlib.sha256(text.text.encode()).hexdigest()
    assert records[1].recipient == "client" and records[1].basis == "client_copy"
    assert records[1].checksum == hashlib.sha256((tmp_path / "report.pdf").read_bytes()).hexdigest()
    assert records[3].destination == "printer:Kerros 2"
    listed = exports_for_course(vault, sample.course_id)
    assert {r.id for r in listed} == {r.id for r in records}
    assert [r.at for r in listed] == sorted((r.at for r in listed), reverse=True)
    assert last_export_at(vault, sample.course_id) == max(r.at for r in records)
    with vault.read() as session:
        assert audit.verify(session).ok


def test_rendered_file_names_carry_no_client_data(vault, content_library, sample):
    for kind in KINDS:
        rendered = render(vault, content_library, ExportPolicy(), ExportRequest(sample.course_id, kind, "sv", 1))
        assert rendered.file_name.startswith(f"askel-session1-{kind}-sv-")
        assert "Esimerkki" not in rendered.file_name and "131052" not in rendered.file_name


def test_unknown_course_or_session(vault, content_library, sample):
    with pytest.raises(LookupError):
        render(vault, content_library, ExportPolicy(), ExportRequest("no-such-course", "text", "fi"))
    with pytest.raises(LookupError):
        render(vault, content_library, ExportPolicy(), ExportRequest(sample.course_id, "text", "fi", 12))
    with pytest.raises(ValueError):
        ExportRequest(sample.course_id, "docx", "fi")


# -- issue 14: a subfolder of the drop folder, and the sender's signature ------------------------------------------
@pytest.mark.parametrize("under", ["sub", "sub/deeper", "sub/../other"])
def test_every_path_under_the_drop_folder_is_encrypted(vault, content_library, sample, drop, keys, under):
    _, public_b64 = keys
    (drop / under).mkdir(parents=True, exist_ok=True)
    policy = ExportPolicy(drop_folder=str(drop), recipient_key=public_b64)
    rendered = render(vault, content_library, policy, ExportRequest(sample.course_id, "text", "fi"))
    record = save_to_file(vault, rendered, policy, drop / under / "entry.txt")
    assert crypto.is_encrypted(record.written_to.read_bytes())
    assert not (drop / under / "entry.txt").exists()


def test_an_encrypted_export_is_signed_by_the_installation(vault, content_library, sample, drop, keys):
    from askel.store.installation import identity

    private_pem, public_b64 = keys
    policy = ExportPolicy(drop_folder=str(drop), recipient_key=public_b64)
    rendered = render(vault, content_library, policy, ExportRequest(sample.course_id, "text", "fi"))
    record = save_to_drop_folder(vault, rendered, policy)
    opened = crypto.decrypt(record.written_to.read_bytes(), crypto.load_private_key(private_pem))
    with vault.read() as session:
        me = identity(session)
    assert opened.data == rendered.data and opened.signer == me.public_key_b64 and opened.installation == me.id
    sealed = bytearray(record.written_to.read_bytes())
    sealed[-1] ^= 1  # one bit of the signature
    with pytest.raises(crypto.DecryptError, match="signature"):
        crypto.decrypt(bytes(sealed), crypto.load_private_key(private_pem))


def test_a_forged_export_is_refused_by_export_decrypt(vault, content_library, sample, drop, keys, tmp_path, capsys):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from askel import cli
    from askel.store.installation import InstallationIdentity, identity

    private_pem, public_b64 = keys
    (tmp_path / "recipient.pem").write_bytes(private_pem)
    forged_plain = tmp_path / "forged-plain.askelenc"  # made by anyone with the public recipient key
    forged_plain.write_bytes(crypto.encrypt(b"Hoidon tarve: forged", public_b64, media_type="text/plain"))
    impostor = InstallationIdentity("impostor", Ed25519PrivateKey.generate(), b"x" * 32)
    forged_signed = tmp_path / "forged-signed.askelenc"
    forged_signed.write_bytes(crypto.encrypt(b"forged", public_b64, media_type="text/plain", signer=impostor))
    policy = ExportPolicy(drop_folder=str(drop), recipient_key=public_b64)
    genuine = save_to_drop_folder(vault, render(vault, content_library, policy,
                                                ExportRequest(sample.course_id, "text", "fi")), policy).written_to
    with vault.read() as session:
        trusted = identity(session).public_key_b64

    def decrypt(path, *extra):
        code = cli.main(["export-decrypt", str(path), "--key", str(tmp_path / "recipient.pem"), *extra])
        return code, capsys.readouterr()

    code, captured = decrypt(forged_plain)
    assert code == 1 and "not signed" in captured.err and captured.out == ""
    code, captured = decrypt(forged_signed, "--signer", trusted)
    assert code == 1 and "not among the --signer keys" in captured.err and captured.out == ""
    code, captured = decrypt(genuine, "--signer", trusted)
    assert code == 0 and captured.out and "signed by Askel installation" in captured.err
