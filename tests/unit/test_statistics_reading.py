"""The statistics step with claims read where they were extracted, or from the files, and grouped
by one process or several: the statistics are the same, and a forked process that dies loses
no claim."""
from __future__ import annotations

import datetime as dt
import os
import pickle

import pytest

from claimspan.statistics import forked, group_read, group_rows, grouping, read_document

STORIES = [("Floods in Kenya killed {} people, officials said.", 64),
           ("The floods in Kenya have killed {} people.", 71),
           ("A bus crash in Peru killed {} passengers.", 12),
           ("The crash in Peru killed {} passengers on Sunday.", 12),
           ("The company said it would cut {} jobs in Augsburg.", 4500),
           ("Inflation rose to {}% in Peru.", 7),
           ("Peru's inflation was {}% last month.", 7)]


def _rows(copies: int):
    rows, dates, texts = [], {}, []
    for k in range(copies):
        for n, (sentence, value) in enumerate(STORIES):
            doc = f"d{k:03d}-{n}"
            text = sentence.format(value)
            start = text.index(str(value))
            end = start + len(str(value)) + ("%" in text)
            percent = "%" in text
            rows.append({"doc_id": doc, "claim_id": f"{doc}-c0", "text": text[start:end], "start_char": start,
                         "end_char": end, "sentence": text, "sentence_start_char": 0,
                         "kind": "percent" if percent else "count", "value": float(value),
                         "unit": "%" if percent else None, "qualifier": "exact",
                         "counted": None if percent else text.split(str(value) + " ")[1].split()[0].rstrip(",."),
                         "period_start": None, "period_end": None, "checkworthy": True})
            dates[doc] = dt.date(2026, 5, 1 + k % 20)
            texts.append((doc, text))
    return sorted(rows, key=lambda r: r["doc_id"]), dates, sorted(texts)


@pytest.fixture
def fork_early(monkeypatch):
    monkeypatch.setattr(grouping, "FORK_FROM", 10)


def test_claims_read_where_extracted_group_as_read_from_the_files():
    rows, dates, texts = _rows(3)
    text_of = dict(texts)
    read = []
    for doc in sorted(dates):
        claims = read_document({"doc_id": doc, "doc_date": dates[doc], "text": text_of[doc]},
                               {"claims": [r for r in rows if r["doc_id"] == doc]})
        for claim in claims:
            claim.row += len(read)
        read.extend(claims)
    from_files = group_rows(rows, dates, texts)
    assert len(from_files[1]) >= 3
    assert group_read(read) == from_files
    shipped = pickle.loads(pickle.dumps(read))   # as a worker sends them to the run (Claim.__reduce__)
    assert shipped == read and all(a is not b for a, b in zip(shipped, read))


def test_the_statistics_are_the_same_grouped_by_several_processes(fork_early, monkeypatch, tmp_path):
    rows, dates, texts = _rows(6)
    alone = group_rows(rows, dates, texts, workers=1)
    assert len(alone[1]) >= 3
    monkeypatch.setenv("PIDS_FILE", str(tmp_path / "pids"))
    monkeypatch.setattr(forked, "_item", _noted)
    assert group_rows(rows, dates, texts, workers=2) == alone
    assert group_rows(rows, dates, texts, workers=3) == alone
    pids = set((tmp_path / "pids").read_text().split())
    assert str(os.getpid()) not in pids and len(pids) >= 2   # forked processes, each taking blocks


_ITEM = forked._item


def _noted(i):
    """A block's grouping, noting which process did it."""
    with open(os.environ["PIDS_FILE"], "a") as f:
        f.write(f"{os.getpid()}\n")
    return _ITEM(i)


def _dies_in_a_fork(i):
    if os.getpid() != int(os.environ["RUN_PID"]):
        os._exit(3)   # killed in the middle of its block
    return _ITEM(i)


def test_a_forked_process_that_dies_loses_no_claim(fork_early, monkeypatch):
    rows, dates, texts = _rows(6)
    alone = group_rows(rows, dates, texts, workers=1)
    monkeypatch.setenv("RUN_PID", str(os.getpid()))
    monkeypatch.setattr(forked, "_item", _dies_in_a_fork)
    assert group_rows(rows, dates, texts, workers=2) == alone
