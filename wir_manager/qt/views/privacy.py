"""Privacy & audit screen: the audit log, the retention report, and backups.

* **Audit log** — who changed which record and which fields, and when; filter by record
  kind, operator and record id. Values are never shown because they are never stored.
* **Retention** — candidates whose consent is older than the consent period (or missing)
  or who have not changed for the inactivity period; ask them again, or erase them
  after typing how many people will be erased.
* **Backups** — the encrypted copies beside the database; back up now, restore (the
  current database is kept as a safety copy, then the app locks so the restored file is
  unlocked with its own passphrase), and how many daily copies to keep.

Questions to the user go through replaceable callables (``confirm_erase``,
``confirm_restore``, ``ask_passphrase``, ``choose_backup_file``) so tests answer them
without modal loops.
"""

from __future__ import annotations

import html
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt, QUrl, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableView,
    QWidget,
)

from wir_manager.qt.context import AppContext
from wir_manager.qt.dialogs.erase_dialog import ask_typed_confirmation, tell_if_compaction_pending
from wir_manager.qt.errors import show_error
from wir_manager.qt.forms.ui_privacy_view import Ui_PrivacyView
from wir_manager.qt.models.audit_words import entity_label
from wir_manager.qt.models.privacy_tables import (
    audit_model,
    backups_model,
    retention_model,
)
from wir_manager.qt.models.records import SORT_ROLE, RecordTableModel
from wir_manager.qt.views.privacy_subject import SubjectTab
from wir_manager.qt.widgets.screen import SidebarScreen
from wir_manager.services import audit_log, backups, privacy, retention
from wir_manager.services.progress import Progress
from wir_manager.storage.changes import Changes, Kind
from wir_manager.storage.errors import StorageError, WrongPassphraseError
from wir_manager.storage.paths import backup_dir

ALL = "__all__"


def _tr(text: str) -> str:
    return QCoreApplication.translate("PrivacyView", text)


# Rows of the restore comparison: label in COUNTED_TABLES -> row heading.
COMPARED_COUNTS = {
    "candidates": "Candidates",
    "requests": "Placement requests",
    "organisations": "Organisations",
    "shortlist_entries": "Shortlist entries",
    "training_modules": "Training modules",
}


def _proxy(model: RecordTableModel, parent: QWidget) -> QSortFilterProxyModel:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    return proxy


class PrivacyView(SidebarScreen):
    """Sidebar screen "Privacy & audit"."""

    TITLE = "Privacy & audit"
    # A backup was restored and the database closed; carries the safety copy's path.
    restored = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.ui = Ui_PrivacyView()
        self.ui.setupUi(self)
        # Subject access export and disclosure log (built in code: one widget, one file).
        self.subject = SubjectTab(ctx, self)
        self.ui.tabs.insertTab(
            self.ui.tabs.indexOf(self.ui.backupsTab), self.subject, self.tr("Data subject")
        )
        # (expected text, heading) -> True to go ahead; replaceable in tests.
        self.confirm_erase: Callable[[str, str], bool] = lambda expected, what: (
            ask_typed_confirmation(self, expected, what)
        )
        # (backup file, backup beside current) -> True to replace the database with it.
        self.confirm_restore: Callable[[Path, backups.RestoreComparison], bool] = (
            self._confirm_restore_dialog
        )
        # -> the passphrase a backup was made with, or None when the user cancels.
        self.ask_passphrase: Callable[[Path], str | None] = self._passphrase_dialog
        # -> a backup file chosen from disk, or None.
        self.choose_backup_file: Callable[[], Path | None] = self._file_dialog
        # Tells why "Back up now" failed (the storage layer's one sentence naming the
        # cause); replaceable in tests, where a real message box would wait forever.
        self.inform_backup_failed: Callable[[BaseException], None] = lambda exc: show_error(
            self, exc
        )
        self.audit = audit_model(self)
        self.retention = retention_model(self)
        self.backups = backups_model(self)
        self._setup_table(self.ui.auditTable, self.audit)
        self._setup_table(self.ui.retentionTable, self.retention)
        self._setup_table(self.ui.backupsTable, self.backups)
        # newest first, as the services deliver them
        self.ui.auditTable.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.ui.backupsTable.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.ui.retentionTable.sortByColumn(3, Qt.SortOrder.AscendingOrder)
        self._connect()
        self._loaded = False
        self.reload()

    # ------------------------------------------------------------------ setup
    def _setup_table(self, table: QTableView, model: RecordTableModel) -> None:
        table.setModel(_proxy(model, self))
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)  # Tab leaves the table (no keyboard trap)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)

    def _connect(self) -> None:
        ui = self.ui
        ui.refreshAuditButton.clicked.connect(self.reload_audit)
        ui.entityFilter.currentIndexChanged.connect(self.reload_audit)
        ui.operatorFilter.currentIndexChanged.connect(self.reload_audit)
        ui.recordEdit.editingFinished.connect(self.reload_audit)
        # The periods are remembered in the shared settings (an admin's on a team server);
        # a login that may not still checks with the periods typed.
        ui.refreshRetentionButton.clicked.connect(
            lambda: self.check_retention(save=self.refusal("settings") is None)
        )
        ui.askAgainButton.clicked.connect(self.ask_again)
        ui.eraseButton.clicked.connect(self.erase_due)
        ui.backupNowButton.clicked.connect(self.back_up_now)
        ui.restoreButton.clicked.connect(self._restore_selected)
        ui.restoreFileButton.clicked.connect(self._restore_from_file)
        ui.keepSpin.valueChanged.connect(self._keep_changed)
        for table in (ui.retentionTable, ui.backupsTable):
            table.selectionModel().selectionChanged.connect(self._update_buttons)

    def on_changes(self, changes: Changes) -> None:
        """Every audited write shows in the audit log; a change to candidates can change
        who is due under the retention periods (an erased or deleted person leaves it)."""
        if not self._loaded:
            return
        if changes.touches(Kind.AUDIT):
            self.reload_audit()
        if changes.touches(Kind.CANDIDATES):
            self.check_retention(save=False)

    def show_retention(self) -> None:
        """Bring the retention list forward (the Today screen's consent-renewal line)."""
        self.ui.tabs.setCurrentWidget(self.ui.retentionTab)
        self.ui.retentionTable.setFocus()

    # ------------------------------------------------------------------ loading
    def reload(self) -> None:
        db = self.ctx.db
        self._fill_filter(
            self.ui.entityFilter, audit_log.entities(db), self.tr("All records"), entity_label
        )
        self._fill_filter(self.ui.operatorFilter, audit_log.operators(db), self.tr("Everyone"))
        consent, inactive = retention.periods(db)
        for spin, value in ((self.ui.consentMonths, consent), (self.ui.inactiveMonths, inactive)):
            spin.blockSignals(True)
            spin.setValue(value)
            spin.blockSignals(False)
        self.ui.keepSpin.blockSignals(True)
        self.ui.keepSpin.setValue(backups.keep_count(db))
        self.ui.keepSpin.blockSignals(False)
        self.reload_audit()
        self.check_retention(save=False)
        self.reload_backups()
        self._loaded = True

    def _fill_filter(
        self, combo, values: list[str], all_label: str, label: Callable[[str], str] = str
    ) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(all_label, ALL)
        for value in values:
            combo.addItem(label(value), value)
        index = combo.findData(current) if current else 0
        combo.setCurrentIndex(max(0, index))
        combo.blockSignals(False)

    def reload_audit(self) -> None:
        entity = self.ui.entityFilter.currentData()
        operator = self.ui.operatorFilter.currentData()
        text = self.ui.recordEdit.text().strip()
        record_id = int(text) if text.isdigit() else None
        try:
            rows = audit_log.list_audit(
                self.ctx.db,
                entity=None if entity in (None, ALL) else entity,
                operator=None if operator in (None, ALL) else operator,
                entity_id=record_id,
            )
        except Exception as exc:
            show_error(self, exc)
            return
        self.audit.set_records(rows)
        self.ui.auditTable.resizeColumnsToContents()

    def check_retention(self, save: bool = True) -> None:
        consent = self.ui.consentMonths.value()
        inactive = self.ui.inactiveMonths.value()
        try:
            if save:
                retention.set_periods(self.ctx.db, consent, inactive)
            report = retention.report(self.ctx.db, consent_months=consent, inactive_months=inactive)
        except Exception as exc:
            show_error(self, exc)
            return
        self.retention.set_records(report.items)
        self.ui.retentionTable.resizeColumnsToContents()
        if report.items:
            self.ui.retentionSummary.setText(
                self.tr(
                    "%Ln candidate(s) due: ask them to renew their consent, or erase them.",
                    None,
                    len(report.items),
                )
            )
        else:
            self.ui.retentionSummary.setText(self.tr("Nobody is due under these periods."))
        self._update_buttons()

    def reload_backups(self) -> None:
        if getattr(self.ctx.db, "is_server", False):
            # The server's data is backed up on the server (pg_dump), not by a client.
            for widget in (
                self.ui.backupsTable,
                self.ui.backupNowButton,
                self.ui.restoreButton,
                self.ui.restoreFileButton,
                self.ui.keepSpin,
            ):
                widget.setEnabled(False)
            self.ui.backupsNote.setText(
                self.tr(
                    "This is a team server: its backups are made on the server with pg_dump "
                    "by its admin (see the README), not by this app."
                )
            )
            return
        found = backups.list_backups(self.ctx.db.path, identity=self.ctx.db.key.salt)
        self.backups.set_records(found)
        self.ui.backupsTable.resizeColumnsToContents()
        folder = backup_dir(self.ctx.db.path)
        # The folder is a link that opens it in the file manager, kept on one line: a
        # plain path wrapped after its first "/" ("kept in /" + "home/…"). Qt breaks lines
        # after a slash whatever <nobr> says; a word joiner after each one forbids it.
        url = html.escape(QUrl.fromLocalFile(str(folder)).toString())
        shown = html.escape(str(folder)).replace(os.sep, os.sep + "\u2060")
        link = f'<nobr><a href="{url}">{shown}</a></nobr>'
        self.ui.backupsNote.setTextFormat(Qt.TextFormat.RichText)
        self.ui.backupsNote.setOpenExternalLinks(True)
        self.ui.backupsNote.setText(
            html.escape(
                self.tr(
                    "Backups are encrypted with the same passphrase as the database and "
                    "checked after writing. They are kept in {folder}."
                )
            ).format(folder=link)
        )
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_due = self.retention.rowCount() > 0
        # Asking again notes the date on the candidates; erasing deletes them (an admin's
        # on a team server). A login that may not sees why.
        self.enable_writes("candidates", [self.ui.askAgainButton], has_due)
        self.enable_writes("candidates", [self.ui.eraseButton], has_due, privilege="DELETE")
        self.ui.restoreButton.setEnabled(bool(self._selected_backup()))

    # ------------------------------------------------------------------ retention
    def _due_ids(self) -> list[int]:
        """Selected rows of the retention report, or every row when none is selected."""
        table = self.ui.retentionTable
        proxy = table.model()
        rows = {i.row() for i in table.selectionModel().selectedRows()}
        if not rows:
            return [r.id for r in self.retention.records()]
        return [
            self.retention.record(proxy.mapToSource(proxy.index(r, 0)).row()).id
            for r in sorted(rows)
        ]

    def ask_again(self) -> None:
        ids = self._due_ids()
        if not ids:
            return
        try:
            n = retention.ask_again(self.ctx.db, ids)
        except Exception as exc:
            show_error(self, exc)
            return
        self.check_retention(save=False)
        self.reload_audit()
        self.ui.retentionSummary.setText(
            self.tr("Recorded a consent renewal request for %Ln candidate(s) today.", None, n)
        )

    def erase_due(self) -> None:
        ids = self._due_ids()
        if not ids:
            return
        count = str(len(ids))
        heading = self.tr("Erase %Ln candidate(s) and everything about them?", None, len(ids))
        if not self.confirm_erase(count, heading):
            return

        def work(progress: Progress) -> privacy.ErasureResult:
            return retention.erase(self.ctx.db, ids, progress=progress)

        def done(result: privacy.ErasureResult) -> None:
            self.check_retention(save=False)
            self.reload()
            self.changed.emit()
            tell_if_compaction_pending(self, result)

        self.ctx.tasks.run(
            work, on_done=done, label=self.tr("Erasing and compacting the database…"), parent=self
        )

    # ------------------------------------------------------------------ backups
    def _keep_changed(self, value: int) -> None:
        try:
            self.ctx.db.set_setting(backups.KEEP_SETTING, str(value))
        except Exception as exc:
            show_error(self, exc)

    def back_up_now(self) -> None:
        def work(_progress: Progress) -> Path:
            return backups.backup_now(self.ctx.db)

        def done(_path: object) -> None:
            self.reload_backups()

        self.ctx.tasks.run(
            work,
            on_done=done,
            on_error=self._backup_failed,
            label=self.tr("Writing a backup…"),
            parent=self,
        )

    def _backup_failed(self, exc: BaseException) -> None:
        """A bound method, so the task runner drops the answer once this screen is gone."""
        self.inform_backup_failed(exc)

    def _selected_backup(self) -> Path | None:
        table = self.ui.backupsTable
        rows = table.selectionModel().selectedRows() if table.selectionModel() else []
        if not rows:
            return None
        proxy = table.model()
        return self.backups.record(proxy.mapToSource(rows[0]).row()).path

    def _restore_selected(self) -> None:
        path = self._selected_backup()
        if path is not None:
            self.restore_from(path)

    def _restore_from_file(self) -> None:
        path = self.choose_backup_file()
        if path is not None:
            self.restore_from(path)

    def restore_from(self, source: Path) -> bool:
        """Verify, confirm, keep a safety copy, replace, lock. True when restored."""
        db = self.ctx.db
        key = db.key.copy()
        passphrase: str | None = None
        try:
            if source.resolve() == db.path.resolve():
                raise StorageError(_tr("That file is the database itself; choose a backup file."))
            try:
                comparison = backups.compare_for_restore(db, source)
            except WrongPassphraseError:
                passphrase = self.ask_passphrase(source)
                if not passphrase:
                    return False
                comparison = backups.compare_for_restore(db, source, passphrase=passphrase)
            if not self.confirm_restore(source, comparison):
                return False
            window = self.window()
            lock = getattr(window, "lock", None)
            if window is not self and callable(lock):
                # The main window saves or asks about unsaved edits, drops every screen
                # (this one too) and closes the database; then we replace the file.
                db_path = db.path
                if not lock():
                    return False
                result = backups.restore(db_path, source, key=key, passphrase=passphrase)
            else:
                result = backups.restore(db.path, source, key=key, passphrase=passphrase, live=db)
        except Exception as exc:
            show_error(self, exc)
            return False
        finally:
            key.wipe()
        self.restored.emit(str(result.safety_copy or ""))
        return True

    # ------------------------------------------------------------------ dialogs
    def _confirm_restore_dialog(self, source: Path, comparison: backups.RestoreComparison) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Restore backup"),
            self.restore_question(source, comparison),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("restoreConfirm")
        box.setTextFormat(Qt.TextFormat.RichText)
        label = box.findChild(QLabel, "qt_msgbox_label")
        if label is not None:  # room for the three columns without wrapping dates
            label.setMinimumWidth(label.fontMetrics().averageCharWidth() * 62)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Replace the database"))
        return box.exec() == QMessageBox.StandardButton.Yes

    def restore_question(self, source: Path, comparison: backups.RestoreComparison) -> str:
        """The restore question as rich text: the backup's date, counts and schema revision
        beside the current database's, and a warning when the backup has fewer people."""
        from html import escape as html_escape

        from wir_manager.services.localefmt import format_datetime, format_number

        b, c = comparison.backup, comparison.current
        rows = [
            (_tr("Last written"), format_datetime(b.written), format_datetime(c.written)),
            *(
                (
                    _tr(COMPARED_COUNTS.get(label, label)),
                    format_number(b.counts.get(label, 0)),
                    format_number(c.counts.get(label, 0)),
                )
                for label in COMPARED_COUNTS
            ),
            (_tr("Schema revision"), b.revision or "–", c.revision or "–"),
        ]
        cells = "".join(
            f"<tr><td>{html_escape(h)}</td><td align='right'><b>{html_escape(x)}</b></td>"
            f"<td align='right'>{html_escape(y)}</td></tr>"
            for h, x, y in rows
        )
        table = (
            "<table cellspacing='0' cellpadding='3'>"
            f"<tr><th></th><th align='right'>{html_escape(_tr('This backup'))}</th>"
            f"<th align='right'>{html_escape(_tr('Current database'))}</th></tr>{cells}</table>"
        )
        parts = [
            "<p>"
            + html_escape(_tr("Replace the current database with {name}?").format(name=source.name))
            + "</p>",
            table,
        ]
        fewer = comparison.fewer_candidates
        if fewer:
            parts.append(
                "<p><b>"
                + html_escape(
                    self.tr(
                        "The backup has %Ln fewer candidate(s) than the current database.",
                        None,
                        fewer,
                    )
                )
                + "</b></p>"
            )
        parts.append(
            "<p>"
            + html_escape(
                _tr(
                    "The current data is kept as a safety copy in the backups folder, and WiR "
                    "Manager locks afterwards: unlock with the passphrase the backup was made with."
                )
            )
            + "</p>"
        )
        return "".join(parts)

    def _passphrase_dialog(self, source: Path) -> str | None:
        text, ok = QInputDialog.getText(
            self,
            self.tr("Backup passphrase"),
            self.tr("{name} was made with another passphrase. Enter the passphrase it had:").format(
                name=source.name
            ),
            QLineEdit.EchoMode.Password,
        )
        return text if ok and text else None

    def _file_dialog(self) -> Path | None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a backup"),
            str(backup_dir(self.ctx.db.path)),
            self.tr("WiR Manager databases (*.db);;All files (*)"),
        )
        return Path(name) if name else None

    def release(self) -> None:
        """Drop the records before the database locks."""
        for model in (self.audit, self.retention, self.backups):
            model.set_records([])
        self.subject.release()


__all__ = ["PrivacyView"]
