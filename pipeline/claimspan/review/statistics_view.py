"""The report's statistics view: each figure that two or more claims state, with their sentences.

The inconsistent statistics come first, marked, then the most restated
(tables.statistics_in_order). Under each, one row per claim, in document-date
order so a running toll reads as it grew: its document and date, its value and
qualifier, and its sentence with the claim highlighted. A row links to the
claim's highlight in the documents below (``#claims-<row>``, the id the claims
table jumps to), and the page's script makes a click on it do what a click in
the claims table does. Outputs written before the statistics table have no
view; a run where no figure is restated says so.
"""
from __future__ import annotations

from html import escape

import pandas as pd

from claimspan.review.markup import Span, render
from claimspan.review.tables import display, statistics_in_order, value_range

HEADERS = ("document", "date", "value", "qualifier", "sentence")


def statistics_section(tables: dict[str, pd.DataFrame]) -> str:
    if "statistics" not in tables:
        return ""
    statistics = tables["statistics"]
    head = '<section id="statistics-section"><h2>Statistics stated more than once</h2>'
    if statistics.empty:
        return head + '<p class="meta">No figure is stated by more than one claim in this run.</p></section>'
    claims = tables["claims"]
    members = claims.groupby("stat_id", sort=False).indices if "stat_id" in claims else {}
    dates = tables["documents"].set_index("doc_id")["doc_date"]
    body = "".join(_statistic(row, claims.iloc[members.get(row.stat_id, [])], dates)
                   for row in statistics_in_order(statistics).itertuples(index=False))
    return head + f'<p class="meta">{escape(summary(statistics))}</p><div class="stats-box">{body}</div></section>'


def summary(statistics: pd.DataFrame | None) -> str:
    """``29 statistics (2 inconsistent)``; empty for outputs without the table."""
    if statistics is None:
        return ""
    return f"{_plural(len(statistics), 'statistic')} ({int((~statistics['consistent']).sum())} inconsistent)"


def _statistic(row, claims: pd.DataFrame, dates: pd.Series) -> str:
    bad = not row.consistent
    badge = '<span class="badge bad">✗ inconsistent</span>' if bad else '<span class="badge">consistent</span>'
    meta = " · ".join(filter(None, [
        f"{row.n_claims} claims in {_plural(row.n_documents, 'document')}",
        f"values {value_range(row.value_min, row.value_max, row.unit)}", row.kind,
        _first_last(row.first_doc_date, row.last_doc_date)]))
    dated = claims.assign(doc_date=claims["doc_id"].map(dates))
    ordered = dated.sort_values(["doc_date", "doc_id", "start_char"], na_position="last")
    rows = "".join(_claim_row(i, claim) for i, claim in ordered.iterrows())
    heads = "".join(f"<th>{h}</th>" for h in HEADERS)
    return (f'<div class="stat{" bad" if bad else ""}" id="stat-{escape(row.stat_id)}" '
            f'data-stat="{escape(row.stat_id)}" data-consistent="{display(bool(row.consistent))}">'
            f'<h3>{badge} {escape(row.label)}</h3><p class="meta">{escape(meta)}</p>'
            f'<table class="stat-claims"><thead><tr>{heads}</tr></thead><tbody>{rows}</tbody></table></div>')


def _claim_row(i, claim) -> str:
    at = int(claim["start_char"] - claim["sentence_start_char"])
    # Its own element, not a "hl" highlight: those are the document view's, one per row.
    sentence = render(claim["sentence"], [Span(at, at + len(claim["text"]), "mark", {"class": "stat-hl"})])
    value = value_range(claim["value"], claim["value"], claim["unit"])
    cells = [f'<a href="#claims-{i}">{escape(str(claim["doc_id"]))}</a>', escape(display(claim["doc_date"]) or "—"),
             escape(value), escape(claim["qualifier"]), sentence]
    return f'<tr data-target="claims-{i}">' + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"


def _first_last(first, last) -> str | None:
    first, last = display(first), display(last)
    if first is None:
        return None
    return f"document dates {first}" if first == last else f"document dates {first} – {last}"


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
