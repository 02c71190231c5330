"""Privacy & audit screen and the typed-confirmation erase dialog, with qtbot on a real
encrypted database."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from sqlalchemy import update

from tests.conftest import PASSPHRASE
from tests.qt_support import make_ctx
from tests.trust_support import add_person
from wir_manager.qt.dialogs.erase_dialog import EraseDialog, confirm_and_erase
from wir_manager.qt.views.privacy import PrivacyView
from wir_manager.services import backups, privacy
from wir_manager.storage import models as m
from wir_manager.storage.database import Database


@pytest.fixture
def view(qtbot, demo_db, tmp_path: Path) -> PrivacyView:
    with demo_db.connection() as conn:  # make some people due for retention
        conn.execute(
            update(m.Candidate)
            .where(m.Candidate.id <= 5)
            .values(consent_store_at=dt.date(2020, 1, 1), updated_at=dt.datetime(2020, 1, 1))
        )
    widget = PrivacyView(make_ctx(demo_db, tmp_path))
    qtbot.addWidget(widget)
    widget.resize(1100, 650)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_audit_tab_filters_by_entity_operator_and_record(view: PrivacyView, demo_db) -> None:
    cid = add_person(demo_db, "Audit Tab Person", "AuditTab", "at@example.org")
    with demo_db.session(operator="Second Operator") as s:
        s.get(m.Candidate, cid).phone = "+1 555"
    view.reload()
    ui = view.ui
    assert view.audit.rowCount() > 0
    ui.operatorFilter.setCurrentIndex(ui.operatorFilter.findData("Second Operator"))
    assert view.audit.rowCount() == 1
    row = view.audit.record(0)
    assert row.fields == ("phone",) and row.entity_id == cid
    texts = [view.audit.index(0, c).data() for c in range(view.audit.columnCount())]
    assert "Second Operator" in texts and "phone" in texts and f"Candidate {cid}" in texts
    assert "+1 555" not in " ".join(texts)  # never the value
    ui.operatorFilter.setCurrentIndex(0)
    ui.entityFilter.setCurrentIndex(ui.entityFilter.findData("candidate"))
    ui.recordEdit.setText(str(cid))
    ui.recordEdit.editingFinished.emit()
    assert {view.audit.record(r).entity_id for r in range(view.audit.rowCount())} == {cid}


def test_retention_tab_lists_asks_again_and_erases_with_typed_count(
    view: PrivacyView,
    demo_db,
    qtbot,
) -> None:
    ui = view.ui
    ui.consentMonths.setValue(24)
    ui.inactiveMonths.setValue(1200)
    ui.refreshRetentionButton.click()
    due = {r.id for r in view.retention.records()}
    assert {1, 2, 3, 4, 5} <= due
    assert demo_db.setting("retention_inactive_months") == "1200"  # the periods are kept
    assert ui.askAgainButton.isEnabled() and ui.eraseButton.isEnabled()

    # ask again for two selected rows only
    table = ui.retentionTable
    proxy = table.model()
    targets = []
    for r in range(proxy.rowCount()):
        rid = view.retention.record(proxy.mapToSource(proxy.index(r, 0)).row()).id
        if rid in (1, 2):
            table.selectionModel().select(
                proxy.index(r, 0),
                table.selectionModel().SelectionFlag.Select
                | table.selectionModel().SelectionFlag.Rows,
            )
            targets.append(rid)
    ui.askAgainButton.click()
    asked = {r.id for r in view.retention.records() if r.consent_requested_at}
    assert asked == {1, 2}

    # erase everyone listed: the confirmation must be the typed number of people
    asked_for: list[str] = []
    view.confirm_erase = lambda expected, what: asked_for.append(expected) or True
    table.clearSelection()
    n_due = view.retention.rowCount()
    ui.eraseButton.click()
    qtbot.waitUntil(lambda: view.retention.rowCount() == 0, timeout=20_000)
    assert asked_for == [str(n_due)]
    assert not privacy.candidate_exists(demo_db, 1)
    assert privacy.candidate_exists(demo_db, 6) or n_due >= 6


@pytest.mark.parametrize(
    ("language", "shape"),
    [
        ("en", r"\d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d"),  # 1 Jan 2020, 00:00
        ("sv", r"\d{1,2} [a-zåäö]{3,4}\.? \d{4} \d\d:\d\d"),  # 1 jan. 2020 00:00
    ],
)
def test_retention_and_audit_times_read_like_the_dates_beside_them(
    view: PrivacyView, language: str, shape: str, british_dates
) -> None:
    """A time is the date as the date column beside it shows it, then the hour: never
    "01/01/2020, 00:00" beside "1 Jan 2020" (and never 12 April for 4 December)."""
    import re

    from wir_manager import i18n

    i18n.set_language(language)
    try:
        view.reload()
        table = view.retention
        headers = [
            table.headerData(c, Qt.Orientation.Horizontal) for c in range(table.columnCount())
        ]
        consent, changed = headers.index("Consent given"), headers.index("Last change")
        row = next(r for r in range(table.rowCount()) if table.record(r).id == 1)
        given = table.index(row, consent).data()
        assert given == {"en": "1 Jan 2020", "sv": "1 jan. 2020"}[language]
        assert re.fullmatch(shape, table.index(row, changed).data())
        assert re.fullmatch(shape, view.audit.index(0, 0).data())
    finally:
        i18n.set_language("en")


def test_retention_erase_cancelled_changes_nothing(view: PrivacyView, demo_db) -> None:
    view.ui.consentMonths.setValue(24)
    view.ui.refreshRetentionButton.click()
    before = view.retention.rowCount()
    view.confirm_erase = lambda expected, what: False
    view.ui.eraseButton.click()
    assert view.retention.rowCount() == before and privacy.candidate_exists(demo_db, 1)


def test_backups_tab_back_up_keep_and_restore(view: PrivacyView, demo_db, qtbot) -> None:
    ui = view.ui
    ui.tabs.setCurrentWidget(ui.backupsTab)
    ui.backupNowButton.click()
    qtbot.waitUntil(lambda: view.backups.rowCount() == 1, timeout=20_000)
    ui.keepSpin.setValue(3)
    assert demo_db.setting(backups.KEEP_SETTING) == "3"
    privacy.erase_candidate(demo_db, 7)
    ui.backupsTable.selectRow(0)
    assert ui.restoreButton.isEnabled()
    restored: list[str] = []
    view.restored.connect(restored.append)
    view.confirm_restore = lambda path, comparison: True
    ui.restoreButton.click()
    assert restored and Path(restored[0]).exists()  # safety copy
    assert demo_db.closed  # locked: the user unlocks the restored file
    with Database.open(demo_db.path, PASSPHRASE) as again:
        assert privacy.candidate_exists(again, 7)


def test_backups_note_links_the_folder_on_one_line(view: PrivacyView, demo_db) -> None:
    """The folder opens in the file manager, and its path is never broken after "/"."""
    from PySide6.QtCore import QUrl

    from wir_manager.storage.paths import backup_dir

    note = view.ui.backupsNote
    folder = backup_dir(demo_db.path)
    assert note.textFormat() == Qt.TextFormat.RichText and note.openExternalLinks()
    assert f'href="{QUrl.fromLocalFile(str(folder)).toString()}"' in note.text()
    assert "<nobr><a href=" in note.text()
    shown = note.text().replace("\u2060", "")  # word joiners keep the path on one line
    assert shown.startswith("Backups are encrypted") and str(folder) in shown


def test_restore_of_a_backup_with_another_passphrase_asks_for_it(
    view: PrivacyView,
    demo_db,
    tmp_path: Path,
) -> None:
    saved = backups.backup_now(demo_db, tmp_path / "old.db")
    demo_db.change_passphrase("a newer passphrase")
    asked: list[Path] = []
    view.ask_passphrase = lambda path: asked.append(path) or "not it"
    view.confirm_restore = lambda path, comparison: pytest.fail(
        "must not confirm an unverified backup"
    )
    errors: list[str] = []
    import wir_manager.qt.views.privacy as mod

    original = mod.show_error
    mod.show_error = lambda parent, exc: errors.append(str(exc))
    try:
        assert not view.restore_from(saved)
        assert asked == [saved] and errors and "passphrase" in errors[0].lower()
        assert not demo_db.closed
        view.ask_passphrase = lambda path: PASSPHRASE
        view.confirm_restore = lambda path, comparison: False  # the user changes their mind
        assert not view.restore_from(saved)
        assert not demo_db.closed
    finally:
        mod.show_error = original


def test_erase_dialog_needs_the_exact_username(qtbot, db, tmp_path: Path) -> None:
    cid = add_person(db, "Typed Person", "TypedUser", "typed@example.org")
    dialog = EraseDialog("TypedUser", "Erase TypedUser?")
    qtbot.addWidget(dialog)
    ok = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.ui.usernameEdit, "typeduser")
    assert not ok.isEnabled()  # case matters
    dialog.ui.usernameEdit.clear()
    qtbot.keyClicks(dialog.ui.usernameEdit, "TypedUser")
    assert ok.isEnabled()

    # the whole flow through the real modal dialog
    ctx = make_ctx(db, tmp_path)

    def type_and_accept() -> None:
        box = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, EraseDialog) and w.isVisible()
        )
        box.ui.usernameEdit.setText("TypedUser")
        box.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(200, type_and_accept)
    assert confirm_and_erase(ctx, None, cid)
    assert not privacy.candidate_exists(db, cid)

    cid2 = add_person(db, "Kept Person", "KeptUser", "kept@example.org")
    assert not confirm_and_erase(ctx, None, cid2, ask=lambda parent, expected, what: False)
    assert privacy.candidate_exists(db, cid2)


def test_settings_file_holds_no_key_or_passphrase(view: PrivacyView, demo_db, tmp_path) -> None:
    view.ctx.settings.sync()
    key_hex = demo_db.key.key_hex()
    for p in tmp_path.rglob("*.ini"):
        data = p.read_bytes()
        assert key_hex.encode() not in data and PASSPHRASE.encode() not in data


def test_screenshot(view: PrivacyView, qtbot, tmp_path: Path) -> None:
    backups.backup_now(view.ctx.db)
    backups.auto_backup(view.ctx.db)
    view.reload()
    for i in range(view.ui.tabs.count()):
        view.ui.tabs.setCurrentIndex(i)
        QApplication.processEvents()
        shot = view.grab()
        assert not shot.isNull()
        shot.save(str(tmp_path / f"privacy_view_{i}.png"))
    dialog = EraseDialog("SomeUser", "Erase SomeUser and everything about them?")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.grab().save(str(tmp_path / "erase_dialog.png"))
    assert view.audit.record(0).at >= view.audit.record(view.audit.rowCount() - 1).at


def test_restore_inside_the_main_window_locks_it(qtbot, demo_db, tmp_path: Path) -> None:
    from wir_manager.qt.main_window import MainWindow

    saved = backups.backup_now(demo_db, tmp_path / "saved.db")
    privacy.erase_candidate(demo_db, 3)
    window = MainWindow(make_ctx(demo_db, tmp_path))
    qtbot.addWidget(window)
    window.show()
    locked: list[str] = []
    window.locked.connect(locked.append)
    view = window.show_screen("privacy")
    assert isinstance(view, PrivacyView)
    view.confirm_restore = lambda path, comparison: True
    assert view.restore_from(saved)
    assert window.is_locked and locked == [str(demo_db.path)] and demo_db.closed
    with Database.open(demo_db.path, PASSPHRASE) as again:
        assert privacy.candidate_exists(again, 3)


def test_restore_lists_only_this_database_and_compares_before_replacing(
    view: PrivacyView, demo_db, qtbot
) -> None:
    """Another database's backup in the same folder is not offered; the real confirmation
    shows the backup's counts and revision beside the current ones and warns about the
    candidates a restore would lose; Cancel leaves everything as it was."""
    from PySide6.QtWidgets import QMessageBox

    stranger = Database.create(demo_db.path.with_name("stranger.db"), PASSPHRASE, "Other")
    add_person(stranger, "Zhang Wei 张伟", "ZhangWei", "zw@example.org")
    foreign = backups.backup_now(stranger)
    stranger.close()
    mine = backups.backup_now(demo_db)
    view.reload_backups()
    listed = [view.backups.record(r).path for r in range(view.backups.rowCount())]
    assert listed == [mine] and foreign not in listed
    for n in range(3):
        add_person(demo_db, f"Fatima Al-Sayed فاطمة {n}", f"Fatima{n}", f"f{n}@example.org")
    before = privacy.candidate_exists(demo_db, 1)
    seen: list[str] = []

    def read_and_cancel() -> None:
        box = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.objectName() == "restoreConfirm"
        )
        seen.append(box.text())
        box.button(QMessageBox.StandardButton.Cancel).click()

    QTimer.singleShot(300, read_and_cancel)
    view.ui.backupsTable.selectRow(0)
    view.ui.restoreButton.click()
    qtbot.waitUntil(lambda: bool(seen), timeout=5_000)
    text = seen[0]
    now = demo_db.counts()["candidates"]
    assert f"{now - 3:,}" in text and f"{now:,}" in text  # backup beside current
    assert "3 fewer candidates" in text
    from wir_manager.storage import migrate

    assert migrate.current_revision(demo_db) in text
    assert not demo_db.closed and privacy.candidate_exists(demo_db, 1) == before
