"""A Doc's word ids (ORTH, LOWER, SHAPE) as whole-Doc arrays, read once and shared by
every component.

``Doc.to_array`` costs some microseconds a call whatever it reads, and the
components ask for the same few columns of the same Doc thousands of times over a
corpus (each vectorized test starts from one). These three depend on the word alone,
and no component changes a Doc's tokens, so a column read once stays right while
its Doc lives; it is kept beside the Doc, not in it (a Doc's ``user_data`` travels
with it when pickled). Anything else (sentence starts, tags, norms, flag bits set
later) is read fresh.
"""
from __future__ import annotations

import weakref

import numpy as np
from spacy.attrs import IDS, LOWER, ORTH, SHAPE
from spacy.tokens import Doc

WORD_COLUMNS = frozenset({ORTH, LOWER, SHAPE})
_COLUMNS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()   # Doc -> (length, {attr: array})


def column(doc: Doc, attr: int | str) -> np.ndarray:
    """``doc.to_array(attr)``, read-only; ORTH, LOWER and SHAPE read once per Doc.

    >>> import spacy
    >>> doc = spacy.blank("en")("Two Words")
    >>> column(doc, "LOWER") is column(doc, LOWER), column(doc, LOWER).tolist() == doc.to_array(LOWER).tolist()
    (True, True)
    """
    attr = IDS[attr.upper()] if isinstance(attr, str) else attr
    if attr not in WORD_COLUMNS:
        return doc.to_array(attr)
    length, columns = _COLUMNS.get(doc, (None, None))
    if length != len(doc):   # a Doc retokenized after it was read (no component does)
        length, columns = _COLUMNS[doc] = (len(doc), {})
    values = columns.get(attr)
    if values is None:
        values = columns[attr] = doc.to_array(attr)
        values.flags.writeable = False
    return values


def word_ids(doc: Doc, attr: int | str) -> list[int]:
    """``column(doc, attr)`` as a list of ints (indexing a list one by one is faster than
    an array), made once per Doc for the word columns too."""
    attr = IDS[attr.upper()] if isinstance(attr, str) else attr
    if attr not in WORD_COLUMNS:
        return doc.to_array(attr).tolist()
    column(doc, attr)
    columns = _COLUMNS[doc][1]
    key = ("list", attr)
    values = columns.get(key)
    if values is None:
        values = columns[key] = columns[attr].tolist()
    return values
