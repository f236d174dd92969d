"""Pure TIMEX3 normalization (claimspan.normalize.timex): tables of cases."""
from __future__ import annotations

from datetime import date

import pytest

from claimspan.normalize.timex import default_lexicon, duration_value, interpret, interval, shift, timex

MAY31 = date(2021, 5, 31)
LEX = default_lexicon()


@pytest.mark.parametrize("value, start, end, granularity", [
    ("2020", "2020-01-01", "2020-12-31", "year"),
    ("2020-02", "2020-02-01", "2020-02-29", "month"),
    ("2021-02", "2021-02-01", "2021-02-28", "month"),
    ("2021-05-31", "2021-05-31", "2021-05-31", "day"),
    ("2021-Q4", "2021-10-01", "2021-12-31", "quarter"),
    ("2021-H1", "2021-01-01", "2021-06-30", "month"),
    ("2021-WI", "2021-12-01", "2022-02-28", "month"),
    ("199", "1990-01-01", "1999-12-31", "decade"),
    ("19", "1900-01-01", "1999-12-31", "century"),
    ("1998-02-12T19:15", "1998-02-12", "1998-02-12", "day"),
])
def test_interval(value, start, end, granularity):
    s, e, g = interval(value)
    assert (s.isoformat(), e.isoformat(), g) == (start, end, granularity)


@pytest.mark.parametrize("value", ["PRESENT_REF", "XXXX-02-28", "P5Y", None])
def test_interval_of_unresolved_values_is_empty(value):
    assert interval(value) == (None, None, None)


@pytest.mark.parametrize("d, unit, n, expected", [
    (MAY31, "year", -5, "2016-05-31"),
    (date(2021, 3, 31), "month", -1, "2021-02-28"),
    (date(2020, 2, 29), "year", 1, "2021-02-28"),
    (MAY31, "week", -2, "2021-05-17"),
    (MAY31, "decade", -1, "2011-05-31"),
])
def test_shift(d, unit, n, expected):
    assert shift(d, unit, n).isoformat() == expected


@pytest.mark.parametrize("n, unit, expected", [
    (5, "year", "P5Y"), (1, "decade", "P10Y"), (1, "century", "P100Y"), ("X", "year", "PXY"),
    (2, "quarter", "P2Q"), (24, "hour", "PT24H"), (2.5, "year", "P2Y6M"), (0.5, "hour", "PT30M"), (1.5, "minute", "PT1M30S"), (1.25, "day", "P1DT6H"),
])
def test_duration_value(n, unit, expected):
    assert duration_value(n, unit) == expected


@pytest.mark.parametrize("text, kind, anchor, expected", [
    ("last year", "date", MAY31, "2020"),
    ("this year", "date", MAY31, "2021"),
    ("next month", "date", MAY31, "2021-06"),
    ("yesterday", "date", MAY31, "2021-05-30"),
    ("today", "date", MAY31, "2021-05-31"),
    ("Feb. 28", "date", date(2022, 2, 28), "2022-02-28"),
    ("Feb. 28", "date", None, "XXXX-02-28"),
    ("This February", "date", MAY31, "2021-02"),
    ("February last year", "date", MAY31, "2020-02"),
    ("December", "date", date(1998, 2, 6), "1997-12"),      # nearest December, leaning to the past
    ("January", "date", date(1989, 11, 2), "1990-01"),
    ("Friday", "date", MAY31, "2021-05-28"),                # Monday anchor: the Friday before
    ("Friday", "date", None, "XXXX-WXX-5"),
    ("last week", "date", MAY31, "2021-W21"),
    ("the third quarter", "date", date(1989, 10, 26), "1989-Q3"),
    ("the fourth quarter", "date", date(1998, 1, 26), "1997-Q4"),
    ("the 1990s", "date", None, "199"),
    ("the 20th century", "date", None, "19"),
    ("May 31, 2021", "date", None, "2021-05-31"),
    ("31 May 2021", "date", None, "2021-05-31"),
    ("05/31/2021", "date", None, "2021-05-31"),
    ("31/05/2021", "date", None, "2021-05-31"),
    ("77 years ago", "date", date(2025, 12, 10), "1948"),
    ("two years ago", "date", None, None),
    ("now", "date", MAY31, "PRESENT_REF"),
    ("five years", "duration", None, "P5Y"),
    ("a decade", "duration", None, "P10Y"),
    ("the past few years", "duration", MAY31, "PXY"),
    ("a couple of years", "duration", None, "P2Y"),
    ("2016-20", "range", None, "2016/2020"),
    ("1999-00", "range", None, "1999/2000"),   # across a century
    ("1998-03", "range", None, "1998/2003"),
    ("2024/17", "range", None, None),           # a paper's number: no range runs back
    ("Dec. 28 to Jan. 3", "range", date(2021, 9, 14), "2021-12-28/2022-01-03"),   # across a new year
    ("December to February 2021", "range", None, "2020-12/2021-02"),
    ("2016 to 2020", "range", None, "2016/2020"),
    ("last year to this year", "range", MAY31, "2020/2021"),
    ("Sept. 14-15", "range", date(2021, 9, 17), "2021-09-14/2021-09-15"),
    ("March to May 2020", "range", None, "2020-03/2020-05"),
    ("7:15 p.m.", "time", date(1998, 2, 12), "1998-02-12T19:15"),
    ("the first eight months of this year", "range", date(2021, 9, 14), "2021-01/2021-08"),
    ("the first three quarters of 2020", "range", None, "2020-Q1/2020-Q3"),
    ("the past decade", "duration", date(2021, 9, 14), "P10Y"),
    # years spelled out, as broadcast transcripts write them
    ("the year two thousand", "date", date(1998, 3, 3), "2000"),
    ("the year two thousand and one", "date", date(1998, 3, 3), "2001"),
    ("January nineteen ninety-seven", "date", date(1998, 2, 27), "1997-01"),
    ("the winter of nineteen ninety-four", "date", date(1998, 2, 23), "1994-WI"),
    ("two thousand years", "duration", None, "P2000Y"),
    ("two hundred years", "duration", None, "P200Y"),
])
def test_timex_values(text, kind, anchor, expected):
    assert timex(text, anchor=anchor, kind=kind) == expected


def test_anchored_duration_runs_up_to_the_anchor():
    row = interpret(["the", "past", "five", "years"], "duration", MAY31, LEX)
    assert (row["start_date"], row["end_date"], row["is_relative"], row["anchor_date"]) == \
        ("2016-05-31", "2021-05-31", True, "2021-05-31")


def test_next_years_run_forward_from_the_anchor():
    row = interpret(["the", "next", "five", "years"], "duration", date(2025, 12, 10), LEX)
    assert (row["start_date"], row["end_date"]) == ("2025-12-10", "2030-12-10")


def test_free_duration_has_no_dates():
    row = interpret(["more", "than", "a", "decade"], "duration", MAY31, LEX)
    assert (row["value"], row["mod"], row["start_date"], row["is_relative"], row["granularity"]) == \
        ("P10Y", "after", None, False, "decade")


def test_modifier_keeps_the_whole_interval():
    row = interpret(["the", "end", "of", "last", "year"], "date", MAY31, LEX)
    assert (row["value"], row["mod"], row["start_date"], row["end_date"]) == ("2020", "end", "2020-01-01", "2020-12-31")


def test_no_anchor_means_no_guess():
    row = interpret(["last", "year"], "date", None, LEX)
    assert (row["value"], row["start_date"], row["is_relative"], row["anchor_date"]) == (None, None, False, None)


# -- the narrative's reference time: anaphoric words count from the date last spoken of ------

@pytest.mark.parametrize("words, reference, expected, anchor_date", [
    (["the", "following", "year"], "1995-05-22", "1996", "1995-05-22"),
    (["the", "previous", "year"], "2023", "2022", "2023-01-01"),
    (["that", "quarter"], "1988-Q2", "1988-Q2", "1988-04-01"),
    (["the", "following", "month"], "1989-03-15", "1989-04", "1989-03-15"),
    (["two", "days", "later"], "2019-10-03", "2019-10-05", "2019-10-03"),
    (["a", "year", "earlier"], "1989-Q3", "1988-Q3", "1989-07-01"),
    (["the", "previous", "Friday"], "1989-10-27", "1989-10-20", "1989-10-27"),
    (["the", "1988", "quarter"], "1989-Q3", "1988-Q3", "1989-07-01"),
])
def test_anaphoric_words_count_from_the_reference(words, reference, expected, anchor_date):
    row = interpret(words, "date", date(2020, 6, 1), LEX, reference=reference)
    assert (row["value"], row["is_relative"], row["anchor_date"]) == (expected, True, anchor_date)


@pytest.mark.parametrize("words, reference, expected", [
    (["the", "following", "year"], None, "2021"),       # no reference: the document date
    (["two", "days", "later"], "2019-10", "2020-06-03"),  # a unit finer than the reference: the document date
    (["last", "year"], "1995", "2019"),                  # deictic words ignore the narrative
    (["two", "years", "ago"], "1995", "2018"),
    (["that", "year"], None, None),                      # nothing to point back to
])
def test_deictic_words_and_missing_references_use_the_document_date(words, reference, expected):
    assert interpret(words, "date", date(2020, 6, 1), LEX, reference=reference)["value"] == expected


@pytest.mark.parametrize("words, kind, relative, compared", [
    (["the", "quarter"], "date", -1, False),
    (["last", "year"], "date", None, True),
    (["the", "past", "five", "years"], "duration", None, False),
    (["Friday"], "date", None, False),
])
def test_interpret_reads_given_features_without_changing_them(words, kind, relative, compared):
    from claimspan.normalize.timex_words import features
    read = features(words, LEX)
    kept = dict(read)
    given = interpret(words, kind, MAY31, LEX, relative=relative, reference="2021-Q1", compared=compared, read=read)
    assert given == interpret(words, kind, MAY31, LEX, relative=relative, reference="2021-Q1", compared=compared)
    assert read == kept   # the caller's features are shared (the dates component keeps them per wording)
