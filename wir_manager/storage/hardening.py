"""Keep the key out of crash dumps while a database is unlocked.

A core dump is a copy of the process memory written to disk when the program crashes,
so it would contain the raw key (and decrypted pages) in plaintext. Like KeePassXC we
turn core dumps off for the whole process as soon as a key is in memory: the core-file
size limit goes to zero and, on Linux, the process is marked non-dumpable (which also
stops other processes of the same user from attaching a debugger to read its memory).

Set ``WIR_MANAGER_ALLOW_CORE_DUMPS=1`` to debug a crash on purpose.
"""

from __future__ import annotations

import contextlib
import os
import sys

_done = False
PR_SET_DUMPABLE = 4
PR_GET_DUMPABLE = 3


def no_core_dumps() -> None:
    """Idempotent; silently does what the platform allows."""
    global _done
    if _done or os.environ.get("WIR_MANAGER_ALLOW_CORE_DUMPS") == "1":
        return
    _done = True
    with contextlib.suppress(Exception):
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)


def dumpable() -> bool | None:
    """Linux only: whether this process could write a core dump (None elsewhere)."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    return bool(ctypes.CDLL(None, use_errno=True).prctl(PR_GET_DUMPABLE, 0, 0, 0, 0))
