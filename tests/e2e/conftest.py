"""Outputs with known statistics for the review tests, whatever the grouping makes of them.

``stated_out`` is a real run of four short flood reports whose claims are then
grouped by hand (stat_id and statistics.parquet rewritten in the published
generation, keeping each file's run metadata): one inconsistent statistic
(64, 65 and 64 people killed, two of them the same day) and two consistent
ones (300 homes, two bridges); the fourth document's claim stands alone.
``old_out`` is the same run as written before the statistics table existed.
So the review's tests do not move when the grouping rules are tuned.
"""
from __future__ import annotations

import datetime as dt
import json
import shutil

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from claimspan.io.outdir import current_tables

REPORTS = [
    ("a", "2021-05-31", "Officials said 64 people were killed in the flood in Nairobi on Monday. "
                        "The flood destroyed 300 homes, and two bridges collapsed."),
    ("b", "2021-05-31", "Police said 65 people were killed in the flood in Nairobi on Monday. It destroyed 300 homes."),
    ("c", "2021-06-01", "Rescuers said 64 people died in the Nairobi flood. "
                        "Two bridges were swept away and 300 homes were lost."),
    ("d", "2021-06-02", "About 40 schools stayed closed in Mombasa."),
]
# (stat_id, label, consistent, the values of its claims): every claim with one of these values joins it.
STATISTICS = [("st-killed", "people killed, Nairobi, 2021-05-31", False, {64.0, 65.0}),
              ("st-homes", "homes destroyed, Nairobi", True, {300.0}),
              ("st-bridges", "bridges collapsed, Nairobi", True, {2.0})]


@pytest.fixture(scope="session")
def stated_out(tmp_path_factory):
    from claimspan.run import run

    folder = tmp_path_factory.mktemp("stated")
    lines = [json.dumps({"id": i, "date": d, "text": t}) for i, d, t in REPORTS]
    (folder / "in.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    run([folder / "in.jsonl"], folder / "out")
    paths = current_tables(folder / "out")
    claims = pq.read_table(paths["claims"])
    ids = [_stat_id(doc, value) for doc, value in zip(claims["doc_id"].to_pylist(), claims["value"].to_pylist())]
    assert sorted(ids) == ["own-d"] + ["st-bridges"] * 2 + ["st-homes"] * 3 + ["st-killed"] * 3, ids
    column = claims.schema.get_field_index("stat_id")
    pq.write_table(claims.set_column(column, claims.schema.field(column), pa.array(ids, pa.string())),
                   paths["claims"])
    rows = [_row(sid, label, ok, claims.to_pylist(), ids) for sid, label, ok, _ in STATISTICS]
    pq.write_table(pa.Table.from_pylist(rows, schema=pq.read_schema(paths["statistics"])), paths["statistics"])
    return folder / "out"


@pytest.fixture(scope="session")
def old_out(stated_out, tmp_path_factory):
    """The outputs of a version before statistics: no statistics.parquet, no claims.stat_id."""
    out = tmp_path_factory.mktemp("old") / "out"
    shutil.copytree(stated_out, out)   # links followed: plain files in out/, read from there
    (out / "statistics.parquet").unlink()
    claims = pq.read_table(out / "claims.parquet")
    pq.write_table(claims.drop_columns(["stat_id"]), out / "claims.parquet")
    return out


def _stat_id(doc_id: str, value: float) -> str:
    return next((sid for sid, _, _, values in STATISTICS if value in values), f"own-{doc_id}")


def _row(stat_id: str, label: str, consistent: bool, claims: list[dict], ids: list[str]) -> dict:
    members = [c for c, sid in zip(claims, ids) if sid == stat_id]
    dates = {c["doc_id"]: dt.date.fromisoformat(d) for c in members for i, d, _ in REPORTS if i == c["doc_id"]}
    return {"stat_id": stat_id, "label": label, "kind": members[0]["kind"], "unit": members[0]["unit"],
            "n_claims": len(members), "n_documents": len(dates),
            "value_min": min(c["value"] for c in members), "value_max": max(c["value"] for c in members),
            "consistent": consistent, "first_doc_date": min(dates.values()), "last_doc_date": max(dates.values())}
