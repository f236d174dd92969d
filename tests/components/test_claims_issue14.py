"""Classes of issue #14 for ``claimspan_claims`` (with ``claimspan_dates`` before it, as in the
pipeline): shares and fractions, numbers inside names, ages, units and kinds, qualifiers,
partitives. Expected claims inline with <claim>, counted nouns with <noun>; every claim of
a text must be tagged, attributes left off are not checked."""
from __future__ import annotations

import pytest

from tests.inline import blank_pipeline, check_claims


@pytest.fixture(scope="module")
def nlp():
    return blank_pipeline("dates", "claims")


def check(nlp, marked):
    check_claims(nlp, marked, every_noun=True)   # every counted noun of a text is tagged


SHARES = [
    "<claim kind=ratio value=0.5 qualifier=nearly>Almost half</claim> of the <noun>budget</noun> went to defence.",
    "<claim kind=ratio value=0.5 qualifier=more_than>More than half</claim> of the <noun>respondents</noun> said yes.",
    "<claim kind=ratio value=0.5>Half</claim> the <noun>children</noun> were vaccinated.",
    "The company cut its workforce in <claim kind=ratio value=0.5>half</claim>.",
    "<claim kind=ratio value=0.3333333333333333>A third</claim> of the <noun>staff</noun> quit.",
    "<claim kind=ratio value=0.6666666666666666>Two thirds</claim> of the <noun>staff</noun> quit.",
    "<claim kind=ratio value=0.25 qualifier=approximately>Roughly a quarter</claim> of the <noun>land</noun> is forest.",
    "<claim kind=ratio value=0.75>Three quarters</claim> of <noun>voters</noun> agree.",
    "<claim kind=ratio value=0.2>One in five</claim> <noun>adults</noun> smokes.",
    "<claim kind=ratio value=0.3>Three in ten</claim> <noun>Americans</noun> agree.",
    "<claim kind=ratio value=0.9>9 out of 10</claim> <noun>dentists</noun> agree.",
    "<claim kind=ratio value=0.5>Half</claim> of them left.",
]

NOT_SHARES = [
    "Half an hour later his half-brother said he would do his half.",
    "Profits rose in the second half of the year.",
    "The mine has been closed for a quarter of a century.",
]



@pytest.mark.parametrize("text", NOT_SHARES)
def test_not_shares(nlp, text):
    doc = nlp(text)
    assert [s.text for s in doc.spans.get("claims", [])] == []


NAMES = [
    "The 9/11 attacks and the 3/11 tsunami killed <claim qualifier=at_least>thousands</claim>.",
    "In an emergency, call 999 or 911; dial 112 for help.",
    "He won the Formula One title; the Big Ten and the Group of Seven met.",
    "The Fortune 500 firms, a Catch-22, the world No. 1, one of the largest banks.",
    "On the one hand, prices rose.",
    "The defense plans to call <claim value=200>200</claim> <noun>witnesses</noun>.",
    "<claim value=5>Five</claim> were hurt. <claim value=500>About Five Hundred</claim> attended.",
    "The gear ratio is <claim value=0.025>1/40</claim>; he sold <claim kind=ratio value=0.75>3/4</claim> "
    "of the <noun>shares</noun>.",
]



PARTITIVES = [
    "<claim value=4>Four</claim> of its <noun>former members</noun> were arrested.",
    "<claim value=9>Nine</claim> died, <claim value=6>six</claim> of them <noun>children</noun>.",
    "In 2019 <claim value=40>40</claim> of the <noun>banks</noun> failed, and <claim value=30>30</claim> of the "
    "most populous <noun>states</noun>.",
    "<claim value=40>40</claim> of the largest <noun>banks</noun> failed.",
    "<claim value=2>two</claim> of Elian's <noun>Miami cousins</noun>",
    # "Ten" counts the victims too (the whole's number is passed: test_claims_field26.PARTITIVES)
    "<claim value=8>Eight</claim> of them are in custody.",
    "<claim value=2>Two</claim> of the <noun>forest rangers</noun> were hurt.",
]



AGES = [
    "Children <claim kind=measure unit=year value=5 qualifier=less_than>under five</claim> are at risk.",
    "People <claim kind=measure unit=year value=65 qualifier=more_than>over 65</claim> were vaccinated first.",
    "Voters aged <claim kind=measure unit=year value=18 qualifier=at_least>18</claim> to "
    "<claim kind=measure unit=year value=24 qualifier=at_most>24</claim> turned out.",
    "A <claim kind=measure unit=year value=9>9-year-old</claim> boy was hurt.",
    "Those <claim kind=measure unit=year qualifier=at_least>65 and older</claim> can apply.",
    # the noun after the number: a count, not an age
    "<claim kind=count value=65 qualifier=more_than>Over 65</claim> <noun>people</noun> died.",
    "The boat is <claim kind=measure unit=foot qualifier=at_least>150 feet</claim> to "
    "<claim kind=measure unit=foot qualifier=at_most>200</claim>.",
]



UNITS_AND_KINDS = [
    "The rate rose <claim kind=percent unit='percentage point' value=1.2>1.2 percentage points</claim> to "
    "<claim kind=percent unit=% value=5>5 percent</claim>.",
    "They paid <claim kind=money unit=USD value=5000000 qualifier=approximately>about 5 million U.S. dollars</claim>.",
    "The Fed cut rates by <claim kind=percent unit=% value=0.25>one-quarter percent</claim>.",
    "It earned <claim kind=ratio value=3>three times</claim> what it earned last year.",
    "Prices rose <claim kind=ratio value=2 qualifier=more_than>more than twice</claim> the rate.",
    # a frequency stays a count of times
    "He was arrested <claim kind=count value=3>three</claim> <noun>times</noun>.",
]



QUALIFIERS = [
    "He has <claim qualifier=more_than value=300>more then 300</claim> <noun>employees</noun>.",
    "Fines of <claim kind=money qualifier=at_most value=500>up to $500</claim>, "
    "<claim kind=money qualifier=at_most value=700>$700</claim> and "
    "<claim kind=money qualifier=at_most value=900>$900</claim> were set.",
    "<claim qualifier=more_than>More than 300</claim> <noun>people</noun>, <claim qualifier=exact>20</claim> "
    "<noun>cars</noun> and <claim qualifier=exact>5</claim> <noun>buses</noun>.",
    "<claim qualifier=at_least>At least 5</claim> <noun>people</noun> died and <claim qualifier=exact>7</claim> "
    "were hurt.",
]


# class 8: the numbers of instruments (the resolutions table's rows) are no claims
INSTRUMENTS = [
    "The Data Protection Act 2018 and Regulation (EU) 2016/679 apply.",
    "Directive 2001/29/EC and Regulation (EC) No 1907/2006 were amended.",
    "The House passed H.R. 5376 by <claim value=220>220</claim> <noun>votes</noun> to <claim value=207>207</claim>.",
    "H.R. 3684 became Public Law 117-58, and the Senate passed S. 1260.",
    "The Assembly adopted resolution WHA72.5, A/RES/70/1 and S/RES/2417 (2018).",
    "The U.S. <claim value=500>500</claim> <noun>largest firms</noun> hired <claim value=3000>3,000</claim> <noun>people</noun>.",
]


CLASSES = {"shares": SHARES, "names": NAMES, "partitives": PARTITIVES, "ages": AGES,
           "units and kinds": UNITS_AND_KINDS, "qualifiers": QUALIFIERS, "instruments": INSTRUMENTS}


@pytest.mark.parametrize("marked", [pytest.param(m, id=f"{name}-{n}") for name, cases in CLASSES.items()
                                    for n, m in enumerate(cases)])
def test_issue14_classes(nlp, marked):
    """Each class's texts, every claim tagged: what the claims component must find, and nothing else."""
    check(nlp, marked)
