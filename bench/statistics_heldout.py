"""Evaluation (not a test): the statistics grouping on news stories we wrote and annotated by hand.

    python bench/statistics_heldout.py [--json] [--errors] [--dir bench/heldout-news-2] [--with-ap]

bench/heldout-news/ holds 41 invented AP-style stories in 8 storylines (earthquakes, floods, a
plane crash, strikes, an election, a trial, a donors' meeting, an outbreak) and their gold
statistics (NOTES.md there). They were written without reading the grouping's code or rules, as
a check on text the rules were not written against; keep tuning to them honest (a rule must be
general, with its own examples in rules/statistics/examples.yaml). bench/heldout-news-2/ is a
second set in the same format (28 stories in 6 other storylines: a wildfire, a mine collapse, a
drug recall, a bus crash, a refugee flow, job cuts), written the same way; pick it with --dir.
bench/heldout-news-3/ is a third (33 stories in 7 storylines: an earthquake, a referendum, a strike,
a national economy, a refugee flow, product sales, a fraud trial), also written blind.
bench/heldout-news-4/ is a fourth (33 stories of the same weeks and events as the 39 AP documents in
../shared/data/aquaint-apw: the 1998 embassy bombings, Kopp, NATO's enlargement, Elian Gonzalez, and a
few other stories of those weeks), also written blind; its gold links to claims of the AP documents.
bench/heldout-news-5/ is a fifth of the same design (28 stories of those weeks: the bombings, Kopp, NATO,
Elian Gonzalez, the Omagh bomb and the Swissair crash), written blind and first run on 597a374.

--with-ap runs the set together with the AP documents (converted from ../shared/data/aquaint-apw by
../shared/tools/timeml.py into a temporary folder; nothing of them is kept) and scores against the
set's gold plus every AP gold statistic (../shared/gold-news/statistics.jsonl) whose `stat` name the
set's gold does not use: a set statistic with an AP statistic's name extends and supersedes it.

Every claim the run finds takes part. Each gold claim is matched to the run claim of its
document whose span overlaps it most; a pair of claims is a gold pair when both match claims of
one gold statistic, a predicted pair when the run gave both one stat_id. Precision and recall
are over pairs; `consistent` is judged on each gold statistic one run statistic holds most
(more than half) of the pairs of, as ../shared/tools/score.py does for the AP gold.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import claimspan

HERE = Path(__file__).parent / "heldout-news"
SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def load(folder: Path = HERE) -> tuple[list[dict], list[dict]]:
    docs = [json.loads(line) for line in (folder / "input.jsonl").open(encoding="utf-8")]
    gold = [json.loads(line) for line in (folder / "statistics.jsonl").open(encoding="utf-8")]
    return docs, gold


def with_ap(docs: list[dict], gold: list[dict], shared: Path = SHARED) -> tuple[list[dict], list[dict]] | None:
    """The set's documents plus the AP ones, and its gold plus the AP statistics it does not supersede."""
    if not (shared / "data" / "aquaint-apw").is_dir() or not (shared / "gold-news" / "statistics.jsonl").exists():
        return None
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, str(shared / "tools" / "timeml.py"), "convert",
                        str(shared / "data" / "aquaint-apw"), tmp], check=True, capture_output=True)
        ap_docs = [json.loads(line) for line in (Path(tmp) / "input.jsonl").open(encoding="utf-8")]
    names = {stat["stat"] for stat in gold}
    ap_gold = [json.loads(line) for line in (shared / "gold-news" / "statistics.jsonl").open(encoding="utf-8")]
    return docs + ap_docs, gold + [stat for stat in ap_gold if stat["stat"] not in names]


def match(gold: list[dict], claims) -> dict[int, str]:
    """Run claim row -> gold statistic, each gold claim to the run claim it overlaps most."""
    out: dict[int, str] = {}
    by_doc = {doc: rows for doc, rows in claims.groupby("doc_id")}
    for stat in gold:
        for doc, start, end in stat["claims"]:
            rows = by_doc.get(doc)
            if rows is None:
                continue
            overlap = (rows["end_char"].clip(upper=end) - rows["start_char"].clip(lower=start))
            if overlap.max() > 0:
                out[int(overlap.idxmax())] = stat["stat"]
    return out


def score(gold: list[dict], claims, statistics, errors: bool = False) -> dict:
    stat_of = match(gold, claims)
    sid = claims["stat_id"].to_dict()
    rows = list(claims.index)
    tp = n_gold = n_pred = 0
    missed, spurious = [], []
    for i, a in enumerate(rows):
        for b in rows[i + 1:]:
            in_gold = a in stat_of and stat_of.get(b) == stat_of[a]
            in_pred = sid[a] == sid[b]
            tp, n_gold, n_pred = tp + (in_gold and in_pred), n_gold + in_gold, n_pred + in_pred
            if errors and in_gold != in_pred:
                (missed if in_gold else spurious).append(f"{_name(claims, a)} ~ {_name(claims, b)}")
    flags = dict(zip(statistics["stat_id"], statistics["consistent"]))
    judged = right = 0
    for stat in gold:
        members = [sid[row] for row, name in stat_of.items() if name == stat["stat"]]
        best, count = Counter(members).most_common(1)[0] if members else (None, 0)
        if best in flags and 2 * count * (count - 1) > len(members) * (len(members) - 1):
            judged += 1
            right += bool(flags[best]) == stat["consistent"]
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    result = {"documents": claims["doc_id"].nunique(), "gold_statistics": len(gold),
              "gold_claims_matched": len(stat_of), "gold_claims": sum(len(s["claims"]) for s in gold),
              "gold_pairs": n_gold, "predicted_pairs": n_pred, "precision": round(precision, 3),
              "recall": round(recall, 3), "f1": round(f1, 3), "consistent_right": right, "consistent_judged": judged}
    if errors:
        result.update(missed=missed, spurious=spurious)
    return result


def _name(claims, row: int) -> str:
    return f"{claims.at[row, 'doc_id']} {claims.at[row, 'text']!r}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--errors", action="store_true", help="list the missed and the spurious pairs")
    parser.add_argument("--dir", type=Path, default=HERE, help="the set: input.jsonl and statistics.jsonl")
    parser.add_argument("--with-ap", action="store_true",
                        help="add the AP documents of ../shared to the run, and the AP gold statistics not superseded")
    args = parser.parse_args()
    docs, gold = load(args.dir)
    if args.with_ap:
        both = with_ap(docs, gold)
        if both is None:
            print(f"--with-ap skipped: no AP documents or gold under {SHARED}", file=sys.stderr)
            return
        docs, gold = both
    tables = claimspan.extract(docs)
    result = score(gold, tables["claims"].reset_index(drop=True), tables["statistics"], args.errors)
    if args.json:
        print(json.dumps(result))
        return
    for key in ("missed", "spurious"):
        for pair in result.pop(key, []):
            print(f"{key}: {pair}")
    print(" ".join(f"{k}={v}" for k, v in result.items()))


if __name__ == "__main__":
    main()
