"""The narrative's reference time in TIMEX3 values: pure functions, no spaCy.

``from_reference`` resolves an anaphoric expression ("the following year", "that
quarter", "two days later") against the date a text last spoke about; which words are
anaphoric is in ``rules/dates/lexicon.yaml`` (``anaphoric``), which date the text last
spoke about is kept by ``claimspan.components.dates.narrative``.
"""
from __future__ import annotations

from claimspan.normalize.timex_values import DURATION_CODE, interval, shift, value_at, weekday_near

REFERENCE_UNITS = ("day", "week", "month", "quarter", "year")   # finer to coarser


def from_reference(f: dict, unit: str | None, reference: str) -> str | None:
    """"the following year", "that quarter", "two days later", "the previous Friday": the point
    the narrative last spoke about (``reference``), moved; None when the words name a unit finer
    than the reference ("two days later" after "in March") or give no unit.

    >>> from claimspan.normalize.timex import default_lexicon, features
    >>> lex = default_lexicon()
    >>> from_reference(features(["the", "following", "year"], lex), "year", "1995-05-22")
    '1996'
    >>> from_reference(features(["two", "days", "later"], lex), "day", "1995-05")
    >>> from_reference(features(["a", "decade", "later"], lex), "decade", "1990")
    '2000'
    >>> from_reference(features(["that", "same", "day"], lex), "day", "1998-10")
    '1998-10-XX'
    """
    start, _, granularity = interval(reference)
    if start is None:
        return None
    if f.get("weekday"):
        return weekday_near(start, f["weekday"], f.get("rel") or -1).isoformat() if granularity == "day" else None
    code, years = DURATION_CODE.get(unit, ("", 1))
    if code == "Y" and years > 1 and f.get("shift") and (f["num"] is None or isinstance(f["num"], int)):
        f, unit = dict(f, num=(f["num"] or 1) * years), "year"   # "a decade later": ten years on, a year
    if unit not in REFERENCE_UNITS or granularity not in REFERENCE_UNITS:
        return None
    if REFERENCE_UNITS.index(unit) < REFERENCE_UNITS.index(granularity):
        # "last October ... that same day": a day of that month, not said which (TIMEX3 1998-10-XX)
        same = not f.get("shift") and not f.get("rel") and f.get("num") is None
        return f"{reference[:7]}-XX" if same and unit == "day" and granularity == "month" else None
    n = f["num"] if f["num"] is not None else 1
    if not isinstance(n, int):
        return None
    step = n * (f.get("shift") or f.get("rel") or 0)
    if unit == "year" and abs(step) == 1 and f.get("shift"):   # "a year earlier": the same quarter, month or day
        return value_at(shift(start, "year", step), granularity) if granularity != "week" else None
    return value_at(shift(start, unit, step), unit)
