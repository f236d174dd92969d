"""``claimspan_speakers``: transcript turns and the speakers table.

Assigns ``doc._.turns`` (``[line_start, name_start, name]`` per turn, in text
order; a turn runs to the next one; an office's turn given to its holder keeps its
label as a fourth item, ``speaker_offices``), ``doc._.speakers`` (speakers-table rows),
``doc._.speaker_roles`` (``{name: role}`` from a speakers list) and, for the
next piece of a long document, ``doc._.speaker_labels`` (the names that took
turns so far) and ``doc._.current_speaker``. Reads rules/speakers/labels.yaml
and rules/speakers/outlets.yaml, and the news outlets (kind ``media``) of
rules/organizations/gazetteer.jsonl.

A label is a line start of at most ``max_label_words`` capitalised name words
and a colon, followed by the end of the line or by the words spoken (``Name:``,
``MR. LEE: Thank you.``); a colon inside a word (``http:``, ``10:30``) is none.
A role in parentheses or after a comma is the speaker's role, not part of the name
(``LENA PARK (Minister of Education):``, ``DAVID MUIR, ABC NEWS ANCHOR:``); a transcription service's time code
before the label is debris (``00:01:05 Lena Park:``, rules/speakers/labels.yaml).
Not labels: headings and fields (``not_speakers``, ``list_heads``), a line
whose value has no letters (``Americans: 12``), and a label alone on its line
above such field lines (``KENYA:`` over ``Injured: 4,877``). Which labels are
turns: one alone on its line; an inline one when it has a title (``MS.``,
``Minister``, ``Reporter``, ``Q``), is in the speakers list, recurs in the
document, or -- used once -- when the document has such turns and the label is
written in the same case as one of them (all caps or not) or names a news
outlet (``CGTN:``). So a one-off ``Beijing: a city of 21 million`` in news is
no turn.

Parliaments' records too: a question number before a member's label is skipped
(``1. Jane Smith (Bristol East) (Lab):``, rules ``numbered_labels``), an office
followed by its holder in parentheses names the holder, and labels that end in
a period (``Mr. GRASSLEY. Mr. President, ...``, rules ``period_labels``) are read
as the Congressional Record prints them.

Works on lines with regular expressions, not on tokens: a transcript has a few
hundred lines, and labels are a line-level structure. Needing no tokens'
attributes, it runs before the sentence splitter, which makes each label a
sentence of its own (``claimspan_sentences``). About 350 lines: recognizing
a label, accepting it as a turn and the speakers list are one reading of lines.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from claimspan import ruleset
from claimspan.components.base import RuleComponent
from claimspan.components.speaker_offices import by_holder, label_text
from claimspan.layout import heading_word

LINE = re.compile(r"[^\r\n]*")
SPACE = r"[^\S\r\n]"  # horizontal white space, a no-break space included
LABEL = re.compile(rf"(?P<name>[^:\r\n]{{1,80}}?){SPACE}*:(?:{SPACE}+(?P<rest>\S.*?))?{SPACE}*$")
# "LENA PARK (Minister of Education):", "SEN. SMITH (R-Texas):", "Jane Smith (Bristol East) (Lab):": a
# name and the role it is given; "The Secretary of State for Health (Matt Hancock):": a role and its holder
NAME_AND_ROLE = re.compile(r"(?P<name>[^()]+?)\s*(?P<role>(?:\([^()]{1,80}\)\s*)+)")
PARENTHESES = re.compile(r"\(([^()]*)\)")
LIST_ITEM = re.compile(r"(?P<name>[^,:\r\n]{2,60}),\s*(?P<role>\S.*?)\s*$")
WORD = re.compile(r"^(?:[A-Z0-9][\w.'’&-]*|[A-Z]\.)$")
LETTER = re.compile(r"[^\W\d_]")
LABEL_MARK = re.compile(rf"{SPACE}*[:.]")   # what closes a label after its name
VOWELS = frozenset("AEIOUY")


class Label(NamedTuple):
    line_start: int
    name_start: int
    name: str
    inline: bool     # the words spoken follow on the label's line
    role: str | None = None   # given in parentheses or after a comma after the name
    needs: frozenset = frozenset()   # labels the document must also have for this one to be a turn
    role_after_comma: bool = False   # such a role makes no label a turn by itself ("Beijing, the capital:")


@Language.factory(
    "claimspan_speakers",
    default_config={"rules_dir": None},
    assigns=["doc._.turns", "doc._.speakers", "doc._.speaker_roles", "doc._.speaker_labels",
             "doc._.current_speaker"],
)
def make_speakers(nlp: Language, name: str, rules_dir: str | None):
    return SpeakersComponent(nlp, name, rules_dir)


class SpeakersComponent(RuleComponent):
    table = "speakers"

    def load_rules(self, rules_dir: Path) -> None:
        labels = self.read(rules_dir, "labels.yaml")
        # "Mr. GRASSLEY. Mr. President, ...": a record's labels that end in a period (period_labels)
        period_labels = labels.get("period_labels") or []
        for entry in period_labels:   # a bad regex fails here, naming it (each alone: they share group names)
            ruleset.compile_any([entry], Path(rules_dir) / "labels.yaml")
        # each with groups name, rest; and the labels it needs beside it ("A." answers only where "Q." asks)
        self.period_labels = [(re.compile(e["pattern"]), frozenset(e.get("needs") or ())) for e in period_labels]
        # editor's debris, and a record's numbers in front of a member's label (numbered_labels)
        before = labels["debris"] + (labels.get("numbered_labels") or [])
        self.debris = re.compile("(?:" + "|".join(r["pattern"] for r in before) + ")*")
        self.not_speakers = {w.lower() for w in labels["not_speakers"]} | {w.lower() for w in
                                                                           labels.get("list_heads") or ()}
        self.list_headings = {w.lower() for w in labels["list_headings"]}
        self.titles = {w.lower() for w in labels.get("titles") or ()}
        self.role_labels = {w.lower() for w in labels.get("role_labels") or ()}
        self.connectors = set(labels["name_connectors"])
        self.max_words = int(labels["max_label_words"])
        outlets = self.read(rules_dir, "outlets.yaml")
        self.outlet_words = set(outlets["outlet_words"])
        self.outlet_acronyms = set(outlets.get("outlet_acronyms") or ())
        self.org_heads = set(outlets["organization_heads"])
        self.media = media_names()

    # -- recognizing ----------------------------------------------------------
    def is_name(self, name: str) -> bool:
        words = name.split()
        if not words or len(words) > self.max_words or not words[0][0].isalpha() or not WORD.match(words[0]):
            return False
        return all(WORD.match(w) or w in self.connectors for w in words)

    def titled(self, name: str) -> bool:
        """A title among the words before the first connector, or a role as the whole label."""
        words = [w.rstrip(".").lower() for w in name.split()]
        if words and words[0] == "the":
            words = words[1:]
        if " ".join(words) in self.role_labels:
            return True
        for w in words:
            if w in self.connectors:
                return False
            if w in self.titles:
                return True
        return False

    def only_titles(self, name: str) -> bool:
        """Every word a title: a role, not a person ("MODERATOR", "Host", "The Chair")."""
        words = [w.rstrip(".").lower() for w in name.split() if w.lower() != "the"]
        return bool(words) and all(w in self.titles for w in words)

    def label(self, body: str) -> tuple[str, bool, str | None, frozenset, bool] | None:
        """``(name, inline, role, needs, role_after_comma)`` when the line starts with a turn label."""
        m, needs = LABEL.match(body), frozenset()
        if m is None:
            m, needs = next(((m, n) for rx, n in self.period_labels if (m := rx.match(body))), (None, needs))
        if m is None:
            return None
        name, rest, role, after_comma = m.group("name").strip(), m.group("rest"), None, False
        given = NAME_AND_ROLE.fullmatch(name)
        if given:
            outer, inner = given.group("name"), [p.strip() for p in PARENTHESES.findall(given.group("role"))]
            if outer.split()[0].rstrip(".").lower() in self.not_speakers:
                return None   # a caption or heading with a name in parentheses: "Table A. Percent changes ... (CPI-U):"
            holder = len(inner) == 1 and self.is_name(inner[0]) and inner[0].split()[0].lower() != "the" \
                and not self.titled(inner[0])
            if holder and (outer.split()[0].lower() == "the" or not self.is_name(outer) or self.only_titles(outer)):
                name, role = inner[0], outer       # "The Housing Minister (Tom Reed)", "MODERATOR (Jane Ortiz)":
                #                                    a role, then its holder
            elif self.is_name(outer):
                name, role = outer, ", ".join(inner)
        elif "," in name:   # "DAVID MUIR, ABC NEWS ANCHOR:": a name and the role it is given after a comma
            outer, _, given_role = (part.strip() for part in name.partition(","))
            party = NAME_AND_ROLE.fullmatch(outer)   # "SEN. TED CRUZ (R), TEXAS:": a party, then a state
            if party and self.is_name(party.group("name")):
                parts = [p.strip() for p in PARENTHESES.findall(party.group("role"))]
                outer, given_role = party.group("name"), ", ".join([*parts, given_role])
            if self.is_name(outer) and given_role and len(given_role.split()) <= self.max_words:
                name, role, after_comma = outer, given_role, True
        if not self.is_name(name) or (rest is not None and not LETTER.search(rest)):
            return None  # a field line: "Americans: 12", "Date: 2021-05-31"
        words = name.split()
        last = words[-1].rstrip(".").lower()
        if name.lower() in self.not_speakers or (last in self.not_speakers and not self.titled(name)):
            return None
        if len(words) > 1 and words[-1].isdigit() and " ".join(words[:-1]).lower() in self.not_speakers:
            return None   # a numbered heading: "Volume 741: debated on ...", "Chapter 3:" (but "Caller 2:")
        return name, rest is not None, role, needs, after_comma

    def field_line(self, body: str) -> bool:
        """``Name: value`` with a name-like field or a value without letters (``Total Dead: 192``)."""
        m = LABEL.match(body)
        return bool(m and m.group("rest") and (self.is_name(m.group("name").strip())
                                               or not LETTER.search(m.group("rest"))))

    def list_item(self, body: str) -> tuple[str, str] | None:
        item = LIST_ITEM.match(body)
        if item and self.is_name(item.group("name").strip()):
            return item.group("name").strip(), item.group("role")
        return None

    def lines(self, text: str) -> list[tuple[int, int, str] | None]:
        """``(line_start, body_start, body)`` per line, the body after any debris; None for a blank line."""
        out = []
        for m in LINE.finditer(text):
            if not m.group().strip():
                out.append(None)
                continue
            body_start = m.start() + self.debris.match(m.group()).end()
            out.append((m.start(), body_start, text[body_start:m.end()]))
        return out

    def match(self, doc: Doc):
        """Turns and the speakers list's roles, from the lines of the text."""
        roles = dict(doc._.speaker_roles or {})
        lines = self.lines(doc._.text)
        following = _next_nonblank(lines)
        found, list_open = [], False
        for line, nxt in zip(lines, following):
            if line is None:
                list_open = False if found else list_open
                continue
            line_start, body_start, body = line
            if heading_word(body) in self.list_headings and nxt is not None and self.list_item(nxt[2]):
                list_open = True
                continue
            if list_open:
                item = self.list_item(body)
                if item:
                    roles.setdefault(*item)
                    continue
                list_open = False
            label = self.label(body)
            if label is None or (not label[1] and nxt is not None and self.field_line(nxt[2])):
                continue  # the heading of a field list ("KENYA:" over "Injured: 4,877")
            found.append(Label(line_start, body_start, *label))
            if label[2] and not label[4]:
                roles.setdefault(label[0], label[2])
        names = {label.name for label in found}
        found = [label for label in found if label.needs <= names]   # "A. Background" in an outline: no Q.
        turns = self.accept(found, roles, doc._.speaker_labels or [])
        taken = {t[2] for t in turns}
        for label in found:   # a role after a comma is the turn's once the label is one ("Beijing, the
            if label.role and label.name in taken:   # capital: a city of 21 million" is none)
                roles.setdefault(label.name, label.role)
        return by_holder(turns, roles), roles

    def accept(self, found: list[Label], roles: dict[str, str], earlier: list[str]) -> list[list]:
        """The labels that are turns (see the module docstring); ``earlier``: the names that
        took turns in the pieces of the document before this one."""
        folded_roles = {n.casefold() for n in roles}
        counts: dict[str, int] = {}
        for label in found:
            counts[label.name] = counts.get(label.name, 0) + 1
        known = set(earlier)
        sure = [not label.inline or label.name in known or counts[label.name] > 1
                or label.name.casefold() in folded_roles or self.titled(label.name) for label in found]
        transcript = any(sure) or bool(known)
        cases = {_case(label.name) for label, ok in zip(found, sure) if ok} | {_case(n) for n in known}
        cases.discard(None)
        return [[label.line_start, label.name_start, label.name] for label, ok in zip(found, sure)
                if ok or transcript and (_case(label.name) in cases or self.outlet(label.name))]

    # -- annotating -----------------------------------------------------------
    def set_annotations(self, doc: Doc, matches) -> None:
        turns, roles = matches
        doc._.turns = turns
        doc._.speaker_roles = roles
        by_folded = {n.casefold(): r for n, r in roles.items()}
        rows = {}
        for _, start, name, *_ in turns:
            row = rows.get(name)
            if row is None:
                role = roles.get(name) or by_folded.get(name.casefold())
                rows[name] = {"name": name, "role": role, "organization": self.organization(name, role),
                              "n_turns": 1, "first_char": start}
            else:
                row["n_turns"] += 1
        doc._.speakers = list(rows.values())
        earlier = doc._.speaker_labels or []
        doc._.speaker_labels = earlier + [n for n in rows if n not in earlier]
        if turns:
            doc._.current_speaker = turns[-1][2]

    def organization(self, name: str, role: str | None) -> str | None:
        """From the role in the speakers list; else the label itself when it names an
        organization: a news outlet (``Phoenix TV``, ``CGTN``, ``Reuters``) or a name with an
        organization head (``Office of the President``). Never a person's own name: a titled
        label (``MR. LEE``, ``Reporter``) or any other (``SMITH``, ``Anna Berg``) has none."""
        if role:
            return organization_in_role(role, self.org_heads)
        if self.titled(name):
            return None
        if self.outlet(name) or any(w in self.org_heads for w in name.split()):
            return name
        return None

    def outlet(self, name: str) -> bool:
        """A news outlet's name: a known one (``media`` in the organizations gazetteer), one with an
        outlet word (``Phoenix TV``), or one all-caps word that is a known outlet acronym (``EFE``)
        or has no vowel, so it is no surname (``CGTN``)."""
        words = name.split()
        if name.casefold() in self.media or any(w in self.outlet_words for w in words):
            return True
        return len(words) == 1 and name.isupper() and (
            name in self.outlet_acronyms or (len(name) >= 3 and not VOWELS.intersection(name)))


def media_names() -> frozenset[str]:
    """The news outlets of rules/organizations/gazetteer.jsonl (kind ``media``): their names,
    variants and acronyms, case-folded."""
    entries = ruleset.load_table("organizations", "gazetteer.jsonl")
    return frozenset(spelling.casefold() for e in entries if e.get("kind") == "media"
                     for spelling in (e["name"], e.get("acronym"), *(e.get("variants") or ())) if spelling)


def label_spans(doc: Doc) -> list[tuple[int, int, int]]:
    """``(name_start, name_end, label_end)`` of each turn label of ``doc._.turns``;
    ``label_end`` is just past the label's colon (after a role: ``LENA PARK (Minister):``)
    or its period (``Mr. GRASSLEY.``, ``period_labels``) -- never a colon on a later line,
    which would make a record's turns before it one label."""
    text = doc._.text
    out = []
    for turn in doc._.turns or ():
        start = turn[1]
        end = start + len(label_text(turn))
        mark = LABEL_MARK.match(text, end)
        if mark:
            label_end = mark.end()
        else:   # a role between the name and the colon: "LENA PARK (Minister of Education):"
            colon = text.find(":", end, LINE.match(text, end).end())
            label_end = colon + 1 if colon >= 0 else end
        out.append((start, end, label_end))
    return out


def _next_nonblank(lines: list) -> list:
    """For each line, the next non-blank line after it (or None)."""
    out, nxt = [None] * len(lines), None
    for k in range(len(lines) - 1, -1, -1):
        out[k] = nxt
        if lines[k] is not None:
            nxt = lines[k]
    return out


def _case(name: str) -> str | None:
    """How a label is written: ``upper`` (``MR. LEE``), ``mixed`` (``Lena Park``), or None
    for a one-letter label (``Q``), which says nothing about the others."""
    letters = LETTER.findall(name)
    if len(letters) < 2:
        return None
    return "upper" if name.isupper() else "mixed"


def organization_in_role(role: str, heads: set[str]) -> str | None:
    """The top-level organization a role names: the last ``of the ...`` segment of its
    first conjunct, widened left to the chunk that carries an organization head.

    >>> heads = {"University", "Ministry", "Office", "Institute", "Court"}
    >>> organization_in_role("director of the Research Center for Human Rights of Nankai University", heads)
    'Nankai University'
    >>> organization_in_role("special representative at the Department of X of the Ministry of Foreign Affairs", heads)
    'Ministry of Foreign Affairs'
    >>> organization_in_role("deputy head of the Press Bureau of the State Council Information Office (SCIO) "
    ...                      "and spokesperson of the SCIO", heads)
    'State Council Information Office'
    >>> organization_in_role("a veteran reporter", heads) is None
    True
    """
    first = re.split(r"\s+and\s+(?=[a-z])", role)[0]
    first = re.sub(r"\s*\([^)]*\)\s*$", "", first).strip()
    segment = re.split(r"\s+(?:of|at|for|in)\s+the\s+", first)[-1]
    chunks = re.split(r"\s+of\s+", segment)
    for i in range(len(chunks) - 1, -1, -1):
        words = chunks[i].split()
        if words and words[-1] in heads and words[0][:1].isupper():
            return " of ".join(chunks[i:])
    return None
