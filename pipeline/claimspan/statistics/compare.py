"""How two claims' values, periods and places compare: the tests the grouping's evidence is made of
(grouping.py). A ``stat`` here is a grouping.Statistic (its spans, lows, periods, echoes)."""
from __future__ import annotations

import math

from claimspan.statistics.features import Claim
from claimspan.statistics.lexicon import GroupingRules


def agrees(claim: Claim, stat) -> bool:
    """The claim's value can be true with every value of the statistic (`more than 1,800` and
    `1,884`), and one of them is qualified: two exact figures that differ are two figures, and two
    lower bounds (`hundreds`, `tens of thousands`) always meet."""
    if claim.span is None or not stat.spans:
        return False
    qualified = claim.qualifier != "exact" or any(lo != hi for lo, hi in stat.spans)
    bounded = math.isfinite(claim.span[1]) or any(math.isfinite(hi) for _, hi in stat.spans)   # not `hundreds`
    return qualified and bounded and all(claim.span[0] <= hi and lo <= claim.span[1] for lo, hi in stat.spans)


def rounds_alike(claim: Claim, stat) -> bool:
    """The claim's figure and every figure of the statistic may be one value written to different
    decimals (`40.2%` and `40.18%`; ``Claim.rounded``)."""
    if claim.rounded is None:
        return False
    lo, hi = claim.rounded
    return all(m.rounded is not None and lo <= m.rounded[1] and m.rounded[0] <= hi for m in stat.members)


def common_value(value: float | None, weights: dict) -> bool:
    """Small numbers and round ones (10, 200, 5 million) say less when two claims share them."""
    if value is None:
        return True
    if abs(value) <= weights["small_value"]:
        return True
    digits = f"{abs(value):.6g}".split("e")[0].replace(".", "").strip("0")
    return len(digits) <= 1


def plausible(claim: Claim, other: tuple[float, float], rules: GroupingRules, running: bool = True) -> bool:
    """Two values that can both be true (`dozens` and `257`), or within a factor: a running toll
    moves between reports (max_ratio); a settled figure may be misstated or revised, but not by as
    much (settled_ratio: 18 seats and six seats are two parties' figures). An upper bound can be
    true with any value below it, so it and a value are compared by the factor too."""
    if claim.span is None:
        return True
    lo, hi = claim.span
    if lo <= other[1] and other[0] <= hi:
        if lo != -math.inf and other[0] != -math.inf:
            return True
        # an upper bound meets every value below it, but `up to $5 million` and a `$100,000` reward are
        # two figures: the numbers stated are within the ratio of two values that do not meet
        mark = other[1] if math.isfinite(other[1]) else other[0]
    else:
        mark = other[0] if hi < other[0] else other[1]   # the bound nearer the claim (a finite one)
        mark = mark if math.isfinite(mark) else other[0] if math.isfinite(other[0]) else other[1]
    a, b = abs(claim.value), abs(mark)
    low, high = (a, b) if a <= b else (b, a)   # (not sorted(): this runs for most pairs the grouping compares)
    return low > 0 and high / low <= rules.weights["max_ratio" if running else "settled_ratio"]


def lows_near(claim: Claim, stat, rules: GroupingRules, running: bool) -> bool:
    """Two lower bounds always overlap, but `more than 100` killed and, read after it, `at least
    nine` are no one figure: a running toll rises, so a later lower bound may be far above an
    earlier one (`at least 17`, then `more than 80`), not far below it; a settled figure's lower
    bounds are within settled_ratio either way."""
    if claim.span is None or claim.span[1] != math.inf or claim.vague or not claim.value:
        return True
    if not stat.lows:
        return True
    value, (least, greatest) = abs(claim.value), stat.lows
    if running:
        return greatest <= rules.weights["max_ratio"] * value
    ratio = rules.weights["settled_ratio"]
    return greatest <= ratio * value and value <= ratio * least


def level(places: frozenset, others: set, weights: dict) -> float:
    """A quarter more when the statistic names the very places than when one is only within the
    other (Lusaka and Zambia): the figure of a country is more likely the country's than a city's;
    and less (country_within) when one side names only the country: `the Peruvian Andes` says little
    of a figure of one town in Peru."""
    keys = {p[0] for p in places}
    if any({q[0] for q in other} == keys for other in others):
        return 1.25
    if all(p[0] == p[1] for p in places) or all(all(q[0] == q[1] for q in other) for other in others):
        return weights["country_within"]
    return 1.0


class Hierarchy(dict):
    """place key -> the keys of the places that hold it (``grouping._hierarchy``), and the answers
    of ``same_places`` already given with it: a run's claims name few sets of places, and each
    claim is compared with dozens of statistics."""

    def __init__(self, *args):
        super().__init__(*args)
        self.same: dict[tuple, bool] = {}


def same_places(a: frozenset, b: frozenset, nested: dict | None = None) -> bool:
    """Every place of each set is in the other, a city or region counting as within its country,
    and a place within the one the run's text puts it in (``nested``: `Kemah in Erzincan`)."""
    memo = nested.same if isinstance(nested, Hierarchy) else None
    if memo is None:
        return _inside(a, b, nested) and _inside(b, a, nested)
    found = memo.get((a, b))
    if found is None:
        found = memo[(a, b)] = _inside(a, b, nested) and _inside(b, a, nested)
    return found


def part_and_whole(a: frozenset, b: frozenset, nested: dict | None = None) -> bool:
    """Every place of one set is in the other, either way (Nairobi and Nairobi and Dar es Salaam)."""
    return _inside(a, b, nested) or _inside(b, a, nested)


def _inside(a: frozenset, b: frozenset, nested: dict | None) -> bool:
    return all(any(within(p, q, nested) for q in b) for p in a)


def within(p: tuple, q: tuple, nested: dict | None = None) -> bool:
    """One place in the other, either way: a region or city and its country, a city and its
    region (keys `US-NY` and `US-NY:Buffalo`), or as the text nests them; two cities of one country
    are two places."""
    if p[1] != q[1] and p[1] and q[1]:   # a place of no known country may be in any
        return False
    if p[0] == q[0]:
        return True
    return (p[0] == p[1] or q[0] == q[1] or p[0].startswith(q[0] + ":") or q[0].startswith(p[0] + ":")
            or bool(nested) and (q[0] in nested.get(p[0], ()) or p[0] in nested.get(q[0], ())))


def same_count(claim: Claim, stat, rules: GroupingRules) -> bool:
    """Periods that do not overlap and still one figure: a sentence repeated word for word (its
    `Wednesday` moved with its document's date), or figures dated by single days (`rose to 317 on
    Friday`, `charged 23 people on Tuesday` and `the trial of 23 people opened Monday`: a day is
    when the figure was counted or something was done to what it counts, not a period it covers)."""
    if claim.echo_key in stat.echoes:
        return True
    if days(claim.period) <= 1 and not claim.vague:   # a day against longer periods: when it was said or
        return True                                       # counted (`dozens` says too little to join so)
    return all(days(p) <= 1 for p in stat.periods)


def days(period: tuple) -> int:
    return (period[1] - period[0]).days


def overlap(a: tuple, b: tuple) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]
