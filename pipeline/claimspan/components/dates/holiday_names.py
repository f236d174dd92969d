"""Holidays and named days as the dates component finds them: one PhraseMatcher over
their names (``rules/dates/lexicon.yaml`` ``holidays``), and the day a found name means
in its document (the computation is ``claimspan.normalize.holidays``)."""
from __future__ import annotations

import string
from datetime import date, timedelta

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from claimspan.components.dates.patterns import Rule
from claimspan.normalize import holidays
from claimspan.normalize.timex_values import value_at
from claimspan.ruleset import RuleError, locate

HOLIDAY_RULE = "dates.anchored.holiday"


class HolidayNames:
    """The holidays of a dates lexicon: ``rules`` (a date rule per name, by match key),
    ``__call__`` (their matches in a Doc) and ``resolve`` (a found name's day)."""

    def __init__(self, nlp: Language, lexicon: dict, raw: dict, where: str, order: int):
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.days: dict[str, object] = {}   # the name's words, lower case -> its rule (normalize/holidays.py)
        self.rules: dict[str, Rule] = {}
        self.units = lexicon["units"]
        for name, day in lexicon["holidays"].items():
            if isinstance(day, dict) and "weekday" in day:   # the weekday's name, read as the text's weekdays
                day = {**day, "weekday": lexicon["weekdays"].get(str(day["weekday"]).lower(), day["weekday"])}
            problem = holidays.check(day)
            if problem:
                raise RuleError(f"{locate(raw['holidays'], f'{where} rule dates.lexicon.holidays', name)}: "
                                f"{name!r}: {problem}")
            key = f"{HOLIDAY_RULE}#{name}"
            self.rules[key] = Rule(HOLIDAY_RULE, "core", "date", order, 0, 0,
                                   value=f"XXXX-{day}" if isinstance(day, str) else None)
            # as written and capitalised: the tokenizer splits "jr." but keeps "Jr." whole
            phrases = [nlp.make_doc(name), nlp.make_doc(string.capwords(name))]
            self.matcher.add(key, phrases)
            self.days.update({" ".join(t.lower_ for t in phrase): day for phrase in phrases})

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        return list(self.matcher(doc))

    def resolve(self, attrs: dict, span: Span, anchor: date | None, future: bool) -> None:
        """A holiday is the day of its occurrence nearest the document date (the next
        one in a future-tense clause); without a date, a fixed one keeps ``XXXX``."""
        attrs["granularity"] = "day"
        words = [t.lower_ for t in span]
        unit = self.units.get(words[-1]) if " ".join(words) not in self.days else None
        if unit:   # "Easter week": the week that holds the day (dates.modifier.holiday_week)
            words, attrs["granularity"] = words[:-1], None
        while len(words) > 1 and " ".join(words) not in self.days:
            words = words[1:]   # "the Memorial Day weekend" (dates.modifier.holiday_article)
        day = holidays.occurrence(self.days[" ".join(words)], anchor, future) if anchor else None
        if day is not None and unit == "weekend":
            # the weekend next to the day: a Monday's or a Tuesday's the one before it, else the one after
            saturday = day + timedelta(days=6 - day.isoweekday() - (7 if day.isoweekday() <= 2 else 0))
            attrs.update(value=value_at(saturday, "week") + "-WE", start_date=saturday.isoformat(),
                         end_date=(saturday + timedelta(days=1)).isoformat(), is_relative=True,
                         anchor_date=anchor.isoformat())
        elif day is not None and unit:
            start = day - timedelta(days=day.isoweekday() - 1)
            attrs.update(value=value_at(day, unit), start_date=start.isoformat(),
                         end_date=(start + timedelta(days=6)).isoformat(), is_relative=True,
                         anchor_date=anchor.isoformat())
        elif day is not None:
            attrs.update(value=day.isoformat(), start_date=day.isoformat(), end_date=day.isoformat(),
                         is_relative=True, anchor_date=anchor.isoformat())
