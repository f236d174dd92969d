"""The word columns are read once per Doc and stay right; other attributes are read fresh."""
import spacy
from spacy.attrs import LOWER, ORTH, SENT_START, SHAPE

from claimspan.components.docarrays import column, word_ids


def test_word_columns_are_read_once_and_equal_to_array():
    doc = spacy.blank("en")("The U.N. said 40 People left.")
    for attr in (ORTH, LOWER, SHAPE):
        assert column(doc, attr) is column(doc, attr)
        assert column(doc, attr).tolist() == doc.to_array(attr).tolist() == word_ids(doc, attr)
    assert word_ids(doc, "LOWER") is word_ids(doc, LOWER)
    assert not column(doc, LOWER).flags.writeable


def test_other_attributes_are_read_fresh():
    doc = spacy.blank("en")("One. Two.")
    before = column(doc, SENT_START).tolist()
    doc[2].is_sent_start = True
    assert column(doc, SENT_START).tolist() != before


def test_a_retokenized_doc_is_read_again():
    doc = spacy.blank("en")("New York is big")
    assert len(column(doc, ORTH)) == 4
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:2])
    assert column(doc, ORTH).tolist() == doc.to_array(ORTH).tolist() and len(word_ids(doc, ORTH)) == 3


def test_columns_do_not_outlive_their_doc():
    from claimspan.components import docarrays

    doc = spacy.blank("en")("a b c")
    column(doc, LOWER)
    held = len(docarrays._COLUMNS)
    del doc
    assert len(docarrays._COLUMNS) == held - 1
