import unicodedata
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from askel.core.validation import (
    TEXT_LIMITS,
    ValidationError,
    birth_date,
    free_text,
    icd10,
    minutes,
    parse_date,
    passphrase_strength,
    person_name,
    search_query,
)

TODAY = date(2026, 3, 5)


def reason(function, *args) -> str:
    with pytest.raises(ValidationError) as caught:
        function(*args)
    assert caught.value.message.context == "validation"
    return caught.value.reason


# --- names -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "clean"),
    [
        ("  Anna-Liisa ", "Anna-Liisa"),
        ("Åsa   Öberg", "Åsa Öberg"),
        ("O'Brien", "O'Brien"),
        ("D\u2019Angelo", "D\u2019Angelo"),
        ("Jyväskylä", "Jyväskylä"),
        ("Sámi Máret", "Sámi Máret"),
        ("Ахмед", "Ахмед"),
        ("محمد", "محمد"),
        ("A\u0308ijä", "Äijä"),  # decomposed umlaut is composed (NFC), so search finds it
    ],
)
def test_person_name_accepts_letters_of_any_script(typed, clean):
    assert person_name(typed) == clean


@pytest.mark.parametrize(
    ("typed", "expected_reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("Anna2", "contains_digits"),
        ("Anna\x00", "bad_characters"),
        ("An\nna", "bad_characters"),
        ("Anna!", "bad_characters"),
        ("-", "bad_characters"),
        ("'", "bad_characters"),
        ("a" * 101, "too_long"),
    ],
)
def test_person_name_rejections(typed, expected_reason):
    assert reason(person_name, typed) == expected_reason


def test_person_name_limit_is_100():
    assert person_name("a" * 100) == "a" * 100
    with pytest.raises(ValidationError) as caught:
        person_name("a" * 101)
    assert "100" in str(caught.value)


# --- dates -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["5.3.2026", "05.03.2026", "2026-03-05", " 5.3.2026 "])
def test_parse_date_formats(typed):
    assert parse_date(typed) == date(2026, 3, 5)


@pytest.mark.parametrize(
    ("typed", "expected_reason"),
    [
        ("", "empty"),
        ("5/3/2026", "bad_date_format"),
        ("5.3.26", "bad_date_format"),
        ("2026-3-5", "bad_date_format"),
        ("tomorrow", "bad_date_format"),
        ("٥.٣.٢٠٢٦", "bad_date_format"),  # Arabic-Indic digits are not read as a date
        ("31.2.2026", "impossible_date"),
        ("29.2.2025", "impossible_date"),
        ("0.1.2026", "impossible_date"),
        ("1.13.2026", "impossible_date"),
        ("2026-02-30", "impossible_date"),
        ("1.1.0000", "impossible_date"),
    ],
)
def test_parse_date_rejections(typed, expected_reason):
    assert reason(parse_date, typed) == expected_reason


def test_parse_date_leap_day():
    assert parse_date("29.2.2024") == date(2024, 2, 29)


def test_birth_date_bounds():
    assert birth_date("5.3.2026", TODAY) == TODAY
    assert birth_date("1.1.1890", TODAY) == date(1890, 1, 1)
    assert reason(birth_date, "6.3.2026", TODAY) == "future_date"
    assert reason(birth_date, "31.12.1889", TODAY) == "too_early"
    assert reason(birth_date, "31.2.2000", TODAY) == "impossible_date"


# --- free text, minutes, ICD-10 ----------------------------------------------------------------------------


def test_free_text_keeps_newlines_and_tabs_and_drops_other_control_characters():
    assert free_text("  line 1\r\nline\t2\rline 3\x00\x07\x1b[31m \n", 100) == "line 1\nline\t2\nline 3[31m"


def test_free_text_limit_is_in_the_message():
    assert free_text("x" * 2000, TEXT_LIMITS["free_text"]) == "x" * 2000
    with pytest.raises(ValidationError) as caught:
        free_text("x" * 2001, TEXT_LIMITS["free_text"])
    assert caught.value.reason == "too_long"
    assert "2000" in str(caught.value)
    assert dict(caught.value.message.args) == {"limit": 2000, "length": 2001}


def test_text_limits():
    assert TEXT_LIMITS["person_name"] == 100
    assert TEXT_LIMITS["note"] == 20_000
    assert TEXT_LIMITS["free_text"] == 2_000
    assert TEXT_LIMITS["school"] == 200


@pytest.mark.parametrize(("typed", "value"), [("45", 45), (" 5 ", 5), ("+30", 30), ("0060", 60)])
def test_minutes_accepts(typed, value):
    assert minutes(typed, 5, 120) == value


@pytest.mark.parametrize(
    ("typed", "expected_reason"),
    [("", "empty"), ("4.5", "not_a_number"), ("ten", "not_a_number"), ("٤٥", "not_a_number"),
     ("4", "out_of_range"), ("121", "out_of_range"), ("-5", "out_of_range"), ("9" * 5000, "out_of_range")],
)  # fmt: skip
def test_minutes_rejections(typed, expected_reason):
    assert reason(minutes, typed, 5, 120) == expected_reason


def test_minutes_message_gives_the_range():
    with pytest.raises(ValidationError) as caught:
        minutes("500", 5, 120)
    assert "5" in str(caught.value) and "120" in str(caught.value)


@pytest.mark.parametrize(
    ("typed", "code"),
    [("F32.1", "F32.1"), ("f41", "F41"), ("F10.2", "F10.2"), (" f43.22 ", "F43.22"), ("F321", "F32.1"),
     ("F32,1", "F32.1")],
)  # fmt: skip
def test_icd10_accepts_and_upper_cases(typed, code):
    assert icd10(typed) == code


@pytest.mark.parametrize(
    ("typed", "expected_reason"),
    [("", "empty"), ("F3", "bad_icd10_format"), ("32.1", "bad_icd10_format"), ("F32.", "bad_icd10_format"),
     ("F32.123", "bad_icd10_format"), ("FF32", "bad_icd10_format"), ("F32 1", "bad_icd10_format"),
     ("Ä32.1", "bad_icd10_format")],
)  # fmt: skip
def test_icd10_rejections(typed, expected_reason):
    assert reason(icd10, typed) == expected_reason


# --- passphrase --------------------------------------------------------------------------------------------


def codes(problems) -> list[str]:
    return [problem.code for problem in problems]


def test_passphrase_strength():
    assert codes(passphrase_strength("")) == ["too_short"]
    assert codes(passphrase_strength("Ab1!")) == ["too_short", "too_guessable"]
    assert codes(passphrase_strength("abcdefghijkl")) == ["too_guessable"]
    assert codes(passphrase_strength("hevonen patteri niitty")) == []
    assert codes(passphrase_strength("Kesäpäivä2026")) == []


@pytest.mark.parametrize("weak", [
    "1234567890",  # the review's example: found in 3 guesses
    "qwertyuiop", "salasana123", "Salasana2026!", "lösenord2026", "Helsinki2026!", "kesäkuu2026", "Jokerit1234",
])
def test_guessable_passphrases_are_refused(weak):
    assert codes(passphrase_strength(weak, user_inputs=("Testi Hoitaja",))) == ["too_guessable"]


def test_the_minimum_is_it_policy():
    middling = "Talvikissa77"
    assert codes(passphrase_strength(middling, 2)) == []
    assert codes(passphrase_strength(middling, 4)) == ["too_guessable"]


def test_passphrase_problems_say_whether_they_block():
    blocking = {problem.code: problem.blocking for problem in passphrase_strength("abc")}
    assert blocking == {"too_short": True, "too_guessable": True}


def test_passphrase_never_appears_in_a_problem():
    secret = "salasana"
    for problem in passphrase_strength(secret):
        assert secret not in problem.message.english()


# --- search ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "prefix", "complete"),
    [("131052-308T", "131052-308T", True), ("131052x308t", "131052X308T", True),
     ("131052-", "131052-", False), ("131052A30", "131052A30", False), ("1310", "1310", False),
     ("131052", "131052", False), ("13", "13", False), ("131052-308U", "131052-308U", False)],
)  # fmt: skip
def test_search_query_hetu(typed, prefix, complete):
    query = search_query(typed)
    assert (query.kind, query.hetu_prefix, query.hetu_complete) == ("hetu", prefix, complete)


@pytest.mark.parametrize(
    ("typed", "day", "month", "year"),
    [("5.3.1990", 5, 3, 1990), ("05.03.1990", 5, 3, 1990), ("5.3.", 5, 3, None), ("5.3", 5, 3, None),
     ("29.2.", 29, 2, None), ("1990", None, None, 1990)],
)  # fmt: skip
def test_search_query_birth_date(typed, day, month, year):
    query = search_query(typed)
    assert (query.kind, query.day, query.month, query.year) == ("birth_date", day, month, year)


def test_search_query_names():
    assert search_query("  Virtanen,  ANNA ").words == ("virtanen", "anna")
    assert search_query("Åberg").kind == "name"
    assert search_query("35.3.").kind == "name"  # not a possible date: searched as text, finds nothing


def test_search_query_empty_and_repr():
    assert search_query(" \x00 ").kind == "empty"
    assert search_query(",").kind == "empty"
    assert "131052" not in repr(search_query("131052-308T"))


# --- properties --------------------------------------------------------------------------------------------

arbitrary_text = st.text(max_size=300)
VALIDATORS = [
    person_name,
    parse_date,
    lambda text: birth_date(text, TODAY),
    lambda text: free_text(text, 50),
    lambda text: minutes(text, 1, 120),
    icd10,
]


@given(arbitrary_text, st.sampled_from(VALIDATORS))
def test_validators_raise_only_validation_error(text, validator):
    try:
        validator(text)
    except ValidationError as error:
        assert error.reason
        assert error.message.english()


@given(arbitrary_text)
def test_passphrase_and_search_never_raise(text):
    assert all(problem.code in {"too_short", "too_guessable"} for problem in passphrase_strength(text))
    assert search_query(text).kind in {"empty", "hetu", "birth_date", "name"}


@given(arbitrary_text, st.sampled_from([person_name, lambda text: free_text(text, 200), icd10]))
def test_accepted_values_are_stable(text, validator):
    try:
        clean = validator(text)
    except ValidationError:
        return
    assert validator(clean) == clean


@given(st.text(alphabet=st.characters(categories=["L"]), min_size=1, max_size=30))
def test_letters_are_names(text):
    assert person_name(text) == " ".join(unicodedata.normalize("NFC", text).split())


@given(st.dates(min_value=date(1890, 1, 1), max_value=TODAY))
def test_dates_round_trip_in_every_format(day):
    for typed in (f"{day.day}.{day.month}.{day.year}", f"{day:%d.%m.%Y}", day.isoformat()):
        assert parse_date(typed) == day
        assert birth_date(typed, TODAY) == day


@given(st.integers(min_value=-10, max_value=300))
def test_minutes_round_trip(value):
    if 1 <= value <= 120:
        assert minutes(str(value), 1, 120) == value
    else:
        assert reason(minutes, str(value), 1, 120) == "out_of_range"


@given(arbitrary_text)
def test_free_text_output_is_storable(text):
    clean = free_text(text, 1000)
    clean.encode("utf-8")  # no lone surrogates
    assert all(character in "\n\t" or ord(character) >= 32 for character in clean if ord(character) < 128)
