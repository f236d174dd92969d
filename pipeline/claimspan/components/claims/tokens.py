"""What the claims reader works on: the ``Claim`` being built, lazy views of a
Doc's folded token texts, and longest-phrase lookups in the rule tables."""
from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from spacy.attrs import ORTH
from spacy.tokens import Doc

from claimspan.components.docarrays import word_ids
from claimspan.normalize.numbers import fold

MINOR_UNITS = frozenset({"USX", "GBX"})   # cents and pence (currencies.yaml)


@dataclass
class Claim:
    start: int                 # token span of the quantity expression
    end: int
    value: float
    kind: str = "count"
    unit: str | None = None
    qualifier: str = "exact"
    rule: str = "claims.count"
    num_end: int = 0           # first token after the number (and its unit): where the counted noun may start
    no_counted: bool = False   # "twice", a ratio, a measure: no counted noun
    number_end: int = 0        # first token after the number itself (before any unit written after it)
    scale: float = 1.0         # the scale word that ends the number ("10 million": 1e6), 1 if none


class FoldedTokens:
    """Folded token texts of a Doc, each computed when first asked for (only words near
    numbers are), from the Doc's ORTH ids: no Token objects are made. Indices outside
    the Doc read as ""."""

    def __init__(self, doc: Doc):
        self.strings = doc.vocab.strings
        self.orths = word_ids(doc, ORTH)
        self.folded: list[str | None] = [None] * len(self.orths)
        self.n = len(self.orths)

    def __len__(self):
        return self.n

    def __getitem__(self, i: int) -> str:
        if i < 0 or i >= self.n:
            return ""
        w = self.folded[i]
        if w is None:
            w = self.folded[i] = fold(self.strings[self.orths[i]])
        return w


class TokensBefore:
    """The words before index ``end`` only (a number must stop before a blocked token)."""

    def __init__(self, words, end: int):
        self.words, self.end = words, end

    def __len__(self):
        return self.end

    def __getitem__(self, i: int) -> str:
        return self.words[i] if i < self.end else ""


class NoSpaceBefore:
    """``glued[i]``: token i follows token i-1 with no space between."""

    def __init__(self, doc: Doc):
        self.doc = doc

    def __getitem__(self, i: int) -> bool:
        return 0 < i < len(self.doc) and not self.doc[i - 1].whitespace_


class PhraseMatch(NamedTuple):
    length: int
    value: object
    rule: str


class PhraseTable(dict):
    """A table of rule phrases (tuple of folded words -> (value, rule id)) that knows the words its
    phrases open and close with: most lookups end at the first word read."""

    def __init__(self, items=()):
        super().__init__(items)
        self.firsts = frozenset(k[0] for k in self)
        self.lasts = frozenset(k[-1] for k in self)


def phrase_at(table, words, i, maxlen=4) -> PhraseMatch | None:
    if words[i] not in table.firsts:
        return None
    ahead = tuple(words[k] for k in range(i, i + maxlen))   # each word looked up once
    for n in range(maxlen, 0, -1):
        key = ahead[:n]
        if key in table:
            return PhraseMatch(n, *table[key])
    return None


def phrase_ending(table, words, end, maxlen=4) -> PhraseMatch | None:
    if end <= 0 or words[end - 1] not in table.lasts:
        return None
    before = tuple(words[k] for k in range(max(0, end - maxlen), end))
    for n in range(len(before), 0, -1):
        key = before[len(before) - n:]
        if key in table:
            return PhraseMatch(n, *table[key])
    return None


def qualifier_ending(rules, words, end) -> PhraseMatch | None:
    """The qualifier phrase right before ``end`` ("more than", "up to"), unless the word before it makes
    it none (qualifiers.yaml ``not_after``: "ticked up to 4 percent" is the verb's "up", then "to")."""
    q = phrase_ending(rules.qualifiers, words, end)
    if q is not None and words[end - q.length - 1] in rules.qualifier_not_after.get(q.rule, ()):
        return None
    return q
