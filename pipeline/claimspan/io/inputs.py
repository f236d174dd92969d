"""Which files are inputs: the paths given, folders walked in a stable order.

Nothing here opens a file. A path that is not a regular file (a FIFO, a
socket, a device: opening one can block forever) and a folder that cannot be
listed are ``Found`` with the ``problem``, so that readers.py gives each an
error row instead of hanging or leaving it out. A claimspan output folder (the
run's own ``--out``, or any folder whose ``documents.parquet`` carries the
``rules_sha256`` metadata a run writes) is not walked: a run into
``docs/out`` must not read its own tables back from ``docs`` next time. Named
as an input, such a folder is refused rather than read as nothing.
"""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

# The reader of each file type, by suffix (lower-cased); the order is the one messages list them in.
KINDS = {".txt": "text", ".md": "text", ".html": "text", ".htm": "text", ".pdf": "pdf", ".docx": "docx",
         ".jsonl": "jsonl", ".csv": "csv", ".parquet": "parquet"}
METADATA_NAME = "metadata.csv"
SPECIAL = ((stat.S_ISFIFO, "FIFO"), (stat.S_ISSOCK, "socket"), (stat.S_ISCHR, "character device"),
           (stat.S_ISBLK, "block device"))


class InputError(ValueError):
    """An input that cannot be read at all (names the file and the reason)."""

    def __init__(self, path, reason: str | None = None):
        super().__init__(str(path) if reason is None else f"{path}: {reason}")
        self.reason = str(path) if reason is None else reason


class MissingColumn(InputError):
    """A table input without an ``id`` or ``text`` column: none of its rows can be named."""


@dataclass(frozen=True)
class Found:
    path: Path
    kind: str | None            # its reader (KINDS); None: a type no reader knows, found in a folder
    named: bool = False         # named as an input, not found in a folder
    problem: str | None = None  # why it cannot be read at all


def expand(inputs: Iterable[str | Path], out_dir: str | Path | None = None) -> list[Found]:
    """Every file to account for, folders expanded recursively in a stable (sorted) order.

    A file named as an input is read whatever its suffix, as text when the suffix
    is not a known one (``notes.log``, ``README``): the user chose that file, and a
    binary one is an error saying so. In a folder, only known suffixes are read:
    folders also hold images, spreadsheets and the like never meant as text, and
    each becomes a ``skipped`` row rather than an error or nothing at all. Hidden
    files and folders (``.git/``...) and ``metadata.csv`` are not inputs.
    """
    outputs = {Path(out_dir).resolve()} if out_dir is not None else set()
    found = []
    for item in inputs:
        path = Path(item)
        if path.is_dir() and is_output(path, outputs):
            raise InputError(path, "is an output folder (--out, or one holding claimspan's tables), not an input")
        if path.is_dir():
            found += walk(path, outputs)
        elif path.exists():
            found.append(Found(path, KINDS.get(path.suffix.lower(), "text"), True, not_regular(path)))
        else:
            raise InputError(path, "no such file or folder")
    return found


def walk(root: Path, outputs: set[Path]) -> list[Found]:
    found = []

    def unreadable(exc: OSError) -> None:
        found.append(Found(Path(exc.filename), None, problem=f"unreadable folder: {exc.strerror}"))

    for folder, folders, files in os.walk(root, onerror=unreadable):
        here = Path(folder)
        folders[:] = [d for d in folders if not d.startswith(".") and not is_output(here / d, outputs)]
        for name in files:
            if not name.startswith(".") and name != METADATA_NAME:
                path = here / name
                found.append(Found(path, KINDS.get(path.suffix.lower()), problem=not_regular(path)))
    return sorted(found, key=lambda f: f.path)


def not_regular(path: Path) -> str | None:
    """Why ``path`` is not a file that can be read without blocking, or None."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:   # a broken symbolic link, a loop of them
        return f"unreadable: {exc.strerror}"
    if stat.S_ISREG(mode):
        return None
    what = next((name for test, name in SPECIAL if test(mode)), "not a file")
    return f"not a regular file: {what}"


def is_output(folder: Path, outputs: set[Path]) -> bool:
    """The run's own output folder, or a folder that holds a claimspan run's tables."""
    if folder.resolve() in outputs:
        return True
    documents = folder / "documents.parquet"
    if not documents.is_file():
        return False
    import pyarrow.parquet as pq

    try:
        return b"rules_sha256" in (pq.read_schema(documents).metadata or {})
    except Exception:  # noqa: BLE001  not a readable Parquet file: an input like any other
        return False
