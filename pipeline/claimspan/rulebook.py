"""Every rule with its examples: the inventory of rules, the example corpus, ``claimspan rules check``.

A **rule** is what one can switch off by editing one place in ``rules/``:
- an entry with an ``id`` in a list file (``claims.unit.km``, ``dates.absolute.iso``);
- a word list or table of a mapping file, named ``<folder>.<file>.<key>``
  (``claims.counted.stop_words``, ``dates.lexicon.holidays``); single values
  (``max_label_words: 4``) are settings, not rules;
- the entries of one ``kind`` in a gazetteer without ids
  (``organizations.gazetteer.un``).

**Examples** live beside the rules, in ``rules/<folder>/examples.yaml`` or
``examples-<part>.yaml`` (as Duckling's per-dimension corpus, HeidelTime's
EXAMPLE lines); extraction never reads them. Each example names
the rules it exercises, gives a text (and the document date it assumes), the
rows it must produce (``expect``: every key given must match) and the rows it
must not produce (``absent``: a negative example; ``{}`` matches any row). A
rule is *covered* when at least one passing example names it.

Just over 300 lines: the inventory, the example runner and the ablation are one
reading of the rule names and share the ``Check`` result.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimspan import ruleset

EXAMPLE_KEYS = {"rules", "text", "date", "table", "expect", "absent", "documents"}

@dataclass
class Example:
    rules: list[str]
    text: str
    table: str
    where: str                       # file:line
    date: str | None = None
    expect: list[dict] = field(default_factory=list)
    absent: list[dict] = field(default_factory=list)
    documents: list[dict] = field(default_factory=list)   # more documents ({text, date}) of the same run


@dataclass
class Outcome:
    example: Example
    problems: list[str]              # empty: the example passes

    @property
    def passed(self) -> bool:
        return not self.problems


# -- the inventory -----------------------------------------------------------------

def inventory(root: Path | None = None) -> dict[str, str]:
    """``{rule id: file:line}`` for every rule of the built-in rules (with the active overlay)."""
    root = root or ruleset.RULES_DIR
    rules: dict[str, str] = {}
    for path in ruleset.rule_files(root):
        if ruleset.is_examples(path):
            continue
        prefix = f"{path.parent.relative_to(root).as_posix().replace('/', '.')}.{path.stem}"
        data = ruleset.read_rule_file(str(path))
        if isinstance(data, list):
            _list_rules(data, prefix, str(path), rules)
        elif isinstance(data, dict):
            for key, value in data.items():
                at = data.where(key) if isinstance(data, ruleset.Entry) else str(path)
                if isinstance(value, list) and value and all(isinstance(e, dict) and "id" in e for e in value):
                    _list_rules(value, prefix, at, rules)
                elif isinstance(value, (list, dict)):
                    rules[f"{prefix}.{key}"] = at
    return rules


def _list_rules(entries: list, prefix: str, at: str, rules: dict[str, str]) -> None:
    for entry in entries:
        where = entry.at if isinstance(entry, ruleset.Entry) else at
        if isinstance(entry, dict) and "id" in entry:
            rules[str(entry["id"])] = where
        elif isinstance(entry, dict) and "kind" in entry:      # a gazetteer: one rule per kind
            rules.setdefault(f"{prefix}.{entry['kind']}", where)


# -- the examples --------------------------------------------------------------------

def load_examples(root: Path | None = None, known: dict[str, str] | None = None) -> list[Example]:
    """Every ``examples.yaml`` under the rules, validated: known keys, known rule ids."""
    root = root or ruleset.RULES_DIR
    known = inventory(root) if known is None else known
    examples = []
    for path in (p for p in ruleset.rule_files(root) if ruleset.is_examples(p)):
        folder = path.parent
        for entry in ruleset.read_rule_file(str(path)) or []:
            where = ruleset.locate(entry, f"{path} rule example", None)
            ruleset.check_keys(entry, EXAMPLE_KEYS, where, required={"rules", "text"})
            names = entry["rules"] if isinstance(entry["rules"], list) else [entry["rules"]]
            for name in names:
                if name not in known:
                    raise ruleset.RuleError(f"{ruleset.locate(entry, where, 'rules')}: key 'rules': "
                                            f"no rule {name!r} (see `claimspan rules check --list`)")
            for key in ("expect", "absent"):
                rows = entry.get(key) or []
                if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
                    raise ruleset.RuleError(f"{ruleset.locate(entry, where, key)}: key {key!r}: a list of rows")
            if not entry.get("expect") and not entry.get("absent"):
                raise ruleset.RuleError(f"{where}: give 'expect' or 'absent' rows")
            examples.append(Example(
                rules=[str(n) for n in names], text=str(entry["text"]),
                where=entry.at if isinstance(entry, ruleset.Entry) else where,
                table=entry.get("table") or folder.name,   # the table named like the rules folder
                date=str(entry["date"]) if entry.get("date") else None,
                expect=list(entry.get("expect") or []), absent=list(entry.get("absent") or []),
                documents=_documents(entry, where)))
    return examples


def _documents(entry, where: str) -> list[dict]:
    """An example's more documents: a list of ``{text, date}`` (the run-wide tables' examples)."""
    docs = entry.get("documents") or []
    if not isinstance(docs, list) or not all(isinstance(d, dict) and isinstance(d.get("text"), str)
                                             and set(d) <= {"text", "date"} for d in docs):
        raise ruleset.RuleError(f"{ruleset.locate(entry, where, 'documents')}: key 'documents': "
                                "a list of {text, date}")
    return [{"text": d["text"], "date": str(d["date"]) if d.get("date") else None} for d in docs]


def run_examples(examples: list[Example], model: str | None = None) -> list[Outcome]:
    """Run every example (with its more documents, as one run of its own) in one batch and
    compare its rows; a run-wide table (statistics) is computed over the example's documents."""
    from claimspan.batch import as_records, collect, process_batch
    from claimspan.io.schemas import RUN_TABLES
    from claimspan.statistics import add_to_tables

    inputs, spans = [], []
    for n, e in enumerate(examples):
        docs = [{"text": e.text, "date": e.date}, *e.documents]
        spans.append((len(inputs), len(inputs) + len(docs)))
        inputs += [{"id": f"example-{n}-{k}", **d} for k, d in enumerate(docs)]
    results = process_batch(as_records(inputs), model)
    outcomes = []
    for example, (start, end) in zip(examples, spans):
        mine = results[start:end]
        failed = [d["error"] for d, _ in mine if d["status"] != "ok"]
        if failed:
            outcomes.append(Outcome(example, [f"document failed: {failed[0]}"]))
            continue
        document, tables = mine[0]
        if example.table in RUN_TABLES:
            tables = collect(mine)
            add_to_tables(tables)
        rows = [document] if example.table == "documents" else tables.get(example.table, [])
        outcomes.append(Outcome(example, _compare(example, rows)))
    return outcomes


def _compare(example: Example, rows: list[dict]) -> list[str]:
    problems = []
    for want in example.expect:
        if not any(_matches(want, row) for row in rows):
            problems.append(f"expected {example.table} row {want} not found; got {[_brief(r, want) for r in rows]}")
    for unwanted in example.absent:
        hits = [r for r in rows if _matches(unwanted, r)]
        if hits:
            problems.append(f"unwanted {example.table} row {unwanted} found: {[_brief(r, unwanted) for r in hits]}")
    return problems


def _matches(want: dict, row: dict) -> bool:
    return all(key in row and _same(value, row[key]) for key, value in want.items())


def _same(want: Any, got: Any) -> bool:
    if isinstance(got, (dt.date, dt.datetime)):
        got = got.isoformat()
    if isinstance(want, (dt.date, dt.datetime)):
        want = want.isoformat()
    if isinstance(want, bool) or isinstance(got, bool):
        return want is got or want == got and type(want) is type(got)
    if isinstance(want, (int, float)) and isinstance(got, (int, float)):
        return math.isclose(want, got, rel_tol=1e-9, abs_tol=1e-12)
    return want == got


def _brief(row: dict, want: dict) -> dict:
    """The row's columns that the example looks at (and its text), for a readable failure."""
    keys = ["text", *[k for k in want if k != "text"]]
    return {k: row.get(k) for k in keys if k in row}


# -- the check ---------------------------------------------------------------------

@dataclass
class Check:
    rules: dict[str, str]
    outcomes: list[Outcome]

    @property
    def covered(self) -> set[str]:
        return {name for o in self.outcomes if o.passed for name in o.example.rules}

    @property
    def uncovered(self) -> list[str]:
        return sorted(set(self.rules) - self.covered)

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.passed]

    @property
    def ok(self) -> bool:
        return not self.failed and not self.uncovered

    def summary(self) -> dict[str, int]:
        return {"rules": len(self.rules), "covered": len(self.covered & set(self.rules)),
                "examples": len(self.outcomes), "failed": len(self.failed)}


def check(rules: str | Path | None = None, model: str | None = None) -> Check:
    """Run every example of the built-in rules (with the overlay ``rules``)."""
    ruleset.use_overlay(rules)
    known = inventory()
    return Check(known, run_examples(load_examples(known=known), model))


# -- ablation: does each rule matter to its examples? ---------------------------------

def ablate(check_result: Check, names: list[str] | None = None, model: str | None = None) -> dict[str, str]:
    """For each rule (default: every covered one), switch it off in a copy of the rules
    and run the examples that name it: ``{rule: verdict}``, where the verdict is
    ``needed`` (an example fails without it), ``not needed`` (they all still pass:
    the examples do not show what the rule does, or the rule is dead) or
    ``required`` (the rules do not load without it)."""
    import shutil
    import tempfile

    names = sorted(check_result.covered & set(check_result.rules)) if names is None else names
    verdicts = {}
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "rules"
        shutil.copytree(ruleset.RULES_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
        for name in names:
            examples = [o.example for o in check_result.outcomes if name in o.example.rules]
            path = Path(check_result.rules[name].rsplit(":", 1)[0])
            target = copy / path.relative_to(ruleset.RULES_DIR)
            original = target.read_bytes()
            data = _without(ruleset.read_rule_file(str(path)), name, path)
            ruleset.write_rule_data(target, data)
            try:
                with _rules_dir(copy):
                    outcomes = run_examples(examples, model)
                verdicts[name] = "needed" if any(not o.passed for o in outcomes) else "not needed"
            except ruleset.RuleError:
                verdicts[name] = "required"
            finally:
                target.write_bytes(original)
    return verdicts


def _without(data: Any, name: str, path: Path) -> Any:
    """The file's data with rule ``name`` switched off (entry removed, list or table emptied)."""
    prefix = f"{path.parent.name}.{path.stem}."

    def drop(entries: list) -> list:
        return [e for e in entries if not (isinstance(e, dict) and (e.get("id") == name or
                                            "id" not in e and f"{prefix}{e.get('kind')}" == name))]
    if isinstance(data, list):
        return drop(data)
    out = dict(data)
    for key, value in data.items():
        if f"{prefix}{key}" == name:
            out[key] = type(value)()
        elif isinstance(value, list):
            out[key] = drop(value)
    return out


class _rules_dir:
    """Point the built-in rules at another folder for a moment (fresh caches, fresh pipelines)."""

    def __init__(self, root: Path):
        self.root = root

    def _reset(self):
        from claimspan import batch, layout
        from claimspan.normalize import numbers
        from claimspan.statistics import lexicon

        ruleset.read_rule_file.cache_clear()
        lexicon.load.cache_clear()
        numbers._lexicon.cache_clear()
        layout.layout_rules.cache_clear()
        batch._build_nlp.cache_clear()

    def __enter__(self):
        self.saved, ruleset.RULES_DIR = ruleset.RULES_DIR, self.root
        self._reset()

    def __exit__(self, *exc):
        ruleset.RULES_DIR = self.saved
        self._reset()
