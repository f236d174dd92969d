"""The ``statistics`` table (SPEC v1.1): the same figure stated by several claims, across the run.

A run-wide step after every document is extracted: ``finish(folder)`` groups the
claims of a run's build folder (a file, or the part files of a sharded run)
(``grouping``: rules in rules/statistics/), writes each claim's ``stat_id`` back
into its file and the statistics of two or more claims into ``statistics.parquet``.
What the grouping compares of a claim (``features``) comes from its row, its
sentence, its document's date, text (the places named before a sentence and in
the dateline) and organizations (who a sentence names): a local run reads it
where each document is extracted (``read_document``); otherwise it is read from
the folder's files, a document at a time, never the corpus in memory.
``group_rows`` does the same for rows in memory (``claimspan.extract``).
"""
from __future__ import annotations

import datetime as dt
from typing import Iterable

from claimspan import ruleset
from claimspan.statistics import grouping, summary
from claimspan.statistics.lexicon import load
from claimspan.statistics.features import Claim
from claimspan.statistics.reading import actors_of, read_claims, read_document  # noqa: F401  (the package's API)

COLUMNS = ["doc_id", "claim_id", "text", "start_char", "end_char", "sentence", "sentence_start_char", "kind", "value",
           "unit", "qualifier", "counted", "period_start", "period_end", "checkworthy"]


def group_rows(claims: Iterable[dict], doc_dates: dict[str, dt.date | None],
               texts: Iterable[tuple[str, str | None]] = (),
               orgs: dict[str, list] | None = None, workers: int = 1) -> tuple[list[str], list[dict]]:
    """(each claim's stat_id, in order; the statistics rows of two or more claims, by stat_id).
    ``claims``: the rows in doc_id order, a list or an iterator (each row is read once, and only
    what the grouping compares is kept);
    ``texts``: (doc_id, text) of the documents in the claims' order, read as the claims need them;
    ``orgs``: doc_id -> sorted (start_char, org_key) of its organizations; ``workers``: processes
    that group (``grouping.group``); the statistics are the same with any number."""
    rules = load(ruleset.overlay_key())
    return group_read(read_claims(claims, doc_dates, texts, orgs, rules), rules, workers)


def group_read(claims: list[Claim], rules=None, workers: int = 1) -> tuple[list[str], list[dict]]:
    """``group_rows`` of claims already read (``read_document``), numbered by their rows."""
    rules = rules or load(ruleset.overlay_key())
    ids = [""] * len(claims)
    rows = []
    for members in grouping.group(claims, rules, workers):
        members.sort(key=lambda c: (c.doc_date or dt.date.max, c.doc_id, c.row))
        sid = summary.stat_id(members)
        for c in members:
            ids[c.row] = sid
        if len(members) > 1:
            rows.append(summary.row(members, rules))
    rows.sort(key=lambda r: r["stat_id"])
    return ids, rows


def add_to_tables(tables: dict[str, list[dict]]) -> None:
    """Fill ``stat_id`` of the claims rows and the ``statistics`` rows of one in-memory run."""
    docs = sorted(tables["documents"], key=lambda d: d["doc_id"])
    dates = {d["doc_id"]: d.get("doc_date") for d in docs}
    order = sorted(range(len(tables["claims"])), key=lambda n: tables["claims"][n]["doc_id"])
    ids, rows = group_rows([tables["claims"][n] for n in order], dates, ((d["doc_id"], d.get("text")) for d in docs),
                           actors_of(tables.get("organizations") or []))
    ids = [sid for _, sid in sorted(zip(order, ids))]
    for claim, sid in zip(tables["claims"], ids):
        claim["stat_id"] = sid
    tables["statistics"] = rows
