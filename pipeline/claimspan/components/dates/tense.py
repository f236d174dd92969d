"""The tense of a date's clause, from the words before it (rules/dates/lexicon.yaml): in a
future-tense clause a bare weekday or month looks forward from the document date, in a
past-tense one a bare month is the latest one before it. The words before the date are
searched first, then the clause's verb after it. Words only, no tagger: a trained
tagger's past tense did no better on TimeBank (lexicon.yaml, past_markers)."""
from __future__ import annotations

from spacy.tokens import Doc, Span

FUTURE_WINDOW = 25  # tokens before a date searched for a future-tense word (the sentence start bounds it too)
FORWARD_WINDOW = 12  # tokens after a date searched for its clause's verb when none comes before it


def tense_of(lexicon: dict, doc: Doc, span: Span, start: int, end: int | None = None) -> str | None:
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
    tense, word = _backward(lexicon, doc, span, start)
    if tense is None:
        tense = _forward(lexicon, doc, span, end)
        if tense is None and span.start > start and doc[span.start - 1].lower_ in lexicon["deadline_before"] \
                and not any(t.lower_ in lexicon["past_after"]
                            for t in doc[max(start, span.start - FUTURE_WINDOW):span.start]):
            return "future"
        return tense
    if not tense:   # a reporting verb or a clause break before the span, or an event told of
        return None
    if (word in lexicon["deadline_words"] or word in lexicon["set_for"]) \
            and _forward(lexicon, doc, span, end) == "past":
        return "past"
    return tense


def _forward(lexicon: dict, doc: Doc, span: Span, end: int) -> str | None:
    """The tense of the first word after the span that tells one, in its clause: a modal of
    the future (``future_after``), a simple past form (``past_markers``) or an auxiliary in
    the past (``past_after``: "had", "was": after the date they are its clause's verb, not
    the start of a reported future as before it). A reporting verb, a semicolon or colon, a
    relative pronoun (a clause with its own verb: "July 1, which will...") or a coordinator
    (``forward_breaks``: "met Tuesday and will meet again Friday") stops it."""
    for token in doc[span.end:min(end, span.end + FORWARD_WINDOW)]:
        word = token.lower_
        if word in lexicon["reporting_verbs"] or word in lexicon["tense_breaks"] \
                or word in lexicon["relative_pronouns"] or word in lexicon["forward_breaks"]:
            return None
        if word in lexicon["future_after"]:
            return "future"
        if word in lexicon["past_markers"] or word in lexicon["past_after"]:
            return "past"
    return None


def _backward(lexicon: dict, doc: Doc, span: Span, start: int) -> tuple[str | None, str | None]:
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
    A date in the possessive names an event already told of ("will appeal Wednesday's
    ruling"), unless a word right before it puts the event ahead ("ahead of Sunday's vote")."""
    lo = max(start, span.start - FUTURE_WINDOW)
    if span.end < len(doc) and doc[span.end].lower_ in lexicon["possessive"]:
        before = doc[max(start, span.start - 2):span.start]   # "Wednesday's ruling": an event told of
        return ("future" if any(t.lower_ in lexicon["event_ahead"] for t in before) else ""), None
    if span.start - 2 >= start and doc[span.start - 2].lower_ in lexicon["present_schedule"] \
            and doc[span.start - 1].lower_ in lexicon["schedule_prepositions"]:
        return "future", None   # "the vote is on Tuesday"
    if span.start - 2 >= start and doc[span.start - 2].lower_ in lexicon["set_for"] \
            and doc[span.start - 1].lower_ == "for":   # "set for Monday"; "had been scheduled for Friday" is past
        return _ahead_or_seen_back(lexicon, doc, lo, span.start - 2), doc[span.start - 2].lower_
    for token in reversed(doc[lo:span.start]):
        word = token.lower_
        if word in lexicon["reporting_verbs"] or word in lexicon["tense_breaks"]:
            return "", word
        if word in lexicon["future_markers"]:
            if token.i > 0 and doc[token.i - 1].text in lexicon["dashes"] and not doc[token.i - 1].whitespace_:
                continue
            return _ahead_or_seen_back(lexicon, doc, lo, token.i), word
        if word in lexicon["past_markers"]:
            return "past", word
        if word in lexicon["present_verbs"] and token.i > lo \
                and doc[token.i - 1].lower_ not in lexicon["not_a_verb_after"]:
            return _ahead_or_seen_back(lexicon, doc, lo, token.i), word   # "they meet Monday"; "did not meet" is past
        if word == "to" and token.i - 1 >= lo and doc[token.i - 1].lower_ in lexicon["scheduled_to"]:
            return "future", word   # "talks are set to resume Monday"
    return None, None


def _ahead_or_seen_back(lexicon: dict, doc: Doc, lo: int, i: int) -> str:
    """A verb looking ahead at token ``i`` is ``future``, unless a word of ``future_in_past`` right
    before it looks at it from the past ("had been due to", "did not meet"): then ``past``."""
    before = doc[max(lo, i - 2):i]
    return "past" if any(t.lower_ in lexicon["future_in_past"] for t in before) else "future"
