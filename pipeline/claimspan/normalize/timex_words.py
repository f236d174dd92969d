"""Reading the words of one temporal expression into features (pure, no spaCy).

``features(words, lexicon)`` says, by word class from ``rules/dates/lexicon.yaml``,
what an expression's words carry: year, month, day, weekday, unit, count,
relative direction, modifier... ``claimspan.normalize.timex`` resolves them.
"""
from __future__ import annotations

import re

# the shapes of digit tokens, compiled once (read for every word of every date candidate)
_ONE_TWO_DIGITS = re.compile(r"\d\d?")
_FOUR_DIGITS = re.compile(r"\d{4}")
_NUMBER = re.compile(r"\d[\d,]*(\.\d+)?")
_ORDINAL = re.compile(r"(\d\d?)(st|nd|rd|th)")
_NUMERIC_DATE = re.compile(r"(\d\d?)([/.])(\d\d?)\2(\d{4}|\d\d)")
_CLOCK = re.compile(r"(\d\d?):(\d\d)")
_HHMM = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")
SCALES = (100, 1000, 10 ** 6, 10 ** 9)   # number words that multiply what comes before them
NEGATED_MODS = {"after": "before", "before": "after"}   # a bound negated: "not less than" is at least


def _key(word: str) -> str:
    return word.lower().rstrip(".") if word.lower() not in ("a.m.", "p.m.") else word.lower()


def features(words: list[str], lex: dict) -> dict:
    """What the words of one expression say, by word class (see rules/dates/lexicon.yaml).

    >>> from claimspan.normalize.timex import default_lexicon
    >>> f = features(["the", "past", "five", "years"], default_lexicon())
    >>> f["rel"], f["num"], f["unit"]
    (-1, 5, 'year')
    """
    f: dict = {"num": None}
    number: list = []
    words = _numeric_dashed(words, lex)
    shift = lex["shift_phrases"].get(" ".join(_key(w) for w in words[-2:])) if len(words) > 2 else None
    if shift is not None:      # "two weeks from now": a length counted from the anchor; "now" is no date here
        words = words[:-2]
    for i in range(len(words)):
        _read_digits(f, number, words, i, lex) or _read_calendar(f, number, words, i, lex) \
            or _read_relation(f, number, words, i, lex)
    if len(number) >= 2 and number[0] in (18, 19) and isinstance(number[1], int) and 20 <= number[1] <= 99:
        f["year"], number = number[0] * 100 + sum(number[1:]), []    # "nineteen ninety-six"
    if number:
        f["num"] = _combine_numbers(number)
    if shift is not None and f.get("unit"):
        f["shift"], f["from_anchor"] = shift, True
    if f.get("unit") == "year" and not f.get("plural") and isinstance(f["num"], int) and 1000 <= f["num"] < 3000:
        f["year"], f["num"], f["unit"] = f["num"], None, None    # "the year two thousand"
    weeks = [int(k) for w, k in zip(words, words[1:]) if _key(w) == "week" and _ONE_TWO_DIGITS.fullmatch(k)]
    if f.get("unit") == "week" and weeks and 1 <= weeks[0] <= 53:
        f["week_number"], f["num"] = weeks[0], None              # "epidemiological week 34": the year's 34th
    return f


def _numeric_dashed(words: list[str], lex: dict) -> list[str]:
    """A date of numbers and dashes ("24", "-", "04", "-", "2024") read as one numeric date ("24/04/2024").

    >>> _numeric_dashed(["on", "24", "-", "04", "-", "2024"], {"dashes": ["-"]})
    ['on', '24/04/2024']
    """
    for i in range(len(words) - 4):
        a, d1, b, d2, y = words[i:i + 5]
        if d1 in lex["dashes"] and d2 in lex["dashes"] and _ONE_TWO_DIGITS.fullmatch(a) \
                and _ONE_TWO_DIGITS.fullmatch(b) and _FOUR_DIGITS.fullmatch(y):
            return words[:i] + [f"{a}/{b}/{y}"] + words[i + 5:]
    return words


def _read_digits(f: dict, number: list, words: list[str], i: int, lex: dict) -> bool:
    """Digits and what the tokenizer splits off them: 2021, 14th, 05/31/2021, 7:15, Q3, p.m., 1990s."""
    k, prev = _key(words[i]), _key(words[i - 1]) if i else ""
    if _HHMM.fullmatch(k) and i + 1 < len(words) and _key(words[i + 1]) in lex["time_zones"]:
        f["clock"] = (int(k[:2]), int(k[2:]))   # "1300 GMT": a wire's 24-hour clock, not the year 1300
    elif _NUMBER.fullmatch(k):
        _number_token(f, number, k, prev, words[i + 1:], lex)
    elif m := _ORDINAL.fullmatch(k):
        before_month = i + 2 < len(words) and _key(words[i + 2]) in lex["months"]
        the_nth_of = prev == "the" and i + 1 < len(words) and _key(words[i + 1]) == "of"
        f["day" if f.get("month") or before_month or the_nth_of else "ordinal"] = int(m[1])
    elif m := _NUMERIC_DATE.fullmatch(k):
        f["numeric"] = (int(m[1]), int(m[3]), int(m[4]), m[2] == ".")   # dots: the day first
    elif m := _CLOCK.fullmatch(k):
        f["clock"] = (int(m[1]), int(m[2]))
    elif k in lex["fractions"]:
        number.append(lex["fractions"][k])   # "2 1/2 years"
    elif k in lex["quarter_tokens"]:
        f["ordinal"], f["unit"] = lex["quarter_tokens"][k], "quarter"
    elif k in lex["am_pm"]:
        f["ampm"] = lex["am_pm"][k]
    elif k == "s" and (f.get("year") or f.get("yy") is not None):
        f["decade"] = True
    elif k in ("st", "nd", "rd", "th") and prev.isdigit():
        after = [_key(w) for w in words[i + 1:] if _key(w) != "of"][:1]
        if number and number[-1] == int(prev) and after and after[0] in lex["months"]:
            f["day"] = number.pop()       # "the 3rd of June"
        elif number and number[-1] == int(prev) and not f.get("month"):
            f["ordinal"] = number.pop()   # "the 20th century" (tokenized "20" "th")
    else:
        return False
    return True


def _read_calendar(f: dict, number: list, words: list[str], i: int, lex: dict) -> bool:
    """Month, weekday, season, unit, part of day and deictic words."""
    k, prev = _key(words[i]), _key(words[i - 1]) if i else ""
    if k in lex["months"]:
        f["month"] = lex["months"][k]
    elif k in lex["weekdays"]:
        f["weekday"] = lex["weekdays"][k]
    elif k in lex["recurring_weekdays"]:
        f["weekday"] = lex["recurring_weekdays"][k]   # "on Mondays": every Monday
    elif k in lex["recurring_parts"]:
        f["part"] = lex["recurring_parts"][k]         # "Tuesday nights": every Tuesday night
    elif k in lex["seasons"] or k in lex["recurring_seasons"]:
        f["season"] = lex["seasons"].get(k) or lex["recurring_seasons"][k]   # "summers": every summer
    elif k == "half":
        f["half"] = True
        following = _key(words[i + 1]) if i + 1 < len(words) else ""
        if f.get("rel") == -1 and prev == f.get("rel_word") and following == "of":
            f["ordinal"] = 2               # "the last half of 1989": the second half
            del f["rel"]
        if number and prev == "a":
            number[-1] = 0.5               # "a year and a half"
        elif not number and following in lex["indefinite_articles"]:
            number.append(0.5)             # "half an hour"
    elif k in lex["units"]:
        unit = lex["units"][k]
        if f.get("shift"):
            f["of_unit"] = unit            # "the year-earlier quarter"
        elif unit == "year" and f.get("rel") is not None and (
                f.get("month") or f.get("season") or f.get("half") or f.get("unit") in ("quarter", "month")):
            f["year_rel"] = f.pop("rel")   # "February last year", "the third quarter of this year"
        elif unit in ("quarter", "month") and f.get("unit") == "year" and f.get("rel") is not None:
            f["year_rel"], f["unit"], f["unit_word"] = f.pop("rel"), unit, k   # "last year's quarter"
        elif unit == "year" and prev == "the" and f.get("ordinal") and (f.get("half") or f.get("unit") == "quarter"):
            f["year_rel"] = 0                               # "the first quarter of the year": this year's
        elif unit == "year" and f.get("unit") in ("quarter", "month"):
            f["of_unit"], f["unit"] = f["unit"], unit       # "the quarter a year ago"
        else:
            f["unit"], f["plural"], f["unit_word"] = unit, k != unit and k.endswith("s"), k
    elif k in lex["parts_of_day"] and k not in lex["deictic"]:
        f["part"] = lex["parts_of_day"][k]
        if (number or f.get("clock")) and prev in lex["part_am_pm_before"] and k in lex["part_am_pm"]:
            f["ampm"] = lex["part_am_pm"][k]   # "4 in the morning": the hour's half of the day
    elif k in lex["deictic"] and not (k in lex["relative"] and _unit_follows(words[i + 1:], lex)):
        f["deictic"] = lex["deictic"][k]
        if k in lex["parts_of_day"]:
            f["part"] = lex["parts_of_day"][k]
        if (number or f.get("clock")) and k in lex["part_am_pm"]:
            f["ampm"] = lex["part_am_pm"][k]   # "at 7:30 tonight": 19:30
    elif k in lex["o_clock"] and number and isinstance(number[-1], int) and 0 <= number[-1] <= 24:
        f["clock"] = (number.pop(), 0)         # "at 9 o'clock": 09:00, a clock time on the hour
    else:
        return False
    return True


def _read_relation(f: dict, number: list, words: list[str], i: int, lex: dict) -> bool:
    """Ordinals, relative and shift words, sets, modifiers, number words."""
    k, prev = _key(words[i]), _key(words[i - 1]) if i else ""
    following = _key(words[i + 1]) if i + 1 < len(words) else ""
    if k in lex["ordinals"] and f.get("month") and f.get("day") is None and prev in lex["months"]:
        f["day"] = lex["ordinals"][k]      # "March eighth": a day said as a word
    elif k in lex["ordinals"] and not (k == "second" and f.get("num") is not None):
        f["ordinal"] = lex["ordinals"][k]
    elif k in lex["relative"] and k != "first":
        # "the next day" follows the narrative as "the following day" does; "next week" counts from the anchor
        f["rel"], f["rel_word"] = lex["relative"][k], k
        f["anaphoric"] = k in lex["anaphoric"] or (prev == "the" and k in lex["anaphoric_after_the"])
    elif k in lex["shift_words"]:
        if f.get("unit"):
            f["shift"], f["anaphoric"] = lex["shift_words"][k], k in lex["anaphoric"]
    elif k in lex["narrative_shift"] and f.get("unit") and prev == f.get("unit_word") and _key(words[0]) == "the":
        f["shift"], f["anaphoric"] = lex["narrative_shift"][k], True   # "the week before", "the day after"
    elif k in lex["anaphoric"]:      # "that year", "the same day"
        f["anaphoric"] = True
        if f.get("rel") is None:
            f["rel"] = lex["anaphoric"][k]
    elif k in lex["sets"]:
        f["set"] = lex["sets"][k]
    elif k in lex["frequency_counts"]:
        f["freq"] = True                   # "three times a day": so often in each day
    elif k in lex["modifiers"] and not (k == "some" and following in lex["units"]):
        mod = lex["modifiers"][k]
        f["mod"] = NEGATED_MODS.get(mod, mod) if prev in lex["negations"] else mod   # "not more than": at most
    elif k in lex["number_words"]:
        if not (k in lex["indefinite_articles"] and (following in lex["number_words"] or prev == "half")):
            number.append(lex["number_words"][k])
    elif k.endswith("ies") and k[:-3] + "y" in lex["number_words"] and not f.get("unit"):
        f["yy"], f["decade"] = lex["number_words"][k[:-3] + "y"], True   # "the nineties"
    elif k == "'":
        f["apostrophe"] = True
    elif k in ("every", "each", "per"):
        f["every"] = True
    else:
        return False
    return True


def _unit_follows(rest: list[str], lex: dict) -> bool:
    """"current year", "current fiscal year": a relative word, not the deictic "current"."""
    return any(_key(w) in lex["units"] for w in rest[:2])


def _number_token(f: dict, number: list, k: str, prev: str, rest: list[str], lex: dict) -> None:
    n = float(k.replace(",", ""))
    if f.get("year") and f.get("month") is None and len(k) == 2 and rest and rest[0] in lex["dashes"] and 1 <= n <= 12:
        f["month"] = int(n)   # ISO 2021-05-31
    elif (len(k) == 4 and k.isdigit() and (not number or prev in ("of", "fiscal", "fy"))
          and not (rest and _key(rest[0]) in lex["units"] and rest[0].endswith("s"))):
        f["year"] = int(n)
    elif prev == "'" and len(k) == 2:
        f["yy"] = int(n)
    elif f.get("month") and f.get("day") is None and n <= 31 and not (rest and _key(rest[0]) in lex["units"]):
        f["day"] = int(n)
    elif rest and _key(rest[0]) in lex["months"] and n <= 31:
        f["day"] = int(n)
    else:
        number.append(int(n) if n.is_integer() else n)


def _combine_numbers(parts: list):
    """["twenty", "five"] -> 25, ["one", "hundred"] -> 100, any "few" -> "X".

    >>> _combine_numbers([1.75, 1000000]), _combine_numbers([2, 100, 1000])
    (1750000, 200000)
    """
    if "X" in parts:
        return "X"
    total = 0
    for p in parts:
        if p in SCALES and total:
            total *= p
        elif p == 0.5:
            total += 0.5
        else:
            total += p
    return int(total) if isinstance(total, float) and total.is_integer() and total >= 1000 else total
