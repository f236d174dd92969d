"""Every fault is a row, and the run goes on: dead and stuck workers, the per-document
time budget, ``--timeout`` values, Ctrl-C. Faults are made deterministic with hooks
(a patched function inherited by the forked workers, a run that signals itself),
never by sleeping and hoping."""
from __future__ import annotations

import json


from claimspan import batch

TEXT = "From 2016 to 2020, the courts of {n} provinces acquitted 5,479 defendants, about 14.6% more."


def corpus(path, n=40):
    """A JSONL of ``n`` short documents d00, d01...: three batches of 16 or fewer."""
    lines = [json.dumps({"id": f"d{i:02d}", "text": TEXT.format(n=i + 2)}) for i in range(n)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_the_time_budget_is_per_document_whatever_the_batch(monkeypatch):
    """A document that takes 10 budgets fails alone and beside 15 quick ones alike (a budget
    per batch, 16 budgets, once let it pass there); the quick ones pass either way."""
    import time

    real = batch._pieces

    def pieces(nlp, record, limit):
        if record.doc_id == "slow":
            time.sleep(5.0)   # the alarm ends it after 0.5 s
        return real(nlp, record, limit)

    monkeypatch.setattr(batch, "_pieces", pieces)

    def statuses(records):
        results = batch.process_batch(batch.as_records(records), timeout=0.5)
        return {d["doc_id"]: (d["status"], d["error"]) for d, _ in results}

    slow = {"id": "slow", "text": "More than 60 countries signed."}
    quick = [{"id": f"q{i}", "text": "More than 6 countries."} for i in range(15)]
    failed = ("error", "took longer than 0.5 s (the per-document time budget)")
    assert statuses([slow]) == {"slow": failed}
    assert statuses([slow] + quick) == {"slow": failed, **{q["id"]: ("ok", None) for q in quick}}


