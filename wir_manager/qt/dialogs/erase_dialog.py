"""Erasing a person for good, with a typed confirmation.

The user must type the candidate's Wikimedia username: a click alone is too easy for
something that cannot be undone. Other screens call :func:`confirm_and_erase`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QStyle, QWidget

from wir_manager.qt.context import AppContext
from wir_manager.qt.errors import show_error
from wir_manager.qt.forms.ui_erase_dialog import Ui_EraseDialog
from wir_manager.services.progress import Progress

if TYPE_CHECKING:
    from wir_manager.services import privacy


class EraseDialog(QDialog):
    """Enables "Erase" only when the typed text equals ``expected`` exactly."""

    def __init__(self, expected: str, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_EraseDialog()
        self.ui.setupUi(self)
        self.expected = expected
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.ui.iconLabel.setPixmap(warning.pixmap(36, 36))
        self.ui.iconLabel.setFixedWidth(44)
        self.ui.headingLabel.setText(what)
        font = self.ui.headingLabel.font()
        font.setBold(True)
        self.ui.headingLabel.setFont(font)
        self.ui.promptLabel.setText(self.tr("Type {text} to confirm:").format(text=f"“{expected}”"))
        self.ok_button = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Erase for good"))
        self.ok_button.setEnabled(False)
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.usernameEdit.textChanged.connect(self._check)
        self.ui.usernameEdit.setFocus()

    def _check(self, text: str) -> None:
        self.ok_button.setEnabled(text.strip() == self.expected)

    def accept(self) -> None:
        if self.ui.usernameEdit.text().strip() == self.expected:
            super().accept()


def ask_typed_confirmation(parent: QWidget | None, expected: str, what: str) -> bool:
    dialog = EraseDialog(expected, what, parent)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()


def confirm_and_erase(
    ctx: AppContext,
    parent: QWidget | None,
    candidate_id: int,
    *,
    ask: Callable[[QWidget | None, str, str], bool] = ask_typed_confirmation,
) -> bool:
    """Ask for the username, then erase the candidate (with compaction) off the GUI
    thread. Returns True when the person was erased; errors are shown, never raised."""
    from wir_manager.services import privacy  # not needed until someone erases

    try:
        username = privacy.username_of(ctx.db, candidate_id)
    except Exception as exc:  # shown to the user, never raised into the caller
        show_error(parent, exc)
        return False
    if not ask(parent, username, _heading(username)):
        return False
    outcome: dict[str, object] = {}
    loop = QEventLoop()

    def work(progress: Progress) -> privacy.ErasureResult:
        return privacy.erase_candidates(ctx.db, [candidate_id], progress=progress)

    def done(result: object) -> None:
        outcome["result"] = result
        loop.quit()

    def failed(exc: BaseException) -> None:
        outcome["error"] = exc
        loop.quit()

    ctx.tasks.run(
        work,
        on_done=done,
        on_error=failed,
        on_cancel=loop.quit,
        label=_tr("Erasing and compacting the database…"),
        parent=parent,
    )
    if not outcome:
        loop.exec()
    if "error" in outcome:
        show_error(parent, outcome["error"])  # type: ignore[arg-type]
        return False
    result = outcome.get("result")
    if not isinstance(result, privacy.ErasureResult):
        return False  # cancelled
    tell_if_compaction_pending(parent, result)
    return True


def tell_if_compaction_pending(
    parent: QWidget | None, result: privacy.ErasureResult
) -> QMessageBox | None:
    """When the erasure is committed but the file could not be compacted (a nearly full
    disk), say so in one sentence: the person IS erased (saying "not saved" would be
    false), and the compaction is retried at the next unlock. Returns the note shown."""
    if not result.compaction_pending:
        return None
    from wir_manager.services import privacy

    box = QMessageBox(
        QMessageBox.Icon.Information,
        _tr("Erased"),
        privacy.pending_compaction_message(),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("compactionPendingNote")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    # Without a parent nothing in Qt owns the box: keep it until it is answered.
    _open_notes.add(box)
    box.finished.connect(lambda _code: _open_notes.discard(box))
    box.open()  # not exec(): the screen behind keeps refreshing meanwhile
    return box


_open_notes: set[QMessageBox] = set()


def _tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("EraseDialog", text)


def _heading(username: str) -> str:
    return _tr("Erase {username} and everything about them?").format(username=username)
