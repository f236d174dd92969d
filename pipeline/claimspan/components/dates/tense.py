"""The tense of a date's clause, from the words before it (rules/dates/lexicon.yaml): in a
future-tense clause a bare weekday or month looks forward from the document date, in a
past-tense one a bare month is the latest one before it. Words only, no tagger: a trained
tagger's past tense did no better on TimeBank (lexicon.yaml, past_markers)."""
from __future__ import annotations

from spacy.tokens import Doc, Span

FUTURE_WINDOW = 25  # tokens before a date searched for a future-tense word (the sentence start bounds it too)


def tense_of(lexicon: dict, doc: Doc, span: Span, start: int) -> str | None:
    """``future`` or ``past``: the first tense word shortly before the span, in its own
    clause (its sentence starts at token ``start``): "will", "'ll"; "fell", "rose". A
    reporting verb stops the search ("said Monday it will..."): its time is not the date's;
    so does a semicolon or colon (``tense_breaks``): the words before it are another clause's.
    A future word in a hyphenated adjective ("lower-than-expected") is no tense; one after
    "had" or "previously" is a future seen from the past ("had been due to expire Friday").
    A present-tense schedule right before the date looks forward ("the vote is on Tuesday"), and so
    does a verb of schedules in the present tense ("the leaders meet Monday", "the fair opens in
    July"), unless a word before it makes it a noun or an infinitive ("the visit", "to meet").
    A date in the possessive names an event already told of ("will appeal Wednesday's
    ruling"), unless a word right before it puts the event ahead ("ahead of Sunday's vote")."""
    lo = max(start, span.start - FUTURE_WINDOW)
    if span.end < len(doc) and doc[span.end].lower_ in lexicon["possessive"]:
        before = doc[max(start, span.start - 2):span.start]   # "Wednesday's ruling": an event told of
        return "future" if any(t.lower_ in lexicon["event_ahead"] for t in before) else None
    if span.start - 2 >= start and doc[span.start - 2].lower_ in lexicon["present_schedule"] \
            and doc[span.start - 1].lower_ in lexicon["schedule_prepositions"]:
        return "future"   # "the vote is on Tuesday"
    for token in reversed(doc[lo:span.start]):
        word = token.lower_
        if word in lexicon["reporting_verbs"] or word in lexicon["tense_breaks"]:
            return None
        if word in lexicon["future_markers"]:
            if token.i > 0 and doc[token.i - 1].text in lexicon["dashes"] and not doc[token.i - 1].whitespace_:
                continue
            return _ahead_or_seen_back(lexicon, doc, lo, token.i)
        if word in lexicon["past_markers"]:
            return "past"
        if word in lexicon["present_verbs"] and token.i > lo \
                and doc[token.i - 1].lower_ not in lexicon["not_a_verb_after"]:
            return _ahead_or_seen_back(lexicon, doc, lo, token.i)   # "they meet Monday"; "did not meet" is past
        if word == "to" and token.i - 1 >= lo and doc[token.i - 1].lower_ in lexicon["scheduled_to"]:
            return "future"   # "talks are set to resume Monday"
    return None


def _ahead_or_seen_back(lexicon: dict, doc: Doc, lo: int, i: int) -> str:
    """A verb looking ahead at token ``i`` is ``future``, unless a word of ``future_in_past`` right
    before it looks at it from the past ("had been due to", "did not meet"): then ``past``."""
    before = doc[max(lo, i - 2):i]
    return "past" if any(t.lower_ in lexicon["future_in_past"] for t in before) else "future"
