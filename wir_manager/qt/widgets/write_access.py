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
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

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
    return reason is None
