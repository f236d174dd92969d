"""The output folder's layout: links to the current generation, every table stamped with
its run, and folders written by earlier versions taken over cleanly."""
from __future__ import annotations

import json
import os

import pandas as pd
import pyarrow.parquet as pq

from claimspan.io.outdir import STATE
from claimspan.io.readers import READER_VERSION
from claimspan.run import run
from tests.conftest import TABLES, load


def test_every_table_is_a_link_into_the_current_generation_of_one_run(tmp_path):
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"id": "a", "text": "More than 60 countries signed in 2020."}) + "\n")
    run([src], tmp_path / "out", workers=1)
    gen = os.readlink(tmp_path / "out" / STATE / "current")
    for table in TABLES:
        path = tmp_path / "out" / f"{table}.parquet"
        assert os.readlink(path) == f"{STATE}/current/{table}.parquet"
        assert pq.read_schema(path).metadata[b"run_id"] == gen.removeprefix("gen-").encode()
    metadata = pq.read_schema(tmp_path / "out" / "claims.parquet").metadata
    assert metadata[b"encoding"] == b"utf-8" and metadata[b"reader_version"] == READER_VERSION.encode()


def test_outputs_of_an_earlier_version_are_replaced_and_not_reused(tmp_path):
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"id": "a", "text": "More than 60 countries signed in 2020."}) + "\n")
    run([src], tmp_path / "new", workers=1)
    old = tmp_path / "old"
    old.mkdir()
    for table in TABLES:   # plain files without run ids, as earlier versions wrote them
        pq.write_table(pq.read_table(tmp_path / "new" / f"{table}.parquet").replace_schema_metadata(
            {k: v for k, v in pq.read_schema(tmp_path / "new" / f"{table}.parquet").metadata.items()
             if k != b"run_id"}), old / f"{table}.parquet")
    (old / "claims").mkdir()                                  # an earlier Dask run's parts
    (old / "claims" / "part-00000.parquet").write_bytes(b"")
    (old / ".claims.parquet.tmp-123").write_bytes(b"")         # a killed earlier run's file

    assert run([src], old, workers=1).reused == 0   # no run id: cannot tell the tables are of one run
    assert sorted(p.name for p in old.iterdir() if not p.is_symlink()) == [STATE]
    for table in TABLES:
        pd.testing.assert_frame_equal(load(old)[table], load(tmp_path / "new")[table], obj=table)
