"""The ``claimspan_dates`` component: every temporal expression, as rows of the dates table.

Writes ``doc.spans["dates"]`` with the row attributes in ``span._.date``
(kind, value, start_date, end_date, granularity, mod, is_relative, anchor_date),
resolved against ``doc._.doc_date``.

Reads ``rules/dates/lexicon.yaml`` (word lists), ``patterns.yaml`` (token
patterns over those word classes) and ``exclusions.yaml`` (names and amounts
that look like dates). Finding is done by spaCy Matchers (one per set of
trigger words; affixes and exclusions in ``lexflags.TriggeredMatcher``s, each
pattern tried only where a word it needs is) and one PhraseMatcher
(holidays, ``holiday_names.py``); Python only picks the longest candidates, joins affixes ("the end
of" + "last year", "77 years" + "ago") and ranges ("2016" + "to" + "2020"),
then normalizes each row with ``claimspan.normalize.timex``.

About 470 lines: the Matchers' schedule (trigger groups, windows) and the
resolution of the rows run on the same compiled rules; the pattern compiler
(patterns.py), the choice of candidates (candidates.py), tense (tense.py) and
the narrative (narrative.py) are modules of their own.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import NamedTuple

import numpy as np
from spacy.attrs import LOWER, SHAPE
from spacy.matcher import Matcher
from spacy.tokens import Doc

from claimspan import extensions
from claimspan.components import lexflags
from claimspan.components.docarrays import among, column, word_ids
from claimspan.components.lexflags import around, required_words, widest
from claimspan.components.base import RuleComponent
from claimspan.normalize import timex, timex_values
from claimspan.components.dates.holiday_names import HOLIDAY_RULE, HolidayNames
from claimspan.components.candidates import merge_windows
from claimspan.components.sentindex import SentenceIndex
from claimspan.components.dates.narrative import ANAPHORIC_REACH, Narrative, alone_on_line, as_told
from claimspan.components.dates.tense import TenseWords, tense_of
from claimspan.components.dates.candidates import Candidate, at_position, join_ranges, longest, outside
from claimspan.ruleset import RuleError, locate, read_rule_file
from claimspan.components.dates.patterns import (KINDS, REPEAT_BOUND, Rule,
                                                 compile_pattern, word_classes)

AMOUNT_SCALE = 1_000_000   # "million" and up: no count of time goes on after one ("million five years ago")
COMPARISON_WINDOW = 12   # tokens before a date searched for a comparison's word ("from $1.37 billion last year")
READ_WORDS_KEPT = 20000   # wordings whose features a run keeps (``_features``)
CLOCK_DAY_RULE = "dates.time.clock_day"   # a clock time and its day, in one row
DAY_AFTER_GAP = 4   # tokens between a clock time and the day it is on, outside brackets: "2 p.m. local time
#                     (1300 GMT) on Friday"
# Words too common to start a match window; every core pattern needs another word. A
# setting of the matcher's schedule, not knowledge: with none of these words left out, the rows
# of every corpus we score are the same (only more windows are run), so it is no rule.
WINDOW_STOP = {"the", "a", "an", "of", "and", "to", "or", "so", "as", "at", "no", "up", "'s", "'", ",", "s", "s.",
               "this", "that", "these", "than", "every", "each", "more", "less", "least", "just", "right", "per",
               "in", "on", "for", "from", "between"}


class CoreGroup(NamedTuple):
    """The core patterns that share one trigger word set, in a Matcher of their own."""
    matcher: Matcher
    reach: tuple[int, int] | None   # tokens a match reaches before and after its trigger; None: unbounded


class DatesComponent(RuleComponent):
    table = "dates"

    def load_rules(self, rules_dir: Path) -> None:
        lexicon_path = Path(rules_dir) / "lexicon.yaml"
        lex = read_rule_file(str(lexicon_path))
        self.lexicon = timex.lexicon_tables(lex)
        self.read_words: dict[tuple, dict] = {}   # words -> their features, under this lexicon
        self.tense_words = TenseWords(self.lexicon, self.nlp.vocab.strings)
        # TIMEX3 part-of-day codes in the afternoon half of the day ("EV", "NI"): ``_half_of_day``
        self.pm_parts = frozenset(self.lexicon["parts_of_day"][w] for w, half in self.lexicon["part_am_pm"].items()
                                  if half == "p" and w in self.lexicon["parts_of_day"])
        # scale words that close an amount ("19.5 million"): a number after one starts a count of its own
        self.amount_scales = frozenset(w for w, n in self.lexicon["number_words"].items()
                                       if isinstance(n, int) and n >= AMOUNT_SCALE)
        classes = word_classes(self.lexicon)
        # Prefixes, suffixes and exclusions of bounded length, run only next to core matches;
        # exclusions with "X+" run on whole windows; each core pattern goes to the Matcher of
        # its triggers (_group_cores). lexflags.add validates the patterns.
        self.matcher = lexflags.TriggeredMatcher(self.nlp.vocab)   # affixes and bounded exclusions
        self.window_matcher = lexflags.TriggeredMatcher(self.nlp.vocab)   # unbounded exclusions ("X+")
        cores: list[tuple[str, list[dict]]] = []
        affixes: list[tuple[str, list[dict], str]] = []
        self.trigger_words: set[str] = set()
        self.trigger_shapes: set[str] = set()
        self.rules: dict[str, Rule] = {}
        longest = {"core": 0, "prefix": 0, "suffix": 0, "exclude": 0}
        order = 0
        for name in ("patterns.yaml", "exclusions.yaml"):   # keys and types checked on reading (rule_schemas)
            path = Path(rules_dir) / name
            for entry in read_rule_file(str(path)) or []:
                where = locate(entry, f"{path} rule {entry['id']}")
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
                                           entry.get("relative"),
                                           frozenset(w.lower() for w in entry.get("not_before", ())),
                                           frozenset(w.lower() for w in entry.get("not_after", ())))
                    if role != "core":
                        affixes.append((key, spec, role))
                        continue
                    self._add_triggers(spec, f"{where} pattern {text!r}")
                    cores.append((key, spec))
                order += 1
        self.holidays = HolidayNames(self.nlp, self.lexicon, lex, str(lexicon_path), order)
        self.rules.update(self.holidays.rules)
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
                self.matcher.add(key, [spec])
                self.affix_reach = max(self.affix_reach, len(spec))
            else:
                self.window_matcher.add(key, [spec])

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
            # an "X+" item spans at most REPEAT_BOUND tokens, as the windows assume: its group too runs
            # only near its triggers ("twenty five more years" within eight tokens of "years"), from as far
            # before to as far after them as its patterns reach ("last year" from "year": one token before)
            reach = around(spec, trigger, plus=REPEAT_BOUND) if candidates else None
            if g == len(self.core_groups):
                self.core_groups.append(CoreGroup(Matcher(self.nlp.vocab, validate=False), reach))
            else:
                self.core_groups[g] = self.core_groups[g]._replace(reach=widest([self.core_groups[g].reach, reach]))
            members.append((g, key, spec))
        repeats = {g for g, _, spec in members if any(t.get("OP") in ("+", "*") for t in spec)}
        for g, key, spec in members:
            # a group of short patterns sees only the few tokens around its triggers: no flag bits;
            # one that repeats a word ("NUM+ UNIT") sees many, and gets them
            lexflags.add(self.core_groups[g].matcher, key, [spec], flags=g in repeats)
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
            words = set(words) if is_shape else set(words) - WINDOW_STOP - self.lexicon["dashes"].keys()
            if words:
                candidates.append((len(words), is_shape, words))
        if not candidates:
            raise RuleError(f"{where}: needs at least one required word that is not a function word or dash")
        _, is_shape, words = min(candidates, key=lambda c: c[0])
        (self.trigger_shapes if is_shape else self.trigger_words).update(words)

    def match(self, doc: Doc) -> list[Candidate]:
        strings = self.nlp.vocab.strings
        found = {"core": [], "prefix": [], "suffix": [], "exclude": []}
        holidays = self.holidays(doc)
        for key, start, end in self._windowed_matches(doc, [(s, e) for _, s, e in holidays]) + holidays:
            rule = self.rules[strings[key]]
            if rule.not_before and end < len(doc) and doc[end].lower_ in rule.not_before:
                continue   # "on March 15 to 18 percent": a day and an amount, no range
            if rule.not_after and start and doc[start - 1].lower_ in rule.not_after:
                continue   # "will last three hours": the verb, not "the last three hours"
            if rule.role == "core" and self._across_amount(doc, start + rule.left, end - rule.right):
                continue   # "up from 19.5 million five years ago": the amount's scale word, then the count
            found[rule.role].append(Candidate(start + rule.left, end - rule.right, rule))
        rows = longest(outside(found["core"], found["exclude"]))
        prefixes, suffixes = at_position(found["prefix"], "end"), at_position(found["suffix"], "start")
        possessive = self.lexicon["possessive"]
        joined: list[Candidate] = []
        for row in rows:   # a prefix starts after the row before: "two days later this week" has no "later this week"
            joined.append(self.attach_affixes(row, prefixes, suffixes,
                                              row.end < len(doc) and doc[row.end].lower_ in possessive,
                                              joined[-1].end if joined else 0))
        return join_ranges(doc, joined, set(self.lexicon["range_words"]) | set(self.lexicon["dashes"]))

    def _across_amount(self, doc: Doc, start: int, end: int) -> bool:
        """A match that runs from an amount's scale word into a number ("million five years ago",
        "$4 billion three years ago"): two numbers, the amount's and the count's, which the
        shorter match from the count on reads alone."""
        number_words = self.lexicon["number_words"]
        return any(doc[i].lower_ in self.amount_scales and (doc[i + 1].lower_ in number_words or doc[i + 1].like_num)
                   for i in range(start, end - 1))

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
        lower, shape = column(doc, LOWER), column(doc, SHAPE)
        hits = np.flatnonzero(among(lower, self.trigger_lower) | among(shape, self.trigger_shape)).tolist()
        windows = merge_windows([(max(0, i - self.window), min(len(doc), i + self.window + 1), i) for i in hits])
        # an unbounded exclusion runs only in the windows that hold a word it needs ("Street")
        lower_ids = word_ids(doc, LOWER)
        matches = self.window_matcher(doc, [(start, end) for start, end, _ in windows], lower_ids)
        near_cores: list[tuple[int, int]] = []
        for start, end, positions in windows:
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
                    before, after = group.reach
                    spans = [(max(start, i - before), min(end, i + after + 1), i) for i in triggers]
                    if len(spans) > 1:   # most groups have one trigger in the window: nothing to merge
                        spans = merge_windows(spans)
                for a, b, _ in spans:
                    found = self._run(group.matcher, doc, a, b)
                    matches.extend(found)
                    cores.extend((s, e) for _, s, e in found)
            near = sorted((max(start, s - self.affix_reach), min(end, e + self.affix_reach), s) for s, e in cores)
            near_cores.extend((a, b) for a, b, _ in merge_windows(near))
        # each stretch next to core matches runs only the affixes whose words it holds
        return matches + self.matcher(doc, near_cores, lower_ids)

    @staticmethod
    def _run(matcher: Matcher, doc: Doc, start: int, end: int) -> list[tuple[int, int, int]]:
        return [(k, s + start, e + start) for k, s, e in matcher(doc[start:end])]

    @staticmethod
    def attach_affixes(row: Candidate, prefixes: dict[int, list[Candidate]],
                       suffixes: dict[int, list[Candidate]], before_possessive: bool = False,
                       floor: int = 0) -> Candidate:
        """``prefixes`` by their end, ``suffixes`` by their start (``at_position``). A date in the
        possessive takes no prefix: the words before it are the noun's it qualifies ("to get around
        Wednesday's ruling", "under last year's rules"). No prefix starts before ``floor`` (the end of
        the row before)."""
        start, end, kind = row.start, row.end, row.rule.kind
        suf = [s for s in suffixes.get(end, ()) if kind in s.rule.applies_to or row.rule.id in s.rule.applies_to]
        best = max(suf, key=lambda s: s.end) if suf else None
        # a phrase with a fixed value ("the future") takes no modifier: "about the future" is a topic; a
        # prefix may apply to the suffix the row takes ("the" + "Memorial Day" + "weekend")
        pre = [p for p in prefixes.get(start, ())
               if (kind in p.rule.applies_to or best is not None and best.rule.id in p.rule.applies_to)
               and row.rule.value is None and not before_possessive and p.start >= floor]
        if pre:
            start = min(p.start for p in pre)
        if best:
            end, kind = best.end, best.rule.kind_to or kind
        if (start, end, kind) == (row.start, row.end, row.rule.kind):
            return row
        return Candidate(start, end, row.rule._replace(kind=kind))

    def set_annotations(self, doc: Doc, rows: list[Candidate]) -> None:
        anchor = _anchor(doc._.doc_date)
        if "dates" not in doc.spans:
            doc.spans["dates"] = []
        narrative = Narrative(anchor=anchor)   # the date the text last spoke about
        sents = SentenceIndex(doc)   # Span.sent walks the sentence on every call
        text = doc._.text   # (Doc.text joins every token's text again on every call)
        resolved = []
        for row in rows:
            span = doc[row.start:row.end]
            sentence = sents.number(row.start)
            ref = None if alone_on_line(text, span.start_char, span.end_char) else narrative.reference(sentence)
            if self._points_back(span):   # "the following month": the one told of, in its own sentence first
                ref = narrative.antecedent(sentence) or ref or narrative.reference(sentence, ANAPHORIC_REACH)
            compared = self._compared(span, sents.starts[sentence])
            read = self._features(span)
            if not timex.is_quarter(ref) and self._on_report_quarter(read, ref, compared):
                ref = narrative.report_quarter(sentence) or ref
            tense = tense_of(self.tense_words, doc, span, sents.starts[sentence], sents.ends[sentence])
            try:
                attrs = timex.interpret([t.text for t in span], row.rule.kind, anchor, self.lexicon,
                                        row.rule.value, row.rule.relative, ref, tense == "future", tense == "past",
                                        compared, read)
            except timex.NotATimex:   # "Briefing Note 2024/17": no range of years
                continue
            except (ValueError, KeyError, OverflowError):   # an unreadable value must not lose the span
                attrs = timex.interpret([], row.rule.kind, None, self.lexicon)
            span, attrs = self._length_of_shift(span, row.rule.kind, attrs, anchor)
            if resolved and resolved[-1][2] == sentence:
                self._ended_on(resolved[-1][1], resolved[-1][3], span, attrs, narrative)
            # a relative date in a forecast ("will post a fourth-quarter loss") is no time told of, unless
            # it is over ("expects to report a third-quarter loss" in November), nor the start of a span
            # up to now ("since February 2022": the text stays at its own time)
            before = doc[span.start - 1].lower_ if span.start else ""
            if (tense != "future" or not attrs.get("is_relative") or _over(attrs, anchor)) \
                    and before not in self.lexicon["untold_after"]:
                narrative.tell(sentence, *as_told(attrs, anchor))
            if row.rule.id == HOLIDAY_RULE:
                self.holidays.resolve(attrs, span, anchor, tense == "future")
            resolved.append((row, span, sentence, attrs))
        # from the last: "at 2 p.m. local time (1300 GMT) on Wednesday" - the restated time takes the
        # day first, then the time before it takes the restated time's day. A clock time right before
        # the day it takes is one time with it ("12:01 a.m. last Thursday", "6 a.m. Monday, 8 September",
        # "5:00 p.m. Eastern Time today"), as "10 a.m. Sunday" is (dates.time.clock_day)
        for i in range(len(resolved) - 2, -1, -1):
            (row, span, sentence, attrs), (_, after, after_sentence, day) = resolved[i], resolved[i + 1]
            if after_sentence == sentence and self._on_day(attrs, span, after, day, anchor) \
                    and after.start == span.end:
                resolved[i] = (row._replace(rule=row.rule._replace(id=CLOCK_DAY_RULE, kind="time")),
                               doc[span.start:after.end], sentence, attrs)
                del resolved[i + 1]
        # then a clock time still on the document date takes the day written right before it ("is
        # scheduled to land on Saturday, November 7th, at about noon": a forecast tells the narrative nothing)
        for i in range(1, len(resolved)):
            if resolved[i - 1][2] == resolved[i][2]:
                self._on_day(resolved[i][3], resolved[i][1], resolved[i - 1][1], resolved[i - 1][3], anchor)
        for row, span, _, attrs in resolved:
            extensions.add_row(doc, "dates", span, row.rule.id, attrs)

    def _length_of_shift(self, span, kind: str, attrs: dict, anchor: date | None) -> tuple:
        """A length with "later" or "earlier" that no date told of anchors ("A minute and a half
        later, the doors opened", "Three days later, the index was down"): it counts from an event
        of the story, not from the document date, so the row is the length, without the word, which
        TimeML leaves outside the expression as a signal (``length_shifts``: the coarsest unit it
        holds for; "a year earlier" compares a report's period with the one a year before it, which
        the document date does anchor). A date the narrative was on keeps the date ("The ferry left
        on Monday. Three days later it docked": Thursday)."""
        last = span[-1].lower_ if len(span) > 1 else ""
        coarsest = self.lexicon["length_shifts"].get(last)
        if kind != "date" or coarsest is None or not attrs.get("value") \
                or (attrs.get("anchor_date") != (anchor.isoformat() if anchor else None)
                    and attrs["value"] not in ("PAST_REF", "FUTURE_REF")):
            return span, attrs
        length = span[:-1]
        words = [t.text for t in length]
        unit = timex.features(words, self.lexicon).get("unit")
        if unit not in timex_values.UNIT_ORDER \
                or timex_values.UNIT_ORDER.index(unit) > timex_values.UNIT_ORDER.index(coarsest):
            return span, attrs
        return length, timex.interpret(words, "duration", anchor, self.lexicon)

    def _ended_on(self, period, attrs: dict, day, day_attrs: dict, narrative: Narrative) -> None:
        """A quarter or half whose year came from the anchor, pinned down by the day it ended
        ("the second quarter ended Oct. 31", ``period_end_words``), is named for that day's year,
        as reports name fiscal quarters ("the fourth quarter ended Aug. 26": that year's fourth;
        "In the year-ago quarter, the second quarter ended Oct. 31" in a story of Oct. 27, 1989:
        1988's second, the day being last year's). A quarter without its number that no quarter told
        of before names ("for the quarter ended Feb. 28") is the one that holds the day."""
        value, end_day = attrs.get("value") or "", day_attrs.get("value") or ""
        if day.start != period.end + 1 or day.doc[period.end].lower_ not in self.lexicon["period_end_words"] \
                or not attrs.get("is_relative") or attrs.get("granularity") not in ("quarter", "half") \
                or day_attrs.get("granularity") != "day" or not end_day[:4].isdigit() or not value[:4].isdigit():
            return
        anchor = narrative.anchor.isoformat() if narrative.anchor else None
        if attrs["granularity"] == "quarter" and attrs.get("anchor_date") == anchor \
                and not self._features(period).get("ordinal"):
            named = timex_values.value_at(date.fromisoformat(end_day[:10]), "quarter")
        else:
            named = end_day[:4] + value[4:]
        if named == value:
            return
        start, end, _ = timex.interval(named)
        attrs.update(value=named, start_date=start.isoformat(), end_date=end.isoformat())
        narrative.restate(value, attrs["value"])

    def _points_back(self, span) -> bool:
        """A word of the span points back into the narrative ("the following month", "that
        quarter", "the previous Friday", "the next day", "the week before"): it is anaphoric and
        no shift word ("a year earlier" counts from the document date when the text spoke of no
        date just before)."""
        return any((t.lower_ in self.lexicon["anaphoric"] and t.lower_ not in self.lexicon["shift_words"])
                   or t.lower_ in self.lexicon["narrative_shift"]
                   or (t.lower_ in self.lexicon["anaphoric_after_the"] and t.i > span.start
                       and t.nbor(-1).lower_ == "the") for t in span)

    def _compared(self, span, start: int) -> bool:
        """The span is a comparison's baseline: a word of ``comparison_words`` ("from", "compared
        with", "against") before it in its clause, with the figure compared between them or the
        span in the possessive before it ("rose to $9 million from $7 million last year", "up from
        last year's $1.55 billion"; "no profit from discontinued operations, last year they
        contributed" compares nothing)."""
        doc, words = span.doc, self.tense_words
        lower = word_ids(doc, LOWER)
        for i in range(span.start - 1, max(start, span.start - COMPARISON_WINDOW) - 1, -1):
            word = lower[i]
            if word in words["comparison_words"]:
                return any(t.like_num for t in doc[i + 1:span.start]) or \
                    (span.end < len(doc) and lower[span.end] in words["possessive"])
            if word in words["tense_breaks"] or word in words["reporting_verbs"] or word in words["forward_breaks"]:
                return False
        return False

    def _features(self, span) -> dict:
        """``timex.features`` of the span's words, read once per wording in a run (news repeats
        "Tuesday", "last year", "the quarter"); the dict returned is shared: not to be changed."""
        words = tuple(t.text for t in span)
        f = self.read_words.get(words)
        if f is None:
            if len(self.read_words) >= READ_WORDS_KEPT:
                self.read_words.clear()
            f = self.read_words[words] = timex.features(list(words), self.lexicon)
        return f

    def _on_report_quarter(self, f: dict, ref: str | None, compared: bool = False) -> bool:
        """The words speak of the quarter a report is about: "the quarter", "the latest period"
        (a quarter without a number), or look back a year from it ("a year earlier", "a year
        ago", "year-earlier") with no date told of just before. Such words keep to the last
        quarter named a few sentences back (``Narrative.report_quarter``) even when a month or day
        came in between: "the fiscal first quarter ... Earlier this month, the company said it
        expected to break even for the quarter" is the first quarter."""
        if f.get("unit") == "quarter":
            return not any(f.get(k) for k in ("ordinal", "year", "num", "year_rel"))
        if compared and f.get("unit") == "year" and f.get("rel") == -1:
            return True   # "compared with $6.1 million last year"
        return ref is None and f.get("unit") == "year" and f.get("shift") == -1 and f.get("num") in (1, None)

    def _on_day(self, attrs: dict, span, day_span, day: dict, anchor: date | None) -> bool:
        """A clock time put on the document date, or on the day the story was on, takes the day
        written right after it, in its clause: "at 10:35 a.m. (0735 GMT) Friday", "at 7 a.m. two
        weeks ago"; so does one restated with its day ("at 4 in the morning (4 a.m. EDT Thursday)"),
        or one written right after its day ("on Saturday, November 7th, at about noon"). True when it
        took the day."""
        value, day_value = attrs.get("value") or "", day.get("value") or ""
        between = span.doc[span.end:day_span.start] if day_span.start >= span.end else span.doc[day_span.end:span.start]
        if anchor is None or attrs.get("kind") != "time" or day.get("granularity") != "day" \
                or day.get("kind") not in ("date", "time") or ("T" in day_value) != (day.get("kind") == "time") \
                or not day_value[:1].isdigit() \
                or not attrs.get("anchor_date") or not value.startswith(attrs["anchor_date"] + "T") \
                or (len(between) > DAY_AFTER_GAP and _outside_brackets(between) > DAY_AFTER_GAP):
            return False
        if day_span.start < span.start:   # only prepositions (and a comma) between the day and its time
            if span.doc[span.start].is_sent_start \
                    or any(t.lower_ not in self.lexicon["day_then_clock"] for t in between):
                return False
        elif any(t.is_sent_start or t.lower_ in self.lexicon["clause_breaks"] for t in between):
            return False   # "opens at 9 a.m. and closes Friday": another clause
        if day_value[10:11] == "T" and day_value[11:12].isdigit() and day_value[11:16] != value[11:16]:
            return False   # "at 4:40 a.m. (2040 GMT Thursday)": another zone's hour, whose day may not be this one's
        attrs.update(value=day_value[:10] + self._half_of_day(value[10:], day_value[10:], span),
                     start_date=day["start_date"], end_date=day["end_date"],
                     anchor_date=day.get("anchor_date"), is_relative=day.get("is_relative"))
        return True

    def _half_of_day(self, clock: str, part: str, span) -> str:
        """The hour of a clock time with no a.m. or p.m., in the half of the day that the part of the day
        written after it says: "shortly before 9 o'clock on Tuesday evening" is 21:00."""
        if part[1:] not in self.pm_parts or not clock[1:3].isdigit() or int(clock[1:3]) >= 12 \
                or self._features(span).get("ampm"):
            return clock
        return f"T{int(clock[1:3]) + 12:02d}{clock[3:]}"


def _outside_brackets(tokens) -> int:
    """How many of ``tokens`` are outside round brackets (a restatement in brackets is an aside)."""
    depth = n = 0
    for t in tokens:
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth = max(0, depth - 1)
        elif not depth:
            n += 1
    return n


def _over(attrs: dict, anchor: date | None) -> bool:
    """The date's interval ended before the document date."""
    end = attrs.get("end_date")
    return anchor is not None and bool(end) and end < anchor.isoformat()


def _anchor(doc_date) -> date | None:
    """The document date as a ``date``; an unreadable one counts as unknown (no guessing)."""
    if isinstance(doc_date, date):
        return doc_date
    try:
        return date.fromisoformat(str(doc_date)[:10]) if doc_date else None
    except ValueError:
        return None
