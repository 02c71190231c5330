"""Fit and finish of the editors (issue #16, items 11–13) through real widgets, in English
and Swedish: adding an affiliate where it is picked, date pickers with "not set", and
problems shown beside the fields."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from tests.qt_support import make_view
from wir_manager.domain.enums import AuditAction
from wir_manager.storage import models as m

ADD = {"en": "Add affiliate", "sv": "Lägg till ny"}


@pytest.mark.parametrize("code", ["en", "sv"])
def test_a_fresh_database_adds_the_affiliate_typed_in_the_editor(
    qtbot, db, language, code: str
) -> None:
    """Issue #16.11: a fresh database has no affiliates (none seeded); a name typed in
    the editor is refused until Add affiliate adds it through the service (audited and
    announced on the change hub); the same name spelt otherwise ("wikimedia  SVERIGE")
    picks the one there instead of adding a twin; the candidate saves with it."""
    from wir_manager.qt.change_hub import ChangeHub
    from wir_manager.services import candidates as svc
    from wir_manager.storage.changes import Kind

    language(code)
    assert svc.affiliates(db) == []
    hub = ChangeHub()
    hub.watch(db)
    heard: list[object] = []
    hub.changed.connect(heard.append)
    view, _answers = make_view(qtbot, db)
    view.new_item()
    ed = view.editor
    ui = ed.ui
    ui.fullNameEdit.setText("Ἀλέξανδρος Παπαδόπουλος")
    ui.usernameEdit.setText("AlexPapa")
    combo = ui.affiliateCombo
    assert combo.count() == 1  # only "—": nothing seeded
    button = ed.add_affiliate_button
    assert button.text() == ADD[code] and not button.isEnabled()
    qtbot.keyClicks(combo.lineEdit(), "Wikimedia  Sverige ")
    assert button.isEnabled() and not ui.saveButton.isEnabled()
    assert "Wikimedia Sverige" in ed.errors()["affiliate_id"]
    assert "Wikimedia Sverige" in ui.errorLabel.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    [(new_id, name)] = svc.affiliates(db)
    assert name == "Wikimedia Sverige"
    assert combo.currentData() == new_id and combo.currentText() == name
    assert "affiliate_id" not in ed.errors() and not button.isEnabled()
    assert ui.saveButton.isEnabled()
    qtbot.waitUntil(lambda: any(c.touches(Kind.CANDIDATES) for c in heard), timeout=5_000)
    with db.session() as s:
        audited = s.execute(
            select(m.AuditEntry.action, m.AuditEntry.fields).where(
                m.AuditEntry.entity == "affiliate", m.AuditEntry.entity_id == new_id
            )
        ).all()
    assert [a.action for a in audited] == [AuditAction.CREATE]
    assert view.save()
    with db.session() as s:
        saved = select(m.Candidate.affiliate_id).where(m.Candidate.username == "AlexPapa")
        assert s.execute(saved).scalar_one() == new_id
    # The same chapter spelt otherwise is the one in the list, never a twin.
    view.new_item()
    qtbot.keyClicks(combo.lineEdit(), "wikimedia  SVERIGE")
    assert not button.isEnabled() and "affiliate_id" not in ed.errors()
    with pytest.raises(svc.AffiliateExistsError) as exists:
        svc.add_affiliate(db, " WIKIMEDIA sverige")
    assert exists.value.affiliate_id == new_id
    with pytest.raises(svc.CandidateValidationError):
        svc.add_affiliate(db, "   ")
    assert len(svc.affiliates(db)) == 1
    assert view._errors == []
    hub.watch(None)
