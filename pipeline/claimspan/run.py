"""The end-to-end run: inputs -> documents -> the six tables, on one machine.

``run()`` scans the inputs (ids and locations only), sorts them by ``doc_id``
(the SPEC's row order), loads and extracts them a batch at a time — in this
process or in a pool of worker processes — and streams the rows to the writer,
so memory grows with the largest batch, not with the corpus. The output folder
is locked for the run, and its tables are published together at the end
(claimspan.io.outdir). Documents whose bytes, text, rules and pipeline are
unchanged since the last run into the same folder are reused instead of
extracted again. It never prints.
``extract_frames()`` is the notebook API.
"""
from __future__ import annotations

import codecs
import functools
import gc
import io
import math
import os
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

import pyarrow as pa
import pyarrow.parquet as pq

from claimspan import ruleset
from claimspan.batch import (DEFAULT_TIMEOUT, as_records, collect, get_nlp, process_batch,
                              run_metadata)
from claimspan.export import document_row
from claimspan.io.outdir import OutputFolder
from claimspan.io.previous import PreviousOutputs
from claimspan.io.readers import READER_VERSION, Source, scan
from claimspan.io.records import Record
from claimspan.io.schemas import schema
from claimspan.io.writer import OutputWriter, as_arrow
from claimspan.statistics import add_to_tables, read_document
from claimspan.statistics import folder as statistics_folder
from claimspan.workers import Workers

BATCH = 16
AHEAD = 4    # batches in flight per worker at most: each worker's two (workers.DEPTH) and as many waiting


@dataclass
class RunReport:
    out_dir: Path | None
    documents: int = 0
    reused: int = 0
    statuses: dict[str, int] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (doc_id, reason)
    skipped: list[str] = field(default_factory=list)  # doc_ids (file names) of unsupported files
    renamed: list[tuple[str, str]] = field(default_factory=list)  # duplicate ids kept apart
    # wall seconds of the run's two steps: "documents" (each read, extracted, written; by the workers)
    # and "statistics" (the run-wide grouping after them)
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def failed(self) -> int:
        return self.statuses.get("error", 0)

    def account(self, document: dict, reused: bool) -> None:
        self.documents += 1
        self.reused += reused
        self.statuses[document["status"]] = self.statuses.get(document["status"], 0) + 1
        if document["status"] == "error":
            self.errors.append((document["doc_id"], document["error"]))
        elif document["status"] == "skipped":
            self.skipped.append(document["doc_id"])


def unique_ids(items: Iterable, renamed: list) -> list:
    """Items (Sources or Records) sorted by ``doc_id``; a repeated id gets the first of
    ``#2``, ``#3``... that no input uses, and is reported in ``renamed``.

    >>> class Item:
    ...     def __init__(self, doc_id): self.doc_id = doc_id
    >>> [i.doc_id for i in unique_ids(map(Item, ["dup", "dup", "dup", "dup#2"]), [])]
    ['dup', 'dup#2', 'dup#3', 'dup#4']
    """
    out = list(items)
    taken = {item.doc_id for item in out}
    seen: set[str] = set()
    for item in out:
        if item.doc_id in seen:
            n = 2
            while f"{item.doc_id}#{n}" in taken:
                n += 1
            new_id = f"{item.doc_id}#{n}"
            renamed.append((item.doc_id, new_id))
            taken.add(new_id)
            item.doc_id = new_id
        seen.add(item.doc_id)
    return sorted(out, key=lambda item: item.doc_id)


def load(source: Source) -> Record:
    """The source's record under the source's id (which ``unique_ids`` may have changed)."""
    record = source.load()
    record.doc_id = source.doc_id
    return record


def run_keys(model: str | None, encoding: str | None) -> dict[str, str]:
    """The run metadata written into every table; an incremental re-run reuses rows only
    from a run with the same pipeline, rules, model, readers and encoding."""
    try:
        encoding = codecs.lookup(encoding or "utf-8").name
    except LookupError:   # every text file will say so in its row
        pass
    return {**run_metadata(model), "reader_version": READER_VERSION, "encoding": encoding}


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def run(inputs: Iterable[str | Path], out_dir: str | Path, *, model: str | None = None,
        workers: int | None = None, engine: str = "local", scheduler: str | None = None,
        force: bool = False, encoding: str | None = None, timeout: float | None = DEFAULT_TIMEOUT,
        rules: str | Path | None = None,
        on_progress: Callable[[int, int], None] | None = None) -> RunReport:
    """Read ``inputs``, extract, write the six tables into ``out_dir``. ``rules`` is
    a folder laid over the built-in rules (default: ``$CLAIMSPAN_RULES``)."""
    started = time.perf_counter()
    overlay = ruleset.use_overlay(rules)   # validated before anything is read or written
    rules = str(overlay.root) if overlay else None
    if engine not in ("local", "dask"):
        raise ValueError(f"unknown engine {engine!r} (local, dask)")
    report = RunReport(Path(out_dir))
    if timeout is not None and not (math.isfinite(timeout) and timeout > 0):
        raise ValueError(f"timeout must be a positive number of seconds, or None for no budget: {timeout!r}")
    sources = unique_ids(scan(inputs, encoding, out_dir), report.renamed)
    meta = run_keys(model, encoding)
    with OutputFolder(out_dir) as folder:   # refuses a folder another run is writing into
        meta["run_id"] = folder.run_id
        if engine == "dask":
            from claimspan.engines.dask_engine import run_dask

            run_dask(sources, folder.build, meta, report, model=model, scheduler=scheduler, workers=workers,
                     timeout=timeout, rules=rules, on_progress=on_progress)
            read = None   # the Dask parts' claims are read by the run-wide step
        else:
            previous = None if force else PreviousOutputs(Path(out_dir), meta)
            read = _run_local(sources, OutputWriter(folder.build, meta, out_dir), report, previous, model=model,
                              workers=workers, timeout=timeout, rules=rules, on_progress=on_progress)
        report.seconds["documents"] = round(time.perf_counter() - started, 3)
        # run-wide, after every part
        started = time.perf_counter()
        report.rows["statistics"] = statistics_folder.finish(folder.build, meta, workers or default_workers(), read)
        folder.publish()
        report.seconds["statistics"] = round(time.perf_counter() - started, 3)
    return report


def _run_local(sources, writer: OutputWriter, report: RunReport, previous, *, model, workers, timeout,
               rules, on_progress) -> list:
    """Extract and write every source; returns the claims read for the statistics step, in the
    claims file's order."""
    read: list = []
    try:
        results = _results(sources, model, workers or default_workers(), timeout, rules, previous)
        for n, (document, tables, reused, claims) in enumerate(results, 1):
            report.account(document, reused)
            writer.write("documents", [document])
            for table, rows in tables.items():
                writer.write(table, rows)
            for claim in claims:
                claim.row += len(read)
            read.extend(claims)
            if on_progress:
                on_progress(n, len(sources))
        writer.close()
    except BaseException:
        writer.abort()
        raise
    report.rows = dict(writer.rows)
    return read


def _results(sources: list[Source], model, workers: int, timeout, rules, previous
             ) -> Iterator[tuple[dict, dict, bool, list]]:
    """(documents row, rows, reused, its claims read for the statistics) per source in order; at
    most a few batches in flight."""
    if timeout is not None and not (math.isfinite(timeout) and timeout > 0):
        raise ValueError(f"timeout must be a positive number of seconds, or None for no budget: {timeout!r}")
    batches = [sources[i:i + BATCH] for i in range(0, len(sources), BATCH)]
    workers = max(1, min(workers, len(batches)))
    get_nlp(model, rules)  # built once here, inherited by forked workers
    # The pipeline and its rules (some 100,000 objects) live through the run: collected once and
    # frozen, so that no full collection of a long run scans them again and a forked worker's
    # collections do not write to (and so copy) the pages it shares with the run; unfrozen after.
    gc.collect()
    gc.freeze()
    work = functools.partial(_extract, model=model, timeout=timeout, rules=rules)
    pending: deque = deque()
    pool = None
    try:
        pool = Workers(workers, work, timeout) if workers > 1 else None
        for n, batch in enumerate(batches):
            records = [load(source) for source in batch]
            plan = [(r, previous.reusable(r) if previous else None) for r in records]
            todo = [r for r, old in plan if old is None]
            if pool is None:
                pending.append((plan, work(todo)))
            else:
                pool.submit(n, todo)
                pending.append((plan, n))
            # the rows are written in order: batches read ahead of the oldest one not back keep
            # every worker busy (and its next batch sent, workers.DEPTH) while that one is slow
            while len(pending) > AHEAD * workers:
                yield from _emit(*pending.popleft(), previous, pool)
        while pending:
            yield from _emit(*pending.popleft(), previous, pool)
    finally:
        if pool is not None:
            pool.close()
        gc.unfreeze()


def _extract(records: list[Record], model, timeout, rules) -> list[tuple[dict, dict, list]]:
    """``process_batch``, each document's rows as slices of its batch's Arrow tables (``as_arrow``),
    and its claims read for the statistics step where its text and organizations are at hand:
    work done in the worker, beside the extraction, not in the run's one process."""
    done = process_batch(records, model, timeout, rules)
    read = [read_document(document, tables) for document, tables in done]
    return list(zip([document for document, _ in done], as_arrow([tables for _, tables in done]), read))


def _emit(plan, results, previous, pool):
    """The rows of one batch, in order; ``results`` is the pool's key for the batch when there is a pool."""
    done = iter(results if pool is None else pool.result(results))
    for record, old in plan:
        if old is None:
            document, tables, *claims = next(done)   # (row, {}) of a document whose worker died (workers.py)
            yield document, tables, False, claims[0] if claims else []
        else:
            document = document_row(record)
            document["doc_date"], document["doc_date_source"] = old["doc_date"], old["doc_date_source"]
            tables = previous.rows(record.doc_id)
            yield document, tables, True, read_document(document, tables)


def extract_frames(records_or_texts, model: str | None = None, rules: str | Path | None = None):
    """``claimspan.extract``: ``{table: DataFrame}`` with the columns and dtypes of the files."""
    records = unique_ids(as_records(records_or_texts), [])
    tables = collect(process_batch(records, model, rules=str(rules) if rules else None))
    add_to_tables(tables)
    meta = run_metadata(model)
    return {t: _via_parquet(pa.Table.from_pylist(rows, schema=schema(t, meta))) for t, rows in tables.items()}


def _via_parquet(table: pa.Table):
    """The DataFrame pandas.read_parquet would give for this table (same dtypes as the files)."""
    import pandas as pd

    buffer = io.BytesIO()
    pq.write_table(table, buffer)
    buffer.seek(0)
    return pd.read_parquet(buffer)
