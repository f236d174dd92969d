"""``claimspan_claims`` on its own: expected claims are marked inline with <claim>,
the counted noun with <noun>. Attributes written on a tag are checked; attributes
left off are not. Every claim in a text must be tagged (no spurious rows)."""
from __future__ import annotations

import shutil

import pytest
import spacy

from claimspan.components import claims, sentences  # noqa: F401  registers the factories
from claimspan.ruleset import RuleError, read_rule_file, rules_path
from claimspan.tokenizer import customize_tokenizer
from tests.inline import assert_claims, parse


def build(rules_dir=None):
    nlp = spacy.blank("en")
    customize_tokenizer(nlp)
    nlp.add_pipe("claimspan_sentences")
    nlp.add_pipe("claimspan_claims", config={"rules_dir": str(rules_dir) if rules_dir else None})
    return nlp


@pytest.fixture(scope="module")
def nlp():
    return build()


CASES = [
    # the tokenizer keeps URLs, e-mail addresses and dotted versions whole: never read as numbers
    "The full report, at www.stats.gov/report2021/table5, lists <claim value=230>230</claim> projects.",
    "Write to press2@ministry.org for the <claim value=8>8</claim> annexes.",
    "Release 3.2.1 fixes <claim value=45>45</claim> bugs.",
    "The v2 app was downloaded <claim value=10000>10,000</claim> times.",
    "acquitted <claim value=5479 kind=count qualifier=exact>5,479</claim> <noun>defendants</noun>",
    "handled <claim value=205600>205,600</claim> <noun>legal aid cases</noun> last year",
    "<claim value=40 qualifier=more_than>Over 40</claim> <noun>central departments</noun> and people's organizations",
    "<claim value=60 qualifier=more_than>more than 60</claim> <noun>colleges</noun> creating classes",
    "<claim value=28 qualifier=approximately>About 28</claim> <noun>provinces</noun>, autonomous regions",
    "<claim value=100 qualifier=nearly>nearly 100</claim> <noun>countries</noun>",
    "<claim value=24 qualifier=at_least>dozens</claim> of <noun>indicators</noun>",
    "<claim value=12 qualifier=approximately>a dozen</claim> <noun>times</noun>",
    "<claim value=20000 qualifier=at_least>tens of thousands</claim> of <noun>people</noun>",
    "<claim value=3000 qualifier=at_least>several thousand</claim> <noun>protesters</noun>",
    "<claim value=40 qualifier=at_least>Scores</claim> of <noun>people</noun>; the test scores rose",
    "<claim kind=money unit=USD value=2000000 qualifier=at_least>Millions of dollars</claim> were lost",
    "rose from <claim kind=money value=17.16 unit=CNY>17.16 yuan</claim> (<claim kind=money value=2.69 unit=USD>"
    "$2.69</claim>) in 1995 to <claim kind=money value=373.1 unit=CNY>373.1 yuan</claim> in 2021",
    "<claim kind=money value=1200000000000 unit=CNY>RMB 1.2 trillion</claim> and "
    "<claim kind=money value=3500000000 unit=CNY>3.5 billion yuan</claim> and <claim kind=money unit=EUR value=50>€50</claim>",
    "<claim kind=money unit=USD value=2690000000>US$2.69 billion</claim>, <claim kind=money unit=GBP value=5>£5</claim>",
    "<claim kind=money unit=CNY value=1200000000000>RMB1.2 trillion</claim> and <claim unit=GBP value=350>GBP 350</claim>",
    "an increase of <claim kind=percent value=14.6 unit=%>14.6%</claim>, <claim kind=percent value=3.5>3.5 percent</claim>"
    " and <claim kind=percent value=-3.2>-3.2%</claim>",
    "<claim kind=percent value=2>2 percentage points</claim>",
    "an area of <claim kind=measure unit=km2 value=9600000>9.6 million square kilometres</claim>",
    "a <claim kind=measure unit=foot value=17>17-foot</claim> boat and <claim kind=measure unit=t value=5>5 tonnes</claim>",
    "He is <claim kind=measure unit=inch value=70>5 feet, 10 inches</claim> tall",
    "Kopp, <claim kind=measure unit=year value=44>44</claim>, was arrested in Ohio, <claim kind=count>12</claim>, and Texas",
    "It was the only one. <claim value=101>A hundred and one</claim>. He had <claim value=2001>two thousand one</claim>.",
    "Temperatures reached <claim kind=measure unit=°C value=40>40C</claim> (<claim unit=°F value=104>104F</claim>).",
    "<claim kind=ratio value=0.2>one in five</claim> <noun>children</noun>",
    "<claim kind=ratio value=0.6>6 of 10</claim> <noun>Americans</noun>",
    "<claim kind=ratio value=0.6666666666666666>two-thirds</claim> of the members",
    "<claim kind=ratio value=2.6>2.6 times</claim> higher",
    "elected <claim kind=count value=5>five</claim> <noun>times</noun>",
    "convicted <claim kind=count value=2 qualifier=at_least>at least twice</claim>",
    "between <claim value=20 qualifier=at_least>20</claim> and <claim value=30 qualifier=at_most>30</claim> "
    "<noun>countries</noun>",
    "<claim value=150 qualifier=at_least unit=pound kind=measure>150</claim> to "
    "<claim value=175 qualifier=at_most unit=pound>175 pounds</claim>",
    "a <claim value=62 kind=count>62</claim>-<noun>member</noun> group",
    "<claim value=26>twenty-six</claim> <noun>people</noun> and <claim value=106>one hundred and six</claim> "
    "<noun>villages</noun>",
    "<claim value=1.4e9 qualifier=approximately>about 1.4 billion</claim> <noun>people</noun>",
    "bringing the total number to <claim value=95>95</claim>.",
    "We see it from <claim checkworthy=False value=4>four</claim> <noun>aspects</noun>.",
    "He scored <claim checkworthy=True value=31>31</claim> <noun>points</noun>.",
    "The poll had Obama <claim kind=percent>52%</claim>, Romney <claim kind=percent>45 percent</claim>; Boeing 747 jets",
    # a fraction with no word after it is a share, not a count of a third
    "Did deaths rise by <claim kind=ratio>a third</claim>? So yes, <claim kind=ratio qualifier=approximately>roughly a third</claim>.",
    # a tally is no range, and no claim, however the vote is told (claims.not.score, score_passed)
    "The bill passed 52-48 in the Senate of <claim qualifier=exact>100</claim> <noun>members</noun>.",
    "There are <claim checkworthy=False>two</claim> <noun>things</noun> to be proud of.",
    "There are <claim checkworthy=False>five</claim> <noun>main measures</noun>: first",
    "focused on <claim checkworthy=True>three</claim> <noun>principles</noun>: advancement",
    "will range from <claim qualifier=at_least value=200000000>$200 million</claim> to "
    "<claim qualifier=at_most value=300000000>$300 million</claim>",
    "Sales rose <claim kind=percent qualifier=exact>8%</claim> to <claim kind=money qualifier=exact>$1.15 billion</claim>",
    "prices fell <claim kind=money value=2 unit=USX>two cents</claim> a gallon",
    "it costs <claim kind=money value=15.5>15 dollars 50</claim>.",
    "Hanson skidded <claim qualifier=exact>9.5</claim> to <claim qualifier=exact>200.5</claim>, and",
    "when <claim value=2>two</claim> <noun>would-be robbers</noun> emptied their pistols",
    "<claim value=1>one</claim> <noun>highly placed source</noun> said, bombing <claim>two</claim> "
    "<noun>U.S. embassies</noun> in <claim>seven</claim> <noun>states</noun> and Italy",
    "<claim value=3000000>three million</claim> <noun>people</noun>, <claim value=202000>two hundred and two thousand"
    "</claim> and <claim value=1200000000000>1.2 trillion</claim> and <claim value=3500000000>3.5 billion</claim>",
]

NOT_CLAIMS = [
    "In 2020, the number rose. From 2016 to 2020 and (2016-2020).",
    "COVID-19 and the 2030 Agenda, Chapter 27 and Resolution 2231, the G20 summit",
    "the 46th session and the third cycle of the 13th Five-Year Plan",
    "China is one of the few countries; no one knows; one by one; On one hand",
    "over the past five years, 10 years ahead of schedule, 77 years ago, a five-year plan",
    "Call (202) 555-1234 or 555-1234 today.",
    "1. First item\n2. Second item",
    "on May 28 and 28 May, at 3 p.m., the No. 1 carmaker",
    "once again, a third nation, double standards, several conventions, a few words",
    "during the next 12 to 18 months, for at least 20 more years, a one-time charge, a month or two",
    "a fourth U.S. aircraft carrier; one need look no farther",
    "He lives at 10 Downing Street; the FTSE 100 and PM 2.5 rose; COVID19 and H1N1.",
]


def claims_of(nlp, text):
    doc = nlp(text)
    return doc, list(doc.spans.get("claims", []))


@pytest.mark.parametrize("marked", CASES)
def test_claims(nlp, marked):
    text, spans = parse(marked)
    _, found = claims_of(nlp, text)
    assert_claims(found, spans)


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_not_claims(nlp, text):
    _, found = claims_of(nlp, text)
    assert [s.text for s in found] == []


def test_row_has_exactly_the_claims_columns(nlp):
    from claimspan.io.schemas import TABLE_FIELDS

    _, found = claims_of(nlp, "more than 1,800 proposals")
    own = {f.name for f in TABLE_FIELDS["claims"]} - {f.name for f in TABLE_FIELDS["documents"]}
    own -= {"claim_id", "start_char", "end_char", "sentence_start_char", "sentence_end_char", "sentence",
            "speaker", "line", "page"}
    own -= {"stat_id"}   # given by the run-wide grouping (claimspan.statistics), not by the component
    assert set(found[0]._.claim) == own


def test_numbers_inside_dates_are_skipped_and_period_comes_from_the_sentence(nlp):
    text = "From 2016 to 2020, courts acquitted 5,479 defendants. In 2021, 12 more."
    doc = nlp.make_doc(text)
    dates = [doc.char_span(5, 17), doc.char_span(text.index("2021"), text.index("2021") + 4)]
    dates[0]._.date = {"kind": "range", "value": "2016/2020", "start_date": "2016-01-01", "end_date": "2020-12-31"}
    dates[1]._.date = {"kind": "date", "value": "2021", "start_date": "2021-01-01", "end_date": "2021-12-31"}
    doc.spans["dates"] = dates
    doc = nlp(doc)
    rows = [(s.text, s._.claim["period_text"], s._.claim["period_start"]) for s in doc.spans["claims"]]
    assert rows == [("5,479", "From 2016 to 2020", "2016-01-01"), ("12", "In 2021", "2021-01-01")]


def test_reporting_time_is_not_a_period(nlp):
    text = "Police said Friday they had arrested 14 people."
    doc = nlp.make_doc(text)
    span = doc.char_span(text.index("Friday"), text.index("Friday") + 6)
    span._.date = {"kind": "date", "value": "XXXX-WXX-5"}
    doc.spans["dates"] = [span]
    doc = nlp(doc)
    assert [(s.text, s._.claim["period_text"]) for s in doc.spans["claims"]] == [("14", None)]


@pytest.mark.parametrize("name,old,new,message", [
    ("qualifiers.yaml", "  qualifier: nearly\n", "  qualifier: nearly\n  qualifer: typo\n",
     "qualifiers.yaml rule claims.qualifier.nearly: unknown key 'qualifer'"),
    ("units.yaml", "unit: km,", "unit: km, wrds: [x],", "units.yaml rule claims.unit.km: unknown key 'wrds'"),
    ("not_claims.yaml", "- id: claims.not.phone\n", "- id: claims.not.phone\n  patern: []\n",
     "not_claims.yaml rule claims.not.phone: unknown key 'patern'"),
    ("not_claims.yaml", "- id: claims.not.one_verb\n", "- id: claims.not.one_verb\n  needs: [one]\n",
     "not_claims.yaml rule claims.not.one_verb key 'needs': only a regex rule has it"),
])
def test_unknown_rule_keys_fail_loudly(tmp_path, name, old, new, message):
    rules = tmp_path / "claims"
    shutil.copytree(rules_path("claims"), rules)
    text = (rules / name).read_text(encoding="utf-8")
    assert old in text
    (rules / name).write_text(text.replace(old, new, 1), encoding="utf-8")
    read_rule_file.cache_clear()
    file, rule = message.split(" rule ", 1)   # the error names file:line, then the rule and key
    with pytest.raises(RuleError, match=file.replace(".", r"\.") + r":\d+ rule " + rule.replace(".", r"\.")):
        build(rules)


def test_to_disk_round_trip(nlp, tmp_path):
    nlp.to_disk(tmp_path / "pipe")
    again = spacy.load(tmp_path / "pipe")
    doc = again("more than 1,800 proposals")
    assert [(s.text, s._.claim["value"]) for s in doc.spans["claims"]] == [("more than 1,800", 1800.0)]


@pytest.mark.model
def test_counted_from_the_parse():
    from tests.conftest import MODEL, model_installed

    if not model_installed():
        pytest.skip(f"{MODEL} is not installed (CI installs it from tests/requirements-model.txt)")
    nlp = spacy.load(MODEL)
    nlp.add_pipe("claimspan_sentences", config={"punct": False}, before="parser")
    customize_tokenizer(nlp)
    nlp.add_pipe("claimspan_claims")
    doc = nlp("Extending membership to these three democracies helps to stabilize the region.")
    assert doc.has_annotation("DEP")
    assert [(s.text, s._.claim["counted"]) for s in doc.spans["claims"]] == [("three", "democracies")]


def test_works_with_a_plain_tokenizer():
    """In someone else's pipeline (no claimspan tokenizer): "2.5bn" stays one token."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("claimspan_claims")
    doc = nlp("Over 40 countries paid $2.5bn, or 14.6%, in 2020.")
    assert [(s.text, s._.claim["value"]) for s in doc.spans["claims"]] == \
        [("Over 40", 40.0), ("$2.5bn", 2.5e9), ("14.6%", 14.6)]


def test_a_date_in_another_nouns_clause_is_not_the_period(nlp):
    text = "Tens of thousands of children honored Elian, whose rescue two months ago began it. 14 people who died Friday."
    doc = nlp.make_doc(text)
    spans = []
    for phrase in ("two months ago", "Friday"):
        start = text.index(phrase)
        span = doc.char_span(start, start + len(phrase))
        span._.date = {"kind": "date", "value": "XXXX"}
        spans.append(span)
    doc.spans["dates"] = spans
    doc = nlp(doc)
    assert [(s.text, s._.claim["period_text"]) for s in doc.spans["claims"]] == \
        [("Tens of thousands", None), ("14", "Friday")]


@pytest.mark.parametrize("text, tokens", [
    ("IN GENERAL.—Section 4 applies", ["IN", "GENERAL.", "—", "Section", "4", "applies"]),
    ("In General.--The Secretary", ["In", "General.", "--", "The", "Secretary"]),
    ("signed NOV. 12, 1999", ["signed", "NOV.", "12", ",", "1999"]),
    ("THE NOVEL ENDS", ["THE", "NOVEL", "ENDS"]),
    ("a 2019\u20132020 plan", ["a", "2019", "\u2013", "2020", "plan"]),
])
def test_tokenizer_splits_headings_and_keeps_capital_month_abbreviations(text, tokens):
    nlp = customize_tokenizer(spacy.blank("en"))
    assert [t.text for t in nlp(text)] == tokens
