"""The statistics step's own reading of a sentence: words, numbers and clause punctuation
(no parse: the claims of a reused document, another worker or a Dask part are read alike)."""
from __future__ import annotations

import re
import sys
from typing import Iterable, NamedTuple

# Words (with inner apostrophes, hyphens and abbreviation periods), numbers, and the
# punctuation that ends a clause.
TOKEN = re.compile(r"[A-Za-z](?:[A-Za-z'’\-]|\.(?=[A-Za-z]\.))*\.?|\d[\d,.]*\d|\d|[,;:()\u2014\u2013]")
# A sentence ends after a word or number, not after an initial or acronym (`U.S. embassies`).
SENTENCE_SPLIT = re.compile(r"(?<=[a-z0-9)][.!?])\s+|(?<=[.!?][\"'\u201d\u2019])\s+|\n")


NONE: frozenset = frozenset()   # the one empty set (each ``frozenset()`` is a new object, and a run keeps
                                # several sets per claim until the grouping is done)


def kept(items: Iterable) -> frozenset:
    """A set a claim keeps: ``NONE`` when it is empty."""
    found = frozenset(items)
    return found if found else NONE


def words_kept(words: Iterable[str]) -> tuple[str, ...]:
    """The distinct words of a sentence that a claim keeps, each word one string for the run
    (interned): a tuple is a quarter of the size of a set of the same words.

    >>> words_kept(["toll", "rose", "toll"])
    ('toll', 'rose')
    """
    return tuple(dict.fromkeys(sys.intern(w) for w in words))


def tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)]


class Sentence(NamedTuple):
    toks: list            # (text, start, end)
    lower: list[str]      # the tokens in lower case, a word's final period dropped
    starts: list[int]
    ends: list[int]
    echo: str             # the text with its spacing normalized
    words: tuple          # its distinct content words (``words_kept``)
    mentions: list        # (token index, place) of each place it names
    mention_at: list[int]     # their token indexes, for bisect
    scopes: list              # (token index, `one` or `many`) of each incident word
    owned: list               # (token index of a figure, its own place phrase as a range of ``mentions``)
    within: tuple = ()        # (inner, outer) place keys the sentence nests (`the town of Kemah in Erzincan`)
    reports: tuple = ()       # token indexes of its first reporting verbs (`said`): who gave its figures
    company: bool = False     # it speaks of shares or stock: its figures are a company's (features._company)
