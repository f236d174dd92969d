"""Each claim row read into what the grouping compares (``features.claim_of``).

Reading a claim (its sentence, event, places, the places of the sentences before it) takes
more than half of the statistics step, and one claim's reading needs only its own row, its
document's text and organizations: a local run reads each document's claims where it
extracts it (``read_document``, in its worker processes), so the run-wide step only groups.
The claims of a Dask run's parts are read from its files (``read_claims``), a row at a time.
"""
from __future__ import annotations

from typing import Iterable, Iterator

from claimspan import ruleset
from claimspan.statistics import features
from claimspan.statistics.lexicon import GroupingRules, load


def read_claims(claims: Iterable[dict], doc_dates: dict, texts: Iterable[tuple[str, str | None]],
                orgs: dict[str, list] | None, rules: GroupingRules) -> list:
    """``features.claim_of`` of every row, in order, each row read once and not kept.
    ``texts``: (doc_id, text) of the documents in the claims' (doc_id) order, read as the claims
    need them."""
    return [features.claim_of(n, row, date, rules, text, orgs)
            for n, row, date, text, orgs in _jobs(claims, doc_dates, texts, orgs or {})]


def read_document(document: dict, tables: dict[str, list[dict]], rules: GroupingRules | None = None) -> list:
    """The claims of one extracted document read for the grouping, numbered from 0 in the order of
    its claims rows: where the run extracted it (a worker), with its text and organizations at hand,
    so the run-wide step only groups (``claimspan.statistics.folder.finish``)."""
    claims = tables.get("claims")
    if not claims:
        return []
    rules = rules or load(ruleset.overlay_key())
    orgs = actors_of(tables.get("organizations") or ()).get(document["doc_id"])
    date, text = document.get("doc_date"), document.get("text")
    return [features.claim_of(n, row, date, rules, text, orgs) for n, row in enumerate(claims)]


def actors_of(organizations: Iterable[dict]) -> dict[str, list]:
    """doc_id -> sorted (start_char, org_key) of the organizations rows."""
    out: dict[str, list] = {}
    for row in organizations:
        if row.get("org_key"):
            out.setdefault(row["doc_id"], []).append((row["start_char"], row["org_key"]))
    for spans in out.values():
        spans.sort()
    return out


def _jobs(claims: Iterable[dict], doc_dates: dict, texts, orgs: dict) -> Iterator[tuple]:
    """(row number, row, document date, document text, organizations) per claim."""
    texts = iter(texts)
    current: tuple = (None, None)
    for n, row in enumerate(claims):
        while current[0] is None or current[0] < row["doc_id"]:   # both in doc_id order
            current = next(texts, None) or (None, None)
            if current[0] is None:
                break
        own = current[1] if current[0] == row["doc_id"] else None
        yield n, row, doc_dates.get(row["doc_id"]), own, orgs.get(row["doc_id"])
