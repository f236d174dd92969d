"""The package as users install it: a wheel that runs from any folder, and no module named ``pipeline``.

The wheel test builds the wheel with pip (build isolation: setuptools comes from
the package registry), installs it with ``--target`` into a folder of its own and
runs it from another folder; that copy is imported ahead of the editable one.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from tests.conftest import ROOT, SEEDS, TABLES

tomllib = pytest.importorskip("tomllib" if sys.version_info >= (3, 11) else "tomli")


def test_listed_packages_are_the_tree():
    """pyproject lists the packages (rules/ is mapped in from outside the source root): the list must
    name every folder of pipeline/claimspan that holds Python code."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    source = ROOT / "pipeline" / "claimspan"
    tree = {"claimspan." + ".".join(p.parent.relative_to(source).parts) if p.parent != source else "claimspan"
            for p in source.rglob("*.py") if "__pycache__" not in p.parts}
    assert set(config["packages"]) == tree | {"claimspan.rules"}
    assert config["package-dir"] == {"claimspan": "pipeline/claimspan", "claimspan.rules": "rules"}


def test_rules_are_found_as_package_data():
    from claimspan import ruleset

    assert ruleset.RULES_DIR.resolve() == (ROOT / "rules").resolve()   # the editable install reads the checkout
    assert ruleset.rule_files(ruleset.RULES_DIR)


@pytest.mark.parametrize("shadow", ["pipeline.py", "pipeline/__init__.py"])
def test_a_users_pipeline_module_does_not_break_spacy(tmp_path, shadow):
    (tmp_path / shadow).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / shadow).write_text("raise SystemExit('the user pipeline module was imported')\n", encoding="utf-8")
    code = ("import spacy; nlp = spacy.blank('en'); import claimspan; nlp.add_pipe('claimspan_claims'); "
            "doc = nlp('more than 60 countries'); print(doc.spans['claims'][0].text)")
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "more than 60"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    build = tmp_path_factory.mktemp("src")
    # build from a copy, so that the checkout gets no build/ or egg-info folders
    shutil.copytree(ROOT, build / "claimspan", ignore=shutil.ignore_patterns(
        ".git", ".venv", "venv", "outputs", "__pycache__", "*.egg-info", "build", "dist", ".pytest_cache"))
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist),
                           str(build / "claimspan")], capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    (found,) = dist.glob("claimspan-*.whl")
    return found


@pytest.mark.slow
def test_wheel_holds_only_claimspan_and_every_rule_file(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert {n.split("/")[0] for n in names} == {"claimspan", wheel.name.split("-py")[0] + ".dist-info"}
    rules = {p.relative_to(ROOT / "rules").as_posix() for p in (ROOT / "rules").rglob("*")
             if p.is_file() and "__pycache__" not in p.parts}
    assert rules <= {n.removeprefix("claimspan/rules/") for n in names}
    assert "claimspan/cli.py" in names and "claimspan/components/claims/component.py" in names


def claimspan_run(folder: Path, env: dict) -> Path:
    """``python -m claimspan run seeds`` in ``folder`` (which holds a copy of the seeds)."""
    shutil.copytree(SEEDS, folder / "seeds")
    done = subprocess.run([sys.executable, "-m", "claimspan", "run", "seeds", "--out", "out", "--quiet"],
                          cwd=folder, env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    return folder / "out"


@pytest.mark.slow
def test_installed_wheel_runs_anywhere_with_the_same_rows(wheel, tmp_path):
    site = tmp_path / "site"
    done = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(site),
                           str(wheel)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    env = {k: v for k, v in os.environ.items() if k not in ("CLAIMSPAN_RULES", "PYTHONPATH")}
    installed = {**env, "PYTHONPATH": str(site)}
    (tmp_path / "a").mkdir()
    where = subprocess.run([sys.executable, "-c", "import claimspan.ruleset as r; print(r.RULES_DIR)"],
                           cwd=tmp_path / "a", env=installed, capture_output=True, text=True, timeout=300)
    assert where.stdout.strip() == str(site / "claimspan" / "rules"), where.stderr
    from_wheel = claimspan_run(tmp_path / "a", installed)
    (tmp_path / "b").mkdir()
    from_checkout = claimspan_run(tmp_path / "b", env)
    for table in TABLES:
        pd.testing.assert_frame_equal(pd.read_parquet(from_wheel / f"{table}.parquet"),
                                      pd.read_parquet(from_checkout / f"{table}.parquet"))
        meta = [pq.read_schema(d / f"{table}.parquet").metadata for d in (from_wheel, from_checkout)]
        assert meta[0][b"rules_sha256"] == meta[1][b"rules_sha256"]
