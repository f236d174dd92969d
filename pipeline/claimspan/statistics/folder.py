"""The run-wide step on a build folder: claims in, ``stat_id`` and ``statistics.parquet`` out.

A local run hands over its claims already read (each where its document was extracted);
otherwise (a Dask run's parts) the claims and the documents' texts are read here a batch at
a time (never the whole corpus: what is kept of a claim is what the grouping compares), the
organizations column by column. Each claims file — one file, or each part of a sharded
run — is then rewritten row group by row group with its ``stat_id`` filled, into a temporary
file renamed over it. The build folder is not published yet (claimspan.io.outdir), so no
reader ever sees a claims file without its statistics.
"""
from __future__ import annotations

import os
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from claimspan.io.outdir import table_files
from claimspan.io.schemas import schema
from claimspan.statistics import COLUMNS, actors_of, group_read, group_rows

BATCH = 1_000   # claims rows read at a time


def finish(folder: Path, meta: dict[str, str], workers: int = 1, read: list | None = None) -> int:
    """Group the run's claims (by ``workers`` processes); returns the number of statistics written.
    ``read``: every claim already read where it was extracted (``read_document``), in the files'
    order; without it the claims are read here."""
    folder = Path(folder)
    claims_path = folder / "claims.parquet"
    files = table_files(claims_path) if claims_path.exists() else []
    count = sum(pq.ParquetFile(f).metadata.num_rows for f in files)
    if read is not None and len(read) == count:
        ids, rows = group_read(read, workers=workers)
    else:
        ids, rows = _group_files(folder, files, workers)
    at = 0
    for f in files:
        at = _rewrite(f, ids, at)
    pq.write_table(pa.Table.from_pylist(rows, schema=schema("statistics", meta)), folder / "statistics.parquet")
    return len(rows)


def _group_files(folder: Path, files: list[Path], workers: int) -> tuple[list[str], list[dict]]:
    """``group_rows`` of the claims files, with the documents' dates and texts and the organizations."""
    docs = folder / "documents.parquet"
    dates = {}
    for f in table_files(docs) if docs.exists() else []:
        t = pq.read_table(f, columns=["doc_id", "doc_date"])
        dates.update(zip(t.column("doc_id").to_pylist(), t.column("doc_date").to_pylist()))
    orgs_path = folder / "organizations.parquet"
    orgs = [row for f in (table_files(orgs_path) if orgs_path.exists() else [])
            for row in pq.read_table(f, columns=["doc_id", "start_char", "org_key"]).to_pylist()]
    return group_rows(_claims(files), dates, _texts(docs) if docs.exists() else (), actors_of(orgs), workers)


def _claims(files: list[Path]):
    """The claims rows (COLUMNS) in file order, one batch of rows in memory at a time."""
    for f in files:
        for batch in pq.ParquetFile(f).iter_batches(batch_size=BATCH, columns=COLUMNS):
            yield from batch.to_pylist()


def _texts(docs: Path):
    """(doc_id, text) of each document in file order, one batch of rows in memory at a time."""
    for f in table_files(docs):
        for batch in pq.ParquetFile(f).iter_batches(batch_size=64, columns=["doc_id", "text"]):
            yield from zip(batch.column(0).to_pylist(), batch.column(1).to_pylist())


def _rewrite(path: Path, ids: list[str], at: int) -> int:
    """``path`` with its stat_id column set from ``ids[at:]``, row group by row group; returns where
    the next file starts."""
    source = pq.ParquetFile(path)
    target = source.schema_arrow
    tmp = path.with_name(f".{path.name}.tmp")
    column = target.get_field_index("stat_id")
    with pq.ParquetWriter(tmp, target) as writer:
        for group in range(source.num_row_groups):   # the file's own row groups, one in memory at a time
            table = source.read_row_group(group)
            values = pa.array(ids[at:at + table.num_rows], type=pa.string())
            at += table.num_rows
            writer.write_table(table.set_column(column, target.field(column), values))
    os.replace(tmp, path)
    return at
