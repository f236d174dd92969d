"""claimspan_overlaps: what one table's rows mean for another's, settled after the extractors."""
from __future__ import annotations

import spacy
from spacy.tokens import Span

from claimspan import extensions
from claimspan.components import overlaps  # noqa: F401  registers the factory


def doc_with(text: str, instruments: list[tuple[int, int]], orgs: list[tuple[int, int, str]]):
    nlp = spacy.blank("en")
    pipe = nlp.add_pipe("claimspan_overlaps")
    doc = nlp.make_doc(text)
    for s, e in instruments:
        extensions.add_row(doc, "resolutions", Span(doc, s, e), "resolutions.name.plan", {"kind": "plan"})
    for s, e, source in orgs:
        extensions.add_row(doc, "organizations", Span(doc, s, e), f"organizations.{source}", {"source": source})
    return pipe(doc)


def test_model_organization_inside_or_after_an_instrument_is_dropped():
    # "the Outline of the Plan for National Development and the State Council"
    text = "the Plan for National Development and the State Council"
    doc = doc_with(text, [(1, 2)], [(3, 5, "model"), (7, 9, "model"), (3, 4, "rule")])
    assert [(o.text, o._.organization["source"]) for o in doc.spans["organizations"]] == [
        ("State Council", "model"), ("National", "rule")]


def test_nothing_to_settle_leaves_the_doc_alone():
    doc = doc_with("the State Council met", [], [(1, 3, "model")])
    assert [o.text for o in doc.spans["organizations"]] == ["State Council"]
