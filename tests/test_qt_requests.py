"""Placement requests screen driven with qtbot on a real encrypted database."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QComboBox

from wir_manager.qt.context import AppContext
from wir_manager.qt.models.request_requirements import LanguageRequirementModel as LM
from wir_manager.qt.models.request_requirements import SkillRequirementModel as SM
from wir_manager.qt.tasks import TaskRunner
from wir_manager.qt.views.requests import RequestsView
from wir_manager.qt.widgets.confirm import LeaveAnswer
from wir_manager.services import requests as rq


@pytest.fixture
def view(qtbot, demo_db, tmp_path: Path) -> RequestsView:
    ctx = AppContext(
        demo_db, TaskRunner(), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    )
    widget = RequestsView(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _select(view: RequestsView, request_id: int) -> None:
    row = view.model.row_of(request_id)
    view.ui.table.setCurrentIndex(view.proxy.mapFromSource(view.model.index(row, 0)))


def test_edit_languages_skills_status_and_reread(view: RequestsView, demo_db) -> None:
    target = rq.list_request_rows(demo_db)[3].id
    _select(view, target)
    editor = view.editor
    assert editor.request_id == target
    assert not editor.ui.saveButton.isEnabled()

    # Status → filled
    editor.ui.statusCombo.setCurrentIndex(editor.ui.statusCombo.findData("filled"))
    # Languages: replace all with Arabic ≥ C1 required and (French | Spanish) ≥ B2
    while editor.languages.rowCount():
        editor.languages.remove_row(0)
    for code in ("ar", "fr", "es"):
        editor.add_language(code)
    lm = editor.languages
    lm.setData(lm.index(0, LM.LEVEL), 5)
    editor.ui.languagesTable.setCurrentIndex(lm.index(2, 0))
    editor.group_language()  # es joins the row above…
    editor.ui.languagesTable.setCurrentIndex(lm.index(1, 0))
    assert lm.index(1, LM.GROUP).data(Qt.ItemDataRole.EditRole) is not None
    # Skills: only Wikisource ≥ advanced, nice to have
    while editor.skills.rowCount():
        editor.skills.remove_row(0)
    editor.add_skill()
    sm = editor.skills
    sm.setData(sm.index(0, SM.PLATFORM), "wikisource")
    sm.setData(sm.index(0, SM.LEVEL), 3)
    sm.setData(sm.index(0, SM.IMPORTANCE), "nice_to_have")
    assert editor.is_valid(), editor.problems
    assert editor.ui.saveButton.isEnabled()
    qtbot_click = editor.ui.saveButton
    qtbot_click.click()

    stored = rq.get_request(demo_db, target)
    assert stored.status == "filled"
    assert [(r.code, r.min_level, r.group) for r in stored.languages] == [
        ("ar", 5, None),
        ("fr", 4, 1),
        ("es", 4, 1),
    ]
    assert stored.skills == (rq.SkillRequirement("wikisource", 3, "nice_to_have"),)
    assert not editor.is_dirty()
    assert view.model.record(view.model.row_of(target)).status == "filled"


def test_inline_validation_disables_save(view: RequestsView) -> None:
    view.new_item()
    editor = view.editor
    assert not editor.ui.saveButton.isEnabled()
    editor.ui.titleEdit.setText("Health data resident")
    editor.ui.organisationCombo.setCurrentIndex(1)
    editor.ui.dutyCityEdit.setText("Nairobi")
    country = editor.ui.dutyCountryCombo
    country.setCurrentIndex(country.findData("KE"))
    assert editor.is_valid(), editor.problems
    assert editor.ui.saveButton.isEnabled()
    start = editor.ui.startDateEdit.value()
    editor.ui.deadlineEdit.set_value(start + dt.timedelta(days=10))
    assert not editor.ui.saveButton.isEnabled()
    assert "must not be after the start date" in editor.ui.datesError.text()
    assert editor.ui.datesError.isVisible()
    editor.ui.deadlineEdit.set_value(start - dt.timedelta(days=10))
    editor.ui.positionsSpin.setValue(0)
    assert "at least one position" in editor.ui.datesError.text()
    editor.ui.positionsSpin.setValue(2)
    editor.add_language("xx-unknown")
    assert "not a known language code" in editor.ui.languagesError.text()
    editor.remove_language()
    assert editor.is_valid()
    before = view.model.rowCount()
    assert view.save()
    assert view.model.rowCount() == before + 1
    assert rq.get_request(view.ctx.db, editor.request_id).duty_country == "KE"


def test_new_organisation_inline(view: RequestsView, demo_db) -> None:
    view.new_item()
    ui = view.editor.ui
    ui.titleEdit.setText("Ocean data resident")
    ui.organisationCombo.setCurrentIndex(ui.organisationCombo.count() - 1)
    assert ui.newOrganisationBox.isVisible()
    assert "needs a name" in ui.organisationError.text()
    ui.orgNameEdit.setText("Intergovernmental Oceanographic Commission")
    ui.orgAcronymEdit.setText("IOC")
    ui.workModeCombo.setCurrentIndex(ui.workModeCombo.findData("remote"))
    assert view.save()
    stored = rq.get_request(demo_db, view.editor.request_id)
    assert stored.organisation_name == "Intergovernmental Oceanographic Commission"
    combo: QComboBox = ui.organisationCombo
    assert combo.currentData() == stored.organisation_id  # the new one is now in the picker


def test_unsaved_changes_guard_on_row_switch(view: RequestsView) -> None:
    rows = [view.model.record(i).id for i in range(view.model.rowCount())]
    _select(view, rows[0])
    view.editor.ui.titleEdit.setText("Changed but not saved")
    answers: list[str] = []
    view.ask_unsaved = lambda: answers.append("cancel") or LeaveAnswer.CANCEL
    _select(view, rows[1])
    assert answers == ["cancel"]
    assert view.editor.request_id == rows[0]
    assert view.editor.ui.titleEdit.text() == "Changed but not saved"
    current = view.ui.table.currentIndex()
    assert view.model.record(view.proxy.mapToSource(current).row()).id == rows[0]

    view.ask_unsaved = lambda: LeaveAnswer.DISCARD
    _select(view, rows[1])
    assert view.editor.request_id == rows[1]
    assert rq.get_request(view.ctx.db, rows[0]).title != "Changed but not saved"

    view.editor.ui.titleEdit.setText("Saved on the way out")
    view.ask_unsaved = lambda: LeaveAnswer.SAVE
    _select(view, rows[2])
    assert view.editor.request_id == rows[2]
    assert rq.get_request(view.ctx.db, rows[1]).title == "Saved on the way out"


def test_filter_delete_and_actions(view: RequestsView, demo_db) -> None:
    total = view.model.rowCount()
    view.ui.searchEdit.setText("UNICEF")
    assert 0 < view.proxy.rowCount() < total
    assert all(view.proxy.index(r, 1).data() == "UNICEF" for r in range(view.proxy.rowCount()))
    view.ui.searchEdit.clear()
    view.ui.statusFilter.setCurrentIndex(view.ui.statusFilter.findData("open"))
    assert all(
        view.model.record(view.proxy.mapToSource(view.proxy.index(r, 0)).row()).status == "open"
        for r in range(view.proxy.rowCount())
    )
    view.ui.statusFilter.setCurrentIndex(0)
    shortcuts = {a.objectName(): a.shortcut().toString() for a in view.actions()}
    assert shortcuts["actionNewRequest"] == "Ctrl+N"
    assert shortcuts["actionSaveRequest"] == "Ctrl+S"
    assert shortcuts["actionDeleteRequest"] == "Del"
    assert all(
        a.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut for a in view.actions()
    )
    victim = view.model.record(0)
    _select(view, victim.id)
    view.ui.table.setFocus()
    asked: list[int] = []
    view.confirm_delete = lambda rows: asked.append(len(rows)) or True
    view.delete_selected()
    assert asked == [1]
    assert view.model.rowCount() == total - 1
    with pytest.raises(rq.RequestNotFoundError):
        rq.get_request(demo_db, victim.id)


def test_language_picker_completes_typed_names(qtbot, view: RequestsView) -> None:
    editor = view.editor
    _select(view, view.model.record(0).id)
    editor.ui.addLanguageButton.click()
    row = editor.languages.rowCount() - 1
    table = editor.ui.languagesTable
    picker = table.findChild(QComboBox, "languagePicker")
    assert picker is not None and picker.isVisible()
    picker.lineEdit().selectAll()
    qtbot.keyClicks(picker.lineEdit(), "Swahili")
    qtbot.keyClick(picker.lineEdit(), Qt.Key.Key_Return)
    table.commitData(picker)
    assert editor.languages.index(row, LM.LANGUAGE).data(Qt.ItemDataRole.EditRole) == "sw"
    assert editor.languages.index(row, LM.LANGUAGE).data() == "Swahili (sw)"
    assert editor.is_dirty() and editor.is_valid()


def test_empty_database_starts_with_blank_request(qtbot, db, tmp_path: Path) -> None:
    ctx = AppContext(
        db, TaskRunner(), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    )
    widget = RequestsView(ctx)
    qtbot.addWidget(widget)
    widget.show()
    assert widget.model.rowCount() == 0
    assert widget.editor.request_id is None
    assert widget.ui.countLabel.text() == "0 requests"
    combo = widget.editor.ui.organisationCombo
    assert combo.itemData(combo.count() - 1) == -1  # only "New organisation…" to pick


def test_shortcuts_yield_to_window_actions_only(qtbot, demo_db, tmp_path: Path) -> None:
    from PySide6.QtGui import QAction, QKeySequence
    from PySide6.QtWidgets import QMainWindow, QSplitter, QWidget

    window = QMainWindow()
    qtbot.addWidget(window)
    splitter = QSplitter(window)
    sibling = QWidget(splitter)
    sibling_new = QAction("sibling new", sibling)
    sibling_new.setShortcut(QKeySequence("Ctrl+N"))
    sibling_new.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    sibling.addAction(sibling_new)
    ctx = AppContext(
        demo_db, TaskRunner(), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    )
    view = RequestsView(ctx, splitter)
    window_save = QAction("save everything", window)
    window_save.setShortcut(QKeySequence("Ctrl+S"))
    window.addAction(window_save)
    window.setCentralWidget(splitter)
    window.show()
    qtbot.waitExposed(window)
    keys = {a.objectName(): a.shortcut().toString() for a in view.actions()}
    assert keys["actionSaveRequest"] == ""  # the window's Ctrl+S forwards instead
    assert keys["actionNewRequest"] == "Ctrl+N"  # a sibling's scoped Ctrl+N is no conflict
    window_save.setShortcut(QKeySequence())
    view.hide()
    view.show()
    assert view.action_save.shortcut().toString() == "Ctrl+S"  # restored


def test_layout_persists_across_views(qtbot, demo_db, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "layout.ini"), QSettings.Format.IniFormat)
    ctx = AppContext(demo_db, TaskRunner(), settings)
    first = RequestsView(ctx)
    qtbot.addWidget(first)
    first.resize(1200, 800)
    first.show()
    first.ui.splitter.setSizes([700, 500])
    first.ui.table.setColumnWidth(0, 333)
    first.ui.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    sizes = first.ui.splitter.sizes()
    first.hide()  # saves the layout
    second = RequestsView(ctx)
    qtbot.addWidget(second)
    second.resize(1200, 800)
    second.show()
    assert second.ui.splitter.sizes() == sizes
    assert second.ui.table.columnWidth(0) == 333
    header = second.ui.table.horizontalHeader()
    assert header.sortIndicatorSection() == 2
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


def test_keyboard_shortcuts_standalone(qtbot, view: RequestsView, demo_db) -> None:
    view.activateWindow()
    _select(view, view.model.record(1).id)
    target = view.editor.request_id
    view.editor.ui.titleEdit.setFocus()
    view.editor.ui.titleEdit.setText("Renamed with the keyboard")
    qtbot.keyClick(view.editor.ui.titleEdit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert rq.get_request(demo_db, target).title == "Renamed with the keyboard"
    qtbot.keyClick(view.ui.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert view.editor.request_id is None
    assert view.editor.ui.headingLabel.text() == "New request"


def test_a_change_elsewhere_patches_its_row_and_keeps_selection_and_scroll(
    qtbot, view: RequestsView, demo_db
) -> None:
    import dataclasses

    view.resize(1200, 420)  # fewer rows fit: the list scrolls
    rows = view.model.records()
    chosen, other = rows[-1].id, rows[1].id
    table = view.ui.table
    index = view.proxy.mapFromSource(view.model.index(view.model.row_of(chosen), 0))
    table.scrollTo(index)
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center()
    )
    assert view.editor.request_id == chosen
    assert [r.id for r in view.selected_rows()] == [chosen]
    scroll = table.verticalScrollBar().value()
    assert scroll > 0  # scrolled down to the chosen (oldest) request
    resets: list[bool] = []
    view.model.modelAboutToBeReset.connect(lambda: resets.append(True))

    # Another screen (or an import) retitles one other request: only its row changes.
    title = "ऑक्सफ़ोर्ड विकिडेटा परियोजना"
    theirs = rq.get_request(demo_db, other)
    with qtbot.waitSignal(view.ctx.hub.changed, timeout=5000):
        rq.save_request(demo_db, dataclasses.replace(theirs, title=title))
    qtbot.waitUntil(
        lambda: view.model.record(view.model.row_of(other)).title == title, timeout=5000
    )
    assert not resets
    current = view.proxy.mapToSource(table.currentIndex())
    assert view.model.record(current.row()).id == chosen
    assert [r.id for r in view.selected_rows()] == [chosen]
    assert table.verticalScrollBar().value() == scroll
    assert view.editor.request_id == chosen and not view.editor.is_dirty()

    # A request deleted elsewhere leaves; the selection and the count follow, no reset.
    count = view.model.rowCount()
    with qtbot.waitSignal(view.ctx.hub.changed, timeout=5000):
        rq.delete_requests(demo_db, [other])
    qtbot.waitUntil(lambda: view.model.row_of(other) < 0, timeout=5000)
    assert view.model.rowCount() == count - 1 and not resets
    assert [r.id for r in view.selected_rows()] == [chosen]


@pytest.mark.parametrize(
    ("code", "expected"),
    [("en", "1 Mar 2027"), ("sv", "1 mars 2027")],
)
def test_the_list_writes_days_as_every_other_table(
    qtbot, view: RequestsView, demo_db, language, british_dates, code: str, expected: str
) -> None:
    """Start and deadline read as the Placements and Today tables write a day (the
    locale's medium date), in the language of the screen, and still sort by the day."""
    from wir_manager.qt.models.request_list import COL

    language(code)
    target = rq.list_request_rows(demo_db)[0].id
    data = rq.get_request(demo_db, target)
    rq.save_request(demo_db, dataclasses.replace(data, deadline=dt.date(2027, 3, 1)))
    qtbot.waitUntil(
        lambda: view.model.index(view.model.row_of(target), COL["deadline"]).data() == expected,
        timeout=5_000,
    )
    view.ui.table.sortByColumn(COL["deadline"], Qt.SortOrder.AscendingOrder)
    rows = range(view.proxy.rowCount())
    shown = [view.proxy.index(r, COL["deadline"]).data() for r in rows]
    assert expected in shown and "2027-03-01" not in shown
    # Sorted by the day itself, not by the text ("Apr" before "Mar" in English).
    days = [view.model.record(view.proxy.mapToSource(view.proxy.index(r, 0)).row()) for r in rows]
    deadlines = [d.deadline for d in days if d.deadline is not None]
    assert deadlines == sorted(deadlines)


@pytest.mark.parametrize("code", ["en", "sv"])
def test_a_laptop_window_shows_what_a_request_is_and_its_deadline_without_scrolling(
    qtbot, demo_db, tmp_path: Path, language, code: str
) -> None:
    """The list is sorted by deadline, and the deadline column sat sixth, past the right
    edge of the list in a 1280×768 window (a 1366×768 laptop), in both languages: rows
    ordered by a date nobody could see. Title, organisation, status and deadline now
    show whole-width without scrolling; the other columns follow to the right."""
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QStyle

    from tests.qt_support import close_window, screen_in_laptop_window
    from wir_manager.qt.models.request_list import COL

    language(code)
    window, view = screen_in_laptop_window(
        demo_db, tmp_path, qtbot, "requests", lambda v: v.proxy.rowCount() == 12
    )
    table = view.ui.table
    header = table.horizontalHeader()
    viewport = table.viewport().width()
    assert header.sortIndicatorSection() == COL["deadline"]
    fm = QFontMetrics(table.font())
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    for key in ("title", "organisation", "status", "deadline"):
        col = COL[key]
        left, width = header.sectionViewportPosition(col), header.sectionSize(col)
        assert left >= 0 and left + width <= viewport, (key, left, width, viewport)
    for key in ("status", "deadline"):  # whole, not cut: every row's text fits its cell
        col = COL[key]
        need = max(
            fm.horizontalAdvance(view.proxy.index(r, col).data())
            for r in range(view.proxy.rowCount())
        )
        assert header.sectionSize(col) >= need + 2 * margin, (key, need)
    close_window(qtbot, window)


def test_deleting_a_request_removes_its_row_and_moves_to_the_next(
    qtbot, view: RequestsView, demo_db
) -> None:
    """Deleting read the whole list again (a reset: the view jumped to the first request
    and lost its scroll); now only the deleted row goes and the one below takes its place,
    opened in the editor."""
    total = view.model.rowCount()
    rows_shown = [view.proxy.index(r, 0).data() for r in range(view.proxy.rowCount())]
    middle = total // 2
    victim = view.model.record(view.proxy.mapToSource(view.proxy.index(middle, 0)).row())
    after = view.model.record(view.proxy.mapToSource(view.proxy.index(middle + 1, 0)).row())
    view.ui.table.setCurrentIndex(view.proxy.index(middle, 0))
    assert view.editor.request_id == victim.id
    view.ui.table.setFocus()
    resets: list[bool] = []
    view.model.modelReset.connect(lambda: resets.append(True))
    view.confirm_delete = lambda rows: True

    with qtbot.waitSignal(view.ctx.hub.changed, timeout=5_000):  # what it announced
        view.delete_selected()
        assert view.model.rowCount() == total - 1  # at once, before the announcement

    assert resets == []
    assert view.model.rowCount() == total - 1
    assert view.ui.table.currentIndex().row() == middle
    assert view.editor.request_id == after.id
    left = [view.proxy.index(r, 0).data() for r in range(view.proxy.rowCount())]
    assert left == rows_shown[:middle] + rows_shown[middle + 1 :]
    with pytest.raises(rq.RequestNotFoundError):
        rq.get_request(demo_db, victim.id)
