"""Processed Docs to table rows: the shared span columns plus each table's own.

Adds to every extraction row its source span (``doc_id``, offsets, ``text``),
its sentence, speaker, line and page, and converts the ISO date strings that
components store into ``datetime.date``. Rows come out sorted by
``start_char`` (SPEC), whatever order the components appended them in. The Docs hold the text the
rules read (claimspan.layout); every offset is mapped back into the stored text
here, and ``text`` and ``sentence`` are cut from the stored text, never from a Doc.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re

from spacy.tokens import Doc

from claimspan.extensions import ROW_EXTENSIONS
from claimspan.io.records import Record
from claimspan.io.schemas import EXTRACTION_TABLES, TABLE_FIELDS
from claimspan.layout import Layout

LINE_BREAK = re.compile(r"\r\n|\r|\n")
PAGE_BREAK = re.compile("\f")
DATE_COLUMNS = {f.name for fields in TABLE_FIELDS.values() for f in fields if str(f.type) == "date32[day]"}
SPAN_COLUMNS = ("doc_id", "start_char", "end_char", "text", "sentence_start_char", "sentence_end_char",
                "sentence", "speaker", "line", "page")


def document_row(record: Record, doc: Doc | None = None, error: str | None = None) -> dict:
    date, source = record.date, "input" if record.date else None
    if doc is not None and not date and doc._.doc_date:
        date, source = doc._.doc_date, doc._.doc_date_source
    status, message = (record.status, record.error) if error is None else ("error", error)
    return {
        "doc_id": record.doc_id, "source": record.source, "sha256": record.sha256, "text": record.text,
        "n_chars": len(record.text or ""), "title": record.title, "doc_date": _date(date),
        "doc_date_source": source, "status": status, "error": message, "n_pages": n_pages(record),
    }


def n_pages(record: Record) -> int | None:
    """The reader's page count; a text with form feeds is pages too (as the rules read it)."""
    if record.n_pages is None and record.text and "\f" in record.text:
        return record.text.count("\f") + 1
    return record.n_pages


def extraction_rows(pieces: list[tuple[int, Doc]], doc_id: str, text: str,
             layout: Layout | None = None) -> dict[str, list[dict]]:
    """Rows of the four extraction tables and of ``speakers`` for one document,
    processed as one Doc or as consecutive pieces ``(offset, Doc)`` of ``layout.text``
    (the text the rules read; by default ``text`` itself)."""
    layout = layout or Layout(text)
    source = layout.source
    turns = [[source(t[0] + offset), source(t[1] + offset), t[2]]
             for offset, doc in pieces for t in (doc._.turns or [])]
    locate = _Locator(text, turns, layout)
    tables = {}
    for table in EXTRACTION_TABLES:
        attr = ROW_EXTENSIONS[table]
        rows = []
        for offset, doc in pieces:
            for span in doc.spans.get(table, []):
                row = locate.span_columns(doc_id, span, offset)
                values = getattr(span._, attr) or {}
                for column in _own_columns(table):
                    value = values.get(column)
                    if column in DATE_COLUMNS:
                        value = _date(value)
                    elif column.endswith("_start_char") and value is not None:
                        value = source(value + offset)
                    elif column.endswith("_end_char") and value is not None:
                        value = layout.source_end(value + offset)
                    row[column] = value
                if table == "claims":
                    row["claim_id"] = f"{doc_id}:{row['start_char']}-{row['end_char']}"
                rows.append(row)
        rows.sort(key=lambda r: (r["start_char"], r["end_char"], r.get("rule") or ""))
        tables[table] = rows
    tables["speakers"] = _merge_speakers(doc_id, pieces, source)
    return tables


def _merge_speakers(doc_id: str, pieces: list[tuple[int, Doc]], source) -> list[dict]:
    merged: dict[str, dict] = {}
    for offset, doc in pieces:
        for row in doc._.speakers or []:
            if row["name"] in merged:
                merged[row["name"]]["n_turns"] += row["n_turns"]
                merged[row["name"]]["role"] = merged[row["name"]]["role"] or row["role"]
            else:
                merged[row["name"]] = {"doc_id": doc_id, **row, "first_char": source(row["first_char"] + offset)}
    return list(merged.values())


def _own_columns(table: str) -> list[str]:
    span_names = set(SPAN_COLUMNS)
    return [f.name for f in TABLE_FIELDS[table] if f.name not in span_names and f.name != "claim_id"]


def _date(value):
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


class _Locator:
    """Sentence, speaker, line and page of a span, by binary search over the whole text;
    ``layout`` maps an offset of the Docs' text into ``text``."""

    def __init__(self, text: str, turns: list, layout: Layout):
        self.text, self.source, self.source_end = text, layout.source, layout.source_end
        self.line_starts = [0] + [m.end() for m in LINE_BREAK.finditer(text)]
        self.page_starts = [0] + [m.end() for m in PAGE_BREAK.finditer(text)] if layout.paginated else None
        self.turn_starts = [t[0] for t in turns]
        self.turn_names = [t[2] for t in turns]
        self._sent_doc, self._sent_cache = None, ([], [])

    def span_columns(self, doc_id: str, span, offset: int) -> dict:
        start, end = self.source(span.start_char + offset), self.source_end(span.end_char + offset)
        s_start, s_end = self.sentence_bounds(span, offset, start, end)
        turn = bisect.bisect_right(self.turn_starts, start) - 1
        return {
            "doc_id": doc_id, "start_char": start, "end_char": end, "text": self.text[start:end],
            "sentence_start_char": s_start, "sentence_end_char": s_end, "sentence": self.text[s_start:s_end],
            "speaker": self.turn_names[turn] if turn >= 0 else None,
            "line": bisect.bisect_right(self.line_starts, start),
            "page": bisect.bisect_right(self.page_starts, start) if self.page_starts else None,
        }

    def sentence_bounds(self, span, offset: int, start: int, end: int) -> tuple[int, int]:
        """The sentence holding the span (``start``, ``end`` in the stored text), without its
        surrounding whitespace; widened to the whole span if a component's span crosses a
        sentence boundary."""
        starts, ends = self._sentences(span.doc)
        if starts:
            first = bisect.bisect_right(starts, span.start_char) - 1
            last = bisect.bisect_right(starts, max(span.end_char - 1, span.start_char)) - 1
            s_start, s_end = starts[max(first, 0)] + offset, ends[max(last, 0)] + offset
        else:  # no sentence boundaries: the whole piece
            s_start, s_end = offset, offset + len(span.doc[-1].text_with_ws) + span.doc[-1].idx
        s_start, s_end = self.source(s_start), self.source_end(s_end)
        chunk = self.text[s_start:s_end]  # never Doc.text: it is rebuilt from every token on each access
        s_start += len(chunk) - len(chunk.lstrip())
        s_end -= len(chunk) - len(chunk.rstrip())
        return min(s_start, start), max(s_end, end)

    def _sentences(self, doc: Doc) -> tuple[list[int], list[int]]:
        """Sentence start and end offsets of a Doc, computed once per Doc (``Span.sent``
        walks the whole Doc on every call)."""
        if self._sent_doc is not doc:
            self._sent_doc = doc
            sents = list(doc.sents) if doc.has_annotation("SENT_START") else []
            self._sent_cache = ([s.start_char for s in sents], [s.end_char for s in sents])
        return self._sent_cache
