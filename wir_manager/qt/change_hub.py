"""The desktop app's one place where screens learn that stored data changed.

Every committed write is announced on the open database's change feed
(:mod:`wir_manager.storage.changes`), whichever screen, dialog, background task or — once
a shared server exists — other person made it. The hub listens there and re-emits each
:class:`Changes` as :attr:`ChangeHub.changed` on the GUI thread; each screen connects to
it and refreshes only what it shows of the kinds that changed (see ``on_changes`` of the
screens). Nothing reloads because a screen was shown.

:meth:`ChangeHub.publish` is the entry point for anything else that learns of a change
(for example a PostgreSQL ``LISTEN`` thread): it may be called from any thread, the
signal is queued to the GUI thread. Changes arriving in one event-loop turn are merged
into one delivery, so a burst of writes costs one refresh per screen.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal

from wir_manager.storage.changes import Changes
from wir_manager.storage.database import Database


class ChangeHub(QObject):
    """Re-emits a database's changes on the GUI thread (``changed``)."""

    # Merged changes, delivered on the GUI thread.
    changed = Signal(object)
    _arrived = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._pending: Changes | None = None
        self._unsubscribe: Callable[[], None] | None = None
        # Queued even when published on the GUI thread itself: a screen's own write then
        # finishes (and its status message shows) before the screens refresh.
        self._arrived.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def watch(self, db: Database | None) -> None:
        """Listen to ``db``'s change feed (and stop listening to the previous one)."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        with self._lock:
            self._pending = None
        feed = getattr(db, "changes", None)
        if feed is not None:
            self._unsubscribe = feed.subscribe(self.publish)

    def publish(self, changes: Changes) -> None:
        """Announce ``changes`` to every screen; safe from any thread."""
        if not changes:
            return
        with self._lock:
            first = self._pending is None
            self._pending = changes if self._pending is None else self._pending | changes
        if first:
            self._arrived.emit()

    def _deliver(self) -> None:
        with self._lock:
            changes, self._pending = self._pending, None
        if changes:
            self.changed.emit(changes)
