"""The first milliseconds of a desktop start, before Qt is imported.

Deriving the key from a passphrase (PBKDF2, about 0.1 s) releases Python's interpreter
lock, so it can run on a second core while the GUI thread imports PySide6 and builds
the window. To overlap the most, it has to begin before any Qt import, which is why this
module exists and knows which database the window will open: ``--db`` when given, else
the one opened last (kept in a plain file beside the settings, since reading Qt's
settings would need Qt), else the default location.

``WIR_MANAGER_STARTUP_TRACE=1`` prints the phases of a start to stderr
(``wir-manager startup: <ms> <phase>``); ``bench/gui.py`` reads them.
"""

from __future__ import annotations

import gc
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from wir_manager.storage.paths import config_dir, data_dir, default_db_path

if TYPE_CHECKING:
    from wir_manager.storage.keystore import PendingUnlock

TRACE_ENV = "WIR_MANAGER_STARTUP_TRACE"
LAST_DATABASE_FILE = "last-database.txt"
DEMO_FILENAME = "demo.db"
#: Fixed passphrase of the demo database only (documented in README); a real database
#: always gets the passphrase its owner chose.
DEMO_PASSPHRASE = "wikimedian-demo"

_t0 = time.perf_counter()
_tracing = os.environ.get(TRACE_ENV) == "1"


def trace(phase: str) -> None:
    """One start-up milestone (printed only when tracing: a start must not log noise)."""
    if _tracing:
        elapsed = (time.perf_counter() - _t0) * 1000
        sys.stderr.write(f"wir-manager startup: {elapsed:.1f} {phase}\n")
        sys.stderr.flush()


def tracing() -> bool:
    return _tracing


# ---------------------------------------------------------------------- garbage collector
def pause_gc() -> None:
    """No cyclic garbage collection until the first frame.

    A start creates tens of thousands of long-lived objects (classes, Qt enums, widgets)
    and none of them is garbage, yet they trigger some 60 collections (~6 ms).
    """
    gc.disable()


def resume_gc() -> None:
    """Collection back on (idempotent). What the start created is frozen first, so later
    collections never scan those objects again."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


# ---------------------------------------------------------------------- demo database
def demo_path() -> Path:
    return data_dir() / DEMO_FILENAME


def demo_passphrase() -> str:
    from wir_manager.storage.keystore import PASSPHRASE_ENV, env_passphrase

    try:
        return env_passphrase(PASSPHRASE_ENV) or DEMO_PASSPHRASE
    except ValueError:
        return DEMO_PASSPHRASE


# ---------------------------------------------------------------------- last database
def _last_database_path() -> Path:
    return config_dir() / LAST_DATABASE_FILE


def remember_last_database(path: Path) -> None:
    """Called whenever the GUI opens a database; a path is not personal data."""
    target = _last_database_path()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(str(Path(path).resolve()), encoding="utf-8")
    except OSError:
        pass  # only a start-up shortcut; the settings' recent list still has it


def last_database() -> Path | None:
    try:
        text = _last_database_path().read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return Path(text) if text else None


def database_to_open(db: Path | None, recent: Sequence[str] = ()) -> Path:
    """The file a start without a dialog opens: ``--db``, else the last one opened, else
    the first of ``recent`` that still exists (Qt's recent-files list, which the desktop
    app passes once Qt is up), else the default location."""
    if db is not None:
        return db
    for candidate in (last_database(), *(Path(item) for item in recent)):
        if candidate is not None and candidate.exists():
            return candidate
    return default_db_path()


def prefetch_unlock(db: Path | str | None, *, demo: bool = False) -> PendingUnlock | None:
    """Start unlocking the database the window will open, on its own thread.

    Only when it can succeed without asking: an existing file and a passphrase in the
    environment or (tried inside the thread) a key in the keyring; for ``--demo``, the
    existing demo database with its documented passphrase (a missing one is created
    and filled with a progress bar instead).
    """
    if isinstance(db, str) and not demo:
        return None  # a team server: connected by the connect dialog
    path = demo_path() if demo else database_to_open(db if isinstance(db, Path) else None)
    if not path.is_file():
        return None
    from wir_manager.storage.keystore import PendingUnlock

    return PendingUnlock(path, passphrase=demo_passphrase() if demo else None)


# ---------------------------------------------------------------------- entry point
def _db_arg(text: str) -> Path | str:
    if text.strip().lower().startswith(("postgresql://", "postgres://")):
        return text.strip()
    return Path(text)


def parse_gui_args(argv: Sequence[str]) -> tuple[Path | str | None, bool]:
    """``[--db PATH|URL] [--demo]`` without argparse's import cost (Qt's own options
    pass). A team server's ``postgresql://`` URL stays a string (a Path would fold its
    ``//``)."""
    db: Path | str | None = None
    demo = False
    args = list(argv)
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--db" and i + 1 < len(args):
            db = _db_arg(args[i + 1])
            i += 2
            continue
        if arg.startswith("--db="):
            db = _db_arg(arg.split("=", 1)[1])
        elif arg == "--demo":
            demo = True
        i += 1
    return db, demo


def gui_main(argv: Sequence[str] | None = None) -> int:
    """``wir-manager-gui`` and ``wir-manager [gui]``: unlock in the background, then Qt."""
    argv = list(sys.argv[1:] if argv is None else argv)
    pause_gc()  # resumed at the first frame, or when a dialog is shown instead
    trace("python ready")
    from wir_manager.storage.keystore import environment_taken

    # The passphrase leaves os.environ before anything can start a child process (a
    # link opened in the browser inherits the environment).
    with environment_taken():
        db, demo = parse_gui_args(argv)
        pending = prefetch_unlock(db, demo=demo)
        from wir_manager import logsetup

        logsetup.setup()
        from wir_manager.qt.app import main

        return main(argv, pending=pending)
