"""The end-to-end run: inputs -> records -> spaCy Docs -> the six tables.

``run()`` writes Parquet files and returns a ``RunReport``; it never prints.
``extract_frames()`` is the same extraction for notebooks, returning DataFrames
read back through Parquet so that their dtypes equal the files'.
"""
from __future__ import annotations

import contextlib
import functools
import io
import signal
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.io.chunks import CHUNK_CHARS, split_text
from pipeline.io.export import doc_rows, document_row
from pipeline.io.readers import Record, read_inputs, text_record, sha256
from pipeline.io.schemas import TABLES, schema
from pipeline.io.writer import OutputWriter

BATCH = 16
DEFAULT_TIMEOUT = 300.0  # seconds one document may take before it is reported as an error


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


@dataclass
class RunReport:
    out_dir: Path | None
    documents: int = 0
    statuses: dict[str, int] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (doc_id, reason)
    renamed: list[tuple[str, str]] = field(default_factory=list)  # duplicate ids kept apart

    @property
    def failed(self) -> int:
        return self.statuses.get("error", 0)


@functools.lru_cache(maxsize=4)
def get_nlp(model: str | None = None):
    from pipeline import build_nlp

    return build_nlp(model)


def run_metadata(model: str | None) -> dict[str, str]:
    import spacy

    from pipeline import __version__
    from pipeline.ruleset import rules_sha256

    return {"pipeline_version": __version__, "rules_sha256": rules_sha256(),
            "spacy_version": spacy.__version__, "model": model or "blank:en"}


def unique_ids(records: Iterable[Record], renamed: list) -> list[Record]:
    """Records sorted by id (SPEC row order); a repeated id gets ``#2``, ``#3``... and is reported."""
    seen: dict[str, int] = {}
    out = []
    for record in records:
        n = seen.get(record.doc_id, 0) + 1
        seen[record.doc_id] = n
        if n > 1:
            new_id = f"{record.doc_id}#{n}"
            renamed.append((record.doc_id, new_id))
            record.doc_id = new_id
        out.append(record)
    return sorted(out, key=lambda r: r.doc_id)


def process(records: list[Record], model: str | None = None, *,
            timeout: float | None = None) -> Iterator[tuple[dict, dict[str, list[dict]]]]:
    """(documents row, {table: rows}) per record, in order. A document whose
    processing fails, or takes longer than ``timeout`` seconds, gets status
    error; the others go on."""
    nlp = get_nlp(model)
    for i in range(0, len(records), BATCH):
        batch = records[i:i + BATCH]
        todo = [r for r in batch if r.status == "ok"]
        try:
            with time_budget(timeout * len(todo) if timeout else None):
                done = _process_batch(nlp, todo)
        except Exception:  # noqa: BLE001  find the document that broke the batch
            done = {}
            for r in todo:
                try:
                    with time_budget(timeout):
                        done.update(_process_batch(nlp, [r]))
                except Exception as exc:  # noqa: BLE001
                    done[id(r)] = exc
        for record in batch:
            pieces = done.get(id(record))
            if isinstance(pieces, Exception):
                yield document_row(record, error=_reason(pieces)), {}
            elif pieces is None:
                yield document_row(record), {}
            else:
                yield document_row(record, pieces[0][1]), doc_rows(pieces, record.doc_id, record.text)


def _reason(exc: Exception) -> str:
    if isinstance(exc, DocumentTimeout):
        return str(exc)
    return f"processing failed: {type(exc).__name__}: {exc}"


def _process_batch(nlp, records: list[Record]) -> dict[int, list[tuple[int, object]]]:
    """Each record as [(offset, Doc), ...]: one Doc, or consecutive pieces of a long text.
    The first piece goes first so that its document date anchors the others."""
    out = {}
    short = [r for r in records if len(r.text) <= CHUNK_CHARS]
    for record, doc in zip(short, nlp.pipe(_make_doc(nlp, r, r.text, r.date) for r in short)):
        out[id(record)] = [(0, doc)]
    for record in records:
        if len(record.text) <= CHUNK_CHARS:
            continue
        (a, b), *rest = split_text(record.text)
        first = nlp(_make_doc(nlp, record, record.text[a:b], record.date))
        anchor = first._.doc_date
        docs = nlp.pipe(_make_doc(nlp, record, record.text[s:e], anchor) for s, e in rest)
        out[id(record)] = [(0, first)] + [(s, doc) for (s, _), doc in zip(rest, docs)]
    return out


def _make_doc(nlp, record: Record, text: str, date: str | None):
    doc = nlp.make_doc(text)
    doc._.doc_id = record.doc_id
    if date:
        doc._.doc_date, doc._.doc_date_source = date, "input"
    return doc


def run(inputs: Iterable[str | Path], out_dir: str | Path, *, model: str | None = None,
        encoding: str | None = None, timeout: float | None = DEFAULT_TIMEOUT,
        on_progress: Callable[[int, int], None] | None = None) -> RunReport:
    """Read ``inputs``, extract, write the six tables into ``out_dir``."""
    report = RunReport(Path(out_dir))
    records = unique_ids(read_inputs(inputs, encoding=encoding), report.renamed)
    writer = OutputWriter(out_dir, run_metadata(model))
    try:
        for n, (document, tables) in enumerate(process(records, model, timeout=timeout), 1):
            _account(report, document)
            writer.write("documents", [document])
            for table, rows in tables.items():
                writer.write(table, rows)
            if on_progress:
                on_progress(n, len(records))
        writer.commit()
    except BaseException:
        writer.abort()
        raise
    report.rows = dict(writer.rows)
    return report


def _account(report: RunReport, document: dict) -> None:
    report.documents += 1
    report.statuses[document["status"]] = report.statuses.get(document["status"], 0) + 1
    if document["status"] == "error":
        report.errors.append((document["doc_id"], document["error"]))


def as_records(records_or_texts) -> list[Record]:
    """Texts become documents ``doc-1``, ``doc-2``...; dicts give ``id``, ``text``, ``date``, ``title``."""
    if isinstance(records_or_texts, (str, dict)):
        records_or_texts = [records_or_texts]
    out = []
    for n, item in enumerate(records_or_texts, 1):
        if isinstance(item, str):
            out.append(text_record(f"doc-{n}", "<api>", item, sha256(item.encode("utf-8"))))
        else:
            text = item.get("text")
            digest = sha256(text.encode("utf-8")) if isinstance(text, str) else None
            out.append(text_record(str(item.get("id", f"doc-{n}")), "<api>",
                                   text if isinstance(text, str) else None, digest,
                                   title=item.get("title"), date=item.get("date"),
                                   error=None if isinstance(text, str) else "no 'text' string"))
    return out


def extract_frames(records_or_texts, model: str | None = None):
    records = unique_ids(as_records(records_or_texts), [])
    collected = {t: [] for t in TABLES}
    for document, tables in process(records, model):
        collected["documents"].append(document)
        for table, rows in tables.items():
            collected[table].extend(rows)
    meta = run_metadata(model)
    return {t: _via_parquet(pa.Table.from_pylist(rows, schema=schema(t, meta))) for t, rows in collected.items()}


def _via_parquet(table: pa.Table):
    """The DataFrame pandas.read_parquet would give for this table (same dtypes as the files)."""
    import pandas as pd

    buffer = io.BytesIO()
    pq.write_table(table, buffer)
    buffer.seek(0)
    return pd.read_parquet(buffer)
