"""Benchmark (not a test): claims grouped into statistics per second, and how the time grows.

    python bench/statistics.py [--json] [--claims 100000]

Builds a synthetic corpus of news claims (no extraction: the rows the claims
table would hold): tolls of many events in many places reported over weeks,
with running values, restated sentences, money figures, and generic counts
that must stay alone; every document is 5 claims. Times
``claimspan.statistics.group_rows`` (features from each row and its sentence,
blocking, the evidence, the statistics rows) at 1/4, 1/2 and all of
``--claims``, and reports claims per second at each size and the growth
exponent log(t_all/t_quarter)/log(4) (linear: 1; all pairs: 2).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import time

PLACES = ["Kenya", "Tanzania", "Peru", "Chile", "Nepal", "India", "Brazil", "Italy", "Turkey", "Japan",
          "Nairobi", "Lima", "Santiago", "Kathmandu", "Mumbai", "Rome", "Ankara", "Osaka", "Texas", "Ohio"]
EVENTS = ["flood", "earthquake", "landslide", "fire", "storm", "bombing", "crash", "collapse", "blast", "riot"]
TEMPLATES = [
    ("The {e} in {p} killed {n} people, officials said.", "people"),
    ("At least {n} people were injured in the {e} in {p}, police said.", "people"),
    ("Rescuers said {n} people were missing after the {e} in {p}.", "people"),
    ("The government of {p} pledged ${n} million in aid after the {e}.", None),
    ("Officials in {p} said the {e} destroyed {n} homes.", "homes"),
    ("The council in {p} held {n} meetings about the {e}.", "meetings"),
]


def corpus(n_claims: int, seed: int = 7) -> tuple[list[dict], dict]:
    rnd = random.Random(seed)
    rows, dates = [], {}
    start = dt.date(2026, 1, 1)
    for d in range(math.ceil(n_claims / 5)):
        doc = f"doc{d:07d}"
        dates[doc] = start + dt.timedelta(days=rnd.randrange(365))
        offset = 0
        for _ in range(5):
            template, counted = rnd.choice(TEMPLATES)
            story = rnd.randrange(max(1, n_claims // 40))        # about 40 claims per story
            rs = random.Random(story)
            event, place = rs.choice(EVENTS), rs.choice(PLACES)
            base = rs.randrange(3, 900)
            n = base + rnd.choice([0, 0, 0, 1, 2, 5])             # a running toll moves a little
            sentence = template.format(e=event, p=place, n=f"{n:,}")
            number = f"{n:,}"
            at = sentence.index(number)
            kind = "money" if "$" in sentence else "count"
            rows.append({"doc_id": doc, "claim_id": f"{doc}:{offset + at}-{offset + at + len(number)}", "text": number,
                         "start_char": offset + at, "end_char": offset + at + len(number), "sentence": sentence,
                         "sentence_start_char": offset, "kind": kind,
                         "value": float(n) * (1e6 if kind == "money" else 1),
                         "unit": "USD" if kind == "money" else None, "qualifier": "exact", "counted": counted,
                         "period_start": None, "period_end": None, "checkworthy": True})
            offset += len(sentence) + 1
    return rows[:n_claims], dates


def timed(rows, dates) -> tuple[float, int]:
    from claimspan.statistics import group_rows

    t0 = time.perf_counter()
    _, stats = group_rows(rows, dates)
    return time.perf_counter() - t0, len(stats)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    timed(*corpus(200))   # rules loaded, caches warm
    sizes = [args.claims // 4, args.claims // 2, args.claims]
    results = []
    for size in sizes:
        rows, dates = corpus(size)
        seconds, n_stats = timed(rows, dates)
        results.append({"claims": size, "seconds": round(seconds, 2), "claims_per_second": round(size / seconds),
                        "statistics": n_stats})
    growth = math.log(results[-1]["seconds"] / results[0]["seconds"]) / math.log(4)
    report = {"sizes": results, "growth_exponent": round(growth, 2)}
    if args.json:
        print(json.dumps(report))
    else:
        for r in results:
            print(f"{r['claims']:>8} claims  {r['seconds']:>7.2f} s  {r['claims_per_second']:>7} claims/s  "
                  f"{r['statistics']} statistics")
        print(f"growth exponent {report['growth_exponent']} (linear 1, all pairs 2)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
