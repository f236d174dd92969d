"""Re-runs keep every span exact: repeated ids and changed encodings never reuse rows
computed on another text, and an incremental run equals a --force run."""
from __future__ import annotations

import json

import pandas as pd

from claimspan.io.schemas import EXTRACTION_TABLES
from claimspan.run import run
from tests.conftest import TABLES, load

JSONL = [("dup", "About 60 countries signed in 2020."), ("dup", "Longer text: more than 5,479 defendants."),
         ("dup", "x 3 y"), ("dup#2", "Some 400 cats and 12 dogs.")]
CSV = [("c1", "About 60 countries came."), ("c2", "More than 5,479 people."),
       ("c1", "In 2020, 12 judges and 300 lawyers met.")]


def write_inputs(folder, jsonl, csv):
    folder.mkdir(exist_ok=True)
    (folder / "a.jsonl").write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in jsonl),
                                    encoding="utf-8")
    (folder / "b.csv").write_text("id,text\n" + "".join(f'{i},"{t}"\n' for i, t in csv), encoding="utf-8")


def assert_exact(out):
    """Ids are unique, every row's text is its span of its own document's text."""
    tables = load(out)
    docs = tables["documents"]
    assert docs.doc_id.is_unique and list(docs.doc_id) == sorted(docs.doc_id)
    texts = dict(zip(docs.doc_id, docs.text))
    for table in EXTRACTION_TABLES:
        for row in tables[table].itertuples():
            assert texts[row.doc_id][row.start_char:row.end_char] == row.text, (table, row.doc_id)
    return tables


def assert_same_as_force(inputs, out, fresh, **options):
    run(inputs, fresh, workers=1, force=True, **options)
    for table in TABLES:
        pd.testing.assert_frame_equal(load(out)[table], load(fresh)[table], obj=table)


def test_repeated_ids_are_kept_apart_across_re_runs(tmp_path):
    src = tmp_path / "in"
    write_inputs(src, JSONL, CSV)
    report = run([src], tmp_path / "out", workers=1)
    docs = assert_exact(tmp_path / "out")["documents"]
    assert sorted(docs.text) == sorted(t for _, t in JSONL + CSV)   # each input once, none under two ids
    assert dict(zip(docs.doc_id, docs.text))["dup#2"] == "Some 400 cats and 12 dogs."   # its own id
    assert len(report.renamed) == 3

    # The same texts in another order: each id now names another text.
    write_inputs(src, JSONL[::-1], CSV[::-1])
    run([src], tmp_path / "out", workers=1)
    assert_exact(tmp_path / "out")
    assert_same_as_force([src], tmp_path / "out", tmp_path / "fresh")


def test_another_encoding_extracts_again_and_spans_stay_exact(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    # cp1252 bytes that other codecs also decode: as latin-1 the euro sign is another
    # character; as gb18030 "és" is one character, and every later offset moves.
    (src / "meals.txt").write_bytes("Cafés sold 5,479 meals to 60 countries in 2020.".encode("cp1252"))
    (src / "money.txt").write_bytes("They raised €5 million for 12 schools in 2019.".encode("cp1252"))
    out = tmp_path / "out"
    lengths = set()
    for encoding, reused in (("cp1252", 0), ("cp1252", 2), ("latin-1", 0), ("gb18030", 0), ("cp1252", 0)):
        report = run([src], out, workers=1, encoding=encoding)
        assert report.reused == reused, encoding
        docs = assert_exact(out)["documents"].set_index("doc_id")
        lengths.add(docs.n_chars["meals"])
    assert docs.text["money"] == "They raised €5 million for 12 schools in 2019."
    assert len(lengths) == 2   # the offsets did move
    assert_same_as_force([src], out, tmp_path / "fresh", encoding="cp1252")


def test_a_text_read_otherwise_from_the_same_bytes_is_extracted_again(tmp_path):
    """Renamed from .txt to .html: same id, same bytes (sha256), another text."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("<p>About <b>60</b> countries signed in 2020.</p>\n", encoding="utf-8")
    run([src], tmp_path / "out", workers=1)
    (src / "a.txt").rename(src / "a.html")
    assert run([src], tmp_path / "out", workers=1).reused == 0
    assert assert_exact(tmp_path / "out")["documents"].text[0].startswith("About 60")
    assert_same_as_force([src], tmp_path / "out", tmp_path / "fresh")


def test_another_reader_version_reuses_nothing(tmp_path, monkeypatch):
    import claimspan.run as run_module

    src = tmp_path / "in"
    write_inputs(src, JSONL, CSV)
    run([src], tmp_path / "out", workers=1)
    assert run([src], tmp_path / "out", workers=1).reused == 7
    monkeypatch.setattr(run_module, "READER_VERSION", "next")
    assert run([src], tmp_path / "out", workers=1).reused == 0


def test_an_id_two_earlier_documents_shared_is_not_reused(tmp_path):
    """Outputs of a version that let two documents share an id: neither is reused."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    src = tmp_path / "in"
    write_inputs(src, JSONL, CSV)
    run([src], tmp_path / "out", workers=1)
    path = (tmp_path / "out" / "documents.parquet").resolve()
    docs = pq.read_table(path)
    shared = docs.filter(pa.compute.equal(docs["doc_id"], "c2"))
    pq.write_table(pa.concat_tables([docs, shared]).sort_by("doc_id"), path)
    assert run([src], tmp_path / "out", workers=1).reused == 6
    assert_exact(tmp_path / "out")
