"""Date candidates and how the dates component chooses among them: the longest
wins (``components.candidates``), ranges are joined ("2016" + "to" + "2020").
Each candidate is compared with the few others at its own position (bisect and
dicts), never with all of them: a text dense with dates has as many exclusions
and affixes as cores."""
from __future__ import annotations

import bisect
import itertools
from collections import defaultdict
from typing import NamedTuple

from spacy.tokens import Doc

from claimspan.components import candidates as candidates_
from claimspan.components.dates.patterns import Rule


class Candidate(NamedTuple):
    start: int
    end: int
    rule: Rule


def outside(cores: list[Candidate], excludes: list[Candidate]) -> list[Candidate]:
    """The cores that no exclusion match contains, in their order.

    >>> cores = [Candidate(0, 2, None), Candidate(3, 4, None), Candidate(5, 9, None)]
    >>> [(c.start, c.end) for c in outside(cores, [Candidate(2, 4, None), Candidate(5, 8, None)])]
    [(0, 2), (5, 9)]
    """
    excludes = sorted((x.start, x.end) for x in excludes)
    starts = [start for start, _ in excludes]
    reach = list(itertools.accumulate((end for _, end in excludes), max))   # furthest end so far
    out = []
    for core in cores:
        k = bisect.bisect_right(starts, core.start)
        if not k or reach[k - 1] < core.end:
            out.append(core)
    return out


def at_position(affixes: list[Candidate], position: str) -> dict[int, list[Candidate]]:
    """Affix candidates by their ``start`` or ``end``, each list in their order."""
    out: dict[int, list[Candidate]] = defaultdict(list)
    for affix in affixes:
        out[getattr(affix, position)].append(affix)
    return out


def longest(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, longest first, then the earlier rule; in text order."""
    chosen = candidates_.longest([c for c in candidates if c.end > c.start], lambda c: (c.start, c.end),
                                 lambda c: c.rule.order)
    return sorted(chosen, key=lambda r: r.start)


def join_ranges(doc: Doc, rows: list[Candidate], joiners: set[str]) -> list[Candidate]:
    """``2016`` ``to`` ``2020`` -> one range row; ``between March and May`` too. A length up to
    a date (``the three months to September``, British statistics' periods) is no range: TimeML
    tags the length (P3M) and the date, as in "the nine months ended Sept. 30"."""
    out: list[Candidate] = []
    for row in rows:
        prev = out[-1] if out else None
        if (prev is not None and prev.rule.kind == "date"
                and row.rule.kind == "date" and row.start == prev.end + 1
                and prev.rule.value is None and row.rule.value is None
                and (doc[prev.end].text.lower() in joiners
                     or (prev.rule.kind == "date" and doc[prev.end].lower_ == "and" and prev.start > 0
                         and doc[prev.start - 1].lower_ == "between"))):
            out[-1] = Candidate(prev.start, row.end, prev.rule._replace(id="dates.range.joined", kind="range"))
        else:
            out.append(row)
    return out
