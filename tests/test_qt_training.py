"""Training screen driven with qtbot on a real encrypted database."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QItemSelectionModel
from sqlalchemy import select

from tests.qt_support import make_ctx
from wir_manager.domain.enums import Stage
from wir_manager.qt.views.training import ALL_STAGES, TrainingView
from wir_manager.qt.widgets.confirm import LeaveAnswer
from wir_manager.qt.widgets.progress_grid import chip_colours, contrast_ratio
from wir_manager.services import training as tr
from wir_manager.services.training import COMPLETED, IN_PROGRESS
from wir_manager.storage import models as m


@pytest.fixture
def view(qtbot, demo_db, tmp_path: Path) -> TrainingView:
    widget = TrainingView(make_ctx(demo_db, tmp_path))
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    with qtbot.waitSignal(widget.grid_updated, timeout=10_000):
        widget.show()
    return widget


def _stage(db, cid: int) -> str:
    with db.engine.connect() as conn:
        return conn.execute(select(m.Candidate.stage).where(m.Candidate.id == cid)).scalar().value


def test_mark_completed_makes_candidate_ready(qtbot, view: TrainingView, demo_db) -> None:
    model = view.grid_model
    assert view.ui.cohortCombo.currentData() == "in_training"
    assert model.rowCount() > 0
    assert all(model.row_record(r).stage == "in_training" for r in range(model.rowCount()))
    record = model.row_record(0)
    assert not model.is_ready_row(0)
    mandatory = [mod.id for mod in model.grid.modules if mod.mandatory]
    missing = [
        mod.id
        for mod, code in zip(model.grid.modules, record.statuses, strict=True)
        if mod.mandatory and code != COMPLETED
    ]
    assert missing
    # Select the candidate's missing mandatory cells, as a user would with Ctrl+click.
    view.select_cells([record.candidate_id], missing)
    assert view.selected_cells() == {mid: {record.candidate_id} for mid in missing}
    assert view.ui.markButton.isEnabled()
    view.ui.dateEdit.setDate(QDate(2026, 10, 3))
    view.ui.scoreSpin.setValue(91)
    with qtbot.waitSignal(view.grid_updated, timeout=10_000):
        view.ui.markButton.click()

    assert view.last_result == (len(missing), [record.candidate_id])
    assert _stage(demo_db, record.candidate_id) == "ready"
    row = model.visible_row_of(record.candidate_id)
    assert row >= 0  # stays visible until the filter changes, now shown as ready
    assert model.is_ready_row(row)
    assert model.row_record(row).stage == "ready"
    assert "now ready" in view.ui.statusLabel.text()
    ready_col = model.columnCount() - 1
    assert model.index(row, ready_col).data().startswith("✓")
    detail = tr.cell_detail(demo_db, record.candidate_id, missing[0])
    assert detail.completed_on == dt.date(2026, 10, 3) and detail.score == 91
    assert set(mandatory) <= set(tr.candidate_progress(demo_db, record.candidate_id))


def test_whole_row_selection_and_in_progress(qtbot, view: TrainingView, demo_db) -> None:
    model = view.grid_model
    view.ui.cohortCombo.setCurrentIndex(view.ui.cohortCombo.findData("screened"))
    assert model.rowCount() > 1
    ids = [model.row_record(r).candidate_id for r in (0, 1)]
    sel = view.ui.grid.selectionModel()
    sel.clear()
    for r in (0, 1):
        sel.select(model.index(r, model.NAME), QItemSelectionModel.SelectionFlag.Select)
    cells = view.selected_cells()
    assert set(cells) == {mod.id for mod in model.grid.modules}
    with qtbot.waitSignal(view.grid_updated, timeout=10_000):
        view.ui.markButton.click()
    # Screened candidates who finish every module are complete but do not become ready.
    assert all(_stage(demo_db, cid) == Stage.SCREENED.value for cid in ids)
    assert model.is_ready_row(model.visible_row_of(ids[0]))
    sel.clear()
    sel.select(model.index(0, 2), QItemSelectionModel.SelectionFlag.Select)
    target = model.row_record(0).candidate_id
    with qtbot.waitSignal(view.grid_updated, timeout=10_000):
        view.ui.inProgressButton.click()
    assert model.row_record(model.visible_row_of(target)).statuses[0] == IN_PROGRESS


def test_filters_by_text_cohort_and_incomplete(view: TrainingView) -> None:
    model = view.grid_model
    view.ui.cohortCombo.setCurrentIndex(0)  # all stages
    assert model.rowCount() == 300
    name = model.row_record(5).name
    view.ui.searchEdit.setText(name.split()[0].lower())
    assert 0 < model.rowCount() < 300
    assert any(model.row_record(r).name == name for r in range(model.rowCount()))
    view.ui.searchEdit.clear()
    view.ui.incompleteOnlyCheck.setChecked(True)
    assert all(not model.is_ready_row(r) for r in range(model.rowCount()))
    assert "of 300 candidates shown" in view.ui.statusLabel.text()


def test_module_editing_reorders_columns(qtbot, view: TrainingView, demo_db) -> None:
    columns_before = view.grid_model.columnCount()
    view.new_item()
    editor = view.module_editor
    assert not editor.ui.saveButton.isEnabled()
    editor.ui.titleEdit.setText("Safety and harassment online")
    editor.ui.mandatoryCheck.setChecked(False)
    with qtbot.waitSignal(view.grid_updated, timeout=10_000):
        assert view.save()
    assert view.grid_model.columnCount() == columns_before + 1
    modules = tr.list_modules(demo_db)
    assert modules[-1].title == "Safety and harassment online" and not modules[-1].mandatory
    with qtbot.waitSignal(view.grid_updated, timeout=10_000):
        view.move_module(-1)
    assert tr.list_modules(demo_db)[-2].title == "Safety and harassment online"
    # retire it: the column disappears, the module stays listed as retired
    editor.ui.activeCheck.setChecked(False)
    with qtbot.waitSignal(view.grid_updated, timeout=10_000):
        view.save()
    assert view.grid_model.columnCount() == columns_before
    assert "retired" in view.modules.index(view.modules.rowCount() - 2).data()


def test_unsaved_module_guard(view: TrainingView) -> None:
    view.ui.moduleList.setCurrentIndex(view.modules.index(0))
    view.module_editor.ui.titleEdit.setText("Renamed but not saved")
    view.ask_unsaved = lambda: LeaveAnswer.CANCEL
    view.ui.moduleList.setCurrentIndex(view.modules.index(2))
    assert view.ui.moduleList.currentIndex().row() == 0
    assert view.module_editor.ui.titleEdit.text() == "Renamed but not saved"
    assert view.has_unsaved_changes()
    view.ask_unsaved = lambda: LeaveAnswer.DISCARD
    view.ui.moduleList.setCurrentIndex(view.modules.index(2))
    assert view.module_editor.module == view.modules.module(2)


def test_empty_programme_offers_default_curriculum(qtbot, db, tmp_path: Path) -> None:
    widget = TrainingView(make_ctx(db, tmp_path))
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.grid_updated, timeout=10_000):
        widget.show()
    assert widget.ui.installDefaultsButton.isVisible()
    assert "no active module" in widget.ui.statusLabel.text()
    with qtbot.waitSignal(widget.grid_updated, timeout=10_000):
        widget.ui.installDefaultsButton.click()
    assert widget.modules.rowCount() == 9
    assert not widget.ui.installDefaultsButton.isVisible()


@pytest.mark.parametrize("dark", [False, True])
def test_chip_colours_readable(dark: bool) -> None:
    for code in (COMPLETED, IN_PROGRESS):
        chip = chip_colours(code, dark)
        assert chip is not None
        assert contrast_ratio(chip.background, chip.foreground) >= 4.5


def test_promote_finished_after_retiring_a_module(qtbot, view: TrainingView, demo_db) -> None:
    assert view.ui.promoteButton.isHidden()
    # Retire every mandatory module but the first: many in-training people are then done.
    mandatory = [mod for mod in tr.list_modules(demo_db) if mod.mandatory]
    for mod in mandatory[1:]:
        tr.deactivate_module(demo_db, mod.id)
    with qtbot.waitSignal(view.grid_updated, timeout=10_000):
        view.reload_grid()
    waiting = view.grid_model.finished_in_training()
    assert waiting
    assert not view.ui.promoteButton.isHidden()
    assert str(len(waiting)) in view.ui.promoteButton.text()
    # The retired modules reach the screen through the change hub too (a grid reload);
    # wait for the promotion itself.
    view.ui.promoteButton.click()
    qtbot.waitUntil(lambda: view.last_result is not None, timeout=10_000)
    assert view.last_result == (0, sorted(waiting))
    assert all(_stage(demo_db, cid) == "ready" for cid in waiting)
    qtbot.waitUntil(lambda: _idle(view), timeout=10_000)
    assert view.ui.promoteButton.isHidden()


def _idle(view: TrainingView) -> bool:
    from PySide6.QtCore import QThreadPool

    return QThreadPool.globalInstance().activeThreadCount() == 0 and not view.loading


def test_grid_read_overtaken_by_a_promotion_is_read_again(
    qtbot, view: TrainingView, demo_db, monkeypatch
) -> None:
    """A grid read that began before the promotion must not put the old stages back."""
    import threading

    mandatory = [mod for mod in tr.list_modules(demo_db) if mod.mandatory]
    for mod in mandatory[1:]:
        tr.deactivate_module(demo_db, mod.id)
    with qtbot.waitSignal(view.grid_updated, timeout=10_000):
        view.reload_grid()
    qtbot.waitUntil(lambda: _idle(view), timeout=10_000)  # the change hub's reads too
    waiting = view.grid_model.finished_in_training()
    assert waiting

    real_load = tr.load_grid
    promoted = threading.Event()
    read_done = threading.Event()
    stale_calls: list[int] = []

    def read_before_promotion(*args, **kwargs):
        if kwargs.get("candidate_ids") is None and not stale_calls:
            stale_calls.append(1)
            grid = real_load(*args, **kwargs)  # read while everyone is still in training
            read_done.set()
            promoted.wait(10)
            return grid
        return real_load(*args, **kwargs)

    monkeypatch.setattr(tr, "load_grid", read_before_promotion)
    view.reload_grid()  # the slow read is done first …
    assert read_done.wait(10)
    view.ui.promoteButton.click()  # … and the promotion overtakes it
    qtbot.waitUntil(lambda: view.last_result is not None, timeout=10_000)
    with qtbot.waitSignal(view.grid_updated, timeout=10_000):
        promoted.set()  # the old rows arrive now
    qtbot.waitUntil(lambda: _idle(view), timeout=10_000)
    assert stale_calls
    assert view.grid_model.finished_in_training() == []
    assert view.ui.promoteButton.isHidden()


def test_failed_grid_read_overtaken_by_a_newer_read_shows_no_error(
    qtbot, view: TrainingView, demo_db, monkeypatch
) -> None:
    """A read replaced by a newer one is nobody's answer: its error is not shown, and the
    newer read's grid stays."""
    import threading

    from wir_manager.qt.views import training as training_view

    qtbot.waitUntil(lambda: _idle(view), timeout=10_000)
    shown: list[BaseException] = []
    monkeypatch.setattr(training_view, "show_error", lambda _parent, exc: shown.append(exc))
    real_load = tr.load_grid
    retired = threading.Event()
    read_started = threading.Event()
    failed_calls: list[int] = []

    def failing_first_read(*args, **kwargs):
        if kwargs.get("candidate_ids") is None and not failed_calls:
            failed_calls.append(1)
            read_started.set()
            retired.wait(10)
            raise RuntimeError("the connection dropped during the old read")
        return real_load(*args, **kwargs)

    monkeypatch.setattr(tr, "load_grid", failing_first_read)
    view.reload_grid()  # the old read is held …
    assert read_started.wait(10)
    module = next(mod for mod in view.grid_model.grid.modules if not mod.mandatory)
    tr.deactivate_module(demo_db, module.id)
    with qtbot.waitSignal(view.grid_updated, timeout=10_000):
        view.reload_grid()  # … a newer read, after the module was retired, answers first
    assert module.id not in [mod.id for mod in view.grid_model.grid.modules]
    retired.set()  # the old read fails now
    qtbot.waitUntil(lambda: _idle(view), timeout=10_000)
    qtbot.wait(50)  # the failure's queued signal has been delivered
    assert failed_calls
    assert shown == []
    assert module.id not in [mod.id for mod in view.grid_model.grid.modules]
    assert view.grid_model.rowCount() > 0
    assert "Loading" not in view.ui.statusLabel.text()


def test_screen_dropped_while_loading_ignores_late_result(qtbot, demo_db, tmp_path: Path) -> None:
    ctx = make_ctx(demo_db, tmp_path)
    widget = TrainingView(ctx)  # starts loading the grid in the background
    widget.release()
    widget.deleteLater()
    qtbot.wait(10)
    assert ctx.tasks.wait(10_000)
    qtbot.wait(50)  # the late result arrives and is dropped without touching dead widgets
    assert not ctx.tasks.busy


def test_names_stay_readable_on_a_laptop_screen(qtbot, view: TrainingView) -> None:
    """At the width the screen gets in a 1366-pixel window, with the demo's nine modules,
    a candidate's name is shown whole (the grid scrolls sideways instead of eliding every
    name to three letters)."""
    view.resize(1366 - 190, 700)  # the sidebar takes the rest
    qtbot.waitUntil(lambda: view.grid_model.rowCount() > 0, timeout=20_000)
    grid = view.ui.grid
    model = view.grid_model
    name = "Abdullahi Jibril"
    width = grid.fontMetrics().horizontalAdvance(name) + 16
    assert grid.columnWidth(model.NAME) >= width
    assert len(list(model.module_columns())) >= 9


@pytest.mark.parametrize(
    ("code", "said"), [("en", "changed this record"), ("sv", "ändrade posten")]
)
def test_a_stale_module_save_says_who_and_offers_reload_or_keep(
    qtbot, view: TrainingView, demo_db, db_path: Path, language, code: str, said: str
) -> None:
    from tests.conftest import PASSPHRASE
    from wir_manager.qt.widgets.confirm import StaleAnswer
    from wir_manager.storage.database import Database

    language(code)
    editor = view.module_editor
    view.ui.moduleList.setCurrentIndex(view.modules.index(0))
    module = editor.module
    assert module is not None
    answers = [StaleAnswer.CANCEL, StaleAnswer.KEEP_MINE, StaleAnswer.RELOAD]
    asked: list[str] = []
    view.ask_stale = lambda _parent, text: asked.append(text) or answers.pop(0)
    colleague = Database.open(db_path, PASSPHRASE)
    colleague.use_operator("Priya Raghunathan")
    try:
        editor.ui.titleEdit.setText("विकिपीडिया संपादन की मूल बातें")
        tr.update_module(colleague, module.id, description="Jetzt mit Übungen")
        # Cancel: the form stays as typed, unsaved.
        editor.ui.saveButton.click()
        assert len(asked) == 1 and "Priya Raghunathan" in asked[0] and said in asked[0]
        assert f"{dt.date.today():%Y-%m-%d}" in asked[0]
        assert editor.ui.titleEdit.text() == "विकिपीडिया संपादन की मूल बातें"
        assert editor.is_dirty()
        # Keep my version: saved over theirs (their description too: the form's stands).
        editor.ui.saveButton.click()
        stored = next(x for x in tr.list_modules(colleague) if x.id == module.id)
        assert stored.title == "विकिपीडिया संपादन की मूल बातें"
        assert stored.description == module.description
        assert not editor.is_dirty()
        # Reload: their newer title replaces what was typed.
        editor.ui.titleEdit.setText("Mein Titel")
        tr.update_module(colleague, module.id, title="Редактирование Википедии")
        editor.ui.saveButton.click()
        assert len(asked) == 3
        assert editor.ui.titleEdit.text() == "Редактирование Википедии"
        assert not editor.is_dirty()
    finally:
        colleague.close()


@pytest.mark.parametrize("code", ["en", "sv"])
def test_every_stage_shows_whole_in_the_grid(
    qtbot, demo_db, tmp_path: Path, language, code
) -> None:
    """The stage column was 96 px, chosen for English: in Swedish "Under utbildning"
    (the cohort the grid opens on) was cut to "Under utbil…". It is now as wide as the
    longest stage's name in the language in use, header included, and every row of the
    whole programme ("All stages") shows its stage whole; the cohort picker and the cells
    name stages alike."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QStyle

    language(code)
    widget = TrainingView(make_ctx(demo_db, tmp_path))
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    with qtbot.waitSignal(widget.grid_updated, timeout=10_000):
        widget.show()
    combo = widget.ui.cohortCombo
    with qtbot.waitSignal(widget.grid_updated, timeout=10_000, raising=False):
        combo.setCurrentIndex(combo.findData(ALL_STAGES))
    model, grid = widget.grid_model, widget.ui.grid
    assert model.rowCount() > 0
    shown = {model.index(r, model.STAGE).data() for r in range(model.rowCount())}
    assert len(shown) > 2, shown  # the whole programme, not one cohort
    picker = {combo.itemText(i) for i in range(1, combo.count())}
    assert shown <= picker  # a cell names its stage as the picker does
    if code == "sv":
        assert "Under utbildning" in shown and "In training" not in picker
    fm = QFontMetrics(grid.font())
    margin = grid.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, grid) + 1
    width = grid.horizontalHeader().sectionSize(model.STAGE)
    assert width >= max(fm.horizontalAdvance(text) for text in picker) + 2 * margin, width
    title = model.headerData(model.STAGE, Qt.Orientation.Horizontal)
    assert width >= grid.horizontalHeader().fontMetrics().horizontalAdvance(title)
