"""What a saved web page's text is: its content, without the page's chrome (io/htmltext.py)."""
from claimspan.io.htmltext import visible_text

STORY = "<p>The council approved a $48 million flood plan on Monday, after three floods last year.</p>" \
        "<p>It will protect about 2,300 homes, officials said.</p>"


def page(body: str) -> str:
    return f"<html><head><title>Flood plan</title></head><body>{body}</body></html>"


def test_main_holds_the_content():
    text, title = visible_text(page("<header><a>Courier</a><div>FTSE 100 7,654 (+0.4%)</div></header>"
                                    f"<main><h1>Council approves plan</h1>{STORY}</main>"
                                    "<footer>&copy; 2025 Courier Media Ltd.</footer>"))
    assert title == "Flood plan"
    assert text.splitlines()[0] == "Council approves plan"
    assert "$48 million" in text and "7,654" not in text and "2025" not in text and "Courier" not in text


def test_articles_hold_the_content_when_there_is_no_main():
    text, _ = visible_text(page("<div>Most read: 5 stories</div><article>" + STORY + "</article>"
                                "<article><p>A second story about 12 bridges and the roads that lead to them, "
                                "which the county will repair this summer at a cost of $3 million.</p></article>"))
    assert "Most read" not in text and "$48 million" in text and "12 bridges" in text


def test_navigation_side_and_hidden_content_are_left_out_anywhere():
    text, _ = visible_text(page(
        '<nav><ul><li>News</li><li>Sport 2024</li></ul></nav>'
        '<div role="dialog">We use cookies since 2019.</div>'
        '<div role="navigation"><div>Breadcrumbs</div></div>'
        + STORY +
        '<aside><h3>Related</h3><ul><li>Floods cost £120m in 2023</li></ul></aside>'
        '<p hidden>Old text: 99 homes</p><span aria-hidden="true">icon 7</span><img hidden src="x.png">'
        '<p>The vote was 7-2.</p>'))
    for chrome in ("News", "cookies", "Breadcrumbs", "£120m", "99 homes", "icon 7"):
        assert chrome not in text
    assert "$48 million" in text and "The vote was 7-2." in text   # a hidden <img> hides nothing after it


def test_a_nested_element_of_the_left_out_tag_does_not_end_it_early():
    text, _ = visible_text(page("<aside><aside>inner 1</aside>outer 2</aside>" + STORY))
    assert "inner" not in text and "outer" not in text and "$48 million" in text


def test_an_empty_main_is_a_shell_and_the_page_is_read_whole():
    text, _ = visible_text(page("<main><div id='app'></div></main>" + STORY))
    assert "$48 million" in text


def test_a_plain_page_is_read_whole():
    text, _ = visible_text(page("<h1>Council approves plan</h1>" + STORY + "<footer>Updated March 5, 2025</footer>"))
    assert text.splitlines()[0] == "Council approves plan" and "Updated March 5, 2025" in text
