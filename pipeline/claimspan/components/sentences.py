"""``claimspan_sentences``: sentence boundaries that respect lines.

Transcripts and briefings put a speaker label, a heading or a list item on a
line of its own, and no sentence runs across a line break. This component
starts a sentence at the first token of every line and, unless ``punct`` is
false, after sentence-final punctuation (spaCy's Sentencizer rule; closing
quotes and brackets stay with their sentence). After ``claimspan_speakers``,
a turn label is a sentence of its own: the words spoken start a sentence after
the label's colon (``MR. LEE: We hired 300 people.`` gives ``MR. LEE:`` and
``We hired 300 people.``), and no sentence starts inside the label (not after
``MR.``). Before a trained parser, use ``punct=False``: the parser then keeps
the line breaks and the labels as fixed boundaries and finds the rest itself.

A sentence is at most ``MAX_SENTENCE_CHARS`` long: a longer run without a
sentence end (a list of figures on one line, a text with its full stops
stripped) is cut at its last semicolon or colon within that length, else its
last comma, else before its last conjunction (``sentence_cut_after`` and
``sentence_cut_words`` of rules/documents/layout.yaml), else at its last space.
The final punctuation and the closers are ``sentence_ends`` and ``sentence_closers``. Every row stores its
sentence, and every component looks for a row's context within it: unbounded,
a one-line text of n claims would store n sentences of its whole length.

Works on whole-document arrays (``Doc.to_array``/``from_array``), not with a
Python loop per token.
"""
from __future__ import annotations

import re

import numpy as np
from spacy.attrs import IDX, IS_SPACE, LOWER, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from claimspan import extensions, layout, ruleset
from claimspan.components.docarrays import among, column
from claimspan.components.speakers import label_spans

MAX_SENTENCE_CHARS = 1_000   # the longest sentence of the seeds, APW and TimeBank is 700
LINE_BREAK = re.compile(r"[\r\n]")


@Language.factory(
    "claimspan_sentences",
    default_config={"punct": True},
    assigns=["token.is_sent_start"],
)
def make_sentences(nlp: Language, name: str, punct: bool):
    return LineSentencizer(nlp, punct)


class LineSentencizer:
    def __init__(self, nlp: Language, punct: bool = True):
        extensions.register()
        self.punct = punct
        rules = layout.layout_rules(ruleset.overlay_key())   # rules/documents/layout.yaml
        self.final, self.closers = _ids(nlp, rules.sentence_ends), _ids(nlp, rules.sentence_closers)   # for among
        self.cut_after = [_ids(nlp, level) for level in rules.sentence_cut_after]
        self.cut_before = _ids(nlp, rules.sentence_cut_words)   # then before a conjunction

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n:
            return doc
        orth, lower = column(doc, ORTH), column(doc, LOWER)   # read once for every component
        arr = doc.to_array([IS_SPACE, IDX])
        space, idx = arr[:, 0].astype(bool), arr[:, 1].astype("int64")
        lines = np.zeros(n, dtype=bool)
        lines[1:] = line_ends(doc._.text, idx)[:-1]
        speech, inside = label_bounds(doc, idx)
        ends = np.zeros(n, dtype=bool)
        ends[1:] = self.final_punct(orth)[:-1]
        by_punct = settle(lines | speech | ends, inside, space)
        starts = by_punct if self.punct else settle(lines | speech, inside, space)
        # long sentences are cut where the punctuation ends none, with or without a parser after
        if longest(by_punct, idx, len(doc._.text)) > MAX_SENTENCE_CHARS:   # read at each call: tests lift it
            starts |= cap_sentences(by_punct, idx, len(doc._.text), self.cut_levels(orth, lower, space, inside))
        values = np.where(starts, 1, np.where(inside, -1, -1 if self.punct else 0)).astype("uint64")
        doc.from_array([SENT_START], values.reshape(-1, 1))
        return doc

    def final_punct(self, orth: np.ndarray) -> np.ndarray:
        """Tokens that end a sentence: final punctuation, or a closing quote or bracket after it."""
        ends = among(orth, self.final)
        closer = among(orth, self.closers)
        for _ in range(2):  # an end followed by a closing quote or bracket moves past it
            moves = ends[:-1] & closer[1:]
            ends[:-1] &= ~moves
            ends[1:] |= moves
        return ends

    def cut_levels(self, orth, lower, space, inside) -> list[np.ndarray]:
        """Where a long sentence may be cut (a token that may start a piece), best first."""
        may_start = ~space & ~inside
        levels = []
        for words in self.cut_after:
            level = np.zeros(len(orth), dtype=bool)
            level[1:] = among(orth[:-1], words) & may_start[1:]
            levels.append(level)
        return levels + [among(lower, self.cut_before) & may_start, may_start]


def _ids(nlp: Language, texts) -> np.ndarray:
    """The string ids of ``texts``, sorted and unique."""
    return np.unique(np.array([nlp.vocab.strings.add(t) for t in texts], dtype="uint64"))


def settle(starts: np.ndarray, inside: np.ndarray, space: np.ndarray) -> np.ndarray:
    """Sentence starts as they may stand: none inside a turn label, none on whitespace
    (the start goes to the next token), one at the first token."""
    starts = starts & ~inside
    for _ in range(3):
        moved = starts & space
        starts &= ~moved
        starts[1:] |= moved[:-1]
    starts[0] = True
    return starts


def longest(starts: np.ndarray, idx: np.ndarray, n_chars: int) -> int:
    """The length in characters of the longest sentence ``starts`` make (to its next start).

    >>> longest(np.array([1, 0, 1, 0], dtype=bool), np.array([0, 3, 7, 9]), 20)
    13
    """
    first = np.flatnonzero(starts)
    return int((np.append(idx[first[1:]], n_chars) - idx[first]).max()) if len(first) else 0


def cap_sentences(starts: np.ndarray, idx: np.ndarray, n_chars: int, levels: list[np.ndarray],
                  limit: int | None = None) -> np.ndarray:
    """New sentence starts that cut every sentence longer than ``limit`` characters
    (default ``MAX_SENTENCE_CHARS``) into pieces of at most that length. ``levels``: per
    token, where a piece may start, best first, the last one "anywhere". A piece ends
    before the last such token of the best level that leaves it more than half the
    limit, else before the last token that fits; a token longer than the limit is a
    piece of its own.

    >>> idx = np.array([0, 3, 5, 7, 10, 12, 14])   # "aa bb, cc dd, ee": 16 characters
    >>> one = np.array([1, 0, 0, 0, 0, 0, 0], dtype=bool)
    >>> after_comma = np.array([0, 0, 0, 1, 0, 0, 1], dtype=bool)
    >>> anywhere = np.array([0, 1, 1, 1, 1, 1, 1], dtype=bool)
    >>> np.flatnonzero(cap_sentences(one, idx, 16, [after_comma, anywhere], 10))   # "aa bb, " "cc dd, ee"
    array([3])
    >>> np.flatnonzero(cap_sentences(one, idx, 16, [after_comma, anywhere], 4))
    array([1, 3, 4, 6])
    """
    limit = MAX_SENTENCE_CHARS if limit is None else limit   # read here: tests lift it
    cut = np.zeros(len(idx), dtype=bool)
    bounds = np.append(np.flatnonzero(starts), len(idx))
    char_at = np.append(idx, n_chars)
    anywhere = levels[-1]
    following = None   # following[i]: the first token at or after i where a piece may start
    for first, end in zip(bounds[:-1].tolist(), bounds[1:].tolist()):
        while char_at[end] - char_at[first] > limit:
            fits = first + int(np.searchsorted(idx[first:end], idx[first] + limit, side="right"))
            half = max(first + 1, first + int(np.searchsorted(idx[first:fits], idx[first] + limit // 2, side="right")))
            level = next((lv for lv in levels if lv[half:fits].any()), None)
            if level is None and anywhere[first + 1:fits].any():
                level = anywhere
            if level is not None:
                at = first + 1 + int(np.flatnonzero(level[first + 1:fits])[-1])
            else:   # a token longer than the limit
                if following is None:
                    positions = np.where(anywhere, np.arange(len(idx)), len(idx))
                    following = np.minimum.accumulate(positions[::-1])[::-1]
                at = int(following[fits]) if fits < len(idx) else end
            if at >= end:
                break
            cut[at], first = True, at
    return cut


def label_bounds(doc: Doc, idx: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per token: whether it is the first after a turn label's colon (the words spoken
    start there), and whether it lies inside a label after the label's first token."""
    speech, inside = np.zeros(len(idx), dtype=bool), np.zeros(len(idx), dtype=bool)
    for name_start, _, label_end in label_spans(doc):
        first, after = np.searchsorted(idx, [name_start, label_end])
        inside[first + 1:after] = True
        if after < len(idx):
            speech[after] = True
    return speech, inside


def line_ends(text: str, idx: np.ndarray) -> np.ndarray:
    """For each token (by start offset), whether a line break lies in it or in the
    whitespace after it, i.e. before the next token starts.

    >>> line_ends("a b\\nc\\n\\nd", np.array([0, 2, 4, 6, 8])).tolist()
    [False, True, True, True, False]
    """
    out = np.zeros(len(idx), dtype=bool)
    breaks = np.fromiter((m.start() for m in LINE_BREAK.finditer(text)), dtype="int64")
    if not len(breaks):
        return out
    nxt = np.append(idx[1:], len(text))
    first = np.searchsorted(breaks, idx, side="left")
    inside = first < len(breaks)
    out[inside] = breaks[first[inside]] < nxt[inside]
    return out
