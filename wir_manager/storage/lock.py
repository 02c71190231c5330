"""Is a database file open in another process right now?

SQLite itself keeps two processes on one file safe (WAL, busy timeout); what it cannot
survive is having the file *replaced* under a process that still has it open, as a
restore does. Every SQLite connection in WAL mode holds a shared POSIX lock on the
database file's lock range and on the ``-shm`` "dead man switch" byte for as long as it
is open, so trying (and immediately releasing) a write lock on those bytes tells us
whether anybody else has the file open. No lock file is written, so nothing about the
user or the data lands on disk.

Caveat of POSIX locks: closing any descriptor of a file drops every lock this process
holds on it, so call :func:`open_elsewhere` only when this process has no connection to
the file (after ``Database.close()``/``dispose()``). On systems without ``fcntl``
(Windows) the check answers ``False`` and the OS's mandatory locks stop the replace.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

#: SQLite's unix VFS lock bytes: SHARED range of the database file, and the DMS byte of -shm.
_PENDING_BYTE = 0x40000000
_SHARED_FIRST = _PENDING_BYTE + 2
_SHARED_SIZE = 510
_SHM_DMS = 128


def _locked_by_other(path: Path, start: int, length: int) -> bool:
    if fcntl is None or not path.exists():
        return False
    try:
        fd = os.open(path, os.O_RDWR)
    except OSError:
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            return False
        kind = fcntl.LOCK_SH
    else:
        kind = fcntl.LOCK_EX
    try:
        try:
            fcntl.lockf(fd, kind | fcntl.LOCK_NB, length, start, os.SEEK_SET)
        except OSError:
            return True
        with contextlib.suppress(OSError):
            fcntl.lockf(fd, fcntl.LOCK_UN, length, start, os.SEEK_SET)
        return False
    finally:
        os.close(fd)


def open_elsewhere(path: os.PathLike[str] | str) -> bool:
    """True when another process has ``path`` open through SQLite."""
    path = Path(path)
    return _locked_by_other(path, _SHARED_FIRST, _SHARED_SIZE) or _locked_by_other(
        Path(f"{path}-shm"), _SHM_DMS, 1
    )
