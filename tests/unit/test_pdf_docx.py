"""PDF and DOCX inputs: the text, its pages, the title, and a reason for every file that cannot be read."""
from __future__ import annotations

import gc
import hashlib

import pytest

from claimspan.io.readers import read_inputs
from tests.documents import HEADER, expected_pdf_text, pdf_bytes, write_docx, write_pdf


@pytest.fixture
def fpdf():
    return pytest.importorskip("fpdf", reason="fpdf2 makes the test PDFs (pip install -e '.[test]')")


@pytest.mark.parametrize("pages", [1, 3])
def test_pdf_pages_are_joined_with_form_feeds(tmp_path, fpdf, pages):
    path = write_pdf(tmp_path / "report.pdf", pages)
    (record,) = read_inputs([path])
    assert (record.doc_id, record.status, record.error) == ("report", "ok", None)
    assert record.text == expected_pdf_text(pages)   # running header and "Page N of M" footers kept
    assert record.n_pages == pages and record.text.count("\f") == pages - 1
    assert "\r" not in record.text
    assert all(page.startswith(HEADER) and page == page.rstrip() for page in record.text.split("\f"))
    assert record.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert record.title == "Annual report"


def test_pdf_title_from_metadata_csv_wins_and_none_without_either(tmp_path, fpdf):
    write_pdf(tmp_path / "titled.pdf", 1)
    write_pdf(tmp_path / "untitled.pdf", 1, title=None)
    (tmp_path / "metadata.csv").write_text("stem,date,title\ntitled,2021-05-31,From the CSV\n", encoding="utf-8")
    records = {r.doc_id: r for r in read_inputs([tmp_path])}
    assert (records["titled"].title, records["titled"].date) == ("From the CSV", "2021-05-31")
    assert records["untitled"].title is None


@pytest.mark.parametrize("options, cut, reason, n_pages", [
    ({"text": False}, None, "no text layer (scanned PDF?)", 2),
    ({"password": "secret"}, None, "encrypted PDF", None),
    ({}, 300, "corrupt PDF: Failed to load document (PDFium: Data format error).", None),
    ({}, -40, "corrupt PDF: Failed to load document (PDFium: Data format error).", None),
])
def test_unreadable_pdfs_are_error_records(tmp_path, fpdf, options, cut, reason, n_pages):
    data = pdf_bytes(2, **options)
    (tmp_path / "bad.pdf").write_bytes(data[:cut] if cut else data)
    (tmp_path / "good.pdf").write_bytes(pdf_bytes(2))
    bad, good = read_inputs([tmp_path])
    assert (bad.status, bad.error, bad.text, bad.n_pages) == ("error", reason, None, n_pages)
    assert bad.sha256 == hashlib.sha256(data[:cut] if cut else data).hexdigest()
    assert good.status == "ok" and good.n_pages == 2


def test_a_pdf_only_the_owner_password_protects_is_read(tmp_path, fpdf):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_encryption(owner_password="owner")   # no user password: anyone may open it
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(text="More than 60 countries signed.")
    (tmp_path / "open.pdf").write_bytes(bytes(pdf.output()))
    (record,) = read_inputs([tmp_path / "open.pdf"])
    assert (record.status, record.text) == ("ok", "More than 60 countries signed.")


def test_pdf_documents_are_closed(tmp_path, fpdf):
    """Every PdfDocument, page and text page is closed when the record is made (no handles left
    for the garbage collector, which is when pypdfium2 would warn about them)."""
    import pypdfium2

    write_pdf(tmp_path / "a.pdf", 3)
    opened = []
    real = pypdfium2.PdfDocument

    class Spy(real):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            opened.append(self)

    pypdfium2.PdfDocument = Spy
    try:
        (record,) = read_inputs([tmp_path / "a.pdf"])
    finally:
        pypdfium2.PdfDocument = real
    gc.collect()
    assert record.status == "ok" and len(opened) == 1
    assert opened[0].raw is None   # pypdfium2 drops the handle on close()


def test_docx_body_paragraphs_and_tables_in_order(tmp_path):
    path, expected = write_docx(tmp_path / "brief.docx")
    (record,) = read_inputs([path])
    assert (record.doc_id, record.status, record.title, record.n_pages) == ("brief", "ok", "Briefing", None)
    assert record.text == expected
    assert "RUNNING HEADER" not in record.text and "RUNNING FOOTER" not in record.text
    assert record.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("data, reason", [
    (b"PK\x03\x04 truncated", "corrupt DOCX: File is not a zip file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64),
     "corrupt DOCX: an OLE2 file, not a zip (password-protected, or a .doc renamed)"),
])
def test_unreadable_docx_is_an_error_record(tmp_path, data, reason):
    (tmp_path / "bad.docx").write_bytes(data)
    (record,) = read_inputs([tmp_path / "bad.docx"])
    assert (record.status, record.error, record.n_pages) == ("error", reason, None)


def test_a_zip_that_is_not_a_word_file(tmp_path):
    import zipfile

    with zipfile.ZipFile(tmp_path / "sheet.docx", "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    (record,) = read_inputs([tmp_path / "sheet.docx"])
    assert record.status == "error" and record.error.startswith("corrupt DOCX: ")
