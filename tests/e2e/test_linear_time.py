"""Work grows linearly with a document's length, dense or not: counted here, never timed
(the timings are bench/lineartime.py). And a dense one-line text keeps each claim's own period."""
from __future__ import annotations

import sys

import pytest

import claimspan
from claimspan.components import sentences
from claimspan.components.claims import period
from claimspan.normalize import acronyms, number_words


def dense(n: int, first_year: int = 2001) -> str:
    """``5,479 acquittals in 2001 and 5,479 acquittals in 2002 and ...`` on one line."""
    return "".join(f"5,479 acquittals in {first_year + k} and " for k in range(n))


@pytest.fixture
def one_sentence(monkeypatch):
    """No cap on a sentence's length: a one-line text stays one sentence (the worst case
    for anything done per sentence)."""
    monkeypatch.setattr(sentences, "MAX_SENTENCE_CHARS", 10 ** 9)


def claims_of(text: str):
    return claimspan.extract({"id": "d", "text": text, "date": "2021-05-31"})["claims"]


@pytest.mark.parametrize("cap", ["capped", "one sentence"])
def test_each_dense_claim_takes_its_period_from_its_own_clause(cap, request):
    if cap == "one sentence":
        request.getfixturevalue("one_sentence")
    n = 90
    rows = claims_of(dense(n))
    assert len(rows) == n
    years = [2001 + k for k in range(n)]
    assert list(rows.text) == ["5,479"] * n and set(rows.counted) == {"acquittals"}
    assert list(rows.period_text) == [f"in {y}" for y in years]
    assert [str(d) for d in rows.period_start] == [f"{y}-01-01" for y in years]
    assert [str(d) for d in rows.period_end] == [f"{y}-12-31" for y in years]


def test_a_dense_document_gives_the_rows_of_its_pieces(one_sentence):
    pieces = [f"5,479 acquittals in {2001 + k} and " for k in range(40)]
    whole = claims_of("".join(pieces))
    columns = ["text", "value", "kind", "counted", "period_text", "period_start", "period_end", "checkworthy"]
    offset, expected = 0, []
    for piece in pieces:
        rows = claims_of(piece)
        expected += [tuple(r) + (s + offset,) for r, s in zip(rows[columns].itertuples(index=False), rows.start_char)]
        offset += len(piece)
    assert [tuple(r) + (s,) for r, s in zip(whole[columns].itertuples(index=False), whole.start_char)] == expected


def test_a_long_line_is_cut_into_sentences_of_bounded_length():
    text = dense(200)
    rows = claims_of(text)
    spans = sorted(set(zip(rows.sentence_start_char, rows.sentence_end_char)))
    assert len(spans) > 1 and all(e - s <= sentences.MAX_SENTENCE_CHARS for s, e in spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    assert all(text[s:e].startswith("and 5,479") or s == 0 for s, e in spans)   # cut before "and", not in a claim


def test_the_period_search_visits_a_bounded_number_of_dates_and_tokens_per_claim(one_sentence, monkeypatch):
    seen = {"scopes": 0, "near_tokens": 0, "clause_checks": 0}
    real_scopes, real_near, real_clause = period.scopes, period.near, period.Periods.fits

    def scopes(*args):
        seen["scopes"] += 1
        return real_scopes(*args)

    def near(doc, start, end, *rest):
        seen["near_tokens"] += max(0, min(end - start, period.NEAR_PERIOD + 1))
        return real_near(doc, start, end, *rest)

    def fits(self, *args):
        seen["clause_checks"] += 1
        return real_clause(self, *args)

    monkeypatch.setattr(period, "scopes", scopes)
    monkeypatch.setattr(period, "near", near)
    monkeypatch.setattr(period.Periods, "fits", fits)
    n = 90
    assert len(claims_of(dense(n))) == n
    assert seen["scopes"] == n                          # once per date, not once per claim and date
    assert seen["clause_checks"] <= 3 * n
    assert seen["near_tokens"] <= (period.NEAR_PERIOD + 1) * n


def python_lines(text: str) -> int:
    """Python lines executed while extracting ``text`` (a measure of work that does not
    depend on the machine's speed)."""
    count = 0

    def trace(frame, event, arg):
        nonlocal count
        count += 1
        return trace

    previous = sys.gettrace()
    sys.settrace(trace)
    try:
        claimspan.extract({"id": "d", "text": text})
    finally:
        sys.settrace(previous)
    return count


@pytest.mark.parametrize("unit", ["5,479 acquittals in 2020 and ", "1234567890 ", "twelve or thirteen cases in 2020, "])
def test_four_times_the_text_is_at_most_four_and_a_half_times_the_work(unit, one_sentence):
    claimspan.extract(unit * 5)   # everything built and cached before counting
    small, large = python_lines(unit * 30), python_lines(unit * 120)
    assert large <= 4.5 * small, (small, large)


def test_a_long_number_in_words_is_read_in_linear_work(monkeypatch):
    """Each "and" of a number used to read the rest of it twice over ("five thousand four
    hundred and " x 20 read its tail 2**19 times)."""
    calls = 0
    real = number_words.read_cardinal

    def read_cardinal(*args, **kwargs):
        nonlocal calls
        calls += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(number_words, "read_cardinal", read_cardinal)
    from claimspan.normalize.numbers import read_number

    for n in (12, 48):
        calls = 0
        words = ("five thousand four hundred and " * n).split()
        assert read_number(words, 0).end == len(words) - 1
        assert calls <= 10 * n


def test_acronym_definitions_look_back_over_a_bounded_part_of_a_long_line(monkeypatch):
    """The words before each parenthesis are searched near it, not from the line's start."""
    scanned = 0
    real = acronyms._WORD

    class Counting:
        def finditer(self, string, pos=0, endpos=sys.maxsize):
            nonlocal scanned
            scanned += min(endpos, len(string)) - pos
            return real.finditer(string, pos, endpos)

        def __getattr__(self, name):
            return getattr(real, name)

    monkeypatch.setattr(acronyms, "_WORD", Counting())
    text = "the World Health Organization (WHO) and the WHO said; " * 300
    found = acronyms.find_definitions(text)
    assert [(d.short, d.long) for d in found[:1]] == [("WHO", "World Health Organization")] and len(found) == 300
    assert scanned <= 300 * 256
