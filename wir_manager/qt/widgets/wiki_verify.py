"""The Candidates screen's connection to the wikis: "Verify on the wikis", the
verified/not verified/username not found filter, and the evidence panel in the editor.

Kept apart from the screen and the editor (one line each hooks it in) so their other
work does not collide with it. The view holds no rules: the service verifies, stores and
says what happened; this module only runs it as a background task (TaskRunner: progress
dialog with Cancel) and shows the result.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

# Only the status names at import time: this module is loaded while the window is
# built, before SQLAlchemy and the HTTP client may be (tests/test_startup.py).
from wir_manager.services.wiki.status import VerifyStatus

if TYPE_CHECKING:
    from wir_manager.qt.views.candidates import CandidatesView
    from wir_manager.services.wiki.verify import Snapshot, VerifyReport


def _n(value: int | None) -> str:
    from wir_manager.services.localefmt import format_number

    return "—" if value is None else format_number(value)


class WikiEvidencePanel(QWidget):
    """Self-reported experience beside what the wikis said, with a warning when the
    username does not exist or is blocked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wikiEvidencePanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.selfLabel = QLabel(self)
        self.selfLabel.setObjectName("wikiSelfReported")
        self.verifiedLabel = QLabel(self)
        self.verifiedLabel.setObjectName("wikiVerified")
        self.warningLabel = QLabel(self)
        self.warningLabel.setObjectName("wikiWarning")
        self.warningLabel.setStyleSheet("color: #b3261e; font-weight: 600;")
        for label in (self.selfLabel, self.verifiedLabel, self.warningLabel):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)
        self.show_snapshot(None, "", None, None)

    def show_snapshot(
        self,
        snapshot: Snapshot | None,
        username: str,
        edits: int | None,
        since: int | None,
    ) -> None:
        from wir_manager.services.localefmt import format_date

        reported = self.tr("Self-reported: {edits} edits, on Wikimedia since {since}.").format(
            edits=_n(edits), since="—" if since is None else since
        )
        self.selfLabel.setText(reported)
        warning = ""
        if snapshot is None:
            text = self.tr("Not verified on the wikis yet.")
        elif snapshot.username != username.strip():
            text = self.tr("Verified on {day} for the username “{old}”; verify again.").format(
                day=format_date(snapshot.verified_on), old=snapshot.username
            )
        elif not snapshot.exists:
            text = self.tr("Verified on {day}.").format(day=format_date(snapshot.verified_on))
            warning = self.tr("The username “{name}” does not exist on the wikis.").format(
                name=username
            )
        else:
            registered = (
                format_date(snapshot.registration) if snapshot.registration else self.tr("unknown")
            )
            text = self.tr(
                "Verified on {day}: {edits} edits ({wikipedia} on Wikipedia, {wikidata} on "
                "Wikidata, {commons} on Commons, {uploads} uploads), registered {registered}."
            ).format(
                day=format_date(snapshot.verified_on),
                edits=_n(snapshot.global_edit_count),
                wikipedia=_n(snapshot.wikipedia_edits),
                wikidata=_n(snapshot.wikidata_edits),
                commons=_n(snapshot.commons_edits),
                uploads=_n(snapshot.commons_uploads),
                registered=registered,
            )
            if snapshot.locked:
                warning = self.tr("The account is locked on all wikis.")
            elif snapshot.blocked:
                warning = self.tr("The account is blocked on: {wikis}.").format(
                    wikis=", ".join(snapshot.blocked_on)
                )
        self.verifiedLabel.setText(text)
        self.warningLabel.setText(("⚠ " + warning) if warning else "")
        self.warningLabel.setVisible(bool(warning))


class WikiVerify(QObject):
    """Adds the button, the menu entry, the filter and the panel to a CandidatesView."""

    def __init__(self, view: CandidatesView) -> None:
        super().__init__(view)
        self.view = view
        self.panel: WikiEvidencePanel | None = None
        self.last_report: VerifyReport | None = None
        self.handle = None
        # The contact prompt and the result message (tests answer them without a dialog).
        self.ask_contact = self._ask_contact
        self.tell = self._tell
        ui = view.ui
        self.button = QPushButton(self.tr("Verify on the wikis"), view)
        self.button.setObjectName("wikiVerifyButton")
        self.button.setToolTip(
            self.tr(
                "Fetch public account facts (edits, registration, blocks) for the selected "
                "candidates, or for everybody with a username when none is selected"
            )
        )
        self.button.clicked.connect(self.verify)
        # Verifying stores each person's snapshot: a login that may not (a viewer) finds
        # the button disabled with the reason. Only a run of its own enables it again.
        view.enable_writes("wiki_snapshots", [self.button])
        ui.toolbarLayout.insertWidget(ui.toolbarLayout.indexOf(ui.deleteButton) + 1, self.button)
        self.filter = QComboBox(view)
        self.filter.setObjectName("wikiFilter")
        self.filter.addItem(self.tr("Wikis: any"), None)
        self.filter.addItem(self.tr("Verified"), VerifyStatus.VERIFIED)
        self.filter.addItem(self.tr("Not verified"), VerifyStatus.NOT_VERIFIED)
        self.filter.addItem(self.tr("Username not found"), VerifyStatus.NOT_FOUND)
        self.filter.setToolTip(self.tr("Show candidates by what the wikis said"))
        row = view.filters.second_row
        row.insertWidget(row.indexOf(view.filters.trainingFilter) + 1, self.filter)
        self.filter.currentIndexChanged.connect(view.apply_filter)

    @property
    def status(self) -> str | None:
        return self.filter.currentData()

    def clear(self) -> None:
        self.filter.setCurrentIndex(0)

    def ids_with(self, status: str) -> set[int]:
        """Candidate ids in ``status`` (the filter's id set; the service decides)."""
        from wir_manager.services.wiki.verify import verify_statuses

        statuses = verify_statuses(self.view.ctx.db)
        if status == VerifyStatus.NOT_VERIFIED:
            return set(self.view.model.candidate_index.position) - set(statuses)
        return {cid for cid, s in statuses.items() if s == status}

    # ------------------------------------------------------------------ editor panel
    def attach_panel(self) -> None:
        """Put the panel under "Edits" in the editor's profile form."""
        editor = self.view.editor
        form: QFormLayout = editor.ui.profileForm
        row, _role = form.getWidgetPosition(editor.ui.editCountEdit)
        self.panel = WikiEvidencePanel(editor)
        label = QLabel(self.tr("On the wikis"), editor)
        label.setObjectName("wikiEvidenceLabel")
        form.insertRow(row + 1, label, self.panel)

    def show(
        self, candidate_id: int | None, username: str, edits: int | None, since: int | None
    ) -> None:
        from wir_manager.services.wiki.verify import snapshot_of

        if self.panel is None:
            self.attach_panel()
        assert self.panel is not None
        snap = snapshot_of(self.view.ctx.db, candidate_id) if candidate_id is not None else None
        self.panel.show_snapshot(snap, username, edits, since)

    # ------------------------------------------------------------------ verify
    def _ask_contact(self) -> str | None:
        text, ok = QInputDialog.getText(
            self.view,
            self.tr("Contact for the wikis"),
            self.tr(
                "The wikis ask every tool to say who runs it. Give the programme's contact "
                "(an e-mail address or web page); it is sent with each request:"
            ),
            QLineEdit.EchoMode.Normal,
        )
        return text if ok and text.strip() else None

    def _tell(self, title: str, text: str) -> None:
        QMessageBox.information(self.view, title, text)

    def verify(self) -> bool:
        """Verify the selected candidates (everybody with a username when none is
        selected) in the background, with a progress dialog and Cancel."""
        from wir_manager.services.wiki import verify as svc

        view = self.view
        if view.has_unsaved_changes() and not view.confirm_leave():
            return False
        db = view.ctx.db
        settings = svc.wiki_settings(db)
        if not settings.contact:
            contact = self.ask_contact()
            if contact is None:
                return False
            try:
                settings = svc.save_wiki_settings(db, contact=contact)
            except ValueError as exc:
                view.report_error(view, exc)
                return False
        ids = view.selected_ids() or None
        self.button.setEnabled(False)

        def work(progress):  # type: ignore[no-untyped-def]
            return svc.verify_candidates(db, ids, settings=settings, progress=progress)

        self.handle = view.ctx.tasks.run(
            work,
            on_done=self._done,
            on_error=self._failed,
            on_cancel=lambda: self.button.setEnabled(True),
            label=self.tr("Verifying usernames on the wikis…"),
            parent=view,
        )
        return True

    def _failed(self, exc: BaseException) -> None:
        self.button.setEnabled(True)
        self.view.report_error(self.view, exc)

    def _done(self, report: VerifyReport) -> None:
        self.button.setEnabled(True)
        self.last_report = report
        view = self.view
        if view.ctx.db.closed:
            return
        if report.stored:
            view.changed.emit()
            view.reload()
            cid = view.editor.candidate_id
            if cid is not None and not view.editor.is_dirty():
                view.show_candidate(cid)
        self.tell(self.tr("Verify on the wikis"), report.summary())
