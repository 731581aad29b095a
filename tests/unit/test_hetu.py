from datetime import date

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from askel.core import hetu
from askel.core.hetu import CENTURY_BY_SIGN, Hetu, HetuError, check_character, is_valid, mask, parse

TODAY = date(2026, 3, 5)


def make_code(birth_date: date, sign: str, number: int) -> str:
    digits = f"{birth_date:%d%m}{birth_date.year % 100:02d}{number:03d}"
    return f"{digits[:6]}{sign}{digits[6:]}{check_character(digits)}"


def rejection(text: str) -> HetuError:
    with pytest.raises(HetuError) as caught:
        parse(text, today=TODAY)
    return caught.value


@st.composite
def valid_codes(draw) -> tuple[str, date, str, int]:
    birth_date = draw(st.dates(min_value=date(1800, 1, 1), max_value=TODAY))
    signs = [sign for sign, century in CENTURY_BY_SIGN.items() if century == birth_date.year // 100 * 100]
    sign = draw(st.sampled_from(signs))
    number = draw(st.integers(min_value=2, max_value=999))
    return make_code(birth_date, sign, number), birth_date, sign, number


@pytest.mark.parametrize(
    ("code", "birth_date", "sign", "number"),
    [
        ("131052-308T", date(1952, 10, 13), "-", 308),
        ("131052X308T", date(1952, 10, 13), "X", 308),
        ("010101A123N", date(2001, 1, 1), "A", 123),
    ],
)
def test_valid_examples(code, birth_date, sign, number):
    parsed = parse(code, today=TODAY)
    assert parsed == Hetu(code, birth_date, sign, number, temporary=False)


def test_century_sign_distinguishes_people():
    assert parse("131052-308T").code != parse("131052X308T").code


def test_temporary_number_is_accepted_and_flagged():
    parsed = parse("020516C903K", today=TODAY)
    assert parsed.temporary
    assert parsed.individual_number == 903
    assert parsed.birth_date == date(2016, 5, 2)


def test_lowercase_and_surrounding_whitespace_are_accepted():
    assert parse("  131052x308t\n").code == "131052X308T"


@pytest.mark.parametrize(("sign", "century"), sorted(CENTURY_BY_SIGN.items()))
def test_every_century_sign(sign, century):
    code = make_code(date(century + 1, 2, 3), sign, 456)
    parsed = parse(code, today=TODAY)
    assert parsed.birth_date == date(century + 1, 2, 3)
    assert parsed.century_sign == sign
    assert parsed.code[6] == sign


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("131052-308", "wrong_length"),
        ("131052-308TT", "wrong_length"),
        ("13105A-308T", "bad_characters"),
        ("131052-3O8T", "bad_characters"),
        ("131052-308!", "bad_characters"),
        ("131052 308T", "bad_century_sign"),
        ("131052G308T", "bad_century_sign"),
        ("1310521308T", "bad_century_sign"),
        ("321052-308T", "impossible_date"),
        ("131352-308T", "impossible_date"),
        ("000152-308T", "impossible_date"),
        ("010130A123N", "future_date"),
        ("131052-000T", "bad_individual_number"),
        ("131052-001T", "bad_individual_number"),
        ("131052-308U", "wrong_check_character"),
        ("131052-308G", "wrong_check_character"),
    ],
)
def test_rejection_reasons(text, reason):
    assert rejection(text).reason == reason


def test_wrong_check_character_never_suggests_the_right_one():
    """Issue 17: a typo plus the suggested character would become another person's valid code."""
    error = rejection("131052-308U")  # the right character is T
    assert "131052" not in str(error) and " T" not in str(error) and "T." not in str(error)
    assert error.message.context == "hetu"
    assert dict(error.message.args) == {}
    for language in ("fi", "sv"):  # nor does any translation
        translated = translation("hetu", error.message.text, language)
        assert translated and not any(word.strip(".,:") == "T" for word in translated.split())


def translation(context: str, source: str, language: str) -> str:
    import xml.etree.ElementTree as ET
    from pathlib import Path

    catalogue = Path(__file__).resolve().parents[2] / "i18n" / f"askel_{language}.ts"
    for element in ET.parse(catalogue).getroot().iter("context"):
        if element.findtext("name") == context:
            for message in element.iter("message"):
                if message.findtext("source") == source:
                    return message.findtext("translation") or ""
    return ""


def test_future_date_uses_the_given_today():
    code = make_code(date(2026, 3, 6), "A", 123)
    assert rejection(code).reason == "future_date"
    assert parse(code, today=date(2026, 3, 6)).birth_date == date(2026, 3, 6)


@pytest.mark.parametrize(
    ("day_month_year", "sign", "valid"),
    [
        ("290200", "A", True),  # 2000 is a leap year (divisible by 400)
        ("290200", "-", False),  # 1900 is not (divisible by 100)
        ("290200", "+", False),  # nor is 1800
        ("290296", "-", True),
        ("290297", "-", False),
        ("290100", "-", True),  # 29 January: always a real date
    ],
)
def test_leap_years(day_month_year, sign, valid):
    code = f"{day_month_year}{sign}123{check_character(day_month_year + '123')}"
    assert is_valid(code, today=TODAY) is valid
    if not valid:
        assert rejection(code).reason == "impossible_date"


def test_mask_keeps_birth_date_and_century_sign():
    assert mask("131052-308T") == "131052-****"
    assert mask("131052x308t") == "131052X****"
    assert mask("not a code") == "***********"
    assert mask("") == "***********"


def test_repr_does_not_reveal_the_code():
    assert "308T" not in repr(parse("131052-308T"))


def test_is_valid():
    assert is_valid("131052-308T")
    assert not is_valid("131052-308U")
    assert not is_valid("")


@given(valid_codes())
def test_generated_codes_round_trip(generated):
    code, birth_date, sign, number = generated
    parsed = parse(code, today=TODAY)
    assert parsed.code == code
    assert parsed.birth_date == birth_date
    assert parsed.century_sign == sign
    assert parsed.individual_number == number
    assert parsed.temporary == (number >= 900)
    assert parse(code.lower(), today=TODAY) == parsed
    assert mask(code) == code[:7] + "****"


@given(valid_codes(), st.integers(min_value=0, max_value=10), st.characters(codec="utf-8"))
def test_changing_one_character_is_rejected_or_another_identity(generated, position, replacement):
    code = generated[0]
    assume(replacement.upper() != code[position])
    mutated = code[:position] + replacement + code[position + 1 :]
    try:
        parsed = parse(mutated, today=TODAY)
    except HetuError as error:
        assert code not in str(error)
        assert code[:6] not in str(error)
        return
    assert parsed.code != code
    # Only another century sign can survive a one-character change: the check sum covers every digit.
    assert position == 6


@given(st.text(min_size=11))
def test_no_error_text_contains_the_input(text):
    assume(len(text.strip()) >= 11)
    try:
        parse(text, today=TODAY)
    except HetuError as error:
        assert text.strip() not in str(error)
        assert text.strip().upper() not in str(error)
        assert error.reason in {
            "empty", "wrong_length", "bad_characters", "bad_century_sign", "impossible_date", "future_date",
            "bad_individual_number", "wrong_check_character",
        }  # fmt: skip


def test_module_does_not_derive_sex():
    assert not any("sex" in name or "gender" in name for name in dir(hetu))
    assert not any("sex" in field or "gender" in field for field in Hetu.__dataclass_fields__)
