"""``claimspan report``: the run's outputs as one self-contained HTML page.

Per document, its text with every row of the four extraction tables
highlighted (one colour per table, nested where spans overlap; see markup.py)
and the transcript's turn labels; above them, every claim in a sortable,
filterable table whose rows scroll to their span, and the statistics stated
more than once with their claims' sentences side by side (statistics_view.py). Nothing is fetched from the network:
the CSS and script are inline (assets.py), the rows' attributes travel as JSON
in a ``<script type="application/json">`` that the browser never executes.
Every string from the outputs is escaped on the way in.
"""
from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path

import pandas as pd

from claimspan.io.schemas import EXTRACTION_TABLES, SPAN_FIELDS
from claimspan.layout import editor_debris
from claimspan.review import assets
from claimspan.review.claims_table import claims_table
from claimspan.review.markup import Span, render
from claimspan.review.statistics_view import statistics_section, summary
from claimspan.review.tables import display, load_tables

LABELS = {"claims": "numeric claim", "dates": "date", "organizations": "organization",
          "resolutions": "resolution / instrument"}
# Span columns a reviewer does not need in the tooltip: the span itself is on screen.
_HIDDEN = {f.name for f in SPAN_FIELDS} - {"speaker", "line"} | {"counted_start_char", "counted_end_char"}


def write_report(out_dir, html_path) -> Path:
    """Read the tables in ``out_dir`` and write the page to ``html_path``."""
    page = build_html(load_tables(out_dir), title=f"claimspan report: {Path(out_dir).name}")
    path = Path(html_path)
    path.write_text(page, encoding="utf-8")
    return path


def build_html(tables: dict[str, pd.DataFrame], title: str = "claimspan report") -> str:
    docs = tables["documents"]
    counts = {t: len(tables[t]) for t in EXTRACTION_TABLES}
    # Rows grouped by document once: a scan per document would be quadratic on big runs.
    by_doc = {t: tables[t].groupby("doc_id", sort=False).indices for t in (*EXTRACTION_TABLES, "speakers")}
    sections = "\n".join(_document_section(doc, tables, by_doc) for doc in docs.itertuples(index=False))
    return assets.PAGE.format(
        title=escape(title),
        css=assets.CSS,
        script=assets.SCRIPT,
        summary=_summary(docs, counts, tables.get("statistics")),
        legend=_legend(counts),
        toc=_toc(docs),
        claims=claims_table(tables["claims"]),
        statistics=statistics_section(tables),
        documents=sections,
        data=_json_script(_attributes(tables)),
    )


def _summary(docs: pd.DataFrame, counts: dict[str, int], statistics: pd.DataFrame | None) -> str:
    text = escape(f"{len(docs)} documents · " + " · ".join(f"{n} {t}" for t, n in counts.items()))
    if statistics is None:   # outputs written before the statistics table
        return text
    return text + f' · <a href="#statistics-section">{escape(summary(statistics))}</a>'


def _legend(counts: dict[str, int]) -> str:
    items = [f'<label class="key t-{t}"><input type="checkbox" checked data-toggle="{t}"> '
             f'<span class="swatch"></span>{escape(LABELS[t])} ({n})</label>' for t, n in counts.items()]
    return "".join(items) + '<span class="key"><span class="turn">Name:</span> speaker turn</span>'


def _toc(docs: pd.DataFrame) -> str:
    links = [f'<li><a href="#doc-{_anchor(d.doc_id)}">{escape(str(d.doc_id))}</a> '
             f'{escape(display(d.title) or "")}</li>' for d in docs.itertuples(index=False)]
    return "<ol>" + "".join(links) + "</ol>"


def _anchor(doc_id) -> str:
    """A fragment-safe id for a document, unique because doc ids are."""
    return re.sub(r"[^A-Za-z0-9_-]", lambda m: f".{ord(m.group()):x}.", str(doc_id))


def _document_section(doc, tables: dict[str, pd.DataFrame], by_doc: dict[str, dict]) -> str:
    meta = " · ".join(escape(v) for v in (display(doc.doc_date), display(doc.title), doc.status) if v)
    head = (f'<section class="doc" id="doc-{_anchor(doc.doc_id)}" data-doc="{escape(str(doc.doc_id))}">'
            f"<h2>{escape(str(doc.doc_id))}</h2><p class=\"meta\">{meta}</p>")
    if not isinstance(doc.text, str):
        return head + f'<p class="error">{escape(display(doc.error) or "no text")}</p></section>'
    spans = _spans(doc.doc_id, tables, by_doc) + _turns(doc.doc_id, doc.text, tables["speakers"], by_doc)
    return head + f'<div class="text">{render(doc.text, spans)}</div></section>'


def _spans(doc_id, tables: dict[str, pd.DataFrame], by_doc: dict[str, dict]) -> list[Span]:
    spans = []
    for table in EXTRACTION_TABLES:
        rows = by_doc[table].get(doc_id, [])
        frame = tables[table].iloc[rows]
        for i, start, end in zip(frame.index, frame["start_char"], frame["end_char"]):
            key = f"{table}-{i}"
            spans.append(Span(int(start), int(end), "mark", {
                "class": f"hl t-{table}", "id": key, "data-key": key, "data-table": table, "tabindex": "0"}))
    return spans


def _turns(doc_id, text: str, speakers: pd.DataFrame, by_doc: dict[str, dict]) -> list[Span]:
    """The ``Name:`` labels of the document's transcript turns (SPEC.md, speakers)."""
    names = sorted(set(speakers["name"].iloc[by_doc["speakers"].get(doc_id, [])]), key=len, reverse=True)
    if not names:
        return []
    # Editor debris before a label does not hide the turn (SPEC.md), so it may precede the name.
    debris = editor_debris().pattern
    label = re.compile(r"^(?:%s)*[ \t]*((?:%s)[ \t]*:)" % (debris, "|".join(map(re.escape, names))), re.MULTILINE)
    return [Span(m.start(1), m.end(1), "span", {"class": "turn", "data-speaker": m.group(1).rstrip(": \t")})
            for m in label.finditer(text)]


def _attributes(tables: dict[str, pd.DataFrame]) -> dict[str, list]:
    """Every highlight's attributes, keyed like its element: ``{key: [table, [[column, value]...]]}``."""
    data = {}
    for table in EXTRACTION_TABLES:
        frame = tables[table]
        columns = [c for c in frame.columns if c not in _HIDDEN]
        for i, values in zip(frame.index, frame[columns].itertuples(index=False, name=None)):
            fields = [[c, v] for c, v in zip(columns, map(display, values)) if v is not None]
            data[f"{table}-{i}"] = [table, fields]
    return data


def _json_script(data) -> str:
    """JSON safe inside ``<script>``: no ``<`` at all, so no ``</script>`` or ``<!--`` can end it early."""
    payload = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
    payload = payload.replace("&", "\\u0026").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f'<script type="application/json" id="attributes">{payload}</script>'
