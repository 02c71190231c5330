"""The Candidates screen driven through its real widgets on a real encrypted database."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.qt_support import Answers, make_view
from wir_manager.domain.enums import LanguageLevel
from wir_manager.qt.views.candidates import CandidatesView
from wir_manager.qt.widgets import pickers
from wir_manager.services import candidates as svc
from wir_manager.services.candidates import CandidateFilter
from wir_manager.storage.database import Database

Button = QMessageBox.StandardButton


@pytest.fixture
def view(qtbot, demo_db: Database) -> Iterator[tuple[CandidatesView, Answers]]:
    v, answers = make_view(qtbot, demo_db)
    yield v, answers
    assert not v._errors
    v.ctx.tasks.wait()


def shown_ids(view: CandidatesView) -> list[int]:
    return view.model.visible_ids()


def fill_new(view: CandidatesView, name: str, username: str, email: str = "") -> None:
    view.new_item()
    ed = view.editor.ui
    ed.fullNameEdit.setText(name)
    ed.usernameEdit.setText(username)
    ed.emailEdit.setText(email)


def test_lists_every_candidate_and_text_search_narrows(view) -> None:
    v, _ = view
    assert v.model.rowCount() == 300
    assert "300 candidates" in v.ui.countLabel.text()
    index = v.model.candidate_index
    username = index.rows[11][svc.USERNAME]
    expected = set(svc.filter_ids(v.ctx.db, CandidateFilter(text=username[:3])))
    for n in range(1, 4):  # typing letter by letter narrows the previous result
        v.ui.searchEdit.setText(username[:n])
        assert set(shown_ids(v)) == set(
            svc.filter_ids(v.ctx.db, CandidateFilter(text=username[:n]))
        )
    assert set(shown_ids(v)) == expected
    v.ui.searchEdit.setText(username[:1])  # backspace widens again
    assert set(shown_ids(v)) == set(svc.filter_ids(v.ctx.db, CandidateFilter(text=username[:1])))
    shown = v.model.rowCount()
    assert f"{shown} of 300" in v.ui.countLabel.text() if shown < 300 else True
    assert str(shown) in v.ui.countLabel.text()


def test_create_candidate_with_inline_validation(view) -> None:
    v, _ = view
    fill_new(v, "प्रिया शर्मा", "PriyaS", "priya@")
    ed = v.editor
    assert not ed.ui.saveButton.isEnabled()
    assert "e-mail" in ed.ui.errorLabel.text()
    assert ed._markers["email"].isVisible() or ed._markers["email"].toolTip()
    taken = v.model.candidate_index.rows[0][svc.USERNAME]
    ed.ui.usernameEdit.setText(taken.upper())
    assert "already has this username" in ed.errors().get("username", "")
    ed.ui.usernameEdit.setText("PriyaS")
    ed.ui.emailEdit.setText("priya@example.org")
    ed.ui.availableFromEdit.setText("2026-13-01")
    assert not ed.ui.saveButton.isEnabled()
    ed.ui.availableFromEdit.setText("2026-10-01")
    assert ed.ui.saveButton.isEnabled()
    ed.ui.saveButton.click()
    assert not ed.is_dirty()
    cid = ed.candidate_id
    assert cid is not None
    assert svc.get_candidate(v.ctx.db, cid).data.full_name == "प्रिया शर्मा"
    assert v.model.total == 301
    v.ui.searchEdit.setText("priya")
    assert cid in shown_ids(v)
    # The new row is selected and the history says who created it.
    assert v.selected_ids() == [cid]
    assert ed.history.records()[0].action == "create"


def test_edit_and_history(view) -> None:
    v, _ = view
    cid = v.model.candidate_id(5)
    assert v.select_candidate(cid)
    ed = v.editor
    assert not ed.is_dirty() and not ed.ui.saveButton.isEnabled()
    ed.ui.emailEdit.setText("changed@example.org")
    ed.ui.notesEdit.setPlainText("Met at Wikimania.")
    assert ed.is_dirty() and ed.ui.saveButton.isEnabled()
    assert v.save()
    detail = svc.get_candidate(v.ctx.db, cid)
    assert detail.data.email == "changed@example.org"
    assert detail.data.notes == "Met at Wikimania."
    assert {"email", "notes"} <= set(ed.history.records()[0].fields)
    # Discard restores what is stored.
    ed.ui.fullNameEdit.setText("Someone Else")
    ed.ui.revertButton.click()
    assert ed.ui.fullNameEdit.text() == detail.data.full_name


def test_add_language_and_find_by_language_filter(view) -> None:
    v, _ = view
    fill_new(v, "Kwame Mensah", "KwameM")
    ed = v.editor
    ed.ui.languageCombo.setEditText("Swahili")
    ed.ui.languageLevelCombo.setCurrentIndex(ed.ui.languageLevelCombo.findData(5))  # C1
    assert ed.add_language()
    assert [(r.code, r.level) for r in ed.languages.records()] == [("sw", LanguageLevel.C1)]
    assert v.save()
    cid = ed.candidate_id
    lang = v.filters.languageFilter
    pickers.select_code(lang, "sw")  # the list is filled when first used
    assert lang.currentData() == "sw"
    level = v.filters.languageLevelFilter
    level.setCurrentIndex(level.findData(int(LanguageLevel.C1)))
    assert cid in shown_ids(v)
    assert set(shown_ids(v)) == set(
        svc.filter_ids(v.ctx.db, CandidateFilter(language=("sw", int(LanguageLevel.C1))))
    )
    level.setCurrentIndex(level.findData(int(LanguageLevel.C2)))
    assert cid not in shown_ids(v)
    v.clear_filters()
    assert v.model.rowCount() == 301


def test_other_filters_match_the_service(view) -> None:
    v, _ = view
    ui = v.filters
    ui.stageFilter.setCurrentIndex(ui.stageFilter.findData("ready"))
    ui.skillFilter.setCurrentIndex(ui.skillFilter.findData("wikidata"))
    ui.skillLevelFilter.setCurrentIndex(ui.skillLevelFilter.findData(2))
    ui.topicFilter.setCurrentIndex(ui.topicFilter.findData("health"))
    pickers.select_code(ui.placeFilter, "002")  # Africa
    ui.trainingFilter.setChecked(True)
    expected = svc.filter_ids(
        v.ctx.db,
        CandidateFilter(
            stages=frozenset({"ready"}),
            skill=("wikidata", 2),
            topic="health",
            place="002",
            training_complete=True,
        ),
    )
    assert sorted(shown_ids(v)) == expected
    ui.placeFilter.setCurrentIndex(0)
    ui.topicFilter.setCurrentIndex(0)
    wider = svc.filter_ids(
        v.ctx.db,
        CandidateFilter(stages=frozenset({"ready"}), skill=("wikidata", 2), training_complete=True),
    )
    assert wider and sorted(shown_ids(v)) == wider
    assert set(expected) <= set(wider)


def test_delete_asks_first(view) -> None:
    v, answers = view
    cid = v.model.candidate_id(0)
    v.select_candidate(cid)
    answers.queue = [Button.No]
    assert v.delete_selected() == 0
    assert v.model.total == 300
    answers.queue = [Button.Yes]
    assert v.delete_selected() == 1
    assert v.model.total == 299 and cid not in shown_ids(v)
    with pytest.raises(svc.CandidateNotFoundError):
        svc.get_candidate(v.ctx.db, cid)
    assert v.editor.candidate_id is None


def test_change_stage_for_a_multi_selection(view) -> None:
    v, _ = view
    table = v.ui.table
    table.selectRow(1)
    table.selectionModel().select(
        v.model.index(2, 0),
        table.selectionModel().SelectionFlag.Select | table.selectionModel().SelectionFlag.Rows,
    )
    ids = v.selected_ids()
    assert len(ids) == 2
    v.change_stage("withdrawn")
    assert all(svc.get_candidate(v.ctx.db, i).data.stage == "withdrawn" for i in ids)
    v.filters.stageFilter.setCurrentIndex(v.filters.stageFilter.findData("withdrawn"))
    assert set(ids) <= set(shown_ids(v))


def test_unsaved_changes_guard_on_navigation(view) -> None:
    v, answers = view
    first, second = v.model.candidate_id(0), v.model.candidate_id(1)
    v.select_candidate(first)
    original = v.editor.ui.fullNameEdit.text()
    v.editor.ui.fullNameEdit.setText(original + " Jr")
    # Cancel: stay on the edited candidate, edit kept.
    answers.queue = [Button.Cancel]
    v.ui.table.setCurrentIndex(v.model.index(1, 0))
    assert v.editor.candidate_id == first and v.editor.is_dirty()
    assert v.selected_ids() == [first]
    # Discard: move on, nothing saved.
    answers.queue = [Button.Discard]
    v.ui.table.setCurrentIndex(v.model.index(v.model.row_of(second), 0))
    assert v.editor.candidate_id == second
    assert svc.get_candidate(v.ctx.db, first).data.full_name == original
    # Save: the edit is stored before moving on.
    v.editor.ui.notesEdit.setPlainText("guarded")
    answers.queue = [Button.Save]
    v.ui.table.setCurrentIndex(v.model.index(v.model.row_of(first), 0))
    assert v.editor.candidate_id == first
    assert svc.get_candidate(v.ctx.db, second).data.notes == "guarded"
    assert len(answers.asked) == 3


def test_column_widths_and_sort_order_persist(qtbot, demo_db: Database) -> None:
    v, _ = make_view(qtbot, demo_db)
    v.ui.table.setColumnWidth(1, 321)
    v.ui.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    first_username = v.model.candidate_index.rows[
        v.model.candidate_index.position[v.model.candidate_id(0)]
    ][svc.USERNAME]
    v.save_layout()
    v.ctx.settings.sync()
    v.close()
    again, _ = make_view(qtbot, demo_db)
    header = again.ui.table.horizontalHeader()
    assert header.sectionSize(1) == 321
    assert header.sortIndicatorSection() == 1
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    top = again.model.candidate_id(0)
    assert (
        again.model.candidate_index.rows[again.model.candidate_index.position[top]][svc.USERNAME]
        == first_username
    )


def test_release_forgets_every_record(view) -> None:
    v, _ = view
    v.select_candidate(v.model.candidate_id(0))
    v.release()
    assert v.model.rowCount() == 0 and v.model.total == 0
    assert v.editor.ui.fullNameEdit.text() == ""


def test_coming_back_to_the_screen_shows_changes_made_elsewhere(qtbot, view) -> None:
    v, _ = view
    cid = v.model.candidate_id(0)
    v.select_candidate(cid)
    other = v.model.candidate_id(1)
    # Another screen (training, privacy) changes and deletes candidates meanwhile.
    svc.set_stage(v.ctx.db, [cid], "alumni")
    svc.delete_candidates(v.ctx.db, [other])
    v.hide()
    v.show()
    qtbot.waitUntil(lambda: v.model.total == 299, timeout=10_000)
    assert v.editor.ui.stageCombo.currentData() == "alumni"
    assert v.selected_ids() == [cid]
    assert other not in shown_ids(v)


def test_erase_from_the_table_menu_scrubs_the_person(view) -> None:
    """Right to erasure from the Candidates screen: typed confirmation, then erased."""
    from wir_manager.qt.dialogs.erase_dialog import confirm_and_erase

    v, _ = view
    cid = v.model.candidate_id(0)
    v.select_candidate(cid)
    typed: list[str] = []

    def answer(_parent, username, _heading):
        typed.append(username)
        return True

    v.eraser = lambda ctx, parent, candidate_id: confirm_and_erase(
        ctx, parent, candidate_id, ask=answer
    )
    assert v.erase_selected()
    assert typed and v.model.total == 299 and cid not in shown_ids(v)
    with pytest.raises(svc.CandidateNotFoundError):
        svc.get_candidate(v.ctx.db, cid)


@pytest.mark.parametrize("code", ["en", "sv"])
def test_a_laptop_window_gives_the_list_and_form_the_height_and_shows_the_stage_whole(
    qtbot, demo_db: Database, tmp_path, language, code: str
) -> None:
    """In a 1280×768 window the filter bar took 129 px for its 56 (the space left over was
    shared with the list and form, so the last field of the profile needed scrolling),
    and the list cut the Swedish stage "Under utbildning". Now the bar has its own
    height, the rest goes to the list and form, and name, username and stage show whole
    without scrolling."""
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QApplication, QStyle

    from tests.qt_support import close_window, screen_in_laptop_window
    from wir_manager.domain.enums import Stage

    language(code)
    window, view = screen_in_laptop_window(
        demo_db, tmp_path, qtbot, "candidates", lambda v: v.model.rowCount() == 300
    )

    assert view.filters.height() == view.filters.sizeHint().height()
    assert view.ui.splitter.height() > view.ui.splitter.sizeHint().height()
    table = view.ui.table
    header = table.horizontalHeader()
    viewport = table.viewport().width()
    for column in (0, 1, 2):  # name, username, stage
        left, width = header.sectionViewportPosition(column), header.sectionSize(column)
        assert left >= 0 and left + width <= viewport, (column, left, width, viewport)
    fm = QFontMetrics(table.font())
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    stages = {view.model.headerData(2, Qt.Orientation.Horizontal)} | {
        QApplication.translate("Enums", stage.label) for stage in Stage
    }
    assert "Under utbildning" in stages or code == "en"
    assert header.sectionSize(2) >= max(map(fm.horizontalAdvance, stages)) + 2 * margin
    close_window(qtbot, window)


def test_the_selection_follows_its_people_through_a_header_click(view, qtbot) -> None:
    """Select three people (Ctrl+click), then sort by another column with a click on its
    header: the same three stay selected and the current one stays current (the model
    moved rows without telling the selection, which then named whoever now sat at those
    row numbers, so Delete would have asked about other people); a delete after the
    sort names the right person."""
    from PySide6.QtCore import QItemSelectionModel, QPoint
    from PySide6.QtTest import QTest

    from wir_manager.qt.models.candidate_table import COLUMNS
    from wir_manager.services import candidate_index as ci

    v, answers = view
    table = v.ui.table
    selection = table.selectionModel()
    flags = QItemSelectionModel.SelectionFlag
    rows = (3, 4, 40)
    for row in rows:
        selection.select(v.model.index(row, 0), flags.Select | flags.Rows)
    selection.setCurrentIndex(v.model.index(40, 0), flags.NoUpdate)
    chosen = sorted(v.model.candidate_id(r) for r in rows)
    current = v.model.candidate_id(40)
    assert sorted(v.selected_ids()) == chosen

    header = table.horizontalHeader()
    for field in (ci.EMAIL, ci.LANGUAGES):
        column = next(i for i, (f, _title) in enumerate(COLUMNS) if f == field)
        x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        before = [v.model.candidate_id(r) for r in range(v.model.rowCount())]
        QTest.mouseClick(
            header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
        )
        assert [v.model.candidate_id(r) for r in range(v.model.rowCount())] != before
        assert sorted(v.selected_ids()) == chosen, field
        assert v.model.candidate_id(selection.currentIndex().row()) == current, field
        assert all(  # whole rows, not scattered cells
            selection.isRowSelected(v.model.row_of(cid)) for cid in chosen
        )

    # One person selected, another column's click, then Delete: it asks about them.
    selection.clearSelection()
    selection.select(v.model.index(v.model.row_of(current), 0), flags.Select | flags.Rows)
    column = next(i for i, (f, _title) in enumerate(COLUMNS) if f == ci.NAME)
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    QTest.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )
    row = v.model.candidate_index.rows[v.model.candidate_index.position[current]]
    answers.queue = [Button.No]
    assert v.delete_selected() == 0
    assert f"{row[ci.NAME]} ({row[ci.USERNAME]})" in answers.asked[-1]
