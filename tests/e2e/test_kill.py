"""The output folder is one transaction. A run killed at any moment (mid-extraction, or at
any step of publishing) leaves one complete set of tables, of one run, that pandas reads
at the documented paths, and the next incremental run equals a --force run. A second run
into a folder in use is refused; the lock of a dead run is recovered.

Kills and pauses happen at named steps (claimspan.io.outdir.checkpoint), not after sleeps.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from claimspan.io.outdir import STATE
from claimspan.review.tables import OutputsError, load_tables
from claimspan.run import run
from tests.conftest import SEEDS, TABLES, load

CLI = [sys.executable, "-m", "claimspan.cli", "run", "--workers", "1", "--quiet"]
STEPS = ("locked", "written", "generation", "switched", "linked", "cleaned")
PUBLISHED = ("switched", "linked", "cleaned")   # the steps after the one atomic switch
FIRST = {"a": "More than 60 countries signed in 2020.", "b": "About 14.6% of 5,479 defendants were acquitted."}
SECOND = {"a": "Nearly 70 countries signed in 2021.", "b": FIRST["b"], "c": "Some 300 lawyers met in May 2019."}


def corpus(path: Path, docs: dict[str, str]) -> Path:
    path.write_text("".join(json.dumps({"id": k, "text": v}) + "\n" for k, v in docs.items()), encoding="utf-8")
    return path


def cli(*args, **env) -> subprocess.CompletedProcess:
    return subprocess.run(CLI + [str(a) for a in args], env={**os.environ, **env}, capture_output=True, text=True)


def run_ids(out: Path) -> set[bytes]:
    return {pq.read_schema(out / f"{t}.parquet").metadata[b"run_id"] for t in TABLES}


def assert_one_clean_run(out: Path) -> None:
    """The tables of one run, and of the hidden state only the lock and that run's generation."""
    (run_id,) = run_ids(out)
    assert sorted(p.name for p in (out / STATE).iterdir()) == ["current", f"gen-{run_id.decode()}", "lock"]
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == [STATE]


def assert_same_tables(a: Path, b: Path) -> None:
    for table in TABLES:
        pd.testing.assert_frame_equal(load(a)[table], load(b)[table], obj=table)


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """The inputs, a folder after a run of FIRST, and a --force run of SECOND to compare with."""
    root = tmp_path_factory.mktemp("runs")
    first, second = corpus(root / "first.jsonl", FIRST), corpus(root / "second.jsonl", SECOND)
    run([first], root / "first-out", workers=1)
    run([second], root / "forced", workers=1, force=True)
    return root


@pytest.mark.slow
@pytest.mark.parametrize("step", STEPS)
def test_a_kill_at_any_step_of_publishing_leaves_one_complete_run(runs, tmp_path, step):
    out = tmp_path / "out"
    shutil.copytree(runs / "first-out", out, symlinks=True)
    killed = cli(runs / "second.jsonl", "--out", out, CLAIMSPAN_TEST_KILL_AT=step)
    assert killed.returncode == -signal.SIGKILL

    published = step in PUBLISHED
    assert sorted(load(out)["documents"].doc_id) == sorted(SECOND if published else FIRST)
    assert len(run_ids(out)) == 1
    assert load_tables(out)["claims"].shape[0] > 0    # claimspan's own reader agrees

    again = run([runs / "second.jsonl"], out, workers=1)
    assert again.reused == (3 if published else 1)    # the unchanged b, or all of the published run
    assert again.rows["claims"] > 0 and again.rows["dates"] > 0
    assert_same_tables(out, runs / "forced")
    assert_one_clean_run(out)


@pytest.mark.slow
def test_without_links_a_kill_between_two_moves_is_seen_and_not_reused(runs, tmp_path, monkeypatch):
    """The fallback for file systems without symbolic links moves the tables one by one:
    a kill between two moves leaves tables of two runs, which reuse and review detect."""
    monkeypatch.setenv("CLAIMSPAN_NO_SYMLINKS", "1")
    out = tmp_path / "out"
    run([runs / "first.jsonl"], out, workers=1)
    assert not (out / "claims.parquet").is_symlink()
    killed = cli(runs / "second.jsonl", "--out", out, CLAIMSPAN_TEST_KILL_AT="moved-claims")
    assert killed.returncode == -signal.SIGKILL
    assert len(run_ids(out)) == 2
    with pytest.raises(OutputsError, match="different runs"):
        load_tables(out)

    again = run([runs / "second.jsonl"], out, workers=1)
    assert again.reused == 0
    assert_same_tables(out, runs / "forced")
    assert len(run_ids(out)) == 1


@pytest.mark.slow
def test_a_second_run_into_a_folder_in_use_is_refused(runs, tmp_path):
    out, go = tmp_path / "out", tmp_path / "go"
    # The first run stops with its tables written, before it publishes them.
    first = subprocess.Popen(CLI + [str(runs / "first.jsonl"), "--out", str(out)],
                             env={**os.environ, "CLAIMSPAN_TEST_PAUSE_AT": "written",
                                  "CLAIMSPAN_TEST_PAUSE_FILE": str(go)})
    try:
        wait_for(Path(f"{go}.waiting"), first)
        second = cli(runs / "second.jsonl", "--out", out)
        assert second.returncode == 2
        assert second.stderr.count("\n") == 1 and f"in use by another claimspan run (pid {first.pid} " in second.stderr
        go.touch()
        assert first.wait(timeout=300) == 0
    finally:
        first.kill()
    assert sorted(load(out)["documents"].doc_id) == sorted(FIRST)
    assert_one_clean_run(out)


@pytest.mark.slow
def test_the_lock_of_a_dead_run_is_recovered(runs, tmp_path):
    out = tmp_path / "out"
    dead = subprocess.Popen(CLI + [str(runs / "first.jsonl"), "--out", str(out)],
                            env={**os.environ, "CLAIMSPAN_TEST_KILL_AT": "locked"})
    assert dead.wait(timeout=300) == -signal.SIGKILL
    assert f"pid={dead.pid} " in (out / STATE / "lock").read_text()
    after = cli(runs / "first.jsonl", "--out", out)
    assert after.returncode == 0
    assert "recovered the lock" in after.stderr and f"pid {dead.pid} " in after.stderr
    assert (out / STATE / "lock").read_text() == ""   # released
    assert_one_clean_run(out)


@pytest.mark.slow
def test_sigkill_mid_run_keeps_previous_outputs(tmp_path):
    out = tmp_path / "out"
    small = corpus(tmp_path / "small.jsonl", {"a": FIRST["a"]})
    subprocess.run(CLI + [str(small), "--out", str(out)], check=True)
    before = load(out)

    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    big = corpus(tmp_path / "big.jsonl", {f"d{i:04d}": texts[i % len(texts)] for i in range(400)})
    proc = subprocess.Popen(CLI + [str(big), "--out", str(out)])
    deadline = time.time() + 120
    while time.time() < deadline and not any((out / STATE).glob("build-*")):
        time.sleep(0.05)
    assert proc.poll() is None, "the run ended before it could be killed"
    time.sleep(0.5)   # somewhere in the extraction
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()

    after = load(out)
    for table in TABLES:
        pd.testing.assert_frame_equal(before[table], after[table], obj=table)

    subprocess.run(CLI + [str(small), "--out", str(out)], check=True)
    assert_one_clean_run(out)
    for table in TABLES:
        pd.testing.assert_frame_equal(before[table], load(out)[table], obj=table)


def wait_for(path: Path, proc: subprocess.Popen, seconds: float = 300) -> None:
    deadline = time.time() + seconds
    while not path.exists():
        assert proc.poll() is None and time.time() < deadline, f"the run never reached {path.name}"
        time.sleep(0.02)
