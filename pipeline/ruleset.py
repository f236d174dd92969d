"""Loads and validates the rule data in ``rules/``; ``rules_sha256()`` fingerprints it.

Rule files are commented YAML (hand-written rules) or JSONL (long lists). A
file with an unknown key fails loudly, naming the file, the rule and the key,
so that a typo never silently switches a rule off.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
from pathlib import Path
from typing import Any, Iterable

import yaml

RULES_DIR = Path(os.environ.get("CLAIMSPAN_RULES", Path(__file__).resolve().parent.parent / "rules"))


class RuleError(ValueError):
    """A rule file that cannot be used; the message names file, rule and key."""


def rules_path(*parts: str) -> Path:
    return RULES_DIR.joinpath(*parts)


@functools.lru_cache(maxsize=None)
def read_rule_file(path: str | Path) -> Any:
    """Parse one YAML or JSONL rule file (cached; rule files do not change during a run)."""
    path = Path(path)
    if not path.exists():
        raise RuleError(f"{path}: rule file not found")
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".jsonl":
        rows = []
        for n, line in enumerate(text.splitlines(), 1):
            line = line.strip()
            if not line or line.startswith("#") or line.startswith("//"):
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise RuleError(f"{path}:{n}: invalid JSON ({exc.msg})") from None
        return rows
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise RuleError(f"{path}: invalid YAML ({exc})") from None


def check_keys(entry: dict, allowed: Iterable[str], where: str, required: Iterable[str] = ()) -> dict:
    """Fail on keys outside ``allowed`` and on missing ``required`` keys; return ``entry``.

    >>> check_keys({"id": "x", "words": []}, {"id", "words"}, "f.yaml rule x")
    {'id': 'x', 'words': []}
    >>> check_keys({"id": "x", "wrds": []}, {"id", "words"}, "f.yaml rule x")
    Traceback (most recent call last):
    ...
    pipeline.ruleset.RuleError: f.yaml rule x: unknown key 'wrds' (allowed: id, words)
    """
    if not isinstance(entry, dict):
        raise RuleError(f"{where}: expected a mapping, got {type(entry).__name__}")
    allowed = set(allowed)
    for key in entry:
        if key not in allowed:
            raise RuleError(f"{where}: unknown key {key!r} (allowed: {', '.join(sorted(allowed))})")
    for key in required:
        if key not in entry:
            raise RuleError(f"{where}: missing key {key!r}")
    return entry


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


def rules_sha256(root: Path | None = None) -> str:
    """Fingerprint of every rule file (names and bytes), for run metadata and re-runs."""
    root = Path(root or RULES_DIR)
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()
