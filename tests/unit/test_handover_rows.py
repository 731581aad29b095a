"""Every column of every table that belongs to a client's courses travels in a handover, with no code per column.

The first test fails when a new table refers to a client, a course or a session and is neither carried nor listed
in STAYS with its reason; the second fills every column of every carried table with a value of its own (whatever
columns other migrations add) and fails when one of them does not arrive, or does not come back, exactly.
"""

from __future__ import annotations

import base64
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import JSON, Boolean, Date, DateTime, Float, Integer, LargeBinary, select

from askel.core.content.library import ContentLibrary
from askel.core.paths import resources_dir
from askel.export import handover
from askel.store.db import Base
from askel.store.handover import CARRIED, STAYS
from askel.store.models import Client, Course
from askel.store.vault import Vault
from tests.conftest import PASSPHRASE

REFERS_TO = {"client", "course", "session"}


@pytest.fixture(scope="module")
def library():
    return ContentLibrary.load(resources_dir())


def test_every_table_that_refers_to_a_client_or_course_is_carried_or_says_why_not():
    carried = {model.__tablename__ for model in CARRIED}
    for table in Base.metadata.sorted_tables:
        refers = {fk.column.table.name for fk in table.foreign_keys} & (REFERS_TO | carried)
        named = {"client_id", "course_id", "session_id"} & set(table.columns.keys())
        if table.name in carried or not (refers or named):
            continue
        assert table.name in STAYS, f"table {table.name} refers to a client or course: carry it or say why not"


def _value(column, index: int):
    """A value for `column` that no default or other column has."""
    kind = column.type
    if isinstance(kind, DateTime):
        return datetime(2025, 2, 3, 4, 5, 6, 7000) + timedelta(minutes=index)
    if isinstance(kind, Date):
        return date(2024, 1, 1) + timedelta(days=index)
    if isinstance(kind, Boolean):
        default = column.default.arg if column.default is not None else None
        return not default if isinstance(default, bool) else True
    if isinstance(kind, Integer):
        return 7000 + index
    if isinstance(kind, Float):
        return 12.5 + index
    if isinstance(kind, JSON):
        default = column.default.arg if column.default is not None else None
        if callable(default) and default.__name__ == "list":
            return [f"{column.key}-{index}", {"nested": index}]
        return {column.key: index, "list": [1, 2]}
    if isinstance(kind, LargeBinary):
        return bytes([index % 256]) * 8
    length = getattr(kind, "length", None) or 200
    return f"{column.key[:3]}{index}é"[:length]


KEEP = {"id", "client_id", "course_id", "session_id", "hetu", "local_id", "method_id", "protocol_version",
        "instrument_id", "instrument_version", "given_key", "family_key", "birth_date", "group_id",
        "group_meeting_id"}


def fill_every_column(vault, client_id: str) -> None:
    """Overwrite every column but the keys and the identity fields with a value of its own (raw SQL, no rules)."""
    index = 0
    with vault.write() as session:
        for model in CARRIED:
            table = model.__table__
            for row in session.execute(select(table)).mappings().all():
                values = {}
                for column in table.columns:
                    if column.key in KEEP:
                        continue
                    index += 1
                    values[column.key] = _value(column, index)
                session.execute(table.update().where(table.c.id == row["id"]).values(**values))


def dump(vault) -> dict:
    """Every column of every carried row, read with plain SQL (not through the handover's own serialiser)."""
    with vault.read() as session:
        return {model.__tablename__: sorted((dict(row) for row in session.execute(select(model.__table__))
                                             .mappings()), key=lambda r: r["id"]) for model in CARRIED}


def test_every_column_arrives_and_comes_back(tmp_path, library):
    from askel.store import clients, courses, groups

    giver = Vault.create(tmp_path / "a", PASSPHRASE, clinician_name="Anna Antaja", role="nurse", kdf_iterations=1)
    receiver = Vault.create(tmp_path / "b", PASSPHRASE, clinician_name="Bo Mottagare", role="psychologist",
                            kdf_iterations=1)
    try:
        client = clients.add_client(giver, clients.ClientData(
            "Aino", "Kaikki", date(2012, 5, 3), "030512A9036", guardians=[clients.GuardianData("Äiti", "äiti", "1"),
                                                                          clients.GuardianData("Isä")]))
        course = courses.start_course(giver, client.id, "ipc_adolescents", "1", planned_sessions=6)
        first = courses.add_session(giver, course.id, datetime(2026, 1, 5, 9))
        courses.add_session(giver, course.id, datetime(2026, 1, 12, 9))
        courses.score_and_record(giver, course.id, library.instrument("phq9"), {f"q{i}": 1 for i in range(1, 10)},
                                 session_id=first.id)
        # A member of a group: the group and the meeting the member was at travel with the member's course.
        group = groups.create_group(giver, library.protocol("klt_adolescents"), name="Ryhmä", leaders=["Anna"],
                                    group_format="client_group", first_date=date(2026, 1, 7))
        member = groups.add_member(giver, group.id, client.id, joined=date(2026, 1, 1))
        meeting = min(groups.load_group(giver, group.id).meetings, key=lambda m: (m.kind, m.number))
        groups.start_meeting(giver, meeting.id, datetime(2026, 1, 7, 14))
        fill_every_column(giver, client.id)
        before = dump(giver)
        for table, rows in before.items():
            assert rows, f"the test needs a row in {table}"

        there = tmp_path / "there.askelhandover"
        given = handover.give(giver, library, tmp_path / "packs", client.id, [course.id, member.id], receiver_name="Bo",
                              mode="keep", language="fi", write=there.write_bytes, destination=str(there))
        offer = handover.open_handover(receiver, there.read_bytes(), given.code.text("sv"), library=library,
                                       trusted_keys=[])
        handover.accept(receiver, offer, packs_dir=tmp_path / "b-packs", trusted_keys=[])
        # Of the group's meetings, those the member's sessions belong to (the others were never the member's).
        held = {row["group_meeting_id"] for row in before["session"]}
        assert dump(receiver) == {**before, "group_meeting": [m for m in before["group_meeting"] if m["id"] in held]}

        back = tmp_path / "back.askelhandover"
        returned = handover.give(receiver, library, tmp_path / "packs", client.id, [course.id, member.id],
                                 receiver_name="Anna", mode="remove", language="sv", write=back.write_bytes,
                                 destination=str(back))
        offer = handover.open_handover(giver, back.read_bytes(), returned.code.text("fi"), library=library,
                                       trusted_keys=[])
        assert offer.plan.client_state == "returning"
        assert sorted(offer.plan.returning_courses) == sorted([course.id, member.id])
        handover.accept(giver, offer, packs_dir=tmp_path / "a-packs", trusted_keys=[])
        assert dump(giver) == before
        with giver.read() as session:  # home again: no longer read-only
            assert not handover.rows_store.handed_over_ids(session, [course.id])
        courses.update_course(giver, course.id, goal="jatkuu")
    finally:
        giver.close()
        receiver.close()


def test_values_that_do_not_fit_their_column_are_refused():
    from askel.store.handover import decode_row

    good = {"id": "x", "client_id": "c", "method_id": "m", "protocol_version": "1"}
    assert decode_row(Course, good)["method_id"] == "m"
    for bad in ({**good, "planned_sessions": "six"}, {**good, "start_date": "yesterday"},
                {**good, "has_dependants": "yes"}, {**good, "method_id": "m" * 65}, {"id": "x"},
                {**good, "method_id": None}):
        with pytest.raises(ValueError):
            decode_row(Course, bad)
    assert decode_row(Client, {"id": "c", "local_id": "AS-1", "given_names": "A", "family_name": "B",
                               "given_key": "a", "family_key": "b", "birth_date": "2010-01-01",
                               "gone_column": base64.b64encode(b"x").decode()})["birth_date"] == date(2010, 1, 1)
