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

import functools
import weakref

import numpy as np
from spacy.attrs import IDS, LOWER, ORTH, SHAPE
from spacy.strings import get_string_id
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


def positions(doc: Doc, words, attr: int = LOWER) -> list[int]:
    """Positions of the tokens whose ``attr`` (LOWER, ORTH or SHAPE) is one of ``words``, in
    order: one vectorized pass over the Doc's word column, no Matcher, no loop over tokens.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> positions(nlp("The Bank of the Bank"), {"bank"}), positions(nlp("a B b"), ["B"], ORTH)
    ([1, 4], [1])
    """
    if not len(doc) or not words:
        return []
    keys = _keys(words if isinstance(words, frozenset) else frozenset(words))
    return np.flatnonzero(among(column(doc, attr), keys)).tolist()


def among(values: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """Per value, whether it is one of ``keys`` (sorted, unique): ``np.isin`` without its
    per-call set-up, which on the few hundred tokens of a Doc costs more than the test.

    >>> among(np.array([5, 1, 9, 3], dtype="uint64"), np.array([1, 3, 4], dtype="uint64")).tolist()
    [False, True, False, True]
    """
    if not len(keys):
        return np.zeros(len(values), dtype=bool)
    at = np.searchsorted(keys, values)
    at[at == len(keys)] = 0
    return keys[at] == values


@functools.lru_cache(maxsize=256)
def _keys(words: frozenset) -> np.ndarray:
    """The string ids of ``words``, sorted (a rule list's hashed once per run, not per Doc)."""
    return np.unique(np.array([get_string_id(w) for w in words], dtype="uint64"))
