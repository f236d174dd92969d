"""A run killed at any moment leaves the previous complete outputs; the next run completes."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pandas as pd
import pytest

from tests.conftest import SEEDS, TABLES, load


@pytest.mark.slow
def test_sigkill_mid_run_keeps_previous_outputs(tmp_path):
    out = tmp_path / "out"
    small = tmp_path / "small.jsonl"
    small.write_text(json.dumps({"id": "a", "text": "More than 60 countries signed in 2020."}) + "\n")
    subprocess.run([sys.executable, "-m", "claimspan.cli", "run", str(small), "--out", str(out), "--quiet"],
                   check=True)
    before = load(out)

    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    big = tmp_path / "big.jsonl"
    with big.open("w", encoding="utf-8") as f:
        for i in range(400):
            f.write(json.dumps({"id": f"d{i:04d}", "text": texts[i % len(texts)]}) + "\n")
    proc = subprocess.Popen([sys.executable, "-m", "claimspan.cli", "run", str(big), "--out", str(out), "--quiet"])
    deadline = time.time() + 120
    while time.time() < deadline and not any(p.name.startswith(".") for p in out.iterdir()):
        time.sleep(0.05)
    assert proc.poll() is None, "the run ended before it could be killed"
    time.sleep(0.5)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()

    after = load(out)
    for table in TABLES:
        pd.testing.assert_frame_equal(before[table], after[table], obj=table)

    subprocess.run([sys.executable, "-m", "claimspan.cli", "run", str(small), "--out", str(out), "--quiet"],
                   check=True)
    assert not [p for p in out.iterdir() if p.name.startswith(".")], "temporary files left behind"
    for table in TABLES:
        pd.testing.assert_frame_equal(before[table], load(out)[table], obj=table)
