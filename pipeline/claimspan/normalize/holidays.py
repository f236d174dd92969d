"""Holidays and named days: the day a name means in a given year, and the occurrence a
text means (pure functions, no spaCy).

A holiday's rule (rules/dates/lexicon.yaml ``holidays``) is data:
``MM-DD`` for a fixed day (``12-25``); ``{month, weekday, nth}`` for the nth weekday
of a month (the weekday as its ISO number, Monday 1: the dates component reads the
rule file's weekday names with the lexicon's ``weekdays``), ``nth: -1`` the last
(Thanksgiving: the fourth Thursday of November), with ``shift`` days after it
(Election Day: the Tuesday after the first Monday of November); ``{easter: days}`` for
days from Easter Sunday (Good Friday: -2).
"""
from __future__ import annotations

import datetime as dt
import re

from dateutil.easter import easter

FIXED = re.compile(r"(\d{2})-(\d{2})")


def check(rule) -> str | None:
    """Why ``rule`` is not a holiday rule, or None when it is one.

    >>> check("12-25"), check({"month": 11, "weekday": 4, "nth": 4}), check({"easter": -2})
    (None, None, None)
    >>> check("13-01"), check({"month": 11, "weekday": "thu", "nth": 4})
    ("'13-01' is no MM-DD day", "weekday 'thu' is not a weekday's name")
    """
    if isinstance(rule, str):
        m = FIXED.fullmatch(rule)
        if not m:
            return f"{rule!r} is no MM-DD day"
        try:
            dt.date(2000, int(m.group(1)), int(m.group(2)))   # a leap year: 02-29 is a day
        except ValueError:
            return f"{rule!r} is no MM-DD day"
        return None
    if not isinstance(rule, dict):
        return f"{rule!r} is neither MM-DD nor a mapping"
    if set(rule) == {"easter"}:
        return None if isinstance(rule["easter"], int) else "easter: days from Easter Sunday, a whole number"
    unknown = set(rule) - {"month", "weekday", "nth", "shift"}
    if unknown or not {"month", "weekday", "nth"} <= set(rule):
        return "needs month, weekday and nth (and optionally shift), or easter"
    if rule["weekday"] not in range(1, 8):
        return f"weekday {rule['weekday']!r} is not a weekday's name"
    if not (isinstance(rule["month"], int) and 1 <= rule["month"] <= 12):
        return f"month {rule['month']!r} is not 1 ... 12"
    if rule["nth"] not in (1, 2, 3, 4, -1) or not isinstance(rule.get("shift", 0), int):
        return "nth is 1, 2, 3, 4 or -1 (the last); shift a whole number of days"
    return None


def day_in(rule, year: int) -> dt.date | None:
    """The holiday's day in ``year`` (None: not in that calendar, e.g. 02-29 in 2021).

    >>> day_in({"month": 11, "weekday": 4, "nth": 4}, 2019)   # Thanksgiving: the fourth Thursday
    datetime.date(2019, 11, 28)
    >>> day_in({"month": 5, "weekday": 1, "nth": -1}, 2021)   # Memorial Day: the last Monday
    datetime.date(2021, 5, 31)
    >>> day_in({"month": 11, "weekday": 1, "nth": 1, "shift": 1}, 2020)  # Election Day
    datetime.date(2020, 11, 3)
    >>> day_in({"easter": -2}, 2024), day_in("12-25", 2019)
    (datetime.date(2024, 3, 29), datetime.date(2019, 12, 25))
    """
    if isinstance(rule, str):
        month, day = map(int, rule.split("-"))
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    if "easter" in rule:
        return easter(year) + dt.timedelta(days=rule["easter"])
    weekday = rule["weekday"] - 1   # ISO Monday 1 -> Python's Monday 0
    if rule["nth"] == -1:
        following = dt.date(year + (rule["month"] == 12), rule["month"] % 12 + 1, 1)
        last = following - dt.timedelta(days=1)
        day = last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    else:
        first = dt.date(year, rule["month"], 1)
        day = first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (rule["nth"] - 1))
    return day + dt.timedelta(days=rule.get("shift", 0))


def occurrence(rule, anchor: dt.date, future: bool = False) -> dt.date | None:
    """The occurrence a text dated ``anchor`` means: the one nearest to it, or with
    ``future`` (``will``, ``scheduled``...) the first on or after it.

    >>> occurrence("12-25", dt.date(2019, 12, 30)), occurrence("12-25", dt.date(2020, 1, 6))
    (datetime.date(2019, 12, 25), datetime.date(2019, 12, 25))
    >>> occurrence("12-25", dt.date(2019, 12, 20)), occurrence("01-01", dt.date(2019, 12, 30), future=True)
    (datetime.date(2019, 12, 25), datetime.date(2020, 1, 1))
    """
    days = [d for d in (day_in(rule, anchor.year + k) for k in (-1, 0, 1)) if d is not None]
    if future:
        days = [d for d in days if d >= anchor]
    return min(days, key=lambda d: (abs((d - anchor).days), d)) if days else None
