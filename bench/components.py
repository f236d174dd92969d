"""CPU seconds per pipeline component (not a test): where the rules' time goes.

    python bench/components.py [--repeat 3] [--shared ../shared]

Corpus: TimeBank's texts (converted with ../shared/tools/timeml.py) and the seeds, as in
throughput.py. Each component runs over every Doc in turn; the figure is the least CPU time
(``time.process_time``) of ``--repeat`` passes, so that other work on the machine moves it
little: compare two checkouts by running this in each. ``make_doc`` is the tokenizer and the
layout reading. Prints one JSON object.
"""
from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from throughput import corpus

import claimspan
from claimspan.batch import _make_doc, as_records


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parent.parent.parent / "shared")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        records = as_records(corpus(args.shared, Path(tmp)))
    nlp = claimspan.build_nlp()
    best: dict[str, float] = {}
    for _ in range(args.repeat):
        start = time.process_time()
        docs = [_make_doc(nlp, r, r.text, r.date) for r in records]
        best["make_doc"] = min(best.get("make_doc", float("inf")), time.process_time() - start)
        for name, proc in nlp.pipeline:
            start = time.process_time()
            docs = [proc(doc) for doc in docs]
            best[name] = min(best.get(name, float("inf")), time.process_time() - start)
    out = {name.removeprefix("claimspan_"): round(seconds, 3) for name, seconds in best.items()}
    out["components"] = round(sum(v for k, v in best.items() if k != "make_doc"), 3)
    print(json.dumps({"documents": len(records), **out}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
