"""Verify on the wikis through the real Candidates screen: the progress dialog with
Cancel, nothing half-stored, the editor's evidence panel and the wiki filter."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from PySide6.QtWidgets import QProgressDialog, QPushButton

from tests.qt_support import make_view
from tests.wiki_server import (
    Account,
    WikiFamily,
    wiki_fixture,  # noqa: F401 - the `wiki` fixture
)
from wir_manager.services.localefmt import format_date
from wir_manager.services.wiki import verify as svc
from wir_manager.services.wiki.verify import VerifyStatus
from wir_manager.storage import models as m
from wir_manager.storage.database import Database

SHOTS = Path("/tmp/shots-h15")
SCRIPTS = ("أمينة يوسف", "प्रिया शर्मा", "李文", "Олег Петров", "Sven Ek")


def people(db: Database, n: int) -> None:
    with db.session() as s:
        s.add_all(
            m.Candidate(
                full_name=f"{SCRIPTS[i % 5]} {i}",
                username=f"{SCRIPTS[i % 5]} {i}",
                edit_count=120 + i,
                active_since=2019,
            )
            for i in range(n)
        )


def shoot(widget, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    lang = os.environ.get("WIR_MANAGER_LANG", "en")
    widget.grab().save(str(SHOTS / f"{name}-{lang}.png"))


def test_verify_500_with_progress_cancel_then_filter_and_panel(
    qtbot, db: Database, wiki: WikiFamily
) -> None:
    people(db, 500)
    with db.engine.connect() as conn:
        from sqlalchemy import select

        rows = conn.execute(select(m.Candidate.id, m.Candidate.username)).all()
    for cid, name in rows:
        if cid % 5:  # every fifth username does not exist
            wiki.add(
                Account(
                    name,
                    registration="2011-02-03T04:05:06Z",
                    edits={"enwiki": 10_000 + cid, "wikidatawiki": 2_100},
                    uploads=2,
                    blocked_on=("enwiki",) if cid == 3 else (),
                )
            )
    svc.save_wiki_settings(
        db, api=wiki.url(), uploads_api=wiki.url("/commons/w/api.php"), contact="wir@example.org"
    )
    view, _answers = make_view(qtbot, db)
    told: list[str] = []
    view.wiki.tell = lambda _title, text: told.append(text)
    wiki.delay = 0.01
    # 1. Start for everybody; cancel in the progress dialog half-way.
    assert view.wiki.verify()
    handle = view.wiki.handle
    qtbot.waitUntil(lambda: handle.dialog is not None and handle.dialog.isVisible(), timeout=10_000)
    dialog = handle.dialog
    assert isinstance(dialog, QProgressDialog)
    qtbot.waitUntil(lambda: dialog.value() >= 120, timeout=60_000)
    shoot(dialog, "wiki-progress")
    assert dialog.maximum() == 500
    cancel = dialog.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Cancel"
    cancel.click()
    qtbot.waitUntil(lambda: handle.done, timeout=30_000)
    report = view.wiki.last_report
    assert report is not None and report.cancelled
    stored = svc.snapshots(db)
    assert len(stored) == len(report.stored) and len(stored) % 50 == 0 and 100 <= len(stored) < 500
    assert "Stopped on request" in told[-1]
    # 2. Again, to the end.
    wiki.delay = 0
    assert view.wiki.verify()
    handle = view.wiki.handle
    qtbot.waitUntil(lambda: handle.done, timeout=120_000)
    assert len(svc.snapshots(db)) == 500
    assert "500 candidates verified" in told[-1]
    qtbot.waitUntil(lambda: view.is_loaded and not view._loading, timeout=10_000)
    # 3. The filter.
    combo = view.wiki.filter
    combo.setCurrentIndex(combo.findData(VerifyStatus.NOT_FOUND))
    assert sorted(view.model.visible_ids()) == sorted(cid for cid, _n in rows if cid % 5 == 0)
    combo.setCurrentIndex(combo.findData(VerifyStatus.VERIFIED))
    assert len(view.model.visible_ids()) == 400
    combo.setCurrentIndex(combo.findData(VerifyStatus.NOT_VERIFIED))
    assert view.model.visible_ids() == []
    view.clear_filters()
    assert combo.currentIndex() == 0 and view.model.rowCount() == 500
    # 4. The editor: self-reported beside verified, warnings for blocked / not found.
    view.select_candidate(3)
    qtbot.waitUntil(lambda: view.editor.candidate_id == 3, timeout=5_000)
    panel = view.wiki.panel
    assert panel is not None
    assert "Self-reported: 122 edits" in panel.selfLabel.text()
    # The day as every table writes it ("2 Dec 2026"), not the ISO form.
    day = format_date(svc.snapshot_of(db, 3).verified_on)
    assert f"Verified on {day}: 12,103 edits" in panel.verifiedLabel.text()
    assert f"registered {format_date(dt.date(2011, 2, 3))}." in panel.verifiedLabel.text()
    assert not panel.warningLabel.isHidden() and "blocked on: enwiki" in panel.warningLabel.text()
    view.editor.ui.tabs.setCurrentIndex(0)
    qtbot.wait(100)  # a widget added to a shown layout appears on the next event-loop turn
    assert panel.isVisible()
    shoot(view, "wiki-editor")
    view.select_candidate(5)
    qtbot.waitUntil(lambda: view.editor.candidate_id == 5, timeout=5_000)
    assert "does not exist on the wikis" in panel.warningLabel.text()
    view.select_candidate(4)
    qtbot.waitUntil(lambda: view.editor.candidate_id == 4, timeout=5_000)
    assert panel.warningLabel.isHidden()
    assert not view._errors
    view.ctx.tasks.wait()


def test_offline_is_one_sentence_and_keeps_snapshots(qtbot, db: Database) -> None:
    people(db, 3)
    svc.save_wiki_settings(db, api="http://127.0.0.1:9/w/api.php", uploads_api="")
    view, _answers = make_view(qtbot, db)
    told: list[str] = []
    asked: list[int] = []
    view.wiki.tell = lambda _title, text: told.append(text)

    def contact() -> str:
        asked.append(1)
        return "wir@example.org"

    view.wiki.ask_contact = contact
    assert view.wiki.verify()
    qtbot.waitUntil(lambda: view.wiki.handle.done, timeout=30_000)
    assert asked == [1] and svc.wiki_settings(db).contact == "wir@example.org"
    assert "cannot be reached" in told[-1] and svc.snapshots(db) == {}
    assert not view._errors
    view.ctx.tasks.wait()


def test_swedish_panel_and_progress_dialog(qtbot, db: Database, wiki: WikiFamily) -> None:
    from PySide6.QtWidgets import QApplication

    from wir_manager.qt.i18n import install_translations

    people(db, 60)
    for i in range(60):
        wiki.add(
            Account(
                f"{SCRIPTS[i % 5]} {i}",
                edits={"svwiki": 3_000 + i, "wikidatawiki": 1_200},
                blocked_on=("svwiki",) if i == 2 else (),
            )
        )
    svc.save_wiki_settings(db, api=wiki.url(), uploads_api="", contact="wir@example.org")
    app = QApplication.instance()
    assert install_translations(app, language="sv") == "sv"
    try:
        view, _answers = make_view(qtbot, db)
        assert view.wiki.button.text() == "Verifiera på wikierna"
        told: list[str] = []
        view.wiki.tell = lambda _title, text: told.append(text)
        wiki.delay = 0.05
        assert view.wiki.verify()
        handle = view.wiki.handle
        qtbot.waitUntil(
            lambda: handle.dialog is not None and handle.dialog.isVisible(), timeout=10_000
        )
        dialog = handle.dialog
        qtbot.waitUntil(lambda: dialog.value() >= 10, timeout=30_000)
        assert "Verifierar användarnamn på wikierna" in dialog.labelText()
        assert "användarnamn kontrollerade" in dialog.labelText()
        shoot(dialog, "wiki-progress-sv-translated")
        wiki.delay = 0
        qtbot.waitUntil(lambda: handle.done, timeout=60_000)
        assert "60 kandidater verifierade på wikierna" in told[-1]
        qtbot.waitUntil(lambda: view.is_loaded and not view._loading, timeout=10_000)
        view.select_candidate(3)
        qtbot.waitUntil(lambda: view.editor.candidate_id == 3, timeout=5_000)
        qtbot.wait(100)
        panel = view.wiki.panel
        assert "Egen uppgift: 122 redigeringar" in panel.selfLabel.text()
        assert "Verifierad " in panel.verifiedLabel.text() and "3 002" not in panel.selfLabel.text()
        assert "Kontot är blockerat på: svwiki." in panel.warningLabel.text()
        view.editor.ui.tabs.setCurrentIndex(0)
        qtbot.wait(50)
        shoot(view, "wiki-editor-sv-translated")
        assert not view._errors
        view.ctx.tasks.wait()
    finally:
        install_translations(app, language="en")
