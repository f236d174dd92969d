"""The Arrow schema of every output table, defined once (SPEC.md, "Tables").

Each extraction table is the shared source-span fields plus its own columns.
Writers and the Python API both use these schemas, never inferred ones, so an
empty table still has every column with its type.
"""
from __future__ import annotations

import pyarrow as pa


def _f(name: str, type_: pa.DataType, doc: str, nullable: bool = True) -> pa.Field:
    return pa.field(name, type_, nullable=nullable, metadata={"description": doc})


SPAN_FIELDS = [
    _f("doc_id", pa.string(), "the document's id (file stem, or the id column of a table input)", False),
    _f("start_char", pa.int64(), "code-point offset of the span in documents.text", False),
    _f("end_char", pa.int64(), "end offset (exclusive) of the span in documents.text", False),
    _f("text", pa.string(), "exactly documents.text[start_char:end_char]", False),
    _f("sentence_start_char", pa.int64(), "start of the sentence that holds the span", False),
    _f("sentence_end_char", pa.int64(), "end of that sentence", False),
    _f("sentence", pa.string(), "that sentence's text", False),
    _f("speaker", pa.string(), "who says it, in a transcript with Name: turns; null elsewhere"),
    _f("line", pa.int32(), "1-based line of start_char in the document", False),
    _f("page", pa.int32(), "1-based page of start_char in a paginated source (pages end at a form feed); "
       "null for sources without pages"),
]

TABLE_FIELDS = {
    "documents": [
        _f("doc_id", pa.string(), "the document's id", False),
        _f("source", pa.string(), "where it was read from: file path, with #record for table inputs"),
        _f("sha256", pa.string(), "sha256 of the raw bytes (or of the UTF-8 text of a table record)"),
        _f("text", pa.string(), "the text every offset refers to"),
        _f("n_chars", pa.int64(), "len(text) in code points", False),
        _f("title", pa.string(), "title from input metadata (or the HTML, PDF or DOCX file's own), null if none"),
        _f("doc_date", pa.date32(), "the document's date: the anchor for relative dates"),
        _f("doc_date_source", pa.string(), "input | header | text"),
        _f("status", pa.string(), "ok | empty | error | skipped (a file in a folder of a type no reader knows)",
           False),
        _f("error", pa.string(), "why the document could not be read or processed, or was skipped"),
        _f("n_pages", pa.int32(), "pages of a paginated source (PDF), separated in text by a form feed; "
           "null for sources without pages"),
    ],
    "claims": SPAN_FIELDS + [
        _f("claim_id", pa.string(), "doc_id:start_char-end_char", False),
        _f("kind", pa.string(), "count | percent | money | measure | ratio", False),
        _f("value", pa.float64(), "the number, normalized"),
        _f("unit", pa.string(), "% for percent, ISO 4217 for money, the unit of a measure; null for counts"),
        _f("qualifier", pa.string(),
           "exact | approximately | more_than | at_least | less_than | at_most | nearly", False),
        _f("counted", pa.string(), "the minimal noun phrase the number counts"),
        _f("counted_start_char", pa.int64(), "its start"),
        _f("counted_end_char", pa.int64(), "its end"),
        _f("period_text", pa.string(), "the time expression in the sentence that scopes the claim"),
        _f("period_start", pa.date32(), "that period's first day"),
        _f("period_end", pa.date32(), "that period's last day"),
        _f("checkworthy", pa.bool_(), "false for counts of the speaker's own discourse", False),
        _f("rule", pa.string(), "the rule that produced the row", False),
        _f("stat_id", pa.string(), "the statistic the claim states: shared by every claim of the run that "
           "restates the same figure (table statistics); a claim no other restates has its own"),
    ],
    "dates": SPAN_FIELDS + [
        _f("kind", pa.string(), "date | range | duration | set | time", False),
        _f("value", pa.string(), "TIMEX3-style value"),
        _f("start_date", pa.date32(), "first day of the calendar interval covered"),
        _f("end_date", pa.date32(), "last day of that interval"),
        _f("granularity", pa.string(), "day | month | quarter | year | decade | century"),
        _f("mod", pa.string(), "start | mid | end | approx | before | after"),
        _f("is_relative", pa.bool_(), "resolved against an anchor", False),
        _f("anchor_date", pa.date32(), "the date it was resolved against"),
        _f("rule", pa.string(), "the rule that produced the row", False),
    ],
    "organizations": SPAN_FIELDS + [
        _f("name", pa.string(), "canonical name", False),
        _f("acronym", pa.string(), "the short form, when one is known"),
        _f("org_key", pa.string(), "key shared by every mention of one organization in a run", False),
        _f("source", pa.string(), "rule | gazetteer | acronym | model", False),
        _f("rule", pa.string(), "the rule that produced the row", False),
    ],
    "resolutions": SPAN_FIELDS + [
        _f("kind", pa.string(), "resolution | law | regulation | convention | covenant | declaration | "
           "charter | constitution | plan | agenda | initiative | code | other", False),
        _f("title", pa.string(), "the instrument's name; null for an unnamed resolution"),
        _f("body", pa.string(), "the adopting or proposing organization (canonical name)"),
        _f("rule", pa.string(), "the rule that produced the row", False),
    ],
    "speakers": [
        _f("doc_id", pa.string(), "the document's id", False),
        _f("name", pa.string(), "the speaker's name or news outlet as in the turn label", False),
        _f("role", pa.string(), "the description given in a speakers list"),
        _f("organization", pa.string(), "the organization the speaker belongs to"),
        _f("n_turns", pa.int64(), "number of turns", False),
        _f("first_char", pa.int64(), "offset of the first turn label", False),
    ],
    "statistics": [
        _f("stat_id", pa.string(), "the statistic's id (claims.stat_id), the same for the same claims", False),
        _f("label", pa.string(), "what is counted or measured, where and when, in words", False),
        _f("kind", pa.string(), "as in claims", False),
        _f("unit", pa.string(), "as in claims"),
        _f("n_claims", pa.int32(), "claims that state it (two or more)", False),
        _f("n_documents", pa.int32(), "documents that state it", False),
        _f("value_min", pa.float64(), "the lowest value stated"),
        _f("value_max", pa.float64(), "the highest value stated"),
        _f("consistent", pa.bool_(), "false when two of its values cannot both be true given their qualifiers "
           "and no later document date explains the change", False),
        _f("first_doc_date", pa.date32(), "the earliest document date among its claims"),
        _f("last_doc_date", pa.date32(), "the latest document date among its claims"),
    ],
}

TABLES = tuple(TABLE_FIELDS)
EXTRACTION_TABLES = ("claims", "dates", "organizations", "resolutions")
RUN_TABLES = ("statistics",)   # computed once over the whole run, after every document (claimspan.statistics)


def schema(table: str, metadata: dict[str, str] | None = None) -> pa.Schema:
    """The table's schema, with run metadata (pipeline version, rules hash...) attached."""
    return pa.schema(TABLE_FIELDS[table], metadata=metadata)
