"""Logging to a rotating file that never holds candidate data or keys.

Exception messages can carry user data (a name in a validation error, a value in a
driver error), so crash records keep the exception type and the stack frames only,
never ``str(exc)``.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType

from wir_manager.storage.paths import log_dir

LOG_NAME = "wir-manager.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
_configured: Path | None = None


def log_file() -> Path:
    return log_dir() / LOG_NAME


def redacted_traceback(exc_type: type[BaseException], tb: TracebackType | None) -> str:
    """The stack of an error without its message (which may contain personal data)."""
    frames = "".join(traceback.format_tb(tb))
    name = f"{exc_type.__module__}.{exc_type.__qualname__}"
    return f"Traceback (most recent call last):\n{frames}{name}: <message withheld>"


def setup(level: int = logging.INFO) -> Path:
    global _configured
    path = log_file()
    if _configured == path:
        return path
    from wir_manager.storage.files import make_private, open_private, private_folder

    private_folder(path.parent)
    _rotate_if_large(path)
    # 0600 before the first line: the log names files and operators, not for other users
    os.close(open_private(path, "a"))
    make_private(path)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_wir_manager", False)]:
        root.removeHandler(old)
    handler._wir_manager = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    _configured = path
    return path


def _rotate_if_large(path: Path) -> None:
    """Keep the log and ``BACKUPS`` older ones, each about ``MAX_BYTES`` at most.

    Rotation happens when a process starts logging, not mid-session: a session writes a
    few lines, and ``logging.handlers.RotatingFileHandler`` would import socket, pickle
    and queue (~7 ms) into every start of the desktop app for nothing.
    """
    try:
        if path.stat().st_size < MAX_BYTES:
            return
    except OSError:
        return
    try:
        for n in range(BACKUPS - 1, 0, -1):
            older = path.with_name(f"{path.name}.{n}")
            if older.exists():
                os.replace(older, path.with_name(f"{path.name}.{n + 1}"))
        os.replace(path, path.with_name(f"{path.name}.1"))
    except OSError:
        pass  # another process rotated it, or the folder is read-only: log on as is


def log_crash(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> Path:
    path = setup()
    logging.getLogger("wir_manager.crash").error(
        "unhandled error\n%s", redacted_traceback(exc_type, tb)
    )
    return path


def install_excepthook() -> None:
    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        path = log_crash(exc_type, exc, tb)
        sys.stderr.write(f"WiR Manager stopped on an unexpected error; details are in {path}\n")

    sys.excepthook = hook
