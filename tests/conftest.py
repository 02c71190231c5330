"""Shared fixtures: every test gets its own WIR_MANAGER_HOME, an in-memory keyring, and
(when it asks) a real database: a SQLCipher file in a temp dir, or (in modules marked
``backends``) that AND a database on a real PostgreSQL cluster the tests start
themselves (``tests/pg_cluster.py``). No storage is mocked."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_ACCESSIBILITY", "0")

PASSPHRASE = "correct horse battery staple"
OPERATOR = "Test Operator"


class MemoryKeyring(KeyringBackend):
    """A real keyring backend that keeps secrets in a dict, standing in for the OS keyring."""

    priority = 10

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        import keyring.errors

        if (service, username) not in self.store:
            raise keyring.errors.PasswordDeleteError("not found")
        del self.store[(service, username)]


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("WIR_MANAGER_HOME", str(home))
    monkeypatch.delenv("WIR_MANAGER_PASSPHRASE", raising=False)
    monkeypatch.delenv("WIR_MANAGER_NEW_PASSPHRASE", raising=False)
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    return home


@pytest.fixture(autouse=True)
def no_keyring() -> Iterator[None]:
    """By default there is no keyring at all, like CI and headless Linux."""
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def memory_keyring() -> MemoryKeyring:
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    return backend


@pytest.fixture
def db_path(isolated_home: Path) -> Path:
    return isolated_home / "data" / "test.db"


#: The two storage backends. Modules marked ``pytest.mark.backends`` run every test
#: that uses ``db`` (or ``demo_db``, ``any_db_url`` …) once on each.
BACKENDS = ("sqlite", "postgresql")
#: Login of the admin account the service tests use on the server.
SERVER_ADMIN = "tester"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "backends: run the module's database tests on SQLCipher and on PostgreSQL"
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" in metafunc.fixturenames and metafunc.definition.get_closest_marker("backends"):
        metafunc.parametrize("backend", BACKENDS, indirect=True)


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """Which storage backend this test runs on ("sqlite" unless the module is marked)."""
    return str(getattr(request, "param", "sqlite"))


@dataclass
class PgServer:
    """The session's PostgreSQL cluster, with a template database already set up by
    ``server init`` and the accounts the tests log in as."""

    cluster: object
    template: str
    dba: str
    _n: Iterator[int]

    def new_database(self) -> str:
        """A fresh copy of the template (schema, roles, policies); returns its name."""
        name = f"wir_test_{next(self._n)}"
        self.cluster.execute(f"CREATE DATABASE {name} TEMPLATE {self.template} OWNER {self.dba}")
        return name

    def drop_database(self, name: str) -> None:
        self.cluster.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def url(self, user: str, dbname: str) -> str:
        return self.cluster.url(user, dbname)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """Start PostgreSQL once per session; skip (or, under CI, fail) when it is missing."""
    from tests import pg_cluster

    try:
        pg_cluster.find_bin_dir()
    except pg_cluster.PostgresMissing as exc:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"CI must run the PostgreSQL tests: {exc}", pytrace=False)
        pytest.skip(str(exc))
    cluster = pg_cluster.start_cluster()
    try:
        dba, template = "wir_dba", "wir_template"
        cluster.execute(
            f"CREATE ROLE {dba} LOGIN CREATEROLE PASSWORD '{pg_cluster.LOGIN_PASSWORD}'"
        )
        cluster.execute(f"CREATE DATABASE {template} OWNER {dba}")
        from wir_manager.storage import server_admin
        from wir_manager.storage.server import ServerDatabase

        with ServerDatabase.connect(
            cluster.url(dba, template), password=pg_cluster.LOGIN_PASSWORD, check_schema=False
        ) as setup:
            server_admin.init_server(setup)
            server_admin.add_user(
                setup,
                SERVER_ADMIN,
                server_admin.TeamRole.ADMIN,
                password=pg_cluster.LOGIN_PASSWORD,
            )
        yield PgServer(cluster, template, dba, itertools.count(1))
    finally:
        cluster.stop()


@pytest.fixture
def server_db_url(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A URL (admin login, no password in it) of a fresh database on the test cluster;
    PGPASSWORD is set the way a user would set it (undone with the test's monkeypatch)."""
    from tests.pg_cluster import LOGIN_PASSWORD

    server: PgServer = request.getfixturevalue("pg_server")
    name = server.new_database()
    monkeypatch.setenv("PGPASSWORD", LOGIN_PASSWORD)
    monkeypatch.delenv("PGPASSFILE", raising=False)
    try:
        yield server.url(SERVER_ADMIN, name)
    finally:
        server.drop_database(name)


@pytest.fixture
def db(request: pytest.FixtureRequest, backend: str, db_path: Path):
    """An empty database on this test's backend: a SQLCipher file, or a fresh database on
    the test PostgreSQL cluster reached as an admin login."""
    if backend == "postgresql":
        from wir_manager.storage.server import ServerDatabase

        url = request.getfixturevalue("server_db_url")
        database = ServerDatabase.connect(url)
        yield database
        database.close()
        return
    from wir_manager.storage.database import Database

    database = Database.create(db_path, PASSPHRASE, OPERATOR)
    yield database
    database.close()


@pytest.fixture
def db_args(request: pytest.FixtureRequest, backend: str, monkeypatch: pytest.MonkeyPatch):
    """``["--db", TARGET]`` for the CLI on this test's backend, reaching the same database
    as ``db``: the SQLCipher file (passphrase in WIR_MANAGER_PASSPHRASE) or the server URL
    (password in PGPASSWORD, as libpq users set it). Call ``db.close()`` first on a file,
    as one person's app would."""
    if backend == "postgresql":
        return ["--db", str(request.getfixturevalue("server_db_url"))]
    monkeypatch.setenv("WIR_MANAGER_PASSPHRASE", PASSPHRASE)
    return ["--db", str(request.getfixturevalue("db_path"))]


def reopen(db_args: list[str]):
    """The database behind ``db_args`` opened again (a context manager), to check what a
    CLI run wrote, on either backend."""
    target = db_args[1]
    if target.startswith("postgresql://"):
        from wir_manager.storage.server import ServerDatabase

        return ServerDatabase.connect(target)
    from wir_manager.storage.database import Database

    return Database.open(Path(target), PASSPHRASE)


@pytest.fixture
def demo_db(db):
    """A database with 300 synthetic candidates and 12 requests (seed 42)."""
    from wir_manager.services import demo

    demo.generate(db, candidates=300, requests=12, seed=42)
    return db


_english_catalogue = False


@pytest.fixture(autouse=True)
def english_plural_forms(request: pytest.FixtureRequest) -> None:
    """Widget tests see what the app shows: "1 candidate", not "1 candidate(s)". The app
    installs its English plural-forms catalogue at start (qt.i18n.install_translations);
    tests that build widgets get it once, here."""
    global _english_catalogue
    if _english_catalogue or "qapp" not in request.fixturenames:
        return
    request.getfixturevalue("qapp")
    from PySide6.QtWidgets import QApplication

    from wir_manager.qt.i18n import install_translations

    install_translations(QApplication.instance(), language="en")
    _english_catalogue = True


@pytest.fixture(autouse=True)
def app_font_restored(request: pytest.FixtureRequest) -> Iterator[None]:
    """A widget test that changes the application's font (to check scaling) must not
    leave it changed: a 16 pt font left by one test made every later window too wide
    for 1366×768 (#16.5). The font is put back after each widget test."""
    if "qapp" not in request.fixturenames:
        yield
        return
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    app = request.getfixturevalue("qapp")
    before = QFont(app.font())
    yield
    if QApplication.instance() is app and app.font() != before:
        app.setFont(before)


# ------------------------------------------------------------------ shared worlds
@pytest.fixture
def british_dates(monkeypatch: pytest.MonkeyPatch) -> None:
    """English dates as "4 Jan 2027" (en_GB) whatever the machine's locale, for tests that
    assert a date in a sentence: localefmt reads LC_ALL before the process locale, and
    Python takes a C.UTF-8 process locale for en_US ("Jan 4, 2027")."""
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")


@pytest.fixture
def world(db):
    """The matching rules' hand-built request 1 and its candidates (tests/worlds.py)."""
    from tests.worlds import matching_world

    return matching_world(db)


@pytest.fixture
def shortlisted(db):
    """(db, request id, {kind: candidate id}): a saved shortlist of six in many scripts."""
    from tests.worlds import shortlisted_request

    return shortlisted_request(db)


@pytest.fixture
def language(qapp) -> Iterator[object]:
    """Switch the app's language for one test (``language("sv")``); English afterwards."""
    from PySide6.QtWidgets import QApplication

    from wir_manager.qt.i18n import install_translations

    def use(code: str) -> None:
        install_translations(QApplication.instance(), language=code)

    yield use
    install_translations(QApplication.instance(), language="en")
