"""Rule files as data: YAML and JSONL that remember where each mapping was written.

Every mapping read from a rule file is an ``Entry``: a dict with the ``file:line``
of itself and of each key, so that ``check_keys`` and ``locate`` name the file,
the line and the key of a mistake — in the built-in rules or in a user's overlay.
Rule files are commented YAML (hand-written rules) or JSONL (long lists).
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, Iterable

import yaml

RULE_SUFFIXES = (".yaml", ".jsonl")
EXAMPLES = "examples"               # examples.yaml, examples-*.yaml: a folder's example corpus (claimspan.rulebook)


class RuleError(ValueError):
    """A rule file that cannot be used; the message names file, line, rule and key."""


def is_examples(path: Path) -> bool:
    """An example corpus file: checked by ``claimspan rules check``, never read by extraction."""
    return path.suffix == ".yaml" and (path.stem == EXAMPLES or path.stem.startswith(EXAMPLES + "-"))


class Entry(dict):
    """A mapping read from a rule file: ``at`` is its ``file:line``, ``key_at`` the
    ``file:line`` of each key (keys added by an overlay point into the overlay)."""

    at: str = ""

    def __init__(self, *args, at: str = "", key_at: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.at = at
        self.key_at = dict(key_at or {})

    def where(self, key=None) -> str:
        return self.key_at.get(key) or self.at


# libyaml's parser when PyYAML has it (most wheels do): reading the rules is most of
# building a pipeline, and the pure-Python parser is several times slower; its nodes
# carry the same line marks.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SafeLoader):
    """A safe YAML loader whose mappings are Entries with file and line numbers, and
    whose ``!common FILE.SECTION`` values are read from the shared rules/common/
    (and ``!join`` joins such a list with a rule's own words)."""

    def __init__(self, stream, path: str, common=None):
        super().__init__(stream)
        self.path = path
        self.common = common


def _construct_common(loader: _LineLoader, node: yaml.ScalarNode):
    ref = loader.construct_scalar(node)
    where = f"{loader.path}:{node.start_mark.line + 1}"
    name, _, section = str(ref).partition(".")
    if loader.common is None or not section:
        raise RuleError(f"{where}: !common {ref}: a shared list is named FILE.SECTION of rules/common/")
    data = loader.common(name)
    if not isinstance(data, dict) or section not in data:
        raise RuleError(f"{where}: !common {ref}: no section {section!r} in rules/common/{name}.yaml")
    return data[section]


def _construct_entry(loader: _LineLoader, node: yaml.MappingNode):
    entry = Entry(at=f"{loader.path}:{node.start_mark.line + 1}")
    yield entry
    entry.update(loader.construct_mapping(node, deep=True))
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        entry.key_at[key] = f"{loader.path}:{key_node.start_mark.line + 1}"


def _construct_join(loader: _LineLoader, node: yaml.SequenceNode):
    """``!join [A, B, ...]``: one list or table made of parts, most often a shared
    ``!common`` list and the words only this rule adds. Tables join into a table
    (a later key wins); otherwise into a list of words, in order, without repeats,
    where a table gives its keys and a list its items."""
    where = f"{loader.path}:{node.start_mark.line + 1}"
    if not isinstance(node, yaml.SequenceNode):
        raise RuleError(f"{where}: !join takes a list of the lists or tables to join")
    parts = loader.construct_sequence(node, deep=True)
    if parts and all(isinstance(p, dict) for p in parts):
        joined = Entry(at=where)
        for part in parts:
            joined.update(part)
            joined.key_at.update(part.key_at if isinstance(part, Entry) else {})
        return joined
    words: dict = {}
    for part in parts:
        words.update(dict.fromkeys(part if isinstance(part, (list, dict)) else [part]))
    return list(words)


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_entry)
_LineLoader.add_constructor("!common", _construct_common)
_LineLoader.add_constructor("!join", _construct_join)


class _EntryDumper(yaml.SafeDumper):
    pass


_EntryDumper.add_representer(Entry, yaml.representer.SafeRepresenter.represent_dict)


def parse_rule_file(path: str | Path, common=None) -> Any:
    """Parse one YAML or JSONL file as it is (no overlay); mappings are Entries;
    ``common(name)`` gives the data of rules/common/<name>.yaml for ``!common`` references."""
    path = Path(path)
    if not path.is_file():
        raise RuleError(f"{path}: rule file not found")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise RuleError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    if path.suffix == ".jsonl":
        rows = []
        for n, line in enumerate(text.splitlines(), 1):
            line = line.strip()
            if not line or line.startswith("#") or line.startswith("//"):
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise RuleError(f"{path}:{n}: invalid JSON ({exc.msg})") from None
            if isinstance(row, dict):
                row = Entry(row, at=f"{path}:{n}", key_at={k: f"{path}:{n}" for k in row})
            rows.append(row)
        return rows
    loader = _LineLoader(text, str(path), common)
    try:
        return loader.get_single_data()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or exc
        raise RuleError(f"{path}{line}: invalid YAML ({problem})") from None
    finally:
        loader.dispose()


def write_rule_data(dest: Path, data: Any) -> None:
    """Write rule data as the file kind ``dest`` names (JSONL rows or YAML)."""
    if dest.suffix == ".jsonl":
        text = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in data)
    else:
        text = yaml.dump(data, Dumper=_EntryDumper, allow_unicode=True, sort_keys=False)
    dest.write_text(text, encoding="utf-8")


# -- validation ----------------------------------------------------------------

def check_keys(entry: dict, allowed: Iterable[str], where: str, required: Iterable[str] = ()) -> dict:
    """Fail on keys outside ``allowed`` and on missing ``required`` keys; return ``entry``.
    An Entry's own file and line replace the file named in ``where``.

    >>> check_keys({"id": "x", "words": []}, {"id", "words"}, "f.yaml rule x")
    {'id': 'x', 'words': []}
    >>> check_keys({"id": "x", "wrds": []}, {"id", "words"}, "f.yaml rule x")
    Traceback (most recent call last):
    ...
    claimspan.rulefiles.RuleError: f.yaml rule x: unknown key 'wrds' (allowed: id, words)
    """
    if not isinstance(entry, dict):
        raise RuleError(f"{where}: expected a mapping, got {type(entry).__name__}")
    allowed = set(allowed)
    for key in entry:
        if key not in allowed:
            raise RuleError(f"{locate(entry, where, key)}: unknown key {key!r} (allowed: {', '.join(sorted(allowed))})")
    for key in required:
        if key not in entry:
            raise RuleError(f"{locate(entry, where)}: missing key {key!r}")
    return entry


def locate(entry: Any, where: str, key: Any = None) -> str:
    """``where`` ("<file> rule <id>") with the file replaced by the entry's own
    ``file:line`` (an overlay's entry is reported in the overlay's file)."""
    at = entry.where(key) if isinstance(entry, Entry) else ""
    if not at:
        return where
    _, sep, rule = where.partition(" rule ")
    return f"{at} rule {rule}" if sep else at


# -- files and fingerprints ---------------------------------------------------------

def rule_files(root: Path) -> list[Path]:
    """The rule files under ``root`` (YAML and JSONL; not READMEs, caches or ``__init__.py``)."""
    return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in RULE_SUFFIXES and not ignored(p, root))


def ignored(path: Path, root: Path) -> bool:
    """Hidden files, editor leftovers, READMEs and caches are not rule files."""
    parts = path.relative_to(root).parts
    return (any(p.startswith(".") or p == "__pycache__" for p in parts) or path.suffix in (".md", ".txt", ".pyc")
            or path.name.endswith("~"))


def digest(root: Path, first: list[Path], paths: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in [*first, *paths]:
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()
