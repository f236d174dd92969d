"""Streams table rows into Parquet files in a run's own folder.

Each table is written, in row groups, to ``<folder>/<table>.parquet``; the folder
is the run's build folder (claimspan.io.outdir), which no reader looks at until
``close()`` has completed every table and the folder is published.
"""
from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from claimspan.io.schemas import TABLES, schema

ROW_GROUP = 2_000             # rows of a table buffered before they are written as one row group,
ROW_GROUP_CHARS = 4_000_000   # or fewer when their texts reach this many characters: a documents row
                              # holds a whole text (10,000 reports of 100 pages would be gigabytes)
LONG_COLUMNS = ("text", "sentence")   # the columns whose characters are counted: all but a few of them


class OutputError(OSError):
    """The output folder cannot be written (names the folder and the reason)."""


class OutputWriter:
    def __init__(self, folder: str | Path, metadata: dict[str, str], where: str | Path | None = None):
        self.folder = Path(folder)
        self.where = where or folder   # the folder error messages name: the output folder
        self.schemas = {t: schema(t, metadata) for t in TABLES}
        self.buffers: dict[str, list[dict]] = {t: [] for t in TABLES}
        self.chars = {t: 0 for t in TABLES}   # characters of text in each buffer
        self.writers: dict[str, pq.ParquetWriter] = {}
        self.rows = {t: 0 for t in TABLES}

    def path(self, table: str) -> Path:
        return self.folder / f"{table}.parquet"

    def write(self, table: str, rows: list[dict]) -> None:
        self.buffers[table].extend(rows)
        self.rows[table] += len(rows)
        self.chars[table] += sum(len(row.get(c) or "") for row in rows for c in LONG_COLUMNS)
        if len(self.buffers[table]) >= ROW_GROUP or self.chars[table] >= ROW_GROUP_CHARS:
            self._flush(table)

    def _flush(self, table: str) -> None:
        rows, self.buffers[table], self.chars[table] = self.buffers[table], [], 0
        batch = pa.Table.from_pylist(rows, schema=self.schemas[table])
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
