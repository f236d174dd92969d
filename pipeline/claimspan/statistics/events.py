"""What happened to what a figure counts: the event word of its clause (rules/statistics/grouping.yaml
`events`), read in the words around the number; no parse (see features.py)."""
from __future__ import annotations

import math

from claimspan.statistics.lexicon import GroupingRules

RIGHT_REACH = 10    # tokens after the number in which an event word is its own (`82 were killed`)
NEAR_EVENT = 4     # words before the number in which an event word is its own (`the death toll rose to 19`)
LEFT_REACH = 30    # tokens an event word may be away from its number (bounds the work per claim)
CONVERSION_REACH = 8   # tokens of a conversion in parentheses after a figure (`($1.01 million)`)


def join_phrases(lower: list[str], rules: GroupingRules) -> None:
    """An event phrase of several words (`lost their homes`, `out of work`) is read as one word, at
    its first token: the event the words say together, where no one of them says it."""
    for j, word in enumerate(lower):
        for phrase in rules.event_phrases.get(word, ()):
            if tuple(lower[j:j + len(phrase)]) == phrase:
                lower[j] = " ".join(phrase)
                break


def find_event(lower: list[str], first: int, last: int, rules: GroupingRules,
               money: bool = True) -> tuple[str | None, bool]:
    """The nearest event word, and whether it is the figure's own. The event is after the number
    within its own clause (`82 were killed`: its own), or before it (`killing 247 people`; each
    clause break crossed counts as two words; its own when at most NEAR_EVENT words away and past
    no other figure), else any after before the next figure (a hint, not a reason to refuse). A
    weak event (where what is counted was: `aboard`) is the figure's only when no other event is,
    and only in its own words (`104 passengers aboard`, `carrying 104`).
    An event of money (`spent`, `aid`) is no event of a figure that is not money (`spent a night`)."""
    breaks = rules.clause_breaks
    events = rules.events if money else rules.events_not_money
    weak = None   # where what is counted was (`104 passengers aboard`, `carrying 104`): only with no other event
    best, best_distance = None, math.inf
    last = _past_conversion(lower, last)
    for j, w in enumerate(lower[last:last + RIGHT_REACH]):
        if w in breaks or is_figure(w, rules):   # `rose to 27 when four of the 18 injured died`: 18's
            break
        if w in events and not (j and _unit_of(lower, last + j, rules)):   # (the claim's own unit: a word)
            if events[w] in rules.weak_events:   # `all 113 people aboard were killed`: killed
                weak = weak or events[w]
                continue
            best, best_distance = events[w], j + 1
            break
    distance, crossed = 0, False
    for j in range(first - 1, max(0, first - LEFT_REACH) - 1, -1):
        w = lower[j]
        distance += 2 if w in breaks else 1
        if distance >= best_distance:
            break
        if w in events and not _unit_of(lower, j, rules):
            if events[w] in rules.weak_events:   # only right before the figure, in its clause
                weak = weak or (events[w] if distance == first - j <= NEAR_EVENT and not crossed else None)
                continue
            # past another figure it is that one's (`convicted 14 of the 23 defendants`)
            return events[w], distance <= NEAR_EVENT and not crossed
        crossed = crossed or is_figure(w, rules)
    if best is not None or weak is not None:
        return best or weak, True
    for j in range(last, min(len(lower), last + LEFT_REACH)):   # any after, up to the next figure (`104
        w = lower[j]                          # passengers and seven crew crashed ..., killing 100`: 100's)
        if w in events and not _unit_of(lower, j, rules) and events[w] not in rules.weak_events:
            return events[w], False
        if is_figure(w, rules):
            break
    return None, False


def _past_conversion(lower: list[str], last: int) -> int:
    """The token after a conversion in parentheses right after the figure (`1 million euros ($1.01
    million) in emergency aid`: the aid is the figure's), else ``last``."""
    if last >= len(lower) or lower[last] != "(":
        return last
    for j in range(last + 1, min(len(lower), last + CONVERSION_REACH)):
        if lower[j] == ")":
            return j + 1 if any(w[0].isdigit() for w in lower[last + 1:j]) else last
    return last


def _unit_of(lower: list[str], j: int, rules: GroupingRules) -> bool:
    """The word at ``j`` is right after the scale of another amount, so it is that amount's currency,
    not an event (`production of 60,000 cars and 1.1 trillion won`); after bare digits it may be the
    figure's own (`96 dead`)."""
    return j > 0 and lower[j - 1] in rules.scale_words


def is_figure(word: str, rules: GroupingRules) -> bool:
    """A number in digits or in words: another figure than the claim's."""
    return word[0].isdigit() or word in rules.number_words
