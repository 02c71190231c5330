"""Auto-lock: notice when nobody has touched the app for a while.

An application-wide event filter restarts a single-shot timer on every keyboard or mouse
event; when the timer runs out, :attr:`IdleWatcher.idle` fires and the main window locks
the database (which wipes the key from memory).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self.set_minutes(minutes)
        self._watching = False

    def watch(self) -> None:
        """Start noticing activity (idempotent). The main window calls this at its first
        frame: an application-wide filter sends every Qt event through Python, and the
        thousands of events of building the window are nobody's activity."""
        app = QApplication.instance()
        if app is not None and not self._watching:
            app.installEventFilter(self)
            self._watching = True

    @property
    def minutes(self) -> int:
        return self._minutes

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def set_minutes(self, minutes: int) -> None:
        """0 turns auto-lock off."""
        self._minutes = max(0, int(minutes))
        self.set_interval_ms(self._minutes * 60_000)

    def set_interval_ms(self, msecs: int) -> None:
        """Exact interval (tests use a few milliseconds)."""
        self._timer.stop()
        self._enabled = msecs > 0
        if self._enabled:
            self._timer.setInterval(msecs)
            self._timer.start()

    def restart(self) -> None:
        """Start counting again (after an unlock); no-op when auto-lock is off."""
        if self._enabled:
            self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self._timer.isActive():
            self._timer.start()
        return False

    def detach(self) -> None:
        app = QApplication.instance()
        if app is not None and self._watching:
            app.removeEventFilter(self)
            self._watching = False
        self._timer.stop()
