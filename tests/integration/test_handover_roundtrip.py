"""A course handed from one vault to another and back through `askel handover …`, every field compared.

The course has a risk alert (PHQ-9 item 9, acknowledged with a note), a score computed with a missing answer (the
engine prorates it, and the stored administration says so), and a session still open with what was typed in it.
Vault A gives it (keeping a read-only copy), vault B receives it, B hands it back in "remove" mode, A receives it
(the course comes home and is writable again), and B removes its copy when it reads A's receipt. After each step
every column of every carried row is compared with the original, and both use logs verify and name the handover.
"""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from sqlalchemy import select

from askel import cli
from askel.core.content.library import ContentLibrary
from askel.core.paths import resources_dir
from askel.store import clients, courses
from askel.store.handover import CARRIED
from askel.store.models import Administration, Session
from askel.store.vault import Vault

PASSPHRASE = "kaksi kirjastoa 7"
HETU = "140410A9128"


def askel(data_dir, *argv, capsys):
    code = cli.main(["--data-dir", str(data_dir), *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("ASKEL_PASSPHRASE", PASSPHRASE)
    return tmp_path


def dump(data_dir) -> dict:
    """Every column of every carried row, read with plain SQL."""
    vault = Vault.unlock(data_dir, PASSPHRASE)
    try:
        with vault.read() as session:
            return {model.__tablename__: sorted((dict(row) for row in session.execute(select(model.__table__))
                                                 .mappings()), key=lambda row: row["id"]) for model in CARRIED}
    finally:
        vault.close()


def build_course(data_dir) -> tuple[str, str]:
    library = ContentLibrary.load(resources_dir())
    vault = Vault.create(data_dir, PASSPHRASE, clinician_name="Anna Antaja", role="psychologist", kdf_iterations=1)
    try:
        client = clients.add_client(vault, clients.ClientData(
            "Aino", "Laaksonen", date(2010, 4, 14), HETU, school_or_unit="Koulu",
            guardians=[clients.GuardianData("Maija Laaksonen", "äiti", "040 123")]))
        course = courses.start_course(vault, client.id, "ipc_adolescents", "1", planned_sessions=6,
                                      need_established=date(2026, 1, 2), goal="Riidat kotona vähenevät")
        first = courses.add_session(vault, course.id, datetime(2026, 1, 5, 9), notes="Alkuhaastattelu",
                                    homework_given="Kirjaa kaksi tilannetta")
        courses.close_session(vault, first.id)
        risk, _ = courses.score_and_record(vault, course.id, library.instrument("phq9"),
                                           {f"q{i}": 1 for i in range(1, 9)} | {"q9": 2}, session_id=first.id)
        courses.acknowledge_alert(vault, risk.id, "Kysyttiin suoraan; ei välitöntä vaaraa, soitto huomenna")
        answers = {f"q{i}": 2 for i in range(1, 8)} | {"q3": None}
        courses.score_and_record(vault, course.id, library.instrument("gad7"), answers, session_id=first.id)
        second = courses.add_session(vault, course.id, datetime(2026, 1, 12, 9))
        courses.autosave_session(vault, second.id, notes="Kesken: puhuttiin koulusta")
        with vault.read() as session:
            assert session.get(Administration, risk.id).alerts, "the PHQ-9 must carry its risk alert"
            assert not session.get(Session, second.id).closed
        return client.local_id, course.id
    finally:
        vault.close()


def test_a_course_goes_there_and_back_with_every_field(env, capsys):
    a, b = env / "a", env / "b"
    local_id, course_id = build_course(a)
    Vault.create(b, PASSPHRASE, clinician_name="Bo Mottagare", role="school_psychologist", kdf_iterations=1).close()
    original = dump(a)
    gad7 = next(row for row in original["administration"] if row["instrument_id"] == "gad7")
    assert gad7["total"] is not None and "q3" not in gad7["answers"]  # scored with one answer missing
    if "prorated" in gad7:  # the stored administration says it was prorated, and which answer was missing
        assert gad7["prorated"] and "q3" in json.dumps(gad7["missing_items"])

    there = env / "out" / "there.askelhandover"
    code, out, err = askel(a, "handover", "give", "--client", local_id, "--to", "Bo Mottagare", "--out", str(there),
                           "--keep", capsys=capsys)
    assert code == 0, err
    (env / "code-there").write_text(out.strip().splitlines()[-1] + "\n")
    code, out, err = askel(b, "handover", "receive", str(there), "--code-file", str(env / "code-there"), "--yes",
                           capsys=capsys)
    assert code == 0, err
    assert "Anna Antaja" in out and "new here" in out
    assert dump(b) == original

    code, _out, err = askel(b, "handover", "receive", str(there), "--code-file", str(env / "code-there"), "--yes",
                            capsys=capsys)
    assert code == 1 and "already received" in err and err.count("\n") == 1
    assert dump(b) == original

    back = env / "out" / "back.askelhandover"
    code, out, err = askel(b, "handover", "give", "--client", local_id, "--to", "Anna Antaja", "--out", str(back),
                           "--remove-after-confirm", capsys=capsys)
    assert code == 0, err
    (env / "code-back").write_text(out.strip().splitlines()[-1] + "\n")
    receipt = env / "out" / "back.askelreceipt"
    code, out, err = askel(a, "handover", "receive", str(back), "--code-file", str(env / "code-back"), "--yes",
                           capsys=capsys)
    assert code == 0, err
    assert "returning" in out and receipt.exists()
    assert dump(a) == original

    code, out, err = askel(b, "handover", "confirm", str(receipt), capsys=capsys)
    assert code == 0, err
    assert "and the client" in out
    assert all(not rows for rows in dump(b).values())

    vault = Vault.unlock(a, PASSPHRASE)  # home again: the course can be worked on
    try:
        courses.close_session(vault, next(r["id"] for r in original["session"] if not r["closed"]), notes="Valmis")
    finally:
        vault.close()

    client_id = original["client"][0]["id"]
    expected = {a: (["given", "received"], "Bo Mottagare"), b: (["received", "given", "removed"], "Anna Antaja")}
    for folder, (steps, counterpart) in expected.items():
        code, out, err = askel(folder, "audit", "verify", capsys=capsys)
        assert code == 0, err
        # The client's own audit export; in B the client is gone, and the log is found by the client's id.
        code, out, err = askel(folder, "audit", "export", "--client", local_id if folder == a else client_id,
                               capsys=capsys)
        assert code == 0, err
        handovers = [e for e in json.loads(out)["events"] if e["action"] == "handover"]
        assert [e["detail"]["step"] for e in handovers] == steps
        assert {e["detail"]["counterpart"] for e in handovers} == {counterpart}
        assert all(e["detail"]["counterpart_installation"] for e in handovers if e["detail"]["step"] != "given")
