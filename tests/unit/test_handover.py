"""Handing a client over: each bad input is one line and changes nothing; matching, conflicts, read-only copies,
receipts, content packs, and both ends' logs."""

from __future__ import annotations

import json
import shutil
from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from askel.core.content.library import ContentLibrary
from askel.core.content.packs import import_pack
from askel.core.handover_code import CodeError, HandoverCode
from askel.core.paths import resources_dir
from askel.export import handover
from askel.store import audit, clients, courses
from askel.store.handover import CARRIED, HandedOver
from askel.store.keyfile import KeyFile
from askel.store.models import Client, Course, ExportRecord, HandedOverCourse, Handover
from askel.store.vault import DataFolder, Vault
from tests.conftest import PASSPHRASE

HETU = "030512A9036"


@pytest.fixture(scope="module")
def library():
    return ContentLibrary.load(resources_dir())


def make_vault(path, name, *, training=False):
    return Vault.create(path, PASSPHRASE, clinician_name=name, role="psychologist", kdf_iterations=1,
                        training=training)


TEMPLATES = {"giver": ("Anna Antaja", False), "receiver": ("Bo Mottagare", False),
             "training": ("Harjoitus Antaja", True), "training2": ("Harjoitus Saaja", True)}


@pytest.fixture(scope="module")
def templates(tmp_path_factory):
    """Each kind of vault made once (an Argon2id pass and every migration); tests open copies of them."""
    root = tmp_path_factory.mktemp("templates")
    made = {}
    for name, (clinician, training) in TEMPLATES.items():
        vault = make_vault(root / name, clinician, training=training)
        made[name] = (root / name, vault._data_key)
        vault.close()
    return made


@pytest.fixture
def clone(templates, tmp_path):
    """`clone("giver")`: an unlocked copy of a template vault (its own folder, the template's identity)."""
    opened = []

    def make(name: str, folder_name: str | None = None):
        folder, data_key = templates[name]
        target = tmp_path / (folder_name or name)
        shutil.copytree(folder, target)
        vault = Vault._open(DataFolder(target), KeyFile.load(target / "askel.key"), data_key)
        opened.append(vault)
        return vault

    yield make
    for vault in opened:
        vault.close()


@pytest.fixture
def giver(clone):
    return clone("giver")


@pytest.fixture
def receiver(clone):
    return clone("receiver")


def add_client_with_course(vault, library, *, hetu=HETU, method="ipc_adolescents", version="1"):
    client = clients.add_client(vault, clients.ClientData("Aino", "Siirto", date(2012, 5, 3), hetu,
                                                          guardians=[clients.GuardianData("Äiti")]))
    course = courses.start_course(vault, client.id, method, version, planned_sessions=6)
    session = courses.add_session(vault, course.id, datetime(2026, 1, 5, 9), notes="ensimmäinen")
    courses.score_and_record(vault, course.id, library.instrument("phq9"), {f"q{i}": 1 for i in range(1, 10)},
                             session_id=session.id)
    return client, course


def give(vault, library, client, course_ids, path, *, mode="keep", packs=None):
    return handover.give(vault, library, packs or DataFolder(vault.folder.root).packs, client.id, course_ids,
                         receiver_name="Bo Mottagare", mode=mode, language="fi", write=path.write_bytes,
                         destination=str(path))


def state(vault) -> dict:
    """What a refusal must leave as it was: every carried row and the handover tables (the logs may grow)."""
    with vault.read() as session:
        tables = [model.__table__ for model in CARRIED] + [Handover.__table__, HandedOverCourse.__table__]
        return {table.name: sorted(map(str, session.execute(select(table)).all())) for table in tables}


def refusals(vault) -> list[dict]:
    with vault.read() as session:
        return [e.detail for e in session.scalars(select(audit.AuditEvent).where(
            audit.AuditEvent.action == "handover", audit.AuditEvent.success.is_(False)))]


@pytest.fixture
def handed(tmp_path, giver, library):
    client, course = add_client_with_course(giver, library)
    path = tmp_path / "h.askelhandover"
    given = give(giver, library, client, [course.id], path)
    return client, course, path, given


def open_it(vault, data, code, library, **kwargs):
    return handover.open_handover(vault, data, code, library=library, trusted_keys=kwargs.pop("trusted_keys", []),
                                  **kwargs)


def receive(vault, data, code, library, tmp_path, **kwargs):
    offer = open_it(vault, data, code, library, **kwargs)
    return handover.accept(vault, offer, packs_dir=tmp_path / "receiver-packs", trusted_keys=[])


def other_code(code: HandoverCode) -> str:
    return HandoverCode((*code.indices[:5], (code.indices[5] + 1) % 256)).text("fi")


# -- bad input -----------------------------------------------------------------------------------------------------
def test_a_wrong_code_is_refused_counted_and_then_throttled(handed, receiver, library, tmp_path):
    _client, _course, path, given = handed
    before = state(receiver)
    for _attempt in range(5):  # five free tries, as for the passphrase
        with pytest.raises(handover.HandoverRefused) as caught:
            open_it(receiver, path.read_bytes(), other_code(given.code), library)
        assert caught.value.reason == "wrong_code"
    for code in (other_code(given.code), given.code):  # then even the right code must wait
        with pytest.raises(handover.HandoverRefused) as caught:
            open_it(receiver, path.read_bytes(), code, library)
        assert caught.value.reason == "throttled" and "seconds" in str(caught.value)
    assert state(receiver) == before
    assert [r["reason"] for r in refusals(receiver)] == ["wrong_code"] * 5 + ["throttled"] * 2
    handover.attempts(receiver).clear()
    receive(receiver, path.read_bytes(), given.code, library, tmp_path)
    assert not handover.attempts(receiver).failures()


def test_a_typed_code_that_is_not_six_list_words_is_not_counted(handed, receiver, library):
    _client, _course, path, _given = handed
    with pytest.raises(CodeError):
        open_it(receiver, path.read_bytes(), "karhu susi", library)
    assert not handover.attempts(receiver).failures()


def damaged_versions(data: bytes) -> dict[str, bytes]:
    header_end = data.index(b"\n", len(handover.MAGIC))
    return {
        "a byte of the ciphertext": data[:-10] + bytes([data[-10] ^ 1]) + data[-9:],
        "a byte of the header": data[:header_end - 3] + bytes([data[header_end - 3] ^ 1]) + data[header_end - 2:],
        "cut short": data[: len(data) * 2 // 3],
        "cut in the header": data[:header_end - 20],
        "the magic line only": handover.MAGIC,
        "empty": b"",
        "another file": b"%PDF-1.7\n" + data[20:],
    }


def test_a_changed_or_cut_file_is_refused_as_damaged_and_not_counted(handed, receiver, library):
    _client, _course, path, given = handed
    before = state(receiver)
    for what, data in damaged_versions(path.read_bytes()).items():
        with pytest.raises(handover.HandoverRefused) as caught:
            open_it(receiver, data, given.code, library)
        assert caught.value.reason == "damaged", what
        assert "\n" not in str(caught.value)
    assert state(receiver) == before
    assert not handover.attempts(receiver).failures()


def test_a_file_from_a_newer_askel_is_refused(handed, receiver, library, clone, tmp_path, monkeypatch):
    client, course, path, given = handed
    data = path.read_bytes()
    newer_format = b"ASKEL-HANDOVER-2\n" + data[len(handover.MAGIC):]
    with pytest.raises(handover.HandoverRefused) as caught:
        open_it(receiver, newer_format, given.code, library)
    assert caught.value.reason == "newer"

    other = clone("giver", "other")
    monkeypatch.setattr(handover.migrate, "head_revision", lambda: "0999")
    newer_schema = tmp_path / "newer.askelhandover"
    fresh, fresh_course = add_client_with_course(other, library, hetu=None)
    given = give(other, library, fresh, [fresh_course.id], newer_schema)
    before = state(receiver)
    with pytest.raises(handover.HandoverRefused) as caught:
        open_it(receiver, newer_schema.read_bytes(), given.code, library)
    assert caught.value.reason == "newer" and "newer version of Askel" in str(caught.value)
    assert state(receiver) == before


def test_a_file_received_twice_imports_nothing_again(handed, receiver, library, tmp_path):
    _client, _course, path, given = handed
    receive(receiver, path.read_bytes(), given.code, library, tmp_path)
    after_first = state(receiver)
    with pytest.raises(handover.HandoverRefused) as caught:
        open_it(receiver, path.read_bytes(), given.code, library)
    assert caught.value.reason == "received_twice"
    assert state(receiver) == after_first


def test_an_offer_accepted_twice_imports_once(handed, receiver, library, tmp_path):
    _client, _course, path, given = handed
    offer = open_it(receiver, path.read_bytes(), given.code, library)
    handover.accept(receiver, offer, packs_dir=tmp_path / "p", trusted_keys=[])
    after = state(receiver)
    with pytest.raises(handover.HandoverRefused) as caught:
        handover.accept(receiver, offer, packs_dir=tmp_path / "p", trusted_keys=[])
    assert caught.value.reason == "received_twice"
    assert state(receiver) == after


def test_the_giver_cannot_receive_its_own_file(handed, giver, library):
    _client, _course, path, given = handed
    with pytest.raises(handover.HandoverRefused) as caught:
        open_it(giver, path.read_bytes(), given.code, library)
    assert caught.value.reason == "given_here"


@pytest.mark.parametrize("from_training, to_training, reason", [
    (False, True, "real_into_training"),
    (True, False, "training_into_real"),
    (True, True, None),
])
def test_real_and_training_data_never_mix(clone, library, tmp_path, from_training, to_training, reason):
    source = clone("training" if from_training else "giver")
    target = clone("training2" if to_training else "receiver")
    client, course = add_client_with_course(source, library)
    path = tmp_path / "t.askelhandover"
    given = give(source, library, client, [course.id], path)
    before = state(target)
    if reason is None:
        receive(target, path.read_bytes(), given.code, library, tmp_path)
        assert state(target) != before
    else:
        with pytest.raises(handover.HandoverRefused) as caught:
            open_it(target, path.read_bytes(), given.code, library)
        assert caught.value.reason == reason
        assert state(target) == before


# -- matching and conflicts ----------------------------------------------------------------------------------------
def test_a_client_already_here_is_matched_and_keeps_the_details_here(handed, receiver, library, tmp_path):
    _client, course, path, given = handed
    own = clients.add_client(receiver, clients.ClientData("Aino", "Omanimi", date(2012, 5, 3), HETU,
                                                          phone="040 111"))
    offer = open_it(receiver, path.read_bytes(), given.code, library)
    assert offer.plan.client_state == "matched" and offer.plan.client_id == own.id
    done = handover.accept(receiver, offer, packs_dir=tmp_path / "p", trusted_keys=[])
    assert done.client_id == own.id
    with receiver.read() as session:
        assert session.scalar(select(func.count()).select_from(Client)) == 1
        client = session.get(Client, own.id)
        assert client.family_name == "Omanimi" and client.phone == "040 111" and not client.guardians
        assert session.get(Course, course.id).client_id == own.id


def test_a_client_without_identity_code_is_matched_by_local_identifier(tmp_path, giver, receiver, library):
    client, course = add_client_with_course(giver, library, hetu=None)
    there = tmp_path / "one.askelhandover"
    given = give(giver, library, client, [course.id], there)
    receive(receiver, there.read_bytes(), given.code, library, tmp_path)
    second = courses.start_course(receiver, client.id, "gsh_adolescents", "1")
    back = tmp_path / "back.askelhandover"
    given = handover.give(receiver, library, tmp_path / "p", client.id, [second.id], receiver_name="Anna",
                          mode="keep", language="sv", write=back.write_bytes, destination=str(back))
    offer = open_it(giver, back.read_bytes(), given.code, library)
    assert offer.plan.client_id == client.id and offer.plan.new_courses == [second.id]


def test_a_file_matching_two_clients_here_is_refused(tmp_path, giver, receiver, library):
    client, course = add_client_with_course(giver, library)
    path = tmp_path / "h.askelhandover"
    given = give(giver, library, client, [course.id], path)
    clients.add_client(receiver, clients.ClientData("Aino", "Koodilla", date(2012, 5, 3), HETU))
    other = clients.add_client(receiver, clients.ClientData("Eri", "Ihminen", date(2000, 1, 1)))
    with receiver.write() as session:  # the same local identifier as the giver's client, by chance
        session.get(Client, other.id).local_id = client.local_id
    before = state(receiver)
    with pytest.raises(handover.HandoverRefused) as caught:
        open_it(receiver, path.read_bytes(), given.code, library)
    assert caught.value.reason == "two_clients"
    assert state(receiver) == before


def test_a_course_already_in_use_here_is_refused(tmp_path, giver, clone, library):
    client, course = add_client_with_course(giver, library)
    copy_folder = tmp_path / "copy"  # a copy of the vault, still holding the live course
    giver.backup(copy_folder / "askel.db")
    shutil.copy(giver.folder.key_file, copy_folder / "askel.key")
    copy = Vault._open(DataFolder(copy_folder), KeyFile.load(copy_folder / "askel.key"), giver._data_key)
    target = clone("receiver")
    try:
        first, second = tmp_path / "1.askelhandover", tmp_path / "2.askelhandover"
        code_one = give(giver, library, client, [course.id], first).code
        code_two = give(copy, library, client, [course.id], second).code
        receive(target, first.read_bytes(), code_one, library, tmp_path)
        before = state(target)
        with pytest.raises(handover.HandoverRefused) as caught:
            open_it(target, second.read_bytes(), code_two, library)
        assert caught.value.reason == "course_conflict"
        assert state(target) == before
    finally:
        copy.close()


# -- the giver's copy ----------------------------------------------------------------------------------------------
def test_the_givers_copy_is_read_only(handed, giver, library):
    client, course, _path, _given = handed
    attempts = [
        lambda: courses.update_course(giver, course.id, goal="muutos"),
        lambda: courses.add_session(giver, course.id, datetime(2026, 2, 1, 9)),
        lambda: courses.score_and_record(giver, course.id, library.instrument("gad7"),
                                         {f"q{i}": 0 for i in range(1, 8)}),
        lambda: courses.start_course(giver, client.id, "gsh_adolescents", "1"),
        lambda: clients.update_client(giver, client.id, clients.ClientData("Aino", "Muutettu", date(2012, 5, 3),
                                                                           HETU)),
        lambda: courses.log_contact(giver, kind="phone", starts_at=datetime(2026, 2, 2, 9), mode="phone",
                                    duration_minutes=10, notes="", attendees=["client"], course_id=course.id),
    ]
    before = state(giver)
    for attempt in attempts:
        with pytest.raises(HandedOver):
            attempt()
    assert state(giver) == before
    with pytest.raises(handover.HandoverRefused) as caught:  # and it cannot be handed over a second time
        give(giver, library, client, [course.id], giver.folder.root.parent / "again.askelhandover")
    assert caught.value.reason == "already_given"


def test_handing_over_some_courses_leaves_the_client_and_the_others_open(tmp_path, giver, library):
    client, course = add_client_with_course(giver, library)
    other = courses.start_course(giver, client.id, "gsh_adolescents", "1")
    give(giver, library, client, [course.id], tmp_path / "some.askelhandover")
    courses.update_course(giver, other.id, goal="jatkuu täällä")
    clients.update_client(giver, client.id, clients.ClientData("Aino", "Siirto", date(2012, 5, 3), HETU,
                                                               phone="050"))
    marks = handover.rows_store.marks_for_client(giver, client.id)
    assert set(marks) == {course.id} and marks[course.id].receiver_name == "Bo Mottagare"
    # Quick log offers the open courses here, never the copy handed over.
    assert [c.id for c in courses.open_courses(giver, client.id)] == [other.id]
    logged = courses.log_contact(giver, kind="phone", starts_at=datetime(2026, 2, 2, 9), mode="phone",
                                 duration_minutes=10, notes="", attendees=["client"], client_id=client.id,
                                 protocol=library.protocol("ipc_adolescents"))
    assert logged.course_id not in (course.id, other.id)


# -- the receipt ---------------------------------------------------------------------------------------------------
def test_the_receipt_removes_the_givers_copy_once(tmp_path, giver, receiver, library):
    client, course = add_client_with_course(giver, library)
    path = tmp_path / "r.askelhandover"
    given = give(giver, library, client, [course.id], path, mode="remove")
    done = receive(receiver, path.read_bytes(), given.code, library, tmp_path)
    assert done.receipt is not None and b"Aino" not in done.receipt and HETU.encode() not in done.receipt
    assert handover.receipt_again(receiver, path.read_bytes()) == done.receipt

    header_end = done.receipt.index(b"\n", len(handover.RECEIPT_MAGIC))
    changed = done.receipt[:header_end - 5] + b"X" + done.receipt[header_end - 4:]
    for bad, reason in ((b"", "receipt_damaged"), (changed, "receipt_damaged"),
                        (done.receipt[:-30], "receipt_damaged")):
        with pytest.raises(handover.HandoverRefused) as caught:
            handover.confirm_receipt(giver, bad)
        assert caught.value.reason == reason
    with giver.read() as session:
        assert session.get(Course, course.id) is not None

    confirmed = handover.confirm_receipt(giver, done.receipt)
    assert confirmed.client_removed and confirmed.removed_courses == [course.id]
    assert confirmed.receiver_name == "Bo Mottagare"
    with giver.read() as session:
        assert session.get(Client, client.id) is None
        record = session.get(Handover, given.handover_id)
        assert record.state == "removed" and record.counterpart_installation
    with pytest.raises(handover.HandoverRefused) as caught:
        handover.confirm_receipt(giver, done.receipt)
    assert caught.value.reason == "receipt_done"


def test_a_receipt_made_without_opening_the_file_is_refused(tmp_path, giver, receiver, library):
    """Someone who has the receipt format and a key of their own, but not the file's secret, removes nothing."""
    import json

    client, course = add_client_with_course(giver, library)
    path = tmp_path / "r.askelhandover"
    given = give(giver, library, client, [course.id], path, mode="remove")
    with receiver.write() as session:
        ident = handover.identity(session)
    body = {"format": 1, "handover_id": given.handover_id, "file_sha256": handover.hashlib.sha256(
        path.read_bytes()).hexdigest(), "received_at": "2026-01-01T00:00:00Z",
        "receiver": {"name": "Huijari", "role": "other", "installation": ident.id, "key": ident.public_key_b64},
        "proof": handover._b64(b"\0" * 32)}
    line = json.dumps(body, sort_keys=True, separators=(",", ":")).encode() + b"\n"
    forged = handover.RECEIPT_MAGIC + line + handover._b64(ident.sign(handover.RECEIPT_MAGIC + line)).encode() + b"\n"
    before = state(giver)
    with pytest.raises(handover.HandoverRefused) as caught:
        handover.confirm_receipt(giver, forged)
    assert caught.value.reason == "receipt_forged"
    assert state(giver) == before


def test_in_keep_mode_there_is_no_receipt(handed, receiver, library, tmp_path):
    _client, _course, path, given = handed
    assert receive(receiver, path.read_bytes(), given.code, library, tmp_path).receipt is None


# -- content versions ----------------------------------------------------------------------------------------------
def test_content_the_receiver_lacks_comes_in_a_trusted_pack_or_is_refused_by_name(
        tmp_path, giver, receiver, library, content_write_pack, content_keys, content_snapshot):
    packs = DataFolder(giver.folder.root).packs
    import_pack(content_write_pack(tmp_path / "pack", minor=3), packs, [content_keys.public_key])
    giver_library = ContentLibrary.load(resources_dir(), packs, trusted_keys=[content_keys.public_key])
    client, course = add_client_with_course(giver, giver_library, hetu=None, method="ipc_adults", version="1.3")
    path = tmp_path / "p.askelhandover"
    given = give(giver, giver_library, client, [course.id], path)

    receiver_packs = tmp_path / "receiver-packs"
    before = state(receiver), content_snapshot(receiver_packs)
    with pytest.raises(handover.HandoverRefused) as caught:  # the receiver's IT trusts another key
        open_it(receiver, path.read_bytes(), given.code, library, trusted_keys=[handover._b64(b"\1" * 32)])
    assert caught.value.reason == "untrusted_pack" and "fi.example.region" in str(caught.value)
    with pytest.raises(handover.HandoverRefused) as caught:  # no pack keys at all
        open_it(receiver, path.read_bytes(), given.code, library)
    assert caught.value.reason == "untrusted_pack"
    assert (state(receiver), content_snapshot(receiver_packs)) == before

    offer = open_it(receiver, path.read_bytes(), given.code, library, trusted_keys=[content_keys.public_key])
    assert [(p["id"], p["version"]) for p in offer.packs] == [("fi.example.region", "1")]
    handover.accept(receiver, offer, packs_dir=receiver_packs, trusted_keys=[content_keys.public_key])
    reloaded = ContentLibrary.load(resources_dir(), receiver_packs, trusted_keys=[content_keys.public_key])
    assert reloaded.protocol("ipc_adults", "1.3").session_count.planned == 5


def test_content_missing_everywhere_is_refused_by_name(tmp_path, giver, receiver, library):
    client, course = add_client_with_course(giver, library, hetu=None)
    with giver.write() as session:  # a version that neither side has (e.g. from a pack since withdrawn)
        session.get(Course, course.id).protocol_version = "7"
    path = tmp_path / "m.askelhandover"
    given = give(giver, library, client, [course.id], path)
    with pytest.raises(handover.HandoverRefused) as caught:
        open_it(receiver, path.read_bytes(), given.code, library)
    assert caught.value.reason == "missing_content"
    assert "ipc_adolescents version 7" in str(caught.value)


# -- both ends log it ----------------------------------------------------------------------------------------------
def test_both_ends_log_every_step_with_the_counterpart(tmp_path, giver, receiver, library):
    client, course = add_client_with_course(giver, library)
    path = tmp_path / "l.askelhandover"
    given = give(giver, library, client, [course.id], path, mode="remove")
    with pytest.raises(handover.HandoverRefused):
        open_it(receiver, path.read_bytes(), other_code(given.code), library)
    done = receive(receiver, path.read_bytes(), given.code, library, tmp_path)
    handover.confirm_receipt(giver, done.receipt)

    with giver.read() as session:
        giver_installation = handover.identity(session).id
        events = audit.events_for_client(session, client.id)
        steps = [(e.detail["step"], e.detail["counterpart"]) for e in events if e.action == "handover"]
        assert steps == [("given", "Bo Mottagare"), ("removed", "Bo Mottagare")]
        removed = next(e for e in events if e.detail.get("step") == "removed")
        assert removed.detail["counterpart_installation"]
        rows = session.scalars(select(ExportRecord).where(ExportRecord.client_id == client.id)).all()
        assert [(r.kind, r.basis, r.recipient) for r in rows] == [
            ("handover", "handover_given", "clinician:Bo Mottagare"),
            ("handover", "handover_removed", "clinician:Bo Mottagare")]
        # The file the giver named is logged by its pseudonym, never by a path that might hold the client's name.
        given_event = next(e for e in events if e.detail.get("step") == "given")
        assert rows[0].destination.startswith("file:") and path.name not in json.dumps(given_event.detail)
        assert audit.verify(session).ok
    with receiver.read() as session:
        receiver_installation = handover.identity(session).id
        events = audit.events_for_client(session, client.id)
        received = [e.detail for e in events if e.action == "handover"]
        assert [(d["step"], d["counterpart"], d["counterpart_installation"]) for d in received] == [
            ("received", "Anna Antaja", giver_installation)]
        assert [r["reason"] for r in refusals(receiver)] == ["wrong_code"]
        rows = session.scalars(select(ExportRecord).where(ExportRecord.kind == "handover")).all()
        assert sorted(r.basis for r in rows) == ["handover_received", "handover_refused"]
        assert audit.verify(session).ok
    assert removed.detail["counterpart_installation"] == receiver_installation


def test_the_file_holds_no_readable_client_data(handed):
    client, _course, path, _given = handed
    data = path.read_bytes()
    for secret in (client.given_names, client.family_name, HETU, client.local_id, "ensimmäinen", "Äiti"):
        assert secret.encode() not in data


def test_a_handed_over_course_counts_where_it_goes_on(tmp_path, giver, receiver, library):
    """Not an open session, a guarantee case or a data-set record in the giver's read-only copy: pooled figures
    would count it twice."""
    from askel.export.dataset import build
    from askel.export.disclosure import Period

    client = clients.add_client(giver, clients.ClientData("Aino", "Laskettava", date(2012, 5, 3), HETU))
    course = courses.start_course(giver, client.id, "ipc_adolescents", "1", need_established=date(2025, 3, 1))
    courses.add_session(giver, course.id, datetime(2025, 3, 3, 9), attendance="no_show")  # still waiting, open
    period = Period.of("year", 2025)

    def counted(vault) -> tuple[int, int, int]:
        return (len(courses.open_sessions(vault)), len(courses.waiting_courses(vault)),
                len(build(vault, library, period, unit_code="T1")["records"]))

    assert counted(giver) == (1, 1, 1)
    path = tmp_path / "c.askelhandover"
    given = give(giver, library, client, [course.id], path)
    assert counted(giver) == (0, 0, 0)
    receive(receiver, path.read_bytes(), given.code, library, tmp_path)
    assert counted(receiver) == (1, 1, 1)


@pytest.mark.parametrize("change", ["invalid identity code", "a course of another client", "a session of no course",
                                    "a number in a text column"])
def test_a_file_whose_rows_askel_would_not_write_is_refused(tmp_path, giver, receiver, library, monkeypatch, change):
    """Someone with a valid code and an Askel of their own could sign anything: the rows are checked too."""
    client, course = add_client_with_course(giver, library)
    collect = handover.rows_store.collect

    def altered(session, client_id, course_ids):
        rows = collect(session, client_id, course_ids)
        if change == "invalid identity code":
            rows.client["hetu"] = "030512A9037"
        elif change == "a course of another client":
            rows.courses[0]["client_id"] = "someone-else"
        elif change == "a session of no course":
            rows.sessions[0]["course_id"] = "no-such-course"
        else:
            rows.courses[0]["goal"] = 42
        return rows

    monkeypatch.setattr(handover.rows_store, "collect", altered)
    path = tmp_path / "odd.askelhandover"
    given = give(giver, library, client, [course.id], path)
    before = state(receiver)
    with pytest.raises(handover.HandoverRefused) as caught:
        open_it(receiver, path.read_bytes(), given.code, library)
    assert caught.value.reason == "damaged"
    assert state(receiver) == before
