"""Another component's spans by position, indexed once per Doc.

A component that asks, for each of its own spans, which organizations lie in
the same sentence or end just before it would otherwise look at every
organization of the Doc each time: quadratic on a long text dense with both.
``SpanIndex`` answers by binary search, in the spans' own order.
"""
from __future__ import annotations

import bisect
from typing import Callable

from spacy.tokens import Span


class SpanIndex:
    """``spans`` (a list, e.g. ``list(doc.spans["organizations"])``) by start and by end.

    >>> import spacy
    >>> doc = spacy.blank("en")("a b c d e f")
    >>> index = SpanIndex([doc[3:5], doc[0:2], doc[1:2]])
    >>> [s.text for s in index.within(0, 4)], [s.text for s in index.within(1, 6)]
    (['a b', 'b'], ['d e', 'b'])
    >>> index.last_end(4), index.last_end(1), index.ends
    (2, None, {2, 5})
    """

    def __init__(self, spans: list[Span], keep: Callable[[Span], bool] | None = None):
        self.spans = spans
        self.by_start = sorted((s.start, k) for k, s in enumerate(spans))
        self.starts = [start for start, _ in self.by_start]
        self.ends = {s.end for s in spans}
        self.kept_ends = sorted(s.end for s in spans if keep is None or keep(s))

    def within(self, start: int, end: int) -> list[Span]:
        """The spans inside tokens [start, end), in the order of ``spans``."""
        lo, hi = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)
        return [self.spans[k] for k in sorted(k for _, k in self.by_start[lo:hi] if self.spans[k].end <= end)]

    def last_end(self, at_most: int) -> int | None:
        """The largest end, at most ``at_most``, of a span that ``keep`` kept."""
        k = bisect.bisect_right(self.kept_ends, at_most)
        return self.kept_ends[k - 1] if k else None
