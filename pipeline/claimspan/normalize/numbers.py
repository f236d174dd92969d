"""Reading numbers: digits, number words, scales and vague magnitudes (pure functions, no spaCy).

``read_number(words, i)`` reads the longest number that starts at ``words[i]``
in a list of lower-case tokens and says where it ends; ``parse_number(text)``
does the same for a string. The vocabulary (number words, scales, fractions,
vague plurals) comes from ``rules/claims/numbers.yaml``.

>>> parse_number("5,479")
5479.0
>>> parse_number("1.4 billion")
1400000000.0
>>> parse_number("twenty-six")
26.0
>>> parse_number("one hundred and six")
106.0
>>> parse_number("a dozen")
12.0
>>> parse_number("half a million")
500000.0
>>> parse_number("2.5bn")
2500000000.0
>>> parse_number("５，４７９")
5479.0
>>> parse_number("dozens")
24.0
>>> parse_number("tens of thousands")
20000.0
>>> parse_number("two-thirds")
0.6666666666666666
>>> parse_number("minus 4")
-4.0
>>> parse_number("several") is None
True
>>> parse_number("scores of 90") is None
True
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Mapping, Sequence

from claimspan.normalize.digits import DIGITS, fold, parse_digits  # noqa: F401  (re-exported)
from claimspan.normalize.number_words import APART, Reading, fraction_at, read_cardinal, skip_spaces

SECTIONS = ("words", "scales", "suffix_scales", "money_suffix_scales", "fractions", "fraction_chars", "vague",
            "before_scale", "signs", "lower_bounds", "ordinal_units", "vague_before_of", "spaced_scales",
            "indefinite_articles")

@dataclass(frozen=True)
class Lexicon:
    words: Mapping[str, float] = field(default_factory=dict)
    scales: Mapping[str, float] = field(default_factory=dict)
    suffix_scales: Mapping[str, float] = field(default_factory=dict)
    money_suffix_scales: Mapping[str, float] = field(default_factory=dict)
    fractions: Mapping[str, float] = field(default_factory=dict)
    fraction_chars: Mapping[str, float] = field(default_factory=dict)
    vague: Mapping[str, float] = field(default_factory=dict)
    before_scale: Mapping[str, float] = field(default_factory=dict)
    signs: Mapping[str, float] = field(default_factory=dict)
    lower_bounds: Mapping[str, float] = field(default_factory=dict)
    ordinal_units: Mapping[str, float] = field(default_factory=dict)
    vague_before_of: Mapping[str, float] = field(default_factory=dict)
    spaced_scales: frozenset = frozenset()   # suffix scales that may stand apart from the digits ("10 bln")
    indefinite: frozenset = frozenset()      # "a", "an": one, before a scale or a fraction ("a million", "a third")

    @classmethod
    def from_rules(cls, data: Mapping, where: str = "numbers.yaml") -> "Lexicon":
        """Build from the parsed ``numbers.yaml``; unknown sections or non-numeric values fail."""
        from claimspan.ruleset import RuleError, check_keys

        check_keys(data, SECTIONS, where)
        sections = {}
        for name in SECTIONS[:-2]:   # the number tables; the last two are word lists
            entries = data.get(name) or {}
            for word, value in entries.items():
                if not isinstance(word, str) or isinstance(value, bool) or not isinstance(value, (int, float)):
                    raise RuleError(f"{where} rule {name}: entry {word!r}: {value!r} is not a number")
            sections[name] = {fold(w): float(v) for w, v in entries.items()}
        spaced = frozenset(fold(str(w)) for w in data.get("spaced_scales") or ())
        if spaced - set(sections["suffix_scales"]):
            raise RuleError(f"{where} rule spaced_scales: {sorted(spaced - set(sections['suffix_scales']))} "
                            "are not suffix_scales")
        return cls(**sections, spaced_scales=spaced,
                   indefinite=frozenset(fold(str(w)) for w in data.get("indefinite_articles") or ()))


def default_lexicon() -> Lexicon:
    """The number words of ``rules/claims/numbers.yaml`` (with the active rules overlay)."""
    from claimspan import ruleset

    return _lexicon(ruleset.overlay_key())


@functools.lru_cache(maxsize=2)
def _lexicon(overlay_key: str | None) -> Lexicon:
    from claimspan import ruleset

    path = ruleset.rules_path("claims", "numbers.yaml")
    return Lexicon.from_rules(ruleset.read_rule_file(str(path)), str(path))


def read_number(words: Sequence[str], i: int, lex: Lexicon | None = None,
                glued: Sequence[bool] | None = None) -> Reading | None:
    """Read the number starting at ``words[i]`` (folded tokens); None if there is none.

    ``glued[j]`` is true when token j follows token j-1 with no space: only then
    is a suffix scale read ("10M", "2.5bn", but not "10 m").

    >>> read_number(["more", "than", "1,800", "proposals"], 2)
    Reading(value=1800.0, end=3, vague=False, fraction=False, digits=True)
    >>> read_number(["hundreds", "of", "thousands", "of", "people"], 0).value
    200000.0
    """
    lex = lex or default_lexicon()
    n = len(words)
    glued = glued or APART
    w = words[i]
    sign = 1.0
    if w in lex.signs and i + 1 < n:
        inner = read_number(words, i + 1, lex, glued)
        if inner is None:
            return None
        return inner._replace(value=lex.signs[w] * inner.value)
    if w in lex.vague:
        if w in lex.vague_before_of and (i + 1 >= n or words[i + 1] != "of"
                                         or (i + 2 < n and parse_digits(words[i + 2]) is not None)):
            return None                                     # "test scores", "scores of 90 and 95"
        return _read_vague(words, i, lex)
    if w in lex.fraction_chars:
        return Reading(lex.fraction_chars[w], i + 1, False, True, False)
    if w in lex.before_scale:
        return _read_before_scale(words, i, lex)
    return read_cardinal(words, i, lex, glued, sign)


def _read_vague(words, i, lex) -> Reading:
    """``dozens`` 24, ``tens of thousands`` 20000, ``hundreds of millions`` 2e8."""
    value = 2 * lex.vague[words[i]]
    end = i + 1
    if end + 1 < len(words) and words[end] == "of" and words[end + 1] in lex.vague:
        value *= lex.vague[words[end + 1]]
        end += 2
    elif end < len(words) and words[end] in lex.scales:  # "hundreds thousand" (rare), "dozens million"
        value *= lex.scales[words[end]]
        end += 1
    return Reading(value, end, True, False, False)


def _read_before_scale(words, i, lex) -> Reading | None:
    """``a dozen``, ``a million``, ``several thousand``, ``half a million``, ``a third``."""
    w, n = words[i], len(words)
    base = lex.before_scale[w]
    j = i + 1
    if w == "half" and j + 1 < n and words[j] in lex.indefinite:
        k = skip_spaces(words, j + 1)
        if k < n and (words[k] in lex.scales or words[k] == "dozen"):   # "half a million", "half a dozen"
            return Reading(0.5 * lex.scales.get(words[k], 12.0), k + 1, False, False, False)
    if j < n and words[j] in lex.scales:
        inner = read_cardinal(words, i, lex, APART, 1.0, start_value=base)
        if inner is not None and w in lex.lower_bounds:            # "several thousand": at least 3000
            inner = inner._replace(vague=True)
        return inner
    if j < n and words[j] == "dozen" and w != "several":
        return Reading(12.0 * base, j + 1, False, False, False)
    if w == "half":
        return Reading(0.5, j, False, True, False)
    if w in lex.indefinite and (frac := fraction_at(words, i, lex)) and not (j < n and words[j] in lex.fractions):
        return Reading(frac[0], frac[1], False, True, False)     # "a twenty-first", "a hundredth"
    if w in lex.indefinite and j < n and words[j] in lex.fractions and words[j] not in ("second",):
        k = skip_spaces(words, j + 1)
        if k < n and words[k] in lex.scales:                       # "a quarter million"
            return Reading(lex.scales[words[k]] / lex.fractions[words[j]], k + 1, False, False, False)
        return Reading(1.0 / lex.fractions[words[j]], j + 1, False, True, False)
    return None


# exponents, "x10^", fractions 3/4, words, digit groups (with the separators fold() leaves), any other symbol
WORDS = re.compile(r"(?<=\d)e[+\-]?\d+|(?<=\d)[x\u00d7]10(?=\^)|[+\-\u2212]?\d+/\d+|[^\W\d_]+"
                   r"|[+\-\u2212]?[\d.,\uff0c\uff0e\u00a0\u202f\u2009]*\d|\S")


def tokenize(text: str) -> tuple[list[str], list[bool]]:
    """Split a string the way the component sees it: words, digits, and symbols,
    with ``glued`` flags for tokens written without a space before them."""
    words, glued = [], []
    for m in WORDS.finditer(fold(text)):
        words.append(m.group().rstrip())
        glued.append(m.start() > 0 and not text[m.start() - 1].isspace())
    return words, glued


def parse_number(text: str, lex: Lexicon | None = None) -> float | None:
    """The number written in ``text`` (the whole string must be one number), or None."""
    words, glued = tokenize(text)
    if not words:
        return None
    r = read_number(words, 0, lex, glued)
    if r is None or r.end != len(words):
        return None
    return r.value
