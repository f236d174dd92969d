"""Date candidates and how the dates component chooses among them: the longest
wins (``components.candidates``), ranges are joined ("2016" + "to" + "2020")."""
from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Doc

from claimspan.components import candidates as candidates_
from claimspan.components.dates.patterns import Rule


class Candidate(NamedTuple):
    start: int
    end: int
    rule: Rule


def longest(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, longest first, then the earlier rule; in text order."""
    chosen = candidates_.longest([c for c in candidates if c.end > c.start], lambda c: (c.start, c.end),
                                 lambda c: c.rule.order)
    return sorted(chosen, key=lambda r: r.start)


def join_ranges(doc: Doc, rows: list[Candidate], joiners: set[str]) -> list[Candidate]:
    """``2016`` ``to`` ``2020`` -> one range row; ``between March and May`` too."""
    out: list[Candidate] = []
    for row in rows:
        prev = out[-1] if out else None
        if (prev is not None and prev.rule.kind == "date" and row.rule.kind == "date"
                and row.start == prev.end + 1 and prev.rule.value is None and row.rule.value is None
                and (doc[prev.end].text.lower() in joiners
                     or (doc[prev.end].lower_ == "and" and prev.start > 0
                         and doc[prev.start - 1].lower_ == "between"))):
            out[-1] = Candidate(prev.start, row.end, prev.rule._replace(id="dates.range.joined", kind="range"))
        else:
            out.append(row)
    return out
