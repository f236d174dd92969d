"""The command line: outputs, summary, exit statuses, and the Python API's equality with the files."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from claimspan.cli import main
from claimspan.io.schemas import TABLES
from tests.conftest import SEEDS, load


def test_run_writes_six_tables_and_summary(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Date: May 31, 2021\nMore than 60 countries signed.\n", encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_bytes(b"GIF89a\x00\x01\x02")
    assert main(["run", str(tmp_path / "in"), "--out", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert "2 documents read" in out and "error: b:" in out
    seconds = dict(part.split() for part in out.split("seconds: ")[1].splitlines()[0].split(", "))
    assert list(seconds) == ["documents", "statistics"] and all(float(s) >= 0 for s in seconds.values())
    tables = load(tmp_path / "out")
    docs = tables["documents"].set_index("doc_id")
    assert docs.loc["a", "status"] == "ok" and str(docs.loc["a", "doc_date"]) == "2021-05-31"
    assert docs.loc["a", "doc_date_source"] == "header"
    assert docs.loc["b", "status"] == "error"
    assert main(["run", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--strict", "--quiet"]) == 1


def test_nothing_processed_is_a_failure(tmp_path):
    (tmp_path / "x.txt").write_bytes(b"\x00\x01\x02")
    assert main(["run", str(tmp_path / "x.txt"), "--out", str(tmp_path / "out"), "--quiet"]) == 1


def test_unreadable_table_input_exits_2(tmp_path, capsys):
    pd.DataFrame([{"text": "x"}]).to_csv(tmp_path / "t.csv", index=False)
    assert main(["run", str(tmp_path / "t.csv"), "--out", str(tmp_path / "out")]) == 2
    assert "t.csv: missing column 'id'" in capsys.readouterr().err
    assert not (tmp_path / "out" / "documents.parquet").exists()


def test_empty_tables_keep_their_columns(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "e", "text": "   "}) + "\n", encoding="utf-8")
    assert main(["run", str(path), "--out", str(tmp_path / "out"), "--quiet"]) == 0  # read, nothing in it
    from claimspan.io.schemas import schema

    for table in TABLES:
        frame = pd.read_parquet(tmp_path / "out" / f"{table}.parquet")
        assert list(frame.columns) == schema(table).names


def test_one_document_gives_an_empty_statistics_table_with_its_schema(tmp_path):
    """One story whose figures are each stated once: no statistic, and the table still has its columns."""
    path = tmp_path / "in.jsonl"
    text = "The floods killed 14 people in Romania on Monday. More than 12,000 people left their homes."
    path.write_text(json.dumps({"id": "one", "text": text, "date": "1999-05-24"}) + "\n", encoding="utf-8")
    assert main(["run", str(path), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    from claimspan.io.schemas import schema

    claims = pd.read_parquet(tmp_path / "out" / "claims.parquet")
    statistics = pd.read_parquet(tmp_path / "out" / "statistics.parquet")
    assert len(claims) == 2 and claims["stat_id"].nunique() == 2
    assert statistics.empty and list(statistics.columns) == schema("statistics").names


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_seeds_as_table_input_give_the_same_rows(seeds_blank, tmp_path, fmt):
    meta = pd.read_csv(SEEDS / "metadata.csv", dtype=str)
    rows = [{"id": r.stem, "text": (SEEDS / f"{r.stem}.txt").read_text(encoding="utf-8"),
             "date": r.date, "title": r.title} for r in meta.itertuples()]
    frame = pd.DataFrame(rows)
    path = tmp_path / f"seeds.{fmt}"
    if fmt == "jsonl":
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    elif fmt == "csv":
        frame.to_csv(path, index=False)
    else:
        frame.to_parquet(path)
    assert main(["run", str(path), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    files, table_run = load(seeds_blank), load(tmp_path / "out")
    for table in TABLES:
        a, b = files[table], table_run[table]
        if table == "documents":
            a, b = a.drop(columns=["source", "sha256"]), b.drop(columns=["source", "sha256"])
        pd.testing.assert_frame_equal(a, b, check_like=False, obj=table)


def test_extract_api_matches_the_files(seeds_blank):
    import claimspan

    meta = pd.read_csv(SEEDS / "metadata.csv", dtype=str)
    records = [{"id": r.stem, "text": (SEEDS / f"{r.stem}.txt").read_text(encoding="utf-8"),
                "date": r.date, "title": r.title} for r in meta.itertuples()]
    frames = claimspan.extract(records)
    files = load(seeds_blank)
    for table in TABLES:
        a, b = files[table], frames[table]
        if table == "documents":
            a, b = a.drop(columns=["source", "sha256"]), b.drop(columns=["source", "sha256"])
        pd.testing.assert_frame_equal(a, b, obj=table)


def test_extract_accepts_plain_texts():
    frames = pipeline_extract(["Li Xiao:\nWe acquitted 5,479 defendants.", "Second."])
    assert list(frames["documents"].doc_id) == ["doc-1", "doc-2"]
    assert list(frames["speakers"].name) == ["Li Xiao"]


def pipeline_extract(texts):
    import claimspan

    return claimspan.extract(texts)
