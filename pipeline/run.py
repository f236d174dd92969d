"""The end-to-end run: inputs -> records -> spaCy Docs -> the six tables.

``run()`` writes Parquet files and returns a ``RunReport``; it never prints.
``extract_frames()`` is the same extraction for notebooks, returning DataFrames
read back through Parquet so that their dtypes equal the files'.
"""
from __future__ import annotations

import functools
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.io.export import doc_rows, document_row
from pipeline.io.readers import Record, read_inputs, text_record, sha256
from pipeline.io.schemas import TABLES, schema
from pipeline.io.writer import OutputWriter

BATCH = 16


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


def process(records: list[Record], model: str | None = None) -> Iterator[tuple[dict, dict[str, list[dict]]]]:
    """(documents row, {table: rows}) per record, in order. A document whose
    processing fails gets status error; the others go on."""
    nlp = get_nlp(model)
    for i in range(0, len(records), BATCH):
        batch = records[i:i + BATCH]
        todo = [r for r in batch if r.status == "ok"]
        try:
            done = dict(zip((id(r) for r in todo), nlp.pipe(_make_docs(nlp, todo))))
        except Exception:  # noqa: BLE001  find the one document that broke the batch
            done = {}
            for r in todo:
                try:
                    done[id(r)] = nlp(next(iter(_make_docs(nlp, [r]))))
                except Exception as exc:  # noqa: BLE001
                    done[id(r)] = exc
        for record in batch:
            doc = done.get(id(record))
            if isinstance(doc, Exception):
                yield document_row(record, error=f"processing failed: {type(doc).__name__}: {doc}"), {}
            elif doc is None:
                yield document_row(record), {}
            else:
                yield document_row(record, doc), doc_rows(doc, record.doc_id)


def _make_docs(nlp, records: list[Record]):
    for record in records:
        doc = nlp.make_doc(record.text)
        doc._.doc_id = record.doc_id
        if record.date:
            doc._.doc_date, doc._.doc_date_source = record.date, "input"
        yield doc


def run(inputs: Iterable[str | Path], out_dir: str | Path, *, model: str | None = None,
        on_progress: Callable[[int, int], None] | None = None) -> RunReport:
    """Read ``inputs``, extract, write the six tables into ``out_dir``."""
    report = RunReport(Path(out_dir))
    records = unique_ids(read_inputs(inputs), report.renamed)
    writer = OutputWriter(out_dir, run_metadata(model))
    try:
        for n, (document, tables) in enumerate(process(records, model), 1):
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
