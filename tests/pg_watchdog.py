"""Stops the tests' PostgreSQL cluster when the test process that started it goes away.

``pg_ctl start`` detaches the postmaster into its own session, so nothing ties it to
pytest: a pytest killed by a timeout (SIGKILL, or a signal to its process group) or one
that crashes never runs its fixture teardown, and ``postgres -D /tmp/wir-pg-*`` kept
running with its data directory. ``tests/pg_cluster.py`` therefore starts this script
*before* ``initdb``, in a session of its own (so a signal to pytest's process group does
not reach it), holding the read end of a pipe whose only write end is pytest's. The
kernel closes that end however pytest ends, so reading it returns end-of-file exactly
when pytest is gone; then this script stops the postmaster (``pg_ctl stop -m immediate``,
else SIGQUIT to the pid in ``postmaster.pid``) and deletes the cluster's directory.

A normal teardown stops the cluster itself and then closes the pipe; this script then
finds nothing left to stop. Run as ``python pg_watchdog.py BIN_DIR BASE RUN_AS`` (RUN_AS
is ``-`` when the server runs as the caller). Standard library only, on purpose: it must
work however the test process was set up.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path


def _postmaster_pid(data: Path) -> int | None:
    with contextlib.suppress(OSError, ValueError, IndexError):
        return int((data / "postmaster.pid").read_text().splitlines()[0])
    return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def stop_cluster(bin_dir: Path, base: Path, run_as: str | None) -> None:
    """Stop the postmaster in ``base/data`` (immediately: nobody needs its data) and
    delete ``base``."""
    data = base / "data"
    pid = _postmaster_pid(data)
    if pid is not None and _alive(pid):
        argv = [str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]
        if run_as is not None:
            argv = ["runuser", "-u", run_as, "--", *argv]
        with contextlib.suppress(Exception):
            subprocess.run(argv, capture_output=True, timeout=30, check=False)
        # pg_ctl could not do it (e.g. a half-written pid file): signal the postmaster.
        deadline = time.monotonic() + 10
        while _alive(pid) and time.monotonic() < deadline:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGQUIT)
            time.sleep(0.2)
        if _alive(pid):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
    shutil.rmtree(base, ignore_errors=True)


def main(argv: list[str]) -> int:
    bin_dir, base, run_as = Path(argv[1]), Path(argv[2]), argv[3]
    # Signals meant for pytest's terminal or group must not stop the watch early.
    for sig in (signal.SIGINT, signal.SIGHUP, signal.SIGTERM):
        signal.signal(sig, signal.SIG_IGN)
    print("watching", flush=True)
    # Blocks until the only writer (the test process) has closed the pipe or died.
    while sys.stdin.buffer.read(4096):
        pass
    stop_cluster(bin_dir, base, None if run_as == "-" else run_as)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
