"""Worker processes for a local run, which a dead or stuck worker cannot hang.

Each worker is forked from the run, so it inherits the spaCy pipeline already
built, and works on one batch at a time, holding the next (sent ahead, read by a
thread of its own as it comes, so that neither the run nor the worker waits for
the other to read). It ignores SIGINT: Ctrl-C is the run's to
handle, in one place. A worker that dies (SIGKILL, the OOM killer, a crash in
native code) is noticed through its process sentinel, and one still busy long
after its documents' time budgets (stuck in native code, where the budget's
alarm cannot reach) is killed. Either way a fresh fork takes its place and each
document of its batch is tried once more, alone: one whose worker dies again
is an error row saying how, and the others are extracted as usual; the batch
it held behind that one goes again as it was. A worker
whose run has gone away (killed with SIGKILL) exits by itself.
"""
from __future__ import annotations

import multiprocessing
import os
import queue
import signal
import threading
import time
from collections import deque
from dataclasses import dataclass
from multiprocessing.connection import wait
from typing import Callable, Hashable

from claimspan.export import document_row

GRACE = 30.0   # seconds past a batch's time budgets before its worker is deemed stuck
DEPTH = 2      # batches a worker holds at a time (Workers)


@dataclass
class _Task:
    key: Hashable       # the batch
    offset: int         # of records[0] in the batch
    records: list
    retry: bool = False  # a document of a batch whose worker died, alone


class Workers:
    """``submit(key, records)`` a batch, ``result(key)`` its ``work(records)``; at most ``n`` processes.

    Each worker holds up to ``DEPTH`` batches: the one it works on and the next, sent ahead, which
    it starts as soon as it has sent the first's rows, not after the run has read them and answered
    (a run busy writing rows kept a worker waiting some 3 ms a batch, 2% of a two-worker run)."""

    def __init__(self, n: int, work: Callable[[list], list], timeout: float | None):
        self.n, self.work, self.timeout = n, work, timeout
        self.context = multiprocessing.get_context("fork")
        self.held: dict[_Worker, deque[_Task]] = {}   # every worker's batches, the first being worked on
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
        for worker in self.held:
            worker.stop()
        self.held = {}

    def _budget(self, task: _Task) -> float | None:
        return None if self.timeout is None else self.timeout * len(task.records) + GRACE

    def _dispatch(self) -> None:
        while self.queue:
            worker = self._free()
            if worker is None:
                return
            task = self.queue.popleft()
            if not worker.send(task.records):   # died: this task was not started, the ones it holds are lost
                self.queue.appendleft(task)
                self._lost(worker)
                continue
            if not self.held[worker]:
                worker.start_clock(self._budget(task))
            self.held[worker].append(task)

    def _free(self) -> _Worker | None:
        """A worker with nothing to do, else a new one, else one with room for the next batch."""
        idle = next((w for w, tasks in self.held.items() if not tasks), None)
        if idle is not None:
            return idle
        if len(self.held) < self.n:
            worker = _Worker(self.context, self.work, self._conns())
            self.held[worker] = deque()
            return worker
        return min((w for w, tasks in self.held.items() if len(tasks) < DEPTH), default=None,
                   key=lambda w: len(self.held[w]))

    def _step(self) -> None:
        busy = [w for w, tasks in self.held.items() if tasks]
        deadlines = [w.deadline for w in busy if w.deadline is not None]
        left = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
        ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy], left)
        for worker in busy:
            if worker.conn in ready:
                results = worker.receive()
                if results is not None:
                    tasks = self.held[worker]
                    self._fill(tasks.popleft(), results)
                    worker.start_clock(self._budget(tasks[0]) if tasks else None)   # it has begun the next
                    continue
            if worker.conn in ready or worker.process.sentinel in ready or worker.overdue():
                self._lost(worker)
        self._dispatch()

    def _fill(self, task: _Task, results: list) -> None:
        self.slots[task.key][task.offset:task.offset + len(results)] = results

    def _lost(self, worker: _Worker) -> None:
        """``worker`` died or was stuck: its first batch is retried (or, already a retry, is an error
        row), the batches it held behind that one, never begun, go again as they are."""
        how = worker.stop()
        tasks = self.held.pop(worker)
        if not tasks:
            return
        task, *waiting = tasks
        self.queue.extendleft(reversed(waiting))
        if task.retry:
            (record,) = task.records
            self._fill(task, [(document_row(record, error=how), {})])
        else:   # the documents go again one by one, first in the queue: the batch is awaited
            self.queue.extendleft(reversed([_Task(task.key, task.offset + i, [record], retry=True)
                                            for i, record in enumerate(task.records)]))

    def _conns(self) -> list:
        return [w.conn for w in self.held]


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

    def send(self, records: list) -> bool:
        try:
            self.conn.send(records)
        except OSError:
            return False
        return True

    def start_clock(self, budget: float | None) -> None:
        """The batch it works on now has ``budget`` seconds (None: no batch, or no budget)."""
        self.timeout = budget
        self.deadline = None if budget is None else time.monotonic() + budget

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
    batches: queue.SimpleQueue = queue.SimpleQueue()
    threading.Thread(target=_receive, args=(conn, batches, os.getppid()), daemon=True).start()
    while (records := batches.get()) is not None:
        try:
            conn.send(work(records))
        except OSError:
            return


def _receive(conn, batches: queue.SimpleQueue, run: int) -> None:
    """The batches the run sends, read as they come, also while one is being worked on: the run
    sends the next batch ahead (``DEPTH``), and a large one would otherwise fill the pipe and hold
    the run until this worker is done, while this worker waits for the run to read its rows."""
    while True:
        if not wait([conn], 1.0):
            if os.getppid() != run:
                break
            continue
        try:
            batches.put(conn.recv())
        except (EOFError, OSError):
            break
    batches.put(None)
