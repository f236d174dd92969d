"""``claimspan_organizations``: the organizations table.

Writes rows to ``doc.spans["organizations"]`` with attributes in
``span._.organization`` (name, acronym, org_key, source). Mentions come from
four places, the longest winning where they overlap (ties: rule, acronym,
gazetteer, model):

- rule: capitalized names closed by a head word, with of/for-chains
  (``rules/organizations/names.yaml``, ``organization_names.py``), names a description defines ("Oxfam,
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
  name words to a rule mention replaces it ("Samsung Electronics");
- rule, where nothing above found a name: a name next to words only an organization
  takes ("Qualcomm shares", "analysts at Bernstein": ``cues.yaml``) and its repeats.

``exclusions.yaml`` drops generic references and places.
"""
from __future__ import annotations

import re
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from claimspan import extensions, ruleset
from claimspan.components.base import RuleComponent
from claimspan.components.speaker_offices import label_text
from claimspan.components.propernames import NameRules, articles, shared_words, tokens_with_text
from claimspan.components.organization_descriptions import DescribedNames
from claimspan.components.organization_names import HeadNames
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


class OrganizationsComponent(RuleComponent, HeadNames, DescribedNames, ModelNames):
    table = "organizations"

    # -- rules ------------------------------------------------------------------
    def load_rules(self, rules_dir: Path) -> None:
        names = self.read(rules_dir, "names.yaml")
        excl = self.read(rules_dir, "exclusions.yaml")
        self.gazetteer = self.read(rules_dir, "gazetteer.jsonl")

        def words(data, key):
            return frozenset(str(w).lower() for w in data.get(key) or ())

        self.closing_heads = words(names, "closing_heads")
        self.two_word_heads = words(names, "two_word_heads")
        self.company_heads = words(names, "company_heads")
        self.not_short_forms = words(names, "not_short_forms")
        # dropped from a key: "Ford Motor Co." and "Ford Motor Company" are one
        self.legal_forms = frozenset(normalize_name(w) for w in self.closing_heads | words(names, "legal_words"))
        self.short_form_heads = words(names, "short_form_heads") | self.company_heads | self.closing_heads
        self.field_words = words(names, "field_words") | self.company_heads
        self.heads = words(names, "heads") | self.closing_heads | self.company_heads
        # the heads of an of-chain's parts: "of Public Administration", "of Securities Dealers" name a field
        self.part_heads = self.heads - self.two_word_heads - self.company_heads
        self.leading_noise = words(names, "leading_noise")
        self.not_continuations = words(names, "not_continuations")
        definite, indefinite = articles()
        self.definite = definite
        self.name_coordinators = words(names, "coordinators")
        self.name_rules = NameRules(connectors=words(names, "connectors") - definite, inner=definite,
                                    possessive_ok=words(names, "possessive_ok"),
                                    stop_words=self.leading_noise - definite - indefinite, **shared_words())
        self.generic = frozenset(normalize_name(w) for w in excl.get("generic") or ())
        self.places = frozenset(normalize_name(w) for w in excl.get("places") or ())
        self.event_heads = words(excl, "event_heads")
        self.person_titles = words(self.read(rules_dir, "model.yaml"), "person_titles")
        self.all_places = self.places | _country_words()
        self.place_words = self.all_places | _country_words(("cities",))   # no short form of a company
        self.not_names = self.generic | self.all_places   # what a rule name may not be as a whole
        defining = self.read(rules_dir, "defining.yaml")
        self.determiners = words(defining, "determiners")
        self.descriptors = words(defining, "descriptors")
        self.not_before = words(defining, "not_before")
        self.not_initials = frozenset(str(w) for w in defining.get("not_initials") or ())
        cues = self.read(rules_dir, "cues.yaml")
        self.cues = {side: words(cues, side) for side in ("before", "after", "after_possessive")}
        self.cue_not_names = words(cues, "not_names")
        self.vote_verbs, self.vote_units = words(cues, "vote_verbs"), words(cues, "vote_units")
        self.joiners = words(cues, "joiners")
        self.possessive_ids = frozenset(self.nlp.vocab.strings.add(w) for w in self.name_rules.possessives)
        self.acronym_skipped = frozenset(ruleset.load_table("common", "words.yaml").get("acronym_skipped_words") or ())
        self.max_described = int(defining.get("max_words") or 5)
        results = self.read(rules_dir, "results.yaml")
        lines = [dict(e, pattern=e["pattern"].replace("{side}", results["side"])) for e in results["lines"]]
        ruleset.compile_any(lines, Path(rules_dir) / "results.yaml")   # a bad regex fails here, naming its rule
        # a line's `needs`, a quick search, tells the texts that may hold one from the many that do not
        path = Path(rules_dir) / "results.yaml"
        self.result_lines = [(e["id"], re.compile(e["pattern"], re.MULTILINE),
                              ruleset.compile_any([{**e, "pattern": e.get("needs", "")}], path)) for e in lines]
        self.aliases = build_aliases(self.gazetteer)
        self.by_acronym = {normalize_name(e["acronym"]): e for e in self.gazetteer if e.get("acronym")}
        self.instrument_heads = _instrument_heads()
        # a name right before a law's or a code's head is its title: "the Bank Holding Company Act",
        # "the California Insurance Code"
        self.title_of_heads = self.event_heads | _instrument_heads("law") | _instrument_heads("code")
        self.not_modified = self.event_heads | self.instrument_heads
        debris = editor_debris()
        self.debris = re.compile(f"^(?:{debris.pattern})*")
        self.turn_label = re.compile(rf"(?m)^(?:{debris.pattern})*[ \t]*([A-Z][^\n:]{{1,60}}?):[ \t]*$")
        self._build_matchers()

    def _build_matchers(self) -> None:
        # one pass over the LOWER column finds the descriptions' words and every cue: its phrases, the unit of
        # a vote share and the joiners ("&")
        self.lower_matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.lower_matcher.add("descriptor", [self.nlp.tokenizer(d) for d in sorted(self.descriptors)])
        self.lower_matcher.add("unit", [self.nlp.tokenizer(w) for w in sorted(self.vote_units)])
        self.lower_matcher.add("joiner", [self.nlp.tokenizer(w) for w in sorted(self.joiners)])
        for side, phrases in self.cues.items():
            self.lower_matcher.add(side, [self.nlp.tokenizer(c) for c in sorted(phrases)])
        self.gaz_matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        for entry in self.gazetteer:
            spellings = [s for v in [entry["name"], *entry.get("variants", ())] for s in un_spellings(v)]
            # a heading or a bill's header in capitals writes a name of three words or more so too ("IN THE
            # HOUSE OF REPRESENTATIVES"; a dateline's "UNITED NATIONS (AP)" is a place)
            spellings += [s.upper() for s in spellings if s.count(" ") >= 2]
            if entry.get("acronym"):
                spellings.append(entry["acronym"])
            self.gaz_matcher.add("gazetteer", [self.nlp.tokenizer(s) for s in dict.fromkeys(spellings)])

    # -- matching ---------------------------------------------------------------
    def match(self, doc: Doc) -> list[tuple[int, int, str, str, dict]]:
        """Mentions ``(start, end, source, rule_id, attrs)``, overlaps resolved."""
        text = doc._.text
        label_mentions, in_labels = self._turn_labels(doc, text)
        names = self._rule_names(doc)
        short_forms = self._short_forms(doc, names)
        strings = self.nlp.vocab.strings
        hits = [(strings[label], s, e) for label, s, e in self.lower_matcher(doc)]
        cands = names + label_mentions + self._described(doc, hits) + self._result_sides(doc)
        cands += [(i, i + 1, "rule", "organizations.name.short_form") for i in tokens_with_text(doc, short_forms)
                  if self._alone(doc, i)]
        cands += [(s, e, "gazetteer", "organizations.gazetteer") for _, s, e in self.gaz_matcher(doc)
                  if e - s > 1 or not (self._after_title(doc, s) or _numbered_heading(doc, s))]
        found = extensions.acronym_definitions(doc)
        defs = self._definitions(found, doc._.org_definitions)
        doc._.org_definitions = defs
        cands += [(i, i + 1, "acronym", "organizations.acronym.defined") for i in tokens_with_text(doc, defs)]
        spelled = self._by_initials(doc, cands, defs)   # "the ANC" after "the African National Congress"
        at = tokens_with_text(doc, spelled)
        cands += [(i, i + 1, "acronym", "organizations.acronym.initials") for i in at]
        spelled = {doc[i].text: spelled[doc[i].text] for i in at}   # only those the text writes
        # the long form the text defines is the name, whole ("United Nations Mission in South Sudan (UNMISS)"),
        # where no other rule found that very span
        seen = {(c[0], c[1]) for c in cands}
        cands += [(span.start, span.end, "acronym", "organizations.acronym.long_form") for d in found
                  if defs.get(d.short) == d.long and (span := doc.char_span(d.long_start, d.long_end)) is not None
                  and (span.start, span.end) not in seen]
        cands += self._cued(doc, cands, hits)   # "Qualcomm shares": where no other rule found a name
        chosen = resolve(_outside(cands, in_labels))
        if doc.has_annotation("ENT_IOB"):
            chosen = self._with_model(doc, chosen, _outside(self._model_names(doc, chosen, defs, text), in_labels))
        defs = {**spelled, **defs}
        defined_keys = {org_key(long, self.aliases, self.legal_forms): short for short, long in defs.items()}
        described: dict[str, dict] = {}   # a name repeats: described once per document
        out = []
        for s, e, source, rule in chosen:
            text = doc[s:e].text
            if text not in described:
                described[text] = self.describe(text, defs, defined_keys, short_forms)
            out.append((s, e, source, rule, described[text]))
        return out

    def _turn_labels(self, doc: Doc, text: str) -> tuple[list[tuple], set[int]]:
        """Mentions from turn labels that name an organization: a news outlet asking
        (``CGTN:``, ``People's Daily:``; the speakers table gives it as its own organization)
        or a known name. And the tokens of every other label (``SMITH:``, ``MR. LEE:``): a
        person's label is no organization, by any rule or the model."""
        if doc._.turns is None:  # claimspan_speakers did not run: labels alone on their line
            labels, outlets = [(m.start(1), m.group(1).strip()) for m in self.turn_label.finditer(text)], set()
        else:
            labels = [(t[1], label_text(t)) for t in doc._.turns]
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
            first_segment = re.split(r" (?:of|for|on|in) ", long_folded)[0]   # "Mission in South Sudan"
            if long_folded in self.aliases or first_segment.rsplit(" ", 1)[-1] in self.heads:
                defs.setdefault(d.short, d.long)
        return defs

    def _after_title(self, doc: Doc, i: int) -> bool:
        """Token ``i`` follows a person's title (``model.yaml`` person_titles)."""
        return i > 0 and doc[i - 1].lower_ in self.person_titles

    def _after_title_of(self, doc: Doc, i: int) -> bool:
        """Token ``i`` follows a person's title and "of"/"for" (the): the office the title is of
        ("Secretary of Homeland Security", "Minister for Renewable Energy")."""
        k = i - 1 - (i > 1 and doc[i - 1].lower_ in self.definite)
        return k > 0 and doc[k].lower_ in ("of", "for") and doc[k - 1].lower_ in self.person_titles

    # -- rows -------------------------------------------------------------------
    def set_annotations(self, doc: Doc, matches: list[tuple]) -> None:
        if self.table not in doc.spans:
            doc.spans[self.table] = []
        for start, end, source, rule, attrs in matches:
            extensions.add_row(doc, self.table, doc[start:end], rule, dict(attrs, source=source))

    def describe(self, text: str, defs: dict[str, str], defined_keys: dict[str, str],
                 short_forms: dict[str, str] | None = None) -> dict:
        """name, acronym and org_key of one mention (``short_forms``: a company's first word -> its name)."""
        if short_forms and text in short_forms:
            return self.describe(short_forms[text], defs, defined_keys)
        label = text[self.debris.match(text).end():]
        short = label.replace(".", "")
        if label in defs:
            long = defs[label]
            return {"name": long, "acronym": label, "org_key": org_key(long, self.aliases, self.legal_forms)}
        entry = self.by_acronym.get(normalize_name(label))
        if entry and (short.isupper() or label == entry["acronym"]):   # "UNHCR", "U.N.", "BoE" as listed
            return {"name": entry["name"], "acronym": entry["acronym"],
                    "org_key": org_key(entry["name"], self.aliases, self.legal_forms)}
        key = org_key(label, self.aliases, self.legal_forms)
        return {"name": label, "acronym": defined_keys.get(key), "org_key": key}


def _outside(cands: list[tuple], tokens: set[int]) -> list[tuple]:
    """The candidates with no token in ``tokens``."""
    return [c for c in cands if not tokens.intersection(range(c[0], c[1]))] if tokens else cands


def _country_words(keys=("names", "abbreviations", "adjectives", "people")) -> frozenset:
    """The names, abbreviations, adjectives and peoples of the countries and regions of
    rules/statistics/places.yaml (not their cities unless ``keys`` says so: a club is often
    named after one), normalized."""
    try:
        data = ruleset.load_table("statistics", "places.yaml")
    except ruleset.RuleError:
        return frozenset()
    return frozenset(normalize_name(w) for entry in [*data.get("countries", ()), *data.get("regions", ())]
                     for key in keys for w in entry.get(key) or ())


def _instrument_heads(kind: str | None = None) -> frozenset:
    """Instrument head words (rules/resolutions/instruments.yaml), of one ``kind`` or all: a
    name that ends in one is not an organization."""
    try:
        data = ruleset.load_table("resolutions", "instruments.yaml")
    except ruleset.RuleError:
        return frozenset()
    return frozenset(w.lower() for w, k in (data.get("heads") or {}).items() if kind in (None, k))


def _numbered_heading(doc: Doc, i: int) -> bool:
    """Token ``i`` opens its line and a period and a number follow: a section's heading
    (``SEC. 103.`` in an act is no Securities and Exchange Commission)."""
    return i + 2 < len(doc) and (i == 0 or "\n" in doc[i - 1].text_with_ws) and doc[i + 1].text == "." \
        and doc[i + 2].like_num
