"""Every Doc and Span extension claimspan uses, registered once.

Components write their rows as spans in ``doc.spans[<table>]``; the row's
attribute columns live in one plain-dict extension per table (``span._.claim``
and so on). One extension per table, not one shared ``row``, because spaCy keys
span extension values by (name, start, end): a claim and a date over the same
characters must not overwrite each other. Dates inside these dicts are ISO
strings so that docs survive pickling and ``nlp.pipe(n_process>1)``.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

# table name -> the Span extension that holds that table's attribute dict
ROW_EXTENSIONS = {
    "claims": "claim",
    "dates": "date",
    "organizations": "organization",
    "resolutions": "resolution",
}

DOC_EXTENSIONS = {
    "doc_id": None,
    "doc_date": None,         # ISO date string: the anchor for relative dates
    "doc_date_source": None,  # input | header | text
    "turns": None,            # [[line_start, name_start, name(, label)], ...] speaker turns (claimspan_speakers)
    "speakers": None,         # speakers-table rows (dicts) for this document
    "speaker_roles": None,    # {name: role} from a speakers list
    "speaker_labels": None,   # [name, ...] that took turns so far (this piece and the ones before)
    "current_speaker": None,  # the name of the last turn so far: who speaks at the next piece's start
    "org_definitions": None,  # {acronym: long form} the text defines
}


# What a document's earlier text tells its later text: carried from piece to piece
# when a long document is processed in pieces (pipeline/claimspan/batch.py).
CARRIED = ("doc_date", "doc_date_source", "speaker_roles", "speaker_labels", "current_speaker", "org_definitions")


def _per_doc(doc: Doc, key: str, compute):
    """A value computed once per Doc and kept in ``doc.user_data`` (recomputed if the
    Doc's length changed, i.e. it was retokenized)."""
    cached = doc.user_data.get(key)
    if cached is None or cached[0] != len(doc):
        cached = (len(doc), compute())
        doc.user_data[key] = cached
    return cached[1]


def _text(doc: Doc) -> str:
    """``doc.text``, built once: spaCy rebuilds it from every token on each access,
    which cost more than some components' whole work."""
    return _per_doc(doc, _TEXT_KEY, lambda: doc.text)


_TEXT_KEY = "claimspan.text"
_DEFINITIONS_KEY = "claimspan.acronym_definitions"


def acronym_definitions(doc: Doc) -> list:
    """The ``long form (SHORT)`` definitions of the Doc's text, found once per Doc
    (organizations and resolutions both read them; plain tuples, so they pickle)."""
    from claimspan.normalize.acronyms import find_definitions

    from claimspan.ruleset import load_table

    def find() -> list:
        skipped = frozenset(load_table("common", "words.yaml").get("acronym_skipped_words") or ())   # (parsed once)
        return find_definitions(_text(doc), skipped=skipped)

    return _per_doc(doc, _DEFINITIONS_KEY, find)


def set_text(doc: Doc, text: str) -> None:
    """Give ``doc._.text`` the text the Doc was tokenized from, so that it is never
    rebuilt (spaCy's tokenizer keeps the text exactly: ``doc.text == text``)."""
    doc.user_data[_TEXT_KEY] = (len(doc), text)


def register() -> None:
    """Idempotent: safe to call from every component factory."""
    if not Doc.has_extension("text"):
        Doc.set_extension("text", getter=_text)
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name in ROW_EXTENSIONS.values():
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


def add_row(doc: Doc, table: str, span: Span, rule: str, attrs: dict) -> Span:
    """Append ``span`` to ``doc.spans[table]`` with its attribute dict.

    ``rule`` becomes the span label and the row's ``rule`` column.
    """
    row_span = Span(doc, span.start, span.end, label=rule)
    setattr(row_span._, ROW_EXTENSIONS[table], dict(attrs, rule=rule))
    if table not in doc.spans:
        doc.spans[table] = []
    doc.spans[table].append(row_span)
    return row_span


register()
