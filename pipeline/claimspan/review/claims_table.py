"""The report's table of every claim across documents, rendered on the server.

Each row carries what the filters need as data attributes (document, speaker,
kind, checkworthy) and the id of its highlight; sorting, filtering and the
jump to the span are done by the page's script (assets.SCRIPT).
"""
from __future__ import annotations

from html import escape

import pandas as pd

from claimspan.review.tables import display

# (header, column, sort type): "num" sorts by the cell's data-sort value.
COLUMNS = [("document", "doc_id", "text"), ("line", "line", "num"), ("speaker", "speaker", "text"),
           ("claim", "text", "text"), ("kind", "kind", "text"), ("value", "value", "num"),
           ("unit", "unit", "text"), ("qualifier", "qualifier", "text"), ("counted", "counted", "text"),
           ("period", "period_text", "text"), ("checkworthy", "checkworthy", "text"),
           ("sentence", "sentence", "text")]


def claims_table(claims: pd.DataFrame) -> str:
    return _filters(claims) + (
        '<div class="claims-box"><table id="claims"><thead><tr>'
        + "".join(f'<th data-type="{kind}" tabindex="0">{escape(head)}</th>' for head, _, kind in COLUMNS)
        + "</tr></thead><tbody>" + "".join(_row(i, row) for i, row in claims.iterrows()) + "</tbody></table></div>")


def _row(i, row) -> str:
    data = {"data-target": f"claims-{i}", "data-doc": row["doc_id"], "data-speaker": display(row["speaker"]) or "",
            "data-kind": row["kind"], "data-checkworthy": display(bool(row["checkworthy"]))}
    attrs = "".join(f' {k}="{escape(str(v))}"' for k, v in data.items())
    cells = []
    for _, column, kind in COLUMNS:
        shown = display(row[column]) or ""
        sort = f' data-sort="{float(row[column])!r}"' if kind == "num" and shown else ""
        # The sentence is clamped to two lines by CSS; its div keeps the full text searchable.
        inner = f"<div>{escape(shown)}</div>" if column == "sentence" else escape(shown)
        cells.append(f"<td{sort}>{inner}</td>")
    return f'<tr tabindex="0"{attrs}>' + "".join(cells) + "</tr>"


def _filters(claims: pd.DataFrame) -> str:
    return ('<div class="filters">'
            + _select("doc", "document", claims["doc_id"])
            + _select("speaker", "speaker", claims["speaker"].fillna(""))
            + _select("kind", "kind", claims["kind"])
            + _select("checkworthy", "checkworthy", claims["checkworthy"].map(lambda v: display(bool(v))))
            + '<label>search <input type="search" id="f-search" placeholder="text, counted, sentence…"></label>'
            + '<span id="shown"></span></div>')


def _select(name: str, label: str, values: pd.Series) -> str:
    options = "".join(f'<option value="{escape(v)}">{escape(v or "(none)")}</option>'
                      for v in sorted(set(map(str, values))))
    select = f'<select id="f-{name}" data-filter="{name}"><option value="*">all</option>{options}</select>'
    return f"<label>{escape(label)} {select}</label>"
