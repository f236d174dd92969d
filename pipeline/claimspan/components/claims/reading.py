"""Reading one quantity expression around a number token (used by ``claimspan_claims``).

``read_claims`` starts at a token where the Matcher saw a number and returns
the claims found there: one, or two for a range (``20 to 30 countries``). The
words come from ``rules/claims/`` via ``claims_rules.ClaimRules``; the number
itself from ``claimspan.normalize.numbers.read_number``.

Some 360 lines: the readers of one expression (number, scale, unit,
currency, qualifier, range) call each other at the same token position.
"""
from __future__ import annotations

from claimspan.components.claims.ranges import (changed_by, changes_from, changes_to, join_range, range_follows,
                                                read_proportion, scaled_low, share_unit, temporal_at,
                                                thousands_low)
from claimspan.components.claims.tokens import (MINOR_UNITS, Claim, TokensBefore, phrase_at, phrase_ending,
                                                qualifier_ending)
from claimspan.normalize.digits import is_whole
from claimspan.normalize.numbers import parse_digits, read_number


def read_claims(rules, doc, words, glued, i, blocked) -> list[Claim]:
    first = read_one(rules, doc, words, glued, i, blocked)
    if first is None:
        return suspended_range(rules, doc, words, glued, i, blocked)
    if not range_follows(rules, words, glued, first):
        if changes_from(rules, words, first) and (end := read_high(rules, doc, words, glued, first, blocked)):
            if changes_to(rules, words, first):
                share_unit(first, end)                     # "from 10 to 13 percent": 10 percent too
            first.value = scaled_low(first, end)           # "from 5 to 10 million", "from $5 to $10 million"
        return [first]
    if temporal_at(rules, words, glued, first.end + 1):
        return []                                          # "the next 12 to 18 months": a duration
    high = read_high(rules, doc, words, glued, first, blocked)
    if high is not None and changed_by(rules, words, first, high):
        share_unit(first, high)
        return [first]                                     # "rose by 12,000 to 423,000": two exact values
    if not join_range(first, high):
        return [first]
    thousands_low(rules, words, first, high)               # "10-15,000 households"
    return [first, high]


def read_high(rules, doc, words, glued, first: Claim, blocked) -> Claim | None:
    """The claim after the connector of a range or change, past a currency sign ("$60 million to $70 million")."""
    j = first.end + 1
    prefix = phrase_at(rules.currency_prefix, words, j) \
        or (glued[j + 1] and phrase_at(rules.currency_glued_prefix, words, j)) or None
    return read_one(rules, doc, words, glued, j + (prefix.length if prefix else 0), blocked)


def suspended_range(rules, doc, words, glued, i, blocked) -> list[Claim]:
    """``8- to 16-meter``, ``two- or three-inch``: a number with a dangling hyphen (one token),
    a range connector, and a hyphenated quantity whose unit both ends share."""
    w = words[i]
    if len(w) < 2 or not w.endswith("-") or words[i + 1] not in rules.ranges["connectors"]:
        return []
    low = read_number((w[:-1],), 0, rules.lex)
    if low is None or low.end != 1 or low.vague or low.fraction:
        return []
    high = read_one(rules, doc, words, glued, i + 2, blocked)
    if high is None or words[high.start + 1] != "-":
        return []
    c = Claim(i, i + 1, low.value, rule="claims.count.digits" if low.digits else "claims.count.words", num_end=i + 1)
    return [c, high] if join_range(c, high) else []


def read_one(rules, doc, words, glued, i, blocked) -> Claim | None:
    """The claim whose number starts at token i, or None."""
    lex, w = rules.lex, words[i]
    before = phrase_at(rules.percent_before, words, i)
    if before:                                               # "percent of 10"
        r = read_number(words, i + before.length, lex, glued)
        if r is None:
            return None
        return Claim(i, r.end, r.value, "percent", "%", rule=before.rule, num_end=r.end, no_counted=True)
    if w in rules.ratios["frequency_words"] or w in rules.ratios["multiplier_verbs"] \
            or w in rules.ratios["multiplier_adjectives"]:
        return read_frequency(rules, words, i)
    if w in lex.scales and (parse_digits(words[i - 1]) is not None or words[i - 1] in lex.words):
        return None                                        # "#18 million", "year two thousand": "18", "two" blocked
    r = read_number(words, i, lex, glued)
    if r is None and w in rules.lex.indefinite and (unit := phrase_at(rules.units_with_a, words, i + 1)) \
            and not per_unit(rules, words, i):
        c = Claim(i, i + 1 + unit.length, 1.0, "measure", unit.value, rule=unit.rule, no_counted=True)
        c.num_end = c.end
        return qualify(rules, words, c)                    # "a mile", "a foot"
    if r is None and w in rules.lex.indefinite and (money := phrase_at(rules.currency_with_a, words, i + 1)) \
            and not per_unit(rules, words, i) and not names_a_kind(rules, words, glued, i + 1 + money.length):
        c = Claim(i, i + 1 + money.length, 1.0, "money", money.value, rule=money.rule, no_counted=True)
        c.num_end = c.end
        return qualify(rules, words, c)                    # "a dollar", "a penny"
    if r is not None and (cut := next((k for k in range(i, r.end) if k in blocked), None)) is not None:
        r = read_number(TokensBefore(words, cut), i, lex, glued) if cut > i else None   # "3 hundred and | one is"
    if r is None:
        return None
    c = Claim(i, r.end, r.value, rule="claims.count.digits" if r.digits else "claims.count.words", num_end=r.end,
              number_end=r.end, scale=trailing_scale(lex, words, i, r))
    if r.fraction:
        return read_fraction(rules, words, glued, c)
    return read_quantity(rules, doc, words, glued, c, r, blocked)


def trailing_scale(lex, words, i, r) -> float:
    """The scale word that ends the number read at i (``10 million``, ``ten thousand``, ``2.5bn``), 1 if none."""
    if r.vague or r.fraction or r.end - i < 2:
        return 1.0
    w = words[r.end - 1]
    return lex.scales.get(w) or lex.suffix_scales.get(w) or 1.0


def read_fraction(rules, words, glued, c: Claim) -> Claim | None:
    """``two-thirds of the staff`` and ``half the children`` are ratios of a whole
    (the counted noun), ``cut in half`` a ratio, ``one-quarter percent`` a percent,
    ``three quarters`` a number; ``half`` alone, ``a third-party`` and ``a third
    nation`` are not claims."""
    followers, end, w = rules.ratios["fraction_followers"], c.end, words[c.start]
    # "fell by half", "cut in half", "cut class sizes by a third", "rose by about a fifth": a fraction
    # after share_before (and perhaps a qualifier) alone
    qualified = qualifier_ending(rules, words, c.start)
    before = c.start - (qualified.length if qualified else 0)
    share = words[before - 1] in rules.ratios["share_before"] and (
        not words[end].isalpha() or words[end] in rules.ratios["share_after"])   # "by a third in 2024"
    # "more than half said yes", "nearly half voted": a qualifier makes a bare "half" a share
    share = share or (w == "half" and words[end] not in followers | rules.ratios["not_share_followers"]
                      and qualified is not None)
    # "so yes, roughly a third.": a fraction with no word after it is a share, never a count of a third
    share = share or (w != "half" and 0 < c.value < 1 and not any(ch.isalpha() for ch in words[end]))
    if (w == "half" and words[end] not in followers and not share) \
            or (words[end] in rules.ranges["dashes"] and glued[end]):
        return None
    if w in rules.lex.indefinite and any(ch.isalpha() for ch in words[end]) and words[end] not in followers \
            and not share and not phrase_at(rules.percent_after, words, end):
        return None                                        # "a fourth U.S. aircraft carrier": an ordinal
    c.no_counted = True
    if (hit := phrase_at(rules.percent_after, words, end)):
        c.kind, c.unit, c.rule = "percent", hit.value, hit.rule   # "one-quarter percent"
        c.end = c.num_end = end + hit.length
    elif words[end] in followers or share:
        share_of(rules, words, c, share)
    return qualify(rules, words, c)


def share_of(rules, words, c: Claim, alone: bool = False) -> None:
    """A fraction of a whole is a ratio; the whole after ``of``/``the`` is its counted noun."""
    c.kind, c.rule = "ratio", "claims.ratio.fraction"
    c.no_counted = alone or words[c.end] not in rules.counted["of_words"] | rules.counted["partitive_determiners"]


def read_quantity(rules, doc, words, glued, c: Claim, r, blocked) -> Claim | None:
    """What follows and precedes a number: unit, currency, percent, proportion, qualifier."""
    if r.vague:
        c.qualifier, c.rule = "at_least", "claims.count.vague"
        if words[c.end] in rules.counted["of_words"]:
            c.num_end = c.end + 1
            money = phrase_at(rules.currency_suffix, words, c.end + 1)
            if money:                                      # "millions of dollars"
                c.kind, c.unit, c.rule, c.no_counted = "money", money.value, money.rule, True
                c.end = c.num_end = c.end + 1 + money.length
                return qualify(rules, words, c)
    elif "dozen" in (words[k] for k in range(c.start, c.end)):
        c.qualifier = "approximately"                      # "a dozen" (SPEC)
    prefix = currency_before(rules, words, glued, c.start)
    scale = words[c.end].rstrip(".") if prefix and r.digits and glued[c.end] and c.end == r.end else ""
    if scale in rules.lex.money_suffix_scales:             # "$2T", "US$ 1MM": a scale, not tonnes or mm
        c.value *= rules.lex.money_suffix_scales[scale]
        c.scale = rules.lex.money_suffix_scales[scale]
        c.end = c.num_end = c.number_end = c.end + 1
    elif not read_after(rules, doc, words, glued, c, r):
        return None
    if c.kind == "count":
        if not prefix and (is_year(rules, doc, c, r) or is_day_of_month(rules, doc, c, r)):
            return None                                    # "in 2000", but "$2000" is an amount
        if is_age_after_name(rules, doc, c, r):
            c.kind, c.unit, c.rule, c.no_counted = "measure", "year", "claims.measure.age", True
            return c                                       # "Kopp, 44, was arrested"
        if "/" in words[c.end - 1] and c.value < 1 and words[c.end] in rules.ratios["fraction_followers"]:
            share_of(rules, words, c)                      # "3/4 of the shares"
        read_proportion(rules, words, glued, c, blocked)
    if prefix and c.kind in ("count", "money"):
        c.kind, c.unit, c.rule, c.no_counted = "money", prefix.value, prefix.rule, True
        c.value *= rules.currency_scale.get(prefix.rule, 1.0)
        c.start -= prefix.length
    return read_age(rules, words, qualify(rules, words, c))


def currency_before(rules, words, glued, start: int):
    """The currency sign before the number at ``start``: a prefix ("$", "RMB"), or a sign that
    names a currency only glued to the number ("R1.86 trillion", "KSh2.5 billion")."""
    return phrase_ending(rules.currency_prefix, words, start) \
        or (glued[start] and phrase_ending(rules.currency_glued_prefix, words, start)) or None


def list_start(rules, words, k: int) -> int:
    """The word before a list of numbers in digits that ends at the joiner at ``k`` ("34, 41 and")."""
    while k >= 2 and (words[k] == "," or words[k] in rules.coordinators) and words[k - 1].isdigit():
        k -= 2
    return k


def read_age(rules, words, c: Claim) -> Claim:
    """``aged 18``, ``children under five``, ``those 65 and older``: an age, a measure in
    years (SPEC), not a count of what follows."""
    if c.kind != "count" or not is_whole(c.value) or not 0 < c.value <= rules.age_max:
        return c
    before = words[c.start - 1]
    if before in rules.ranges["between"]:
        before = words[c.start - 2]                        # "aged between 18 and 24"
    elif before in rules.coordinators or before == "," and words[c.end] in rules.coordinators:
        before = words[list_start(rules, words, c.start - 1)]   # "aged 34, 41 and 29": all three ages
    after = phrase_at(rules.age_after, words, c.end)
    threshold = c.qualifier in ("more_than", "less_than", "at_least", "at_most") and before in rules.age_people
    if not (before in rules.age_before or after or threshold):
        return c
    c.kind, c.unit, c.rule, c.no_counted = "measure", "year", "claims.measure.age", True
    if after and c.qualifier == "exact":
        c.qualifier = after.value
        c.end = c.num_end = c.end + after.length           # "65 and older"
    return c


def per_unit(rules, words, i) -> bool:
    """``two cents a gallon``, ``$3 a pound``: a rate, not a measure of 1."""
    prev = words[i - 1]
    return parse_digits(prev) is not None or any(
        phrase_ending(table, words, i) for table in (rules.currency_suffix, rules.units, rules.percent_after))


def names_a_kind(rules, words, glued, k) -> bool:
    """After ``a dollar``: a noun (``a dollar store``, ``a penny stock``) or a hyphen
    (``a dollar-denominated bond``) makes the coin's name a modifier, not an amount of 1;
    a closed-class word, a comparative, punctuation or the end (``a dollar a day``, ``a cent lower``,
    ``a penny!``) does not."""
    w = words[k]
    if w in rules.ranges["dashes"]:
        return glued[k]
    return w.isalpha() and w not in rules.counted["stop_words"] and w not in rules.ratios["multiplier_followers"]


def qualify(rules, words, c: Claim) -> Claim:
    q = qualifier_ending(rules, words, c.start)
    if q:
        c.qualifier = q.value
        c.start -= q.length
    elif (q := phrase_at(rules.qualifiers_after, words, c.end)) and c.kind != "ratio":
        c.qualifier = q.value                              # "500 or more", "10 percent or less"
        c.end += q.length
        c.num_end = max(c.num_end, c.end)
    return c


def read_after(rules, doc, words, glued, c: Claim, r) -> bool:
    """Percent sign, currency, unit, time unit or ``times`` after the number; False if temporal."""
    j = c.end
    hyphen = words[j] == "-" and glued[j] and glued[j + 1]
    k = j + 1 if hyphen else j
    hit = phrase_at(rules.percent_after, words, k)          # "5%", "a five-percent rise"
    if hit:
        c.kind, c.unit, c.rule = "percent", hit.value, hit.rule
    elif ((hit := phrase_at(rules.currency_suffix, words, k)) and not symbol_before_amount(words, k, hit)) \
            or (glued[k] and (hit := phrase_at(rules.currency_glued, words, k))):
        # "50 euros", "a 20-dollar bill", "12,50 €" (not "20 $100 bills": the sign is the next amount's)
        c.kind, c.unit, c.rule = "money", hit.value, hit.rule
        c.value *= rules.currency_scale.get(hit.rule, 1.0)
    elif (hit := phrase_at(rules.units, words, k)) or (glued[k] and (hit := phrase_at(rules.units_glued, words, k))):
        c.kind, c.unit, c.rule = "measure", hit.value, hit.rule
    elif words[k] in rules.time_units or (words[k] in rules.time_modifiers and words[k + 1] in rules.time_units
                                          and c.kind == "count"):
        if words[k] in rules.time_modifiers:
            return False                                    # "20 more years"
        age = k + 1
        if words[age] in rules.ranges["dashes"] and glued[age]:
            age += 1
        if words[age] not in rules.age_words:
            return False                                    # a duration: the dates table's
        c.kind, c.unit, c.rule = "measure", rules.time_units[words[k]], "claims.measure.age"
        c.end, c.num_end, c.no_counted = age + 1, age + 1, True
        return True
    elif words[k] in rules.ratios["multiplier_words"] and (not hyphen or words[k] in rules.ratios["multiplier_always"]):
        if not is_whole(c.value) or words[k + 1] in rules.ratios["multiplier_followers"] \
                or words[k] in rules.ratios["multiplier_always"]:      # "a three-fold jump"
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


def symbol_before_amount(words, k, hit) -> bool:
    """A currency sign at k that opens the next amount ("20 $100 bills")."""
    return not words[k].isalpha() and parse_digits(words[k + hit.length]) is not None


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
    if c.unit in MINOR_UNITS or currency_before(rules, words, glued, c.start):
        return                                              # "64.2 cents a dozen"; "rmb 10 usd 20"
    if words[j] in lex.scales:
        c.value *= lex.scales[words[j]]
        c.end = c.num_end = j + 1
        return
    k = j + 1 if words[j] == "and" else j
    r = read_number(words, k, lex, glued) if words[k] else None
    if r is None or r.vague or r.fraction or not 0 < r.value < 100 or not is_whole(r.value):
        return
    after = words[r.end]
    cents = phrase_at(rules.currency_suffix, words, r.end)
    if cents and cents.value in MINOR_UNITS:
        c.value += r.value / 100
        c.end = c.num_end = r.end + cents.length
    elif not after.isalpha() or after in rules.coordinators:
        c.value += r.value / 100
        c.end = c.num_end = r.end


def read_frequency(rules, words, i) -> Claim | None:
    """``twice`` (a count, or a ratio before what it multiplies: "twice their income"); ``doubled``,
    ``halved``, and ``double`` before what it multiplies or after a qualifier: ratios."""
    ratios, w = rules.ratios, words[i]
    if w in ratios["frequency_words"]:
        c = Claim(i, i + 1, ratios["frequency_words"][w], rule="claims.count.frequency", num_end=i + 1,
                  no_counted=True)
        if words[i + 1] in ratios["multiplier_followers"]:
            c.kind, c.rule = "ratio", "claims.ratio.times"
        return qualify(rules, words, c)
    verb_or_qualified = words[i - 1] in ratios["multiplier_verb_before"] or qualifier_ending(rules, words, i)
    if words[i + 1] in rules.ranges["dashes"] or (
            w in ratios["multiplier_adjectives"] and words[i + 1] not in ratios["multiplier_followers"]
            and not verb_or_qualified):
        return None                                        # "double standards", "double-digit", "to double-C"
    value = ratios["multiplier_verbs"].get(w) or ratios["multiplier_adjectives"][w]
    return qualify(rules, words, Claim(i, i + 1, value, "ratio", rule="claims.ratio.times", num_end=i + 1,
                                       no_counted=True))


def is_year(rules, doc, c: Claim, r) -> bool:
    if not r.digits or c.end - c.start != 1:
        return False
    text = doc[c.start].text
    lo, hi = rules.year_range
    return len(text) == 4 and text.isdigit() and lo <= c.value <= hi


def is_age_after_name(rules, doc, c: Claim, r) -> bool:
    """``Linda Sanders, 35, had finished``: an age between commas after a name."""
    if not r.digits or c.end - c.start != 1 or not is_whole(c.value) or not 0 < c.value <= rules.age_max:
        return False
    if c.start < 2 or c.end + 1 >= len(doc) or doc[c.start - 1].text != "," or doc[c.end].text != ",":
        return False
    name, after = doc[c.start - 2], doc[c.end + 1]
    return name.is_title and name.is_alpha and after.is_lower and after.lower_ not in rules.coordinators


def is_day_of_month(rules, doc, c: Claim, r) -> bool:
    if not r.digits or not is_whole(c.value) or not 1 <= c.value <= 31:
        return False
    prev = doc[c.start - 1] if c.start > 0 else None
    nxt = doc[c.end] if c.end < len(doc) else None
    return any(t is not None and t.is_title and t.lower_ in rules.months for t in (prev, nxt))
