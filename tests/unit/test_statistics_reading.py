"""Workers read the claims for the statistics step: the statistics are the same with any number
of them, and a pool that breaks loses no claim."""
from __future__ import annotations

import datetime as dt
import os

import pytest

from claimspan.statistics import group_rows, reading

STORIES = [("Floods in Kenya killed {} people, officials said.", 64),
           ("The floods in Kenya have killed {} people.", 71),
           ("A bus crash in Peru killed {} passengers.", 12),
           ("The crash in Peru killed {} passengers on Sunday.", 12),
           ("The company said it would cut {} jobs in Augsburg.", 4500)]


def _rows(copies: int):
    rows, dates, texts = [], {}, []
    for k in range(copies):
        for n, (sentence, value) in enumerate(STORIES):
            doc = f"d{k:03d}-{n}"
            text = sentence.format(value)
            start = text.index(str(value))
            rows.append({"doc_id": doc, "claim_id": f"{doc}-c0", "text": str(value), "start_char": start,
                         "end_char": start + len(str(value)), "sentence": text, "sentence_start_char": 0,
                         "kind": "count", "value": float(value), "unit": None, "qualifier": "exact",
                         "counted": text.split(str(value) + " ")[1].split()[0].rstrip(",."), "period_start": None,
                         "period_end": None, "checkworthy": True})
            dates[doc] = dt.date(2026, 5, 1 + k % 20)
            texts.append((doc, text))
    return sorted(rows, key=lambda r: r["doc_id"]), dates, sorted(texts)


@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr(reading, "CHUNK", 7)
    monkeypatch.setattr(reading, "IN_WORKERS_FROM", 10)


def test_the_statistics_are_the_same_read_by_workers(small_chunks, monkeypatch, tmp_path):
    rows, dates, texts = _rows(6)
    alone = group_rows(rows, dates, texts, workers=1)
    assert len(alone[1]) >= 2
    monkeypatch.setenv("PIDS_FILE", str(tmp_path / "pids"))
    monkeypatch.setattr(reading, "_read_in_worker", _noted)
    assert group_rows(rows, dates, texts, workers=2) == alone
    assert group_rows(rows, dates, texts, workers=3) == alone
    pids = (tmp_path / "pids").read_text().split()
    assert len(pids) == 2 * -(-len(rows) // reading.CHUNK) and str(os.getpid()) not in pids


_READ_IN_WORKER = reading._read_in_worker


def _noted(jobs, overlay_key):
    """The worker's reading, noting which process read the chunk."""
    with open(os.environ["PIDS_FILE"], "a") as f:
        f.write(f"{os.getpid()}\n")
    return _READ_IN_WORKER(jobs, overlay_key)


def _dies(jobs, overlay_key):
    os._exit(3)   # a worker killed in the middle of a chunk


def test_a_broken_pool_loses_no_claim(small_chunks, monkeypatch):
    rows, dates, texts = _rows(6)
    alone = group_rows(rows, dates, texts, workers=1)
    monkeypatch.setattr(reading, "_read_in_worker", _dies)
    assert group_rows(rows, dates, texts, workers=2) == alone
