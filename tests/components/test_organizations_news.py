"""Issue #14, class 9: organizations in news, with and without a trained model. Expected
mentions inline with <org>; every organization of a text is marked.

Rule mode: names that "X, the Y" defines (``rules/organizations/defining.yaml``), the sides of a
line of sports results (``results.yaml``), a person's title before a one-word name (``model.yaml``). Model mode: the model's ORG entities are kept
unless a rule knows better, so the table never scores below the model's own ORG entities on
the stories of tests/orgs_news.py (``bench/orgs_model.py`` prints the figures).
"""
from __future__ import annotations

import pytest

from tests.conftest import MODEL, model_installed
from tests.inline import blank_pipeline, parse
from tests.orgs_news import gold, model_orgs, score, table_orgs

needs_model = [pytest.mark.model, pytest.mark.skipif(not model_installed(), reason=f"{MODEL} is not installed")]


@pytest.fixture(scope="module")
def nlp():
    return blank_pipeline("organizations")


@pytest.fixture(scope="module")
def model_nlp():
    import claimspan

    return claimspan.build_nlp(MODEL)


def mentions(nlp, marked):
    text, expected = parse(marked)
    doc = nlp(text)
    got = [(s.start_char, s.end_char) for s in doc.spans["organizations"]]
    return got, [(s, e) for _, s, e, _ in expected], doc


DEFINED = [
    # a description between commas, or before the sentence ends, says what the name is
    "<org>Verdano</org>, the Italian insurer, said its chief executive would step down.",
    "A 6 percent stake in <org>Orbex</org>, the Scottish rocket maker, was sold to <org>Tallis Capital</org>, "
    "the London-based hedge fund.",
    "The order went to <org>Dunmore Yards</org>, a start-up.",
    "<org>Unite</org>, the largest union, said its members would walk out.",
    "Talks with <org>Brevik</org>, the Norwegian\ncarrier, ended.",
    # the name again later: the same organization
    "<org>Kestrel Foods</org>, a start-up, makes oat bars. <org>Kestrel Foods</org> sells them in 40 shops.",
    # a description that is a name itself: one name
    "<org>Gavi, the Vaccine Alliance</org>, said it would fund 40 million doses.",
    # not descriptions: a list of names, a person and his job, an adverbial, a place, a day
    "Corvel, the <org>World Bank</org>, Amberly and others met.",
    "Tom Hale, the bank's chief economist, said so.",
    "said Ana Ruiz, founder of Sons of the Harbor, a fishing group. Shares in <org>Verdano</org>, the insurer, rose.",
    "In Springfield, the company, which employs 900 people, said it would close.",
    "Geneva, the Swiss city, hosted the talks. Kenya, the regional power, agreed.",
    "On Monday, the bank, which has 40 branches, raised rates.",
    # a person's title before a one-word name
    "Shares rose after Mrs. Tesla spoke to reporters.",
]


RESULTS = [
    # the two sides of a line of results are clubs; a national side is a country
    "Results on Saturday:\n<org>Bury</org> 0 <org>Wigan Athletic</org> 3\n<org>Leyton Orient</org> 2 (Hale 40) "
    "<org>Hartford</org> 1\nJapan 2 Syria 1\n",
    "NEW YORK 1999-02-20\nResults: <org>Boston Celtics</org> 98 <org>Toronto Raptors</org> 91 "
    "<org>Chicago Bulls</org> 85 <org>Miami Heat</org> 102\n",
    # not results: numbers in prose
    "Flights from Gate 12 Terminal 3 left late. He scored 2 and Smith 1 in the game.",
]


@pytest.mark.parametrize("marked", RESULTS)
def test_results_lines(nlp, marked):
    got, want, _ = mentions(nlp, marked)
    assert got == want


@pytest.mark.parametrize("marked", DEFINED)
def test_defined_names(nlp, marked):
    got, want, _ = mentions(nlp, marked)
    assert got == want


MODEL_CASES = [
    # kept: the model's names that no rule knows, and a longer name over the gazetteer's
    "Shares in <org>Samsung Electronics</org> fell 2 percent. <org>Ferrari</org> said the car was ready.",
    "<org>Boston Celtics</org> 98 <org>Toronto Raptors</org> 91",
    # a rule knows better: a heading in capitals, a dateline, a person's title, a place's generic body
    "BRAZIL'S PETROBRAS RAISES OUTPUT TARGET\n\nRIO DE JANEIRO, May 9 - Brazil's state oil company raised its target.",
    "OSLO, Feb 3 - The shipping company said on Tuesday its profit fell.",
    "Coach Boeing praised the defence.",
    "The British Parliament voted 310 to 290 on the bill.",
    # a score after the name is not part of it, and a person with scores is still a person
    "Third seed Carlos Moya lost to Gaston Gaudio 6-4 6-3 on Wednesday.",
    # a line break inside the entity: the rule's name, not "the\n"
    "ahead of the\n<org>Centre Party</org> on 22 percent.",
    # a person with a title, and the office a title is of, are no organizations; an organization
    # with a head word after a title and "of" is one
    "Rapporteur Frederique Ries said the Chancellor of the Exchequer agreed with the President of the "
    "<org>European Commission</org>.",
]


@pytest.mark.parametrize("marked", [pytest.param(m, marks=needs_model) for m in MODEL_CASES])
def test_model_mode(model_nlp, marked):
    got, want, doc = mentions(model_nlp, marked)
    assert got == want, [(e.text, e.label_) for e in doc.ents]


@pytest.mark.parametrize("marked", DEFINED)
def test_defined_names_with_the_model_too(model_nlp, marked):
    """What the rules find, the model mode finds too (the model may add names of its own)."""
    if not model_installed():
        pytest.skip(f"{MODEL} is not installed")
    got, want, _ = mentions(model_nlp, marked)
    assert set(want) <= set(got)


@pytest.mark.model
@pytest.mark.skipif(not model_installed(), reason=f"{MODEL} is not installed")
def test_model_mode_is_never_worse_than_the_model():
    stories = gold()
    texts, golds = [t for t, _ in stories], [g for _, g in stories]
    raw = score(golds, model_orgs(MODEL, texts))
    trimmed = score(golds, model_orgs(MODEL, texts, trim=True))
    table = score(golds, table_orgs(MODEL, texts))
    rules = score(golds, table_orgs(None, texts))
    assert table[2] >= max(raw[2], trimmed[2])      # F1
    assert table[0] >= trimmed[0]                   # precision: the rules' vetoes
    assert table[2] > rules[2] and rules[0] >= 0.9  # the model adds names; the rules alone stay precise
