"""A claim's context: what it counts, when, and whether it is checkworthy.

``describe`` turns a ``claims.tokens.Claim`` into the claims row's attribute
dict. ``counted`` comes from the dependency parse when the Doc has one, else
from rules (the run of words after the number up to its last plural noun,
stopping at the closed-class words of ``counted.yaml``). ``period_*`` come from
the date spans of the same sentence (``doc.spans["dates"]``).
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from claimspan.components.claims.tokens import DASHES, Claim, phrase_ending

MAX_COUNTED = 6        # words in a counted phrase
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
ABBREVIATION = re.compile(r"^(?:[A-Za-z]\.){2,}$")   # "U.S.", "U.N."
REPORTING_REACH = 4   # words between a reporting verb and its time ("said as dawn broke Saturday")
NEAR_PERIOD = 8        # tokens between a claim and a date that follows it in the same clause
CLAUSE_BREAKS = frozenset({",", ";", ":", "—", "–"})


def describe(rules, doc: Doc, words, c: Claim, dates: list[Span] | None = None) -> dict:
    """The row's columns; ``dates``: the Doc's date spans, if the caller has them in a list."""
    span = counted_span(rules, doc, words, c)
    counted = doc[span[0]:span[1]] if span else None
    date = period_span(rules, doc, c, span[1] if span else c.end, dates)
    info = (date._.date or {}) if date is not None else {}
    period = with_preposition(rules, doc, words, date) if date is not None else None
    return {
        "kind": c.kind,
        "value": float(c.value),
        "unit": c.unit,
        "qualifier": c.qualifier,
        "counted": counted.text if counted is not None else None,
        "counted_start_char": counted.start_char if counted is not None else None,
        "counted_end_char": counted.end_char if counted is not None else None,
        "period_text": period.text if period is not None else None,
        "period_start": _iso(info.get("start_date")),
        "period_end": _iso(info.get("end_date")),
        "checkworthy": checkworthy(rules, doc, words, counted),
    }


def _iso(value):
    return None if value is None else str(value)[:10]


# -- counted -----------------------------------------------------------------
def is_plural(rules, word: str) -> bool:
    cw = rules.counted
    if word in cw["irregular_plurals"]:
        return True
    return len(word) > 2 and word.endswith("s") and word not in cw["not_plural_words"] \
        and not any(word.endswith(e) for e in cw["not_plural_endings"])


def counted_span(rules, doc: Doc, words, c: Claim) -> tuple[int, int] | None:
    if c.no_counted or c.kind in ("money", "measure", "percent"):
        return None
    p = c.num_end
    if p + 1 < len(doc) and words[p] in DASHES and not doc[p - 1].whitespace_ and not doc[p].whitespace_ \
            and doc[p + 1].is_alpha:
        return (p + 1, p + 2)                                  # "62-member": counted "member"
    ruled = rule_counted(rules, doc, words, c, p)
    parsed = parsed_counted(rules, doc, words, c) if doc.has_annotation("DEP") else None
    if ruled is None or parsed is None:
        return ruled or parsed
    head = doc[parsed[1] - 1]
    if ruled[0] <= head.i < ruled[1] and head.tag_ in PLURAL_TAGS:
        return (ruled[0], head.i + 1)                          # the parse ends it: "three democracies | helps"
    return ruled                                               # the rules keep "Arab League nations"


def rule_counted(rules, doc: Doc, words, c: Claim, p: int) -> tuple[int, int] | None:
    """The counted noun without a parse: the run of words after the number, up to
    its last plural (``legal aid cases``), or the whole run after ``one``."""
    run = counted_run(rules, doc, words, p)
    if not run:
        return None
    if c.value == 1:
        return (run[0], run[-1] + 1)                   # "one senior official"
    heads = [k for k in run if is_plural(rules, words[k])]
    if not heads:
        return None
    return (run[0], heads[-1] + 1)


def counted_run(rules, doc: Doc, words, p: int) -> list[int]:
    """Tokens from p that may belong to a noun phrase: words (and ``U.S.``-style
    abbreviations, hyphenated compounds) up to a closed-class word or punctuation."""
    cw, run, k = rules.counted, [], p
    while k < len(doc) and len(run) < MAX_COUNTED:
        t, w = doc[k], words[k]
        if w in DASHES and run and not doc[k - 1].whitespace_ and not t.whitespace_:
            k += 1                                     # inside "would-be", "non-governmental"
            continue
        compound = (k + 2 < len(doc) and words[k + 1] in DASHES and not t.whitespace_ and not doc[k + 1].whitespace_) \
            or (bool(run) and words[k - 1] in DASHES and not doc[k - 1].whitespace_ and not doc[k - 2].whitespace_)
        wordlike = t.is_alpha or ABBREVIATION.match(t.text) is not None
        reporting = w in rules.reporting_verbs and not w.endswith("s")   # "said", not "reports", "states"
        closed = (w in cw["stop_words"] or reporting) and w not in cw["modifiers"]
        if not wordlike or (closed and not compound) or (run and "\n" in doc[k - 1].whitespace_):
            break
        if any(is_plural(rules, words[h]) for h in run) and w.endswith(("ing", "ed")):
            break                                      # "60 colleges creating classes"
        run.append(k)
        k += 1
    return run


def parsed_counted(rules, doc: Doc, words, c: Claim) -> tuple[int, int] | None:
    """The noun the number modifies in the parse (``nummod``), with its pre-modifiers."""
    for t in doc[c.start:c.num_end]:
        head = t.head
        if t.dep_ in ("nummod", "quantmod", "compound") and head.i >= c.num_end \
                and head.pos_ in ("NOUN", "PROPN") and head.i - c.num_end < MAX_COUNTED:
            if any(doc[k].is_punct or words[k] in rules.counted["stop_words"]
                   and words[k] not in rules.counted["modifiers"] for k in range(c.num_end, head.i + 1)):
                return None
            return (c.num_end, head.i + 1)
        if t.dep_ == "pobj" or head.i < t.i:
            continue
    return None


def checkworthy(rules, doc: Doc, words, counted: Span | None) -> bool:
    """False for the speaker's own discourse: a discourse noun ("four aspects",
    "two questions") in a sentence where the speaker or listener is present
    ("I", "we", "your", "these"), or any count announcing a list ("There are five
    main measures:"). "scored 31 points" stays checkworthy."""
    if counted is None:
        return True
    cw = rules.counted
    sent = counted.sent if doc.has_annotation("SENT_START") else doc[:]
    follows = words[counted.end] in cw["discourse_followers"]
    if words[counted.end - 1] in cw["discourse_nouns"]:
        return not (follows or sent[0].lower_ in cw["discourse_openers"]
                    or any(t.lower_ in cw["discourse_cues"] for t in sent))
    if follows:
        return sent[0].lower_ not in cw["discourse_openers"]
    return True


# -- period ------------------------------------------------------------------
def period_span(rules, doc: Doc, c: Claim, after: int, dates: list[Span] | None = None) -> Span | None:
    if dates is None:
        dates = doc.spans.get("dates") if "dates" in doc.spans else None
    if not dates:
        return None
    sent = doc[c.start].sent if doc.has_annotation("SENT_START") or doc.has_annotation("DEP") else doc[:]
    cands = [d for d in dates if d.start >= sent.start and d.end <= sent.end
             and (d.end <= c.start or d.start >= c.end) and scopes(rules, doc, d)
             and not in_other_clause(rules, doc, after, d)]
    if not cands:
        return None
    following = [d for d in cands if d.start >= after and near(doc, after, d.start)]
    if following:
        return min(following, key=lambda d: d.start)
    preceding = [d for d in cands if d.end <= c.start]
    if preceding:
        return max(preceding, key=lambda d: d.end)
    return min(cands, key=lambda d: d.start)


def in_other_clause(rules, doc: Doc, after: int, d: Span) -> bool:
    """A date after a relative pronoun that does not follow the counted noun
    belongs to another noun's clause: "fighters in the revolution that brought
    Castro to power 42 years ago" ("14 people who died Friday" keeps Friday)."""
    return any(doc[k].lower_ in rules.counted["relative_pronouns"] for k in range(after + 1, d.start))


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
