"""A claim's period: the date span of its own sentence that says when.

``Periods`` indexes a Doc's date spans once (by sentence, start and end, with
whether each may be a period at all) so that finding one claim's period looks
only at the dates a few tokens after its counted noun and at the nearest one
before it: never at every date of the sentence, or at the tokens between the
claim and each of them. The time per claim does not grow with the length of the
sentence (a one-line text of thousands of claims and dates is one sentence).

The choice, in this order: the first date after the counted noun and near it
(``near``); else the last date that ends before the claim; else the first date
after it. A date in another noun's clause (``in_other_clause``) or one that
cannot be a period (``scopes``) is never chosen; nor is one outside the claim's
sentence.
"""
from __future__ import annotations

import bisect

import numpy as np
from spacy.attrs import LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from claimspan.components.claims.tokens import phrase_ending
from claimspan.components.sentindex import SentenceIndex

REPORTING_REACH = 4   # words between a reporting verb and its time ("said as dawn broke Saturday")
NEAR_PERIOD = 8        # tokens between a claim and a date that follows it in the same clause
CLAUSE_BREAKS = frozenset({",", ";", ":", "—", "–"})


class Periods:
    """The dates of a Doc that may be a claim's period, by sentence. ``dates``: the
    Doc's date spans (default ``doc.spans["dates"]``); ties go to the earlier in it."""

    def __init__(self, rules, doc: Doc, sents: SentenceIndex, dates: list[Span] | None = None):
        if dates is None:
            dates = list(doc.spans["dates"]) if "dates" in doc.spans else []
        self.doc, self.sents, self.dates = doc, sents, dates
        self.relative = relative_pronouns(rules, doc)
        self.by_start: dict[int, list[tuple[int, int]]] = {}   # sentence -> sorted (start, position in dates)
        self.by_end: dict[int, list[tuple[int, int]]] = {}     # sentence -> sorted (end, -position)
        for pos, d in enumerate(dates):
            k = sents.number(d.start)
            if d.end <= sents.ends[k] and scopes(rules, doc, d):
                self.by_start.setdefault(k, []).append((d.start, pos))
                self.by_end.setdefault(k, []).append((d.end, -pos))
        for table in (self.by_start, self.by_end):
            for entries in table.values():
                entries.sort()

    def period(self, start: int, end: int, after: int) -> Span | None:
        """The period of the claim on tokens [start, end) whose counted noun ends at ``after``."""
        k = self.sents.number(start)
        starts, ends = self.by_start.get(k), self.by_end.get(k)
        if not starts:
            return None
        i = bisect.bisect_left(starts, (after, -1))
        while i < len(starts) and starts[i][0] - after <= NEAR_PERIOD:
            d = self.dates[starts[i][1]]
            if (d.end <= start or d.start >= end) and not self.in_other_clause(after, d.start) \
                    and near(self.doc, after, d.start):
                return d
            i += 1
        # a date that ends before the claim also ends before its counted noun: never in another clause
        j = bisect.bisect_right(ends, (start, 0)) - 1
        if j >= 0:
            return self.dates[-ends[j][1]]
        i = bisect.bisect_left(starts, (end, -1))
        # the first date after the claim, unless another clause begins before it (then every later one too)
        if i < len(starts) and not self.in_other_clause(after, starts[i][0]):
            return self.dates[starts[i][1]]
        return None

    def in_other_clause(self, after: int, date_start: int) -> bool:
        """A relative pronoun between the counted noun and the date: the date belongs to
        another noun's clause, "fighters in the revolution that brought Castro to power
        42 years ago" ("14 people who died Friday" keeps Friday)."""
        i = bisect.bisect_left(self.relative, after + 1)
        return i < len(self.relative) and self.relative[i] < date_start


def relative_pronouns(rules, doc: Doc) -> list[int]:
    """Positions of the relative pronouns ("that", "who", ...) of a Doc, in order."""
    if not len(doc):
        return []
    lower = doc.to_array(LOWER)
    keys = np.array([get_string_id(w) for w in rules.counted["relative_pronouns"]], dtype="uint64")
    return np.flatnonzero(np.isin(lower, keys)).tolist()


def near(doc: Doc, start: int, end: int) -> bool:
    """Nothing but a parenthesis or a preposition between a claim and a date that follows it."""
    if end - start > NEAR_PERIOD:
        return False
    depth = 0
    for t in doc[start:end]:
        if t.text in "([":
            depth += 1
        elif t.text in ")]":
            depth -= 1
        elif depth == 0 and t.text in CLAUSE_BREAKS:
            return False
    return True


def scopes(rules, doc: Doc, d: Span) -> bool:
    """Can this date be a claim's period? Not a future reference, not a date in
    parentheses after a name ("Action Plan (2012-2015)"), not a reporting time."""
    info = d._.date or {}
    if info.get("value") == "FUTURE_REF":
        return False
    if info.get("kind") == "duration" and not any(t.lower_ in rules.period_anchors for t in d):
        return False                                   # "24-hour", "about three days": not a period
    if 0 < d.start and d.end < len(doc) and doc[d.start - 1].text == "(" and doc[d.end].text == ")":
        return False
    if d.end < len(doc) and doc[d.end].lower_ in ("'s", "’s"):
        return False                                   # "Sunday's service": names an event
    return not after_reporting_verb(rules, doc, d)


def after_reporting_verb(rules, doc: Doc, d: Span) -> bool:
    """``said Friday``, ``said on Friday``, ``said as dawn broke Saturday``."""
    for k in range(d.start - 1, max(-1, d.start - 1 - REPORTING_REACH), -1):
        if doc[k].is_punct:
            return False
        if doc[k].lower_ in rules.reporting_verbs:
            return True
    return False


def with_preposition(rules, doc: Doc, words, d: Span) -> Span:
    hit = phrase_ending(rules.period_prepositions, words, d.start, maxlen=2)
    if hit:
        return doc[d.start - hit.length:d.end]
    return d
