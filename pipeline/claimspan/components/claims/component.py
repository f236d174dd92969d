"""``claimspan_claims``: numeric claims (SPEC "claims").

Assigns ``doc.spans["claims"]``, one span per quantity expression (qualifier +
number + currency or unit + percent sign), with the row's columns in
``span._.claim``. A Matcher finds the tokens where a number may start; the
number is read by ``claimspan.normalize.numbers``; the words around it give the
qualifier, currency, unit, percent sign or ratio. Numbers inside date spans
(``doc.spans["dates"]``, from ``claimspan_dates``), years, durations and the
patterns of ``not_claims.yaml`` are not claims. ``counted``, ``period_*`` and
``checkworthy`` come from ``claims.context`` (the parse when the Doc has one).
Reads every file in ``rules/claims/`` (see ``claims.rules``).
"""
from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from claimspan import extensions
from claimspan.components import lexflags
from claimspan.components.candidates import merge_windows
from claimspan.components.claims import rules as claims_rules
from claimspan.components.base import RuleComponent
from claimspan.components.claims.context import DocContext, describe
from claimspan.components.claims.ranges import scope_lists, share_list_currency, share_list_units
from claimspan.components.claims.reading import read_claims
from claimspan.components.claims.tokens import Claim, FoldedTokens, NoSpaceBefore

FREQUENCY_COUNT_RULE = "dates.set.count_per"   # "four times a week": its number stays a claim's count

DIGIT_START = r"^[+\-\u2212]?[.]?\d"


@Language.factory(
    "claimspan_claims",
    default_config={"rules_dir": None},
    assigns=["doc.spans", "span._.claim"],
    requires=["span._.date"],
)
def make_claims(nlp: Language, name: str, rules_dir: str | None):
    return ClaimsComponent(nlp, name, rules_dir)


class ClaimsComponent(RuleComponent):
    table = "claims"

    def load_rules(self, rules_dir: Path) -> None:
        self.rules = r = claims_rules.load(Path(rules_dir), self.nlp)
        lex = r.lex
        number_words = sorted(set(lex.words) | set(lex.vague) | {w for w, v in lex.scales.items() if v >= 12}
                              | set(lex.fraction_chars) | set(lex.signs)
                              | set(r.ratios["frequency_words"]) | set(r.ratios["multiplier_verbs"])
                              | set(r.ratios["multiplier_adjectives"]))
        self.num_specs = [{"TEXT": {"REGEX": DIGIT_START}}, {"LOWER": {"IN": number_words}}]
        # word-set tests as lexeme flags, run only where a number can start (lexflags)
        self.matcher = lexflags.SparseMatcher(self.nlp.vocab)
        self.matcher.add("NUM", [[spec] for spec in self.num_specs])
        lead = sorted(set(lex.before_scale) - set(number_words))
        tens = {w for w, v in lex.words.items() if v >= 20}   # "a twenty-first"
        follow = sorted(set(lex.scales) | set(lex.fractions) | tens | r.lex.indefinite)   # "a dozen", "one a"
        self.matcher.add("NUM", [[{"LOWER": {"IN": lead}}, {"LOWER": {"IN": follow}}]])
        halves = sorted(w for w in lex.before_scale if w in lex.fractions)   # "half of the budget"
        self.matcher.add("NUM", [[{"LOWER": {"IN": halves}}]])
        with_a = sorted(r.units_with_a.firsts | r.currency_with_a.firsts)
        self.matcher.add("NUM", [[{"LOWER": {"IN": sorted(r.lex.indefinite)}}, {"LOWER": {"IN": with_a}}]])
        # "two- to three-inch": a number word with a dangling hyphen opens a range (reading.suspended_range)
        self.matcher.add("NUM", [[{"LOWER": {"IN": sorted(f"{w}-" for w in lex.words)}}]])
        before = sorted(r.percent_before.firsts)
        self.matcher.add("NUM", [[{"LOWER": {"IN": before}}]])
        # "five and a quarter": the words of a date span that is part of the number before it
        self.fraction_words = frozenset(lex.fractions) | frozenset(lex.words) | r.lex.indefinite | {"and"}
        self.exclusions = lexflags.TriggeredMatcher(self.nlp.vocab)
        self.reach = max((self._reach(p) for _, p in r.exclusion_patterns), default=1)
        for rid, pattern in r.exclusion_patterns:
            try:
                self.exclusions.add(rid, self._expand(pattern))
            except Exception as exc:  # spaCy's own validation error, reworded
                raise claims_rules.RuleError(f"{rules_dir}/not_claims.yaml rule {rid} key 'pattern': {exc}") from None

    @staticmethod
    def _reach(pattern: list) -> int:
        """Tokens a window must reach from a number for a match of ``pattern`` that holds it: from
        its most central ``NUM`` ("3 - to - 2 decision": 5 from the 2), else its whole length."""
        at = [i for i, tok in enumerate(pattern) if tok == "NUM"]
        return min((max(i + 1, len(pattern) - i) for i in at), default=len(pattern))

    def _expand(self, pattern: list) -> list[list]:
        """Replace each ``NUM`` in a pattern by every number-token spec."""
        variants = [[]]
        for tok in pattern:
            specs = self.num_specs if tok == "NUM" else [tok]
            variants = [v + [s] for v in variants for s in specs]
        return variants

    # -- finding -------------------------------------------------------------
    def blocked_tokens(self, doc: Doc, anchors: list[int]) -> set[int]:
        """Tokens no claim may use: exclusion patterns (run only in windows around
        the number tokens, since a block matters only where a number is), regexes,
        and date spans."""
        blocked: set[int] = set()
        strings, only = self.nlp.vocab.strings, self.rules.exclusion_block
        for match_id, s, e in self.exclusions(doc, self._windows(anchors, len(doc))):
            positions = only.get(strings[match_id])
            blocked.update(range(s, e) if positions is None else (s + p for p in positions))
        text = doc._.text
        for _, rx, needs in self.rules.exclusion_regexes:
            if needs and not any(n in text for n in needs):
                continue   # a plain substring test: no regex scan of a text that cannot match
            for m in rx.finditer(text):
                span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
                if span is not None:
                    blocked.update(range(span.start, span.end))
        fraction_words = self.fraction_words
        for span in doc.spans.get("dates", []):
            # "five and a quarter": a date span made only of fraction words right after
            # "<number> and" is part of that number, not a duration
            if span.start >= 2 and doc[span.start - 1].lower_ == "and" \
                    and all(t.lower_ in fraction_words for t in span):
                continue
            if (span._.date or {}).get("rule") == FREQUENCY_COUNT_RULE and any(t.like_num for t in span):
                continue   # "used four times per week": a set, and a count of times as well
            blocked.update(range(span.start, span.end))
        return blocked

    def _windows(self, anchors: list[int], n: int) -> list[tuple[int, int]]:
        reach = self.reach
        return [(a, b) for a, b, _ in merge_windows((max(0, i - reach + 1), min(n, i + reach), i) for i in anchors)]

    def match(self, doc: Doc) -> list[Claim]:
        found = self.matcher(doc)
        if not found:
            return []
        starts = sorted({s for _, s, _ in found})
        blocked = self.blocked_tokens(doc, sorted({k for _, s, e in found for k in range(s, e)}))
        words, glued = FoldedTokens(doc), NoSpaceBefore(doc)
        claims: list[Claim] = []
        done = 0
        for i in starts:
            if i < done or i in blocked:
                continue
            found = read_claims(self.rules, doc, words, glued, i, blocked)
            if found:
                claims.extend(found)
                done = max(c.end for c in found)
        share_list_units(self.rules, doc, words, claims)
        share_list_currency(self.rules, words, claims)
        scope_lists(self.rules, words, claims)
        return claims

    def set_annotations(self, doc: Doc, claims: list[Claim]) -> None:
        if "claims" not in doc.spans:
            doc.spans["claims"] = []
        if not claims:
            return
        context = DocContext(self.rules, doc)   # the Doc's sentences and dates, indexed once
        words = context.periods.words
        for c in claims:
            attrs = describe(self.rules, doc, words, c, context)
            extensions.add_row(doc, "claims", doc[c.start:c.end], c.rule, attrs)
