"""A Doc's sentence bounds by token, found once.

``Token.sent`` and ``Span.sent`` walk the sentence token by token on every
call, so asking each span of a long sentence for its sentence costs the
sentence's length each time: quadratic on a dense one-line text. A component
that needs the sentence of many spans builds one ``SentenceIndex`` per Doc and
asks it instead (a binary search). The bounds are those of ``Span.sent``: the
sentence holding the span's first token, or the whole Doc when it has no
sentence boundaries.
"""
from __future__ import annotations

import bisect

import numpy as np
from spacy.attrs import SENT_START
from spacy.tokens import Doc, Span


class SentenceIndex:
    def __init__(self, doc: Doc):
        self.doc = doc
        n = len(doc)
        starts = [0]
        if n > 1 and doc.has_annotation("SENT_START"):
            flags = doc.to_array(SENT_START).astype("int64")   # 1, -1 (not a start) or 0 (unset)
            starts += (np.flatnonzero(flags[1:] == 1) + 1).tolist()
        self.starts = starts
        self.ends = starts[1:] + [n]

    def __len__(self) -> int:
        return len(self.starts)

    def number(self, i: int) -> int:
        """Which sentence token ``i`` is in (0 for the first)."""
        return max(bisect.bisect_right(self.starts, i) - 1, 0)

    def bounds(self, i: int) -> tuple[int, int]:
        """(start, end) token offsets of the sentence holding token ``i``."""
        k = self.number(i)
        return self.starts[k], self.ends[k]

    def sent(self, i: int) -> Span:
        """The sentence holding token ``i``, as ``doc[i].sent`` gives it."""
        start, end = self.bounds(i)
        return self.doc[start:end]
