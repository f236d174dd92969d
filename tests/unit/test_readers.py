"""Inputs: every format gives the same records; bad records become error rows, not crashes."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from claimspan.io.readers import InputError, read_inputs

TEXTS = {"a": "Over 40 countries took part on May 31, 2021.", "b": "Nothing to count here."}


@pytest.fixture
def table_inputs(tmp_path):
    rows = [{"id": k, "text": v, "date": "2021-05-31", "title": k.upper()} for k, v in TEXTS.items()]
    (tmp_path / "docs.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    pd.DataFrame(rows).to_csv(tmp_path / "docs.csv", index=False)
    pd.DataFrame(rows).to_parquet(tmp_path / "docs.parquet")
    return tmp_path


@pytest.mark.parametrize("name", ["docs.jsonl", "docs.csv", "docs.parquet"])
def test_table_inputs(table_inputs, name):
    records = list(read_inputs([table_inputs / name]))
    assert [(r.doc_id, r.text, r.date, r.title, r.status) for r in records] == [
        (k, v, "2021-05-31", k.upper(), "ok") for k, v in TEXTS.items()]


def test_text_folder_with_metadata(tmp_path):
    (tmp_path / "one.txt").write_text("First text.", encoding="utf-8")
    (tmp_path / "two.md").write_bytes(b"\xef\xbb\xbfSecond text.")
    (tmp_path / "metadata.csv").write_text("stem,date,title\none,2020-02-29,The first\n", encoding="utf-8")
    records = {r.doc_id: r for r in read_inputs([tmp_path])}
    assert set(records) == {"one", "two"}
    assert (records["one"].date, records["one"].title) == ("2020-02-29", "The first")
    assert records["two"].text == "Second text." and records["two"].date is None



def test_metadata_names_files_whose_ids_have_dots(tmp_path):
    # a wire id ("APW19980807.0261") or a version ("brief.v2") is no file suffix: its row applies
    (tmp_path / "APW19980807.0261.txt").write_text("Text.", encoding="utf-8")
    (tmp_path / "brief.v2.txt").write_text("Text.", encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("stem,date\nAPW19980807.0261,1998-08-07\nbrief.v2.txt,2021-01-04\n",
                                          encoding="utf-8")
    records = {r.doc_id: r for r in read_inputs([tmp_path])}
    assert records["APW19980807.0261"].date == "1998-08-07"
    assert records["brief.v2"].date == "2021-01-04"

@pytest.mark.parametrize("data, status, error", [
    (b"", "empty", None),
    (b"  \n\t ", "empty", None),
    (b"caf\xe9 au lait", "error", "invalid UTF-8 at byte 3"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "error", "binary"),
    ("caf\u00e9".encode("utf-16"), "ok", None),
])
def test_text_file_statuses(tmp_path, data, status, error):
    (tmp_path / "x.txt").write_bytes(data)
    (record,) = read_inputs([tmp_path / "x.txt"])
    assert (record.status, record.error) == (status, error)
    assert record.sha256 is not None


def test_bad_jsonl_records_are_accounted_for(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "ok", "text": "Fine."}\n{not json\n{"id": "n", "text": 5}\n{"id": "m"}\n',
                    encoding="utf-8")
    records = list(read_inputs([path]))
    assert [r.status for r in records] == ["ok", "error", "error", "error"]
    assert "invalid JSON" in records[1].error and "line 2" in records[1].error
    assert "int" in records[2].error and "no 'text'" in records[3].error


@pytest.mark.parametrize("missing", ["id", "text"])
def test_table_without_required_column_is_refused(tmp_path, missing):
    frame = pd.DataFrame([{"id": "a", "text": "x"}]).drop(columns=[missing])
    frame.to_csv(tmp_path / "t.csv", index=False)
    with pytest.raises(InputError, match=f"t.csv: missing column '{missing}'"):
        list(read_inputs([tmp_path / "t.csv"]))


def test_missing_input_is_named(tmp_path):
    with pytest.raises(InputError, match="nope.txt: no such file"):
        list(read_inputs([tmp_path / "nope.txt"]))


SUPPORTED = ".txt, .md, .html, .htm, .pdf, .docx, .jsonl, .csv, .parquet"


def test_every_file_in_a_folder_is_accounted_for(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("Over 40 countries.", encoding="utf-8")
    (tmp_path / "chart.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "sub" / "figures.XLSX").write_bytes(b"PK\x03\x04")
    (tmp_path / "README").write_text("no suffix", encoding="utf-8")
    (tmp_path / "run.log").write_text("a log", encoding="utf-8")
    (tmp_path / "a.doc").write_bytes(b"\xd0\xcf\x11\xe0")   # named in full: does not take a.txt's id
    for hidden in (".DS_Store", ".git/config", ".cache/x.txt", "sub/metadata.csv"):
        (tmp_path / hidden).parent.mkdir(exist_ok=True)
        (tmp_path / hidden).write_text("stem\n", encoding="utf-8")
    records = {r.doc_id: r for r in read_inputs([tmp_path])}
    assert {k: r.status for k, r in records.items()} == {
        "a": "ok", "chart.png": "skipped", "figures.XLSX": "skipped", "README": "skipped",
        "run.log": "skipped", "a.doc": "skipped"}
    assert records["chart.png"].error == f"unsupported file type '.png' (supported: {SUPPORTED})"
    assert records["figures.XLSX"].error.startswith("unsupported file type '.xlsx' (")
    assert records["README"].error == f"unsupported file type (no suffix) (supported: {SUPPORTED})"
    assert records["chart.png"].source == str(tmp_path / "chart.png")
    assert (records["chart.png"].text, records["chart.png"].sha256) == (None, None)


def test_a_file_named_directly_is_read_as_text_whatever_its_suffix(tmp_path):
    (tmp_path / "run.log").write_text("Over 40 countries.", encoding="utf-8")
    (tmp_path / "README").write_text("Nothing to count.", encoding="utf-8")
    (tmp_path / "chart.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    log, readme, png = read_inputs([tmp_path / "run.log", tmp_path / "README", tmp_path / "chart.png"])
    assert (log.doc_id, log.status, log.text) == ("run", "ok", "Over 40 countries.")
    assert (readme.doc_id, readme.status) == ("README", "ok")
    assert (png.status, png.error) == ("error", f"binary: unsupported file type '.png' (supported: {SUPPORTED})")
