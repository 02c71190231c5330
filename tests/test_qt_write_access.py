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

from tests.pg_cluster import LOGIN_PASSWORD
from tests.qt_support import make_window
from wir_manager.qt.main_window import MainWindow
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
    },
}


def _close(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not window.ctx.tasks.busy, timeout=20_000)
    window._closing_confirmed = True
    window.close()


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
    assert shortlists.ui.dossierButton.isEnabled()
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
