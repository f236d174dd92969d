"""``claimspan_claims``: numeric claims (SPEC "claims"), by concern.

``component`` (the spaCy component: where a number may start, exclusions,
rows), ``reading`` (a claim's words: qualifier, number, currency, unit,
percent, ratio), ``ranges`` (ranges, proportions, temporal numbers),
``context`` (counted noun, period, checkworthy), ``tokens`` (the token view
they share) and ``rules`` (rules/claims/ read and validated).
"""
from claimspan.components.claims.component import ClaimsComponent, make_claims

__all__ = ["ClaimsComponent", "make_claims"]
