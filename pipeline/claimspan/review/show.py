"""``claimspan show``: a run's outputs summarized in the terminal with rich tables.

Rows per table, the documents that failed and why, the nouns most often
counted, claims per speaker, the span of time the dates cover, and the
statistics stated more than once (the inconsistent ones first).
"""
from __future__ import annotations

import pandas as pd
from rich.console import Console
from rich.table import Table
from rich.text import Text

from claimspan.io.schemas import TABLES
from claimspan.review.tables import display, statistics_in_order, value_range


def show(tables: dict[str, pd.DataFrame], top: int = 10, console: Console | None = None) -> None:
    console = console or Console()
    for render in (_rows, _errors, _dates):
        console.print(render(tables))
    console.print(_counted(tables["claims"], top))
    console.print(_speakers(tables["claims"]))
    console.print(_statistics(tables, top))


def _table(title: str, *columns: str) -> Table:
    # A minimum width keeps each title on one line above a narrow table.
    table = Table(title=title, title_justify="left", min_width=len(title) + 2)
    for i, column in enumerate(columns):
        table.add_column(column, justify="right" if i else "left")
    return table


def _rows(tables) -> Table:
    docs = tables["documents"]
    out = _table("Rows per table", "table", "rows", "documents with rows")
    for name in TABLES:
        if name in tables:   # a run-wide table is absent from outputs written before it existed
            out.add_row(name, str(len(tables[name])), _documents_with_rows(name, tables))
    statuses = ", ".join(f"{n} {s}" for s, n in docs["status"].value_counts().sort_index().items())
    out.caption = f"documents: {statuses or 'none'}"
    return out


def _documents_with_rows(name: str, tables) -> str:
    frame = tables[name]
    if "doc_id" in frame:
        return str(frame["doc_id"].nunique())
    # statistics has no document column: the documents it spans are those of its claims.
    claims = tables["claims"]
    if name == "statistics" and "stat_id" in claims:
        return str(claims.loc[claims["stat_id"].isin(frame["stat_id"]), "doc_id"].nunique())
    return "—"


def _errors(tables) -> Table | str:
    docs = tables["documents"]
    failed = docs[docs["status"] == "error"]
    if failed.empty:
        return "Documents with errors: none\n"
    out = _table(f"Documents with errors ({len(failed)})", "document", "error")
    out.columns[1].justify = "left"
    for row in failed.itertuples(index=False):
        out.add_row(str(row.doc_id), str(row.error))
    return out


def _counted(claims: pd.DataFrame, top: int) -> Table:
    out = _table(f"Top {top} counted nouns", "counted", "claims", "checkworthy", "documents")
    counted = claims.dropna(subset=["counted"])
    grouped = counted.groupby(counted["counted"].str.lower())
    ranked = grouped.agg(claims=("claim_id", "size"), checkworthy=("checkworthy", "sum"),
                         documents=("doc_id", "nunique"))
    # Ties broken by name so the listing is the same on every run.
    ranked = ranked.reset_index().sort_values(["claims", "counted"], ascending=[False, True]).head(top)
    for row in ranked.itertuples(index=False):
        out.add_row(row.counted, str(row.claims), str(row.checkworthy), str(row.documents))
    return out


def _speakers(claims: pd.DataFrame) -> Table:
    out = _table("Claims per speaker", "speaker", "claims", "checkworthy", "documents")
    by = claims.assign(speaker=claims["speaker"].fillna("(no speaker)")).groupby("speaker")
    summary = by.agg(claims=("claim_id", "size"), checkworthy=("checkworthy", "sum"), documents=("doc_id", "nunique"))
    for name, row in summary.sort_values("claims", ascending=False).iterrows():
        out.add_row(name, str(row["claims"]), str(row["checkworthy"]), str(row["documents"]))
    return out


def _dates(tables) -> Table:
    """The calendar span the resolved dates cover, and the documents' own dates."""
    dates, docs = tables["dates"], tables["documents"]
    out = _table("Date range covered", "of", "from", "to", "rows")
    resolved = dates.dropna(subset=["start_date", "end_date"])
    out.add_row("dates (resolved)", *_span(resolved["start_date"], resolved["end_date"]), str(len(resolved)))
    dated = docs.dropna(subset=["doc_date"])
    out.add_row("documents (doc_date)", *_span(dated["doc_date"], dated["doc_date"]), str(len(dated)))
    return out


def _span(starts: pd.Series, ends: pd.Series) -> tuple[str, str]:
    if starts.empty:
        return "-", "-"
    return str(min(starts)), str(max(ends))


def _statistics(tables, top: int) -> Table | str:
    """The figures several claims state: the inconsistent ones first, marked, then the most restated."""
    title = "Statistics stated more than once"
    if "statistics" not in tables:
        return f"{title}: not in these outputs (written before the statistics table; run again)\n"
    statistics = tables["statistics"]
    if statistics.empty:
        return f"{title}: none\n"
    inconsistent = int((~statistics["consistent"]).sum())
    out = _table(f"{title} ({len(statistics)}, {inconsistent} inconsistent)", "statistic", "claims", "docs",
                 "values", "consistent", "doc dates")
    # On a narrow terminal the label and the values wrap; counts, the marker and dates stay whole.
    out.columns[0].min_width = 14
    for column in out.columns[1:]:
        column.no_wrap = column.header != "values"
    out.columns[3].overflow = "fold"
    for row in statistics_in_order(statistics).head(top).itertuples(index=False):
        # Text, not markup: a label with brackets would otherwise be read as rich styling.
        out.add_row(Text(row.label), str(row.n_claims), str(row.n_documents),
                    Text(value_range(row.value_min, row.value_max, row.unit)), _consistent(row.consistent),
                    _first_last(row.first_doc_date, row.last_doc_date))
    if len(statistics) > top:
        out.caption = f"{len(statistics) - top} more not shown (--top)"
    return out


def _consistent(consistent: bool) -> Text:
    return Text("yes") if consistent else Text("✗ NO", style="bold red")


def _first_last(first, last) -> str:
    """First and last document date, one line each (one line when they are the same day)."""
    first, last = display(first) or "-", display(last) or "-"
    return first if first == last else f"{first}\n{last}"
