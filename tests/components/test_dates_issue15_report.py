"""Issue 15, the quarter a financial report is about: it holds for a few sentences, through the
comparisons with a year before, a month or day told of in between and an earlier quarter named
as background, until a year or a longer period ("For the nine months") takes the text off it.
Expected rows are marked inline with <date> (tests/inline.py); the attributes written on a tag
are checked.
"""
from __future__ import annotations

import pytest

from tests.inline import blank_pipeline, check_dates


@pytest.fixture(scope="module")
def nlp():
    return blank_pipeline("dates")


CASES = [
    # "a year earlier" some sentences after the quarter: that quarter a year back, not the year
    ("2021-11-03", "Acme said it lost $2 million in <date value=2021-Q3>the third quarter</date>. "
                   "The firm will take a charge for its plant. It also cited higher costs. "
                   "<date value=2020-Q3>A year earlier</date>, it earned $3 million."),
    ("2021-11-03", "Acme had a loss for <date value=2021-Q3>the quarter</date>. The charges were partly offset by a "
                   "gain, it said. Revenue declined 8% from $93 million <date value=2020-Q3>a year ago</date>."),
    # a month told of in between: "the quarter" is still the fiscal first quarter of the report
    ("2021-10-27", "Zenix earned $5 million in <date value=2021-Q1>the fiscal first quarter</date>. "
                   "<date value=2021-10>Earlier this month</date>, it said it expected to break even for "
                   "<date value=2021-Q1>the quarter</date>. It shipped 28,000 systems in <date value=2021-Q1>the "
                   "quarter</date>, it said."),
    # an earlier quarter named as background does not take the report over
    ("2021-11-03", "Net rose 20% in <date value=2021-Q3>the third quarter</date>. "
                   "After a flat <date value=2021-Q2>second quarter</date>, the firm cited better prices. "
                   "Gains came from higher prices, it said. Results were helped by charges taken in "
                   "<date value=2020-Q3>the year-earlier period</date>."),
    # a quarter still to come is no report's quarter
    ("2021-11-03", "Profit fell in <date value=2021-Q3>the third quarter</date>. It has no estimate of the storm's "
                   "impact on <date value=2021-Q4>fourth-quarter</date> results. Claims are slow. "
                   "Sales in <date value=2021-Q3>the latest quarter</date> were flat."),
    # the nine months take the text off the quarter: their comparison is with the year before
    ("2021-11-03", "Net rose in <date value=2021-Q3>the third quarter</date>. Sales rose, too. "
                   "For <date kind=duration value=P9M>the nine months</date>, net was $9 million, against $7 million "
                   "<date value=2020>a year earlier</date>."),
    # a quarter without its number, ended on a day named after it: the quarter that holds the day,
    # then "the quarter" stays on it; one named before ("the fiscal second quarter") keeps its name
    ("2013-03-18", "For <date value=2013-Q1>the quarter</date> ended <date value=2013-02-28>Feb. 28</date>, the "
                   "company earned $2.5 billion. Staff missed targets in the final weeks of "
                   "<date value=2013-Q1>the quarter</date>."),
    ("1989-10-26", "It posted net income for <date value=1989-Q2>the fiscal second quarter</date>. Sales rose in "
                   "<date value=1989-Q2>the quarter</date> ended <date value=1989-09-30>Sept. 30</date>."),
]


COMPARISONS = [
    # "last year" as a comparison's baseline, while the report is on its quarter: that quarter a year back
    ("2021-11-03", "Profit from commercial lines fell 59% in <date value=2021-Q3>the latest quarter</date>. "
                   "The benefits group posted earnings of $24 million, compared with a loss of $3 million "
                   "<date value=2020-Q3>last year</date>."),
    ("2021-11-03", "Sales in <date value=2021-Q3>the latest period</date> were $1.76 billion, a 13% increase from "
                   "<date value=2020-Q3>last year</date>'s $1.55 billion."),
    # a year told of for itself, or a "from" that compares no figure, stays the year
    ("2021-11-03", "Net rose in <date value=2021-Q3>the latest quarter</date>. <date value=2020>Last year</date>, "
                   "the firm had $71 million of charges."),
    ("2021-11-03", "There was a gain in <date value=2021-Q3>the latest period</date>. While there was no profit "
                   "<date value=2021>this year</date> from discontinued operations, <date value=2020>last year</date> "
                   "they contributed $34 million."),
    # a report's nine months: what follows compares them, not the quarter told of before
    ("2021-11-03", "Profit rose in <date value=2021-Q3>the latest quarter</date>. "
                   "In <date kind=duration value=P9M>the first nine months</date>, net was $306 million, compared "
                   "with a loss of $195 million in <date value=2020>the 2020 period</date>."),
]


@pytest.mark.parametrize("doc_date, marked", CASES + COMPARISONS)
def test_inline_cases(nlp, doc_date, marked):
    check_dates(nlp, doc_date, marked)
