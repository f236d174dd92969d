"""Numbers written in digits: token folding and ``parse_digits`` (pure functions, no spaCy).

>>> parse_digits("5,479")
5479.0
"""
from __future__ import annotations

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
