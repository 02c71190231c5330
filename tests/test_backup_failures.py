"""Issue #16.2: a failed "Back up now" names its real cause, each condition provoked for
real on this machine: a full file system, a read-only one (tmpfs mounts, as root), a
folder this user may not write (chmod; root runs the backup without the capability
that ignores file modes), a backups folder that is a link to a drive that is gone, and
the database held exclusively by another program. One sentence each, English and
Swedish, through the service and the Privacy screen's button."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from tests.qt_support import make_ctx
from tests.trust_support import add_person
from wir_manager.i18n import using_language
from wir_manager.services import backups
from wir_manager.storage.errors import (
    DatabaseInUseError,
    DiskFullError,
    FolderMissingError,
    ReadOnlyDatabaseError,
)
from wir_manager.storage.paths import backup_dir


def _mount_tmpfs(where: Path, size: str) -> bool:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    where.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], capture_output=True
    )
    return done.returncode == 0


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Path]:
    where = tmp_path / "disk"
    if not _mount_tmpfs(where, "1m"):
        pytest.skip("mounting a tmpfs needs root and mount(8)")
    yield where
    subprocess.run(["umount", "-l", str(where)], capture_output=True)


def _fill(folder: Path) -> None:
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        while os.write(fd, b"\0" * 65536):
            pass
    except OSError:
        pass
    finally:
        os.close(fd)


def _people(db) -> None:
    add_person(db, "Aisha Al-Farsi عائشة الفارسي", "AishaF", "aisha@example.org")
    add_person(db, "Priya Raman प्रिया रमन", "PriyaR", "priya@example.org")


@pytest.mark.parametrize("code", ["en", "sv"])
def test_a_full_disk_is_named(db, tmpfs: Path, code: str) -> None:
    _people(db)
    _fill(tmpfs)
    with using_language(code), pytest.raises(DiskFullError) as failed:
        backups.backup_now(db, tmpfs / "backup.db")
    words = {"en": "is full; free some space", "sv": "är full; frigör utrymme"}[code]
    assert words in str(failed.value) and str(tmpfs) in str(failed.value)
    assert "disk reported an error" not in str(failed.value)
    assert sorted(p.name for p in tmpfs.iterdir()) == ["filler"]


@pytest.mark.parametrize("code", ["en", "sv"])
def test_a_read_only_medium_is_named(db, tmpfs: Path, code: str) -> None:
    _people(db)
    subprocess.run(["mount", "-o", "remount,ro", str(tmpfs)], check=True)
    with using_language(code), pytest.raises(ReadOnlyDatabaseError) as failed:
        backups.backup_now(db, tmpfs / "backup.db")
    words = {"en": "is on a read-only disk", "sv": "finns på en skrivskyddad disk"}[code]
    assert words in str(failed.value), str(failed.value)
    assert list(tmpfs.iterdir()) == []


def _without_mode_override() -> list[str]:
    """Root writes into any folder: run the backup without the capability that allows it."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("root without setpriv cannot be kept from writing a folder")
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-all"]


@pytest.mark.parametrize("code", ["en", "sv"])
def test_a_folder_without_write_permission_is_named(
    db, db_path: Path, tmp_path: Path, code: str
) -> None:
    _people(db)
    shut = tmp_path / "shut"
    shut.mkdir()
    shut.chmod(0o500)
    try:
        out = subprocess.run(
            [
                *_without_mode_override(),
                sys.executable,
                "-m",
                "wir_manager",
                "--db",
                str(db_path),
                "backup",
                str(shut / "backup.db"),
            ],
            env={**os.environ, "WIR_MANAGER_PASSPHRASE": PASSPHRASE, "WIR_MANAGER_LANG": code},
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        shut.chmod(0o700)
    words = {
        "en": "this user may not write to",
        "sv": "den här användaren inte får skriva i",
    }[code]
    assert out.returncode == 1 and words in out.stderr, out.stderr
    assert "Traceback" not in out.stderr
    assert list(shut.iterdir()) == []


@pytest.mark.parametrize("code", ["en", "sv"])
def test_a_backups_folder_on_a_drive_that_is_gone_is_named(
    db, db_path: Path, tmp_path: Path, code: str
) -> None:
    """The backups folder is a link to a USB drive's folder; the drive is unplugged."""
    _people(db)
    backup_dir(db_path).symlink_to(tmp_path / "usb-stick" / "wir-backups")
    with using_language(code), pytest.raises(FolderMissingError) as failed:
        backups.backup_now(db)
    words = {"en": "is not there", "sv": "inte finns"}[code]
    assert words in str(failed.value) and "backups" in str(failed.value)


@pytest.mark.parametrize("code", ["en", "sv"])
def test_the_database_held_by_another_program_is_named(db, db_path: Path, code: str) -> None:
    """Another program (a SQLite browser) holds the file in exclusive locking mode."""
    _people(db)
    db.dispose()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, sqlcipher3\n"
            f"c = sqlcipher3.connect({str(db_path)!r}, timeout=0)\n"
            f"c.execute(\"PRAGMA key = '{PASSPHRASE}'\")\n"
            "c.execute('PRAGMA locking_mode = EXCLUSIVE')\n"
            "c.execute('BEGIN EXCLUSIVE')\n"
            "c.execute(\"UPDATE settings SET value = value WHERE key = 'app_id'\")\n"
            "print('holding', flush=True); sys.stdin.read()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "holding"
        with using_language(code), pytest.raises(DatabaseInUseError) as failed:
            backups.backup_now(db)
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    words = {"en": "another program is holding", "sv": "ett annat program håller"}[code]
    assert words in str(failed.value), str(failed.value)
    assert backups.backup_now(db).exists()  # once it lets go, backing up works


@pytest.mark.parametrize("code", ["en", "sv"])
def test_back_up_now_on_the_privacy_screen_names_the_cause(
    qtbot, db, db_path: Path, tmp_path: Path, language, code: str
) -> None:
    """Through the real button: the message the person reads names the unplugged drive,
    and after plugging it back in the same button works."""
    from wir_manager.qt.views.privacy import PrivacyView

    _people(db)
    stick = tmp_path / "usb-stick" / "wir-backups"
    backup_dir(db_path).symlink_to(stick)
    language(code)
    view = PrivacyView(make_ctx(db, tmp_path))
    qtbot.addWidget(view)
    told: list[str] = []
    view.inform_backup_failed = lambda exc: told.append(str(exc))
    view.ui.tabs.setCurrentWidget(view.ui.backupsTab)
    view.ui.backupNowButton.click()
    qtbot.waitUntil(lambda: bool(told), timeout=20_000)
    words = {"en": "is not there", "sv": "inte finns"}[code]
    assert len(told) == 1 and words in told[0] and "wir-backups" not in told[0]
    assert "disk reported" not in told[0] and "disken rapporterade" not in told[0]
    stick.mkdir(parents=True)  # the drive is back
    view.ui.backupNowButton.click()
    qtbot.waitUntil(lambda: view.backups.rowCount() == 1, timeout=20_000)
    assert len(told) == 1
