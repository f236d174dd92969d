"""What every extractor does with its candidate spans (token offsets), once.

``longest`` settles overlaps: the longest candidate wins, then the better rank
(a rule's order, a source's priority), then the earlier one. ``merge_windows``
joins the token windows around trigger tokens that touch, so a Matcher runs on
each stretch of text once (dates, claims).
"""
from __future__ import annotations

from typing import Callable, Iterable, TypeVar

C = TypeVar("C")


def longest(candidates: Iterable[C], span: Callable[[C], tuple[int, int]], rank: Callable[[C], object]) -> list[C]:
    """Non-overlapping candidates, chosen longest first, then by ``rank``, then the
    earlier; returned in the order chosen.

    >>> longest([(0, 2, "b"), (1, 4, "a"), (4, 5, "c"), (4, 5, "d")], lambda c: c[:2], lambda c: c[2] == "c")
    [(1, 4, 'a'), (4, 5, 'd')]
    """
    taken: set[int] = set()
    chosen = []
    for c in sorted(candidates, key=lambda c: (span(c)[0] - span(c)[1], rank(c), span(c)[0])):
        start, end = span(c)
        if taken.isdisjoint(range(start, end)):
            chosen.append(c)
            taken.update(range(start, end))
    return chosen


def merge_windows(windows: Iterable[tuple[int, int, int]]) -> list[tuple[int, int, list[int]]]:
    """(start, end, trigger) windows in trigger order -> (start, end, triggers), touching ones joined.

    >>> merge_windows([(0, 5, 2), (4, 9, 6), (12, 15, 13)])
    [(0, 9, [2, 6]), (12, 15, [13])]
    """
    merged: list[list] = []
    for start, end, i in windows:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            merged[-1][2].append(i)
        else:
            merged.append([start, end, [i]])
    return [(start, end, triggers) for start, end, triggers in merged]
