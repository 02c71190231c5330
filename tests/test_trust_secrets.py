"""Secrets hygiene: the passphrase and key never reach logs, exception text, reprs, crash
records or settings; the keyring entry goes on "forget"; locking wipes the key bytes."""

from __future__ import annotations

import logging
import pickle
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError

from tests.conftest import PASSPHRASE, MemoryKeyring
from tests.trust_support import add_person
from wir_manager import logsetup
from wir_manager.cli.main import main
from wir_manager.storage import keystore
from wir_manager.storage import models as m
from wir_manager.storage.database import Database
from wir_manager.storage.errors import StorageError, WrongPassphraseError


def _secrets(db: Database) -> list[str]:
    return [PASSPHRASE, db.key.key_hex(), db.key.key_hex().upper()]


def test_reprs_and_pickles_never_show_the_key(db) -> None:
    for text in (repr(db.key), str(db.key), repr(db), repr(db.engine), repr(db.engine.url)):
        for secret in _secrets(db):
            assert secret not in text
    with pytest.raises(TypeError):
        pickle.dumps(db.key)


def test_driver_errors_do_not_carry_values(db) -> None:
    add_person(db, "Value Holder", "SecretHandle", "secret-mail@example.org")
    with pytest.raises(IntegrityError) as info, db.session() as s:
        s.add(m.Candidate(full_name="Someone Else", username="SecretHandle"))
    text = str(info.value) + repr(info.value)
    assert "SecretHandle" not in text and "Someone Else" not in text
    assert "hidden due to query parameters" in text or "[SQL" in text


def test_wrong_passphrase_error_does_not_echo_the_attempt(db, db_path: Path) -> None:
    attempt = "my-wrong-attempt-Xyz"
    db.close()
    with pytest.raises(WrongPassphraseError) as info:
        Database.open(db_path, attempt)
    assert attempt not in str(info.value) and attempt not in repr(info.value)


def test_crash_records_withhold_messages(isolated_home: Path) -> None:
    message = "boom with Amina's phone +234 555 and " + PASSPHRASE
    try:
        raise RuntimeError(message)  # the source line shows in the record, the value not
    except RuntimeError as exc:
        path = logsetup.log_crash(type(exc), exc, exc.__traceback__)
    text = path.read_text(encoding="utf-8")
    assert "RuntimeError" in text and "message withheld" in text
    assert PASSPHRASE not in text and "+234 555" not in text


def test_cli_session_log_holds_no_secrets(
    db,
    db_path: Path,
    isolated_home: Path,
    capsys,
    monkeypatch,
) -> None:
    secrets = _secrets(db)
    db.close()
    logging.getLogger().setLevel(logging.DEBUG)  # the most talkative the app can be
    monkeypatch.setenv("WIR_MANAGER_PASSPHRASE", "definitely wrong passphrase")
    assert main(["--db", str(db_path), "info"]) == 1
    monkeypatch.setenv("WIR_MANAGER_PASSPHRASE", PASSPHRASE)
    for argv in (
        ["info"],
        ["demo", "--candidates", "5", "--requests", "1"],
        ["audit"],
        ["backup", str(isolated_home / "b.db")],
        ["erase", "1", "--yes"],
    ):
        assert main(["--db", str(db_path), *argv]) == 0
    out, err = capsys.readouterr()
    logs = "".join(p.read_text(encoding="utf-8") for p in (isolated_home / "logs").glob("*"))
    for secret in [*secrets, "definitely wrong passphrase"]:
        assert secret not in logs and secret not in out and secret not in err


def test_close_wipes_key_and_refuses_further_use(db) -> None:
    key = db.key
    assert not key.wiped
    db.close()
    assert key.wiped and all(b == 0 for b in key._key)  # the bytearray itself is zeroed
    assert db.closed
    with pytest.raises(RuntimeError, match="locked"):
        key.pragma_literal()
    with pytest.raises(Exception):  # noqa: B017 - any failure will do, as long as no data comes back
        db.setting("operator", default=None) or db.info()


def test_forget_this_computer_removes_the_keyring_entry(
    db,
    db_path: Path,
    memory_keyring: MemoryKeyring,
    capsys,
) -> None:
    keystore.remember(db_path, db.key)
    assert memory_keyring.store
    db.close()
    assert main(["--db", str(db_path), "forget"]) == 0
    assert memory_keyring.store == {}
    assert not keystore.is_remembered(db_path)


def test_restore_drops_a_remembered_key_that_no_longer_fits(
    db,
    db_path: Path,
    tmp_path: Path,
    memory_keyring: MemoryKeyring,
    monkeypatch,
    capsys,
) -> None:
    from wir_manager.services import backups

    saved = backups.backup_now(db, tmp_path / "saved.db")
    keystore.remember(db_path, db.key)
    db.close()
    monkeypatch.setenv("WIR_MANAGER_PASSPHRASE", PASSPHRASE)
    assert main(["--db", str(db_path), "restore", str(saved), "--yes"]) == 0
    assert memory_keyring.store == {}


def test_storage_errors_never_include_the_passphrase(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"\x01" * 8192)
    with pytest.raises(StorageError) as info:
        Database.open(bad, PASSPHRASE)
    assert PASSPHRASE not in str(info.value)


CORE_PROBE = """
import json, resource, sys
from wir_manager.storage import hardening
from wir_manager.storage.database import Database
before = [resource.getrlimit(resource.RLIMIT_CORE)[0], hardening.dumpable()]
Database.create(sys.argv[1], "core dump probe passphrase", "Probe").close()
after = [resource.getrlimit(resource.RLIMIT_CORE)[0], hardening.dumpable()]
print(json.dumps({"before": before, "after": after}))
"""


def test_unlocking_turns_core_dumps_off(tmp_path: Path) -> None:
    """A crash dump would hold the raw key: once a key is in memory the process may
    not dump core (RLIMIT_CORE 0) and, on Linux, is non-dumpable (no ptrace by peers)."""
    import json
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "WIR_MANAGER_ALLOW_CORE_DUMPS"}
    out = subprocess.run(
        [sys.executable, "-c", CORE_PROBE, str(tmp_path / "probe.db")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=True,
    ).stdout
    result = json.loads(out)
    assert result["after"][0] == 0
    if sys.platform.startswith("linux"):
        assert result["before"][1] is True  # exec made the fresh process dumpable again
        assert result["after"][1] is False
