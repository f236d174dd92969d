"""``claimspan_speakers``: transcript turns and the speakers table.

Assigns ``doc._.turns`` (``[line_start, name_start, name]`` per turn, in text
order; a turn runs to the next one) and ``doc._.speakers`` (speakers-table
rows). Reads rules/speakers/labels.yaml and rules/speakers/outlets.yaml.

Works on lines with regular expressions, not on tokens: a transcript has a few
hundred lines, and labels are a line-level structure.
"""
from __future__ import annotations

import re
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from claimspan.components.base import RuleComponent

LINE = re.compile(r"[^\r\n]*")
LABEL = re.compile(r"(?P<name>[^:\r\n]{1,80}?)\s*:[ \t]*(?P<rest>.*)$")
LIST_ITEM = re.compile(r"(?P<name>[^,:\r\n]{2,60}),\s*(?P<role>\S.*?)\s*$")
WORD = re.compile(r"^(?:[A-Z0-9][\w.'’&-]*|[A-Z]\.)$")


@Language.factory(
    "claimspan_speakers",
    default_config={"rules_dir": None},
    assigns=["doc._.turns", "doc._.speakers", "doc._.speaker_roles"],
)
def make_speakers(nlp: Language, name: str, rules_dir: str | None):
    return SpeakersComponent(nlp, name, rules_dir)


class SpeakersComponent(RuleComponent):
    table = "speakers"

    def load_rules(self, rules_dir: Path) -> None:
        labels = self.read(rules_dir, "labels.yaml")
        self.debris = re.compile("(?:" + "|".join(r["pattern"] for r in labels["debris"]) + ")*")
        self.not_speakers = {w.lower() for w in labels["not_speakers"]}
        self.list_headings = {w.lower() for w in labels["list_headings"]}
        self.connectors = set(labels["name_connectors"])
        self.max_words = int(labels["max_label_words"])
        outlets = self.read(rules_dir, "outlets.yaml")
        self.outlet_words = set(outlets["outlet_words"])
        self.org_heads = set(outlets["organization_heads"])

    # -- recognizing ----------------------------------------------------------
    def is_name(self, name: str) -> bool:
        words = name.split()
        if not words or len(words) > self.max_words or name.lower() in self.not_speakers:
            return False
        if not WORD.match(words[0]):
            return False
        return all(WORD.match(w) or w in self.connectors for w in words)

    def match(self, doc: Doc):
        """Candidate turn labels and the speakers list, from the lines of the text."""
        text = doc._.text
        labels, roles = [], dict(doc._.speaker_roles or {})
        list_open = False
        for m in LINE.finditer(text):
            line = m.group()
            if not line.strip():
                list_open = False if labels else list_open
                continue
            debris = self.debris.match(line)
            body_start = m.start() + debris.end()
            body = text[body_start:m.end()]
            label = LABEL.match(body)
            heading = body.strip().rstrip(":").strip().lower()
            if heading in self.list_headings:
                list_open = True
                continue
            if list_open:
                item = LIST_ITEM.match(body)
                if item and self.is_name(item.group("name").strip()):
                    roles.setdefault(item.group("name").strip(), item.group("role"))
                    continue
                list_open = False
            if label and self.is_name(label.group("name")):
                labels.append((m.start(), body_start, label.group("name"), bool(label.group("rest").strip())))
        return self.accept(labels, roles), roles

    def accept(self, labels, roles):
        """A label alone on its line is a turn; a ``Name: text`` line is one only when
        the name recurs as a label or is in the speakers list (so ``Beijing: ...`` is not)."""
        counts = {}
        for _, _, name, _ in labels:
            counts[name] = counts.get(name, 0) + 1
        return [[line_start, start, name] for line_start, start, name, inline in labels
                if not inline or counts[name] > 1 or name in roles]

    # -- annotating -----------------------------------------------------------
    def set_annotations(self, doc: Doc, matches) -> None:
        turns, roles = matches
        doc._.turns = turns
        doc._.speaker_roles = roles
        rows = {}
        for _, start, name in turns:
            row = rows.get(name)
            if row is None:
                role = roles.get(name)
                rows[name] = {"name": name, "role": role, "organization": self.organization(name, role, bool(roles)),
                              "n_turns": 1, "first_char": start}
            else:
                row["n_turns"] += 1
        doc._.speakers = list(rows.values())

    def organization(self, name: str, role: str | None, has_list: bool) -> str | None:
        """From the role in the speakers list; a label outside a briefing's speakers list,
        or one that looks like an outlet (``Phoenix TV``, ``CGTN``), is a news outlet."""
        if role:
            return organization_in_role(role, self.org_heads)
        words = name.split()
        if has_list or any(w in self.outlet_words for w in words) or (len(words) == 1 and words[0].isupper()):
            return name
        return None


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
