"""Issue 15, the tense of a weekday's clause: a participle of planning before it ("planned for
Saturday") looks ahead, unless the clause's verb after it tells of a time gone by ("was
canceled"). Expected rows are marked inline with <date> (tests/inline.py)."""
from __future__ import annotations

import pytest

from tests.inline import blank_pipeline, check_dates


@pytest.fixture(scope="module")
def nlp():
    return blank_pipeline("dates")


CASES = [
    # a Sunday's story: the Saturday just gone, then the next one
    ("1999-10-24", "A memorial service planned for <date value=1999-10-23>Saturday</date> was canceled."),
    ("1999-10-24", "A memorial service planned for <date value=1999-10-30>Saturday</date> will honor him."),
    ("1999-10-24", "A memorial service is planned for <date value=1999-10-30>Saturday</date>."),
    ("2005-06-15", "The rally, set for <date value=2005-06-13>Monday</date>, had been called off."),
    ("2005-06-15", "The rally set for <date value=2005-06-20>Monday</date> is expected to draw thousands."),
]


@pytest.mark.parametrize("doc_date, marked", CASES)
def test_inline_cases(nlp, doc_date, marked):
    check_dates(nlp, doc_date, marked)
