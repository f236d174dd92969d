"""Visible text of an HTML page, with the standard library's HTML parser.

Scripts, styles and other invisible content are dropped; block elements end
lines, so headings, paragraphs and list items become lines as in a plain-text
document. The result is what ``documents.text`` stores and every span refers
to. (The stdlib parser is a real tokenizer of HTML, tolerant of broken markup,
and costs no dependency.)
"""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser

INVISIBLE = {"script", "style", "head", "title", "noscript", "template", "svg", "iframe", "object"}
BLOCKS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
          "article", "header", "footer", "blockquote", "pre", "hr", "dd", "dt", "dl", "main", "nav", "aside",
          "figure", "figcaption", "form"}


class _Visible(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0
        self.title: list[str] = []
        self.in_title = False

    def handle_starttag(self, tag, attrs):
        if tag in INVISIBLE:
            self.hidden += 1
            self.in_title = tag == "title"
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in INVISIBLE and self.hidden:
            self.hidden -= 1
            self.in_title = False
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
        if not self.hidden:
            self.parts.append(data)


def visible_text(markup: str) -> tuple[str, str | None]:
    """(text, title) of an HTML document.

    >>> visible_text("<html><head><title>T</title><script>x()</script></head>"
    ...              "<body><h1>Big  news</h1><p>Over 40 &amp; more</p></body></html>")
    ('Big news\\nOver 40 & more', 'T')
    """
    parser = _Visible()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r" *\n[ \n]*", "\n", text).strip()
    title = html.unescape(" ".join("".join(parser.title).split())) or None
    return text, title
