"""A claim's period: the date span of its own clause that says when.

``Periods`` indexes a Doc's date spans once (by sentence, start and end, with
whether each may be a period at all) so that finding one claim's period looks
only at the dates a few tokens after its counted noun and at the nearest ones
before it: never at every date of the sentence. The time per claim does not
grow with the length of the sentence (a one-line text of thousands of claims
and dates is one sentence).

The choice, in this order: the first date after the counted noun and near it
(``near``); else the last date that ends before the claim; else the first date
after it. A date is skipped when it cannot be a period (``scopes``: a reporting
time, a comparison's baseline such as "below 1990 levels"), when it is on the
other side of a baseline's bounds ("up from 29,000 in 2022": 2022 is not the
period of a claim before "up from"), or when it is in another clause
(``claims.clauses``: from the parse when there is one, else from clause
openers and punctuation). Words: temporal.yaml and period.yaml.

Some 330 lines: the index and the choice are one piece (the choice reads the
index's per-sentence lists directly, which is what keeps it off the sentence).
"""
from __future__ import annotations

import bisect

import numpy as np
from spacy.tokens import Doc, Span

from claimspan.components.claims.clauses import ParsedClauses, RuleClauses, reporting_verb
from claimspan.components.docarrays import positions
from claimspan.components.claims.tokens import FoldedTokens, phrase_at, phrase_ending
from claimspan.components.sentindex import SentenceIndex

DATELINE_WORDS = 8   # tokens of a dateline's place ("SAN JOSE, Calif.,")
BASELINE_REACH = 6   # words between a record's "since" and its date ("the lowest since the end of apartheid in 1994")
REPORTING_REACH = 4   # words between a reporting verb and its time ("said as dawn broke Saturday")
NEAR_PERIOD = 8        # tokens between a claim and a date that follows it in the same clause
LOOK_FURTHER = 3       # dates tried on each side when the nearest one is another clause's
MODIFIER_GRANULARITIES = ("year", "half", "quarter")   # "2019 sales", "third-quarter net income"


class Periods:
    """The dates of a Doc that may be a claim's period, by sentence. ``dates``: the
    Doc's date spans (default ``doc.spans["dates"]``); ties go to the earlier in it."""

    def __init__(self, rules, doc: Doc, sents: SentenceIndex, dates: list[Span] | None = None):
        if dates is None:
            dates = list(doc.spans["dates"]) if "dates" in doc.spans else []
        self.words = FoldedTokens(doc)
        dates = dates + anaphoric_periods(rules, doc, self.words)
        self.doc, self.sents, self.dates, self.rules = doc, sents, dates, rules
        self.parsed = doc.has_annotation("DEP")
        self.clauses = ParsedClauses(rules, doc) if self.parsed else RuleClauses(rules, doc)
        self.baseline, self.two_way = baselines(rules, doc, self.words, sents) if dates else (None, set())
        self.in_sentence: dict[int, list[int]] = {}   # sentence -> positions in dates of those inside it
        for pos, d in enumerate(dates):
            k = sents.number(d.start)
            if d.end <= sents.ends[k]:
                self.in_sentence.setdefault(k, []).append(pos)
        self.scoped: dict[int, tuple[list, list]] = {}

    def dates_of(self, k: int) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """Sentence ``k``'s dates that may be a period, as sorted (start, position) and
        (end, -position) pairs; read when a claim of that sentence first asks (most
        sentences with a date have no claim)."""
        found = self.scoped.get(k)
        if found is None:
            kept = [pos for pos in self.in_sentence.get(k, ())
                    if scopes(self.rules, self.doc, self.words, self.dates[pos], self.sents.starts[k], self.parsed)]
            found = self.scoped[k] = (sorted((self.dates[p].start, p) for p in kept),
                                      sorted((self.dates[p].end, -p) for p in kept))
        return found

    def period(self, start: int, end: int, after: int) -> Span | None:
        """The period of the claim on tokens [start, end) whose counted noun ends at ``after``."""
        k = self.sents.number(start)
        starts, ends = self.dates_of(k)
        if not starts:
            return None
        i = bisect.bisect_left(starts, (after, -1))
        while i < len(starts) and starts[i][0] - after <= NEAR_PERIOD:
            d = self.dates[starts[i][1]]
            if (d.end <= start or d.start >= end) \
                    and near(self.doc, after, d.start, self.rules.period["clause_breaks"],
                             self.rules.period["restating_words"], self.restates(start)) \
                    and self.fits(start, end, after, d):
                return d
            i += 1
        j = bisect.bisect_right(ends, (start, 0)) - 1
        for d in (self.dates[-e[1]] for e in ends[max(0, j + 1 - LOOK_FURTHER):j + 1][::-1]):
            if self.fits(start, end, after, d):
                return d
        i = bisect.bisect_left(starts, (end, -1))
        strong = self.rules.period["strong_breaks"]
        for d in (self.dates[s[1]] for s in starts[i:i + LOOK_FURTHER]):
            if any(t.text in strong for t in self.doc[end:d.start]):
                break                  # "rose 5 percent; in 2019 they fell": the next clause's date
            if self.fits(start, end, after, d):
                return d
        return None

    def restates(self, start: int) -> bool:
        """The claim at ``start`` restates the figure before it: ", or $1.15 a share"."""
        return start >= 2 and self.words[start - 1] in self.rules.period["restating_words"] \
            and self.doc[start - 2].text in self.rules.period["clause_breaks"]

    def fits(self, start: int, end: int, after: int, d: Span) -> bool:
        """The date is in the claim's clause, and a baseline's or comparison's only if the claim is too."""
        if self.baseline is not None:
            date_in, claim_in = int(self.baseline[d.start]), int(self.baseline[start])
            if date_in != claim_in and (date_in >= 0 or claim_in in self.two_way):
                return False
        sent_start = self.sents.starts[self.sents.number(d.start)]
        fronted = period_start(self.rules, self.words, d) == sent_start   # "In 2020, ...": every clause's
        return self.clauses.fits(start, end, after, d, fronted, sent_start)



def anaphoric_periods(rules, doc: Doc, words) -> list[Span]:
    """The spans of "since then", "by then" (period.yaml anaphoric_periods)."""
    table = rules.period["anaphoric_periods"]
    out = []
    for i in positions(doc, table.firsts):
        hit = phrase_at(table, words, i)
        if hit:
            out.append(doc[i:i + hit.length])
    return out


def baselines(rules, doc: Doc, words, sents: SentenceIndex) -> tuple[np.ndarray | None, set[int]]:
    """Per token, the position of the baseline or comparison opener ("up from", "compared
    with") whose phrase holds it, -1 outside any; and the positions of the baseline openers
    (closed both ways). A phrase runs to the end of its sentence or a strong break (";"), or
    to the next clause break when it heads the sentence ("Compared with 2019, ..."). None when
    the Doc has no opener."""
    out, two_way = None, set()
    for key in ("baseline_openers", "comparison_openers"):
        table = rules.period[key]
        for i in positions(doc, table.firsts):
            if not phrase_at(table, words, i):
                continue
            if out is None:
                out = np.full(len(doc), -1, dtype="int64")
            first, stop = sents.bounds(i)
            breaks = rules.period["clause_breaks" if i == first else "strong_breaks"]
            end = next((k for k in range(i, stop) if doc[k].text in breaks), stop)
            out[i:end] = i
            if key == "baseline_openers":
                two_way.add(i)
    return out, two_way


def near(doc: Doc, start: int, end: int, breaks: frozenset, restating: frozenset = frozenset(),
         inside: bool = False) -> bool:
    """Nothing but a parenthesis, a preposition or the same figure restated between a claim
    and a date that follows it ("$388 million, or $1.15 a share, a year earlier": a break
    followed by a ``restating`` word and a number opens an aside that the next break closes).
    ``inside``: the claim is such a restatement itself; the break that closes it may come
    right before the date ("or $1.15 a share, a year earlier"), no other."""
    if end - start > NEAR_PERIOD:
        return False
    depth, aside = 0, False
    for k in range(start, end):
        t = doc[k]
        if t.text in "([":
            depth += 1
        elif t.text in ")]":
            depth -= 1
        elif depth == 0 and t.text in breaks:
            if aside:
                aside = False
            elif inside:
                return k + 1 == end
            elif k + 2 < end and doc[k + 1].lower_ in restating and _figure(doc[k + 2]):
                aside = True
            else:
                return False
    return not aside


def _figure(token) -> bool:
    return token.like_num or token.is_currency


def scopes(rules, doc: Doc, words, d: Span, sent_start: int, parsed: bool) -> bool:
    """Can this date be a claim's period? Not a future reference, not a date in
    parentheses after a name ("Action Plan (2012-2015)"), not a reporting time,
    not a comparison's baseline."""
    info = d._.date or {}
    if info.get("value") == "FUTURE_REF":
        return False
    if info.get("kind") == "duration" and not any(t.lower_ in rules.period_anchors for t in d):
        return False                                   # "24-hour", "about three days": not a period
    if 0 < d.start and d.end < len(doc) and doc[d.start - 1].text == "(" and doc[d.end].text == ")":
        return False
    if d.end < len(doc) and doc[d.end].lower_ in rules.possessives:
        return False                                   # "Sunday's service": names an event
    if names_instrument(rules, doc, d) or in_dateline(rules, doc, d):
        return False
    if is_baseline(rules, doc, words, d, sent_start):
        return False
    if dates_what_is_reported(doc, d):
        return True
    if parsed and reporting_verb(d, rules.reporting_verbs):
        return False
    return not (after_reporting_verb(rules, doc, d) or before_reporting_verb(rules, words, d))


def names_instrument(rules, doc: Doc, d: Span) -> bool:
    """A year that ends an instrument's name: "the Inflation Reduction Act of 2022", "the Data
    Protection Act 2018" (a capitalized head of ``named_year_heads``, then "of" or not)."""
    if len(d) != 1 or (d._.date or {}).get("granularity") != "year":
        return False
    head = d.start - 2 if d.start >= 2 and doc[d.start - 1].lower_ == "of" else d.start - 1
    return head >= 0 and doc[head].is_title and doc[head].lower_ in rules.period["named_year_heads"]


def in_dateline(rules, doc: Doc, d: Span) -> bool:
    """The date of a dateline: a line's first words (a place in capitals or title case, its commas
    and abbreviations: "SAN JOSE, Calif.,"), a comma, the date, then ``dateline_ends`` ("(AP) —")."""
    if d.end >= len(doc) or doc[d.end].text not in rules.period["dateline_ends"] or d.start < 2 \
            or doc[d.start - 1].text != ",":
        return False
    for j in range(d.start - 2, max(-1, d.start - 2 - DATELINE_WORDS), -1):
        token = doc[j]
        if token.is_space:
            return "\n" in token.text and j + 1 < d.start - 1 and doc[j + 1].is_alpha   # the line's start
        if not (token.text in (",", ".") or token.is_title or token.is_upper):
            return False
        if j == 0:
            return token.is_alpha
    return False


def dates_what_is_reported(doc: Doc, d: Span) -> bool:
    """A year, half or quarter right before a word that carries the sentence on (not a function
    word) is no reporting time: a statement is dated by its day ("said Friday"), what it reports
    by quarters and years ("reported third-quarter net income", "said net income in the third
    quarter jumped 63%")."""
    after = doc[d.end] if d.end < len(doc) else None
    return (d._.date or {}).get("granularity") in MODIFIER_GRANULARITIES and after is not None \
        and after.is_alpha and after.is_lower and not after.is_stop


def is_baseline(rules, doc: Doc, words, d: Span, sent_start: int) -> bool:
    """``24 percent below 1990 levels``, ``12 percent from a week earlier``, ``higher than in
    2019``, ``7 percent over the previous year``, ``up 9.4% on 2023``; not ``From 2016 to 2020``,
    ``From Monday, ...``."""
    period = rules.period
    if d.end < len(doc) and doc[d.end].lower_ in period["baseline_after"]:
        return True
    hit = phrase_ending(period["baseline_before"], words, d.start, maxlen=2)
    change = None if hit else phrase_ending(period["change_baseline_before"], words, d.start, maxlen=2)
    if hit or change:
        first = d.start - (hit or change).length
        opens = first == sent_start or doc[first - 1].text in period["clause_breaks"]
        if opens or (d._.date or {}).get("kind") == "range":
            return False
        if change and phrase_ending(period["baseline_openers"], words, first + 1):
            return False    # "up from the current four flights": the opener pairs the baseline's date with its figure
        return bool(hit) or after_change(rules, doc, words, first)
    far = _baseline_far(rules, doc, words, d, sent_start)
    if far is not None:
        return far
    if d.start - 1 > sent_start and doc[d.start - 1].lower_ in period["baseline_year_before"] \
            and (d._.date or {}).get("granularity") == "year" and doc[d.start - 2].text not in period["clause_breaks"]:
        return True                                        # "up 9.4% on 2023"
    return d.start > 0 and doc[d.start - 1].lower_ in period["baseline_relative_before"] \
        and any(t.lower_ in period["baseline_relative"] for t in d)


def _baseline_far(rules, doc: Doc, words, d: Span, sent_start: int) -> bool | None:
    """Whether a ``baseline_far`` phrase right before the date, or a few words before it in its
    clause with no figure between, makes it a baseline ("the lowest since the end of apartheid in
    1994"); None when there is none. Not at the head of a clause, not a range."""
    period = rules.period
    for p in range(d.start, max(sent_start, d.start - BASELINE_REACH) - 1, -1):
        if p < d.start and (doc[p].text in period["clause_breaks"] or _figure(doc[p])):
            return None
        hit = phrase_ending(period["baseline_far"], words, p, maxlen=2)
        if hit:
            first = p - hit.length
            opens = first == sent_start or doc[first - 1].text in period["clause_breaks"]
            return not opens and (d._.date or {}).get("kind") != "range"
    return None


def after_change(rules, doc: Doc, words, i: int) -> bool:
    """A change verb or the end of a quantity right before token ``i`` ("rose from", "12 percent from")."""
    return words[i - 1] in rules.ranges["change_verbs"] or doc[i - 1].like_num \
        or phrase_ending(rules.percent_after, words, i) is not None


def after_reporting_verb(rules, doc: Doc, d: Span) -> bool:
    """``said Friday``, ``said on Friday``, ``said as dawn broke Saturday``; not ``in 12 states
    last year`` or ``the United States on April 6`` (a form in -s is read as a plural noun), nor
    a participle right after a figure or its noun: "the 58,115 reported in 2023", "38 deaths
    reported last year" date what was reported; nor past a figure: "said 14 people died Friday",
    "added 272,000 jobs in May" date the figure's clause."""
    for k in range(d.start - 1, max(-1, d.start - 1 - REPORTING_REACH), -1):
        if doc[k].is_punct or _figure(doc[k]):
            return False
        if is_reporting(rules, doc[k].lower_):
            return not (_after_figure(doc, k) or _passive_after_figure(rules, doc, k))
    return False


def _after_figure(doc: Doc, k: int) -> bool:
    """Token ``k`` follows a figure, or a figure and one lower-case word ("38 deaths reported")."""
    return k > 0 and (_figure(doc[k - 1]) or k > 1 and doc[k - 1].is_alpha and doc[k - 1].is_lower
                      and _figure(doc[k - 2]))


def _passive_after_figure(rules, doc: Doc, k: int) -> bool:
    """Token ``k`` is a passive whose subject is a figure: a figure, at most two lower-case words
    and one or two ``passive_auxiliaries`` before it ("18 000 suspected cases were reported",
    "1,200 deaths have been recorded")."""
    aux = rules.period["passive_auxiliaries"]
    j = k - 1
    if j < 1 or doc[j].lower_ not in aux:
        return False
    j -= 1 + (doc[j - 1].lower_ in aux)
    for _ in range(3):
        if j < 0:
            return False
        if _figure(doc[j]):
            return True
        if not (doc[j].is_alpha and doc[j].is_lower):
            return False
        j -= 1
    return False


def period_start(rules, words, d: Span) -> int:
    """Where the period of date ``d`` starts: at its preposition ("in 1995", "From 2016 to
    2020") and a word the date left out ("early Friday morning", "in late 2019")."""
    start = d.start - (words[d.start - 1] in rules.period["period_modifiers"])
    hit = phrase_ending(rules.period_prepositions, words, start, maxlen=2)
    return start - (hit.length if hit else 0)


def before_reporting_verb(rules, words, d: Span) -> bool:
    """``Officials on Monday said``; not ``in 2019 according to the census``."""
    verb = words[d.end]
    return is_reporting(rules, verb) and words[d.end + 1] not in rules.period["not_reporting_after"]


def is_reporting(rules, word: str) -> bool:
    """A reporting verb; a form in -s is read as a plural noun ("in 12 states last year")."""
    return word in rules.reporting_verbs and not word.endswith("s")


def with_preposition(rules, doc: Doc, words, d: Span) -> Span:
    return doc[period_start(rules, words, d):d.end]
