"""``claimspan_organizations``: the organizations table (placeholder until its extractor lands).

Writes rows to ``doc.spans["organizations"]`` with attributes in ``span._.organization``.
"""
from __future__ import annotations

from spacy.language import Language

from pipeline.components.base import RuleComponent


@Language.factory("claimspan_organizations", default_config={"rules_dir": None})
def make_organizations(nlp: Language, name: str, rules_dir: str | None):
    return Component(nlp, name, rules_dir)


class Component(RuleComponent):
    table = "organizations"
