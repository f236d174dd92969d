"""A user's rules folder laid over the built-in rules (``--rules DIR``, ``CLAIMSPAN_RULES``).

An overlay is a folder laid out like ``rules/``: each of its files extends the
built-in file of the same path (``merge``: lists are appended to, mappings
merged key by key, a single value replaced), or replaces it when the overlay's
``overlay.yaml`` lists it under ``replace:``. It is scanned and its files parsed
when it is made, so that a missing built-in file or a syntax error is reported
before anything runs; ``claimspan.ruleset`` applies it when rule files are read.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from claimspan.rulefiles import (RULE_SUFFIXES, Entry, RuleError, check_keys, digest, ignored, is_examples,
                                 parse_rule_file)

MANIFEST = "overlay.yaml"           # an overlay's own settings: which files replace the built-ins
MANIFEST_KEYS = {"replace"}


class Overlay:
    """A user's rules folder laid over the built-ins (see the module docstring)."""

    def __init__(self, root: str | Path, builtin: Path):
        """``builtin``: the built-in rules folder the overlay's files must mirror."""
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
        for path in sorted(p for p in self.root.rglob("*") if p.is_file() and not ignored(p, self.root)):
            rel = path.relative_to(self.root).as_posix()
            if rel == MANIFEST:
                continue
            if path.suffix not in RULE_SUFFIXES:
                raise RuleError(f"{path}: not a rule file (rule files end in {' or '.join(RULE_SUFFIXES)})")
            if not (builtin / rel).is_file():
                raise RuleError(f"{path}: no built-in rule file {rel} to extend "
                                f"(an overlay mirrors the layout of claimspan's rules/)")
            parse_rule_file(path)   # syntax errors now, with their line
            self.files[rel] = path
        first = [manifest] if manifest.exists() else []
        self.sha256 = digest(self.root, first, [p for p in self.files.values() if not is_examples(p)])
        self.key = digest(self.root, first, self.files.values())   # examples too: for caches


def merge(base: Any, extra: Any, where: str, key: Any = None) -> Any:
    """``extra`` laid over ``base``: lists appended, mappings merged key by key,
    anything else replaced; an empty value adds nothing.

    >>> merge({"a": [1], "b": {"x": 1}, "c": 1}, {"a": [2], "b": {"y": 2}, "c": 3}, "f")
    {'a': [1, 2], 'b': {'x': 1, 'y': 2}, 'c': 3}
    >>> merge({"a": [1]}, {"a": {"x": 1}}, "over.yaml:3")
    Traceback (most recent call last):
    ...
    claimspan.rulefiles.RuleError: over.yaml:3: key 'a': a mapping cannot extend the built-in list
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
