"""Organization names closed by a head word (``claimspan_organizations``, both modes): a
capitalized run around a head ("Ministry of Foreign Affairs", "Agriculture and Fisheries
Bank"), its of/for-chains and its coordinated left part (``rules/organizations/names.yaml``).
A mixin of the component: it reads the tables ``OrganizationsComponent.load_rules`` builds."""
from __future__ import annotations

from spacy.tokens import Doc

from claimspan.components.docarrays import positions
from claimspan.components.propernames import is_cap, parts_right, run_left, run_right
from claimspan.normalize.orgs import normalize_name


LIST_ITEMS = 4   # fields before the "and" of a list that goes on a name ("Digital, Culture, Media and Sport")


class HeadNames:
    """The names a head word closes, a part of ``OrganizationsComponent``."""

    def _rule_names(self, doc: Doc) -> list[tuple]:
        out, covered_to = [], -1
        for h in positions(doc, self.heads):   # the head words, read off the Doc's LOWER column
            if h < covered_to or not is_cap(doc[h], self.name_rules):
                continue
            span = self._name_around(doc, h)
            if span is not None:
                out.append((span[0], span[1], "rule", "organizations.name.head"))
                covered_to = span[1]
        return out

    def _short_forms(self, doc: Doc, names: list[tuple]) -> dict[str, str]:
        """A company's first word, which news uses alone after the full name ("Halcyon Resources
        ... Halcyon said"), -> the name: for names a ``short_form_heads`` word closes, whose first
        word is no place, no common opening word (``not_short_forms``) and no function word."""
        out = {}
        for s, full, _, _ in names:
            e = full
            while e - s > 1 and (doc[e - 1].lower_ in self.closing_heads or doc[e - 1].text == ","):
                e -= 1
            first = doc[s]
            if e - s < 2 or doc[e - 1].lower_ not in self.short_form_heads \
                    or not first.is_alpha or first.is_upper or len(first) < 3:
                continue
            folded = normalize_name(first.text)
            if folded not in self.not_short_forms and folded not in self.place_words \
                    and first.lower_ not in self.leading_noise and first.lower_ not in self.heads:
                out.setdefault(first.text, doc[s:full].text)
        return out

    def _alone(self, doc: Doc, i: int) -> bool:
        """Token ``i`` is a word on its own, not part of a longer capitalized name nor a person's
        ("Mr. Carver", "John Carver")."""
        rules = self.name_rules
        before = doc[i - 1] if i > 0 else None
        after = doc[i + 1] if i + 1 < len(doc) else None
        return not (before is not None and (is_cap(before, rules) and not before.is_punct and not before.is_sent_start
                                            or before.lower_ in self.person_titles)) \
            and not (after is not None and is_cap(after, rules) and not after.is_punct)

    def _name_around(self, doc: Doc, h: int) -> tuple[int, int] | None:
        rules = self.name_rules
        start = self._start(doc, h)
        if start is None:
            return None
        run_end = run_right(doc, h, rules)
        end = self._last_head(doc, h, run_end)  # attached words after the last head are not the name
        if any(t.lower_ in self.title_of_heads for t in doc[end:run_end]):
            return None  # "Regular Press Conference", "Bank Holding Company Act": the name is a modifier
        end = next((i + 1 for i in range(h, end) if doc[i].lower_ in self.closing_heads), end)
        closed = doc[end - 1].lower_ in self.closing_heads
        parts = parts_right(doc, run_end, rules) if end == run_end and not closed else []
        in_complement = False
        for conn, k, part_end in parts:
            ordinal = self.name_rules.ordinal_suffixes
            if doc[k].lower_ in self.not_continuations or not any(t.is_alpha and t.lower_ not in ordinal
                                                                  for t in doc[k:part_end]):
                break  # "State Department on Sunday", "Third Committee of the 78th session"
            last = self._last_head(doc, k, part_end, in_part=True)
            if doc[conn].lower_ in self.name_coordinators and (last > k or not in_complement):
                break           # "X University and Y University", "China Daily and Xinhua": two names
            listed = any(t.lower_ in self.name_coordinators or t.text == "," for t in doc[conn:k])
            if listed and doc[k - 1].lower_ == "the":
                break           # "Department of Veterans Affairs and the Boys and Girls Clubs": a list of names
            in_complement = True
            if last == k:       # "of Foreign Affairs", "of Industry and Commerce"
                end = part_end
                continue
            end = last          # "of Nankai University", and stop after trailing words
            if last < part_end:
                break
        if in_complement:
            end = self._listed_tail(doc, end)   # "Department for Levelling Up, Housing and Communities"
        if end - start < 2 or end - start < 3 and doc[end - 1].lower_ in self.two_word_heads:
            return None   # "the Biden Administration" (but "the Federal Aviation Administration")
        if doc[end - 1].lower_ in self.company_heads and (
                all(t.lower_ in self.field_words or t.lower_ in self.name_coordinators for t in doc[start:end])
                or self._after_title_of(doc, start)):
            return None   # a topic ("Renewable Energy", "Liquidity and Capital Resources"), or an office's
            #               ("Minister for Renewable Energy")
        core = start
        while True:  # "West Bank", and "Jewish West Bank": place words before a place or a generic name
            if normalize_name(doc[core:end].text) in self.not_names:   # a generic word, or a place's name
                return None                                                # ("Russian Federation")
            if core == end - 1 or normalize_name(doc[core].text) not in self.places:
                break
            core += 1
        return start, end

    def _listed_tail(self, doc: Doc, end: int) -> int:
        """The end of a list of fields that goes on a name's of/for part: ", Housing and Communities",
        ", Maritime and Transport Workers" (every word a ``field_words`` word, the list closed by
        "and" and its last item); ``end`` when none does."""
        k, items = end, 0
        while k + 1 < len(doc) and doc[k].text == "," and items < LIST_ITEMS:
            item_end = self._field_run(doc, k + 1)
            if item_end is None:
                return end
            k, items = item_end, items + 1
        if not items or k + 1 >= len(doc) or doc[k].lower_ != "and":
            return end
        last = self._field_run(doc, k + 1)
        if last is None or last < len(doc) and is_cap(doc[last], self.name_rules) and not doc[last].is_punct:
            return end
        return last

    def _field_run(self, doc: Doc, i: int) -> int | None:
        """End of the capitalized run of field words (at most three) that starts at token ``i``."""
        if not (is_cap(doc[i], self.name_rules) and doc[i].is_alpha):
            return None
        j = i
        while j < len(doc) and j - i < 3 and doc[j].is_alpha and doc[j].text[0].isupper() \
                and doc[j].lower_ in self.field_words:
            j += 1
        return j if j > i and (j == len(doc) or not (doc[j].is_alpha and doc[j].text[0].isupper())) else None

    def _start(self, doc: Doc, h: int) -> int | None:
        """First token of the name whose first head is ``doc[h]``."""
        rules = self.name_rules
        start = run_left(doc, h, rules)
        if start == h and doc[h].lower_ in self.closing_heads and h >= 2 and doc[h - 1].text == "," \
                and is_cap(doc[h - 2], rules) and not doc[h - 2].is_punct:
            left = run_left(doc, h - 2, rules)   # "Acme Robotics, Inc.", "NetChoice, LLC" (not "In Boston, Inc.
            if normalize_name(doc[left:h - 1].text) not in self.all_places:   # magazine said")
                start = left
        for i in range(h - 1, start - 1, -1):
            if doc[i].lower_ in self.closing_heads:
                start = i + 1  # "... Co. Hertz Corp.": the previous name ends there
                break
        if start > 0 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_:
            start += 1  # "anti-Castro Cuban American National Foundation": the modifier is not the name
        start = self._coordinated_left(doc, start)
        while start < h and (doc[start].lower_ in self.leading_noise or _headline_word(doc, start)
                             or doc[start].is_punct) and not _hyphen_after(doc, start):
            start += 1
        return start if start <= h else None

    def _coordinated_left(self, doc: Doc, start: int) -> int:
        """Extend over "Securities and" in "Securities and Exchange Commission", "Xinjiang Production and
        Construction Corps", "Fire & Casualty Co." -- not over another name or the end of an of-chain."""
        rules = self.name_rules
        if start < 2 or doc[start - 1].lower_ not in self.name_coordinators or not is_cap(doc[start - 2], rules):
            return start
        left = run_left(doc, start - 2, rules)
        if any(t.lower_ in self.part_heads for t in doc[left:start - 1]) or (
                start - 1 - left > 1 and doc[start - 2].lower_ in self.company_heads):
            return start   # another name ("Halcyon Resources and"; but "Energy and Water Agency": a trade alone)
        if (normalize_name(doc[left:start - 1].text) in self.places
                and normalize_name(doc[start].text) not in self.places):
            return start  # "China and Russia Development Bank" (but "Hong Kong and Macao Affairs Office")
        before = doc[left - 1].lower_ if left > 0 else ""
        if left > 0 and (before in rules.connectors or before in self.name_coordinators or before == "," or (
                doc[left - 1].lower_ == "the" and left > 1 and is_cap(doc[left - 2], rules))):
            return start
        return left

    def _last_head(self, doc: Doc, start: int, end: int, in_part: bool = False) -> int:
        """End of the last head word in ``doc[start:end]``, or ``start``. In a part after a connector a
        two-word head is a field, not a name's head ("Institute of Urban Planning and Public Administration")."""
        heads = self.part_heads if in_part else self.heads
        for i in range(end - 1, start - 1, -1):
            if doc[i].lower_ in heads:
                return i + 1
        return start


def _headline_word(doc: Doc, i: int) -> bool:
    """An upper-case word before a mixed-case one: "CORPORATES Sun Microsystems Inc." (not an acronym)."""
    return len(doc[i]) > 5 and doc[i].is_upper and i + 1 < len(doc) and not doc[i + 1].is_upper


def _hyphen_after(doc: Doc, i: int) -> bool:
    return i + 1 < len(doc) and doc[i + 1].text == "-"
