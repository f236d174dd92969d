"""Holidays: the day each rule gives in known years, and the occurrence a text means."""
from __future__ import annotations

import datetime as dt

import pytest

from claimspan.normalize.holidays import check, day_in, occurrence

THANKSGIVING = {"month": 11, "weekday": 4, "nth": 4}
MEMORIAL = {"month": 5, "weekday": 1, "nth": -1}
ELECTION = {"month": 11, "weekday": 1, "nth": 1, "shift": 1}
EASTER = {"easter": 0}


@pytest.mark.parametrize("rule, year, day", [
    (THANKSGIVING, 2018, "2018-11-22"), (THANKSGIVING, 2020, "2020-11-26"), (THANKSGIVING, 2024, "2024-11-28"),
    (MEMORIAL, 2019, "2019-05-27"), (MEMORIAL, 2022, "2022-05-30"), (MEMORIAL, 2024, "2024-05-27"),
    (ELECTION, 2016, "2016-11-08"), (ELECTION, 2022, "2022-11-08"), (ELECTION, 2026, "2026-11-03"),
    (EASTER, 2019, "2019-04-21"), (EASTER, 2021, "2021-04-04"), (EASTER, 2025, "2025-04-20"),
    ({"easter": -2}, 2025, "2025-04-18"), ({"month": 12, "weekday": 7, "nth": -1}, 2023, "2023-12-31"),
    ("02-29", 2024, "2024-02-29"), ("02-29", 2023, None),
])
def test_day_in_a_year(rule, year, day):
    got = day_in(rule, year)
    assert (got.isoformat() if got else None) == day


@pytest.mark.parametrize("anchor, future, day", [
    ("2020-01-06", False, "2019-12-25"),   # just after: the one past
    ("2019-12-20", False, "2019-12-25"),   # just before: the coming one
    ("2019-12-26", True, "2020-12-25"),    # looking forward: the next one
    ("2019-12-25", True, "2019-12-25"),    # the day itself
])
def test_occurrence_nearest_or_next(anchor, future, day):
    assert occurrence("12-25", dt.date.fromisoformat(anchor), future).isoformat() == day


@pytest.mark.parametrize("rule", ["12-32", "2021-12-25", {"month": 13, "weekday": 1, "nth": 1},
                                  {"month": 1, "weekday": 1, "nth": 5}, {"easter": "one"},
                                  {"month": 1, "weekday": 1}, {"month": 1, "weekday": 1, "nth": 1,
                                                                      "every": 2}, ["12-25"]])
def test_bad_rules_are_named(rule):
    assert check(rule)
