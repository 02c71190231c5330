"""The contract of a sidebar screen, and what the main window may ask of one.

Every sidebar screen derives from :class:`SidebarScreen`, which gives it the one
unsaved-changes question (:meth:`SidebarScreen.confirm_leave`, answered with a
:class:`~wir_manager.qt.widgets.confirm.LeaveAnswer`) and connects it to the change hub
(:meth:`SidebarScreen.on_changes`). The main window still calls the optional methods
through :func:`call`, so a placeholder (or a screen of a build without that module) works:

``new_item()``                Ctrl+N on this screen
``save()``                    Ctrl+S
``focus_search()``            Ctrl+F
``delete_selected()``         Del (the screen asks for confirmation itself)
``write_refusal(method)``     -> why this login may not do ``method`` (one of the three
                              above that write), or None; the window then only says it
``has_unsaved_changes()``     -> bool; the window asks before locking or quitting
``confirm_leave()``           -> bool; ask "save / discard / cancel", False = stay here
``release()``                 drop models and cached records before the database locks
``save_layout()``             store splitter / header state (called on lock and quit)
``changed`` (Signal)          emitted after saves so the status bar counts refresh
``on_changes(changes)``       stored data changed (anywhere): refresh what is affected
``go_to`` (Signal)            (key, what): show screen ``key``, then its ``show_what(what)``
``show_what(what)``           bring forward what another screen pointed at
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from wir_manager.qt import theme
from wir_manager.qt.widgets import write_access
from wir_manager.qt.widgets.confirm import AskStale, LeaveAnswer, ask_save_discard_cancel, ask_stale

if TYPE_CHECKING:
    from wir_manager.qt.context import AppContext
    from wir_manager.qt.widgets.write_access import Control
    from wir_manager.storage.changes import Changes


def call(screen: QWidget | None, method: str, *args: Any, default: Any = None) -> Any:
    """Call ``screen.method(*args)`` when the screen has it, else return ``default``."""
    fn: Callable[..., Any] | None = getattr(screen, method, None) if screen else None
    return fn(*args) if callable(fn) else default


def supports(screen: QWidget | None, method: str) -> bool:
    return screen is not None and callable(getattr(screen, method, None))


class SidebarScreen(QWidget):
    """Base of the sidebar screens.

    A screen says whether it holds unsaved edits (:meth:`has_unsaved_changes`), how to
    store and drop them (:meth:`save`, :meth:`discard_changes`) and what to call them
    (:attr:`UNSAVED_TEXT`); :meth:`confirm_leave` asks the question and acts on the
    answer the same way everywhere. :meth:`on_changes` is called on the GUI thread for
    every change to the stored data, whoever made it.
    """

    # English title in the sidebar (translated in the context "Screens").
    TITLE: ClassVar[str] = ""
    # Object name of the unsaved-changes box (tests and screen readers find it by name).
    UNSAVED_DIALOG: ClassVar[str] = "unsavedDialog"
    # Records were added, changed or deleted here (the status bar recounts).
    changed = Signal()
    # Show another screen (its key) with something chosen there (its ``show_what``).
    go_to = Signal(str, object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # The unsaved-changes question; tests replace it to answer without a modal loop.
        self.ask_unsaved: Callable[[], LeaveAnswer] = self._ask_unsaved_dialog
        # Reload or keep my version after a stale save (``confirm.save_resolving_stale``);
        # tests replace it to answer without a modal loop.
        self.ask_stale: AskStale = ask_stale
        ctx.hub.changed.connect(self._hub_changed)

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("Screens", cls.TITLE)

    # ------------------------------------------------------------------ unsaved edits
    def has_unsaved_changes(self) -> bool:
        return False

    def save(self) -> bool:
        """Store the edit in progress; True when stored (or nothing to store)."""
        return True

    def discard_changes(self) -> None:
        """Throw the edit in progress away (back to what is stored)."""

    def unsaved_text(self) -> str:
        """The sentence of the unsaved-changes question."""
        return QCoreApplication.translate("Confirm", "This screen has unsaved changes.")

    def confirm_leave(self) -> bool:
        """Save / discard / stay for the edit in progress; True when we may move on."""
        if not self.has_unsaved_changes():
            return True
        answer = self.ask_unsaved()
        if answer is LeaveAnswer.SAVE:
            return self.save()
        if answer is LeaveAnswer.DISCARD:
            self.discard_changes()
            return True
        return False

    def _ask_unsaved_dialog(self) -> LeaveAnswer:
        return ask_save_discard_cancel(self, self.UNSAVED_DIALOG, self.unsaved_text())

    # ------------------------------------------------------------------ permissions
    def enable_writes(
        self,
        table: str,
        controls: Iterable[Control],
        enabled: bool = True,
        *,
        privilege: str = "INSERT, UPDATE",
    ) -> bool:
        """Enable ``controls`` when ``enabled`` and this login may write ``table``; a
        refused control says why in its tooltip (see :mod:`widgets.write_access`). Call
        it where the screen updates its buttons, so a new selection cannot re-enable a
        control the login may not use."""
        return write_access.enable_writes(
            self.ctx.db, table, controls, enabled, privilege=privilege
        )

    def refusal(self, table: str, privilege: str = "INSERT, UPDATE") -> str | None:
        """Why this login may not write ``table`` (None when it may)."""
        return write_access.refusal(self.ctx.db, table, privilege)

    def write_control(self, method: str) -> Control | None:
        """The screen's own button for what the window's ``method`` shortcut does
        (``"new_item"``, ``"save"``, ``"delete_selected"``), or None when it has none."""
        return None

    def write_refusal(self, method: str) -> str | None:
        """Why the window's Ctrl+N / Ctrl+S / Del may not call ``method`` here: the
        refusal its button shows (:meth:`write_control`), None when the login may. So a
        shortcut never does what the screen's own button would not."""
        return write_access.refused(self.write_control(method))

    # ------------------------------------------------------------------ changes
    def _hub_changed(self, changes: Changes) -> None:
        if not self.ctx.db.closed:
            self.on_changes(changes)

    def on_changes(self, changes: Changes) -> None:
        """Stored data changed: refresh what this screen shows of it (default: nothing)."""

    # ------------------------------------------------------------------ lifecycle
    def release(self) -> None:
        """Drop models and cached records before the database locks."""

    def save_layout(self) -> None:
        """Store splitter and header state."""


class PlaceholderScreen(QWidget):
    """Shown for a screen whose module is not part of this build (yet) or failed to load."""

    def __init__(self, title: str, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("placeholderScreen")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        icon = QLabel(self)
        icon.setPixmap(theme.icon("placeholder").pixmap(48, 48))
        icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(icon)
        heading = QLabel(
            QCoreApplication.translate("Placeholder", "{title} is not available").format(
                title=title
            ),
            self,
        )
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(heading)
        self.reason = QLabel(reason, self)
        self.reason.setObjectName("placeholderReason")
        self.reason.setWordWrap(True)
        self.reason.setAlignment(Qt.AlignmentFlag.AlignCenter)
        palette = self.reason.palette()
        palette.setColor(self.reason.foregroundRole(), theme.muted_text())
        self.reason.setPalette(palette)
        layout.addWidget(self.reason)
        layout.addStretch(2)
