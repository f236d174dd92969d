"""The unit of work, engine-agnostic: records in, table rows (or Arrow tables) out.

``process_batch`` is what every engine calls — in-process, in a local worker
pool, or on a Dask worker (``extract_arrow``; Spark's ``mapInArrow`` or Ray
could call it the same way). Each process builds its spaCy pipeline once
(``get_nlp`` is cached). A document whose processing fails, or overruns its
time budget, gets status ``error``; the others go on.
"""
from __future__ import annotations

import contextlib
import functools
import signal
import threading
from typing import Iterable

import pyarrow as pa

from claimspan import extensions
from claimspan.extensions import CARRIED
from claimspan import chunks  # chunks.CHUNK_CHARS read at call time: tests shrink it
from claimspan.chunks import split_text
from claimspan.export import document_row, extraction_rows
from claimspan.io.records import Record, text_record, text_sha256
from claimspan.io.schemas import TABLES, schema
from claimspan.statistics import add_to_tables
from claimspan.layout import Layout, layout_rules, read_layout

DEFAULT_TIMEOUT = 300.0  # seconds one document may take before it is reported as an error


def get_nlp(model: str | None = None, rules: str | None = None):
    """The pipeline for ``model`` with the rules overlay ``rules`` (default:
    ``$CLAIMSPAN_RULES``), built once per process and overlay contents."""
    from claimspan import ruleset

    ruleset.ensure_overlay(rules)
    layout_rules(ruleset.overlay_key())   # checked with the components' rules, before any document
    return _build_nlp(model, ruleset.overlay_key())


@functools.lru_cache(maxsize=4)
def _build_nlp(model: str | None, overlay_key: str | None):
    from claimspan import build_nlp, ruleset

    overlay = ruleset.active_overlay()
    return build_nlp(model, rules=str(overlay.root) if overlay else None)


def run_metadata(model: str | None) -> dict[str, str]:
    import spacy

    from claimspan import __version__
    from claimspan.ruleset import rules_sha256

    return {"pipeline_version": __version__, "rules_sha256": rules_sha256(),
            "spacy_version": spacy.__version__, "model": model or "blank:en"}


class DocumentTimeout(Exception):
    pass


@contextlib.contextmanager
def time_budget(seconds: float | None):
    """Raise DocumentTimeout after ``seconds`` (SIGALRM: main thread on POSIX only;
    elsewhere no budget is enforced)."""
    usable = seconds and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expire(signum, frame):
        raise DocumentTimeout(f"took longer than {seconds:g} s (the per-document time budget)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def process_batch(records: list[Record], model: str | None = None, timeout: float | None = None,
                  rules: str | None = None) -> list[tuple[dict, dict[str, list[dict]]]]:
    """(documents row, {table: rows}) for each record, in order; ``rules`` is the
    rules overlay folder (every worker must see it, like the inputs)."""
    nlp = get_nlp(model, rules)
    return [process_document(nlp, record, timeout) for record in records]


def process_document(nlp, record: Record, timeout: float | None = None) -> tuple[dict, dict[str, list[dict]]]:
    """One document under its own time budget (``timeout`` seconds, None for none).

    Documents go one at a time, not through ``nlp.pipe``: a budget per batch made a
    slow document fail alone and pass beside quick ones. Measured, piping 16 at a
    time saved nothing with the rules alone and 3-10% of the time with a trained
    pipeline; a budget that means the same whatever the batch is worth more."""
    if record.status != "ok":
        return document_row(record), {}
    try:
        with time_budget(timeout):
            layout, pieces = _pieces(nlp, record, chunks.CHUNK_CHARS)
            return document_row(record, pieces[0][1]), extraction_rows(pieces, record.doc_id, record.text, layout)
    except Exception as exc:  # noqa: BLE001  one document's failure is its row, the others go on
        return document_row(record, error=_reason(exc)), {}


def _reason(exc: Exception) -> str:
    if isinstance(exc, DocumentTimeout):
        return str(exc)
    return f"processing failed: {type(exc).__name__}: {exc}"


def _pieces(nlp, record: Record, limit: int) -> tuple[Layout, list[tuple[int, object]]]:
    """A record's layout (the text its rules read) and its Docs [(offset, Doc), ...]:
    one Doc, or consecutive pieces of a long text."""
    layout = read_layout(record.text, record.n_pages is not None, record.title)
    if len(layout.text) <= limit:
        return layout, [(0, nlp(_make_doc(nlp, record, layout.text, record.date)))]
    return layout, _in_pieces(nlp, record, layout.text, limit)


def _in_pieces(nlp, record: Record, text: str, limit: int) -> list[tuple[int, object]]:
    """A long text, one piece after another: each piece starts with what the earlier
    pieces established (document date, speakers list, acronyms)."""
    pieces, carried = [], {}
    for start, end in split_text(text, limit):
        doc = _make_doc(nlp, record, text[start:end], record.date)
        for name, value in carried.items():
            setattr(doc._, name, value)
        doc = nlp(doc)
        carried = {name: getattr(doc._, name) for name in CARRIED}
        pieces.append((start, doc))
    return pieces


def _make_doc(nlp, record: Record, text: str, date: str | None):
    doc = nlp.make_doc(text)
    extensions.set_text(doc, text)
    doc._.doc_id = record.doc_id
    if date:
        doc._.doc_date, doc._.doc_date_source = date, "input"
    return doc


def as_records(records_or_texts) -> list[Record]:
    """Texts become documents ``doc-1``, ``doc-2``...; dicts give ``id``, ``text``, ``date``, ``title``
    and ``n_pages`` (the text is that many pages separated by form feeds, e.g. a PDF's)."""
    if isinstance(records_or_texts, (str, dict, Record)):
        records_or_texts = [records_or_texts]
    out = []
    for n, item in enumerate(records_or_texts, 1):
        if isinstance(item, Record):
            out.append(item)
        elif isinstance(item, str):
            out.append(text_record(f"doc-{n}", "<api>", item, text_sha256(item)))
        else:
            text = item.get("text")
            ok = isinstance(text, str)
            out.append(text_record(str(item.get("id", f"doc-{n}")), item.get("source", "<api>"),
                                   text if ok else None, text_sha256(text) if ok else None,
                                   title=item.get("title"), date=item.get("date"), n_pages=item.get("n_pages"),
                                   error=None if ok else "no 'text' string"))
    return out


def collect(results: Iterable[tuple[dict, dict[str, list[dict]]]]) -> dict[str, list[dict]]:
    tables = {t: [] for t in TABLES}
    for document, rows in results:
        tables["documents"].append(document)
        for table, table_rows in rows.items():
            tables[table].extend(table_rows)
    return tables


def extract_arrow(records, model: str | None = None, timeout: float | None = None,
                  rules: str | None = None) -> dict[str, pa.Table]:
    """Records in, one Arrow table per output table out (the schemas of the files)."""
    tables = collect(process_batch(as_records(records), model, timeout, rules))
    add_to_tables(tables)
    meta = run_metadata(model)
    return {t: pa.Table.from_pylist(rows, schema=schema(t, meta)) for t, rows in tables.items()}
