"""Where a claim is: the places of its own phrase or of its sentence, of the sentences before,
and the country of the document's dateline, read against rules/statistics/places.yaml.

A place is a (name, country) pair: a country is its own country, a region or city is inside
one, and a name the gazetteer lacks is a place when the text says what kind of place it is.
"""
from __future__ import annotations

import bisect

from claimspan.statistics.lexicon import GroupingRules, Readings
from claimspan.statistics.text import NONE, SENTENCE_SPLIT, Sentence, kept, tokens

CONTEXT_CHARS = 600   # how far back a sentence with no place looks for one
VENUE_REACH = 4    # tokens before a place's `in` where `meeting`, `told` make it a venue
NEST_WORDS = 4     # words between a place and the place that holds it (`, in the eastern`)
PLACE_REACH = 3    # tokens after the number where `in Kenya` names its own place


def places_of(read: Sentence, first: int, last: int, counted: str | None,
              rules: GroupingRules) -> tuple[frozenset, bool]:
    """The places of the claim: those of the phrase right after it (`10 in Tanzania`, `257 people
    in Nairobi and Dar es Salaam`), else every place its sentence names (cities, countries,
    regions and their adjectives), but not those of another figure's own phrase (`31 people, 23
    of them in Romania`: Romania is 23's), nor the counted noun's head (`12 Americans` counts
    people; it does not place them), nor the ends of a journey (`from Cuba to the United States`).
    The flag says the places are the claim's own (the phrase after it)."""
    if not read.mentions:
        return NONE, False
    own = own_phrase(read, last, rules)
    if own:
        return kept(p for _, p in read.mentions[own[0]:own[1]]), True
    toks = read.toks
    others = {n for j, found in read.owned if j < first or j >= last for n in found}
    head = counted.split()[-1] if counted else None   # `12 Americans`; but `three Atlanta attacks` are placed
    return kept(p for n, (i, p) in enumerate(read.mentions) if toks[i][0] != head and n not in others), False


def own_phrase(read: Sentence, last: int, rules: GroupingRules) -> tuple[int, int] | None:
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
        return NONE
    window = text[max(0, before - CONTEXT_CHARS):before]
    for piece in reversed(SENTENCE_SPLIT.split(window)):
        found = _PIECES.get(rules, piece, _places_in)
        if found:
            return found
    return NONE


_PIECES = Readings(keep=4096)   # a sentence's places: the claims of one passage look back over the same ones


def _places_in(piece: str, rules: GroupingRules) -> frozenset:
    return kept(p for _, p in place_mentions(tokens(piece), rules))


def place_mentions(toks, rules: GroupingRules) -> list[tuple[int, tuple[str, str | None]]]:
    """(token index, place) for each place name, longest first (`Dar es Salaam`, `New York`); a
    name the gazetteer lacks is a place of its own when the text says what kind of place it is
    (`Erzincan province`, `the town of Kemah`, `the provinces of Erzincan and Bingol`): its country
    is the one country the sentence names, if it names one, else unknown (None) until the
    document's dateline gives it (`claim_of`)."""
    out, owners, i = [], [], 0   # owners: `Indonesia's Social Affairs Ministry`, a place only when none other is
    lengths = rules.place_lengths
    journey_end = -1   # the token after the last end of a journey (`from Sierra Leone and Liberia`)
    while i < len(toks):
        if not toks[i][0][:1].isupper():
            i += 1
            continue
        known = False   # a name of the gazetteer that its context rejects is no unknown place either
        listed = i >= 1 and i - 1 == journey_end and toks[i - 1][0].lower() in rules.place_joins
        first = toks[i][0]
        longest = max(lengths.get(first, 1), lengths.get(first.title(), 1) if first.isupper() else 1)
        before = [t[0].lower() for t in toks[max(0, i - 2):i] if t[0].lower() != "the"]
        for n in (4, 3, 2, 1):
            if n > longest:   # no name of that many words opens with this one
                continue
            name = " ".join(t[0] for t in toks[i:i + n])
            place = place_named(name, rules) or (place_named(name.title(), rules) if name.isupper() else None)
            if place is None:
                continue
            known = True
            if name in rules.place_words and not (before and (before[-1] in rules.place_prepositions
                                                                         or before[-1] in rules.place_modifiers)):
                place = None   # `Chad said`, `Jordan scored`: a name that is also a word, outside `in (eastern) ...`
            if place and before and before[-1] in rules.place_prepositions \
                    and any(t[0].lower() in rules.venue_words for t in toks[max(0, i - VENUE_REACH):i - 1]):
                place = None   # `pledged at a meeting in Madrid`, `told a news conference in Nairobi`
            if place and (listed or before and before[-1] in rules.journey_words):
                journey_end = i + n   # and the names listed after it
                place = None
            if place and (toks[i + n][0].lower() if i + n < len(toks) else "") not in rules.not_place_before:
                (owners if _owner_of_body(toks, min(i + n, len(toks)), rules) else out).append((i, place))
                i += n
                break
        else:
            n = 1
            if i and not known and _named_kind(toks, i, out, rules):
                while n < 3 and i + n < len(toks) and toks[i + n][0][:1].isupper() \
                        and not place_named(toks[i + n][0], rules):   # `the town of La Oroya`
                    n += 1
                out.append((i, ("~" + " ".join(t[0] for t in toks[i:i + n]).rstrip("."), None)))
            i += n
    if any(p[1] is None for _, p in out):
        countries = {p[1] for _, p in out if p[1] is not None}
        if len(countries) == 1:
            (country,) = countries
            out = [(j, (p[0], country) if p[1] is None else p) for j, p in out]
    return out or owners


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


def nested_places(toks, mentions: list, rules: GroupingRules) -> tuple:
    """(inner, outer) place keys of a place named right before another that holds it: `the town of
    Kemah in Erzincan province`, `Horlivka in the Donetsk region`, `Monchique, in the Algarve`,
    `Lockerbie, Scotland` (only the words of the first name, a comma, `in`, `the`, `of`, a
    modifier or a kind of place between them; never two countries)."""
    out = []
    for (i, inner), (j, outer) in zip(mentions, mentions[1:]):
        between = [t[0] for t in toks[i + 1:j]]
        while between and between[0][:1].isupper():   # the rest of the first name (`Dar es Salaam`)
            between.pop(0)
        if not between or between[0] not in (",", "in") or len(between) > NEST_WORDS \
                or any(w not in (",", "in", "the", "of") and w.lower() not in rules.place_modifiers
                       and w.lower() not in rules.place_kinds for w in between):
            continue
        if inner[0] == outer[0] or inner[0] == inner[1] or (inner[1] and outer[1] and inner[1] != outer[1]):
            continue
        out.append((inner[0], outer[0]))
    return tuple(out)


DATELINE_CHARS = 120   # `ANKARA, Turkey (AP) _`: where a wire story says where it was written
_HOME: dict = {}


def home_country(text: str | None, rules: GroupingRules) -> str | None:
    """The country of the document's dateline (its first place), for the places it does not
    put in a country (`the town of Kemah`)."""
    if not text:
        return None
    key = (id(rules), text[:DATELINE_CHARS])
    if key not in _HOME:
        words = [t[0] for t in tokens(text[:DATELINE_CHARS])]   # `Turkey` here is no turkey: no context needed
        found = (place_named(" ".join(words[i:i + n]), rules) for i in range(len(words)) for n in (3, 2, 1))
        _HOME.clear()
        _HOME[key] = next((p[1] for p in found if p), None)
    return _HOME[key]


def in_country(places: frozenset, country: str | None) -> frozenset:
    if country is None:
        return places
    return kept((p[0], country) if p[1] is None else p for p in places)


def place_named(name: str, rules: GroupingRules):
    """A name, or the name without the sentence's final period (`in Tanzania.`) or its
    possessive (`Turkey's earthquake`)."""
    if name.endswith(("'s", "\u2019s")):
        name = name[:-2]
    return rules.places.get(name) or (rules.places.get(name[:-1]) if name.endswith(".") else None)


def _owner_of_body(toks, j: int, rules: GroupingRules) -> bool:
    """The place before ``j`` owns the name that follows, and that name is of a body that acts
    (`Indonesia's Social Affairs Ministry`, `Peru's Central Bank`): who said it, not where."""
    if not toks[j - 1][0].lower().endswith(("'s", "\u2019s")):
        return False
    for tok in toks[j:j + 4]:
        word = tok[0].strip(".,;:").lower()
        if not tok[0][:1].isupper():
            return False
        if word in rules.not_place_before:
            return True
    return False
