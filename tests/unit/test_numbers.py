"""Value parsing: a table of cases for ``claimspan.normalize.numbers`` (no spaCy)."""
from __future__ import annotations

import math

import pytest

from claimspan.normalize.numbers import Lexicon, parse_digits, parse_number, read_number
from claimspan.ruleset import RuleError

NUMBERS = [
    ("5,479", 5479),
    ("205,600", 205600),
    ("17.16", 17.16),
    ("1,674,200.5", 1674200.5),
    ("５，４７９", 5479),                 # full-width digits and comma
    ("5\u00a0479", 5479),               # no-break space as thousands separator
    ("40\u202f000", 40000),             # narrow no-break space
    ("1 234 567", 1234567),
    ("-3.2", -3.2),
    ("minus 4", -4),
    (".08", 0.08),
    ("1.4 billion", 1.4e9),
    ("3 million", 3e6),
    ("2.5bn", 2.5e9),
    ("10-million", 1e7),                # "a $10-million project": a scale joined by a hyphen
    ("1.5-billion", 1.5e9),
    ("two-billion", 2e9),
    ("10M", 1e7),
    ("10 bln", 1e10),
    ("242 thousand", 242000),
    ("2 million 500 thousand", 2.5e6),
    ("1 million 200", 1000200),
    ("six", 6),
    ("twenty-six", 26),
    ("twenty six", 26),
    ("one hundred and six", 106),
    ("fifty   two", 52),
    ("3 hundred and 21", 321),
    ("two thousand and two hundred", 2200),
    ("a dozen", 12),
    ("three dozen", 36),
    ("three hundred and two dozens", 324),
    ("twenty and three and three fifths", 23.6),
    ("half a dozen", 6),
    ("half a million", 5e5),
    ("a million", 1e6),
    ("several thousand", 3000),
    ("dozens", 24),
    ("hundreds", 200),
    ("thousands", 2000),
    ("tens of thousands", 20000),
    ("hundreds of thousands", 200000),
    ("two-thirds", 2 / 3),
    ("three twenty-firsts", 3 / 21),
    ("one hundred thirty fifths", 100 / 35),
    ("one hundred and thirty fifths", 26),
    ("three quarters", 0.75),
    ("a quarter million", 250000),
    ("one and a half", 1.5),
    ("five and a half million", 5.5e6),
    ("3 million and a quarter", 3.25e6),
    ("two hundred point zero three", 200.03),
    ("minus five point five", -5.5),
    ("four point three million", 4.3e6),
    ("two point five billion", 2.5e9),
    ("3/4", 0.75),
    ("2 1/4", 2.25),
    ("½", 0.5),
    ("4¼", 4.25),
    ("2 ½", 2.5),
    ("1e10", 1e10),
    ("12.32e+14", 1.232e15),
    ("1.3x10^6", 1.3e6),
    ("2.5^-1", 0.4),
]


@pytest.mark.parametrize("text,value", NUMBERS)
def test_parse_number(text, value):
    assert math.isclose(parse_number(text), value, rel_tol=1e-9)


@pytest.mark.parametrize("text", ["2.7bn 4", "14.2bn   6.5", "10k 500", "1.2 million 15", "3 million 2.5", "2 million 3000000",
                                  "several", "few", "a", "twenty twenty-six", "12,34,5", "hello", "", "two millionth", "scores"])
def test_not_one_number(text):
    assert parse_number(text) is None


@pytest.mark.parametrize("text,value", [("5,479", 5479), ("-3.2", -3.2), ("3/4", 0.75), ("1,23", 1.23), ("1.234,5", 1234.5), ("1,2,3", None),
                                        ("abc", None), ("2016-2020", None)])
def test_parse_digits(text, value):
    assert parse_digits(text) == value


@pytest.mark.parametrize("n", [309, 400, 5000])
def test_huge_numbers_are_read_as_inf_never_an_exception(n):
    """Past float's range a number is ``inf``, as float() reads it; int() would refuse 4,300+ digits."""
    digits = "9" * n
    for text in (digits, f"{digits}.5", f"1,{'000,' * (n // 3)}000", f"1e{digits}", f"10^{digits}",
                 f"1.3x10^{digits}", f"{digits}e10", f"{digits} million", f"{digits} and a half"):
        assert parse_number(text) == math.inf, text
    for text in (f"1e-{digits}", f"10^-{digits}", f"1/{digits}"):
        assert parse_number(text) == 0.0, text
    assert parse_number(f"{digits}/{digits}") is None   # not a proper fraction


@pytest.mark.parametrize("text,value", [("0^-1", math.inf), ("-10^400", -math.inf), ("10^-400", 0.0)])
def test_powers_out_of_range_are_inf_or_zero(text, value):
    assert parse_number(text) == value


def test_read_number_stops_at_the_noun():
    words = ["more", "than", "1,800", "proposals"]
    r = read_number(words, 2)
    assert (r.value, r.end) == (1800, 3)


def test_scores_is_a_number_only_before_of():
    assert read_number(["scores", "of", "people"], 0).value == 40
    assert read_number(["test", "scores", "rose"], 1) is None


def test_vague_reading_is_flagged():
    assert read_number(["dozens", "of", "indicators"], 0).vague
    assert not read_number(["a", "dozen", "times"], 0).vague


def test_lexicon_rejects_unknown_section_and_bad_values():
    with pytest.raises(RuleError, match="unknown key 'wrods'"):
        Lexicon.from_rules({"wrods": {"one": 1}})
    with pytest.raises(RuleError, match="not a number"):
        Lexicon.from_rules({"words": {"one": "uno"}})
