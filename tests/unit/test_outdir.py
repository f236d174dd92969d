"""The output folder's lock and run checks, without running the pipeline."""
from __future__ import annotations

import errno
import logging
import os
import socket
import subprocess
import sys

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from claimspan.io import lock as lock_module
from claimspan.io.lock import OutputLocked
from claimspan.io.outdir import STATE, MixedRuns, OutputFolder, one_run


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_one_process_cannot_hold_a_folder_twice(tmp_path):
    with OutputFolder(tmp_path / "out"):
        with pytest.raises(OutputLocked, match=f"pid {os.getpid()}"):
            with OutputFolder(tmp_path / "out"):
                pass
    with OutputFolder(tmp_path / "out"):   # released on leaving
        pass


def test_a_failed_run_leaves_no_build_and_no_lock(tmp_path):
    with pytest.raises(RuntimeError):
        with OutputFolder(tmp_path / "out") as folder:
            (folder.build / "claims.parquet").write_bytes(b"half")
            raise RuntimeError("extraction failed")
    assert [p.name for p in (tmp_path / "out" / STATE).iterdir()] == ["lock"]
    assert (tmp_path / "out" / STATE / "lock").read_text() == ""


@pytest.mark.parametrize("alive", [True, False])
def test_where_files_cannot_be_locked_the_pid_decides(tmp_path, monkeypatch, caplog, alive):
    def refuse(fd):
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(lock_module, "_lock", refuse)
    pid = os.getppid() if alive else dead_pid()
    (tmp_path / "out" / STATE).mkdir(parents=True)
    (tmp_path / "out" / STATE / "lock").write_text(f"pid={pid} host={socket.gethostname()} run_id=r\n")
    if alive:
        with pytest.raises(OutputLocked, match=f"pid {pid} "):
            OutputFolder(tmp_path / "out").__enter__()
        return
    with caplog.at_level(logging.WARNING, logger="claimspan"):
        with OutputFolder(tmp_path / "out"):
            pass
    assert f"recovered the lock left by a run that ended without releasing it (pid {pid} " in caplog.text


def write(path, run_id: str | None):
    metadata = {"run_id": run_id} if run_id else None
    pq.write_table(pa.table({"doc_id": ["a"]}).replace_schema_metadata(metadata), path)
    return path


def test_one_run_names_the_run_or_the_mix(tmp_path):
    (tmp_path / "parts").mkdir()
    same = {"documents": write(tmp_path / "d.parquet", "r1"), "claims": write(tmp_path / "c.parquet", "r1"),
            "dates": tmp_path / "parts"}
    write(tmp_path / "parts" / "part-00000-r1.parquet", "r1")
    assert one_run(same) == "r1"
    write(tmp_path / "parts" / "part-00001-r2.parquet", "r2")
    with pytest.raises(MixedRuns, match=r"documents, claims, dates from run r1; dates from run r2"):
        one_run(same)
    legacy = {"documents": write(tmp_path / "old-d.parquet", None), "claims": write(tmp_path / "old-c.parquet", None)}
    assert one_run(legacy) is None
    with pytest.raises(MixedRuns, match=r"claims from run \(none\)"):
        one_run({"documents": same["documents"], "claims": legacy["claims"]})
