"""Outcome rules under the NHS Talking Therapies preset and the Finnish regional preset, at the boundaries."""

from __future__ import annotations

import pytest

from askel.core.content.outcomes import (
    PRESETS,
    WORDS,
    OutcomeCategory,
    category_label,
    change_word,
    classify,
    is_finished,
    rules_text,
    state_text,
)

C = OutcomeCategory

NHS_CASES = [
    # first, last, category, case_at_start, recovered, reliably_improved, deteriorated, reliably_recovered
    ({"phq9": 15, "gad7": 10}, {"phq9": 5, "gad7": 5}, C.RELIABLY_RECOVERED, True, True, True, False, True),
    ({"phq9": 10, "gad7": 5}, {"phq9": 9, "gad7": 5}, C.RECOVERED, True, True, False, False, False),
    ({"phq9": 5, "gad7": 8}, {"phq9": 5, "gad7": 7}, C.RECOVERED, True, True, False, False, False),
    # Below both case thresholds (9 and 7): not a case, though the GAD-7 drop of 5 is still a reliable improvement.
    ({"phq9": 9, "gad7": 7}, {"phq9": 4, "gad7": 2}, C.NOT_CASE_AT_START, False, False, True, False, False),
    ({"phq9": 9, "gad7": 7}, {"phq9": 9, "gad7": 7}, C.NOT_CASE_AT_START, False, False, False, False, False),
    ({"phq9": 20, "gad7": 10}, {"phq9": 14, "gad7": 10}, C.RELIABLY_IMPROVED, True, False, True, False, False),
    ({"phq9": 20, "gad7": 10}, {"phq9": 15, "gad7": 10}, C.NO_RELIABLE_CHANGE, True, False, False, False, False),
    ({"phq9": 5, "gad7": 12}, {"phq9": 5, "gad7": 8}, C.RELIABLY_IMPROVED, True, False, True, False, False),
    ({"phq9": 5, "gad7": 12}, {"phq9": 5, "gad7": 9}, C.NO_RELIABLE_CHANGE, True, False, False, False, False),
    ({"phq9": 10, "gad7": 5}, {"phq9": 16, "gad7": 5}, C.DETERIORATED, True, False, False, True, False),
    ({"phq9": 10, "gad7": 5}, {"phq9": 15, "gad7": 5}, C.NO_RELIABLE_CHANGE, True, False, False, False, False),
    ({"phq9": 10, "gad7": 5}, {"phq9": 10, "gad7": 9}, C.DETERIORATED, True, False, False, True, False),
    ({"phq9": 10, "gad7": 5}, {"phq9": 10, "gad7": 8}, C.NO_RELIABLE_CHANGE, True, False, False, False, False),
    # Improvement on one measure does not count while the other worsens reliably.
    ({"phq9": 20, "gad7": 8}, {"phq9": 10, "gad7": 12}, C.DETERIORATED, True, False, False, True, False),
    # Not a case at start but reliably worse: the worsening is the finding.
    ({"phq9": 2, "gad7": 2}, {"phq9": 8, "gad7": 6}, C.DETERIORATED, False, False, False, True, False),
]


@pytest.mark.parametrize(
    ("first", "last", "category", "case", "recovered", "improved", "deteriorated", "reliably_recovered"), NHS_CASES
)
def test_nhs_categories(first, last, category, case, recovered, improved, deteriorated, reliably_recovered):
    outcome = classify(first, last, PRESETS["nhs"])
    assert outcome.category is category
    assert outcome.case_at_start is case
    assert outcome.recovered is recovered
    assert outcome.reliably_improved is improved
    assert outcome.reliably_deteriorated is deteriorated
    assert outcome.reliably_recovered is reliably_recovered


FI_CASES = [
    ({"phq9": 12}, {"phq9": 4}, C.RELIABLY_RECOVERED),  # remission < 5 and drop >= 5
    ({"phq9": 5}, {"phq9": 4}, C.RECOVERED),  # case at 5, remission at 4, change 1
    ({"phq9": 12}, {"phq9": 5}, C.RELIABLY_IMPROVED),  # 5 is not remission
    ({"phq9": 4}, {"phq9": 0}, C.NOT_CASE_AT_START),
    ({"phq9": 14}, {"phq9": 9}, C.RELIABLY_IMPROVED),  # drop of exactly 5
    ({"phq9": 14}, {"phq9": 10}, C.NO_RELIABLE_CHANGE),  # drop of 4
    ({"phq9": 6}, {"phq9": 11}, C.DETERIORATED),  # rise of 5
    ({"phq9": 6}, {"phq9": 10}, C.NO_RELIABLE_CHANGE),  # rise of 4
    ({"phq9": 14, "gad7": 20}, {"phq9": 10, "gad7": 0}, C.NO_RELIABLE_CHANGE),  # GAD-7 is not in this preset
    ({"bdi21": 15}, {"bdi21": 9}, C.RELIABLY_RECOVERED),  # regional IPC rule: remission < 10, change 3
    ({"bdi21": 10}, {"bdi21": 8}, C.RECOVERED),
    ({"bdi21": 12}, {"bdi21": 15}, C.DETERIORATED),
]


@pytest.mark.parametrize(("first", "last", "category"), FI_CASES)
def test_finnish_regional_categories(first, last, category):
    assert classify(first, last, "fi_regional").category is category


@pytest.mark.parametrize("preset", ["nhs", "fi_regional"])
@pytest.mark.parametrize(
    ("first", "last"),
    [({}, {}), ({"phq9": 15}, {}), ({"phq9": 15, "gad7": 10}, {"gad7": 5}), ({"phq9": None}, {"phq9": 3})],
)
def test_not_enough_data(preset, first, last):
    outcome = classify(first, last, preset)
    assert outcome.category is C.NOT_ENOUGH_DATA
    assert not (outcome.recovered or outcome.reliably_improved or outcome.reliably_deteriorated)


def test_a_measure_never_given_is_ignored():
    outcome = classify({"phq9": 15}, {"phq9": 4}, "nhs")
    assert outcome.category is C.RELIABLY_RECOVERED and outcome.measures_used == ("phq9",)
    assert outcome.changes == {"phq9": -11.0}


def test_overrides_change_one_field_and_leave_the_preset_alone():
    stricter = PRESETS["nhs"].with_overrides({"phq9.case_threshold": 12}, id="org")
    assert stricter.measures["phq9"].case_threshold == 12
    assert stricter.measures["phq9"].reliable_change == 6
    assert stricter.measures["gad7"] == PRESETS["nhs"].measures["gad7"]
    assert classify({"phq9": 11, "gad7": 0}, {"phq9": 11, "gad7": 0}, stricter).category is C.NOT_CASE_AT_START
    assert classify({"phq9": 11, "gad7": 0}, {"phq9": 11, "gad7": 0}, "nhs").category is C.NO_RELIABLE_CHANGE
    assert PRESETS["nhs"].measures["phq9"].case_threshold == 10


def test_overrides_can_add_a_measure_and_round_trip_as_settings():
    preset = PRESETS["nhs"].with_overrides({"core10.case_threshold": 11, "core10.reliable_change": 6,
                                            "min_attended_sessions": 3})
    assert preset.settings()["core10.case_threshold"] == 11
    assert PRESETS["nhs"].with_overrides(preset.settings()) == preset
    assert not is_finished(2, preset) and is_finished(3, preset)


@pytest.mark.parametrize("bad", [{"phq9.cutoff": 3}, {"phq9.case_threshold": -1}, {"min_attended_sessions": 1.5},
                                 {"phq9.case_threshold": "10"}])
def test_bad_overrides_are_refused(bad):
    with pytest.raises(ValueError):
        PRESETS["nhs"].with_overrides(bad)


def test_presets_are_read_only():
    with pytest.raises(TypeError):
        PRESETS["nhs"].measures["phq9"] = None  # type: ignore[index]


@pytest.mark.parametrize(("attended", "finished"), [(0, False), (1, False), (2, True), (7, True)])
def test_finished_course(attended, finished):
    assert is_finished(attended) is finished
    assert is_finished(attended, "fi_regional") is finished


INDICES = {"phq9": 6, "gad7": 4, "bdi21": 3}  # reliable-change indices of the instrument definitions
NAMES = {"phq9": "PHQ-9", "gad7": "GAD-7", "bdi21": "BDI-21"}


def test_every_category_has_words_in_both_presets_and_three_languages():
    for preset in ("nhs", "fi_regional"):
        for language in ("fi", "sv", "en"):
            labels = {category_label(c, preset, language, INDICES) for c in C}
            assert len(labels) == len(C)
    assert set(WORDS["fi"]) == set(WORDS["sv"]) == set(WORDS["en"])


def test_a_change_below_the_reliable_change_index_is_never_called_reliable():
    # NHS Talking Therapies: PHQ-9 6 and GAD-7 4 are the indices themselves.
    assert change_word("nhs", INDICES) == "reliable"
    assert category_label(C.RELIABLY_IMPROVED, "nhs", "fi", INDICES) == "luotettavasti kohentunut"
    # The Finnish regional rule's drop of 5 on PHQ-9 is below the index 6: a meaningful change, and remission.
    assert change_word("fi_regional", INDICES) == "meaningful"
    for language in ("fi", "sv", "en"):
        for category in C:
            label = category_label(category, "fi_regional", language, INDICES)
            assert not any(word in label for word in ("luotettav", "tillförlit", "reliabl")), (language, label)
    assert category_label(C.RECOVERED, "fi_regional", "fi", INDICES) == "remissio"
    assert category_label(C.RELIABLY_IMPROVED, "fi_regional", "sv", INDICES) == "betydligt förbättrad"
    # An organisation that lowers the NHS threshold below the index gets the same honest word.
    lowered = PRESETS["nhs"].with_overrides({"phq9.reliable_change": 5})
    assert category_label(C.RELIABLY_IMPROVED, lowered, "en", INDICES) == "meaningfully improved"


def test_the_rules_are_explained_in_plain_words_with_their_source():
    text = rules_text("nhs", "fi", NAMES, INDICES)
    assert text.startswith("Raja-arvot: NHS Talking Therapies, Englannin kansallinen psykologisten hoitojen ohjelma.")
    assert "Kliininen taso: PHQ-9 vähintään 10 tai GAD-7 vähintään 8." in text
    assert "Luotettava muutos: PHQ-9 6, GAD-7 4 pistettä." in text
    regional = rules_text("fi_regional", "fi", NAMES, INDICES, used=("phq9",))
    assert "yliopistosairaalan IPC-tilastosivu (2021)" in regional and "Remissio: PHQ-9 alle 5." in regional
    assert "Merkittävä muutos: PHQ-9 5 pistettä" in regional and "ei kutsuta luotettavaksi" in regional


def test_a_course_under_way_is_described_by_its_latest_measurement_not_a_category():
    # The language review: one measurement below the limit at the start is not "recovered".
    assert state_text({"phq9": 7}, {}, "nhs", "fi", NAMES) == (
        "Alussa oireet jäivät kliinisen raja-arvon alle (kliininen taso: PHQ-9 vähintään 10).")
    assert state_text({"phq9": 14, "gad7": 9}, {"phq9": 8, "gad7": 5}, "nhs", "sv", NAMES) == (
        "Vid den senaste mätningen är symtomen under den kliniska gränsen (klinisk nivå: PHQ-9 minst 10 eller "
        "GAD-7 minst 8).")
    assert state_text({"phq9": 14}, {"phq9": 4}, "fi_regional", "fi", NAMES) == (
        "Viimeisimmässä mittauksessa remissio (PHQ-9 alle 5).")
    assert state_text({"gad7": 3}, {}, "fi_regional", "fi", NAMES) == ""
