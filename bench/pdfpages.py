"""PDF benchmark (not a test): pages per second read, and through a whole run.

    python bench/pdfpages.py [--pages 200] [--per-file 10] [--json]

Lays the seeds' text out as PDF pages with fpdf2 (a running header and a
"Page N of M" footer on each, PAGES pages in files of PER_FILE pages), then
measures, in pages per second:
  read_pages_per_second  claimspan's reader (pypdfium2 text layer, sha256, the records)
  run_pages_per_second   ``claimspan run`` on the folder, one worker, in this process
and, when they are installed (they are not dependencies), the text extraction
of the same files by the readers pypdfium2 was chosen over:
  pypdf_pages_per_second, pdfminer_pages_per_second.
Needs fpdf2 (bench and test extras).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINES_PER_PAGE = 48


def seed_lines(width: int = 95) -> list[str]:
    """The seeds' lines, wrapped to a page's width, in Latin-1 (fpdf2's core fonts)."""
    lines = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8").encode("latin-1", "replace").decode("latin-1")
        for line in text.splitlines():
            lines += textwrap.wrap(line, width) or [""]
    return lines


def make_pdfs(folder: Path, pages: int, per_file: int) -> int:
    from fpdf import FPDF

    class Report(FPDF):
        def header(self):
            self.set_font("Helvetica", size=8)
            self.cell(text="Press briefing transcripts - State Council Information Office")
            self.ln(8)

        def footer(self):
            self.set_y(-12)
            self.set_font("Helvetica", size=8)
            self.cell(text=f"Page {self.page_no()} of {{nb}}")

    lines, at, chars = seed_lines(), 0, 0
    for first in range(0, pages, per_file):
        pdf = Report()
        pdf.set_auto_page_break(False)
        for _ in range(min(per_file, pages - first)):
            pdf.add_page()
            pdf.set_font("Helvetica", size=9)
            for _ in range(LINES_PER_PAGE):
                line = lines[at % len(lines)]
                at += 1
                chars += len(line) + 1
                if line:
                    pdf.cell(text=line)
                pdf.ln(5)
        pdf.output(str(folder / f"report-{first // per_file:03d}.pdf"))
    return chars


def per_second(pages: int, fn) -> float:
    start = time.perf_counter()
    fn()
    return round(pages / (time.perf_counter() - start), 1)


def read_all(folder: Path):
    from claimspan.io.readers import read_inputs

    records = list(read_inputs([folder]))
    assert all(r.status == "ok" for r in records), [(r.doc_id, r.error) for r in records if r.status != "ok"]


def peers(files: list[Path]) -> dict:
    """Text extraction by pypdf and pdfminer.six, if installed."""
    out = {}
    if importlib.util.find_spec("pypdf"):
        from pypdf import PdfReader

        out["pypdf"] = lambda: [page.extract_text() for f in files for page in PdfReader(f).pages]
    if importlib.util.find_spec("pdfminer"):
        from pdfminer.high_level import extract_text

        out["pdfminer"] = lambda: [extract_text(f) for f in files]
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=200)
    ap.add_argument("--per-file", type=int, default=10)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    from claimspan.run import run

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pdfs"
        folder.mkdir()
        chars = make_pdfs(folder, args.pages, args.per_file)
        files = sorted(folder.glob("*.pdf"))
        res = {"pages": args.pages, "files": len(files), "chars_per_page": round(chars / args.pages),
               "read_pages_per_second": per_second(args.pages, lambda: read_all(folder))}
        run([folder], Path(tmp) / "warm", workers=1)   # the pipeline is built once per process: not timed
        report = {}
        res["run_pages_per_second"] = per_second(
            args.pages, lambda: report.update(r=run([folder], Path(tmp) / "out", workers=1, force=True)))
        res["run_rows"] = report["r"].rows
        for name, fn in peers(files).items():
            res[f"{name}_pages_per_second"] = per_second(args.pages, fn)
    print(json.dumps(res) if args.json else json.dumps(res, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
