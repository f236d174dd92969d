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


def dates(doc_id: str, n: int) -> list[dict]:
    return [{"doc_id": doc_id, "start_char": k, "end_char": k + 4, "text": "2020", "sentence_start_char": 0,
             "sentence_end_char": 9, "sentence": "In 2020.", "line": 1, "kind": "date", "value": "2020", "is_relative": False,
             "rule": "test"}
            for k in range(n)]


def test_rows_built_by_a_worker_and_rows_as_dicts_are_written_in_their_order(tmp_path):
    """A batch's rows come as slices of one Arrow table (``as_arrow``, built in a worker); a reused
    document's as dicts. The file holds them in the order written, whatever the mix, and a
    document's slice that follows the one before it in its batch's table joins it."""
    batch = [{"dates": dates("a", 2)}, {}, {"dates": dates("b", 3)}]
    slices = writer_module.as_arrow(batch)
    assert [len(s.get("dates", ())) for s in slices] == [2, 0, 3]
    assert slices[0]["dates"].then(slices[2]["dates"]).n == 5
    assert slices[2]["dates"].then(slices[0]["dates"]) is None   # not in that order
    out = OutputWriter(tmp_path, {"run_id": "r"})
    out.write("dates", slices[0]["dates"])
    out.write("dates", slices[2]["dates"])
    out.write("dates", dates("c", 1))
    out.write("dates", writer_module.as_arrow([{"dates": dates("d", 1)}])[0]["dates"])
    assert len(out.buffers["dates"]) == 3   # a and b as one slice, c's dicts, d's slice
    out.close()
    table = pq.read_table(tmp_path / "dates.parquet")
    assert table.column("doc_id").to_pylist() == ["a"] * 2 + ["b"] * 3 + ["c", "d"]
    assert table.schema.metadata[b"run_id"] == b"r"   # the writer's schema, not the worker's
    assert out.rows["dates"] == 7


def test_rows_chars_count_like_dicts(tmp_path, monkeypatch):
    monkeypatch.setattr(writer_module, "ROW_GROUP_CHARS", 2_500)
    out = OutputWriter(tmp_path, {})
    for row in documents(10, 1_000):
        out.write("documents", writer_module.as_arrow([{"documents": [row]}])[0]["documents"])
    out.close()
    assert row_groups(tmp_path / "documents.parquet") == [3, 3, 3, 1]
