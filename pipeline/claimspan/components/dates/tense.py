"""The tense of a date's clause, from the words before it (rules/dates/lexicon.yaml): in a
future-tense clause a bare weekday or month looks forward from the document date, in a
past-tense one a bare month is the latest one before it. The words before the date are
searched first, then the clause's verb after it. Words only, no tagger: a trained
tagger's past tense did no better on TimeBank (lexicon.yaml, past_markers)."""
from __future__ import annotations

from spacy.attrs import LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from claimspan.components.docarrays import word_ids

FOR, TO, COMMA = get_string_id("for"), get_string_id("to"), get_string_id(",")
FUTURE_WINDOW = 25  # tokens before a date searched for a future-tense word (the sentence start bounds it too)
FORWARD_WINDOW = 12  # tokens after a date searched for its clause's verb when none comes before it
BASELINE_WINDOW = 10  # tokens searched back for a baseline's comparison word ("compared with a loss of $3 million in")
MIN_PAST_FORM = 5   # letters of a word in -ed read as a verb before a date's preposition ("bed", "red" are none)


KEYS = ("reporting_verbs", "tense_breaks", "relative_pronouns", "forward_breaks", "future_after", "past_markers",
        "past_after", "deadline_before", "deadline_words", "set_for", "possessive", "event_ahead",
        "present_schedule", "schedule_prepositions", "future_markers", "present_verbs", "not_a_verb_after",
        "scheduled_to", "future_in_past", "comparison_words", "passive_auxiliaries",
        "passive_targets", "past_verb_prepositions", "participle_before", "range_words", "am_pm", "move_verbs",
        "move_prepositions")


class TenseWords(dict):
    """The lexicon's word sets of tense and comparison as ids of the Doc's LOWER column (read once per Doc: no
    Token is made for each word looked at)."""

    def __init__(self, lexicon: dict, strings):
        super().__init__({k: frozenset(strings.add(str(w).lower()) for w in lexicon[k]) for k in KEYS})
        self.dashes = frozenset(lexicon["dashes"])
        self.participle_endings = tuple(lexicon["participle_endings"])


def tense_of(words: TenseWords, doc: Doc, span: Span, start: int, end: int | None = None) -> str | None:
    """``future`` or ``past`` from the words before the span (``_backward``); with none there,
    from the clause's verb after it (``_forward``: "In January the firm withdrew its bid",
    "On Friday the board will vote"), up to token ``end`` (the sentence end). A deadline
    word before the span ("until", ``deadline_words``) or a participle of planning ("planned for",
    ``set_for``) looks ahead unless the verb after it tells of a time gone by ("Until Thursday,
    police had not named him", "A service planned for Saturday was canceled": last Thursday,
    last Saturday). A
    deadline right before the date ("by February", ``deadline_before``) in a clause that tells no
    tense looks ahead ("the firm must repay the loan by February"), unless an auxiliary of the
    past comes before it in its clause ("sales had fallen 5% by March")."""
    end = len(doc) if end is None else end
    lower = word_ids(doc, LOWER)
    tense, word = _backward(words, doc, lower, span, start)
    if not tense and _baseline(words, doc, lower, span, start):   # nearer than a reporting verb before it
        return "past"
    if tense is None:
        # a date inside a relative clause set off by commas: the main clause's verb after it is not its
        tense = _forward(words, lower, span, end, _in_relative_clause(words, lower, start, span.start))
        if tense is None and _deadline_ahead(words, lower, span, start):
            return "future"
        return tense
    if not tense:   # a reporting verb or a clause break before the span, or an event told of
        # ... but a deadline right before the date is the reported clause's ("Forecasters expect the
        # snow to stop by Saturday"), unless its verb after the date is past
        if word is not None and _deadline_ahead(words, lower, span, start) \
                and _forward(words, lower, span, end) is None:
            return "future"
        return None
    if (word in words["deadline_words"] or word in words["set_for"]) and _forward(words, lower, span, end) == "past":
        return "past"
    return tense


def _deadline_ahead(words: TenseWords, lower: list[int], span: Span, start: int) -> bool:
    """A deadline word right before the date ("by February", ``deadline_before``) and no auxiliary of
    the past before it in its clause ("sales had fallen 5% by March")."""
    return span.start > start and lower[span.start - 1] in words["deadline_before"] \
        and not any(lower[i] in words["past_after"] for i in
                    _own_clause(words, lower, start, max(start, span.start - FUTURE_WINDOW), span.start))


def _forward(words: TenseWords, lower: list[int], span: Span, end: int, relative: bool = False) -> str | None:
    """The tense of the first word after the span that tells one, in its clause: a modal of
    the future (``future_after``), a simple past form (``past_markers``) or an auxiliary in
    the past (``past_after``: "had", "was": after the date they are its clause's verb, not
    the start of a reported future as before it). A reporting verb, a semicolon or colon, a
    relative pronoun (a clause with its own verb: "July 1, which will...") or a coordinator
    (``forward_breaks``: "met Tuesday and will meet again Friday") stops it; so does a comma when
    the span is in a ``relative`` clause set off by commas ("The president, who visited China in
    June, will travel to Japan": the June gone by)."""
    for word in lower[span.end:min(end, span.end + FORWARD_WINDOW)]:
        if relative and word == COMMA:
            return None
        if word in words["reporting_verbs"] or word in words["tense_breaks"] \
                or word in words["relative_pronouns"] or word in words["forward_breaks"]:
            return None
        if word in words["future_after"]:
            return "future"
        if word in words["past_markers"] or word in words["past_after"]:
            return "past"
    return None


def _backward(words: TenseWords, doc: Doc, lower: list[int], span: Span, start: int) -> tuple[str | None, int | None]:
    """(tense, the word that tells it), with tense ``""`` when the search stops on no tense.
    ``future`` or ``past``: the first tense word shortly before the span, in its own
    clause (its sentence starts at token ``start``): "will", "'ll"; "fell", "rose". A
    reporting verb stops the search ("said Monday it will..."): its time is not the date's;
    so does a semicolon or colon (``tense_breaks``): the words before it are another clause's.
    A future word in a hyphenated adjective ("lower-than-expected") is no tense; one after
    "had" or "previously" is a future seen from the past ("had been due to expire Friday").
    A present-tense schedule right before the date looks forward ("the vote is on Tuesday", "the
    rally is set for Monday": ``set_for``), and so
    does a verb of schedules in the present tense ("the leaders meet Monday", "the fair opens in
    July"), unless a word before it makes it a noun or an infinitive ("the visit", "to meet").
    A passive in the past ("was sentenced in December": ``passive_auxiliaries`` before a
    participle) is ``past``, unless the date is where something is moved to ("was extended to Nov. 16").
    A date in the possessive names an event already told of ("will appeal Wednesday's
    ruling"), unless a word right before it puts the event ahead ("ahead of Sunday's vote")."""
    lo = max(start, span.start - FUTURE_WINDOW)
    if span.end < len(doc) and lower[span.end] in words["possessive"]:
        before = lower[max(start, span.start - 2):span.start]   # "Wednesday's ruling": an event told of
        return ("future" if any(w in words["event_ahead"] for w in before) else ""), None
    if span.start - 2 >= start and lower[span.start - 2] in words["present_schedule"] \
            and lower[span.start - 1] in words["schedule_prepositions"]:
        return "future", None   # "the vote is on Tuesday"
    if span.start - 1 >= start and lower[span.start - 1] in words["present_schedule"]:
        return "future", None   # "the deadline is March 1"
    if span.start - 2 >= start and lower[span.start - 2] in words["set_for"] \
            and lower[span.start - 1] == FOR:   # "set for Monday"; "had been scheduled for Friday" is past
        return _ahead_or_seen_back(words, lower, lo, span.start - 2), lower[span.start - 2]
    if _past_form_before(words, doc, lower, span, start):
        return "past", lower[span.start - 2]   # "the minister resigned in July"
    for i in _own_clause(words, lower, start, lo, span.start):
        word = lower[i]
        if word in words["tense_breaks"]:
            return None, word   # "; on Saturday they will rise": the clause starts here, its verb may follow
        if word in words["present_verbs"] and i > lo:
            if lower[i - 1] not in words["not_a_verb_after"]:
                return _ahead_or_seen_back(words, lower, lo, i), word   # "they meet Monday"; "did not meet" is past
            if lower[i - 1] == TO and span.start - i <= 2 and i - 1 > lo \
                    and lower[i - 2] not in words["future_markers"] and lower[i - 2] not in words["set_for"]:
                return "future", word   # "advised passengers to travel on Saturday"; "had been due to" is seen back
        if word in words["reporting_verbs"]:   # (after the present_verbs: "we expect it to change by May")
            return "", word
        if word in words["move_verbs"] and i + 1 < span.start and lower[i + 1] in words["move_prepositions"]:
            return "future", word   # "could be extended into Thursday", "was postponed until Monday"
        if word in words["future_markers"]:
            if i > 0 and doc[i - 1].text in words.dashes and not doc[i - 1].whitespace_:
                continue
            if word in words["deadline_words"] and i > start and _past_form(words, doc, lower, i - 1, start):
                return "past", word   # "Negotiators worked until nearly midnight Saturday"
            return _ahead_or_seen_back(words, lower, lo, i), word
        if word in words["past_markers"]:
            return "past", word
        if word in words["passive_auxiliaries"] and i + 1 < span.start \
                and lower[span.start - 1] not in words["passive_targets"] and \
                (lower[i + 1] in words["past_after"] or doc[i + 1].lower_.endswith(words.participle_endings)):
            return "past", word   # "he was sentenced in December"
        if word == TO and i - 1 >= lo and lower[i - 1] in words["scheduled_to"]:
            return "future", word   # "talks are set to resume Monday"
    return None, None


def _baseline(words: TenseWords, doc: Doc, lower: list[int], span: Span, start: int) -> bool:
    """The date is a baseline's: a comparison word, then a figure, then the date, in its clause
    ("The rate was 4.1 percent, down from 4.5 percent in October", "compared with $4 billion in
    November", "up from 114 million at the end of September"). What a figure is compared with
    was stated before it: a time gone by, whatever the clause's verb. Not a range ("from 7 to 9
    Tuesday", ``range_words``) nor a clock time ("closed from 10 a.m. Monday", ``am_pm``)."""
    figure = False
    for i in _own_clause(words, lower, start, max(start, span.start - BASELINE_WINDOW), span.start):
        word = lower[i]
        if word in words["comparison_words"]:
            return figure
        if word in words["range_words"] or word in words["am_pm"] or word in words["reporting_verbs"] \
                or word in words["tense_breaks"] or doc[i].text in words.dashes:
            return False
        figure = figure or doc[i].like_num
    return False


def _past_form_before(words: TenseWords, doc: Doc, lower: list[int], span: Span, start: int) -> bool:
    """A word in -ed right before the date's preposition ("resigned in July", "peaked in September",
    ``past_verb_prepositions``) is its clause's verb in the past tense, unless a word before it makes
    it a participle or a noun's adjective ("will be completed in July", "the reduced dividend",
    ``participle_before`` and ``not_a_verb_after``) or it plans ahead ("expected in July": a future word)."""
    i = span.start - 2
    return i >= start and lower[i + 1] in words["past_verb_prepositions"] and _past_form(words, doc, lower, i, start)


def _past_form(words: TenseWords, doc: Doc, lower: list[int], i: int, start: int) -> bool:
    """Token ``i`` is a verb in -ed in the past tense ("resigned", "worked"), not a participle or a
    noun's adjective ("will be completed", "the reduced dividend": ``participle_before``,
    ``not_a_verb_after``), a future word ("expected") nor a verb of moving a date ("postponed")."""
    if not doc[i].is_alpha or len(doc[i]) < MIN_PAST_FORM or not doc[i].lower_.endswith(words.participle_endings):
        return False
    if lower[i] in words["future_markers"] or lower[i] in words["set_for"] or lower[i] in words["move_verbs"]:
        return False
    return i == start or (lower[i - 1] not in words["participle_before"]
                          and lower[i - 1] not in words["not_a_verb_after"])


def _own_clause(words: TenseWords, lower: list[int], start: int, lo: int, i: int):
    """The tokens from ``i - 1`` back to ``lo``, without a relative clause set off by commas ("The sale,
    which had been expected, is part of a program to pay down the loan by February"): its verb tells
    its own time, not the date's. The sentence starts at token ``start``."""
    while i > lo:
        i -= 1
        if lower[i] == COMMA:
            opening = _comma_before(lower, start, i)
            if opening is not None and lower[opening + 1] in words["relative_pronouns"]:
                i = opening
            continue
        yield i


def _in_relative_clause(words: TenseWords, lower: list[int], start: int, i: int) -> bool:
    """Whether token ``i`` is in a relative clause opened by a comma: the first comma before it in
    its sentence (which starts at token ``start``) is followed by a relative pronoun."""
    comma = _comma_before(lower, start, i)
    return comma is not None and comma + 1 < i and lower[comma + 1] in words["relative_pronouns"]


def _comma_before(lower: list[int], start: int, i: int) -> int | None:
    """The last comma before token ``i`` in a sentence that starts at token ``start``."""
    return next((j for j in range(i - 1, start - 1, -1) if lower[j] == COMMA), None)


def _ahead_or_seen_back(words: TenseWords, lower: list[int], lo: int, i: int) -> str:
    """A verb looking ahead at token ``i`` is ``future``, unless a word of ``future_in_past`` right
    before it looks at it from the past ("had been due to", "did not meet"): then ``past``."""
    return "past" if any(w in words["future_in_past"] for w in lower[max(lo, i - 2):i]) else "future"
