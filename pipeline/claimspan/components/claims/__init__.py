"""``claimspan_claims``: numeric claims (SPEC "claims"), by concern.

``component`` (the spaCy component: where a number may start, exclusions,
rows), ``reading`` (a claim's words: qualifier, number, currency, unit,
percent, ratio), ``ranges`` (ranges, proportions, temporal numbers),
``context`` (counted noun, period, checkworthy), ``period`` (which date of the
sentence is the claim's period) and ``clauses`` (whose clause a date is in: from
the parse, or from words), ``tokens`` (the token view they share) and ``rules``
(rules/claims/ read and validated).
"""
from claimspan.components.claims.component import ClaimsComponent, make_claims

__all__ = ["ClaimsComponent", "make_claims"]
