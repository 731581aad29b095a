"""Shipped definitions load and are complete in fi/sv/en; broken ones give readable errors and the rest loads."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pydantic import BaseModel

from askel.core.content.library import ContentLibrary, ContentNotFound
from askel.core.content.models import Instrument, LocalizedText, Protocol, version_key

INSTRUMENTS = {"phq9", "gad7", "oasis", "auditc", "core10", "bdi21", "rcads25", "sdq", "audit"}
LICENSED = {"core10", "bdi21", "rcads25", "sdq", "audit"}
PROTOCOLS = {
    "gsh_adults", "gsh_adolescents", "gsh_children", "gsh_small_children", "klt_adults", "klt_adolescents",
    "klt_children", "ipc_adolescents", "ipc_adults", "cool_kids", "cool_kids_child", "ali", "lapset_puheeksi",
}


def localized_texts(value, path="") -> list[tuple[str, LocalizedText | None]]:
    """Every LocalizedText-typed slot in a definition, with its path (None where a slot is empty)."""
    found: list[tuple[str, LocalizedText | None]] = []
    if isinstance(value, LocalizedText):
        return [(path, value)]
    if isinstance(value, BaseModel):
        for name, field in type(value).model_fields.items():
            child = getattr(value, name)
            if child is None and "LocalizedText" in str(field.annotation):
                found.append((f"{path}.{name}", None))
            else:
                found.extend(localized_texts(child, f"{path}.{name}"))
    elif isinstance(value, tuple | list):
        for index, child in enumerate(value):
            found.extend(localized_texts(child, f"{path}[{index}]"))
    elif isinstance(value, dict):
        for key, child in value.items():
            found.extend(localized_texts(child, f"{path}.{key}"))
    return found


def test_every_shipped_definition_loads_without_errors(content_library):
    assert content_library.errors == []
    assert {i.id for i in content_library.instruments()} == INSTRUMENTS
    assert {p.id for p in content_library.protocols()} == PROTOCOLS


def test_file_names_match_ids(content_resources):
    for kind in ("instruments", "protocols"):
        for path in (content_resources / kind).glob("*.yaml"):
            assert f"id: {path.stem}\n" in path.read_text("utf-8"), path


@pytest.mark.parametrize("instrument_id", sorted(INSTRUMENTS))
def test_instrument_texts_are_complete_in_three_languages(content_library, instrument_id):
    instrument = content_library.instrument(instrument_id)
    texts = localized_texts(instrument)
    present = [(path, text) for path, text in texts if text is not None]
    assert present, "every definition has names"
    for path, text in present:
        assert text.fi.strip() and text.sv.strip() and text.en.strip(), path
    empty = {path for path, text in texts if text is None}
    wording = {p for p in empty if p.startswith((".items", ".instructions", ".scales"))}
    if instrument_id in LICENSED:
        assert instrument.licence.restricted
        assert not instrument.has_wording and instrument.instructions is None
        assert all(item.text is None for item in instrument.items)
        assert all(o.label is None for item in instrument.items for o in instrument.options_for(item.id))
    else:
        assert not instrument.licence.restricted and instrument.has_wording
        assert wording == set()
    # Outside the wording, nothing may be missing (band set labels are only needed when there is a choice; the
    # wording's source only when a pack supplied the wording).
    assert {p for p in empty - wording if not p.endswith((".label", ".wording.source"))} == set()


@pytest.mark.parametrize("protocol_id", sorted(PROTOCOLS))
def test_protocol_texts_are_complete_in_three_languages(content_library, protocol_id):
    protocol = content_library.protocol(protocol_id)
    texts = localized_texts(protocol)
    assert len(texts) > 15
    for path, text in texts:
        if path.endswith((".title", ".guidance")):
            continue  # an optional link title; a licensed manual's detail, which only a content pack supplies
        assert text is not None, path
        assert text.fi.strip() and text.sv.strip() and text.en.strip(), path


def test_public_domain_wording_is_not_left_in_english():
    """A cheap guard against a copy-paste slip: the Finnish and Swedish item texts differ from the English."""
    library = ContentLibrary.load(Path(__file__).resolve().parents[2] / "resources")
    for instrument in library.instruments():
        for item in instrument.items:
            if item.text is not None and len(item.text.en) > 12:
                assert item.text.fi != item.text.en and item.text.sv != item.text.en, (instrument.id, item.id)


def test_codes_and_reliable_change_only_where_the_sources_give_them(content_library):
    codes = {i.id: (i.codes.loinc_panel, i.codes.loinc_total) for i in content_library.instruments()}
    assert codes.pop("phq9") == ("44249-1", "44261-6")
    assert codes.pop("gad7") == (None, "70274-6")
    assert set(codes.values()) == {(None, None)}
    change = {i.id: i.scoring.reliable_change for i in content_library.instruments()}
    assert change == {"phq9": 6, "gad7": 4, "oasis": 5, "bdi21": 3, "auditc": None, "core10": None,
                      "rcads25": None, "sdq": None, "audit": None}


def test_structure_facts(content_library):
    reversed_items = {i.id: {item.id for item in i.items if item.reverse} for i in content_library.instruments()}
    assert reversed_items.pop("sdq") == {"q7", "q11", "q14", "q21", "q25"}
    assert reversed_items.pop("core10") == {"q2", "q3"}
    assert all(not items for items in reversed_items.values())
    risk = {i.id: [(a.item, a.min_value) for a in i.scoring.alerts] for i in content_library.instruments()}
    assert risk["phq9"] == [("q9", 1)] and risk["core10"] == [("q6", 1)]
    # A skipped risk question is an alert of its own kind.
    for instrument_id in ("phq9", "core10"):
        [rule] = content_library.instrument(instrument_id).scoring.alerts
        assert rule.unanswered is not None and rule.unanswered.kind == "risk_unanswered"
    sdq = content_library.instrument("sdq")
    keys = [set(sub.items) for sub in sdq.scoring.subscales]
    assert all(len(key) == 5 for key in keys) and set().union(*keys) == set(sdq.item_ids)
    rcads = content_library.instrument("rcads25")
    assert [len(sub.items) for sub in rcads.scoring.subscales] == [15, 10]
    assert set(rcads.respondents) == {"client", "parent"}
    auditc = content_library.instrument("auditc")
    # THL's limits, chosen from age and the recorded sex for reference values (never guessed).
    groups = {s.id: (s.applies_to.sex, s.applies_to.age.min_years, s.applies_to.age.max_years,
                     s.bands[1].min) for s in auditc.scoring.band_sets}
    assert groups == {"thl_men_20_64": ("male", 20, 64, 6), "thl_women_20_64": ("female", 20, 64, 5),
                      "thl_65_plus": (None, 65, None, 4)}
    assert auditc.scoring.default_band_set is None


def test_protocol_facts(content_library):
    ipc = content_library.protocol("ipc_adolescents")
    assert [a.id for a in ipc.focus_areas] == ["grief", "role_dispute", "role_transition", "interpersonal_deficits"]
    assert (ipc.session_count.planned, ipc.session_count.min, ipc.session_count.max) == (6, 3, 6)
    assert [p.id for p in ipc.phases] == ["initial", "middle", "final"]
    klt = content_library.protocol("klt_adults")
    assert {(c.code, c.format) for c in klt.procedure_codes} == {("IDY03", "individual"), ("IDR17", "group")}
    assert (klt.session_count.planned, klt.session_count.min, klt.session_count.max) == (7, 5, 10)
    for gsh in ("gsh_adults", "gsh_adolescents", "gsh_children", "gsh_small_children"):
        assert [c.code for c in content_library.protocol(gsh).procedure_codes] == ["IHZ19"]
    assert content_library.protocol("gsh_small_children").formats == ("parent_led",)


def test_ipc_for_adolescents_is_for_12_to_19_with_a_questionnaire_at_every_session(content_library):
    ipc = content_library.protocol("ipc_adolescents")
    assert (ipc.version, ipc.age.min_years, ipc.age.max_years) == ("2", 12, 19)  # THL's IPC-N evaluation: 12-19
    for planned in (3, 6):
        for number in range(1, planned + 1):
            assert "phq9" in ipc.questionnaires_for(number, planned), (number, planned)
    assert content_library.protocol("ipc_adolescents", "1").age.max_years == 18  # courses on version 1 keep it


def test_cool_kids_keeps_its_two_formats_apart(content_library):
    group, child = content_library.protocol("cool_kids"), content_library.protocol("cool_kids_child")
    assert (group.formats, group.extra_meetings, group.session_count.planned) == (("group",), (), 10)
    assert all(template.participants == ("client", "parent") for template in group.sessions)
    assert (child.formats, child.session_count.planned) == (("individual",), 10)
    assert all(template.participants == ("client",) for template in child.sessions)
    [meetings] = child.extra_meetings
    assert (meetings.count, meetings.participants) == (3, ("parent",))
    assert group.method == child.method == "cool_kids"


def test_lapset_puheeksi_is_a_discussion_with_the_adult_client_about_the_children(content_library):
    protocol = content_library.protocol("lapset_puheeksi")
    assert (protocol.audience, protocol.age.min_years, protocol.session_count.planned) == ("adults", 18, 2)
    assert protocol.questionnaires.all_ids() == ()
    assert protocol.name.fi == "Lapset puheeksi -keskustelu"


def test_no_shipped_protocol_has_an_empty_link(content_resources):
    for path in (content_resources / "protocols").glob("*.yaml"):
        assert "url: null" not in path.read_text("utf-8"), path


def test_unknown_facts_are_marked_not_invented(content_library):
    for protocol in content_library.protocols():
        for code in protocol.procedure_codes:
            assert code.code is not None or "unverified" in (code.notes or "")
        link = protocol.mielenterveystalo
        assert link.url is None or link.url.startswith("https://www.mielenterveystalo.fi/")
    for protocol_id in ("gsh_adolescents", "gsh_children", "gsh_small_children", "klt_adolescents",
                        "klt_children", "ipc_adults", "ali"):
        assert "unverified" in content_library.protocol(protocol_id).notes


def test_questionnaire_defaults_refer_to_shipped_instruments(content_library):
    for protocol in content_library.protocols():
        for instrument_id in protocol.questionnaires.all_ids():
            content_library.instrument(instrument_id)


def test_session_plan_lookup(content_library):
    ipc = content_library.protocol("ipc_adolescents")
    assert [ipc.session_template(n).id for n in range(1, 7)] == [
        "first", "second", "working", "working", "working", "closing"]
    assert [ipc.session_template(n, 3).id for n in range(1, 4)] == ["first", "second", "closing"]
    klt = content_library.protocol("klt_adults")
    assert klt.questionnaires_for(1) == ("phq9", "gad7", "auditc")
    assert klt.questionnaires_for(3) == ("phq9", "gad7")
    assert klt.questionnaires_for(7) == ("phq9", "gad7")


def test_lookup_by_version(content_library):
    assert content_library.instrument("phq9", "2") is content_library.instrument("phq9")
    assert content_library.instrument("phq9", "1.0").version == "1"  # kept in previous/ for stored scores
    with pytest.raises(ContentNotFound):
        content_library.instrument("phq9", "3")
    with pytest.raises(ContentNotFound):
        content_library.protocol("nothing")
    assert version_key("1.10") > version_key("1.9") and version_key("2") == version_key("2.0.0")


# ----------------------------------------------------------------------------------------------- broken content


@pytest.fixture
def content_copy(tmp_path, content_resources) -> Path:
    target = tmp_path / "resources"
    ignore = shutil.ignore_patterns("previous")  # one version per definition, so a broken one is gone
    shutil.copytree(content_resources / "instruments", target / "instruments", ignore=ignore)
    shutil.copytree(content_resources / "protocols", target / "protocols", ignore=ignore)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


@pytest.mark.parametrize(
    ("file", "old", "new", "field", "problem"),
    [
        ("instruments/gad7.yaml", "  sv: Formulär om ångestsymtom (GAD-7)\n", "", "name.sv", "Field required"),
        ("instruments/gad7.yaml", "respondents: [client]", "respondents: [client]\nrespondent: x", "respondent",
         "unknown field"),
        ("instruments/gad7.yaml", 'version: "2"', "version: 1.10", "version", "quotes"),
        ("instruments/gad7.yaml", "    scale: frequency\n    text:\n      fi: Olen ollut hermostunut",
         "    scale: frequency\n    textt:\n      fi: Olen ollut hermostunut", "items[0].textt", "unknown field"),
        ("instruments/phq9.yaml", "  - id: q9\n    scale: frequency\n    text:", "  - id: q9\n    scale: freq\n    text:",
         "items.q9.scale", "unknown scale"),
        ("instruments/phq9.yaml", "{id: minimal, min: 0,", "{id: minimal, min: 1,", "scoring.band_sets.standard.bands",
         "lowest total"),
        ("instruments/phq9.yaml", "{id: mild, min: 5, severity: 1", "{id: mild, min: 5, severity: 2",
         "scoring.band_sets.standard.bands.mild.severity", "rank"),
        ("instruments/phq9.yaml", "prorate_max_missing: 1", "prorate_max_missing: 9",
         "scoring.total.missing.prorate_max_missing", "at least one"),
        ("instruments/phq9.yaml", "  - item: q9\n", "  - item: q10\n", "scoring.alerts[0].item", "unknown item"),
        ("instruments/phq9.yaml", "licence:\n  kind: public_domain", "licence:\n  kind: free_for_all",
         "licence.kind", "Input should be"),
        ("instruments/oasis.yaml", "  - id: q4\n    scale: how_much\n    text:\n      fi: Kuinka paljon ahdistus haittasi "
         "työtä, opiskelua tai kotiasioita?\n", "  - id: q4\n    scale: how_much\n    text:\n", "items[3].text.fi",
         "Field required"),
        ("protocols/ipc_adults.yaml", "  phase: middle", "  phase: muddle", "sessions.working.phase", "unknown phase"),
        ("protocols/ipc_adults.yaml", "  planned: 6", "  planned: 7", "session_count", "min <= planned <= max"),
        ("protocols/ipc_adults.yaml", "audience: adults", "audience: adults\naudience: adolescents", None, "twice"),
        ("protocols/ipc_adults.yaml", "- id: working\n  position: repeat", "- id: working\n  position: 4",
         "sessions", "no template covers session 3 of 6"),
    ],
)
def test_broken_definition_is_reported_by_file_and_field_and_the_rest_loads(content_copy, file, old, new, field,
                                                                            problem):
    edit(content_copy / file, old, new)
    library = ContentLibrary.load(content_copy)
    assert library.errors, "the broken definition must be reported"
    error = library.errors[0]
    assert error.source.endswith(file)
    assert error.field == field
    assert problem in error.problem
    assert file.split("/")[1] in str(error)
    broken_id = Path(file).stem
    loaded = {i.id for i in library.instruments()} | {p.id for p in library.protocols()}
    assert broken_id not in loaded
    assert loaded == (INSTRUMENTS | PROTOCOLS) - {broken_id}


def test_yaml_syntax_error_names_the_line(content_copy):
    path = content_copy / "instruments" / "oasis.yaml"
    path.write_text("id: oasis\nname: {fi: a, sv: b\nversion: 1\n", "utf-8")
    library = ContentLibrary.load(content_copy)
    error = library.errors[0]
    assert error.source.endswith("oasis.yaml") and "YAML syntax error, line " in error.problem
    # ALI's default questionnaires named OASIS, which could not load: reported too, ALI itself still loads.
    assert [e.field for e in library.errors[1:]] == ["questionnaires"] and library.protocol("ali")


def test_protocol_referring_to_an_unknown_instrument_is_reported_but_loaded(content_copy):
    edit(content_copy / "protocols" / "ali.yaml", "- oasis", "- oasis_v9")
    library = ContentLibrary.load(content_copy)
    assert any(e.field == "questionnaires" and "oasis_v9" in e.problem for e in library.errors)
    assert library.protocol("ali").id == "ali"


def test_missing_folder_is_reported(tmp_path):
    library = ContentLibrary.load(tmp_path)
    assert len(library.errors) == 2 and library.instruments() == [] and library.protocols() == []


def test_no_answer_option_label_turns_into_a_boolean(content_library):
    """The content YAML dialect keeps `no`/`on`/`yes` as text and dates as text."""
    from askel.core.content.parsing import load_yaml

    assert load_yaml("a: no\nb: On\nc: 2026-01-15\nd: true\n", "x") == {"a": "no", "b": "On", "c": "2026-01-15",
                                                                        "d": True}


def test_models_are_immutable(content_library):
    instrument = content_library.instrument("phq9")
    assert isinstance(instrument, Instrument)
    with pytest.raises(Exception):  # noqa: B017 (pydantic raises its own ValidationError)
        instrument.id = "x"
    assert isinstance(content_library.protocol("ali"), Protocol)
