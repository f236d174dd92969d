"""A messy folder: every input accounted for, spans exact, good documents unaffected by bad ones."""
from __future__ import annotations

import json
import os

import pandas as pd
import pytest

from claimspan.cli import main
from claimspan.io.schemas import EXTRACTION_TABLES, RUN_TABLES, TABLES
from tests.conftest import load

GOOD = "Li Xiao:\nFrom 2016 to 2020, the courts acquitted 5,479 defendants, about 14.6% more than in 2015.\n"


def messy_folder(root):
    root.mkdir()
    files = {
        "utf8.txt": (GOOD.encode(), "ok"),
        "utf8_bom.txt": (b"\xef\xbb\xbf" + GOOD.encode(), "ok"),
        "utf16.txt": (GOOD.encode("utf-16"), "ok"),
        "invalid.txt": (b"Over 60 countries \xff\xfe signed.", "error"),
        "image.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "error"),
        "empty.txt": (b"", "empty"),
        "blank.md": (b" \n\t\n", "empty"),
        "crlf.txt": (GOOD.replace("\n", "\r\n").encode(), "ok"),
        "cr.txt": (GOOD.replace("\n", "\r").encode(), "ok"),
        "shapes.txt": ("Tabs\there, a zero\u200bwidth space, 5\u00a0479 cases, \uff15\uff14\uff17\uff19 cases, "
                       "2016\u20132020, \u22123.2% and a NUL\x00 char.\n".encode(), "ok"),
        "long_line.txt": (("More than 60 countries signed. " * 4000).encode(), "ok"),
        "page.html": (b"<html><head><title>T</title><script>alert(1)</script></head>"
                      b"<body><p>Over 40 countries &amp; 3 agencies.</p><img src=x onerror=alert(1)></body></html>",
                      "ok"),
    }
    for name, (data, _) in files.items():
        (root / name).write_bytes(data)
    records = [json.dumps({"id": "r1", "text": GOOD}), "{broken json", json.dumps({"id": "r2"}),
               json.dumps({"id": "r3", "text": 42}), json.dumps({"id": "r1", "text": "Dozens of people."})]
    (root / "records.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    expected = {name.rsplit(".", 1)[0]: status for name, (_, status) in files.items()}
    expected.update({"r1": "ok", "records:2": "error", "r2": "error", "r3": "error", "r1#2": "ok"})
    return expected


@pytest.fixture(scope="module")
def messy_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("messy")
    expected = messy_folder(root / "in")
    assert main(["run", str(root / "in"), "--out", str(root / "out"), "--quiet"]) == 0
    return root, expected, load(root / "out")


def test_every_input_has_one_documents_row(messy_run):
    _, expected, tables = messy_run
    docs = tables["documents"]
    assert sorted(docs.doc_id) == sorted(expected)
    assert dict(zip(docs.doc_id, docs.status)) == expected
    errors = dict(zip(docs.doc_id, docs.error))
    assert errors["invalid"] == "invalid UTF-8 at byte 18"
    assert errors["image"] == "binary"
    assert "invalid JSON" in errors["records:2"]
    assert docs[docs.status == "ok"].error.isna().all()


def test_every_span_exact(messy_run):
    _, _, tables = messy_run
    texts = dict(zip(tables["documents"].doc_id, tables["documents"].text))
    for table in EXTRACTION_TABLES:
        for row in tables[table].itertuples():
            doc = texts[row.doc_id]
            assert 0 <= row.start_char < row.end_char <= len(doc)
            assert doc[row.start_char:row.end_char] == row.text
            assert doc[row.sentence_start_char:row.sentence_end_char] == row.sentence


def test_html_is_stored_as_visible_text(messy_run):
    _, _, tables = messy_run
    page = tables["documents"].set_index("doc_id").loc["page"]
    assert page.text == "Over 40 countries & 3 agencies."
    assert page.title == "T"


def test_line_endings_do_not_change_the_rows(messy_run):
    _, _, tables = messy_run
    for table in EXTRACTION_TABLES:
        frame = tables[table]
        base = frame[frame.doc_id == "utf8"][["text", "line", "speaker"]].reset_index(drop=True)
        for other in ("utf8_bom", "utf16", "crlf", "cr"):
            rows = frame[frame.doc_id == other][["text", "line", "speaker"]].reset_index(drop=True)
            pd.testing.assert_frame_equal(base, rows, obj=f"{table} {other}")


@pytest.mark.parametrize("name", ["utf8.txt", "shapes.txt", "page.html"])
def test_good_documents_alone_give_the_same_rows(messy_run, tmp_path, name):
    root, _, tables = messy_run
    assert main(["run", str(root / "in" / name), "--out", str(tmp_path), "--quiet"]) == 0
    alone = load(tmp_path)
    stem = name.rsplit(".", 1)[0]
    for table in TABLES:
        if table in RUN_TABLES:   # statistics span documents: another run, other statistics
            continue
        together = tables[table][tables[table].doc_id == stem].reset_index(drop=True)
        mine = alone[table].reset_index(drop=True)
        if table == "documents":
            together, mine = together.drop(columns="source"), mine.drop(columns="source")
        if table == "claims":     # the same sentence in another input file restates its figures
            together, mine = together.drop(columns="stat_id"), mine.drop(columns="stat_id")
        # check_dtype=False: a nullable int column is float64 in pandas when the other rows hold nulls
        pd.testing.assert_frame_equal(together, mine, obj=table, check_dtype=False)


def test_encoding_option_decodes_legacy_files(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "latin.txt").write_bytes("Caf\u00e9s: more than 60 countries.".encode("cp1252"))
    assert main(["run", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--quiet",
                 "--encoding", "cp1252"]) == 0
    docs = load(tmp_path / "out")["documents"]
    assert docs.text[0].startswith("Caf\u00e9s") and docs.status[0] == "ok"


def test_long_document_is_split_with_exact_offsets(monkeypatch, tmp_path):
    import claimspan.chunks as chunks
    from tests.conftest import SEEDS

    source = SEEDS / "004_98f08dcc51b62110.txt"
    assert main(["run", str(source), "--out", str(tmp_path / "whole"), "--quiet"]) == 0
    monkeypatch.setattr(chunks, "CHUNK_CHARS", 3000)
    assert main(["run", str(source), "--out", str(tmp_path / "split"), "--quiet"]) == 0
    whole, split = load(tmp_path / "whole"), load(tmp_path / "split")
    text = split["documents"].text[0]
    for table in EXTRACTION_TABLES:
        for row in split[table].itertuples():
            assert text[row.start_char:row.end_char] == row.text
            assert text[row.sentence_start_char:row.sentence_end_char] == row.sentence
    for table in TABLES:  # pieces carry the date, speakers list and acronyms forward
        a, b = whole[table], split[table]
        if table == "organizations":  # but an acronym defined further on cannot reach back
            a, b = a.drop(columns=["acronym"]), b.drop(columns=["acronym"])
        pd.testing.assert_frame_equal(a, b, obj=table)


def test_output_folder_not_writable(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    (tmp_path / "a.txt").write_text("Over 60 countries.")
    assert main(["run", str(tmp_path / "a.txt"), "--out", str(blocker / "out")]) == 2
    assert "cannot write outputs" in capsys.readouterr().err


def test_a_document_over_its_time_budget_is_an_error():
    from claimspan.batch import as_records, process_batch

    slow, quick = as_records([{"id": "slow", "text": "More than 60 countries signed. " * 20000},
                              {"id": "quick", "text": "More than 60 countries signed."}])
    (slow_doc, slow_rows), = process_batch([slow], timeout=0.001)
    assert slow_doc["status"] == "error" and "time budget" in slow_doc["error"] and slow_rows == {}
    (quick_doc, quick_rows), = process_batch([quick], timeout=60)
    assert quick_doc["status"] == "ok" and quick_rows["claims"]


@pytest.mark.parametrize("n", [309, 400, 5000])
def test_huge_numbers_are_read_never_a_failure(n):
    """Beyond a float's range (309+ digits) a number's value is inf; no test on it may raise
    (the day-of-month test once did: OverflowError), in any of the places numbers are read."""
    from claimspan.batch import as_records, process_batch

    digits = "9" * n
    shapes = ["{d} people", "about {d} people", "${d}", "{d}%", "{d} km", "May {d}", "on {d} May", "{d}-{d}",
              "between {d} and {d} pounds", "{d} of 10 Americans", "1 in {d} people", "{d} times", "{d}.5 cases",
              "1/{d}", "{d}/2", "1e{d} cases", "{d}e10 cases", "10^{d} cases", "{d} million", "{d} and a half",
              "Page {d}", "{d}. item\n{d}. item", "{d}-year-old", "in {d}", "{d} years ago", "the {d}s", "Q{d} {d}"]
    records = as_records([{"id": shape, "text": f"From 2016 to 2020, {shape.format(d=digits)} were counted."}
                          for shape in shapes])
    results = process_batch(records)
    assert {d["doc_id"]: d["error"] for d, _ in results if d["status"] != "ok"} == {}
    (people, rows), = [(d, rows) for d, rows in results if d["doc_id"] == "{d} people"]
    assert [(c["text"], c["value"], c["counted"]) for c in rows["claims"]] == [(digits, float("inf"), "people")]


def test_lone_surrogates_are_an_error_row_in_text_and_escaped_in_names(tmp_path):
    """``"\\ud800"`` is valid JSON but not UTF-8: text holding one is an error row naming where;
    an id or title holding one is kept with a backslash escape, and its document is read."""
    lines = [{"id": "text", "text": "abcde\ud800 more than 60 countries"},
             {"id": "id\udc00", "text": "More than 60 countries."},
             {"id": "title", "title": "T\ud83d", "text": "More than 60 countries."},
             {"id": "good", "text": "More than 60 countries."}]
    (tmp_path / "in.jsonl").write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="ascii")
    assert main(["run", str(tmp_path / "in.jsonl"), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    docs = load(tmp_path / "out")["documents"].set_index("doc_id")
    assert docs.loc["text", "status"] == "error"
    assert docs.loc["text", "error"] == "text has an unpaired surrogate U+D800 at character 5"
    assert docs.loc["id\\udc00", "status"] == docs.loc["good", "status"] == "ok"
    assert docs.loc["title", "title"] == "T\\ud83d"
    assert load(tmp_path / "out")["claims"].doc_id.tolist() == ["good", "id\\udc00", "title"]


def test_a_file_name_that_is_not_utf8_is_read_under_an_escaped_id(tmp_path):
    folder = os.fsencode(tmp_path / "in")
    os.mkdir(folder)
    try:
        with open(folder + b"/caf\xe9.txt", "wb") as f:
            f.write(b"More than 60 countries.")
    except OSError:
        pytest.skip("this file system refuses file names that are not UTF-8")
    assert main(["run", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    docs = load(tmp_path / "out")["documents"]
    assert docs.doc_id.tolist() == ["caf\\udce9"] and docs.status.tolist() == ["ok"]


def test_inputs_that_would_hang_or_refuse_are_rows_and_the_run_goes_on(tmp_path):
    """A FIFO (opening it blocks), a socket, a device, a corrupt Parquet file, a CSV with an
    unclosed quote and, in a folder, a table without an ``id`` column: one error row each."""
    import socket

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text("More than 60 countries signed.", encoding="utf-8")
    os.mkfifo(docs / "pipe.txt")
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(docs / "sock.txt"))
        (docs / "corrupt.parquet").write_bytes(b"PAR1 not really")
        (docs / "quote.csv").write_text('id,text\na,"never closed\nb,fine\n', encoding="utf-8")
        (docs / "columns.csv").write_text("name,text\nx,More than 60.\n", encoding="utf-8")
        (tmp_path / "fifo").mkdir()
        os.mkfifo(tmp_path / "fifo" / "named.txt")
        inputs = [str(docs), str(tmp_path / "fifo" / "named.txt"), "/dev/null"]
        assert main(["run", *inputs, "--out", str(tmp_path / "out"), "--quiet"]) == 0
    errors = load(tmp_path / "out")["documents"].set_index("doc_id").error.fillna("").to_dict()
    assert errors.pop("good") == ""
    assert errors.pop("corrupt").startswith("cannot read parquet: ")
    assert errors.pop("quote").startswith("cannot read csv: Error tokenizing data. C error: EOF inside string")
    assert errors == {"pipe": "not a regular file: FIFO", "sock": "not a regular file: socket",
                      "named": "not a regular file: FIFO", "null": "not a regular file: character device",
                      "columns": "missing column 'id'"}


def test_a_table_named_directly_without_its_id_column_is_refused(tmp_path, capsys):
    (tmp_path / "t.csv").write_text("name,text\nx,More than 60.\n", encoding="utf-8")
    assert main(["run", str(tmp_path / "t.csv"), "--out", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err == f"claimspan: error: {tmp_path / 't.csv'}: missing column 'id'\n"


def test_a_folder_that_cannot_be_listed_is_a_row(tmp_path, monkeypatch):
    """chmod 000 does not stop root, who runs CI: the refusal is the operating system's, made here."""
    (tmp_path / "docs" / "locked").mkdir(parents=True)
    (tmp_path / "docs" / "good.txt").write_text("More than 60 countries signed.", encoding="utf-8")
    locked, scandir = str(tmp_path / "docs" / "locked"), os.scandir

    def refuse(path="."):
        if os.fspath(path) == locked:
            raise PermissionError(13, "Permission denied", locked)
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refuse)
    assert main(["run", str(tmp_path / "docs"), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    docs = load(tmp_path / "out")["documents"]
    assert dict(zip(docs.doc_id, docs.error.fillna(""))) == {"good": "", "locked": "unreadable folder: Permission denied"}


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="chmod 000 does not stop root")
def test_a_folder_chmod_000_is_a_row(tmp_path):
    (tmp_path / "docs" / "locked").mkdir(parents=True)
    (tmp_path / "docs" / "good.txt").write_text("More than 60 countries signed.", encoding="utf-8")
    (tmp_path / "docs" / "locked").chmod(0)
    try:
        assert main(["run", str(tmp_path / "docs"), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    finally:
        (tmp_path / "docs" / "locked").chmod(0o755)
    docs = load(tmp_path / "out")["documents"]
    assert dict(zip(docs.doc_id, docs.error.fillna(""))) == {"good": "", "locked": "unreadable folder: Permission denied"}


def test_output_folders_are_never_read_as_inputs(tmp_path):
    """``run docs --out docs/out`` twice: the second run does not read docs/out/*.parquet, nor
    an earlier run's tables kept elsewhere under docs."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text("More than 60 countries signed.", encoding="utf-8")
    assert main(["run", str(docs), "--out", str(tmp_path / "old"), "--quiet"]) == 0
    (tmp_path / "old").rename(docs / "old")
    for _ in range(2):
        assert main(["run", str(docs), "--out", str(docs / "out"), "--quiet", "--force"]) == 0
        assert load(docs / "out")["documents"].doc_id.tolist() == ["good"]


def test_an_output_folder_named_as_input_is_refused(tmp_path, capsys):
    (tmp_path / "good.txt").write_text("More than 60 countries signed.", encoding="utf-8")
    assert main(["run", str(tmp_path / "good.txt"), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    refusal = "is an output folder (--out, or one holding claimspan's tables), not an input\n"
    for out in (tmp_path / "out", tmp_path / "other"):
        assert main(["run", str(tmp_path / "out"), "--out", str(out)]) == 2
        assert capsys.readouterr().err == f"claimspan: error: {tmp_path / 'out'}: {refusal}"
