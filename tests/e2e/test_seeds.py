"""The seeds end to end: spans exact in every table, schemas as specified, runs deterministic."""
from __future__ import annotations

import json
import subprocess
import sys

import pyarrow.parquet as pq

from claimspan.io.schemas import EXTRACTION_TABLES, TABLES, schema
from tests.conftest import SEEDS, SHARED, load, needs_shared


def test_every_span_is_exact(seeds_out):
    tables = load(seeds_out)
    texts = dict(zip(tables["documents"].doc_id, tables["documents"].text))
    assert len(texts) == len(list(SEEDS.glob("*.txt")))
    checked = 0
    for table in EXTRACTION_TABLES:
        for row in tables[table].itertuples():
            doc = texts[row.doc_id]
            assert 0 <= row.start_char < row.end_char <= len(doc), (table, row)
            assert row.text == doc[row.start_char:row.end_char], (table, row)
            assert row.sentence == doc[row.sentence_start_char:row.sentence_end_char], (table, row)
            assert row.sentence_start_char <= row.start_char and row.end_char <= row.sentence_end_char
            assert row.line == doc.count("\n", 0, row.start_char) + 1
            checked += 1
    for row in tables["speakers"].itertuples():
        assert texts[row.doc_id][row.first_char:].startswith(row.name)
    assert checked + len(tables["speakers"]) > 0


def test_tables_have_the_spec_schema(seeds_out):
    for table in TABLES:
        file_schema = pq.read_schema(seeds_out / f"{table}.parquet")
        assert file_schema.remove_metadata().equals(schema(table).remove_metadata()), table
        meta = file_schema.metadata
        assert {b"pipeline_version", b"rules_sha256", b"spacy_version", b"model"} <= set(meta)


def test_rows_sorted_by_doc_and_start(seeds_out):
    for table, frame in load(seeds_out).items():
        if table in EXTRACTION_TABLES and len(frame):
            keys = list(zip(frame.doc_id, frame.start_char))
            assert keys == sorted(keys), table


def test_speaker_on_transcript_rows(seeds_blank):
    tables = load(seeds_blank)
    turns = tables["speakers"]
    speakers_004 = set(turns[turns.doc_id == "004_98f08dcc51b62110"].name)
    assert {"Shou Xiaoli", "Li Xiao", "CGTN"} <= speakers_004
    for table in EXTRACTION_TABLES:
        frame = tables[table]
        in_003 = frame[frame.doc_id == "003_ff19ebb338e82873"]
        assert in_003.speaker.isna().all(), f"003 is not a transcript ({table})"


def test_same_input_same_rows(seeds_blank, tmp_path):
    from claimspan.run import run

    run([SEEDS], tmp_path)
    first, again = load(seeds_blank), load(tmp_path)
    for table in TABLES:
        assert first[table].equals(again[table]), table


def test_document_dates_from_metadata(seeds_blank):
    docs = load(seeds_blank)["documents"].set_index("doc_id")
    assert str(docs.loc["004_98f08dcc51b62110", "doc_date"]) == "2021-05-31"
    assert set(docs.doc_date_source) == {"input"}
    assert docs.title.notna().all()


@needs_shared
def test_speakers_match_gold(seeds_out):
    result = subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"), str(seeds_out),
                             "--tables", "speakers", "--json"], capture_output=True, text=True, check=True)
    (speakers,) = json.loads(result.stdout)
    assert speakers["f1"] == 1.0, speakers
