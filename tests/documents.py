"""Small PDF and DOCX files for the reader tests, made here rather than committed as binaries.

PDFs are written with fpdf2 (test extra); callers do ``pytest.importorskip("fpdf")`` first.
"""
from __future__ import annotations

from pathlib import Path

HEADER = "Ministry of Justice - Annual report 2021"


def page_body(n: int) -> str:
    return (f"Li Xiao:\nIn 2020 the courts acquitted {n * 1000:,} defendants, about 14.6% more than in 2015.\n"
            "More than 60 countries signed.")


def expected_pdf_text(pages: int) -> str:
    """What the reader must give for ``pdf_bytes(pages)``: header, body, footer per page, form feeds between."""
    return "\f".join(f"{HEADER}\n{page_body(n)}\nPage {n} of {pages}" for n in range(1, pages + 1))


def pdf_bytes(pages: int = 3, *, title: str | None = "Annual report", password: str | None = None,
              text: bool = True) -> bytes:
    """A report with a running header and "Page N of M" footers; ``text=False`` draws only a
    rectangle on each page (what a scan looks like to a text extractor)."""
    from fpdf import FPDF

    class Report(FPDF):
        def header(self):
            if text:
                self.set_font("Helvetica", size=9)
                self.cell(text=HEADER)
                self.ln(12)

        def footer(self):
            if text:
                self.set_y(-15)
                self.set_font("Helvetica", size=9)
                self.cell(text=f"Page {self.page_no()} of {{nb}}")

    pdf = Report()
    if title:
        pdf.set_title(title)
    if password:
        pdf.set_encryption(owner_password="owner-" + password, user_password=password)
    for n in range(1, pages + 1):
        pdf.add_page()
        if text:
            pdf.set_font("Helvetica", size=12)
            pdf.multi_cell(0, 8, text=page_body(n))
        else:
            pdf.rect(20, 20, 120, 80)
    return bytes(pdf.output())


def write_pdf(path: Path, pages: int = 3, **options) -> Path:
    path.write_bytes(pdf_bytes(pages, **options))
    return path


def write_docx(path: Path, title: str | None = "Briefing") -> tuple[Path, str]:
    """A DOCX with paragraphs, a table with merged cells (across and down) and two neighbouring
    cells holding the same text, a content control, and a header and footer; and the text the
    reader must give for it."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    if title:
        document.core_properties.title = title
    section = document.sections[0]
    section.header.paragraphs[0].text = "RUNNING HEADER"
    section.footer.paragraphs[0].text = "RUNNING FOOTER"
    document.add_paragraph("Li Xiao:")
    document.add_paragraph("More than 60 countries signed the Paris Agreement on April 22, 2016.")
    table = document.add_table(rows=3, cols=3)
    cells = [["Courts", "", "Year"], ["Acquitted", "5,479", "2016-2020"], ["0", "0", ""]]
    for r, row in enumerate(cells):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    table.cell(0, 0).merge(table.cell(0, 1))    # across: python-docx repeats "Courts" in column 1
    table.cell(1, 2).merge(table.cell(2, 2))    # down: python-docx repeats "2016-2020" in row 2
    document.add_paragraph("")
    document.add_paragraph("About 14.6% more than in 2015.")
    sdt = parse_xml(f"<w:sdt {nsdecls('w')}><w:sdtContent><w:p><w:r><w:t>Inside a content control.</w:t></w:r>"
                    "</w:p></w:sdtContent></w:sdt>")
    document.element.body.insert(len(document.element.body) - 1, sdt)   # before the section properties
    document.save(path)
    expected = ("Li Xiao:\nMore than 60 countries signed the Paris Agreement on April 22, 2016.\n"
                "Courts\nYear\nAcquitted\n5,479\n2016-2020\n0\n0\n"
                "\nAbout 14.6% more than in 2015.\nInside a content control.")
    return path, expected
