"""What the grouping knows of one claim: read from its row, its sentence and its document.

Everything comes from columns the claims table already has (kind, unit, value,
qualifier, counted, period, the sentence) plus the words around the number:
the event (`killed`, `injured`, `reward`), the places of its clause, and the
content words of its sentence. No parse is needed, so the claims of a reused
document, of another worker or of a Dask part are read the same way.
"""
from __future__ import annotations

import bisect
import datetime as dt
import math
import re
from dataclasses import dataclass
from typing import NamedTuple

from claimspan.statistics.lexicon import GroupingRules

# Words (with inner apostrophes, hyphens and abbreviation periods), numbers, and the
# punctuation that ends a clause.
TOKEN = re.compile(r"[A-Za-z](?:[A-Za-z'’\-]|\.(?=[A-Za-z]\.))*\.?|\d[\d,.]*\d|\d|[,;:()\u2014\u2013]")
# A sentence ends after a word or number, not after an initial or acronym (`U.S. embassies`).
SENTENCE_SPLIT = re.compile(r"(?<=[a-z0-9)][.!?])\s+|(?<=[.!?][\"'\u201d\u2019])\s+|\n")
CONTEXT_CHARS = 600   # how far back a sentence with no place looks for one
RIGHT_REACH = 7    # tokens after the number in which an event word is its own (`82 were killed`)
LEFT_REACH = 30    # tokens an event word may be away from its number (bounds the work per claim)
APPROX = 0.10   # `about`, `nearly`: within 10%
OPEN = 1e-9     # `more than 60` excludes 60 itself
PLACE_REACH = 3    # tokens after the number where `in Kenya` names its own place
LABEL_REACH = 7    # tokens before the number in which `the number of cases` names what it counts


@dataclass(slots=True)
class Claim:
    row: int                         # position in the claims table
    claim_id: str
    doc_id: str
    doc_date: dt.date | None
    kind: str
    unit: str | None
    value: float | None
    qualifier: str
    span: tuple | None               # the values the qualified number allows (`at least 82`: [82, inf))
    what: str | None                 # the counted class or head, lower case
    event: str | None
    places: frozenset                # (place, country) pairs its sentence gives it
    near: frozenset                  # for a sentence with none, those of the sentences before (weaker)
    actors: frozenset                # the org_keys of the organizations its sentence names
    scope: str | None                # `one` incident (`the blast`) or `many` (`the bombings`), when no own place
    period: tuple | None             # (first day, last day)
    words: frozenset                 # content words of the sentence
    sentence_key: tuple              # (doc_id, sentence start): two claims of one sentence are two figures
    echo_key: tuple                  # (sentence text, offset in it): the same sentence word for word
    counted: str | None
    eligible: bool                   # a figure about the world that another claim may restate
    superseded: bool


def tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)]


def claim_of(index: int, row: dict, doc_date, rules: GroupingRules, text: str | None = None,
             orgs: list | None = None) -> Claim:
    """``text``: the document's text, when at hand, for the places of the sentences before;
    ``orgs``: (start_char, org_key) of the document's organizations, in order."""
    sentence = row.get("sentence") or ""
    offset = row["start_char"] - row["sentence_start_char"]
    end = row["end_char"] - row["sentence_start_char"]
    read = _sentence(sentence, rules)
    lower = read.lower
    first = bisect.bisect_right(read.ends, offset)
    last = bisect.bisect_left(read.starts, end)   # first token after the claim
    event = event_of(lower, first, last, rules, row["kind"] == "money")
    counted = row.get("counted")
    what = what_of(counted, lower, first, event, rules)
    value = row.get("value")
    value = None if value is None or (isinstance(value, float) and math.isnan(value)) else float(value)
    places, own = places_of(read, first, last, counted, rules)
    near, scope = frozenset(), None
    if event in rules.incident_events and not own:
        scope = scope_of(read, first, last, rules)
    if not places:
        near = context_places(text, row["sentence_start_char"], rules)
    if any(p[1] is None for p in places | near):
        country = _home_country(text, rules)
        places, near = _in_country(places, country), _in_country(near, country)
    actors = _actors(orgs, row["sentence_start_char"], row["sentence_start_char"] + len(sentence))
    period = _period(row.get("period_start"), row.get("period_end"))
    eligible = bool(row.get("checkworthy", True)) and not _listed(counted, value, rules) \
        and not _conversion(sentence, offset) and not row["text"].lower().endswith(rules.describing)
    superseded = any(w in rules.superseded for w in lower[max(0, first - 3):first])   # `initially put at nine`
    qualifier = row.get("qualifier") or "exact"
    span = None if value is None else interval(value, qualifier)
    return Claim(index, row["claim_id"], row["doc_id"], doc_date, row["kind"], row.get("unit"), value, qualifier,
                 span, what, event, places, near, actors, scope, period, read.words,
                 (row["doc_id"], row["sentence_start_char"]), (read.echo, offset),
                 counted, eligible, superseded)


def interval(value: float, qualifier: str) -> tuple[float, float]:
    """The values a qualified number allows.

    >>> interval(82, "at_least"), interval(5000, "nearly"), interval(60, "more_than")[0] > 60
    ((82, inf), (4500.0, 5000), True)
    """
    span = abs(value) * APPROX
    return {
        "exact": (value, value), "approximately": (value - span, value + span),
        "more_than": (value + OPEN * max(1.0, abs(value)), math.inf), "at_least": (value, math.inf),
        "less_than": (-math.inf, value - OPEN * max(1.0, abs(value))), "at_most": (-math.inf, value),
        "nearly": (value - span, value),
    }.get(qualifier, (value, value))


class Sentence(NamedTuple):
    toks: list            # (text, start, end)
    lower: list[str]      # the tokens in lower case, a word's final period dropped
    starts: list[int]
    ends: list[int]
    echo: str             # the text with its spacing normalized
    words: frozenset      # its content words
    mentions: list        # (token index, place) of each place it names
    mention_at: list[int]     # their token indexes, for bisect
    scopes: list              # (token index, `one` or `many`) of each incident word
    owned: list               # (token index of a figure, its own place phrase as a range of ``mentions``)


_LAST: dict = {}


def _sentence(sentence: str, rules: GroupingRules) -> Sentence:
    """A sentence read once for all its claims (they come one after another)."""
    key = (id(rules), sentence)
    if key not in _LAST:
        toks = tokens(sentence)
        lower = [t[0].lower().rstrip(".") if t[0][-1:] == "." and t[0].count(".") == 1 else t[0].lower()
                 for t in toks]
        words = frozenset(w for w in lower if w[0].isalpha() and w not in rules.stop_words and w not in rules.events)
        mentions = _place_mentions(toks, rules) if rules.places else []
        scopes = [(i, rules.incidents[w]) for i, w in enumerate(lower) if w in rules.incidents]
        read = Sentence(toks, lower, [t[1] for t in toks], [t[2] for t in toks], " ".join(sentence.split()),
                        words, mentions, [i for i, _ in mentions], scopes, [])
        if mentions:
            read.owned.extend(_owned(read, rules))
        _LAST.clear()
        _LAST[key] = read
    return _LAST[key]


def _owned(read: Sentence, rules: GroupingRules):
    """Each figure of the sentence with a place phrase of its own (a number after a month word,
    `Aug. 7 at the embassies`, is a day, not a figure)."""
    for j, word in enumerate(read.lower):
        if (word[0].isdigit() or word in rules.number_words) and not (j and read.lower[j - 1] in rules.months):
            found = _own_phrase(read, j + 1, rules)
            if found:
                yield j, range(*found)


def event_of(lower: list[str], first: int, last: int, rules: GroupingRules, money: bool = True) -> str | None:
    """The nearest event word: after the number within its own clause (`82 were killed`), or
    before it (`killing 247 people`; each clause break crossed counts as two words), else any after.
    An event of money (`spent`, `aid`) is no event of a figure that is not money (`spent a night`)."""
    breaks = rules.clause_breaks
    events = rules.events if money else rules.events_not_money
    best, best_distance = None, math.inf
    for j, w in enumerate(lower[last:last + RIGHT_REACH]):
        if w in breaks:
            break
        if w in events:
            best, best_distance = events[w], j + 1
            break
    distance = 0
    for w in reversed(lower[max(0, first - LEFT_REACH):first]):
        distance += 2 if w in breaks else 1
        if distance >= best_distance:
            break
        if w in events:
            return events[w]
    if best is not None:
        return best
    return next((events[w] for w in lower[last:last + LEFT_REACH] if w in events), None)


def what_of(counted: str | None, lower: list[str], first: int, event: str | None, rules: GroupingRules) -> str | None:
    """The counted noun's class (`people`, `lives`, `others` -> people) or head; for a number with no
    noun, the label before it (`Injured: 4,877`, `Americans: 12`) or the people an event counts."""
    head = None
    if counted:
        head = counted.split()[-1].lower()
    elif (named := _number_of(lower, first, rules)) is not None:
        head = named
    elif first >= 2 and lower[first - 1] == ":" and lower[first - 2][0].isalpha():
        label = lower[first - 2]   # `Injured: 4,877`, but not `Turkey: 412 dead`
        head = None if label in rules.events or _place(label.title(), rules) else label
    if head is None:
        return "people" if event in rules.people_events else None
    return rules.counted_classes.get(head) or _singular(head)


def _number_of(lower: list[str], first: int, rules: GroupingRules) -> str | None:
    """`the number of cases has reached 1,480`: the noun after `number of` in the clause before
    the figure, when the claim has no counted noun of its own."""
    for j in range(first - 1, max(1, first - LABEL_REACH) - 1, -1):
        if lower[j] in rules.clause_breaks:
            return None
        if lower[j - 1] in rules.count_nouns and lower[j] == "of" and j + 1 < first:
            return lower[j + 1]
    return None


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def scope_of(read: Sentence, first: int, last: int, rules: GroupingRules) -> str | None:
    """Whether the figure counts one incident or several: the number of the incident noun
    nearest to it in its sentence (`the blast in Nairobi killed`, `the bombings killed`)."""
    best, best_distance = None, LEFT_REACH
    for i, scope in read.scopes:
        distance = first - i if i < first else i - last + 1
        if distance < best_distance:
            best, best_distance = scope, distance
    return best


def places_of(read: Sentence, first: int, last: int, counted: str | None,
              rules: GroupingRules) -> tuple[frozenset, bool]:
    """The places of the claim: those of the phrase right after it (`10 in Tanzania`, `257 people
    in Nairobi and Dar es Salaam`), else every place its sentence names (cities, countries,
    regions and their adjectives), but not those of another figure's own phrase (`31 people, 23
    of them in Romania`: Romania is 23's), nor the counted noun's head (`12 Americans` counts
    people; it does not place them), nor the ends of a journey (`from Cuba to the United States`).
    The flag says the places are the claim's own (the phrase after it)."""
    if not read.mentions:
        return frozenset(), False
    own = _own_phrase(read, last, rules)
    if own:
        return frozenset(p for _, p in read.mentions[own[0]:own[1]]), True
    toks = read.toks
    others = {n for j, found in read.owned if j < first or j >= last for n in found}
    head = counted.split()[-1] if counted else None   # `12 Americans`; but `three Atlanta attacks` are placed
    return frozenset(p for n, (i, p) in enumerate(read.mentions) if toks[i][0] != head and n not in others), False


def _own_phrase(read: Sentence, last: int, rules: GroupingRules) -> tuple[int, int] | None:
    """The mentions (a range of ``read.mentions``) of the place phrase right after a figure that
    ends before token ``last``: `in` within PLACE_REACH tokens, up to a clause end or the next
    figure (`19 in Romania and eight in Moldova`)."""
    toks = read.toks
    at = next((j for j in range(last, min(len(toks), last + PLACE_REACH)) if read.lower[j] in rules.place_prepositions),
              None)
    if at is None:
        return None
    ends = rules.own_place_ends
    stop = next((j for j in range(at + 1, len(toks)) if toks[j][0] in ends or toks[j][0][0].isdigit()
                 or read.lower[j] in rules.number_words), len(toks))
    lo, hi = bisect.bisect_right(read.mention_at, at), bisect.bisect_left(read.mention_at, stop)
    return (lo, hi) if hi > lo else None


def context_places(text: str | None, before: int, rules: GroupingRules) -> frozenset:
    """For a sentence that names no place: the places of the nearest line or sentence before it
    that names one (`KENYA:` above `Total dead: 192`; `in Nairobi` a sentence earlier)."""
    if not rules.places or not text:
        return frozenset()
    window = text[max(0, before - CONTEXT_CHARS):before]
    for piece in reversed(SENTENCE_SPLIT.split(window)):
        found = frozenset(p for _, p in _place_mentions(tokens(piece), rules))
        if found:
            return found
    return frozenset()


def _place_mentions(toks, rules: GroupingRules) -> list[tuple[int, tuple[str, str | None]]]:
    """(token index, place) for each place name, longest first (`Dar es Salaam`, `New York`); a
    name the gazetteer lacks is a place of its own when the text says what kind of place it is
    (`Erzincan province`, `the town of Kemah`, `the provinces of Erzincan and Bingol`): its country
    is the one country the sentence names, if it names one, else unknown (None) until the
    document's dateline gives it (`claim_of`)."""
    out, i = [], 0
    while i < len(toks):
        if not toks[i][0][:1].isupper():
            i += 1
            continue
        known = False   # a name of the gazetteer that its context rejects is no unknown place either
        for n in (4, 3, 2, 1):
            name = " ".join(t[0] for t in toks[i:i + n])
            place = _place(name, rules) or (_place(name.title(), rules) if name.isupper() else None)
            known = known or place is not None
            after = toks[i + n][0].lower() if i + n < len(toks) else ""
            before = [t[0].lower() for t in toks[max(0, i - 2):i] if t[0].lower() != "the"]
            if place and name in rules.place_words and not (before and (before[-1] in rules.place_prepositions
                                                                         or before[-1] in rules.place_modifiers)):
                place = None   # `Chad said`, `Jordan scored`: a name that is also a word, outside `in (eastern) ...`
            if place and after not in rules.not_place_before and not (before and before[-1] in rules.journey_words):
                out.append((i, place))
                i += n
                break
        else:
            if i and not known and _named_kind(toks, i, out, rules):
                out.append((i, ("~" + toks[i][0].rstrip("."), None)))
            i += 1
    if any(p[1] is None for _, p in out):
        countries = {p[1] for _, p in out if p[1] is not None}
        if len(countries) == 1:
            (country,) = countries
            out = [(j, (p[0], country) if p[1] is None else p) for j, p in out]
    return out


def _named_kind(toks, i: int, found: list, rules: GroupingRules) -> bool:
    """Whether the capitalized word at ``i`` (not the sentence's first) is named as a place: a
    place kind in lower case after it (`Bingol province`) or `the <kind> of` before it, or it is joined by `and`
    or a comma to such a name (`the provinces of Erzincan and Bingol`)."""
    kinds = rules.place_kinds
    if i + 1 < len(toks) and toks[i + 1][0] in kinds:   # `Bingol province`, not `Star States Corp.`
        return True
    before = [t[0].lower() for t in toks[max(0, i - 2):i]]
    if before[-2:-1] and before[-1] in ("of", ":") and before[-2] in kinds:   # `PROVINCE: Erzincan`
        return True
    return bool(before and before[-1] in ("and", ",") and found and found[-1][0] >= i - 2
                and found[-1][1][0].startswith("~"))


DATELINE_CHARS = 120   # `ANKARA, Turkey (AP) _`: where a wire story says where it was written
_HOME: dict = {}


def _home_country(text: str | None, rules: GroupingRules) -> str | None:
    """The country of the document's dateline (its first place), for the places it does not
    put in a country (`the town of Kemah`)."""
    if not text:
        return None
    key = (id(rules), text[:DATELINE_CHARS])
    if key not in _HOME:
        words = [t[0] for t in tokens(text[:DATELINE_CHARS])]   # `Turkey` here is no turkey: no context needed
        found = (_place(" ".join(words[i:i + n]), rules) for i in range(len(words)) for n in (3, 2, 1))
        _HOME.clear()
        _HOME[key] = next((p[1] for p in found if p), None)
    return _HOME[key]


def _in_country(places: frozenset, country: str | None) -> frozenset:
    if country is None:
        return places
    return frozenset((p[0], country) if p[1] is None else p for p in places)


def _place(name: str, rules: GroupingRules):
    """A name, or the name without the sentence's final period (`in Tanzania.`) or its
    possessive (`Turkey's earthquake`)."""
    if name.endswith(("'s", "\u2019s")):
        name = name[:-2]
    return rules.places.get(name) or (rules.places.get(name[:-1]) if name.endswith(".") else None)


def _actors(orgs: list | None, start: int, end: int) -> frozenset:
    """The organizations named in [start, end): who won the seats, pledged the money, made the arrests."""
    if not orgs:
        return frozenset()
    lo = bisect.bisect_left(orgs, (start, ""))
    hi = bisect.bisect_left(orgs, (end, ""))
    return frozenset(key for _, key in orgs[lo:hi])


def _period(start, end) -> tuple | None:
    """(first day, last day); None without a period (null in the table, NaN in a pandas row)."""
    if start is None or end is None or start != start or end != end:
        return None
    return start, end


def _listed(counted: str | None, value: float | None, rules: GroupingRules) -> bool:
    """`the two countries` (Kenya and Tanzania): a small count of things the text names one by one."""
    if not counted or value is None or value > rules.listed_max:
        return False
    return counted.split()[-1].lower() in rules.listed_heads


def _conversion(sentence: str, offset: int) -> bool:
    """`700 kilometers (450 miles)`: the figure in parentheses restates the one before it."""
    before = sentence[max(0, offset - 60):offset].rstrip()
    return before.endswith("(") and bool(re.search(r"\d", before[-40:-1]))
