"""A folder of real documents: PDF and DOCX read, unreadable ones explained, other file types listed as
skipped; re-runs reuse them; the Dask engine reads them too."""
from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from claimspan.cli import main, print_summary
from claimspan.io.readers import KINDS
from claimspan.io.schemas import EXTRACTION_TABLES
from claimspan.run import RunReport, run
from tests.conftest import TABLES, load
from tests.documents import expected_pdf_text, pdf_bytes, write_docx, write_pdf

pytest.importorskip("fpdf", reason="fpdf2 makes the test PDFs (pip install -e '.[test]')")

EXPECTED = {"report": "ok", "brief": "ok", "notes": "ok", "scan": "error", "locked": "error", "broken": "error",
            "chart.png": "skipped", "figures.xlsx": "skipped"}


def real_folder(root):
    root.mkdir()
    write_pdf(root / "report.pdf", 3)
    write_pdf(root / "scan.pdf", 2, text=False)
    write_pdf(root / "locked.pdf", 1, password="secret")
    (root / "broken.pdf").write_bytes(pdf_bytes(2)[:-40])
    write_docx(root / "brief.docx")
    (root / "notes.txt").write_text("The UN said 1,200 households were surveyed in 2019.\n", encoding="utf-8")
    (root / "chart.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(16))
    (root / "figures.xlsx").write_bytes(b"PK\x03\x04" + bytes(16))
    return root


@pytest.fixture(scope="module")
def real_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("real")
    real_folder(root / "in")
    return root


def test_every_file_has_a_documents_row(real_run, capsys):
    assert main(["run", str(real_run / "in"), "--out", str(real_run / "out"), "--workers", "1"]) == 0
    summary = capsys.readouterr().out
    assert "8 documents read (3 error, 3 ok, 2 skipped)" in summary
    assert "skipped 2 file(s) of unsupported types: chart.png, figures.xlsx" in summary
    assert "error: scan: no text layer (scanned PDF?)" in summary and "error: locked: encrypted PDF" in summary
    docs = load(real_run / "out")["documents"].set_index("doc_id")
    assert dict(docs.status) == EXPECTED
    assert docs.loc["report", "text"] == expected_pdf_text(3) and docs.loc["report", "n_pages"] == 3
    assert docs.loc["scan", "n_pages"] == 2
    assert docs.n_pages.drop(["report", "scan"]).isna().all()
    assert docs.loc["figures.xlsx", "error"].startswith("unsupported file type '.xlsx'")
    assert pq.read_schema(real_run / "out" / "documents.parquet").field("n_pages").type == pa.int32()


def test_pdf_and_docx_rows_are_exact_spans(real_run):
    tables = load(real_run / "out")
    texts = dict(zip(tables["documents"].doc_id, tables["documents"].text))
    claims = tables["claims"]
    assert set(claims[claims.doc_id == "report"].text) >= {"1,000", "2,000", "3,000", "about 14.6%"}
    assert set(claims[claims.doc_id == "brief"].text) >= {"More than 60", "About 14.6%"}
    for table in EXTRACTION_TABLES:
        for row in tables[table].itertuples():
            assert texts[row.doc_id][row.start_char:row.end_char] == row.text


def test_rerun_reuses_pdf_and_docx_and_equals_a_fresh_run(real_run, tmp_path):
    again = run([real_run / "in"], real_run / "out", workers=1)
    assert again.reused == 3 and again.statuses == {"ok": 3, "error": 3, "skipped": 2}
    assert again.skipped == ["chart.png", "figures.xlsx"]
    run([real_run / "in"], tmp_path / "fresh", workers=1, force=True)
    for table in TABLES:
        pd.testing.assert_frame_equal(load(real_run / "out")[table], load(tmp_path / "fresh")[table], obj=table)


def test_a_folder_of_unsupported_files_only_is_a_failure(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "chart.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    assert main(["run", str(tmp_path / "in"), "--out", str(tmp_path / "out")]) == 1
    assert "1 documents read (1 skipped)" in capsys.readouterr().out


def test_help_lists_every_format(capsys):
    with pytest.raises(SystemExit):
        main(["run", "--help"])
    helptext = " ".join(capsys.readouterr().out.split())
    assert all(suffix in helptext.split() for suffix in KINDS)


def test_summary_names_a_few_skipped_files_and_counts_the_rest(tmp_path, capsys):
    report = RunReport(tmp_path, documents=13, statuses={"ok": 1, "skipped": 12},
                       skipped=[f"img{n:02d}.png" for n in range(12)])
    print_summary(report)
    assert ("skipped 12 file(s) of unsupported types: img00.png, img01.png, img02.png, img03.png, img04.png, "
            "img05.png, img06.png, img07.png, img08.png, img09.png and 2 more") in capsys.readouterr().out


@pytest.mark.slow
def test_dask_engine_reads_pdf_and_docx(real_run, tmp_path):
    pytest.importorskip("distributed", reason="dask[distributed] is in the test extra")
    local = run([real_run / "in"], tmp_path / "local", workers=1, force=True)
    report = run([real_run / "in"], tmp_path / "dask", engine="dask", workers=1)
    assert report.statuses == local.statuses and report.rows == local.rows
    assert report.skipped == local.skipped
    for table in TABLES:
        pd.testing.assert_frame_equal(load(tmp_path / "local")[table],
                                      pd.read_parquet(tmp_path / "dask" / f"{table}.parquet"), obj=table)
