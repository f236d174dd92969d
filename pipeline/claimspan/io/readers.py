"""Inputs to records: files and folders of .txt/.md/.html, .pdf, .docx, .jsonl, .csv and .parquet.

A record is one document: ``Record(doc_id, source, text, sha256, title, date,
status, error, n_pages)``. A document that cannot be read still becomes a
record, with ``status="error"`` and the reason, and a file of a type no reader
knows, found in a folder, a record with ``status="skipped"``: every input is
accounted for; a table file that cannot be read is one error row and the other
inputs run. Only a table named as an input that lacks an ``id``/``text`` column
is refused as a whole (``InputError``), because none of its rows could be named.
Which files are inputs (and which paths are no files to open) is inputs.py's.

One small reader per input format, all sharing the scan; the ``Record``, the
decoding and the checks of a text are in records.py, HTML text in htmltext.py,
PDF and DOCX text in office.py.
"""
from __future__ import annotations

import csv
import functools
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from claimspan.io import office
from claimspan.io.htmltext import visible_text
from claimspan.io.inputs import KINDS, METADATA_NAME, Found, InputError, MissingColumn, expand  # noqa: F401
from claimspan.io.records import Record, decode, escaped, sha256, str_or_none, text_record, text_sha256

SUPPORTED = ", ".join(KINDS)
HTML_SUFFIXES = {".html", ".htm"}
# Bumped whenever a reader's output changes (text, title, date or pages of some input):
# written into every run's metadata, an incremental re-run reuses nothing from a run
# with another reader version.
READER_VERSION = "1"


# -- from inputs to sources -----------------------------------------------------
def unsupported(path: Path) -> str:
    """Why a file is skipped (or, named directly and binary, why it cannot be read)."""
    what = f"'{path.suffix.lower()}'" if path.suffix else "(no suffix)"
    return f"unsupported file type {what} (supported: {SUPPORTED})"


@dataclass
class Source:
    """Where one document is, without its text: what a run keeps for every input
    (so that memory does not grow with the corpus), loaded when its turn comes."""
    doc_id: str
    kind: str                 # text | pdf | docx | jsonl | parquet | record
    path: str = ""
    pos: int = 0              # byte offset of a JSONL line, row number in a Parquet file
    meta: dict = field(default_factory=dict)
    record: Record | None = None  # already read (CSV rows, unreadable lines)
    encoding: str | None = None

    def __post_init__(self):
        self.doc_id = escaped(self.doc_id)

    def load(self) -> Record:
        if self.record is not None:
            return self.record
        try:
            if self.kind in ("text", "pdf", "docx"):
                record = read_file(Path(self.path), self.kind, self.meta, self.encoding)
            elif self.kind == "jsonl":
                record = _jsonl_line(Path(self.path), self.pos, self.meta["line"])
            else:
                record = _parquet_row(Path(self.path), self.pos)
        except Exception as exc:  # noqa: BLE001  changed since the scan, a corrupt row group...: a row
            record = text_record(self.doc_id, self.path, None, None, error=f"unreadable: {exc}")
        record.doc_id = self.doc_id
        return record


def read_inputs(inputs: Iterable[str | Path], encoding: str | None = None) -> Iterator[Record]:
    """Every record of every input, in input order."""
    return (source.load() for source in scan(inputs, encoding))


def scan(inputs: Iterable[str | Path], encoding: str | None = None,
         out_dir: str | Path | None = None) -> Iterator[Source]:
    """A Source per document of every input, in input order (``out_dir`` is not an input)."""
    metadata_cache: dict[Path, dict] = {}
    for found in expand(inputs, out_dir):
        path, kind = found.path, found.kind
        if found.problem or kind is None:
            # Named by its whole file name: a skipped report.doc must not take the id of report.docx.
            status, error = ("error", found.problem) if found.problem else ("skipped", unsupported(path))
            record = Record(path.stem if kind else path.name, str(path), None, None, status=status, error=error)
            yield Source(record.doc_id, "record", str(path), record=record)
        elif kind in ("jsonl", "csv", "parquet"):
            yield from table_sources(found)
        else:
            folder = path.parent
            if folder not in metadata_cache:
                metadata_cache[folder] = read_metadata(folder / METADATA_NAME)
            yield Source(path.stem, kind, str(path), meta=metadata_cache[folder].get(path.stem, {}),
                         encoding=encoding)


def table_sources(found: Found) -> list[Source]:
    """The documents of a JSONL, CSV or Parquet file; one error row for a file that
    cannot be read, so that the other inputs still run. A table without an
    ``id``/``text`` column is refused as a whole when named as an input (the user
    meant it, and none of its rows can be named); found in a folder, it is a row."""
    path = found.path
    try:
        if found.kind == "jsonl":
            return list(scan_jsonl(path))
        if found.kind == "parquet":
            return list(scan_parquet(path))
        return [Source(r.doc_id, "record", str(path), record=r) for r in read_frame(path, "csv")]
    except InputError as exc:
        if isinstance(exc, MissingColumn) and found.named:
            raise
        reason = exc.reason
    except OSError as exc:
        reason = f"unreadable: {exc.strerror}"
    record = text_record(path.stem, str(path), None, None, error=reason)
    return [Source(record.doc_id, "record", str(path), record=record)]


def read_metadata(path: Path) -> dict[str, dict]:
    """``metadata.csv`` beside text files: a ``stem`` (or ``id``/``file``) column, plus ``date``/``title``."""
    if not path.exists():
        return {}
    try:
        with path.open(encoding="utf-8-sig", newline="") as f:
            rows = list(csv.DictReader(f))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(path, f"cannot read: {exc}") from None
    key = next((k for k in ("stem", "id", "doc_id", "file") if rows and k in rows[0]), None)
    if key is None:
        raise InputError(path, "needs a 'stem' column naming each file")
    return {_stem(r[key]): r for r in rows}


def _stem(name: str) -> str:
    """The document a metadata row names: its file name without an input suffix, but
    an id's own dots kept ("APW19980807.0261", "report.v2" name no suffix).

    >>> _stem("APW19980807.0261"), _stem("APW19980807.0261.pdf"), _stem("notes/brief.txt")
    ('APW19980807.0261', 'APW19980807.0261', 'brief')
    """
    path = Path(name)
    return path.stem if path.suffix.lower() in KINDS else path.name


def read_file(path: Path, kind: str, meta: dict, encoding: str | None = None) -> Record:
    """A file's record: ``kind`` is text, pdf or docx. The title from ``metadata.csv``
    (``meta``) wins over the file's own (HTML <title>, PDF Title, DOCX core title)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return text_record(path.stem, str(path), None, None, error=f"unreadable: {exc.strerror}")
    if kind == "pdf":
        got = office.pdf_text(data)
    elif kind == "docx":
        got = office.docx_text(data)
    else:
        got = _text(path, data, encoding)
    return text_record(path.stem, str(path), got.text, sha256(data), title=meta.get("title") or got.title,
                       date=meta.get("date"), error=got.error, n_pages=got.n_pages)


def _text(path: Path, data: bytes, encoding: str | None) -> office.Extracted:
    suffix = path.suffix.lower()
    text, error = decode(data, encoding)
    if error == "binary" and suffix not in KINDS:  # named directly, and not text after all
        error = f"binary: {unsupported(path)}"
    if text is not None and suffix in HTML_SUFFIXES:
        return office.Extracted(*visible_text(text))
    return office.Extracted(text, error=error)


def scan_jsonl(path: Path) -> Iterator[Source]:
    """Sources for the lines of a JSONL file; each line is parsed here for its id and
    again when loaded, so that only ids and offsets are held meanwhile."""
    offset = 0
    with path.open("rb") as f:
        for n, raw in enumerate(f, 1):
            pos, offset = offset, offset + len(raw)
            if not raw.strip():
                continue
            record = _parse_jsonl_line(path, raw, n)
            if record.status == "error":
                yield Source(record.doc_id, "record", str(path), record=record)
            else:
                yield Source(record.doc_id, "jsonl", str(path), pos, meta={"line": n})


def _jsonl_line(path: Path, pos: int, n: int) -> Record:
    with path.open("rb") as f:
        f.seek(pos)
        return _parse_jsonl_line(path, f.readline(), n)


def _parse_jsonl_line(path: Path, raw: bytes, n: int) -> Record:
    rid, source = f"{path.stem}:{n}", f"{path}#{n}"
    line, error = decode(raw)
    obj = None
    if error is None:
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            error = f"line {n}: invalid JSON ({exc.msg})"
    if obj is not None and not isinstance(obj, dict):
        error, obj = f"line {n}: not a JSON object", None
    if obj is None:
        return text_record(rid, source, None, sha256(raw), error=error)
    return _table_record(obj, rid, source, n)


def scan_parquet(path: Path) -> Iterator[Source]:
    import pyarrow.parquet as pq

    _parquet_file.cache_clear()
    _row_group.cache_clear()
    try:
        names = pq.read_schema(path).names
        missing = [c for c in ("id", "text") if c not in names]
        if not missing:
            ids = pq.read_table(path, columns=["id"]).column("id").to_pylist()
    except Exception as exc:  # noqa: BLE001  pyarrow's message names the problem
        raise InputError(path, f"cannot read parquet: {exc}") from None
    if missing:
        raise MissingColumn(path, f"missing column '{missing[0]}'")
    for n, doc_id in enumerate(ids, 1):
        yield Source(str_or_none(doc_id) or f"{path.stem}:{n}", "parquet", str(path), n - 1)


@functools.lru_cache(maxsize=2)
def _parquet_file(path: str):
    import pyarrow.parquet as pq

    return pq.ParquetFile(path)


def _parquet_row(path: Path, index: int) -> Record:
    """One row, reading only its row group (a file's groups are cached one at a time)."""
    f = _parquet_file(str(path))
    group, start = 0, 0
    while start + f.metadata.row_group(group).num_rows <= index:
        start += f.metadata.row_group(group).num_rows
        group += 1
    row = _row_group(str(path), group)[index - start]
    return _table_record(row, f"{path.stem}:{index + 1}", f"{path}#{index + 1}", index + 1)


@functools.lru_cache(maxsize=1)
def _row_group(path: str, group: int) -> list[dict]:
    return _parquet_file(path).read_row_group(group).to_pylist()


def _table_record(row: dict, fallback_id: str, source: str, n: int) -> Record:
    doc_id = str_or_none(row.get("id")) or fallback_id
    text = row.get("text")
    if not isinstance(text, str):
        reason = "no 'text'" if text is None else f"'text' is {type(text).__name__}, not a string"
        return text_record(doc_id, source, None, None, error=f"record {n}: {reason}")
    return text_record(doc_id, source, text, text_sha256(text),
                       title=row.get("title"), date=row.get("date"))


def read_frame(path: Path, kind: str) -> Iterator[Record]:
    import pandas as pd

    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False) if kind == "csv" else pd.read_parquet(path)
    except Exception as exc:  # noqa: BLE001  the reader's own message names the problem
        raise InputError(path, f"cannot read {kind}: {exc}") from None
    for column in ("id", "text"):
        if column not in frame.columns:
            raise MissingColumn(path, f"missing column '{column}'")
    for n, row in enumerate(frame.to_dict("records"), 1):
        yield _table_record(row, f"{path.stem}:{n}", f"{path}#{n}", n)
