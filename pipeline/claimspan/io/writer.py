"""Streams table rows into Parquet files in a run's own folder.

Each table is written, in row groups, to ``<folder>/<table>.parquet``; the folder
is the run's build folder (claimspan.io.outdir), which no reader looks at until
``close()`` has completed every table and the folder is published.

Rows come as dicts, or as ``Rows``: a document's rows already in an Arrow table
of its whole batch, built where the batch was extracted (``as_arrow``, in a
worker process), so that the run's one process, which writes every table for
every worker, neither converts rows nor unpickles them one by one.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from claimspan.io.schemas import TABLES, schema

ROW_GROUP = 2_000             # rows of a table buffered before they are written as one row group,
ROW_GROUP_CHARS = 4_000_000   # or fewer when their texts reach this many characters: a documents row
                              # holds a whole text (10,000 reports of 100 pages would be gigabytes)
LONG_COLUMNS = ("text", "sentence")   # the columns whose characters are counted: all but a few of them


@dataclass(frozen=True)
class Rows:
    """One document's rows of one table: rows ``start`` to ``start + n`` of ``table``."""
    table: pa.Table   # the rows of a batch of documents (one table object per batch: pickled once)
    start: int
    n: int
    chars: int        # characters in its LONG_COLUMNS

    def __len__(self) -> int:
        return self.n

    def then(self, other: Rows) -> Rows | None:
        """Both as one, when ``other`` follows these rows in the same table."""
        if other.table is self.table and other.start == self.start + self.n:
            return Rows(self.table, self.start, self.n + other.n, self.chars + other.chars)
        return None


def as_arrow(batch: list[dict[str, list[dict]]]) -> list[dict[str, Rows]]:
    """Each document's ``{table: rows}`` (a batch, in order) as ``Rows`` of one Arrow table per table."""
    out: list[dict[str, Rows]] = [{} for _ in batch]
    for table in TABLES:
        rows = [row for tables in batch for row in tables.get(table, ())]
        if not rows:
            continue
        arrow, start = pa.Table.from_pylist(rows, schema=schema(table)), 0
        for own, tables in zip(out, batch):
            if mine := tables.get(table):
                own[table] = Rows(arrow, start, len(mine), _chars(mine))
                start += len(mine)
    return out


def _chars(rows: list[dict]) -> int:
    return sum(len(row.get(c) or "") for row in rows for c in LONG_COLUMNS)


class OutputError(OSError):
    """The output folder cannot be written (names the folder and the reason)."""


class OutputWriter:
    def __init__(self, folder: str | Path, metadata: dict[str, str], where: str | Path | None = None):
        self.folder = Path(folder)
        self.where = where or folder   # the folder error messages name: the output folder
        self.schemas = {t: schema(t, metadata) for t in TABLES}
        self.buffers: dict[str, list[list[dict] | Rows]] = {t: [] for t in TABLES}
        self.buffered = {t: 0 for t in TABLES}   # rows in each buffer
        self.chars = {t: 0 for t in TABLES}   # characters of text in each buffer
        self.writers: dict[str, pq.ParquetWriter] = {}
        self.rows = {t: 0 for t in TABLES}

    def path(self, table: str) -> Path:
        return self.folder / f"{table}.parquet"

    def write(self, table: str, rows: list[dict] | Rows) -> None:
        if not len(rows):
            return
        parts = self.buffers[table]
        last = parts[-1] if parts else None
        if isinstance(rows, Rows):
            joined = last.then(rows) if isinstance(last, Rows) else None
            if joined is None:
                parts.append(rows)
            else:   # the next document of the same batch: one slice
                parts[-1] = joined
            self.chars[table] += rows.chars
        else:
            if isinstance(last, list):
                last.extend(rows)
            else:
                parts.append(list(rows))
            self.chars[table] += _chars(rows)
        self.rows[table] += len(rows)
        self.buffered[table] += len(rows)
        if self.buffered[table] >= ROW_GROUP or self.chars[table] >= ROW_GROUP_CHARS:
            self._flush(table)

    def _flush(self, table: str) -> None:
        parts, self.buffers[table], self.buffered[table], self.chars[table] = self.buffers[table], [], 0, 0
        arrow = [p.table.slice(p.start, p.n) if isinstance(p, Rows) else
                 pa.Table.from_pylist(p, schema=self.schemas[table]) for p in parts]
        batch = arrow[0] if len(arrow) == 1 else pa.concat_tables(arrow) if arrow else \
            self.schemas[table].empty_table()
        try:
            if table not in self.writers:
                self.writers[table] = pq.ParquetWriter(self.path(table), self.schemas[table])
            self.writers[table].write_table(batch)
        except OSError as exc:
            self.abort()
            raise OutputError(f"{self.where}: cannot write {table} ({exc.strerror or exc})") from None

    def close(self) -> None:
        """Flush and close every table (an empty table keeps its schema)."""
        for table in TABLES:
            if self.buffers[table] or table not in self.writers:
                self._flush(table)
        try:
            for w in self.writers.values():
                w.close()
        except OSError as exc:
            self.abort()
            raise OutputError(f"{self.where}: cannot write outputs ({exc.strerror or exc})") from None
        self.writers.clear()

    def abort(self) -> None:
        for w in self.writers.values():
            try:
                w.close()
            except Exception:  # noqa: BLE001  closing a broken file must not hide the first error
                pass
        self.writers.clear()
