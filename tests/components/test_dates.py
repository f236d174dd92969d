"""``claimspan_dates`` on its own: expected rows are marked inline with <date>.

Attributes written on a tag are checked; attributes left off are not.
"""
from __future__ import annotations

import pytest
import spacy

from claimspan.components import dates, sentences  # noqa: F401  registers the factories
from claimspan.ruleset import RuleError
from tests.inline import blank_pipeline, check_dates, date_rows as rows, parse


@pytest.fixture(scope="module")
def nlp():
    return blank_pipeline("dates")


CASES = [
    ("2021-05-31", "acquitted in <date value=2020 kind=date>2020</date>, up from <date value=2018>2018</date>."),
    ("2021-05-31", "Over <date kind=duration value=P5Y start_date=2016-05-31 end_date=2021-05-31>the past five years"
                   "</date>, and since <date value=2020 mod=end start_date=2020-01-01>the end of last year</date>."),
    ("2021-05-31", "From <date kind=range value=2016/2020>2016 to 2020</date> and in "
                   "(<date kind=range value=2016/2020>2016–2020</date>) and <date value=2016/2020>2016-20</date>."),
    ("2021-09-14", "the number rose from <date kind=range value=2020/2021 is_relative=True>last year to this year"
                   "</date>, <date value=2021-09-13>yesterday</date>"),
    ("2025-12-10", "adopted <date kind=date value=1948>77 years ago</date> on <date value=2025-12-10>December 10</date>"),
    ("2022-02-28", "opened on <date value=2022-02-28>Feb. 28</date> and <date value=2017-06>June 2017</date>"),
    ("2021-05-31", "<date value=2021-02>This February</date> and <date value=2020-02>February last year</date>"),
    ("2021-05-31", "for <date kind=duration value=P10Y mod=after>more than a decade</date>, "
                   "<date kind=duration value=P10Y>10 years</date> ahead of schedule"),
    ("2021-05-31", "<date value=PRESENT_REF>Now</date>, <date value=2021-05-31>today</date>'s meeting"),
    ("2021-05-31", "published <date value=2021-05-31 is_relative=False>May 31, 2021</date> and "
                   "<date value=2018-12-10>Dec. 10, 2018</date>"),
    # a clock time is on the day written right after it (issue 15)
    ("1998-02-12", "at <date kind=time value=1998-02-06T19:15>7:15 p.m.</date> on <date value=1998-02-06>Friday</date>"),
    ("2021-05-31", "in <date value=199 granularity=decade>the 1990s</date>, <date value=2020 mod=start>early 2020</date>"),
    ("2021-05-31", "checked <date kind=set value=P1D>daily</date> and <date kind=set value=P1Y>every year</date>"),
    # "a year earlier" is the quarter (month, day) the text just spoke about, one year back
    ("1989-11-02", "Profit rose in <date value=1989-Q3>the third quarter</date> from $5 "
                   "<date value=1988-Q3>a year earlier</date>."),
    ("1989-11-02", "Sales fell. <date value=1988>A year ago</date> they rose."),
    # narrative chains: anaphoric words count from the date last spoken of, deictic ones do not
    ("2020-06-01", "On <date value=1995-05-22>May 22, 1995</date>, he was promoted, and "
                   "<date value=1996 anchor_date=1995-05-22>the following year</date> he moved; "
                   "<date value=1998 anchor_date=1996-01-01>two years later</date> he retired."),
    ("2020-06-01", "During <date value=2023>2023</date> sales rose 17% over "
                   "<date value=2022>the previous year</date>, but <date value=2019>last year</date> fell."),
    ("1989-11-01", "Net rose in <date value=1989-Q3>the quarter</date> ended <date value=1989-09-30>Sept. 30</date>. "
                   "It was $5 million <date value=1988-Q3>a year ago</date>. "
                   "The <date value=1988-Q3>year-ago</date> results were restated."),
    ("1989-11-01", "Net rose in <date value=1989-Q3>the third quarter</date>. Sales rose. Costs fell. Jobs grew. "
                   "<date value=1989>That year</date> was hard."),   # a word pointing back finds it a few sentences on
    ("1989-11-01", "Net rose in <date value=1989-Q3>the third quarter</date>. Sales rose. Costs fell. Jobs grew. "
                   "Debt fell. Stocks rose. Cash grew. Rents fell. "
                   "<date value=null>That year</date> was hard."),   # the reference is too far back
    # a future-tense clause looks forward; a reporting verb in between does not
    ("1998-05-01", "They will meet <date value=1998-05-04>Monday</date>."),
    ("1998-05-01", "They met <date value=1998-04-27>Monday</date>."),
    ("1998-05-01", "He said <date value=1998-04-27>Monday</date> he will go."),
    # the pair: Wednesday's story, past and future Tuesday; a future seen from the past
    ("2005-06-15", "Police said <date value=2005-06-14>Tuesday</date> the vote is on "
                   "<date value=2005-06-21>Tuesday</date>."),
    ("2005-06-15", "The deadline had been scheduled for <date value=2005-06-10>Friday</date>; "
                   "it will expire <date value=2005-06-17>Friday</date> instead."),
    ("2005-06-15", "Profit beat long-expected losses on <date value=2005-06-13>Monday</date>."),
    ("2005-06-15", "They will appeal <date value=2005-06-13>Monday</date>'s ruling, the lawyers said."),
    ("2005-06-15", "The ruling will stand, the lawyers warned <date value=2005-06-14>Tuesday</date>."),
    ("2005-06-15", "Voters gathered ahead of <date value=2005-06-19>Sunday</date>'s election."),
    # reports: "the year ended ..." is a year-long duration, "the quarter" the last one completed
    ("1989-11-02", "for <date kind=duration value=P1Y>the year</date> ended "
                   "<date value=1989-09-30>Sept. 30</date>, and in <date value=1989-Q3>the quarter</date>"),
    # rates are not durations, but "$5 a year earlier" is a date; "twice a week" is a set (TimeML's own example)
    ("1989-11-02", "a dividend of $1.76 a year, 358,000 a month, <date kind=set value=P1W>twice a week</date>, "
                   "52 years old"),
    ("2021-09-14", "between <date kind=range value=2021-03/2021-05>March and May</date>, from "
                   "<date kind=range value=2020-05/2020-07>May to July 2020</date>"),
    # with no document date, relative expressions keep their span but get no guessed value
    (None, "<date value=null is_relative=False start_date=null>last year</date> and "
           "<date value=XXXX-02-28>Feb. 28</date>"),
    ("not a date", "<date value=null>last year</date> and <date value=2016>2016</date>"),
    # names, counts and amounts are not dates
    ("2021-05-31", "the 2030 Agenda, the 13th Five-Year Plan, COVID-19, three times, Chapter 27, $2021 and 5% a year"),
]


@pytest.mark.parametrize("doc_date, marked", CASES)
def test_inline_cases(nlp, doc_date, marked):
    check_dates(nlp, doc_date, marked)


def test_rows_have_exactly_the_table_columns(nlp):
    (_, _, attrs), = rows(nlp, "in 2020", "2021-05-31")
    assert set(attrs) == {"kind", "value", "start_date", "end_date", "granularity", "mod", "is_relative",
                          "anchor_date", "rule"}
    assert attrs["rule"] == "dates.absolute.year"


def test_unknown_rule_key_fails_loudly(tmp_path):
    for name in ("lexicon.yaml", "exclusions.yaml"):
        (tmp_path / name).write_text(_rules_file(name), encoding="utf-8")
    (tmp_path / "patterns.yaml").write_text("- id: dates.bad\n  kind: date\n  pattren: YEAR\n", encoding="utf-8")
    nlp = spacy.blank("en")
    with pytest.raises(RuleError, match=r"patterns.yaml:3 rule dates.bad: unknown key 'pattren'"):
        nlp.add_pipe("claimspan_dates", config={"rules_dir": str(tmp_path)})


def test_unknown_word_class_fails_loudly(tmp_path):
    for name in ("lexicon.yaml", "exclusions.yaml"):
        (tmp_path / name).write_text(_rules_file(name), encoding="utf-8")
    (tmp_path / "patterns.yaml").write_text("- id: dates.bad\n  kind: date\n  pattern: MONHT DAY\n", encoding="utf-8")
    with pytest.raises(RuleError, match="unknown word class 'MONHT'"):
        spacy.blank("en").add_pipe("claimspan_dates", config={"rules_dir": str(tmp_path)})


def _rules_file(name: str) -> str:
    from claimspan.ruleset import rules_path

    return rules_path("dates", name).read_text(encoding="utf-8")


def test_matches_far_apart_in_a_long_text(nlp):
    filler = "The committee met and talked about many things with the members. " * 40
    marked = f"{filler}It ended on <date value=2021-05-28>May 28</date>. {filler}" \
             f"By <date kind=range value=2016/2020>2016-2020</date> and <date value=2020>last year</date>."
    text, expected = parse(marked)
    got = rows(nlp, text, "2021-05-31")
    assert [(s, e, a["value"]) for s, e, a in got] == [(s, e, a["value"]) for _, s, e, a in expected]


def test_pattern_of_function_words_only_fails_loudly(tmp_path):
    for name in ("lexicon.yaml", "exclusions.yaml"):
        (tmp_path / name).write_text(_rules_file(name), encoding="utf-8")
    (tmp_path / "patterns.yaml").write_text("- id: dates.bad\n  kind: date\n  pattern: the DASH of\n", encoding="utf-8")
    with pytest.raises(RuleError, match="needs at least one required word"):
        spacy.blank("en").add_pipe("claimspan_dates", config={"rules_dir": str(tmp_path)})
