"""Controls a team login may not use are disabled, with a tooltip that says why.

The server enforces the roles with table privileges; this is only what the user sees
first. A viewer should not type a whole form before the server refuses it, so a screen
asks the database (``db.may_write``, always True for a file) and disables its write
controls with a sentence such as "Your login (viewer) may not change candidates." The
server's refusal (one sentence, the form kept) stays the safety net.

Screens re-enable their buttons whenever the selection or the form changes, so the
permission is not a one-off ``setEnabled(False)``: :func:`enable_writes` takes the
screen's own reason to enable a control and ANDs the permission into it. Call it from the
screen's "update buttons" method in place of ``setEnabled``.

An editor is more than its Save button: :func:`set_read_only` makes a whole form
read-only for such a login (text stays selectable and copyable, tabs switch, nothing can
be typed, picked or ticked) and says why in a line at the top of the form, so nobody
types a page before finding Save disabled. The window's Ctrl+N, Ctrl+S and Del ask
:func:`refused` of the screen's own button before they act.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QBoxLayout,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QRadioButton,
    QTextEdit,
    QWidget,
)

Control = QWidget | QAction

# The control's own tooltip, kept while the refusal is shown in its place.
_OWN_TOOLTIP = "wirOwnToolTip"
# Set while the refusal is shown (so the own tooltip is kept once, and put back).
_REFUSAL = "wirWriteRefusal"


class WriteChecker(Protocol):
    """What :func:`enable_writes` asks of the database (both backends answer it)."""

    def may_write(self, table: str, privilege: str = ...) -> bool: ...

    @property
    def role(self) -> str | None: ...


# Per table (and "DELETE" for the tables where deleting needs more than changing): the
# sentence of a control that would write it. Whole sentences, so each language can word
# them its own way; {role} is the team role, as the server's admin names it.
_CHANGE: dict[str, Callable[[], str]] = {
    "candidates": lambda: _tr("Your login ({role}) may not change candidates."),
    "training_progress": lambda: _tr("Your login ({role}) may not change training records."),
    "training_modules": lambda: _tr("Your login ({role}) may not change training modules."),
    "placement_requests": lambda: _tr("Your login ({role}) may not change placement requests."),
    "shortlist_entries": lambda: _tr("Your login ({role}) may not change shortlists."),
    "weight_profiles": lambda: _tr("Your login ({role}) may not change weight profiles."),
    "placements": lambda: _tr("Your login ({role}) may not change placements."),
    "placement_checkins": lambda: _tr("Your login ({role}) may not change check-ins."),
    "placement_outcomes": lambda: _tr("Your login ({role}) may not change outcomes."),
    "contact_notes": lambda: _tr("Your login ({role}) may not change contact notes."),
    "wiki_snapshots": lambda: _tr("Your login ({role}) may not verify candidates on the wikis."),
    # A dossier is logged as a disclosure (and moves the people on it to "sent").
    "disclosures": lambda: _tr("Your login ({role}) may not generate dossiers."),
    # Retention periods, saved import mappings: the team's settings, an admin's to change.
    "settings": lambda: _tr("Your login ({role}) may not change the shared settings."),
}
_DELETE: dict[str, Callable[[], str]] = {
    "candidates": lambda: _tr("Your login ({role}) may not delete candidates."),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("WriteAccess", text)


def refusal(db: WriteChecker, table: str, privilege: str = "INSERT, UPDATE") -> str | None:
    """Why this login may not write ``table`` (translated), or None when it may."""
    if db.may_write(table, privilege):
        return None
    role = db.role
    if role is None:  # a login the server knows but the programme's roles do not
        return _tr("Your login may not change this.")
    deleting = privilege.strip().upper() == "DELETE"
    sentence = (_DELETE if deleting else _CHANGE).get(table)
    if sentence is None:
        return _tr("Your login ({role}) may not change this.").format(role=role)
    return sentence().format(role=role)


def enable_writes(
    db: WriteChecker,
    table: str,
    controls: Iterable[Control],
    enabled: bool = True,
    *,
    privilege: str = "INSERT, UPDATE",
) -> bool:
    """``setEnabled(enabled and may write table)`` on each control; a control refused
    for the login shows why in its tooltip (its own tooltip comes back if the login may
    write, e.g. after signing in as somebody else). Returns whether the login may write,
    for screens that also guard other paths (shortcuts, menus built on the fly)."""
    reason = refusal(db, table, privilege)
    for control in controls:
        _enable(control, enabled, reason)
    return reason is None


def _enable(control: Control, enabled: bool, reason: str | None) -> None:
    """``setEnabled(enabled and not refused)``, the refusal as tooltip while refused."""
    control.setEnabled(enabled and reason is None)
    marked = control.property(_REFUSAL) is not None
    if reason is not None:
        if not marked:
            control.setProperty(_OWN_TOOLTIP, control.toolTip())
        control.setToolTip(reason)
        control.setProperty(_REFUSAL, reason)
    elif marked:
        control.setToolTip(str(control.property(_OWN_TOOLTIP) or ""))
        control.setProperty(_REFUSAL, None)


def refused(control: Control | None) -> str | None:
    """The refusal a control shows (set by :func:`enable_writes` or
    :func:`enable_in_form`), or None when the login may use it. The window's shortcuts
    ask it of the screen's own button, so a key does nothing the button would not do."""
    if control is None:
        return None
    reason = control.property(_REFUSAL)
    return str(reason) if reason else None


# ---------------------------------------------------------------------- read-only forms
# On the form: why it is read-only (absent while it is writable).
_FORM_REFUSAL = "wirFormRefusal"
# On each input that set_read_only changed (so making the form writable undoes only that).
_FROZEN = "wirFrozen"
# On an item view: its own edit triggers; on a list widget: the rows that were tickable.
_OWN_TRIGGERS = "wirOwnEditTriggers"
_TICKABLE_ROWS = "wirTickableRows"
# Object names of the line at the top of a read-only form (tests and screen readers).
BANNER = "writeRefusalBanner"
BANNER_TEXT = "writeRefusalText"
_GUARD = "writeRefusalGuard"
# Keys that move focus, which a read-only combo box or check box still lets through.
_NAVIGATION = {Qt.Key.Key_Tab, Qt.Key.Key_Backtab}


class _InputGuard(QObject):
    """Swallows what would change a combo box's choice or a check box's tick (clicks, the
    wheel, keys, its mnemonic); focus still moves with Tab, and the wheel scrolls the page
    under the pointer instead."""

    _BLOCKED = {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.Wheel,
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.Shortcut,
    }

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in self._BLOCKED:
            return False
        if isinstance(event, QKeyEvent) and event.key() in _NAVIGATION:
            return False
        # Ignored, so a wheel turn or a click goes on to the page behind the control.
        event.ignore()
        return True


def form_refusal(form: QWidget) -> str | None:
    """Why ``form`` is read-only (see :func:`set_read_only`), or None while writable."""
    reason = form.property(_FORM_REFUSAL)
    return str(reason) if reason else None


def enable_in_form(form: QWidget, controls: Iterable[Control], enabled: bool = True) -> None:
    """For a form's own buttons that only change the form (add a language, add a row):
    enabled when ``enabled`` and the form is not read-only; while it is, they say why in
    their tooltip, as :func:`enable_writes` does. Call it where the form updates them."""
    reason = form_refusal(form)
    for control in controls:
        _enable(control, enabled, reason)


def set_read_only(form: QWidget, reason: str | None) -> bool:
    """Make an editor read-only, saying ``reason`` at its top, or (``reason`` None)
    writable again exactly as it was built. Returns whether anything changed.

    Read-only means: line edits, text boxes and spin boxes are ``setReadOnly`` (their text
    is still selected and copied), combo boxes and check boxes keep their value whatever
    is clicked, typed or wheeled, item views edit nothing and tick nothing, and a date
    field's calendar is off and its clear button gone. Tabs, scrolling, selection and
    focus work as before. The form's own buttons (add a row, …) follow
    :func:`enable_in_form`; Save is the screen's (:func:`enable_writes`). Values set by
    code (loading a record) still show."""
    before = form_refusal(form)
    if before == reason:
        return False
    form.setProperty(_FORM_REFUSAL, reason)
    if reason is not None and before is None:
        _freeze(form)
    elif reason is None:
        _thaw(form)
    _show_banner(form, reason)
    return True


def inside(widget: QWidget, form: QWidget, kinds: tuple[type, ...]) -> bool:
    """True when ``widget`` belongs to a ``kinds`` widget within ``form`` (a spin box's
    own line edit, a combo box's popup list, a calendar's parts)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not form:
        if isinstance(parent, kinds):
            return True
        parent = parent.parentWidget()
    return False


def _guard(form: QWidget) -> _InputGuard:
    guard = form.findChild(_InputGuard, _GUARD)
    if guard is None:
        guard = _InputGuard(form)
        guard.setObjectName(_GUARD)
    return guard


def _freeze(form: QWidget) -> None:
    guard = _guard(form)
    # Every input is chosen before any is changed: making one read-only may delete
    # children of its own (a date field drops its clear button), which a walk over
    # the list of children would reach later as deleted objects.
    for widget in [w for w in form.findChildren(QWidget) if _to_freeze(w, form)]:
        if isinstance(widget, QLineEdit | QAbstractSpinBox):
            widget.setReadOnly(True)
        elif isinstance(widget, QPlainTextEdit | QTextEdit):
            widget.setReadOnly(True)
            widget.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse
                | Qt.TextInteractionFlag.TextSelectableByKeyboard
            )
        elif isinstance(widget, QComboBox | QCheckBox | QRadioButton):
            widget.installEventFilter(guard)
        elif isinstance(widget, QAbstractItemView):
            widget.setProperty(_OWN_TRIGGERS, int(widget.editTriggers().value))
            widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            if isinstance(widget, QListWidget):
                _untick(widget)
        widget.setProperty(_FROZEN, True)


def _to_freeze(widget: QWidget, form: QWidget) -> bool:
    """Whether :func:`_freeze` changes ``widget``: an input of the form, writable now,
    and not a part of another input (a spin box's line edit, a combo box's list, a
    calendar's parts)."""
    if inside(widget, form, (QCalendarWidget,)):
        return False
    if isinstance(widget, QLineEdit):
        return not widget.isReadOnly() and not inside(widget, form, (QAbstractSpinBox,))
    if isinstance(widget, QAbstractSpinBox | QPlainTextEdit | QTextEdit):
        return not widget.isReadOnly()
    if isinstance(widget, QComboBox | QCheckBox | QRadioButton):
        return True
    if isinstance(widget, QAbstractItemView):
        return not inside(widget, form, (QComboBox,))
    return False


def _thaw(form: QWidget) -> None:
    guard = _guard(form)
    # Collected first, as in _freeze: a date field made writable rebuilds its buttons.
    for widget in [w for w in form.findChildren(QWidget) if w.property(_FROZEN)]:
        widget.setProperty(_FROZEN, None)
        if isinstance(widget, QLineEdit | QAbstractSpinBox | QPlainTextEdit | QTextEdit):
            widget.setReadOnly(False)  # text boxes get their editing interaction back
        elif isinstance(widget, QComboBox | QCheckBox | QRadioButton):
            widget.removeEventFilter(guard)
        elif isinstance(widget, QAbstractItemView):
            triggers = widget.property(_OWN_TRIGGERS)
            widget.setProperty(_OWN_TRIGGERS, None)
            if triggers is not None:
                widget.setEditTriggers(QAbstractItemView.EditTrigger(int(triggers)))
            if isinstance(widget, QListWidget):
                _retick(widget)


def _untick(view: QListWidget) -> None:
    """A ticked item toggles on a click whatever the edit triggers: not while read-only."""
    rows = [
        row
        for row in range(view.count())
        if view.item(row).flags() & Qt.ItemFlag.ItemIsUserCheckable
    ]
    view.setProperty(_TICKABLE_ROWS, rows)
    blocked = view.blockSignals(True)  # the form is not edited by this
    try:
        for row in rows:
            item = view.item(row)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
    finally:
        view.blockSignals(blocked)


def _retick(view: QListWidget) -> None:
    rows = view.property(_TICKABLE_ROWS) or []
    view.setProperty(_TICKABLE_ROWS, None)
    blocked = view.blockSignals(True)
    try:
        for row in rows:
            item = view.item(int(row))
            if item is not None:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    finally:
        view.blockSignals(blocked)


def _show_banner(form: QWidget, reason: str | None) -> None:
    banner = form.findChild(QFrame, BANNER)
    if banner is None:
        if reason is None:
            return
        banner = _make_banner(form)
    text = banner.findChild(QLabel, BANNER_TEXT)
    assert text is not None
    text.setText(reason or "")
    banner.setVisible(reason is not None)


def _make_banner(form: QWidget) -> QFrame:
    """One line (wrapping when it must) at the very top of the form: a lock, and why."""
    from wir_manager.qt import theme

    banner = QFrame(form)
    banner.setObjectName(BANNER)
    banner.setFrameShape(QFrame.Shape.StyledPanel)
    banner.setStyleSheet(
        f"QFrame#{BANNER} {{ background: palette(alternate-base); "
        "border: 1px solid palette(mid); border-radius: 4px; }"
    )
    row = QHBoxLayout(banner)
    row.setContentsMargins(8, 5, 8, 5)
    icon = QLabel(banner)
    size = banner.fontMetrics().height()
    icon.setPixmap(theme.icon("lock").pixmap(size, size))
    icon.setAlignment(Qt.AlignmentFlag.AlignTop)
    row.addWidget(icon)
    text = QLabel(banner)
    text.setObjectName(BANNER_TEXT)
    text.setWordWrap(True)
    text.setTextFormat(Qt.TextFormat.PlainText)
    text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    row.addWidget(text, 1)
    layout = form.layout()
    if isinstance(layout, QBoxLayout):
        layout.insertWidget(0, banner)
    elif isinstance(layout, QFormLayout):
        layout.insertRow(0, banner)
    else:
        raise TypeError(f"{form.objectName()}: a read-only banner needs a box or form layout")
    return banner
