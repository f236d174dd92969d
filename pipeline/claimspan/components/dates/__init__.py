"""``claimspan_dates``: every temporal expression, as rows of the dates table.

Writes ``doc.spans["dates"]`` with the row attributes in ``span._.date``
(kind, value, start_date, end_date, granularity, mod, is_relative, anchor_date),
resolved against ``doc._.doc_date``.

Reads ``rules/dates/lexicon.yaml`` (word lists), ``patterns.yaml`` (token
patterns over those word classes) and ``exclusions.yaml`` (names and amounts
that look like dates). Finding is done by spaCy Matchers (one per set of
trigger words, one for affixes and exclusions) and one PhraseMatcher
(holidays); Python only picks the longest candidates, joins affixes ("the end
of" + "last year", "77 years" + "ago") and ranges ("2016" + "to" + "2020"),
then normalizes each row with ``claimspan.normalize.timex``.
"""
from __future__ import annotations

from spacy.language import Language

from claimspan.components.dates.component import DatesComponent

__all__ = ["DatesComponent", "make_dates"]


@Language.factory(
    "claimspan_dates",
    default_config={"rules_dir": None},
    assigns=["doc.spans", "span._.date"],
    requires=["doc._.doc_date"],
)
def make_dates(nlp: Language, name: str, rules_dir: str | None):
    return DatesComponent(nlp, name, rules_dir)
