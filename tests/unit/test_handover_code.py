"""The six-word handover code: one list of Finnish/Swedish pairs, typed back in either language."""

from __future__ import annotations

import hashlib
import json
import re

import pytest

from askel.core.handover_code import CODE_WORDS, WORDS, CodeError, HandoverCode, new_code, parse_code

# Every handover file ever written depends on the order of the list: changing an entry makes old codes open nothing.
FROZEN_SHA256 = "e47da86d179e65b58c76dbd2a698dce0c81ac687bc47be9c6a83a487ae6c3262"


def fold(word: str) -> str:
    return word.casefold().translate(str.maketrans("åäö", "aao"))


def test_the_list_is_frozen():
    assert hashlib.sha256(json.dumps(WORDS, ensure_ascii=False).encode()).hexdigest() == FROZEN_SHA256


def test_256_pairs_of_plain_lower_case_words():
    assert len(WORDS) == 256  # six words carry 48 bits
    for pair in WORDS:
        assert len(pair) == 2
        for word in pair:
            assert re.fullmatch(r"[a-zåäö]{3,12}", word), word


def test_every_word_means_one_position_in_either_language_even_typed_without_dots():
    positions: dict[str, int] = {}
    for index, pair in enumerate(WORDS):
        for word in pair:
            assert positions.setdefault(fold(word), index) == index, f"{word} is ambiguous"


def test_words_that_would_confuse_or_offend_are_not_in_the_list():
    # kuusi is also "six"; muna and mus are slang; kissa reads as "pee" in Swedish; mes is an insult in Swedish.
    words = {word for pair in WORDS for word in pair}
    assert not words & {"kuusi", "muna", "mus", "kissa", "mes", "lato", "lada"}


def test_a_code_reads_the_same_in_finnish_and_swedish():
    code = HandoverCode((0, 1, 2, 3, 4, 255))
    assert code.text("fi") == "karhu susi kettu jänis orava lyhty"
    assert code.text("sv") == "björn varg räv hare ekorre lykta"
    assert parse_code(code.text("fi")) == code
    assert parse_code(code.text("sv")) == code
    mixed = " ".join(f if i % 2 else s for i, (f, s) in enumerate(zip(code.words("fi"), code.words("sv"), strict=True)))
    assert parse_code(mixed) == code
    assert parse_code(code.text("fi")).secret() == parse_code(code.text("sv")).secret()


def test_typing_is_forgiving():
    code = HandoverCode((0, 64, 100, 7, 9, 11))
    typed = "  " + " - ".join(word.upper() for word in code.words("sv")) + ".\n"
    assert parse_code(typed) == code
    assert parse_code(fold(code.text("fi")).replace(" ", ", ")) == code


@pytest.mark.parametrize("typed, fragment", [
    ("karhu susi kettu", "3 words"),
    ("karhu susi kettu jänis orava hirvi peura", "7 words"),
    ("karhu susi kettu jänis orava lohikäärme", "lohikäärme"),
    ("", "0 words"),
])
def test_a_code_that_cannot_be_one_is_one_line(typed, fragment):
    with pytest.raises(CodeError) as caught:
        parse_code(typed)
    assert fragment in str(caught.value) and "\n" not in str(caught.value)


def test_new_codes_are_six_random_positions():
    codes = {new_code() for _ in range(50)}
    assert len(codes) == 50
    assert all(len(code.indices) == CODE_WORDS and all(0 <= i < len(WORDS) for i in code.indices) for code in codes)
