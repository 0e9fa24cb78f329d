"""One run per site at a time: an advisory lock file beside the database.

flock is released by the kernel when the process dies, kill -9 included, so a crashed
run never leaves a stale lock behind.
"""
from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path


class LockHeld(Exception):
    pass


@contextmanager
def site_lock(db_path: Path, site: str):
    path = Path(db_path).parent / f".{site}.lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise LockHeld(f"site {site} is being crawled by {holder} (lock {path})") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}")
        handle.flush()
        try:
            yield
        finally:
            handle.seek(0)
            handle.truncate()
