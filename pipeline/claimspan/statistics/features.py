"""What the grouping knows of one claim: read from its row, its sentence and its document.

Everything comes from columns the claims table already has (kind, unit, value,
qualifier, counted, period, the sentence) plus the words around the number:
the event (`killed`, `injured`, `reward`: events.py), the places of its clause (places.py),
who gave it, and the content words of its sentence. No parse is needed, so the claims of a reused
document, of another worker or of a Dask part are read the same way.

Over 300 lines: each feature is a few small readers of the same words around the
number (what is counted, increments, restatements, superseded values, the teller); split
apart, each part would import the others. The events and places are modules of their own.
"""
from __future__ import annotations

import bisect
import datetime as dt
import math
import re
import sys
from dataclasses import dataclass, fields

from claimspan.normalize.digits import parse_digits
from claimspan.statistics.events import find_event, is_figure, join_phrases
from claimspan.statistics.lexicon import GroupingRules, Readings, singular
from claimspan.statistics.places import (context_places, home_country, in_country, own_phrase, place_mentions,
                                         nested_places, place_named, places_of)
from claimspan.statistics.text import NONE, Sentence, kept, tokens, words_kept

NATIONAL_REACH = 8   # words either side of the number in which `nationwide` makes the country its place
RATE_REACH = 8       # words after a figure in which `each year` makes it a rate
CONTRAST_WORDS = 7    # words before a figure in which `but` opens `but police said 45`
APPROX = 0.10   # `about`, `nearly`: within 10%
OPEN = 1e-9     # `more than 60` excludes 60 itself
SCOPE_REACH = 30   # tokens an incident word may be away from its number
SOURCE_WORDS = 6   # words before a reporting verb that name who gave the figure
PART_WORDS = 3     # words after `12 of the 14` read for what the 14 count
OF_WORDS = 5       # words after `85 percent of` read for what it is of (`the national vote`)
LABEL_REACH = 7    # tokens before the number in which `the number of cases` names what it counts
_WORDS = re.compile(r"[a-z]+")
_WRITTEN = re.compile(r"(\d[\d,]*)(?:\.(\d+))?")   # a number as written: its whole part and its decimals
HALF_STEP = 0.4999   # of a rounding step: a rounded figure's values stop short of the next figure's
_DIGIT = re.compile(r"\d")


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
    own_event: bool                  # the event word is next to the number, not somewhere in its sentence
    places: frozenset                # (place, country) pairs its sentence gives it
    near: frozenset                  # for a sentence with none, those of the sentences before (weaker)
    actors: frozenset                # the org_keys of the organizations its sentence names
    scope: str | None                # `one` incident (`the blast`) or `many` (`the bombings`), when no own place
    period: tuple | None             # (first day, last day)
    words: tuple                     # the distinct content words of the sentence
    sentence_key: tuple              # (doc_id, sentence start): two claims of one sentence are two figures
    echo_key: tuple                  # (sentence text, offset in it): the same sentence word for word
    counted: str | None
    eligible: bool                   # a figure about the world that another claim may restate
    superseded: bool
    within: tuple                    # (inner, outer) place keys its sentence nests: the text's own place hierarchy
    restates: bool                   # `the government put the figure at 22`: the figure just before, in other words
    vague: bool                      # `hundreds`, `tens of thousands`: a lower bound with no number (`at least
                                     # nine` has one)
    rate: bool = False               # a figure per year or day (`hundreds of people each year`)
    source: frozenset = NONE         # who its sentence says gave it (`the union said`): words of the teller
    opens: bool = False              # the figure opens its sentence (`But about 230,000 remain`)
    rounded: tuple | None = None     # ``span``, and for an exact figure with decimals the values it may be
                                     # rounded from (`40.2%`: 40.15 to 40.25): `40.18%` is no other figure
    company: frozenset | None = None  # a figure of shares or stock: whose (the organizations its sentence
                                      # names, the markets aside); None for other figures

    def __reduce__(self):
        # a worker's claims go to the run pickled (run.py): as the arguments of a call, three times
        # quicker to load in the run's one process than the state of a slots dataclass
        return Claim, tuple(getattr(self, name) for name in _FIELDS)


_FIELDS = tuple(f.name for f in fields(Claim))


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
    event, own_event = find_event(lower, first, last, rules, row["kind"] == "money")
    counted = row.get("counted") or (_part_of(lower, last, rules) if row["kind"] == "count" else None)
    what = what_of(counted, lower, first, event, rules, None if row["kind"] == "count" else last)
    if own_event and what in rules.person_kinds and row["kind"] == "count":   # `600 workers were laid off`: the
        # jobs cut; but `38.6 percent of voters went to the polls` is a share of the voters
        what = rules.people_counted_as.get(event, what)
    value = row.get("value")
    value = None if value is None or (isinstance(value, float) and math.isnan(value)) else float(value)
    places, own = places_of(read, first, last, counted, rules)
    near, scope = NONE, None
    if event in rules.incident_events and not own:
        scope = scope_of(read, first, last, rules)
    if not places:
        near = context_places(text, row["sentence_start_char"], rules)
    if any(p[1] is None for p in places | near):
        country = home_country(text, rules)
        places, near = in_country(places, country), in_country(near, country)
    around = lower[max(0, first - NATIONAL_REACH):last + NATIONAL_REACH]
    if not own and any(w in rules.global_words for w in around):
        places = near = NONE   # `cut 4,500 jobs worldwide and close plants in Augsburg and Lyon`
    elif not own and any(w in rules.national_words for w in around):
        places = _nation(places | near, text, rules)   # `1,200 cases nationwide since ... in Lusaka`
    actors = _actors(orgs, row["sentence_start_char"], row["sentence_start_char"] + len(sentence))
    period = _period(row.get("period_start"), row.get("period_end"))
    eligible = bool(row.get("checkworthy", True)) and not _listed(counted, value, rules) \
        and not (first and lower[first - 1] in rules.owners and _listed(counted, 0, rules)) \
        and not _conversion(sentence, offset) and not row["text"].lower().endswith(rules.describing) \
        and not _increment(lower, first, last, rules)
    superseded = any(w in rules.superseded for w in lower[max(0, first - 3):first]) \
        or any(" ".join(lower[max(0, first - 3):first]).endswith(p) for p in rules.superseded_phrases)
    before = " ".join(lower[max(0, first - rules.restating_words):first])
    restates = rules.restating.search(before) is not None or _contrasted(lower, first, rules)
    qualifier = row.get("qualifier") or "exact"
    span = None if value is None else interval(value, qualifier)
    return Claim(index, row["claim_id"], row["doc_id"], doc_date, row["kind"], row.get("unit"), value, qualifier,
                 span, what, event, own_event, places, near, actors, scope, period, read.words,
                 (row["doc_id"], row["sentence_start_char"]), (read.echo, offset),
                 counted, eligible, superseded, read.within, restates,
                 span is not None and span[1] == math.inf and not any(ch.isdigit() for ch in row["text"])
                 and not any(w in rules.number_words for w in _WORDS.findall(row["text"].lower())),
                 _rate(lower, last, rules), _source(read, first, last, rules),
                 first == 0 or first == 1 and lower[0] in rules.clause_breaks,
                 None if value is None else interval(value, qualifier, rounding(row["text"], value)),
                 _company(read, actors, rules))


def _nation(places: frozenset, text: str | None, rules: GroupingRules) -> frozenset:
    """The one country of the places (else the dateline's): the place of a `nationwide` figure."""
    countries = {p[1] for p in places if p[1]}
    country = next(iter(countries)) if len(countries) == 1 else None if countries else home_country(text, rules)
    return frozenset({(country, country)}) if country else places


def rounding(text: str, value: float) -> float:
    """The step of the last digit written, in the value's terms: a figure rounded to it stands for
    any value within half a step (`40.2%` is 40.15 to 40.25, `16.2 million` 16.15 to 16.25 million,
    `$1.45 billion` 1.445 to 1.455 billion). 0 for a number with no decimals (`64 people`: exactly
    64; `a 50% stake`, `$1 billion`, though `41%` of a vote or `5 million` may be rounded: how far,
    nothing tells) and for a number in words.

    >>> rounding("40.18%", 40.18), rounding("16.2 million", 16.2e6)
    (0.01, 100000.0)
    >>> rounding("41%", 41), rounding("64", 64), rounding("$5 million", 5e6)
    (0, 0, 0)
    >>> rounding("9" * 400 + ".5", float("inf"))
    0
    """
    if "." not in text or not value or not math.isfinite(value):   # no decimals written: most figures
        return 0
    numbers = _WRITTEN.findall(text)
    if not numbers or not numbers[-1][1]:
        return 0
    whole, decimals = numbers[-1]
    written = parse_digits(f"{whole}.{decimals}")
    if written is None or not math.isfinite(written):   # a run of hundreds of digits
        return 0
    scale = round(abs(value) / written) if written else 1
    return float(round(10 ** -len(decimals) * max(scale, 1), 12))


def interval(value: float, qualifier: str, rounded: float = 0) -> tuple[float, float]:
    """The values a qualified number allows; an exact one, those it is rounded from (``rounding``:
    just under half a step either side, so that 64 and 65 never meet).

    >>> interval(82, "at_least"), interval(5000, "nearly"), interval(60, "more_than")[0] > 60
    ((82, inf), (4500.0, 5000), True)
    >>> interval(40.2, "exact", 0.1)[0] < 40.18 < interval(40.2, "exact", 0.1)[1]
    True
    """
    span = abs(value) * APPROX
    half = rounded * HALF_STEP
    return {
        "exact": (value - half, value + half), "approximately": (value - span, value + span),
        "more_than": (value + OPEN * max(1.0, abs(value)), math.inf), "at_least": (value, math.inf),
        "less_than": (-math.inf, value - OPEN * max(1.0, abs(value))), "at_most": (-math.inf, value),
        "nearly": (value - span, value),
    }.get(qualifier, (value, value))


_SENTENCES = Readings(keep=1)   # the claims of a sentence come one after another


def _sentence(sentence: str, rules: GroupingRules) -> Sentence:
    """A sentence read once for all its claims."""
    return _SENTENCES.get(rules, sentence, _read_sentence)


def _read_sentence(sentence: str, rules: GroupingRules) -> Sentence:
    toks = tokens(sentence)
    lower = [t[0].lower().rstrip(".") if t[0][-1:] == "." and t[0].count(".") == 1 else t[0].lower()
             for t in toks]
    join_phrases(lower, rules)
    words = words_kept(w for w in lower if w[0].isalpha() and w not in rules.stop_words and w not in rules.events)
    mentions = place_mentions(toks, rules) if rules.places else []
    scopes = [(i, rules.incidents[w]) for i, w in enumerate(lower) if w in rules.incidents]
    read = Sentence(toks, lower, [t[1] for t in toks], [t[2] for t in toks], " ".join(sentence.split()),
                    words, mentions, [i for i, _ in mentions], scopes, [], nested_places(toks, mentions, rules),
                    tuple(i for i, w in enumerate(lower) if w in rules.reporting_verbs)[:2], _of_shares(lower, rules))
    if mentions:
        read.owned.extend(_owned(read, rules))
    return read


def _owned(read: Sentence, rules: GroupingRules):
    """Each figure of the sentence with a place phrase of its own (a number after a month word,
    `Aug. 7 at the embassies`, is a day, not a figure)."""
    for j, word in enumerate(read.lower):
        if (word[0].isdigit() or word in rules.number_words) and not (j and read.lower[j - 1] in rules.months):
            found = own_phrase(read, j + 1, rules)
            if found:
                yield j, range(*found)


def what_of(counted: str | None, lower: list[str], first: int, event: str | None, rules: GroupingRules,
            last: int | None = None) -> str | None:
    """The counted noun's class (`people`, `lives`, `others` -> people) or head; for a number with no
    noun, the label before it (`Injured: 4,877`, `Americans: 12`), what a percent or measure is of
    (`85 percent of workers`, `20 tons of chlorine`: ``last``, the token after the claim) or the
    people an event counts."""
    head = None
    if counted:
        head = counted.split()[-1].lower()
    elif last is not None and (of := _of_what(lower, last, rules)) is not None:
        head = of
    elif (named := _number_of(lower, first, rules)) is not None:
        head = named
    elif first >= 2 and lower[first - 1] == ":" and lower[first - 2][0].isalpha():
        label = lower[first - 2]   # `Injured: 4,877`, but not `Turkey: 412 dead`
        head = None if label in rules.events or place_named(label.title(), rules) else label
    if head is None:
        what = "people" if event in rules.people_events else None
    else:
        what = rules.counted_classes.get(head) or singular(head)
    return rules.people_counted_as.get(event, what) if what == "people" else what   # people infected: cases


def _part_of(lower: list[str], last: int, rules: GroupingRules) -> str | None:
    """`convicted 12 of the 14 customs officials`: a part counts what the whole after it counts (the
    first word of it that names a class or a kind of person, else its first word)."""
    if last + 3 >= len(lower) or lower[last] != "of" or lower[last + 1] not in rules.part_determiners \
            or not is_figure(lower[last + 2], rules):
        return None
    words = []
    for word in lower[last + 3:last + 3 + PART_WORDS]:
        if not word[0].isalpha() or word in rules.stop_words or word in rules.events:
            break
        words.append(word)
    known = [w for w in words if w in rules.counted_classes or singular(w) in rules.person_kinds]
    return (known or words or [None])[0]


def _of_what(lower: list[str], last: int, rules: GroupingRules) -> str | None:
    """`85 percent of workers`, `2 percent of the vote`, `40.18% of the national vote`, `41% of votes
    cast`: in the noun phrase after the `of` right after the figure (up to a function word or a
    break), its last word that names a class or a kind of person (`votes cast`: votes), else its
    first content word (a place or people adjective, `Greek workers`, and a possessor, `the
    country's population`, passed over)."""
    if last >= len(lower) or lower[last] != "of":
        return None
    words: list[str] = []
    for word in lower[last + 1:last + 1 + OF_WORDS]:
        if not word[0].isalpha() or word in rules.clause_breaks:
            break
        if word in rules.stop_words:
            if words:
                break
            continue
        if word.endswith(("'s", "\u2019s")):
            if words:
                break    # "workers joined Tuesday's strike": the phrase ended before
            continue     # "the country's population": the possessor is not what the figure is of
        if not place_named(word.title(), rules):
            words.append(word)
    known = [w for w in words if w in rules.counted_classes or w in rules.person_kinds]
    return (known or words or [None])[-1 if known else 0]


def _number_of(lower: list[str], first: int, rules: GroupingRules) -> str | None:
    """`the number of cases has reached 1,480`: the noun after `number of` in the clause before
    the figure, when the claim has no counted noun of its own."""
    for j in range(first - 1, max(1, first - LABEL_REACH) - 1, -1):
        if lower[j] in rules.clause_breaks:
            return None
        if lower[j - 1] in rules.count_nouns and lower[j] == "of" and j + 1 < first:
            return lower[j + 1]
    return None


def scope_of(read: Sentence, first: int, last: int, rules: GroupingRules) -> str | None:
    """Whether the figure counts one incident or several: the number of the incident noun
    nearest to it in its sentence (`the blast in Nairobi killed`, `the bombings killed`)."""
    best, best_distance = None, SCOPE_REACH
    for i, scope in read.scopes:
        distance = first - i if i < first else i - last + 1
        if distance < best_distance:
            best, best_distance = scope, distance
    return best


def _actors(orgs: list | None, start: int, end: int) -> frozenset:
    """The organizations named in [start, end): who won the seats, pledged the money, made the arrests."""
    if not orgs:
        return NONE
    lo = bisect.bisect_left(orgs, (start, ""))
    hi = bisect.bisect_left(orgs, (end, ""))
    return kept(key for _, key in orgs[lo:hi])


def _company(read: Sentence, actors: frozenset, rules: GroupingRules) -> frozenset | None:
    """Whose figure of shares or stock it is: the organizations of its sentence but the markets (`on
    the New York Stock Exchange`); None for other figures. Its teller stays: a company tells its own."""
    if not read.company:
        return None
    return frozenset(a for a in actors if not any(f" {m} " in f" {a} " for m in rules.markets))


def _of_shares(lower: list[str], rules: GroupingRules) -> bool:
    """The sentence speaks of shares or stock (`company_words`), not of sharing (`which shares its
    figures`: a company word before one of `company_not_before` is the verb)."""
    if any(w in rules.company_words and (i + 1 == len(lower) or lower[i + 1] not in rules.company_not_before)
           for i, w in enumerate(lower)):
        return True
    text = f" {' '.join(lower)} "
    return any(f" {phrase} " in text for phrase in rules.company_phrases)


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


def _contrasted(lower: list[str], first: int, rules: GroupingRules) -> bool:
    """`52 had tickets, but police said 45 were aboard`: a figure right after a reporting verb, in a
    clause a contrast word opens (no other figure between), gives another source's value."""
    if first < 2 or lower[first - 1] not in rules.reporting_verbs:
        return False
    for w in reversed(lower[max(0, first - CONTRAST_WORDS):first - 1]):
        if w in rules.contrasts:
            return True
        if is_figure(w, rules) or w in rules.clause_breaks:
            return False
    return False


def _source(read: Sentence, first: int, last: int, rules: GroupingRules) -> frozenset:
    """Who gave the figure: the content words of the clause before the first reporting verb of the
    sentence (`The union said about 22,000 ...`, `..., the agency said`); none without one."""
    lower = read.lower
    for r in read.reports:
        if r < first or r >= last:
            start = r
            while start and not (lower[start - 1] in rules.clause_breaks and not lower[start - 1].isalpha()) \
                    and r - start < SOURCE_WORDS:   # (`disputed the count and said`: the words before `and`)
                start -= 1
            return kept(sys.intern(w) for w in lower[start:r] if w[0].isalpha() and w not in rules.stop_words)
    return NONE


def _rate(lower: list[str], last: int, rules: GroupingRules) -> bool:
    """`Bus crashes kill hundreds of people each year`: the figure is a rate, in its clause after it."""
    after = []
    for w in lower[last:last + RATE_REACH]:
        if w in rules.clause_breaks or is_figure(w, rules):
            break
        after.append(w)
    text = " " + " ".join(after) + " "
    return any(f" {phrase} " in text for phrase in rules.rates)


def _increment(lower: list[str], first: int, last: int, rules: GroupingRules) -> bool:
    """`the bodies of 12 more miners`, `another 300 homes`: what was added to a figure, not the figure;
    but `nine were killed and dozens more injured`: after another figure of its sentence, others."""
    if first > 0 and lower[first - 1] in rules.increments:
        return True
    return last < len(lower) and lower[last] in rules.increments \
        and not any(is_figure(w, rules) for w in lower[:first])


def _conversion(sentence: str, offset: int) -> bool:
    """`700 kilometers (450 miles)`: the figure in parentheses restates the one before it."""
    before = sentence[max(0, offset - 60):offset].rstrip()
    return before.endswith("(") and bool(_DIGIT.search(before[-40:-1]))
