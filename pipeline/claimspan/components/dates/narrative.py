"""The narrative's reference time: the date a text last spoke about, which anaphoric
expressions count from ("the following year", "that quarter", "a year earlier").

Pure bookkeeping over the rows of one Doc, in text order; no spaCy."""
from __future__ import annotations

from datetime import date

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

    def __init__(self, reach: int = REACH, anchor: date | None = None):
        self.reach = reach      # sentences after its own that a reference still holds
        self.anchor = anchor    # the document date: a quarter a report is about is over by then
        self.point: str | None = None
        self.sentence = -1
        self.quarter: str | None = None   # the quarter a report is about (``report_quarter``)
        self.quarter_sentence = -1
        self.told: tuple = (-1, None)     # (sentence, value) of the last date told of
        self.latest: tuple = (-1, None)   # (sentence, value) of the last date at all, relative ones too

    def reference(self, sentence: int, reach: int | None = None) -> str | None:
        """The last date spoken of, if it was within ``reach`` sentences (default: ``self.reach``)."""
        reach = self.reach if reach is None else reach
        return self.point if self.point and sentence - self.sentence <= reach else None

    def antecedent(self, sentence: int) -> str | None:
        """The last date of ``sentence`` itself, a relative one too: what a word pointing back
        there means ("In the last fiscal year, claims rose 30 percent over the year before").

        >>> n = Narrative()
        >>> n.tell(0, "date", {"value": "2030", "granularity": "year"})
        >>> n.tell(2, "date", {"value": "2022", "granularity": "year", "is_relative": True})
        >>> n.reference(2, 6), n.antecedent(2), n.antecedent(3)
        ('2030', '2022', None)
        """
        return self.latest[1] if self.latest[0] == sentence else None

    def report_quarter(self, sentence: int, reach: int = ANAPHORIC_REACH) -> str | None:
        """The quarter a report is about, if it was spoken of within ``reach`` sentences: the
        latest quarter told of that was over by the document date. A report stays on it through
        the sentences that compare it ("Revenue declined 8% from $93.3 million a year earlier"),
        through a month or day told of in between ("Earlier this month, the company said it
        expected to break even for the quarter") and through an earlier quarter named as
        background ("After a flat second quarter, ..."); a year or a longer length told of
        ("For the nine months", "Last year") moves it off the quarter.

        >>> n = Narrative(anchor=date(1989, 10, 26))
        >>> n.tell(0, "date", {"value": "1989-Q3", "granularity": "quarter", "end_date": "1989-09-30"})
        >>> n.tell(2, "date", {"value": "1989-Q2", "granularity": "quarter", "end_date": "1989-06-30"})
        >>> n.tell(3, "date", {"value": "1989-10", "granularity": "month", "end_date": "1989-10-31"})
        >>> n.reference(4), n.report_quarter(4), n.report_quarter(12)
        ('1989-10', '1989-Q3', None)
        >>> n.tell(5, "duration", {"value": "P9M", "granularity": "month"})
        >>> n.report_quarter(5) is None
        True
        """
        return self.quarter if self.quarter and sentence - self.quarter_sentence <= reach else None

    def tell(self, sentence: int, kind: str, attrs: dict) -> None:
        """Make a row the reference, unless it looks back from the reference (a comparison,
        "from $4 million a year earlier", does not move the narrative; "two years later"
        does) or it only pins down, in the same sentence, the period just named ("the
        quarter ended Sept. 30")."""
        value = attrs.get("value")
        self._tell_quarter(sentence, kind, attrs)
        if kind != "date" or not value or attrs.get("granularity") not in REFERENCE_GRANULARITIES:
            return
        self.latest = (sentence, value)
        # on the document date itself every relative date counts from it: none is a look back from it
        counted = self.counted_from(sentence, attrs) and not (self.anchor and self.point == self.anchor.isoformat())
        if counted and not _after(value, self.point):
            self.sentence, self.told = sentence, (sentence, value)   # a look back keeps the text on the reference
            return
        if attrs["granularity"] == "year" and attrs.get("is_relative") and not counted:
            return   # "last year" counts from the document date; a year a narrative is about is written out
        told = self.told[1] if self.told[0] == sentence else None   # the date told of just before, in this sentence
        if told and _pins_down(value, told):
            return   # "the third quarter ended September 28": the period just named
        self.told = (sentence, value)
        if told and _compares(value, told):
            return   # an earlier period of that kind compares ("for the third quarter, up 18% from
            #          $349.7 million in the third quarter of 2023"): not the text's time
        if self.point and sentence == self.sentence and _pins_down(value, self.point):
            return
        self.point, self.sentence = value, sentence

    def restate(self, old: str, new: str) -> None:
        """A date told of turned out to be another ("the second quarter ended Oct. 31": a year back).

        >>> n = Narrative()
        >>> n.tell(0, "date", {"value": "1989-Q2", "granularity": "quarter"})
        >>> n.restate("1989-Q2", "1988-Q2")
        >>> n.reference(0)
        '1988-Q2'
        """
        if self.point == old:
            self.point = new
        if self.quarter == old:
            self.quarter = new
        if self.told[1] == old:
            self.told = (self.told[0], new)

    def counted_from(self, sentence: int, attrs: dict, point: str | None = None) -> bool:
        """Whether a row was resolved against ``point`` (default: the reference): its anchor_date is its start."""
        point = self.reference(sentence) if point is None else point
        start = interval(point)[0] if point else None
        return start is not None and bool(attrs.get("is_relative")) and attrs.get("anchor_date") == start.isoformat()

    def _tell_quarter(self, sentence: int, kind: str, attrs: dict) -> None:
        """Keep ``report_quarter``: a quarter over by the document date and not before the one
        held; a row counted from it keeps it; a year or a length of months or more drops it, and a
        length of months (a report's "nine months") the reference too: what follows compares that
        length, not the quarter told of before it."""
        granularity, held = attrs.get("granularity"), self.report_quarter(sentence)
        if held and self.counted_from(sentence, attrs, held):
            self.quarter_sentence = sentence
            return
        if not attrs.get("value") or kind not in ("date", "duration") or self.counted_from(sentence, attrs):
            return
        if kind == "date" and granularity == "quarter":
            end = attrs.get("end_date")
            over = self.anchor is None or (end is not None and str(end) < self.anchor.isoformat())
            if over and (held is None or not _after(held, attrs["value"])):
                self.quarter, self.quarter_sentence = attrs["value"], sentence
        elif granularity in ("year", "decade", "century") or (kind == "duration" and granularity == "month"):
            self.quarter = None
            if kind == "duration" and granularity == "month":
                self.point = None   # "In the first nine months, ... in the 1988 period": not the quarter's


def as_told(attrs: dict, anchor: date | None) -> tuple[str, dict]:
    """The kind and row the narrative is told: a time of a day told of ("On Tuesday afternoon, a second
    blast hit. At 3 p.m., police arrived") puts the story on that day, as the day alone would; a time
    of the document date ("this morning") tells nothing the document date does not."""
    value = attrs.get("value") or ""
    if attrs.get("kind") == "time" and len(value) > 10 and value[10] == "T" and value[:4].isdigit() \
            and (anchor is None or value[:10] != anchor.isoformat()):
        return "date", {**attrs, "value": value[:10], "granularity": "day"}
    return attrs["kind"], attrs


def _pins_down(value: str, point: str) -> bool:
    """Whether ``value`` only pins down the period ``point``: a day or month inside it, or a
    day after a quarter (a fiscal quarter "ended Sept. 30" need not be a calendar one)."""
    (a, b, g), (c, d, h) = interval(value), interval(point)
    if None in (a, b, c, d):
        return False
    return (c <= a and b <= d and (a, b) != (c, d)) or (g == "day" and h == "quarter")


def _compares(value: str, point: str) -> bool:
    """Whether ``value`` is a period of the same length as ``point`` that ends before it (the
    third quarter of 2023 beside the third quarter of 2024; not "today" before a quarter)."""
    g, h = interval(value)[2], interval(point)[2]
    return g == h and _after(point, value)


def _after(value: str, point: str) -> bool:
    """Whether ``value`` begins after the period ``point`` ends."""
    start, end = interval(value)[0], interval(point)[1]
    return start is not None and end is not None and start > end


def alone_on_line(text: str, start: int, end: int) -> bool:
    r"""Whether ``text[start:end]`` is all its line holds: a heading or a transcript's time stamp
    ("1:52 P.M. EDT" under "See you tomorrow."), which no narrative before it anchors.

    >>> alone_on_line("See you tomorrow.\n\n1:52 P.M. EDT\n", 19, 32), alone_on_line("At 1:52 P.M. it ended.", 3, 12)
    (True, False)
    """
    line_start, line_end = text.rfind("\n", 0, start) + 1, text.find("\n", end)
    return not text[line_start:start].strip() and not text[end:None if line_end < 0 else line_end].strip()
