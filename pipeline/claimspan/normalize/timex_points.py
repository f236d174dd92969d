"""The TIMEX3 value of a point in time (a date, a time) from the features of its words
(``timex_words.features``): the year a bare month is in, a day counted from the anchor
or from the date the narrative last spoke of, a clock time's suffix. Pure functions.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from claimspan.normalize.timex_reference import from_reference as _from_reference
from claimspan.normalize.timex_values import (SEASON_MONTHS, interval, month_and_day, month_end, shift, value_at,
                                              weekday_near)

# Months after a quarter or half ends within which its results are still to come: "will report a
# loss for the third quarter" in an October story is the quarter just ended, in a June one the next.
REPORT_LAG_MONTHS = 3
# "the 1800s", "the early 1900s" name a century ("the 2000s" is as often the decade 2000-2009)
HUNDREDS_AS_CENTURY_BEFORE = 2000
REFERENCE = "reference"   # how a value was resolved: against the narrative's last date, not the anchor
# features that name a day of their own: a clock time with none is on the day the narrative is on
DAY_WORDS = ("weekday", "month", "day", "numeric", "deictic", "rel", "shift", "year", "unit")
_QUARTER_MONTH_OR_DAY = re.compile(r"\d{4}-(Q\d|\d\d(-\d\d)?)")   # a reference a year shift keeps the grain of


def year_of(f: dict, anchor: date | None, first_month: int, future: bool = True, named_month: bool = False,
            last_month: int | None = None):
    """Year of a month/season/quarter written without one: (year, relative) or (None, False).

    "last" and a ``named_month`` is the latest such month before the anchor's, except the one just
    ended: for that one a writer says "last month", so "last February" in a March story is the
    February of the year before ("last July" in March: the July just gone; "last December" in
    January: the December just gone, which is also last year's).

    >>> from claimspan.normalize.timex import default_lexicon, features
    >>> f = features(["last", "February"], default_lexicon())
    >>> year_of(f, date(2021, 3, 4), 2, named_month=True), year_of(f, date(2021, 5, 4), 2, named_month=True)
    ((2020, True), (2021, True))

    A quarter or half (``last_month``: the month it ends) in a future-tense clause is the first
    one whose results are still to come: not over, or over for less than ``REPORT_LAG_MONTHS``.

    >>> f = features(["the", "first", "quarter"], default_lexicon()) | {"future": True}
    >>> year_of(f, date(2021, 11, 10), 1, last_month=3), year_of(f, date(2021, 2, 10), 1, last_month=3)
    ((2022, True), (2021, True))
    >>> f = features(["the", "fourth", "quarter"], default_lexicon()) | {"future": True}
    >>> year_of(f, date(2021, 2, 10), 10, last_month=12), year_of(f, date(2021, 10, 10), 10, last_month=12)
    ((2020, True), (2021, True))
    """
    if f.get("year"):
        return f["year"], False
    if anchor is None:
        return None, False
    if f.get("year_rel") is not None:
        return anchor.year + f["year_rel"], True
    rel = f.get("rel")
    if rel is None:   # bare "December", "Jan. 2": the occurrence nearest the anchor, leaning to the past
        if last_month is not None and 1 <= last_month <= 12 and f.get("future"):
            due = shift(anchor, "month", -REPORT_LAG_MONTHS)
            years = (anchor.year - 1, anchor.year, anchor.year + 1)
            return next(y for y in years if month_end(y, last_month) >= due), True
        diff = first_month - anchor.month
        if f.get("future") and future:
            return anchor.year + (diff < 0), True
        if f.get("past") and last_month is not None and 1 <= last_month <= 12:
            return anchor.year - (last_month >= anchor.month), True   # "sales fell in the first quarter": one over
        if f.get("past"):   # "sales fell in July": the latest on or before the anchor ("the quarter ended
            #                   Oct. 31" in a story of Oct. 27: last year's)
            return anchor.year - (diff > 0 or (diff == 0 and (f.get("day") or 0) > anchor.day)), True
        return anchor.year - (diff > 5) + (future and diff < -8), True
    if rel == -1:
        return anchor.year - (first_month >= anchor.month - named_month), True
    if rel == 1:
        return anchor.year + (first_month <= anchor.month), True
    return anchor.year, True


def date_value(f: dict, anchor: date | None, reference: str | None = None) -> tuple[str | None, bool]:
    """TIMEX3 value of a point expression and whether the anchor was used.

    ``reference`` is the point the text last spoke about (a quarter, month or
    day): "a year earlier" is that point one year back, as in TimeML.

    >>> from claimspan.normalize.timex import default_lexicon, features
    >>> lex = default_lexicon()
    >>> date_value(features(["February", "last", "year"], lex), date(2021, 5, 31))
    ('2020-02', True)
    >>> date_value(features(["Feb.", "28"], lex), None)
    ('XXXX-02-28', False)
    >>> date_value(features(["the", "day", "before", "yesterday"], lex), date(2021, 5, 31))
    ('2021-05-29', True)
    """
    deictic, unit = f.get("deictic"), f.get("unit")
    if unit is None and f.get("part") and f.get("anaphoric"):
        unit = "day"   # "that night", "the next morning": a day's part, counted as the day is
    if isinstance(deictic, int) and unit == "day" and f.get("shift"):   # "the day before yesterday"
        return ((anchor + timedelta(days=deictic + f["shift"])).isoformat(), True) if anchor else (None, False)
    if (f.get("clock") or f.get("ampm") or f.get("part")) and reference and all(f.get(k) is None for k in DAY_WORDS) \
            and interval(reference)[2] == "day":
        return reference[:10], REFERENCE   # "The blast came Friday. Police arrived at 11 a.m.", "in the morning"
    if f.get("anaphoric") and reference:
        from_reference = _from_reference(f, unit, reference)
        if from_reference is not None:
            return from_reference, REFERENCE
    if f.get("anaphoric") and f.get("rel_word") is None and not f.get("shift"):
        return None, False   # "that year" with nothing spoken of before: unknown
    if f.get("year_rel") is not None and unit in ("quarter", "month") \
            and not any(f.get(k) for k in ("ordinal", "month", "season", "half", "year")):
        return _same_period(f["year_rel"], unit, anchor, reference, f.get("unit_word") == "period")
    if f.get("year") and unit == "quarter" and not f.get("ordinal") and reference and "-Q" in reference:
        return f"{f['year']}{reference[4:]}", REFERENCE   # "the 1988 quarter": the quarter spoken of, in 1988
    if deictic is not None:
        if isinstance(deictic, str):
            return deictic, False
        return ((anchor + timedelta(days=deictic)).isoformat(), True) if anchor else (None, False)
    if f.get("shift") and unit:
        return _shifted(f, unit, anchor, reference)
    calendar_value = _calendar(f, unit, anchor)
    if calendar_value is not None:
        return calendar_value
    return _relative(f, unit, anchor)



def _shifted(f: dict, unit: str, anchor: date | None, reference: str | None) -> tuple[str | None, bool]:
    """"77 years ago", "a year earlier" (from the reference point when there is one)."""
    n = f["num"] if f["num"] is not None else "X" if f.get("plural") else 1   # "months ago": some months
    if n == "X":
        return ("PAST_REF" if f["shift"] < 0 else "FUTURE_REF"), False
    if unit == "year" and n == 1 and reference and _QUARTER_MONTH_OR_DAY.fullmatch(reference) \
            and not f.get("from_anchor"):
        if f.get("of_unit") == "quarter" and "Q" not in reference:   # "the year-ago quarter" after "Sept. 30"
            reference = value_at(interval(reference)[0], "quarter")
        return _checked(f"{int(reference[:4]) - 1}{reference[4:]}"), REFERENCE
    if anchor is None:
        return None, False
    if unit == "year" and n == 1 and f.get("of_unit") == "quarter":
        quarter = f"{anchor.year - 1}-Q{f['ordinal']}" if f.get("ordinal") else \
            value_at(shift(shift(anchor, "quarter", -1), "year", -1), "quarter")
        return quarter, True
    point = (unit if unit in ("day", "week", "month", "quarter", "year")
             else "year" if unit in ("decade", "century") else "day")
    return value_at(shift(anchor, unit, f["shift"] * n), point), True


def _same_period(years: int, unit: str, anchor: date | None, reference: str | None,
                 any_period: bool = False) -> tuple[str | None, bool]:
    """"the same month last year", "last year's quarter": the month or quarter holding the
    date the text spoke of (``reference``), ``years`` years away ("the same period" is the
    month or quarter spoken of); without one, the last quarter completed (as for "the
    quarter" in a report) or the anchor's month, ``years`` years away."""
    start, _, granularity = interval(reference) if reference else (None, None, None)
    if start is not None and granularity in ("day", "month", "quarter"):
        if any_period and granularity != "day":
            unit = granularity
        return value_at(shift(start, "year", years), unit), REFERENCE
    if anchor is None:
        return None, False
    base = shift(anchor, "quarter", -1) if unit == "quarter" else anchor
    return value_at(shift(base, "year", years), unit), True


def _calendar(f: dict, unit: str | None, anchor: date | None) -> tuple[str | None, bool] | None:
    """Expressions that name a calendar period (a year may come from the anchor); None if not one."""
    if f.get("decade"):
        year = f.get("year") or 1900 + f["yy"]
        if f.get("year") and year % 100 == 0 and year < HUNDREDS_AS_CENTURY_BEFORE:
            return f"{year // 100:02d}", False   # "the late 1800s": the century, not 1800-1809
        return str(year // 10), False
    if unit == "century" and f.get("ordinal"):
        return f"{f['ordinal'] - 1:02d}", False
    if f.get("numeric"):
        a, b, y, day_first = f["numeric"]
        month, day = month_and_day(a, b, day_first)
        y = y if y > 99 else y + (2000 if y < 50 else 1900)
        return _checked(f"{y}-{month:02d}-{day:02d}"), False
    if f.get("month"):
        year, rel = year_of(f, anchor, f["month"], named_month=not f.get("day"))
        ym = f"{year if year else 'XXXX'}-{f['month']:02d}"
        value = _checked(f"{ym}-{f['day']:02d}" if f.get("day") else ym)
        if unit == "week" and f.get("day") and value and year:   # "the week of June 7": the week holding it
            value = value_at(date.fromisoformat(value), "week")
        return value, rel
    if f.get("season"):
        year, rel = year_of(f, anchor, SEASON_MONTHS[f["season"]][0])
        if anchor is not None and f.get("future") and f.get("rel") is None and not f.get("year") \
                and f.get("year_rel") is None and interval(f"{year - 1}-{f['season']}")[1] >= anchor:
            year -= 1   # "the election is set for the fall" in October: the fall under way, not the next
        return f"{year if year else 'XXXX'}-{f['season']}", rel
    if f.get("week_number"):                        # ISO week of the year named, else of the anchor's
        year = f.get("year") or (anchor.year if anchor else None)
        return f"{year if year else 'XXXX'}-W{f['week_number']:02d}", not f.get("year") and anchor is not None
    if f.get("ordinal") and (unit == "quarter" or f.get("half")):
        months = 3 if unit == "quarter" else 6
        year, rel = year_of(f, anchor, (f["ordinal"] - 1) * months + 1, future=False,
                            last_month=f["ordinal"] * months)
        return f"{year if year else 'XXXX'}-{'Q' if unit == 'quarter' else 'H'}{f['ordinal']}", rel
    if f.get("year"):
        return str(f["year"]), False
    return None


def _relative(f: dict, unit: str | None, anchor: date | None) -> tuple[str | None, bool]:
    """Weekdays, weekends and "last/this/next <unit>": only with an anchor."""
    if f.get("weekday"):
        if anchor is None:
            return f"XXXX-WXX-{f['weekday']}", False
        return weekday_near(anchor, f["weekday"], f.get("rel"), f.get("future", False)).isoformat(), True
    if anchor is None:
        return None, False
    if unit == "weekend":
        # "talks will continue over the weekend": the coming one
        return value_at(weekday_near(anchor, 6, f.get("rel"), f.get("future", False)), "week") + "-WE", True
    rel = 0 if unit and f.get("rel") is None and f.get("mod") else f.get("rel")   # "the end of the year"
    if f.get("part") == "NI" and rel == -1:
        return (anchor - timedelta(days=1)).isoformat(), True   # "last night"
    if unit and rel is not None:
        return value_at(shift(anchor, unit, rel), unit), True
    if f.get("part") or f.get("clock") or f.get("ampm"):
        return anchor.isoformat(), True
    return None, False


def _checked(value: str) -> str | None:
    try:
        if "X" not in value:
            interval(value)
        return value
    except ValueError:
        return None


def time_suffix(f: dict) -> str:
    if f.get("clock"):
        h, m = f["clock"]
        h = h + 12 if f.get("ampm") == "p" and h < 12 else 0 if f.get("ampm") == "a" and h == 12 else h
        return f"T{h:02d}:{m:02d}"
    if f.get("num") is not None and f.get("ampm") and f["num"] != "X":
        h = int(f["num"])
        return f"T{h + 12 if f['ampm'] == 'p' and h < 12 else h:02d}:00"
    if f.get("part"):
        return f"T{f['part']}"
    return ""
