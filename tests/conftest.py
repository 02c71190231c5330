"""Shared fixtures: every test gets its own WIR_MANAGER_HOME, an in-memory keyring, and
(when it asks) a real SQLCipher database file in a temp dir. No storage is mocked."""

from __future__ import annotations

import os
from collections.abc import Iterator
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

    priority = 10  # type: ignore[assignment]

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


@pytest.fixture
def db(db_path: Path):  # type: ignore[no-untyped-def]
    from wir_manager.storage.database import Database

    database = Database.create(db_path, PASSPHRASE, OPERATOR)
    yield database
    database.close()


@pytest.fixture
def demo_db(db):  # type: ignore[no-untyped-def]
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
