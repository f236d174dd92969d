"""Benchmark (not a test): one very large document, peak memory and exact spans.

    python bench/bigdoc.py [--mb 20] [--json]

Builds a single document of about MB megabytes by repeating the seeds (with
their turns and numbers), runs ``claimspan run`` on it in a child process, and
reports the child's peak resident memory, the time, the rows per table, and
whether every span is exact. Issue bar: 20 MB under 2 GB peak.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=20.0)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    seeds = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        target = int(args.mb * 1_000_000)
        text = (seeds + "\n\n") * (target // len(seeds.encode("utf-8")) + 1)
        (tmp / "big.txt").write_text(text, encoding="utf-8")
        size = (tmp / "big.txt").stat().st_size
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "claimspan.cli", "run", str(tmp / "big.txt"), "--out",
                        str(tmp / "out"), "--quiet", "--timeout", "0"], check=True)
        seconds = time.perf_counter() - start
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        doc_text = pd.read_parquet(tmp / "out" / "documents.parquet").text[0]
        rows, exact = {}, True
        for table in ("claims", "dates", "organizations", "resolutions"):
            frame = pd.read_parquet(tmp / "out" / f"{table}.parquet")
            rows[table] = len(frame)
            exact &= all(doc_text[s:e] == t for s, e, t in zip(frame.start_char, frame.end_char, frame.text))
    result = {"bytes": size, "seconds": round(seconds, 1), "peak_rss_mb": round(peak_mb), "rows": rows,
              "spans_exact": bool(exact), "under_2gb": peak_mb < 2048}
    print(json.dumps(result) if args.json else json.dumps(result, indent=1))
    return 0 if exact and peak_mb < 2048 else 1


if __name__ == "__main__":
    sys.exit(main())
