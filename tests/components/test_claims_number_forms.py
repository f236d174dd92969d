"""Number forms the claims reader missed on text nobody tuned it for (issue #14, peer suites):
decimal commas, amounts that look like years, "and 0", a number ending in "and one", a
qualified "half", quarters of a scale, scale letters after a currency sign, hyphenated
number words before a time unit, numbers that cannot be clock times, units of storage, amounts of
one coin ("a dollar"), powers of ten written "1.3×10^6" or "2.5×10−4". Expected claims
inline with <claim>, counted nouns with <noun>; every claim of a text must be tagged,
attributes left off are not checked. The sentences are our own."""
from __future__ import annotations

import pytest

from tests.inline import blank_pipeline, check_claims as check


@pytest.fixture(scope="module")
def nlp():
    return blank_pipeline("dates", "claims")


CLASSES = {
    # a comma before one or two digits, or after dot-grouped thousands, is a decimal comma
    "decimal_comma": [
        "Diesel costs <claim kind=money unit=EUR value=1.79>€1,79</claim> a litre in Lisbon.",
        "Inflation slowed to <claim kind=percent value=2.5>2,5 percent</claim> in the euro area.",
        "The ledger shows <claim value=48250.75>48.250,75</claim> as the closing balance.",
        "The grant was <claim kind=money unit=USD value=2400>$2,400</claim>, paid in <claim value=3>three</claim> "
        "<noun>instalments</noun>.",
    ],
    # a four-digit amount after a currency sign is money, not a year
    "amount_like_year": [
        "She repaid <claim kind=money unit=USD value=2000>$2000</claim> over five years.",
        "Tickets rose to <claim kind=money unit=GBP value=1995>£1995</claim> for the season.",
        "The plant opened in 1995 and closed in 2008.",
    ],
    # "and 0" does not continue a number; "hundred and one" followed by a verb is a number
    "and_zero_and_one": [
        "The counter read <claim value=4300>4 thousand 3 hundred</claim> and <claim value=0>0</claim> "
        "after the reset.",
        "<claim value=301>Three hundred and one</claim> is the count of seats.",
        "<claim value=2>Two</claim> <noun>bridges</noun> were built, and one is already closed.",
    ],
    # a qualifier makes a bare "half" a share; not before "an hour" or "past"
    "qualified_half": [
        "<claim kind=ratio value=0.5 qualifier=more_than>More than half</claim> voted against the merger.",
        "<claim kind=ratio value=0.5 qualifier=nearly>Nearly half</claim> said they would move abroad.",
        "The meeting lasted more than half an hour.",
        "Voters queued from about half past seven and left at a quarter to ten.",
    ],
    # a quarter of a scale is a number, not a duration of quarters
    "quarter_of_scale": [
        "The charity raised <claim kind=money unit=EUR value=250000>a quarter million euros</claim>.",
        "The port handles <claim kind=measure unit=t value=750000000>three quarters billion tonnes</claim> a year.",
        "Profits fell for three quarters in a row.",
    ],
    # finance scale letters after a currency sign: "T" trillion, "MM" million
    "money_scale_letters": [
        "The fund manages <claim kind=money unit=USD value=1.2e12>$1.2T</claim> in assets.",
        "The contract is worth <claim kind=money unit=USD value=25000000>US$ 25MM</claim> over time.",
        "The drill bit is <claim kind=measure unit=mm value=8>8mm</claim> wide.",
    ],
    # "twenty-one years" is a duration (the dates table's), and "twenty-one-year-old" an age
    "hyphenated_word_numbers": [
        "He spent twenty-one years abroad and returned with <claim value=42>forty-two</claim> <noun>paintings</noun>.",
        "A <claim kind=measure unit=year value=21>twenty-one-year-old</claim> student won.",
        "A <claim kind=measure unit=year value=1>one-year-old</claim> boy and a one-way ticket.",
    ],
    # a number before "pm"/"am" that no clock shows is no time of day
    "not_a_clock": [
        "The lattice spacing is <claim value=56.4>56.4</claim> pm in the model.",
        "Polls close at 8 pm and open at 07:30 am; the ferry left at 10.15 p.m.",
        "The summit opens at 0900 GMT.",
    ],
    # a bracket glued between digits and a word is split off (the tokenizer's infix)
    "glued_brackets": [
        "The form gives <claim value=12>12</claim>{kg} as the limit for <claim value=3>three</claim> "
        "<noun>bags</noun>.",
        "The town was founded in 1820[citation needed].",
    ],
    # a currency or percent in a hyphenated modifier, a currency sign after the amount
    "currency_and_percent_forms": [
        "She tipped with a <claim kind=money unit=USD value=10>10-dollar</claim> bill after a "
        "<claim kind=percent value=3>three-percent</claim> rise.",
        "Bread costs <claim kind=money unit=EUR value=1.2>1,20 €</claim>, or <claim kind=money unit=CNY "
        "value=9>9元</claim>.",
        "He paid with <claim value=5>five</claim> <claim kind=money unit=USD value=20>$20</claim> notes.",
    ],
    # scientific notation, spaced or with a superscript exponent: one number, not two
    "scientific_notation": [
        "The sample held <claim value=6.0e20>6.0 × 10^20</claim> <noun>atoms</noun>.",
        "Radio waves travel <claim kind=measure unit=m value=3e8>3 x 10^8 metres</claim> each second.",
        "The error rate was <claim value=0.00031>3.1×10⁻⁴</claim> in the trial.",
        "The dish held <claim value=1e6 qualifier=approximately>about 10⁶</claim> <noun>cells</noun>.",
    ],
    # area, volume, mass and frequency units written out or abbreviated
    "units": [
        "The loft has <claim kind=measure unit='square foot' value=1800>1,800 square feet</claim>.",
        "Exports reached <claim kind=measure unit='cubic foot' value=3.1e12>3.1 trillion cubic feet</claim>.",
        "Lead in the water was <claim kind=measure unit=µg value=15>15 micrograms</claim> per litre.",
        "The radio telescope listens at <claim kind=measure unit=MHz value=1420>1,420 MHz</claim>.",
        "The island is <claim kind=measure unit='square mile' value=87>87 sq mi</claim> in area.",
        "A <claim kind=measure unit=inch value=32>32in</claim> monitor won <claim kind=ratio value=0.4>4 in 10</claim> "
        "<noun>buyers</noun>.",
    ],
    # a mantissa written together with "×10" takes the exponent after "^", or after a minus when a
    # superscript was flattened in copying ("10⁻⁴" -> "10−4"); nothing else makes it a number
    "times_ten": [
        "The probe weighs <claim kind=measure unit=kg value=1.3e6>1.3×10^6 kg</claim> in all.",
        "The error rate was <claim value=2.5e-4>2.5×10−4</claim> on the test set.",
        "Each pixel measures <claim kind=measure unit=m value=7e-6>7×10-6 metres</claim> across.",
        "The board is a 3×10 grid.",
    ],
    # each multiple of a byte is its own unit, with the value as written; "a kibibyte" is 1 KiB
    "storage_units": [
        "The firmware image grew from <claim kind=measure unit=MB value=16>16 MB</claim> to "
        "<claim kind=measure unit=GB value=1.2>1.2 gigabytes</claim>.",
        "<claim kind=measure unit=KiB value=1>A kibibyte</claim> differs from <claim kind=measure unit=kB value=1>"
        "a kilobyte</claim> by <claim kind=measure unit=B value=24>24 bytes</claim>.",
        "The clinic offers a TB test to every visitor.",
    ],
    # "2 L" is litres (no "a L": "an L-shaped room"); electronvolts and their multiples are units
    "litre_symbol_and_energy": [
        "Mix <claim kind=measure unit=l value=5 qualifier=at_least>5</claim> to <claim kind=measure unit=l value=6 "
        "qualifier=at_most>6 L</claim> of water into an L-shaped trench.",
        "The beam reached <claim kind=measure unit=TeV value=13>13 TeV</claim>, and the photons "
        "<claim kind=measure unit=keV value=511 qualifier=nearly>nearly 511 keV</claim> each.",
        # a unit ending in a capital keeps no sentence period: "MeV." is "MeV" "."
        "Its rest energy is <claim kind=measure unit=MeV value=0.511>0.511 MeV</claim>. The cache holds "
        "<claim kind=measure unit=MiB value=256>256 MiB</claim>.",
    ],
    # a number with a dangling hyphen, a range connector and a hyphenated quantity: a range whose
    # ends share the unit ("8- to 16-meter"); not before a bare number
    "suspended_hyphen": [
        "They planted <claim kind=measure unit=acre value=3 qualifier=at_least>3-</claim> to "
        "<claim kind=measure unit=acre value=5 qualifier=at_most>5-acre</claim> plots.",
        "Buy a <claim kind=measure unit=inch value=2 qualifier=at_least>two-</claim> or "
        "<claim kind=measure unit=inch value=3 qualifier=at_most>three-inch</claim> brush.",
        "Test marks of 6- to <claim value=9>9</claim> were common.",
    ],
    # "a dollar", "a penny": an amount of 1, unless a noun or a hyphen follows (a kind of thing)
    "money_of_one": [
        "Bus fares went up by <claim kind=money unit=USD value=1>a dollar</claim> on Monday.",
        "He said he would not give them <claim kind=money unit=GBX value=1>a penny</claim>.",
        "Shares closed <claim kind=money unit=USX value=1 qualifier=nearly>nearly a cent</claim> lower.",
        "They run a dollar store and trade a penny stock through a dollar-based fund.",
        "The tariff adds <claim kind=money unit=USX value=2>two cents</claim> a dollar to imports.",
    ],
    # a whole number, a hyphen and a fraction written together are one mixed number in US style (a
    # Fed statement's target range), not a range from 4 to a quarter
    "hyphenated_mixed_number": [
        "The Committee kept the target range at <claim kind=percent unit=% value=4.25 qualifier=at_least>4-1/4</claim> "
        "to <claim kind=percent unit=% value=4.5 qualifier=at_most>4-1/2 percent</claim>.",
        "The hail stones were <claim kind=measure unit=inch value=2.5>2-1/2 inches</claim> wide.",
    ],
}


@pytest.mark.parametrize("marked", [pytest.param(m, id=f"{name}-{n}") for name, cases in CLASSES.items()
                                    for n, m in enumerate(cases)])
def test_number_forms(nlp, marked):
    check(nlp, marked)


@pytest.mark.parametrize("text,value", [("5,00", 5.0), ("1,3", 1.3), ("-0,25", -0.25), ("1.234.567,8", 1234567.8),
                                        ("1,234", 1234.0), ("12,34,567", 1234567.0), ("3,4,5", None),
                                        ("1,2345", None)])
def test_decimal_comma_digits(text, value):
    from claimspan.normalize.numbers import parse_digits

    assert parse_digits(text) == value
