"""Accessibility helpers: accessible names, the keyboard tab walk, scalable fonts.

A screen reader announces a control by the *accessible name* Qt computes for it
(``QAccessible.queryAccessibleInterface(w).text(Name)``): the explicit
``accessibleName``, a button's text, or the text of a buddy / form-layout label. We check
exactly that value, so a test passes only when a user of NVDA/Orca would hear something.

* :func:`apply_accessible_names` fills in missing names from tooltips and placeholders
  (screens may call it once after ``setupUi``; explicit names and labels win);
* :func:`missing_accessible_names` lists focusable controls that would be announced
  without a name;
* :func:`make_tab_friendly` stops tables and text editors from swallowing Tab;
* :func:`tab_walk` presses Tab the way a keyboard user does and records where focus goes;
* :func:`unreachable_by_tab` lists focusable controls the walk never reaches;
* :func:`pixel_sized_fonts` lists widgets whose font ignores the system text size.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QTabBar,
    QTextEdit,
    QWidget,
)


@dataclass(frozen=True)
class Problem:
    """One accessibility problem, described so a developer can find the widget."""

    widget: str
    issue: str

    def __str__(self) -> str:
        return f"{self.widget}: {self.issue}"


def describe(widget: QWidget) -> str:
    """``ClassName#objectName`` plus the parent chain's names, to locate a widget."""
    names = []
    w: QWidget | None = widget
    while w is not None and len(names) < 4:
        names.append(w.objectName() or "?")
        w = w.parentWidget()
    return f"{type(widget).__name__}#{'/'.join(reversed(names))}"


def accessible_name(widget: QWidget) -> str:
    """The name assistive technology announces for ``widget`` (may be empty)."""
    iface = QAccessible.queryAccessibleInterface(widget)
    name = iface.text(QAccessible.Text.Name) if iface is not None else ""
    return (name or widget.accessibleName() or "").strip()


def is_keyboard_focusable(widget: QWidget, visible_only: bool = True) -> bool:
    """Shown, enabled and accepting focus by Tab (what the tab chain visits)."""
    if visible_only and not widget.isVisible():
        return False
    return (
        widget.isEnabled()
        and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and widget.focusProxy() is None
    )


def focusable_widgets(root: QWidget, visible_only: bool = True) -> list[QWidget]:
    """Every control under ``root`` a keyboard user should be able to reach.

    Plain scroll areas are containers (the controls inside them count), and internals of
    composite widgets (a spin box's line edit) are reached and announced through their
    owner, so neither is listed.
    """
    found = [w for w in root.findChildren(QWidget) if is_keyboard_focusable(w, visible_only)]
    return [w for w in found if not _is_internal(w) and type(w) is not QScrollArea]


def _is_internal(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    if isinstance(parent, QTabBar):
        return True  # scroll arrows: the tab bar itself takes arrow keys and Ctrl+Tab
    if isinstance(widget, QLineEdit) and isinstance(parent, QAbstractSpinBox | QComboBox):
        return True
    return parent is not None and parent.focusProxy() is widget


def _strip_mnemonic(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip().rstrip(":")


def apply_accessible_names(root: QWidget) -> int:
    """Give every nameless focusable control a name from its tooltip or placeholder.

    Returns how many names were set. Labels with a buddy already name their control, so
    this only fills real gaps (icon-only buttons, search fields, bare tables).
    """
    changed = 0
    for widget in focusable_widgets(root, visible_only=False):
        if accessible_name(widget):
            continue
        name = _strip_mnemonic(widget.toolTip())
        if not name and isinstance(widget, QLineEdit):
            name = widget.placeholderText().strip()
        if not name and isinstance(widget, QAbstractButton):
            name = _strip_mnemonic(widget.text())
        if name:
            widget.setAccessibleName(name)
            changed += 1
    return changed


def missing_accessible_names(root: QWidget) -> list[Problem]:
    return [
        Problem(describe(w), "no accessible name (set accessibleName or a buddy label)")
        for w in focusable_widgets(root)
        if not accessible_name(w)
    ]


# Tab presses a single control may consume (links in a text browser) before it counts
# as a keyboard trap.
MAX_INNER_TABS = 30


@dataclass
class TabWalk:
    """Where Tab took the focus: the controls in order, and a trap if Tab got stuck."""

    order: list[QWidget]
    trap: QWidget | None = None


def tab_walk(window: QWidget, max_steps: int = 400) -> TabWalk:
    """Press Tab from the focused (or first) control until focus comes back around.

    A control that keeps the focus when Tab is pressed (a table with tab-key navigation,
    a plain-text editor that inserts tab characters) is a keyboard trap: Qt has no
    general "leave this widget" key, so the walk stops and reports it. ``window`` must
    be shown.
    """
    from PySide6.QtTest import QTest  # only this check presses keys; screens never do

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window.activateWindow()
    first = window.focusWidget() or next(iter(focusable_widgets(window)), None)
    walk = TabWalk([])
    if first is None:
        return walk
    first.setFocus(Qt.FocusReason.TabFocusReason)
    app.processEvents()
    current = app.focusWidget()
    if len(focusable_widgets(window)) < 2:
        walk.order = [_owner(current)] if current is not None else []
        return walk  # Tab has nowhere else to go; staying put is not a trap
    for _ in range(max_steps):
        if current is None or not (current is window or window.isAncestorOf(current)):
            break
        owner = _owner(current)
        if walk.order and owner is walk.order[0]:
            break  # back at the start: the whole cycle is known
        if owner in walk.order:
            break  # a loop that does not pass the start (shouldn't happen in Qt)
        walk.order.append(owner)
        # A text browser moves through its links before it lets go; allow that, but a
        # control still holding the focus after MAX_INNER_TABS presses is a trap.
        for _inner in range(MAX_INNER_TABS):
            QTest.keyClick(current, Qt.Key.Key_Tab)
            app.processEvents()
            following = app.focusWidget()
            if following is None or _owner(following) is not owner:
                break
            current = following
        else:
            walk.trap = owner
            break
        current = following
    return walk


def make_tab_friendly(root: QWidget) -> int:
    """Let Tab leave tables and text editors (arrow keys still move inside them).

    Returns how many widgets were changed. Qt's default for QTableView (Tab moves to the
    next cell) and for editable text (Tab inserts a tab) traps keyboard users.
    """
    changed = 0
    for view in root.findChildren(QAbstractItemView):
        if view.tabKeyNavigation():
            view.setTabKeyNavigation(False)
            changed += 1
    for edit in [*root.findChildren(QTextEdit), *root.findChildren(QPlainTextEdit)]:
        if not edit.tabChangesFocus():
            edit.setTabChangesFocus(True)
            changed += 1
    return changed


def make_accessible(root: QWidget) -> int:
    """:func:`make_tab_friendly` plus :func:`apply_accessible_names`; call after setupUi."""
    return make_tab_friendly(root) + apply_accessible_names(root)


def keyboard_traps(root: QWidget) -> list[Problem]:
    """Controls under ``root`` that would keep the focus when Tab is pressed."""
    problems = []
    for view in root.findChildren(QAbstractItemView):
        if view.tabKeyNavigation() and is_keyboard_focusable(view):
            problems.append(Problem(describe(view), "Tab moves between cells (a keyboard trap)"))
    for edit in [*root.findChildren(QTextEdit), *root.findChildren(QPlainTextEdit)]:
        if not edit.isReadOnly() and not edit.tabChangesFocus() and is_keyboard_focusable(edit):
            problems.append(Problem(describe(edit), "Tab inserts a tab character (a trap)"))
    return problems


def _owner(widget: QWidget) -> QWidget:
    """The control a focused internal widget belongs to (spin box, combo box)."""
    parent = widget.parentWidget()
    if parent is not None and _is_internal(widget):
        return parent
    return widget


def unreachable_by_tab(window: QWidget, root: QWidget | None = None) -> list[Problem]:
    """Focusable controls under ``root`` (default: the window) that Tab never reaches,
    plus the trap that stopped the walk, if any."""
    walk = tab_walk(window)
    reached = set(map(id, walk.order))
    problems = [
        Problem(describe(w), "not reachable with Tab")
        for w in focusable_widgets(root or window)
        if id(w) not in reached
    ]
    if walk.trap is not None:
        problems.insert(0, Problem(describe(walk.trap), "Tab does not leave this control"))
    return problems


def pixel_sized_fonts(root: QWidget) -> list[Problem]:
    """Widgets whose font is set in pixels (does not follow the system text size)."""
    problems = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.font().pixelSize() > 0 and widget.testAttribute(Qt.WidgetAttribute.WA_SetFont):
            problems.append(Problem(describe(widget), "font size set in pixels"))
        sheet = widget.styleSheet()
        if "font-size" in sheet and "px" in sheet.split("font-size", 1)[1][:20]:
            problems.append(Problem(describe(widget), "style sheet sets font-size in px"))
    return problems
