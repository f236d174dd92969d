"""``claimspan_resolutions``: the resolutions table (placeholder until its extractor lands).

Writes rows to ``doc.spans["resolutions"]`` with attributes in ``span._.resolution``.
"""
from __future__ import annotations

from spacy.language import Language

from pipeline.components.base import RuleComponent


@Language.factory("claimspan_resolutions", default_config={"rules_dir": None})
def make_resolutions(nlp: Language, name: str, rules_dir: str | None):
    return Component(nlp, name, rules_dir)


class Component(RuleComponent):
    table = "resolutions"
