""" "Generate dossier…": ask who receives it and where to save, build it off the GUI
thread with progress and Cancel, then open the PDF.

The Shortlists screen and the main window call :func:`generate_dossier_interactively`.
The questions go through ``ask`` and the final "open" through ``open_file`` so tests
can answer and observe them without real file dialogs or a PDF viewer.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from wir_manager.qt import settings as opts
from wir_manager.qt.context import AppContext
from wir_manager.qt.errors import show_error
from wir_manager.qt.tasks import TaskHandle
from wir_manager.qt.widgets import write_access
from wir_manager.services.candidate_records import CandidateData
from wir_manager.services.candidates import load_data
from wir_manager.services.dossier import DossierResult, generate_dossier
from wir_manager.services.dossier.content import load_request
from wir_manager.services.progress import Progress

Asker = Callable[[QWidget | None, str, str], tuple[str, Path] | None]


def _tr(text: str) -> str:
    return QCoreApplication.translate("DossierAction", text)


def ask_recipient_and_file(
    parent: QWidget | None, default_recipient: str, default_path: str
) -> tuple[str, Path] | None:
    """Two standard questions: the recipient (printed on every page) and the file."""
    recipient, ok = QInputDialog.getText(
        parent,
        _tr("Generate dossier"),
        _tr("Who receives this dossier? (printed on every page and kept in the disclosure log)"),
        QLineEdit.EchoMode.Normal,
        default_recipient,
    )
    if not ok or not recipient.strip():
        return None
    path, _filter = QFileDialog.getSaveFileName(
        parent, _tr("Save dossier as"), default_path, _tr("PDF documents (*.pdf)")
    )
    if not path:
        return None
    chosen = Path(path)
    if chosen.suffix.lower() != ".pdf":
        chosen = chosen.with_suffix(".pdf")
    return recipient.strip(), chosen


def person_label(data: CandidateData) -> str:
    """ "Name (username)", or whichever of the two there is."""
    name, user = data.full_name.strip(), data.username.strip()
    if name and user:
        return f"{name} ({user})"
    return name or user


def left_out_line(candidate_id: int, reason: str, names: dict[int, str]) -> str:
    """One line of the "left out" box: the person's name; their number only when the
    record is gone (nothing else is left to call them by)."""
    name = names.get(candidate_id)
    if name:
        return _tr("• {name}: {reason}").format(name=name, reason=reason)
    return _tr("• Candidate {id}: {reason}").format(id=candidate_id, reason=reason)


def open_in_viewer(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def generate_dossier_interactively(
    ctx: AppContext,
    parent: QWidget | None,
    request_id: int,
    *,
    ask: Asker = ask_recipient_and_file,
    open_file: Callable[[Path], None] = open_in_viewer,
    on_finished: Callable[[DossierResult | None], None] | None = None,
    inform: Callable[[QWidget | None, str, str], object] = QMessageBox.information,
) -> TaskHandle | None:
    """Ask, generate in the background, report who was left out, open the PDF.

    Returns the running task (None when the user cancelled a question, the request
    is gone, or the login may not log a disclosure — then ``inform`` says why, before any
    question). ``on_finished`` gets the result, or None after Cancel or an error.
    """
    # Every dossier is logged as a disclosure (and moves the people on it to "sent"):
    # a login that may not write that log is told so before the questions, not after.
    refused = write_access.refusal(ctx.db, "disclosures", "INSERT")
    if refused is not None:
        inform(parent, _tr("Generate dossier"), refused)
        return None
    try:
        request = load_request(ctx.db, request_id)
    except Exception as exc:
        show_error(parent, exc)
        return None
    folder = str(
        opts.DOSSIER_FOLDER.get(ctx.settings)
        or QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    )
    default_name = f"dossier-{request.acronym or 'request'}-{request_id}.pdf".replace(" ", "-")
    answer = ask(parent, request.recipient_default, str(Path(folder) / default_name))
    if answer is None:
        return None
    recipient, path = answer
    opts.DOSSIER_FOLDER.set(ctx.settings, str(path.parent))

    names: dict[int, str] = {}

    def work(progress: Progress) -> DossierResult:
        result = generate_dossier(ctx.db, request_id, path, recipient=recipient, progress=progress)
        # People are named, not numbered, in what the coordinator reads (#16.8).
        left_out = load_data(ctx.db, [e.candidate_id for e in result.excluded])
        names.update({cid: person_label(data) for cid, data in left_out.items()})
        return result

    def done(result: DossierResult) -> None:
        if result.excluded:
            lines = "\n".join(
                left_out_line(e.candidate_id, e.reason, names) for e in result.excluded
            )
            inform(
                parent,
                _tr("Dossier generated"),
                _tr("Some shortlisted candidates were left out:\n{lines}").format(lines=lines),
            )
        open_file(result.path)
        if on_finished is not None:
            on_finished(result)

    def failed(exc: BaseException) -> None:
        show_error(parent, exc)
        if on_finished is not None:
            on_finished(None)

    def cancelled() -> None:
        if on_finished is not None:
            on_finished(None)

    return ctx.tasks.run(
        work,
        on_done=done,
        on_error=failed,
        on_cancel=cancelled,
        label=_tr("Generating the dossier…"),
        parent=parent,
    )
