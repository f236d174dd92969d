"""The outputs of an earlier run in the same folder, for incremental re-runs.

The earlier outputs are used only when every table read here comes from one run
(the ``run_id`` in each file's schema metadata) and that run had the same
pipeline version, rules hash, model, reader version and ``--encoding``. A
document is then reused when its bytes (sha256), the text read from them, its
title, input date and pages are unchanged, it did not fail, and its id named one
document only; rows hold offsets into that text, so a text read otherwise (another
decoding, another reader, another document under the id) is extracted again.
Tables are sorted by ``doc_id`` and so is the new run, so the earlier rows are
read in one forward pass, a row group at a time: memory does not grow with the
corpus.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pyarrow.parquet as pq

from claimspan.export import n_pages
from claimspan.io.outdir import current_tables, one_run, table_files
from claimspan.io.records import Record
from claimspan.io.schemas import EXTRACTION_TABLES

CARRIED = EXTRACTION_TABLES + ("speakers",)
FINGERPRINT = (b"pipeline_version", b"rules_sha256", b"model", b"reader_version", b"encoding")
SHARED = object()   # an id two earlier documents had: nothing of it is reused


class PreviousOutputs:
    def __init__(self, out_dir: Path, metadata: dict[str, str]):
        self.usable = False
        self.documents: dict[str, dict] = {}
        files = {t: p for t, p in current_tables(out_dir).items() if t in ("documents",) + CARRIED}
        if not all(f.exists() for f in files.values()):
            return
        try:
            if one_run(files) is None:   # written before run ids: cannot tell whether it is one run
                return
            meta = pq.read_schema(table_files(files["documents"])[0]).metadata or {}
            if any(meta.get(k) != metadata.get(k.decode(), "").encode() for k in FINGERPRINT):
                return
            columns = ["doc_id", "sha256", "title", "doc_date", "doc_date_source", "status", "n_pages"]
            for batch in _batches(files["documents"], columns):
                for row in batch.to_pylist():
                    self.documents[row["doc_id"]] = SHARED if row["doc_id"] in self.documents else row
            self.texts = _Cursor(files["documents"], ["doc_id", "text"], size=64)  # texts may be long
            self.cursors = {t: _Cursor(files[t]) for t in CARRIED}
        except Exception:  # noqa: BLE001  unreadable or mixed earlier outputs are simply not reused
            self.documents = {}
            return
        self.usable = True

    def reusable(self, record: Record) -> dict | None:
        """The earlier documents row if ``record`` may reuse its rows, else None.
        Called once per record, in ``doc_id`` order."""
        old = self.documents.get(record.doc_id) if self.usable else None
        if old is None or old is SHARED or old["status"] in ("error", "skipped") \
                or record.status in ("error", "skipped"):
            return None
        input_date = old["doc_date"].isoformat() if old["doc_date_source"] == "input" else None
        if (old["sha256"], old["title"], input_date, old["n_pages"]) != \
                (record.sha256, record.title, record.date, n_pages(record)):
            return None
        if [row["text"] for row in self.texts.take(record.doc_id)] != [record.text]:
            return None
        return old

    def rows(self, doc_id: str) -> dict[str, list[dict]]:
        return {t: self.cursors[t].take(doc_id) for t in CARRIED}


def _batches(path: Path, columns: list[str] | None = None, size: int = 4096) -> Iterator:
    for part in table_files(path):
        yield from pq.ParquetFile(part).iter_batches(batch_size=size, columns=columns)


class _Cursor:
    """Forward-only reader of one table's rows grouped by doc_id (ids requested in order)."""

    def __init__(self, path: Path, columns: list[str] | None = None, size: int = 4096):
        self.batches: Iterator = _batches(path, columns, size)
        self.buffer: list[dict] = []
        self.pos = 0

    def _peek(self) -> dict | None:
        while self.pos >= len(self.buffer):
            batch = next(self.batches, None)
            if batch is None:
                return None
            self.buffer, self.pos = batch.to_pylist(), 0
        return self.buffer[self.pos]

    def take(self, doc_id: str) -> list[dict]:
        rows = []
        while (row := self._peek()) is not None and row["doc_id"] <= doc_id:
            if row["doc_id"] == doc_id:
                rows.append(row)
            self.pos += 1
        return rows
