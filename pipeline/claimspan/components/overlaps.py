"""``claimspan_overlaps``: where two tables claim the same words, settled in one step after the extractors.

The extractors each choose among their own candidates (``components.candidates``);
what one table's rows mean for another's is decided here, once, so that no
extractor edits another's spans. The policy, rules over a trained model:

- an organization found only by the model (``source`` "model") is dropped when
  it lies inside an instrument row ("Cultural Rights" in "the International
  Covenant on Economic, Social and Cultural Rights"), or starts right after an
  instrument and the word that continues its title ("... Plan (2021-2025) for
  National Economic and Social Development"; the continuation words are the
  ``starts`` of rules/resolutions/instruments.yaml).

Organizations found by the rules and dates or claims rows are never dropped here:
the extractors already keep out of each other's way (claims never use date tokens).
"""
from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from claimspan import extensions, ruleset


@Language.factory(
    "claimspan_overlaps",
    default_config={"rules_dir": None},
    assigns=["doc.spans"],
    requires=["span._.organization", "span._.resolution"],
)
def make_overlaps(nlp: Language, name: str, rules_dir: str | None):
    return OverlapsComponent(nlp, name, rules_dir)


class OverlapsComponent:
    def __init__(self, nlp: Language, name: str, rules_dir: str | None = None):
        extensions.register()
        # the continuation words of instrument titles: the resolutions rules' own list
        folder = Path(rules_dir) if rules_dir else ruleset.rules_path("resolutions")
        path = folder / "instruments.yaml"
        self.starts = frozenset(str(w).lower() for w in ruleset.read_rule_file(str(path)).get("starts") or ())

    def __call__(self, doc: Doc) -> Doc:
        instruments = list(doc.spans.get("resolutions", []))
        if not instruments or "organizations" not in doc.spans:
            return doc
        covered = {i for r in instruments for i in range(r.start, r.end)}
        covered |= {r.end + 1 for r in instruments if r.end < len(doc) and doc[r.end].lower_ in self.starts}
        orgs = list(doc.spans["organizations"])
        kept = [o for o in orgs
                if o._.organization.get("source") != "model" or covered.isdisjoint(range(o.start, o.end))]
        if len(kept) < len(orgs):
            doc.spans["organizations"] = kept
        return doc
