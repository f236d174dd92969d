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
"""
from __future__ import annotations

import functools
import math
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Mapping, NamedTuple, Sequence

SECTIONS = ("words", "scales", "suffix_scales", "fractions", "fraction_chars", "vague", "before_scale", "signs",
            "lower_bounds", "ordinal_units")

# Digits with optional sign, thousands separators (comma, space, no-break or
# thin space, apostrophe) and decimals: 5,479 | 1,674,200.5 | .08 | 5 479.
DIGITS = re.compile(r"^[+\-\u2212]?(?:\d{1,3}(?:[,\u00a0\u202f\u2009' ]\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d+)?(?:\.\d+)?$")
POWER_TOKEN = re.compile(r"^([+\-]?\d+(?:\.\d+)?)\^([+\-]*)(\d+)$")  # "1.1^+23" written as one token
SEPARATORS = re.compile(r"[,\u00a0\u202f\u2009' ]")
FRACTION = re.compile(r"^([+\-\u2212]?)(\d+)/(\d+)$")
DIGIT_GROUP = re.compile(r"^\d{3}(?:\.\d+)?$")
POWER = re.compile(r"^[+\-]*\d+$")
EXPONENT = re.compile(r"^e[+\-]?\d+$")
# Abbreviated scales that may stand apart from the digits ("10 bln", "2.33 k").
SPACED_SCALES = frozenset({"k", "bn", "bln", "mln", "tln", "mn", "mil", "trn"})
VULGAR = re.compile(r"[\u00bc-\u00be\u2150-\u215e]")


def fold(word: str) -> str:
    """Lower-case, NFKC-folded token text (full-width digits and commas become ASCII).

    >>> fold("５，４７９")
    '5,479'
    """
    if VULGAR.search(word):          # keep "½": NFKC would spell it "1⁄2"
        return word.lower()
    return unicodedata.normalize("NFKC", word).lower()


def parse_digits(text: str) -> float | None:
    """The value of a token written in digits, or None.

    >>> parse_digits("1,674,200.5")
    1674200.5
    >>> parse_digits("-3.2")
    -3.2
    >>> parse_digits("5\u00a0479")
    5479.0
    >>> parse_digits("12,34") is None
    True
    >>> parse_digits("12,34,567.89")   # Indian grouping
    1234567.89
    """
    text = fold(text).replace("\u2212", "-")
    p = POWER_TOKEN.match(text)
    if p:
        base, exp = float(p.group(1)), int(p.group(3)) * (-1 if p.group(2).count("-") % 2 else 1)
        return math.copysign(abs(base) ** exp, base)
    m = FRACTION.match(text)
    if m and int(m.group(3)) and int(m.group(2)) < int(m.group(3)):   # "3/4", "-4/5"
        return (-1 if m.group(1) else 1) * int(m.group(2)) / int(m.group(3))
    if not text or not any(c.isdigit() for c in text) or not DIGITS.match(text):
        return None
    return float(SEPARATORS.sub("", text))


@dataclass(frozen=True)
class Lexicon:
    words: Mapping[str, float] = field(default_factory=dict)
    scales: Mapping[str, float] = field(default_factory=dict)
    suffix_scales: Mapping[str, float] = field(default_factory=dict)
    fractions: Mapping[str, float] = field(default_factory=dict)
    fraction_chars: Mapping[str, float] = field(default_factory=dict)
    vague: Mapping[str, float] = field(default_factory=dict)
    before_scale: Mapping[str, float] = field(default_factory=dict)
    signs: Mapping[str, float] = field(default_factory=dict)
    lower_bounds: Mapping[str, float] = field(default_factory=dict)
    ordinal_units: Mapping[str, float] = field(default_factory=dict)

    @classmethod
    def from_rules(cls, data: Mapping, where: str = "numbers.yaml") -> "Lexicon":
        """Build from the parsed ``numbers.yaml``; unknown sections or non-numeric values fail."""
        from pipeline.ruleset import RuleError, check_keys

        check_keys(data, SECTIONS, where)
        sections = {}
        for name in SECTIONS:
            entries = data.get(name) or {}
            for word, value in entries.items():
                if not isinstance(word, str) or isinstance(value, bool) or not isinstance(value, (int, float)):
                    raise RuleError(f"{where} rule {name}: entry {word!r}: {value!r} is not a number")
            sections[name] = {fold(w): float(v) for w, v in entries.items()}
        return cls(**sections)

    def starts_number(self, word: str) -> bool:
        """Could a number start at this (folded) token?"""
        return (word in self.words or word in self.vague or word in self.fraction_chars
                or word in self.before_scale or word in self.signs or parse_digits(word) is not None)


class Reading(NamedTuple):
    value: float
    end: int            # index after the last token of the number
    vague: bool         # a lower bound such as "dozens", "hundreds of"
    fraction: bool      # "two-thirds", "half", "½"
    digits: bool        # written in digits (as opposed to words)


@functools.lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    from pipeline import ruleset

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
    glued = glued or [False] * n
    w = words[i]
    sign = 1.0
    if w in lex.signs and i + 1 < n:
        inner = read_number(words, i + 1, lex, glued)
        if inner is None:
            return None
        return inner._replace(value=lex.signs[w] * inner.value)
    if w in lex.vague:
        return _read_vague(words, i, lex)
    if w in lex.fraction_chars:
        return Reading(lex.fraction_chars[w], i + 1, False, True, False)
    if w in lex.before_scale:
        return _read_before_scale(words, i, lex)
    return _read_cardinal(words, i, lex, glued, sign)


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
    if w == "half" and j + 1 < n and words[j] in ("a", "an"):
        k = _skip_spaces(words, j + 1)
        if k < n and (words[k] in lex.scales or words[k] == "dozen"):   # "half a million", "half a dozen"
            return Reading(0.5 * lex.scales.get(words[k], 12.0), k + 1, False, False, False)
    if j < n and words[j] in lex.scales:
        inner = _read_cardinal(words, i, lex, [False] * n, 1.0, start_value=base)
        if inner is not None and w in lex.lower_bounds:            # "several thousand": at least 3000
            inner = inner._replace(vague=True)
        return inner
    if j < n and words[j] == "dozen" and w != "several":
        return Reading(12.0 * base, j + 1, False, False, False)
    if w == "half":
        return Reading(0.5, j, False, True, False)
    if w in ("a", "an") and (frac := _fraction_at(words, i, lex)) and not (j < n and words[j] in lex.fractions):
        return Reading(frac[0], frac[1], False, True, False)     # "a twenty-first", "a hundredth"
    if w in ("a", "an") and j < n and words[j] in lex.fractions and words[j] not in ("second",):
        k = _skip_spaces(words, j + 1)
        if k < n and words[k] in lex.scales:                       # "a quarter million"
            return Reading(lex.scales[words[k]] / lex.fractions[words[j]], k + 1, False, False, False)
        return Reading(1.0 / lex.fractions[words[j]], j + 1, False, True, False)
    return None


def _skip_spaces(words, j) -> int:
    """Index of the next token that is not a run of spaces (newlines end a number)."""
    while j < len(words) and words[j] and not words[j].strip() and "\n" not in words[j]:
        j += 1
    return j


def _digit_group(word: str) -> bool:
    return DIGIT_GROUP.match(word) is not None


def _fraction_at(words, j, lex):
    """``a half``, ``one fourth``, ``three quarters``, ``fifty-four hundredths`` at j: (value, end) or None."""
    w = words[j] if j < len(words) else ""
    if w in lex.fraction_chars:
        return lex.fraction_chars[w], j + 1
    if w in ("a", "an"):
        num, k = 1.0, _skip_spaces(words, j + 1)
    elif w in lex.words:
        r = _read_cardinal(words, j, lex, [False] * len(words), 1.0, fractions_ok=False)
        if r is None:
            return None
        num, k = r.value, _skip_spaces(words, r.end)
    else:
        return None
    den = _read_denominator(words, k, lex)
    if den is None or (words[k] == "second" and num == 1) or num >= den[0]:
        return None                                         # a proper fraction only: "and thirty fifths" is not
    return num / den[0], den[1]


def _and_continues(words, j, lex, scale) -> bool:
    """After ``hundred``/``thousand``, does ``and`` go on with a smaller number
    ("one hundred and six") rather than start a new one ("1.2 trillion and 3.5 billion")?"""
    k = _skip_spaces(words, j + 1)
    nxt = words[k] if k < len(words) else ""
    if not (nxt in lex.words or parse_digits(nxt) is not None) or _fraction_at(words, k, lex) is not None:
        return False
    value = lex.words.get(nxt) if nxt in lex.words else parse_digits(nxt)
    after = words[_skip_spaces(words, k + 1)] if k + 1 < len(words) else ""
    if value != int(value) or value >= scale:
        return False
    # "two hundred and two thousand" goes on; "1 thousand and 2 thousand" does not
    if scale == 100:
        return not (after in lex.scales and lex.scales[after] == 100)   # "3 hundred and 2 hundred": two numbers
    return not (after in lex.scales and lex.scales[after] >= scale)


def _read_decimals(words, j, lex):
    """``point zero three`` -> ("03", end); ``point seventy-one`` -> ("71", end)."""
    digits, k = "", j
    while k < len(words):
        w = words[k]
        if w in lex.words and lex.words[w] < 10:
            digits += str(int(lex.words[w]))
        elif w in lex.words and lex.words[w] < 100 and not digits:
            v = int(lex.words[w])
            k2 = k + 1
            if k2 + 1 < len(words) and words[k2] == "-" and words[k2 + 1] in lex.words and lex.words[words[k2 + 1]] < 10:
                v += int(lex.words[words[k2 + 1]])
                k2 += 2
            return str(v), k2
        else:
            break
        k += 1
    return (digits, k) if digits else None


def _read_denominator(words, k, lex, tens_only=False):
    """The denominator of a fraction written at k: ``fifths`` (5), ``twenty-firsts`` (21),
    ``hundred fifth`` (105); (value, end) or None."""
    n = len(words)
    w = words[k] if k < n else ""
    if not tens_only and w in lex.fractions:
        return lex.fractions[w], k + 1
    if w in lex.words and lex.words[w] >= 20:               # "twenty-first", "thirty fifths"
        u = k + 2 if k + 2 < n and words[k + 1] == "-" else _skip_spaces(words, k + 1)
        if u < n and words[u] in lex.ordinal_units:
            return lex.words[w] + lex.ordinal_units[words[u]], u + 1
        return None
    if tens_only:
        return None
    inner = _read_cardinal(words, k, lex, [False] * n, 1.0, fractions_ok=False) if w in lex.words or w in lex.scales else None
    if inner is not None and inner.end < n:                 # "one hundred fifth" (105)
        o = words[inner.end]
        unit = lex.ordinal_units.get(o) or lex.fractions.get(o)
        if unit and inner.value >= 100:
            return inner.value + unit, inner.end + 1
    return None


def _read_cardinal(words, i, lex, glued, sign, start_value=None, fractions_ok=True) -> Reading | None:
    n = len(words)
    last_tens, tens_after_and, last_chunk = 0.0, False, 0.0
    total, current = 0.0, None
    last = None          # kind of the previous token: digits | unit | teen | tens | hundred | scale | and | hyphen
    last_scale = 1.0
    digits = grouped = times10 = False
    j = end = i
    if start_value is not None:
        current, last, j, end = start_value, "unit", i + 1, i + 1
    elif words[i] in lex.scales and lex.scales[words[i]] >= 12:    # "hundred thousand dollars", "dozen"
        current, last = 1.0, "unit"
    while j < n:
        w = words[j]
        v = parse_digits(w)
        if v is not None:
            if last in ("scale", "and") or (last == "hundred" and v < 100):
                current = (current or 0.0) + v
            elif last == "digits" and _digit_group(w) and current == int(current) and (current < 1000 or grouped) \
                    and "." not in words[end - 1] and (not glued[j] or words[j - 1] != "-"):
                current, grouped = current * 1000 + v, True  # "40 000", "1 234 567" (spaced thousands)
            elif last is not None:
                break
            else:
                current = v
            last, digits = "digits", True
        elif w in lex.words:
            v = lex.words[w]
            if last in ("digits", "unit", "teen") or (last == "tens" and v >= 10) or (last == "hyphen" and v >= 10):
                break
            current = (current or 0.0) + v
            tens_after_and = last == "and"
            last = "tens" if v >= 20 and v % 10 == 0 and v < 100 else ("teen" if v >= 10 else "unit")
            last_tens = v
        elif w == "-" and last == "tens" and j + 1 < n and words[j + 1] in lex.words and lex.words[words[j + 1]] < 10:
            last = "hyphen"
        elif w in lex.scales and last == "scale" and lex.scales[w] >= 1000:
            total += last_chunk * (lex.scales[w] - 1)       # "three lakh crore", "a thousand million"
            last_chunk *= lex.scales[w]
        elif w in lex.scales and current is not None and last not in ("and", "hyphen"):
            scale = lex.scales[w]
            if scale <= 100 and last != "scale":
                current *= scale
                last = "hundred"
            else:
                last_chunk = current * scale
                total += last_chunk
                current, last, last_scale = 0.0, "scale", scale
        elif (w.rstrip(".") in lex.suffix_scales and last == "digits" and glued[j]) \
                or (w in SPACED_SCALES and w in lex.suffix_scales and last == "digits"):
            total += current * lex.suffix_scales[w.rstrip(".")]
            current, last, last_scale = 0.0, "scale", lex.suffix_scales[w.rstrip(".")]
        elif last == "digits" and w == "^" and glued[j] and glued[j + 1] and POWER.match(words[j + 1]):
            exp = int(words[j + 1].lstrip("+-")) * (-1 if words[j + 1].count("-") % 2 else 1)
            if times10:                                     # "1.3x10^6"
                current = float(f"{current!r}e{exp}")
            else:                                           # "1.1^23", "-2500^-1"
                current = math.copysign(abs(current) ** exp, current)
            j += 1
        elif last == "digits" and w in ("x10", "×10") and glued[j] and words[j + 1] == "^":
            times10 = True
        elif last == "digits" and glued[j] and EXPONENT.match(w):
            current = float(f"{current!r}e{int(w[1:])}")
        elif w in lex.vague and last in ("unit", "teen", "tens", "digits") and lex.vague[w] == 12:
            current *= 12                                   # "three dozens"
            last = "scale"
        elif w == "and" and last in ("hundred", "scale") and _and_continues(words, j, lex, last_scale if last == "scale" else 100):
            last = "and"
        elif w == "and" and last in ("unit", "teen", "tens", "digits", "scale", "hundred") \
                and _fraction_at(words, _skip_spaces(words, j + 1), lex):
            frac, k = _fraction_at(words, _skip_spaces(words, j + 1), lex)          # "one and a half", "3 million and a quarter"
            if last == "scale" and k < n and words[k] in lex.scales:      # "one billion and a half million"
                total += frac * lex.scales[words[k]]
                end = j = k + 1
                last = "fraction"
                break
            if last == "scale":
                total += frac * last_scale
            else:
                current += frac
            end = j = k
            if j < n and words[j] in lex.scales and last != "scale":  # "five and a half million"
                total += current * lex.scales[words[j]]
                current = 0.0
                end = j = j + 1
            last = "fraction"
            break
        elif w == "point" and last in ("unit", "teen", "tens", "hundred", "scale"):
            dec = _read_decimals(words, j + 1, lex)
            if dec is None:
                break
            current = (current or 0.0) + float("0." + dec[0])
            end = j = dec[1]
            last = "point"
            break
        elif not w.strip() and w and "\n" not in w and last != "hyphen":
            j += 1                                          # runs of spaces inside a number
            continue
        else:
            break
        j += 1
        if last not in ("and", "hyphen"):
            end = j
    if current is None:
        return None
    value = total + current
    fraction = False
    j = end
    # "two-thirds", "three quarters", "three twenty-firsts": a cardinal word followed by a denominator
    k = j + 1 if j + 1 < n and words[j] == "-" else _skip_spaces(words, j)
    den = None
    if not digits and fractions_ok and last == "tens" and not tens_after_and and value > last_tens:
        den = _read_denominator(words, end - 1, lex, tens_only=True)
        if den is not None:                                 # "one hundred thirty fifths" = 100/35
            value -= last_tens
    if den is None and not digits and fractions_ok:
        den = _read_denominator(words, k, lex)
    if den is not None and last in ("unit", "teen", "tens", "hundred", "scale") \
            and not (value == 1 and words[k].endswith("s") and den[0] < 20):
        value = value / den[0]
        j, fraction = den[1], True
        k = _skip_spaces(words, j)
        if k < n and words[k] in lex.scales:   # "three quarters billion"
            value *= lex.scales[words[k]]
            j, fraction = k + 1, False
        elif k + 2 < n and words[k] == "of" and words[k + 1] in ("a", "an") and words[k + 2] in lex.scales:
            value *= lex.scales[words[k + 2]]       # "two thirds of a million"
            j, fraction = k + 3, False
    elif digits and last == "digits" and total == 0 and j < n and (frac := parse_digits(words[_skip_spaces(words, j)])) \
            is not None and "/" in words[_skip_spaces(words, j)] and 0 < frac < 1 and current == int(current):
        value += frac                                       # "2 1/4"
        j = _skip_spaces(words, j) + 1
    return Reading(sign * value, j, False, fraction, digits)


def tokenize(text: str) -> tuple[list[str], list[bool]]:
    """Split a string the way the component sees it: words, digits, and symbols,
    with ``glued`` flags for tokens written without a space before them."""
    words, glued = [], []
    for m in re.finditer(r"(?<=\d)e[+\-]?\d+|(?<=\d)[x\u00d7]10(?=\^)|[+\-\u2212]?\d+/\d+|[^\W\d_]+|[+\-\u2212]?[\d.,\uff0c\uff0e\u00a0\u202f\u2009]*\d|\S", fold(text)):
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
