"""Inputs to records: files and folders of .txt/.md, .jsonl, .csv and .parquet.

A record is one document: ``Record(doc_id, source, text, sha256, title, date,
status, error)``. A document that cannot be read still becomes a record, with
``status="error"`` and the reason, so that every input is accounted for. Only a
table input that lacks an ``id``/``text`` column is refused as a whole
(``InputError``), because none of its rows could be named.
"""
from __future__ import annotations

import codecs
import csv
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from pipeline.io.htmltext import visible_text
from pipeline.normalize.calendar import to_date

TEXT_SUFFIXES = {".txt", ".md", ".html", ".htm"}
HTML_SUFFIXES = {".html", ".htm"}
# Signatures of common binary formats (images, archives, PDF, office files).
MAGIC = (b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"BM", b"II*\x00",
         b"MM\x00*", b"\xd0\xcf\x11\xe0", b"\x7fELF", b"RIFF", b"OggS", b"ID3", b"\x00\x00\x01\x00")
TABLE_SUFFIXES = {".jsonl", ".csv", ".parquet"}
METADATA_NAME = "metadata.csv"


class InputError(ValueError):
    """An input that cannot be read at all (names the file and the reason)."""


@dataclass
class Record:
    doc_id: str
    source: str
    text: str | None
    sha256: str | None
    title: str | None = None
    date: str | None = None          # ISO date from the input, if any
    status: str = "ok"
    error: str | None = None
    extra: dict = field(default_factory=dict)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode(data: bytes, encoding: str | None = None) -> tuple[str | None, str | None]:
    """Bytes to text: (text, None) or (None, reason). UTF-8 with or without BOM, UTF-16
    with BOM, or the ``encoding`` given. A stray NUL does not make a text binary; a file
    format signature or many control characters do.

    >>> decode(b"\\xef\\xbb\\xbfhi"), decode("hi".encode("utf-16"))
    (('hi', None), ('hi', None))
    >>> decode(b"ab\\xffc")
    (None, 'invalid UTF-8 at byte 2')
    >>> decode(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00"), decode(b"a\\x00b"), decode(b"caf\\xe9", "cp1252")
    ((None, 'binary'), ('a\\x00b', None), ('café', None))
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError as exc:
            return None, f"invalid UTF-16 at byte {exc.start}"
    if _looks_binary(data):
        return None, "binary"
    try:
        return data.decode(encoding or "utf-8"), None
    except UnicodeDecodeError as exc:
        return None, f"invalid {exc.encoding.upper()} at byte {exc.start}"
    except LookupError:
        return None, f"unknown encoding {encoding!r}"


def _looks_binary(data: bytes) -> bool:
    if data.startswith(MAGIC):
        return True
    head = data[:8192]
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls > 2 and controls / len(head) > 0.05


def text_record(doc_id: str, source: str, text: str | None, digest: str | None, *,
                title=None, date=None, error: str | None = None) -> Record:
    """A record with its status: error (with reason), empty (whitespace only) or ok."""
    if error is not None or text is None:
        return Record(doc_id, source, None, digest, title, None, "error", error or "no text")
    iso = None
    if date not in (None, ""):
        parsed = to_date(date)
        if parsed is None:
            return Record(doc_id, source, text, digest, title, None, "error", f"unreadable date {date!r}")
        iso = parsed.isoformat()
    status = "ok" if text.strip() else "empty"
    return Record(doc_id, source, text, digest, _str_or_none(title), iso, status)


def _str_or_none(value) -> str | None:
    if value is None:
        return None
    try:
        import pandas as pd
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    value = str(value).strip()
    return value or None


# -- expanding inputs ----------------------------------------------------------
def expand(inputs: Iterable[str | Path]) -> list[Path]:
    """Files to read, folders expanded recursively, in a stable (sorted) order."""
    files = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.is_file() and _readable(p))
        elif path.exists():
            files.append(path)
        else:
            raise InputError(f"{path}: no such file or folder")
    return files


def _readable(path: Path) -> bool:
    if path.name == METADATA_NAME or path.name.startswith("."):
        return False
    return path.suffix.lower() in TEXT_SUFFIXES | TABLE_SUFFIXES


def read_inputs(inputs: Iterable[str | Path], encoding: str | None = None) -> Iterator[Record]:
    """Every record of every input, in order."""
    metadata_cache: dict[Path, dict] = {}
    for path in expand(inputs):
        suffix = path.suffix.lower()
        if suffix == ".jsonl":
            yield from read_jsonl(path)
        elif suffix == ".csv":
            yield from read_frame(path, "csv")
        elif suffix == ".parquet":
            yield from read_frame(path, "parquet")
        else:
            folder = path.parent
            if folder not in metadata_cache:
                metadata_cache[folder] = read_metadata(folder / METADATA_NAME)
            yield read_text_file(path, metadata_cache[folder].get(path.stem, {}), encoding)


def read_metadata(path: Path) -> dict[str, dict]:
    """``metadata.csv`` beside text files: a ``stem`` (or ``id``/``file``) column, plus ``date``/``title``."""
    if not path.exists():
        return {}
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    key = next((k for k in ("stem", "id", "doc_id", "file") if rows and k in rows[0]), None)
    if key is None:
        raise InputError(f"{path}: needs a 'stem' column naming each file")
    return {Path(r[key]).stem: r for r in rows}


def read_text_file(path: Path, meta: dict, encoding: str | None = None) -> Record:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return text_record(path.stem, str(path), None, None, error=f"unreadable: {exc.strerror}")
    text, error = decode(data, encoding)
    title = meta.get("title")
    if text is not None and path.suffix.lower() in HTML_SUFFIXES:
        text, html_title = visible_text(text)
        title = title or html_title
    return text_record(path.stem, str(path), text, sha256(data), title=title,
                       date=meta.get("date"), error=error)


def read_jsonl(path: Path) -> Iterator[Record]:
    with path.open("rb") as f:
        for n, raw in enumerate(f, 1):
            if not raw.strip():
                continue
            rid = f"{path.stem}:{n}"
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
                yield text_record(rid, f"{path}#{n}", None, sha256(raw), error=error)
                continue
            yield _table_record(obj, rid, f"{path}#{n}", n)


def _table_record(row: dict, fallback_id: str, source: str, n: int) -> Record:
    doc_id = _str_or_none(row.get("id")) or fallback_id
    text = row.get("text")
    if not isinstance(text, str):
        reason = "no 'text'" if text is None else f"'text' is {type(text).__name__}, not a string"
        return text_record(doc_id, source, None, None, error=f"record {n}: {reason}")
    return text_record(doc_id, source, text, sha256(text.encode("utf-8")),
                       title=row.get("title"), date=row.get("date"))


def read_frame(path: Path, kind: str) -> Iterator[Record]:
    import pandas as pd

    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False) if kind == "csv" else pd.read_parquet(path)
    except Exception as exc:  # noqa: BLE001  the reader's own message names the problem
        raise InputError(f"{path}: cannot read {kind}: {exc}") from None
    for column in ("id", "text"):
        if column not in frame.columns:
            raise InputError(f"{path}: missing column '{column}'")
    for n, row in enumerate(frame.to_dict("records"), 1):
        yield _table_record(row, f"{path.stem}:{n}", f"{path}#{n}", n)
