"""Residency impact through the real dialog: fetched from a local wiki in the API's
shapes, shown, corrected by the coordinator, stored as the placement's outcome totals —
and nothing stored when the wikis cannot be reached. English and Swedish."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSpinBox

from tests.wiki_server import (
    Account,
    Contribution,
    WikiFamily,
    wiki_fixture,  # noqa: F401 - the `wiki` fixture
)
from wir_manager.domain.enums import PlacementStatus
from wir_manager.qt import settings as opts
from wir_manager.qt.context import AppContext
from wir_manager.qt.tasks import TaskRunner
from wir_manager.qt.widgets.impact_dialog import ImpactDialog
from wir_manager.services import placements as pl
from wir_manager.services.wiki import verify as wiki_settings
from wir_manager.storage import models as m
from wir_manager.storage.database import Database

SHOTS = Path("/tmp/shots-lead")


def resident(db: Database) -> int:
    """Priya, placed at WHO for the first half of 2026 (completed)."""
    with db.session() as s:
        person = m.Candidate(full_name="प्रिया शर्मा", username="Priya Sharma", edit_count=900)
        org = m.Organisation(name="World Health Organization", acronym="WHO")
        s.add_all([person, org])
        s.flush()
        placement = m.Placement(
            candidate_id=person.id,
            start_date=dt.date(2026, 1, 1),
            end_date=dt.date(2026, 6, 30),
            status=PlacementStatus.COMPLETED,
        )
        s.add(placement)
        s.flush()
        return placement.id


def open_dialog(qtbot, db: Database) -> tuple[ImpactDialog, int]:
    pid = resident(db)
    ctx = AppContext(db=db, tasks=TaskRunner(), settings=opts.open_settings())
    dialog = ImpactDialog(ctx, pid)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog, pid


@pytest.mark.parametrize("code", ["en", "sv"])
def test_coordinator_corrects_and_accepts_the_measured_impact(
    qtbot, db: Database, wiki: WikiFamily, language, code: str
) -> None:
    language(code)
    acc = wiki.add(Account("Priya Sharma", edits={"hiwiki": 12_000, "wikidatawiki": 40}))
    acc.contributions = [
        *[
            Contribution("hiwiki", f"2026-03-{d:02d}T09:00:00Z", 0, f"लेख {d}", new=d <= 5)
            for d in range(1, 13)
        ],
        Contribution("hiwiki", "2025-11-02T09:00:00Z", 0, "before the residency", new=True),
        *[
            Contribution("wikidatawiki", f"2026-04-{d:02d}T09:00:00Z", 0, f"Q{100 + d}")
            for d in range(1, 8)
        ],
    ]
    acc.uploads = 0
    wiki_settings.save_wiki_settings(db, api=wiki.url(), uploads_api="", contact="wir@example.org")
    dialog, pid = open_dialog(qtbot, db)
    accept = dialog.acceptButton
    assert not accept.isEnabled()  # nothing to accept before the wikis answered
    dialog.fetch()
    qtbot.waitUntil(accept.isEnabled, timeout=30_000)
    assert "Priya Sharma" in dialog.status.text() and "hiwiki" in dialog.status.text()
    shown = [w.text() for w in dialog.measured.findChildren(QLabel)]
    assert "19" in shown  # 12 + 7 edits in the window (the one from 2025 is not counted)
    spins = {s.objectName(): s for s in dialog.outcomes.findChildren(QSpinBox)}
    assert spins["impact_articles_created"].value() == 5
    assert spins["impact_articles_improved"].value() == 7
    assert spins["impact_wikidata_items"].value() == 7
    # The resident also uploaded 4 photos to Commons, which this wiki did not report.
    spins["impact_media_uploaded"].setValue(4)
    if os.environ.get("WIR_SHOTS"):
        SHOTS.mkdir(exist_ok=True)
        dialog.grab().save(str(SHOTS / f"impact-{code}.png"))
    with qtbot.waitSignal(dialog.accepted_figures, timeout=5_000):
        qtbot.mouseClick(accept, Qt.MouseButton.LeftButton)
    totals = {o.metric: o.actual for o in pl.outcomes(db, pid)}
    assert totals == {
        "articles_created": 5,
        "articles_improved": 7,
        "media_uploaded": 4,
        "wikidata_items": 7,
    }
    assert not dialog.isVisible()


def test_unreachable_wikis_are_one_sentence_and_nothing_is_stored(
    qtbot, db: Database, language
) -> None:
    language("sv")
    wiki_settings.save_wiki_settings(
        db, api="http://127.0.0.1:9/w/api.php", uploads_api="", contact="wir@example.org"
    )
    dialog, pid = open_dialog(qtbot, db)
    dialog.fetch()
    qtbot.waitUntil(lambda: dialog.error is not None, timeout=30_000)
    assert dialog.error is not None and "Traceback" not in dialog.error
    assert dialog.status.text() == dialog.error and len(dialog.error.splitlines()) == 1
    assert not dialog.acceptButton.isEnabled()
    assert pl.outcomes(db, pid) == []


def test_placements_screen_takes_the_impact_as_outcomes(
    qtbot, db: Database, wiki: WikiFamily, language
) -> None:
    """On the real Placements screen, in Swedish: the completed residency's "From the
    wikis…" opens the dialog, the figures are accepted, and the screen's outcomes show
    them; a planned placement offers no such button."""
    from wir_manager.qt.views.placements import PlacementsView
    from wir_manager.qt.widgets.confirm import LeaveAnswer

    language("sv")
    acc = wiki.add(Account("Priya Sharma", edits={"hiwiki": 300}))
    acc.contributions = [
        Contribution("hiwiki", f"2026-05-{d:02d}T09:00:00Z", 0, f"लेख {d}", new=d <= 3)
        for d in range(1, 9)
    ]
    acc.uploads = 0
    wiki_settings.save_wiki_settings(db, api=wiki.url(), uploads_api="", contact="wir@example.org")
    pid = resident(db)
    with db.session() as s:
        s.add(
            m.Placement(
                candidate_id=1,
                start_date=dt.date(2027, 3, 1),
                end_date=dt.date(2027, 8, 31),
                status=PlacementStatus.PLANNED,
            )
        )
    ctx = AppContext(db=db, tasks=TaskRunner(), settings=opts.open_settings())
    view = PlacementsView(ctx)
    qtbot.addWidget(view)
    view.resize(1300, 760)
    view.show()
    view.ask_unsaved = lambda: LeaveAnswer.CANCEL
    view.select_placement(pid + 1)
    qtbot.waitUntil(lambda: view.record is not None and view.record.id == pid + 1)
    assert not view.impact_button.isEnabled()  # nothing done yet in a planned residency
    view.select_placement(pid)
    qtbot.waitUntil(lambda: view.record is not None and view.record.id == pid)
    assert view.impact_button.isEnabled()
    assert view.impact_button.text().replace("&", "") == "Från wikierna…"
    qtbot.mouseClick(view.impact_button, Qt.MouseButton.LeftButton)
    dialog = view.impact_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.acceptButton.isEnabled, timeout=30_000)
    if os.environ.get("WIR_SHOTS"):
        SHOTS.mkdir(exist_ok=True)
        view.grab().save(str(SHOTS / "placements-with-impact-sv.png"))
    qtbot.mouseClick(dialog.acceptButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.record is not None and bool(view.record.outcomes))
    totals = {o.metric: o.actual for o in view.record.outcomes}
    assert totals["articles_created"] == 3 and totals["articles_improved"] == 5
    assert view.message.text() == "Utfall från wikierna sparade."
    assert not view.has_unsaved_changes()
