"""Whose clause a date is in: can it be the period of a claim of the same sentence?

Two readers of one question, chosen by the Doc: ``RuleClauses`` reads clause
boundaries off words and punctuation (no model); ``ParsedClauses`` (a parser in
the pipeline) takes from the dependency parse what a small model gets right -
where a relative clause begins and ends - and the rest from words, since the
attachment of a prepositional phrase is where such a parse most often errs.
Both answer ``fits(claim, date)`` and both let a date at the head of its
sentence ("In 2020, ...") scope every clause of it. The words come from ``period.yaml`` (time subordinators,
attributive determiners) and ``counted.yaml`` (relative pronouns).

A date fits a claim when it is the time of the claim's own clause: not of
another noun's relative clause ("nurses at hospitals that closed in 2020"), not
of the main clause when the claim is in a clause that has its own time ("found
on Monday after eight people drowned"); a relative clause is dated by a date of
its own noun ("the Dec. 3, 2004, storm that killed 40 people").
"""
from __future__ import annotations

import bisect

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span, Token

from claimspan.components.docarrays import positions

MAX_BETWEEN = 40     # clause openers looked at between a date and a claim (a bound, not a tuning)
RELATIVE = "relcl"   # the dependency label of a relative clause's verb (ClearNLP, as spaCy's English models use)


class RuleClauses:
    """Clause boundaries from words: relative pronouns and time subordinators open a clause
    unless they stand right after a clause break (then the clause is set off and closes)."""

    def __init__(self, rules, doc: Doc):
        self.doc = doc
        self.relative = positions(doc, rules.counted["relative_pronouns"])
        if doc.has_annotation("DEP"):   # "showed that 300 stores closed": a complement, not a relative clause
            self.relative = [p for p in self.relative if doc[p].dep_ != "mark"]
        self.relative_set = frozenset(self.relative)
        self.openers = sorted(set(self.relative) | set(positions(doc, rules.period["time_subordinators"])))
        self.break_words = rules.period["clause_breaks"]
        self.breaks = positions(doc, self.break_words, ORTH)
        self.determiners = rules.period["attributive_determiners"]
        not_before = rules.period["not_set_off_before"]
        self.set_off = [p for p in positions(doc, rules.period["set_off_subordinators"])   # ", as new figures show"
                        if 0 < p < len(doc) - 1 and doc[p - 1].text == "," and doc[p + 1].lower_ not in not_before]

    def fits(self, start: int, end: int, after: int, d: Span, fronted: bool, sent_start: int) -> bool:
        if d.start >= end:   # after the claim: not past a relative pronoun ("5,000 nurses at hospitals that closed")
            i = bisect.bisect_left(self.relative, after + 1)
            return not (i < len(self.relative) and self.relative[i] < d.start) and not self.set_off_between(after, d)
        return fronted or not (self.opens_between(d, start) or self.closed_before(d, start, sent_start))

    def set_off_between(self, after: int, d: Span) -> bool:
        """A clause set off by a comma opens between the claim and the date after it: "a £1.2bn
        package, as new figures show 234,400 homes were built in 2022-23" (2022-23 is the homes')."""
        j = bisect.bisect_left(self.set_off, after + 1)
        return j < len(self.set_off) and self.set_off[j] < d.start

    def opens_between(self, d: Span, start: int) -> bool:
        """A clause opens between the date and the claim, and the claim is in it: "found last
        Thanksgiving after a storm that killed 10 people". A relative clause right after the
        date, or after a noun the date qualifies, is dated by it: "the bombings last year that
        killed 224 people", "the 1998 bombing that killed 224 people"; and "that" right before
        the claim introduces a complement: "A survey in 2019 found that 40 percent ..."."""
        attributive = d.start > 0 and self.doc[d.start - 1].lower_ in self.determiners
        i = bisect.bisect_left(self.openers, d.end)
        for p in self.openers[i:i + MAX_BETWEEN]:
            if p >= start:
                return False
            if self.doc[p - 1].text in self.break_words or (p in self.relative_set and (attributive or p == d.end)):
                continue
            if p + 1 == start and p in self.relative_set:
                continue                 # "found that 40 percent ...": the claim opens a complement clause
            return True
        return False

    def closed_before(self, d: Span, start: int, sent_start: int) -> bool:
        """The date is in a relative clause set off by commas before the claim: "The law, which
        was passed in 2019, covers 300 firms"."""
        b = bisect.bisect_left(self.breaks, d.start) - 1          # the last break before the date
        if b < 0 or self.breaks[b] < sent_start or self.breaks[b] + 1 >= d.start \
                or self.breaks[b] + 1 not in self.relative_set:
            return False
        nxt = bisect.bisect_left(self.breaks, d.end)
        return nxt < len(self.breaks) and self.breaks[nxt] < start


class ParsedClauses:
    """Clause boundaries from the dependency parse where it is reliable, and from words where
    a small model's parse often is not (the attachment of a prepositional phrase). A date
    after the claim fits unless it is in a relative clause about another noun ("veterans of
    the war that ended in 1975 gathered on Friday": Friday, not 1975); a date before it fits
    as for ``RuleClauses``, and unless it is in a relative clause that closes before the claim
    ("The 2004 storm that struck in December killed 40 people": 2004)."""

    def __init__(self, rules, doc: Doc):
        self.doc, self.words = doc, RuleClauses(rules, doc)

    def fits(self, start: int, end: int, after: int, d: Span, fronted: bool, sent_start: int) -> bool:
        claim = self.doc[start:max(end, after)]
        clause = other_relative_clause(claim, d)
        if d.start >= end:
            return clause is None and not self.words.set_off_between(after, d)
        if clause is not None and clause.right_edge.i < start:
            return False
        words = self.words
        return fronted or not (words.opens_between(d, start) or words.closed_before(d, start, sent_start))


def other_relative_clause(claim: Span, d: Span) -> Token | None:
    """The head of the relative clause that holds the date and not the claim, when it is about
    a noun other than the claim's ("14 people who died Friday": Friday is the claim's)."""
    t = d.root
    while t.head.i != t.i:
        if t.dep_ == RELATIVE:
            inside = t.left_edge.i <= claim.start and claim.end - 1 <= t.right_edge.i
            return None if inside or claim.start <= t.head.i < claim.end else t
        t = t.head
    return None


def reporting_verb(d: Span, verbs) -> bool:
    """The verb the date hangs from is a reporting verb: "Officials on Monday said ..."."""
    t = d.root
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        t = t.head
    return t.pos_ in ("VERB", "AUX") and t.lower_ in verbs
