"""Issue 15, dates as a reader resolves them: fractions of a unit, lengths added to one
already told of, the period spoken of a year away, a decade at the
end of a sentence. Expected rows are marked inline with <date> (tests/inline.py); the
attributes written on a tag are checked.
"""
from __future__ import annotations

import pytest

from claimspan.normalize.timex import duration_value
from tests.inline import blank_pipeline, check_dates


@pytest.fixture(scope="module")
def nlp():
    return blank_pipeline("dates")


CASES = [
    # a fraction of a unit in the next smaller unit, as TimeML writes it
    ("2022-03-01", "The strike lasted <date kind=duration value=P2Y6M>2 1/2 years</date>; the vote took "
                   "<date kind=duration value=PT1M30S>a minute and a half</date>."),
    ("2022-03-01", "The pilot circled for <date kind=duration value=PT30M>half an hour</date> and then for "
                   "<date kind=duration value=PT1H30M>one and a half hours</date>."),
    ("2022-03-01", "Rebuilding took <date kind=duration value=P1Y6M>a year and a half</date>, not "
                   "<date kind=duration value=P1Y3M>1.25 years</date>."),
    ("2022-03-01", "The trial ran <date kind=duration value=P2.5W>two and a half weeks</date>."),
    # a length added to one already told of
    ("2022-03-01", "The treaty lets the fleet stay <date kind=duration value=P25Y mod=after>at least 25 more years"
                   "</date>, the pilot scheme <date kind=duration value=P1Y>an additional year</date>."),
    # TimeBank takes "earlier"/"later" into the expression; "a year earlier" is a date
    ("2022-03-01", "<date value=2022-03>Earlier this month</date> prices fell, up from "
                   "<date value=2021-03>a year earlier</date>."),
    # the quarter or month spoken of, a year away
    ("2021-11-02", "The bank earned $5 million in <date value=2021-Q3>the third quarter</date>, against $4 million "
                   "in <date value=2020-Q3 anchor_date=2021-07-01>the quarter a year ago</date>."),
    ("2021-11-02", "Sales in <date value=2021-03>March</date> rose from <date value=2020-03>the same period last "
                   "year</date>; <date value=2020-Q1>last year's quarter</date> was weak."),
    ("2021-11-02", "Revenue fell from <date value=2020-Q3 anchor_date=2021-11-02>the comparable quarter last year"
                   "</date>."),
    # the last half of a year is its second half
    ("2021-11-02", "Output recovered in <date value=2019-H2>the last half of 2019</date>."),
    # a period that ended is over: the January before the document date, not the next one
    ("1989-10-31", "In <date kind=duration value=P1Y>the fiscal year</date> ended <date value=1989-01-31>Jan. 31</date>, "
                   "sales rose."),
    # what a time counts from is past: the October before a May story, not the next one
    ("1999-05-06", "Police have searched for him since the <date value=1998-10-23>Oct. 23</date> shooting."),
    # the future tense holds across a long clause
    ("1998-03-04", "She will be named commander of the new research station for a long mission in "
                   "<date value=1998-12>December</date>."),
    # a change "effective" a date takes effect on its next occurrence
    ("1989-10-26", "The bank named a new chairman, effective <date value=1990-02-01>Feb. 1</date>."),
    # "is to", "set to" plan the date ahead; "to" as a preposition does not
    ("2005-06-15", "Talks are set to resume <date value=2005-06-20>Monday</date>. The envoy flew to Rome "
                   "<date value=2005-06-14>Tuesday</date>."),
    # a clock time is on the day written right after it, or on the day the narrative is on
    ("1998-08-08", "The bomb went off at <date kind=time value=1998-08-07T10:35>10:35 a.m.</date> (0735 GMT) "
                   "<date value=1998-08-07>Friday</date>."),
    ("1998-08-08", "The blast came <date value=1998-08-07>Friday</date>. Police arrived at "
                   "<date kind=time value=1998-08-07T11:00 anchor_date=1998-08-07>11 a.m.</date>"),
    ("1998-08-08", "The market opens at <date kind=time value=1998-08-08T09:00>9 a.m.</date> and closes "
                   "<date value=1998-08-14>Friday</date>."),   # a timetable in the present tense: the next Friday
    # vague lengths and periods: "within weeks", "months ago", "the weeks ahead"
    ("2021-05-31", "Troops will arrive within <date kind=duration value=PXW>weeks</date>; just "
                   "<date value=PAST_REF>months ago</date> the base was empty, and in "
                   "<date kind=duration value=PXW>the weeks ahead</date> it fills; <date value=2019>two years ago</date> too."),
    ("2021-05-31", "It took <date kind=duration value=P8D>eight business days</date>; "
                   "<date kind=set value=PT1H>hourly</date> pay rose by <date value=2021>year's end</date>."),
    # the sentence's period is no part of a decade
    ("2021-11-02", "Prices were stable in <date value=197>the late 1970s</date>. Then came "
                   "<date value=198>the '80s</date>."),
    # an hour with no a.m. or p.m. before the evening or night of a day takes that day and half of it (right
    # before it, one time with it)
    ("2013-03-22", "It happened shortly before <date kind=time value=2013-03-19T21:00>9 o'clock</date> on "
                   "<date kind=time value=2013-03-19TEV>Tuesday evening</date>, not at "
                   "<date kind=time value=2013-03-20T09:30>9:30 Wednesday morning</date> or at "
                   "<date kind=time value=2013-03-21T08:00>8 a.m. Thursday</date>."),
    # days of one month joined by a range word, or by "and" after "between"; the end takes the start's month
    ("2013-03-22", "Talks were held <date kind=range value=2013-03-15/2013-03-18>March 15 to 18</date>"),
    ("2013-03-22", "They meet between <date kind=range value=2013-03-15/2013-03-18>March 15 and 18</date>."),
    # ... but not a day and an amount, nor a day and a count without "between", nor bare scores
    ("2013-03-22", "The rate rose on <date value=2013-03-15>March 15</date> to 18 percent; on "
                   "<date value=2013-03-15>March 15</date> and 18 percent; <date value=2013-03-15>March 15</date> "
                   "and 18 others."),
    ("2013-03-22", "Chelsea beat them 20-21, trailed 5-7 in the polls; read chapter 5 to 7."),
    # days before their month: the start takes the end's month and year
    ("2013-03-22", "The meeting runs from <date kind=range value=2013-05-20/2013-05-24>20 to 24 May</date>; the "
                   "festival takes place <date kind=range value=2013-07-05/2013-07-07>5-7 July 2013</date>."),
    ("2013-03-22", "They met between <date kind=range value=2013-03-15/2013-03-18>15 and 18 March</date>; the strike "
                   "lasted from <date kind=range value=2013-03-01/2013-03-05>1 to 5 March</date>."),
    # no month after the numbers ("may" the verb), no days
    ("2013-03-22", "Between 15 and 18 may come; the Senate voted 28-2 for it."),
]


@pytest.mark.parametrize("doc_date, marked", CASES)
def test_inline_cases(nlp, doc_date, marked):
    check_dates(nlp, doc_date, marked)


@pytest.mark.parametrize("n, unit, expected", [
    (2.5, "year", "P2Y6M"), (0.5, "year", "P6M"), (1.5, "quarter", "P1.5Q"), (2.5, "century", "P250Y"), (1.5, "decade", "P15Y"),
    (0.5, "day", "PT12H"), (2.25, "hour", "PT2H15M"), (0.5, "minute", "PT30S"), (0.5, "week", "P0.5W"),
    (1.5, "month", "P1.5M"), ("X", "minute", "PTXM"),
])
def test_fractions_in_smaller_units(n, unit, expected):
    assert duration_value(n, unit) == expected
