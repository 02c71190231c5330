"""Long work off the GUI thread, with progress and Cancel (after Anki's background ops).

A task is a plain callable ``fn(progress) -> result`` from the core. It runs on Qt's
thread pool; its progress reports and its result hop back to the GUI thread through
queued signals, so callbacks may touch widgets. Cancel sets a flag the core polls
through :class:`~wir_manager.services.progress.Progress`, which raises ``Cancelled``
inside the task so its transaction rolls back.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget
from shiboken6 import isValid

from wir_manager.services.progress import Cancelled, Progress


def _receiver_alive(callback: Callable[..., object]) -> bool:
    """False when ``callback`` is a method of a widget Qt has already deleted.

    A screen can be rebuilt (the demo refilled, a server reconnected) while one of its
    background reads is still running; the read's answer then belongs to nobody.
    """
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or isValid(owner)


class _Signals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class _Job(QRunnable):
    def __init__(
        self, fn: Callable[[Progress], Any], signals: _Signals, flag: threading.Event
    ) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._signals = signals
        self._flag = flag

    def run(self) -> None:
        progress = Progress(
            callback=lambda done, total, msg: self._signals.progress.emit(done, total, msg),
            cancelled=self._flag.is_set,
        )
        try:
            try:
                result = self._fn(progress)
            except Cancelled:
                self._signals.cancelled.emit()
            except BaseException as exc:
                self._signals.failed.emit(exc)
            else:
                self._signals.finished.emit(result)
        except RuntimeError:
            # The application quit while this ran and took the receiver with it (a
            # background backup finishing after the window closed): nobody to tell.
            pass


class TaskHandle(QObject):
    """One running task; ``cancel()`` asks it to stop at its next progress report."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.flag = threading.Event()
        self.signals = _Signals()
        self.dialog: QProgressDialog | None = None
        self.done = False

    def cancel(self) -> None:
        self.flag.set()


class TaskRunner(QObject):
    """Starts tasks and keeps them alive until they finish.

    While *held* (:meth:`hold`), new tasks wait and start together at :meth:`release`.
    The application holds tasks while its main window is built and painted for the first
    time: Python threads share one interpreter lock, and a worker importing SQLAlchemy
    beside the GUI thread made that first frame ten times slower.
    """

    # Emitted when the last running (or held) task has finished: a dialog that must be
    # the database's only user (changing the passphrase) waits for it.
    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool.globalInstance()
        self._running: set[TaskHandle] = set()
        self._held: list[_Job] | None = None
        self._on_release: list[Callable[[], object]] = []

    def hold(self) -> None:
        if self._held is None:
            self._held = []

    def release(self) -> None:
        """Start every task that waited, then run the deferred GUI work (idempotent)."""
        held, self._held = self._held, None
        for job in held or ():
            self._pool.start(job)
        deferred, self._on_release = self._on_release, []
        for fn in deferred:
            fn()

    def when_released(self, fn: Callable[[], object]) -> None:
        """Run ``fn`` on the GUI thread at :meth:`release`, or now when nothing is held:
        for parts of a screen nobody can see or use before the first frame is out."""
        if self._held is None:
            fn()
        else:
            self._on_release.append(fn)

    @property
    def held(self) -> bool:
        return self._held is not None

    def run(
        self,
        fn: Callable[[Progress], Any],
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_cancel: Callable[[], None] | None = None,
        label: str | None = None,
        parent: QWidget | None = None,
    ) -> TaskHandle:
        """Run ``fn`` in the pool. With ``label``, a window-modal progress dialog with
        Cancel shows while it runs; without, the task runs silently (quick re-ranking …)."""
        handle = TaskHandle(self)
        self._running.add(handle)
        if label is not None:
            dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, parent)
            dialog.setWindowTitle(self.tr("Working…"))
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(300)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.canceled.connect(handle.cancel)
            handle.dialog = dialog

            def show_progress(done: int, total: int, message: str) -> None:
                if total > 0:
                    dialog.setMaximum(total)
                    dialog.setValue(min(done, total))
                if message:
                    dialog.setLabelText(f"{label}\n{message}")

            handle.signals.progress.connect(show_progress)

        def finish() -> None:
            handle.done = True
            if handle.dialog is not None:
                handle.dialog.close()
                handle.dialog.deleteLater()
            self._running.discard(handle)
            if not self._running:
                self.idle.emit()

        def done(result: object) -> None:
            finish()
            if on_done is not None and _receiver_alive(on_done):
                on_done(result)

        def failed(exc: BaseException) -> None:
            finish()
            if on_error is not None:
                if _receiver_alive(on_error):
                    on_error(exc)
            else:
                from wir_manager.qt.errors import show_error

                show_error(parent, exc)

        def cancelled() -> None:
            finish()
            if on_cancel is not None and _receiver_alive(on_cancel):
                on_cancel()

        handle.signals.finished.connect(done)
        handle.signals.failed.connect(failed)
        handle.signals.cancelled.connect(cancelled)
        job = _Job(fn, handle.signals, handle.flag)
        if self._held is not None:
            self._held.append(job)
        else:
            self._pool.start(job)
        return handle

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the pool is idle (used on close and in tests); held tasks are
        started first, since waiting for them would otherwise wait forever."""
        self.release()
        return self._pool.waitForDone(msecs)
