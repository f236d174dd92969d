"""Loads and validates ``rules/claims/`` for the claims component.

Files: numbers.yaml (number words, scales), qualifiers.yaml, currencies.yaml,
units.yaml, percent.yaml, temporal.yaml (time units, years, months, period
prepositions, reporting verbs), period.yaml (baselines, clause openers), ratios.yaml, ranges.yaml, counted.yaml
(closed-class words, plurals, discourse nouns) and
not_claims.yaml (Matcher patterns and regexes for numbers that are not claims).
Phrases are tokenized with the pipeline's own tokenizer so that they line up
with the tokens the component sees. Unknown keys fail, naming file, rule and key.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language

from claimspan.components.claims.tokens import PhraseTable
from claimspan.normalize.numbers import Lexicon, fold
from claimspan.ruleset import RuleError, load_table, locate, read_rule_file

# A phrase table maps a tuple of folded tokens to (value, rule id).
Phrases = PhraseTable


@dataclass
class ClaimRules:
    lex: Lexicon
    coordinators: frozenset = frozenset()   # "and", "or" between two numbers or names
    possessives: frozenset = frozenset()    # "'s": after a date, it names an event ("Sunday's vote")
    qualifiers: Phrases = field(default_factory=PhraseTable)
    qualifiers_after: Phrases = field(default_factory=PhraseTable)   # written after the quantity ("500 or more")
    # rule id -> the words before its phrases that make them none ("ticked up to 4 percent": a verb's particle)
    qualifier_not_after: dict[str, frozenset] = field(default_factory=dict)
    currency_prefix: Phrases = field(default_factory=PhraseTable)
    currency_suffix: Phrases = field(default_factory=PhraseTable)
    currency_glued: Phrases = field(default_factory=PhraseTable)   # only right after the number ("412p")
    currency_glued_prefix: Phrases = field(default_factory=PhraseTable)   # only right before it ("R1.86")
    currency_scale: dict[str, float] = field(default_factory=dict)
    currency_with_a: Phrases = field(default_factory=PhraseTable)
    units: Phrases = field(default_factory=PhraseTable)
    units_with_a: Phrases = field(default_factory=PhraseTable)
    units_glued: Phrases = field(default_factory=PhraseTable)
    unit_then: dict[str, tuple[str, float]] = field(default_factory=dict)
    percent_after: Phrases = field(default_factory=PhraseTable)
    percent_before: Phrases = field(default_factory=PhraseTable)
    time_units: dict[str, str] = field(default_factory=dict)
    age_words: frozenset = frozenset()
    age_before: frozenset = frozenset()
    age_people: frozenset = frozenset()
    age_after: Phrases = field(default_factory=PhraseTable)
    year_range: tuple[int, int] = (1000, 2100)
    age_max: int = 0
    months: frozenset = frozenset()
    period_prepositions: Phrases = field(default_factory=PhraseTable)
    reporting_verbs: frozenset = frozenset()
    period_anchors: frozenset = frozenset()
    period: dict[str, Any] = field(default_factory=dict)   # period.yaml: word sets, and phrase tables
    ratios: dict[str, Any] = field(default_factory=dict)
    ranges: dict[str, frozenset] = field(default_factory=dict)
    time_modifiers: frozenset = frozenset()
    counted: dict[str, frozenset] = field(default_factory=dict)
    exclusion_patterns: list[tuple[str, list]] = field(default_factory=list)
    exclusion_block: dict[str, list[int]] = field(default_factory=dict)   # positions a match blocks (default all)
    exclusion_regexes: list[tuple[str, re.Pattern, tuple]] = field(default_factory=list)   # (id, regex, needs)


def _file(rules_dir: Path, name: str):
    path = rules_dir / name
    return read_rule_file(str(path)), str(path)


def _month_words(months: dict[str, int]) -> frozenset:
    """Month words as they stand in text: every name, and each abbreviation also with
    its period ("sept", "sept."); the longest word of a month is its full name.

    >>> sorted(_month_words({"may": 5, "september": 9, "sept": 9, "sep": 9}))
    ['may', 'sep', 'sep.', 'sept', 'sept.', 'september']
    """
    full = {}
    for word, n in months.items():
        if len(word) > len(full.get(n, "")):
            full[n] = word
    return frozenset(months) | {f"{w}." for w, n in months.items() if w != full[n]}


def load(rules_dir: Path, nlp: Language) -> ClaimRules:
    """Read and validate every rule file of ``rules_dir`` (rules/claims/)."""
    return _Loader(rules_dir, nlp).load()


class _Loader:
    def __init__(self, rules_dir: Path, nlp: Language):
        self.dir, self.nlp = rules_dir, nlp

    def toks(self, phrase: str) -> tuple[str, ...]:
        """A phrase as the pipeline's tokenizer splits it, folded like the text."""
        return tuple(fold(t.text) for t in self.nlp.make_doc(phrase) if not t.is_space)

    def phrases(self, entries, where, key, value_key) -> Phrases:
        """Each phrase as the tokenizer splits it written in lower and in upper case: its
        exceptions are case-sensitive ("U.S." is one token, "u.s." two)."""
        table = {}
        for e in entries:
            for p in e.get(key) or ():
                value = (e[value_key] if value_key else None, e["id"])
                table[self.toks(p)] = value
                table.setdefault(self.toks(p.upper()), value)
        return PhraseTable(table)

    def entries(self, name: str):
        """A list file's rules (their keys and types are checked on reading: claimspan.rule_schemas)."""
        data, where = _file(self.dir, name)
        return data or [], where

    def load(self) -> ClaimRules:
        data, where = _file(self.dir, "numbers.yaml")
        words = load_table("common", "words.yaml")
        rules = ClaimRules(lex=Lexicon.from_rules(data, where), coordinators=frozenset(words["coordinators"]),
                           possessives=frozenset(words["possessives"]))
        for step in (self.qualifiers, self.currencies, self.units, self.percent, self.temporal, self.period,
                     self.ratios, self.ranges, self.counted, self.not_claims):
            step(rules)
        return rules

    def qualifiers(self, rules: ClaimRules) -> None:
        data, where = self.entries("qualifiers.yaml")
        rules.qualifiers = self.phrases(data, where, "phrases", "qualifier")
        rules.qualifiers_after = self.phrases(data, where, "after", "qualifier")
        rules.qualifier_not_after = {e["id"]: frozenset(w.lower() for w in e["not_after"])
                                     for e in data if e.get("not_after")}

    def currencies(self, rules: ClaimRules) -> None:
        data, where = self.entries("currencies.yaml")
        rules.currency_scale = {e["id"]: float(e["scale"]) for e in data if "scale" in e}
        rules.currency_prefix = self.phrases(data, where, "prefix", "code")
        rules.currency_suffix = self.phrases(data, where, "suffix", "code")
        rules.currency_glued = self.phrases(data, where, "glued", "code")
        rules.currency_glued_prefix = self.phrases(data, where, "glued_prefix", "code")
        rules.currency_with_a = self.phrases(data, where, "with_a", "code")

    def units(self, rules: ClaimRules) -> None:
        data, where = self.entries("units.yaml")
        for e in data:
            if e.get("then"):
                rules.unit_then[e["unit"]] = (e["then"]["unit"], float(e["then"]["factor"]))
        rules.units = self.phrases(data, where, "words", "unit")
        rules.units_with_a = self.phrases([e for e in data if e.get("with_a")], where, "words", "unit")
        rules.units_glued = self.phrases(data, where, "glued", "unit")

    def percent(self, rules: ClaimRules) -> None:
        data, where = self.entries("percent.yaml")
        rules.percent_after = self.phrases([{"unit": "%", **e} for e in data], where, "words", "unit")
        rules.percent_before = self.phrases(data, where, "before", None)

    def temporal(self, rules: ClaimRules) -> None:
        data, _ = _file(self.dir, "temporal.yaml")
        rules.age_max = int(data.get("age_max", 0))
        words = {k: frozenset(data.get(k) or ())
                 for k in ("age_words", "age_before", "age_people", "time_unit_modifiers", "reporting_verbs",
                           "period_anchors")}
        words["months"] = _month_words(data.get("months") or {})
        rules.time_units = {fold(k): v for k, v in data["time_units"].items()}
        rules.age_words, rules.months = words["age_words"], words["months"]
        rules.age_before, rules.age_people = words["age_before"], words["age_people"]
        rules.age_after = PhraseTable((self.toks(p), (q, "claims.measure.age"))
                                      for p, q in (data.get("age_after") or {}).items())
        rules.time_modifiers, rules.reporting_verbs = words["time_unit_modifiers"], words["reporting_verbs"]
        rules.period_anchors = words["period_anchors"]
        rules.year_range = (int(data.get("year_min", 1000)), int(data.get("year_max", 2100)))
        rules.period_prepositions = PhraseTable((self.toks(p), (None, "period"))
                                                for p in data.get("period_prepositions") or ())

    def period(self, rules: ClaimRules) -> None:
        data, _ = _file(self.dir, "period.yaml")
        rules.period = {k: frozenset(fold(w) for w in v or ()) for k, v in data.items()}
        phrases = ("baseline_openers", "comparison_openers", "baseline_before", "baseline_far",
                   "change_baseline_before", "anaphoric_periods")
        for k in phrases:
            rules.period[k] = PhraseTable((self.toks(p), (None, f"claims.period.{k}")) for p in data.get(k) or ())

    def ratios(self, rules: ClaimRules) -> None:
        data, _ = _file(self.dir, "ratios.yaml")
        sets = ("of_connector", "over_connector", "fraction_followers", "share_before", "share_after",
                "not_share_followers",
                "multiplier_words", "multiplier_followers", "multiplier_verb_before", "multiplier_always",
                "to_connector", "colon_connector", "per_currency", "hyphen_part_of_whole", "ratio_nouns",
                "ratio_links")
        rules.ratios = {k: frozenset(data.get(k) or ()) for k in sets}
        rules.ratios["part_of_whole"] = PhraseTable((self.toks(p), (None, "claims.ratio.part_of_whole"))
                                                    for p in data["part_of_whole"] or ())
        for key in ("frequency_words", "multiplier_verbs", "multiplier_adjectives"):
            rules.ratios[key] = {fold(k): float(v) for k, v in (data.get(key) or {}).items()}

    def ranges(self, rules: ClaimRules) -> None:
        data, _ = _file(self.dir, "ranges.yaml")
        keys = {"connectors", "dashes", "between", "change_words", "range_verbs", "change_verbs", "list_connectors",
                "change_amount_words"}
        rules.ranges = {k: frozenset(fold(w) for w in data.get(k) or ()) for k in keys}

    def counted(self, rules: ClaimRules) -> None:
        data, _ = _file(self.dir, "counted.yaml")
        keys = {"stop_words", "modifiers", "irregular_plurals", "not_plural_endings", "not_plural_words",
                "discourse_nouns", "discourse_followers", "discourse_openers", "discourse_cues", "of_words",
                "partitive_determiners", "partitive_superlatives", "superlative_endings", "not_superlatives",
                "verb_endings", "relative_pronouns", "partitive_before_of"}
        rules.counted = {k: frozenset(fold(w) for w in data.get(k) or ()) for k in keys}

    def not_claims(self, rules: ClaimRules) -> None:
        data, where = self.entries("not_claims.yaml")
        # the one-word currency prefixes of currencies.yaml ("usd", "rmb", and "r" of "R1.86"), for
        # MONEY in a word list
        money = sorted({p[0].lower() for table in (rules.currency_prefix, rules.currency_glued_prefix)
                        for p in table if len(p) == 1 and p[0].isalpha()})
        for e in data:
            rid, block = e["id"], e.get("block")
            at = locate(e, f"{where} rule {rid}")
            if ("pattern" in e) == ("regex" in e):
                raise RuleError(f"{at}: give exactly one of 'pattern' or 'regex'")
            if "needs" in e and "regex" not in e:
                raise RuleError(f"{at} key 'needs': only a regex rule has it")
            if block is not None and (not isinstance(block, list) or "pattern" not in e
                                      or not all(isinstance(b, int) and b < len(e["pattern"]) for b in block)):
                raise RuleError(f"{at} key 'block': a list of token positions in the pattern")
            if "regex" in e:
                try:
                    rules.exclusion_regexes.append((rid, re.compile(e["regex"]), tuple(e.get("needs") or ())))
                except re.error as exc:
                    raise RuleError(f"{at} key 'regex': {exc}") from None
                continue
            rules.exclusion_patterns.append((rid, [_with_money(tok, money) for tok in e["pattern"]]))
            if block is not None:
                rules.exclusion_block[rid] = block


def _with_money(token, money: list[str]):
    """A pattern token with ``MONEY`` in an ``IN``/``NOT_IN`` word list replaced by the
    currency prefixes (``LOWER: {NOT_IN: [MONEY, us]}``: not a currency code, not "US").

    >>> _with_money({"LOWER": {"NOT_IN": ["MONEY", "us"]}}, ["eur", "usd"])
    {'LOWER': {'NOT_IN': ['eur', 'usd', 'us']}}
    >>> _with_money("NUM", ["usd"])
    'NUM'
    """
    if not isinstance(token, dict):
        return token
    out = {}
    for attr, test in token.items():
        if isinstance(test, dict):
            test = {op: [w for v in words for w in (money if v == "MONEY" else [v])] if op in ("IN", "NOT_IN")
                    and isinstance(words, list) else words for op, words in test.items()}
        out[attr] = test
    return out
