"""The narrative's reference time: the date a text last spoke about, which anaphoric
expressions count from ("the following year", "that quarter", "a year earlier").

Pure bookkeeping over the rows of one Doc, in text order; no spaCy."""
from __future__ import annotations

from claimspan.normalize.timex import interval

REFERENCE_GRANULARITIES = ("day", "month", "quarter", "year")
REACH = 1   # sentences: 2 or 3 did worse on TimeBank (value F1 0.811 against 0.814)
# Sentences back that a word pointing into the narrative ("the following month", "the previous
# Friday", "that quarter") still finds the date told of: with none it would count from the
# document date, which such a word seldom means (TimeBank value F1 0.834 -> 0.836 with 3 to 20).
ANAPHORIC_REACH = 6


class Narrative:
    """The last date spoken of and the sentence it was in.

    >>> n = Narrative(reach=1)
    >>> n.tell(0, "date", {"value": "1989-Q3", "granularity": "quarter"})
    >>> n.tell(0, "date", {"value": "1989-09-30", "granularity": "day"})
    >>> n.reference(1), n.reference(3)
    ('1989-Q3', None)
    """

    def __init__(self, reach: int = REACH):
        self.reach = reach      # sentences after its own that a reference still holds
        self.point: str | None = None
        self.sentence = -1

    def reference(self, sentence: int, reach: int | None = None) -> str | None:
        """The last date spoken of, if it was within ``reach`` sentences (default: ``self.reach``)."""
        reach = self.reach if reach is None else reach
        return self.point if self.point and sentence - self.sentence <= reach else None

    def tell(self, sentence: int, kind: str, attrs: dict) -> None:
        """Make a row the reference, unless it looks back from the reference (a comparison,
        "from $4 million a year earlier", does not move the narrative; "two years later"
        does) or it only pins down, in the same sentence, the period just named ("the
        quarter ended Sept. 30")."""
        value = attrs.get("value")
        if kind != "date" or not value or attrs.get("granularity") not in REFERENCE_GRANULARITIES:
            return
        counted = self.counted_from(sentence, attrs)
        if counted and not _after(value, self.point):
            self.sentence = sentence   # a look back keeps the text on the reference
            return
        if attrs["granularity"] == "year" and attrs.get("is_relative") and not counted:
            return   # "last year" counts from the document date; a year a narrative is about is written out
        if self.point and sentence == self.sentence and _pins_down(value, self.point):
            return
        self.point, self.sentence = value, sentence

    def counted_from(self, sentence: int, attrs: dict) -> bool:
        """Whether a row was resolved against the reference (its anchor_date is the reference's start)."""
        reference = self.reference(sentence)
        start = interval(reference)[0] if reference else None
        return start is not None and bool(attrs.get("is_relative")) and attrs.get("anchor_date") == start.isoformat()


def _pins_down(value: str, point: str) -> bool:
    """Whether ``value`` only pins down the period ``point``: a day or month inside it, or a
    day after a quarter (a fiscal quarter "ended Sept. 30" need not be a calendar one)."""
    (a, b, g), (c, d, h) = interval(value), interval(point)
    if None in (a, b, c, d):
        return False
    return (c <= a and b <= d and (a, b) != (c, d)) or (g == "day" and h == "quarter")


def _after(value: str, point: str) -> bool:
    """Whether ``value`` begins after the period ``point`` ends."""
    start, end = interval(value)[0], interval(point)[1]
    return start is not None and end is not None and start > end
