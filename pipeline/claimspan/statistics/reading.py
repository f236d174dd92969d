"""Each claim row read into what the grouping compares (``features.claim_of``), in the run's
worker processes when there are many.

Reading a claim (its sentence, event, places, the places of the sentences before it) takes
more than half of the statistics step, and one claim's reading needs only its own row, its
document's text and organizations: chunks of claims go to forked processes, a few chunks in
flight at a time (the texts are streamed, never all in memory), and come back in order. The
grouping that follows compares claims across documents and stays in the run's process. A
pool that breaks (a worker killed, no fork) costs time, not claims: a chunk it did not read
is read here.
"""
from __future__ import annotations

import multiprocessing
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Iterable, Iterator

from claimspan import ruleset
from claimspan.statistics import features
from claimspan.statistics.lexicon import GroupingRules, load

CHUNK = 2_000          # claims a worker reads at a time
IN_WORKERS_FROM = 4_000   # fewer claims are read in the run's process (forking costs more than it saves)


def read_claims(claims: Iterable[dict], count: int, doc_dates: dict, texts: Iterable[tuple[str, str | None]],
                orgs: dict[str, list] | None, rules: GroupingRules, workers: int = 1) -> list:
    """``features.claim_of`` of every row, in order: ``count`` rows, read one at a time (a row
    is not kept once read). ``texts``: (doc_id, text) of the documents in the claims' (doc_id)
    order, read as the claims need them."""
    jobs = _jobs(claims, doc_dates, texts, orgs or {})
    if workers <= 1 or count < IN_WORKERS_FROM or "fork" not in multiprocessing.get_all_start_methods():
        return _read(jobs, rules)
    out: list = []
    pending: deque = deque()   # (future or None, its chunk)
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        for chunk in _chunks(jobs, CHUNK):
            try:
                future = pool.submit(_read_in_worker, chunk, ruleset.overlay_key())
            except (BrokenProcessPool, OSError, RuntimeError):   # no process could start, or the pool broke
                future = None
            pending.append((future, chunk))
            while len(pending) > 2 * workers:
                out.extend(_result(*pending.popleft(), rules))
        while pending:
            out.extend(_result(*pending.popleft(), rules))
    return out


def _jobs(claims: Iterable[dict], doc_dates: dict, texts, orgs: dict) -> Iterator[tuple]:
    """(row number, row, document date, document text, organizations) per claim."""
    texts = iter(texts)
    current: tuple = (None, None)
    for n, row in enumerate(claims):
        while current[0] is None or current[0] < row["doc_id"]:   # both in doc_id order
            current = next(texts, None) or (None, None)
            if current[0] is None:
                break
        own = current[1] if current[0] == row["doc_id"] else None
        yield n, row, doc_dates.get(row["doc_id"]), own, orgs.get(row["doc_id"])


def _chunks(jobs: Iterator[tuple], size: int) -> Iterator[list]:
    chunk: list = []
    for job in jobs:
        chunk.append(job)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _read(jobs: Iterable[tuple], rules: GroupingRules) -> list:
    return [features.claim_of(n, row, date, rules, text, orgs) for n, row, date, text, orgs in jobs]


def _read_in_worker(jobs: list[tuple], overlay_key: str | None) -> list:
    return _read(jobs, load(overlay_key))


def _result(future, chunk: list[tuple], rules: GroupingRules) -> list:
    """The chunk's claims as its worker read them, or read here when no worker could."""
    if future is not None:
        try:
            return future.result()
        except BrokenProcessPool:
            pass
    return _read(chunk, rules)
