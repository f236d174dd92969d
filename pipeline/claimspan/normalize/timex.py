"""TIMEX3 normalization: pure functions, no spaCy.

``interpret(words, kind, anchor, lexicon)`` turns the words of one candidate
expression (already found by the dates component, read by
``timex_words.features``) into a dates-table row: the value of a point in time
from ``timex_points``, the calendar arithmetic of ``timex_values`` (``interval``,
``shift``). ``timex(text, anchor)`` is the
short form for one expression, with the default lexicon from ``rules/dates/``.

With no anchor, a relative expression keeps ``XXXX`` in its value (or no
value) and gets no dates: nothing is ever resolved against today's clock.
"""
from __future__ import annotations

import re
from datetime import date

from claimspan.normalize.timex_points import REFERENCE, date_value, time_suffix, year_of
from claimspan.normalize.timex_values import (DURATION_CODE, GRANULARITY, SEASON_MONTHS,  # noqa: F401  (re-exported)
                                              duration_value, interval, month_end, set_value, shift, value_at,
                                              weekday_near)
from claimspan.normalize.timex_words import features

ROW_KEYS = ("kind", "value", "start_date", "end_date", "granularity", "mod", "is_relative", "anchor_date")
SHORT_YEAR_SPAN = 20   # "1914-18", "1998-03": the short end of a range of years is at most this far on


class NotATimex(ValueError):
    """The words matched a date pattern but are no time expression ("Briefing Note 2024/17")."""



# -- one row of the dates table ------------------------------------------------------

def interpret(words: list[str], kind: str, anchor: date | None, lex: dict,
              value: str | None = None, relative: int | None = None, reference: str | None = None,
              future: bool = False, past: bool = False, compared: bool = False, read: dict | None = None) -> dict:
    """A dates-table row (without ``rule``) for the words of one expression.

    ``value`` fixes the TIMEX3 value for phrases that are one idea ("the past");
    ``relative`` is the direction to assume when the words give none ("the
    quarter" in a report is the last one completed; a backward one gives way to a quarter
    the text has just named: "the fiscal second quarter ... the quarter" is that quarter);
    ``reference`` see ``date_value``;
    ``compared``: the expression is a comparison's baseline ("up from $3 million last year"): with a
    quarter as ``reference`` (a report's), "last year" is that quarter a year back;
    ``future``: the clause is in the future tense ("will meet Friday"), so bare
    weekdays and months look forward from the anchor; ``past``: it is in the past
    tense ("fell in July"), so a bare month, season or quarter is the latest one.
    ``read``: ``features(words, lex)`` when the caller has it (it is not changed).

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
    f = features(words, lex) if read is None else dict(read)
    if relative is not None and f.get("rel") is None:
        f["rel"] = relative
        if relative < 0 and f.get("unit") == "quarter" and is_quarter(reference):
            f["rel"], f["anaphoric"] = 0, True   # "the quarter" after "the fiscal second quarter": that one
    elif f.get("rel_word") in lex["report_words"] and f.get("unit") == "quarter" and is_quarter(reference) \
            and not future and not f.get("year_rel") and f.get("num") is None \
            and (anchor is None or interval(reference)[0] > shift(anchor, "year", -1)):
        f["rel"], f["anaphoric"] = 0, True   # "the third quarter ended Sept. 30 ... this quarter's loss": that one
    if compared and f.get("rel") == -1 and f.get("unit") == "year" and is_quarter(reference) and f["num"] is None:
        f.update(rel=None, shift=-1, num=1)   # "compared with $6.1 million last year": the quarter a year back
    f["future"], f["past"] = future, past and not future
    if value is not None:
        row.update(value=value, granularity=GRANULARITY.get(f.get("unit")))
    elif kind == "duration":
        _duration(row, f, anchor)
    elif kind == "set":
        row["value"] = set_value(f)
        row["granularity"] = GRANULARITY.get(f.get("unit"))
    else:
        _point(row, f, anchor, reference)
    if f.get("mod") and (f["mod"] == "approx" or (kind == "duration") == (f["mod"] in ("before", "after"))):
        row["mod"] = f["mod"]
    return _iso(row)


QUARTER = re.compile(r"\d{4}-Q[1-4]")


def is_quarter(value: str | None) -> bool:
    return bool(value) and QUARTER.fullmatch(value) is not None


def _point(row: dict, f: dict, anchor: date | None, reference: str | None = None) -> None:
    value, relative = date_value(f, anchor, reference)
    start, end, gran = interval(value)
    if value and row["kind"] == "time":
        value += time_suffix(f)
    row.update(value=value, start_date=start, end_date=end, is_relative=bool(relative) and value is not None,
               granularity=gran or GRANULARITY.get(f.get("unit")))
    if row["is_relative"]:
        row["anchor_date"] = interval(reference)[0] if relative == REFERENCE else anchor


def _duration(row: dict, f: dict, anchor: date | None) -> None:
    unit, n = f.get("unit"), f["num"] if f["num"] is not None else "X" if f.get("plural") else 1
    if f.get("shift") and f.get("of_unit"):
        unit = f["of_unit"]   # "the year-earlier nine months": a length of months
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
        right = {"num": None, "year": short_year_end(left["year"], right["num"])}  # 2016-20
    elif left.get("month") and not right.get("month") and (end := _bare_day(words[cut + 1:], lex)):
        right = dict(left, day=end[0], year=end[1] or left.get("year"))           # Sept. 14-15, July 9-11, 2010
    elif right.get("month") and not left.get("month") and (start := _bare_day(words[:cut], lex)):
        if not start[0] < right.get("day", 0):
            raise NotATimex(" ".join(words))   # "voted 28-2 March 15": a tally, not days running back
        left = dict(right, day=start[0])                                           # 20 to 24 May, 5-7 July 2013
    years_given = bool(left.get("year")), bool(right.get("year"))
    if right.get("year") and not left.get("year") and left.get("month"):
        left["year"] = right["year"]                                               # March to May 2020
    (a, rel_a), (b, rel_b) = date_value(left, anchor), date_value(right, anchor)
    a, b = _across_new_year(a, b, years_given)
    if a and left.get("weekday") and right.get("weekday") and not right.get("month") and DAY.fullmatch(a):
        # "Monday to Friday", "between Monday and Wednesday": the first such day after the start
        b = weekday_near(date.fromisoformat(a), right["weekday"], 1).isoformat()
    if not a or not b:
        return row
    start, _, gran = interval(a)
    _, end, _ = interval(b)
    row.update(value=f"{a}/{b}", start_date=start, end_date=end, granularity=gran,
               is_relative=rel_a or rel_b, anchor_date=anchor if rel_a or rel_b else None)
    return row


def _bare_day(words: list[str], lex: dict) -> tuple[int, int | None] | None:
    """The day of a range's end written without its month ("Sept. 14-15", "March 15 to 18th"), and
    the year written after it ("March 20-21, 2013"), which ``features`` would add to the day; None
    when the words are more than a day of the month (and a year).

    >>> lex = default_lexicon()
    >>> _bare_day(["21", ",", "2013"], lex), _bare_day(["18", "th"], lex), _bare_day(["three", "months"], lex)
    ((21, 2013), (18, None), None)
    """
    year = None
    if len(words) > 1 and YEAR_WORD.fullmatch(words[-1]):
        year, words = int(words[-1]), words[:-2] if words[-2] == "," else words[:-1]
    f = {k: v for k, v in features(words, lex).items() if v is not None and v is not False}
    day = f.get("num", f.get("ordinal")) if len(f) == 1 else None
    return (day, year) if isinstance(day, int) and 1 <= day <= 31 else None


YEAR_WORD = re.compile(r"1[1-9]\d\d|20\d\d")   # as the YEAR of rules/dates/patterns.yaml


def short_year_end(start: int, yy: int) -> int:
    """The year a range from ``start`` ends in when its end is written with two digits: the
    first such year after ``start`` (across a century: "1999-00"); ``NotATimex`` when that is
    more than ``SHORT_YEAR_SPAN`` years on, or ``yy`` has more than two digits ("2024/17" numbers a paper).

    >>> short_year_end(2016, 20), short_year_end(1999, 0), short_year_end(1998, 3)
    (2020, 2000, 2003)
    >>> short_year_end(2024, 17)
    Traceback (most recent call last):
    claimspan.normalize.timex.NotATimex: 2024/17
    """
    end = start // 100 * 100 + yy
    if end <= start:
        end += 100
    if not 0 <= yy < 100 or end - start > SHORT_YEAR_SPAN:
        raise NotATimex(f"{start}/{yy:02d}")
    return end


def _across_new_year(a: str | None, b: str | None, years_given: tuple[bool, bool]) -> tuple:
    """The ends of a range of months or days that crosses a new year, when a year is left to be
    inferred: the end goes on a year ("Dec. 28-Jan. 3"), or, when only the end's year is written,
    the start goes back one ("December to February 2021").

    >>> _across_new_year("2024-12-28", "2024-01-03", (False, False))
    ('2024-12-28', '2025-01-03')
    >>> _across_new_year("2021-12", "2021-02", (False, True))
    ('2020-12', '2021-02')
    """
    if not (a and b and DAY_OR_MONTH.fullmatch(a) and DAY_OR_MONTH.fullmatch(b) and a[4:] > b[4:] and a[:4] == b[:4]):
        return a, b
    if not years_given[1]:
        return a, f"{int(b[:4]) + 1:04d}{b[4:]}"
    if not years_given[0]:
        return f"{int(a[:4]) - 1:04d}{a[4:]}", b
    return a, b


DAY_OR_MONTH = re.compile(r"\d{4}-\d{2}(?:-\d{2})?")
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _opening_part(row: dict, f: dict, anchor: date | None) -> dict:
    """"the first eight months of this year" -> 2021-01/2021-08; "the first three quarters of 2020"."""
    unit, n = f.get("unit"), f.get("num")
    year, relative = year_of(f, anchor, 1, future=False) if (f.get("year") or f.get("year_rel") is not None) \
        else (None, False)
    last = 12 if unit == "month" else 4
    if unit not in ("month", "quarter") or not isinstance(n, int) or not year or not 1 <= n <= last:
        return row
    a, b = (f"{year}-01", f"{year}-{n:02d}") if unit == "month" else (f"{year}-Q1", f"{year}-Q{n}")
    row.update(value=f"{a}/{b}", start_date=interval(a)[0], end_date=interval(b)[1], granularity=unit,
               is_relative=relative, anchor_date=anchor if relative else None)
    if unit == "quarter" and n == 2:   # "the first two quarters of 1990": the first half, one period (1990-H1)
        start, end, granularity = interval(f"{year}-H1")
        row.update(kind="date", value=f"{year}-H1", start_date=start, end_date=end, granularity=granularity)
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
                    "relative", "deictic", "modifiers", "negations", "shift_words", "parts_of_day", "sets", "holidays",
                    "recurring_weekdays", "recurring_parts", "recurring_seasons", "passive_auxiliaries",
                    "participle_endings", "move_verbs", "move_prepositions", "passive_targets",
                    "future_markers", "reporting_verbs", "range_words", "am_pm", "part_am_pm", "part_am_pm_before",
                    "time_zones", "quarter_tokens",
                    "past_markers", "anaphoric", "future_in_past", "present_schedule", "schedule_prepositions",
                    "possessive", "event_ahead", "dashes", "fractions", "clause_breaks", "day_then_clock",
                    "scheduled_to", "ordinal_suffixes", "indefinite_articles", "present_verbs",
                    "not_a_verb_after", "tense_breaks", "past_after", "deadline_words", "future_after",
                    "relative_pronouns", "report_words", "anaphoric_after_the", "narrative_shift", "forward_breaks",
                    "set_for", "length_shifts", "deadline_before", "comparison_words",
                    "period_end_words", "shift_phrases", "past_verb_prepositions", "participle_before",
                    "untold_after", "o_clock", "frequency_counts")


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
    try:
        return interpret(words, kind, anchor, default_lexicon())["value"]
    except NotATimex:
        return None
