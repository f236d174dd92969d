"""Independent items of one job done at once by forked processes.

The grouping's blocks (claims that could be one figure: one kind, one unit) never compare with
each other, so two processes group two blocks at the same time. Each block is a task of its own,
the heaviest first, and a process takes the next one whenever it is free: blocks differ in cost per
claim (a count nearly twice what a sum of money does), so fixed shares made by weight left one process
idle while the other worked through its share. A forked process inherits what it works on (nothing
is pickled but an item's position and its answer), and an item whose process could not start or
died is done in the run's process: a broken fork costs time, never a result.
"""
from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Sequence

_WORK: tuple = ()   # (fn, items) while a split is running: what the forked processes inherit


def split_map(fn: Callable, items: Sequence, weights: Sequence[float], workers: int) -> list:
    """``[fn(item) for item in items]``, by up to ``workers`` forked processes; ``weights``: each
    item's rough cost, the heaviest started first. ``fn``'s results must pickle."""
    workers = min(workers, len(items))
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [fn(item) for item in items]
    global _WORK
    _WORK = (fn, items)
    results: list = [None] * len(items)
    left = sorted(range(len(items)), key=lambda i: -weights[i])
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            futures = []
            for i in left:
                try:
                    futures.append((i, pool.submit(_item, i)))
                except (BrokenProcessPool, OSError, RuntimeError):   # no process could start
                    break
            left = left[len(futures):]
            for i, future in futures:
                try:
                    results[i] = future.result()
                except BrokenProcessPool:   # its process died: done here
                    left.append(i)
    finally:
        _WORK = ()
    for i in left:
        results[i] = fn(items[i])
    return results


def _item(i: int):
    fn, items = _WORK
    return fn(items[i])
