"""claimspan.layout: the text the rules read keeps every non-space character of the stored
text at an offset that maps back to it, whatever the lines and pages."""
from __future__ import annotations

import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimspan.layout import read_layout

PROSE = ("The committee said on Monday that the regional government had spent more than 250 million euros "
         "on the new hospital, and that the Ministry of Health and Social Affairs expected another 40 "
         "percent to be spent by the end of 2025, after the Inter-American Development Bank approved a loan.")


def check_offsets(text: str, paginated: bool = False):
    layout = read_layout(text, paginated)
    previous = -1
    for v, char in enumerate(layout.text):
        s = layout.source(v)
        assert s > previous
        previous = s
        if not char.isspace():
            assert text[s] == char, (v, s)
    assert layout.source(len(layout.text)) == len(text)
    return layout


@pytest.mark.parametrize("width", [30, 45, 60, 80])
def test_wrapped_prose_reads_as_one_line(width):
    layout = check_offsets(textwrap.fill(PROSE, width))
    assert layout.text == PROSE


@pytest.mark.parametrize("text", [
    "Title of the report\nThe court met on Monday.\nIt acquitted 5,479 people in 2020.",     # one paragraph per line
    "Speakers:\nLi Xiao, director\nWang Wu, reporter\n\nLi Xiao:\nThank you.",
    "a\n\nb\n\nc",
])
def test_text_with_no_width_is_read_as_is(text):
    assert read_layout(text).text == text


def test_paragraphs_labels_and_list_items_keep_their_line_breaks():
    para = textwrap.fill(PROSE, 60)
    text = f"{para}\n\n{para}\nMR. LEE: {para}\n- {para}\n3. {para}"
    view = check_offsets(text).text
    assert view.count("\n") == 5
    assert "\n\n" in view and "\nMR. LEE: " in view and "\n- " in view and "\n3. " in view


def test_a_label_alone_on_its_line_stays_there():
    para = textwrap.fill(PROSE, 60)
    view = read_layout(f"{para}\nReporter:\n{para}\nMinister Lena Park:\n{para}").text
    assert "\nReporter:\n" in view and "\nMinister Lena Park:\n" in view


def test_a_heading_in_capitals_ends_its_line():
    para = textwrap.fill(PROSE, 60)
    heading = "HEARING ON THE REAUTHORIZATION OF THE HIGHER EDUCATION ACT"   # as long as a wrapped line
    view = check_offsets(f"{heading}\nTuesday, March 4, 2025\n\n{para}\n\n{para}").text
    assert view.startswith(heading + "\nTuesday, March 4, 2025\n\n" + PROSE)


def test_stacked_heading_lines_in_capitals_stay_apart_and_a_wrapped_one_is_joined():
    para = textwrap.fill(PROSE, 60)
    header = "HEARING BEFORE THE COMMITTEE ON ENERGY AND COMMERCE\nU.S. HOUSE OF REPRESENTATIVES"   # "U.S." had room
    view = check_offsets(f"{header}\nMarch 12, 2025\n\n{para}\n\n{para}").text
    assert view.startswith(header + "\nMarch 12, 2025\n\n" + PROSE)
    title = textwrap.fill("AN ACT TO AMEND THE INTERNAL REVENUE CODE OF 1986 TO EXTEND THE CREDIT FOR ELECTRICITY "
                          "PRODUCED FROM CERTAIN RENEWABLE RESOURCES", 60)   # a title in capitals, wrapped
    assert "\n" in title
    view = check_offsets(f"{title}\n\n{para}\n\n{para}").text
    assert view.startswith(" ".join(title.split("\n")) + "\n\n" + PROSE)


def paged(body_lines: list[str], per_page: int, header: str = "Northern Water Authority - Annual Report") -> str:
    pages = [body_lines[i:i + per_page] for i in range(0, len(body_lines), per_page)]
    return "\f".join("\n".join([header, *p, f"Page {n} of {len(pages)}"]) for n, p in enumerate(pages, 1))


def test_running_headers_and_footers_are_blank_and_sentences_go_on_across_pages():
    text = paged(textwrap.wrap(PROSE * 3, 70), 4)
    view = check_offsets(text).text
    assert "Annual Report" not in view and "Page" not in view
    assert " ".join(view.split()) == " ".join((PROSE * 3).split())


def test_a_one_page_document_loses_its_page_number_and_its_title_header():
    text = "Annual Report 2023\nThe fund lent 5 million euros.\nPage 1 of 1"
    view = read_layout(text, paginated=True, title="Annual Report 2023").text
    assert view.split() == ["The", "fund", "lent", "5", "million", "euros."]
    assert read_layout(text).text == text     # not paginated: nothing is furniture


def test_a_title_shaped_like_a_label_is_a_running_header_not_a_turn():
    # a wire headline "Minister: Talks To Resume" typeset as the title of each page
    title = "Minister: Talks To Resume Next Week"
    text = paged(textwrap.wrap(PROSE * 3, 70), 4, header=title)
    assert "Minister:" in read_layout(text, paginated=True).text   # untitled, a label-shaped line is text
    view = read_layout(text, paginated=True, title=title).text
    assert "Minister" not in view and " ".join(view.split()) == " ".join((PROSE * 3).split())

def test_a_word_hyphenated_at_a_page_line_end_is_joined_and_maps_back():
    lines = textwrap.wrap(PROSE, 60)
    lines[0] = lines[0] + " develop-"
    lines[1] = "ment " + lines[1]
    text = paged(lines, 3)
    layout = check_offsets(text)
    start = layout.text.index("development")
    assert text[layout.source(start):layout.source(start + len("development"))] == "develop-\nment"


def test_a_hyphen_in_plain_wrapped_text_is_kept():
    text = textwrap.fill("A well-known economist said that the cost of the plan was more than 250 million "
                         "euros, far above the estimate of the government of the region.", 24)
    assert "-" in read_layout(text).text


WORDS = st.sampled_from(["the", "court", "acquitted", "5,479", "people", "in", "2020.", "Li Xiao:", "- item",
                         "Page 3 of 9", "develop-", "ment", "Supreme", "People's", "Court", "million", "\t"])
LINES = st.lists(st.lists(WORDS, min_size=0, max_size=14).map(" ".join), min_size=1, max_size=30)


@settings(max_examples=200, deadline=None)
@given(LINES, st.sampled_from(["\n", "\r\n", "\f", "\n\n"]), st.booleans())
def test_offsets_always_map_back(lines, joiner, paginated):
    text = joiner.join(lines) if joiner != "\f" else "\n".join(lines[:len(lines) // 2]) + "\f" + "\n".join(
        lines[len(lines) // 2:])
    check_offsets(text, paginated)


def test_a_number_that_ends_a_sentence_at_a_line_start_is_not_a_list_item():
    text = ("The bid by the two companies was extended to Nov.\n16. It had been due to expire on Friday at six\n"
            "evening, and support must be paid until the child turns\n18. The court agreed with the ruling.")
    assert "\n" not in read_layout(text).text
    numbered = ("The board approved these measures after a long debate:\n1. a budget of twelve million euros for "
                "the defences\n2. forty new inspectors for the coastal districts and islands\n3. a review of the "
                "water tariffs of the whole region")
    assert read_layout(numbered).text.count("\n") == 3
