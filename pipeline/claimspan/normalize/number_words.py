"""Numbers written in words: ``read_cardinal`` reads "one hundred and six",
"1.4 billion", "three and a half", "two-thirds" token by token (pure functions,
no spaCy). The vocabulary is a ``numbers.Lexicon``.

One module of ~400 lines on purpose: it is one small grammar (cardinals, scales,
fractions, conjunctions) whose readers call one another; split, each part would
need the others.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from claimspan.normalize.digits import (DIGIT_GROUP, EXPONENT, POWER, is_whole, parse_digits, power,
                                        times_ten_to)

WORD_KINDS = ("unit", "teen", "tens", "hundred", "scale")
GLUED_SCALE = re.compile(r"^([+\-]?[\d.,]*\d)([a-z]+)\.?$")
# A mantissa written together with "x10"/"×10" by the tokenizer ("1.3×10" of "1.3×10^6"), whose
# exponent follows glued: after "^", or after a minus when the superscript was flattened ("2.5×10−4").
TIMES_TEN = re.compile(r"^([+\-\u2212]?\d+(?:\.\d+)?)[x\u00d7]10$")
# Tokens a numerator ("three hundred and five thousandths") or the cardinal in a denominator
# ("one hundred fifth") may span. Those are read again at every "and" of a number; unbounded,
# "five thousand four hundred and " x 20 read its tail 2**20 times.
NESTED_REACH = 12


class Apart:
    """``glued`` for a reading where no two tokens count as written together: what
    ``[False] * len(words)`` says, without building that list for every reading."""

    def __getitem__(self, j) -> bool:
        return False


APART = Apart()


class Ahead:
    """The words before index ``end`` only: a nested reading stops there. ``cut``: it
    asked for a word past ``end`` that the text has (so it may have stopped early).

    >>> words = Ahead(["one", "hundred", "and", "five"], 2)
    >>> len(words), words[1], words.cut, words[2], words.cut
    (2, 'hundred', False, '', True)
    """

    def __init__(self, words, end: int):
        self.words, self.end, self.cut = words, min(end, len(words)), False

    def __len__(self) -> int:
        return self.end

    def __getitem__(self, i: int) -> str:
        if i < self.end:
            return self.words[i]
        self.cut = self.cut or i < len(self.words)
        return ""


def nested_cardinal(words, j, lex) -> Reading | None:
    """The cardinal at j inside a fraction (its numerator, or a denominator's "one hundred"),
    read over at most ``NESTED_REACH`` tokens; None if it may go on past them."""
    ahead = Ahead(words, j + NESTED_REACH)
    r = read_cardinal(ahead, j, lex, APART, 1.0, fractions_ok=False)
    return None if ahead.cut else r


class Reading(NamedTuple):
    value: float
    end: int            # index after the last token of the number
    vague: bool         # a lower bound such as "dozens", "hundreds of"
    fraction: bool      # "two-thirds", "half", "½"
    digits: bool        # written in digits (as opposed to words)


def skip_spaces(words, j) -> int:
    """Index of the next token that is not a run of spaces (newlines end a number)."""
    while j < len(words) and words[j] and not words[j].strip() and "\n" not in words[j]:
        j += 1
    return j


def fraction_at(words, j, lex):
    """``a half``, ``one fourth``, ``three quarters``, ``fifty-four hundredths`` at j: (value, end) or None."""
    w = words[j] if j < len(words) else ""
    if w in lex.fraction_chars:
        return lex.fraction_chars[w], j + 1
    if w in lex.indefinite:
        num, k = 1.0, skip_spaces(words, j + 1)
    elif w in lex.words:
        r = nested_cardinal(words, j, lex)
        if r is None:
            return None
        num, k = r.value, skip_spaces(words, r.end)
    else:
        return None
    den = read_denominator(words, k, lex)
    if den is None or (words[k] == "second" and num == 1) or num >= den[0]:
        return None                                         # a proper fraction only: "and thirty fifths" is not
    return num / den[0], den[1]


def and_continues(words, j, lex, scale) -> bool:
    """After ``hundred``/``thousand``, does ``and`` go on with a smaller number
    ("one hundred and six") rather than start a new one ("1.2 trillion and 3.5 billion")?"""
    k = skip_spaces(words, j + 1)
    nxt = words[k] if k < len(words) else ""
    if not (nxt in lex.words or parse_digits(nxt) is not None) or fraction_at(words, k, lex) is not None:
        return False
    value = lex.words.get(nxt) if nxt in lex.words else parse_digits(nxt)
    after = words[skip_spaces(words, k + 1)] if k + 1 < len(words) else ""
    if not is_whole(value) or value >= scale or value == 0:
        return False                                      # "3 hundred and 0": nobody adds a zero
    # "two hundred and two thousand" goes on; "1 thousand and 2 thousand" does not
    if scale == 100:
        return not (after in lex.scales and lex.scales[after] == 100)   # "3 hundred and 2 hundred": two numbers
    return not (after in lex.scales and lex.scales[after] >= scale)


def read_decimals(words, j, lex):
    """``point zero three`` -> ("03", end); ``point seventy-one`` -> ("71", end)."""
    digits, k = "", j
    while k < len(words):
        w = words[k]
        if w in lex.words and lex.words[w] < 10:
            digits += str(int(lex.words[w]))
        elif w in lex.words and lex.words[w] < 100 and not digits:
            v = int(lex.words[w])
            k2 = k + 1
            if (k2 + 1 < len(words) and words[k2] == "-" and words[k2 + 1] in lex.words
                    and lex.words[words[k2 + 1]] < 10):
                v += int(lex.words[words[k2 + 1]])
                k2 += 2
            return str(v), k2
        else:
            break
        k += 1
    return (digits, k) if digits else None


def read_denominator(words, k, lex, tens_only=False):
    """The denominator of a fraction written at k: ``fifths`` (5), ``twenty-firsts`` (21),
    ``hundred fifth`` (105); (value, end) or None."""
    n = len(words)
    w = words[k] if k < n else ""
    if not tens_only and w in lex.fractions:
        return lex.fractions[w], k + 1
    if w in lex.words and lex.words[w] >= 20:               # "twenty-first", "thirty fifths"
        u = k + 2 if k + 2 < n and words[k + 1] == "-" else skip_spaces(words, k + 1)
        if u < n and words[u] in lex.ordinal_units:
            return lex.words[w] + lex.ordinal_units[words[u]], u + 1
        return None
    if tens_only:
        return None
    inner = None
    if w in lex.words or w in lex.scales:
        inner = nested_cardinal(words, k, lex)
    if inner is not None and inner.end < n:                 # "one hundred fifth" (105)
        o = words[inner.end]
        unit = lex.ordinal_units.get(o) or lex.fractions.get(o)
        if unit and inner.value >= 100:
            return inner.value + unit, inner.end + 1
    return None


class Cardinal:
    """One cardinal being read, token by token: ``total`` holds what the scales
    closed ("1.4 billion"), ``current`` the part still open ("... and six");
    ``last`` is the kind of the previous token (digits, unit, teen, tens,
    hundred, scale, and, hyphen, fraction, point)."""

    def __init__(self, words, lex, glued):
        self.words, self.lex, self.glued, self.n = words, lex, glued, len(words)
        self.total, self.current, self.last = 0.0, None, None
        self.last_scale, self.last_chunk, self.last_tens = 1.0, 0.0, 0.0
        self.tens_after_and = self.digits = self.grouped = self.times10 = False
        self.scale_closed = False          # a suffix scale ("bn", "k") or a decimal before a scale ends the digits
        self.part = 0.0                                       # the words since the last "and"/"hundred"
        self.end = 0

    def read(self, i: int, start_value: float | None = None) -> int:
        """Consume tokens from i; return where the number ends (also ``self.end``)."""
        words, lex = self.words, self.lex
        j = self.end = i
        if start_value is not None:
            self.current, self.last, j, self.end = start_value, "unit", i + 1, i + 1
        elif words[i] in lex.scales and lex.scales[words[i]] >= 12:   # "hundred thousand dollars", "dozen"
            self.current, self.last = 1.0, "unit"
        while j < self.n:
            w = words[j]
            if w and not w.strip() and "\n" not in w and self.last != "hyphen":
                j += 1                                       # runs of spaces inside a number
                continue
            step = self.step(j, w)
            if step is None:
                break
            j, done = step
            if self.last not in ("and", "hyphen"):
                self.end = j
            if done:
                break
        return self.end

    def step(self, j: int, w: str):
        """Consume the token at j: (next index, number finished) or None to stop before it."""
        lex, v = self.lex, parse_digits(w)
        if v is not None:
            return self.digit_token(j, w, v)
        if self.last is None and (tt := TIMES_TEN.match(w)):
            return self.times_ten(j, tt.group(1))
        glued = GLUED_SCALE.match(w) if self.last is None else None
        if glued and glued.group(2) in lex.suffix_scales and (v := parse_digits(glued.group(1))) is not None:
            self.current, self.last, self.digits = v, "digits", True   # "2.5bn" left whole by a plain tokenizer
            self.close(lex.suffix_scales[glued.group(2)])
            self.scale_closed = True
            return j + 1, False
        if w in lex.words:
            return self.word(j, lex.words[w])
        if w in lex.scales or w.rstrip(".") in lex.suffix_scales:
            return self.scale(j, w)
        if w == "and":
            return self.conjunction(j)
        if w == "point" and self.last in WORD_KINDS:
            return self.point(j)
        return self.symbol(j, w)

    def times_ten(self, j, mantissa):
        """``1.3×10^6`` and ``2.5×10−4`` (a superscript exponent flattened): the exponent must follow
        with no space, else the token is not a number."""
        words, glued = self.words, self.glued
        if j + 2 >= self.n:
            return None
        op, exp = words[j + 1], words[j + 2]
        if not (glued[j + 1] and glued[j + 2] and POWER.match(exp) and (op == "^" or op in ("-", "\u2212")
                                                                        and exp.isdigit())):
            return None
        sign = "-" if (op != "^") != (exp.count("-") % 2 == 1) else ""
        self.current = times_ten_to(float(mantissa.replace("\u2212", "-")), sign + exp.lstrip("+-"))
        self.last, self.digits = "digits", True
        return j + 3, False

    def digit_token(self, j, w, v):
        last, words = self.last, self.words
        if last == "scale" and (self.scale_closed or not is_whole(v) or v >= self.last_scale):   # closed
            return None                                       # "£14.2bn  +6.5%", "2.7bn 4 times": two numbers
        if last in ("scale", "and") or (last == "hundred" and v < 100):
            self.current = (self.current or 0.0) + v          # "4 thousand 3 hundred and 21"
        elif last == "digits" and DIGIT_GROUP.match(w) and is_whole(self.current) \
                and (self.current < 1000 or self.grouped) and "." not in words[self.end - 1] \
                and (not self.glued[j] or words[j - 1] != "-"):
            self.current, self.grouped = self.current * 1000 + v, True   # "40 000", "1 234 567"
        elif last is not None:
            return None
        else:
            self.current = v
        self.last, self.digits = "digits", True
        return j + 1, False

    def word(self, j, v):
        last = self.last
        if last in ("digits", "unit", "teen") or (last in ("tens", "hyphen") and v >= 10):
            return None                                       # "five six", "twenty thirty": two numbers
        self.part = v if last in (None, "and", "hundred", "scale") else self.part + v
        self.current = (self.current or 0.0) + v
        self.tens_after_and = last == "and"
        self.last = "tens" if 20 <= v < 100 and v % 10 == 0 else ("teen" if v >= 10 else "unit")
        self.last_tens = v
        return j + 1, False

    def scale(self, j, w):
        lex, last = self.lex, self.last
        if w in lex.scales and last == "scale" and lex.scales[w] >= 1000:
            self.total += self.last_chunk * (lex.scales[w] - 1)   # "three lakh crore", "a thousand million"
            self.last_chunk *= lex.scales[w]
        elif w in lex.scales and self.current is not None and last not in ("and", "hyphen"):
            scale = lex.scales[w]
            if scale <= 100 and last != "scale":
                self.current *= scale
                self.last = "hundred"
            else:
                self.close(scale)
        elif last == "digits" and (self.glued[j] and w.rstrip(".") in lex.suffix_scales
                                   or w in lex.spaced_scales):
            self.close(lex.suffix_scales[w.rstrip(".")])     # "2.5bn", "10M.", "10 bln"
            self.scale_closed = True
        else:
            return None
        return j + 1, False

    def close(self, scale):
        self.scale_closed = self.scale_closed or not is_whole(self.current)   # "1.2 million" takes no more digits
        self.last_chunk = self.current * scale
        self.total += self.last_chunk
        self.current, self.last, self.last_scale = 0.0, "scale", scale

    def conjunction(self, j):
        words, lex, last = self.words, self.lex, self.last
        if last in ("hundred", "scale") and and_continues(words, j, lex, self.last_scale if last == "scale" else 100):
            self.last = "and"
            return j + 1, False
        k = skip_spaces(words, j + 1)
        if k >= self.n:                                       # "twenty and" ends the text: nothing follows
            return None
        if last == "tens" and lex.words.get(words[k], 10) < 10 and fraction_at(words, k, lex) is None \
                and k + 1 < self.n and words[k + 1] == "and":
            self.last = "and"                                 # "twenty and three and three fifths"
            return j + 1, False
        k = skip_spaces(words, j + 1)
        frac = fraction_at(words, k, lex) if last in ("unit", "teen", "tens", "digits", "scale", "hundred") else None
        if frac is None:
            return None
        frac, k = frac                                        # "one and a half", "3 million and a quarter"
        if last == "scale" and k < self.n and words[k] in lex.scales:
            self.total += frac * lex.scales[words[k]]         # "one billion and a half million"
            k += 1
        elif last == "scale":
            self.total += frac * self.last_scale
        else:
            self.current += frac
            if k < self.n and words[k] in lex.scales:         # "five and a half million"
                self.total += self.current * lex.scales[words[k]]
                self.current, k = 0.0, k + 1
        self.last = "fraction"
        return k, True

    def point(self, j):
        dec = read_decimals(self.words, j + 1, self.lex)     # "two hundred point zero three"
        if dec is None:
            return None
        self.current = (self.current or 0.0) + float("0." + dec[0])
        self.last = "point"
        k = skip_spaces(self.words, dec[1])
        if k < self.n and self.lex.scales.get(self.words[k], 0) >= 1000:   # "four point three million"
            self.close(self.lex.scales[self.words[k]])
            return k + 1, True
        return dec[1], True

    def symbol(self, j, w):
        words, lex, last, glued = self.words, self.lex, self.last, self.glued
        if w == "-" and last == "tens" and j + 1 < self.n and lex.words.get(words[j + 1], 99) < 10:
            self.last = "hyphen"                              # "twenty-six"
        elif w == "-" and last in ("digits", "unit", "teen", "tens", "hundred") and glued[j] and glued[j + 1] \
                and lex.scales.get(words[j + 1], 0) >= 1000:
            self.close(lex.scales[words[j + 1]])              # "a $10-million project", "a two-billion-dollar deal"
            return j + 2, False
        elif last == "digits" and w == "^" and glued[j] and glued[j + 1] and POWER.match(words[j + 1]):
            exp = ("-" if words[j + 1].count("-") % 2 else "") + words[j + 1].lstrip("+-")
            if self.times10:                                  # "1.3x10^6"
                self.current = times_ten_to(self.current, exp)
            else:                                             # "1.1^23", "-2500^-1"
                self.current = power(self.current, float(exp))
            return j + 2, False
        elif last == "digits" and w in ("x10", "×10") and glued[j] and words[j + 1] == "^":
            self.times10 = True
        elif last == "digits" and w in ("x", "×") and words[j + 1] == "10" and words[j + 2] == "^" \
                and glued[j + 2] and glued[j + 3] and POWER.match(words[j + 3]):
            exp = ("-" if words[j + 3].count("-") % 2 else "") + words[j + 3].lstrip("+-")
            self.current = times_ten_to(self.current, exp)   # "6.022 × 10^23", "3 x 10^8"
            return j + 4, False
        elif last == "digits" and glued[j] and EXPONENT.match(w):
            self.current = times_ten_to(self.current, w[1:])   # "1e10"
        elif w in lex.vague and last in ("unit", "teen", "tens", "digits") and lex.vague[w] == 12:
            part = self.part if last != "digits" else self.current
            self.current += part * 11                         # "three dozens", "three hundred and two dozens"
            self.last = "scale"
        else:
            return None
        return j + 1, False

    def value_with_fraction(self, fractions_ok: bool) -> tuple[float, int, bool]:
        """The value, extended by a denominator that follows ("two-thirds",
        "three twenty-firsts", "2 1/4"): (value, end, is a fraction)."""
        words, lex, n, end = self.words, self.lex, self.n, self.end
        value = self.total + self.current
        k = end + 1 if end + 1 < n and words[end] == "-" else skip_spaces(words, end)
        den = None
        if not self.digits and fractions_ok and self.last == "tens" and not self.tens_after_and \
                and value > self.last_tens:
            den = read_denominator(words, end - 1, lex, tens_only=True)
            if den is not None:                               # "one hundred thirty fifths" = 100/35
                value -= self.last_tens
        if den is None and not self.digits and fractions_ok:
            den = read_denominator(words, k, lex)
        if den is not None and value > 1 and not words[den[1] - 1].endswith("s"):
            den = None                                        # "two millionth": a singular denominator needs "one"
        if den is not None and self.last in WORD_KINDS and not (value == 1 and words[k].endswith("s") and den[0] < 20):
            return self.scaled_fraction(value / den[0], den[1])
        nxt = skip_spaces(words, end)
        if end + 1 < n and words[end] == "-" and self.glued[end] and self.glued[end + 1] and "/" in words[end + 1]:
            nxt = end + 1                                     # "4-1/4": a mixed number in US style
        frac = None if not self.digits or nxt >= n else lex.fraction_chars.get(words[nxt]) \
            or (parse_digits(words[nxt]) if "/" in words[nxt] else None)
        if frac is not None and self.last == "digits" and self.total == 0 and 0 < frac < 1 \
                and is_whole(self.current):
            return value + frac, nxt + 1, False               # "2 1/4", "4¼", "4-1/4"
        return value, end, False

    def scaled_fraction(self, value, j):
        words, lex, n = self.words, self.lex, self.n
        k = skip_spaces(words, j)
        if k < n and words[k] in lex.scales:                  # "three quarters billion"
            return value * lex.scales[words[k]], k + 1, False
        if k + 2 < n and words[k] == "of" and words[k + 1] in lex.indefinite and words[k + 2] in lex.scales:
            return value * lex.scales[words[k + 2]], k + 3, False   # "two thirds of a million"
        return value, j, True


def read_cardinal(words, i, lex, glued, sign, start_value=None, fractions_ok=True) -> Reading | None:
    """Read the cardinal (digits or words) that starts at ``words[i]``."""
    reader = Cardinal(words, lex, glued)
    reader.read(i, start_value)
    if reader.current is None:
        return None
    value, end, fraction = reader.value_with_fraction(fractions_ok)
    return Reading(sign * value, end, False, fraction, reader.digits)
