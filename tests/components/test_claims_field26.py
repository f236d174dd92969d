"""Faults found in field documents (an election wire story, an earnings release, a state bill
report, a speech) for ``claimspan_claims`` (with ``claimspan_dates`` before it, as in the
pipeline). Expected claims inline with <claim>, counted nouns with <noun>; every claim of a
text must be tagged, attributes left off are not checked."""
from __future__ import annotations

import pytest

from tests.inline import blank_pipeline, check_claims


@pytest.fixture(scope="module")
def nlp():
    return blank_pipeline("dates", "claims")


# session laws and a bill report's roll calls are identifiers and tallies, not counts
IDENTIFIERS = [
    "Under RCW 84.52.0531 (2019 c 411 s 3), <claim value=102>102</claim> <noun>districts</noun> may levy.",
    "See 2020 c 57 ss 12-14, 2021 c 176 § 2 and 2021 1st sp.s. c 7 s 12.",
    "SHB 1234\nC 176 L 21\nSynopsis as Enacted",
    "Votes on Final Passage:\nHouse 58 39\nSenate 29 20 (Senate amended)\nHouse 61 37 (House concurred)",
    "By 2019 c. <claim value=300>300</claim> <noun>families</noun> had left.",
]


@pytest.mark.parametrize("marked", IDENTIFIERS)
def test_identifiers(nlp, marked):
    check_claims(nlp, marked, every_noun=True)
