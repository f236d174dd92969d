"""Independent shares of one job done at once: the run's process takes a share, forked processes
the others.

The grouping's blocks (claims that could be one figure: one kind, one unit) never compare with
each other, so two workers group two sets of blocks at the same time. A forked process inherits
what it works on (nothing is pickled but its answer), and a share whose process could not start
or died is done in the run's process: a broken fork costs time, never a result.
"""
from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Sequence

_WORK: tuple = ()   # (fn, shares) while a split is running: what the forked processes inherit


def split_map(fn: Callable, items: Sequence, weights: Sequence[float], workers: int) -> list:
    """``[fn(item) for item in items]``, by up to ``workers`` processes (the run's own among them);
    ``weights``: each item's rough cost, for even shares. ``fn``'s results must pickle."""
    shares = _shares(weights, workers)
    if len(shares) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [fn(item) for item in items]
    global _WORK
    _WORK = (fn, [[items[i] for i in share] for share in shares])
    results: list = [None] * len(items)
    try:
        with ProcessPoolExecutor(len(shares) - 1, mp_context=multiprocessing.get_context("fork")) as pool:
            futures = []
            for n in range(1, len(shares)):
                try:
                    futures.append((n, pool.submit(_share, n)))
                except (BrokenProcessPool, OSError, RuntimeError):   # no process could start
                    futures.append((n, None))
            _fill(results, shares[0], _share(0))
            for n, future in futures:
                _fill(results, shares[n], _answer(future, n))
    finally:
        _WORK = ()
    return results


def _shares(weights: Sequence[float], workers: int) -> list[list[int]]:
    """Item positions in at most ``workers`` shares, the heaviest item first into the lightest share.

    >>> _shares([5, 1, 3, 3], 2)
    [[0, 1], [2, 3]]
    """
    loads = [[0.0, []] for _ in range(max(1, min(workers, len(weights))))]
    for i in sorted(range(len(weights)), key=lambda i: -weights[i]):
        lightest = min(loads, key=lambda load: load[0])
        lightest[0] += weights[i]
        lightest[1].append(i)
    return [sorted(share) for _, share in loads if share]


def _share(n: int) -> list:
    fn, shares = _WORK
    return [fn(item) for item in shares[n]]


def _answer(future, n: int) -> list:
    if future is not None:
        try:
            return future.result()
        except BrokenProcessPool:   # the process died: its share is done here
            pass
    return _share(n)


def _fill(results: list, share: list[int], answers: list) -> None:
    for i, answer in zip(share, answers):
        results[i] = answer
