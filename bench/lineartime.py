"""Benchmark (not a test): processing time grows linearly with a document's length.

    python bench/lineartime.py [--json] [--scale 1.0]

Each text is one document at 1x, 4x and 16x its base length, extracted with
``claimspan.extract`` in this process (the pipeline is built and warmed up
first), and the report gives the seconds at each length, the ratios t4/t1 and
t16/t4 (linear: 4; the issue's bar: at most ~4.5) and the growth exponent
log(t16/t1)/log(16) (linear: 1, quadratic: 2). The texts:

  dense      "5,479 acquittals in 2020 and " x 1,600 on one line (46 KB): a claim
             and a date every 29 characters and no full stop (issue bar: the
             1x document in under a minute)
  digit_run  "1234567890" x 1,000 without a space (one run of 10,000 digits)
  numbers    "1234567890 " x 4,000: numbers separated by spaces (44 KB)
  ordinary   the seeds, one after the other (70 KB)

``--scale`` multiplies every base length (0.25 for a quick look). A document
that fails (status error) is reported in ``errors``: its time means nothing.
Exit status 1 when a ratio is above 4.5 or a document failed.
"""
from __future__ import annotations

import argparse
import gc
import json
import math
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FACTORS = (1, 4, 16)
BAR = 4.5   # at most this much time for 4x the text


def texts(scale: float) -> dict[str, tuple[str, int]]:
    """{name: (unit, repetitions at 1x)}."""
    seeds = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))) + "\n\n"
    base = {"dense": ("5,479 acquittals in 2020 and ", 1600), "digit_run": ("1234567890", 1000),
            "numbers": ("1234567890 ", 4000), "ordinary": (seeds, 1)}
    return {name: (unit, max(1, round(n * scale))) for name, (unit, n) in base.items()}


def measure(unit: str, repetitions: int) -> dict:
    import claimspan

    seconds, chars, errors = [], [], []
    for factor in FACTORS:
        text = unit * (repetitions * factor)
        gc.collect()
        start = time.perf_counter()
        tables = claimspan.extract({"id": "doc", "text": text})
        seconds.append(round(time.perf_counter() - start, 2))
        chars.append(len(text))
        doc = tables["documents"].iloc[0]
        if doc.status != "ok":
            errors.append(f"{factor}x: {doc.error}")
    t1, t4, t16 = (max(s, 1e-3) for s in seconds)
    return {"chars": chars, "seconds": seconds, "t4_over_t1": round(t4 / t1, 2), "t16_over_t4": round(t16 / t4, 2),
            "exponent": round(math.log(t16 / t1) / math.log(16), 2), "errors": errors}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--json", action="store_true", help="one JSON object on one line")
    ap.add_argument("--scale", type=float, default=1.0, help="multiply every base length")
    args = ap.parse_args()
    import claimspan

    claimspan.extract("Warm-up: 5,479 acquittals in 2020.")   # builds the pipeline once
    result = {}
    for name, (unit, repetitions) in texts(args.scale).items():
        result[name] = {"repetitions_1x": repetitions, **measure(unit, repetitions)}
    ok = all(r["t4_over_t1"] <= BAR and r["t16_over_t4"] <= BAR and not r["errors"] for r in result.values())
    print(json.dumps(result) if args.json else json.dumps(result, indent=1))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
