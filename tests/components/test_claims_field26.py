"""Faults found in field documents (an election wire story, an earnings release, a state bill
report, a speech) for ``claimspan_claims`` (with ``claimspan_dates`` before it, as in the
pipeline). Expected claims inline with <claim>, counted nouns with <noun>; every claim of a
text must be tagged, attributes left off are not checked."""
from __future__ import annotations

import pytest

from tests.inline import blank_pipeline, check_claims


@pytest.fixture(scope="module")
def nlp():
    return blank_pipeline("dates", "claims")


# session laws and a bill report's roll calls are identifiers and tallies, not counts
IDENTIFIERS = [
    "Under RCW 84.52.0531 (2019 c 411 s 3), <claim value=102>102</claim> <noun>districts</noun> may levy.",
    "See 2020 c 57 ss 12-14, 2021 c 176 § 2 and 2021 1st sp.s. c 7 s 12.",
    "SHB 1234\nC 176 L 21\nSynopsis as Enacted",
    "Votes on Final Passage:\nHouse 58 39\nSenate 29 20 (Senate amended)\nHouse 61 37 (House concurred)",
    "By 2019 c. <claim value=300>300</claim> <noun>families</noun> had left.",
    "WAC 392-121-122 sets the rate for <claim value=12>12</claim> <noun>districts</noun>.",
    "Initiative 976 would cap car tabs at <claim kind=money value=30>$30</claim>; Proposition 13 passed.",
]


@pytest.mark.parametrize("marked", IDENTIFIERS)
def test_identifiers(nlp, marked):
    check_claims(nlp, marked, every_noun=True)


def counted(nlp, text: str) -> list[tuple[str, str | None]]:
    doc = nlp(text)   # kept: the spans need their Doc alive
    return [(s.text, s._.claim["counted"]) for s in doc.spans["claims"]]


# the part of a partitive counts what its whole counts, past the whole's number
PARTITIVES = [
    ("Officials said 61 of the state's 295 school districts had closed.",
     [("61", "school districts"), ("295", "school districts")]),
    ("Ten of the 12 victims were women; eight of them are in custody.",
     [("Ten", "victims"), ("12", "victims"), ("eight", None)]),
    ("Ten of 12 victims were women.", [("Ten", "victims"), ("12", "victims")]),
    ("It cut 350 of its more than 21,000 jobs.", [("350", "jobs"), ("more than 21,000", "jobs")]),
    ("Acme bought 3.2 million of its 410 million outstanding shares.",
     [("3.2 million", "outstanding shares"), ("410 million", "outstanding shares")]),
    ("Nine of the 10 fastest-growing counties are rural, and 3 of the 5 largest counties reported.",
     [("Nine", "fastest-growing counties"), ("10", "fastest-growing counties"), ("3", "counties"),
      ("5", "largest counties")]),
    ("Three out of the state's 39 counties voted no.", [("Three", "counties"), ("39", "counties")]),
    ("Five stepped out of the car.", [("Five", None)]),
    # the whole's number opens a compound: the compound's, not a count of the whole
    ("It will develop five of the three-ton satellites.", [("five", None), ("three-ton", None)]),
    # no noun after the whole: none for either
    ("Of the 300, 12 of the 40 were hurt.", [("300", None), ("12", None), ("40", None)]),
]


@pytest.mark.parametrize("text,rows", PARTITIVES)
def test_partitive_past_the_whole(nlp, text, rows):
    assert counted(nlp, text) == rows


# the low end of a range (or the start of a change) written without a scale word takes the high end's
SCALES = [
    "They will hire <claim value=5e6 qualifier=at_least>5</claim>-<claim value=1e7 qualifier=at_most>10 million</claim> "
    "<noun>workers</noun>.",
    "They will hire <claim value=5e6 qualifier=at_least>5</claim> to "
    "<claim value=1e7 qualifier=at_most>10 million</claim> <noun>workers</noun>.",
    "It will cost <claim kind=money unit=USD value=5e9>$5</claim>-<claim kind=money unit=USD value=1e10>10 billion</claim>.",
    "Revenue of <claim kind=money value=4.3e9>$4.3</claim>-<claim kind=money value=4.5e9>4.5 billion</claim> and "
    "<claim kind=money value=1.5e9>$1.5</claim> to <claim kind=money value=2e9>2 billion</claim>.",
    "Prices may rise <claim kind=percent value=5>5</claim>-<claim kind=percent value=10>10%</claim>.",
    "We expect between <claim value=2e6>2</claim> and <claim value=3e6>3 million</claim> <noun>ballots</noun>.",
    "Officials expect <claim value=1e4>10</claim> to <claim value=1.5e4>15 thousand</claim> <noun>ballots</noun>.",
    "Sales grew from <claim value=5e6 qualifier=exact>5</claim> to <claim value=1e7 qualifier=exact>10 million</claim> "
    "<noun>units</noun>.",
    "Costs rose from <claim kind=money value=5e6 qualifier=exact>$5</claim> to "
    "<claim kind=money value=1e7 qualifier=exact>$10 million</claim>.",
    "It will cost <claim kind=money value=1.2e9 qualifier=at_least>$1.2bn</claim>-"
    "<claim kind=money value=1.5e9 qualifier=at_most>$1.5bn</claim>, or "
    "<claim kind=money value=5e9 qualifier=at_least>$5</claim>-<claim kind=money value=1e10>10bn</claim>.",
    # the low number above the high end's own: no scale to share
    "It serves <claim value=500>500</claim> to <claim value=1e6>1 million</claim> <noun>people</noun>.",
]


@pytest.mark.parametrize("marked", SCALES)
def test_range_low_end_takes_the_scale(nlp, marked):
    check_claims(nlp, marked)


# the bare numbers of a list take the unit (and scale word) of its last item
LISTS = [
    "Turnout could reach <claim kind=percent unit=% value=50>50</claim>, <claim kind=percent value=60>60</claim>, "
    "<claim kind=percent value=70>70 percent</claim>.",
    "Turnout was <claim kind=percent value=45>45</claim>, <claim kind=percent value=48>48</claim> and "
    "<claim kind=percent value=52>52 percent</claim>.",
    "Rates of <claim kind=percent value=5>5</claim> and <claim kind=percent value=10>10 percent</claim> apply.",
    "Wages rose <claim kind=percent value=5>5</claim>, <claim kind=percent value=6>6</claim>, even "
    "<claim kind=percent value=7>7 percent</claim>.",
    "Fines of <claim kind=money unit=USD value=500 qualifier=at_most>up to 500</claim>, "
    "<claim kind=money unit=USD value=700 qualifier=at_most>700</claim> and "
    "<claim kind=money unit=USD value=900 qualifier=at_most>900 dollars</claim> were set.",
    "They hired <claim value=2e6>2</claim>, <claim value=3e6>3</claim> and <claim value=4e6>4 million</claim> "
    "<noun>people</noun>.",
    # two items with a comma only are no list; a noun after an item ends the list
    "Of the <claim kind=count value=300>300</claim>, <claim kind=percent value=40>40 percent</claim> said yes.",
    "<claim kind=count>20</claim> <noun>cars</noun> and <claim kind=percent>5 percent</claim> of buses.",
    "Prices of <claim kind=money>$5</claim>, <claim kind=money>$6</claim> and <claim kind=money>$7</claim>.",
    "The index tumbled <claim kind=count>5.39</claim>, or <claim kind=percent>1.2%</claim>.",
    "It was <claim kind=percent>5.7%</claim> for the SampP <claim kind=count>500</claim> and "
    "<claim kind=percent>5.8%</claim> for the Big Board.",
]


@pytest.mark.parametrize("marked", LISTS)
def test_list_items_share_the_unit(nlp, marked):
    check_claims(nlp, marked)


# N to M written with hyphens is one ratio N/M; a tally written so is no claim
RATIOS = [
    "Supporters outnumber opponents by a <claim kind=ratio value=3 rule=claims.ratio.to>3-to-1</claim> ratio.",
    "Women outnumber men <claim kind=ratio value=3>three-to-one</claim> in Ohio.",
    "The book-to-bill ratio was <claim kind=ratio value=1.2>1.2-to-1</claim>.",
    "Nurses face a <claim kind=ratio value=3>3-1</claim> ratio and <claim kind=ratio value=3>3 to 1</claim> odds.",
    "They keep a <claim kind=ratio value=0.25>1-to-4</claim> ratio.",
    "The measure passed by a 2-to-1 margin; the court ruled 5-to-4 in a 5-to-4 decision.",
    "The committee approved it on a 3-1 margin and a two-to-one majority.",
    "Seats were split by a <claim kind=ratio value=1.5>3-to-2</claim> ratio.",
    # a ratio noun names a bare number
    "The debt-to-equity ratio was <claim kind=ratio value=0.4>0.4</claim>, and the P/E ratio stood at "
    "<claim kind=ratio value=22>22</claim>; a ratio of <claim kind=ratio value=3 qualifier=approximately>about 3 to 1"
    "</claim>.",
    # N to M other than N to 1 and no ratio noun: a range's end, a clock's, as before
    "They will hire <claim kind=count value=5>5</claim>-to-10 workers.",
    "She left her <claim kind=count value=9>9</claim>-to-5 job; they outnumber us <claim kind=count>3</claim>-to-2.",
    "The ratio of <claim kind=count>3</claim> <noun>teachers</noun> to <claim kind=count>40</claim> "
    "<noun>students</noun> fell.",
]


@pytest.mark.parametrize("marked", RATIOS)
def test_n_to_m_ratio(nlp, marked):
    check_claims(nlp, marked)


# "one" after a hyphen: the end of a compound number or ratio, or an idiom's
ONES = [
    "The team has <claim value=21>twenty-one</claim>.",
    "Women outnumber men <claim kind=ratio value=3>three-to-one</claim>, they said.",
    "We met one-on-one. No-one came to the one-to-one tutoring, but <claim value=5>5</claim> <noun>people</noun> "
    "called.",
    "He is the only one.",
]


@pytest.mark.parametrize("marked", ONES)
def test_one_after_a_hyphen(nlp, marked):
    check_claims(nlp, marked)


def test_index_name_with_an_ampersand(nlp):
    check_claims(nlp, "It was <claim kind=percent>5.7%</claim> for the S&P 500 and <claim kind=percent>5.8%</claim> "
                      "for the Big Board.")


@pytest.mark.parametrize("text, tokens", [
    ("$1.2bn-$1.5bn", ["$", "1.2", "bn", "-", "$", "1.5", "bn"]),
    ("10k-15k", ["10", "k", "-", "15", "k"]),
    ("COVID-19", ["COVID-19"]),
    ("a 5k-run", ["a", "5", "k", "-", "run"]),
    ("$5-$10", ["$", "5", "-", "$", "10"]),                   # a sign on the high end only
    ("gain £5-10m.", ["gain", "£", "5", "-", "10", "m", "."]),   # a sentence's period after a scale
    ("a bid of $10M.", ["a", "bid", "of", "$", "10", "M", "."]),
    ("reached 50 mg/l.", ["reached", "50", "mg", "/", "l", "."]),   # and after a unit's symbol
    ("4¼% or ¾%", ["4", "¼", "%", "or", "¾", "%"]),           # vulgar fractions
    ("at 5 p.m.", ["at", "5", "p.m."]),
    ("18:1 at 10:30", ["18", ":", "1", "at", "10:30"]),         # a ratio; a time stays whole
])
def test_tokenizer_splits_a_range_of_suffixed_amounts(text, tokens):
    import spacy

    from claimspan.tokenizer import customize_tokenizer
    nlp = customize_tokenizer(spacy.blank("en"))
    assert [t.text for t in nlp(text)] == tokens


LIST_NOUNS = [
    ("They hired 5, 10 and 20 workers.", [("5", "workers"), ("10", "workers"), ("20", "workers")]),
    ("They hired 2, 3 and 4 million people.", [("2", "people"), ("3", "people"), ("4 million", "people")]),
    ("Of the 300, 40 people left.", [("300", None), ("40", "people")]),
    ("More than 300 people, 20 cars and 5 buses.", [("More than 300", "people"), ("20", "cars"), ("5", "buses")]),
    # "scores of" before digits is no vague forty
    ("Students posted scores of 90 and 95 points.", [("90", "points"), ("95", "points")]),
]


@pytest.mark.parametrize("text,rows", LIST_NOUNS)
def test_list_items_share_the_counted_noun(nlp, text, rows):
    assert counted(nlp, text) == rows
