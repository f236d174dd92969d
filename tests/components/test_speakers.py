"""Transcript structure: turn labels, debris, speakers lists, and what is not a turn."""
from __future__ import annotations

import pytest
import spacy

from claimspan.components import speakers  # noqa: F401  registers the factory


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("claimspan_speakers")
    return nlp


BRIEFING = """Speakers:
Wang Lin, director of the Research Office of the Supreme People's Court
Chairperson:
Zhao Min, spokesperson of the State Council Information Office (SCIO)
Date:
May 31, 2021
Zhao Min:
Welcome.
Wang Lin:
Thank you.
_ueditor_page_break_tag_Xinhua News Agency:
A question.
Lianhe Zaobao:
Another one.
Wang Lin:
An answer.
"""


def test_briefing_turns_and_roles(nlp):
    doc = nlp(BRIEFING)
    rows = {r["name"]: r for r in doc._.speakers}
    assert list(rows) == ["Zhao Min", "Wang Lin", "Xinhua News Agency", "Lianhe Zaobao"]
    assert rows["Wang Lin"]["n_turns"] == 2
    assert rows["Wang Lin"]["organization"] == "Supreme People's Court"
    assert rows["Zhao Min"]["organization"] == "State Council Information Office"
    assert rows["Lianhe Zaobao"]["organization"] == "Lianhe Zaobao"  # not in the list: an outlet
    for row in rows.values():
        assert BRIEFING[row["first_char"]:].startswith(row["name"])


@pytest.mark.parametrize("text", [
    "Reference(s):\nSome link\n",
    "Note:\nThis is a note.\n",
    "He said: we will go on.\n",
    "Beijing: a city of 21 million.\n",
])
def test_not_turns(nlp, text):
    assert nlp(text)._.speakers == []


def test_a_label_used_once_counts_in_a_transcript(nlp):
    doc = nlp("Anna Berg: Hello.\nTom Li: Hi.\nAnna Berg: Bye.\n")
    assert [(r["name"], r["n_turns"]) for r in doc._.speakers] == [("Anna Berg", 2), ("Tom Li", 1)]
