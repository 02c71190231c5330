"""A real, throwaway PostgreSQL cluster for the tests (team mode, issue #13).

The cluster is made with Debian's own ``initdb`` / ``pg_ctl`` in a fresh temporary
directory, listens on 127.0.0.1 at a free port (and on a Unix socket inside that
directory), and is stopped and deleted when the test session ends. PostgreSQL refuses to
run as root, so when the tests run as root (CI does) the server runs as an unprivileged
system user: ``postgres`` when the Debian package created it, else ``wir-pgtest``, which
is created with ``useradd`` on the spot.

Authentication is ``scram-sha-256`` for everyone except the cluster's superuser, so the
tests exercise real passwords (PGPASSWORD, ~/.pgpass, wrong password); the superuser
connects over the socket, which is reachable only through the 0700 directory.

The cluster lives exactly as long as the test process: a watchdog (``tests/pg_watchdog.py``)
started before ``initdb`` stops and deletes it when pytest ends in any way, also killed
by a timeout or crashed, when no fixture teardown runs.

When PostgreSQL is not installed, the PostgreSQL half of the suite is skipped on a
developer machine and FAILS under CI (``CI=true``): in CI these tests must run.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

SUPERUSER = "wir_super"
#: Password of every login role the tests create (the server stores only its SCRAM hash).
LOGIN_PASSWORD = "team-server-test-pw"


class PostgresMissing(RuntimeError):
    pass


def find_bin_dir() -> Path:
    """The newest ``/usr/lib/postgresql/N/bin`` holding initdb (Debian's layout), else PATH."""
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: (
            int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0
        ),
    )
    if candidates:
        return Path(candidates[-1]).parent
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    raise PostgresMissing(
        "PostgreSQL is not installed (no initdb under /usr/lib/postgresql/*/bin or on PATH); "
        "run `bash packaging/bootstrap.sh setup` or `apt-get install postgresql`."
    )


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _server_user() -> str | None:
    """None when we are not root (the server runs as us), else the unprivileged user to use."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "wir-pgtest"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    subprocess.run(
        ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", "wir-pgtest"],
        check=True,
        capture_output=True,
    )
    return "wir-pgtest"


@dataclass
class Cluster:
    bin_dir: Path
    base: Path
    port: int
    run_as: str | None
    log: Path = field(init=False)
    #: The watchdog that stops this cluster if the test process dies (see pg_watchdog).
    watchdog: subprocess.Popen[bytes] | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.data = self.base / "data"
        self.socket_dir = self.base / "sock"
        self.log = self.base / "server.log"

    # ------------------------------------------------------------------ commands
    def _cmd(self, *argv: str) -> list[str]:
        if self.run_as is None:
            return list(argv)
        return ["runuser", "-u", self.run_as, "--", *argv]

    def _run(self, *argv: str) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        env["LC_ALL"] = "C.UTF-8"
        return subprocess.run(
            self._cmd(*argv), check=True, capture_output=True, text=True, env=env, cwd=self.base
        )

    def watch(self) -> None:
        """Start the watchdog that stops this cluster when this process is gone.

        It runs in a session of its own and reads a pipe whose write end only this
        process holds (Python's pipes are not inherited by ``subprocess`` children), so
        the read returns end-of-file when this process exits, is killed or crashes."""
        self.watchdog = subprocess.Popen(
            [
                sys.executable,
                str(Path(__file__).with_name("pg_watchdog.py")),
                str(self.bin_dir),
                str(self.base),
                self.run_as or "-",
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            start_new_session=True,
        )
        assert self.watchdog.stdout is not None
        # Ready only once it ignores the signals meant for our process group.
        if self.watchdog.stdout.readline().strip() != b"watching":
            raise RuntimeError("the PostgreSQL test cluster's watchdog did not start")
        self.watchdog.stdout.close()

    def start(self) -> None:
        self.socket_dir.mkdir()
        if self.run_as is not None:
            entry = pwd.getpwnam(self.run_as)
            for path in (self.base, self.socket_dir):
                os.chown(path, entry.pw_uid, entry.pw_gid)
        os.chmod(self.base, 0o700)
        pwfile = self.base / "superuser.pw"
        pwfile.write_text("unused-superuser-pw\n")
        if self.run_as is not None:
            os.chown(pwfile, pwd.getpwnam(self.run_as).pw_uid, -1)
        self._run(
            str(self.bin_dir / "initdb"),
            "-D",
            str(self.data),
            "-U",
            SUPERUSER,
            "--encoding=UTF8",
            "--locale=C.UTF-8",
            "--auth-local=trust",
            "--auth-host=scram-sha-256",
            f"--pwfile={pwfile}",
        )
        hba = self.data / "pg_hba.conf"
        # Superuser: socket only (trust; the socket sits in our 0700 directory). Everyone
        # else: a real password, over the socket or TCP.
        hba.write_text(
            f"local all {SUPERUSER} trust\n"
            "local all all scram-sha-256\n"
            "host all all 127.0.0.1/32 scram-sha-256\n"
            "host all all ::1/128 scram-sha-256\n"
        )
        self._run(
            str(self.bin_dir / "pg_ctl"),
            "-D",
            str(self.data),
            "-l",
            str(self.log),
            "-w",
            "-t",
            "60",
            "-o",
            f"-p {self.port} -c listen_addresses=127.0.0.1 "
            f"-c unix_socket_directories={self.socket_dir} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
            "start",
        )

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            self._run(
                str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop"
            )
        shutil.rmtree(self.base, ignore_errors=True)
        if self.watchdog is not None:
            # Nothing left for it to stop: closing the pipe lets it end.
            with contextlib.suppress(Exception):
                assert self.watchdog.stdin is not None
                self.watchdog.stdin.close()
                self.watchdog.wait(timeout=30)
            self.watchdog = None

    # ------------------------------------------------------------------ access
    def superuser_conninfo(self, dbname: str = "postgres") -> str:
        return f"host={self.socket_dir} port={self.port} user={SUPERUSER} dbname={dbname}"

    def url(self, user: str, dbname: str, *, password: str | None = None) -> str:
        """A URL as users type it (127.0.0.1 counts as local: no TLS needed)."""
        auth = user if password is None else f"{user}:{password}"
        return f"postgresql://{auth}@127.0.0.1:{self.port}/{dbname}"

    def execute(self, sql: str, dbname: str = "postgres") -> None:
        import psycopg

        with psycopg.connect(self.superuser_conninfo(dbname), autocommit=True) as conn:
            conn.execute(sql)


def start_cluster() -> Cluster:
    bin_dir = find_bin_dir()
    run_as = _server_user()
    # Not under pytest's tmp_path: that is 0700 root, which the server user cannot enter.
    base = Path(tempfile.mkdtemp(prefix="wir-pg-", dir="/tmp"))
    cluster = Cluster(bin_dir=bin_dir, base=base, port=_free_port(), run_as=run_as)
    try:
        cluster.watch()
        cluster.start()
    except subprocess.CalledProcessError as exc:
        log = cluster.log.read_text(errors="replace") if cluster.log.exists() else ""
        cluster.stop()
        raise RuntimeError(
            f"starting the test PostgreSQL cluster failed: {exc.stderr or exc.stdout}\n{log}"
        ) from None
    # Wait until TCP accepts too (pg_ctl -w waits for the socket).
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", cluster.port), 1):
            break
        time.sleep(0.05)
    return cluster
