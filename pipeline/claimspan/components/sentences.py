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

Works on whole-document arrays (``Doc.to_array``/``from_array``), not with a
Python loop per token.
"""
from __future__ import annotations

import re

import numpy as np
from spacy.attrs import IDX, IS_SPACE, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from claimspan import extensions
from claimspan.components.speakers import label_spans

FINAL_PUNCT = (".", "!", "?", "。", "！", "？", "…", "...", "?!", "!?")
CLOSERS = ('"', "'", "”", "’", ")", "]", "»")
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
        self.final = np.array([nlp.vocab.strings.add(p) for p in FINAL_PUNCT], dtype="uint64")
        self.closers = np.array([nlp.vocab.strings.add(p) for p in CLOSERS], dtype="uint64")

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n:
            return doc
        arr = doc.to_array([ORTH, IS_SPACE, IDX])
        orth, space, idx = arr[:, 0], arr[:, 1].astype(bool), arr[:, 2].astype("int64")
        starts = np.zeros(n, dtype=bool)
        starts[1:] = line_ends(doc._.text, idx)[:-1]
        if self.punct:
            ends = np.isin(orth, self.final)
            closer = np.isin(orth, self.closers)
            for _ in range(2):  # an end followed by a closing quote or bracket moves past it
                moves = ends[:-1] & closer[1:]
                ends[:-1] &= ~moves
                ends[1:] |= moves
            starts[1:] |= ends[:-1]
        speech, inside = label_bounds(doc, idx)
        starts = (starts | speech) & ~inside
        for _ in range(3):  # a sentence never starts on whitespace: hand the start to the next token
            moved = starts & space
            starts &= ~moved
            starts[1:] |= moved[:-1]
        starts[0] = True
        values = np.where(starts, 1, np.where(inside, -1, -1 if self.punct else 0)).astype("uint64")
        doc.from_array([SENT_START], values.reshape(-1, 1))
        return doc


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
