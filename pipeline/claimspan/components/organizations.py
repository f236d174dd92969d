"""``claimspan_organizations``: the organizations table.

Writes rows to ``doc.spans["organizations"]`` with attributes in
``span._.organization`` (name, acronym, org_key, source). Mentions come from
four places, the longest winning where they overlap (ties: rule, acronym,
gazetteer, model):

- rule: capitalized names closed by a head word, with of/for-chains
  (``rules/organizations/names.yaml``), names a description defines ("Oxfam,
  the British charity, said": ``defining.yaml``) and their repeats, and news
  outlets used as turn labels (any other turn label, a person's, is never an
  organization);
- gazetteer: known names, acronyms and variants (``gazetteer.jsonl``), except a
  one-word name after a person's title ("Mrs. Tesla", ``model.yaml``);
- acronym: short forms the document defines (``State Council Information
  Office (SCIO)``, Schwartz-Hearst, ``pipeline/claimspan/normalize/acronyms.py``);
- model: ORG entities of a trained pipeline, kept unless a rule knows better
  (a place, a generic reference, an instrument or event, a person, a speaker's
  label, a heading in capitals, a dateline: ``model.yaml``); one that only adds
  name words to a rule mention replaces it ("Samsung Electronics").

``exclusions.yaml`` drops generic references and places.
"""
from __future__ import annotations

import bisect
import re
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from claimspan import extensions, ruleset
from claimspan.components import lexflags
from claimspan.components.candidates import longest
from claimspan.components.base import RuleComponent
from claimspan.components.propernames import (POSSESSIVES, SUFFIXES, NameRules, hyphens, is_cap, parts_right, run_left,
                                               run_right, tokens_with_text)
from claimspan.layout import editor_debris
from claimspan.normalize.acronyms import parenthesis_endings
from claimspan.normalize.orgs import build_aliases, normalize_name, org_key, un_spellings

PRIORITY = {"rule": 0, "acronym": 1, "gazetteer": 2, "model": 3}


@Language.factory(
    "claimspan_organizations",
    default_config={"rules_dir": None},
    assigns=["doc.spans", "span._.organization", "doc._.org_definitions"],
    requires=["doc._.turns"],
)
def make_organizations(nlp: Language, name: str, rules_dir: str | None):
    return OrganizationsComponent(nlp, name, rules_dir)


class OrganizationsComponent(RuleComponent):
    table = "organizations"

    # -- rules ------------------------------------------------------------------
    def load_rules(self, rules_dir: Path) -> None:
        names = self.read(rules_dir, "names.yaml")
        excl = self.read(rules_dir, "exclusions.yaml")
        self.gazetteer = self.read(rules_dir, "gazetteer.jsonl")

        def words(data, key):
            return frozenset(str(w).lower() for w in data.get(key) or ())

        self.closing_heads = words(names, "closing_heads")
        self.heads = words(names, "heads") | self.closing_heads
        self.leading_noise = words(names, "leading_noise")
        self.not_continuations = words(names, "not_continuations")
        self.name_rules = NameRules(connectors=words(names, "connectors") - {"the"}, inner=frozenset({"the"}),
                                    possessive_ok=words(names, "possessive_ok"),
                                    stop_words=self.leading_noise - {"the", "a", "an"}, hyphens=hyphens())
        self.generic = frozenset(normalize_name(w) for w in excl.get("generic") or ())
        self.places = frozenset(normalize_name(w) for w in excl.get("places") or ())
        self.event_heads = words(excl, "event_heads")
        self.person_titles = words(self.read(rules_dir, "model.yaml"), "person_titles")
        self.all_places = self.places | _country_words()
        defining = self.read(rules_dir, "defining.yaml")
        self.determiners = words(defining, "determiners")
        self.descriptors = words(defining, "descriptors")
        self.not_before = words(defining, "not_before")
        self.max_described = int(defining.get("max_words") or 5)
        results = self.read(rules_dir, "results.yaml")
        lines = [dict(e, pattern=e["pattern"].replace("{side}", results["side"])) for e in results["lines"]]
        ruleset.compile_any(lines, Path(rules_dir) / "results.yaml")   # a bad regex fails here, naming its rule
        self.result_lines = [(e["id"], re.compile(e["pattern"], re.MULTILINE)) for e in lines]
        self.aliases = build_aliases(self.gazetteer)
        self.by_acronym = {normalize_name(e["acronym"]): e for e in self.gazetteer if e.get("acronym")}
        self.instrument_heads = _instrument_heads()
        self.not_modified = self.event_heads | self.instrument_heads
        debris = editor_debris()
        self.debris = re.compile(f"^(?:{debris.pattern})*")
        self.turn_label = re.compile(rf"(?m)^(?:{debris.pattern})*[ \t]*([A-Z][^\n:]{{1,60}}?):[ \t]*$")
        self._build_matchers()

    def _build_matchers(self) -> None:
        self.head_matcher = lexflags.SparseMatcher(self.nlp.vocab)   # run only at head words (lexflags)
        self.head_matcher.add("head", [[{"LOWER": {"IN": sorted(self.heads)}}]])
        self.descriptor_matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.descriptor_matcher.add("descriptor", [self.nlp.tokenizer(d) for d in sorted(self.descriptors)])
        self.gaz_matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        for entry in self.gazetteer:
            spellings = [s for v in [entry["name"], *entry.get("variants", ())] for s in un_spellings(v)]
            if entry.get("acronym"):
                spellings.append(entry["acronym"])
            self.gaz_matcher.add("gazetteer", [self.nlp.tokenizer(s) for s in dict.fromkeys(spellings)])

    # -- matching ---------------------------------------------------------------
    def match(self, doc: Doc) -> list[tuple[int, int, str, str, dict]]:
        """Mentions ``(start, end, source, rule_id, attrs)``, overlaps resolved."""
        text = doc._.text
        label_mentions, in_labels = self._turn_labels(doc, text)
        cands = self._rule_names(doc) + label_mentions + self._described(doc) + self._result_sides(doc)
        cands += [(s, e, "gazetteer", "organizations.gazetteer") for _, s, e in self.gaz_matcher(doc)
                  if e - s > 1 or not self._after_title(doc, s)]   # "Mrs. Tesla" is a person
        defs = self._definitions(extensions.acronym_definitions(doc), doc._.org_definitions)
        doc._.org_definitions = defs
        cands += [(i, i + 1, "acronym", "organizations.acronym.defined") for i in tokens_with_text(doc, defs)]
        chosen = _resolve(_outside(cands, in_labels))
        if doc.has_annotation("ENT_IOB"):
            chosen = self._with_model(doc, chosen, _outside(self._model_names(doc, chosen, defs, text), in_labels))
        defined_keys = {org_key(long, self.aliases): short for short, long in defs.items()}
        return [(s, e, source, rule, self.describe(doc[s:e].text, defs, defined_keys))
                for s, e, source, rule in chosen]

    def _rule_names(self, doc: Doc) -> list[tuple]:
        out, covered_to = [], -1
        for _, h, _ in self.head_matcher(doc):
            if h < covered_to or not is_cap(doc[h], self.name_rules):
                continue
            span = self._name_around(doc, h)
            if span is not None:
                out.append((span[0], span[1], "rule", "organizations.name.head"))
                covered_to = span[1]
        return out

    def _result_sides(self, doc: Doc) -> list[tuple]:
        """The two sides of a line of results (``results.yaml``), but not a country's side."""
        out = []
        for rule, pattern in self.result_lines:
            for m in pattern.finditer(doc.text):
                for group in ("a", "b"):
                    span = doc.char_span(m.start(group), m.end(group))
                    folded = normalize_name(m.group(group))
                    if span is not None and folded not in self.all_places and folded not in self.generic:
                        out.append((span.start, span.end, "rule", rule))
        return out

    def _described(self, doc: Doc) -> list[tuple]:
        """Names that a description defines, "X, the Y" (``defining.yaml``), and their repeats."""
        out, ends = [], set()
        for _, s, e in self.descriptor_matcher(doc):
            if e in ends:
                continue   # "news agency" and "agency"
            found = self._description(doc, s, e)
            if found is not None:
                ends.add(e)
                out.append(found)
        if not out:
            return []
        names = {}
        for start, _, _, _, x_end in out:
            names.setdefault(doc[start].text, set()).add(tuple(t.text for t in doc[start:x_end]))
        defined = {(m[0], m[4]) for m in out}
        repeats = []
        for tok in doc:
            for words in names.get(tok.text, ()):
                end = tok.i + len(words)
                if end <= len(doc) and (tok.i, end) not in defined and \
                        tuple(t.text for t in doc[tok.i:end]) == words and not (end < len(doc) and is_cap(
                            doc[end], self.name_rules) and not doc[end].is_punct):
                    repeats.append((tok.i, end, "rule", "organizations.defining.repeat"))
        return [m[:4] for m in out] + repeats

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

    @staticmethod
    def _closes_description(doc: Doc, e: int) -> bool:
        """The description ends at ``e``: "..., the British charity, said", "... charity." (not a list,
        "X, the World Bank, Oxfam and ...", nor a longer noun, "the bank's chief")."""
        if e == len(doc) or doc[e].text in (".", ";", ":", ")") or "\n" in doc[e].text:
            return True
        if doc[e].text != ",":
            return False
        return e + 1 == len(doc) or doc[e + 1].text[:1].islower() and doc[e + 1].lower_ not in ("and", "or")

    def _name_around(self, doc: Doc, h: int) -> tuple[int, int] | None:
        rules = self.name_rules
        start = self._start(doc, h)
        if start is None:
            return None
        run_end = run_right(doc, h, rules)
        end = self._last_head(doc, h, run_end)  # attached words after the last head are not the name
        if any(t.lower_ in self.event_heads for t in doc[end:run_end]):
            return None  # "Regular Press Conference", "Security Council Chamber": the name is a modifier
        end = next((i + 1 for i in range(h, end) if doc[i].lower_ in self.closing_heads), end)
        closed = doc[end - 1].lower_ in self.closing_heads
        parts = parts_right(doc, run_end, rules) if end == run_end and not closed else []
        in_complement = False
        for conn, k, part_end in parts:
            if doc[k].lower_ in self.not_continuations or not any(t.is_alpha and t.lower_ not in SUFFIXES
                                                                  for t in doc[k:part_end]):
                break  # "State Department on Sunday", "Third Committee of the 78th session"
            last = self._last_head(doc, k, part_end)
            if doc[conn].lower_ in ("and", "&") and (last > k or not in_complement):
                break           # "X University and Y University", "China Daily and Xinhua": two names
            in_complement = True
            if last == k:       # "of Foreign Affairs", "of Industry and Commerce"
                end = part_end
                continue
            end = last          # "of Nankai University", and stop after trailing words
            if last < part_end:
                break
        if end - start < 2:
            return None
        core = start
        while True:  # "West Bank", and "Jewish West Bank": place words before a place or a generic name
            if normalize_name(doc[core:end].text) in self.generic | self.places:
                return None
            if core == end - 1 or normalize_name(doc[core].text) not in self.places:
                break
            core += 1
        return start, end

    def _start(self, doc: Doc, h: int) -> int | None:
        """First token of the name whose first head is ``doc[h]``."""
        rules = self.name_rules
        start = run_left(doc, h, rules)
        for i in range(h - 1, start - 1, -1):
            if doc[i].lower_ in self.closing_heads:
                start = i + 1  # "... Co. Hertz Corp.": the previous name ends there
                break
        if start > 0 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_:
            start += 1  # "anti-Castro Cuban American National Foundation": the modifier is not the name
        start = self._coordinated_left(doc, start)
        while start < h and (doc[start].lower_ in self.leading_noise or _headline_word(doc, start)) \
                and not _hyphen_after(doc, start):
            start += 1
        return start if start <= h else None

    def _coordinated_left(self, doc: Doc, start: int) -> int:
        """Extend over "Securities and" in "Securities and Exchange Commission", "Xinjiang Production and
        Construction Corps", "Fire & Casualty Co." -- not over another name or the end of an of-chain."""
        rules = self.name_rules
        if start < 2 or doc[start - 1].lower_ not in ("and", "&") or not is_cap(doc[start - 2], rules):
            return start
        left = run_left(doc, start - 2, rules)
        if any(t.lower_ in self.heads for t in doc[left:start - 1]):
            return start
        if (normalize_name(doc[left:start - 1].text) in self.places
                and normalize_name(doc[start].text) not in self.places):
            return start  # "China and Russia Development Bank" (but "Hong Kong and Macao Affairs Office")
        if left > 0 and (doc[left - 1].lower_ in rules.connectors or doc[left - 1].lower_ in ("and", ",") or (
                doc[left - 1].lower_ == "the" and left > 1 and is_cap(doc[left - 2], rules))):
            return start
        return left

    def _last_head(self, doc: Doc, start: int, end: int) -> int:
        """End of the last head word in ``doc[start:end]``, or ``start``."""
        for i in range(end - 1, start - 1, -1):
            if doc[i].lower_ in self.heads:
                return i + 1
        return start

    def _turn_labels(self, doc: Doc, text: str) -> tuple[list[tuple], set[int]]:
        """Mentions from turn labels that name an organization: a news outlet asking
        (``CGTN:``, ``People's Daily:``; the speakers table gives it as its own organization)
        or a known name. And the tokens of every other label (``SMITH:``, ``MR. LEE:``): a
        person's label is no organization, by any rule or the model."""
        if doc._.turns is None:  # claimspan_speakers did not run: labels alone on their line
            labels, outlets = [(m.start(1), m.group(1).strip()) for m in self.turn_label.finditer(text)], set()
        else:
            labels = [(t[1], t[2]) for t in doc._.turns]
            outlets = {r["name"] for r in doc._.speakers or () if r.get("organization") == r["name"]
                       and not r.get("role")}
        mentions, in_labels = [], set()
        for label_start, label in labels:
            span = doc.char_span(label_start, label_start + len(label), alignment_mode="expand")
            if span is None:
                continue
            folded = normalize_name(label)
            known = folded in self.aliases or (" " in folded and folded.rsplit(" ", 1)[-1] in self.heads)
            if label in outlets or known:
                mentions.append((span.start, span.end, "rule", "organizations.turn_label"))
            elif doc._.turns is not None:
                in_labels.update(range(span.start, span.end))
        return mentions, in_labels

    def _definitions(self, found: list, earlier: dict[str, str] | None = None) -> dict[str, str]:
        """Acronyms the document defines for an organization: short -> long form as written
        (``earlier``: those of the text before this piece of a long document)."""
        defs = dict(earlier or {})
        for d in found:
            long_folded = normalize_name(d.long)
            first_segment = re.split(r" (?:of|for|on) ", long_folded)[0]
            if long_folded in self.aliases or first_segment.rsplit(" ", 1)[-1] in self.heads:
                defs.setdefault(d.short, d.long)
        return defs

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
        if after < len(span.doc) and span.doc[span.end].text in POSSESSIVES \
                and span.doc[after].lower_ in self.not_modified:
            return False  # "International Workers' Day": the name is a modifier
        before = span.doc[span.start - 1] if span.start else None
        if before is not None and before.text == "The" and span.start > 1 and span.doc[span.start - 2].is_lower:
            return False  # "a seminar on The Contribution of Development ...": a title, mid-sentence
        if self._after_title(span.doc, span.start):
            return False  # "Mr. Dell", "Coach Boeing"
        if len(span) == 1 and last.lower_ in persons:
            return False  # "Hernandez" tagged ORG once and PERSON elsewhere
        if len(span) == 1 and text.isupper() and 2 <= len(text) <= 6:   # not an acronym defined elsewhere: "(WHO)"
            written = text in parenthesized if ")" not in text else \
                re.search(r"\([^)]*\b" + re.escape(text) + r"\)", span.doc._.text) is not None
            return text in defs or not written
        return last.tag_ in ("NNP", "NNPS") and all(t.text[:1].isupper() or t.is_punct or t.is_space
                                                   or t.lower_ in self.name_rules.connectors for t in span)

    def _after_title(self, doc: Doc, i: int) -> bool:
        """Token ``i`` follows a person's title (``model.yaml`` person_titles)."""
        return i > 0 and doc[i - 1].lower_ in self.person_titles

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
        while end > start and (doc[end - 1].is_space or doc[end - 1].text in POSSESSIVES
                               or doc[end - 1].is_punct and doc[end - 1].text not in kept):
            end -= 1
        if end - start > 1 and doc[end - 1].is_digit and doc[end - 2].whitespace_ and (
                end == len(doc) or "\n" in doc[end].text or doc[end].text[:1].isupper()):
            end -= 1   # a score in a line of results: "Bury 0 Wigan Athletic 3" (not "Channel 4 said")
        return doc[start:end] if end > start else None

    @staticmethod
    def _with_model(doc: Doc, chosen: list[tuple], model: list[tuple]) -> list[tuple]:
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
                    and not any(_joining(doc[i]) for i in range(m[0], m[1])):
                added.append(m)
                replaced.update(inside)
        return _resolve([c for c in chosen if c not in replaced] + added)

    # -- rows -------------------------------------------------------------------
    def set_annotations(self, doc: Doc, matches: list[tuple]) -> None:
        if self.table not in doc.spans:
            doc.spans[self.table] = []
        for start, end, source, rule, attrs in matches:
            extensions.add_row(doc, self.table, doc[start:end], rule, dict(attrs, source=source))

    def describe(self, text: str, defs: dict[str, str], defined_keys: dict[str, str]) -> dict:
        """name, acronym and org_key of one mention."""
        label = text[self.debris.match(text).end():]
        short = label.replace(".", "")
        if label in defs:
            long = defs[label]
            return {"name": long, "acronym": label, "org_key": org_key(long, self.aliases)}
        if short.isupper() and normalize_name(label) in self.by_acronym:
            entry = self.by_acronym[normalize_name(label)]
            return {"name": entry["name"], "acronym": entry["acronym"],
                    "org_key": org_key(entry["name"], self.aliases)}
        key = org_key(label, self.aliases)
        return {"name": label, "acronym": defined_keys.get(key), "org_key": key}


def _headline_word(doc: Doc, i: int) -> bool:
    """An upper-case word before a mixed-case one: "CORPORATES Sun Microsystems Inc." (not an acronym)."""
    return len(doc[i]) > 5 and doc[i].is_upper and i + 1 < len(doc) and not doc[i + 1].is_upper


def _joining(tok) -> bool:
    """A token that joins two names rather than continuing one."""
    return tok.lower_ in ("and", "or") or tok.text in (",", ";") or "\n" in tok.text


def _in_capitals(doc: Doc, spans: list[Span]) -> list[bool]:
    """For each span, whether it is on a line in capitals (a heading: "SOCCER - LEEDS HOLD ARSENAL"),
    not one acronym alone. Each line is read once, however many spans it holds."""
    if not spans:
        return []
    text = doc.text
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


def _dateline(span: Span) -> bool:
    """A place in capitals that opens a line before a comma or a date: "OSLO, Feb 3 -"."""
    doc = span.doc
    if not span.text.isupper() or span.start and not (doc[span.start - 1].is_space
                                                      and doc[span.start - 1].text.endswith("\n")):
        return False
    return span.end < len(doc) and (doc[span.end].text in (",", "(") or any(c.isdigit() for c in doc[span.end].text))


def _hyphen_after(doc: Doc, i: int) -> bool:
    return i + 1 < len(doc) and doc[i + 1].text == "-"


def _outside(cands: list[tuple], tokens: set[int]) -> list[tuple]:
    """The candidates with no token in ``tokens``."""
    return [c for c in cands if not tokens.intersection(range(c[0], c[1]))] if tokens else cands


def _resolve(cands: list[tuple]) -> list[tuple]:
    """Longest mention wins; on equal spans the source with the higher priority."""
    return sorted(longest(cands, lambda c: (c[0], c[1]), lambda c: PRIORITY[c[2]]))


def _country_words() -> frozenset:
    """The names, abbreviations, adjectives and peoples of the countries and regions of
    rules/statistics/places.yaml (not their cities: a club is often named after one), normalized."""
    try:
        data = ruleset.load_table("statistics", "places.yaml")
    except ruleset.RuleError:
        return frozenset()
    return frozenset(normalize_name(w) for entry in [*data.get("countries", ()), *data.get("regions", ())]
                     for key in ("names", "abbreviations", "adjectives", "people") for w in entry.get(key) or ())


def _instrument_heads() -> frozenset:
    """Instrument head words (rules/resolutions/instruments.yaml): a name that ends in one is not an organization."""
    try:
        data = ruleset.load_table("resolutions", "instruments.yaml")
    except ruleset.RuleError:
        return frozenset()
    return frozenset(w.lower() for w in (data.get("heads") or {}))


