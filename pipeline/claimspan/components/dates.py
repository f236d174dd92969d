"""``claimspan_dates``: every temporal expression, as rows of the dates table.

Writes ``doc.spans["dates"]`` with the row attributes in ``span._.date``
(kind, value, start_date, end_date, granularity, mod, is_relative, anchor_date),
resolved against ``doc._.doc_date``.

Reads ``rules/dates/lexicon.yaml`` (word lists), ``patterns.yaml`` (token
patterns over those word classes) and ``exclusions.yaml`` (names and amounts
that look like dates). Finding is done by spaCy Matchers (one per set of
trigger words, one for affixes and exclusions) and one PhraseMatcher
(holidays); Python only picks the longest candidates, joins affixes ("the end
of" + "last year", "77 years" + "ago") and ranges ("2016" + "to" + "2020"),
then normalizes each row with ``claimspan.normalize.timex``.
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import NamedTuple

import numpy as np
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from claimspan import extensions
from claimspan.components import lexflags
from claimspan.components.base import RuleComponent
from claimspan.normalize import timex
from claimspan.ruleset import RuleError, check_keys, locate, read_rule_file

PATTERN_KEYS = {"id", "kind", "pattern", "role", "applies_to", "kind_to", "value", "relative"}
EXCLUSION_KEYS = {"id", "pattern"}
KINDS = {"date", "range", "duration", "set", "time"}
HOLIDAY_RULE = "dates.anchored.holiday"
REPEAT_BOUND = 6    # tokens an "X+" item is assumed to span at most ("two hundred fifty thousand"), for windows
FUTURE_WINDOW = 8   # tokens before a date searched for a future-tense word
# Words too common to start a match window; every core pattern needs another word.
WINDOW_STOP = {"the", "a", "an", "of", "and", "to", "or", "so", "as", "at", "no", "up", "'s", "'", ",", "s", "s.",
               "this", "that", "these", "than", "every", "each", "more", "less", "least", "just", "right", "per",
               "in", "on", "for", "from", "between"}


@Language.factory(
    "claimspan_dates",
    default_config={"rules_dir": None},
    assigns=["doc.spans", "span._.date"],
    requires=["doc._.doc_date"],
)
def make_dates(nlp: Language, name: str, rules_dir: str | None):
    return DatesComponent(nlp, name, rules_dir)


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


class CoreGroup(NamedTuple):
    """The core patterns that share one trigger word set, in a Matcher of their own."""
    matcher: Matcher
    reach: int | None   # tokens a match reaches on either side of its trigger; None: unbounded (an "X+" item)


class Candidate(NamedTuple):
    start: int
    end: int
    rule: Rule


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
        "UNIT": {"LOWER": {"IN": list(lex["units"])}, "IS_LOWER": True},   # not "60 Minutes" (a name)
        "UNIT1": {"LOWER": {"IN": [w for w, u in lex["units"].items() if w == u]}, "IS_LOWER": True},
        "NUM": {"LOWER": {"IN": [w for w in lex["number_words"] if w not in ("a", "an")] + numbers(0, 1000)}},
        "ORD": {"LOWER": {"IN": list(lex["ordinals"])}},
        "REL": {"LOWER": {"IN": list(lex["relative"])}},
        "DEICTIC": {"LOWER": {"IN": list(lex["deictic"])}},
        "MODW": {"LOWER": {"IN": [w for w, m in lex["modifiers"].items() if m in ("start", "mid", "end")]}},
        "SHIFT": {"LOWER": {"IN": list(lex["shift_words"])}},
        "PART": {"LOWER": {"IN": list(lex["parts_of_day"])}},
        "SETW": {"LOWER": {"IN": list(lex["sets"])}, "IS_LOWER": True},
        "DASH": {"ORTH": {"IN": sorted(timex.DASHES)}},
        "CLOCK": {"SHAPE": {"IN": ["d:dd", "dd:dd"]}},
        "TH": {"LOWER": {"IN": ["st", "nd", "rd", "th"]}},
        "TZ": {"LOWER": {"IN": ["est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "et"]}},
        "NUMLIKE": {"LIKE_NUM": True},
        "TITLE_WORD": {"IS_TITLE": True, "IS_ALPHA": True},
        "DIGITS3": {"SHAPE": "ddd"},
        "NOUN_WORD": {"IS_LOWER": True, "IS_ALPHA": True, "LOWER": {"NOT_IN": list(lex["units"])}},
        "TENS": {"LOWER": {"IN": [w for w, n in lex["number_words"].items() if n in (20, 30, 40, 50, 60, 70, 80, 90)]}},
        "TENS_PLURAL": {"LOWER": {"IN": [w for w, n in lex["number_words"].items()
                                         if n in (20, 30, 40, 50, 60, 70, 80, 90)
                                         for w in [w[:-1] + "ies"]]}},
        "DIGIT_WORD": {"LOWER": {"IN": [w for w, n in lex["number_words"].items()
                                        if n in range(1, 10) and w not in ("a", "an")]}},
        "AMPM": {"LOWER": {"IN": ["a.m.", "p.m.", "am", "pm"]}},
        "QUARTER_TOKEN": {"LOWER": {"IN": ["q1", "q2", "q3", "q4"]}},
        "NUMERIC_DATE": {"SHAPE": {"IN": ["dd/dd/dddd", "d/dd/dddd", "dd/d/dddd", "d/d/dddd"]}},
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


def required_words(spec: list[dict]):
    """(is_shape, words) for each word set a match of ``spec`` cannot be without:
    the LOWER/ORTH values (lower-cased) or SHAPE values of its non-optional tokens."""
    for token in spec:
        if token.get("OP") in ("?", "*"):
            continue
        for attr in ("LOWER", "ORTH", "SHAPE"):
            values = token.get(attr)
            values = values.get("IN", []) if isinstance(values, dict) else [values] if values else []
            if values:
                yield attr == "SHAPE", frozenset(values) if attr == "SHAPE" else frozenset(v.lower() for v in values)


def _union(items: list[str], classes: dict, where: str) -> list[str]:
    """``noon|midnight|PART``: literal words and word classes that test nothing but LOWER."""
    words: list[str] = []
    for item in items:
        spec = classes.get(item, {"LOWER": {"IN": [item.lower()]}})
        if set(spec) != {"LOWER"}:
            raise RuleError(f"{where}: word class {item!r} cannot be combined with '|'")
        words.extend(spec["LOWER"]["IN"])
    return words


class DatesComponent(RuleComponent):
    table = "dates"

    def load_rules(self, rules_dir: Path) -> None:
        lexicon_path = Path(rules_dir) / "lexicon.yaml"
        lex = read_rule_file(str(lexicon_path))
        check_keys(lex, timex.LEXICON_SECTIONS, f"{lexicon_path}", required=timex.LEXICON_SECTIONS)
        self.lexicon = {k: {str(w).lower(): v for w, v in (lex[k] or {}).items()} for k in timex.LEXICON_SECTIONS}
        classes = word_classes(self.lexicon)
        # Prefixes, suffixes and exclusions of bounded length, run only next to core matches;
        # exclusions with "X+" run on whole windows; each core pattern goes to the Matcher of
        # its triggers (_group_cores). lexflags.add validates the patterns.
        self.matcher = Matcher(self.nlp.vocab, validate=False)
        self.window_matcher = Matcher(self.nlp.vocab, validate=False)
        cores: list[tuple[str, list[dict]]] = []
        affixes: list[tuple[str, list[dict], str]] = []
        self.trigger_words: set[str] = set()
        self.trigger_shapes: set[str] = set()
        self.rules: dict[str, Rule] = {}
        longest = {"core": 0, "prefix": 0, "suffix": 0, "exclude": 0}
        order = 0
        for name, allowed in (("patterns.yaml", PATTERN_KEYS), ("exclusions.yaml", EXCLUSION_KEYS)):
            path = Path(rules_dir) / name
            for entry in read_rule_file(str(path)) or []:
                where = locate(entry, f"{path} rule {entry.get('id') if isinstance(entry, dict) else entry}")
                check_keys(entry, allowed, where, required=("id", "pattern"))
                role = "exclude" if name == "exclusions.yaml" else entry.get("role", "core")
                if role == "core" and entry.get("kind") not in KINDS:
                    raise RuleError(f"{where}: kind must be one of {sorted(KINDS)}")
                patterns = entry["pattern"] if isinstance(entry["pattern"], list) else [entry["pattern"]]
                for j, text in enumerate(patterns):
                    spec, left, right = compile_pattern(text, classes, where)
                    longest[role] = max(longest[role], sum(REPEAT_BOUND if t.get("OP") == "+" else 1 for t in spec))
                    key = f"{entry['id']}#{j}"
                    self.rules[key] = Rule(entry["id"], role, entry.get("kind"), order, left, right,
                                           tuple(entry.get("applies_to", ())), entry.get("kind_to"), entry.get("value"),
                                           entry.get("relative"))
                    if role != "core":
                        affixes.append((key, spec, role))
                        continue
                    self._add_triggers(spec, f"{where} pattern {text!r}")
                    cores.append((key, spec))
                order += 1
        self.holidays = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        for name, mmdd in self.lexicon["holidays"].items():
            key = f"{HOLIDAY_RULE}#{name}"
            self.rules[key] = Rule(HOLIDAY_RULE, "core", "date", order, 0, 0,
                                   value=f"XXXX-{mmdd}" if mmdd else None)
            self.holidays.add(key, [self.nlp.make_doc(name)])
        # Matches are searched only within this many tokens of a trigger word: enough for the
        # longest core pattern around its trigger plus an affix beside it, or an exclusion around it.
        self.window = max(longest["core"] - 1 + max(longest["prefix"], longest["suffix"]), longest["exclude"] - 1)
        strings = self.nlp.vocab.strings
        self.trigger_lower = np.array(sorted(strings.add(w) for w in self.trigger_words), dtype="uint64")
        self.trigger_shape = np.array(sorted(strings.add(w) for w in self.trigger_shapes), dtype="uint64")
        self._group_cores(cores)
        self._add_affixes(affixes)

    def _add_affixes(self, affixes: list[tuple[str, list[dict], str]]) -> None:
        """An affix or exclusion counts only beside or around a core match, so one of
        bounded length is searched only within ``self.affix_reach`` tokens of core
        matches. Should a prefix or suffix be unbounded, they all run on whole windows
        (which of two suffixes ending together wins depends on the Matcher's order)."""
        def unbounded(spec):
            return any(t.get("OP") in ("+", "*") for t in spec)

        near = not any(unbounded(spec) for _, spec, role in affixes if role != "exclude")
        self.affix_reach = 0
        for key, spec, _ in affixes:
            if near and not unbounded(spec):
                lexflags.add(self.matcher, key, [spec])
                self.affix_reach = max(self.affix_reach, len(spec))
            else:
                lexflags.add(self.window_matcher, key, [spec])

    def _group_cores(self, cores: list[tuple[str, list[dict]]]) -> None:
        """One Matcher per set of trigger words: the core patterns that need a token of it.

        A pattern joins the group of its smallest required token made only of
        trigger words (then no match is without one of them); a pattern with no such
        token joins the group with no triggers, run on every window."""
        groups: dict[tuple, int] = {}   # (is_shape, words) -> index in self.core_groups
        self.core_groups: list[CoreGroup] = []
        members: list[tuple[int, str, list[dict]]] = []
        for key, spec in cores:
            candidates = [(len(words), is_shape, sorted(words), words) for is_shape, words in required_words(spec)
                          if words <= (self.trigger_shapes if is_shape else self.trigger_words)]
            trigger = min(candidates)[1::2] if candidates else (False, frozenset())
            g = groups.setdefault(trigger, len(groups))
            reach = None if any(t.get("OP") in ("+", "*") for t in spec) or not candidates else len(spec) - 1
            if g == len(self.core_groups):
                self.core_groups.append(CoreGroup(Matcher(self.nlp.vocab, validate=False), reach))
            elif self.core_groups[g].reach is not None:
                reach = None if reach is None else max(reach, self.core_groups[g].reach)
                self.core_groups[g] = self.core_groups[g]._replace(reach=reach)
            members.append((g, key, spec))
        for g, key, spec in members:
            # a fixed-length group sees only the few tokens around its triggers: no flag bits
            lexflags.add(self.core_groups[g].matcher, key, [spec], flags=self.core_groups[g].reach is None)
        strings = self.nlp.vocab.strings
        self.lower_groups: dict[int, list[int]] = {}   # trigger word -> the groups it triggers
        self.shape_groups: dict[int, list[int]] = {}
        for (is_shape, words), g in groups.items():
            for w in sorted(words):
                (self.shape_groups if is_shape else self.lower_groups).setdefault(strings.add(w), []).append(g)
        self.always_groups = [g for (_, words), g in groups.items() if not words]

    def _add_triggers(self, spec: list[dict], where: str) -> None:
        """Add the most telling word set of a core pattern to the trigger words.

        Matches are searched only in windows around trigger words: most tokens of a
        text are nowhere near a date. Function words and dashes are left out, so a
        pattern ("this UNIT") may count on another pattern's triggers ("year") being
        there; ``_group_cores`` keeps only sets a match cannot be without."""
        candidates = []
        for is_shape, words in required_words(spec):
            words = set(words) if is_shape else set(words) - WINDOW_STOP - timex.DASHES
            if words:
                candidates.append((len(words), is_shape, words))
        if not candidates:
            raise RuleError(f"{where}: needs at least one required word that is not a function word or dash")
        _, is_shape, words = min(candidates, key=lambda c: c[0])
        (self.trigger_shapes if is_shape else self.trigger_words).update(words)

    def match(self, doc: Doc) -> list[Candidate]:
        strings = self.nlp.vocab.strings
        found = {"core": [], "prefix": [], "suffix": [], "exclude": []}
        holidays = list(self.holidays(doc))
        for key, start, end in self._windowed_matches(doc, [(s, e) for _, s, e in holidays]) + holidays:
            rule = self.rules[strings[key]]
            found[rule.role].append(Candidate(start + rule.left, end - rule.right, rule))
        cores = [r for r in found["core"]
                 if not any(x.start <= r.start and r.end <= x.end for x in found["exclude"])]
        rows = longest(cores)
        rows = [self.attach_affixes(row, found["prefix"], found["suffix"]) for row in rows]
        return join_ranges(doc, rows, set(self.lexicon["range_words"]) | timex.DASHES)

    def _windowed_matches(self, doc: Doc, holidays: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
        """Matcher matches, run only on windows of ``self.window`` tokens around trigger words.

        In a window, a core pattern is run only if one of its own triggers is there
        (its match cannot be without one), and a pattern of fixed length only on the
        tokens it can reach from such a trigger: most patterns are then run on a
        few tokens, not on every window (the Matcher's time grows with
        patterns x tokens). Affixes and exclusions are searched next to the core
        matches of the window and the ``holidays`` (found on the whole Doc). The
        matches that count are those of running every pattern on the whole window."""
        if not len(doc):
            return []
        lower, shape = doc.to_array("LOWER"), doc.to_array("SHAPE")
        hits = np.flatnonzero(np.isin(lower, self.trigger_lower) | np.isin(shape, self.trigger_shape)).tolist()
        matches: list[tuple[int, int, int]] = []
        for start, end, positions in _merge([(max(0, i - self.window), min(len(doc), i + self.window + 1), i)
                                             for i in hits]):
            if len(self.window_matcher):
                matches.extend(self._run(self.window_matcher, doc, start, end))
            cores = [(s, e) for s, e in holidays if s - self.affix_reach < end and e + self.affix_reach > start]
            by_group: dict[int, list[int]] = {g: positions for g in self.always_groups}
            for i in positions:   # a group is triggered by words or by shapes, so each i comes once, in order
                for g in self.lower_groups.get(int(lower[i]), ()):
                    by_group.setdefault(g, []).append(i)
                for g in self.shape_groups.get(int(shape[i]), ()):
                    by_group.setdefault(g, []).append(i)
            for g, triggers in by_group.items():
                group = self.core_groups[g]
                if group.reach is None:
                    spans = [(start, end, triggers)]
                else:
                    spans = _merge([(max(start, i - group.reach), min(end, i + group.reach + 1), i)
                                    for i in triggers])
                for a, b, _ in spans:
                    found = self._run(group.matcher, doc, a, b)
                    matches.extend(found)
                    cores.extend((s, e) for _, s, e in found)
            near = sorted((max(start, s - self.affix_reach), min(end, e + self.affix_reach), s) for s, e in cores)
            for a, b, _ in _merge(near):
                matches.extend(self._run(self.matcher, doc, a, b))
        return matches

    @staticmethod
    def _run(matcher: Matcher, doc: Doc, start: int, end: int) -> list[tuple[int, int, int]]:
        return [(k, s + start, e + start) for k, s, e in matcher(doc[start:end])]

    @staticmethod
    def attach_affixes(row: Candidate, prefixes: list[Candidate], suffixes: list[Candidate]) -> Candidate:
        start, end, kind = row.start, row.end, row.rule.kind
        # a phrase with a fixed value ("the future") takes no modifier: "about the future" is a topic
        pre = [p for p in prefixes if p.end == start and kind in p.rule.applies_to and row.rule.value is None]
        if pre:
            start = min(p.start for p in pre)
        suf = [s for s in suffixes if s.start == end and kind in s.rule.applies_to]
        if suf:
            best = max(suf, key=lambda s: s.end)
            end, kind = best.end, best.rule.kind_to or kind
        if (start, end, kind) == (row.start, row.end, row.rule.kind):
            return row
        return Candidate(start, end, row.rule._replace(kind=kind))

    def set_annotations(self, doc: Doc, rows: list[Candidate]) -> None:
        anchor = _anchor(doc._.doc_date)
        if "dates" not in doc.spans:
            doc.spans["dates"] = []
        reference = None   # (sentence start, value): the last quarter, month or day the text spoke about
        for row in rows:
            span = doc[row.start:row.end]
            sent_start = span.sent.start if doc.has_annotation("SENT_START") else 0
            ref = reference[1] if reference and reference[0] >= self._previous_sentence(doc, sent_start) else None
            try:
                attrs = timex.interpret([t.text for t in span], row.rule.kind, anchor, self.lexicon,
                                        row.rule.value, row.rule.relative, ref, self._future(doc, span))
            except (ValueError, KeyError, OverflowError):   # an unreadable value must not lose the span
                attrs = timex.interpret([], row.rule.kind, None, self.lexicon)
            if attrs["value"] and attrs["granularity"] in ("quarter", "month", "day") and row.rule.kind == "date":
                reference = (sent_start, attrs["value"])
            if row.rule.id == HOLIDAY_RULE:
                attrs["granularity"] = "day"
            extensions.add_row(doc, "dates", span, row.rule.id, attrs)

    def _future(self, doc: Doc, span) -> bool:
        """A future-tense word ("will", "'ll") shortly before the span, in its own clause."""
        start = span.sent.start if doc.has_annotation("SENT_START") else 0
        for token in reversed(doc[max(start, span.start - FUTURE_WINDOW):span.start]):
            if token.lower_ in self.lexicon["reporting_verbs"]:
                return False
            if token.lower_ in self.lexicon["future_markers"]:
                return True
        return False

    @staticmethod
    def _previous_sentence(doc: Doc, sent_start: int) -> int:
        """Start of the sentence before the one starting at ``sent_start`` (0 at the top)."""
        if sent_start == 0:
            return 0
        return doc[sent_start - 1].sent.start


def _anchor(doc_date) -> date | None:
    """The document date as a ``date``; an unreadable one counts as unknown (no guessing)."""
    if isinstance(doc_date, date):
        return doc_date
    try:
        return date.fromisoformat(str(doc_date)[:10]) if doc_date else None
    except ValueError:
        return None


def _merge(windows: list[tuple[int, int, int]]) -> list[tuple[int, int, list[int]]]:
    """(start, end, trigger) windows in trigger order -> (start, end, triggers), touching ones joined."""
    merged: list[list] = []
    for start, end, i in windows:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            merged[-1][2].append(i)
        else:
            merged.append([start, end, [i]])
    return [(start, end, triggers) for start, end, triggers in merged]


def longest(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, longest first, then the earlier rule; in text order."""
    taken: set[int] = set()
    chosen = []
    for row in sorted(candidates, key=lambda r: (r.start - r.end, r.rule.order, r.start)):
        if row.end > row.start and not taken.intersection(range(row.start, row.end)):
            chosen.append(row)
            taken.update(range(row.start, row.end))
    return sorted(chosen, key=lambda r: r.start)


def join_ranges(doc: Doc, rows: list[Candidate], joiners: set[str]) -> list[Candidate]:
    """``2016`` ``to`` ``2020`` -> one range row; ``between March and May`` too."""
    out: list[Candidate] = []
    for row in rows:
        prev = out[-1] if out else None
        if (prev is not None and prev.rule.kind == "date" and row.rule.kind == "date"
                and row.start == prev.end + 1 and prev.rule.value is None and row.rule.value is None
                and (doc[prev.end].text.lower() in joiners
                     or (doc[prev.end].lower_ == "and" and prev.start > 0
                         and doc[prev.start - 1].lower_ == "between"))):
            out[-1] = Candidate(prev.start, row.end, prev.rule._replace(id="dates.range.joined", kind="range"))
        else:
            out.append(row)
    return out
