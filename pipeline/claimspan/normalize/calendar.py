"""Small calendar helpers shared by the readers and the docdate component (no spaCy)."""
from __future__ import annotations

import datetime as dt
import re

import dateparser

from claimspan.normalize.timex_values import month_and_day

# dateparser must never fill a missing year or day from today's clock.
_SETTINGS = {"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DATES_FROM": "past",
             "RELATIVE_BASE": dt.datetime(2000, 1, 1), "DATE_ORDER": "MDY"}


def parse_full_date(text: str) -> str | None:
    """An ISO date for a complete written date, else None.

    >>> parse_full_date("May 31, 2021"), parse_full_date("31 May 2021"), parse_full_date("Sept. 17, 2021")
    ('2021-05-31', '2021-05-31', '2021-09-17')
    >>> parse_full_date("2021-05-31"), parse_full_date("May 2021"), parse_full_date("Feb. 30, 2021")
    ('2021-05-31', None, None)
    >>> [parse_full_date(d) for d in ("24-04-2024", "4.3.2024", "04/24/2024", "03/04/2024")]
    ['2024-04-24', '2024-03-04', '2024-04-24', None]
    """
    text = text.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return dt.date.fromisoformat(text).isoformat()
        except ValueError:
            return None
    if m := re.fullmatch(r"(\d{1,2})([./-])(\d{1,2})\2(\d{4})", text):
        order = month_and_day(int(m[1]), int(m[3]), m[2] == ".", guess=False)   # never "03/04/2024"
        try:
            return dt.date(int(m[4]), *order).isoformat() if order else None
        except ValueError:
            return None
    parsed = dateparser.parse(text, languages=["en"], settings=_SETTINGS)
    return parsed.date().isoformat() if parsed else None


def to_date(value) -> dt.date | None:
    """Accept an ISO string, a date or a datetime (input metadata); None when unreadable.

    >>> to_date("2021-05-31"), to_date(""), to_date("May 31, 2021")
    (datetime.date(2021, 5, 31), None, datetime.date(2021, 5, 31))
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        iso = parse_full_date(str(value))
        return dt.date.fromisoformat(iso) if iso else None
