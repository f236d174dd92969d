"""Loads the six output tables of a run folder (SPEC.md, "Tables").

A table is either ``<table>.parquet`` or a folder of that name holding part
files (a sharded run); ``pandas.read_parquet`` reads both. The tables are read
from the generation published last (claimspan.io.outdir), and must all come
from the run that wrote it.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from claimspan.io.outdir import MixedRuns, current_tables, one_run


class OutputsError(Exception):
    """The folder is not a claimspan output folder (a table is missing or unreadable)."""


def load_tables(out_dir) -> dict[str, pd.DataFrame]:
    out = Path(out_dir)
    if not out.is_dir():
        raise OutputsError(f"{out}: not a folder")
    paths = current_tables(out)
    try:
        return _read(out, paths)
    except FileNotFoundError as exc:   # removed by a run that published meanwhile: read that run's
        if current_tables(out) == paths:
            raise OutputsError(f"{out}: cannot be read: {exc}") from exc
        return _read(out, current_tables(out))


def _read(out: Path, paths: dict[str, Path]) -> dict[str, pd.DataFrame]:
    for table, path in paths.items():
        if not path.exists():
            raise OutputsError(f"{out}: no {table}.parquet (is this the --out folder of a claimspan run?)")
    tables = {}
    try:
        one_run(paths)
        for table, path in paths.items():
            # A fresh 0..n-1 index: it keys every highlight, and part files written
            # with their own pandas index would repeat it.
            tables[table] = pd.read_parquet(path).reset_index(drop=True)
    except MixedRuns as exc:
        raise OutputsError(f"{out}: {exc}") from None
    except FileNotFoundError:
        raise
    except (OSError, ValueError) as exc:  # pyarrow's errors subclass these
        raise OutputsError(f"{out}: cannot be read: {exc}") from exc
    return tables


def display(value) -> str | None:
    """A cell as the reviewer should read it; None for a missing value.

    >>> display(1.4e9), display(14.6), display(True), display(float("nan"))
    ('1,400,000,000', '14.6', 'true', None)
    """
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, (bool, np.bool_)):
        return "true" if value else "false"
    if isinstance(value, float):
        return None if value != value else format(value, ",.12g")
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):  # arrays and the like are not missing values
        pass
    return str(value)
