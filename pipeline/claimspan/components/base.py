"""What every rule component shares: rule data in, rows out.

A component's rule data comes from ``rules/<table>/`` with the active overlay
(or from the ``rules_dir`` in its config) and is validated on load. ``to_disk``
writes those rule files next to the saved pipeline and ``from_disk`` reloads them, so a saved pipeline is
self-contained. ``__call__`` is ``set_annotations(doc, match(doc))`` and always
returns the Doc.
"""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from claimspan import extensions, ruleset


class RuleComponent:
    table: str = ""  # the rules/ folder this component reads

    def __init__(self, nlp: Language, name: str, rules_dir: str | None = None):
        extensions.register()
        self.nlp = nlp
        self.name = name
        self.rules_dir = Path(rules_dir) if rules_dir else ruleset.rules_path(self.table)
        self.load_rules(self.rules_dir)

    # -- to be provided by each component ------------------------------------
    def load_rules(self, rules_dir: Path) -> None:
        """Read and validate rule files from ``rules_dir``; build matchers."""

    def match(self, doc: Doc) -> list[Any]:
        return []

    def set_annotations(self, doc: Doc, matches: list[Any]) -> None:
        pass

    # -- shared ---------------------------------------------------------------
    @staticmethod
    def read(rules_dir: Path, name: str):
        """One rule file of this component's folder, as the one loader gives it
        (overlay merged, ``!common`` lists resolved, checked against its schema)."""
        return ruleset.read_rule_file(str(Path(rules_dir) / name))

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def initialize(self, get_examples=None, *, nlp=None, rules_dir: str | None = None) -> None:
        if rules_dir:
            self.rules_dir = Path(rules_dir)
            self.load_rules(self.rules_dir)

    def to_disk(self, path, *, exclude=tuple()) -> None:
        """Save the rules this component reads: its folder's files, with the active
        overlay applied (the saved pipeline runs the same without the overlay)."""
        path = Path(path)
        if path.exists():
            shutil.rmtree(path)
        path.mkdir(parents=True)
        if not self.rules_dir.exists():
            return
        for source in sorted(p for p in self.rules_dir.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            dest = path / source.relative_to(self.rules_dir)
            dest.parent.mkdir(parents=True, exist_ok=True)
            if source.suffix in ruleset.RULE_SUFFIXES and not ruleset.is_examples(source):
                ruleset.write_rule_file(source, dest)   # as read: overlay merged, !common lists resolved
            else:
                shutil.copyfile(source, dest)

    def from_disk(self, path, *, exclude=tuple()):
        self.rules_dir = Path(path)
        self.load_rules(self.rules_dir)
        return self
