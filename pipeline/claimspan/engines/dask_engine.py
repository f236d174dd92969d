"""``--engine dask``: the same extraction on a Dask cluster.

Documents (as Sources: ids and locations, not texts) are cut into partitions
in ``doc_id`` order; each Dask task loads its partition, runs the unit of
work (``claimspan.batch.process_batch``; each worker process builds its spaCy
pipeline once) and writes one part file per table into the run's build folder
(claimspan.io.outdir), so that every table becomes a folder
``<table>.parquet/part-NNNNN-<run_id>.parquet`` that ``pandas.read_parquet`` reads
in order; the client publishes them with the lock it holds. The run id in the
part names makes a reader that listed one generation's parts fail, rather than
read another's, if a new run is published meanwhile. Workers must see the input
paths and the output folder
(a shared filesystem) — true for a local cluster, and for a real one started
on machines that mount the same storage.
"""
from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from claimspan.batch import collect, process_batch
from claimspan.io.readers import Source
from claimspan.io.schemas import RUN_TABLES, TABLES, schema

PARTITION = 64   # documents per task
BATCH = 16       # documents per nlp.pipe call inside a task


def extract_partition(index: int, sources: list[Source], model: str | None, timeout: float | None,
                      rules: str | None, stage: str, meta: dict[str, str]) -> list[dict]:
    """Run on a worker: extract one partition and write its part files; return the documents'
    statuses (doc_id, status, error) and row counts for the summary."""
    from claimspan.run import load

    records = [load(s) for s in sources]
    results = []
    for i in range(0, len(records), BATCH):
        results += process_batch(records[i:i + BATCH], model, timeout, rules)
    tables = collect(results)
    for table in RUN_TABLES:   # written once for the run by the client, after every part (claimspan.statistics)
        del tables[table]
    for table, rows in tables.items():
        folder = Path(stage) / f"{table}.parquet"
        folder.mkdir(parents=True, exist_ok=True)
        pq.write_table(pa.Table.from_pylist(rows, schema=schema(table, meta)),
                       folder / f"part-{index:05d}-{meta['run_id']}.parquet")
    counts = {t: len(rows) for t, rows in tables.items()}
    return [{"doc_id": d["doc_id"], "status": d["status"], "error": d["error"], "rows": counts if n == 0 else None}
            for n, d in enumerate(tables["documents"])]


def run_dask(sources: list[Source], stage: Path, meta: dict[str, str], report, *, model=None, scheduler=None,
             workers=None, timeout=None, rules=None, on_progress=None):
    from dask.distributed import Client, LocalCluster, as_completed

    partitions = [sources[i:i + PARTITION] for i in range(0, len(sources), PARTITION)] or [[]]
    cluster = None if scheduler else LocalCluster(n_workers=workers or 2, threads_per_worker=1,
                                                  processes=True, dashboard_address=None)
    client = Client(scheduler or cluster)
    rows = {t: 0 for t in TABLES}
    try:
        futures = [client.submit(extract_partition, i, part, model, timeout, rules, str(stage), meta,
                                 pure=False)
                   for i, part in enumerate(partitions)]
        done = 0
        for future in as_completed(futures):
            for document in future.result():
                report.account(document, False)
                for table, n in (document["rows"] or {}).items():
                    rows[table] += n
                done += 1
            if on_progress:
                on_progress(done, len(sources))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    report.rows = rows
    return report
