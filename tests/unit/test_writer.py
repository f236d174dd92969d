"""The table writer's row groups: bounded by rows and by the characters of text they hold."""
from __future__ import annotations

import pyarrow.parquet as pq

from claimspan.io import writer as writer_module
from claimspan.io.writer import OutputWriter


def documents(n: int, chars: int) -> list[dict]:
    return [{"doc_id": f"d{k}", "source": "test", "text": "x" * chars, "n_chars": chars, "status": "ok"}
            for k in range(n)]


def row_groups(path) -> list[int]:
    meta = pq.ParquetFile(path).metadata
    return [meta.row_group(g).num_rows for g in range(meta.num_row_groups)]


def test_long_texts_are_written_before_the_row_count_is_reached(tmp_path, monkeypatch):
    monkeypatch.setattr(writer_module, "ROW_GROUP_CHARS", 2_500)
    out = OutputWriter(tmp_path, {})
    for row in documents(10, 1_000):   # 1,000 characters each: a row group every third document
        out.write("documents", [row])
    out.close()
    assert row_groups(tmp_path / "documents.parquet") == [3, 3, 3, 1]
    assert pq.read_table(tmp_path / "documents.parquet").column("doc_id").to_pylist() == [f"d{k}" for k in range(10)]


def test_short_rows_wait_for_the_row_count(tmp_path, monkeypatch):
    monkeypatch.setattr(writer_module, "ROW_GROUP", 4)
    out = OutputWriter(tmp_path, {})
    out.write("documents", documents(10, 10))
    out.write("documents", documents(1, 10))
    out.close()
    assert row_groups(tmp_path / "documents.parquet") == [10, 1]
