"""Issue 15, dates resolved the way a reader resolves them: the tense of the clause decides
which way a bare weekday or month looks (in past/future pairs), vague lengths ("recent days",
"the coming months", "the coming decade"). Expected rows are marked inline with <date>
(tests/inline.py); the attributes written on a tag are checked.
"""
from __future__ import annotations

import pytest

from tests.inline import blank_pipeline, check_dates


@pytest.fixture(scope="module")
def nlp():
    return blank_pipeline("dates")


CASES = [
    # a timetable in the present tense looks ahead; the same verb in the past looks back (a Monday's story)
    ("2021-05-31", "The finance ministers meet <date value=2021-06-03>Thursday</date> in Lisbon."),
    ("2021-05-31", "The finance ministers met <date value=2021-05-27>Thursday</date> in Lisbon."),
    ("2021-05-31", "The exhibition opens in <date value=2021-09>September</date>."),
    ("2021-05-31", "The exhibition began in <date value=2020-09>September</date>."),
    ("2021-05-31", "The contract expires in <date value=2022-04>April</date>, the union says."),
    # a simple past form that is no participle looks back (a November story)
    ("2021-11-20", "The envoy flew to Kabul in <date value=2021-01>January</date>."),
    ("2021-11-20", "The envoy will fly to Kabul in <date value=2022-01>January</date>."),
    # "did" puts the timetable in the past; a noun is no verb ("a visit")
    ("2021-05-31", "The committee did not convene <date value=2021-05-25>Tuesday</date>."),
    ("2021-05-31", "A visit <date value=2021-05-28>Friday</date> was delayed by rain."),
    # "will", "is to", "plans to" look ahead; "fell", "began" look back
    ("2021-05-31", "The court will rule <date value=2021-06-04>Friday</date>; it ruled on the appeal "
                   "<date value=2021-05-27>Thursday</date>."),
    ("2021-05-31", "The mayor is to visit the plant <date value=2021-06-02>Wednesday</date>."),
    ("2021-05-31", "The carrier plans to add flights in <date value=2022-03>March</date>; traffic fell in "
                   "<date value=2021-03>March</date>."),
    # no tense word before the date: the clause's verb after it decides (past/future pairs)
    ("2021-11-20", "In <date value=2021-01>January</date>, the plant was idle for <date kind=duration value=P1W>a week</date>."),
    ("2021-11-20", "In <date value=2021-01>January</date>, the ferry line brought in two new boats."),
    ("2021-05-31", "On <date value=2021-06-04>Friday</date> the regional council will vote on the budget."),
    ("2021-05-31", "On <date value=2021-05-28>Friday</date> the regional council voted on the budget."),
    # "until" looks ahead unless the verb after it tells of a time gone by (a Friday's story)
    ("2021-06-04", "Until <date value=2021-06-03>Thursday</date>, investigators had not named a suspect."),
    ("2021-06-04", "The curfew stays in force until <date value=2021-06-10>Thursday</date>."),
    # a relative clause's "will" is not the date's
    ("2021-05-31", "The bonds sold <date value=2021-05-28>Friday</date>, which will mature in <date kind=duration value=P10Y>a decade</date>, rallied."),
    # a report's "this quarter's", "the latest period" are the quarter it has just named; a forecast
    # ("will cause a fourth-quarter charge") is no time told of, and "this quarter" ahead is the current one
    ("1989-11-01", "The chain lost $8 million in <date value=1989-Q3>the third quarter</date> ended "
                   "<date value=1989-09-30>Sept. 30</date>. <date value=1989-Q3>This quarter</date>'s loss includes "
                   "a charge."),
    ("1989-11-02", "The storm will cause a <date value=1989-Q4>fourth-quarter</date> charge. Sales fell 5% in "
                   "<date value=1989-Q3>the latest quarter</date>."),
    ("1989-10-26", "The maker earned $9 million in its <date value=1989-Q2>fiscal second quarter</date>. "
                   "<date value=1989-Q2>The latest period</date> included a gain. <date value=1989-Q4>This quarter"
                   "</date> will be weaker."),
    # the narrative's date moves with "the week before", "the day after", "the next day" (own examples)
    ("2024-03-06", "Clinics counted 1,204 cases <date value=2024-W10>this week</date>, down 23% from "
                   "<date value=2024-W09>the week before</date>."),
    ("2024-03-06", "The dam failed on <date value=2019-05-03>May 3, 2019</date>. <date value=2019-05-04 "
                   "anchor_date=2019-05-03>The day after</date>, crews arrived. <date value=2019-05-05>The next "
                   "day</date>, the river fell."),
    ("2024-03-06", "The merger closes <date value=2024-W11>next week</date>. He left the day before the vote."),
    # a coordinator starts another clause for the search after the date; "go" is a timetable verb
    ("2013-03-13", "The cardinals met <date value=2013-03-12>Tuesday</date> and will meet again "
                   "<date value=2013-03-15>Friday</date>."),
    ("2013-03-13", "Voters go to the polls on <date value=2013-03-17>Sunday</date>."),
    ("2013-03-13", "Voters went to the polls on <date value=2013-03-10>Sunday</date>."),
    # "May" after a preposition of time is the month (past/future pair); the name is not
    ("2013-03-13", "Theresa May said the trial is expected to end in <date value=2013-05>May</date>."),
    ("2013-03-13", "Theresa May said the trial began in <date value=2012-05>May</date>."),
    # "set for", "slated for" plan the date ahead (a Wednesday's story)
    ("2013-03-13", "The rally is set for <date value=2013-03-18TEV>Monday evening</date>."),
    ("2013-03-13", "The rally was held <date value=2013-03-11TEV>Monday evening</date>."),
    # a holiday's week is the ISO week that holds the day
    ("2024-03-06", "Pilgrims arrived for <date value=2024-W13 start_date=2024-03-25 end_date=2024-03-31>Easter "
                   "week</date>; most will leave on <date value=2024-04-01>Easter Monday</date>."),
    # a march named "March" is no month
    ("1999-01-22", "Agents watched the March for Life, as they did in <date value=1998-03>March of last "
                   "year</date>."),
    # a word pointing back finds the date told of a few sentences before, not the document date
    ("2021-05-31", "Index funds closed at a record on <date value=2021-05-21>Friday, May 21</date>. Traders cheered. "
                   "Bonds were flat. Stocks rose 2% from <date value=2021-05-14>the previous Friday</date>."),
    ("2021-05-31", "Stocks rose 2% from <date value=2021-05-28>last Friday</date>."),
    # business news: "the quarter" is the one just reported, "the current quarter" the one under way
    ("1989-10-26", "The bank earned $5 million in <date value=1989-Q3>the quarter</date>, and expects more in "
                   "<date value=1989-Q4>the current quarter</date>."),
    # a quarter the text has just named is the one "the quarter" means (a fiscal one too)
    ("1989-11-02", "The maker lost money in its <date value=1989-Q2>fiscal second quarter</date>. Sales fell 5% in "
                   "<date value=1989-Q2>the quarter</date>."),
    ("1989-10-26", "<date value=1989-Q3>Third-quarter</date> sales rose from <date value=1988-Q3>the year-earlier "
                   "quarter</date>; in <date value=1988>fiscal 1988</date> they fell."),
    ("1989-10-26", "Output fell in <date value=1989-H1>the first half</date> and will recover in "
                   "<date value=1990-H1>the first half of next year</date>."),
    # sets: how often, as TIMEX3 writes it
    ("1989-10-26", "The fee is paid <date kind=set value=P1Y>annually</date>, the crew meets "
                   "<date kind=set value=P1W>each week</date> and the paper appears "
                   "<date kind=set value=P1W>weekly</date>, the report <date kind=set value=P1Y>every year</date>."),
    ("1989-10-26", "The plant closed for <date kind=duration value=P1M>a month</date>."),
    # vague lengths: some days or months up to or after the document date; the coming decade from it
    ("2021-05-31", "Fuel prices have climbed in <date kind=duration value=PXD>recent days</date> and may keep "
                   "climbing in <date kind=duration value=PXM>the coming months</date>."),
    ("2021-05-31", "The utility will spend $2 billion over <date kind=duration value=P10Y start_date=2021-05-31 "
                   "end_date=2031-05-31>the coming decade</date>, more than in "
                   "<date kind=duration value=PXY>recent years</date>."),
    ("2021-05-31", "Shipments should resume in <date kind=duration value=PXW>the weeks ahead</date>."),
    # a participle of planning before a weekday ("planned for Saturday") looks ahead, unless the clause's
    # verb after it tells of a time gone by ("was canceled"); a Sunday's story: the Saturday just gone, then
    # the next one
    ("1999-10-24", "A memorial service planned for <date value=1999-10-23>Saturday</date> was canceled."),
    ("1999-10-24", "A memorial service planned for <date value=1999-10-30>Saturday</date> will honor him."),
    ("1999-10-24", "A memorial service is planned for <date value=1999-10-30>Saturday</date>."),
    ("2005-06-15", "The rally, set for <date value=2005-06-13>Monday</date>, had been called off."),
    ("2005-06-15", "The rally set for <date value=2005-06-20>Monday</date> is expected to draw thousands."),
]


@pytest.mark.parametrize("doc_date, marked", CASES)
def test_inline_cases(nlp, doc_date, marked):
    check_dates(nlp, doc_date, marked)
