"""Error dialogs that say what happened and what to do, never a traceback.

Expected problems (storage, validation, import) carry a plain sentence and are shown as
they are. Anything else is logged with its stack (without its message, which may hold
personal data) and the user is told where the log is.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from wir_manager import logsetup
from wir_manager.services.progress import Cancelled
from wir_manager.storage.errors import StorageError

# What a write reports in its one sentence and survives: bad input (ValueError, the
# services' own errors) and the storage's refusals (a viewer's write refused by the
# server, a lost connection, a full disk). Anything else is a bug for the crash handler.
EXPECTED_ERRORS: tuple[type[Exception], ...] = (ValueError, StorageError)


def _tr(text: str) -> str:
    return QCoreApplication.translate("errors", text)


def user_message(exc: BaseException) -> tuple[str, bool]:
    """(message, expected) for an exception; expected errors are not logged."""
    if isinstance(exc, StorageError | ValueError | Cancelled):
        return str(exc) or _tr("The operation could not be completed."), True
    expected = getattr(exc, "user_message", None)
    if expected:
        return str(expected), True
    path = logsetup.log_crash(type(exc), exc, exc.__traceback__)
    return (
        _tr(
            "Something unexpected went wrong ({kind}). Your data is unchanged. "
            "Details for support are in {path}."
        ).format(kind=type(exc).__name__, path=path),
        False,
    )


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    message, expected = user_message(exc)
    box = QMessageBox(
        QMessageBox.Icon.Warning if expected else QMessageBox.Icon.Critical,
        title or _tr("WiR Manager"),
        message,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("errorDialog")
    box.exec()
