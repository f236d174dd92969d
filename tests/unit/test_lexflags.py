"""Word-set tests as lexeme flags: the Matcher finds exactly what it found with the tests as written."""
from __future__ import annotations

import pytest
import spacy
from spacy.errors import MatchPatternError
from spacy.matcher import Matcher

from claimspan.components import lexflags

PATTERNS = [
    [{"LOWER": {"IN": ["may", "june"]}, "IS_LOWER": False}, {"SHAPE": {"IN": ["dddd"]}}],
    [{"TEXT": {"REGEX": r"^\d"}, "OP": "?"}, {"LOWER": {"NOT_IN": ["of", "the"]}, "IS_ALPHA": True}],
    [{"ORTH": {"IN": ["No", "no"]}}, {"ORTH": "."}, {"LIKE_NUM": True}],
    [{"LOWER": {"IN": ["Upper"]}}],   # the Matcher compares values as written: never matches
]
TEXT = "In May 2020 and june 1999 (not may 2020), 3 cats of the No. 5 Upper case; MAY 2021 and Zebra 2020."


def _matches(nlp, fast: bool):
    matcher = Matcher(nlp.vocab, validate=not fast)
    for i, pattern in enumerate(PATTERNS):
        if fast:
            lexflags.add(matcher, f"p{i}", [pattern])
        else:
            matcher.add(f"p{i}", [pattern])
    return matcher(nlp(TEXT))   # words first seen after the flags were set get them too


def test_same_matches_as_the_tests_as_written():
    nlp = spacy.blank("en")
    assert _matches(nlp, fast=True) == _matches(spacy.blank("en"), fast=False)
    assert any(isinstance(g, lexflags.WordTest) for g in nlp.vocab.lex_attr_getters.values())


def test_same_word_set_shares_a_bit():
    nlp = spacy.blank("en")
    first = lexflags.fast_pattern(nlp.vocab, [{"LOWER": {"IN": ["b", "a"]}}])
    again = lexflags.fast_pattern(nlp.vocab, [{"LOWER": {"IN": ["a", "b"]}}])
    assert first == again and "LOWER" not in first[0]


def test_only_tokens_that_can_start_a_match_are_rewritten():
    nlp = spacy.blank("en")
    out = lexflags.fast_pattern(nlp.vocab, [{"LOWER": {"IN": ["a"]}, "OP": "?"}, {"LOWER": {"IN": ["b"]}},
                                            {"LOWER": {"IN": ["c"]}}])
    assert "LOWER" not in out[0] and "LOWER" not in out[1] and out[2] == {"LOWER": {"IN": ["c"]}}


def test_bad_patterns_are_still_rejected():
    with pytest.raises(MatchPatternError):
        lexflags.add(Matcher(spacy.blank("en").vocab, validate=False), "bad", [[{"LOWER": {"INN": ["a"]}}]])


def test_sparse_matcher_finds_what_the_matcher_finds_in_the_same_order():
    nlp = spacy.blank("en")
    patterns = {"num": [[{"TEXT": {"REGEX": r"^\d"}}], [{"LOWER": {"IN": ["a", "an"]}}, {"LOWER": {"IN": ["dozen", "few"]}}]],
                "opt": [[{"LOWER": "the", "OP": "?"}, {"LOWER": {"IN": ["may", "june"]}}, {"IS_DIGIT": True, "OP": "?"}]],
                # word sets on the case-sensitive text and on the shape: read from their own columns
                "cased": [[{"TEXT": {"IN": ["May", "Dozen"]}}, {"IS_PUNCT": True}], [{"ORTH": {"IN": ["few"]}}]],
                "shape": [[{"SHAPE": {"IN": ["dd"]}}, {"LOWER": "and"}]]}
    sparse, plain = lexflags.SparseMatcher(nlp.vocab), Matcher(nlp.vocab)
    for key, pats in patterns.items():
        sparse.add(key, pats)
        plain.add(key, pats)
    assert sparse.longest == 3
    doc = nlp(TEXT + " A dozen, an few; the June 5 and the may. May, 12 and Few Dozen;")
    assert sparse(doc) == plain(doc) and len(plain(doc)) > 5
    assert {nlp.vocab.strings[k] for k, _, _ in plain(doc)} >= {"cased", "shape"}


def test_sparse_matcher_without_a_first_token_test_runs_everywhere():
    nlp = spacy.blank("en")
    sparse = lexflags.SparseMatcher(nlp.vocab)
    sparse.add("quote", [[{"IS_QUOTE": True}, {"LOWER": {"IN": ["a"]}}]])
    assert sparse.longest is None and sparse(nlp('" a " b')) == [(nlp.vocab.strings["quote"], 0, 2)]


def test_triggered_matcher_finds_in_each_window_what_one_matcher_finds():
    nlp = spacy.blank("en")
    patterns = {"clock": [[{"TEXT": {"REGEX": r"^\d"}}, {"LOWER": {"IN": ["a.m.", "p.m."]}}]],
                "code": [[{"TEXT": {"REGEX": r"^\d"}}, {"LOWER": "u.s.c."}]],
                "title": [[{"IS_TITLE": True}, {"IS_DIGIT": True}]],          # no required word: every window
                "one": [[{"LOWER": "one"}, {"LOWER": {"IN": ["of", "who"]}, "OP": "?"}]]}
    triggered, plain = lexflags.TriggeredMatcher(nlp.vocab), Matcher(nlp.vocab)
    for key, pats in patterns.items():
        triggered.add(key, pats)
        plain.add(key, pats)
    doc = nlp("At 9 a.m. one of Route 66 fans cited 42 U.S.C. and 7 p.m. , one who saw Gate 5 .")
    windows = [(0, 6), (6, 12), (12, len(doc))]
    expected = sorted((k, a + s, a + e) for a, b in windows for k, s, e in plain(doc[a:b]))
    assert len(triggered.groups) == 4 and len(triggered) == 4
    # a set of triggers is run trigger by trigger until the calls one Matcher would have saved
    # pay for building it, then gets one Matcher
    triggered.CALLS_PER_PATTERN = 2
    assert sorted(triggered(doc, windows[:1])) == [m for m in expected if m[2] <= 6] and triggered.matchers == {}
    for _ in range(4):
        assert sorted(triggered(doc, windows)) == expected and len(expected) >= 6
    assert 1 < len(triggered.matchers) <= 3
    assert triggered(doc, []) == []
    # run trigger by trigger, each group sees only the tokens its patterns reach from its trigger
    fresh = lexflags.TriggeredMatcher(nlp.vocab)
    for key, pats in patterns.items():
        fresh.add(key, pats)
    assert sorted(fresh(doc, [(0, len(doc))])) == sorted(plain(doc)) and fresh.matchers == {}


def test_triggered_matcher_takes_flag_bits_only_at_its_first_call():
    """The bits are few: a Matcher that sees every token, built after it, must not find them taken."""
    nlp = spacy.blank("en")
    triggered = lexflags.TriggeredMatcher(nlp.vocab)
    triggered.add("clock", [[{"TEXT": {"REGEX": r"^\d"}}, {"LOWER": {"IN": ["a.m.", "p.m."]}}]])

    def bits():
        return sum(isinstance(g, lexflags.WordTest) for g in nlp.vocab.lex_attr_getters.values())

    assert bits() == 0
    doc = nlp("At 9 a.m. sharp")
    assert triggered(doc, [(0, len(doc))]) == [(nlp.vocab.strings["clock"], 1, 3)] and bits() == 1


def test_build_pending_builds_the_triggered_matchers_of_one_vocabulary():
    """build_nlp builds them once every component is, while the vocabulary is small."""
    nlp, other = spacy.blank("en"), spacy.blank("en")
    mine, theirs = lexflags.TriggeredMatcher(nlp.vocab), lexflags.TriggeredMatcher(other.vocab)
    for matcher in (mine, theirs):
        matcher.add("clock", [[{"TEXT": {"REGEX": r"^\d"}}, {"LOWER": {"IN": ["a.m.", "p.m."]}}]])
    lexflags.build_pending(nlp.vocab)
    assert len(mine.group_matchers) == 1 and theirs.group_matchers == []
    assert any(isinstance(g, lexflags.WordTest) for g in nlp.vocab.lex_attr_getters.values())
    doc = nlp("At 9 a.m. sharp")
    assert mine(doc, [(0, len(doc))]) == [(nlp.vocab.strings["clock"], 1, 3)]
