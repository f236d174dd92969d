"""The lock that keeps a second run out of an output folder in use.

``OUT/.claimspan/lock`` is locked by the operating system for as long as the run
that holds it lives (``fcntl.lockf`` on POSIX, ``msvcrt.locking`` on Windows), and
names that run: ``pid``, ``host``, ``run_id``, ``started``. The kernel lets go of
the lock when its holder dies, even by SIGKILL, so a dead run never keeps the folder
shut; the name it left in the file tells the next run whose lock it recovered.
POSIX record locks belong to a process, not to its forked workers, and a process
loses them when it closes any descriptor of the file: so each process opens a
folder's lock file once (``_HELD``), and holds it from one thread at a time.
On a file system that refuses locks, the pid in the file is checked instead.
"""
from __future__ import annotations

import datetime as dt
import errno
import logging
import os
import socket
import threading
import time
from pathlib import Path

from claimspan.io.writer import OutputError

log = logging.getLogger("claimspan")
_HELD: set[str] = set()      # lock files held by this process (real paths)
_HELD_GUARD = threading.Lock()
_BUSY = {errno.EACCES, errno.EAGAIN, errno.EWOULDBLOCK, errno.EDEADLK}
_WINDOWS_BYTE = 1 << 30      # Windows locks are mandatory: lock a byte far from the holder's name


class OutputLocked(OutputError):
    """Another run is writing into the output folder."""


class OutputLock:
    def __init__(self, path: Path, out_dir: Path):
        self.path, self.out_dir = Path(path), Path(out_dir)
        self.fd: int | None = None

    def acquire(self, run_id: str) -> None:
        key = os.path.realpath(self.path)
        with _HELD_GUARD:
            if key in _HELD:
                raise OutputLocked(f"{self.out_dir}: in use by another run in this process (pid {os.getpid()})")
            _HELD.add(key)
        try:
            self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            left = self._take()
            os.ftruncate(self.fd, 0)
            os.lseek(self.fd, 0, os.SEEK_SET)
            now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
            os.write(self.fd, f"pid={os.getpid()} host={socket.gethostname()} run_id={run_id} started={now}\n"
                     .encode())
            os.fsync(self.fd)
        except BaseException:
            self._close()
            raise
        if left:
            log.warning("claimspan: %s: recovered the lock left by a run that ended without releasing it (%s)",
                        self.out_dir, _describe(left))

    def release(self) -> None:
        if self.fd is not None:
            try:
                os.ftruncate(self.fd, 0)   # an empty lock file: nobody to recover from
            except OSError:
                pass
            self._close()

    def _take(self) -> dict[str, str]:
        """Lock the file, or raise OutputLocked naming its holder; the name a dead holder left, if any."""
        try:
            _lock(self.fd)
        except OSError as exc:
            busy = exc.errno in _BUSY
            holder = _holder(self.fd)
            for _ in range(20 if busy else 0):   # the holder may have locked and not yet written its name
                if _alive(holder):
                    break
                time.sleep(0.05)
                holder = _holder(self.fd)
            if busy or _alive(holder):   # else the file system cannot lock: the pid in the file decides
                raise OutputLocked(f"{self.out_dir}: in use by another claimspan run ({_describe(holder)}); "
                                   "wait for it to end or choose another --out") from None
        return _holder(self.fd)

    def _close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)   # releases the OS lock
            self.fd = None
        with _HELD_GUARD:
            _HELD.discard(os.path.realpath(self.path))


def _lock(fd: int) -> None:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        os.lseek(fd, _WINDOWS_BYTE, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        return
    fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _holder(fd: int) -> dict[str, str]:
    os.lseek(fd, 0, os.SEEK_SET)
    text = os.read(fd, 4096).decode("utf-8", "replace")
    return dict(part.split("=", 1) for part in text.split() if "=" in part)


def _alive(holder: dict[str, str]) -> bool:
    """Whether the run named in a lock file still runs (as far as this machine can tell)."""
    if not holder.get("pid", "").isdigit():
        return False
    if holder.get("host") != socket.gethostname() or os.name == "nt":
        return True   # another machine's process, or Windows (where os.kill terminates): not checked
    try:
        os.kill(int(holder["pid"]), 0)
    except ProcessLookupError:
        return False
    except OSError:   # exists, owned by someone else
        return True
    return True


def _describe(holder: dict[str, str]) -> str:
    """The holder as a message names it.

    >>> _describe({"pid": "12", "host": "h", "run_id": "r", "started": "t"})
    'pid 12 on h, run r, started t'
    """
    words = [f"pid {holder.get('pid', 'unknown')}"]
    words += [f"{label} {holder[key]}" for key, label in (("host", "on"), ("run_id", ", run"),
                                                          ("started", ", started")) if key in holder]
    return " ".join(words).replace(" ,", ",")
