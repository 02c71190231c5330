"""The tests' PostgreSQL cluster does not outlive the test process (tests/pg_watchdog.py).

A pytest killed by a timeout used to leave ``postgres -D /tmp/wir-pg-*`` running, one
more on every killed run, on a machine the helpers share. Here a child process does what
the session fixture does (starts a cluster) and is then killed the way a timeout kills:
SIGKILL to its whole process group, so no teardown of any kind runs. The postmaster and
its directory must be gone shortly after.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests import pg_cluster

ROOT = Path(__file__).resolve().parent.parent

CHILD = """
import sys, time
from tests import pg_cluster
cluster = pg_cluster.start_cluster()
pid = (cluster.data / "postmaster.pid").read_text().splitlines()[0]
print(cluster.base, pid, flush=True)
time.sleep(600)
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie is dead for our purpose (its parent, init, reaps it shortly).
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split(") ", 1)[-1].startswith("Z"))


@pytest.fixture
def postgres_installed() -> None:
    try:
        pg_cluster.find_bin_dir()
    except pg_cluster.PostgresMissing as exc:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"CI must run the PostgreSQL tests: {exc}", pytrace=False)
        pytest.skip(str(exc))


def test_killed_test_process_takes_its_cluster_with_it(postgres_installed: None) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        text=True,
        # Its own process group, so we can kill it as a timeout kills pytest's group.
        start_new_session=True,
    )
    base: Path | None = None
    postmaster = 0
    try:
        assert child.stdout is not None
        line = child.stdout.readline().split()
        assert len(line) == 2, "the child did not start a cluster"
        base, postmaster = Path(line[0]), int(line[1])
        assert base.name.startswith("wir-pg-") and (base / "data").is_dir()
        assert _alive(postmaster)

        os.killpg(child.pid, signal.SIGKILL)
        child.wait(timeout=10)

        deadline = time.monotonic() + 30
        while (_alive(postmaster) or base.exists()) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _alive(postmaster), f"postgres {postmaster} outlived the killed test process"
        assert not base.exists(), f"{base} was left behind"
    finally:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()
        # Should the watchdog fail, do not leave the cluster for the next run.
        if base is not None and base.exists():
            from tests.pg_watchdog import stop_cluster

            stop_cluster(pg_cluster.find_bin_dir(), base, pg_cluster._server_user())


def test_normal_stop_ends_the_watchdog_too(postgres_installed: None) -> None:
    cluster = pg_cluster.start_cluster()
    watchdog = cluster.watchdog
    assert watchdog is not None and watchdog.poll() is None
    cluster.stop()
    assert watchdog.wait(timeout=30) == 0
    assert not cluster.base.exists()
