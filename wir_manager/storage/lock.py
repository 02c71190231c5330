"""Who else has this database file open right now?

SQLite itself keeps two processes on one file safe (WAL, busy timeout); what it cannot
survive is having the file *replaced* or *re-keyed* under a process that still has it
open, as a restore or a passphrase change does. So every open :class:`Database` holds a
shared advisory lock (``flock``) on a lock file beside the database, ``NAME-lock``, for
as long as it is open, and an operation that must be alone takes the lock exclusively
with :func:`exclusive` first.

Why a lock file and not SQLite's own locks: SQLite's shared locks are visible only in
WAL mode (a restored backup used to be in rollback-journal mode, and the check then saw
nobody); its POSIX locks are dropped when *any* descriptor of the file is closed in the
process, so probing them from a process that has the file open breaks that process's
own locking. ``flock`` locks belong to one open file description: nothing else in the
process can drop them, and they never interact with SQLite's byte-range locks. The lock
file stays empty (nothing about the user or the data is in it); the last holder removes
it, and whoever locks a file that was removed meanwhile retries on the new one.

:func:`open_elsewhere` also still probes SQLite's WAL locks, so another program (the
``sqlcipher`` shell, an older WiR Manager) that has the file open in WAL mode counts too.
That probe asks with F_GETLK on descriptors kept open, so it is safe even while this
process has SQLite connections to the file (a probe that locked, unlocked and closed
once dropped SQLite's own locks, see :func:`_sqlite_locked_by_other`).

On systems without ``fcntl`` (Windows) the checks answer "nobody", and the OS's
mandatory file locks make a replace under an open file fail with a clear error instead.
"""

from __future__ import annotations

import contextlib
import os
import struct
import sys
import threading
import time
from collections.abc import Iterator
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

LOCK_SUFFIX = "-lock"


def lock_path(db_path: os.PathLike[str] | str) -> Path:
    return Path(f"{Path(db_path)}{LOCK_SUFFIX}")


def _same_file(fd: int, path: Path) -> bool:
    """The descriptor still names ``path`` (nobody removed the lock file meanwhile)."""
    try:
        mine, now = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (mine.st_dev, mine.st_ino) == (now.st_dev, now.st_ino)


def _locked_lock_file(db_path: Path, kind: int, wait: float) -> int | None:
    """A descriptor of the lock file holding ``kind`` (``LOCK_SH``/``LOCK_EX``), or None
    when no lock file can be made (read-only folder). Raises :class:`BusyElsewhere` when
    the lock is not granted within ``wait`` seconds.

    The file is removed by the last holder (:func:`_drop`), so a lock taken on a file
    that was removed meanwhile is retried on the new one.
    """
    assert fcntl is not None
    deadline = time.monotonic() + wait
    while True:
        fd = _open_lock_file(db_path)
        if fd is None:
            return None
        while True:
            try:
                fcntl.flock(fd, kind | fcntl.LOCK_NB)
                break
            except OSError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise BusyElsewhere() from None
                time.sleep(0.05)  # a restore or passphrase change elsewhere is finishing
        if _same_file(fd, lock_path(db_path)):
            return fd
        os.close(fd)


def _drop(fd: int, db_path: Path) -> None:
    """Close this process's last descriptor; the last holder anywhere removes the file
    (it takes the lock exclusively first, so nobody else holds it at that moment)."""
    assert fcntl is not None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        pass  # somebody else still has the database open: the file stays
    else:
        if _same_file(fd, lock_path(db_path)):
            with contextlib.suppress(OSError):
                lock_path(db_path).unlink()
    with contextlib.suppress(OSError):
        os.close(fd)


def _open_lock_file(db_path: Path) -> int | None:
    path = lock_path(db_path)
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
    except OSError:
        try:  # a read-only folder: an existing lock file can still be locked
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        except OSError:
            return None
    return fd


class _Shared:
    """This process's one shared lock on a lock file, counted per open database."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.holders = 0


#: resolved database path -> this process's shared lock on it
_held: dict[str, _Shared] = {}
_held_guard = threading.Lock()


def _key(db_path: Path) -> str:
    return str(db_path.resolve())


def _reshare(shared: _Shared, db_path: Path) -> None:
    """Take the shared lock back after an exclusive attempt or block.

    Linux drops a shared ``flock`` while converting it; in that instant the last other
    holder may have removed the file, so a lock on a removed file is moved to the new one.
    """
    assert fcntl is not None
    deadline = time.monotonic() + 2.0
    while True:
        try:
            fcntl.flock(shared.fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
            break
        except OSError:
            if time.monotonic() >= deadline:
                return
            time.sleep(0.02)
    if not _same_file(shared.fd, lock_path(db_path)):
        with contextlib.suppress(BusyElsewhere, OSError):
            fresh = _locked_lock_file(db_path, fcntl.LOCK_SH, 2.0)
            if fresh is not None:
                os.close(shared.fd)
                shared.fd = fresh


class OpenHold:
    """One open database's share of the lock; released by :meth:`release`.

    All open databases of one process share one ``flock`` (one descriptor, counted), so
    the lock says "some process has it open" and the count says how many of this
    process's own :class:`Database` objects do.
    """

    def __init__(self, db_path: os.PathLike[str] | str, *, wait: float = 2.0) -> None:
        self.db_path = Path(db_path)
        self._shared: _Shared | None = None
        if fcntl is None:
            return
        key = _key(self.db_path)
        with _held_guard:
            shared = _held.get(key)
            if shared is None:
                fd = _locked_lock_file(self.db_path, fcntl.LOCK_SH, wait)
                if fd is None:
                    return  # a folder we cannot write and no lock file: nobody to tell
                shared = _held[key] = _Shared(fd)
            shared.holders += 1
            self._shared = shared
            self._key = key

    @property
    def held(self) -> bool:
        return self._shared is not None

    def release(self) -> None:
        shared, self._shared = self._shared, None
        if shared is None:
            return
        with _held_guard:
            shared.holders -= 1
            if shared.holders <= 0:
                if _held.get(self._key) is shared:
                    del _held[self._key]
                _drop(shared.fd, self.db_path)

    def __del__(self) -> None:  # a Database dropped without close() still lets go
        self.release()


class BusyElsewhere(Exception):
    """Another process holds the lock exclusively (it is restoring or re-keying)."""


#: ``struct flock`` of F_GETLK, per system: (format, field order). Asking with F_GETLK
#: changes no lock, and locks of this very process never conflict with the question.
_FLOCK_LAYOUT: dict[str, tuple[str, tuple[str, ...]]] = {
    "linux": ("hhqqi4x", ("type", "whence", "start", "len", "pid")),
    "darwin": ("qqihh", ("start", "len", "pid", "type", "whence")),
}
#: Probe descriptors, one per file (device, inode), kept open for the process's life:
#: closing *any* descriptor of a file drops every POSIX lock the process holds on it,
#: SQLite's included. With the -shm's DMS lock gone, another process closing its last
#: connection believed it was alone and deleted the -wal and -shm under us; every later
#: read or backup here then failed with a "disk I/O error" until a restart (#16.2).
_probe_fds: dict[tuple[int, int], int] = {}
_probe_guard = threading.Lock()


def _probe_fd(path: Path) -> int | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    key = (st.st_dev, st.st_ino)
    with _probe_guard:
        fd = _probe_fds.get(key)
        if fd is None:
            try:
                fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
            except OSError:
                return None
            _probe_fds[key] = fd
        return fd


def _sqlite_locked_by_other(path: Path, start: int, length: int) -> bool:
    """Another process holds a lock on ``length`` bytes from ``start`` of ``path``.

    Safe while this process has SQLite connections to the file: the question is asked
    with F_GETLK (nothing is locked or unlocked) on a descriptor that is never closed."""
    if fcntl is None or not path.exists():
        return False
    layout = next((v for k, v in _FLOCK_LAYOUT.items() if sys.platform.startswith(k)), None)
    if layout is None:  # pragma: no cover - other Unixes: no F_GETLK layout known, say "nobody"
        return False
    fd = _probe_fd(path)
    if fd is None:
        return False
    fmt, order = layout
    values = {"type": fcntl.F_WRLCK, "whence": os.SEEK_SET, "start": start, "len": length, "pid": 0}
    query = struct.pack(fmt, *(values[name] for name in order))
    try:
        answer = fcntl.fcntl(fd, fcntl.F_GETLK, query)
    except OSError:
        return False
    found = dict(zip(order, struct.unpack(fmt, answer), strict=True))
    return found["type"] != fcntl.F_UNLCK


def sqlite_open_elsewhere(path: Path) -> bool:
    """SQLite's WAL read locks (only meaningful when this process has no connection)."""
    return _sqlite_locked_by_other(path, _SHARED_FIRST, _SHARED_SIZE) or _sqlite_locked_by_other(
        Path(f"{path}-shm"), _SHM_DMS, 1
    )


@contextlib.contextmanager
def exclusive(
    db_path: os.PathLike[str] | str,
    hold: OpenHold | None = None,
    *,
    probe_sqlite: bool = True,
) -> Iterator[bool]:
    """Hold the file alone for the ``with`` block; yields False when somebody else has it.

    "Somebody else" is another process, or another open :class:`Database` of this
    process than ``hold`` (the caller's own, which does not count). While the block
    runs nobody can open the file: their :class:`OpenHold` waits briefly, then refuses.
    ``probe_sqlite`` also asks SQLite's WAL locks (other programs); it is only safe when
    this process has no SQLite connection to the file.
    """
    path = Path(db_path)
    if fcntl is None:
        yield True
        return
    key = _key(path)
    own_fd: int | None = None
    upgraded: _Shared | None = None
    with _held_guard:
        shared = _held.get(key)
        mine = 1 if hold is not None and hold._shared is shared else 0
        if shared is not None and shared.holders - mine > 0:
            alone = False
        elif shared is not None:
            try:
                fcntl.flock(shared.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                alone, upgraded = True, shared
                shared.holders += 1  # the block's own share: a close() inside keeps the lock
            except OSError:
                _reshare(shared, path)
                alone = False
        else:
            try:
                own_fd = _locked_lock_file(path, fcntl.LOCK_EX, 0)
                alone = True
            except BusyElsewhere:
                alone = False
    try:
        if alone and probe_sqlite and sqlite_open_elsewhere(path):
            alone = False
        yield alone
    finally:
        if own_fd is not None:
            _drop(own_fd, path)
        if upgraded is not None:
            with _held_guard:
                upgraded.holders -= 1
                if upgraded.holders > 0:
                    _reshare(upgraded, path)
                else:  # the caller closed its database inside the block
                    if _held.get(key) is upgraded:
                        del _held[key]
                    _drop(upgraded.fd, path)


def open_elsewhere(path: os.PathLike[str] | str) -> bool:
    """True when another *process* has ``path`` open (this process's own open databases
    do not count). Call it only when this process has no SQLite connection to the file:
    it also probes SQLite's own locks."""
    path = Path(path)
    if fcntl is None:
        return False
    shared = _held.get(_key(path))
    if shared is not None:
        try:
            fcntl.flock(shared.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            _reshare(shared, path)
            return True
        _reshare(shared, path)
    elif lock_path(path).exists():
        try:
            fd = _locked_lock_file(path, fcntl.LOCK_EX, 0)
        except BusyElsewhere:
            return True
        if fd is not None:
            _drop(fd, path)
    return sqlite_open_elsewhere(path)
