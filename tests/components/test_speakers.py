"""Transcript structure: turn labels, debris, speakers lists, and what is not a turn."""
from __future__ import annotations

import pytest
import spacy

from claimspan.components import speakers  # noqa: F401  registers the factory
from claimspan.components.speakers import label_spans


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
    "Note: Figures are provisional.\nSource: Red Cross\nSubject: Water prices\nWarning: Roads are closed.\n",
    "KENYA:\nTotal Dead: 192\nInjured: 4,877\n\nTANZANIA:\nTotal dead: 10\n",
    "NAIROBI, Kenya (AP) -- Floods killed 40 people.\nInjured: 215 people\nDead: 40\nKilled: two guards\n",
    "Dead:\nJohn Okoro, 34, a teacher\nMary Wanjiru, 52, a nurse\n",
    "Date: 2021-05-31\nTime: 10:30\nVenue: Hall 3\n",
    "More at http://example.org/floods\nhttp: the protocol\n10:30 the meeting began\n",
    "The result was clear: 40 percent voted no.\nIn a statement, the company said: sales fell.\n",
    "Editor's Note: This story was updated.\nBreaking: Ten ships sank.\nA Day in Court: The trial began.\n",
    "Markets Stocks: Volume 170,330,000 shares.\nBonds: Treasury index 3406.31, off 19.29.\nDollar: 141.65 yen\n",
])
def test_not_turns(nlp, text):
    assert nlp(text)._.speakers == []


@pytest.mark.parametrize("text, turns", [
    ("Reporter: How many jobs?\nMinister Lena Park: In 2022 we created 40,000.\n",
     [("Reporter", 1), ("Minister Lena Park", 1)]),
    ("MR. LEE: Yes.\nTHE MINISTER: No.\nSEN. WARREN: Maybe.\nMS. O'BRIEN: Never.\n",
     [("MR. LEE", 1), ("THE MINISTER", 1), ("SEN. WARREN", 1), ("MS. O'BRIEN", 1)]),
    ("Q: How many?\nA: Four.\nQ: Where?\nA: Here.\n", [("Q", 2), ("A", 2)]),
    ("MR. LEE:\u00a0Yes.\r\nMS. PARK:\tNo.\r\n", [("MR. LEE", 1), ("MS. PARK", 1)]),   # no-break space, tab, CRLF
    ("SMITH: Forty pages.\nJONES: Not true.\nSMITH: True.\n", [("SMITH", 2), ("JONES", 1)]),
    ("Moderator: Welcome.\nAnna Berg: Thanks.\nModerator: Go on.\n", [("Moderator", 2), ("Anna Berg", 1)]),
    ("THE PRESIDENT:\nFellow citizens, we built 300 schools.\nAnd 40 clinics.\n", [("THE PRESIDENT", 1)]),
    ("Minister Lena Park: Thank you all for coming.\nWe built 300 schools.\n", [("Minister Lena Park", 1)]),
    ("Anna Berg: We built 300 schools.\nCGTN: When?\nAnna Berg: In 2021.\n", [("Anna Berg", 2), ("CGTN", 1)]),
    ("LENA PARK (Minister of Education): We built 40 schools.\nTOM LI (Reporter): And teachers?\n",
     [("LENA PARK", 1), ("TOM LI", 1)]),
])
def test_turn_shapes(nlp, text, turns):
    assert [(r["name"], r["n_turns"]) for r in nlp(text)._.speakers] == turns


def test_a_role_in_parentheses_after_the_name_is_its_role_and_not_part_of_the_name(nlp):
    text = "Sen. Maria Ortiz (D-New Mexico): The bill costs $3 billion.\nExports (in tonnes): 4,000\n"
    doc = nlp(text)
    assert [(r["name"], r["role"]) for r in doc._.speakers] == [("Sen. Maria Ortiz", "D-New Mexico")]
    assert [text[s:e] for s, e, _ in label_spans(doc)] == ["Sen. Maria Ortiz"]


def test_a_party_in_parentheses_then_a_state_after_a_comma_is_the_role(nlp):
    # a news network's label for a politician: "GOV. GREG ABBOTT (R), TEXAS:"
    text = "CABRERA: He spoke earlier.\n\nGOV. GREG ABBOTT (R), TEXAS: We deployed the Guard to 15 counties.\n"
    doc = nlp(text)
    rows = {r["name"]: r for r in doc._.speakers}
    assert list(rows) == ["CABRERA", "GOV. GREG ABBOTT"] and rows["GOV. GREG ABBOTT"]["role"] == "R, TEXAS"
    assert [text[s:e] for s, e, _ in label_spans(doc)] == ["CABRERA", "GOV. GREG ABBOTT"]


def test_a_role_after_a_comma_is_its_role_once_the_label_is_a_turn(nlp):
    doc = nlp("DAVID MUIR, ABC NEWS ANCHOR: Good evening.\n\nHARRIS: Thank you.\n\nMUIR: Next.\n\nHARRIS: Sure.")
    rows = {r["name"]: r for r in doc._.speakers}
    assert list(rows) == ["DAVID MUIR", "HARRIS", "MUIR"] and rows["DAVID MUIR"]["role"] == "ABC NEWS ANCHOR"
    # a place and its description before a colon, in news, is no turn
    assert nlp("Beijing, the capital: a city of 21 million people.")._.speakers == []
    assert nlp("Washington, D.C.: The White House said 5 people.")._.speakers == []


def test_a_person_in_capitals_is_no_outlet(nlp):
    rows = {r["name"]: r["organization"] for r in nlp("SMITH: Yes.\nCNN: Why?\nSMITH: Because.\nEFE: And?\n"
                                                      "MR. LEE: Wait.\n")._.speakers}
    assert rows == {"SMITH": None, "CNN": "CNN", "EFE": "EFE", "MR. LEE": None}


def test_a_later_piece_knows_the_labels_and_speaker_of_earlier_ones(nlp):
    piece = "Tom Li: We need 40 more beds.\nThe rest of his answer.\n"
    assert nlp(piece)._.turns == []
    doc = nlp.make_doc(piece)
    doc._.speaker_labels, doc._.current_speaker = ["Anna Berg", "Tom Li"], "Anna Berg"
    doc = nlp(doc)
    assert [t[2] for t in doc._.turns] == ["Tom Li"] and doc._.current_speaker == "Tom Li"
    assert doc._.speaker_labels == ["Anna Berg", "Tom Li"]
    quiet = nlp.make_doc("More of the same speech, with 12 numbers.\n")
    quiet._.speaker_labels, quiet._.current_speaker = ["Anna Berg"], "Anna Berg"
    assert nlp(quiet)._.current_speaker == "Anna Berg"


def sentences(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents]


LABELLED = "MR. LEE: We hired 300 people. Most were nurses.\nSMITH:\nIn those 40 pages, we found 12 errors.\n"
SPLIT = ["MR. LEE:", "We hired 300 people.", "Most were nurses.", "SMITH:", "In those 40 pages, we found 12 errors."]


def test_a_label_is_a_sentence_of_its_own():
    from tests.inline import blank_pipeline

    assert sentences(blank_pipeline("speakers"), LABELLED) == SPLIT


RECORD = ("The PRESIDENT. The clerk will read the bill.\n\nMr. DAVIES. It costs $250 million. Rents rose 38 percent.\n\n"
          "LENA PARK (Minister of Education): We agree.\nSENATOR GARCIA: The cap is $225,000.\n")


def test_a_record_label_ends_at_its_period_not_at_a_later_colon():
    """Labels that end in a period, then one that ends in a colon: each earlier turn keeps its sentences."""
    from tests.inline import blank_pipeline

    assert sentences(blank_pipeline("speakers"), RECORD) == [
        "The PRESIDENT.", "The clerk will read the bill.", "Mr. DAVIES.", "It costs $250 million.",
        "Rents rose 38 percent.", "LENA PARK (Minister of Education):", "We agree.", "SENATOR GARCIA:",
        "The cap is $225,000."]


@pytest.mark.model
def test_a_label_is_a_sentence_of_its_own_before_a_parser():
    from claimspan import build_nlp
    from tests.conftest import MODEL, model_installed

    if not model_installed():
        pytest.skip(f"{MODEL} is not installed")
    nlp = build_nlp(MODEL)
    assert nlp.pipe_names.index("claimspan_sentences") < nlp.pipe_names.index("parser")
    assert sentences(nlp, LABELLED) == SPLIT


def test_a_label_used_once_counts_in_a_transcript(nlp):
    doc = nlp("Anna Berg: Hello.\nTom Li: Hi.\nAnna Berg: Bye.\n")
    assert [(r["name"], r["n_turns"]) for r in doc._.speakers] == [("Anna Berg", 2), ("Tom Li", 1)]
