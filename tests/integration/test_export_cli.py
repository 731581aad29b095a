"""`askel courses`, `askel export`, `askel export-decrypt` and `askel export-keygen` end to end.

Runs through `askel.cli.main`, as the `askel` command does.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.bundle import Bundle
from sqlalchemy import select

from askel import cli
from askel.core.content.library import ContentLibrary
from askel.core.paths import resources_dir
from askel.export import crypto
from askel.export.sample import CLINICIAN_NOTE, build_sample_course
from askel.export.text_entry import text_entry
from askel.store.courses import load_course
from askel.store.models import AuditEvent, ExportRecord
from tests.conftest import PASSPHRASE, ready_for_another_process


@pytest.fixture(autouse=True)
def qt_application(qapp):
    """A QApplication before any PDF is made: the PDF code would otherwise create a bare QGuiApplication, and
    widget tests later in the same process cannot run on that."""
    return qapp


def run_askel(data_dir: Path, *argv: str) -> int:
    return cli.main(["--data-dir", str(data_dir), *argv])


@pytest.fixture(scope="module")
def content_library():
    return ContentLibrary.load(resources_dir())


@pytest.fixture
def sample(vault, content_library, monkeypatch):
    monkeypatch.setenv("ASKEL_PASSPHRASE", PASSPHRASE)
    return build_sample_course(vault, content_library)


@pytest.fixture
def askel(data_dir, capsys):
    def run(*argv: str) -> tuple[int, str, str]:
        code = run_askel(data_dir, *argv)
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


@pytest.fixture
def policy(tmp_path):
    """Write the IT policy file the isolated test environment points at."""

    def write(**values) -> None:
        path = Path(os.environ["ASKEL_POLICY_FILE"])
        path.write_text(json.dumps({"policy": values}), "utf-8")
        path.chmod(0o644)

    return write


def disclosures(vault) -> list[AuditEvent]:
    with vault.read() as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.action.in_(("export", "copy", "print")))
                                    .order_by(AuditEvent.seq)))


def export_rows(vault) -> list[ExportRecord]:
    with vault.read() as session:
        return list(session.scalars(select(ExportRecord).order_by(ExportRecord.at)))


def test_courses_json_lists_ids_for_automation(askel, sample):
    code, out, _ = askel("courses", "--json")
    assert code == 0
    (row,) = json.loads(out)
    assert row["id"] == sample.course_id
    assert row["client_local_id"].startswith("AS-")
    assert (row["method"], row["status"], row["sessions"]) == ("klt_adults", "completed", [1, 2, 3, 4])
    assert (row["planned_sessions"], row["attended_sessions"], row["clinician_role"]) == (5, 3, "nurse")
    assert (row["delivery_format"], row["group_id"]) == ("individual", None)
    assert "Esimerkki" not in out and "131052" not in out  # ids only


def test_courses_json_counts_visits_of_the_method_against_the_plan(askel, vault, sample, content_library):
    from askel.export.sample import build_adolescent_course
    from askel.store.clinician import update_profile

    adolescent = build_adolescent_course(vault, content_library)
    update_profile(vault, role="psychologist")
    code, out, _ = askel("courses", "--json")
    assert code == 0
    row = next(r for r in json.loads(out) if r["id"] == adolescent.course_id)
    # Planned at 8, visited 9 times; the phone call (row 5) is a contact, not a visit of the method.
    assert (row["planned_sessions"], row["attended_sessions"], row["clinician_role"]) == (8, 9, "psychologist")
    assert row["sessions"] == list(range(1, 11))
    code, out, _ = askel("courses")
    assert code == 0 and "9 attended, 8 planned" in out


def test_text_export_to_a_file_is_logged(askel, vault, sample, content_library, tmp_path):
    out_file = tmp_path / "entry.txt"
    code, out, err = askel("export", "--course", sample.course_id, "--format", "text", "--lang", "sv",
                           "--out", str(out_file))
    assert code == 0, err
    expected = text_entry(load_course(vault, sample.course_id), content_library, "sv")
    assert out_file.read_text("utf-8") == expected
    (record,) = export_rows(vault)
    assert (record.kind, record.language) == ("text", "sv") and str(out_file) in out
    assert record.destination.startswith("file:") and record.destination.endswith(".txt")
    assert [(e.action, e.detail["export_id"]) for e in disclosures(vault)] == [("export", record.id)]
    assert record.checksum in out and "Esimerkki" not in out


def test_client_pdf_and_session_fhir(askel, vault, sample, tmp_path):
    pdf = tmp_path / "client.pdf"
    code, _, err = askel("export", "--course", sample.course_id, "--format", "pdf", "--client-version",
                         "--lang", "fi", "--out", str(pdf))
    assert code == 0, err
    assert pdf.read_bytes().startswith(b"%PDF-")
    bundle_path = tmp_path / "bundle.json"
    code, _, err = askel("export", "--course", sample.course_id, "--format", "fhir", "--lang", "fi",
                         "--session", "3", "--out", str(bundle_path))
    assert code == 0, err
    bundle = json.loads(bundle_path.read_text("utf-8"))
    Bundle.model_validate(bundle)
    for entry in bundle["entry"]:
        get_fhir_model_class(entry["resource"]["resourceType"]).model_validate(entry["resource"])
    assert [e["resource"]["resourceType"] for e in bundle["entry"]].count("Encounter") == 1
    kinds = [(r.kind, r.session_id) for r in export_rows(vault)]
    assert kinds == [("pdf_client", None), ("fhir", sample.session_ids[3])]
    assert [e.action for e in disclosures(vault)] == ["export", "export"]
    assert "temporary" not in err  # an ordinary identity code: nothing left out


def test_fhir_export_says_when_a_temporary_code_is_left_out(askel, vault, sample, tmp_path, policy):
    from datetime import date

    from askel.store.clients import ClientData, update_client

    update_client(vault, sample.client_id, ClientData("Aino", "Esimerkki", date(2016, 5, 2), "020516C903K"))
    out_file = tmp_path / "bundle.json"
    code, _, err = askel("export", "--course", sample.course_id, "--format", "fhir", "--lang", "sv",
                         "--out", str(out_file))
    assert code == 0 and "temporary_id_root is not set" in err and "020516C903K" not in err
    assert "020516C903K" not in out_file.read_text("utf-8")
    policy(temporary_id_root="1.2.246.10.12345678.22")
    code, _, err = askel("export", "--course", sample.course_id, "--format", "fhir", "--lang", "sv",
                         "--out", str(tmp_path / "second.json"))
    assert code == 0 and "temporary_id_root" not in err
    assert "urn:oid:1.2.246.10.12345678.22." in (tmp_path / "second.json").read_text("utf-8")


def test_drop_folder_export_is_encrypted_and_decrypts_with_the_right_key(askel, vault, sample, tmp_path, policy):
    code, out, _ = askel("export-keygen", "--out", str(tmp_path / "recipient"))
    assert code == 0
    public_b64 = out.strip().splitlines()[-1]
    drop = tmp_path / "drop"
    drop.mkdir()
    policy(export_drop_folder=str(drop), export_recipient_key=public_b64)
    code, out, err = askel("export", "--course", sample.course_id, "--format", "text", "--lang", "fi",
                           "--drop-folder")
    assert code == 0, err
    (written,) = drop.iterdir()
    assert crypto.is_encrypted(written.read_bytes()) and "(encrypted)" in out
    plain = tmp_path / "plain.txt"
    code, _, err = askel("export-decrypt", "--key", str(tmp_path / "recipient.pem"), str(written), "--out", str(plain))
    assert code == 0, err
    assert plain.read_text("utf-8").startswith("Hoitojakson yhteenveto: ") and CLINICIAN_NOTE in plain.read_text("utf-8")
    other_pem, _ = crypto.generate_keypair()
    (tmp_path / "other.pem").write_bytes(other_pem)
    code, _, err = askel("export-decrypt", "--key", str(tmp_path / "other.pem"), str(written))
    assert code == 1 and "another key" in err
    (record,) = export_rows(vault)
    assert record.recipient == f"recipient_key:{crypto.key_fingerprint(public_b64)}"
    assert [e.action for e in disclosures(vault)] == ["export"]


def test_refusals_change_nothing(askel, vault, sample, tmp_path):
    code, _, err = askel("export", "--course", sample.course_id, "--format", "text", "--client-version",
                         "--lang", "fi", "--out", str(tmp_path / "x.txt"))
    assert code == 1 and "client-version" in err
    code, _, err = askel("export", "--course", "no-such-course", "--format", "text", "--lang", "fi",
                         "--out", str(tmp_path / "x.txt"))
    assert code == 1 and "not found" in err
    code, _, err = askel("export", "--course", sample.course_id, "--format", "text", "--lang", "fi",
                         "--session", "9", "--out", str(tmp_path / "x.txt"))
    assert code == 1
    code, _, err = askel("export", "--course", sample.course_id, "--format", "text", "--lang", "fi",
                         "--drop-folder")
    assert code == 1 and "export folder" in err
    assert not (tmp_path / "x.txt").exists()
    assert export_rows(vault) == [] and disclosures(vault) == []


def test_keygen_does_not_overwrite(askel, tmp_path):
    assert askel("export-keygen", "--out", str(tmp_path / "k"))[0] == 0
    code, _, err = askel("export-keygen", "--out", str(tmp_path / "k"))
    assert code == 1 and "already exists" in err


def test_as_a_separate_process(sample, vault, data_dir, tmp_path):
    ready_for_another_process(vault)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-m", "askel", "--data-dir", str(data_dir), "export", "--course",
                             sample.course_id, "--format", "pdf", "--lang", "sv", "--out", str(tmp_path / "r.pdf")],
                            env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF-")
