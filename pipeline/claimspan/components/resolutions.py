"""``claimspan_resolutions``: the resolutions table (resolutions and other named instruments).

Writes rows to ``doc.spans["resolutions"]`` with attributes in
``span._.resolution`` (kind, title, body). Reads ``rules/resolutions/``:
``instruments.yaml`` (head words and their kinds, title cues, unnamed
resolutions) and ``gazetteer.jsonl`` (well-known instruments by acronym).
Finds, the longest winning where they overlap:

- capitalized names closed by a head word, with their title continuation and
  a parenthesized period (``National Human Rights Action Plan of China (2016-2020)``);
- quoted titles after ``entitled``/``titled``/``named`` when an instrument noun
  comes before the cue;
- capitalized names closed by a lower-case plural head after "the" (``the Minsk agreements``);
- instruments by number, from the ``symbols`` regexes (``A/RES/77/16``, ``S/RES/2231 (2015)``,
  ``Resolution 2231``, each number of ``resolutions 2625 (2022) and 2677 (2023)``,
  ``Regulation (EU) 2016/679``, ``H.R. 5376``, ``House Bill 1427``, ``Public Law 117-58``);
- acronyms the document defines (``UDHR``) or the gazetteer knows;
- unnamed resolutions (``two resolutions``, ``a China-initiated resolution``).

A plan or initiative that the sentence says was enacted is a ``law`` (``enactment_cues``, ``enactable_kinds``).
Runs after ``claimspan_organizations`` and reads ``doc.spans["organizations"]``
for ``body`` and to keep organization names ("School of Law") out.

About 470 lines in one class on purpose: the finders above share the tables
``load_rules`` builds and one longest-match step, and the name walkers call one
another; the walking shared with organizations is in ``propernames.py``.
"""
from __future__ import annotations

import re
from pathlib import Path

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span

from claimspan import extensions, ruleset
from claimspan.components import lexflags
from claimspan.components.candidates import longest
from claimspan.components.docarrays import positions
from claimspan.components.base import RuleComponent
from claimspan.components.sentindex import SentenceIndex
from claimspan.components.spanindex import SpanIndex
from claimspan.components.propernames import (YEAR, NameRules, articles, is_cap, joined, parts_right, period_after,
                                             run_left, run_right, shared_words, tokens_with_text)

LOWER_NAME_WORDS = 8   # the capitalized words of "the Minsk agreements": a name, not a sentence
PAREN_WORDS = 8   # tokens of a title's parenthesized part ("(Single-use Plastics)", "(No. 2)")
PRIORITY = {"title": 0, "symbol": 1, "name": 2, "lower": 3, "acronym": 4, "unnamed": 5}
KINDS = frozenset({"resolution", "law", "regulation", "convention", "covenant", "declaration", "charter",
                   "constitution", "treaty", "plan", "agenda", "initiative", "code", "other"})


@Language.factory(
    "claimspan_resolutions",
    default_config={"rules_dir": None},
    assigns=["doc.spans", "span._.resolution"],
    requires=["span._.organization"],
)
def make_resolutions(nlp: Language, name: str, rules_dir: str | None):
    return ResolutionsComponent(nlp, name, rules_dir)


class ResolutionsComponent(RuleComponent):
    table = "resolutions"

    def load_rules(self, rules_dir: Path) -> None:
        path = rules_dir / "instruments.yaml"
        rules = ruleset.read_rule_file(str(path))   # validated on reading (claimspan.rule_schemas)
        low = lambda key: frozenset(str(w).lower() for w in rules.get(key) or ())  # noqa: E731
        self.heads = {str(k).lower(): v for k, v in rules["heads"].items()}
        self.lower_heads = {str(k).lower(): v for k, v in (rules.get("lower_heads") or {}).items()}
        for table in ("heads", "cue_nouns", "lower_heads"):
            for word, kind in (rules.get(table) or {}).items():
                if kind not in KINDS:
                    where = ruleset.locate(rules[table], f"{path} rule {table}.{word}", word)
                    raise ruleset.RuleError(f"{where}: unknown kind {kind!r}")
        self.prefixes = {str(k).lower(): v for k, v in (rules.get("body_prefixes") or {}).items()}
        self.cue_nouns = {str(k).lower(): v for k, v in (rules.get("cue_nouns") or {}).items()}
        self.unnamed_verbs, self.unnamed_modifiers = low("unnamed_verbs"), low("unnamed_modifiers")
        self.body_cues = [tuple(c.lower().split()) for c in rules.get("body_cues") or ()]
        self.name_rules = NameRules(connectors=low("inner") | low("starts"), inner=low("inner"),
                                    numbers=True, max_connectors=3, **shared_words(),
                                    period_joins=low("period_joins"))
        self.starts = low("starts")
        self.definite, indefinite = articles()
        self.listing = self.name_rules.coordinators | {","}   # the words between the items of a list
        self.title_joins, self.clause_breaks = low("title_joins"), low("clause_breaks")
        self.quotes = frozenset(ruleset.load_table("common", "punctuation.yaml")["quotes"])   # a quoted title's end
        # a word before a name that makes it the object of another title ("Law on Social Security Act")
        self.joined_left = self.name_rules.connectors - self.definite - indefinite - self.listing
        self.acronym_body_words = low("acronym_body_words")
        symbols = rules.get("symbols") or []
        ruleset.compile_any(symbols, path)   # a bad regex fails here, naming its rule
        for e in symbols:
            if e.get("kind", "resolution") not in KINDS:
                where = ruleset.locate(e, f"{path} rule {e['id']}", "kind")
                raise ruleset.RuleError(f"{where}: unknown kind {e['kind']!r}")
        ruleset.compile_any([{**e, "pattern": e["item"]} for e in symbols if "item" in e], path)
        self.symbols = [(re.compile(e["pattern"]), e.get("kind", "resolution"), tuple(e.get("needs") or ()),
                         re.compile(e["item"]) if "item" in e else None, e.get("title", "{item}"))
                        for e in symbols]
        self.needs_modifier, self.dated_heads = low("needs_modifier"), low("dated_heads") | low("needs_year")
        self.needs_year = low("needs_year")
        self.enactment_cues = [tuple(c.lower().split()) for c in rules.get("enactment_cues") or ()]
        self.enactable = low("enactable_kinds")
        endings = sorted(low("action_noun_endings"), key=lambda w: (-len(w), w))
        self.action_noun = re.compile(f"(?:{'|'.join(map(re.escape, endings))})$" if endings else "(?!)")
        self.not_action_nouns = low("not_action_nouns")
        self.possessive_titles = low("possessive_titles")
        self.title_cues = low("title_cues")
        gpath = rules_dir / "gazetteer.jsonl"
        self.gazetteer = {}
        for entry in ruleset.read_rule_file(str(gpath)):   # validated on reading (claimspan.rule_schemas)
            self.gazetteer[entry["acronym"]] = entry

        self.matcher = lexflags.SparseMatcher(self.nlp.vocab)   # run only where a match can start (lexflags)
        self.matcher.add("name", [[{"LOWER": {"IN": sorted(self.heads)}}]])
        self.matcher.add("title", [[{"LOWER": {"IN": sorted(low("title_cues"))}}, {"IS_QUOTE": True}]])
        self.matcher.add("unnamed", [[{"LOWER": {"IN": sorted(low("unnamed_heads"))}, "IS_LOWER": True}]])
        # "the Minsk agreements" is looked for back from its head, a rare word, not from every "the"
        self.lower_matcher = Matcher(self.nlp.vocab)
        if self.lower_heads:
            self.lower_matcher.add("lower", [[{"LOWER": {"IN": sorted(self.definite)}},
                                              {"IS_TITLE": True, "OP": f"{{1,{LOWER_NAME_WORDS}}}"},
                                              {"LOWER": {"IN": sorted(self.lower_heads)}, "IS_LOWER": True}]])
        self.acronyms = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self.acronyms.add("acronym", [self.nlp.tokenizer(a) for a in self.gazetteer])

    # -- matching ---------------------------------------------------------------
    def match(self, doc: Doc) -> list[tuple]:
        """Rows ``(start, end, rule_id, attrs)``."""
        orgs = list(doc.spans["organizations"]) if "organizations" in doc.spans else []
        org_tokens = {i for o in orgs for i in range(o.start, o.end)}
        by_rule = SpanIndex(orgs, keep=lambda o: o._.organization.get("source") == "rule")   # once: not per match
        sents = SentenceIndex(doc)
        cands, covered = [], -1
        for key, s, end in sorted(self.matcher(doc) + self._lower_matches(doc), key=lambda m: m[1]):
            kind = self.nlp.vocab.strings[key]
            if kind == "name" and s >= covered and is_cap(doc[s], self.name_rules) and s not in org_tokens:
                found = self._name_around(doc, s, by_rule)
                if found:
                    cands.append(("name",) + found)
                    covered = found[1]
            elif kind == "title":
                cands += [("title",) + t for t in self._quoted(doc, s)]
            elif kind == "unnamed":
                cands += [("unnamed",) + u for u in self._unnamed(doc, s, sents)]
            elif kind == "lower":
                cands += [("lower",) + c for c in self._lower_named(doc, s, end, org_tokens)]
        text = doc._.text
        cands += [("symbol",) + c for c in self._symbols(doc, text)]
        cands += [("acronym",) + c for c in self._acronyms(doc, text)]
        chosen = longest(cands, lambda c: (c[1], c[2]), lambda c: PRIORITY[c[0]])
        rows, spans = [], [(c[1], c[2]) for c in chosen]
        for how, s, e, kind, title, body in sorted(chosen, key=lambda c: c[1]):
            if body is None:
                others = [(a, b) for a, b in spans if (a, b) != (s, e)]
                # the nearest organization adopts a resolution or passes a bill by number; an executive order or
                # a regulation by number is issued by an executive, seldom the organization next to it
                named = how not in ("unnamed", "symbol") or kind == "regulation"
                body = self._body(doc, doc[s:e], by_rule, sents, named=named, others=others)
            if kind in self.enactable and how == "name" and self._enacted(doc, s, e, sents):
                kind = "law"   # "the American Rescue Plan, signed into law": a statute whatever its name
            rows.append((s, e, f"resolutions.{how}.{kind}", {"kind": kind, "title": title, "body": body}))
        return rows

    def _parenthesized_left(self, doc: Doc, start: int) -> int:
        """Over a title's parenthesized parts, to the words before them: "The Environmental
        Protection (Single-use Plastics) (England) Regulations 2024", "the Finance (No. 2) Act"
        (parts of capitalized words, numbers and their joins, right after a capitalized word)."""
        rules = self.name_rules
        at = start
        while at >= 3 and doc[at - 1].text == ")":
            k = at - 2
            while k > at - 2 - PAREN_WORDS and k > 0 and doc[k].text != "(":
                k -= 1
            inside = doc[k + 1:at - 1]
            if doc[k].text != "(" or not len(inside) \
                    or not all(is_cap(t, rules) or t.like_num or t.text in (",", ".", "&") or t.text in rules.hyphens
                               or (t.lower_ in rules.inner and is_cap(inside[0], rules) and is_cap(inside[-1], rules))
                               or (t.is_lower and joined(doc, t.i) and doc[t.i - 1].text in rules.hyphens)
                               for t in inside):
                break
            if doc[k - 1].text == ")":
                at = k   # another part before this one: "(Single-use Plastics) (England)"
                continue
            if not is_cap(doc[k - 1], rules) or doc[k - 1].is_punct:
                break
            at = start = run_left(doc, k - 1, rules)
        return start

    def _name_around(self, doc: Doc, h: int, orgs: SpanIndex):
        rules = self.name_rules
        start = self._parenthesized_left(doc, run_left(doc, h, rules))
        body_end = orgs.last_end(h)   # "General Assembly Resolution 2758": the named body is not part of the title
        if body_end is not None and body_end > start and doc[body_end].text != ")":   # not in the title's "(...)"
            if doc[body_end].text != "(":
                start = body_end
            else:   # the body's acronym after it: "World Health Organization (WHO) Framework ..."; other words
                #     in parentheses are the title's: "the Health Service (Powers of Ministers) Act 1999"
                close = next((i for i in range(body_end, min(h, body_end + PAREN_WORDS)) if doc[i].text == ")"), None)
                if close is not None and all(t.text.isupper() for t in doc[body_end + 1:close]):
                    start = close + 1
        start = self._coordinated_left(doc, start)
        run_end = run_right(doc, h, rules)
        last = max(i for i in range(h, run_end) if doc[i].lower_ in self.heads)
        end = last + 1
        if end + 1 == run_end and YEAR.match(doc[end].text) and doc[last].lower_ in self.dated_heads:
            end = run_end  # "Data Protection Act 2018"
        named_end = end
        if end == last + 1 and doc[last].lower_ in self.needs_year:
            return None  # "the New World Order": no year after the head
        if end < run_end:
            return None  # "Constitution Day", "Plan Period", "Plan B": the head is a modifier
        between = False
        for conn, k, part_end in parts_right(doc, run_end, rules, first=self.starts):
            words = [t.lower_ for t in doc[conn:k]]
            if all(t.like_num or t.lower_ in rules.ordinal_suffixes for t in doc[k:part_end]) and words != ["of"]:
                break  # "Law on ... of Women in 2022" (but "Act of 1989")
            if self.listing.intersection(words) and any(t.lower_ in self.heads for t in doc[k:part_end]):
                break  # "the Copyright Law and the Patent Law": two names
            listed = "," in words or (rules.coordinators.intersection(words) and not between)
            if words[-1] in self.definite and listed:
                break  # ", the Regulations on ...", "... and the International Symposium"
            between = between or "between" in words
            end = part_end
        if end == named_end and self.heads[doc[last].lower_] == "law":  # "Freedom of Information Act (2000)"
            start = self._prepositional_left(doc, start, orgs)
        while start < h and doc[start].is_stop and doc[start + 1].text != "-" \
                and not (start > 0 and doc[start - 1].lower_ in self.definite):
            start += 1   # "Every Member State ...", "The"; but after an article the word is the title's: "the
            #              Every Student Succeeds Act", "the No Child Left Behind Act"
        for i in range(start + 1, last):   # an owner's possessive: "Canada's Emissions Reduction Plan"
            if doc[i].text in rules.possessives and doc[i - 1].lower_ not in self.possessive_titles:
                start = i + 1
        # a title-case headline's verb: "Council Fails to Adopt Draft Resolution on Gaza", "House Passes
        # Inflation Reduction Act" (inside the run, a verb in -s only: "the Freedom to Vote Act")
        for i in range(start, last):
            if doc[i].is_title and doc[i].lower_ in self.unnamed_verbs and (i == start or doc[i].lower_[-1] == "s"):
                start = i + 1
        end = period_after(doc, end, self.name_rules)
        if end - start < 2:
            return None
        if start == last and doc[last].lower_ in self.needs_modifier and not any(
                YEAR.match(t.text) for t in doc[last + 1:end]):
            return None  # "an Act of God", "an Act of Parliament": no name before the head, no year after
        span = doc[start:end]
        kind = self.heads[doc[last].lower_]
        return start, end, kind, self._title(span.text), None

    def _prepositional_left(self, doc: Doc, start: int, orgs: SpanIndex) -> int:
        """Extend over "Freedom of Access to" in "Freedom of Access to Clinic Entrances Act" and "Law of
        the" in "Law of the Sea Convention": capitalized runs joined by of/to/for/on, up to two hops."""
        rules = self.name_rules
        org_ends = orgs.ends
        for _ in range(2):
            k = start - 1
            if k >= 1 and doc[k].lower_ in self.definite:
                k -= 1
            if k < 1 or doc[k].lower_ not in self.title_joins or not is_cap(doc[k - 1], rules) \
                    or k in org_ends or doc[k - 1].is_stop or (self.action_noun.search(doc[k - 1].lower_)
                                                               and doc[k - 1].lower_ not in self.not_action_nouns):
                return start  # "Implementation of the X Law" is about the law, not its title
            left = run_left(doc, k - 1, rules)
            if any(t.lower_ in self.heads for t in doc[left:k]):
                return start if doc[left].lower_ not in self.heads else left
            start = left
        return start

    def _coordinated_left(self, doc: Doc, start: int) -> int:
        """Extend over "Reform, Recovery and" in "Financial Institutions Reform, Recovery and Enforcement Act",
        unless those words end another title ("Covenant on Economic, Social and Cultural Rights and ...")."""
        rules, left = self.name_rules, start
        while left >= 2 and doc[left - 1].lower_ in self.listing:
            k = _compound_start(doc, left - 2, rules)   # "Levelling-up and Regeneration Act"
            if k is None and not (is_cap(doc[left - 2], rules) and doc[left - 2].lower_ not in self.heads
                                  and not doc[left - 2].is_stop):
                break
            new = run_left(doc, left - 2 if k is None else k, rules)
            if any(t.lower_ in self.heads for t in doc[new:left - 2]):
                return start
            left = new
        if left > 0 and doc[left - 1].lower_ in self.joined_left:
            return start
        return left

    def _title(self, text: str) -> str:
        """The name without a fused UN prefix (when more than one word remains) or a leading "The"."""
        for prefix in sorted(self.prefixes, key=len, reverse=True):
            if text.lower().startswith(prefix + " ") and " " in text[len(prefix) + 1:].strip():
                text = text[len(prefix) + 1:]
                break
        return re.sub(r"^[Tt]he\s+", "", text)

    def _quoted(self, doc: Doc, cue: int):
        if cue > 0 and doc[cue - 1].text in self.name_rules.hyphens:
            return []  # "so-called": a scare quote, not a title
        open_q = cue + 1
        for close in range(open_q + 2, min(len(doc), open_q + 80)):
            tok = doc[close]
            if "\n" in tok.text:
                return []
            if tok.text in self.quotes:
                break
        else:
            return []
        s, e = open_q + 1, close
        while e > s and doc[e - 1].is_punct:
            e -= 1
        if e - s < 2:
            return []
        kind = next((self.cue_nouns[doc[i].lower_] for i in range(cue - 1, max(-1, cue - 8), -1)
                     if doc[i].lower_ in self.cue_nouns), None)
        if kind is None:
            return []
        return [(s, e, kind, self._title(doc[s:e].text), None)]

    def _unnamed(self, doc: Doc, i: int, sents: SentenceIndex):
        sent = sents.sent(i)
        if not any(t.lower_ in self.unnamed_verbs for t in sent):
            return []
        if any(t.lower_ in self.title_cues for t in doc[i + 1:min(sent.end, i + 8)]):
            return []  # "the resolution proposed by China entitled ...": the title is the row
        start = i
        while start - 1 >= sent.start:
            prev = doc[start - 1]
            if prev.lower_ in self.unnamed_modifiers or prev.like_num:
                start -= 1
                if start - 2 >= sent.start and doc[start - 1].text == "-":
                    start -= 2  # "China-initiated"
            else:
                break
        return [(start, i + 1, "resolution", None, None)]

    def _lower_matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """The ``lower`` pattern's matches, each found in the few tokens before its head."""
        if not len(self.lower_matcher) or not len(doc):
            return []
        heads = positions(doc, self.lower_heads)
        found = set()
        for h in heads:
            a = max(0, h - LOWER_NAME_WORDS - 1)
            found.update((key, a + s, a + e) for key, s, e in self.lower_matcher(doc[a:h + 1]) if a + e == h + 1)
        return sorted(found, key=lambda m: (m[1], m[2]))

    def _lower_named(self, doc: Doc, the: int, end: int, org_tokens: set[int]):
        """``the Minsk agreements``: a capitalized run (no organization, date or sentence start in it)
        between "the" and a lower-case plural head."""
        s, e = the + 1, end
        dates = doc.spans.get("dates", [])
        if doc[s].is_sent_start or any(i in org_tokens for i in range(s, e - 1)) or \
                any(d.start < e - 1 and d.end > s for d in dates):
            return []
        return [(s, e, self.lower_heads[doc[e - 1].lower_], doc[s:e].text, None)]

    def _enacted(self, doc: Doc, s: int, e: int, sents: SentenceIndex) -> bool:
        """An enactment cue a few words before or after the name, in its sentence."""
        sent = sents.sent(s)
        words = [t.lower_ for t in doc[max(sent.start, s - 3):s]] + [""] + \
                [t.lower_ for t in doc[e:min(sent.end, e + 8)]]
        return any(tuple(words[i:i + len(c)]) == c for c in self.enactment_cues for i in range(len(words)))

    def _symbols(self, doc: Doc, text: str):
        """Instruments by number; a rule with an ``item`` pattern gives one row per item of its
        match, titled by its ``title`` template ("resolutions 2625 (2022) and 2677 (2023)")."""
        out = []
        for pattern, kind, needs, item, template in self.symbols:
            if needs and not any(n in text for n in needs):
                continue   # a plain substring test: no regex scan of a text that cannot match
            for m in pattern.finditer(text):
                if item is None:
                    title = m.group("title") if "title" in pattern.groupindex else m.group(0)
                    found = [(m.start(), m.end(), title)]
                else:
                    found = [(i.start(), i.end(), template.format(item=i.group(0)))
                             for i in item.finditer(text, m.start(), m.end())]
                for start, end, title in found:
                    span = doc.char_span(start, end, alignment_mode="expand")
                    if span is not None:
                        title = " ".join(title.split())   # a title wrapped over two lines is one line
                        out.append((span.start, span.end, kind, title[0].upper() + title[1:], None))
        return out

    def _acronyms(self, doc: Doc, text: str):
        defined = {}
        bodies = {(o.start, o.end) for o in doc.spans.get("organizations", ())}   # "the World Food Programme (WFP)"
        for d in extensions.acronym_definitions(doc):
            span = doc.char_span(d.long_start, d.long_end)
            last = d.long.split()[-1].lower()
            head = next((w.lower() for w in re.split(r"\s+(?:of|on|for|against)\s+", d.long)[0].split()[::-1]
                         if w.lower() in self.heads), None)
            if span is not None and head and last not in self.acronym_body_words \
                    and (span.start, span.end) not in bodies:
                defined[d.short] = (self.heads[head], self._title(d.long), self._prefix_body(d.long))
        out = []
        for i in tokens_with_text(doc, defined):
            kind, title, body = defined[doc[i].text]
            out.append((i, i + 1, kind, title, body))
        for _, s, e in self.acronyms(doc):
            entry = self.gazetteer.get(doc[s:e].text)
            if entry and doc[s:e].text not in defined:
                out.append((s, e, entry["kind"], entry["title"], entry.get("body")))
        return out

    # -- body -------------------------------------------------------------------
    def _prefix_body(self, text: str) -> str | None:
        for prefix, body in self.prefixes.items():
            if text.lower().startswith(prefix + " "):
                return body
        return None

    def _body(self, doc: Doc, span: Span, orgs: SpanIndex, sents: SentenceIndex, named: bool,
              others: list[tuple[int, int]] = ()) -> str | None:
        """The adopting or proposing organization: a fused UN prefix, an organization in
        the name ("Constitution of the CPC"), "<instrument> adopted by <org>", "<org>
        adopted <instrument>"; for an unnamed resolution, the nearest organization not in another
        instrument's name (``others``)."""
        body = self._prefix_body(span.text)
        if body:
            return body
        sent = sents.sent(span.start)
        in_sent = orgs.within(sent.start, sent.end)
        inside = [o for o in in_sent if o.start >= span.start and o.end <= span.end]
        if inside:
            return _org_name(inside[-1])
        words = []
        for t in doc[span.end:min(sent.end, span.end + 12)]:
            if t.lower_ in self.clause_breaks:
                break  # another clause: "X, and three resolutions sponsored by Y"
            words.append(t.lower_)
        for cue in self.body_cues:
            for i in range(len(words) - len(cue) + 1):
                if tuple(words[i:i + len(cue)]) == cue:
                    after = [o for o in in_sent if o.start >= span.end + i + len(cue)]
                    if after:
                        return _org_name(after[0])
        before = [o for o in in_sent if o.end <= span.start <= o.end + 4 and
                  any(t.lower_ in self.unnamed_verbs for t in doc[o.end:min(o.end + 2, span.start)])]
        if before:
            return _org_name(before[-1])
        verb = next((t.i for t in doc[max(sent.start, span.start - 2):span.start] if t.lower_ in self.unnamed_verbs),
                    None)
        subject = [o for o in in_sent if o.end <= verb] if verb is not None else []
        if subject:   # "The Security Council today extended the mandate of ..., unanimously adopting resolution
            return _org_name(subject[0])   # 2779": who adopts is the sentence's first organization
        # an organization in another instrument's name is that one's ("House Bill 3409 and Senate Bill 88")
        free = [o for o in in_sent if not any(a <= o.start and o.end <= b for a, b in others)]
        if not named and free:
            return _org_name(min(free, key=lambda o: abs(o.start - span.start)))
        return None

    def set_annotations(self, doc: Doc, matches: list[tuple]) -> None:
        if self.table not in doc.spans:
            doc.spans[self.table] = []
        for start, end, rule, attrs in matches:
            extensions.add_row(doc, self.table, doc[start:end], rule, attrs)


def _compound_start(doc: Doc, i: int, rules: NameRules) -> int | None:
    """Where the capitalized compound whose lower-case part is token ``i`` starts ("Levelling-up":
    the position of "Levelling"), or None."""
    if i >= 2 and doc[i].is_alpha and doc[i].is_lower and doc[i - 1].text in rules.hyphens \
            and joined(doc, i) and joined(doc, i - 1) and is_cap(doc[i - 2], rules):
        return i - 2
    return None


def _org_name(span: Span) -> str:
    return span._.organization["name"]

