"""The Today screen (first in the sidebar): what is due, overdue first.

The list comes from :func:`wir_manager.services.placements.due_items`, read off the GUI
thread when the screen is built and again whenever the change hub reports a change to
what the list is made of (requests, shortlists, placements, candidates); nothing
re-reads because the screen was shown. Activating a line (double-click or Enter) opens
the record it is about: a request, a shortlist at the candidate, a placement, or the
retention list.

Today is the screen a new user starts on, so, like the Candidates screen, it is built
from SQLAlchemy- and Babel-free modules: the due list (SQL) and the date formatter
(Babel) are imported by the first read, on a worker thread, while the window is already
on screen. ``tests/test_startup.py`` keeps it so.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wir_manager.domain.enums import DueSubject
from wir_manager.qt import accessibility as a11y
from wir_manager.qt import theme
from wir_manager.qt.context import AppContext
from wir_manager.qt.errors import show_error, user_message
from wir_manager.qt.models.records import RECORD_ROLE, Column, RecordTableModel
from wir_manager.qt.widgets.screen import SidebarScreen
from wir_manager.qt.widgets.tables import record_table
from wir_manager.storage.changes import Changes, Kind

if TYPE_CHECKING:
    from wir_manager.services.placements import DueItem
    from wir_manager.storage.database import Database

# What the due list is made of.
DUE_KINDS = Kind.REQUESTS | Kind.SHORTLISTS | Kind.PLACEMENTS | Kind.CANDIDATES


def _tr(text: str) -> str:
    return QCoreApplication.translate("DueModel", text)


def _due_date(item: DueItem) -> str:
    """The line's date as the UI language writes it (Babel, imported by the first read)."""
    from wir_manager.services.localefmt import format_date

    return format_date(item.due_on) if item.due_on else ""


def _read_due(db: Database) -> list[DueItem]:
    """The due list, on a worker thread: the SQL side and the date formatter are imported
    here, after the first frame, not on the start path."""
    from wir_manager.services import localefmt  # noqa: F401  (the lines' dates need it next)
    from wir_manager.services.placements import due_items

    return due_items(db)


class DueModel(RecordTableModel["DueItem"]):
    """Read-only table over :class:`DueItem` records (``RECORD_ROLE`` gives the line)."""

    context = "DueModel"
    columns = (
        Column(
            "Due",
            _due_date,
            lambda i: i.due_on.toordinal() if i.due_on else 0,
        ),
        Column(
            "State",
            lambda i: _tr("Overdue") if i.overdue else _tr("Due"),
            foreground=lambda i: QBrush(theme.error_text()) if i.overdue else None,
        ),
        Column("What", lambda i: i.title, tooltip=True),
    )


class TodayView(SidebarScreen):
    """Sidebar screen "Today"."""

    TITLE = "Today"
    # The due list was read (the first time and after each refresh).
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        # How an unexpected failure (a bug, logged) is told: a modal box; tests collect
        # it instead. An expected one (the server gone, the file locked) is said in the
        # screen itself: the list is read again on every change, and a box for each
        # re-read during an outage would stack up over what the user is doing.
        self.report_error: Callable[[QWidget | None, BaseException], None] = show_error
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.heading = QLabel(self)
        self.heading.setObjectName("todayHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        top.addWidget(self.heading, 1)
        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.refresh_button.setToolTip(self.tr("Read the list again (dates move on at midnight)."))
        self.refresh_button.clicked.connect(self.refresh)
        top.addWidget(self.refresh_button)
        layout.addLayout(top)
        self.hint = QLabel(
            self.tr("Double-click a line (or press Enter) to open what it is about."), self
        )
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.problem = QLabel(self)
        self.problem.setObjectName("todayProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {theme.error_text().name()};")
        self.problem.hide()
        layout.addWidget(self.problem)
        self.model = DueModel(self)
        self.table = record_table(
            self,
            self.model,
            name="todayTable",
            accessible_name=self.tr("What is due"),
            fit_columns=(0, 1),
        )
        self.table.activated.connect(self.open_index)
        self.table.doubleClicked.connect(self.open_index)
        layout.addWidget(self.table, 1)
        a11y.make_accessible(self)
        self._is_loaded = False
        self.heading.setText(self.tr("Today"))
        self.refresh()

    def on_changes(self, changes: Changes) -> None:
        """Something the list is made of changed (here or elsewhere): read it again."""
        if changes.touches(DUE_KINDS):
            self.refresh()

    def refresh(self) -> None:
        db = self.ctx.db
        self.ctx.tasks.run(lambda _p: _read_due(db), on_done=self._show, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        if self.ctx.db.closed:
            return  # the window closed or locked while the list was read: nobody to tell
        message, expected = user_message(exc)
        if not expected:
            self.report_error(self, exc)
            return
        self.problem.setText(
            self.tr("The list could not be read: {reason} Refresh to try again.").format(
                reason=message
            )
        )
        self.problem.show()

    @property
    def is_loaded(self) -> bool:
        """The lines were read at least once."""
        return self._is_loaded

    def _show(self, items: list[DueItem]) -> None:
        self.problem.hide()
        self.model.set_records(items)
        self._is_loaded = True
        overdue = sum(1 for i in items if i.overdue)
        self.heading.setText(
            self.tr("Today: %Ln thing(s) due", None, len(items))
            + (self.tr(", %Ln overdue", None, overdue) if overdue else "")
        )
        self.loaded.emit()

    def open_index(self, index: QModelIndex) -> None:
        item = self.model.data(index, RECORD_ROLE)
        if item is not None:
            self.open_item(item)

    def open_item(self, item: DueItem) -> QWidget | None:
        """Show the screen the line is about and select its record there."""
        show = getattr(self.window(), "show_screen", None)
        if show is None:
            return None
        if item.subject is DueSubject.PLACEMENT:
            screen = show("placements")
            if screen is not None and item.subject_id is not None:
                screen.select_placement(item.subject_id)
            return screen
        if item.subject is DueSubject.SHORTLIST:
            screen = show("shortlists")
            if screen is not None and item.request_id is not None:
                screen.select_request(item.request_id, candidate_id=item.candidate_id)
            return screen
        if item.subject is DueSubject.REQUEST:
            screen = show("requests")
            if screen is not None and item.request_id is not None:
                screen.select_request(item.request_id)
            return screen
        screen = show("privacy")
        if screen is not None:
            screen.show_retention()
        return screen

    def release(self) -> None:
        self.model.set_records([])
