"""Long work off the GUI thread, with progress and Cancel (after Anki's background ops).

A task is a plain callable ``fn(progress) -> result`` from the core. It runs on Qt's
thread pool; its progress reports and its result hop back to the GUI thread through
queued signals, so callbacks may touch widgets. Cancel sets a flag the core polls
through :class:`~wir_manager.services.progress.Progress`, which raises ``Cancelled``
inside the task so its transaction rolls back.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
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
        # The last task started for each ``newest_of`` key, until that task has answered.
        self._newest: dict[Hashable, TaskHandle] = {}

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
        newest_of: Hashable | None = None,
    ) -> TaskHandle:
        """Run ``fn`` in the pool. With ``label``, a window-modal progress dialog with
        Cancel shows while it runs; without, the task runs silently (quick re-ranking …).

        ``newest_of`` is for reads where only the latest question counts (the ranking for
        the sliders as they are now, the grid as it is now). Tasks run side by side on the
        pool, so an older read can answer after a newer one. Tasks started with the same
        key form a group; a task that answers after a newer one of its group was started
        is dropped: none of its callbacks run, and its error is not shown either, since it
        would report the failure of a read already replaced while the newer one is on its
        way. :meth:`supersede` drops a group's answers without starting a new task.

        The overtaken task is not cancelled but runs to its end: Cancel only asks it to
        stop at its next progress report (a read may report none), so its answer could
        still arrive and must be dropped anyway, and a cancelled task rolls its
        transaction back, which a task in a group that also writes must not do.
        """
        handle = TaskHandle(self)
        self._running.add(handle)
        if newest_of is not None:
            self._newest[newest_of] = handle
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

        def overtaken() -> bool:
            if newest_of is None:
                return False
            if self._newest.get(newest_of) is not handle:
                return True
            del self._newest[newest_of]
            return False

        def done(result: object) -> None:
            finish()
            if overtaken():
                return
            if on_done is not None and _receiver_alive(on_done):
                on_done(result)

        def failed(exc: BaseException) -> None:
            finish()
            if overtaken():
                return
            if on_error is not None:
                if _receiver_alive(on_error):
                    on_error(exc)
            else:
                from wir_manager.qt.errors import show_error

                show_error(parent, exc)

        def cancelled() -> None:
            finish()
            if overtaken():
                return
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

    def supersede(self, newest_of: Hashable) -> None:
        """Drop the answers of every task started with ``newest_of`` so far, as if a newer
        one had been started: for a screen that cleared what those reads would fill (another
        request chosen, nothing ticked any more) and so has no new question to ask."""
        self._newest.pop(newest_of, None)

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the pool is idle (used on close and in tests); held tasks are
        started first, since waiting for them would otherwise wait forever."""
        self.release()
        return self._pool.waitForDone(msecs)
