"""Transcript shapes of SPEC v1.1, end to end: who says each claim and date.

Each document is written as turns (``Script``), so the test knows the speaker of
every character without asking the pipeline: a row's speaker must be the speaker
of the turn that holds it, no label may be an organization (outlets excepted),
no row's sentence may hold a label, and the speakers table must list each
speaker with its number of turns.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

import pytest

import claimspan
from tests.conftest import MODEL, model_installed

MODES = [None, pytest.param(MODEL, marks=[pytest.mark.model, pytest.mark.skipif(
    not model_installed(), reason=f"{MODEL} is not installed")])]


@dataclass
class Script:
    """A document built line by line; turns remember their label and speaker."""
    text: str = ""
    turn_starts: list[int] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)
    labels: list[tuple[int, int, str]] = field(default_factory=list)   # start, end (past the colon), name

    def line(self, text: str) -> Script:
        self.text += text + "\n"
        return self

    def turn(self, label: str, speech: str, inline: bool = True) -> Script:
        self.turn_starts.append(len(self.text))
        self.speakers.append(label)
        self.labels.append((len(self.text), len(self.text) + len(label) + 1, label))
        return self.line(f"{label}: {speech}" if inline else f"{label}:\n{speech}")

    def speaker_at(self, offset: int) -> str | None:
        k = bisect.bisect_right(self.turn_starts, offset) - 1
        return self.speakers[k] if k >= 0 else None

    def n_turns(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for name in self.speakers:
            counts[name] = counts.get(name, 0) + 1
        return counts


def check(script: Script, tables, outlets=frozenset()) -> float:
    """Assert the transcript's rows against the script; return the share of claims and
    dates rows whose speaker is right (1.0 asserted)."""
    rows = [r for t in ("claims", "dates") for r in tables[t].itertuples()]
    assert rows, "the script should give claims and dates"
    wrong = [(r.text, r.speaker, script.speaker_at(r.start_char)) for r in rows
             if (r.speaker if isinstance(r.speaker, str) else None) != script.speaker_at(r.start_char)]
    accuracy = 1 - len(wrong) / len(rows)
    assert not wrong, f"speaker accuracy {accuracy:.3f}; (text, got, expected): {wrong}"
    speakers = tables["speakers"]
    assert dict(zip(speakers.name, speakers.n_turns)) == script.n_turns()
    for start, end, name in script.labels:
        for row in tables["organizations"].itertuples():
            if row.start_char < end and start < row.end_char:
                assert name in outlets and row.text == name, f"label {name!r} gave organization {row.text!r}"
        for table in ("claims", "dates", "organizations"):
            for row in tables[table].itertuples():
                inside = row.sentence_start_char < end and start < row.sentence_end_char
                assert not inside or row.text == name, f"{table} {row.text!r}: sentence {row.sentence!r} holds a label"
    return accuracy


def briefing() -> Script:
    s = Script().line("Press briefing on rural roads").line("Speakers:")
    s.line("Lena Park, minister of the Ministry of Transport")
    s.line("Omar Haddad, director of the Roads Bureau of the Ministry of Transport")
    s.line("Date:").line("June 3, 2022").line("")
    s.turn("Lena Park", "Good morning. In 2021 we paved 12,000 km of rural roads, and 430 bridges were rebuilt.",
           inline=False)
    s.turn("Omar Haddad", "The budget for 2022 is 45 billion dollars, up 8 percent from last year.", inline=False)
    s.turn("CGTN", "How many villages still lack a paved road?")
    s.turn("Lena Park", "About 1,500 villages, most of them in the mountains.")
    s.turn("Harbor Daily", "When will the work finish?")
    s.turn("Omar Haddad", "By 2025, if funding holds. We have hired 2,000 engineers since March.")
    return s


def debate() -> Script:
    s = Script()
    s.turn("MODERATOR", "Good evening and welcome to the third debate. Each of you has 90 seconds.")
    s.turn("MR. LEE", "Thank you. Since 2019 my district has added 3,200 jobs.")
    s.turn("MS. PARK", "That figure counts 1,100 seasonal jobs.")
    s.turn("MR. LEE", "Even so, unemployment fell to 4.1 percent last year.")
    s.turn("SMITH", "Can I add something? Rents rose 14 percent in 2023.")
    s.turn("MODERATOR", "Mr. Smith, please be brief.")
    s.turn("SMITH", "Then I will be brief: we need 500 new homes a year.")
    s.turn("MS. O'BRIEN", "And at least 200 of them affordable.")
    s.turn("SEN. WARREN", "I agree with that, and the state pays 30 percent.")
    s.turn("THE MINISTER", "The national plan funds 60,000 homes through 2026.")
    return s


def interview() -> Script:
    s = Script().line("Interview with a harbour master")
    s.turn("Q", "How many ships called at the port last year?")
    s.turn("A", "About 4,300, which is 6 percent more than in 2021.")
    s.turn("Q", "And containers?")
    s.turn("A", "We handled 1.2 million containers.")
    s.turn("Q", "What changes in 2024?")
    s.turn("A", "A new quay, 800 metres long, opens in March.")
    return s


def speech(label: str, inline: bool) -> Script:
    s = Script()
    s.turn(label, "Fellow citizens, tonight I report on our first 100 days.", inline=inline)
    s.line("We opened 75 clinics and trained 2,400 nurses. Since January, exports have grown by 9 percent.")
    s.line("")
    s.line("We will build 300 schools before 2027, and every district will have one.")
    s.line("Thank you, and good night.")
    return s


NEWS = """NAIROBI, Kenya (AP) _ Floods killed at least 40 people on Tuesday, officials said.
Note: Figures are provisional.
Source: Kenya Red Cross
The rains began on May 2 and have displaced 12,000 families.
Injured: 215
Dead: 40
Missing: 18 fishermen near the lake
KISUMU:
Total dead: 11
Hospitalized: 64
Warning: More rain is expected this week.
Date: 2021-05-31
Time: 10:30
The result was clear: 40 percent of the county was under water.
More at http://example.org/floods
Subject: Flood relief for 3 counties
"""


@pytest.mark.parametrize("model", MODES)
@pytest.mark.parametrize("make, outlets", [
    (briefing, {"CGTN", "Harbor Daily"}),
    (debate, set()),
    (interview, set()),
    (lambda: speech("PRESIDENT OKAFOR", inline=False), set()),
    (lambda: speech("Minister Lena Park", inline=True), set()),
], ids=["briefing", "debate", "interview", "speech-label-alone", "speech-label-inline"])
def test_every_row_has_its_speaker(make, outlets, model):
    script = make()
    tables = claimspan.extract([{"id": "t", "text": script.text, "date": "2024-05-01"}], model=model)
    assert check(script, tables, outlets) == 1.0


@pytest.mark.parametrize("model", MODES)
def test_speakers_table_of_the_briefing(model):
    tables = claimspan.extract([briefing().text], model=model)
    rows = tables["speakers"].set_index("name")
    assert rows.loc["Lena Park", "role"] == "minister of the Ministry of Transport"
    assert rows.loc["Omar Haddad", "organization"] == "Ministry of Transport"
    assert rows.loc["CGTN", "organization"] == "CGTN"
    assert rows.loc["Harbor Daily", "organization"] == "Harbor Daily"


@pytest.mark.parametrize("model", MODES)
def test_people_in_capitals_are_no_organizations(model):
    tables = claimspan.extract([debate().text], model=model)
    assert tables["speakers"].organization.isna().all()
    assert tables["organizations"].empty


@pytest.mark.parametrize("model", MODES)
def test_news_with_datelines_and_field_lines_has_no_turns(model):
    tables = claimspan.extract([{"id": "news", "text": NEWS, "date": "2021-05-31"}], model=model)
    assert tables["speakers"].empty
    for table in ("claims", "dates", "organizations"):
        assert tables[table].speaker.isna().all(), table
    assert len(tables["claims"]) >= 8
    assert "KISUMU" not in set(tables["organizations"].text)


def long_transcript() -> Script:
    """Two recurring speakers, then three who speak once, each in a paragraph of its own."""
    s = Script().line("Hearing on the harbour budget").line("")
    for i in range(24):
        s.turn(("Anna Berg", "Tom Li")[i % 2], f"In {1990 + i} the harbour handled {100 + 7 * i} ships, "
               f"and {3 + i} percent of them were tankers.")
        s.line("")
    for name in ("Omar Haddad", "Sara Kim", "Paul Okoro"):
        s.turn(name, "I was there in 2015, when 42 cranes stood idle for 3 weeks.")
        s.line("We counted 17 ships waiting.")
        s.line("")
    s.turn("Anna Berg", "Thank you all. The hearing closed with 12 motions in 2016.")
    return s


def test_long_transcript_in_pieces_keeps_its_speakers(monkeypatch):
    import claimspan.chunks as chunks

    script = long_transcript()
    whole = claimspan.extract([script.text])
    monkeypatch.setattr(chunks, "CHUNK_CHARS", 300)
    assert len(chunks.split_text(script.text, 300)) >= 10
    split = claimspan.extract([script.text])
    assert check(script, split) == 1.0
    for table in ("speakers", "claims", "dates"):
        assert split[table].equals(whole[table]), table


def test_speech_in_pieces_is_its_one_speaker_throughout(monkeypatch):
    import claimspan.chunks as chunks

    script = speech("THE PRESIDENT", inline=True)
    for _ in range(6):
        script.line("").line("Last year we paved 1,400 km of roads and opened 12 ports.")
    monkeypatch.setattr(chunks, "CHUNK_CHARS", 150)
    assert len(chunks.split_text(script.text, 150)) >= 5
    tables = claimspan.extract([script.text])
    assert check(script, tables) == 1.0
    assert tables["claims"].speaker.eq("THE PRESIDENT").all()
