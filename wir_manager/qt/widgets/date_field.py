"""One date field for every editor: typed as ISO text or picked from a calendar, and
empty for "not set".

The candidate editor had plain text boxes for its dates while the request editor had
``QDateEdit`` spin boxes whose "not set" was a fake minimum date (1900-01-01) that a
person could not type over (#16.12). This field is a line edit, so typing, pasting,
validation markers and keyboard focus behave like every other field; a calendar button
inside it opens a month to click, and its clear button (or emptying it) means "not set".
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QCalendarWidget, QDateEdit, QLineEdit, QWidget

from wir_manager.qt import theme


def _tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("DateField", text)


# How every date field shows its date, whatever the locale: the editors' fields are typed
# as ISO dates, so the placement form, the answers and the reports' periods are too
# (in English they showed 23/01/2027 beside the editors' 2027-06-01).
DISPLAY_FORMAT = "yyyy-MM-dd"


def date_edit(parent: QWidget | None, day: dt.date | None = None) -> QDateEdit:
    """A date that must be set (a placement's start, an interview), shown as the editors
    show dates, with a calendar to pick from."""
    edit = QDateEdit(parent)
    set_up_date_edit(edit)
    if day is not None:
        edit.setDate(QDate(day.year, day.month, day.day))
    return edit


def set_up_date_edit(edit: QDateEdit) -> None:
    """The same for a ``QDateEdit`` made by a Designer form."""
    edit.setDisplayFormat(DISPLAY_FORMAT)
    edit.setCalendarPopup(True)


def parse(text: str) -> dt.date | None:
    """The date in ``text`` (ISO, YYYY-MM-DD); None when empty. Raises ValueError when
    it is not a date."""
    text = text.strip()
    return dt.date.fromisoformat(text) if text else None


class DateField(QLineEdit):
    """A date typed as YYYY-MM-DD or picked from a calendar; empty means "not set".

    ``dateChanged`` fires with the new value (None for not set, or while the text is
    not a date yet)."""

    dateChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setClearButtonEnabled(True)
        self.setPlaceholderText(_tr("not set"))
        self.setToolTip(_tr("Type a date as YYYY-MM-DD, or pick one from the calendar."))
        self.calendar_action = QAction(theme.icon("calendar"), _tr("Pick a date"), self)
        self.calendar_action.setToolTip(_tr("Pick a date"))
        self.addAction(self.calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        self.calendar_action.triggered.connect(self.open_calendar)
        self.calendar: QCalendarWidget | None = None
        self.textChanged.connect(lambda _t: self.dateChanged.emit(self.value_or_none()))

    # ------------------------------------------------------------------ value
    def value(self) -> dt.date | None:
        """The date shown (None = not set); ValueError when the text is not a date."""
        return parse(self.text())

    def value_or_none(self) -> dt.date | None:
        try:
            return self.value()
        except ValueError:
            return None

    def is_valid(self) -> bool:
        try:
            self.value()
        except ValueError:
            return False
        return True

    def set_value(self, value: dt.date | None) -> None:
        self.setText(value.isoformat() if value else "")

    # ------------------------------------------------------------------ calendar
    def open_calendar(self) -> QCalendarWidget:
        """Show a month to click: the date shown, or this month when none is set."""
        if self.calendar is None:
            calendar = QCalendarWidget(self)
            calendar.setWindowFlags(Qt.WindowType.Popup)
            calendar.setGridVisible(True)
            calendar.clicked.connect(self._picked)
            calendar.activated.connect(self._picked)
            self.calendar = calendar
        calendar = self.calendar
        shown = self.value_or_none() or dt.date.today()
        calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        calendar.setCurrentPage(shown.year, shown.month)
        calendar.adjustSize()
        calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        calendar.show()
        calendar.setFocus(Qt.FocusReason.PopupFocusReason)
        return calendar

    def _picked(self, date: QDate) -> None:
        self.set_value(dt.date(date.year(), date.month(), date.day()))
        if self.calendar is not None:
            self.calendar.hide()
        self.setFocus(Qt.FocusReason.PopupFocusReason)

    def setReadOnly(self, read_only: bool) -> None:
        """A read-only date is not picked from the calendar, nor emptied: Qt only greys
        the clear button of a read-only line edit, and an "x" in a field a viewer cannot
        change still looks like a way to empty it. So the button goes while read-only
        and comes back, left of the calendar button as built, with writing.

        Removing the clear button deletes its tool button, a child of this field (and
        putting the calendar back rebuilds that one's): whoever walks a form's children
        to call this must collect them first, as ``write_access.set_read_only`` does."""
        super().setReadOnly(read_only)
        self.calendar_action.setEnabled(not read_only)
        if self.isClearButtonEnabled() != read_only:
            return
        self.setClearButtonEnabled(not read_only)
        if not read_only:
            self.removeAction(self.calendar_action)
            self.addAction(self.calendar_action, QLineEdit.ActionPosition.TrailingPosition)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Alt+Down opens the calendar, as it does in a combo box.
        if (
            event.key() == Qt.Key.Key_Down
            and event.modifiers() & Qt.KeyboardModifier.AltModifier
            and not self.isReadOnly()
        ):
            self.open_calendar()
            return
        super().keyPressEvent(event)
