"""TIMEX3 values and the calendar: pure functions, no spaCy.

``interval(value)`` turns a TIMEX3 value into the calendar interval it covers;
``shift`` moves a date by calendar units; ``value_at`` and ``duration_value``
write the values a date or a length has at a given granularity.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

DURATION_CODE = {"day": ("D", 1), "week": ("W", 1), "month": ("M", 1), "quarter": ("Q", 1),
                 "year": ("Y", 1), "decade": ("Y", 10), "century": ("Y", 100),
                 "weekend": ("WE", 1), "hour": ("TH", 1), "minute": ("TM", 1), "second": ("TS", 1)}
GRANULARITY = {"day": "day", "month": "month", "quarter": "quarter", "year": "year",
               "decade": "decade", "century": "century"}
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
# finer to coarser (how far a length with "later" or "earlier" is read as one: lexicon length_shifts)
UNIT_ORDER = ("second", "minute", "hour", "day", "week", "weekend", "month", "quarter", "year", "decade", "century")

# TIMEX3 value shapes, compiled once (every row's interval is read from its value)
_DAY = re.compile(r"\d{4}-\d\d-\d\d")
_MONTH = re.compile(r"\d{4}-\d\d")
_PART = re.compile(r"(\d{4})-([QHW])(\d\d?)")
_SEASON = re.compile(r"(\d{4})-(SP|SU|FA|WI)")
_YEAR = re.compile(r"\d{4}")
_DECADE = re.compile(r"\d{3}")
_CENTURY = re.compile(r"\d{2}")


def month_and_day(a: int, b: int, day_first: bool, guess: bool = True) -> tuple[int, int] | None:
    """(month, day) of a numeric date's first two numbers: the day first where dots separate them
    (``day_first``) or the first cannot be a month, else the US order; with ``guess`` False, None
    when either order could be meant ("03/04/2024").

    >>> month_and_day(24, 4, False), month_and_day(4, 3, True), month_and_day(3, 4, False)
    ((4, 24), (3, 4), (3, 4))
    >>> month_and_day(3, 4, False, guess=False) is None
    True
    """
    if day_first or a > 12:
        return b, a
    return (a, b) if guess or b > 12 else None


def month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def interval(value: str | None) -> tuple[date | None, date | None, str | None]:
    """The calendar interval a TIMEX3 date value covers, and its granularity.

    >>> interval("2020")
    (datetime.date(2020, 1, 1), datetime.date(2020, 12, 31), 'year')
    >>> interval("2020-02")[1], interval("2021-Q3")[0], interval("199")[1]
    (datetime.date(2020, 2, 29), datetime.date(2021, 7, 1), datetime.date(1999, 12, 31))
    >>> interval("PRESENT_REF")
    (None, None, None)
    """
    if not value or "X" in value:
        return None, None, None
    day = value.split("T")[0]
    if _DAY.fullmatch(day):
        d = date.fromisoformat(day)
        return d, d, "day"
    if _MONTH.fullmatch(day):
        y, m = map(int, day.split("-"))
        return date(y, m, 1), month_end(y, m), "month"
    m = _PART.fullmatch(day)
    if m:
        y, part, n = int(m[1]), m[2], int(m[3])
        if part == "W":
            start = date.fromisocalendar(y, n, 1)
            return start, start + timedelta(days=6), None
        months = 3 if part == "Q" else 6
        first = (n - 1) * months + 1
        return date(y, first, 1), month_end(y, first + months - 1), "quarter" if part == "Q" else "month"
    m = _SEASON.fullmatch(day)
    if m:
        y, (a, b) = int(m[1]), SEASON_MONTHS[m[2]]
        return date(y, a, 1), month_end(y + (b < a), b), "month"
    if _YEAR.fullmatch(day):
        y = int(day)
        return date(y, 1, 1), date(y, 12, 31), "year"
    if _DECADE.fullmatch(day):
        y = int(day) * 10
        return date(y, 1, 1), date(y + 9, 12, 31), "decade"
    if _CENTURY.fullmatch(day):
        y = int(day) * 100
        return date(y, 1, 1), date(y + 99, 12, 31), "century"
    return None, None, None


def shift(d: date, unit: str, n: float) -> date:
    """``d`` moved by ``n`` calendar units (month ends clamp: Mar 31 - 1 month = Feb 28).

    >>> shift(date(2021, 5, 31), "year", -5), shift(date(2021, 3, 31), "month", -1)
    (datetime.date(2016, 5, 31), datetime.date(2021, 2, 28))
    """
    if unit in ("day", "week", "weekend", "hour", "minute", "second"):
        days = {"day": 1, "week": 7, "weekend": 7}.get(unit, 0)
        return d + timedelta(days=int(round(n * days)))
    months = int(round(n * {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}[unit]))
    y, m = divmod(d.year * 12 + d.month - 1 + months, 12)
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def value_at(d: date, unit: str) -> str:
    """The TIMEX3 value naming the ``unit`` that holds ``d``.

    >>> value_at(date(2021, 5, 31), "week"), value_at(date(2021, 5, 31), "quarter")
    ('2021-W22', '2021-Q2')
    """
    if unit == "week":
        y, w, _ = d.isocalendar()
        return f"{y}-W{w:02d}"
    return {"day": d.isoformat(), "month": f"{d.year}-{d.month:02d}", "quarter": f"{d.year}-Q{(d.month - 1) // 3 + 1}",
            "year": str(d.year), "decade": str(d.year // 10), "century": str(d.year // 100)}.get(unit, d.isoformat())


def set_value(f: dict) -> str | None:
    """TIMEX3 value of a set from the features of its words: a frequency word's own value, else
    every such weekday (with its part of the day), day of the year, month, season, length or part
    of the day.

    >>> set_value({"weekday": 2, "part": "NI"}), set_value({"month": 7}), set_value({"season": "SP"})
    ('XXXX-WXX-2TNI', 'XXXX-07', 'XXXX-SP')
    >>> set_value({"num": 3, "unit": "month"}), set_value({"part": "MO"}), set_value({"set": "P1D"})
    ('P3M', 'XXXX-XX-XXTMO', 'P1D')
    """
    if f.get("set"):
        return f["set"]
    if f.get("freq") and f.get("unit"):
        return duration_value(1, f["unit"])   # "twice a week": every week (the count is its freq)
    if f.get("weekday"):
        return f"XXXX-WXX-{f['weekday']}" + (f"T{f['part']}" if f.get("part") else "")
    if f.get("month"):
        return f"XXXX-{f['month']:02d}" + (f"-{f['day']:02d}" if f.get("day") else "")
    if f.get("season"):
        return f"XXXX-{f['season']}"
    if f.get("unit"):
        return duration_value(f.get("num") or 1, f["unit"])
    return f"XXXX-XX-XXT{f['part']}" if f.get("part") else None


def duration_value(n, unit: str) -> str:
    """TIMEX3 duration value; ``n`` may be "X" (unknown). A fraction of a unit is written in
    the next smaller one, as TimeML does, when it comes out whole ("two and a half years" is
    P2Y6M, "a minute and a half" PT1M30S, "half an hour" PT30M); otherwise it stays a decimal.

    >>> duration_value(5, "year"), duration_value(1, "decade"), duration_value("X", "year"), duration_value(2, "hour")
    ('P5Y', 'P10Y', 'PXY', 'PT2H')
    >>> duration_value(2.5, "year"), duration_value(1.5, "minute"), duration_value(0.5, "hour")
    ('P2Y6M', 'PT1M30S', 'PT30M')
    >>> duration_value(1.5, "day")
    'P1DT12H'
    >>> duration_value(1.5, "week"), duration_value(0.5, "week"), duration_value(1.5, "month")
    ('P1.5W', 'P0.5W', 'P1.5M')
    """
    code, scale = DURATION_CODE[unit]
    if n == "X" or n is None:
        return f"PTX{code[1]}" if code.startswith("T") else f"PX{code}"
    amount = n * scale
    if float(amount).is_integer():
        amount = int(amount)
        return f"PT{amount}{code[1]}" if code.startswith("T") else f"P{amount}{code}"
    whole = int(amount)
    smaller, factor = SMALLER_CODE.get(code, (None, 0))
    rest = (amount - whole) * factor
    if smaller is None or not float(round(rest, 9)).is_integer():
        return _duration_text([(amount, code)])
    if code == "W":   # weeks do not mix with other units: all in days
        return _duration_text([(int(round(amount * factor)), smaller)])
    return _duration_text([(whole, code), (int(round(rest)), smaller)])


# A fraction of a unit in the next smaller unit (TIMEX3 codes; "T" marks a time unit).
SMALLER_CODE = {"Y": ("M", 12), "Q": ("M", 3), "W": ("D", 7), "D": ("TH", 24), "TH": ("TM", 60), "TM": ("TS", 60)}


def _duration_text(parts: list[tuple]) -> str:
    """[(2, "Y"), (6, "M")] -> P2Y6M; time units ("TH") after one T: [(1, "D"), (12, "TH")] -> P1DT12H."""
    date_part = "".join(f"{a}{c}" for a, c in parts if a and not c.startswith("T"))
    time_part = "".join(f"{a}{c[1]}" for a, c in parts if a and c.startswith("T"))
    return "P" + date_part + ("T" + time_part if time_part else "")


# -- resolving against the anchor ----------------------------------------------------

def weekday_near(anchor: date, wd: int, rel, future: bool = False) -> date:
    """Bare and ``this`` weekdays: the latest on or before the anchor (news reports the past),
    or the first on or after it in a future-tense clause; ``rel`` -1 / 1: the one strictly before
    / after it (also the end of a range of weekdays, "Monday to Friday").

    >>> weekday_near(date(2021, 5, 31), 3, 1), weekday_near(date(2021, 6, 4), 1, 1)
    (datetime.date(2021, 6, 2), datetime.date(2021, 6, 7))
    """
    if rel == -1:
        return anchor - timedelta(days=(anchor.isoweekday() - wd - 1) % 7 + 1)
    if rel == 1:
        return anchor + timedelta(days=(wd - anchor.isoweekday() - 1) % 7 + 1)
    if future:
        return anchor + timedelta(days=(wd - anchor.isoweekday()) % 7)
    return anchor - timedelta(days=(anchor.isoweekday() - wd) % 7)
