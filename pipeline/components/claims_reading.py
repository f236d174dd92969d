"""Reading one quantity expression around a number token (used by ``claimspan_claims``).

``read_claims`` starts at a token where the Matcher saw a number and returns
the claims found there: one, or two for a range (``20 to 30 countries``). The
words come from ``rules/claims/`` via ``claims_rules.ClaimRules``; the number
itself from ``pipeline.normalize.numbers.read_number``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from spacy.tokens import Doc

from pipeline.normalize.numbers import fold, parse_digits, read_number

DASHES = frozenset({"-", "–", "—", "‒", "−", "~"})
MINOR_UNITS = frozenset({"USX", "GBX"})   # cents and pence (currencies.yaml)
SPACE_SEPARATORS = frozenset({"\u00a0", "\u202f", "\u2009"})


@dataclass
class Claim:
    start: int                 # token span of the quantity expression
    end: int
    value: float
    kind: str = "count"
    unit: str | None = None
    qualifier: str = "exact"
    rule: str = "claims.count"
    num_end: int = 0           # first token after the number (and its unit): where the counted noun may start
    no_counted: bool = False   # "twice", a ratio, a measure: no counted noun


class Words:
    """Folded token texts of a Doc, computed on demand (only near candidates)."""

    def __init__(self, doc: Doc):
        self.doc, self.cache = doc, {}

    def __len__(self):
        return len(self.doc)

    def __getitem__(self, i: int) -> str:
        if i < 0 or i >= len(self.doc):
            return ""
        w = self.cache.get(i)
        if w is None:
            w = self.cache[i] = fold(self.doc[i].text)
        return w


class Upto:
    """The words before index ``end`` only (a number must stop before a blocked token)."""

    def __init__(self, words, end: int):
        self.words, self.end = words, end

    def __len__(self):
        return self.end

    def __getitem__(self, i: int) -> str:
        return self.words[i] if i < self.end else ""


class Glued:
    """``glued[i]``: token i follows token i-1 with no space between."""

    def __init__(self, doc: Doc):
        self.doc = doc

    def __getitem__(self, i: int) -> bool:
        return 0 < i < len(self.doc) and not self.doc[i - 1].whitespace_


class Hit(NamedTuple):
    length: int
    value: object
    rule: str


def phrase_at(table, words, i, maxlen=4) -> Hit | None:
    for n in range(maxlen, 0, -1):
        key = tuple(words[k] for k in range(i, i + n))
        if key in table:
            return Hit(n, *table[key])
    return None


def phrase_ending(table, words, end, maxlen=4) -> Hit | None:
    for n in range(maxlen, 0, -1):
        if end - n < 0:
            continue
        key = tuple(words[k] for k in range(end - n, end))
        if key in table:
            return Hit(n, *table[key])
    return None


def read_claims(rules, doc, words, glued, i, blocked) -> list[Claim]:
    first = read_one(rules, doc, words, glued, i, blocked)
    if first is None:
        return []
    if not range_follows(rules, words, glued, first):
        return [first]
    if temporal_at(rules, words, glued, first.end + 1):
        return []                                          # "the next 12 to 18 months": a duration
    second = read_range_end(rules, doc, words, glued, first, blocked)
    return [first] if second is None else [first, second]


def range_follows(rules, words, glued, c: Claim) -> bool:
    rg, j = rules.ranges, c.end
    conn = words[j]
    if c.kind == "ratio":
        return False
    if conn in rg["dashes"]:
        return glued[j] and glued[j + 1] and parse_digits(words[j - 1]) is not None
    if conn == "and":
        return words[c.start - 1] in rg["between"]
    if conn not in rg["connectors"]:
        return False
    if words[c.start - 1] in rg["change_verbs"]:          # "skidded 9.5 to 200.5": a change
        return False
    if words[c.start - 1] in rg["change_words"]:           # "from 10 to 20": a change, not a range
        return words[c.start - 2] in rg["range_verbs"]
    return True


def temporal_at(rules, words, glued, k) -> bool:
    """Is there a number at k followed by a time unit (``18 months``, ``20 more years``)?"""
    r = read_number(words, k, rules.lex, glued)
    if r is None:
        return False
    j = r.end + 1 if words[r.end] in DASHES and glued[r.end] else r.end
    if words[j] in rules.time_modifiers:
        j += 1
    return words[j] in rules.time_units and words[j + 1] not in rules.age_words


def read_range_end(rules, doc, words, glued, c: Claim, blocked) -> Claim | None:
    """The high end of ``20 to 30``, ``between 20 and 30``, ``10-15``; fixes up the low end."""
    j = c.end + 1
    prefix = phrase_at(rules.currency_prefix, words, j)
    if prefix:                                             # "$60 million to $70 million"
        j += prefix.length
    high = read_one(rules, doc, words, glued, j, blocked)
    if high is None or high.qualifier != "exact" or high.kind == "ratio":
        return None
    if c.kind == "count" and high.kind != "count":        # "150 to 175 pounds": the unit is shared
        c.kind, c.unit = high.kind, high.unit
        c.no_counted = high.no_counted
    elif high.kind == "count" and c.kind == "money" and high.end == high.num_end:
        high.kind, high.unit, high.no_counted = c.kind, c.unit, c.no_counted   # "$60 to 70 million"
    elif high.kind != c.kind or high.unit != c.unit:
        return None                                        # "up 20% to three cents": not a range
    if c.qualifier == "exact":
        c.qualifier, high.qualifier = "at_least", "at_most"
    else:
        high.qualifier = c.qualifier
    c.num_end = high.num_end  # both ends count the noun after the range
    return high


def read_one(rules, doc, words, glued, i, blocked) -> Claim | None:
    lex, ratios = rules.lex, rules.ratios
    w = words[i]
    before = phrase_at(rules.percent_before, words, i)
    if before:                                               # "percent of 10"
        r = read_number(words, i + before.length, lex, glued)
        if r is None:
            return None
        return Claim(i, r.end, r.value, "percent", "%", rule=before.rule, num_end=r.end, no_counted=True)
    if w in ratios["frequency_words"]:
        return read_frequency(rules, words, i)
    if w in lex.scales and parse_digits(words[i - 1]) is not None:
        return None                                        # "#18 million" where "18" is blocked
    r = read_number(words, i, lex, glued)
    if r is None and w in ("a", "an") and (unit := phrase_at(rules.units_with_a, words, i + 1)) \
            and not per_unit(rules, words, i):
        c = Claim(i, i + 1 + unit.length, 1.0, "measure", unit.value, rule=unit.rule, no_counted=True)
        c.num_end = c.end
        return qualify(rules, words, c)                    # "a mile", "a foot"
    if r is not None and (cut := next((k for k in range(i, r.end) if k in blocked), None)) is not None:
        r = read_number(Upto(words, cut), i, lex, glued) if cut > i else None   # "3 hundred and | one is"
    if r is None:
        return None
    end, value = r.end, r.value
    end, value = merge_spaced_digits(doc, words, i, end, value, r.digits)
    c = Claim(i, end, value, rule="claims.count.digits" if r.digits else "claims.count.words", num_end=end)
    if r.vague:
        c.qualifier, c.rule = "at_least", "claims.count.vague"
        if words[end] in rules.counted["of_words"]:
            c.num_end = end + 1
    if "dozen" in (words[k] for k in range(i, end)) and not r.vague:
        c.qualifier = "approximately"
    if r.fraction:
        if (w == "half" and words[end] not in ratios["fraction_followers"]) or (words[end] in DASHES and glued[end]):
            return None                                     # "half" alone; "a third-party"
        if w in ("a", "an") and words[end].isalpha() and words[end] not in ratios["fraction_followers"]:
            return None                                     # "a third nation": an ordinal
        if words[end] in ratios["fraction_followers"]:     # "two-thirds of": a ratio; else a number
            c.kind, c.rule = "ratio", "claims.ratio.fraction"
        c.no_counted = True
        return qualify(rules, words, c)
    if not read_after(rules, doc, words, glued, c, r):
        return None
    if c.kind == "count":
        if is_year(rules, doc, words, c, r) or is_day_of_month(rules, doc, c, r):
            return None
        read_proportion(rules, words, glued, c, blocked)
    prefix = phrase_ending(rules.currency_prefix, words, c.start)
    if prefix and c.kind in ("count", "money"):
        c.kind, c.unit, c.rule, c.no_counted = "money", prefix.value, prefix.rule, True
        c.value *= rules.currency_scale.get(prefix.rule, 1.0)
        c.start -= prefix.length
    return qualify(rules, words, c)


def per_unit(rules, words, i) -> bool:
    """``two cents a gallon``, ``$3 a pound``: a rate, not a measure of 1."""
    prev = words[i - 1]
    return parse_digits(prev) is not None or any(
        phrase_ending(table, words, i) for table in (rules.currency_suffix, rules.units, rules.percent_after))


def qualify(rules, words, c: Claim) -> Claim:
    q = phrase_ending(rules.qualifiers, words, c.start)
    if q:
        c.qualifier = q.value
        c.start -= q.length
    return c


def read_after(rules, doc, words, glued, c: Claim, r) -> bool:
    """Percent sign, currency, unit, time unit or ``times`` after the number; False if temporal."""
    j = c.end
    hyphen = words[j] == "-" and glued[j] and glued[j + 1]
    k = j + 1 if hyphen else j
    hit = None if hyphen else phrase_at(rules.percent_after, words, k)
    if hit:
        c.kind, c.unit, c.rule = "percent", "%", hit.rule
    elif (hit := None if hyphen else phrase_at(rules.currency_suffix, words, k)):
        c.kind, c.unit, c.rule = "money", hit.value, hit.rule
        c.value *= rules.currency_scale.get(hit.rule, 1.0)
    elif (hit := phrase_at(rules.units, words, k)):
        c.kind, c.unit, c.rule = "measure", hit.value, hit.rule
    elif words[k] in rules.time_units or (words[k] in rules.time_modifiers and words[k + 1] in rules.time_units
                                          and c.kind == "count"):
        if words[k] in rules.time_modifiers:
            return False                                    # "20 more years"
        age = k + 1
        if words[age] in DASHES and glued[age]:
            age += 1
        if words[age] not in rules.age_words:
            return False                                    # a duration: the dates table's
        c.kind, c.unit, c.rule = "measure", rules.time_units[words[k]], "claims.measure.age"
        c.end, c.num_end, c.no_counted = age + 1, age + 1, True
        return True
    elif words[k] in rules.ratios["multiplier_words"] and not hyphen:
        if c.value != int(c.value) or words[k + 1] in rules.ratios["multiplier_followers"]:
            c.kind, c.rule, c.no_counted = "ratio", "claims.ratio.times", True
            c.end = c.num_end = k + 1
        return True
    else:
        return True
    c.end = c.num_end = k + hit.length
    c.no_counted = True
    if c.kind == "money":
        read_money_tail(rules, doc, words, glued, c)
    elif c.kind == "measure" and c.unit in rules.unit_then:
        read_unit_tail(rules, words, glued, c)
    return True


def read_unit_tail(rules, words, glued, c: Claim) -> None:
    """``5 feet, 10 inches``: one measure in the smaller unit (70 inch)."""
    small, factor = rules.unit_then[c.unit]
    k = c.end + 1 if words[c.end] in (",", "and") else c.end
    r = read_number(words, k, rules.lex, glued)
    if r is None:
        return
    unit = phrase_at(rules.units, words, r.end)
    if unit and unit.value == small:
        c.value, c.unit = c.value * factor + r.value, small
        c.end = c.num_end = r.end + unit.length


def read_money_tail(rules, doc, words, glued, c: Claim) -> None:
    """``75 USD million`` (scale after the currency); ``15 dollars 50`` and
    ``3 dollars and 50 cents`` (the minor unit: hundredths)."""
    lex, j = rules.lex, c.end
    if c.unit in MINOR_UNITS or phrase_ending(rules.currency_prefix, words, c.start):
        return                                              # "64.2 cents a dozen"; "rmb 10 usd 20"
    if words[j] in lex.scales:
        c.value *= lex.scales[words[j]]
        c.end = c.num_end = j + 1
        return
    k = j + 1 if words[j] == "and" else j
    r = read_number(words, k, lex, glued) if words[k] else None
    if r is None or r.vague or r.fraction or not 0 < r.value < 100 or r.value != int(r.value):
        return
    after = words[r.end]
    cents = phrase_at(rules.currency_suffix, words, r.end)
    if cents and cents.value in MINOR_UNITS:
        c.value += r.value / 100
        c.end = c.num_end = r.end + cents.length
    elif not after.isalpha() or after in ("and", "or"):
        c.value += r.value / 100
        c.end = c.num_end = r.end


def read_frequency(rules, words, i) -> Claim:
    value = rules.ratios["frequency_words"][words[i]]
    c = Claim(i, i + 1, value, rule="claims.count.frequency", num_end=i + 1, no_counted=True)
    if words[i + 1] in rules.ratios["multiplier_followers"]:
        c.kind, c.rule = "ratio", "claims.ratio.times"
    return qualify(rules, words, c)


def read_proportion(rules, words, glued, c: Claim, blocked) -> None:
    """``one in five``, ``6 of 10``, ``177 out of every 100,000``: a ratio."""
    hit = phrase_at(rules.ratios["part_of_whole"], words, c.end)
    is_of = hit is None and words[c.end] in rules.ratios["of_connector"]
    is_over = hit is None and words[c.end] in rules.ratios["over_connector"]
    if hit is None and not is_of and not is_over:
        return
    n = hit.length if hit else 1
    whole = read_number(words, c.end + n, rules.lex, glued)
    if whole is None or whole.value <= 0 or whole.vague or whole.fraction:
        return
    if is_over and (words[whole.end].isalpha() or words[whole.end] == "-"):
        return
    if c.value > whole.value and not is_over:
        return
    if any(k in blocked for k in range(c.end + n, whole.end)):
        return
    if is_of or words[c.end] == "in":
        power_of_ten = whole.value >= 10 and float(f"{whole.value:.0e}") == whole.value and str(int(whole.value)).strip("0") == "1"
        if not power_of_ten and not (words[c.end] == "in" and c.value == 1):
            return
    c.value = c.value / whole.value
    c.kind, c.rule, c.no_counted = "ratio", "claims.ratio.part_of_whole", False
    c.end = c.num_end = whole.end


def is_year(rules, doc, words, c: Claim, r) -> bool:
    if not r.digits or c.end - c.start != 1:
        return False
    text = doc[c.start].text
    lo, hi = rules.year_range
    return len(text) == 4 and text.isdigit() and lo <= c.value <= hi


def is_day_of_month(rules, doc, c: Claim, r) -> bool:
    if not r.digits or c.value != int(c.value) or not 1 <= c.value <= 31:
        return False
    prev = doc[c.start - 1] if c.start > 0 else None
    nxt = doc[c.end] if c.end < len(doc) else None
    return any(t is not None and t.is_title and t.lower_ in rules.months for t in (prev, nxt))


def merge_spaced_digits(doc, words, i, end, value, digits):
    """``5 479`` written with a no-break or thin space: one number."""
    if not digits or end != i + 1:
        return end, value
    k = end
    while words[k] in SPACE_SEPARATORS and len(words[k + 1]) == 3 and words[k + 1].isdigit():
        k += 2
    if k == end:
        return end, value
    merged = parse_digits(doc.text[doc[i].idx:doc[k - 1].idx + len(doc[k - 1])])
    return (k, merged) if merged is not None else (end, value)
