"""Organization names: normalization, run-wide keys, acronym definitions (pure functions)."""
from __future__ import annotations

import pytest

from claimspan import ruleset
from claimspan.normalize.acronyms import find_definitions
from claimspan.normalize.orgs import build_aliases, normalize_name, org_key, un_spellings

ALIASES = build_aliases(ruleset.read_rule_file(str(ruleset.rules_path("organizations", "gazetteer.jsonl"))))


@pytest.mark.parametrize("name, folded", [
    ("United Nations", "un"),
    ("U.N.", "un"),
    ("the UN Human Rights Council", "un human rights council"),
    ("Supreme People\u2019s Court", "supreme people's court"),
    ("All-China  Federation of Industry & Commerce", "all-china federation of industry and commerce"),
    ("Law of the P.R.C.", "law of the prc"),
    ("Unity Party", "unity party"),  # "un" only as a whole word
])
def test_normalize_name(name, folded):
    assert normalize_name(name) == folded


@pytest.mark.parametrize("variants", [
    ("UNHRC", "UN Human Rights Council", "United Nations Human Rights Council", "U.N. Human Rights Council",
     "the Human Rights Council"),
    ("OHCHR", "Office of the UN High Commissioner for Human Rights",
     "Office of the United Nations High Commissioner for Human Rights"),
    ("ILO", "International Labor Organization", "International Labour Organization"),
    ("UN", "U.N.", "United Nations"),
    ("CPC", "Communist Party of China", "Chinese Communist Party"),
    ("Foreign Ministry", "Ministry of Foreign Affairs", "MFA"),
    ("Press Bureau of the SCIO", "Press Bureau of the State Council Information Office"),
    ("19th CPC Central Committee", "19th Communist Party of China Central Committee"),
])
def test_variants_share_one_key(variants):
    assert len({org_key(v, ALIASES) for v in variants}) == 1


@pytest.mark.parametrize("a, b", [
    ("UN Human Rights Council", "UN General Assembly"),
    ("19th CPC Central Committee", "20th CPC Central Committee"),
    ("Supreme People's Court", "Supreme People's Procuratorate"),
    ("Research Office of the Supreme People's Court", "Supreme People's Court"),
])
def test_different_organizations_differ(a, b):
    assert org_key(a, ALIASES) != org_key(b, ALIASES)


def test_unknown_name_keys_on_its_own_spelling():
    assert org_key("Nankai University", ALIASES) == org_key("the  Nankai University", ALIASES) == "nankai university"


@pytest.mark.parametrize("spelling, expected", [
    ("World Bank", ["World Bank"]),
    ("Unity Party", ["Unity Party"]),        # "UN" only as a whole word
    ("UNICEF", ["UNICEF"]),                  # an acronym that starts with UN is not the UN
    ("UN", ["UN"]),                          # the UN alone is spelled by the gazetteer, not here
    ("UN Women", ["UN Women", "United Nations Women", "U.N. Women"]),
])
def test_un_spellings_only_for_the_un(spelling, expected):
    assert un_spellings(spelling) == expected


@pytest.mark.parametrize("text, short, long", [
    ("briefing by the State Council Information Office (SCIO) today", "SCIO", "State Council Information Office"),
    ("the Central Committee of the Communist Party of China (CPC) with", "CPC", "Communist Party of China"),
    ("head of the Research Office of the Supreme People's Court (SPC) and", "SPC", "Supreme People's Court"),
    ("the Office of the United Nations High Commissioner for Human Rights (OHCHR)", "OHCHR",
     "Office of the United Nations High Commissioner for Human Rights"),
    ("the UNHRC (UN Human Rights Council) met", "UNHRC", "UN Human Rights Council"),
])
def test_find_definitions(text, short, long):
    found = [(d.short, d.long, text[d.short_start:d.short_end], text[d.long_start:d.long_end])
             for d in find_definitions(text)]
    assert found == [(short, long, short, long)]


@pytest.mark.parametrize("text", [
    "the plan (2016-2020) was", "a large country (China) and", "the period (see above)", "a rise (12%)",
])
def test_no_definition(text):
    assert find_definitions(text) == []
