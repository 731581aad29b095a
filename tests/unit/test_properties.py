"""Bad input breaks nothing: properties of dates, every form validator and the scoring engine.

Complements tests/unit/test_validation.py, test_hetu.py and test_scoring.py (which hold the examples and the basic
properties) with what a clinician's slip or a hostile value could hit: every triple of numbers typed as a date,
every validator of `askel.core.validation` found by introspection (so a new one is covered the day it is added),
error messages that never repeat what was typed (it may be client data), and the scoring engine fed arbitrary
answer mappings.
"""

from __future__ import annotations

import inspect
import json
import math
import random
import re
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from askel.core import hetu, validation
from askel.core.content.scoring import ScoreResult, ScoringInputError, score
from askel.core.validation import TEXT_LIMITS, ValidationError

TODAY = date(2026, 3, 5)
FAST = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
SCORING = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# Anything a keyboard, a paste or a broken clipboard can produce, lone surrogates included.
any_text = st.text(alphabet=st.characters(codec=None), max_size=400)
name_like = st.text(alphabet=st.characters(categories=["L"]), min_size=4, max_size=40)


# -- dates -------------------------------------------------------------------------------------------------------
@given(st.integers(0, 40), st.integers(0, 14), st.integers(0, 9999), st.booleans())
def test_any_typed_date_is_the_calendar_date_or_impossible(day, month, year, iso):
    typed = f"{year:04d}-{month:02d}-{day:02d}" if iso else f"{day}.{month}.{year:04d}"
    try:
        expected = date(year, month, day)
    except ValueError:
        expected = None
    if expected is None:
        with pytest.raises(ValidationError) as caught:
            validation.parse_date(typed)
        assert caught.value.reason == "impossible_date"
    else:
        assert validation.parse_date(typed) == expected


@given(st.dates(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)))
def test_birth_date_is_never_in_the_future_nor_too_early(day, today):
    try:
        born = validation.birth_date(f"{day.day}.{day.month}.{day.year:04d}", today)
    except ValidationError as error:
        assert error.reason in {"future_date", "too_early", "impossible_date", "bad_date_format"}
        return
    assert validation.EARLIEST_BIRTH_DATE <= born <= today


@st.composite
def identity_codes(draw):
    sign = draw(st.sampled_from(sorted(hetu.CENTURY_BY_SIGN)))
    century = hetu.CENTURY_BY_SIGN[sign]
    born = draw(st.dates(min_value=date(max(century, 1890), 1, 1), max_value=min(date(century + 99, 12, 31), TODAY)))
    number = draw(st.integers(2, 999))
    digits = f"{born:%d%m}{born.year % 100:02d}"
    return digits + sign + f"{number:03d}" + hetu.check_character(f"{digits}{number:03d}"), born


@given(identity_codes())
def test_identity_code_and_typed_birth_date_agree(generated):
    """The client form checks the code against the typed birth date: both readings must give the same day."""
    code, born = generated
    assert hetu.parse(code, today=TODAY).birth_date == born
    assert validation.birth_date(f"{born.day}.{born.month}.{born.year}", TODAY) == born
    query = validation.search_query(code)
    assert (query.kind, query.hetu_complete, query.hetu_prefix) == ("hetu", True, code)
    assert code[:6] not in repr(query)


@given(identity_codes(), st.integers(1, 10))
def test_a_typed_identity_code_prefix_is_searched_as_a_code(generated, length):
    code = generated[0][:length]
    assume(not (length == 4 and 1800 <= int(code) <= 2099))  # four digits in that range are a birth year
    query = validation.search_query(code.lower())
    assert query.kind == "hetu" and query.hetu_prefix == code.upper()


# -- every validator ---------------------------------------------------------------------------------------------
EXTRA_ARGUMENTS = {"today": TODAY, "max_len": 50, "lo": 1, "hi": 120}
NEVER_RAISE = {"passphrase_strength", "search_query"}


def validators():
    """Every public function of askel.core.validation whose first parameter is the typed text."""
    found = []
    for name, function in inspect.getmembers(validation, inspect.isfunction):
        if name.startswith("_") or function.__module__ != validation.__name__:
            continue
        parameters = list(inspect.signature(function).parameters.values())
        if not parameters or parameters[0].name != "text":
            continue
        extra = {p.name: EXTRA_ARGUMENTS[p.name] for p in parameters[1:] if p.default is inspect.Parameter.empty}
        found.append(pytest.param(function, extra, id=name))
    return found


def test_the_known_validators_are_found():
    names = {param.id for param in validators()}
    assert {"person_name", "parse_date", "birth_date", "free_text", "minutes", "icd10", "passphrase_strength",
            "search_query"} <= names


@pytest.mark.parametrize(("validator", "extra"), validators())
@FAST
@given(text=any_text)
def test_every_validator_refuses_cleanly(validator, extra, text):
    try:
        validator(text, **extra)
    except ValidationError as error:
        assert validator.__name__ not in NEVER_RAISE
        assert error.reason and error.message.context == "validation"
        assert error.message.english()


@pytest.mark.parametrize(("validator", "extra"), validators())
@FAST
@given(text=name_like, digits=st.text(alphabet="0123456789", max_size=3))
def test_no_message_repeats_what_was_typed(validator, extra, text, digits):
    typed = f"{text}{digits}"
    try:
        result = validator(typed, **extra)
    except ValidationError as error:
        # What was typed may happen to be a word of the message itself ("numb" in "number"): that is no echo.
        assert typed.strip() not in error.message.english() or typed.strip() in error.message.text
        assert all(typed.strip() not in str(value) for _, value in error.message.args)
        return
    if validator.__name__ == "passphrase_strength":
        assert all(typed not in problem.message.english() for problem in result)


@FAST
@given(any_text, st.integers(0, 500))
def test_free_text_never_exceeds_its_limit(text, limit):
    try:
        assert len(validation.free_text(text, limit)) <= limit
    except ValidationError as error:
        assert error.reason == "too_long" and dict(error.message.args)["limit"] == limit


@FAST
@given(st.text(alphabet=st.characters(categories=["L", "Zs"]), min_size=95, max_size=110))
def test_names_are_cut_at_the_limit_by_refusal_not_truncation(text):
    try:
        name = validation.person_name(text)
    except ValidationError as error:
        assert error.reason in {"too_long", "empty", "bad_characters"}
        return
    assert len(name) <= TEXT_LIMITS["person_name"]


@FAST
@given(any_text)
def test_search_input_is_bounded_and_never_raises(text):
    query = validation.search_query(text * 50)  # a very long paste
    assert len(query.hetu_prefix) <= TEXT_LIMITS["search"]
    # Case folding may lengthen a word (ß → ss; at most three characters for one), never without bound.
    assert sum(len(word) for word in query.words) <= 3 * TEXT_LIMITS["search"]
    for word in query.words:
        word.encode("utf-8")  # no lone surrogate reaches a query


@FAST
@given(any_text)
def test_icd10_results_are_canonical(text):
    try:
        code = validation.icd10(text)
    except ValidationError:
        return
    assert re.fullmatch(r"[A-Z][0-9]{2}(\.[0-9]{1,2})?", code)


@FAST
@given(st.integers(-10**12, 10**12), st.integers(0, 1000), st.integers(0, 1000), st.sampled_from(["", " ", "+", "0"]))
def test_minutes_stay_in_range(value, lo, span, prefix):
    hi = lo + span
    try:
        minutes = validation.minutes(f"{prefix}{value}", lo, hi)
    except ValidationError as error:
        assert error.reason in {"out_of_range", "not_a_number"}
        return
    assert lo <= minutes <= hi


# -- scoring -----------------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def instruments():
    from askel.core.content.library import ContentLibrary
    from askel.core.paths import resources_dir

    return ContentLibrary.load(resources_dir()).instruments()


answer_values = st.one_of(
    st.none(), st.integers(-5, 110), st.integers(), st.booleans(), st.floats(allow_nan=True),
    st.text(max_size=5), st.lists(st.integers(), max_size=2),
)


@SCORING
@given(data=st.data())
def test_any_answers_score_or_refuse_cleanly(instruments, data):
    instrument = data.draw(st.sampled_from(instruments))
    keys = st.one_of(st.sampled_from(instrument.item_ids), st.text(max_size=8))
    answers = data.draw(st.dictionaries(keys, answer_values, max_size=len(instrument.item_ids) + 3))
    respondent = data.draw(st.one_of(st.sampled_from(instrument.respondents), st.text(max_size=8)))
    variant = data.draw(st.one_of(st.none(), st.text(max_size=8)))
    try:
        result = score(instrument, answers, respondent, threshold_variant=variant)
    except ScoringInputError as error:
        assert error.message.english()
        return
    assert isinstance(result, ScoreResult)


@st.composite
def partial_answers(draw, instruments):
    instrument = draw(st.sampled_from(instruments))
    respondent = draw(st.sampled_from(instrument.respondents))
    answers = {}
    for item_id in instrument.item_ids:
        options = [option.value for option in instrument.options_for(item_id)]
        answers[item_id] = draw(st.one_of(st.none(), st.sampled_from(options)))
    return instrument, respondent, answers


@SCORING
@given(data=st.data())
def test_scores_do_not_depend_on_answer_order(instruments, data):
    instrument, respondent, answers = data.draw(partial_answers(instruments))
    shuffled = list(answers.items())
    random.Random(data.draw(st.integers())).shuffle(shuffled)
    assert score(instrument, answers, respondent) == score(instrument, dict(shuffled), respondent)


@SCORING
@given(data=st.data())
def test_alerts_are_exactly_the_risk_answers(instruments, data):
    instrument, respondent, answers = data.draw(partial_answers(instruments))
    result = score(instrument, answers, respondent)
    fired = {(alert.item_id, alert.kind) for alert in result.alerts}
    expected = {(rule.item, rule.kind) for rule in instrument.scoring.alerts
                if answers.get(rule.item) is not None and answers[rule.item] >= rule.min_value}
    # A risk item left blank is an alert of its own kind (PHQ-9 item 9, CORE-10 item 6).
    expected |= {(rule.item, rule.unanswered.kind) for rule in instrument.scoring.alerts
                 if rule.unanswered is not None and answers.get(rule.item) is None}
    assert fired == expected  # a refused total never hides an alert


@SCORING
@given(data=st.data())
def test_missing_answers_follow_the_rule_exactly(instruments, data):
    simple = [i for i in instruments if i.scoring.total.from_subscales is None]
    instrument, respondent, answers = data.draw(partial_answers(simple))
    rule = instrument.scoring.total.missing
    allowed = rule.prorate_max_missing if rule else 0
    missing = sum(answers[item_id] is None for item_id in instrument.total_items())
    result = score(instrument, answers, respondent)
    assert (result.total is None) == (missing > allowed)
    assert result.prorated == (0 < missing <= allowed)


@SCORING
@given(data=st.data())
def test_results_can_be_stored_as_they_are(instruments, data):
    """What score_and_record stores (JSON columns) is exactly what was computed: finite numbers or nothing."""
    instrument, respondent, answers = data.draw(partial_answers(instruments))
    result = score(instrument, answers, respondent)
    for value in [result.total, *result.subscales.values()]:
        assert value is None or math.isfinite(value)
    stored = json.loads(json.dumps({"total": result.total, "subscales": result.subscales}))
    assert stored == {"total": result.total, "subscales": dict(result.subscales)}


def test_dates_of_the_whole_supported_range_round_trip():
    day = date(1000, 1, 1)
    while day < date(9990, 1, 1):
        assert validation.parse_date(f"{day.day}.{day.month}.{day.year}") == day
        day += timedelta(days=997)
