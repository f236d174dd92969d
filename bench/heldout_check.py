"""Check a held-out set's gold that links to the AP documents (sets 4 and 5): every claim span
against the texts, and print the spans of each statistic.

    python bench/heldout-news-N/check.py [--ap-input /tmp/apw/input.jsonl]   (each set's check.py calls this)

Claims in the set's documents are checked against input.jsonl here. Claims in the AP documents are
checked against ../shared/gold-news/claims.jsonl (each must be a non-optional gold claim) and, with
--ap-input (the AP documents converted by ../shared/tools/timeml.py convert), printed with their text.
Also checked: no claim in two statistics, every statistic has two or more claims, a statistic that
reuses an AP gold statistic's name holds all of that statistic's AP claims, ids and dates are sane.
"""
from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def main(here: Path) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ap-input", type=Path)
    args = parser.parse_args()
    errors = 0

    def error(msg: str) -> None:
        nonlocal errors
        errors += 1
        print(f"  ERROR {msg}")

    docs = {d["id"]: d for d in map(json.loads, (here / "input.jsonl").open(encoding="utf-8"))}
    for d in docs.values():
        if not re.fullmatch(r"APW\d{8}\.\d{4}", d["id"]) or d["id"][3:11] != d["date"].replace("-", ""):
            error(f"bad id or date: {d['id']} {d['date']}")
        if not d.get("title") or not d["text"].strip():
            error(f"missing title or text: {d['id']}")
    gold_path = SHARED / "gold-news" / "claims.jsonl"
    ap_gold = {}
    if gold_path.exists():
        ap_gold = {(g["doc"], g["start"], g["end"]): g for g in map(json.loads, gold_path.open(encoding="utf-8"))}
    else:
        print("WARNING: AP claims gold not found; AP spans not checked")
    ap_stats = {}
    ap_stats_path = SHARED / "gold-news" / "statistics.jsonl"
    if ap_stats_path.exists():
        ap_stats = {s["stat"]: s for s in map(json.loads, ap_stats_path.open(encoding="utf-8"))}
    ap_docs = {}
    if args.ap_input:
        ap_docs = {d["id"]: d for d in map(json.loads, args.ap_input.open(encoding="utf-8"))}
    seen, n_stats, n_mine, n_ap = set(), 0, 0, 0
    for stat in map(json.loads, (here / "statistics.jsonl").open(encoding="utf-8")):
        n_stats += 1
        print(f"{stat['stat']} consistent={stat['consistent']}  [{stat.get('label', '')}]")
        claims = [tuple(c) for c in stat["claims"]]
        if len(claims) < 2:
            error("statistic with fewer than two claims")
        if not isinstance(stat["consistent"], bool):
            error("consistent is not a bool")
        if stat["stat"] in ap_stats:
            missing = {tuple(c) for c in ap_stats[stat["stat"]]["claims"]} - set(claims)
            if missing:
                error(f"extends AP statistic but lacks its claims {sorted(missing)}")
        for doc, start, end in claims:
            key = (doc, start, end)
            if key in seen:
                error(f"claim in two statistics: {key}")
            seen.add(key)
            if doc in docs:
                n_mine += 1
                text = docs[doc]["text"]
                if not (0 <= start < end <= len(text)):
                    error(f"span out of range: {key}")
                elif text[start:end] != text[start:end].strip():
                    error(f"span with outer whitespace: {key}")
            else:
                n_ap += 1
                text = ap_docs[doc]["text"] if doc in ap_docs else None
                if ap_gold and (key not in ap_gold or ap_gold[key]["optional"]):
                    error(f"not a non-optional AP gold claim: {key}")
                if text is not None and key in ap_gold and text[start:end] != ap_gold[key]["text"]:
                    error(f"AP text differs from the claims gold: {key}")
            span = text[start:end] if text else ap_gold.get(key, {}).get("text", "?")
            context = text[max(0, start - 40):end + 30].replace("\n", " ") if text else ""
            print(f"  {doc} {start}-{end} {span!r}  | {context}")
    print(f"documents={len(docs)} statistics={n_stats} claims={n_mine + n_ap} (this set {n_mine}, AP {n_ap})")
    print(f"errors={errors}")
    raise SystemExit(1 if errors else 0)
