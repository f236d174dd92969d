"""Check set 4's gold: every claim span against the texts, and print the spans of each statistic.

    python bench/heldout-news-4/check.py [--ap-input /tmp/apw/input.jsonl]

Claims in this set's documents are checked against input.jsonl here. Claims in the AP documents are
checked against ../shared/gold-news/claims.jsonl (each must be a non-optional gold claim) and, with
--ap-input (the AP documents converted by ../shared/tools/timeml.py convert), printed with their text.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

HERE = Path(__file__).parent
SHARED = HERE.parent.parent.parent / "shared"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ap-input", type=Path)
    args = parser.parse_args()
    docs = {d["id"]: d for d in map(json.loads, (HERE / "input.jsonl").open(encoding="utf-8"))}
    ap_gold = {}
    if (SHARED / "gold-news" / "claims.jsonl").exists():
        ap_gold = {(g["doc"], g["start"], g["end"]): g
                   for g in map(json.loads, (SHARED / "gold-news" / "claims.jsonl").open(encoding="utf-8"))}
    ap_docs = {}
    if args.ap_input:
        ap_docs = {d["id"]: d for d in map(json.loads, args.ap_input.open(encoding="utf-8"))}
    seen, errors = set(), 0
    for stat in map(json.loads, (HERE / "statistics.jsonl").open(encoding="utf-8")):
        print(f"{stat['stat']} consistent={stat['consistent']}")
        for doc, start, end in stat["claims"]:
            key = (doc, start, end)
            if key in seen:
                errors += 1
                print(f"  ERROR claim in two statistics: {key}")
            seen.add(key)
            if doc in docs:
                text = docs[doc]["text"]
            elif doc in ap_docs:
                text = ap_docs[doc]["text"]
            else:
                text = None
            if doc not in docs and ap_gold and (key not in ap_gold or ap_gold[key]["optional"]):
                errors += 1
                print(f"  ERROR not a non-optional AP gold claim: {key}")
            span = text[start:end] if text else ap_gold.get(key, {}).get("text", "?")
            context = text[max(0, start - 40):end + 30].replace("\n", " ") if text else ""
            print(f"  {doc} {start}-{end} {span!r}  | {context}")
    print(f"errors={errors}")


if __name__ == "__main__":
    main()
