"""Visible text of an HTML page, with the standard library's HTML parser.

Scripts, styles and other invisible content are dropped; block elements end
lines, so headings, paragraphs and list items become lines as in a plain-text
document. The result is what ``documents.text`` stores and every span refers
to. (The stdlib parser is a real tokenizer of HTML, tolerant of broken markup,
and costs no dependency.)

A saved web page is mostly not the story: menus, tickers, cookie notices,
"related" and "most read" lists and the site's footer would each give claims,
dates and names of their own. HTML5 says where the content is, and this reads
it so: a page with a ``<main>`` element gives the text inside it, else one with
``<article>`` elements the text inside those (unless it holds fewer than MIN_CONTENT_WORDS words:
an empty shell), else the whole body; and wherever
they are, navigation and side content (``<nav>``, ``<aside>``, an element whose
ARIA ``role`` is one of ``SIDE_ROLES``) and hidden elements (``hidden``,
``aria-hidden="true"``) are left out. Only these standard marks are read, no
guess from class names.
"""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser

INVISIBLE = {"script", "style", "head", "title", "noscript", "template", "svg", "iframe", "object"}
BLOCKS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
          "article", "header", "footer", "blockquote", "pre", "hr", "dd", "dt", "dl", "main", "nav", "aside",
          "figure", "figcaption", "form"}
SIDE = {"nav", "aside"}
SIDE_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog"}
# elements that never close (no end tag): one of them hidden hides nothing after it
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
CONTENT = ("main", "article")   # the first of these a page has holds its content
MIN_CONTENT_WORDS = 20   # fewer in it: an empty shell, and the page's text is read whole


class _Visible(HTMLParser):
    def __init__(self, content: str | None = None):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0
        self.title: list[str] = []
        self.in_title = False
        self.content = content     # the tag whose elements hold the page's content, if it has one
        self.inside = 0            # open elements of that tag
        self.skipping: list[str] = []   # the tag of the outermost element left out, while inside it
        self.skip_depth = 0

    def handle_starttag(self, tag, attrs):
        if tag in INVISIBLE:
            self.hidden += 1
            self.in_title = tag == "title"
        if self.skipping:
            if tag == self.skipping[0]:
                self.skip_depth += 1
        elif tag not in VOID and _left_out(tag, attrs):
            self.skipping, self.skip_depth = [tag], 1
        if tag == self.content:
            self.inside += 1
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in INVISIBLE and self.hidden:
            self.hidden -= 1
            self.in_title = False
        if self.skipping and tag == self.skipping[0]:
            self.skip_depth -= 1
            if not self.skip_depth:
                self.skipping = []
        if tag == self.content and self.inside:
            self.inside -= 1
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
        if not self.hidden and not self.skipping and (self.content is None or self.inside):
            self.parts.append(data)


def _left_out(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    """Navigation, side content or a hidden element: its text is not the page's."""
    if tag in SIDE:
        return True
    for name, value in attrs:
        if name == "hidden" or name == "aria-hidden" and (value or "").lower() == "true" \
                or name == "role" and (value or "").lower() in SIDE_ROLES:
            return True
    return False


def visible_text(markup: str) -> tuple[str, str | None]:
    """(text, title) of an HTML document: the text of its content (``<main>``, else its
    ``<article>`` elements, else the body) without navigation, side content or hidden elements.

    >>> visible_text("<html><head><title>T</title><script>x()</script></head>"
    ...              "<body><h1>Big  news</h1><p>Over 40 &amp; more</p></body></html>")
    ('Big news\\nOver 40 & more', 'T')
    >>> story = "<p>The council approved a flood plan on Monday. " + "It will protect homes. " * 5 + "</p>"
    >>> text, _ = visible_text("<body><nav>Home | 5 sections</nav><main><h1>Flood plan</h1>" + story +
    ...                        "<aside>Most read: 3 stories</aside></main><footer>(c) 2025</footer></body>")
    >>> text.splitlines()[0], "Most read" in text, "2025" in text, "Home" in text
    ('Flood plan', False, False, False)
    """
    content = next((tag for tag in CONTENT if re.search(rf"<{tag}[\s>]", markup, re.IGNORECASE)), None)
    text, title = _parse(markup, content)
    if content is not None and len(text.split()) < MIN_CONTENT_WORDS:   # an empty shell: the page is elsewhere
        text, title = _parse(markup, None)
    return text, title



def _parse(markup: str, content: str | None) -> tuple[str, str | None]:
    parser = _Visible(content)
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r" *\n[ \n]*", "\n", text).strip()
    title = html.unescape(" ".join("".join(parser.title).split())) or None
    return text, title
