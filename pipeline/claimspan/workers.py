"""Worker processes for a local run, which a dead or stuck worker cannot hang.

Each worker is forked from the run, so it inherits the spaCy pipeline already
built, and does one batch at a time. It ignores SIGINT: Ctrl-C is the run's to
handle, in one place. A worker that dies (SIGKILL, the OOM killer, a crash in
native code) is noticed through its process sentinel, and one still busy long
after its documents' time budgets (stuck in native code, where the budget's
alarm cannot reach) is killed. Either way a fresh fork takes its place and each
document of its batch is tried once more, alone: one whose worker dies again
is an error row saying how, and the others are extracted as usual. A worker
whose run has gone away (killed with SIGKILL) exits by itself.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import time
from collections import deque
from dataclasses import dataclass
from multiprocessing.connection import wait
from typing import Callable, Hashable

from claimspan.export import document_row

GRACE = 30.0   # seconds past a batch's time budgets before its worker is deemed stuck


@dataclass
class _Task:
    key: Hashable       # the batch
    offset: int         # of records[0] in the batch
    records: list
    retry: bool = False  # a document of a batch whose worker died, alone


class Workers:
    """``submit(key, records)`` a batch, ``result(key)`` its ``work(records)``; at most ``n`` processes."""

    def __init__(self, n: int, work: Callable[[list], list], timeout: float | None):
        self.n, self.work, self.timeout = n, work, timeout
        self.context = multiprocessing.get_context("fork")
        self.idle: list[_Worker] = []
        self.busy: dict[_Worker, _Task] = {}
        self.queue: deque[_Task] = deque()
        self.slots: dict[Hashable, list] = {}

    def submit(self, key: Hashable, records: list) -> None:
        self.slots[key] = [None] * len(records)
        if records:
            self.queue.append(_Task(key, 0, records))
            self._dispatch()

    def result(self, key: Hashable) -> list:
        while self.slots[key] and None in self.slots[key]:
            self._step()
        return self.slots.pop(key)

    def close(self) -> None:
        for worker in self.idle + list(self.busy):
            worker.stop()
        self.idle, self.busy = [], {}

    def _dispatch(self) -> None:
        while self.queue and (self.idle or len(self.busy) < self.n):
            worker = self.idle.pop() if self.idle else _Worker(self.context, self.work, self._conns())
            task = self.queue.popleft()
            budget = None if self.timeout is None else self.timeout * len(task.records) + GRACE
            if worker.send(task.records, budget):
                self.busy[worker] = task
            else:   # died while idle: its task was not started
                self.queue.appendleft(task)

    def _step(self) -> None:
        deadlines = [w.deadline for w in self.busy if w.deadline is not None]
        left = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
        ready = wait([w.conn for w in self.busy] + [w.process.sentinel for w in self.busy], left)
        for worker in list(self.busy):
            if worker.conn in ready:
                results = worker.receive()
                if results is not None:
                    self._fill(self.busy.pop(worker), results)
                    self.idle.append(worker)
                    continue
            if worker.conn in ready or worker.process.sentinel in ready or worker.overdue():
                self._lost(worker, self.busy.pop(worker))
        self._dispatch()

    def _fill(self, task: _Task, results: list) -> None:
        self.slots[task.key][task.offset:task.offset + len(results)] = results

    def _lost(self, worker: _Worker, task: _Task) -> None:
        how = worker.stop()
        if task.retry:
            (record,) = task.records
            self._fill(task, [(document_row(record, error=how), {})])
        else:   # the documents go again one by one, first in the queue: the batch is awaited
            self.queue.extendleft(reversed([_Task(task.key, task.offset + i, [record], retry=True)
                                            for i, record in enumerate(task.records)]))

    def _conns(self) -> list:
        return [w.conn for w in self.idle + list(self.busy)]


class _Worker:
    def __init__(self, context, work: Callable[[list], list], inherited: list):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, work, inherited + [self.conn]), daemon=True)
        self.deadline: float | None = None
        self.timeout: float | None = None
        self.killed = False
        # SIGINT is blocked across the fork, so that the child never sees one before it ignores them
        mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            self.process.start()
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        child.close()

    def send(self, records: list, budget: float | None) -> bool:
        try:
            self.conn.send(records)
        except OSError:
            self.stop()
            return False
        self.timeout = budget
        self.deadline = None if budget is None else time.monotonic() + budget
        return True

    def receive(self) -> list | None:
        try:
            return self.conn.recv()
        except (EOFError, OSError):   # died while sending
            return None

    def overdue(self) -> bool:
        return self.deadline is not None and time.monotonic() >= self.deadline

    def stop(self) -> str:
        """End the process; how it ended, as a documents row's error."""
        if self.process.is_alive() and self.overdue():
            self.killed = True
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()
        if self.killed:
            return f"still running after {self.timeout:g} s (its time budget and {GRACE:g} s of grace): stopped"
        code = self.process.exitcode
        if code is not None and code < 0:
            return f"worker died (signal {-code}, {signal.Signals(-code).name}), twice: in its batch and alone"
        return f"worker exited with status {code}, twice: in its batch and alone"


def _serve(conn, work: Callable[[list], list], inherited: list) -> None:
    """A worker's loop: batches in, results out, until the run closes the pipe or is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    for other in inherited:   # the run's ends: EOF and broken pipes must reach the right process
        other.close()
    run = os.getppid()
    while True:
        if not wait([conn], 1.0):
            if os.getppid() != run:
                return
            continue
        try:
            records = conn.recv()
            conn.send(work(records))
        except (EOFError, OSError):
            return
