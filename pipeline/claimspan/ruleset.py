"""Loads and validates the rule data; ``rules_sha256()`` fingerprints it.

The built-in rules are the top-level ``rules/`` folder of the repository,
shipped inside the package as ``claimspan.rules`` and found with
importlib.resources, so an editable install and a wheel read the same files.

A user's **overlay** (``--rules DIR``, ``build_nlp(rules=DIR)`` or the
``CLAIMSPAN_RULES`` variable) is a folder laid out like ``rules/``: each of its
files extends the built-in file of the same path (lists are appended to,
mappings merged key by key, a single value replaced), or replaces it when the
overlay's ``overlay.yaml`` lists it under ``replace:``. Overlay files are
validated exactly like the built-ins, and every mapping read from a rule file
remembers its file and line, so an error names the file, the line and the key.

Rule files are commented YAML (hand-written rules) or JSONL (long lists). A
file with an unknown key fails loudly, so that a typo never silently switches
a rule off.
"""
from __future__ import annotations

import functools
import hashlib
import importlib.resources
import json
import os
from pathlib import Path
from typing import Any, Iterable

import yaml

RULE_SUFFIXES = (".yaml", ".jsonl")
EXAMPLES = "examples"               # examples.yaml, examples-*.yaml: a folder's example corpus (claimspan.rulebook)


def is_examples(path: Path) -> bool:
    """An example corpus file: checked by ``claimspan rules check``, never read by extraction."""
    return path.suffix == ".yaml" and (path.stem == EXAMPLES or path.stem.startswith(EXAMPLES + "-"))
MANIFEST = "overlay.yaml"           # an overlay's own settings: which files replace the built-ins
MANIFEST_KEYS = {"replace"}


class RuleError(ValueError):
    """A rule file that cannot be used; the message names file, line, rule and key."""


def builtin_dir() -> Path:
    """The built-in rules folder (``claimspan/rules`` in a wheel, ``rules/`` in a checkout)."""
    root = importlib.resources.files("claimspan.rules")
    if not isinstance(root, Path):  # a zipped install: rule files must be real files
        raise RuleError(f"{root}: claimspan's rules are not on the file system (install claimspan unzipped)")
    return root


RULES_DIR = builtin_dir()


def rules_path(*parts: str) -> Path:
    """A built-in rule file or folder; reading it applies the active overlay."""
    return RULES_DIR.joinpath(*parts)


# -- mappings that remember where they were written ------------------------------

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


class _LineLoader(yaml.SafeLoader):
    """yaml.SafeLoader whose mappings are Entries with file and line numbers."""

    def __init__(self, stream, path: str):
        super().__init__(stream)
        self.path = path


def _construct_entry(loader: _LineLoader, node: yaml.MappingNode):
    entry = Entry(at=f"{loader.path}:{node.start_mark.line + 1}")
    yield entry
    entry.update(loader.construct_mapping(node, deep=True))
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        entry.key_at[key] = f"{loader.path}:{key_node.start_mark.line + 1}"


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_entry)


class _EntryDumper(yaml.SafeDumper):
    pass


_EntryDumper.add_representer(Entry, yaml.representer.SafeRepresenter.represent_dict)


def parse_rule_file(path: str | Path) -> Any:
    """Parse one YAML or JSONL file as it is (no overlay); mappings are Entries."""
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
    loader = _LineLoader(text, str(path))
    try:
        return loader.get_single_data()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or exc
        raise RuleError(f"{path}{line}: invalid YAML ({problem})") from None
    finally:
        loader.dispose()


# -- the overlay -------------------------------------------------------------------

class Overlay:
    """A user's rules folder laid over the built-ins (see the module docstring)."""

    def __init__(self, root: str | Path):
        self.root = Path(root).expanduser().resolve()
        if not self.root.is_dir():
            raise RuleError(f"{root}: rules overlay is not a folder")
        self.replace: set[str] = set()
        manifest = self.root / MANIFEST
        if manifest.exists():
            settings = parse_rule_file(manifest) or Entry(at=str(manifest))
            check_keys(settings, MANIFEST_KEYS, str(manifest))
            for name in settings.get("replace") or []:
                if not (self.root / str(name)).is_file():
                    raise RuleError(f"{settings.where('replace')}: key 'replace': "
                                    f"{name!r} is not a file of the overlay")
                self.replace.add(Path(str(name)).as_posix())
        self.files: dict[str, Path] = {}
        for path in sorted(p for p in self.root.rglob("*") if p.is_file() and not _ignored(p, self.root)):
            rel = path.relative_to(self.root).as_posix()
            if rel == MANIFEST:
                continue
            if path.suffix not in RULE_SUFFIXES:
                raise RuleError(f"{path}: not a rule file (rule files end in {' or '.join(RULE_SUFFIXES)})")
            if not rules_path(rel).is_file():
                raise RuleError(f"{path}: no built-in rule file {rel} to extend "
                                f"(an overlay mirrors the layout of claimspan's rules/)")
            parse_rule_file(path)   # syntax errors now, with their line
            self.files[rel] = path
        first = [manifest] if manifest.exists() else []
        self.sha256 = _digest(self.root, first, [p for p in self.files.values() if not is_examples(p)])
        self.key = _digest(self.root, first, self.files.values())   # examples too: for caches


def _ignored(path: Path, root: Path) -> bool:
    """Hidden files, editor leftovers, READMEs and caches are not rule files."""
    parts = path.relative_to(root).parts
    return (any(p.startswith(".") or p == "__pycache__" for p in parts) or path.suffix in (".md", ".txt", ".pyc")
            or path.name.endswith("~"))


_overlay: Overlay | None = None


def use_overlay(root: str | Path | None = None) -> Overlay | None:
    """Make ``root`` (default: ``$CLAIMSPAN_RULES``, else none) the overlay every
    later read of a built-in rule file applies; validated now. Returns it."""
    global _overlay
    root = root or os.environ.get("CLAIMSPAN_RULES") or None
    _overlay = Overlay(root) if root else None   # scanned anew: an edited overlay is noticed
    return _overlay


def ensure_overlay(root: str | Path | None = None) -> Overlay | None:
    """``use_overlay(root)`` unless that folder is already the active overlay
    (workers call this for every batch; the folder is scanned once)."""
    wanted = root or os.environ.get("CLAIMSPAN_RULES") or None
    wanted = Path(wanted).expanduser().resolve() if wanted else None
    if (_overlay.root if _overlay else None) != wanted:
        return use_overlay(root)
    return _overlay


def active_overlay() -> Overlay | None:
    return _overlay


def overlay_key() -> str | None:
    """Changes whenever the rules read through ``read_rule_file`` may change (for caches)."""
    return _overlay.key if _overlay else None


def read_rule_file(path: str | Path) -> Any:
    """One rule file's data; a built-in file comes with the active overlay applied."""
    return _read(str(path), overlay_key())


@functools.lru_cache(maxsize=None)
def _read(path: str, overlay: str | None) -> Any:
    data = parse_rule_file(path)
    over = _overlay_file(Path(path))
    if over is None:
        return data
    rel, extra = over
    if rel in _overlay.replace:
        return parse_rule_file(extra)
    return merge(data, parse_rule_file(extra), str(extra))


def _overlay_file(path: Path) -> tuple[str, Path] | None:
    if _overlay is None:
        return None
    try:
        rel = path.resolve().relative_to(RULES_DIR.resolve()).as_posix()
    except ValueError:          # a component's own rules_dir, or a saved pipeline: no overlay
        return None
    return (rel, _overlay.files[rel]) if rel in _overlay.files else None


def overlaid(path: str | Path) -> bool:
    """Whether reading ``path`` gives more than its bytes (an overlay applies to it)."""
    return _overlay_file(Path(path)) is not None


def merge(base: Any, extra: Any, where: str, key: Any = None) -> Any:
    """``extra`` laid over ``base``: lists appended, mappings merged key by key,
    anything else replaced; an empty value adds nothing.

    >>> merge({"a": [1], "b": {"x": 1}, "c": 1}, {"a": [2], "b": {"y": 2}, "c": 3}, "f")
    {'a': [1, 2], 'b': {'x': 1, 'y': 2}, 'c': 3}
    >>> merge({"a": [1]}, {"a": {"x": 1}}, "over.yaml:3")
    Traceback (most recent call last):
    ...
    claimspan.ruleset.RuleError: over.yaml:3: key 'a': a mapping cannot extend the built-in list
    """
    if extra is None:
        return base
    if isinstance(base, dict) and isinstance(extra, dict):
        out = Entry(base, at=getattr(base, "at", ""), key_at=getattr(base, "key_at", {}))
        for k, value in extra.items():
            at = extra.where(k) if isinstance(extra, Entry) else where
            out[k] = merge(base[k], value, at, k) if k in base else value
            out.key_at[k] = at
        return out
    if isinstance(base, list) and isinstance(extra, list):
        return base + extra
    if base is None or not isinstance(base, (dict, list)) and not isinstance(extra, (dict, list)):
        return extra
    named = f" key {key!r}:" if key is not None else ""
    raise RuleError(f"{where}:{named} a {_kind(extra)} cannot extend the built-in {_kind(base)}")


def _kind(value: Any) -> str:
    return "mapping" if isinstance(value, dict) else "list" if isinstance(value, list) else "single value"


def write_rule_file(path: str | Path, dest: Path) -> None:
    """Write the data ``read_rule_file(path)`` gives to ``dest`` (a saved pipeline's copy)."""
    write_rule_data(dest, read_rule_file(path))


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
    claimspan.ruleset.RuleError: f.yaml rule x: unknown key 'wrds' (allowed: id, words)
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


def load_table(table: str, name: str, allowed: Iterable[str] | None = None,
               required: Iterable[str] = ()) -> Any:
    """Load ``rules/<table>/<name>``; when ``allowed`` is given, validate every
    entry of a list (or every value of a mapping) against it."""
    path = rules_path(table, name)
    data = read_rule_file(str(path))
    if allowed is not None:
        entries = data.items() if isinstance(data, dict) else enumerate(data or [])
        for key, entry in entries:
            rid = entry.get("id", key) if isinstance(entry, dict) else key
            check_keys(entry, allowed, f"{path} rule {rid}", required)
    return data


# -- fingerprint ---------------------------------------------------------------

def rule_files(root: Path) -> list[Path]:
    """The rule files under ``root`` (YAML and JSONL; not READMEs, caches or ``__init__.py``)."""
    return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in RULE_SUFFIXES and not _ignored(p, root))


def rules_sha256() -> str:
    """Fingerprint of the rules a run reads: every built-in rule file (path and
    bytes) and, with an overlay, each of its files too. The same for an editable
    install and a wheel; a changed overlay changes it (incremental re-runs notice)."""
    if _overlay is None:
        return _builtin_sha256()
    return hashlib.sha256(f"{_builtin_sha256()}\0overlay\0{_overlay.sha256}".encode()).hexdigest()


def _builtin_sha256() -> str:
    return _digest(RULES_DIR, [], [p for p in rule_files(RULES_DIR) if not is_examples(p)])


def _digest(root: Path, first: list[Path], paths: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in [*first, *paths]:
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


read_rule_file.cache_clear = _read.cache_clear  # for tests that edit rule files in place
