"""Streams table rows into Parquet files that appear only when complete.

Each table is written, in row groups, to a temporary file in the output folder
and renamed into place by ``commit()``; until then the previous outputs stay
as they were. A failed or killed run leaves only temporary files, which the
next run removes.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from claimspan.io.schemas import TABLES, schema

ROW_GROUP = 10_000
TMP_MARK = ".tmp-"


class OutputError(OSError):
    """The output folder cannot be written (names the folder and the reason)."""


class OutputWriter:
    def __init__(self, out_dir: str | Path, metadata: dict[str, str]):
        self.out_dir = Path(out_dir)
        try:
            self.out_dir.mkdir(parents=True, exist_ok=True)
            for stale in self.out_dir.glob(f".*.parquet{TMP_MARK}*"):
                stale.unlink()
        except OSError as exc:
            raise OutputError(f"{self.out_dir}: cannot write outputs ({exc.strerror or exc})") from None
        self.schemas = {t: schema(t, metadata) for t in TABLES}
        self.buffers: dict[str, list[dict]] = {t: [] for t in TABLES}
        self.writers: dict[str, pq.ParquetWriter] = {}
        self.rows = {t: 0 for t in TABLES}

    def tmp_path(self, table: str) -> Path:
        return self.out_dir / f".{table}.parquet{TMP_MARK}{os.getpid()}"

    def write(self, table: str, rows: list[dict]) -> None:
        self.buffers[table].extend(rows)
        self.rows[table] += len(rows)
        if len(self.buffers[table]) >= ROW_GROUP:
            self._flush(table)

    def _flush(self, table: str) -> None:
        rows, self.buffers[table] = self.buffers[table], []
        batch = pa.Table.from_pylist(rows, schema=self.schemas[table])
        try:
            if table not in self.writers:
                self.writers[table] = pq.ParquetWriter(self.tmp_path(table), self.schemas[table])
            self.writers[table].write_table(batch)
        except OSError as exc:
            self.abort()
            raise OutputError(f"{self.out_dir}: cannot write {table} ({exc.strerror or exc})") from None

    def commit(self) -> None:
        """Flush, close, and move every table into place (an empty table keeps its schema)."""
        for table in TABLES:
            if self.buffers[table] or table not in self.writers:
                self._flush(table)
        for w in self.writers.values():
            w.close()
        try:
            for table in TABLES:
                os.replace(self.tmp_path(table), self.out_dir / f"{table}.parquet")
                if (self.out_dir / table).is_dir():  # parts of an earlier Dask run: now stale
                    shutil.rmtree(self.out_dir / table)
        except OSError as exc:
            self.abort()
            raise OutputError(f"{self.out_dir}: cannot move outputs into place ({exc.strerror or exc})") from None
        self.writers.clear()

    def abort(self) -> None:
        for w in self.writers.values():
            try:
                w.close()
            except Exception:  # noqa: BLE001  closing a broken file must not hide the first error
                pass
        self.writers.clear()
        for table in TABLES:
            self.tmp_path(table).unlink(missing_ok=True)
