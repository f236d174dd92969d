"""Organizations and resolutions on the seeds against ../shared/gold: the bar of issue 5, in both modes."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import SHARED, load, needs_shared

BAR = {
    "organizations": {"f1": 0.92, "strict_f1": 0.80, "name": 0.90},
    "resolutions": {"f1": 0.85, "kind": 0.90, "title": 0.85},
}


def scores(out):
    result = subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"), str(out),
                             "--tables", ",".join(BAR), "--json"], capture_output=True, text=True, check=True)
    return {r["table"]: {**r, **r["attributes"]} for r in json.loads(result.stdout)}


@needs_shared
@pytest.mark.parametrize("table", sorted(BAR))
def test_issue_bar(seeds_out, table):
    got = scores(seeds_out)[table]
    for measure, bar in BAR[table].items():
        assert got[measure] >= bar, (table, measure, got)


@needs_shared
def test_one_org_key_per_canonical_name(seeds_out):
    """Every predicted mention that matches gold rows of one canonical name carries one org_key."""
    orgs = load(seeds_out)["organizations"]
    gold = [json.loads(line) for line in (SHARED / "gold" / "organizations.jsonl").open()]
    keys_by_name: dict[str, set[str]] = {}
    for g in gold:
        hit = orgs[(orgs.doc_id == g["doc"]) & (orgs.start_char == g["start"]) & (orgs.end_char == g["end"])]
        if len(hit):
            keys_by_name.setdefault(g["name"].lower(), set()).update(hit.org_key)
    assert keys_by_name
    assert {name: keys for name, keys in keys_by_name.items() if len(keys) > 1} == {}
