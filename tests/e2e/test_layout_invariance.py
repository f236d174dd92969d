"""Layout must not change the facts: the same documents hard-wrapped at any width, or laid
out as pages with running headers and footers, give the rows of the unwrapped text, with
exact spans into the stored text and the page of every row.

The documents are our own, in the shapes users bring: a wire story, a briefing transcript
with a speakers list, an excerpt of legislation, a report paragraph with a table of figures,
a Senate record (labels that end in a period), a parliament's question time (members with
constituency and party, an office and its holder) and an act with numbered sections.
"""
from __future__ import annotations

import textwrap
from collections import Counter

import pytest

import claimspan
from claimspan.io.schemas import EXTRACTION_TABLES

WIRE = """\
GENEVA (AP) -- The World Health Organization said on Tuesday that more than 1,800 health workers were infected in the first three months of 2020, and that the International Committee of the Red Cross had sent 250 million doses of vaccine to 60 countries since last year.

The Security Council adopted Resolution 2532 in July, calling for a 90-day humanitarian pause. About 14.6 percent of the funds pledged under the Paris Agreement on Climate Change reached the Green Climate Fund, the United Nations Development Programme said.

Officials at the European Central Bank expect inflation of 3.1 percent next year, down from 5.4 percent in 2023, while the International Monetary Fund forecasts growth of 2.9 percent.
"""

BRIEFING = """\
Speakers:
Maria Lopez, spokesperson of the Ministry of Labour and Social Security
Tom Baker, director of the National Bureau of Statistics

Maria Lopez:
Good afternoon. Over the past five years, the Ministry of Labour and Social Security created 4.2 million jobs in rural areas, and the minimum wage rose by 17 percent between 2019 and 2023 under the National Employment Promotion Plan.

Reporter:
How many of these jobs went to young people under the Youth Employment Initiative?

Tom Baker:
Thank you for your question. According to the National Bureau of Statistics, nearly 1.3 million of them went to people aged 18 to 24, and dozens of provinces met the target set by the Employment Promotion Law in 2021.
"""

LAW = """\
Section 4. Within 90 days after the date of enactment of this Act, the Secretary of the Treasury shall report to the Committee on Finance of the Senate on the use of the $2,500,000,000 made available under the American Rescue Plan Act of 2021, including at least 25 percent of the amounts provided to the Small Business Administration for loans of up to $150,000.

Section 5. The Universal Declaration of Human Rights and the International Covenant on Civil and Political Rights shall guide the programs funded under this section for fiscal year 2025.
"""

REPORT = """\
Annual report of the Northern Water Authority, March 2024

In 2023 the Northern Water Authority supplied 312 million cubic meters of water to 2.4 million residents, 6 percent more than in 2022. Leakage fell from 21 percent to 17.5 percent after the Authority replaced 480 kilometers of pipes, at a cost of 75 million euros financed by the European Investment Bank.
"""

RECORD = """\
The PRESIDING OFFICER. The Senator from Ohio is recognized.
Mr. BRANDT. Mr. President, the bill before us would cost $871 billion over 10 years and would cover 31 million people who have no insurance today, according to the Congressional Budget Office.
Mrs. McALLISTER. Will the Senator yield for a question about the 4.2 million children in the program?
Mr. BRANDT. I yield to the Senator from Maine.
"""

QUESTION_TIME = """\
Rail Fares

1. Anne Lowe (Leeds North) (Lab): What assessment she has made of the 4.8% rise in regulated rail fares announced by Network Rail in January.

The Minister of State for Transport (Carl Dunn): Fares on 2 million season tickets were frozen in 2023, and the Office of Rail and Road found that 87% of trains ran on time last year.

Anne Lowe: In Leeds, 12,000 commuters paid more than £4,000 a year for their tickets. When will the Minister act?

Carl Dunn: We will publish the Rail Reform Plan in the spring, with £1.5 billion for new trains.
"""

ACT = """\
SEC. 103. FINANCIAL HOLDING COMPANIES.
(a) IN GENERAL.--Section 4 of the Bank Holding Company Act of 1956 is amended by adding at the end the following: a bank holding company may not engage in any activity unless each depository institution controlled by the company has at least $250,000,000 in total assets.
SEC. 104. FEES.
The Secretary may charge a fee of not more than $5,000 for each application, and shall collect fees totaling $12.5 million in fiscal year 2000.
"""

DOCS = {"wire": (WIRE, "2024-05-21"), "briefing": (BRIEFING, "2024-01-10"), "law": (LAW, "2024-03-01"),
        "report": (REPORT, "2024-03-15"), "record": (RECORD, "2010-03-03"),
        "question_time": (QUESTION_TIME, "2024-02-07"), "act": (ACT, "1999-11-12")}


def wrap(text: str, width: int) -> str:
    """Every line longer than ``width`` hard-wrapped at spaces, paragraphs kept (as e-mails are)."""
    return "\n".join(textwrap.fill(line, width) if len(line) > width else line for line in text.split("\n"))


def facts(tables) -> dict[str, Counter]:
    """What must not depend on layout: each table's rows without offsets, whitespace folded."""
    def fold(value):
        return " ".join(str(value).split())
    keys = {"claims": ["kind", "value", "unit", "qualifier", "counted", "period_start", "period_end", "speaker"],
            "dates": ["kind", "value", "start_date", "end_date", "speaker"],
            "organizations": ["name", "acronym", "speaker"], "resolutions": ["kind", "title", "body", "speaker"],
            "speakers": ["name", "role", "organization", "n_turns"]}
    return {t: Counter(tuple(fold(v) for v in row) for row in tables[t][cols].itertuples(index=False))
            for t, cols in keys.items()}


def extract(texts: dict[str, str], **fields):
    return claimspan.extract([{"id": name, "text": text, "date": DOCS[name][1], **fields}
                              for name, text in texts.items()])


def assert_exact_spans(tables):
    texts = dict(zip(tables["documents"].doc_id, tables["documents"].text))
    for table in EXTRACTION_TABLES:
        for row in tables[table].itertuples():
            text = texts[row.doc_id]
            assert text[row.start_char:row.end_char] == row.text
            assert text[row.sentence_start_char:row.sentence_end_char] == row.sentence
            if table == "claims" and row.counted_start_char == row.counted_start_char:  # not NaN
                assert " ".join(text[int(row.counted_start_char):int(row.counted_end_char)].split()) == row.counted


@pytest.fixture(scope="module")
def plain():
    return extract({name: text for name, (text, _) in DOCS.items()})


def test_the_documents_have_facts_to_lose(plain):
    counts = {t: len(plain[t]) for t in ("claims", "dates", "organizations", "resolutions", "speakers")}
    assert counts["claims"] >= 20 and counts["organizations"] >= 12 and counts["resolutions"] >= 6, counts
    assert counts["speakers"] == 3 + 3 + 2   # the briefing's, the record's, question time's


@pytest.mark.parametrize("width", [40, 60, 72, 100])
def test_hard_wrapping_changes_no_fact(plain, width):
    wrapped = extract({name: wrap(text, width) for name, (text, _) in DOCS.items()})
    assert_exact_spans(wrapped)
    assert facts(wrapped) == facts(plain)


def test_a_span_may_hold_the_line_break():
    tables = claimspan.extract([{"id": "m", "text": "The ministry said the new plant will cost 250\n"
                                                    "million dollars and employ about 3,000 people in the\n"
                                                    "region by the end of the decade, officials said in a\n"
                                                    "statement on Monday.", "date": "2024-05-20"}])
    claims = tables["claims"].set_index("text")
    assert claims.loc["250\nmillion dollars", "value"] == 250e6
    assert claims.loc["250\nmillion dollars", "unit"] == "USD"
    assert claims.loc["about 3,000", "counted"] == "people"


def paginate(text: str, title: str, lines_per_page: int = 9, width: int = 80) -> str:
    """The text as a PDF's text layer: wrapped lines, a running header and a footer per page,
    pages separated by form feeds."""
    lines = wrap(text, width).split("\n")
    pages = [lines[i:i + lines_per_page] for i in range(0, len(lines), lines_per_page)]
    return "\f".join("\n".join([title, *page, f"Page {n} of {len(pages)}"]) for n, page in enumerate(pages, 1))


def test_pages_give_the_facts_of_the_plain_text_and_each_row_its_page(plain):
    paged = {name: paginate(text, f"{name.upper()} 2024 -- for release") for name, (text, _) in DOCS.items()}
    assert min(text.count("\f") for text in paged.values()) == 0  # one-page documents too
    tables = claimspan.extract([{"id": name, "text": text, "date": DOCS[name][1], "n_pages": text.count("\f") + 1,
                                 "title": f"{name.upper()} 2024 -- for release"} for name, text in paged.items()])
    assert_exact_spans(tables)
    assert facts(tables) == facts(plain)
    for table in EXTRACTION_TABLES:
        for row in tables[table].itertuples():
            text = paged[row.doc_id]
            assert row.page == text.count("\f", 0, row.start_char) + 1
            assert not starting_line(text, row.start_char).startswith(("Page ", row.doc_id.upper())), row.text


def test_a_word_hyphenated_across_a_page_line_is_whole_for_the_rules():
    text = ("ANNUAL REVIEW\nThe committee found that the Inter-American Develop-\nment Bank lent more than 1.2 "
            "billion dollars to the region\nin 2023, about 40 percent more than in the previous year, and it\n"
            "expects to lend a similar amount in 2024 and 2025.\nPage 1 of 2\fANNUAL REVIEW\nThe report was "
            "published by the committee on March 3.\nPage 2 of 2")
    tables = claimspan.extract([{"id": "h", "text": text, "date": "2024-03-03"}])
    orgs = tables["organizations"]
    assert "Inter-American Development Bank" in set(orgs.name)
    row = orgs[orgs.name == "Inter-American Development Bank"].iloc[0]
    assert row.text == "Inter-American Develop-\nment Bank" == text[row.start_char:row.end_char]
    assert set(tables["claims"].page) == {1}
    assert not (tables["claims"].text.str.contains("Page")).any()
    assert (tables["dates"].page.dropna() > 0).all()


def test_unpaginated_text_has_no_page():
    tables = claimspan.extract([{"id": "p", "text": "The bank lent 5 million dollars.", "date": "2024-03-03"}])
    assert tables["claims"].page.isna().all()


def typeset(text: str, title: str, path):
    """``text`` as an A4 PDF laid out by fpdf2: wrapped by the layout engine, a running
    header (the title) and a "Page N of M" footer on every page."""
    from fpdf import FPDF

    class Report(FPDF):
        def header(self):
            self.set_font("Helvetica", size=8)
            self.cell(0, 6, title, align="R")
            self.ln(8)

        def footer(self):
            self.set_y(-12)
            self.set_font("Helvetica", size=8)
            self.cell(0, 6, f"Page {self.page_no()} of {{nb}}", align="C")

    pdf = Report(format=(90, 130))        # small pages: every document runs over several
    pdf.alias_nb_pages()
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_page()
    pdf.set_font("Helvetica", size=14)
    for para in text.split("\n"):
        if para.strip():
            pdf.multi_cell(0, 5.5, para.strip(), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    pdf.output(str(path))


def test_pdfs_typeset_from_the_documents_give_their_facts(plain, tmp_path):
    pytest.importorskip("fpdf")
    import pandas as pd

    from claimspan.run import run

    folder = tmp_path / "pdfs"
    folder.mkdir()
    # not question time: on these 30-character lines "The Minister of State for" and "Transport
    # (Carl Dunn): ..." are two lines, and a label split over lines is not read as one (a limit)
    docs = {name: doc for name, doc in DOCS.items() if name != "question_time"}
    for name, (text, _) in docs.items():
        typeset(text, f"Northern Review - {name}", folder / f"{name}.pdf")
    (folder / "metadata.csv").write_text("stem,date\n" + "".join(f"{n},{d}\n" for n, (_, d) in docs.items()))
    run([folder], tmp_path / "out", workers=1)
    tables = {t: pd.read_parquet(tmp_path / "out" / f"{t}.parquet") for t in ("documents", *EXTRACTION_TABLES,
                                                                          "speakers")}
    assert (tables["documents"].n_pages > 1).sum() >= 3
    assert_exact_spans(tables)
    assert facts(tables) == facts({t: rows[rows.doc_id.isin(docs)] for t, rows in plain.items() if "doc_id" in rows})
    texts = dict(zip(tables["documents"].doc_id, tables["documents"].text))
    for table in EXTRACTION_TABLES:
        assert tables[table].page.notna().all()
        for row in tables[table].itertuples():   # a row may run across a page break, never start in its furniture
            assert not starting_line(texts[row.doc_id], row.start_char).startswith(("Northern Review", "Page "))


def starting_line(text: str, offset: int) -> str:
    start = max(text.rfind("\n", 0, offset), text.rfind("\f", 0, offset)) + 1
    return text[start:].split("\n")[0]


@pytest.mark.parametrize("width", [36, 50, 72])
def test_wrapped_transcripts_keep_every_speaker(width):
    from tests.e2e.test_transcripts import briefing, debate, interview, speech

    scripts = {"briefing": briefing(), "debate": debate(), "interview": interview(),
               "speech": speech("PRESIDENT NOVAK", inline=False)}

    def run(texts):
        return claimspan.extract([{"id": n, "text": t, "date": "2024-06-03"} for n, t in texts.items()])
    plain = run({n: s.text for n, s in scripts.items()})
    wrapped = run({n: wrap(s.text, width) for n, s in scripts.items()})
    assert_exact_spans(wrapped)
    assert facts(wrapped) == facts(plain)
