"""The output folder as one transaction: every run's tables appear together or not at all.

A run holds ``OUT/.claimspan/lock`` (claimspan.io.lock) from start to end, writes
its tables into ``OUT/.claimspan/build-<run_id>/``, renames that folder to
``gen-<run_id>/`` once every table is complete, then publishes it in one atomic
step: the symbolic link ``OUT/.claimspan/current`` is replaced by one pointing to
the new generation. The documented paths ``OUT/<table>.parquet`` are links to
``.claimspan/current/<table>.parquet``, made once, so ``pandas.read_parquet`` on
them reads a file or a folder of part files of the current run. A run killed at
any point leaves the generation ``current`` names, complete; the next run removes
what the dead one left.

Where links cannot be made (Windows without the privilege, some network shares;
or ``CLAIMSPAN_NO_SYMLINKS=1``) each table is moved onto its documented path one
after another: a run killed between two moves leaves tables of two runs, which
claimspan's own readers (reuse, review) detect by the ``run_id`` in every file's
schema metadata. Readers call ``current_tables()`` and ``one_run()``.

Test hooks: ``CLAIMSPAN_TEST_KILL_AT=<step>`` kills the run with SIGKILL at that
step; ``CLAIMSPAN_TEST_PAUSE_AT=<step>`` with ``CLAIMSPAN_TEST_PAUSE_FILE=<path>``
creates ``<path>.waiting`` there and waits until ``<path>`` exists.
"""
from __future__ import annotations

import datetime as dt
import os
import secrets
import shutil
import signal
import time
from pathlib import Path

import pyarrow.parquet as pq

from claimspan.io.lock import OutputLock
from claimspan.io.schemas import TABLES
from claimspan.io.writer import OutputError

STATE = ".claimspan"
CURRENT = "current"


class MixedRuns(ValueError):
    """The tables of an output folder were written by different runs."""


def new_run_id() -> str:
    """Time of the start, then randomness: ids sort by time and never repeat."""
    return f"{dt.datetime.now(dt.timezone.utc):%Y%m%dT%H%M%SZ}-{secrets.token_hex(4)}"


class OutputFolder:
    """``with OutputFolder(out) as folder:`` locks ``out``; tables go to ``folder.build``,
    ``folder.publish()`` makes them the outputs; leaving the block unlocks."""

    def __init__(self, out_dir):
        self.out = Path(out_dir)
        self.state = self.out / STATE
        self.run_id = new_run_id()
        self.build = self.state / f"build-{self.run_id}"
        self.lock = OutputLock(self.state / "lock", self.out)

    def __enter__(self) -> "OutputFolder":
        try:
            self.state.mkdir(parents=True, exist_ok=True)
            self.lock.acquire(self.run_id)
            try:
                checkpoint("locked")
                self._remove_leftovers(keep=_current_generation(self.state))
                self.build.mkdir()
            except BaseException:
                self.lock.release()
                raise
        except OutputError:   # OutputLocked
            raise
        except OSError as exc:
            raise OutputError(f"{self.out}: cannot write outputs ({exc.strerror or exc})") from None
        return self

    def __exit__(self, *exc_info) -> None:
        try:
            shutil.rmtree(self.build, ignore_errors=True)   # left only when the run failed
        finally:
            self.lock.release()

    def publish(self) -> None:
        """Make the complete tables in ``build`` the folder's outputs."""
        checkpoint("written")
        gen = self.state / f"gen-{self.run_id}"
        try:
            _fsync_tree(self.build)
            self.build.rename(gen)
            _fsync(self.state)
            checkpoint("generation")
            linked = _links_usable(self.state)
            if linked:
                self._switch(gen)
            else:
                self._move_one_by_one(gen)
        except OSError as exc:
            raise OutputError(f"{self.out}: cannot publish outputs ({exc.strerror or exc})") from None
        self._remove_leftovers(keep=gen.name if linked else None)
        checkpoint("cleaned")

    def _switch(self, gen: Path) -> None:
        """The atomic step (one rename of a link), then the documented paths if not yet links."""
        _replace_with_link(gen.name, self.state / CURRENT)
        _fsync(self.state)
        checkpoint("switched")
        for table in TABLES:
            _replace_with_link(f"{STATE}/{CURRENT}/{table}.parquet", self.out / f"{table}.parquet")
            _remove_old_parts(self.out / table)
        _fsync(self.out)
        checkpoint("linked")

    def _move_one_by_one(self, gen: Path) -> None:
        (self.state / CURRENT).unlink(missing_ok=True)
        for table in TABLES:
            target = self.out / f"{table}.parquet"
            if target.is_dir() and not target.is_symlink():
                shutil.rmtree(target)
            elif (gen / f"{table}.parquet").is_dir():
                target.unlink(missing_ok=True)   # a directory cannot replace a file
            os.replace(gen / f"{table}.parquet", target)
            _remove_old_parts(self.out / table)
            checkpoint(f"moved-{table}")
        _fsync(self.out)

    def _remove_leftovers(self, keep: str | None) -> None:
        """Generations but ``keep``, builds of dead runs, temporary files of earlier versions.
        Only the lock's holder calls this, so no live run's files are removed."""
        for path in self.state.iterdir():
            if path.name != keep and path.name.startswith(("gen-", "build-", ".")):
                _remove(path)
        for path in self.out.glob(".*"):
            if ".parquet.tmp-" in path.name or path.name.startswith(".dask-"):
                _remove(path)


def current_tables(out_dir) -> dict[str, Path]:
    """Each table's path in the generation published last (resolved once, so that every
    table comes from it even if another run publishes meanwhile)."""
    out = Path(out_dir)
    gen = _current_generation(out / STATE)
    folder = out / STATE / gen if gen else out
    return {table: folder / f"{table}.parquet" for table in TABLES}


def one_run(paths: dict[str, Path]) -> str | None:
    """The ``run_id`` every one of these tables (files or folders of parts) was written by;
    None for outputs written before run ids. Raises MixedRuns otherwise."""
    by_run: dict[str | None, list[str]] = {}
    for table, path in paths.items():
        for run_id in {_run_id(part) for part in table_files(path)}:
            by_run.setdefault(run_id, []).append(table)
    if len(by_run) <= 1:
        return next(iter(by_run), None)
    detail = "; ".join(f"{', '.join(tables)} from run {run_id or '(none)'}" for run_id, tables in by_run.items())
    raise MixedRuns(f"the tables were written by different runs ({detail}): a run was interrupted "
                    "while publishing them; run again")


def table_files(path: Path) -> list[Path]:
    """A table's files: itself, or its part files in order (a sharded run's folder)."""
    return sorted(path.glob("part-*.parquet")) if path.is_dir() else [path]


def _run_id(path: Path) -> str | None:
    run_id = (pq.read_schema(path).metadata or {}).get(b"run_id")
    return run_id.decode() if run_id else None


def _current_generation(state: Path) -> str | None:
    try:
        return Path(os.readlink(state / CURRENT)).name
    except OSError:   # no link: outputs of the fallback, of an earlier version, or none
        return None


def _links_usable(state: Path) -> bool:
    if os.name != "posix" or os.environ.get("CLAIMSPAN_NO_SYMLINKS") == "1":
        return False
    probe = state / f".probe-{os.getpid()}"
    try:
        os.symlink(".", probe)
    except OSError:
        return False
    probe.unlink()
    return True


def _replace_with_link(target: str, link: Path) -> None:
    """Make ``link`` point to ``target`` in one rename (unless it already does)."""
    if link.is_symlink() and os.readlink(link) == target:
        return
    if link.is_dir() and not link.is_symlink():
        shutil.rmtree(link)   # a folder of parts moved there by the fallback
    tmp = link.with_name(f".{link.name}.tmp-{os.getpid()}")
    tmp.unlink(missing_ok=True)
    os.symlink(target, tmp)
    os.replace(tmp, link)


def _remove_old_parts(folder: Path) -> None:
    """``OUT/<table>/``: a table of parts as earlier versions of the Dask engine wrote it."""
    if folder.is_dir() and not folder.is_symlink() and all(p.name.startswith("part-") for p in folder.iterdir()):
        shutil.rmtree(folder)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _fsync_tree(root: Path) -> None:
    """Every file and folder under ``root`` on disk before it is published."""
    for folder, _, files in os.walk(root):
        for name in files:
            _fsync(Path(folder) / name)
        _fsync(Path(folder))


def _fsync(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:   # Windows cannot open a folder
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def checkpoint(step: str) -> None:
    """Test hooks (see the module docstring): deterministic kills and pauses."""
    if os.environ.get("CLAIMSPAN_TEST_KILL_AT") == step:
        os.kill(os.getpid(), signal.SIGKILL)
    if os.environ.get("CLAIMSPAN_TEST_PAUSE_AT") == step:
        release = Path(os.environ["CLAIMSPAN_TEST_PAUSE_FILE"])
        Path(f"{release}.waiting").write_text(str(os.getpid()))
        while not release.exists():
            time.sleep(0.02)
