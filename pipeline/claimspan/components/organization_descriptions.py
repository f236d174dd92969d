"""Organizations the text itself defines (``claimspan_organizations``, both modes): "X, the
Y" descriptions ("Oxfam, the British charity, said": ``rules/organizations/defining.yaml``)
and their repeats, names next to words only an organization takes ("Qualcomm shares":
``cues.yaml``) and their repeats, and the two sides of a line of results (``results.yaml``).
A mixin of the component: it reads the tables ``OrganizationsComponent.load_rules`` builds."""
from __future__ import annotations

from spacy.attrs import LOWER, ORTH, SHAPE
from spacy.tokens import Doc

from claimspan.components.docarrays import positions, word_ids
from claimspan.components.propernames import is_cap, joined, run_left, run_right, tokens_with_text
from claimspan.normalize.acronyms import initials
from claimspan.normalize.orgs import normalize_name


CAPITALS = ("XX", "XXX", "XXXX")   # the shapes of a word of 2 to 6 capitals (spaCy cuts a shape's runs at 4)


class DescribedNames:
    """The names a text defines, a part of ``OrganizationsComponent``."""

    def _result_sides(self, doc: Doc) -> list[tuple]:
        """The two sides of a line of results (``results.yaml``), but not a country's side."""
        out = []
        text = doc._.text   # built once per Doc (extensions)
        for rule, pattern, needs in self.result_lines:
            if not needs.search(text):
                continue
            for m in pattern.finditer(text):
                for group in ("a", "b"):
                    span = doc.char_span(m.start(group), m.end(group))
                    folded = normalize_name(m.group(group))
                    if span is not None and folded not in self.all_places and folded not in self.generic:
                        out.append((span.start, span.end, "rule", rule))
        return out

    def _by_initials(self, doc: Doc, cands: list[tuple], defined: dict[str, str]) -> dict[str, str]:
        """Words in capitals that spell a name the text gives in full, but defines nowhere ("the
        African National Congress ... The ANC will hold 159 seats") -> that name; not the words of
        ``not_initials``, which capitals write for other things ("AI", "TV"), nor a gazetteer's acronym."""
        out: dict[str, str] = {}
        capitals = {doc[i].text for i in positions(doc, CAPITALS, SHAPE)}   # words a name's initials could be
        capitals = {c for c in capitals if c not in defined and c not in self.not_initials
                    and normalize_name(c) not in self.by_acronym}   # the gazetteer's acronyms: named by it
        if not capitals:
            return out
        firsts = {c[0] for c in capitals}
        for s, e, *_ in cands:
            if e - s < 2 or doc[s].text[:1] not in firsts:
                continue
            long = doc[s:e].text
            short = initials(long, self.acronym_skipped)
            if short in capitals:
                out.setdefault(short, long)
        return out

    def _described(self, doc: Doc, hits: list[tuple]) -> list[tuple]:
        """Names that a description defines, "X, the Y" (``defining.yaml``), and their repeats
        (``hits``: the component's LOWER matches, ``(label, start, end)``)."""
        out, ends = [], set()
        for label, s, e in hits:
            if label != "descriptor" or e in ends:
                continue   # "news agency" and "agency"
            found = self._description(doc, s, e)
            if found is not None:
                ends.add(e)
                out.append(found)
        if not out:
            return []
        repeats = self._repeats(doc, [(m[0], m[4]) for m in out], "organizations.defining.repeat")
        return [m[:4] for m in out] + repeats

    def _repeats(self, doc: Doc, found: list[tuple[int, int]], rule: str) -> list[tuple]:
        """The other places the text writes a name of ``found`` (``(start, end)``), not as the start
        of a longer name."""
        orth = word_ids(doc, ORTH)   # words compared by their ids: no Token made for each
        names = {}
        for start, end in found:
            names.setdefault(orth[start], set()).add(tuple(orth[start:end]))
        defined = set(found)
        repeats = []
        for i in tokens_with_text(doc, {doc[start].text for start, _ in found}):   # where a name's first word is
            for words in names[orth[i]]:
                end = i + len(words)
                if end <= len(doc) and (i, end) not in defined and tuple(orth[i:end]) == words \
                        and not (end < len(doc) and is_cap(doc[end], self.name_rules) and not doc[end].is_punct):
                    repeats.append((i, end, "rule", rule))
        return repeats

    def _cued(self, doc: Doc, cands: list[tuple], hits: list[tuple]) -> list[tuple]:
        """Names next to a cue (``cues.yaml``: "Qualcomm shares", "analysts at Bernstein"; ``hits``: the
        component's LOWER matches) and their repeats, where no candidate of ``cands`` has a word."""
        found = []
        for side, s, e in hits:
            if side == "descriptor":
                continue
            if side == "unit":   # a vote share, "won 22 percent"
                if not (s > 1 and doc[s - 1].like_num and doc[s - 2].lower_ in self.vote_verbs):
                    continue
                side, s = "results", s - 2
            span = self._cued_name(doc, s, e, side)
            if span is not None and span not in found:
                found.append(span)
        if found:
            taken = {i for c in cands for i in range(c[0], c[1])}
            found = [span for span in found if taken.isdisjoint(range(*span))]
        if not found:
            return []
        out = [(s, e, "rule", "organizations.cue") for s, e in found]
        # a one-word repeat is no word of a longer name or a person's ("A.L. Williams & Associates")
        return out + [r for r in self._repeats(doc, found, "organizations.cue.repeat")
                      if not taken.intersection(range(r[0], r[1])) and not self._part_of_longer(doc, r[0], r[1])
                      and (r[1] - r[0] > 1 or self._alone(doc, r[0]))]

    def _part_of_longer(self, doc: Doc, s: int, e: int) -> bool:
        """``doc[s:e]`` is glued to more of a longer word or name: "Anheuser" of "Anheuser-Busch",
        "Chicago" of "Chicago-based", "Bay" of "Hudson's Bay", "Cie" of "Cie. de Navigation Mixte"."""
        rules = self.name_rules
        if s > 1 and joined(doc, s - 1) and (
                doc[s - 1].text in rules.hyphens and joined(doc, s)
                or doc[s - 1].text in rules.possessives and is_cap(doc[s - 2], rules)
                and normalize_name(doc[s - 2].text) not in self.place_words):
            return True
        if e < len(doc) and joined(doc, e) and (
                doc[e].text in rules.hyphens
                or doc[e].text == "." and e + 1 < len(doc) and doc[e + 1].is_lower):
            return True
        return False

    def _cued_name(self, doc: Doc, s: int, e: int, side: str) -> tuple[int, int] | None:
        """The capitalized run a cue ``doc[s:e]`` of ``side`` (cues.yaml) follows or precedes, unless it
        is a place, a generic name, a class of shares, a person's name or a common word opening a
        sentence (one the text also writes in lower case)."""
        rules = self.name_rules
        orth, lower = word_ids(doc, ORTH), word_ids(doc, LOWER)

        def capital(i: int) -> bool:   # a word with a capital, read by its ids before any Token is made
            return orth[i] != lower[i]

        if side == "joiner":
            if not (0 < s and e < len(doc) and capital(s - 1) and capital(e) and is_cap(doc[s - 1], rules)
                    and is_cap(doc[e], rules) and doc[s - 1].is_alpha and doc[e].is_alpha and _in_prose(doc, s)):
                return None
            start, end = run_left(doc, s - 1, rules), run_right(doc, e, rules)
        elif side != "before":
            end = s - 1 if s > 1 and orth[s - 1] in self.possessive_ids else s
            if end == 0 or not capital(end - 1) or not is_cap(doc[end - 1], rules) or doc[end - 1].is_punct or (
                    end == s and side == "after_possessive") or (end < s and side == "results"):
                return None
            start = run_left(doc, end - 1, rules)
        else:
            if e == len(doc) or not capital(e) or not is_cap(doc[e], rules) or doc[e].is_punct:
                return None
            start, end = e, run_right(doc, e, rules)
            if end + 1 < len(doc) and doc[end].text in rules.possessives and is_cap(doc[end + 1], rules) \
                    and normalize_name(doc[start:end].text) in self.place_words:
                start, end = end + 1, run_right(doc, end + 1, rules)   # "a unit of China's Geely": its company
        while start < end and (doc[start].lower_ in self.leading_noise or doc[start].is_punct):
            start += 1
        if start == end or any(t.lower_ in self.cue_not_names or t.lower_ in self.not_continuations
                               for t in doc[start:end]):
            return None
        folded = normalize_name(doc[start:end].text)
        if folded in self.generic or folded in self.place_words or not folded or self._part_of_longer(doc, start, end):
            return None
        if end - start == 1 and (doc[start].is_stop or self._person_word(doc, start) or (
                doc[start].is_sent_start and tokens_with_text(doc, {doc[start].lower_}))):
            return None
        if side == "results" and 1 < end - start <= 3 and all(t.is_alpha and t.is_title for t in doc[start:end]) \
                and any(k != end - 1 and self._alone(doc, k) for k in tokens_with_text(doc, {doc[end - 1].text})):
            return None   # "Anna Berg ... Berg won": news names a candidate again by the last word, a party not
        return start, end

    def _person_word(self, doc: Doc, i: int) -> bool:
        """The word of token ``i`` is a person's name: the text writes it elsewhere after another
        capitalized word or a person's title ("Boris Yeltsin", "Mr. Crum")."""
        for k in tokens_with_text(doc, {doc[i].text}):
            before = doc[k - 1] if k > 0 else None
            if before is not None and (before.lower_ in self.person_titles or is_cap(before, self.name_rules)
                                       and before.is_alpha and not before.is_stop):
                return True
        return False

    def _description(self, doc: Doc, s: int, e: int) -> tuple | None:
        """``(start, end, source, rule, end of X)`` when ``doc[s:e]`` ends a description "X, the ... Y"."""
        d = None
        for k in range(s - 1, max(s - 2 - self.max_described, 1) - 1, -1):
            if doc[k].lower_ in self.determiners and doc[k - 1].text == ",":
                d = k
                break
            if not (doc[k].is_alpha or doc[k].text in self.name_rules.hyphens
                    or doc[k].is_space and doc[k].text.count("\n") < 2):
                return None
        if d is None or d < 2 or not self._closes_description(doc, e):
            return None
        x_end = d - 1
        if not is_cap(doc[x_end - 1], self.name_rules) or doc[x_end - 1].is_punct:
            return None
        start = run_left(doc, x_end - 1, self.name_rules)
        while start < x_end and doc[start].lower_ in self.leading_noise:
            start += 1
        if start == x_end or x_end - start > 6 or self._adverbial(doc, start) or _tail_of_name(doc, start):
            return None
        folded = normalize_name(doc[start:x_end].text)
        if folded in self.generic or folded in self.all_places or doc[start].lower_ in self.not_continuations \
                or (x_end - start == 1 and doc[start].is_stop):   # "Moreover, the company, ..."
            return None
        if all(t.text[:1].isupper() for t in doc[d + 1:e]):   # "Gavi, the Vaccine Alliance": one name
            return start, e, "rule", "organizations.defining", x_end
        return start, x_end, "rule", "organizations.defining", x_end

    def _adverbial(self, doc: Doc, start: int) -> bool:
        """The name opens a phrase that a preposition opens a clause with: "In Springfield, the
        company said" (but "a stake in Orbex, the rocket maker")."""
        if start == 0 or doc[start - 1].lower_ not in self.not_before:
            return False
        p = start - 1
        return p == 0 or doc[p].text[:1].isupper() or doc[p - 1].is_punct or doc[p - 1].is_space

    def _closes_description(self, doc: Doc, e: int) -> bool:
        """The description ends at ``e``: "..., the British charity, said", "... charity." (not a list,
        "X, the World Bank, Oxfam and ...", nor a longer noun, "the bank's chief")."""
        if e == len(doc) or doc[e].text in (".", ";", ":", ")") or "\n" in doc[e].text:
            return True
        if doc[e].text != ",":
            return False
        after = doc[e + 1] if e + 1 < len(doc) else None
        return after is None or after.text[:1].islower() and after.lower_ not in self.name_rules.coordinators


def _tail_of_name(doc: Doc, start: int) -> bool:
    """``doc[start]`` ends a longer name after one or two short lower-case words: "Brothers to the
    Rescue", "Bank of Norvik" (not "Shares in Norvik" at a sentence's start)."""
    k = start - 1
    while k >= max(start - 2, 0) and doc[k].is_lower and doc[k].is_alpha and len(doc[k]) <= 3:
        k -= 1
    if k == start - 1 or k < 0:
        return False
    word = doc[k]
    return word.text[:1].isupper() and word.is_alpha and not word.is_sent_start and not (
        k > 0 and (doc[k - 1].is_punct or doc[k - 1].is_space))


def _in_prose(doc: Doc, i: int) -> bool:
    """Token ``i``'s sentence has a few lower-case words: prose, not a heading or a menu in title case."""
    sent = doc[i].sent
    return sum(1 for t in sent if t.is_lower and t.is_alpha) >= 3
