"""The worker pool of a local run (claimspan.workers), on a work function of its own: what
becomes of the batches a worker holds when it dies, the one it works on and the one sent ahead."""
import os
import signal

import pytest

from claimspan.batch import as_records
from claimspan.workers import DEPTH, Workers

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the pool forks its workers")


def batches_seen(log):
    return [line.split(",") for line in log.read_text().splitlines()]


def make_work(log, deadly):
    """Each batch's ids written to ``log`` as it starts; a batch holding ``deadly`` kills its process."""
    def work(records):
        with open(log, "a") as f:
            f.write(",".join(r.doc_id for r in records) + "\n")
        if any(r.doc_id == deadly for r in records):
            os.kill(os.getpid(), signal.SIGKILL)
        return [({"doc_id": r.doc_id, "error": None}, {"ok": r.doc_id}) for r in records]
    return work


def test_a_batch_sent_ahead_goes_again_whole_when_its_worker_dies_before_it(tmp_path):
    """One worker holds both batches (DEPTH): it dies on the first, whose documents are tried once
    more alone (the deadly one twice: an error row); the second, never begun, runs once, as it was."""
    assert DEPTH >= 2
    log = tmp_path / "log"
    pool = Workers(1, make_work(log, "dies"), timeout=None)
    try:
        pool.submit("first", as_records([{"id": "a", "text": "x"}, {"id": "dies", "text": "y"}]))
        pool.submit("second", as_records([{"id": "c", "text": "z"}, {"id": "d", "text": "w"}]))
        first, second = pool.result("first"), pool.result("second")
    finally:
        pool.close()
    assert [row["doc_id"] for row, _ in first] == ["a", "dies"]
    assert first[0][1] == {"ok": "a"}
    assert first[1][0]["error"] == "worker died (signal 9, SIGKILL), twice: in its batch and alone"
    assert second == [({"doc_id": "c", "error": None}, {"ok": "c"}), ({"doc_id": "d", "error": None}, {"ok": "d"})]
    assert batches_seen(log) == [["a", "dies"], ["a"], ["dies"], ["c", "d"]]


def test_batches_come_back_in_any_number_of_workers(tmp_path):
    log = tmp_path / "log"
    pool = Workers(2, make_work(log, None), timeout=None)
    try:
        for k in range(7):
            pool.submit(k, as_records([{"id": f"{k}-{i}", "text": "x"} for i in range(3)]))
        results = [pool.result(k) for k in range(7)]
    finally:
        pool.close()
    assert [[row["doc_id"] for row, _ in rows] for rows in results] == [[f"{k}-{i}" for i in range(3)] for k in range(7)]
    assert sorted(map(tuple, batches_seen(log))) == sorted(tuple(f"{k}-{i}" for i in range(3)) for k in range(7))


def test_large_batches_sent_ahead_do_not_hold_the_run(tmp_path):
    """A batch sent ahead larger than a pipe holds, while the worker sends rows as large back: the
    worker reads its next batch while it works, so neither waits on the other for ever."""
    def echo(records):
        return [({"doc_id": r.doc_id, "error": None}, {"text": r.text}) for r in records]

    big = "word " * 400_000   # 2 MB: some ten times what a socket pair buffers
    previous = signal.signal(signal.SIGALRM, lambda *_: pytest.fail("the run and its worker wait on each other"))
    signal.alarm(60)
    pool = Workers(1, echo, timeout=None)
    try:
        for k in range(3):
            pool.submit(k, as_records([{"id": str(k), "text": big}]))
        results = [pool.result(k) for k in range(3)]
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)   # no handler of this test left for the tests after it
        pool.close()
    assert [rows[0][1]["text"] == big for rows in results] == [True, True, True]
