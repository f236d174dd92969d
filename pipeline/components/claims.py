"""``claimspan_claims``: the claims table (placeholder until its extractor lands).

Writes rows to ``doc.spans["claims"]`` with attributes in ``span._.claim``.
"""
from __future__ import annotations

from spacy.language import Language

from pipeline.components.base import RuleComponent


@Language.factory("claimspan_claims", default_config={"rules_dir": None})
def make_claims(nlp: Language, name: str, rules_dir: str | None):
    return Component(nlp, name, rules_dir)


class Component(RuleComponent):
    table = "claims"
