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
