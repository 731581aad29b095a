"""Groups below the GUI: the protocols' group plans, the rules of joining, leaving and closing a meeting, what the
statistics and the regional data set count (a group session once for the group, once per member for attendance),
the procedure code by format, the upgrade of a vault with data, and a content pack's licensed detail."""

from __future__ import annotations

from datetime import date, datetime

import pytest
import yaml
from sqlalchemy import text

from askel.core.content.library import ContentLibrary
from askel.core.content.packs import import_pack, sign_pack
from askel.core.groups import meeting_template
from askel.export.dataset import build
from askel.export.disclosure import Period
from askel.export.record_facts import record_facts
from askel.export.stats import compute_statistics
from askel.export.text_entry import text_entry
from askel.store import migrate
from askel.store.clients import ClientData, add_client
from askel.store.courses import add_session, load_course, open_sessions, start_course
from askel.store.groups import (
    GroupError,
    MemberPart,
    add_member,
    create_group,
    leave_group,
    load_group,
    load_meeting,
    open_meetings,
    save_meeting,
    start_meeting,
)
from askel.store.vault import Vault
from tests.conftest import PASSPHRASE
from tests.unit.test_migrations import downgrade_to


def members(vault, count: int, born=date(1990, 1, 1)) -> list[str]:
    return [add_client(vault, ClientData(f"Testi{chr(65 + n)}", "Ryhmäläinen", born)).id for n in range(count)]


def group_sessions(vault, group_id):
    return sorted((m for m in load_group(vault, group_id).meetings if m.kind == "method"), key=lambda m: m.number)


def hold(vault, meeting_id: str, when: datetime, attendance: dict | None = None, close: bool = True) -> None:
    """Start the meeting and close it with every member marked ("attended" unless `attendance` says otherwise)."""
    start_meeting(vault, meeting_id, when)
    rows = load_meeting(vault, meeting_id).member_sessions
    parts = {r.id: MemberPart((attendance or {}).get(r.course.client_id, "attended")) for r in rows}
    save_meeting(vault, meeting_id, agenda={"0": {"done": True, "note": ""}}, notes="", homework="",
                 members=parts, close=close, duration_minutes=60)


def test_the_group_plans_of_cool_kids_and_group_klt(content_library):
    cool_kids = content_library.protocol("cool_kids")
    assert cool_kids.group.formats == ("client_group", "family_group", "parent_group")
    assert cool_kids.group.session_count.planned == 10 and cool_kids.group.parent_meetings.count == 3
    for protocol_id in ("klt_adults", "klt_adolescents", "klt_children"):
        protocol = content_library.protocol(protocol_id)
        assert protocol.group is not None and "group" in protocol.formats
        assert {(c.code, c.format) for c in protocol.procedure_codes} >= {("IDR17", "group")}
        # Group sessions of their own (not the individual plan), in the project's words; no licensed detail.
        assert [protocol.group.session_template(n).id for n in (1, 3, 7)] == [
            "group_first", "group_working", "group_closing"]
    for protocol in content_library.protocols():
        plans = list(protocol.sessions) + list(protocol.group.sessions if protocol.group else ())
        assert all(template.guidance is None for template in plans), protocol.id
    # Courses on the earlier versions keep them.
    assert content_library.protocol("klt_adults", "1").group is None
    assert content_library.protocol("cool_kids", "2").group is None


def test_joining_late_leaving_and_closing_a_meeting(vault, content_library):
    protocol = content_library.protocol("klt_adults")
    group = create_group(vault, protocol, name="KLT-ryhmä", group_format="client_group", leaders=["A", "B"],
                         first_date=date(2026, 9, 7))
    with pytest.raises(GroupError, match="format"):
        create_group(vault, protocol, name="X", group_format="parent_group", leaders=["A"], first_date=None)
    first, second, third = members(vault, 3)
    one = add_member(vault, group.id, first, joined=date(2026, 9, 1))
    two = add_member(vault, group.id, second, joined=date(2026, 9, 1))
    with pytest.raises(GroupError, match="already_member"):
        add_member(vault, group.id, first, joined=date(2026, 9, 1))
    sessions = group_sessions(vault, group.id)
    with pytest.raises(GroupError, match="earlier_not_held"):
        start_meeting(vault, sessions[1].id, datetime(2026, 9, 14, 14))
    start_meeting(vault, sessions[0].id, datetime(2026, 9, 7, 14))
    rows = load_meeting(vault, sessions[0].id).member_sessions
    assert len(rows) == 2 and all(r.attendees == [] for r in rows)  # not yet marked
    # A meeting left open is offered back as the meeting, not as each member's session.
    assert [m.id for m in open_meetings(vault)] == [sessions[0].id] and open_sessions(vault) == []
    with pytest.raises(GroupError, match="unmarked"):
        save_meeting(vault, sessions[0].id, agenda={}, notes="", homework="H",
                     members={rows[0].id: MemberPart("attended")}, close=True)
    save_meeting(vault, sessions[0].id, agenda={}, notes="", homework="H", close=True, duration_minutes=60,
                 members={rows[0].id: MemberPart("attended"), rows[1].id: MemberPart("no_show", "Sairas")})
    assert open_meetings(vault) == []

    # A late joiner needs the reason; their plan is the sessions still to come.
    with pytest.raises(GroupError, match="late_reason"):
        add_member(vault, group.id, third, joined=date(2026, 9, 10))
    late = add_member(vault, group.id, third, joined=date(2026, 9, 10), join_reason="Jonosta")
    assert (late.planned_sessions, late.group_join_reason, late.delivery_format) == (6, "Jonosta", "client_group")
    with pytest.raises(GroupError, match="leave_reason"):
        leave_group(vault, two.id, left=date(2026, 9, 12), reason=" ")
    leave_group(vault, two.id, left=date(2026, 9, 12), reason="Muutti pois")
    hold(vault, sessions[1].id, datetime(2026, 9, 14, 14))
    at_second = {r.course_id for r in load_meeting(vault, sessions[1].id).member_sessions}
    assert at_second == {one.id, late.id}  # the leaver is not in it, the late joiner is
    left = load_course(vault, two.id)
    assert (left.status, left.end_date, left.end_reason) == ("interrupted", date(2026, 9, 12), "Muutti pois")
    member = load_course(vault, one.id)
    assert [(s.number, s.attendance, s.homework_given, s.closed) for s in member.sessions] == [
        (1, "attended", "H", True), (2, "attended", "", True)]


def test_the_procedure_code_follows_the_format(vault, content_library):
    client = add_client(vault, ClientData("Testi", "Asiakas", date(1990, 1, 1)))
    individual = start_course(vault, client.id, "klt_adults", "2", planned_sessions=7)
    add_session(vault, individual.id, datetime(2026, 9, 1, 9), attendance="attended")
    group = create_group(vault, content_library.protocol("klt_adults"), name="G", group_format="client_group",
                         leaders=["A"], first_date=date(2026, 9, 7))
    other = add_client(vault, ClientData("Toinen", "Asiakas", date(1991, 1, 1))).id
    member = add_member(vault, group.id, other, joined=date(2026, 9, 1))
    hold(vault, group_sessions(vault, group.id)[0].id, datetime(2026, 9, 7, 14))
    assert record_facts(load_course(vault, individual.id), content_library).procedure_codes == ("IDY03",)
    assert record_facts(load_course(vault, member.id), content_library).procedure_codes == ("IDR17",)
    # A method whose code is not verified: none is given, and the entry says so.
    ali = start_course(vault, client.id, "ali", content_library.protocol("ali").version)
    add_session(vault, ali.id, datetime(2026, 9, 2, 9), attendance="attended")
    facts = record_facts(load_course(vault, ali.id), content_library)
    assert facts.procedure_codes == () and facts.procedure_unverified
    assert "Toimenpidekoodi (THL): ei vahvistettu" in text_entry(load_course(vault, ali.id), content_library, "fi")
    assert "Åtgärdskod (THL): inte bekräftad" in text_entry(load_course(vault, ali.id), content_library, "sv")


@pytest.fixture
def five_sessions_of_six(vault, content_library):
    """Six members, five group sessions in October 2026, everyone at every session."""
    group = create_group(vault, content_library.protocol("klt_adults"), name="G", group_format="client_group",
                         leaders=["A"], first_date=date(2026, 10, 1))
    courses = [add_member(vault, group.id, client, joined=date(2026, 9, 20)) for client in members(vault, 6)]
    for number, meeting in enumerate(group_sessions(vault, group.id)[:5]):
        hold(vault, meeting.id, datetime(2026, 10, 1 + 7 * number, 14))
    return group, courses


def test_a_group_session_is_held_once_and_attended_once_per_member(vault, content_library, five_sessions_of_six):
    group, courses = five_sessions_of_six
    statistics = compute_statistics(vault, content_library, date(2026, 10, 1), date(2026, 10, 31))
    formats = statistics.table("formats")
    assert formats.rows == ("format:client_group", "all")
    values = {column: formats.cell("format:client_group", column).value for column in formats.columns}
    assert (values["courses"], values["meetings"], values["attended"]) == (6, 5, 30)
    sessions = statistics.table("sessions")
    assert sessions.cell("code:IDR17", "total").value == 30  # the members' sessions under the group's code
    fidelity = statistics.table("fidelity")
    assert fidelity.cell("method:klt_adults", "sessions").value == 5  # counted once per meeting, not per member

    dataset = build(vault, content_library, Period.of("quarter", 2026, 4), unit_code="U1")
    records = dataset["records"]
    assert len(records) == 6 and {r["format"] for r in records} == {"client_group"}
    assert len({r["group"] for r in records}) == 1 and all(r["sessions"]["attended"] == 5 for r in records)
    [entry] = dataset["groups"]
    assert entry["group"] == records[0]["group"] and entry["meetings_by_month"] == {"2026-10": [5, 0]}
    assert group.id not in str(dataset)  # a pseudonym, never the group's own id


def test_an_existing_vault_upgrades_with_its_sessions_and_scores(vault, data_dir, content_library):
    client = add_client(vault, ClientData("Aino", "Laaksonen", date(1990, 4, 14)))
    course = start_course(vault, client.id, "klt_adults", "1")
    downgrade_to(vault, "0009")
    # A session and a score as version 0009 wrote them.
    with vault.engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO session (id, course_id, number, kind, starts_at, mode, attendance, attendees, agenda, notes, "
            "homework_given, homework_review, closed, updated_at) VALUES ('s1', :course, 1, 'method', "
            "'2026-03-01 09:00:00', 'in_person', 'attended', '[]', '{}', 'Muistiinpano', '', '', 1, "
            "'2026-03-01 10:00:00')"), {"course": course.id})
        conn.execute(text(
            "INSERT INTO administration (id, course_id, session_id, instrument_id, instrument_version, respondent, "
            "self_completed, language, answers, total, subscales, alerts, administered_at, prorated, missing_items, "
            "limits) VALUES ('a1', :course, 's1', 'gad7', '1', 'client', 0, 'fi', '{}', 7.0, '{}', '[]', "
            "'2026-03-01 09:30:00', 0, '[]', '[]')"), {"course": course.id})
    vault.close()
    reopened = Vault.unlock(data_dir, PASSPHRASE)
    try:
        assert migrate.current_revision(reopened.engine) == migrate.head_revision()
        loaded = load_course(reopened, course.id)
        assert (loaded.delivery_format, loaded.group_id) == ("individual", None)
        assert [(s.id, s.notes, s.group_meeting_id) for s in loaded.sessions] == [("s1", "Muistiinpano", None)]
        assert [(a.id, a.total) for a in loaded.administrations] == [("a1", 7.0)]
        with reopened.engine.connect() as conn:
            references = {row[2] for row in conn.execute(text("PRAGMA foreign_key_list(course)"))}
            assert "therapy_group" in references
            references = {row[2] for row in conn.execute(text("PRAGMA foreign_key_list(session)"))}
            assert "group_meeting" in references
    finally:
        reopened.close()


def test_a_content_pack_supplies_the_licensed_detail_of_the_group_sessions(tmp_path, content_resources,
                                                                              content_keys, vault):
    folder = tmp_path / "pack"
    (folder / "protocols").mkdir(parents=True)
    protocol = yaml.safe_load((content_resources / "protocols" / "cool_kids.yaml").read_text("utf-8"))
    protocol["version"] = "3.1"
    detail = {"fi": "Lisensoitu ohje (fi)", "sv": "Licensierad anvisning (sv)", "en": "Licensed guidance"}
    for template in protocol["group"]["sessions"]:
        template["guidance"] = dict(detail)
    (folder / "protocols" / "cool_kids.yaml").write_text(yaml.safe_dump(protocol, allow_unicode=True), "utf-8")
    (folder / "manifest.yaml").write_text(yaml.safe_dump({
        "id": "fi.example.coolkids", "version": "1", "publisher": "Example county", "created": "2026-10-01"}))
    sign_pack(folder, content_keys.private_pem)
    packs = tmp_path / "packs"
    import_pack(folder, packs, [content_keys.public_key])
    library = ContentLibrary.load(content_resources, packs, trusted_keys=[content_keys.public_key])
    assert library.errors == []
    newest = library.protocol("cool_kids")
    assert newest.version == "3.1"
    group = create_group(vault, newest, name="CK", group_format="family_group", leaders=["A"], first_date=None)
    meeting = group_sessions(vault, group.id)[0]
    assert group.protocol_version == "3.1"
    assert meeting_template(newest, meeting, group.planned_sessions).guidance.sv == "Licensierad anvisning (sv)"
    assert library.protocol("cool_kids", "3").group.sessions[0].guidance is None  # shipped: no licensed text
