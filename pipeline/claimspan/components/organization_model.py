"""Organizations from a trained pipeline's ORG entities (``claimspan_organizations`` in
model mode): kept unless a rule knows better (a place, a generic reference, an instrument
or event, a person, a speaker's label, a heading in capitals, a dateline:
``rules/organizations/model.yaml``), trimmed to the name; one that only adds name words to
a rule mention replaces it ("Samsung Electronics" over "Samsung"). A mixin of the component:
it reads the tables ``OrganizationsComponent.load_rules`` builds."""
from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Span

from claimspan.components.candidates import longest
from claimspan.normalize.acronyms import parenthesis_endings
from claimspan.normalize.orgs import normalize_name

PRIORITY = {"rule": 0, "acronym": 1, "gazetteer": 2, "model": 3}


class ModelNames:
    """The model-mode part of ``OrganizationsComponent``."""

    def _plausible_model_name(self, span: Span, defs: dict[str, str], persons: set[str],
                              parenthesized: set[str]) -> bool:
        """A model ORG is kept unless a rule knows better: a place, a generic reference, an
        instrument or event, a person, an acronym the text defines for something else, a
        title. ``persons``: the words of the Doc's PERSON entities; ``parenthesized``: what
        ends a parenthesis in the text (``acronyms.parenthesis_endings``), both found once per Doc."""
        text, last = span.text, span[-1]
        folded = normalize_name(text)
        if folded in self.generic or folded in self.all_places or re.search(r"\d", text) or len(span) > 8:
            return False
        k = span.start
        while k < span.end - 1 and normalize_name(span.doc[k].text) in self.all_places:
            k += 1
        if k > span.start and normalize_name(span.doc[k:span.end].text) in self.generic:
            return False  # "British Parliament": a place's generic body
        if any(t.lower_ in self.instrument_heads for t in span) or last.lower_ in self.event_heads:
            return False
        after = span.end + 1
        if after < len(span.doc) and span.doc[span.end].text in self.name_rules.possessives \
                and span.doc[after].lower_ in self.not_modified:
            return False  # "International Workers' Day": the name is a modifier
        before = span.doc[span.start - 1] if span.start else None
        if before is not None and before.text == "The" and span.start > 1 and span.doc[span.start - 2].is_lower:
            return False  # "a seminar on The Contribution of Development ...": a title, mid-sentence
        if self._after_title(span.doc, span.start):
            return False  # "Mr. Dell", "Coach Boeing"
        headless = not any(t.lower_ in self.heads for t in span)
        if headless and len(span) > 1 and span[0].lower_ in self.person_titles \
                and span[1].text not in self.name_rules.possessives:
            return False  # "Senator Sanders", "Rapporteur Frederique Ries": a person with a title
        if headless and self._after_title_of(span.doc, span.start):
            return False  # "Chancellor of the Exchequer" (not "President of the European Commission")
        if len(span) == 1 and last.lower_ in persons:
            return False  # "Hernandez" tagged ORG once and PERSON elsewhere
        if len(span) == 1 and text.isupper() and 2 <= len(text) <= 6:   # not an acronym defined elsewhere: "(WHO)"
            written = text in parenthesized if ")" not in text else \
                re.search(r"\([^)]*\b" + re.escape(text) + r"\)", span.doc._.text) is not None
            return text in defs or not written
        return last.tag_ in ("NNP", "NNPS") and all(t.text[:1].isupper() or t.is_punct or t.is_space
                                                   or t.lower_ in self.name_rules.connectors for t in span)

    def _model_names(self, doc: Doc, chosen: list[tuple], defs: dict[str, str], text: str) -> list[tuple]:
        """The model's ORG entities that no rule rules out, trimmed to the name; one that
        contains rule mentions and only adds words to them (``Samsung Electronics`` over the
        gazetteer's ``Samsung``) replaces them, one that crosses or joins them is dropped."""
        ents = doc.ents   # Doc.ents builds every entity span anew on each access
        persons = {t.lower_ for e in ents if e.label_ == "PERSON" for t in e}
        parenthesized = parenthesis_endings(text)
        found = []
        for ent in ents:
            if ent.label_ != "ORG":
                continue
            span = self._trimmed(doc, ent.start, ent.end)
            if span is None or not span.text[0].isupper() or _dateline(span):
                continue
            if self._plausible_model_name(span, defs, persons, parenthesized):
                found.append(span)
        # in a heading in capitals the model tags most words ORG: keep the names the text
        # uses elsewhere, in mixed case, or the gazetteer knows
        capitals = _in_capitals(doc, found)
        elsewhere = {normalize_name(doc[s:e].text) for s, e, *_ in chosen}
        elsewhere |= {normalize_name(sp.text) for sp, caps in zip(found, capitals) if not caps}
        out = []
        for span, caps in zip(found, capitals):
            if caps and normalize_name(span.text) not in elsewhere and normalize_name(span.text) not in self.aliases:
                continue
            out.append((span.start, span.end, "model", "organizations.model.ORG"))
        return out

    def _trimmed(self, doc: Doc, start: int, end: int) -> Span | None:
        """The entity without leading noise ("the", "Mr"), spaces, and a trailing possessive
        or score ("Rolls-Royce's", "Bury 0")."""
        while start < end and (doc[start].lower_ in self.leading_noise or doc[start].is_space):
            start += 1
        kept = self.name_rules.hyphens | {".", ")"}   # punctuation a name may end with
        while end > start and (doc[end - 1].is_space or doc[end - 1].text in self.name_rules.possessives
                               or doc[end - 1].is_punct and doc[end - 1].text not in kept):
            end -= 1
        if end - start > 1 and doc[end - 1].is_digit and doc[end - 2].whitespace_ and (
                end == len(doc) or "\n" in doc[end].text or doc[end].text[:1].isupper()):
            end -= 1   # a score in a line of results: "Bury 0 Wigan Athletic 3" (not "Channel 4 said")
        return doc[start:end] if end > start else None

    def _with_model(self, doc: Doc, chosen: list[tuple], model: list[tuple]) -> list[tuple]:
        """``chosen`` and the model's mentions: a model mention that covers rule mentions and adds
        only name words to them (no "and", "or", comma or line break) replaces them, but not
        after a name that a head word closes ("Cooperative Bank House"); one that crosses a
        rule mention is dropped."""
        ends = [c[1] for c in chosen]   # chosen: sorted, no two overlap
        added, replaced = [], set()
        for m in model:
            k, inside = bisect.bisect_right(ends, m[0]), []
            while k < len(chosen) and chosen[k][0] < m[1]:
                inside.append(chosen[k])
                k += 1
            if not inside:
                added.append(m)
            elif all(m[0] <= c[0] and c[1] <= m[1] and (c[0], c[1]) != (m[0], m[1])
                     and (c[2] != "rule" or c[1] == m[1]) for c in inside) \
                    and not any(self._joining(doc[i]) for i in range(m[0], m[1])):
                added.append(m)
                replaced.update(inside)
        return resolve([c for c in chosen if c not in replaced] + added)

    def _joining(self, tok) -> bool:
        """A token that joins two names rather than continuing one."""
        return tok.lower_ in self.name_rules.coordinators or tok.text in (",", ";") or "\n" in tok.text


def _in_capitals(doc: Doc, spans: list[Span]) -> list[bool]:
    """For each span, whether it is on a line in capitals (a heading: "SOCCER - LEEDS HOLD ARSENAL"),
    not one acronym alone. Each line is read once, however many spans it holds."""
    if not spans:
        return []
    text = doc._.text
    breaks = [m.start() for m in re.finditer("\n", text)]
    seen: dict[int, bool] = {}
    out = []
    for span in spans:
        k = bisect.bisect_left(breaks, span.start_char)
        if k not in seen:
            line = text[breaks[k - 1] + 1 if k else 0:breaks[k] if k < len(breaks) else len(text)]
            seen[k] = not any(c.islower() for c in line) and sum(w.isalpha() and len(w) > 1 for w in line.split()) >= 2
        out.append(seen[k])
    return out


def _dateline(span: Span) -> bool:
    """A place in capitals that opens a line before a comma or a date: "OSLO, Feb 3 -"."""
    doc = span.doc
    if not span.text.isupper() or span.start and not (doc[span.start - 1].is_space
                                                      and doc[span.start - 1].text.endswith("\n")):
        return False
    return span.end < len(doc) and (doc[span.end].text in (",", "(") or any(c.isdigit() for c in doc[span.end].text))


def resolve(cands: list[tuple]) -> list[tuple]:
    """Longest mention wins; on equal spans the source with the higher priority."""
    return sorted(longest(cands, lambda c: (c[0], c[1]), lambda c: PRIORITY[c[2]]))
