"""Splitting a document longer than one spaCy Doc should hold.

A very long document is processed as consecutive pieces cut at paragraph
breaks (else line breaks, else sentence ends, else spaces), so no sentence is
cut; every offset is shifted back into the whole text on export.
"""
from __future__ import annotations

import re

CHUNK_CHARS = 100_000
BREAKS = (re.compile(r"\n[ \t]*\n"), re.compile(r"\n"), re.compile(r"[.!?][\"')\]]*\s"), re.compile(r"\s"))


def split_text(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """(start, end) pieces covering ``text`` exactly, each at most ``limit`` long.

    >>> split_text("short", 10)
    [(0, 5)]
    >>> text = "one two.\\n\\nthree four.\\nfive six seven"
    >>> pieces = split_text(text, 14)
    >>> pieces, [text[a:b] for a, b in pieces]
    ([(0, 10), (10, 22), (22, 36)], ['one two.\\n\\n', 'three four.\\n', 'five six seven'])
    """
    pieces, start, n = [], 0, len(text)
    while n - start > limit:
        window = text[start:start + limit]
        cut = None
        for pattern in BREAKS:
            ends = [m.end() for m in pattern.finditer(window) if m.end() > limit // 4]
            if ends:
                cut = ends[-1]
                break
        cut = cut or limit
        pieces.append((start, start + cut))
        start += cut
    pieces.append((start, n))
    return pieces
