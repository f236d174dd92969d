"""A claim's context: what it counts, when, and whether it is checkworthy.

``describe`` turns a ``claims.tokens.Claim`` into the claims row's attribute
dict. ``counted`` comes from the dependency parse when the Doc has one, else
from rules (the run of words after the number up to its last plural noun,
stopping at the closed-class words of ``counted.yaml``). ``period_*`` come from
the date spans of the same sentence (``doc.spans["dates"]``, see ``claims.period``).
What these need of the whole Doc (its sentences, its dates) is found once per
Doc (``DocContext``), so that describing a claim takes the same time however
long its sentence is.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Doc, Span

from claimspan.components.claims.period import Periods, with_preposition
from claimspan.components.claims.tokens import Claim, NoSpaceBefore, phrase_at
from claimspan.components.sentindex import SentenceIndex
from claimspan.normalize.numbers import read_number

MAX_COUNTED = 6        # words in a counted phrase
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
ABBREVIATION = re.compile(r"^(?:[A-Za-z]\.){2,}$")   # "U.S.", "U.N."


class DocContext:
    """What describing a claim needs of its whole Doc, found once: the sentences,
    the dates that may be periods, and which sentences hold a discourse cue.
    ``dates``: the Doc's date spans (default ``doc.spans["dates"]``)."""

    def __init__(self, rules, doc: Doc, dates: list[Span] | None = None):
        self.sents = SentenceIndex(doc)
        self.periods = Periods(rules, doc, self.sents, dates)
        self.parsed = doc.has_annotation("DEP")   # a look at every token: once, not per claim
        self.rules, self._cues = rules, {}

    def has_discourse_cue(self, sent: Span) -> bool:
        if sent.start not in self._cues:
            cues = self.rules.counted["discourse_cues"]
            self._cues[sent.start] = any(t.lower_ in cues for t in sent)
        return self._cues[sent.start]


def describe(rules, doc: Doc, words, c: Claim, context: DocContext | None = None) -> dict:
    """The row's columns; ``context``: the Doc's, if the caller describes more than one claim."""
    context = context or DocContext(rules, doc)
    span = counted_span(rules, doc, words, c, context.parsed)
    counted = doc[span[0]:span[1]] if span else None
    date = context.periods.period(c.start, c.end, span[1] if span else c.end)
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
        **_open_period(rules, words, period, _iso(info.get("start_date")),
                       _iso(_period_end(rules, doc, words, period, info))),
        "checkworthy": checkworthy(rules, doc, words, counted, context),
    }


def _period_end(rules, doc: Doc, words, period: Span | None, info: dict):
    """The period's last day; one that ``since`` opens runs to the document's date ("since 2010")."""
    end = info.get("end_date")
    if period is None or end is None or words[period.start] not in rules.period["open_ended"]:
        return end
    today = str(doc._.doc_date or "")[:10]
    return today if today > str(end)[:10] else end


def _open_period(rules, words, period: Span | None, start: str | None, end: str | None) -> dict:
    """``period_start`` and ``period_end``; a statute's period open on one side has no date there:
    "after December 31, 2025" from 2026-01-01 on, "beginning January 1, 2026" from that day on,
    "before March 1, 2020" up to 2020-02-29 (``open_after``, ``open_from``, ``open_before``)."""
    word = words[period.start] if period is not None and start and end else None
    if word in rules.period["open_after"]:
        return {"period_start": str(date.fromisoformat(end) + timedelta(days=1)), "period_end": None}
    if word in rules.period["open_from"]:
        return {"period_start": start, "period_end": None}
    if word in rules.period["open_before"]:
        return {"period_start": None, "period_end": str(date.fromisoformat(start) - timedelta(days=1))}
    return {"period_start": start, "period_end": end}


def _iso(value):
    return None if value is None else str(value)[:10]


# -- counted -----------------------------------------------------------------
def is_plural(rules, word: str) -> bool:
    cw = rules.counted
    if word in cw["irregular_plurals"]:
        return True
    return len(word) > 2 and word.endswith("s") and word not in cw["not_plural_words"] \
        and not any(word.endswith(e) for e in cw["not_plural_endings"])


def counted_span(rules, doc: Doc, words, c: Claim, parsed: bool) -> tuple[int, int] | None:
    if c.no_counted or c.kind in ("money", "measure", "percent"):
        return None
    p = partitive_start(rules, doc, words, c)
    if p is None:
        return None                                            # "10 of 12 victims": two counts
    if p + 1 < len(doc) and words[p] in rules.ranges["dashes"] and not doc[p - 1].whitespace_ \
            and not doc[p].whitespace_ and doc[p + 1].is_alpha:
        return (p + 1, p + 2)                                  # "62-member": counted "member"
    ruled = rule_counted(rules, doc, words, c, p)
    parsed = parsed_counted(rules, doc, words, c) if parsed else None
    if ruled is None or parsed is None:
        return ruled or parsed
    head = doc[parsed[1] - 1]
    if ruled[0] <= head.i < ruled[1] and head.tag_ in PLURAL_TAGS:
        return (ruled[0], head.i + 1)                          # the parse ends it: "three democracies | helps"
    return ruled                                               # the rules keep "Arab League nations"


def partitive_start(rules, doc: Doc, words, c: Claim) -> int | None:
    """Where the counted noun may start: right after the number, or in a partitive
    past ``of``, a determiner, a possessive and the whole's own number (``four of its
    former members``, ``half the children``, ``two of Elian's Miami cousins``, ``61 of
    the state's 295 school districts``: the part counts what the whole counts)."""
    cw, p = rules.counted, c.num_end
    k = p + 1 if words[p] in cw["of_words"] else p
    if k == p and words[p] in cw["partitive_before_of"] and words[p + 1] in cw["of_words"]:
        k = p + 2                                              # "three out of the 39 counties"
    if k == p and not (c.kind == "ratio" and words[p] in cw["partitive_determiners"]):
        return p
    if words[k] in cw["partitive_determiners"]:
        k += 1
    own = next((j for j in range(k + 1, min(k + 4, len(doc))) if words[j] == "'s"), None)
    if own is not None and all(doc[j].is_alpha for j in range(k, own)):
        k = own + 1                                            # "of the country's", "of Elian's"
    qualifier = phrase_at(rules.qualifiers, words, k)
    n = k + (qualifier.length if qualifier else 0)
    if n < len(doc) and (doc[n].like_num or words[n] in rules.lex.words):
        k = past_whole(rules, doc, words, n)
        if k is None:
            return None
    if words[k] in cw["partitive_superlatives"]:
        return k + 2                                           # "of the most populous states"
    if words[k].endswith(tuple(cw["superlative_endings"])) and words[k] not in cw["not_superlatives"] \
            and doc[k].is_lower and k + 1 < len(doc) and doc[k + 1].is_alpha:
        return k + 1                                           # "of the largest banks"
    return k


def past_whole(rules, doc: Doc, words, k: int) -> int | None:
    """After the number of a partitive's whole (``of its more than 21,000 jobs``, ``of the
    4.9 million shares``): where its noun starts; None if no plain number is there, or if
    the number opens a compound (``five of the three-ton satellites``: the number is the
    compound's, not the whole's count)."""
    glued = NoSpaceBefore(doc)
    whole = read_number(words, k, rules.lex, glued)
    if whole is None or whole.vague or whole.fraction or (words[whole.end] in rules.ranges["dashes"]
                                                          and glued[whole.end]):
        return None
    return whole.end


def rule_counted(rules, doc: Doc, words, c: Claim, p: int) -> tuple[int, int] | None:
    """The counted noun without a parse: the run of words after the number, up to
    its last plural (``legal aid cases``), or the whole run after ``one``. A ratio's
    whole ends at its first plural (``one in five adults | smokes``) and may be
    singular (``half of the budget``)."""
    run = counted_run(rules, doc, words, p)
    if not run:
        return None
    if c.value == 1:
        return (run[0], run[-1] + 1)                   # "one senior official"
    heads = [k for k in run if is_plural(rules, words[k])]
    if c.kind == "ratio":
        if heads:
            return (run[0], heads[0] + 1)
        if p == c.num_end:
            return None
        end = next((k for k in run[1:] if words[k].endswith(tuple(rules.counted["verb_endings"]))), run[-1] + 1)
        return (run[0], end)                           # "half of the budget", "a third of the land"
    if not heads:
        return None
    return (run[0], heads[-1] + 1)


def counted_run(rules, doc: Doc, words, p: int) -> list[int]:
    """Tokens from p that may belong to a noun phrase: words (and ``U.S.``-style
    abbreviations, hyphenated compounds) up to a closed-class word or punctuation."""
    cw, dashes, run, k = rules.counted, rules.ranges["dashes"], [], p
    while k < len(doc) and len(run) < MAX_COUNTED:
        t, w = doc[k], words[k]
        if w in dashes and run and not doc[k - 1].whitespace_ and not t.whitespace_:
            k += 1                                     # inside "would-be", "non-governmental"
            continue
        compound = (k + 2 < len(doc) and words[k + 1] in dashes and not t.whitespace_ and not doc[k + 1].whitespace_) \
            or (bool(run) and words[k - 1] in dashes and not doc[k - 1].whitespace_ and not doc[k - 2].whitespace_)
        wordlike = t.is_alpha or ABBREVIATION.match(t.text) is not None
        reporting = w in rules.reporting_verbs and not w.endswith("s")   # "said", not "reports", "states"
        closed = (w in cw["stop_words"] or reporting) and w not in cw["modifiers"] and not acronym(doc, k)
        if not wordlike or (closed and not compound) or (run and "\n" in doc[k - 1].whitespace_):
            break
        if any(is_plural(rules, words[h]) for h in run) and w.endswith(("ing", "ed")):
            break                                      # "60 colleges creating classes"
        run.append(k)
        k += 1
    return run


def acronym(doc: Doc, k: int) -> bool:
    """Token k is an acronym spelled like a closed-class word ("five WHO regions", "500 IT workers"):
    in capitals before a word that is not (an all-capitals headline's "FIVE WHO DIED" is words)."""
    t = doc[k]
    return len(t) > 1 and t.is_upper and k + 1 < len(doc) and doc[k + 1].is_alpha and not doc[k + 1].is_upper


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


def checkworthy(rules, doc: Doc, words, counted: Span | None, context: DocContext) -> bool:
    """False for the speaker's own discourse: a discourse noun ("four aspects",
    "two questions") in a sentence where the speaker or listener is present
    ("I", "we", "your", "these"), or any count announcing a list ("There are five
    main measures:"). "scored 31 points" stays checkworthy."""
    if counted is None:
        return True
    cw = rules.counted
    sent = context.sents.sent(counted.start)
    follows = words[counted.end] in cw["discourse_followers"]
    if words[counted.end - 1] in cw["discourse_nouns"]:
        return not (follows or sent[0].lower_ in cw["discourse_openers"] or context.has_discourse_cue(sent))
    if follows:
        return sent[0].lower_ not in cw["discourse_openers"]
    return True
