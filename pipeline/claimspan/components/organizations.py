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

import re
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from claimspan import extensions, ruleset
from claimspan.components import lexflags
from claimspan.components.base import RuleComponent
from claimspan.components.propernames import (SUFFIXES, NameRules, hyphens, is_cap, parts_right, run_left,
                                               run_right, tokens_with_text)
from claimspan.components.organization_descriptions import DescribedNames
from claimspan.components.organization_model import ModelNames, resolve
from claimspan.layout import editor_debris
from claimspan.normalize.orgs import build_aliases, normalize_name, org_key, un_spellings


@Language.factory(
    "claimspan_organizations",
    default_config={"rules_dir": None},
    assigns=["doc.spans", "span._.organization", "doc._.org_definitions"],
    requires=["doc._.turns"],
)
def make_organizations(nlp: Language, name: str, rules_dir: str | None):
    return OrganizationsComponent(nlp, name, rules_dir)


class OrganizationsComponent(RuleComponent, DescribedNames, ModelNames):
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
        chosen = resolve(_outside(cands, in_labels))
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

    def _after_title(self, doc: Doc, i: int) -> bool:
        """Token ``i`` follows a person's title (``model.yaml`` person_titles)."""
        return i > 0 and doc[i - 1].lower_ in self.person_titles

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


def _hyphen_after(doc: Doc, i: int) -> bool:
    return i + 1 < len(doc) and doc[i + 1].text == "-"


def _outside(cands: list[tuple], tokens: set[int]) -> list[tuple]:
    """The candidates with no token in ``tokens``."""
    return [c for c in cands if not tokens.intersection(range(c[0], c[1]))] if tokens else cands


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


