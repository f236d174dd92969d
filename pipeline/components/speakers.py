"""placeholder"""
from __future__ import annotations

from spacy.language import Language


@Language.factory("claimspan_speakers")
def make_speakers(nlp: Language, name: str):
    return lambda doc: doc
