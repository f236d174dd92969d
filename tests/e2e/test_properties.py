"""Property tests: for any Unicode text, extraction never raises, spans are exact, runs repeat."""
from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimspan
from claimspan.io.schemas import EXTRACTION_TABLES, TABLES

# Plain Unicode plus the pieces the rules react to, so that generated texts reach the rules.
PIECES = st.sampled_from(["5,479", " 14.6%", "$2.69", " more than ", " 2016-2020", " May 31, 2021", "\n",
                          "Li Xiao:\n", " (SCIO)", " Resolution 2231", " yuan", " last year", "\r\n", "\u00a0",
                          "\u200b", "\uff15", "\u2212", " the United Nations Human Rights Council", " dozens of ",
                          " countries", ". ", "\t", "\x00", "\f", "Page 2 of 3\n", "govern-\nment", " and the\n",
                          "the Supreme People's\nCourt "])
TEXTS = st.lists(st.one_of(st.text(max_size=20), PIECES), max_size=30).map("".join)


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_any_text(text):
    first = claimspan.extract([{"id": "x", "text": text, "date": "2021-05-31"}])
    n = len(text)
    for table in EXTRACTION_TABLES:
        for row in first[table].itertuples():
            assert 0 <= row.start_char < row.end_char <= n
            assert text[row.start_char:row.end_char] == row.text
            assert text[row.sentence_start_char:row.sentence_end_char] == row.sentence
    again = claimspan.extract([{"id": "x", "text": text, "date": "2021-05-31"}])
    for table in TABLES:
        pd.testing.assert_frame_equal(first[table], again[table])
