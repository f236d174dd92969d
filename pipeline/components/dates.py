"""``claimspan_dates``: the dates table (placeholder until its extractor lands).

Writes rows to ``doc.spans["dates"]`` with attributes in ``span._.date``.
"""
from __future__ import annotations

from spacy.language import Language

from pipeline.components.base import RuleComponent


@Language.factory("claimspan_dates", default_config={"rules_dir": None})
def make_dates(nlp: Language, name: str, rules_dir: str | None):
    return Component(nlp, name, rules_dir)


class Component(RuleComponent):
    table = "dates"
