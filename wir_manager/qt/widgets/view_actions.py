"""Keep a screen's own shortcuts from colliding with the main window's.

A screen offers its actions (``QWidget.actions()``) with widget-with-children shortcuts,
so it works on its own and the main window can list them in menus. When the window
already binds the same key sequence to a global action that forwards to the screen, two
live bindings would make Qt treat the key as ambiguous and fire neither; in that case
the screen's copy gives up its shortcut (the action stays, for menus and buttons).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

ORIGINAL = "wirOriginalShortcut"


def _reaches(action: QAction, view: QWidget) -> bool:
    """True when ``action``'s shortcut is live while focus is inside ``view``: window- or
    application-wide, or bound to a widget that contains ``view``. A sibling screen's own
    widget-scoped actions do not collide with ours."""
    context = action.shortcutContext()
    if context in (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut):
        return True
    if context == Qt.ShortcutContext.WidgetWithChildrenShortcut:
        return any(
            isinstance(obj, QWidget) and (obj is view or obj.isAncestorOf(view))
            for obj in action.associatedObjects()
        )
    return False


def drop_conflicting_shortcuts(view: QWidget) -> list[QAction]:
    """Clear shortcuts of ``view.actions()`` that other actions of the window also use;
    restore them when the conflict is gone. Returns the actions that gave up a key."""
    window = view.window()
    own = [a for a in view.actions() if isinstance(a, QAction)]
    own_ids = {id(a) for a in own}
    others: set[str] = set()
    if window is not view:
        for action in window.findChildren(QAction):
            if id(action) in own_ids or action.shortcut().isEmpty():
                continue
            if _reaches(action, view):
                others.add(action.shortcut().toString())
    dropped = []
    for action in own:
        original = action.property(ORIGINAL)
        if original is None:
            original = action.shortcut().toString()
            action.setProperty(ORIGINAL, original)
        if original and original in others:
            action.setShortcut("")
            dropped.append(action)
        elif original:
            action.setShortcut(original)
    return dropped
