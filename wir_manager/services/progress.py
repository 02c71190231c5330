"""Progress and cancellation for long work, without any Qt.

The GUI passes a reporter whose callback emits a signal and whose ``cancelled`` reads a
flag set by the Cancel button; the CLI passes one that prints, or none.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


class Cancelled(Exception):
    """Raised inside long work when the user pressed Cancel; the transaction rolls back."""


@dataclass
class Progress:
    callback: Callable[[int, int, str], None] | None = None
    cancelled: Callable[[], bool] = field(default=lambda: False)

    def report(self, done: int, total: int, message: str = "") -> None:
        """Tell the caller how far we are, and stop here if they asked us to."""
        if self.cancelled():
            raise Cancelled()
        if self.callback is not None:
            self.callback(done, total, message)


NO_PROGRESS = Progress()
