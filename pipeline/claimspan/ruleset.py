"""The rules a run reads: the built-in ``rules/`` with the active overlay; ``rules_sha256()``.

The built-in rules are the top-level ``rules/`` folder of the repository,
shipped inside the package as ``claimspan.rules`` and found with
importlib.resources, so an editable install and a wheel read the same files.
A user's overlay (``claimspan.rule_overlay``: ``--rules DIR``,
``build_nlp(rules=DIR)`` or the ``CLAIMSPAN_RULES`` variable) is applied
whenever a built-in rule file is read. A file with an unknown key fails loudly
(``check_keys``, naming file, line, rule and key), so that a typo never
silently switches a rule off.
"""
from __future__ import annotations

import functools
import hashlib
import importlib.resources
import os
import re
from pathlib import Path
from typing import Any

from claimspan import rule_schemas
from claimspan.rule_overlay import Overlay, merge
from claimspan.rulefiles import (EXAMPLES, RULE_SUFFIXES, Entry, RuleError, check_keys,  # noqa: F401
                                 digest, is_examples, locate, parse_rule_file, rule_files, write_rule_data)


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


# -- the active overlay ----------------------------------------------------------------

_overlay: Overlay | None = None


def use_overlay(root: str | Path | None = None) -> Overlay | None:
    """Make ``root`` (default: ``$CLAIMSPAN_RULES``, else none) the overlay every
    later read of a built-in rule file applies; validated now. Returns it."""
    global _overlay
    root = root or os.environ.get("CLAIMSPAN_RULES") or None
    _overlay = Overlay(root, RULES_DIR) if root else None   # scanned anew: an edited overlay is noticed
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


# -- reading -------------------------------------------------------------------------

def read_rule_file(path: str | Path) -> Any:
    """One rule file's data; a built-in file comes with the active overlay applied."""
    return _read(str(path), overlay_key())


@functools.lru_cache(maxsize=None)
def _read(path: str, overlay: str | None) -> Any:
    """Parse, lay the overlay over a built-in file, and check the result against its schema."""
    data = parse_rule_file(path, _common)
    over = _overlay_file(Path(path))
    if over is not None:
        rel, extra = over
        data = (parse_rule_file(extra, _common) if rel in _overlay.replace
                else merge(data, parse_rule_file(extra, _common), str(extra)))
    rel = _builtin_rel(Path(path))
    if rel is not None:
        rule_schemas.validate(rel, data, path)
    return data


def _common(name: str) -> Any:
    """rules/common/<name>.yaml, with the overlay: the shared lists ``!common`` refers to."""
    return read_rule_file(str(rules_path("common", f"{name}.yaml")))


def _relative(path: Path) -> str | None:
    """``claims/units.yaml`` for a built-in rule file; None for a file elsewhere."""
    try:
        return path.resolve().relative_to(RULES_DIR.resolve()).as_posix()
    except ValueError:
        return None


def _builtin_rel(path: Path) -> str | None:
    """``claims/units.yaml`` for a built-in rule file, or for the same file in a saved pipeline's
    copy of a component's rules (``<pipeline>/claimspan_claims/units.yaml``): its schema's name."""
    rel = _relative(path)
    if rel is not None:
        return rel
    for rel in rule_schemas.SCHEMAS:     # a component's own rules_dir holds one folder's files
        folder = rel.split("/")[0]
        if rel.endswith("/" + path.name) and _same_folder(path.parent, folder):
            return rel
    return None


def _same_folder(folder: Path, table: str) -> bool:
    """A folder that holds the files of rules/<table> (a copy made for a test or a saved pipeline)."""
    return all((folder / p.name).exists() for p in (RULES_DIR / table).glob("*.yaml") if not is_examples(p))


read_rule_file.cache_clear = _read.cache_clear  # for tests that edit rule files in place


def _overlay_file(path: Path) -> tuple[str, Path] | None:
    """The overlay's file for a built-in rule file (a component's own rules_dir, or a
    saved pipeline, gets no overlay)."""
    if _overlay is None:
        return None
    rel = _relative(path)
    return (rel, _overlay.files[rel]) if rel in _overlay.files else None


def write_rule_file(path: str | Path, dest: Path) -> None:
    """Write the data ``read_rule_file(path)`` gives to ``dest`` (a saved pipeline's copy)."""
    write_rule_data(dest, read_rule_file(path))


def compile_any(entries: list, path: str | Path) -> re.Pattern:
    """One regex matching any of the ``[pattern]`` rules ``entries`` (each ``{id, pattern}``)
    read from ``path``; a bad regex is an error naming the file, line and rule."""
    for entry in entries:
        try:
            re.compile(entry["pattern"])
        except re.error as exc:
            where = locate(entry, f"{path} rule {entry['id']}")
            raise RuleError(f"{where} key 'pattern': {exc}") from None
    return re.compile("|".join(f"(?:{e['pattern']})" for e in entries) or "(?!)")


def load_table(table: str, name: str) -> Any:
    """``rules/<table>/<name>`` as the one loader gives it (for reads across tables)."""
    return read_rule_file(str(rules_path(table, name)))


# -- fingerprint -----------------------------------------------------------------------

def rules_sha256() -> str:
    """Fingerprint of the rules a run reads: every built-in rule file (path and
    bytes; not the examples) and, with an overlay, each of its files too. The same
    for an editable install and a wheel; a changed overlay changes it."""
    builtin = digest(RULES_DIR, [], [p for p in rule_files(RULES_DIR) if not is_examples(p)])
    if _overlay is None:
        return builtin
    return hashlib.sha256(f"{builtin}\0overlay\0{_overlay.sha256}".encode()).hexdigest()
