"""TIMEX3 normalization: pure functions, no spaCy.

``interpret(words, kind, anchor, lexicon)`` turns the words of one candidate
expression (already found by the dates component, read by
``timex_words.features``) into a dates-table row, with the calendar arithmetic
of ``timex_values`` (``interval``, ``shift``). ``timex(text, anchor)`` is the
short form for one expression, with the default lexicon from ``rules/dates/``.

With no anchor, a relative expression keeps ``XXXX`` in its value (or no
value) and gets no dates: nothing is ever resolved against today's clock.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from claimspan.normalize.timex_reference import from_reference as _from_reference
from claimspan.normalize.timex_values import (DURATION_CODE, GRANULARITY, SEASON_MONTHS,  # noqa: F401  (re-exported)
                                              duration_value, interval, month_end, shift, value_at, weekday_near)
from claimspan.normalize.timex_words import features

REFERENCE = "reference"   # how a value was resolved: against the narrative's last date, not the anchor
# features that name a day of their own: a clock time with none is on the day the narrative is on
DAY_WORDS = ("weekday", "month", "day", "numeric", "deictic", "rel", "shift", "year", "unit")
ROW_KEYS = ("kind", "value", "start_date", "end_date", "granularity", "mod", "is_relative", "anchor_date")



def _year_of(f: dict, anchor: date | None, first_month: int, future: bool = True):
    """Year of a month/season/quarter written without one: (year, relative) or (None, False)."""
    if f.get("year"):
        return f["year"], False
    if anchor is None:
        return None, False
    if f.get("year_rel") is not None:
        return anchor.year + f["year_rel"], True
    rel = f.get("rel")
    if rel is None:   # bare "December", "Jan. 2": the occurrence nearest the anchor, leaning to the past
        diff = first_month - anchor.month
        if f.get("future") and future:
            return anchor.year + (diff < 0), True
        if f.get("past"):   # "sales fell in July": the latest on or before the anchor
            return anchor.year - (diff > 0), True
        return anchor.year - (diff > 5) + (future and diff < -8), True
    if rel == -1:
        return anchor.year - (first_month >= anchor.month), True
    if rel == 1:
        return anchor.year + (first_month <= anchor.month), True
    return anchor.year, True


def date_value(f: dict, anchor: date | None, reference: str | None = None) -> tuple[str | None, bool]:
    """TIMEX3 value of a point expression and whether the anchor was used.

    ``reference`` is the point the text last spoke about (a quarter, month or
    day): "a year earlier" is that point one year back, as in TimeML.

    >>> lex = default_lexicon()
    >>> date_value(features(["February", "last", "year"], lex), date(2021, 5, 31))
    ('2020-02', True)
    >>> date_value(features(["Feb.", "28"], lex), None)
    ('XXXX-02-28', False)
    """
    deictic, unit = f.get("deictic"), f.get("unit")
    if (f.get("clock") or f.get("ampm")) and reference and not any(f.get(k) for k in DAY_WORDS) \
            and interval(reference)[2] == "day":
        return reference[:10], REFERENCE   # "The blast came Friday. Police arrived at 11 a.m.": on Friday
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
    if unit == "year" and n == 1 and reference and re.fullmatch(r"\d{4}-(Q\d|\d\d(-\d\d)?)", reference):
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
        return str(year // 10), False
    if unit == "century" and f.get("ordinal"):
        return f"{f['ordinal'] - 1:02d}", False
    if f.get("numeric"):
        a, b, y = f["numeric"]
        month, day = (b, a) if a > 12 else (a, b)   # US order unless the first number cannot be a month
        y = y if y > 99 else y + (2000 if y < 50 else 1900)
        return _checked(f"{y}-{month:02d}-{day:02d}"), False
    if f.get("month"):
        year, rel = _year_of(f, anchor, f["month"])
        ym = f"{year if year else 'XXXX'}-{f['month']:02d}"
        return _checked(f"{ym}-{f['day']:02d}" if f.get("day") else ym), rel
    if f.get("season"):
        year, rel = _year_of(f, anchor, SEASON_MONTHS[f["season"]][0])
        return f"{year if year else 'XXXX'}-{f['season']}", rel
    if f.get("ordinal") and (unit == "quarter" or f.get("half")):
        year, rel = _year_of(f, anchor, (f["ordinal"] - 1) * (3 if unit == "quarter" else 6) + 1, future=False)
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
        return value_at(weekday_near(anchor, 6, f.get("rel")), "week") + "-WE", True
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


def _time_suffix(f: dict) -> str:
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


# -- one row of the dates table ------------------------------------------------------

def interpret(words: list[str], kind: str, anchor: date | None, lex: dict,
              value: str | None = None, relative: int | None = None, reference: str | None = None,
              future: bool = False, past: bool = False) -> dict:
    """A dates-table row (without ``rule``) for the words of one expression.

    ``value`` fixes the TIMEX3 value for phrases that are one idea ("the past");
    ``relative`` is the direction to assume when the words give none ("the
    quarter" in a report is the last one completed); ``reference`` see ``date_value``;
    ``future``: the clause is in the future tense ("will meet Friday"), so bare
    weekdays and months look forward from the anchor; ``past``: it is in the past
    tense ("fell in July"), so a bare month, season or quarter is the latest one.

    >>> lex = default_lexicon()
    >>> row = interpret(["the", "past", "five", "years"], "duration", date(2021, 5, 31), lex)
    >>> row["value"], row["start_date"], row["end_date"], row["is_relative"]
    ('P5Y', '2016-05-31', '2021-05-31', True)
    >>> interpret(["2016", "-", "20"], "range", None, lex)["value"]
    '2016/2020'
    """
    row = dict.fromkeys(ROW_KEYS)
    row.update(kind=kind, is_relative=False)
    if kind == "range":
        return _iso(_range(row, words, anchor, lex))
    f = features(words, lex)
    if relative is not None and f.get("rel") is None:
        f["rel"] = relative
    f["future"], f["past"] = future, past and not future
    if value is not None:
        row.update(value=value, granularity=GRANULARITY.get(f.get("unit")))
    elif kind == "duration":
        _duration(row, f, anchor)
    elif kind == "set":
        row["value"] = f.get("set") or (f"XXXX-WXX-{f['weekday']}" if f.get("weekday") else
                                        f"XXXX-{f['month']:02d}" if f.get("month") else
                                        duration_value(f["num"] or 1, f["unit"]) if f.get("unit") else None)
        row["granularity"] = GRANULARITY.get(f.get("unit"))
    else:
        _point(row, f, anchor, reference)
    if f.get("mod") and (f["mod"] == "approx" or (kind == "duration") == (f["mod"] in ("before", "after"))):
        row["mod"] = f["mod"]
    return _iso(row)


def _point(row: dict, f: dict, anchor: date | None, reference: str | None = None) -> None:
    value, relative = date_value(f, anchor, reference)
    start, end, gran = interval(value)
    if value and row["kind"] == "time":
        value += _time_suffix(f)
    row.update(value=value, start_date=start, end_date=end, is_relative=bool(relative) and value is not None,
               granularity=gran or GRANULARITY.get(f.get("unit")))
    if row["is_relative"]:
        row["anchor_date"] = interval(reference)[0] if relative == REFERENCE else anchor


def _duration(row: dict, f: dict, anchor: date | None) -> None:
    unit, n = f.get("unit"), f["num"] if f["num"] is not None else "X" if f.get("plural") else 1
    if unit is None:
        return
    row.update(value=duration_value(n, unit), granularity=GRANULARITY.get(unit))
    rel = f.get("rel")
    if anchor is not None and rel in (-1, 1) and n != "X":
        other = shift(anchor, unit, rel * n)
        row.update(start_date=min(other, anchor), end_date=max(other, anchor), is_relative=True, anchor_date=anchor)


def _range(row: dict, words: list[str], anchor: date | None, lex: dict) -> dict:
    connectors = set(lex["range_words"]) | set(lex["dashes"]) | {"and"}     # "between 2016 and 2020"
    cut = next((i for i, w in enumerate(words) if i and w.lower() in connectors), None)
    if cut is None:
        return _opening_part(row, features(words, lex), anchor)
    left, right = features(words[:cut], lex), features(words[cut + 1:], lex)
    if left.get("year") and not right.get("year") and isinstance(right.get("num"), int) and not left.get("month"):
        right = {"num": None, "year": left["year"] // 100 * 100 + right["num"]}    # 2016-20
    elif left.get("month") and not right.get("month") and isinstance(right.get("num"), int):
        right = dict(left, day=right["num"])                                       # Sept. 14-15
    if right.get("year") and not left.get("year") and left.get("month"):
        left["year"] = right["year"]                                               # March to May 2020
    (a, rel_a), (b, rel_b) = date_value(left, anchor), date_value(right, anchor)
    if not a or not b:
        return row
    start, _, gran = interval(a)
    _, end, _ = interval(b)
    row.update(value=f"{a}/{b}", start_date=start, end_date=end, granularity=gran,
               is_relative=rel_a or rel_b, anchor_date=anchor if rel_a or rel_b else None)
    return row


def _opening_part(row: dict, f: dict, anchor: date | None) -> dict:
    """"the first eight months of this year" -> 2021-01/2021-08; "the first three quarters of 2020"."""
    unit, n = f.get("unit"), f.get("num")
    year, relative = _year_of(f, anchor, 1, future=False) if (f.get("year") or f.get("year_rel") is not None) \
        else (None, False)
    last = 12 if unit == "month" else 4
    if unit not in ("month", "quarter") or not isinstance(n, int) or not year or not 1 <= n <= last:
        return row
    a, b = (f"{year}-01", f"{year}-{n:02d}") if unit == "month" else (f"{year}-Q1", f"{year}-Q{n}")
    row.update(value=f"{a}/{b}", start_date=interval(a)[0], end_date=interval(b)[1], granularity=unit,
               is_relative=relative, anchor_date=anchor if relative else None)
    return row


def _iso(row: dict) -> dict:
    for key in ("start_date", "end_date", "anchor_date"):
        if isinstance(row[key], date):
            row[key] = row[key].isoformat()
    return row


def default_lexicon() -> dict:
    """The word lists in ``rules/dates/lexicon.yaml`` (its sections are checked on reading)."""
    from claimspan.ruleset import load_table

    return lexicon_tables(load_table("dates", "lexicon.yaml"))


def lexicon_tables(lex: dict) -> dict:
    """Every section of the dates lexicon as a table keyed by lower-case words (a list
    of words, such as the shared reporting verbs, is a table of ``True``).

    >>> tables = lexicon_tables({s: None for s in LEXICON_SECTIONS} | {"months": {"May": 5}, "possessive": ["'s"]})
    >>> tables["months"], tables["possessive"]
    ({'may': 5}, {"'s": True})
    """
    def table(section) -> dict:
        return dict.fromkeys(section, True) if isinstance(section, list) else dict(section or {})
    return {k: {str(w).lower(): v for w, v in table(lex[k]).items()} for k in LEXICON_SECTIONS}


LEXICON_SECTIONS = ("months", "ambiguous_months", "weekdays", "seasons", "units", "number_words", "ordinals",
                    "relative", "deictic", "modifiers", "shift_words", "parts_of_day", "sets", "holidays",
                    "future_markers", "reporting_verbs", "range_words", "am_pm", "time_zones", "quarter_tokens",
                    "past_markers", "anaphoric", "future_in_past", "present_schedule", "schedule_prepositions",
                    "possessive", "event_ahead", "dashes", "fractions", "clause_breaks",
                    "scheduled_to")


def timex(text: str, anchor: date | None = None, kind: str = "date") -> str | None:
    """TIMEX3 value of one expression, read with the default lexicon.

    >>> timex("last year", anchor=date(2021, 5, 31))
    '2020'
    >>> timex("Sept. 14", anchor=date(2021, 9, 17)), timex("five years", kind="duration")
    ('2021-09-14', 'P5Y')
    >>> timex("yesterday") is None
    True
    """
    words = re.findall(r"\d+(?:[:/]\d+)*(?:st|nd|rd|th)?|[ap]\.m\.|[A-Za-z]+\.?|'|[-–]", text)
    return interpret(words, kind, anchor, default_lexicon())["value"]
