"""A team login sees the controls it may not use disabled, with why in the tooltip.

The server enforces the roles (``server_admin.WRITES``); these tests are about what the
user sees first: a viewer on Candidates and Requests finds New, Save, Delete, the stage
change and the imports disabled, with "Your login (viewer) may not change …" as their
tooltip, also after choosing a row and typing into the form; reading, searching,
filtering and exporting stay enabled. A staff login may save candidates but not
requests. On a file everything stays as it was. Real widgets, a real PostgreSQL server,
in English and Swedish."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QLabel,
    QPushButton,
    QToolButton,
    QWidget,
)

from tests.pg_cluster import LOGIN_PASSWORD
from tests.qt_support import Answers, close_window, make_window
from wir_manager.qt.main_window import MainWindow
from wir_manager.qt.widgets import write_access
from wir_manager.qt.widgets.date_field import DateField
from wir_manager.storage import server_admin
from wir_manager.storage.server import ServerDatabase
from wir_manager.storage.server_admin import TeamRole

TIPS = {
    "en": {
        "candidates": "Your login ({role}) may not change candidates.",
        "delete": "Your login ({role}) may not delete candidates.",
        "requests": "Your login ({role}) may not change placement requests.",
        "training": "Your login ({role}) may not change training records.",
        "modules": "Your login ({role}) may not change training modules.",
        "shortlists": "Your login ({role}) may not change shortlists.",
        "weights": "Your login ({role}) may not change weight profiles.",
        "wiki": "Your login ({role}) may not verify candidates on the wikis.",
        "dossiers": "Your login ({role}) may not generate dossiers.",
        "settings": "Your login ({role}) may not change the shared settings.",
    },
    "sv": {
        "candidates": "Din inloggning ({role}) får inte ändra kandidater.",
        "delete": "Din inloggning ({role}) får inte ta bort kandidater.",
        "requests": "Din inloggning ({role}) får inte ändra placeringsförfrågningar.",
        "training": "Din inloggning ({role}) får inte ändra utbildningsuppgifter.",
        "modules": "Din inloggning ({role}) får inte ändra utbildningsmoduler.",
        "shortlists": "Din inloggning ({role}) får inte ändra kortlistor.",
        "weights": "Din inloggning ({role}) får inte ändra viktprofiler.",
        "wiki": "Din inloggning ({role}) får inte verifiera kandidater på wikierna.",
        "dossiers": "Din inloggning ({role}) får inte skapa dossierer.",
        "settings": "Din inloggning ({role}) får inte ändra de gemensamma inställningarna.",
    },
}


def _close(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    close_window(qtbot, window)


def _team_login(server_db_url: str, pg_server, role: TeamRole) -> ServerDatabase:  # type: ignore[no-untyped-def]
    """A fresh team database with a demo programme, and a login of ``role`` on it."""
    from wir_manager.services import demo, matching

    dbname = server_db_url.rsplit("/", 1)[1]
    login = f"{role.value}_{dbname}"
    with ServerDatabase.connect(server_db_url) as admin:
        demo.generate(admin, candidates=12, requests=3, seed=8)
        matching.current_profile(admin)  # stored, as a coordinator's first ranking does
        server_admin.add_user(admin, login, role, password=LOGIN_PASSWORD)
    return ServerDatabase.connect(pg_server.url(login, dbname))


def _candidates(window: MainWindow, qtbot):  # type: ignore[no-untyped-def]
    """The Candidates screen, loaded, with its first person chosen and the form edited."""
    screen = window.show_screen("candidates")
    qtbot.waitUntil(lambda: screen.is_loaded and screen.model.rowCount() > 0, timeout=20_000)
    cid = screen.model.candidate_index.rows[0][0]
    assert screen.select_candidate(cid)
    assert screen.selected_ids() == [cid]
    screen.editor.ui.fullNameEdit.setText("Amani Njeri-Okonkwo")
    assert screen.editor.is_dirty() and screen.editor.is_valid()
    return screen


def _requests(window: MainWindow, qtbot):  # type: ignore[no-untyped-def]
    """The Requests screen with a request chosen and its title edited."""
    screen = window.show_screen("requests")
    qtbot.waitUntil(lambda: screen.proxy.rowCount() > 0, timeout=20_000)
    screen.ui.table.selectRow(0)
    qtbot.waitUntil(lambda: screen.editor.request_id is not None, timeout=5_000)
    screen.editor.ui.titleEdit.setText("Wikipedian in Residence — ยูเนสโก")
    assert screen.editor.is_dirty() and screen.editor.is_valid()
    return screen


def _refused(control, tip: str) -> None:  # type: ignore[no-untyped-def]
    assert not control.isEnabled(), control.objectName() or control.text()
    assert control.toolTip() == tip, (control.objectName() or control.text(), control.toolTip())


@pytest.mark.parametrize("code", ["en", "sv"])
def test_a_viewer_finds_the_write_controls_disabled_with_the_reason(
    qtbot, pg_server, server_db_url: str, language, code: str, tmp_path: Path
) -> None:
    language(code)
    db = _team_login(server_db_url, pg_server, TeamRole.VIEWER)
    assert db.role == "viewer" and db.identity["roles"] == ["viewer"]
    assert not db.may_write("candidates") and not db.may_write("placement_requests")
    window = make_window(db, tmp_path, qtbot)
    tips = {k: v.format(role="viewer") for k, v in TIPS[code].items()}

    screen = _candidates(window, qtbot)
    ui, editor = screen.ui, screen.editor
    for control in (ui.newButton, ui.stageButton, editor.ui.saveButton):
        _refused(control, tips["candidates"])
    _refused(ui.deleteButton, tips["delete"])
    _refused(screen.wiki.button, tips["wiki"])  # verifying stores a snapshot
    # Another row chosen: the screen's own enable logic runs again, the refusal stays.
    other = screen.model.candidate_index.rows[1][0]
    editor.ui.revertButton.click()
    assert screen.select_candidate(other)
    editor.ui.fullNameEdit.setText("Ngozi Adeyemi")
    for control in (ui.newButton, ui.stageButton, editor.ui.saveButton):
        _refused(control, tips["candidates"])
    _refused(ui.deleteButton, tips["delete"])
    # Reading stays: search, filters, the form's own Revert, the exports.
    assert ui.searchEdit.isEnabled() and screen.filters.isEnabled()
    assert editor.ui.revertButton.isEnabled()
    assert window.ui.actionExportCandidates.isEnabled()
    assert window.ui.actionExportTraining.isEnabled()
    # The imports write: disabled, saying why.
    _refused(window.ui.actionImportCandidates, tips["candidates"])
    _refused(window.ui.actionImportRequests, tips["requests"])
    _refused(window.ui.actionImportTraining, tips["training"])
    editor.ui.revertButton.click()

    requests = _requests(window, qtbot)
    rui = requests.ui
    for control in (
        rui.newButton,
        rui.deleteButton,
        requests.action_new,
        requests.action_save,
        requests.editor.ui.saveButton,
    ):
        _refused(control, tips["requests"])
    requests.discard_changes()
    requests.ui.table.selectRow(1)
    qtbot.waitUntil(lambda: requests.editor.request_id is not None, timeout=5_000)
    requests.editor.ui.titleEdit.setText("Residency at the archive")
    for control in (rui.newButton, rui.deleteButton, requests.editor.ui.saveButton):
        _refused(control, tips["requests"])
    assert rui.searchEdit.isEnabled() and rui.statusFilter.isEnabled()
    assert requests.action_find.isEnabled()
    requests.discard_changes()

    training = window.show_screen("training")
    qtbot.waitUntil(lambda: training.grid_model.rowCount() > 0, timeout=20_000)
    record = training.grid_model.row_record(0)
    training.select_cells([record.candidate_id])
    assert training.selected_cells()  # cells chosen: what would enable the marking
    tui = training.ui
    for control in (tui.markButton, tui.inProgressButton, tui.resetButton, training.action_mark):
        _refused(control, tips["training"])
    editor = training.module_editor
    editor.ui.titleEdit.setText("Wikidata för arkiv")
    assert editor.is_dirty() and not editor.problem()
    for control in (
        editor.ui.saveButton,
        training.action_save,
        tui.addModuleButton,
        training.action_new,
    ):
        _refused(control, tips["modules"])
    assert tui.searchEdit.isEnabled() and tui.cohortCombo.isEnabled()
    editor.ui.revertButton.click()
    _close(window, qtbot)
    db.close()


@pytest.mark.parametrize("code", ["en", "sv"])
def test_a_staff_login_may_save_candidates_but_not_requests(
    qtbot, pg_server, server_db_url: str, language, code: str, tmp_path: Path
) -> None:
    language(code)
    db = _team_login(server_db_url, pg_server, TeamRole.STAFF)
    assert db.role == "staff" and db.identity["roles"] == ["viewer", "staff"]
    window = make_window(db, tmp_path, qtbot)
    tips = {k: v.format(role="staff") for k, v in TIPS[code].items()}

    screen = _candidates(window, qtbot)
    for control in (screen.ui.newButton, screen.ui.stageButton, screen.editor.ui.saveButton):
        assert control.isEnabled() and control.toolTip() != tips["candidates"]
    assert window.ui.actionImportCandidates.isEnabled()
    # Deleting a candidate is the admin's (erasure and deletions are audited apart).
    _refused(screen.ui.deleteButton, tips["delete"])
    assert screen.save() is True  # and the server agrees

    requests = _requests(window, qtbot)
    for control in (requests.editor.ui.saveButton, requests.ui.newButton, requests.action_save):
        _refused(control, tips["requests"])
    _refused(window.ui.actionImportRequests, tips["requests"])
    requests.discard_changes()

    # Shortlists are the coordinator's: ranking is reading, saving is not.
    shortlists = window.show_screen("shortlists")
    rid = requests.editor.request_id
    assert rid is not None
    with qtbot.waitSignal(shortlists.ranked, timeout=20_000):
        shortlists.select_request(rid)
        if shortlists.request_id() == rid:
            shortlists.rerank()
    with qtbot.waitSignal(shortlists.ranked, timeout=20_000):
        shortlists.set_weight("experience", 0 if shortlists.weights()["experience"] else 40)
    _refused(shortlists.ui.saveButton, tips["shortlists"])
    _refused(shortlists.ui.saveWeightsButton, tips["weights"])
    assert shortlists.ui.resetWeightsButton.isEnabled()  # the typed weights are local
    # A dossier is logged as a disclosure, which only a coordinator may write.
    _refused(shortlists.ui.dossierButton, tips["dossiers"])
    _close(window, qtbot)
    db.close()


def test_on_a_file_every_write_control_stays_enabled(qtbot, demo_db, tmp_path: Path) -> None:
    assert demo_db.may_write("candidates") and demo_db.role is None
    window = make_window(demo_db, tmp_path, qtbot)
    screen = _candidates(window, qtbot)
    for control in (
        screen.ui.newButton,
        screen.ui.stageButton,
        screen.ui.deleteButton,
        screen.editor.ui.saveButton,
        window.ui.actionImportCandidates,
        window.ui.actionImportRequests,
        window.ui.actionImportTraining,
    ):
        assert control.isEnabled(), control.objectName()
        assert "may not" not in control.toolTip()
    assert screen.save() is True

    requests = _requests(window, qtbot)
    for control in (
        requests.ui.newButton,
        requests.ui.deleteButton,
        requests.action_save,
        requests.editor.ui.saveButton,
    ):
        assert control.isEnabled(), control.objectName()
        assert "may not" not in control.toolTip()
    requests.discard_changes()
    _close(window, qtbot)


def test_the_server_is_asked_once_per_table_and_privilege(pg_server, server_db_url: str) -> None:
    """``may_write`` is cached like ``hidden_columns``: the screens ask it on every
    selection change, the server answers once per connection."""
    from sqlalchemy import event

    db = _team_login(server_db_url, pg_server, TeamRole.STAFF)
    asked: list[str] = []
    event.listen(
        db.engine,
        "before_cursor_execute",
        lambda _c, _cur, statement, *_a: (
            asked.append(statement) if "has_table_privilege" in statement else None
        ),
    )
    for _ in range(3):
        assert db.may_write("candidates")
        assert not db.may_write("candidates", "DELETE")
        assert not db.may_write("placement_requests")
        assert db.may_write("training_progress", "insert,update")
    assert len(asked) == 4  # "INSERT, UPDATE" and "insert,update" are one question
    with pytest.raises(ValueError):
        db.may_write("candidates", "SELECT")
    db.close()


def test_a_viewer_ranks_before_any_coordinator_stored_the_weights(
    pg_server, server_db_url: str
) -> None:
    """On a new team server the default weights are stored at the first ranking. A
    viewer may not store them, so a viewer who ranks first gets the default weights
    unsaved (id 0) instead of the server's refusal, and nothing is written."""
    from sqlalchemy import func, select

    from wir_manager.services import matching
    from wir_manager.storage import models as m

    dbname = server_db_url.rsplit("/", 1)[1]
    login = f"viewer_{dbname}"
    with ServerDatabase.connect(server_db_url) as admin:
        server_admin.add_user(admin, login, TeamRole.VIEWER, password=LOGIN_PASSWORD)
    with ServerDatabase.connect(pg_server.url(login, dbname)) as viewer:
        profile = matching.current_profile(viewer)
        assert (profile.id, profile.name, profile.version) == (0, "default", 1)
        assert profile.weights == matching.DEFAULT_WEIGHTS
        with viewer.engine.connect() as conn:
            assert conn.execute(select(func.count()).select_from(m.WeightProfile)).scalar() == 0
    with ServerDatabase.connect(server_db_url) as admin:
        stored = matching.current_profile(admin)  # a coordinator's first ranking stores it
        assert stored.id > 0 and stored.weights == profile.weights


def test_a_lost_connection_leaves_the_question_open(pg_server, server_db_url: str) -> None:
    """The screens ask ``may_write`` whenever the selection changes; with the server gone
    the question must not become an error dialog of its own. The control is left to the
    screen (the write then says in one sentence that the server was lost), and the answer
    is asked again once the server is back."""
    db = _team_login(server_db_url, pg_server, TeamRole.VIEWER)
    name = db.address.dbname
    pg_server.cluster.execute(f"ALTER DATABASE {name} WITH ALLOW_CONNECTIONS false")
    pg_server.cluster.execute(
        f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"
    )
    try:
        assert db.may_write("placement_requests") is True  # not known: not refused
    finally:
        pg_server.cluster.execute(f"ALTER DATABASE {name} WITH ALLOW_CONNECTIONS true")
    assert db.may_write("placement_requests") is False  # asked again, and answered
    db.close()


# ---------------------------------------------------------------------- read-only forms
TRAINING_EXPORT = (
    Path(__file__).parent
    / "fixtures"
    / "imports"
    / "WikiLearn+WIR101+2026_grade_report_2026-11-20-1015.csv"
)


def _chosen(window: MainWindow, qtbot):  # type: ignore[no-untyped-def]
    """The Candidates screen loaded with its first person chosen (nothing typed); its
    questions and error boxes are collected instead of shown (a modal box hangs a test)."""
    screen = window.show_screen("candidates")
    qtbot.waitUntil(lambda: screen.is_loaded and screen.model.rowCount() > 0, timeout=20_000)
    answers = Answers()  # any question asked fails the test: none may be
    screen.ask = answers
    screen.ask_unsaved = answers.unsaved
    errors: list[BaseException] = []
    screen.report_error = lambda _parent, exc: errors.append(exc)
    cid = screen.model.candidate_index.rows[0][0]
    assert screen.select_candidate(cid)
    return screen, cid, errors


def _banner(form: QWidget) -> str | None:
    """The refusal shown at the top of a form (None when there is none to see)."""
    frame = form.findChild(QFrame, write_access.BANNER)
    if frame is None or not frame.isVisibleTo(form):
        return None
    label = frame.findChild(QLabel, write_access.BANNER_TEXT)
    assert label is not None and label.isVisibleTo(form)
    return label.text()


def _tick(qtbot, check) -> None:  # type: ignore[no-untyped-def]
    """Click a check box on its box (its centre may be past the end of its text)."""
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(6, check.height() // 2))


def _key(qtbot, widget: QWidget, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    """A key pressed with focus in ``widget`` (window shortcuts included)."""
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.keyClick(widget, key, modifier)


def _status(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


@pytest.mark.parametrize("code", ["en", "sv"])
def test_a_viewer_reads_the_forms_types_nothing_and_the_keys_only_say_why(
    qtbot, pg_server, server_db_url: str, language, code: str, tmp_path: Path
) -> None:
    from wir_manager.services import candidates as svc
    from wir_manager.services import requests as rq
    from wir_manager.services import training as tr

    language(code)
    db = _team_login(server_db_url, pg_server, TeamRole.VIEWER)
    window = make_window(db, tmp_path, qtbot)
    window.activateWindow()
    tips = {k: v.format(role="viewer") for k, v in TIPS[code].items()}
    screen, cid, errors = _chosen(window, qtbot)
    editor = screen.editor
    ui = editor.ui
    stored = svc.get_candidate(db, cid).data
    assert ui.fullNameEdit.text() == stored.full_name  # what is stored is shown

    # The sentence is in the form, above everything, not only in a tooltip.
    assert _banner(editor) == tips["candidates"]
    banner = editor.findChild(QFrame, write_access.BANNER)
    assert banner.geometry().top() < ui.headingLabel.geometry().top()
    text = banner.findChild(QLabel, write_access.BANNER_TEXT)
    assert text.width() >= min(text.sizeHint().width(), banner.width() - 60)  # not squeezed

    # Typing, picking and ticking change nothing.
    qtbot.keyClicks(ui.fullNameEdit, "Zawadi")
    assert ui.fullNameEdit.text() == stored.full_name and ui.fullNameEdit.isReadOnly()
    assert ui.availableFromEdit.isReadOnly()
    assert not ui.availableFromEdit.calendar_action.isEnabled()  # no calendar to pick from
    stage = ui.stageCombo.currentIndex()
    _key(qtbot, ui.stageCombo, Qt.Key.Key_Down)
    qtbot.mouseClick(ui.stageCombo, Qt.MouseButton.LeftButton)
    assert ui.stageCombo.currentIndex() == stage and not ui.stageCombo.view().isVisible()
    assert ui.countryCombo.lineEdit().isReadOnly()
    for button in (ui.addLanguageButton, ui.removeLanguageButton, editor.add_affiliate_button):
        _refused(button, tips["candidates"])
    # Tabs still switch (with the mouse, as a person does), and ticks stay as stored.
    bar = ui.tabs.tabBar()
    consent = ui.tabs.indexOf(ui.consentTab)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(consent).center())
    assert ui.tabs.currentIndex() == consent
    ticked = ui.consentProposeCheck.isChecked()
    _tick(qtbot, ui.consentProposeCheck)
    _key(qtbot, ui.consentProposeCheck, Qt.Key.Key_Space)
    assert ui.consentProposeCheck.isChecked() == ticked
    skills = ui.tabs.indexOf(ui.skillsTab)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(skills).center())
    topic = next(iter(editor.topic_checks.values()))
    ticked = topic.isChecked()
    _tick(qtbot, topic)
    assert topic.isChecked() == ticked
    notes = ui.tabs.indexOf(ui.notesTab)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(notes).center())
    qtbot.keyClicks(ui.notesEdit, "typed by a viewer")
    assert ui.notesEdit.toPlainText() == (stored.notes or "")
    # The text is still there to select and copy.
    ui.tabs.setCurrentIndex(0)
    ui.fullNameEdit.selectAll()
    _key(qtbot, ui.fullNameEdit, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == stored.full_name
    assert not editor.is_dirty()

    # Ctrl+N: no blank new-candidate form, the status bar says why.
    _key(qtbot, screen.ui.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert editor.candidate_id == cid and _status(window) == tips["candidates"]
    # Ctrl+S on a form changed (by code: a person cannot type here) saves nothing.
    window.statusBar().clearMessage()
    ui.fullNameEdit.setText("Changed by code")
    assert editor.is_dirty()
    _key(qtbot, ui.fullNameEdit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert _status(window) == tips["candidates"]
    assert svc.get_candidate(db, cid).data.full_name == stored.full_name
    ui.revertButton.click()
    # Del on the list: nothing asked, nobody deleted.
    count = db.counts()["candidates"]
    _key(qtbot, screen.ui.table, Qt.Key.Key_Delete)
    assert _status(window) == tips["delete"] and db.counts()["candidates"] == count
    assert not errors and screen.ask.asked == []

    # The request editor, the same way.
    requests = _requests_chosen(window, qtbot)
    reditor = requests.editor
    rid = reditor.request_id
    title = reditor.ui.titleEdit.text()
    assert _banner(reditor) == tips["requests"]
    qtbot.keyClicks(reditor.ui.titleEdit, "Residency")
    assert reditor.ui.titleEdit.text() == title
    assert reditor.ui.durationSpin.isReadOnly() and reditor.ui.descriptionEdit.isReadOnly()
    assert reditor.ui.startDateEdit.isReadOnly()
    lst = reditor.ui.topicsList
    reditor.ui.scrollArea.ensureWidgetVisible(lst)
    item = lst.item(0)
    state = item.checkState()
    rect = lst.visualItemRect(item)
    qtbot.mouseClick(
        lst.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.left() + 8, rect.center().y())
    )
    assert item.checkState() == state
    languages = reditor.ui.languagesTable
    assert languages.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    for button in (reditor.ui.addLanguageButton, reditor.ui.addSkillButton):
        _refused(button, tips["requests"])
    assert not reditor.is_dirty()
    window.ui.actionNew.trigger()
    assert reditor.request_id == rid and _status(window) == tips["requests"]
    assert rq.get_request(db, rid).title == title

    # And the training module editor.
    training = window.show_screen("training")
    qtbot.waitUntil(lambda: training.module_editor.module is not None, timeout=20_000)
    meditor = training.module_editor
    module = meditor.module
    assert _banner(meditor) == tips["modules"]
    qtbot.keyClicks(meditor.ui.titleEdit, " 2")
    mandatory = meditor.ui.mandatoryCheck.isChecked()
    _tick(qtbot, meditor.ui.mandatoryCheck)
    assert meditor.ui.titleEdit.text() == module.title and not meditor.is_dirty()
    assert meditor.ui.mandatoryCheck.isChecked() == mandatory
    window.ui.actionNew.trigger()
    assert meditor.module == module and _status(window) == tips["modules"]
    assert [m.title for m in tr.list_modules(db)].count(module.title) == 1
    _close(window, qtbot)
    db.close()


def _requests_chosen(window: MainWindow, qtbot):  # type: ignore[no-untyped-def]
    """The Requests screen with its first request chosen (nothing typed)."""
    screen = window.show_screen("requests")
    qtbot.waitUntil(lambda: screen.proxy.rowCount() > 0, timeout=20_000)
    screen.ui.table.selectRow(0)
    qtbot.waitUntil(lambda: screen.editor.request_id is not None, timeout=5_000)
    return screen


def test_staff_and_coordinators_edit_and_save_with_the_keys(
    qtbot, pg_server, server_db_url: str, tmp_path: Path
) -> None:
    """Staff type into the candidate form and save it with Ctrl+S, start a new one with
    Ctrl+N, but Del (an admin's) only says why; the request form is read-only for them,
    and a coordinator edits and saves it."""
    from wir_manager.services import candidates as svc
    from wir_manager.services import requests as rq

    db = _team_login(server_db_url, pg_server, TeamRole.STAFF)
    window = make_window(db, tmp_path, qtbot)
    window.activateWindow()
    tips = {k: v.format(role="staff") for k, v in TIPS["en"].items()}
    screen, cid, errors = _chosen(window, qtbot)
    editor = screen.editor
    edit = editor.ui.fullNameEdit
    assert _banner(editor) is None and not edit.isReadOnly()
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "Wanjiru Kamau")
    assert edit.text() == "Wanjiru Kamau" and editor.is_dirty()
    _key(qtbot, edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert svc.get_candidate(db, cid).data.full_name == "Wanjiru Kamau"
    assert not editor.is_dirty() and not errors
    count = db.counts()["candidates"]
    _key(qtbot, screen.ui.table, Qt.Key.Key_Delete)
    assert _status(window) == tips["delete"] and db.counts()["candidates"] == count
    _key(qtbot, screen.ui.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert editor.candidate_id is None and editor.ui.headingLabel.text() == "New candidate"
    assert not edit.isReadOnly()

    requests = _requests_chosen(window, qtbot)
    assert _banner(requests.editor) == tips["requests"]
    assert requests.editor.ui.titleEdit.isReadOnly()
    _close(window, qtbot)
    db.close()

    dbname = server_db_url.rsplit("/", 1)[1]
    login = f"coordinator_{dbname}"
    with ServerDatabase.connect(server_db_url) as admin:
        server_admin.add_user(admin, login, TeamRole.COORDINATOR, password=LOGIN_PASSWORD)
    coordinator = ServerDatabase.connect(pg_server.url(login, dbname))
    window = make_window(coordinator, tmp_path / "coordinator", qtbot)
    window.activateWindow()
    requests = _requests_chosen(window, qtbot)
    reditor = requests.editor
    rid = reditor.request_id
    assert _banner(reditor) is None and not reditor.ui.titleEdit.isReadOnly()
    reditor.ui.titleEdit.selectAll()
    qtbot.keyClicks(reditor.ui.titleEdit, "Wikimedian in Residence at the archive")
    assert reditor.is_dirty() and reditor.is_valid()
    window.ui.actionSave.trigger()
    assert rq.get_request(coordinator, rid).title == "Wikimedian in Residence at the archive"
    _close(window, qtbot)
    coordinator.close()


def test_on_a_file_every_form_stays_editable(qtbot, demo_db, tmp_path: Path) -> None:
    from wir_manager.services import candidates as svc

    window = make_window(demo_db, tmp_path, qtbot)
    window.activateWindow()
    screen, cid, errors = _chosen(window, qtbot)
    editor = screen.editor
    assert editor.findChild(QFrame, write_access.BANNER) is None  # never even built
    assert write_access.form_refusal(editor) is None
    edit = editor.ui.fullNameEdit
    edit.selectAll()
    qtbot.keyClicks(edit, "Achieng Otieno")
    _key(qtbot, edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert svc.get_candidate(demo_db, cid).data.full_name == "Achieng Otieno" and not errors
    for button in (editor.ui.addLanguageButton, editor.ui.removeLanguageButton):
        assert button.isEnabled() and "may not" not in button.toolTip()
    _key(qtbot, screen.ui.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert editor.candidate_id is None and not edit.isReadOnly()

    requests = _requests_chosen(window, qtbot)
    reditor = requests.editor
    assert reditor.findChild(QFrame, write_access.BANNER) is None
    assert not reditor.ui.titleEdit.isReadOnly() and not reditor.ui.durationSpin.isReadOnly()
    assert reditor.ui.topicsList.item(0).flags() & Qt.ItemFlag.ItemIsUserCheckable
    training = window.show_screen("training")
    assert training.module_editor.findChild(QFrame, write_access.BANNER) is None
    assert not training.module_editor.ui.titleEdit.isReadOnly()
    privacy = window.show_screen("privacy")
    for button in (privacy.ui.askAgainButton, privacy.ui.eraseButton):
        assert "may not" not in button.toolTip()
    _close(window, qtbot)


def test_a_form_made_writable_again_is_as_it_was(qtbot) -> None:
    """Signing in as somebody else rebuilds the screens, but the helper itself undoes all
    it did: what was editable is editable again, what was read-only by design stays."""
    from wir_manager.qt.widgets.candidate_editor import CandidateEditor

    editor = CandidateEditor()
    qtbot.addWidget(editor)
    editor.show()
    ui = editor.ui
    ui.phoneEdit.setReadOnly(True)  # read-only of its own
    editor.set_read_only("Your login (viewer) may not change candidates.")
    assert _banner(editor) == "Your login (viewer) may not change candidates."
    assert ui.fullNameEdit.isReadOnly() and ui.notesEdit.isReadOnly()
    editor.set_read_only(None)
    assert _banner(editor) is None
    assert not ui.fullNameEdit.isReadOnly() and not ui.notesEdit.isReadOnly()
    assert (
        not ui.availableFromEdit.isReadOnly() and ui.availableFromEdit.calendar_action.isEnabled()
    )
    assert ui.phoneEdit.isReadOnly()
    assert ui.addLanguageButton.isEnabled() and "may not" not in ui.addLanguageButton.toolTip()
    _key(qtbot, ui.stageCombo, Qt.Key.Key_Down)
    assert ui.stageCombo.currentIndex() == 1
    check = ui.consentStoreCheck
    ui.tabs.setCurrentWidget(ui.consentTab)
    _tick(qtbot, check)
    assert check.isChecked()
    qtbot.keyClicks(ui.fullNameEdit, "Nia")
    assert ui.fullNameEdit.text() == "Nia" and editor.is_dirty()


def _trailing_buttons(field: DateField) -> dict[str, QToolButton]:
    """The field's visible buttons by what they do: "calendar", and "clear" (Qt's own)."""
    return {
        ("calendar" if button.defaultAction() is field.calendar_action else "clear"): button
        for button in field.findChildren(QToolButton)
        if button.isVisibleTo(field)
    }


def _click(qtbot, field: DateField, pos: QPoint) -> None:  # type: ignore[no-untyped-def]
    """A click at ``pos`` in the field on whatever is there (a button inside it, or the
    text), as a person's click lands."""
    target = field.childAt(pos)
    if target is None:
        qtbot.mouseClick(field, Qt.MouseButton.LeftButton, pos=pos)
    else:
        qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=target.mapFrom(field, pos))


def test_a_read_only_date_field_has_no_clear_button(qtbot) -> None:
    """A viewer's date fields show no clear button: Qt only greys it, and an "x" in a
    field nobody may change looks like a way to empty it. Clicking where it was leaves
    the date. Made writable again, the button is back where it was and clears the date.

    The field drops the button when made read-only, deleting a child of its own while
    the form's children are walked: every date field of the candidate editor goes
    through that walk, both ways, without touching a deleted widget."""
    import datetime as dt

    from wir_manager.qt.widgets.candidate_editor import CandidateEditor

    editor = CandidateEditor()
    qtbot.addWidget(editor)
    editor.resize(1000, 700)
    editor.show()
    qtbot.waitExposed(editor)
    fields = editor.findChildren(DateField)
    assert len(fields) >= 5
    field = editor.ui.availableFromEdit
    day = dt.date(2027, 3, 1)
    field.set_value(day)
    qtbot.waitUntil(lambda: "clear" in _trailing_buttons(field))
    built = _trailing_buttons(field)
    clear_at, calendar_at = built["clear"].geometry(), built["calendar"].geometry()
    assert built["clear"].isEnabled()
    assert clear_at.right() < calendar_at.left()  # left of the calendar

    editor.set_read_only("Your login (viewer) may not change candidates.")
    for each in fields:
        assert each.isReadOnly() and "clear" not in _trailing_buttons(each), each.objectName()
    assert not field.calendar_action.isEnabled()
    _click(qtbot, field, clear_at.center())
    assert field.value() == day and field.text() == "2027-03-01"

    editor.set_read_only(None)
    assert not any(each.isReadOnly() for each in fields)
    assert field.calendar_action.isEnabled()
    qtbot.waitUntil(lambda: "clear" in _trailing_buttons(field))
    again = _trailing_buttons(field)
    assert again["clear"].isEnabled() and again["clear"].geometry() == clear_at
    assert again["calendar"].geometry() == calendar_at
    _click(qtbot, field, clear_at.center())
    assert field.value() is None


def test_privacy_today_dossiers_and_imports_for_a_viewer(
    qtbot, pg_server, server_db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy import func, select

    from wir_manager.qt.dialogs.import_wizard import ImportWizard
    from wir_manager.qt.dossier_action import generate_dossier_interactively
    from wir_manager.services import retention
    from wir_manager.storage import models as m

    db = _team_login(server_db_url, pg_server, TeamRole.VIEWER)
    window = make_window(db, tmp_path, qtbot)
    tips = {k: v.format(role="viewer") for k, v in TIPS["en"].items()}

    # Today only reads: Refresh and opening a line are the viewer's as anyone's.
    today = window.show_screen("today")
    qtbot.waitUntil(lambda: today.is_loaded, timeout=20_000)
    buttons = today.findChildren(QPushButton)
    assert buttons and all(b.isEnabled() and write_access.refused(b) is None for b in buttons)

    # Privacy: asking again writes the candidates, erasing deletes them; "Check now"
    # still lists, but the periods typed are not stored (the shared settings).
    shown: list[BaseException] = []
    for module in ("views.privacy", "dialogs.import_wizard"):
        monkeypatch.setattr(
            f"wir_manager.qt.{module}.show_error", lambda _parent, exc: shown.append(exc)
        )
    privacy = window.show_screen("privacy")
    pui = privacy.ui
    _refused(pui.askAgainButton, tips["candidates"])
    _refused(pui.eraseButton, tips["delete"])
    periods = retention.periods(db)
    pui.consentMonths.setValue(1)
    pui.inactiveMonths.setValue(1)
    pui.refreshRetentionButton.click()
    assert not shown and retention.periods(db) == periods
    assert privacy.retention.rowCount() > 0  # everybody is due under one month
    _refused(pui.askAgainButton, tips["candidates"])
    _refused(pui.eraseButton, tips["delete"])

    # Dossiers are logged as disclosures: refused before any question is asked.
    shortlists = window.show_screen("shortlists")
    rid = _requests_first_id(db)
    with qtbot.waitSignal(shortlists.ranked, timeout=20_000):
        shortlists.select_request(rid)
        if shortlists.request_id() == rid:
            shortlists.rerank()
    _refused(shortlists.ui.dossierButton, tips["dossiers"])
    asked: list[object] = []
    told: list[str] = []
    handle = generate_dossier_interactively(
        window.ctx,
        None,
        rid,
        ask=lambda *a: asked.append(a),  # type: ignore[arg-type,func-returns-value]
        inform=lambda _parent, _title, text: told.append(text),
    )
    assert handle is None and asked == [] and told == [tips["dossiers"]]
    with ServerDatabase.connect(server_db_url) as admin, admin.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(m.Disclosure)).scalar() == 0

    # The import wizard (File > Import is disabled for a viewer, but its kind can change
    # under a staff login): Import refused for whichever kind is chosen, mappings too.
    wizard = ImportWizard(window.ctx, kind="training")
    qtbot.addWidget(wizard)
    wizard.show()
    _refused(wizard.import_button, tips["training"])
    _refused(wizard.training_panel.save_button, tips["settings"])
    _refused(wizard.mapping_panel.save_button, tips["settings"])
    for kind, tip in (("requests", "requests"), ("candidates", "candidates")):
        wizard.ui.kindCombo.setCurrentIndex(wizard.ui.kindCombo.findData(kind))
        _refused(wizard.import_button, tips[tip])
    wizard.ui.kindCombo.setCurrentIndex(wizard.ui.kindCombo.findData("training"))
    _refused(wizard.import_button, tips["training"])
    assert not shown
    wizard.close()
    _close(window, qtbot)
    db.close()


def _requests_first_id(db: ServerDatabase) -> int:
    from wir_manager.services import requests as rq

    return min(r.id for r in rq.list_request_rows(db))


def test_staff_import_training_progress_but_not_requests(
    qtbot, pg_server, server_db_url: str, tmp_path: Path
) -> None:
    """Staff may write training records: the wizard's training import writes them (and
    the server agrees); the same wizard refuses requests and the shared mappings."""
    from wir_manager.qt.dialogs.import_wizard import ImportWizard
    from wir_manager.services import training as tr
    from wir_manager.services.candidate_records import CandidateData
    from wir_manager.services.candidates import create_candidate

    with ServerDatabase.connect(server_db_url) as admin:
        assert tr.install_default_modules(admin)  # the demo's curriculum (added if none)
        layla = create_candidate(
            admin,
            CandidateData(
                full_name="ليلى حداد", username="Layla Haddad", email="layla.haddad@example.org"
            ),
        )
    db = _team_login(server_db_url, pg_server, TeamRole.STAFF)
    window = make_window(db, tmp_path, qtbot)
    tips = {k: v.format(role="staff") for k, v in TIPS["en"].items()}
    wizard = ImportWizard(window.ctx, kind="requests", ask_open=lambda *_a: str(TRAINING_EXPORT))
    qtbot.addWidget(wizard)
    wizard.show()
    _refused(wizard.import_button, tips["requests"])
    _refused(wizard.training_panel.save_button, tips["settings"])
    wizard.ui.kindCombo.setCurrentIndex(wizard.ui.kindCombo.findData("training"))
    assert write_access.refused(wizard.import_button) is None
    wizard.ui.browseButton.click()
    qtbot.waitUntil(lambda: wizard.training_report is not None, timeout=20_000)
    assert wizard.training_report.ok and wizard.training_report.changes
    assert wizard.import_button.isEnabled()
    wizard.import_button.click()
    qtbot.waitUntil(lambda: wizard.training_result is not None, timeout=20_000)
    assert wizard.training_result.written > 0
    with ServerDatabase.connect(server_db_url) as admin:
        assert "completed" in tr.candidate_progress(admin, layla).values()
    wizard.close()
    _close(window, qtbot)
    db.close()
