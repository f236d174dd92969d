"""The boundary sweep behind the report's highlights: any spans, overlapping or
crossing, give well-nested HTML whose pieces read back as exactly each span's text."""
from __future__ import annotations

from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimspan.review.markup import Span, render


class _Reader(HTMLParser):
    """Rebuilds the text, and each key's text from its pieces, checking that tags nest."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.text, self.pieces, self.firsts = [], [], {}, {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.stack.append((tag, attrs["data-key"]))
        if "data-cont" not in attrs:
            self.firsts[attrs["data-key"]] = self.firsts.get(attrs["data-key"], 0) + 1
        self.pieces.setdefault(attrs["data-key"], "")

    def handle_endtag(self, tag):
        assert self.stack and self.stack.pop()[0] == tag, "end tag does not close the innermost element"

    def handle_data(self, data):
        self.text.append(data)
        for _, key in self.stack:
            self.pieces[key] += data


def _read(html: str) -> _Reader:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    assert not reader.stack
    return reader


TEXT = st.text(alphabet="ab <>&\"'\r\n\u00e9\U0001f600", max_size=40)


@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(TEXT, st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40), st.sampled_from("mbi")), max_size=8))
def test_any_spans_read_back_exactly(text, raw):
    spans = [Span(min(a, b, len(text)), min(max(a, b), len(text)), tag, {"data-key": f"k{i}"})
             for i, (a, b, tag) in enumerate(raw)]
    reader = _read(render(text, spans))
    assert "".join(reader.text) == text
    for i, span in enumerate(spans):
        assert reader.pieces[f"k{i}"] == text[span.start:span.end]
        assert reader.firsts[f"k{i}"] == 1


@pytest.mark.parametrize("spans, pieces", [
    ([(0, 9, "org"), (4, 9, "date")], 2),       # nested, sharing an end: no split
    ([(0, 5, "org"), (3, 9, "date")], 3),       # crossing: the inner one continues after the outer closes
    ([(2, 6, "org"), (2, 6, "date")], 2),       # the same offsets from two tables: both kept
    ([(3, 3, "org"), (0, 9, "date")], 2),       # zero width: an empty element
])
def test_overlaps(spans, pieces):
    html = render("abcdefghi", [Span(s, e, "mark", {"data-key": k}) for s, e, k in spans])
    assert html.count("<mark") == pieces
    reader = _read(html)
    assert {k: reader.pieces[k] for _, _, k in spans} == {k: "abcdefghi"[s:e] for s, e, k in spans}
