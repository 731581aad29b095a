"""Instruments are offered only where they can be given: their wording is here (licensed wording comes in the
organisation's pack) and the client is in their age range. The fidelity line never reports as missing what could
not have been given."""

from __future__ import annotations

import shutil
from datetime import date, datetime

import pytest

from askel.core.content.library import ContentLibrary
from askel.store.clients import ClientData, add_client
from askel.store.courses import add_session, fidelity, load_course, record_administration, start_course

BDI_TEXTS = """instrument: bdi21
version: "1"
source: {fi: testilähde, sv: testkälla, en: test source}
instructions: {fi: Ohje, sv: Anvisning, en: Instructions}
scales:
  statements: {0: {fi: a, sv: a, en: a}, 1: {fi: b, sv: b, en: b}, 2: {fi: c, sv: c, en: c}, 3: {fi: d, sv: d, en: d}}
items: {ITEMS}
""".replace("{ITEMS}", "{" + ", ".join(f"q{n}: {{text: {{fi: k{n}, sv: f{n}, en: q{n}}}}}" for n in range(1, 22)) + "}")


@pytest.fixture
def with_bdi(tmp_path, content_resources) -> ContentLibrary:
    """The shipped content plus the organisation's BDI-21 wording."""
    target = tmp_path / "resources"
    shutil.copytree(content_resources, target)
    (target / "texts").mkdir(exist_ok=True)
    (target / "texts" / "bdi21.yaml").write_text(BDI_TEXTS, "utf-8")
    library = ContentLibrary.load(target)
    assert library.errors == []
    return library


@pytest.mark.parametrize(("instrument_id", "age", "givable"), [
    ("bdi21", 12, False), ("bdi21", 13, True),  # BDI-21 from 13: no BDI-21 default at 12
    ("phq9", 11, False), ("phq9", 12, True),
    ("gad7", 11, False), ("gad7", 12, True),
])
def test_age_ranges_are_enforced(with_bdi, instrument_id, age, givable):
    assert with_bdi.givable(instrument_id, age) is givable


def test_a_licensed_instrument_without_its_wording_pack_is_not_givable(content_library):
    assert not content_library.givable("bdi21", 30) and not content_library.givable("rcads25", 10)
    assert content_library.givable("gad7", 30)


def test_ipc_planned_questionnaires_follow_age_and_wording(with_bdi):
    ipc = with_bdi.protocol("ipc_adolescents")
    planned = ipc.questionnaires_for(1, 6)
    assert planned == ("bdi21", "phq9")
    assert [i for i in planned if with_bdi.givable(i, 12)] == ["phq9"]
    assert [i for i in planned if with_bdi.givable(i, 13)] == ["bdi21", "phq9"]


@pytest.mark.parametrize(("birth", "library_fixture", "missing"), [
    (date(2013, 6, 1), "with_bdi", ()),  # 12 at the session: BDI-21 could not be given
    (date(2012, 6, 1), "with_bdi", ((1, "bdi21"),)),  # 13: it could, and was not
    (date(2012, 6, 1), "content_library", ()),  # 13 but no wording pack: it could not
])
def test_fidelity_reports_missing_only_what_could_have_been_given(request, vault, birth, library_fixture, missing):
    library = request.getfixturevalue(library_fixture)
    client = add_client(vault, ClientData("Aino", "Laaksonen", birth, None))
    course = start_course(vault, client.id, "ipc_adolescents", "2", need_established=date(2026, 1, 5))
    session = add_session(vault, course.id, datetime(2026, 1, 12, 9), attendance="attended", closed=True)
    record_administration(vault, course.id, instrument_id="phq9", instrument_version="2", respondent="client",
                          answers={}, total=0.0, subscales={}, band=None, alerts=[], session_id=session.id)
    result = fidelity(load_course(vault, course.id), library.protocol("ipc_adolescents", "2"), library.givable)
    assert result.missing_questionnaires == missing
