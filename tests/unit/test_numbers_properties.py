"""Properties of the number reader and the claims component on generated text:
no crash, and every row is well formed (hypothesis)."""
from __future__ import annotations

import math

import pytest
import spacy
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from claimspan.components import claims, sentences  # noqa: F401  registers the factories
from claimspan.normalize.numbers import parse_number, read_number, tokenize
from claimspan.tokenizer import customize_tokenizer

PIECES = ["one", "two", "twenty", "-", "six", "hundred", "and", "a", "half", "thousand", "million", "dozen", "dozens",
          "of", "thirds", "fifth", "point", "zero", "minus", "5", "1,200", "3.5", "2016", "1/4", "^", "10", "%",
          "percent", "$", "yuan", "km", "years", "old", "to", "between", "more", "than", "about", "people", "the",
          "in", "2020", ",", ".", "(", ")", "times", "in", "every", "No.", "COVID-19", "bn", "M", "\u00a0", "\n"]
KINDS = {"count", "percent", "money", "measure", "ratio"}
QUALIFIERS = {"exact", "approximately", "more_than", "at_least", "less_than", "at_most", "nearly"}


@pytest.mark.slow
@given(st.lists(st.sampled_from(PIECES), max_size=12))
@example(["twenty", "and"])  # once raised IndexError: "and" at the end of the text
@settings(max_examples=300, deadline=None)
def test_read_number_never_crashes(pieces):
    words, glued = tokenize(" ".join(pieces))
    for i in range(len(words)):
        r = read_number(words, i, glued=glued)
        assert r is None or (i < r.end <= len(words) and not math.isnan(r.value))
    parse_number(" ".join(pieces))


NLP = spacy.blank("en")
customize_tokenizer(NLP)
NLP.add_pipe("claimspan_sentences")
NLP.add_pipe("claimspan_claims")


@pytest.mark.slow
@given(st.lists(st.sampled_from(PIECES), max_size=16), st.sampled_from([" ", "", "  "]))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_claim_rows_are_well_formed(pieces, sep):
    text = sep.join(pieces)
    doc = NLP(text)
    for span in doc.spans.get("claims", []):
        row = span._.claim
        assert text[span.start_char:span.end_char] == span.text
        assert row["kind"] in KINDS and row["qualifier"] in QUALIFIERS
        assert isinstance(row["value"], float) and math.isfinite(row["value"])
        assert (row["unit"] is None) == (row["kind"] in ("count", "ratio"))
        if row["counted"] is not None:
            assert text[row["counted_start_char"]:row["counted_end_char"]] == row["counted"]
            assert row["counted_start_char"] >= span.end_char
