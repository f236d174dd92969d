"""The dates pattern language: word classes (MONTH, YEAR, NUM...) built from
``rules/dates/lexicon.yaml``, and patterns written over them compiled to spaCy
Matcher token specs (see the header of ``rules/dates/patterns.yaml``)."""
from __future__ import annotations

import re
from typing import NamedTuple


from claimspan.ruleset import RuleError

KINDS = {"date", "range", "duration", "set", "time"}
REPEAT_BOUND = 6    # tokens an "X+" item is assumed to span at most ("two hundred fifty thousand"), for windows


class Rule(NamedTuple):
    id: str
    role: str            # core | prefix | suffix | exclude
    kind: str | None
    order: int
    left: int            # context tokens to drop from the match's start
    right: int           # ... and from its end
    applies_to: tuple = ()
    kind_to: str | None = None
    value: str | None = None
    relative: int | None = None
    not_before: frozenset = frozenset()   # words that may not follow the match (patterns.yaml ``not_before``)
    not_after: frozenset = frozenset()    # words that may not come before it (``not_after``)


def _ordinal_suffix(n: int) -> str:
    """1st, 2nd, 3rd, 4th ... 11th, 12th, 13th ... 21st."""
    if n % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def word_classes(lex: dict) -> dict[str, dict]:
    """The upper-case items of the pattern language: one Matcher token spec each."""
    def with_periods(words):
        return sorted(set(words) | {w + "." for w in words})

    def numbers(lo, hi, width=0):
        return [str(n).zfill(width) for n in range(lo, hi + 1)]

    days = numbers(1, 31) + numbers(1, 9, 2) + [f"{n}{_ordinal_suffix(n)}" for n in range(1, 32)]
    full_months = [w for w in lex["months"] if w not in lex["ambiguous_months"]]
    return {
        "MONTH": {"LOWER": {"IN": with_periods(lex["months"])}, "IS_LOWER": False},
        "MONTH_BARE": {"LOWER": {"IN": full_months}, "IS_LOWER": False},
        "DAY": {"LOWER": {"IN": days}},
        "MM": {"LOWER": {"IN": numbers(1, 12, 2)}},
        "YEAR": {"LOWER": {"IN": numbers(1100, 2099)}},
        "YY": {"LOWER": {"IN": numbers(0, 99, 2)}},
        "DECADE_YEAR": {"LOWER": {"IN": [str(n * 10) for n in range(110, 210)]}, "SPACY": False},
        "WEEKDAY": {"LOWER": {"IN": with_periods(lex["weekdays"])}, "IS_LOWER": False},
        "SEASON": {"LOWER": {"IN": list(lex["seasons"])}},
        "WEEKDAYS": {"LOWER": {"IN": list(lex["recurring_weekdays"])}, "IS_LOWER": False},
        "PARTS": {"LOWER": {"IN": list(lex["recurring_parts"])}},
        "SEASONS": {"LOWER": {"IN": list(lex["recurring_seasons"])}, "IS_LOWER": True},   # not "Lawrence Summers"
        "UNIT": {"LOWER": {"IN": list(lex["units"])}, "IS_LOWER": True},   # not "60 Minutes" (a name)
        "UNIT1": {"LOWER": {"IN": [w for w, u in lex["units"].items() if w == u]}, "IS_LOWER": True},
        "NUM": {"LOWER": {"IN": [w for w in lex["number_words"] if w not in lex["indefinite_articles"]]
                          + numbers(0, 1000)}},
        "THOUSANDS": {"SHAPE": {"IN": ["d,ddd", "dd,ddd", "ddd,ddd"]}},   # "2,000 years": a count NUM leaves out
        "FRACTION": {"LOWER": {"IN": list(lex["fractions"])}},
        "DECIMAL": {"SHAPE": {"IN": ["d.d", "dd.d", "d.dd"]}},
        "ORD": {"LOWER": {"IN": list(lex["ordinals"])}},
        "REL": {"LOWER": {"IN": list(lex["relative"])}},
        "DEICTIC": {"LOWER": {"IN": list(lex["deictic"])}},
        "MODW": {"LOWER": {"IN": [w for w, m in lex["modifiers"].items() if m in ("start", "mid", "end")]}},
        "SHIFT": {"LOWER": {"IN": list(lex["shift_words"])}},
        "PART": {"LOWER": {"IN": list(lex["parts_of_day"])}},
        "SETW": {"LOWER": {"IN": list(lex["sets"])}, "IS_LOWER": True},
        "DASH": {"ORTH": {"IN": sorted(lex["dashes"])}},
        "CLOCK": {"SHAPE": {"IN": ["d:dd", "dd:dd"]}},
        "HHMM": {"LOWER": {"IN": [f"{h:02d}{m:02d}" for h in range(24) for m in range(60)]}},   # "0735 GMT"
        "TH": {"LOWER": {"IN": list(lex["ordinal_suffixes"])}},
        "TZ": {"LOWER": {"IN": list(lex["time_zones"])}},
        "NUMLIKE": {"LIKE_NUM": True},
        "TITLE_WORD": {"IS_TITLE": True, "IS_ALPHA": True},
        "ACRONYM": {"IS_UPPER": True, "IS_ALPHA": True},
        "DIGITS3": {"SHAPE": "ddd"},
        # a counted noun ("500 cars a day"), not a unit nor a frequency's "times" ("three times a day")
        "NOUN_WORD": {"IS_LOWER": True, "IS_ALPHA": True,
                      "LOWER": {"NOT_IN": list(lex["units"]) + list(lex["frequency_counts"])}},
        "TENS": {"LOWER": {"IN": [w for w, n in lex["number_words"].items() if n in (20, 30, 40, 50, 60, 70, 80, 90)]}},
        "TENS_PLURAL": {"LOWER": {"IN": [w for w, n in lex["number_words"].items()
                                         if n in (20, 30, 40, 50, 60, 70, 80, 90)
                                         for w in [w[:-1] + "ies"]]}},
        "DIGIT_WORD": {"LOWER": {"IN": [w for w, n in lex["number_words"].items()
                                        if n in range(1, 10) and w not in lex["indefinite_articles"]]}},
        "AMPM": {"LOWER": {"IN": list(lex["am_pm"])}},
        "QUARTER_TOKEN": {"LOWER": {"IN": list(lex["quarter_tokens"])}},
        "NUMERIC_DATE": {"SHAPE": {"IN": [f"{a}{sep}{b}{sep}dddd" for sep in "/." for a in ("d", "dd")
                                          for b in ("d", "dd")]}},
    }


def compile_pattern(text: str, classes: dict, where: str) -> tuple[list[dict], int, int]:
    """One pattern string -> (Matcher pattern, context tokens on the left, on the right)."""
    spec, context = [], []
    for item in text.split():
        is_context = item.startswith("~") and len(item) > 1
        item = item[1:] if is_context else item
        op = item[-1] if item[-1] in "?+" and len(item) > 1 else None
        item = item[:-1] if op else item
        if item in classes:
            token = dict(classes[item])
        elif "|" in item and any(w in classes for w in item.split("|")):
            token = {"LOWER": {"IN": _union(item.split("|"), classes, where)}}
        elif re.fullmatch(r"[A-Z][A-Z0-9_]{3,}", item):   # short all-caps items are literals: RMB, US$
            raise RuleError(f"{where}: unknown word class {item!r} (known: {', '.join(sorted(classes))})")
        else:
            words = item.split("|")
            exact = any(w != w.lower() for w in words) or not any(c.isalnum() for c in item)
            values = words[0] if len(words) == 1 else {"IN": words}   # a plain value is tested in C, IN in Python
            token = {"ORTH": values} if exact else {"LOWER": values}
        if op:
            token["OP"] = op
        spec.append(token)
        context.append(is_context)
    left = next((i for i, c in enumerate(context) if not c), len(context))
    right = next((i for i, c in enumerate(reversed(context)) if not c), 0)
    return spec, left, right


def _union(items: list[str], classes: dict, where: str) -> list[str]:
    """``noon|midnight|PART``: literal words and word classes that test nothing but LOWER."""
    words: list[str] = []
    for item in items:
        spec = classes.get(item, {"LOWER": {"IN": [item.lower()]}})
        if set(spec) != {"LOWER"}:
            raise RuleError(f"{where}: word class {item!r} cannot be combined with '|'")
        words.extend(spec["LOWER"]["IN"])
    return words
