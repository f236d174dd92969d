"""Claims -> statistics: which claims restate the same figure.

Claims are blocked by (kind, unit, what is counted), so only claims that could
be one figure are ever compared; inside a block a claim is compared only with
the statistics that share its value, event, places, sentence or one of its
rarer content words (an inverted index; of a common key, the latest ones), never with all of them, so the work
grows with the number of claims, not with its square. Claims are taken in
document-date order; each joins the statistic with the most evidence (same
value, event, place, period, shared words: rules/statistics/grouping.yaml)
that nothing contradicts (another event, place, period or counted noun, or the
same sentence), or starts a statistic of its own.

The tests of values, periods and places the evidence is made of are in
compare.py; the features of a claim, its events, its places and the statistic's
label are modules of their own.

About 330 lines: the clustering and the evidence it weighs are one
algorithm, tuned together (rules/statistics/grouping.yaml weights).
"""
from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict

from claimspan.statistics.compare import (Hierarchy, agrees, common_value, level, lows_near, overlap, part_and_whole,
                                          plausible, rounds_alike, same_count, same_places)
from claimspan.statistics.features import Claim
from claimspan.statistics.forked import split_map
from claimspan.statistics.lexicon import GroupingRules

RESTATING_REACH = 400   # characters from the sentence of a figure to that of another value for it
COMMON_WORD = 50   # a word shared by more statistics of a block than this finds no candidates
FORK_FROM = 4_000   # fewer claims are grouped in one process (a fork costs more than it saves)


class Statistic:
    __slots__ = ("members", "doc_values", "whats", "events", "own_events", "scopes", "places", "nears", "actors",
                 "periods", "sentences", "words", "values", "spans", "echoes", "precise", "lows", "by_doc",
                 "companies", "owners")

    def __init__(self, claim: Claim):
        self.members: list[Claim] = []
        self.doc_values: dict = {}   # doc_id -> the values its claims give (the replaced ones not)
        self.whats: set = set()
        self.events: set = set()
        self.own_events: set = set()   # the events of claims whose event word is next to the number
        self.scopes: set = set()
        self.places: set = set()
        self.nears: set = set()   # of claims with no place of their own: the places of the sentences before
        self.actors: set = set()
        self.periods: set = set()   # distinct periods: a statistic of many claims has few
        self.sentences: set = set()
        self.words: dict[str, int] = {}
        self.values: set = set()
        self.spans: set = set()     # the values' intervals (`at least 82` is [82, inf))
        self.echoes: set = set()
        self.precise = False   # a claim with a number in digits or words, not only `hundreds`
        self.lows: tuple = ()   # the least and greatest of its lower bounds with a number (`at least 47`)
        self.by_doc: dict = {}   # doc_id -> its claims of the statistic
        # whose its figures are -> the documents that give them: of its figures of shares or stock
        # (Claim.company), and of the others (the organizations their sentences name)
        self.companies: dict[frozenset, set] = {}
        self.owners: dict[frozenset, set] = {}
        self.add(claim)

    def add(self, claim: Claim) -> None:
        self.members.append(claim)
        if claim.what:
            self.whats.add(claim.what)
        if claim.event:
            self.events.add(claim.event)
            if claim.own_event:
                self.own_events.add(claim.event)
        if claim.scope:
            self.scopes.add(claim.scope)
        if claim.places:
            self.places.add(claim.places)
        elif claim.near:
            self.nears.add(claim.near)
        self.actors |= claim.actors
        if claim.company is None:
            self.owners.setdefault(claim.actors, set()).add(claim.doc_id)
        else:
            self.companies.setdefault(claim.company, set()).add(claim.doc_id)
        if claim.period:
            self.periods.add(claim.period)
        if not claim.superseded:   # `initially 10, has risen to 12`: the old and the new figure of one sentence
            self.sentences.add(claim.sentence_key)
            self.doc_values.setdefault(claim.doc_id, set()).add(claim.value)
        self.echoes.add(claim.echo_key)
        self.precise = self.precise or not claim.vague
        if claim.span is not None and claim.span[1] == math.inf and not claim.vague:
            low = abs(claim.value)
            self.lows = (min(low, self.lows[0]), max(low, self.lows[1])) if self.lows else (low, low)
        self.by_doc.setdefault(claim.doc_id, []).append(claim)
        self.values.add(claim.value)
        if claim.span is not None:
            self.spans.add(claim.span)
        for w in claim.words:
            self.words[w] = self.words.get(w, 0) + 1


def group(claims: list[Claim], rules: GroupingRules, workers: int = 1) -> list[list[Claim]]:
    """Every claim in exactly one statistic; statistics of one claim included. The blocks are
    grouped by up to ``workers`` processes when there are enough claims to repay a fork."""
    blocks: dict[tuple, list[Claim]] = defaultdict(list)
    alone: list[list[Claim]] = []
    _from_before(claims)
    for claim in claims:
        if claim.eligible:
            blocks[(claim.kind, claim.unit)].append(claim)
        else:
            alone.append([claim])
    nested = _hierarchy(claims)
    block_list = list(blocks.values())

    def rows_of(block: list[Claim]) -> list[list[int]]:   # what a forked process sends back: row numbers
        return [[c.row for c in s.members] for s in _cluster(block, rules, nested)]

    by_row = {c.row: c for c in claims}
    done = split_map(rows_of, block_list, [len(b) for b in block_list], workers if len(claims) >= FORK_FROM else 1)
    return alone + [[by_row[r] for r in rows] for stats in done for rows in stats]


def _from_before(claims: list[Claim]) -> None:
    """A bare count that opens its sentence, with no noun and no event (`But about 230,000 remain in
    the camps`), counts what the count of the sentence just before it counts, and what happened to
    them (`About 12,000 refugees have returned home.`); not one further in (`a vote of 53 to 40`)."""
    before: Claim | None = None
    for claim in sorted(claims, key=lambda c: (c.doc_id, c.sentence_key[1], c.row)):
        if claim.kind == "count" and claim.what is None and claim.event is None and before is not None \
                and claim.opens \
                and _just_before(before, claim) and before.sentence_key != claim.sentence_key \
                and before.kind == "count" and before.what is not None and claim.eligible and before.eligible:
            claim.what, claim.event = before.what, before.event
        before = claim


def _hierarchy(claims: list[Claim]) -> Hierarchy:
    """place key -> the keys of the places that hold it, as the run's sentences nest them (`the
    town of Kemah in Erzincan province`), and what holds those (compare.Hierarchy: it also
    remembers the sets of places it has compared)."""
    up: dict[str, set] = defaultdict(set)
    for claim in claims:
        for inner, outer in claim.within:
            up[inner].add(outer)
    for inner in list(up):
        up[inner] |= {top for outer in list(up[inner]) for top in up.get(outer, ())}
    return Hierarchy(up)


def _order(claim: Claim):
    return (claim.doc_date or dt.date.max, claim.doc_id, claim.sentence_key[1], claim.row)


def _cluster(block: list[Claim], rules: GroupingRules, nested: dict | None = None) -> list[Statistic]:
    stats: list[Statistic] = []
    index: dict[tuple, list[int]] = defaultdict(list)    # value, event, sentence, places or word -> statistics
    previous: tuple | None = None   # (claim, statistic) read last
    owned = any(c.company is not None for c in block)   # company figures: their statistics need _owner_keys
    for claim in sorted(block, key=_order):
        if claim.restates and previous and _just_before(previous[0], claim) \
                and _same_thing(claim, stats[previous[1]], rules):
            best = previous[1]   # `put the figure at 22 percent`: the 85 percent just before, by another source
        else:
            best = _best(claim, _candidates(claim, index), stats, rules, nested=nested)
        if best is None:
            best = len(stats)
            stats.append(Statistic(claim))
        else:
            stats[best].add(claim)
        previous = (claim, best)
        for key in _keys(claim) + _owner_keys(claim) if owned else _keys(claim):
            if key[1] is not None and best not in index[key][-1:]:
                index[key].append(best)
    _second_look(stats, index, rules, nested)
    return [s for s in stats if s.members]


def _another_company(claim: Claim, stat: Statistic) -> bool:
    """A figure of shares or stock and a figure of another story are one only when both name one
    company (a figure of no company of its own names it among its organizations)."""
    mine = claim.actors if claim.company is None else claim.company
    for book in (stat.companies, stat.owners) if claim.company is not None else (stat.companies,):
        for whose, docs in book.items():
            if not mine & whose and (len(docs) > 1 or claim.doc_id not in docs):
                return True
    return False


def _just_before(before: Claim, claim: Claim) -> bool:
    """The figure read before ``claim`` is of its document, in its sentence or close before it."""
    return before.doc_id == claim.doc_id and 0 <= claim.sentence_key[1] - before.sentence_key[1] <= RESTATING_REACH


def _second_look(stats: list[Statistic], index: dict, rules: GroupingRules, nested: dict | None = None) -> None:
    """A claim left alone by the first pass joins a statistic that grew after it was read
    (a toll reported early, before the reports that name its place)."""
    for n, stat in enumerate(stats):
        if len(stat.members) != 1:
            continue
        claim = stat.members[0]
        best = _best(claim, _candidates(claim, index, common_words=True) - {n}, stats, rules, grown=True,
                     nested=nested)
        if best is not None:
            stats[best].add(claim)
            stat.members = []


def _candidates(claim: Claim, index: dict, common_words: bool = False) -> set[int]:
    """The statistics that share a key with the claim: of a common key, the latest ones; a word
    shared by too many statistics finds none, unless ``common_words`` (the second look)."""
    seen: set[int] = set()
    for key in _keys(claim):
        found = index.get(key)
        if found and (common_words or key[0] != "w" or len(found) <= COMMON_WORD):
            seen.update(found[-COMMON_WORD:])
    if claim.company is not None and seen:   # only these can take a company's figure (_another_company)
        seen &= {m for key in _owner_keys(claim) for m in index.get(key, ())}
    return seen


def _owner_keys(claim: Claim) -> list[tuple]:
    """Its story, and whose its figure is: a statistic of neither cannot take a company's figure."""
    return [("d", claim.doc_id)] + [("o", org) for org in (claim.actors if claim.company is None else claim.company)]


def _best(claim: Claim, candidates: set[int], stats: list[Statistic], rules: GroupingRules,
          grown: bool = False, nested: dict | None = None) -> int | None:
    """The candidate with the most evidence, more than the threshold (ties: the one more claims
    state, then the latest); ``grown``: only statistics of two or more claims."""
    best, best_key = None, (rules.weights["threshold"], math.inf)
    for m in sorted(candidates):
        if grown and len(stats[m].members) < 2:
            continue
        score = _evidence(claim, stats[m], rules, nested)
        if score is None or score <= rules.weights["threshold"]:
            continue
        key = (score, len(stats[m].members))
        if key > best_key or best is not None and key == best_key:
            best, best_key = m, key
    return best


def _keys(claim: Claim) -> list[tuple]:
    """What a statistic must share with the claim to be compared with it at all."""
    keys = [("v", claim.value), ("e", claim.event), ("s", claim.echo_key), ("p", claim.places or None)]
    return keys + [("w", w) for w in claim.words]


def _evidence(claim: Claim, stat: Statistic, rules: GroupingRules, nested: dict | None = None) -> float | None:
    """How strongly ``claim`` restates ``stat``; None when something rules it out."""
    w = rules.weights
    if claim.sentence_key in stat.sentences and not claim.superseded:
        return None
    if (claim.company is not None or stat.companies) and _another_company(claim, stat):
        return None   # `Acme shares fell 50 cents`, `Bolt shares fell 50 cents`: two companies' prices
    if claim.vague and not stat.precise and claim.echo_key not in stat.echoes:
        return None   # `hundreds` and `tens of thousands`: two lower bounds say nothing of one figure
    values = stat.doc_values.get(claim.doc_id)   # what the statistic holds from the claim's own story
    other_source = values is not None and values != {claim.value} and _other_source(claim, stat)
    if not claim.superseded and values is not None and values != {claim.value} and not other_source:
        return None   # one story that gives two figures gives two things (the country's and the capital's)
    if not _same_thing(claim, stat, rules):
        return None
    if claim.rate != stat.members[0].rate:
        return None   # `hundreds each year` is no count of one year's or one crash's dead
    if claim.scope and stat.scopes and claim.scope not in stat.scopes and not _whole_and_part(claim, stat, rules):
        return None   # one blast is not the bombings together
    if claim.period and any(not overlap(claim.period, p) for p in stat.periods) \
            and not same_count(claim, stat, rules):
        return None
    score = 0.0
    if claim.places and stat.places:
        if not all(same_places(claim.places, p, nested) for p in stat.places) \
                and not (_whole_and_part(claim, stat, rules)
                         and all(part_and_whole(claim.places, p, nested) for p in stat.places)):
            return None   # another place, or a part of the place (Nairobi alone vs both capitals)
        score += w["same_place"] * level(claim.places, stat.places, w)
    elif claim.near and stat.places:   # the places of the sentences before: a hint, never a reason to refuse
        if all(same_places(claim.near, p, nested) for p in stat.places):
            score += w["near_place"] * level(claim.near, stat.places, w)
        elif not (claim.scope == "many" and claim.scope in stat.scopes):
            score -= w["near_place"]   # (`the toll for both bombings` after a paragraph on one of them: no hint)
    elif claim.places and stat.nears and all(same_places(claim.places, p, nested) for p in stat.nears):
        score += w["near_place"] * level(claim.places, stat.nears, w)   # the hint, the other way round
    elif claim.near and stat.nears == {claim.near}:   # two hints: only the very same places
        score += w["near_place"]
    if claim.value in stat.values:
        score += w["same_value"] * (w["common_value_factor"] if common_value(claim.value, w) else 1.0)
    elif claim.value is not None:
        # (tested after the cheap refusals above: a statistic of many claims has many spans to test)
        running = claim.event in rules.running or bool(stat.events & rules.running)
        if not all(plausible(claim, span, rules, running) for span in stat.spans) \
                or not lows_near(claim, stat, rules, running):
            return None
        if claim.kind == "percent" and not running and not agrees(claim, stat) and not other_source \
                and not rounds_alike(claim, stat):
            return None   # a rate or share that is settled: 10.1 and 13.7 percent are two measures, not one misstated
        if claim.event in rules.running or agrees(claim, stat):
            score += w["overlapping_value"]
    if claim.echo_key in stat.echoes:
        score += w["same_sentence_text"]
    if claim.actors & stat.actors:   # the same organization: who won, pledged, arrested
        score += w["same_actor"]
    if claim.event and claim.event in stat.events:
        score += w["same_event"]
    if claim.what in stat.whats and claim.what not in rules.class_names:   # `candidates`, not `people`
        score += w["same_what"] * (w["common_value_factor"] if common_value(claim.value, w) else 1.0)
    if claim.period and any(overlap(claim.period, p) for p in stat.periods):
        score += w["same_period"]
    share = sum(1 for word in claim.words if word in stat.words) / len(claim.words) if claim.words else 0.0
    if (claim.what in rules.object_classes or claim.what is None and claim.kind == "ratio") \
            and share < w["object_share"]:
        return None   # `three times`, `four terms`, `cut in half`: of what, only the words around them say
    score += w["context"] * share
    if claim.event is None and not stat.events and claim.echo_key not in stat.echoes:
        # nothing says what happened to what is counted: the same figure, said in much the same words,
        # unless the figure is a rare one of a thing of its own (`28 visas`, `29 aliases`)
        specific = claim.what is not None and claim.what not in rules.class_names
        if claim.value not in stat.values:   # `More than 1,800 candidates` and `1,884 candidates`
            return score if specific and claim.what in stat.whats and agrees(claim, stat) else None
        if specific and claim.what in stat.whats and claim.qualifier == "exact" \
                and all(lo == hi for lo, hi in stat.spans):   # `5,000 tents` and `the 5,000 tents`: the thing
            return score                                        # says what (`more than 20 countries` too little)
        return score if specific and not common_value(claim.value, w) else score - w["same_event"]
    return score


def _same_thing(claim: Claim, stat: Statistic, rules: GroupingRules) -> bool:
    """Nothing says the claim counts another thing than the statistic (a figure that names none may
    be any), or that another thing happened to it (killed vs injured; an event word further off in
    the sentence may be another figure's, so only the events of the statistic's own words count:
    the 14 of `convicted 12 of the 14 charged` are no convicted figure)."""
    if claim.what and stat.whats and claim.what not in stat.whats and not _people_alike(claim.what, stat.whats, rules):
        return False
    return not (claim.event and claim.own_event and stat.own_events and claim.event not in stat.own_events)


def _whole_and_part(claim: Claim, stat: Statistic, rules: GroupingRules) -> bool:
    """The same exact number of the same kind of person or thing, and the same event, may be told of
    a part and of the whole (`12 Americans died in Nairobi`, `the bombings in Nairobi and Dar es
    Salaam killed 257 people, including 12 Americans`): all of them were in the part."""
    return claim.qualifier == "exact" and not claim.vague and claim.value in stat.values \
        and claim.what is not None and claim.what not in rules.class_names and claim.what in stat.whats \
        and claim.event is not None and claim.event in stat.events


def _other_source(claim: Claim, stat: Statistic) -> bool:
    """One story's two figures of one event by two tellers (`The union said about 22,000 workers joined
    the strike.` `The company said 15,000 had stayed away.`): both its own event, each teller named."""
    if not (claim.source and claim.event and claim.own_event):
        return False
    return all(m.source and not (m.source & claim.source) and m.event == claim.event and m.own_event
               for m in stat.by_doc.get(claim.doc_id, ()) if m.value != claim.value)


def _people_alike(what: str, whats: set, rules: GroupingRules) -> bool:
    """`people` and one kind of person (`miners`, `Romanians`): maybe the same people; so are a
    country's people and one kind of person (`Sierra Leoneans` and `refugees`); two kinds of one
    sort (miners and rescuers, Germans and French) are not. A statistic of one kind and of `people`
    is of that kind."""
    if what == "people":   # (``what`` is not in ``whats``)
        return len(whats) == 1 and whats <= rules.person_kinds
    kinds = whats - {"people"}   # a statistic of `refugees` and `people` is of refugees
    if what not in rules.person_kinds or len(kinds) > 1:
        return False
    if not kinds:
        return True
    (other,) = kinds
    return other in rules.person_kinds and (what in rules.peoples) != (other in rules.peoples)
