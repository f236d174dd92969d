"""Ranges and proportions around a claim (used by ``claims.reading``).

``20 to 30 countries`` and ``between 20 and 30`` are two claims, at_least and
at_most, sharing a unit and the high end's scale word (``5-10 million``); ``from 10
to 20`` after a verb of change is not a range (``rules/claims/ranges.yaml``). The
bare numbers of a list share its last item's unit, scale and noun (``50, 60, 70
percent``). ``one in five``, ``6 of 10``, ``177 out of every 100,000``, ``3-to-1``
are ratios (``rules/claims/ratios.yaml``).

Just over 300 lines: ranges, lists and ratios each read the few words right after
a claim, with the same token helpers (``claims.tokens``) and the same blocked tokens.
"""
from __future__ import annotations

import re

from claimspan.components.claims.tokens import Claim, phrase_at, phrase_ending, qualifier_ending
from claimspan.normalize.digits import is_whole
from claimspan.normalize.numbers import parse_digits, read_number


def range_follows(rules, words, glued, c: Claim) -> bool:
    rg, j = rules.ranges, c.end
    conn = words[j]
    if c.kind == "ratio":
        return False
    if conn in rg["dashes"]:                               # "10-15", "$1.2bn-$1.5bn"
        return glued[j] and glued[j + 1] and (parse_digits(words[j - 1]) is not None
                                              or (words[j - 1] in rules.lex.suffix_scales and glued[j - 1]))
    if conn == "and":
        return words[c.start - 1] in rg["between"]
    if conn not in rg["connectors"]:
        return False
    if words[c.start - 1] in rg["change_verbs"]:          # "skidded 9.5 to 200.5": a change
        return False
    if words[c.start - 1] in rg["change_words"]:           # "from 10 to 20": a change, not a range
        return words[c.start - 2] in rg["range_verbs"]
    return True


def changes_from(rules, words, c: Claim) -> bool:
    """``from 10 to 13``, ``from $5 to $10 million``: a change's start, its end next."""
    return words[c.start - 1] in rules.ranges["change_words"] and words[c.end] in rules.ranges["connectors"]


def changes_to(rules, words, c: Claim) -> bool:
    """``from 10 to 13 percent``: a bare number that a change starts from, its end next."""
    rg = rules.ranges
    return c.kind == "count" and c.unit is None and c.end == c.num_end and words[c.start - 1] in rg["change_words"] \
        and words[c.end] in rg["connectors"]


def changed_by(rules, words, c: Claim, high: Claim) -> bool:
    """``rose by 12,000 to 423,000``: the amount of a change and the level it reached (much
    higher than the amount), not a range as ``rose by 5 to 10 percent``."""
    rg = rules.ranges
    return words[c.start - 1] in rg["change_amount_words"] and words[c.start - 2] in rg["change_verbs"] \
        and high.value >= 4 * scaled_low(c, high)


def scaled_low(low: Claim, high: Claim) -> float:
    """The value of a range's or change's low end written without the scale word of its high end:
    ``5-10 million``, ``$5 to 10 billion``, ``between 2 and 3 million`` -> 5e6, 5e9, 2e6, when
    nothing is written after the low number and it is below the high end's own number (``500 to
    1 million`` stays 500)."""
    if low.scale == 1 and low.end == low.number_end and high.scale > 1 and low.value < high.value / high.scale:
        return low.value * high.scale
    return low.value


THOUSANDS = re.compile(r"(\d{1,3}),000")


def thousands_low(rules, words, low: Claim, high: Claim) -> None:
    """``10-15,000``: a dashed range's low end written without the thousands of its high end,
    with as many digits as the high end's first group and below it, counts thousands too
    (10000); ``1-1,000`` and ``5-15,000`` keep their digits, as written."""
    group = THOUSANDS.fullmatch(words[high.number_end - 1])
    digits = words[low.number_end - 1]
    if group and words[low.end] in rules.ranges["dashes"] and low.scale == 1 \
            and digits.isdigit() and len(digits) == len(group.group(1)) and int(digits) < int(group.group(1)):
        low.value, low.scale = low.value * 1000, 1000.0


def share_unit(c: Claim, end: Claim | None) -> None:
    """The start of a change takes the unit its end is written with (not a range: both stay exact)."""
    if end is not None and end.kind in ("percent", "money", "measure") and end.qualifier == "exact":
        c.kind, c.unit, c.rule, c.no_counted = end.kind, end.unit, end.rule, end.no_counted


def temporal_at(rules, words, glued, k) -> bool:
    """Is there a number at k followed by a time unit (``18 months``, ``20 more years``)?"""
    r = read_number(words, k, rules.lex, glued)
    if r is None:
        return False
    j = r.end + 1 if words[r.end] in rules.ranges["dashes"] and glued[r.end] else r.end
    if words[j] in rules.time_modifiers:
        j += 1
    return words[j] in rules.time_units and words[j + 1] not in rules.age_words


def join_range(c: Claim, high: Claim | None) -> bool:
    """Make ``c`` and ``high`` the two ends of ``20 to 30``, ``between 20 and 30``,
    ``10-15`` (sharing a unit, at_least / at_most); False if they are not a range."""
    if high is None or high.qualifier != "exact" or high.kind == "ratio" or high.value <= c.value:
        return False                                       # "passed 52-48": a tally, not a range
    if c.kind == "count" and high.kind != "count":        # "150 to 175 pounds": the unit is shared
        c.kind, c.unit, c.rule = high.kind, high.unit, high.rule
        c.no_counted = high.no_counted
    elif high.kind == "count" and c.kind in ("money", "measure") and high.end == high.num_end:
        high.kind, high.unit, high.no_counted, high.rule = c.kind, c.unit, c.no_counted, c.rule   # "$60 to 70 million"
    elif high.kind != c.kind or high.unit != c.unit:
        return False                                       # "up 20% to three cents": not a range
    if scaled_low(c, high) != c.value:
        c.value, c.scale = scaled_low(c, high), high.scale
    if c.qualifier == "exact":
        c.qualifier, high.qualifier = "at_least", "at_most"
    else:
        high.qualifier = c.qualifier
    c.num_end = high.num_end  # both ends count the noun after the range
    return True


def read_proportion(rules, words, glued, c: Claim, blocked) -> None:
    """``one in five``, ``6 of 10``, ``177 out of every 100,000``, ``3-to-1``, ``18.75 per dollar``: a ratio."""
    if read_to_ratio(rules, words, glued, c, blocked):
        return
    if c.end == c.number_end and words[c.end] in rules.ratios["per_currency"] \
            and not phrase_ending(rules.currency_prefix, words, c.start) \
            and (money := phrase_at(rules.currency_suffix, words, c.end + 1)):
        c.kind, c.rule, c.no_counted = "ratio", "claims.ratio.per_currency", True   # "18.75 per dollar"
        c.end = c.num_end = c.end + 1 + money.length
        return
    if read_hyphen_proportion(rules, words, glued, c, blocked):
        return
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
        power_of_ten = (whole.value >= 10 and is_whole(whole.value) and float(f"{whole.value:.0e}") == whole.value
                        and str(int(whole.value)).strip("0") == "1")
        in_words = words[c.end] == "in" and words[c.end - 1].isalpha() and not whole.digits   # "two in five"
        if not power_of_ten and not (words[c.end] == "in" and c.value == 1) and not in_words:
            return
    c.value = c.value / whole.value
    c.kind, c.rule, c.no_counted = "ratio", "claims.ratio.part_of_whole", False
    c.end = c.num_end = whole.end


def read_hyphen_proportion(rules, words, glued, c: Claim, blocked) -> bool:
    """``a 1-in-5 chance``, ``1-in-ten``: a part of a whole written with hyphens (the tokenizer
    keeps a digit glued to ``in-``: ``1`` ``-`` ``in-5``); not in a longer compound (``a
    1-in-100-year flood``, claims.not.odds_compound). ``one-in`` is read before as an inch."""
    dashes, j = rules.ranges["dashes"], c.end
    if c.end != c.number_end or words[j] not in dashes or not (glued[j] and glued[j + 1]):
        return False
    head, _, tail = words[j + 1].partition("-")
    if head not in rules.ratios["hyphen_part_of_whole"]:
        return False
    if tail:
        whole, end = read_number((tail,), 0, rules.lex), j + 2
    elif words[j + 2] in dashes and glued[j + 2] and glued[j + 3]:
        whole = read_number(words, j + 3, rules.lex, glued)
        end = whole.end if whole else j
    else:
        return False
    if whole is None or whole.vague or whole.fraction or not 0 < c.value < whole.value \
            or any(k in blocked for k in range(j, end)) or (words[end] in dashes and glued[end]):
        return False                                       # "a one-in-ten-year storm": rarity, no claim
    c.value /= whole.value
    c.kind, c.rule, c.no_counted = "ratio", "claims.ratio.part_of_whole", False
    c.end = c.num_end = end
    return True


def share_list_units(rules, doc, words, claims: list[Claim]) -> None:
    """``50, 60, 70 percent``, ``5 and 10 percent``, ``2, 3 and 4 million``, ``5, 10 and 20
    workers``: the bare numbers of a list take the unit its last item is written with after its
    number, the scale word it ends with, and the noun it counts. A list is three items or more,
    or two joined by a coordinator alone (``Of the 300, 40 percent``, ``fell 5.39, or 1.2%`` are
    none); its items follow one another joined only by list connectors, and the first does not
    follow a name (``the S&P 500 and 5.8%``)."""
    joins = rules.ranges["list_connectors"]
    for k in range(len(claims) - 1, 0, -1):
        last = claims[k]
        unit = last.kind in ("percent", "money", "measure") and last.end > last.number_end   # not "$5, $6"
        noun = last.kind == "count" and not last.no_counted
        if not (unit or noun or last.scale > 1):
            continue
        items, nxt = [], last
        for a in reversed(claims[:k]):
            if not (_bare_item(words, joins, a, a.end, nxt.start) and a.number_end == a.num_end):
                break
            items.append(a)
            nxt = a
        pair = len(items) == 1 and last.start - items[0].end == 1 and words[items[0].end] in rules.coordinators
        if not (len(items) >= 2 or pair) or after_name(doc, items[-1].start):
            continue
        for a in items:
            if unit:
                a.kind, a.unit, a.rule, a.no_counted = last.kind, last.unit, last.rule, last.no_counted
            elif noun:
                a.num_end = last.num_end                   # the counted noun after the list
            a.value, a.scale = a.value * last.scale, last.scale


def share_list_currency(rules, words, claims: list[Claim]) -> None:
    """``$5, 10 and 15``, ``£5, 10, 15 or 20``: the bare numbers of a list whose first item is an
    amount written with a currency sign before it are amounts in that currency. A list here is
    three items or more, its last joined by a coordinator and followed by no counted noun (``$5, 10
    and 15 people`` are counts); its items as in ``share_list_units``."""
    joins, k = rules.ranges["list_connectors"], 0
    while k < len(claims):
        first, items = claims[k], []
        if first.kind == "money" and first.end == first.number_end and first.scale == 1:
            for a in claims[k + 1:]:
                if not _bare_item(words, joins, a, (items[-1] if items else first).end, a.start):
                    break
                items.append(a)
        after = words[items[-1].end] if items else ""
        if len(items) >= 2 and (not after.isalpha() or after in rules.counted["stop_words"]) \
                and any(words[g] in rules.coordinators for g in range(items[-2].end, items[-1].start)):
            for a in items:
                a.kind, a.unit, a.rule, a.no_counted = first.kind, first.unit, first.rule, first.no_counted
                a.num_end = a.end
        k += 1 + len(items)


def _bare_item(words, joins, a: Claim, gap_start: int, gap_end: int) -> bool:
    """``a`` is a bare number of a list (a count written with no unit, scale or noun), joined to
    its neighbour by the list connectors ``joins`` alone, one or two of them (``words[gap_start:gap_end]``)."""
    gap = range(gap_start, gap_end)
    return a.kind == "count" and a.end == a.number_end and a.scale == 1 and 0 < len(gap) <= 2 \
        and all(words[g] in joins for g in gap)


def after_name(doc, i: int) -> bool:
    """Token i follows a word written with a capital inside its sentence (``S&P 500``, ``Boeing 747``)."""
    if i == 0 or doc[i].is_sent_start:
        return False
    before = doc[i - 1]
    return not before.is_sent_start and any(ch.isupper() for ch in before.text)


def read_to_ratio(rules, words, glued, c: Claim, blocked) -> bool:
    """``a 3-to-1 ratio``, ``three-to-one``, ``1.2-to-1``: N to 1 written with hyphens is one ratio,
    N; N to M (``a 3-to-2 ratio``, ``a 3-1 ratio``, ``3 to 1 odds``, ``a ratio of 3 to 1``) only next
    to a ratio noun (not ``9-to-5 jobs``, ``5-to-10 workers``). A bare number a ratio noun names is
    a ratio too (``the debt-to-equity ratio was 0.4``). The tokenizer keeps a digit glued to ``to-``
    (``3`` ``-`` ``to-1``)."""
    rt, dashes, j = rules.ratios, rules.ranges["dashes"], c.end
    if c.end != c.number_end:
        return False
    whole, named, hyphened = None, False, words[j] in dashes and glued[j] and glued[j + 1]
    head, _, tail = words[j + 1].partition("-")
    if hyphened and head in rt["to_connector"] and (v := parse_digits(tail)) is not None:
        whole, end, spelled = v, j + 2, True                           # "3-to-1"
    elif hyphened and head in rt["to_connector"] and not tail and words[j + 2] in dashes \
            and glued[j + 2] and glued[j + 3] and (r := read_number(words, j + 3, rules.lex, glued)):
        whole, end, spelled = r.value, r.end, True                     # "three-to-one"
    elif words[j] in rt["colon_connector"] and glued[j] and glued[j + 1] \
            and (r := read_number(words, j + 1, rules.lex, glued)):
        whole, end, spelled, named = r.value, r.end, True, True        # "18:1", "3:2": a ratio as written
    elif (hyphened or words[j] in rt["to_connector"]) and (r := read_number(words, j + 1, rules.lex, glued)):
        whole, end, spelled = r.value, r.end, False                    # "a 3-1 ratio", "3 to 1 odds"
    else:
        whole, end, spelled = 1.0, j, False                            # "the ratio was 0.4"
        if words[j].isalnum():
            return False
    named = named or words[end] in rt["ratio_nouns"] or named_before(rules, words, c.start)
    if not whole or any(k in blocked for k in range(j, end)) or not (named or (spelled and whole == 1)):
        return False
    c.value /= whole
    c.kind, c.rule, c.no_counted = "ratio", "claims.ratio.to", True
    c.end = c.num_end = c.number_end = end
    return True


def named_before(rules, words, start: int) -> bool:
    """A ratio noun and at most two linking words before the number at ``start`` (``the ratio
    was``, ``a ratio of about``, ``the P/E ratio stood at``)."""
    q = qualifier_ending(rules, words, start)
    k = start - 1 - (q.length if q else 0)
    for _ in range(2):
        if words[k] in rules.ratios["ratio_links"]:
            k -= 1
    return words[k] in rules.ratios["ratio_nouns"]


def scope_lists(rules, words, claims: list[Claim]) -> None:
    """``up to $500, $700 and $900``: the qualifier of a list's first item goes to the
    exact items of the same kind and unit that follow it, joined only by list connectors."""
    joins = rules.ranges["list_connectors"]
    for a, b in zip(claims, claims[1:]):
        gap = range(a.end, b.start)
        if a.qualifier != "exact" and b.qualifier == "exact" and (a.kind, a.unit) == (b.kind, b.unit) \
                and 0 < len(gap) <= 2 and all(words[k] in joins for k in gap):
            b.qualifier = a.qualifier
