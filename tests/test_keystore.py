"""Remember-on-this-computer: only a real keyring, opt-in, and a clear fallback."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest

from tests.conftest import PASSPHRASE, MemoryKeyring
from wir_manager.storage import keystore
from wir_manager.storage.database import Database
from wir_manager.storage.errors import KeyringUnavailableError, NoPassphraseError


def test_no_keyring_backend_means_no_remembering(db: Database, isolated_home: Path) -> None:
    assert not keystore.backend_available()
    with pytest.raises(KeyringUnavailableError, match="no secure keyring"):
        keystore.remember(db.path, db.key)
    assert keystore.recall(db.path, db.key.salt) is None
    # Nothing key-like was written anywhere as a substitute.
    key_hex = db.key.key_hex()
    for path in isolated_home.rglob("*"):
        if path.is_file():
            assert key_hex.encode() not in path.read_bytes()


def test_plaintext_file_backends_are_refused() -> None:
    from keyrings.alt.file import PlaintextKeyring

    keyring.set_keyring(PlaintextKeyring())
    assert not keystore.backend_available()


def test_remember_recall_forget(
    db: Database, db_path: Path, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    keystore.remember(db_path, db.key)
    assert keystore.is_remembered(db_path)
    stored = next(iter(memory_keyring.store.values()))
    assert PASSPHRASE not in stored  # key material, not the passphrase
    db.close()
    with keystore.unlock(db_path, prompt=None) as again:  # no env, no prompt: the keyring
        assert again.info().counts["candidates"] == 0
    assert keystore.forget(db_path)
    assert memory_keyring.store == {}
    with pytest.raises(NoPassphraseError, match="WIR_MANAGER_PASSPHRASE"):
        keystore.unlock(db_path, prompt=None)


def test_stale_remembered_key_falls_back_to_prompt(
    db: Database, db_path: Path, memory_keyring: MemoryKeyring
) -> None:
    keystore.remember(db_path, db.key)
    db.change_passphrase("another passphrase entirely")
    db.close()
    asked = []

    def prompt() -> str:
        asked.append(1)
        return "another passphrase entirely"

    with keystore.unlock(db_path, prompt) as again:
        assert not again.closed
    assert asked == [1]


def test_environment_passphrase_wins(
    db: Database, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db.close()
    monkeypatch.setenv(keystore.PASSPHRASE_ENV, PASSPHRASE)
    with keystore.unlock(db_path, prompt=lambda: pytest.fail("must not prompt")) as again:
        assert again.operator
