"""The text of PDF and DOCX files (bytes in, ``Extracted`` out; readers.py makes the record).

PDF, with pypdfium2 (PDFium, in its wheel): every page's text layer, ``\\r\\n``
made ``\\n`` and the page's trailing whitespace dropped, pages joined with a form
feed, so that ``text.count("\\f") == n_pages - 1`` and a page is found from an
offset without another table. Running headers and footers stay in the text (the
pipeline masks them from the rules); nothing else is rewritten.

DOCX, with python-docx: the body's paragraphs and tables in document order, a
line each (a table: a line per cell, row by row); headers, footers, footnotes
and comments are left out.
"""
from __future__ import annotations

import io
import threading
from typing import Iterator, NamedTuple

# PDFium may not be called from two threads at once, not even on different documents
# (a Dask worker may run several tasks in threads).
_PDFIUM = threading.Lock()
OLE_MAGIC = b"\xd0\xcf\x11\xe0"
NO_TEXT_LAYER = "no text layer (scanned PDF?)"


class Extracted(NamedTuple):
    text: str | None
    title: str | None = None
    n_pages: int | None = None
    error: str | None = None


def pdf_text(data: bytes) -> Extracted:
    """The pages of a PDF, joined with ``\\f``; its Title; or why it cannot be read.

    >>> pdf_text(b"%PDF-1.4 truncated").error
    'corrupt PDF: Failed to load document (PDFium: Data format error).'
    """
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    with _PDFIUM:
        try:
            pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            if _encrypted(exc, pdfium_c):
                return Extracted(None, error="encrypted PDF")
            return Extracted(None, error=f"corrupt PDF: {exc}")
        try:
            pages = [_page_text(page) for page in pdf]
            title = _clean(pdf.get_metadata_value("Title"))
        except Exception as exc:  # noqa: BLE001  a broken page must not stop the run
            return Extracted(None, error=f"corrupt PDF: {exc}")
        finally:
            pdf.close()
    if not pages:
        return Extracted(None, title, 0, "PDF has no pages")
    if not any(page.strip() for page in pages):
        return Extracted(None, title, len(pages), NO_TEXT_LAYER)
    return Extracted("\f".join(pages), title, len(pages))


def _encrypted(exc, pdfium_c) -> bool:
    """A password is needed, or the encryption is of a kind PDFium does not know. pypdfium2 4
    names PDFium's error only in the message; 5 also gives its code."""
    codes = (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY)
    names = ("Incorrect password error", "Unsupported security scheme error")
    return getattr(exc, "err_code", None) in codes or any(name in str(exc) for name in names)


def _page_text(page) -> str:
    try:
        textpage = page.get_textpage()
        try:
            return textpage.get_text_range().replace("\r\n", "\n").rstrip()
        finally:
            textpage.close()
    finally:
        page.close()


def docx_text(data: bytes) -> Extracted:
    """The body of a DOCX file, a line per paragraph and per table cell; its title.

    >>> docx_text(b"PK\\x03\\x04 not really a zip").error
    'corrupt DOCX: File is not a zip file'
    """
    import docx

    if data.startswith(OLE_MAGIC):  # what Word writes for a password-protected file, and what .doc is
        return Extracted(None, error="corrupt DOCX: an OLE2 file, not a zip (password-protected, or a .doc renamed)")
    try:
        document = docx.Document(io.BytesIO(data))
        lines = list(_lines(document.element.body, document))
        title = _clean(document.core_properties.title)
    except Exception as exc:  # noqa: BLE001  zipfile, lxml and python-docx each raise their own
        return Extracted(None, error=f"corrupt DOCX: {exc}")
    return Extracted("\n".join(lines), title)


def _lines(container, parent) -> Iterator[str]:
    """Paragraphs and tables under a body, a cell or a content control, in document order."""
    from docx.oxml.ns import qn
    from docx.table import Table

    for child in container.iterchildren():
        if child.tag == qn("w:p"):
            yield child.text  # runs and hyperlinks, w:tab as \t, w:br as \n
        elif child.tag == qn("w:tbl"):
            yield from _table_lines(Table(child, parent))
        elif child.tag == qn("w:sdt"):  # content controls: cover pages, tables of contents
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _lines(content, parent)


def _table_lines(table) -> Iterator[str]:
    """Each cell's lines, row by row. python-docx repeats a merged cell in every grid
    position it covers (across columns, and down the rows of a vertical merge): each
    cell is read once, by identity, so that two neighbouring cells that merely hold the
    same text both stay. Blank lines in a cell are left out (empty cells, and the empty
    paragraph a merge leaves): a blank line would end a paragraph in the middle of a table."""
    seen = set()
    for row in table.rows:
        for cell in row.cells:
            if cell._tc not in seen:
                seen.add(cell._tc)
                yield from (line for line in _lines(cell._tc, cell) if line.strip())


def _clean(value) -> str | None:
    value = (value or "").strip()
    return value or None
