"""Demo and training data: only in training vaults, fictitious identity codes, plausible and deterministic."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from sqlalchemy import func, select

from askel.core import hetu
from askel.core.content.guarantee import age_on, guarantee_status
from askel.core.content.library import ContentLibrary
from askel.core.content.scoring import score
from askel.core.groups import PARENT_MEETING
from askel.core.paths import resources_dir
from askel.store import audit
from askel.store.demo import (
    FAMILY_FI,
    FAMILY_SV,
    GIVEN_FI_CHILDREN,
    NotATrainingVault,
    generate,
    open_training_vault,
)
from askel.store.demo_groups import SCHOOL
from askel.store.groups import is_marked, list_groups, load_group, load_meeting, members_on
from askel.store.models import Administration, AuditEvent, Client, ClinicianMethod, Course, Guardian, Session
from askel.store.vault import Vault
from tests.conftest import PASSPHRASE

TODAY = date(2026, 3, 2)


@pytest.fixture(scope="module")
def library():
    return ContentLibrary.load(resources_dir())


def training_vault(folder) -> Vault:
    return Vault.create(folder, PASSPHRASE, clinician_name="Harjoitus Hoitaja", role="nurse", kdf_iterations=1,
                        training=True)


@pytest.fixture(scope="module")
def demo(tmp_path_factory, library):
    vault = training_vault(tmp_path_factory.mktemp("demo") / "data")
    result = generate(vault, library, 600, 7, today=TODAY)
    yield vault, result
    vault.close()


def dump(vault) -> dict[str, list[tuple]]:
    tables = {}
    with vault.read() as session:
        for model in (Client, Guardian, ClinicianMethod, Course, Session, Administration):
            columns = [c for c in model.__table__.columns if c.name not in ("clinician_id",)]
            tables[model.__tablename__] = [tuple(row) for row in session.execute(
                select(*columns).order_by(model.__table__.c.id))]
    return tables


def test_a_real_vault_is_refused_and_left_untouched(vault, library):
    with pytest.raises(NotATrainingVault):
        generate(vault, library, 10, 1, today=TODAY)
    with vault.read() as session:
        assert session.scalar(select(func.count()).select_from(Client)) == 0
        assert session.scalar(select(func.count()).where(AuditEvent.target == "demo")) == 0


def test_open_training_vault_creates_and_refuses(tmp_path, vault):
    created, was_created = open_training_vault(tmp_path / "new", PASSPHRASE, kdf_iterations=1)
    assert was_created and created.training
    created.close()
    again, was_created = open_training_vault(tmp_path / "new", PASSPHRASE)
    assert not was_created
    again.close()
    vault.close()
    with pytest.raises(NotATrainingVault):
        open_training_vault(vault.folder.root, PASSPHRASE)


def test_counts_are_reported_and_logged_once(demo):
    vault, result = demo
    with vault.read() as session:
        counted = {name: session.scalar(select(func.count()).select_from(model)) for name, model in (
            ("clients", Client), ("guardians", Guardian), ("courses", Course), ("sessions", Session),
            ("administrations", Administration))}
        events = list(session.scalars(select(AuditEvent).where(AuditEvent.target == "demo")))
        assert audit.verify(session).ok
    assert counted == {key: getattr(result, key) for key in counted}
    assert len(events) == 1
    assert events[0].action == "create" and events[0].client_id is None
    assert events[0].detail["seed"] == 7 and events[0].detail["clients"] == 600
    assert events[0].detail["training_data"] is True


def test_identity_codes_are_temporary_valid_and_unique(demo):
    vault, _ = demo
    with vault.read() as session:
        clients = list(session.scalars(select(Client)))
    codes = [c.hetu for c in clients if c.hetu]
    assert len(codes) == len(set(codes)) > 0.9 * len(clients)
    assert any(c.hetu is None for c in clients)  # some clients have only the local identifier
    for client in clients:
        if client.hetu:
            parsed = hetu.parse(client.hetu, today=TODAY)
            assert parsed.temporary and 900 <= parsed.individual_number <= 999
            assert parsed.birth_date == client.birth_date
        assert client.local_id.startswith("AS-")


def test_names_match_language_and_courses_fit_the_age(demo, library):
    vault, _ = demo
    with vault.read() as session:
        rows = session.execute(select(Client.family_name, Client.language, Client.birth_date, Course.method_id,
                                      Course.protocol_version, Course.need_established)
                               .join(Course, Course.client_id == Client.id)).all()
    languages = Counter(language for _, language, *_ in rows)
    assert set(languages) == {"fi", "sv"}
    for family, language, birth, method_id, version, need in rows:
        assert family in (FAMILY_SV if language == "sv" else FAMILY_FI)
        protocol = library.protocol(method_id, version)
        age = age_on(birth, need)
        assert protocol.age.min_years is None or protocol.age.min_years <= age
        assert protocol.age.max_years is None or age <= protocol.age.max_years
    assert {method for *_, method, _, _ in rows} == {p.id for p in library.protocols()}  # every method occurs


def test_courses_sessions_and_outcomes_are_plausible(demo):
    vault, _ = demo
    with vault.read() as session:
        statuses = Counter(session.scalars(select(Course.status)))
        attendance = Counter(session.scalars(select(Session.attendance)))
        finished = session.execute(select(Course.next_step, Course.usefulness)
                                   .where(Course.status.in_(("completed", "interrupted")))).all()
    assert statuses["completed"] > statuses["interrupted"] > 0 and statuses["active"] > 0 and statuses["planned"] > 0
    assert attendance["attended"] > 5 * (attendance["cancelled"] + attendance["no_show"])
    assert attendance["cancelled"] > 0 and attendance["no_show"] > 0
    assert {step for step, _ in finished} >= {"none", "follow_up", "step_up", "specialised_care"}
    assert {rating for _, rating in finished} >= {1, 2, 3, 4}


def test_scores_are_the_engines_and_mostly_improve(demo, library):
    vault, _ = demo
    with vault.read() as session:
        administrations = list(session.scalars(select(Administration).order_by(Administration.administered_at)))
    assert administrations
    for record in administrations[::7]:
        instrument = library.instrument(record.instrument_id, record.instrument_version)
        result = score(instrument, record.answers, record.respondent)
        assert record.total == result.total
        assert record.subscales == dict(result.subscales)
        if not instrument.uses_reference_groups:
            assert record.band == (result.band.id if result.band else None)
    # AUDIT-C's limit follows the client's recorded sex for reference values, never anything else.
    with vault.read() as session:
        rows = session.execute(select(Administration.band_set, Client.reference_sex)
                               .join(Course, Course.id == Administration.course_id)
                               .join(Client, Client.id == Course.client_id)
                               .where(Administration.instrument_id == "auditc")).all()
    sexes = {"thl_men_20_64": "male", "thl_women_20_64": "female"}
    assert rows and all(sexes[band_set] == sex for band_set, sex in rows if band_set in sexes)
    series: dict[tuple[str, str], list[float]] = {}
    for record in administrations:
        if record.instrument_id == "phq9":
            series.setdefault((record.course_id, record.instrument_id), []).append(record.total)
    changes = [values[-1] - values[0] for values in series.values() if len(values) > 1]
    assert sum(change < 0 for change in changes) > 0.6 * len(changes)
    assert any(change > 0 for change in changes)


def test_under_23_clients_wait_on_the_guarantee_list(demo):
    vault, _ = demo
    attended = select(Session.course_id).where(Session.attendance == "attended")
    with vault.read() as session:
        waiting = session.execute(select(Client.birth_date, Course.need_established).join(Course)
                                  .where(Course.status == "planned", Course.id.not_in(attended))).all()
    states = {guarantee_status(birth, need, None, TODAY).state for birth, need in waiting
              if age_on(birth, need) < 23}
    assert states == {"on_time", "at_risk", "overdue"}


def test_the_demo_has_a_school_cool_kids_group_and_an_adults_klt_group(demo, library):
    vault, _ = demo
    summaries = {summary.method_id: summary for summary in list_groups(vault)}
    assert set(summaries) == {"cool_kids", "klt_adults"}
    cool, klt = summaries["cool_kids"], summaries["klt_adults"]
    assert (cool.members, cool.held, cool.planned) == (6, 4, 10) and (klt.members, klt.held) == (7, 3)
    assert cool.next_date >= TODAY and klt.next_date >= TODAY  # the next meeting is still to come

    group = load_group(vault, cool.id)
    assert group.format == "client_group" and len(group.leaders) == 2
    for course in group.courses:  # a child of the school, with a course of their own in the group's format
        assert course.delivery_format == "client_group" and course.client.school_or_unit == SCHOOL
        assert course.client.given_names in GIVEN_FI_CHILDREN  # a name children have, not their grandparents'
        assert 7 <= age_on(course.client.birth_date, course.need_established) <= 12
    with vault.read() as session:  # the group gives each member their course: none of their own besides
        assert session.scalar(select(func.count(Course.id)).where(
            Course.client_id.in_([c.client_id for c in group.courses]))) == len(group.courses) == 7
    assert len({c.client.family_name for c in group.courses}) == len(group.courses)  # no two from one family
    late = [c for c in group.courses if c.group_join_reason]
    left = [c for c in group.courses if c.status == "interrupted"]
    assert len(late) == 1 and len(left) == 1 and left[0].end_reason and left[0] not in late
    held = sorted((m for m in group.meetings if m.starts_at is not None), key=lambda m: m.starts_at)
    assert [m.kind for m in held].count(PARENT_MEETING) == 1 and all(m.closed and m.notes for m in held)
    assert left[0] not in members_on(group, held[-1].starts_at.date())
    attendance = Counter()
    for meeting in held:
        rows = load_meeting(vault, meeting.id).member_sessions
        assert rows and all(is_marked(row) and row.closed for row in rows)
        attendance.update(row.attendance for row in rows)
        if meeting.kind == PARENT_MEETING:
            assert {tuple(row.attendees) for row in rows if row.attendance == "attended"} == {("parent",)}
    assert attendance["attended"] > 20 and attendance["cancelled"] and attendance["no_show"]
    assert sum(bool(row.notes) for c in group.courses for row in c.sessions) >= 4  # members' own notes

    adults = load_group(vault, klt.id)
    assert all(age_on(c.client.birth_date, c.need_established) >= 18 for c in adults.courses)


def test_same_seed_gives_the_same_rows(tmp_path, library):
    first, second = training_vault(tmp_path / "a"), training_vault(tmp_path / "b")
    try:
        for vault in (first, second):
            generate(vault, library, 60, 3, today=TODAY)
        assert dump(first) == dump(second)
        other = training_vault(tmp_path / "c")
        generate(other, library, 60, 4, today=TODAY)
        assert dump(other)["client"] != dump(first)["client"]
        other.close()
    finally:
        first.close()
        second.close()


def test_adding_again_adds_more_without_clashes(tmp_path, library):
    vault = training_vault(tmp_path / "data")
    try:
        generate(vault, library, 50, 1, today=TODAY)
        generate(vault, library, 50, 1, today=TODAY)
        with vault.read() as session:
            assert session.scalar(select(func.count()).select_from(Client)) == 100
            assert session.scalar(select(func.count(func.distinct(Client.hetu)))) == session.scalar(
                select(func.count(Client.hetu)))
            assert session.scalar(select(func.count()).where(AuditEvent.target == "demo")) == 2
        assert len(list_groups(vault)) == 2  # the groups once, not again
    finally:
        vault.close()


# -- the command -----------------------------------------------------------------------------------------------
def run_command(data_dir, *arguments) -> int:
    from askel import cli

    return cli.main(["demo", *arguments, "--data-dir", str(data_dir)])


def test_command_creates_a_training_vault_and_refuses_a_real_one(tmp_path, monkeypatch, capsys, vault):
    monkeypatch.setenv("ASKEL_PASSPHRASE", PASSPHRASE)
    monkeypatch.setattr("askel.store.vault.calibrate_iterations", lambda: 1)
    assert run_command(tmp_path / "training", "--clients", "25", "--seed", "2", "--today", "2026-03-02") == 0
    assert "25 fictitious clients" in capsys.readouterr().out
    opened = Vault.unlock(tmp_path / "training", PASSPHRASE)
    assert opened.training
    opened.close()

    vault.close()
    assert run_command(vault.folder.root, "--clients", "5") == 1
    assert "not a training vault" in capsys.readouterr().err
    real = Vault.unlock(vault.folder.root, PASSPHRASE)
    with real.read() as session:
        assert session.scalar(select(func.count()).select_from(Client)) == 0
    real.close()
