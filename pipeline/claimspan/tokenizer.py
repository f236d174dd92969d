"""Tokenizer tweaks so that numbers, units and ranges fall on token boundaries.

Spans in spaCy are token-aligned, so a range ``2016–2020`` or an amount
``2.5bn`` / ``RMB1.2`` must be split into tokens before a component can report
its parts. Only token boundaries change; the text never does.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.util import compile_infix_regex, compile_prefix_regex

from claimspan import ruleset

INFIXES = [
    r"(?<=[0-9])[\-\u2010-\u2015\u2212~](?=[0-9])",  # 2016-2020, 2016–2020, 5−3
    r"(?<=[0-9])(?=[A-Za-z\u00B5\u00B0\u2103])",      # 2.5bn, 10km, 10M
    r"(?<=[A-Z]{2})(?=[0-9])",                        # RMB1.2, US$ handled by spaCy
    r"(?<=[Mm]id)-(?=[0-9])",                         # mid-1996, mid-1990s (dates)
]


def customize_tokenizer(nlp: Language) -> Language:
    infixes = list(nlp.Defaults.infixes) + INFIXES
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    labels = ruleset.read_rule_file(str(ruleset.rules_path("speakers", "labels.yaml")))
    debris = [re.escape(p) for p in labels.get("tokenizer_prefixes") or []]
    if debris:
        nlp.tokenizer.prefix_search = compile_prefix_regex(debris + list(nlp.Defaults.prefixes)).search
    return nlp
