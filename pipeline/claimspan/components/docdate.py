"""``claimspan_docdate``: the document's date, the anchor of every relative date.

Assigns ``doc._.doc_date`` (ISO string) and ``doc._.doc_date_source`` unless the
input already gave a date: a ``Date:`` header line first (``header``), else the
first full date on a line near the top (``text``). Never today's clock.
Reads rules/documents/docdate.yaml.
"""
from __future__ import annotations

import itertools
import re
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from claimspan import ruleset
from claimspan.components.base import RuleComponent
from claimspan.normalize.calendar import parse_full_date

LINE = re.compile(r"[^\r\n]*")


@Language.factory(
    "claimspan_docdate",
    default_config={"rules_dir": None},
    assigns=["doc._.doc_date", "doc._.doc_date_source"],
)
def make_docdate(nlp: Language, name: str, rules_dir: str | None):
    return DocDateComponent(nlp, name, rules_dir)


class DocDateComponent(RuleComponent):
    table = "documents"

    def load_rules(self, rules_dir: Path) -> None:
        path = rules_dir / "docdate.yaml"
        rules = ruleset.read_rule_file(str(path))
        dates = "|".join(f"(?:{r['pattern']})".replace("(?P<date>", "(") for r in rules["patterns"])
        self.date_re = re.compile(f"(?P<date>{dates})")
        labels = "|".join(re.escape(w) for w in rules["header_labels"])
        self.header_re = re.compile(rf"^\s*(?:{labels})\s*:\s*(?P<rest>.*)$", re.IGNORECASE)
        self.header_lines = int(rules["header_max_lines"])
        self.text_lines = int(rules["text_max_lines"])

    def match(self, doc: Doc):
        if doc._.doc_date:
            return None
        nonblank = (m.group() for m in LINE.finditer(doc._.text) if m.group().strip())
        lines = list(itertools.islice(nonblank, max(self.header_lines, self.text_lines)))   # not the whole text
        for i, line in enumerate(lines[: self.header_lines]):
            header = self.header_re.match(line)
            if header:
                rest = header.group("rest") or (lines[i + 1] if i + 1 < len(lines) else "")
                found = self.first_date(rest)
                if found:
                    return found, "header"
        for line in lines[: self.text_lines]:
            found = self.first_date(line)
            if found:
                return found, "text"
        return None

    def first_date(self, line: str) -> str | None:
        for m in self.date_re.finditer(line):
            value = parse_full_date(m.group("date"))
            if value:
                return value
        return None

    def set_annotations(self, doc: Doc, found) -> None:
        if found:
            doc._.doc_date, doc._.doc_date_source = found
