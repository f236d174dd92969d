"""Capitalized name runs around a head word: shared by organizations and resolutions (not a component).

A proper name in English news is a run of capitalized words, possibly joined
by hyphens ("All-China", "Five-Year") or a possessive ("People's"), and
continued by connector words ("of the", "for", "on") that are followed by more
capitalized words. These helpers walk the tokens next to a head word only, so
the per-token Python work stays proportional to the number of heads found by
a Matcher, not to the length of the document.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.attrs import ORTH
from spacy.tokens import Doc, Token

from claimspan.components.docarrays import positions
from claimspan.ruleset import load_table

YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
MAX_TOKENS = 45


@dataclass(frozen=True)
class NameRules:
    """How the words of one kind of name are joined (all words lower-case)."""
    connectors: frozenset = frozenset()       # may join parts, first of a run: of, for, on...
    inner: frozenset = frozenset()            # may follow a connector: the, and...
    possessive_ok: frozenset | None = None    # words before "'s"; None: any capitalized word
    stop_words: frozenset = frozenset()       # capitalized words that end a run (titles of people)
    numbers: bool = False                     # years and ordinals count as name words
    max_connectors: int = 3
    hyphens: frozenset = frozenset()          # join two words of a name (rules/common/punctuation.yaml)
    possessives: frozenset = frozenset()      # join two words of a name: "People's", "workers'"
    coordinators: frozenset = frozenset()     # "and", "or": join two names rather than continue one
    ordinal_suffixes: frozenset = frozenset()   # "20th", which the tokenizer splits as "20" "th"
    period_joins: frozenset = frozenset()     # join the years of a period after a name: "(2016-2020)"


def is_cap(tok: Token, rules: NameRules) -> bool:
    text = tok.text
    if not text or tok.is_space:
        return False
    if text[0].isupper():
        if len(text) > 1 and text.isupper() and tok.lower_ in rules.connectors:
            return False   # "OF" in "INFLATION REDUCTION ACT OF 2022", "BANK OF CHINA": a connector, as in lower case
        return tok.lower_ not in rules.stop_words
    if tok.is_digit and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in rules.ordinal_suffixes \
            and not tok.whitespace_:
        return True  # "14" of "14th", split by the tokenizer
    if text[-2:] in rules.ordinal_suffixes and text[:-2].isdecimal():
        return True   # "14th" kept whole
    if tok.is_digit and joined(tok.doc, tok.i) and tok.doc[tok.i - 1].text[0].isupper() and tok.doc[tok.i - 1].is_alpha:
        return True   # the digits of one word the tokenizer split: "NIS2" in "the NIS2 Directive"
    return bool(rules.numbers and YEAR.match(text))


def joined(doc: Doc, i: int) -> bool:
    """Token i is glued to token i-1 (no whitespace in between)."""
    return i > 0 and not doc[i - 1].whitespace_


def run_left(doc: Doc, i: int, rules: NameRules, limit: int = 0) -> int:
    """First token of the capitalized run that ends with token ``i``."""
    start = i
    while start - 1 >= max(limit, i - MAX_TOKENS):
        prev = doc[start - 1]
        if is_cap(prev, rules) and not prev.is_punct:
            start -= 1
        elif prev.lower_ in rules.ordinal_suffixes and start - 2 >= 0 and doc[start - 2].is_digit \
                and joined(doc, start - 1):
            start -= 2
        elif prev.text in rules.hyphens and joined(doc, start) and joined(doc, start - 1) and start - 2 >= 0 \
                and (is_cap(doc[start - 2], rules) or doc[start - 2].like_num):
            start -= 2
        elif prev.text in rules.possessives and start - 2 >= 0 and is_cap(doc[start - 2], rules) and (
                rules.possessive_ok is None or doc[start - 2].lower_ in rules.possessive_ok):
            start -= 2
        else:
            break
    return start


def run_right(doc: Doc, i: int, rules: NameRules) -> int:
    """End (exclusive) of the capitalized run that starts with token ``i``."""
    end, n = i + 1, len(doc)
    while end < min(n, i + MAX_TOKENS):
        tok = doc[end]
        if is_cap(tok, rules) and not tok.is_punct:
            end += 1
        elif tok.lower_ in rules.ordinal_suffixes and doc[end - 1].is_digit and joined(doc, end):
            end += 1
        elif tok.text in rules.hyphens and end + 1 < n and joined(doc, end) and joined(doc, end + 1) \
                and (is_cap(doc[end + 1], rules) or doc[end + 1].like_num):
            end += 2
        elif tok.text in rules.possessives and end + 1 < n and is_cap(doc[end + 1], rules) and (
                rules.possessive_ok is None or doc[end - 1].lower_ in rules.possessive_ok):
            end += 2
        else:
            break
    return end


def parts_right(doc: Doc, end: int, rules: NameRules, first: frozenset | None = None) -> list[tuple[int, int, int]]:
    """Connected parts after a run: ``[(connector_start, run_start, run_end), ...]``.

    A part is one connector word (``rules.connectors``; ``first`` for the first
    part, when given), optionally followed by ``rules.inner`` words, then a
    capitalized run.
    """
    parts, n = [], len(doc)
    while end < n and len(parts) < 12:
        k = end
        if doc[k].lower_ not in (first if first is not None and not parts else rules.connectors):
            break
        k += 1
        while k < n and k - end < rules.max_connectors and doc[k].lower_ in rules.inner:
            k += 1
        if k >= n or not is_cap(doc[k], rules) or doc[k].is_punct:
            break
        run_end = run_right(doc, k, rules)
        parts.append((end, k, run_end))
        end = run_end
    return parts


def period_after(doc: Doc, end: int, rules: NameRules) -> int:
    """Extend past a parenthesized period that follows directly: ``(2016-2020)``, ``(2016-20)``, ``(2015)``."""
    n = len(doc)
    if end < n and doc[end].text == "(":
        k = end + 1
        if k < n and YEAR.match(doc[k].text):
            k += 1
            if k + 1 < n and doc[k].lower_ in rules.period_joins and doc[k + 1].like_num:
                k += 2
            if k < n and doc[k].text == ")":
                return k + 1
    return end


def tokens_with_text(doc: Doc, texts) -> list[int]:
    """Indices of the tokens whose text is one of ``texts`` (one vectorized pass, no loop over tokens)."""
    return positions(doc, texts, ORTH)


def articles() -> tuple[frozenset, frozenset]:
    """The definite and the indefinite articles (``rules/common/words.yaml``)."""
    words = load_table("common", "words.yaml")
    return frozenset(words["definite_articles"]), frozenset(words["indefinite_articles"])


def shared_words() -> dict[str, frozenset]:
    """The ``NameRules`` fields every kind of name shares, from ``rules/common/``: the dashes
    that join its words, the possessives, the coordinators and the ordinal suffixes."""
    punctuation, words = load_table("common", "punctuation.yaml"), load_table("common", "words.yaml")
    return {"hyphens": frozenset(punctuation["hyphens"]),
            "possessives": frozenset(words["possessives"]) | frozenset(punctuation["apostrophes"]),
            "coordinators": frozenset(words["coordinators"]), "ordinal_suffixes": frozenset(words["ordinal_suffixes"])}
