"""``claimspan_dates``: every temporal expression, as rows of the dates table.

``patterns`` (the pattern language), ``candidates`` (choosing among matches)
and ``component`` (the spaCy component; its docstring says what it reads and
writes).
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
