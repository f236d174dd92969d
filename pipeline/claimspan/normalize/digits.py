"""Numbers written in digits: token folding and ``parse_digits`` (pure functions, no spaCy).

>>> parse_digits("5,479")
5479.0

A number too large for a float is read as ``inf`` (what ``float()`` gives),
never an exception: digit strings go through ``float()``, never ``int()``
(which refuses more than 4,300 digits), powers through ``power()``, and the
"is it a whole number" tests through ``is_whole()``.
"""
from __future__ import annotations

import functools
import math
import re
import unicodedata

# Digits with optional sign, thousands separators (comma, space, no-break or
# thin space, apostrophe) and decimals: 5,479 | 1,674,200.5 | .08 | 5 479.
DIGITS = re.compile(r"^[+\-\u2212]?"
                    # 1,234 (commas or spaces) / 12,34,567 (lakh) / 1234
                    r"(?:\d{1,3}(?:[,\u00a0\u202f\u2009' ]\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d+)?"
                    r"(?:\.\d+)?$")
POWER_TOKEN = re.compile(r"^([+\-]?\d+(?:\.\d+)?)\^([+\-]*)(\d+)$")  # "1.1^+23" written as one token
SEPARATORS = re.compile(r"[,\u00a0\u202f\u2009' ]")
# A decimal comma, as written in most of Europe: one comma before one or two digits ("5,00",
# "1,5") - never a thousands separator, which takes three - or after dot-grouped thousands
# ("1.111,11"). A list written without spaces ("22,24,26") has more than one comma: not this;
# nor a year and a count that lost the space between them ("In 2019,40 people died").
DECIMAL_COMMA = re.compile(r"^([+\-\u2212]?)(\d{1,3}(?:\.\d{3})+,\d+|\d{1,3},\d{1,2})$")
FRACTION = re.compile(r"^([+\-\u2212]?)(\d+)/(\d+)$")
DIGIT_GROUP = re.compile(r"^\d{3}(?:\.\d+)?$")
POWER = re.compile(r"^[+\-]*\d+$")
EXPONENT = re.compile(r"^e[+\-]?\d+$")
VULGAR = re.compile(r"[\u00bc-\u00be\u2150-\u215e]")
# A power of ten with a superscript exponent, with or without a mantissa: "2.5×10⁻⁴", "10⁶"
# (NFKC would fold "10⁶" into "106").
SUPERSCRIPT_POWER = re.compile(r"^(?:([+\-\u2212]?\d+(?:\.\d+)?)\s?[x\u00d7]\s?)?10"
                               r"([\u207a\u207b]?[\u2070\u00b9\u00b2\u00b3\u2074-\u2079]+)$")



def is_whole(value) -> bool:
    """A finite whole number (``inf`` and ``nan`` are not; ``int(inf)`` would raise).

    >>> is_whole(31.0), is_whole(2.5), is_whole(float("inf")), is_whole(10 ** 400)
    (True, False, False, True)
    """
    return isinstance(value, int) or (isinstance(value, float) and value.is_integer())


def power(base: float, exp: float) -> float:
    """``base ** exp`` as a float, ``inf`` when it overflows (``0 ** -1`` too), never an exception.

    >>> power(10, 3), power(10, 400), power(-2, 3), power(0, -1), power(10, -400)
    (1000.0, inf, -8.0, inf, 0.0)
    """
    try:
        return math.copysign(math.pow(abs(base), exp), base)
    except (OverflowError, ValueError):   # math.pow says ValueError for 0 ** -1
        return math.copysign(math.inf, base)


def times_ten_to(value: float, exp: str) -> float:
    """``value`` times 10 to the power written in ``exp`` ("6", "-3", "+400"), exactly as the
    literal ``1.3e6`` would be read.

    >>> times_ten_to(1.3, "6"), times_ten_to(2e300, "+400"), times_ten_to(2e20, "-5"), times_ten_to(3.0, "-9" * 9)
    (1300000.0, inf, 2000000000000000.0, 0.0)
    """
    if not math.isfinite(value) or value == 0:
        return value
    if len(exp.lstrip("+-")) > 4:    # beyond any float, and too long for int()
        return math.copysign(0.0 if exp.startswith("-") else math.inf, value)
    mantissa, _, own = repr(value).partition("e")   # repr(2e20) == "2e+20"
    return float(f"{mantissa}e{int(own or 0) + int(exp)}")


def fold(word: str) -> str:
    """Lower-case, NFKC-folded token text (full-width digits and commas become ASCII).

    >>> fold("５，４７９")
    '5,479'
    """
    if word.isascii():   # NFKC leaves ASCII as it is; most tokens are ASCII
        return word.lower()
    if VULGAR.search(word) or SUPERSCRIPT_POWER.match(word):   # keep "½", "10⁶" (NFKC: "1⁄2", "106")
        return word.lower()
    return unicodedata.normalize("NFKC", word).lower()


@functools.lru_cache(maxsize=1 << 16)   # pure; a number reader asks for every word it reaches, again and again
def parse_digits(text: str) -> float | None:
    """The value of a token written in digits, or None.

    >>> parse_digits("1,674,200.5")
    1674200.5
    >>> parse_digits("-3.2")
    -3.2
    >>> parse_digits("5\u00a0479")
    5479.0
    >>> parse_digits("12,34"), parse_digits("1.111,11"), parse_digits("22,24,26") is None   # decimal commas
    (12.34, 1111.11, True)
    >>> parse_digits("2019,40") is None   # "In 2019,40 people died": a lost space, not 2019.4
    True
    >>> parse_digits("2.5×10⁻⁴"), parse_digits("10⁶")
    (0.00025, 1000000.0)
    >>> parse_digits("12,34,567.89")   # Indian grouping
    1234567.89
    """
    if (sup := SUPERSCRIPT_POWER.match(text)):
        mantissa = float((sup.group(1) or "1").replace("\u2212", "-"))
        return times_ten_to(mantissa, unicodedata.normalize("NFKC", sup.group(2)).replace("\u2212", "-"))
    text = fold(text).replace("\u2212", "-")
    p = POWER_TOKEN.match(text)
    if p:
        exp = float(p.group(3)) * (-1 if p.group(2).count("-") % 2 else 1)
        return power(float(p.group(1)), exp)
    m = FRACTION.match(text)
    num, den = (float(m.group(2)), float(m.group(3))) if m else (0, 0)
    if den and num < den:   # "3/4", "-4/5"
        return (-1 if m.group(1) else 1) * num / den
    if (d := DECIMAL_COMMA.match(text)):
        whole, _, decimals = d.group(2).replace(".", "").partition(",")
        return float(f"{d.group(1)}{whole}.{decimals}")
    if not text or not any(c.isdigit() for c in text) or not DIGITS.match(text):
        return None
    return float(SEPARATORS.sub("", text))
