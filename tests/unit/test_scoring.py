"""The scoring engine against hand-worked reference cases for every shipped instrument, plus properties.

Expected totals and bands below are worked out by hand from the instruments' published rules, not read from the
YAML: a wrong threshold, a missing reverse flag or a wrong subscale key in a definition makes a test fail.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from askel.core.content.scoring import Reference, ScoringInputError, score


def answers(instrument, values):
    """Map a list of answer values to item ids in the instrument's order."""
    assert len(values) == len(instrument.items)
    return dict(zip(instrument.item_ids, values, strict=True))


def run(library, instrument_id, values, respondent="client", variant=None):
    instrument = library.instrument(instrument_id)
    return score(instrument, answers(instrument, values), respondent, threshold_variant=variant)


# ----------------------------------------------------------------------------------------------- explicit vectors

REFERENCE = [
    # instrument, answers, respondent, variant, total, band
    ("phq9", [0, 0, 0, 0, 0, 0, 0, 0, 0], "client", None, 0, "minimal"),
    ("phq9", [3, 3, 3, 3, 3, 3, 3, 3, 3], "client", None, 27, "severe"),
    ("phq9", [1, 1, 1, 1, 0, 0, 0, 0, 0], "client", None, 4, "minimal"),
    ("phq9", [1, 1, 1, 1, 1, 0, 0, 0, 0], "client", None, 5, "mild"),
    ("phq9", [1, 1, 1, 1, 1, 1, 1, 1, 1], "client", None, 9, "mild"),
    ("phq9", [2, 1, 1, 1, 1, 1, 1, 1, 1], "client", None, 10, "moderate"),
    ("phq9", [2, 2, 2, 2, 2, 1, 1, 1, 1], "client", None, 14, "moderate"),
    ("phq9", [2, 2, 2, 2, 2, 2, 1, 1, 1], "client", None, 15, "moderately_severe"),
    ("phq9", [3, 3, 3, 2, 2, 2, 2, 2, 0], "client", None, 19, "moderately_severe"),
    ("phq9", [3, 3, 3, 3, 2, 2, 2, 2, 0], "client", None, 20, "severe"),
    ("gad7", [0, 0, 0, 0, 0, 0, 0], "client", None, 0, "minimal"),
    ("gad7", [3, 3, 3, 3, 3, 3, 3], "client", None, 21, "severe"),
    ("gad7", [1, 1, 1, 1, 0, 0, 0], "client", None, 4, "minimal"),
    ("gad7", [1, 1, 1, 1, 1, 0, 0], "client", None, 5, "mild"),
    ("gad7", [2, 2, 2, 1, 1, 1, 0], "client", None, 9, "mild"),
    ("gad7", [2, 2, 2, 1, 1, 1, 1], "client", None, 10, "moderate"),
    ("gad7", [2, 2, 2, 2, 2, 2, 2], "client", None, 14, "moderate"),
    ("gad7", [3, 2, 2, 2, 2, 2, 2], "client", None, 15, "severe"),
    ("oasis", [0, 0, 0, 0, 0], "client", None, 0, "below_cutoff"),
    ("oasis", [4, 4, 4, 4, 4], "client", None, 20, "at_or_above_cutoff"),
    ("oasis", [2, 2, 2, 1, 0], "client", None, 7, "below_cutoff"),
    ("oasis", [2, 2, 2, 2, 0], "client", None, 8, "at_or_above_cutoff"),
    # AUDIT-C with a limit named explicitly (THL: men 20-64 >= 6, women 20-64 >= 5, 65 and over >= 4).
    ("auditc", [0, 0, 0], "client", "thl_65_plus", 0, "below_limit"),
    ("auditc", [4, 4, 4], "client", "thl_men_20_64", 12, "at_or_above_limit"),
    ("auditc", [1, 1, 1], "client", "thl_65_plus", 3, "below_limit"),
    ("auditc", [2, 1, 1], "client", "thl_65_plus", 4, "at_or_above_limit"),
    ("auditc", [2, 1, 1], "client", "thl_women_20_64", 4, "below_limit"),
    ("auditc", [2, 2, 1], "client", "thl_women_20_64", 5, "at_or_above_limit"),
    ("auditc", [2, 2, 1], "client", "thl_men_20_64", 5, "below_limit"),
    ("auditc", [2, 2, 2], "client", "thl_men_20_64", 6, "at_or_above_limit"),
    # CORE-10: items 2 and 3 are reverse scored (4 - answer); item 6 is the risk item, kept at 0 here.
    ("core10", [0, 4, 4, 0, 0, 0, 0, 0, 0, 0], "client", None, 0, "healthy"),
    ("core10", [4, 0, 0, 4, 4, 4, 4, 4, 4, 4], "client", None, 40, "severe"),
    ("core10", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0], "client", None, 8, "low"),
    ("core10", [1, 4, 4, 1, 1, 0, 1, 1, 0, 0], "client", None, 5, "healthy"),
    ("core10", [1, 4, 4, 1, 1, 0, 1, 1, 1, 0], "client", None, 6, "low"),
    ("core10", [2, 4, 4, 2, 2, 0, 2, 2, 0, 0], "client", None, 10, "low"),
    ("core10", [2, 4, 4, 2, 2, 0, 2, 2, 1, 0], "client", None, 11, "mild"),
    ("core10", [2, 4, 4, 2, 2, 0, 2, 2, 2, 2], "client", None, 14, "mild"),
    ("core10", [3, 4, 4, 2, 2, 0, 2, 2, 2, 2], "client", None, 15, "moderate"),
    ("core10", [3, 4, 4, 3, 3, 0, 3, 3, 2, 2], "client", None, 19, "moderate"),
    ("core10", [3, 4, 4, 3, 3, 0, 3, 3, 3, 2], "client", None, 20, "moderately_severe"),
    ("core10", [4, 4, 4, 4, 4, 0, 4, 4, 2, 2], "client", None, 24, "moderately_severe"),
    ("core10", [4, 4, 4, 4, 4, 0, 4, 4, 3, 2], "client", None, 25, "severe"),
    ("core10", [0, 3, 1, 0, 0, 0, 0, 0, 0, 0], "client", None, 4, "healthy"),
    # BDI-21: item 9 is the risk item, kept at 0.
    ("bdi21", [0] * 21, "client", None, 0, "minimal"),
    ("bdi21", [3] * 8 + [0] + [3] * 12, "client", None, 60, "severe"),
    ("bdi21", [1] * 8 + [0] + [1] + [0] * 11, "client", None, 9, "minimal"),
    ("bdi21", [1] * 8 + [0] + [1, 1] + [0] * 10, "client", None, 10, "mild"),
    ("bdi21", [2] * 8 + [0] + [1, 1] + [0] * 10, "client", None, 18, "mild"),
    ("bdi21", [2] * 8 + [0] + [1, 1, 1] + [0] * 9, "client", None, 19, "moderate"),
    ("bdi21", [3] * 8 + [0] + [1, 1, 1, 1, 1] + [0] * 7, "client", None, 29, "moderate"),
    ("bdi21", [3] * 8 + [0] + [1, 1, 1, 1, 1, 1] + [0] * 6, "client", None, 30, "severe"),
    # AUDIT: items 9 and 10 take 0, 2 or 4 only.
    ("audit", [0] * 10, "client", None, 0, "zone_1"),
    ("audit", [4] * 10, "client", None, 40, "zone_4"),
    ("audit", [1] * 7 + [0, 0, 0], "client", None, 7, "zone_1"),
    ("audit", [1] * 8 + [0, 0], "client", None, 8, "zone_2"),
    ("audit", [1] * 8 + [4, 2], "client", None, 14, "zone_2"),
    ("audit", [1] * 7 + [2, 2, 4], "client", None, 15, "zone_2"),
    ("audit", [2] * 6 + [0, 0, 2, 2], "client", None, 16, "zone_3"),
    ("audit", [2] * 6 + [1, 0, 2, 2], "client", None, 17, "zone_3"),
    ("audit", [2] * 6 + [1, 2, 2, 2], "client", None, 19, "zone_3"),
    ("audit", [2] * 6 + [2, 2, 2, 2], "client", None, 20, "zone_4"),
]


@pytest.mark.parametrize(("instrument_id", "values", "respondent", "variant", "total", "band"), REFERENCE)
def test_reference_totals_and_bands(content_library, instrument_id, values, respondent, variant, total, band):
    result = run(content_library, instrument_id, values, respondent, variant)
    assert result.total == total
    assert result.band is not None and result.band.id == band
    assert result.complete and not result.prorated and result.refused_reason is None


# SDQ bands by respondent: normal / borderline / abnormal (parent 14 and 17, self-report 16 and 20).
# Vectors: raw answers for items 1..25; reversed items are 7, 11, 14, 21, 25 (2 - answer).
SDQ_ALL_LOW_DIFFICULTY = [0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 2, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 2]


def sdq_with_emotional(points: int, conduct: int = 0) -> list[int]:
    """All difficulties at 0 except `points` spread over the emotional items (3, 8, 13, 16, 24) then conduct."""
    values = list(SDQ_ALL_LOW_DIFFICULTY)
    for item in (3, 8, 13, 16, 24):
        step = min(2, points)
        values[item - 1] = step
        points -= step
    for item in (5, 12, 18, 22):
        step = min(2, conduct)
        values[item - 1] = step
        conduct -= step
    return values


@pytest.mark.parametrize(
    ("respondent", "emotional", "conduct", "band"),
    [
        ("parent", 10, 3, "normal"),  # 13
        ("parent", 10, 4, "borderline"),  # 14
        ("parent", 10, 6, "borderline"),  # 16
        ("parent", 10, 7, "abnormal"),  # 17
        ("client", 10, 5, "normal"),  # 15
        ("client", 10, 6, "borderline"),  # 16
        ("client", 10, 8, "borderline"),  # 18
    ],
)
def test_sdq_bands_depend_on_respondent(content_library, respondent, emotional, conduct, band):
    values = sdq_with_emotional(emotional, conduct)
    result = run(content_library, "sdq", values, respondent)
    assert result.total == emotional + conduct
    assert result.band.id == band


def test_sdq_self_report_boundary_19_20(content_library):
    nineteen = sdq_with_emotional(10, 8)
    nineteen[7 - 1] = 1  # reversed conduct item: answer 1 scores 1
    twenty = sdq_with_emotional(10, 8)
    twenty[7 - 1] = 0  # answer 0 scores 2
    assert run(content_library, "sdq", nineteen, "client").total == 19
    assert run(content_library, "sdq", nineteen, "client").band.id == "borderline"
    assert run(content_library, "sdq", twenty, "client").total == 20
    assert run(content_library, "sdq", twenty, "client").band.id == "abnormal"


def test_sdq_minimum_maximum_reverse_items_and_prosocial_outside_total(content_library):
    low = run(content_library, "sdq", SDQ_ALL_LOW_DIFFICULTY, "parent")
    assert low.total == 0 and low.band.id == "normal"
    all_zero = run(content_library, "sdq", [0] * 25, "parent")
    # Raw 0 on the five reversed items scores 2 each: conduct 2 (item 7), peer 4 (11, 14), hyperactivity 4 (21, 25).
    assert all_zero.subscales == {"emotional": 0, "conduct": 2, "hyperactivity": 4, "peer": 4, "prosocial": 0}
    assert all_zero.total == 10
    high = [0 if item in (7, 11, 14, 21, 25) else 2 for item in range(1, 26)]
    result = run(content_library, "sdq", high, "parent")
    assert result.total == 40 and result.band.id == "abnormal"
    assert result.subscales["prosocial"] == 10
    no_prosocial = [0 if item in (1, 4, 9, 17, 20) else value for item, value in enumerate(high, start=1)]
    assert run(content_library, "sdq", no_prosocial, "parent").total == 40


def test_sdq_subscale_prorates_with_three_of_five_and_total_needs_all_four(content_library):
    values: list[int | None] = sdq_with_emotional(4)  # emotional items 3 and 8 answered 2
    values[13 - 1] = None
    values[16 - 1] = None  # emotional: 2 + 2 + 0 answered of 5 -> 4 * 5 / 3 = 6.67 -> 6.7 (one decimal)
    result = run(content_library, "sdq", values, "parent")
    assert result.subscales["emotional"] == 6.7 and result.prorated and not result.complete
    assert result.total == 6.7
    values[24 - 1] = None  # three missing: emotional cannot be scored, nor the total
    result = run(content_library, "sdq", values, "parent")
    assert result.subscales["emotional"] is None and result.subscales["conduct"] == 0
    assert result.total is None and result.band is None
    assert "emotional" in result.refused_reason.english()


def test_rcads_subscales_key_and_missing_rules(content_library):
    depression_items = (1, 4, 8, 10, 13, 15, 16, 19, 21, 24)
    only_depression = [3 if item in depression_items else 0 for item in range(1, 26)]
    result = run(content_library, "rcads25", only_depression, "parent")
    assert result.subscales == {"anxiety": 0, "depression": 30}
    assert result.total == 30 and result.band is None  # no raw-score bands: T-scores need norms
    maximum = run(content_library, "rcads25", [3] * 25, "client")
    assert (maximum.total, maximum.subscales["anxiety"]) == (75, 45)
    assert run(content_library, "rcads25", [0] * 25).total == 0

    values: list[int | None] = [1] * 25
    values[2 - 1] = values[3 - 1] = None  # two anxiety items missing: 13 * 15 / 13 = 15
    values[1 - 1] = None  # one depression item missing: 9 * 10 / 9 = 10
    result = run(content_library, "rcads25", values)
    assert result.subscales == {"anxiety": 15, "depression": 10} and result.prorated and result.total == 25
    values[4 - 1] = None  # a second depression item: refused
    result = run(content_library, "rcads25", values)
    assert result.subscales["depression"] is None and result.total is None


# ----------------------------------------------------------------------------------------------- missing items


# A prorated total keeps one decimal (rounded half up) and its band comes from the exact value (DOMAIN.md, issue 12).
@pytest.mark.parametrize(
    ("instrument_id", "values", "total", "band"),
    [
        ("phq9", [1, 1, 1, 1, 1, 1, 1, 1, None], 9, "mild"),  # 8 * 9 / 8 = 9
        ("phq9", [2, 2, 2, 1, 1, 1, 1, None, 0], 11.3, "moderate"),  # 10 * 9 / 8 = 11.25
        ("phq9", [1, 1, 1, 1, 0, 0, 0, 0, None], 4.5, "minimal"),  # 4 * 9 / 8 = 4.5: below 5, not "mild"
        ("phq9", [2, 1, 1, 1, 1, 1, 1, 1, None], 10.1, "moderate"),  # 9 * 9 / 8 = 10.125
        ("gad7", [1, 1, 1, 1, 1, 1, None], 7, "mild"),  # 6 * 7 / 6 = 7
        ("gad7", [1, 1, 1, 1, 0, 0, None], 4.7, "minimal"),  # 4 * 7 / 6 = 4.67: below 5, not "mild"
        ("gad7", [2, 2, 2, 1, 1, 1, None], 10.5, "moderate"),  # 9 * 7 / 6 = 10.5
        ("core10", [2, 4, 4, 2, 2, 0, 2, 2, 2, None], 13.3, "mild"),  # 12 * 10 / 9 = 13.33
        ("bdi21", [1] * 8 + [0] + [1] * 10 + [None, None], 19.9, "moderate"),  # 18 * 21 / 19 = 19.89
    ],
)
def test_prorating_within_the_rule(content_library, instrument_id, values, total, band):
    result = run(content_library, instrument_id, values)
    assert result.total == total and result.band.id == band
    assert result.prorated and not result.complete


# CORE-10 with one question not answered, on each side of every band boundary (healthy < 6 <= low < 11 <= mild
# < 15 <= moderate < 20 <= moderately severe < 25 <= severe). Items 2 and 3 score 4 - answer, so the answer 4 there
# scores 0; question 10 is left blank, so the total is the sum of nine scores x 10 / 9.
@pytest.mark.parametrize(
    ("values", "total", "band"),
    [
        ([1, 4, 4, 1, 0, 0, 1, 1, 1, None], 5.6, "healthy"),  # 5 -> 5.56 (the example; rounding made it 6)
        ([1, 4, 4, 1, 1, 0, 1, 1, 1, None], 6.7, "low"),  # 6 -> 6.67
        ([1, 4, 4, 2, 2, 0, 1, 1, 2, None], 10, "low"),  # 9 -> 10
        ([2, 4, 4, 2, 2, 0, 1, 1, 2, None], 11.1, "mild"),  # 10 -> 11.11
        ([2, 4, 4, 2, 2, 0, 2, 2, 3, None], 14.4, "mild"),  # 13 -> 14.44
        ([3, 4, 4, 2, 2, 0, 2, 2, 3, None], 15.6, "moderate"),  # 14 -> 15.56
        ([3, 4, 4, 3, 3, 0, 3, 2, 3, None], 18.9, "moderate"),  # 17 -> 18.89
        ([3, 4, 4, 3, 3, 0, 3, 3, 3, None], 20, "moderately_severe"),  # 18 -> 20
        ([4, 4, 4, 4, 4, 0, 4, 3, 3, None], 24.4, "moderately_severe"),  # 22 -> 24.44
        ([4, 4, 4, 4, 4, 0, 4, 4, 3, None], 25.6, "severe"),  # 23 -> 25.56
    ],
)
def test_core10_one_missing_at_every_band_boundary(content_library, values, total, band):
    result = run(content_library, "core10", values)
    assert (result.total, result.band.id, result.prorated, result.missing_items) == (total, band, True, ("q10",))


@pytest.mark.parametrize(
    ("instrument_id", "values"),
    [
        ("phq9", [1, 1, 1, 1, 1, 1, 1, None, None]),
        ("gad7", [1, 1, 1, 1, 1, None, None]),
        ("oasis", [1, 1, 1, 1, None]),
        ("auditc", [1, 1, None]),
        ("core10", [1, 1, 1, 1, 1, 0, 1, 1, None, None]),
        ("bdi21", [1] * 18 + [None] * 3),
        ("audit", [1] * 8 + [2, None]),
    ],
)
def test_refused_beyond_the_rule(content_library, instrument_id, values):
    result = run(content_library, instrument_id, values)
    assert result.total is None and result.band is None
    assert result.refused_reason is not None and "unanswered" in result.refused_reason.english()
    assert not result.complete and not result.prorated


# ----------------------------------------------------------------------------------------------- alerts


@pytest.mark.parametrize("value", [0, 1, 2, 3])
def test_phq9_item9_alert(content_library, value):
    result = run(content_library, "phq9", [0] * 8 + [value])
    if value == 0:
        assert result.alerts == []
    else:
        (alert,) = result.alerts
        assert (alert.item_id, alert.kind, alert.value) == ("q9", "risk", value)
        assert "clinical assessment" in alert.text.en and alert.text.fi and alert.text.sv


def test_alert_fires_even_when_the_total_is_refused(content_library):
    result = run(content_library, "phq9", [None, None, 0, 0, 0, 0, 0, 0, 2])
    assert result.total is None and [a.item_id for a in result.alerts] == ["q9"]


@pytest.mark.parametrize(("value", "fires"), [(0, False), (1, True), (4, True)])
def test_core10_risk_item(content_library, value, fires):
    values = [0, 4, 4, 0, 0, value, 0, 0, 0, 0]
    assert bool(run(content_library, "core10", values).alerts) is fires


@pytest.mark.parametrize(
    ("instrument_id", "values", "item"),
    [
        ("phq9", [0, 0, 0, 0, 0, 0, 0, 0, None], "q9"),  # the only blank: scored (prorated) and alerted
        ("phq9", [None, 0, 0, 0, 0, 0, 0, 0, None], "q9"),  # two blanks: not scored, still alerted
        ("core10", [0, 4, 4, 0, 0, None, 0, 0, 0, 0], "q6"),
    ],
)
def test_a_skipped_risk_item_is_an_alert_of_its_own_kind(content_library, instrument_id, values, item):
    (alert,) = run(content_library, instrument_id, values).alerts
    assert (alert.item_id, alert.kind, alert.value, alert.unanswered) == (item, "risk_unanswered", None, True)
    assert "not answered" in alert.text.en and "in person" in alert.text.en
    assert "ei vastattu" in alert.text.fi and "besvarades inte" in alert.text.sv


def test_other_blank_items_raise_no_alert(content_library):
    assert run(content_library, "phq9", [None, 0, 0, 0, 0, 0, 0, 0, 0]).alerts == []
    assert run(content_library, "gad7", [None, 0, 0, 0, 0, 0, 0]).alerts == []


def test_only_the_risk_items_raise_alerts(content_library):
    assert run(content_library, "gad7", [3] * 7).alerts == []
    assert [a.item_id for a in run(content_library, "core10", [4] * 10).alerts] == ["q6"]


# ----------------------------------------------------------------------------------------------- choices and input


def test_auditc_without_a_chosen_cutoff_has_a_total_but_no_band(content_library):
    result = run(content_library, "auditc", [2, 2, 2])
    assert result.total == 6 and result.band is None and result.band_set is None
    # Nothing known of the client: every THL limit may apply, and 6 reaches each of them.
    assert {(s.id, b.id) for s, b in result.candidate_bands} == {
        ("thl_men_20_64", "at_or_above_limit"), ("thl_women_20_64", "at_or_above_limit"),
        ("thl_65_plus", "at_or_above_limit")}


# AUDIT-C banded from age and the sex for reference values, at each THL limit (men 20-64: 6, women 20-64: 5,
# 65 and over: 4), just below and at it. Expected bands worked out from the limits, not read from the YAML.
AUDITC_LIMITS = [
    # age, sex, total below the limit, total at the limit, band set
    (20, "male", 5, 6, "thl_men_20_64"),
    (40, "male", 5, 6, "thl_men_20_64"),
    (64, "male", 5, 6, "thl_men_20_64"),
    (20, "female", 4, 5, "thl_women_20_64"),
    (40, "female", 4, 5, "thl_women_20_64"),
    (64, "female", 4, 5, "thl_women_20_64"),
    (65, "male", 3, 4, "thl_65_plus"),
    (65, "female", 3, 4, "thl_65_plus"),
    (65, None, 3, 4, "thl_65_plus"),  # the same limit for everyone 65 and over: no sex needed
    (88, "female", 3, 4, "thl_65_plus"),
]
AUDITC_ANSWERS = {3: [1, 1, 1], 4: [2, 1, 1], 5: [2, 2, 1], 6: [2, 2, 2]}


@pytest.mark.parametrize(("age", "sex", "below", "at", "band_set"), AUDITC_LIMITS)
def test_auditc_thl_limit_for_each_age_and_sex(content_library, age, sex, below, at, band_set):
    instrument = content_library.instrument("auditc")
    for total, band, severity in ((below, "below_limit", 0), (at, "at_or_above_limit", 1)):
        result = score(instrument, answers(instrument, AUDITC_ANSWERS[total]), reference=Reference(age, sex))
        assert (result.total, result.band_set, result.band.id, result.band.severity) == (total, band_set, band,
                                                                                         severity)


@pytest.mark.parametrize(("total", "reaches"), [(4, set()), (5, {"thl_women_20_64"}),
                                                (6, {"thl_women_20_64", "thl_men_20_64"})])
def test_auditc_sex_not_recorded_gives_no_band_but_the_limits_reached(content_library, total, reaches):
    instrument = content_library.instrument("auditc")
    result = score(instrument, answers(instrument, AUDITC_ANSWERS[total]), reference=Reference(40, None))
    assert result.band is None and result.band_set is None
    assert {s.id for s, _ in result.candidate_bands} == {"thl_women_20_64", "thl_men_20_64"}
    assert {s.id for s, band in result.candidate_bands if band.severity > 0} == reaches


@pytest.mark.parametrize("sex", ["female", "male", None])
def test_auditc_under_20_has_no_thl_limit(content_library, sex):
    instrument = content_library.instrument("auditc")
    result = score(instrument, answers(instrument, [4, 4, 4]), reference=Reference(19, sex))
    assert result.total == 12 and result.band is None and result.candidate_bands == ()


def test_unknown_cutoff_is_refused(content_library):
    with pytest.raises(ScoringInputError, match="cutoff_9"):
        run(content_library, "auditc", [2, 2, 2], variant="cutoff_9")


def test_wrong_respondent_is_refused(content_library):
    with pytest.raises(ScoringInputError, match="parent"):
        run(content_library, "phq9", [0] * 9, respondent="parent")
    with pytest.raises(ScoringInputError):
        run(content_library, "rcads25", [0] * 25, respondent="clinician")


@pytest.mark.parametrize("bad", [{"q10": 1}, {"q1": 4}, {"q1": -1}, {"q1": True}, {"q1": "2"}])
def test_impossible_answers_are_refused(content_library, bad):
    with pytest.raises(ScoringInputError):
        score(content_library.instrument("phq9"), bad)


def test_audit_items_9_and_10_take_only_0_2_4(content_library):
    with pytest.raises(ScoringInputError, match="0, 2, 4"):
        run(content_library, "audit", [0] * 8 + [1, 0])


def test_missing_keys_count_as_missing(content_library):
    instrument = content_library.instrument("phq9")
    result = score(instrument, {f"q{n}": 1 for n in range(1, 9)})
    assert result.total == 9 and result.prorated and result.missing_items == ("q9",)


# ----------------------------------------------------------------------------------------------- properties

SHIPPED = ["phq9", "gad7", "oasis", "auditc", "core10", "bdi21", "rcads25", "sdq", "audit"]


@st.composite
def administrations(draw, library, complete=False):
    instrument = library.instrument(draw(st.sampled_from(SHIPPED)))
    respondent = draw(st.sampled_from(instrument.respondents))
    values = {}
    for item_id in instrument.item_ids:
        options = [option.value for option in instrument.options_for(item_id)]
        choices = st.sampled_from(options) if complete else st.one_of(st.none(), st.sampled_from(options))
        values[item_id] = draw(choices)
    return instrument, respondent, values


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_total_is_within_range_and_band_matches(content_library, data):
    instrument, respondent, values = data.draw(administrations(content_library))
    result = score(instrument, values, respondent)
    low, high = instrument.total_range()
    if result.total is None:
        assert result.refused_reason is not None and result.band is None
    else:
        assert low <= result.total <= high
        if result.band is not None:
            assert result.band.min <= result.total
    assert result.complete == all(value is not None for value in values.values())
    if result.complete:
        assert not result.prorated and result.total is not None


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_total_moves_with_each_answer_in_the_scored_direction(content_library, data):
    instrument, respondent, values = data.draw(administrations(content_library, complete=True))
    item_id = data.draw(st.sampled_from(instrument.total_items()))
    options = sorted(option.value for option in instrument.options_for(item_id))
    position = options.index(values[item_id])
    if position == len(options) - 1:
        return
    before = score(instrument, values, respondent).total
    after = score(instrument, {**values, item_id: options[position + 1]}, respondent).total
    if instrument.item(item_id).reverse:
        assert after < before
    else:
        assert after > before
