"""A document as a record: ``Record(doc_id, source, text, sha256, title, date, status,
error, n_pages)``, and what every reader shares to make one: decoding bytes,
telling binary from text, and the checks that give a record its status.

Text that cannot be written as UTF-8 (a lone surrogate: ``"\\ud800"`` is valid
JSON) makes its document an error row naming the first one's offset, since
offsets into any other spelling of the text would be wrong. Names (ids, file
names with bytes that are not UTF-8, sources, titles) keep such characters as
backslash escapes (``b\\udc00``), so that every document still has a row.
"""
from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass

from claimspan.normalize.calendar import to_date

# Signatures of common binary formats (images, archives, PDF, office files).
MAGIC = (b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"BM", b"II*\x00",
         b"MM\x00*", b"\xd0\xcf\x11\xe0", b"\x7fELF", b"RIFF", b"OggS", b"ID3", b"\x00\x00\x01\x00")
CONTROL_BYTES = bytes(b for b in range(32) if b < 9 or 13 < b < 32)   # not tab, newlines, form feed
SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass
class Record:
    doc_id: str
    source: str
    text: str | None
    sha256: str | None
    title: str | None = None
    date: str | None = None          # ISO date from the input, if any
    status: str = "ok"               # ok | empty | error | skipped
    error: str | None = None
    n_pages: int | None = None       # pages of a paginated source (PDF), separated by \f in text

    def __post_init__(self):
        self.doc_id, self.source, self.title = escaped(self.doc_id), escaped(self.source), escaped(self.title)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def text_sha256(text: str) -> str:
    """The sha256 of a text's UTF-8 bytes (a lone surrogate too: its record is an error, not a crash)."""
    return sha256(text.encode("utf-8", "surrogatepass"))


def escaped(name: str | None) -> str | None:
    """A name with what UTF-8 cannot encode written as a backslash escape.

    >>> escaped("b\\udc00"), escaped("caf\\udce9.txt"), escaped("ok")
    ('b\\\\udc00', 'caf\\\\udce9.txt', 'ok')
    """
    if name is None or not SURROGATE.search(name):
        return name
    return name.encode("utf-8", "backslashreplace").decode("utf-8")


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
    controls = len(head) - len(head.translate(None, CONTROL_BYTES))   # counted in C, not byte by byte
    return controls > 2 and controls / len(head) > 0.05


def text_record(doc_id: str, source: str, text: str | None, digest: str | None, *,
                title=None, date=None, error: str | None = None, n_pages: int | None = None) -> Record:
    """A record with its status: error (with reason), empty (whitespace only) or ok."""
    if error is not None or text is None:
        return Record(doc_id, source, None, digest, title, None, "error", error or "no text", n_pages)
    if bad := SURROGATE.search(text):
        error = f"text has an unpaired surrogate U+{ord(bad.group()):04X} at character {bad.start()}"
        return Record(doc_id, source, None, digest, title, None, "error", error, n_pages)
    iso = None
    if date not in (None, ""):
        parsed = to_date(date)
        if parsed is None:
            return Record(doc_id, source, text, digest, title, None, "error", f"unreadable date {date!r}", n_pages)
        iso = parsed.isoformat()
    status = "ok" if text.strip() else "empty"
    return Record(doc_id, source, text, digest, str_or_none(title), iso, status, None, n_pages)


def str_or_none(value) -> str | None:
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
