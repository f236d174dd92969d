"""Every fault is a row, and the run goes on: dead and stuck workers, the per-document
time budget, ``--timeout`` values, Ctrl-C. Faults are made deterministic with hooks
(a patched function inherited by the forked workers, a run that signals itself),
never by sleeping and hoping."""
from __future__ import annotations

import faulthandler
import json
import os
import signal
import subprocess
import sys

import pandas as pd
import pytest

from claimspan import batch
from claimspan.run import run
from tests.conftest import TABLES, load

TEXT = "From 2016 to 2020, the courts of {n} provinces acquitted 5,479 defendants, about 14.6% more."


def corpus(path, n=40):
    """A JSONL of ``n`` short documents d00, d01...: three batches of 16 or fewer."""
    lines = [json.dumps({"id": f"d{i:02d}", "text": TEXT.format(n=i + 2)}) for i in range(n)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def expected(tmp_path_factory):
    root = tmp_path_factory.mktemp("plain")
    run([corpus(root / "in.jsonl")], root / "out", workers=1)
    return load(root / "out")


def kill_worker_on(monkeypatch, doc_id, once_marker=None, how=signal.SIGKILL):
    """The worker that reaches ``doc_id`` kills itself (the first time only, with ``once_marker``)."""
    real, run_pid = batch.process_document, os.getpid()

    def process_document(nlp, record, timeout=None):
        if record.doc_id == doc_id:
            assert os.getpid() != run_pid, "the hook would kill the run itself"
            if once_marker is None or _first_time(once_marker):
                faulthandler.disable()   # pytest's: no traceback dump from the dying worker
                os.kill(os.getpid(), how)
        return real(nlp, record, timeout)

    monkeypatch.setattr(batch, "process_document", process_document)


def _first_time(marker) -> bool:
    try:
        os.close(os.open(marker, os.O_CREAT | os.O_EXCL))
        return True
    except FileExistsError:
        return False


def assert_same_rows(tables, expected, but=()):
    for table in TABLES:
        mine, theirs = tables[table], expected[table]
        if table == "statistics":   # no doc_id; and a document lost is a claim fewer in its statistics
            if not but:
                pd.testing.assert_frame_equal(mine, theirs, obj=table)
            continue
        mine, theirs = mine[~mine.doc_id.isin(but)], theirs[~theirs.doc_id.isin(but)]
        if but and table == "claims":
            mine, theirs = mine.drop(columns="stat_id"), theirs.drop(columns="stat_id")
        if table == "documents":
            mine, theirs = mine.drop(columns="source"), theirs.drop(columns="source")
        pd.testing.assert_frame_equal(mine.reset_index(drop=True), theirs.reset_index(drop=True), obj=table)


def test_a_worker_killed_once_costs_nothing(tmp_path, monkeypatch, expected):
    kill_worker_on(monkeypatch, "d20", once_marker=tmp_path / "killed")
    report = run([corpus(tmp_path / "in.jsonl")], tmp_path / "out", workers=2)
    assert (tmp_path / "killed").exists(), "the hook never fired"
    assert report.failed == 0
    assert_same_rows(load(tmp_path / "out"), expected)


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGSEGV])
def test_a_document_that_kills_its_worker_twice_is_an_error_row(tmp_path, monkeypatch, expected, how):
    kill_worker_on(monkeypatch, "d20", how=how)
    report = run([corpus(tmp_path / "in.jsonl")], tmp_path / "out", workers=2)
    tables = load(tmp_path / "out")
    errors = tables["documents"].set_index("doc_id").error.dropna().to_dict()
    assert errors == {"d20": f"worker died (signal {how.value}, {how.name}), twice: in its batch and alone"}
    assert report.failed == 1
    assert_same_rows(tables, expected, but=["d20"])   # its batch's other documents were extracted


def test_a_stuck_worker_is_stopped(tmp_path, monkeypatch, expected):
    """A document stuck where the budget's alarm cannot reach it (native code; here: SIGALRM
    blocked, then waiting for a signal that never comes) is stopped by the run."""
    import claimspan.run as run_module
    import claimspan.workers as workers

    real = batch.process_document

    def process_document(nlp, record, timeout=None):
        if record.doc_id == "d05":
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM, signal.SIGUSR1})
            signal.sigwait({signal.SIGUSR1})
        return real(nlp, record, timeout)

    monkeypatch.setattr(batch, "process_document", process_document)
    monkeypatch.setattr(workers, "GRACE", 0.5)
    monkeypatch.setattr(run_module, "BATCH", 2)
    run([corpus(tmp_path / "in.jsonl", 8)], tmp_path / "out", workers=2, timeout=1)
    tables = load(tmp_path / "out")
    errors = tables["documents"].set_index("doc_id").error.dropna().to_dict()
    assert errors == {"d05": "still running after 1.5 s (its time budget and 0.5 s of grace): stopped"}
    assert_same_rows(tables, {t: f[f.doc_id < "d08"] if "doc_id" in f else f for t, f in expected.items()}, but=["d05"])


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


@pytest.mark.parametrize("value", ["-1", "0", "nan", "inf", "-inf", "soon"])
def test_timeout_must_be_a_positive_finite_number(value, capsys):
    from claimspan.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["run", "x.txt", f"--timeout={value}"])
    assert exit_.value.code == 2
    last = capsys.readouterr().err.strip().splitlines()[-1]
    assert last == (f"claimspan run: error: argument --timeout: must be a positive number of seconds, "
                    f"or 'none' for no budget: {value!r}")


def test_timeout_none_disables_the_budget(tmp_path, monkeypatch):
    from claimspan.cli import main

    seen = []
    monkeypatch.setattr("claimspan.run.run", lambda *a, **k: seen.append(k["timeout"]) or _empty_report(tmp_path))
    for value, budget in (("none", None), ("None", None), ("2.5", 2.5), ("300", 300.0)):
        main(["run", str(tmp_path), "--timeout", value, "--quiet"])
        assert seen.pop() == budget


def _empty_report(out):
    from claimspan.run import RunReport

    return RunReport(out)


CTRL_C = """
import os, signal, sys
import claimspan.cli as cli

# as from a terminal: a job started in the background of a non-interactive shell (a CI step,
# "cmd &") inherits SIGINT ignored, and Python then never raises KeyboardInterrupt
signal.signal(signal.SIGINT, signal.default_int_handler)

def interrupt(self, done, total):   # Ctrl-C, as a terminal sends it: to the whole process group
    os.killpg(0, signal.SIGINT)

cli._progress_bar.__call__ = interrupt
sys.exit(cli.main(sys.argv[1:]))
"""


@pytest.mark.parametrize("workers", ["1", "2"])
def test_ctrl_c_is_one_line_exit_130_and_the_outputs_as_before(tmp_path, workers):
    out = tmp_path / "out"
    small = tmp_path / "small.jsonl"
    small.write_text(json.dumps({"id": "a", "text": "More than 60 countries signed in 2020."}) + "\n")
    run([small], out)
    before = load(out)
    done = subprocess.run([sys.executable, "-c", CTRL_C, "run", str(corpus(tmp_path / "in.jsonl")),
                           "--out", str(out), "--workers", workers],
                          capture_output=True, text=True, start_new_session=True, timeout=300)
    assert (done.returncode, done.stderr, done.stdout) == (130, "claimspan: interrupted\n", "")
    after = load(out)
    for table in TABLES:
        pd.testing.assert_frame_equal(before[table], after[table], obj=table)
    left = [p for p in out.iterdir() if p.name.startswith(".") and p.name != ".claimspan"]
    left += [p for p in (out / ".claimspan").iterdir() if p.name.startswith("build-")]
    assert not left, "temporary files left behind"


@pytest.mark.parametrize("value", [-1, 0, float("nan"), float("inf")])
def test_run_refuses_a_timeout_that_is_no_budget(tmp_path, value):
    with pytest.raises(ValueError, match="timeout must be a positive number of seconds"):
        run([corpus(tmp_path / "in.jsonl", 1)], tmp_path / "out", timeout=value)
    assert not (tmp_path / "out" / "documents.parquet").exists()
