"""``claimspan_sentences``: sentence boundaries that respect lines.

Transcripts and briefings put a speaker label, a heading or a list item on a
line of its own, and no sentence runs across a line break. This component
starts a sentence at the first token of every line and, unless ``punct`` is
false, after sentence-final punctuation (spaCy's Sentencizer rule). Before a
trained parser, use ``punct=False``: the parser then keeps the line breaks as
fixed boundaries and finds the rest itself.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline import extensions

FINAL_PUNCT = frozenset({".", "!", "?", "。", "！", "？", "…", "...", "?!", "!?"})
CLOSERS = frozenset({'"', "'", "”", "’", ")", "]", "»"})


@Language.factory("claimspan_sentences", default_config={"punct": True})
def make_sentences(nlp: Language, name: str, punct: bool):
    return LineSentencizer(punct)


class LineSentencizer:
    def __init__(self, punct: bool = True):
        extensions.register()
        self.punct = punct

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n:
            return doc
        starts = [False] * n
        starts[0] = True
        after_break = False
        after_final = False
        for i, tok in enumerate(doc):
            text = tok.text
            if tok.is_space:
                if "\n" in text or "\r" in text:
                    after_break = True
                continue
            if "\n" in tok.whitespace_ or after_break or (after_final and text not in CLOSERS):
                starts[i] = starts[i] or after_break or after_final
            if after_break or (after_final and text not in CLOSERS):
                starts[i] = True
                after_final = False
            after_break = False
            if self.punct and text in FINAL_PUNCT:
                after_final = True
        for i, tok in enumerate(doc):
            if i == 0:
                tok.is_sent_start = True
            elif starts[i]:
                tok.is_sent_start = True
            elif self.punct:
                tok.is_sent_start = False
        return doc
