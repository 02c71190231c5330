"""Writing files that hold personal data: private modes, and never a half-written file.

Every file WiR Manager writes with personal data in it — the database and its backups,
the log, spreadsheet and PDF exports, templates, subject access exports, dossiers — goes
through :func:`atomic_output` (or :func:`write_bytes_atomic`): the bytes are written to a
temporary file *in the target folder*, flushed to the disk, and only then renamed over
the target in one ``os.replace``. A full disk, a crash or a cancelled export therefore
leaves either the old file or the new one, never a torn one, and the temporary file is
removed on any error.

On POSIX those files are created ``0600`` and the folders the app creates for them
``0700``, whatever the umask says: a shared computer's other accounts cannot read them.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from wir_manager.i18n import _

#: Owner read/write only: every file with personal data.
FILE_MODE = 0o600
#: Owner only: every folder the app creates to hold such files.
FOLDER_MODE = 0o700
#: Prefix of temporary files written by :func:`atomic_output` (cleaned at the next open).
PARTIAL_PREFIX = ".partial-"

POSIX = os.name == "posix"


def private_folder(folder: os.PathLike[str] | str) -> Path:
    """Create ``folder`` (and missing parents) owner-only; an existing folder is left as
    it is (it may be the user's Documents folder, which is theirs to configure)."""
    folder = Path(folder)
    if folder.is_dir():
        return folder
    missing = []
    probe = folder
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    folder.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
    if POSIX:
        for created in missing:  # mkdir's mode is filtered by the umask
            with contextlib.suppress(OSError):
                os.chmod(created, FOLDER_MODE)
    return folder


def make_private(path: os.PathLike[str] | str) -> None:
    """``chmod 0600`` on POSIX (a file another program or an older version created)."""
    if POSIX:
        with contextlib.suppress(OSError):
            os.chmod(path, FILE_MODE)


def private_temp(folder: Path, *, prefix: str, suffix: str) -> Path:
    """A new empty ``0600`` file in ``folder`` (``mkstemp`` creates it owner-only)."""
    fd, name = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=folder)
    os.close(fd)
    return Path(name)


def open_private(path: os.PathLike[str] | str, mode: str = "a") -> int:
    """Open (creating ``0600`` if missing) for appending or writing; returns the fd."""
    flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if mode == "a" else os.O_TRUNC)
    fd = os.open(path, flags, FILE_MODE)
    if POSIX:
        with contextlib.suppress(OSError):
            os.fchmod(fd, FILE_MODE)
    return fd


def write_failed_reason(exc: OSError) -> str:
    """Why a write failed, in words (never the raw ``strerror``)."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return _("the disk is full")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return _("the folder cannot be written to")
    if exc.errno == errno.EFBIG:
        return _("the file reached its size limit")
    return _("the system reported an error")


def write_failed_message(exc: OSError, dest: Path) -> str:
    return _("{name} could not be written because {reason}; nothing was saved.").format(
        name=f"“{dest.name}”", reason=write_failed_reason(exc)
    )


def default_error(exc: OSError, dest: Path) -> Exception:
    return ValueError(write_failed_message(exc, dest))


def fsync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX; a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_output(
    dest: os.PathLike[str] | str,
    *,
    error: Callable[[OSError, Path], Exception] | None = None,
    prefix: str = PARTIAL_PREFIX,
) -> Iterator[Path]:
    """Yield a private temporary path beside ``dest``; on success it replaces ``dest``.

    The writer (openpyxl, reportlab, ``sqlcipher_export`` …) writes the whole file to the
    yielded path. An ``OSError`` (disk full, read-only folder) becomes
    ``error(exc, dest)`` — by default a :class:`ValueError` saying why in one sentence,
    which the CLI and GUI show as it is; any other exception propagates. Either way the
    temporary file is gone and ``dest`` is as it was.
    """
    dest = Path(dest)
    make_error = error or default_error
    try:
        tmp = private_temp(dest.parent, prefix=prefix, suffix=dest.suffix)
    except OSError as exc:
        raise make_error(exc, dest) from None
    try:
        yield tmp
        _fsync_file(tmp)
        os.replace(tmp, dest)
        fsync_folder(dest.parent)
    except OSError as exc:
        _remove_with_sidecars(tmp)
        raise make_error(exc, dest) from None
    except BaseException:
        _remove_with_sidecars(tmp)
        raise


def write_bytes_atomic(
    dest: os.PathLike[str] | str,
    data: bytes,
    *,
    error: Callable[[OSError, Path], Exception] | None = None,
) -> Path:
    """Write ``data`` to ``dest`` through :func:`atomic_output`.

    Writers that build the file in memory first (a zip in a ``BytesIO``) never meet a
    full disk half-way, so nothing is left for a destructor to flush later (openpyxl's
    ``ZipFile.__del__`` printed a traceback after a failed save).
    """
    dest = Path(dest)
    with atomic_output(dest, error=error) as tmp, open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
    return dest


def _remove_with_sidecars(path: Path) -> None:
    """The file and what SQLite may have made beside it (a backup being written)."""
    for victim in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        with contextlib.suppress(OSError):
            victim.unlink()


__all__ = [
    "FILE_MODE",
    "FOLDER_MODE",
    "PARTIAL_PREFIX",
    "atomic_output",
    "default_error",
    "fsync_folder",
    "make_private",
    "open_private",
    "private_folder",
    "private_temp",
    "write_bytes_atomic",
    "write_failed_message",
    "write_failed_reason",
]
