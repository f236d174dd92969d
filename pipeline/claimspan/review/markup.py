"""Overlapping spans as nested HTML elements, from a boundary sweep.

Spans from different tables overlap (a date inside a resolution title, an
organization inside a speaker's label) and may cross. A sweep over the start
and end offsets opens the longer span first, so nested spans nest; a span that
ends while a shorter one opened inside it is still open closes that one and
reopens it as a continuation piece (``data-cont``), so every piece is valid
HTML and the pieces of one span, read in order, give exactly its text.
Text is escaped here, the only place document text enters the page.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from html import escape


@dataclass(eq=False)  # identity, not value: two tables may report the same offsets
class Span:
    start: int
    end: int
    tag: str
    attrs: dict = field(default_factory=dict)


@dataclass(eq=False)
class _Node:
    span: Span | None
    first: bool = True
    children: list = field(default_factory=list)


def render(text: str, spans: list[Span]) -> str:
    """``text`` escaped, with each span wrapped in its element.

    >>> render("a<b c", [Span(0, 3, "i"), Span(2, 5, "b")])
    '<i style="--h:1">a&lt;<b style="--h:0">b</b></i><b data-cont="1" style="--h:0"> c</b>'
    """
    return _serialize(_sweep(text, spans))[0]


def _sweep(text: str, spans: list[Span]) -> _Node:
    bounds = sorted({0, len(text)} | {s.start for s in spans} | {s.end for s in spans})
    starting: dict[int, list[Span]] = {}
    for span in sorted(spans, key=lambda s: -s.end):  # stable: equal spans keep their order
        starting.setdefault(span.start, []).append(span)
    root = _Node(None)
    stack = [root]
    for i, pos in enumerate(bounds):
        _close(stack, pos)
        for span in starting.get(pos, ()):
            node = _Node(span)
            stack[-1].children.append(node)
            if span.end > pos:  # a zero-width span stays an empty element
                stack.append(node)
        if i + 1 < len(bounds):
            stack[-1].children.append(text[pos:bounds[i + 1]])
    return root


def _close(stack: list[_Node], pos: int) -> None:
    """Close every open span ending at ``pos``; reopen the ones that were inside them."""
    depth = next((i for i, n in enumerate(stack) if n.span is not None and n.span.end == pos), None)
    if depth is None:
        return
    popped = stack[depth:]
    del stack[depth:]
    for node in popped:
        if node.span.end != pos:
            cont = _Node(node.span, first=False)
            stack[-1].children.append(cont)
            stack.append(cont)


def _serialize(node: _Node) -> tuple[str, int]:
    """HTML of the node's children, and its height (how many levels of elements it holds).

    The height lets CSS give an outer element more padding than the ones inside
    it, so stacked underlines stay visible one below the other.
    """
    parts, height = [], 0
    for child in node.children:
        if isinstance(child, str):
            parts.append(text_html(child))
            continue
        inner, inner_height = _serialize(child)
        height = max(height, inner_height + 1)
        parts.append(_open(child, inner_height) + inner + f"</{child.span.tag}>")
    return "".join(parts), height


def text_html(text: str) -> str:
    r"""Document text as HTML text that the browser's DOM gives back unchanged.

    A bare CR would be folded into LF by the HTML parser; as a character
    reference it survives. A NUL cannot survive at all: it shows as U+FFFD.

    >>> text_html('<b onerror="x">&\r\n\x00')
    '&lt;b onerror="x"&gt;&amp;&#13;\n\ufffd'
    """
    return escape(text, quote=False).replace("\r", "&#13;").replace("\x00", "\ufffd")


def _open(node: _Node, height: int) -> str:
    attrs = dict(node.span.attrs)
    if not node.first:
        attrs.pop("id", None)  # ids stay unique: only the first piece is the scroll target
        attrs["data-cont"] = "1"
    attrs["style"] = f"--h:{height}"
    rendered = "".join(f' {name}="{escape(str(value), quote=True)}"' for name, value in attrs.items())
    return f"<{node.span.tag}{rendered}>"
