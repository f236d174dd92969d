"""Issue 15, dates as a reader resolves them: a length with "later" or "earlier" that no date
told of anchors, "last" and the month just ended, a deadline with no tense word, a quarter in the
future tense, a date in the possessive. Expected rows are marked inline with <date> (tests/inline.py); the attributes
written on a tag are checked.
"""
from __future__ import annotations

import pytest

from tests.inline import blank_pipeline, check_dates


@pytest.fixture(scope="module")
def nlp():
    return blank_pipeline("dates")


CASES = [
    # a length with "later" and no date told of before it: the length alone ("later" is a signal)
    ("2021-06-16", "The alarm sounded. <date kind=duration value=PT1M30S>A minute and a half</date> later, "
                   "the doors opened."),
    ("2021-06-16", "The league folded. <date kind=duration value=PXD>A few days</date> later its rival "
                   "signed the players."),
    ("2021-06-16", "<date kind=duration value=P2D>Two days</date> earlier, the mayor had resigned."),
    # with a date told of just before, "later" counts from it
    ("2021-06-16", "The ferry left on <date value=2021-06-14>Monday</date>. "
                   "<date value=2021-06-17 anchor_date=2021-06-14>Three days later</date> it reached the island."),
    # "a year earlier", "a month earlier" compare with a period the document date anchors
    ("2021-06-16", "Exports rose to $4 million from $3 million <date value=2020>a year earlier</date>."),
    ("2021-06-16", "Output fell 2% from <date value=2021-05>a month earlier</date>."),
    # "last" and the month just ended is that month a year back ("last month" names the one just ended)
    ("2021-03-04", "The museum reopened <date value=2020-02>last February</date> after a renovation."),
    ("2021-03-04", "The museum reopened <date value=2020-07>last July</date> after a renovation."),
    ("2021-05-20", "The museum reopened <date value=2021-02>last February</date> after a renovation."),
    ("2021-01-12", "The museum reopened <date value=2020-12>last December</date> after a renovation."),
    # a deadline in a clause with no tense word looks ahead; after an auxiliary of the past it does not
    ("2021-10-20", "The firm must repay the loan by <date value=2022-02>February</date>."),
    ("2021-10-20", "Sales had fallen 5% by <date value=2021-03>March</date>."),
    # a quarter or half in the future tense: the first whose results are still to come
    ("2021-11-10", "The chain will post a loss in <date value=2022-Q1>the first quarter</date>."),
    ("2021-10-12", "The chain will report a loss for <date value=2021-Q3>the third quarter</date>."),
    ("2021-02-10", "The chain will report a loss for <date value=2020-Q4>the fourth quarter</date>."),
    ("2021-10-12", "The mill will be idle in <date value=2022-H1>the first half</date>."),
    # a date in the possessive takes no qualifier: the words before it qualify the noun
    ("2021-06-16", "Lawyers looked for ways around <date value=2021-06-14>Monday</date>'s ruling; "
                   "prices stayed under <date value=2020>last year</date>'s level; the deal closed "
                   "<date value=2021-06-09 mod=approx>around June 9</date>."),
]


@pytest.mark.parametrize("doc_date, marked", CASES)
def test_inline_cases(nlp, doc_date, marked):
    check_dates(nlp, doc_date, marked)
