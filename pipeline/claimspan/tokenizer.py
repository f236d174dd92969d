"""Tokenizer tweaks so that numbers, units and ranges fall on token boundaries.

Spans in spaCy are token-aligned, so a range ``2016–2020`` or an amount
``2.5bn`` / ``RMB1.2`` must be split into tokens before a component can report
its parts. Only token boundaries change; the text never does.

Two of spaCy's own searches take time that grows with the square of a word's
length (a run without spaces): the URL pattern on ``12:30:12:30:...`` (its
``\\S+(?::\\S*)?@`` tries every colon against the rest), and the suffix search,
run again after each suffix it strips from ``)))...`` or ``%%%...`` (a ``$``-anchored
pattern is tried at every position). A word longer than ``MAX_URL`` is no URL,
and suffixes are looked for at the end of a word only (``SuffixSearch``); the
tokens of any word up to those lengths are spaCy's.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from claimspan import ruleset

MAX_URL = 2_048       # characters: the longest URL browsers and servers take
SUFFIX_REACH = 64     # characters: longer than any suffix but a run of one ("......")

INFIXES = [
    r"(?<=[0-9])[\-\u2010-\u2015\u2212~](?=[0-9])",  # 2016-2020, 2016–2020, 5−3
    r"(?<=(?<![0-9/])(?:19|20)[0-9]{2})/(?=(?:[0-9]{2}|(?:19|20)[0-9]{2})(?![0-9]))",  # a split year: 2024/25
    r"(?<=[0-9])(?=[A-Za-z\u00B5\u00B0\u2103\u5143])",  # 2.5bn, 10km, 10M, 100元
    r"(?<=[A-Z]{2})(?=[0-9])",                        # RMB1.2, US$ handled by spaCy
    r"(?<=[Mm]id)-(?=[0-9])",                         # mid-1996, mid-1990s (dates)
    # a dash after a sentence's or heading's end: "In General.--The", "GENERAL.\u2014Section" (US acts)
    r"(?<=[.,;:!?)\]])(?:--+|[\u2013\u2014])(?=[A-Za-z(\"'\u201c\u2018])",
    r"(?<=[0-9])[\[\]{}<>](?=[A-Za-z])",              # 45{kg}, 2010[citation needed]
    # a range of amounts with scale suffixes, $1.2bn-$1.5bn, 10m-15m: the dash after the suffix...
    r"(?:(?<=[0-9]bn)|(?<=[0-9]mn)|(?<=[0-9][mkbMKB]))[\-\u2013](?=[$\u20ac\u00a3\u00a5]?[0-9])",
    r"(?<=[\-\u2013])[$\u20ac\u00a3\u00a5](?=[0-9])",   # ... and the currency sign after it
    r"(?<=[0-9])[\-\u2013](?=[$\u20ac\u00a3\u00a5][0-9])",   # and without a suffix: "$5-$10 million"
    r"(?<=[0-9]):(?=[0-9](?![0-9]))",                 # a ratio, "18:1" (a time has two digits after: "10:30")
]


# A sentence's period after a word ending in a capital that follows a small letter ("0.511 MeV.",
# "256 MiB.", "a PhD."): spaCy splits a period only after a small letter or two capitals.
SUFFIXES = [
    r"(?<=[a-z][A-Z])\.",
    r"(?<=[0-9][A-Z])\.",     # and after a scale in capitals: "a bid of $10M."
]


# Before spaCy's own infixes, which would split "2019--2020" after its first hyphen ("-2020").
FIRST_INFIXES = [
    r"(?<=[0-9])--(?=[0-9])",                         # 2019--2020: a dash typed as two hyphens
]


def customize_tokenizer(nlp: Language) -> Language:
    """``nlp`` with a tokenizer made of its own and the changes above, built once: each of
    spaCy's tokenizer setters reloads all of its ~9,500 exceptions (most of building a pipeline)."""
    old = nlp.tokenizer
    fractions = fraction_splits()   # [infix, suffix]
    infix = compile_infix_regex(FIRST_INFIXES + list(nlp.Defaults.infixes) + INFIXES + fractions[:1]).finditer
    # The infix above splits the plural "s" off a number ("1970s" -> "1970" "s"); spaCy's
    # exception for the abbreviation "s." would then keep a sentence's period on it
    # ("the 1970s." -> "1970" "s."), and the decade would end with the period.
    rules = {k: v for k, v in (old.rules or {}).items() if k != "s."}
    # So too a sentence's period after an abbreviated scale or a unit's symbol ("would gain £5-10m.",
    # "50 mg/l."): spaCy's exceptions "m.", "k.", "b.", "l." (initials) would keep it on the scale or
    # the unit, inside the claim's span
    scales = ruleset.read_rule_file(str(ruleset.rules_path("claims", "numbers.yaml")))["suffix_scales"]
    units = ruleset.read_rule_file(str(ruleset.rules_path("claims", "units.yaml")))
    symbols = set(scales) | {w for u in units for w in u.get("words") or () if len(str(w)) == 1}
    rules = {k: v for k, v in rules.items() if not (k.endswith(".") and k[:-1] in symbols)}
    # ... and the emoticons ":0", ":1", ":3", which would take the colon and digit of a ratio "3:1"
    rules = {k: v for k, v in rules.items() if not (len(k) == 2 and k[0] == ":" and k[1].isdigit())}
    # spaCy keeps "Nov." one token but splits "NOV." (headers and datelines in capitals): the
    # month abbreviations of the calendar that spaCy has with a period get their capital form
    months = ruleset.read_rule_file(str(ruleset.rules_path("common", "calendar.yaml")))["months"]
    for word in months:
        title = f"{word.title()}."
        if title in rules and title.upper() not in rules:
            rules[title.upper()] = [{"ORTH": title.upper(), "NORM": title.upper()}]
    labels = ruleset.read_rule_file(str(ruleset.rules_path("speakers", "labels.yaml")))
    debris = [re.escape(p) for p in labels.get("tokenizer_prefixes") or []]
    prefix = compile_prefix_regex(debris + currency_prefixes() + list(nlp.Defaults.prefixes)).search
    suffix = old.suffix_search
    if suffix is not None and not isinstance(suffix.__self__, SuffixSearch):
        suffix = SuffixSearch(compile_suffix_regex(list(nlp.Defaults.suffixes or ()) + SUFFIXES
                                                   + fractions[1:])).search
    url = bounded(old.url_match.__self__, MAX_URL).match if old.url_match is not None else None
    nlp.tokenizer = Tokenizer(nlp.vocab, rules=rules, prefix_search=prefix, suffix_search=suffix,
                              infix_finditer=infix, token_match=old.token_match, url_match=url,
                              faster_heuristics=old.faster_heuristics)
    return nlp


def currency_prefixes() -> list[str]:
    """The currency signs of rules/claims/currencies.yaml made of letters and a symbol ("HK$",
    "NZ$", "S$"), and its ``glued_prefix`` signs ("R", "KSh"), each split off a number glued to
    it as spaCy splits "US$" and "A$": "HK$3 million" is the sign and "3 million", not one word.

    >>> import re; re.match("|".join(currency_prefixes()), "HK$3").group()
    'HK$'
    >>> re.match("|".join(currency_prefixes()), "R1.86").group(), re.match("|".join(currency_prefixes()), "r1")
    ('R', None)
    """
    currencies = ruleset.read_rule_file(str(ruleset.rules_path("claims", "currencies.yaml")))
    signs = {str(p) for c in currencies
             for p in c.get("prefix") or () if len(str(p)) > 1 and not str(p)[-1].isalnum() and str(p)[0].isalpha()}
    # letters that name a currency only glued to a number ("R1.86", "KSh2.5"), split as written:
    # in capitals, so that a word ("r2", "ksh2") stays whole
    glued = {str(p) for c in currencies for p in c.get("glued_prefix") or ()}
    by_length = lambda s: (-len(s), s)   # noqa: E731
    return [f"(?i:{re.escape(sign)})(?=[0-9])" for sign in sorted(signs, key=by_length)] \
        + [f"{re.escape(sign)}(?=[0-9])" for sign in sorted(glued, key=by_length)]


def fraction_splits() -> list[str]:
    """An infix and a suffix that split the vulgar fractions of rules/claims/numbers.yaml
    (``fraction_chars``) from the digits before them and from a percent sign after them:
    "4¼%" is "4" "¼" "%", which the claims read as 4.25 percent; "¾%" is "¾" "%".

    >>> [bool(re.search(p, s)) for p, s in zip(fraction_splits(), ("4¼", "¾%"))]
    [True, True]
    """
    numbers = ruleset.read_rule_file(str(ruleset.rules_path("claims", "numbers.yaml")))
    chars = re.escape("".join(sorted(numbers.get("fraction_chars") or ())))
    return [f"(?<=[0-9])(?=[{chars}])", f"(?<=[{chars}])%$"] if chars else []


def bounded(regex: re.Pattern, longest: int) -> re.Pattern:
    """``regex``, failing at once on a string longer than ``longest`` (it may be saved with
    the pipeline: the bound is in the pattern).

    >>> bounded(re.compile("(?u)^a+$"), 3).match("aaaa") is None, bounded(re.compile("^a+$"), 3).match("aaa")
    (True, <re.Match object; span=(0, 3), match='aaa'>)
    """
    pattern = regex.pattern.removeprefix("(?u)")
    guard = f"(?=[\\s\\S]{{0,{longest}}}\\Z)"
    if pattern.startswith(guard):
        return regex
    return re.compile(guard + pattern)


class SuffixSearch:
    """A ``$``-anchored suffix ``regex`` searched from ``reach`` characters before the end
    (its lookbehinds still see the text before that), so that stripping the suffixes of
    a long word one by one does not search the whole word each time. A match that
    starts right where the search began may go on further left (a run of dots): then
    the whole string is searched. ``pattern`` is the regex's, which spaCy saves.

    >>> search = SuffixSearch(re.compile(r"(?:\\.\\.+|\\)|(?<=[0-9])%)$"), reach=4).search
    >>> [search(s).group() for s in ("x" * 50 + ")", "5" * 50 + "%", "x" + "." * 50)] == [")", "%", "." * 50]
    True
    """

    def __init__(self, regex: re.Pattern, reach: int = SUFFIX_REACH):
        self.regex, self.reach, self.pattern = regex, reach, regex.pattern

    def search(self, string: str):
        start = len(string) - self.reach
        if start <= 0:
            return self.regex.search(string)
        found = self.regex.search(string, start)
        if found is not None and found.start() == start:
            return self.regex.search(string)
        return found
