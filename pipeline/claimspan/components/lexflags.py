"""Matcher word-set tests as lexeme flags, so that spaCy tests them in C.

spaCy's Matcher tests a plain value (``{"LOWER": "may"}``) in C, but an ``IN``,
``NOT_IN`` or ``REGEX`` test is a Python call per token and per distinct test:
with a hundred patterns over word classes that was most of the time of the
dates and claims components. A test on ORTH, LOWER or SHAPE depends only on the
word, so its answer can be stored once per vocabulary entry as one of the
lexeme's boolean flags (the mechanism of ``Vocab.add_flag``: existing entries are
set now, new words when the vocabulary first sees them). The pattern then tests
the flag (``{"FLAG40": True}``), in C. The patterns keep their structure, so the
Matcher finds the same matches in the same order.

A lexeme has 45 free flag bits (FLAG19..FLAG63), shared by every component on
the vocabulary; the same word set reuses its bit. A test left without a bit stays
as it was: slower, never different.

Over 300 lines: the three ways of running a Matcher cheaply (flag bits,
sparse starts, triggered stretches) share the reading of patterns
(``fast_pattern``, ``required_words``) and the bits themselves.
"""
from __future__ import annotations

import re
import weakref
from bisect import bisect_left

import numpy as np
from spacy.attrs import IDS, LOWER, SHAPE
from spacy.errors import MatchPatternError
from spacy.matcher import Matcher
from spacy.schemas import validate_token_pattern
from spacy.vocab import Vocab

from claimspan.components.candidates import merge_windows
from claimspan.components.docarrays import WORD_COLUMNS, among, column, word_ids

FREE_BITS = range(19, 64)   # FLAG19..FLAG63; the bits below are spaCy's own (IS_ALPHA, LIKE_NUM, ...)
FLAG_NAME = {bit: f"FLAG{bit}" for bit in FREE_BITS}
assert all(IDS[name] == bit for bit, name in FLAG_NAME.items())
WORD_ATTRS = {"ORTH": None, "TEXT": None, "LOWER": LOWER, "SHAPE": SHAPE}   # lexical: a function of the word alone


class WordTest:
    """``f(word) -> bool``: one Matcher test on a lexical attribute (picklable, comparable)."""

    def __init__(self, vocab: Vocab, attr: str, op: str, values):
        self.key = (attr, op, tuple(sorted(values)) if op != "REGEX" else values)
        getter = WORD_ATTRS[attr]
        self.attr_of = vocab.lex_attr_getters[getter] if getter is not None else None
        # the Matcher compares string hashes, so values are matched as written (not lower-cased)
        self.words = frozenset(values) if op != "REGEX" else None
        self.regex = re.compile(values) if op == "REGEX" else None

    def __call__(self, string: str) -> bool:
        value = self.attr_of(string) if self.attr_of is not None else string
        if self.regex is not None:
            return bool(self.regex.search(value))
        return value in self.words


def flag_for(vocab: Vocab, test: WordTest) -> int | None:
    """The lexeme flag holding ``test``'s answer for every word; None when no bit is free."""
    getters = vocab.lex_attr_getters
    for bit in FREE_BITS:
        if isinstance(getters.get(bit), WordTest) and getters[bit].key == test.key:
            return bit
    bit = next((b for b in FREE_BITS if b not in getters), None)
    if bit is None:
        return None
    for lex, orth in _entries(vocab):
        lex.set_flag(bit, test(orth))
    getters[bit] = test
    return bit


_LISTED: list = [None, -1, []]   # the vocabulary last listed, its size then, its (Lexeme, string) entries


def _entries(vocab: Vocab) -> list:
    """``vocab``'s entries with their strings, listed again only when it has grown: a pipeline's
    build takes some 150 flags over a vocabulary of ~1,000 words, and making its Lexeme objects
    anew for each was a sixth of the build (serial, before any worker starts). One vocabulary
    is held (a Vocab takes no weak reference): the last one flagged."""
    if _LISTED[0] is not vocab or _LISTED[1] != len(vocab):
        _LISTED[:] = [vocab, len(vocab), [(lex, lex.orth_) for lex in vocab]]
    return _LISTED[2]


def validate(key: str, patterns: list[list[dict]]) -> None:
    """spaCy's check of the patterns as written (MatchPatternError naming ``key``)."""
    errors = {i: validate_token_pattern(p) for i, p in enumerate(patterns)}
    if any(errors.values()):
        raise MatchPatternError(key, errors)


def add(matcher: Matcher, key: str, patterns: list[list[dict]], flags: bool = True) -> list[list[dict]]:
    """``matcher.add(key, patterns)`` with the patterns validated as written, then added
    in their fast form. ``matcher`` is built with ``validate=False``: spaCy's schema
    does not know the FLAG attributes. ``flags=False`` keeps the tests as written,
    for a Matcher that only ever sees a few tokens: the bits are better spent on
    one that sees every token."""
    validate(key, patterns)
    patterns = [fast_pattern(matcher.vocab, p) for p in patterns] if flags else patterns
    matcher.add(key, patterns)
    return patterns


def fast_pattern(vocab: Vocab, pattern: list[dict]) -> list[dict]:
    """``pattern`` with the IN / NOT_IN / REGEX tests on ORTH, LOWER, SHAPE of the tokens
    that can start a match as flag tests.

    Only those run at every token (a later token is tested only where a match has
    begun), and the bits are few, so the other tests stay as written."""
    out = []
    for k, spec in enumerate(pattern):
        starts = all(s.get("OP") in ("?", "*") for s in pattern[:k])
        out.append(_fast_token(vocab, spec) if starts else spec)
    return out


def _fast_token(vocab: Vocab, spec: dict) -> dict:
    spec = dict(spec)
    for attr in [a for a in spec if a.upper() in WORD_ATTRS and isinstance(spec[a], dict)]:
        kept = {}
        for op, values in spec.pop(attr).items():
            op = op.upper()
            bit = flag_for(vocab, WordTest(vocab, attr.upper(), op, values)) if _convertible(op, values) else None
            if bit is None:
                kept[op] = values
            else:
                spec[FLAG_NAME[bit]] = op != "NOT_IN"
        if kept:
            spec[attr] = kept
    return spec


def _convertible(op: str, values) -> bool:
    if op == "REGEX":
        return isinstance(values, str)
    return op in ("IN", "NOT_IN") and isinstance(values, list) and all(isinstance(v, str) for v in values)


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


def _longest(patterns) -> int | None:
    """Tokens in the longest match of any of ``patterns`` (None: no bound).

    >>> _longest([[{"ORTH": "a"}, {"ORTH": "b", "OP": "?"}], [{"ORTH": "c"}]]), _longest([[{"OP": "+"}]])
    (2, None)
    """
    longest = 0
    for pattern in patterns:
        most = [_most(t.get("OP")) for t in pattern]
        if None in most:
            return None
        longest = max(longest, sum(most))
    return longest


def around(pattern: list[dict], trigger: tuple[bool, frozenset], plus: int | None = None) -> tuple[int, int] | None:
    """Tokens a match of ``pattern`` reaches before and after its token of the ``trigger`` set
    (``required_words``' (is_shape, words)), counting the trigger's own item when it repeats;
    None when unbounded. ``plus``: the tokens an "X+" item is taken to span at most (else unbounded).

    >>> around([{"LOWER": "last"}, {"LOWER": "year"}], (False, frozenset({"year"})))
    (1, 0)
    >>> around([{"LOWER": "x", "OP": "?"}, {"LOWER": "y", "OP": "{1,3}"}, {"LOWER": "z"}], (False, frozenset({"y"})))
    (3, 3)
    """
    at = next(i for i, token in enumerate(pattern) if trigger in required_words([token]))

    def most(tokens):
        n = [plus if t.get("OP") == "+" and plus is not None else _most(t.get("OP")) for t in tokens]
        return None if None in n else sum(n)
    own, before, after = most(pattern[at:at + 1]), most(pattern[:at]), most(pattern[at + 1:])
    return None if None in (own, before, after) else (before + own - 1, after + own - 1)


def widest(reaches: list) -> tuple[int, int] | None:
    """The farthest of several (before, after) reaches on each side (None if one is unbounded)."""
    if None in reaches:
        return None
    return max(r[0] for r in reaches), max(r[1] for r in reaches)


def _most(op: str | None) -> int | None:
    """How many tokens a pattern token with operator ``op`` may match (None: no bound).

    >>> [_most(op) for op in (None, "?", "!", "{3}", "{1,6}", "+", "*", "{2,}")]
    [1, 1, 1, 3, 6, None, None, None]
    """
    if op in ("+", "*") or op is not None and op.endswith(",}"):
        return None
    if op is not None and op.startswith("{"):
        return int(op.strip("{}").split(",")[-1])
    return 1


class SparseMatcher:
    """A Matcher over whole Docs, run only on the tokens where one of its matches can start.

    A match starts at a token that passes a test of one of the pattern tokens that
    can come first (the first, and the next ones while those before are optional).
    Those tests are flag bits or plain LOWER / ORTH values, which numpy reads for
    every token at once from ``Doc.to_array``; the Matcher then sees only the
    stretches from such a token to the longest pattern's length (it makes a Python
    Token for every token it sees). Same matches, in the same order. A pattern with
    "+" / "*" or a first token without such a test makes it run on the whole Doc.
    """

    def __init__(self, vocab: Vocab):
        self.matcher = Matcher(vocab, validate=False)
        self.conditions: set[tuple[int, int]] = set()   # (attribute id, value): a match may start here
        self.longest: int | None = 0                     # tokens in the longest pattern; None: unbounded
        self.tests: tuple | None = None                  # the conditions as read per Doc (``_start_tests``)

    def add(self, key: str, patterns: list[list[dict]]) -> None:
        strings = self.matcher.vocab.strings
        for pattern in add(self.matcher, key, patterns):
            length = _longest([pattern])
            self.longest = None if self.longest is None or length is None else max(self.longest, length)
            for k, spec in enumerate(pattern):
                if not all(t.get("OP") in ("?", "*") for t in pattern[:k]):
                    break
                condition = next(((IDS[a], 1) for a, v in spec.items() if a.startswith("FLAG") and v is True), None) \
                    or next(((IDS["ORTH" if a.upper() == "TEXT" else a.upper()], strings.add(v))
                             for a, v in spec.items() if a.upper() in ("LOWER", "ORTH", "TEXT") and isinstance(v, str)),
                            None)
                if condition is None:
                    self.longest = None   # a first token with no such test: no filter
                else:
                    self.conditions.add(condition)
        self.tests = None

    def __len__(self):
        return len(self.matcher)

    def _start_tests(self) -> tuple[dict[int, np.ndarray], list[int]]:
        """(word column -> the sorted ids a match may start with; the flag bits left to read).
        A flag that holds a word set (an IN test) is that set's ids in the column it tests:
        the word columns are read once per Doc, while ``Doc.to_array`` of flag bits costs
        tens of microseconds a Doc whatever else has read them; a REGEX flag is read as a bit."""
        strings, getters = self.matcher.vocab.strings, self.matcher.vocab.lex_attr_getters
        ids: dict[int, set[int]] = {}
        flags = []
        for attr, value in self.conditions:
            test = getters.get(attr) if attr not in WORD_COLUMNS else None
            if attr in WORD_COLUMNS:
                ids.setdefault(attr, set()).add(value)
            elif isinstance(test, WordTest) and test.words is not None and test.key[1] == "IN":
                ids.setdefault(IDS["ORTH" if test.key[0] == "TEXT" else test.key[0]], set()).update(
                    strings.add(w) for w in test.words)
            else:
                flags.append(attr)
        return {a: np.array(sorted(v), dtype="uint64") for a, v in ids.items()}, sorted(flags)

    def __call__(self, doc) -> list[tuple[int, int, int]]:
        if self.longest is None or not len(doc):
            return self.matcher(doc)
        if self.tests is None:
            self.tests = self._start_tests()
        ids, flags = self.tests
        can_start = np.zeros(len(doc), dtype=bool)
        for attr, keys in ids.items():
            can_start |= among(column(doc, attr), keys)
        if flags:
            can_start |= doc.to_array(flags).reshape(len(doc), len(flags)).any(axis=1)
        matches, start, end = [], None, None
        for i in np.flatnonzero(can_start).tolist() + [None]:
            if i is not None and end is not None and i <= end:
                end = min(len(doc), i + self.longest)
                continue
            if end is not None:
                matches.extend((k, s + start, e + start) for k, s, e in self.matcher(doc[start:end]))
            if i is not None:
                start, end = i, min(len(doc), i + self.longest)
        return matches


class TriggeredMatcher:
    """A Matcher run on given stretches of a Doc (windows around numbers), where each
    pattern is tried only in the stretches that hold a word it cannot match without.

    A pattern's trigger is its smallest required word set (``required_words``) of content
    words (no punctuation, not only words of three letters or fewer: "to", "and", "or"),
    else its smallest set of words ("No" of "No . 1999", not the period), else its smallest;
    patterns with none are tried everywhere, and their Matchers take the flag bits first.
    The Matcher's time grows with patterns x tokens, and most patterns need a word
    ("U.S.C.", "a.m.", "street") that few stretches have. Each trigger's patterns have a
    Matcher of their own, built with the rules. A Matcher call has a fixed cost too (and makes a Token of every token it
    sees), so a set of triggers that keeps coming back gets one Matcher holding all
    its patterns. Building one costs as much as a few calls per pattern it holds, so a
    set is run trigger by trigger until the calls a joint Matcher would have saved add
    up to about its cost (the rent-or-buy rule, which costs at most about twice the
    better choice; a corpus has a few hundred sets, most of them seen once or twice). The
    matches are those of one Matcher with every pattern, perhaps in another order."""

    # Matcher calls saved, per pattern of the set, before the set gets a joint Matcher: adding
    # a pattern costs 1 to 6 calls on a stretch (measured; more with Python-tested word sets)
    CALLS_PER_PATTERN = 8
    KEEP = 2048       # joint Matchers kept (about 300 sets over TimeBank and the AP news)

    def __init__(self, vocab: Vocab):
        self.vocab = vocab
        self.groups: dict[frozenset, list[tuple[str, list[dict]]]] = {}   # trigger -> its (key, pattern)s
        self.group_matchers: list[Matcher | None] = []   # per position in self.groups: its patterns alone
        self.built = False                                # every group has its Matcher
        self.triggered: dict[int, set[int]] = {}   # LOWER id -> positions in self.groups it triggers
        self.always: set[int] = set()               # positions of the groups with no trigger
        self.matchers: dict[frozenset, Matcher] = {}   # set of positions -> a Matcher of all their patterns
        self.saved: dict[frozenset, int] = {}          # set of positions -> calls a joint Matcher would have saved
        self.sizes: list[int] = []                     # per position in self.groups: its patterns
        self.reach: list[tuple[int, int] | None] = []  # per position: tokens its matches reach before and
        #                                                after a trigger word (None: unbounded)
        self.trigger_keys: np.ndarray | None = None    # the LOWER ids of self.triggered, sorted

    def add(self, key: str, patterns: list[list[dict]]) -> None:
        validate(key, patterns)
        for pattern in patterns:
            sets = [words for is_shape, words in required_words(pattern) if not is_shape]
            # a set of content words if there is one: a dash or "to" is in most stretches ("3-to-2 decision")
            words = [w for w in sets if all(word.isalpha() for word in w)]   # else short words before "." or "-"
            telling = [w for w in words if any(len(word) > 3 for word in w)]
            trigger = min(telling or words or sets, key=lambda w: (len(w), sorted(w))) if sets else frozenset()
            # read off the pattern as written: its fast form may hold the trigger's test as a flag bit
            reach = around(pattern, (False, trigger)) if trigger else None
            if trigger not in self.groups:
                self.reach.append(reach)
                if not trigger:
                    self.always.add(len(self.groups))
                for word in trigger:
                    self.triggered.setdefault(self.vocab.strings.add(word), set()).add(len(self.groups))
                self.groups[trigger] = []
            else:
                g = list(self.groups).index(trigger)
                self.reach[g] = widest([self.reach[g], reach])
            self.groups[trigger].append((key, pattern))
        self.group_matchers, self.built = [], False   # built by build_pending or at the next call
        self.trigger_keys = None
        self.matchers.clear()
        self.saved.clear()
        if not any(ref() is self for ref in _PENDING):
            _PENDING.append(weakref.ref(self))

    def _build(self, always_only: bool = False) -> None:
        """Each trigger's Matcher, its patterns in their fast form: after every component is
        built (``build_pending``; else at the first call), so that the Matchers that see every
        token have taken the few flag bits first (a flag saves less on the few tokens of the
        stretches). ``always_only``: only the groups with no trigger, which see every token of
        every stretch (``build_pending`` builds those of every TriggeredMatcher first)."""
        if len(self.group_matchers) != len(self.groups):
            self.group_matchers = [None] * len(self.groups)
        for g, (trigger, patterns) in enumerate(self.groups.items()):
            if self.group_matchers[g] is None and not (always_only and trigger):
                matcher = Matcher(self.vocab, validate=False)
                self.groups[trigger] = [(key, add(matcher, key, [pattern])[0]) for key, pattern in patterns]
                self.group_matchers[g] = matcher
        self.built = not always_only or all(m is not None for m in self.group_matchers)
        self.sizes = [len(patterns) for patterns in self.groups.values()]

    def __len__(self):
        return sum(len(patterns) for patterns in self.groups.values())

    def _joint(self, groups: frozenset) -> Matcher:
        if len(self.matchers) >= self.KEEP:
            self.matchers.clear()
        matcher = self.matchers[groups] = Matcher(self.vocab, validate=False)
        for g, patterns in enumerate(self.groups.values()):
            if g in groups:
                for key, pattern in patterns:
                    matcher.add(key, [pattern])
        return matcher

    def __call__(self, doc, windows: list[tuple[int, int]],
                 lower: list[int] | None = None) -> list[tuple[int, int, int]]:
        """The matches in each (start, end) stretch of ``doc``, in Doc positions; ``lower``:
        the Doc's LOWER ids, when the caller has them."""
        if not windows:
            return []
        if not self.built:
            self._build()
        if lower is None:
            lower = word_ids(doc, LOWER)
        matches, hits, triggered = [], self._trigger_positions(doc, windows), self.triggered
        for a, b in windows:
            at: dict[int, list[int]] = {}   # group -> where its trigger words are in the stretch
            for k in range(a, b) if hits is None else hits[bisect_left(hits, a):bisect_left(hits, b)]:
                for g in triggered.get(lower[k], ()):
                    at.setdefault(g, []).append(k)
            groups = self.always | at.keys()
            joint = self._joint_for(frozenset(groups)) if len(groups) > 1 else None
            if joint is not None:
                matches.extend((k, a + s, a + e) for k, s, e in joint(doc[a:b]))
                continue
            for g in sorted(groups):
                matches.extend(self._run_near_trigger(doc, g, a, b, at.get(g)))
        return matches

    def _trigger_positions(self, doc, windows: list[tuple[int, int]]) -> list[int] | None:
        """The positions of every trigger word of ``doc``, for stretches that cover much of it (the
        dates' windows): each then looks up its own there. None for a few short stretches (the
        claims' windows around numbers): reading their own words costs less than a pass over the Doc."""
        if sum(b - a for a, b in windows) * 4 < len(doc):
            return None
        if self.trigger_keys is None:
            self.trigger_keys = np.array(sorted(self.triggered), dtype="uint64")
        return np.flatnonzero(among(column(doc, LOWER), self.trigger_keys)).tolist()

    def _joint_for(self, key: frozenset) -> Matcher | None:
        """The joint Matcher of a set of groups, built once the calls it would have saved pay for it."""
        matcher = self.matchers.get(key)
        if matcher is None:
            self.saved[key] = self.saved.get(key, 0) + len(key) - 1
            if self.saved[key] >= self.CALLS_PER_PATTERN * sum(self.sizes[g] for g in key):
                matcher = self._joint(key)
        return matcher

    def _run_near_trigger(self, doc, g: int, a: int, b: int, triggers: list[int] | None) -> list[tuple[int, int, int]]:
        """Group ``g``'s matches in ``doc[a:b]``, run only on the tokens its patterns reach from
        its trigger words there, at ``triggers`` (each match holds one; None: a group with no
        trigger): the Matcher makes a Token of every token it sees, and the trigger words are
        often a few tokens of a long stretch."""
        reach = self.reach[g]
        if reach is None or triggers is None:
            stretches = [(a, b, None)]
        else:
            before, after = reach
            stretches = merge_windows((max(a, k - before), min(b, k + after + 1), k) for k in triggers)
        matcher = self.group_matchers[g]
        return [(key, s + x, s + y) for s, e, _ in stretches for key, x, y in matcher(doc[s:e])]


_PENDING: list[weakref.ref] = []   # TriggeredMatchers with patterns added since they were built, in order


def build_pending(vocab: Vocab) -> None:
    """Build the TriggeredMatchers of ``vocab`` that are not built, in the order they were
    made: once every component is (``claimspan.build_nlp``), and while the vocabulary is
    small (a new flag bit is set on every entry it holds: on a vocabulary a corpus has grown,
    that is most of a second)."""
    matchers = []
    for ref in list(_PENDING):
        matcher = ref()
        if matcher is None or matcher.vocab is vocab:
            _PENDING.remove(ref)
            if matcher is not None and not matcher.built:
                matchers.append(matcher)
    for always_only in (True, False):   # every Matcher's groups with no trigger take their bits first
        for matcher in matchers:
            matcher._build(always_only)
