"""Batch runs: worker processes give the rows of one worker; re-runs reuse unchanged documents."""
from __future__ import annotations

import json

import pandas as pd
import pytest

import claimspan.run as run_module
from claimspan.io.schemas import RUN_TABLES
from claimspan.review.tables import load_tables
from claimspan.run import run
from tests.conftest import SEEDS, TABLES, load


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """40 documents (the seeds under new ids, in shuffled order) as one JSONL file."""
    root = tmp_path_factory.mktemp("corpus")
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    rows = [{"id": f"d{(i * 7) % 40:02d}", "text": texts[i % 5], "date": "2021-05-31"} for i in range(40)]
    (root / "corpus.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return root / "corpus.jsonl"


def assert_same_tables(a, b):
    for table in TABLES:
        pd.testing.assert_frame_equal(load(a)[table], load(b)[table], obj=table)


def test_two_workers_give_the_rows_of_one(corpus, tmp_path):
    one = run([corpus], tmp_path / "one", workers=1)
    two = run([corpus], tmp_path / "two", workers=2)
    assert one.rows == two.rows and one.documents == two.documents == 40
    assert_same_tables(tmp_path / "one", tmp_path / "two")
    ids = list(load(tmp_path / "one")["documents"].doc_id)
    assert ids == sorted(ids)


def test_rerun_reuses_unchanged_documents(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for path in SEEDS.iterdir():
        (src / path.name).write_bytes(path.read_bytes())
    first = run([src], tmp_path / "out")
    assert first.reused == 0
    again = run([src], tmp_path / "out")
    assert again.reused == first.documents == 5
    run([src], tmp_path / "fresh", force=True)
    assert_same_tables(tmp_path / "out", tmp_path / "fresh")

    changed = src / "002_8f6a01b27c6be631.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nMore than 60 countries agreed.\n", encoding="utf-8")
    third = run([src], tmp_path / "out")
    assert third.reused == 4
    forced = run([src], tmp_path / "fresh", force=True)
    assert forced.reused == 0
    assert_same_tables(tmp_path / "out", tmp_path / "fresh")


def test_changed_rules_or_dates_are_not_reused(tmp_path, monkeypatch):
    src = tmp_path / "in"
    src.mkdir()
    for path in SEEDS.iterdir():
        (src / path.name).write_bytes(path.read_bytes())
    run([src], tmp_path / "out")
    meta = (src / "metadata.csv").read_text(encoding="utf-8")
    (src / "metadata.csv").write_text(meta.replace("2022-02-28", "2022-03-01"), encoding="utf-8")
    assert run([src], tmp_path / "out").reused == 4
    real = run_module.run_metadata
    monkeypatch.setattr(run_module, "run_metadata", lambda model: {**real(model), "rules_sha256": "changed"})
    assert run([src], tmp_path / "out").reused == 0


@pytest.mark.slow
def test_dask_local_cluster_gives_the_rows_of_a_local_run(corpus, tmp_path, monkeypatch):
    pytest.importorskip("distributed", reason="dask[distributed] is in the test extra")
    import pyarrow.parquet as pq

    import claimspan.engines.dask_engine as dask_engine

    local = run([corpus], tmp_path / "local", workers=1)
    monkeypatch.setattr(dask_engine, "PARTITION", 16)  # several partitions for 40 documents
    report = run([corpus], tmp_path / "dask", engine="dask", workers=2)
    assert report.documents == local.documents and report.rows == local.rows
    run_ids = set()
    for table in TABLES:
        path = tmp_path / "dask" / f"{table}.parquet"   # the documented path: a folder of parts
        if table in RUN_TABLES:   # written once by the client over every part's claims
            pd.testing.assert_frame_equal(load(tmp_path / "local")[table], pd.read_parquet(path), obj=table)
            continue
        assert path.is_dir()
        parts = sorted(path.glob("part-*.parquet"))
        assert len(parts) == 3
        frame = pd.read_parquet(path)
        pd.testing.assert_frame_equal(load(tmp_path / "local")[table], frame, obj=table)
        metadata = [pq.read_schema(part).metadata for part in parts]
        assert {m[b"model"] for m in metadata} == {b"blank:en"}
        run_ids |= {m[b"run_id"] for m in metadata}
    assert len(run_ids) == 1
    tables = load_tables(tmp_path / "dask")   # claimspan report and show read it too
    pd.testing.assert_frame_equal(tables["claims"], load(tmp_path / "local")["claims"])
    again = run([corpus], tmp_path / "dask", workers=1)   # a local re-run reuses the parts' rows
    assert again.reused == 40
    assert_same_tables(tmp_path / "dask", tmp_path / "local")
