"""The editor's "Relocation" combo: set, save through the Candidates screen, reload,
and unsaved-changes detection; the service keeps all three answers."""

from __future__ import annotations

import pytest

from tests.qt_support import make_view
from wir_manager.services import candidates as svc
from wir_manager.services.candidate_records import CandidateData
from wir_manager.storage.database import Database

NOT_RECORDED, WILLING, WILL_NOT = 0, 1, 2  # combo rows


def _person(db: Database, willing: bool | None = None) -> int:
    return svc.create_candidate(
        db,
        CandidateData(
            full_name="Wanjiru Kamau", username="WKamau", country="KE", willing_to_relocate=willing
        ),
    )


@pytest.mark.parametrize("answer", [True, False, None])
def test_service_round_trip_keeps_each_answer(db: Database, answer: bool | None) -> None:
    cid = _person(db, answer)
    assert svc.get_candidate(db, cid).data.willing_to_relocate is answer
    flipped = {True: False, False: None, None: True}[answer]
    detail = svc.get_candidate(db, cid)
    svc.update_candidate(
        db, cid, CandidateData(**{**_fields(detail.data), "willing_to_relocate": flipped})
    )
    assert svc.get_candidate(db, cid).data.willing_to_relocate is flipped
    fields = set(svc.history(db, cid)[0].fields)
    assert "willing_to_relocate" in fields


def _fields(data: CandidateData) -> dict:
    return {name: getattr(data, name) for name in data.__slots__}


def test_editor_combo_saves_reloads_and_tracks_changes(qtbot, db: Database) -> None:
    cid = _person(db)
    view, _answers = make_view(qtbot, db)
    assert view.select_candidate(cid)
    ed = view.editor
    combo = ed.ui.relocationCombo
    assert combo.count() == 3
    assert [combo.itemText(i) for i in range(3)] == [
        "Not recorded",
        "Willing to relocate for an on-site placement",
        "Will not relocate",
    ]
    assert combo.currentIndex() == NOT_RECORDED and not ed.is_dirty()

    combo.setCurrentIndex(WILL_NOT)
    assert ed.is_dirty() and ed.ui.saveButton.isEnabled()
    assert ed.form_data()[0].willing_to_relocate is False
    combo.setCurrentIndex(NOT_RECORDED)  # back to what is stored: nothing to save
    assert not ed.is_dirty() and not ed.ui.saveButton.isEnabled()

    combo.setCurrentIndex(WILL_NOT)
    assert view.save()
    assert not ed.is_dirty()
    assert svc.get_candidate(db, cid).data.willing_to_relocate is False
    assert "willing_to_relocate" in ed.history.records()[0].fields

    # Reload from the database: a fresh editor shows the stored answer.
    ed.load(svc.get_candidate(db, cid))
    assert combo.currentIndex() == WILL_NOT and not ed.is_dirty()
    combo.setCurrentIndex(WILLING)
    assert ed.is_dirty()
    assert view.save()
    assert svc.get_candidate(db, cid).data.willing_to_relocate is True
    ed.load(svc.get_candidate(db, cid))
    assert combo.currentIndex() == WILLING
    assert not view._errors
    view.ctx.tasks.wait()


def test_editor_screenshot_shows_the_combo(qtbot, db: Database, tmp_path) -> None:
    """The combo sits on the profile tab under the availability dates, label readable."""
    cid = _person(db, True)
    view, _answers = make_view(qtbot, db)
    assert view.select_candidate(cid)
    ed = view.editor
    ed.ui.tabs.setCurrentIndex(0)
    ed.ui.profileScroll.ensureWidgetVisible(ed.ui.relocationCombo)
    qtbot.waitExposed(ed)
    assert ed.ui.relocationCombo.isVisible()
    assert ed.ui.relocationLabel.buddy() is ed.ui.relocationCombo
    assert ed.ui.relocationLabel.text() == "Re&location:"
    label = ed.ui.relocationLabel
    assert label.width() >= label.sizeHint().width()  # not clipped
    path = tmp_path / "editor.png"
    assert ed.grab().save(str(path))
    view.ctx.tasks.wait()


def test_validation_refuses_anything_but_yes_no_unknown() -> None:
    from wir_manager.services.candidate_records import validate

    base = {"full_name": "Wanjiru Kamau", "username": "WKamau"}
    for answer in (True, False, None):
        assert validate(CandidateData(**base, willing_to_relocate=answer)) == {}
    odd = CandidateData(**base, willing_to_relocate="maybe")
    assert validate(odd) == {"willing_to_relocate": "Pick yes or no from the list."}
