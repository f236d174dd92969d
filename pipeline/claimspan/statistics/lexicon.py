"""The grouping's rules (rules/statistics/), read once and checked by the one loader."""
from __future__ import annotations

import functools
import re
import weakref
from dataclasses import dataclass, field

from claimspan import ruleset
from claimspan.rulefiles import RuleError


@dataclass(frozen=True)
class GroupingRules:
    events: dict[str, str]                 # word (or phrase, its words joined by spaces) -> event
    event_phrases: dict[str, tuple]        # first word -> the event phrases it opens (`lost their homes`)
    events_not_money: dict[str, str]       # the same without the events of money (money_events)
    running: frozenset[str]
    weak_events: frozenset[str]            # `aboard`: where what is counted was, only when no other event is
    people_events: frozenset[str]
    counted_classes: dict[str, str]        # head word -> class
    people_counted_as: dict[str, str]      # event -> what people with it count (infected -> case)
    person_kinds: frozenset[str]           # `miner`, `romanian`: whats that are people of a kind (singular)
    peoples: frozenset[str]                # `romanian`, `american`: the person kinds that are a country's people
    national_words: frozenset[str]         # `nationwide`: the figure's place is the whole country
    global_words: frozenset[str]           # `worldwide`: the figure is of no one place the sentence names
    increments: frozenset[str]             # `12 more miners`: a figure added to another, not the figure
    rates: tuple[str, ...]                 # `kill hundreds of people each year`: a figure per year, not of one event
    venue_words: frozenset[str]            # `a meeting in Madrid`: where it was said or met, not the figure's place
    class_names: frozenset[str]            # `people` and the object classes (`times`): what no specific noun is
    object_classes: frozenset[str]         # classes that count what is done to another thing (`times`)
    listed_heads: frozenset[str]
    listed_max: int
    owners: frozenset[str]                 # `her four children`: one person's own, whatever their number
    company_words: frozenset[str]          # `shares`: the figure of a sentence with one is a company's own
    company_phrases: tuple[str, ...]       # `a share` (words apart from company_words)
    company_not_before: frozenset[str]     # `shares a border`: a company word before one is a verb
    markets: tuple[str, ...]               # `exchange`, `big board`: an organization with one is a market
    part_determiners: frozenset[str]       # `12 of the 14 officials`: the 12 count officials too
    count_nouns: frozenset[str]            # `the number of cases has reached 1,480`
    describing: tuple[str, ...]            # endings of figures that describe someone (`a 6-year-old`)
    superseded: frozenset[str]             # a word in the 3 before the figure (`initially put at nine`)
    superseded_phrases: tuple[str, ...]    # or words right before it (`up from the 4,500`)
    restating: re.Pattern                  # words before a figure that give another value for the one before it
    restating_words: int                   # the words of the longest of them: how far back to read
    contrasts: frozenset[str]              # `but police said 45`: another source's value for the figure before
    reporting_verbs: frozenset[str]
    stop_words: frozenset[str]
    not_place_before: frozenset[str]
    clause_breaks: frozenset[str]
    place_prepositions: frozenset[str]
    place_modifiers: frozenset[str]
    place_kinds: frozenset[str]
    own_place_ends: frozenset[str]
    journey_words: frozenset[str]
    place_joins: frozenset[str]            # `from Sierra Leone and Liberia`: a list goes on
    incidents: dict[str, str]              # incident noun -> `one` or `many`
    incident_events: frozenset[str]        # the events an incident causes (killed, injured)
    weights: dict[str, float]
    places: dict[str, tuple[str, str]] = field(default_factory=dict)   # name -> (place key, country key)
    place_names: dict[str, str] = field(default_factory=dict)          # place key -> its first name
    place_words: frozenset[str] = frozenset()    # names that are also words (Chad, Jordan): only after `in`
    place_lengths: dict[str, int] = field(default_factory=dict)   # first word -> most words of a name it opens
    number_words: frozenset[str] = frozenset()   # rules/claims/numbers.yaml `words` (one, eight, twelve...)
    scale_words: frozenset[str] = frozenset()    # rules/claims/numbers.yaml `scales` (million, trillion...)
    months: frozenset[str] = frozenset()         # `aug`: the number after one is a day, not a figure


WEIGHTS = ("same_value", "overlapping_value", "same_event", "same_what", "same_place", "near_place", "same_period",
           "same_sentence_text", "same_actor", "context", "object_share", "common_value_factor", "small_value",
           "max_ratio", "settled_ratio", "country_within", "threshold")


@functools.lru_cache(maxsize=4)
def load(overlay: str | None = None) -> GroupingRules:
    """The rules with the active overlay (``overlay`` is its key, so a new overlay reloads)."""
    path = ruleset.rules_path("statistics", "grouping.yaml")
    data = ruleset.read_rule_file(str(path))
    events = _inverse(data["events"], path, "events")
    for key in ("running_events", "weak_events", "people_events", "incident_events", "money_events",
                "people_counted_as"):
        for name in data.get(key) or []:
            if name not in data["events"]:
                raise RuleError(f"{ruleset.locate(data, str(path), key)}: key {key!r}: no event {name!r} in 'events'")
    weights = dict(data["weights"])
    missing = [w for w in WEIGHTS if w not in weights]
    if missing:
        raise RuleError(f"{ruleset.locate(data, str(path), 'weights')}: key 'weights': missing {', '.join(missing)}")
    places, names, words = _places()
    numbers = ruleset.read_rule_file(str(ruleset.rules_path("claims", "numbers.yaml"))) or {}
    money = set(data.get("money_events") or [])
    return GroupingRules(
        events=events, event_phrases=_phrases(events),
        events_not_money={w: e for w, e in events.items() if e not in money},
        running=frozenset(data.get("running_events") or []),
        weak_events=frozenset(data.get("weak_events") or []),
        people_events=frozenset(data.get("people_events") or []),
        counted_classes=_inverse(data.get("counted_classes") or {}, path, "counted_classes"),
        class_names=frozenset({"people", *(data.get("object_classes") or [])}),   # `jobs`, `homes` are things
        people_counted_as={str(k): str(v) for k, v in (data.get("people_counted_as") or {}).items()},
        person_kinds=frozenset(singular(str(w).split()[-1].lower())
                               for w in [*(data.get("person_kinds") or []), *_peoples()]),
        peoples=frozenset(singular(str(w).split()[-1].lower()) for w in _peoples()),
        national_words=frozenset(data.get("national_words") or []),
        global_words=frozenset(data.get("global_words") or []),
        increments=frozenset(data.get("increments") or []),
        rates=tuple(" ".join(str(p).lower().split()) for p in data.get("rates") or []),
        venue_words=frozenset(data.get("venue_words") or []),
        object_classes=frozenset(data.get("object_classes") or []),
        listed_heads=frozenset(data.get("listed_heads") or []), listed_max=int(data.get("listed_max") or 0),
        owners=frozenset(data.get("owners") or []),
        company_words=frozenset(str(w).lower() for w in data.get("company_words") or [] if " " not in str(w)),
        company_not_before=frozenset(str(w).lower() for w in data.get("company_not_before") or []),
        company_phrases=tuple(" ".join(str(w).lower().split()) for w in data.get("company_words") or []
                              if " " in str(w)),
        markets=tuple(" ".join(str(m).lower().split()) for m in data.get("markets") or []),
        count_nouns=frozenset(data.get("count_nouns") or []),
        part_determiners=frozenset(str(w).lower() for w in data.get("part_determiners") or []),
        describing=tuple(str(e).lower() for e in data.get("describing") or []),
        superseded=frozenset(w for w in data.get("superseded") or [] if " " not in w),
        superseded_phrases=tuple(w for w in data.get("superseded") or [] if " " in w),
        restating=_endings(data.get("restating") or []),
        restating_words=max((len(str(p).split()) for p in data.get("restating") or []), default=0),
        contrasts=frozenset(data.get("contrasts") or []),
        reporting_verbs=frozenset(str(w).lower() for w in data.get("reporting_verbs") or []),
        stop_words=frozenset(data.get("context_stop_words") or []),
        not_place_before=frozenset(data.get("not_place_before") or []),
        clause_breaks=frozenset(data["clause_breaks"]), place_prepositions=frozenset(data["place_prepositions"]),
        place_modifiers=frozenset(data.get("place_modifiers") or []),
        place_kinds=frozenset(data.get("place_kinds") or []),
        own_place_ends=frozenset(data["own_place_ends"]), journey_words=frozenset(data.get("journey_words") or []),
        place_joins=frozenset(str(w).lower() for w in data.get("place_joins") or []),
        incidents=_inverse(data.get("incidents") or {}, path, "incidents"),
        incident_events=frozenset(data.get("incident_events") or []),
        weights=weights,
        places=places, place_names=names, place_words=words, place_lengths=_lengths(places),
        months=frozenset(data.get("months") or {}),
        number_words=frozenset(str(w).lower() for w in numbers.get("words") or {}),
        scale_words=frozenset(str(w).lower() for w in numbers.get("scales") or {}))


def _phrases(events: dict[str, str]) -> dict[str, tuple]:
    """first word -> the event phrases of several words it opens, longest first."""
    out: dict[str, list] = {}
    for phrase in sorted((k for k in events if " " in k), key=lambda k: -len(k.split())):
        words = tuple(phrase.split())
        out.setdefault(words[0], []).append(words)
    return {k: tuple(v) for k, v in out.items()}


def _inverse(table: dict, path, key: str) -> dict[str, str]:
    """``{class: [words]}`` -> ``{word: class}``; a word in two classes is an error."""
    out: dict[str, str] = {}
    for name, words in (table or {}).items():
        for word in words or []:
            word = str(word).lower()
            if out.get(word, name) != name:
                raise RuleError(f"{ruleset.locate(table, str(path), name)}: key {key!r}: {word!r} is in both "
                                f"{out[word]!r} and {name!r}")
            out[word] = name
    return out


def singular(word: str) -> str:
    """`cases` -> `case`, `cities` -> `city` (the form a claim's counted head is compared in)."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")) and len(word) > 4:   # witnesses, churches, taxes
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _peoples() -> list[str]:
    """The people words of rules/statistics/places.yaml (`Romanians`, `Sierra Leoneans`)."""
    path = ruleset.rules_path("statistics", "places.yaml")
    if not path.exists():
        return []
    data = ruleset.read_rule_file(str(path)) or {}
    return [w for e in (data.get("countries") or []) + (data.get("regions") or []) for w in e.get("people") or []]


def _places() -> tuple[dict[str, tuple[str, str]], dict[str, str], frozenset[str]]:
    """Every name, adjective and city of rules/statistics/places.yaml -> (place, country)."""
    path = ruleset.rules_path("statistics", "places.yaml")
    if not path.exists():
        return {}, {}, frozenset()
    data = ruleset.read_rule_file(str(path)) or {}
    ambiguous = set(data.get("ambiguous") or [])
    places: dict[str, tuple[str, str]] = {}
    names: dict[str, str] = {}
    entries = [(e, e.get("part_of") or e["key"]) for e in data.get("countries") or []]
    entries += [(e, e["country"]) for e in data.get("regions") or []]
    for entry, country in entries:
        key = entry["key"]
        names.setdefault(key, (entry.get("names") or [key])[0])
        for word in (*entry.get("names", []), *entry.get("adjectives", []), *entry.get("abbreviations", [])):
            if word not in ambiguous:
                places.setdefault(word, (key, country))
    for entry, country in entries:   # then cities: a region's name (New York) before a city's
        for city in entry.get("cities") or []:   # a city is a place of its own, within its country or region
            if city not in ambiguous:
                places.setdefault(city, (f"{entry['key']}:{city}", country))
                names.setdefault(f"{entry['key']}:{city}", city)
    return places, names, frozenset(data.get("common_words") or [])


def _lengths(places: dict) -> dict[str, int]:
    """First word -> the most words of a place name it opens (`Dar` -> 3): how far a name is read."""
    out: dict[str, int] = {}
    for name in places:
        words = name.split(" ")
        out[words[0]] = max(out.get(words[0], 1), len(words))
    return out


def _endings(phrases: list) -> re.Pattern:
    """One pattern for words that end a text of space-joined lower-case words; `*` in a phrase
    stands for any one word (`put the number of * at`: of dead, of victims)."""
    alts = [r"\S+".join(re.escape(part) for part in " ".join(str(p).lower().split()).split("*"))
            for p in phrases]
    return re.compile(rf"(?:^| )(?:{'|'.join(alts) or '(?!)'})$")


class Readings:
    """What was read with one ``GroupingRules`` (a sentence's tokens, its places), at most ``keep``
    of them, kept only while those rules are the ones read with: another rules object (an overlay,
    a test's own) starts afresh, and no entry outlives the rules it came from."""

    def __init__(self, keep: int):
        self.keep, self.rules, self.kept = keep, None, {}

    def get(self, rules: GroupingRules, key, read):
        """The reading of ``key``, made by ``read(key, rules)`` the first time."""
        if self.rules is None or self.rules() is not rules:
            self.rules, self.kept = weakref.ref(rules), {}
        found = self.kept.get(key)
        if found is None:
            if len(self.kept) >= self.keep:
                self.kept.clear()
            found = self.kept[key] = read(key, rules)
        return found
