"""Date candidates and how the dates component chooses among them: the longest
wins, ranges are joined ("2016" + "to" + "2020"), match windows are merged."""
from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Doc

from claimspan.components.dates.patterns import Rule


class Candidate(NamedTuple):
    start: int
    end: int
    rule: Rule


def merge_windows(windows: list[tuple[int, int, int]]) -> list[tuple[int, int, list[int]]]:
    """(start, end, trigger) windows in trigger order -> (start, end, triggers), touching ones joined."""
    merged: list[list] = []
    for start, end, i in windows:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            merged[-1][2].append(i)
        else:
            merged.append([start, end, [i]])
    return [(start, end, triggers) for start, end, triggers in merged]


def longest(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, longest first, then the earlier rule; in text order."""
    taken: set[int] = set()
    chosen = []
    for row in sorted(candidates, key=lambda r: (r.start - r.end, r.rule.order, r.start)):
        if row.end > row.start and not taken.intersection(range(row.start, row.end)):
            chosen.append(row)
            taken.update(range(row.start, row.end))
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
