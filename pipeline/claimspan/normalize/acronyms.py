"""Acronyms defined in running text (Schwartz & Hearst 2003), on character offsets (pure, no spaCy).

``find_definitions(text)`` finds ``long form (SHORT)`` and ``SHORT (long form)``
and returns the offsets of both parts, so that callers can turn them into
token-aligned spans. The first letter of the short form must start a
capitalized word of the long form ("Office of the ... (OHCHR)" starts at
"Office", not at "of").
"""
from __future__ import annotations

import bisect
import re
from typing import NamedTuple

_PAREN = re.compile(r"\(([^()\n]{1,80})\)")
_SHORT = re.compile(r"^[A-Za-z][\w.&'-]{1,11}$")
_WORD = re.compile(r"\S+")
_BRACKET = re.compile(r"[()]")
_NAME_WORD = re.compile(r"[^\W_][\w'-]*")


class Definition(NamedTuple):
    short: str
    short_start: int
    short_end: int
    long: str
    long_start: int
    long_end: int


def best_long_form(short: str, long: str, skipped: frozenset = frozenset()) -> int | None:
    """Start offset in ``long`` of the tail whose words' initials spell ``short`` (the ``skipped``
    words between them aside), else of the shortest tail that spells it, or None.

    >>> long = "the European Environment Agency"
    >>> long[best_long_form("EEA", long):]
    'European Environment Agency'

    >>> long = "the Office of the United Nations High Commissioner for Human Rights"
    >>> long[best_long_form("OHCHR", long):]
    'Office of the United Nations High Commissioner for Human Rights'
    >>> long = "Human Rights Institute of Southwest University of Political Science and Law"
    >>> long[best_long_form("SWUPL", long):]
    'Southwest University of Political Science and Law'
    >>> best_long_form("XYZ", "Supreme People's Court") is None
    True
    """
    initials = _by_initials(short, long, skipped)
    if initials is not None:
        return initials
    s, i = len(short) - 1, len(long) - 1
    while s >= 0:
        c = short[s].lower()
        if not c.isalnum():
            s -= 1
            continue
        while i >= 0 and (long[i].lower() != c or (s == 0 and not _starts_capital_word(long, i))):
            i -= 1
        if i < 0:
            return None
        i -= 1
        s -= 1
    return i + 1


def _by_initials(short: str, long: str, skipped: frozenset) -> int | None:
    """Start of the last words of ``long`` whose initials are the letters of ``short`` in order,
    the ``skipped`` words between them aside; None when they are not."""
    letters = [c.lower() for c in short if c.isalnum()]
    words = list(_NAME_WORD.finditer(long))
    k = len(words) - 1
    for letter in reversed(letters):
        while k >= 0 and words[k].group() in skipped:
            k -= 1
        if k < 0 or words[k].group()[0].lower() != letter:
            return None
        k -= 1
    first = words[k + 1]
    return first.start() if first.group()[0].isupper() else None


def initials(long: str, skipped: frozenset = frozenset()) -> str:
    """The capitals a name's words open with, its ``skipped`` words aside; "" when a word that is
    not skipped opens in lower case.

    >>> initials("African National Congress"), initials("Society for Human Resource Management", frozenset({"for"}))
    ('ANC', 'SHRM')
    >>> initials("Bank of china", frozenset({"of"}))
    ''
    """
    letters = []
    for word in _NAME_WORD.finditer(long):
        w = word.group()
        if w.lower() in skipped:
            continue
        if not w[0].isupper():
            return ""
        letters.append(w[0])
    return "".join(letters)


def _starts_capital_word(text: str, i: int) -> bool:
    return (i == 0 or not text[i - 1].isalnum()) and text[i].isupper()


def _is_short_form(s: str) -> bool:
    return bool(_SHORT.match(s)) and sum(ch.isupper() for ch in s) >= 2 and s[0].isupper()


def find_definitions(text: str, max_words: int = 12, skipped: frozenset = frozenset()) -> list[Definition]:
    """Acronym definitions in ``text``, in both orders; ``skipped``: the words of a long form its
    acronym skips (rules/common/words.yaml acronym_skipped_words).

    >>> d = find_definitions("held by the State Council Information Office (SCIO). The SCIO said")
    >>> [(x.short, x.long) for x in d]
    [('SCIO', 'State Council Information Office')]
    >>> [(x.short, x.long) for x in find_definitions("the UNHRC (UN Human Rights Council) met")]
    [('UNHRC', 'UN Human Rights Council')]
    >>> find_definitions("in 2021 (2016-2020) and (see above), the CPC (CPC)")
    []
    >>> find_definitions("amend Regulation (EU) 2019/1020 and Directive (EU) 2019/904")
    []
    """
    found = []
    newlines = [m.start() for m in re.finditer("\n", text)]
    for m in _PAREN.finditer(text):
        inner, start = m.group(1).strip(), m.start(1) + (len(m.group(1)) - len(m.group(1).lstrip()))
        k = bisect.bisect_left(newlines, m.start())
        line_start = newlines[k - 1] + 1 if k else 0
        before_end = m.start()   # the text of the line before the parenthesis, without its trailing spaces
        while before_end > line_start and text[before_end - 1].isspace():
            before_end -= 1
        if _is_short_form(inner):
            n = min(len(inner) + 5, 2 * len(inner), max_words)
            # the long form does not reach back past another parenthesis: "Regulation (EU) 2019/1020
            # and Directive (EU)" defines nothing
            after_bracket = max(text.rfind(")", line_start, before_end), text.rfind("(", line_start, before_end)) + 1
            words = last_words(text, max(line_start, after_bracket), before_end, n)
            if not words:
                continue
            cand = text[words[0][0]:before_end]
            at = best_long_form(inner, cand, skipped)
            if at is not None and len(cand[at:].split()) > 1:
                ls = words[0][0] + at
                found.append(Definition(inner, start, start + len(inner), text[ls:before_end], ls, before_end))
            continue
        last = [text[a:b] for a, b in last_words(text, line_start, before_end, 1)]
        if last and _is_short_form(last[0].strip(",;:")):
            short = last[0]
            at = best_long_form(short, inner, skipped)
            if at == 0 and len(inner.split()) > 1:
                s0 = before_end - len(short)
                found.append(Definition(short, s0, s0 + len(short), inner, start, start + len(inner)))
    return found


def last_words(text: str, lo: int, hi: int, n: int) -> list[tuple[int, int]]:
    """(start, end) of the last ``n`` words of ``text[lo:hi]`` (all of them if fewer),
    found by looking back from ``hi`` only as far as they reach, not to ``lo``: a
    parenthesis late in a long line costs its own words, not the line.

    >>> text = "a long line, then the World Health Organization"
    >>> [text[a:b] for a, b in last_words(text, 0, len(text), 3)], last_words(text, 0, 1, 3)
    (['World', 'Health', 'Organization'], [(0, 1)])
    """
    reach = 64
    while True:
        a = max(lo, hi - reach)
        words = [w.span() for w in _WORD.finditer(text, a, hi)]
        if a > lo and words and words[0][0] == a and not text[a - 1].isspace():
            words = words[1:]   # a word cut by the window
        if len(words) >= n or a == lo:
            return words[-n:]
        reach *= 4


def parenthesis_endings(text: str, longest: int = 6) -> set[str]:
    """Every string of at most ``longest`` characters that ends a parenthesis and begins at
    a word boundary: the strings ``s`` without a ")" for which ``re.search(r"\\([^)]*\\b" +
    re.escape(s) + r"\\)", text)`` finds something, in one pass over the text rather than
    one search of the whole text per ``s``.

    >>> sorted(parenthesis_endings("(WHO) and (see the UN) or (A)B)", 3))
    [' UN', 'A', 'UN', 'WHO']
    """
    found, opened = set(), -1   # opened: the first "(" since the last ")"
    for m in _BRACKET.finditer(text):
        p = m.start()
        if text[p] == "(":
            opened = p if opened < 0 else opened
            continue
        for k in range(1, longest + 1 if opened >= 0 else 1):
            if p - k <= opened:
                break
            if _is_word(text[p - k - 1]) != _is_word(text[p - k]):
                found.add(text[p - k:p])
        opened = -1
    return found


def _is_word(c: str) -> bool:
    return c.isalnum() or c == "_"   # what \\w is to Python's re
