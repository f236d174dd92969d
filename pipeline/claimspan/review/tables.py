"""Loads the output tables of a run folder (SPEC.md, "Tables").

A table is either ``<table>.parquet`` or a folder of that name holding part
files (a sharded run); ``pandas.read_parquet`` reads both. The tables are read
from the generation published last (claimspan.io.outdir), and must all come
from the run that wrote it. Outputs written before the run-wide tables
(``statistics``, SPEC v1.1) are still read: those tables are then absent from
the result, and the review leaves out what it would show of them.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from claimspan.io.outdir import MixedRuns, current_tables, one_run
from claimspan.io.schemas import RUN_TABLES


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
    paths = {t: p for t, p in paths.items() if t not in RUN_TABLES or p.exists()}
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


def statistics_in_order(statistics: pd.DataFrame) -> pd.DataFrame:
    """The statistics as a reviewer should meet them: the inconsistent ones first
    (two of their values cannot both be true), then the most restated; ties by
    label, then id, so the order is the same on every run."""
    return statistics.sort_values(["consistent", "n_claims", "label", "stat_id"],
                                  ascending=[True, False, True, True], kind="stable")


def value_range(low, high, unit) -> str:
    """A statistic's values as one phrase.

    >>> value_range(64.0, 65.0, None), value_range(5e5, 2e6, "USD"), value_range(14.6, 14.6, "%")
    ('64–65', '500,000–2,000,000 USD', '14.6%')
    """
    low, high = display(low), display(high)
    if low is None or high is None:
        return "—"
    shown = low if low == high else f"{low}–{high}"
    unit = display(unit)
    return shown + ("" if unit is None else unit if unit == "%" else f" {unit}")
