"""Issue #12 in the real GUI, in English and Swedish: the IGO's answers on the saved
shortlist (only the allowed steps; interview date; decline reason), accepting through
the placement form (a refused value keeps the form open with what was typed), the
Today screen opening the placement, the status steps and their consequences, check-ins,
outcomes per report with progress bars, the timeline with a contact note, the
programme charts, both reports read back, and the assignment applied as shortlists and
exported with its organisation column.

Real encrypted database files and real widgets; the world is small and multilingual
(Arabic, Devanagari, CJK, Cyrillic and Swedish names), with dates relative to today so
the Today screen has something due."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import QLabel, QPushButton
from sqlalchemy import select

from tests.conftest import SERVER_ADMIN
from tests.qt_support import close_window, make_window, screen_in_laptop_window
from tests.worlds import consenting_person, two_requests
from wir_manager.domain.enums import (
    DueKind,
    PlacementStatus,
    RequestStatus,
    ShortlistStatus,
    Stage,
    TimelineKind,
)
from wir_manager.qt.dialogs.placement_form import PlacementForm
from wir_manager.qt.main_window import SCREEN_ROLE
from wir_manager.services import placements as pl
from wir_manager.services.matching import allowed_next, save_shortlist, saved_shortlist
from wir_manager.storage import models as m

TODAY = dt.date.today()
START = TODAY + dt.timedelta(days=5)
END = START + dt.timedelta(days=182)

PEOPLE = (
    (10, "أمينة الحسن", "EG", "woman"),
    (11, "प्रिया शर्मा", "IN", "woman"),
    (12, "王伟", "CN", "man"),
    (13, "Мария Иванова", "RU", "woman"),
    (14, "Lars Svensson", "SE", "man"),
)


@pytest.fixture
def week(db):
    """WHO asks for one resident, UNEP for two, both starting in five days, remote,
    English at B2 or better; five ready people; WHO's saved shortlist holds two."""
    return _build_week(db)


def _build_week(db):  # type: ignore[no-untyped-def]
    """The ``week`` world written into ``db`` (a file, or a team server's database)."""
    with db.session() as s:
        two_requests(s, start=START, deadline=TODAY + dt.timedelta(days=10))
        for cid, name, country, gender in PEOPLE:
            s.add(
                consenting_person(
                    cid,
                    name,
                    country,
                    gender,
                    stage=Stage.READY,
                    consent_store_at=TODAY - dt.timedelta(days=30),
                    available_from=TODAY - dt.timedelta(days=30),
                    available_until=TODAY + dt.timedelta(days=900),
                )
            )
            s.flush()
            s.add(m.CandidateLanguage(candidate_id=cid, code="en", level=5))
    save_shortlist(db, 1, 2, candidate_ids=[10, 11])
    return db


def _choose_saved(view, candidate_id: int) -> None:  # type: ignore[no-untyped-def]
    rows = view.saved_model.records()
    row = next(i for i, r in enumerate(rows) if r.candidate_id == candidate_id)
    view.ui.savedTable.selectRow(row)


def _answer(view, status: ShortlistStatus) -> None:  # type: ignore[no-untyped-def]
    combo = view.ui.statusCombo
    combo.setCurrentIndex(combo.findData(status.value))
    assert combo.currentData() == status.value
    view.ui.statusButton.click()


def _offered(view) -> list[str]:  # type: ignore[no-untyped-def]
    combo = view.ui.statusCombo
    return [combo.itemData(i) for i in range(combo.count())]


WORDS = {
    "en": {"residencies": "Residencies", "timeline": "Timeline", "planned": "Placement planned"},
    "sv": {"residencies": "Residens", "timeline": "Tidslinje", "planned": "Placering planerad"},
}


@pytest.mark.parametrize("code", ["en", "sv"])
def test_a_week_from_the_answer_to_both_reports(
    qtbot, week, tmp_path: Path, language, code: str
) -> None:
    language(code)
    window = make_window(week, tmp_path, qtbot)
    shortlists = window.show_screen("shortlists")
    shortlists.select_request(1, candidate_id=10)  # as the Today screen opens it
    assert shortlists.ui.lowerTabs.currentWidget() is shortlists.ui.savedPage
    qtbot.waitUntil(lambda: len(shortlists.saved_model.records()) == 2, timeout=20000)
    pane = shortlists.saved_pane

    # The answer control offers only the allowed next steps.
    _choose_saved(shortlists, 10)
    assert _offered(shortlists) == [s.value for s in allowed_next(ShortlistStatus.PROPOSED)]
    assert not pane.interview_date.isVisible()
    _answer(shortlists, ShortlistStatus.SENT)
    assert _offered(shortlists) == [s.value for s in allowed_next(ShortlistStatus.SENT)]
    shortlists.ui.statusCombo.setCurrentIndex(
        shortlists.ui.statusCombo.findData(ShortlistStatus.INTERVIEW.value)
    )
    assert pane.interview_date.isVisible() and not pane.decline_reason.isVisible()
    interview = TODAY - dt.timedelta(days=1)
    pane.interview_date.setDate(interview)
    _answer(shortlists, ShortlistStatus.INTERVIEW)
    row = next(r for r in saved_shortlist(week, 1) if r.candidate_id == 10)
    assert row.status == ShortlistStatus.INTERVIEW and row.interview_on == interview

    # The other one is declined, with a reason from the short list and the IGO's words.
    _choose_saved(shortlists, 11)
    shortlists.ui.statusCombo.setCurrentIndex(
        shortlists.ui.statusCombo.findData(ShortlistStatus.DECLINED.value)
    )
    assert pane.decline_reason.isVisible() and pane.decline_note.isVisible()
    pane.decline_reason.setCurrentIndex(pane.decline_reason.findData("language"))
    pane.decline_note.setText("Needs Arabic at C1 — نحتاج إلى العربية")
    _answer(shortlists, ShortlistStatus.DECLINED)
    row = next(r for r in saved_shortlist(week, 1) if r.candidate_id == 11)
    assert (row.status, row.decline_reason) == (ShortlistStatus.DECLINED, "language")
    assert "العربية" in (row.decline_note or "")
    assert _offered(shortlists) == [None] and not shortlists.ui.statusCombo.isEnabled()

    # Accepted… opens the placement form pre-filled from the request.
    _choose_saved(shortlists, 10)
    _answer(shortlists, ShortlistStatus.ACCEPTED)
    form = pane.form
    assert form is not None and form.isVisible()
    assert form.start.date().toPython() == START
    form.liaison_name.setText("Ольга Петрова")
    form.liaison_role.setText("Knowledge manager")
    form.liaison_email.setText("o.petrova@who.example")
    form.mentor.setText("李娜")
    form.share.setValue(80)
    form.funding_source.setText("Wikimedia Sverige")
    form.amount.setValue(12000)
    form.currency.setText("XYZ")
    form.save_button.click()
    # Refused: one sentence in the form, which stays open with everything typed.
    assert form.isVisible() and "XYZ" in form.error.text()
    assert form.liaison_name.text() == "Ольга Петрова"
    assert pl.list_placements(week) == []
    form.currency.setText("EUR")
    form.save_button.click()
    assert pane.form is None
    assert WORDS[code]["planned"] in pane.message.text()
    placements = pl.list_placements(week)
    assert len(placements) == 1
    pid = placements[0].id
    with week.session() as s:
        assert s.get(m.PlacementRequest, 1).status == RequestStatus.FILLED
    rec = pl.get_placement(week, pid)
    assert rec.liaison is not None and rec.liaison.name == "Ольга Петрова"
    assert (rec.mentor, rec.time_share, rec.funding_currency) == ("李娜", 80, "EUR")
    window.grab().save(str(tmp_path / f"shortlists-{code}.png"))

    # Today lists the start, and opening the line shows that placement.
    today = window.show_screen("today")
    qtbot.waitUntil(
        lambda: any(i.kind is DueKind.PLACEMENT_START for i in today.model.records()),
        timeout=20000,
    )
    kinds = {i.kind for i in today.model.records()}
    assert {DueKind.REQUEST_DEADLINE, DueKind.PLACEMENT_START} <= kinds
    line = next(n for n, i in enumerate(today.model.records()) if i.kind is DueKind.PLACEMENT_START)
    today.open_index(today.model.index(line, 2))
    view = window.current_screen()
    assert window.current_key() == "placements"
    assert view.tabs.tabText(0) == WORDS[code]["residencies"]
    assert view.record is not None and view.record.id == pid
    assert view.start_button.isEnabled() and not view.complete_button.isEnabled()

    # Starting: her stage becomes placed; the list follows through the change hub.
    view.start_button.click()
    assert view.record.status == PlacementStatus.ACTIVE
    assert "أمينة الحسن" in view.message.text()
    with week.session() as s:
        assert s.get(m.Candidate, 10).stage == Stage.PLACED
    qtbot.waitUntil(
        lambda: view.model.record(view.model.row_of(pid)).status == PlacementStatus.ACTIVE,
        timeout=5000,
    )

    # Check-ins: done, moved, noted, one added.
    view.detail_tabs.setCurrentIndex(0)
    view.checkin_table.selectRow(0)
    view.done_button.click()
    first = view.record.checkins[0]
    assert first.done_on == TODAY
    view.checkin_table.selectRow(1)
    moved_to = view.record.checkins[1].due_on + dt.timedelta(days=3)
    view.ask_date = lambda _t, _l, _d: moved_to
    view.move_button.click()
    assert moved_to in {c.due_on for c in view.record.checkins}
    view.checkin_table.selectRow(0)
    view.ask_text = lambda _t, _l, _d: "Sent 14 articles — 14 статей"
    view.note_button.click()
    assert view.record.checkins[0].note == "Sent 14 articles — 14 статей"
    before = len(view.record.checkins)
    view.ask_date = lambda _t, _l, _d: START + dt.timedelta(days=45)
    view.add_checkin_button.click()
    assert len(view.record.checkins) == before + 1

    # Outcomes: the actuals of the first report; the bar shows the share of the target.
    view.detail_tabs.setCurrentIndex(1)
    view.report_combo.setCurrentIndex(view.report_combo.findData(first.id))
    bar, target, actual = view._metric_widgets["articles_created"]
    target.setText("40")
    actual.setText("12")
    assert view.has_unsaved_changes()
    view.save_outcomes_button.click()
    bar = view._metric_widgets["articles_created"][0]
    assert bar.value() == 30 and "12" in bar.format()
    outcome = next(o for o in view.record.outcomes if o.metric == "articles_created")
    assert dict(outcome.per_report) == {first.id: 12}
    # One bad value: its sentence, nothing stored (not even the good one), typing kept.
    errors: list[str] = []
    import wir_manager.qt.views.placements as module

    original = module.show_error
    module.show_error = lambda _parent, exc, *a: errors.append(str(exc))  # type: ignore[assignment]
    try:
        view._metric_widgets["people_trained"][1].setText("25")
        view._metric_widgets["events_held"][2].setText("a few")
        view.save_outcomes_button.click()
    finally:
        module.show_error = original
    assert errors and "a few" in errors[0]
    assert view._metric_widgets["events_held"][2].text() == "a few"
    assert "people_trained" not in {o.metric for o in pl.outcomes(week, pid)}
    view._metric_widgets["events_held"][2].setText("")
    view._metric_widgets["people_trained"][1].setText("")
    assert not view.has_unsaved_changes()

    # The timeline: the answers and the placement, and a contact note added here.
    view.detail_tabs.setCurrentIndex(2)
    assert view.detail_tabs.tabText(2) == WORDS[code]["timeline"]
    panel = view.timeline
    panel.note_edit.setText("फ़ोन किया: UNEP post")
    panel.add_button.click()
    texts = [e.text for e in panel.model.records()]
    assert any("फ़ोन किया" in t for t in texts)
    assert {e.kind for e in panel.model.records()} >= {
        TimelineKind.ANSWER,
        TimelineKind.PLACEMENT,
        TimelineKind.NOTE,
    }

    # Details…: the form over the placement; the edit shows in the facts.
    view.edit_button.click()
    assert view.form is not None
    view.form.mentor.setText("Amani Njeri")
    view.form.save_button.click()
    assert view.form is None and "Amani Njeri" in view.facts.text()
    window.grab().save(str(tmp_path / f"placements-{code}.png"))

    # Programme figures as charts.
    view.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: bool(view.org_chart.bars()), timeout=30000)
    # A period before the placement: nobody placed in it.
    view.figures_to.setDate(TODAY - dt.timedelta(days=1))
    view.figures_button.click()
    qtbot.waitUntil(lambda: not view.org_chart.bars(), timeout=30000)
    view.figures_to.setDate(END)
    view.figures_button.click()
    qtbot.waitUntil(lambda: bool(view.org_chart.bars()), timeout=30000)
    assert ("WHO", 1.0) in {(b.label, b.value) for b in view.org_chart.bars()}
    assert view.funnel_chart.bars() and "WHO" in view.org_chart.accessibleDescription()
    outcome_bars = {b.label: (b.value, b.target) for b in view.outcome_chart.bars()}
    assert (12, 40) in outcome_bars.values()
    view.tabs.setCurrentIndex(0)

    # Both reports, written off the GUI thread, read back.
    view.ask_path = lambda suffix, default: str(tmp_path / default)
    view.report_button.click()
    out = tmp_path / f"placement-{pid}.pdf"
    qtbot.waitUntil(lambda: str(out) in view.message.text(), timeout=60000)
    text = "".join(p.extract_text() for p in PdfReader(str(out)).pages)
    assert "WHO" in text and "Wikidata resident for health data" in text
    period = (TODAY - dt.timedelta(days=400), TODAY + dt.timedelta(days=400))
    view.programme_report((*period, code, ".pdf"))
    prog = tmp_path / "programme-report.pdf"
    qtbot.waitUntil(prog.exists, timeout=60000)
    qtbot.waitUntil(lambda: "programme-report.pdf" in view.message.text(), timeout=60000)
    text = "".join(p.extract_text() for p in PdfReader(str(prog)).pages)
    assert ("Programrapport" if code == "sv" else "Programme report") in text
    assert "أمينة" not in text  # nothing personal in the programme report


@pytest.mark.parametrize("code", ["en", "sv"])
def test_assignment_applied_as_shortlists_and_exported(
    qtbot, week, tmp_path: Path, language, code: str
) -> None:
    language(code)
    window = make_window(week, tmp_path, qtbot)
    view = window.show_screen("shortlists")
    view.ui.tabs.setCurrentWidget(view.ui.assignTab)
    pane = view.assignment
    assert not pane.apply_button.isEnabled() and not pane.export_button.isEnabled()
    view.ui.assignButton.click()
    qtbot.waitUntil(lambda: pane.result is not None, timeout=30000)
    model = view.assign_model
    horizontal = Qt.Orientation.Horizontal
    headers = [model.headerData(c, horizontal, 0) for c in range(model.columnCount())]
    assert headers[2] == "Organisation"  # the same word in Swedish
    orgs = {model.data(model.index(r, 2)) for r in range(model.rowCount())}
    assert orgs == {"WHO", "UNEP"}
    assigned = {r.request_id: [p.candidate_id for p in r.placements] for r in pane.result.requests}
    assert len(assigned[1]) == 1 and len(assigned[2]) == 2
    # Refusing the confirmation changes nothing.
    questions: list[str] = []
    pane.confirm = lambda q: questions.append(q) or False
    pane.apply_button.click()
    assert questions and saved_shortlist(week, 2) == []
    pane.confirm = lambda q: True
    pane.apply_button.click()
    qtbot.waitUntil(lambda: len(saved_shortlist(week, 2)) == 2, timeout=30000)
    assert {r.candidate_id for r in saved_shortlist(week, 2)} == set(assigned[2])
    # WHO's list keeps its earlier entries and gains the assigned person.
    assert set(assigned[1]) <= {r.candidate_id for r in saved_shortlist(week, 1)}
    # Export: the workbook names the organisation of every line.
    target = tmp_path / "assignment.xlsx"
    pane.ask_path = lambda default: str(target)
    pane.export_button.click()
    qtbot.waitUntil(target.exists, timeout=30000)
    qtbot.waitUntil(lambda: "assignment.xlsx" in view.ui.assignSummary.text(), timeout=30000)
    sheet = load_workbook(target).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    head = list(rows[0])
    org_col = head.index("Organisation")
    name_col = head.index("Kandidat" if code == "sv" else "Candidate")
    assert {r[org_col] for r in rows[1:]} == {"WHO", "UNEP"}
    names = {r[name_col] for r in rows[1:]}
    assert names <= {name for _cid, name, _c, _g in PEOPLE} and len(names) == 3


@pytest.mark.parametrize("code", ["en", "sv"])
def test_candidate_timeline_from_the_candidates_screen(
    qtbot, week, tmp_path: Path, language, code: str
) -> None:
    language(code)
    window = make_window(week, tmp_path, qtbot)
    view = window.show_screen("candidates")
    qtbot.waitUntil(lambda: view.model.row_of(13) is not None, timeout=20000)
    view._select_row_quietly(13)
    dialog = view.show_timeline()
    assert dialog is not None and "Мария Иванова" in dialog.windowTitle()
    panel = dialog.panel
    # Only "record created".
    assert [e.kind for e in panel.model.records()] == [TimelineKind.STAGE]
    assert not panel.remove_button.isEnabled()
    panel.note_edit.setText("电话：UNEP 的职位")
    panel.add_button.click()
    notes = [e for e in panel.model.records() if e.kind is TimelineKind.NOTE]
    assert len(notes) == 1 and "UNEP" in notes[0].text
    # An empty note is refused with its sentence and nothing is added.
    errors: list[str] = []
    import wir_manager.qt.widgets.timeline as module

    original = module.show_error
    module.show_error = lambda _parent, exc, *a: errors.append(str(exc))  # type: ignore[assignment]
    try:
        panel.note_edit.setText("   ")
        panel.add_button.click()
    finally:
        module.show_error = original
    assert errors and len([e for e in panel.model.records() if e.kind is TimelineKind.NOTE]) == 1
    # The note can be removed again.
    row = next(i for i, e in enumerate(panel.model.records()) if e.kind is TimelineKind.NOTE)
    panel.table.selectRow(row)
    assert panel.remove_button.isEnabled()
    panel.remove_button.click()
    assert [e.kind for e in pl.timeline(week, 13)] == [TimelineKind.STAGE]
    dialog.close()


def test_every_timeline_kind_has_its_column_text() -> None:
    """The timeline's "What" column looks each kind up in a dict keyed by the members: a
    kind added to the enum without its text would fail the table, not show a raw key."""
    from wir_manager.qt.models.placement_tables import EVENT_KINDS

    assert set(EVENT_KINDS) == set(TimelineKind)


@pytest.mark.parametrize("code", ["en", "sv"])
def test_today_lines_open_the_request_and_the_retention_list(
    qtbot, week, tmp_path: Path, language, code: str
) -> None:
    language(code)
    with week.session() as s:
        s.get(m.Candidate, 14).consent_store_at = TODAY - dt.timedelta(days=3 * 365)
    window = make_window(week, tmp_path, qtbot)
    assert window.ui.sidebar.item(0).data(SCREEN_ROLE) == "today"  # first in the sidebar
    today = window.show_screen("today")
    qtbot.waitUntil(lambda: today.is_loaded, timeout=20000)
    items = today.model.records()
    kinds = [i.kind for i in items]
    assert DueKind.REQUEST_DEADLINE in kinds and DueKind.CONSENT_RENEWAL in kinds
    heading = today.heading.text()
    assert str(len(items)) in heading and (("saker" if code == "sv" else "things") in heading)
    line = kinds.index(DueKind.REQUEST_DEADLINE)
    today.open_index(today.model.index(line, 2))
    assert window.current_key() == "requests"
    requests = window.current_screen()
    assert requests.editor.request_id == items[line].request_id
    window.show_screen("today")
    line = kinds.index(DueKind.CONSENT_RENEWAL)
    today.open_index(today.model.index(line, 2))
    privacy = window.current_screen()
    assert window.current_key() == "privacy"
    assert privacy.ui.tabs.currentWidget() is privacy.ui.retentionTab


# ------------------------------------------------------------------ stale saves (#13)
@pytest.fixture
def colleague(week, db_path: Path):
    """A second service session on the same encrypted file, as a colleague's window."""
    from tests.conftest import PASSPHRASE
    from wir_manager.storage.database import Database

    other = Database.open(db_path, PASSPHRASE)
    other.use_operator("Priya Raghunathan")
    yield other
    other.close()


def _asking(screen, answers: list):  # type: ignore[no-untyped-def]
    """Answer the reload-or-keep question with ``answers`` in turn; returns what was asked."""
    asked: list[str] = []
    screen.ask_stale = lambda _parent, text: asked.append(text) or answers.pop(0)
    return asked


def test_a_stale_shortlist_note_and_answer_offer_reload_or_keep(
    qtbot, week, colleague, tmp_path: Path
) -> None:
    from wir_manager.qt.widgets.confirm import StaleAnswer
    from wir_manager.services import matching
    from wir_manager.storage.changes import Changes, Kind

    window = make_window(week, tmp_path, qtbot)
    shortlists = window.show_screen("shortlists")
    shortlists.select_request(1, candidate_id=10)
    qtbot.waitUntil(lambda: len(shortlists.saved_model.records()) == 2, timeout=20000)
    pane = shortlists.saved_pane
    _choose_saved(shortlists, 10)
    asked = _asking(shortlists, [StaleAnswer.CANCEL, StaleAnswer.KEEP_MINE, StaleAnswer.RELOAD])

    # A note is being typed when the colleague saves theirs; the list is read again
    # (their change arriving) and the typed note stays.
    shortlists.ui.noteEdit.setText("Spricht fließend Arabisch — تتحدث العربية")
    matching.set_note(colleague, 1, 10, "प्रिया: call back on Monday")
    with qtbot.waitSignal(window.ctx.hub.changed, timeout=5000):
        window.ctx.hub.publish(Changes(Kind.SHORTLISTS))
    assert pane.saved_model.records()[0].note == "प्रिया: call back on Monday"
    assert shortlists.ui.noteEdit.text() == "Spricht fließend Arabisch — تتحدث العربية"
    # Saving says who changed it; Cancel keeps the typed note, unsaved.
    shortlists.ui.noteButton.click()
    assert len(asked) == 1 and "Priya Raghunathan" in asked[0]
    assert f"{TODAY:%Y-%m-%d}" in asked[0]
    assert shortlists.ui.noteEdit.text() == "Spricht fließend Arabisch — تتحدث العربية"
    note = lambda: next(r.note for r in saved_shortlist(week, 1) if r.candidate_id == 10)  # noqa: E731
    assert note() == "प्रिया: call back on Monday"
    # Keep my version: saved over theirs.
    shortlists.ui.noteButton.click()
    assert note() == "Spricht fließend Arabisch — تتحدث العربية"

    # The IGO's answer: the colleague records "sent" meanwhile; Reload shows theirs.
    combo = shortlists.ui.statusCombo
    combo.setCurrentIndex(combo.findData(ShortlistStatus.WITHDREW.value))
    matching.set_status(colleague, 1, 10, ShortlistStatus.SENT.value)
    shortlists.ui.statusButton.click()
    assert len(asked) == 3 and "Priya Raghunathan" in asked[2]
    row = next(r for r in saved_shortlist(week, 1) if r.candidate_id == 10)
    assert row.status == ShortlistStatus.SENT  # theirs stands
    assert _offered(shortlists) == [s.value for s in allowed_next(ShortlistStatus.SENT)]
    assert shortlists.ui.noteEdit.text() == row.note


def test_stale_weights_offer_reload_or_keep(qtbot, week, colleague, tmp_path: Path) -> None:
    from wir_manager.qt.widgets.confirm import StaleAnswer
    from wir_manager.services import matching

    window = make_window(week, tmp_path, qtbot)
    shortlists = window.show_screen("shortlists")
    shortlists.select_request(1)
    ranking = shortlists.ranking
    first = ranking.profile_version
    asked = _asking(shortlists, [StaleAnswer.KEEP_MINE, StaleAnswer.RELOAD])
    ranking.set_weight("language", 7)
    assert ranking.has_unsaved_weights()
    theirs = {**ranking.stored_weights, "topics": 3.0}
    matching.save_profile(colleague, matching.DEFAULT_PROFILE, theirs)
    shortlists.ui.saveWeightsButton.click()
    assert len(asked) == 1 and "Priya Raghunathan" in asked[0]
    stored = matching.current_profile(week)
    assert stored.version == first + 2 and stored.weights["language"] == 7  # mine, on top
    assert ranking.profile_version == stored.version and not ranking.has_unsaved_weights()

    ranking.set_weight("skills", 1)
    matching.save_profile(colleague, matching.DEFAULT_PROFILE, {**stored.weights, "skills": 9})
    shortlists.ui.saveWeightsButton.click()
    assert len(asked) == 2
    assert ranking.weights()["skills"] == 9 and not ranking.has_unsaved_weights()  # theirs
    assert matching.current_profile(week).version == first + 3


def test_a_stale_placement_form_offers_reload_or_keep(
    qtbot, week, colleague, tmp_path: Path
) -> None:
    from dataclasses import replace

    from wir_manager.qt.widgets.confirm import StaleAnswer

    pid = pl.accept(week, pl.placement_defaults(week, 1, 10)).placement.id
    window = make_window(week, tmp_path, qtbot)
    view = window.show_screen("placements")
    view.select_placement(pid)
    assert view.record is not None and view.record.id == pid
    view.edit_button.click()
    form = view.form
    assert form is not None
    asked = _asking(form, [StaleAnswer.CANCEL, StaleAnswer.RELOAD, StaleAnswer.KEEP_MINE])
    form.mentor.setText("Amani Njeri")

    def colleague_saves(mentor: str) -> None:
        rec = pl.get_placement(colleague, pid)
        data = pl.placement_defaults(colleague, 1, 10)
        pl.update_placement(
            colleague,
            replace(
                data,
                id=pid,
                start_date=rec.start_date,
                end_date=rec.end_date,
                mentor=mentor,
                schedule=False,
                updated_at=rec.updated_at,
            ),
        )

    colleague_saves("Sofía Hernández")
    # Cancel: the form stays open with what was typed, nothing saved.
    form.save_button.click()
    assert len(asked) == 1 and "Priya Raghunathan" in asked[0]
    assert view.form is form and form.isVisible() and form.mentor.text() == "Amani Njeri"
    assert pl.get_placement(week, pid).mentor == "Sofía Hernández"
    # Reload: their version in the form, still open.
    form.save_button.click()
    assert form.isVisible() and form.mentor.text() == "Sofía Hernández"
    # Typed again, changed again by the colleague; Keep my version saves over theirs.
    form.mentor.setText("अमित कुमार")
    colleague_saves("Lars Svensson")
    form.save_button.click()
    assert len(asked) == 3 and view.form is None
    assert pl.get_placement(week, pid).mentor == "अमित कुमार"
    assert "अमित कुमार" in view.facts.text()


def _accepted(db, candidate_id: int = 10) -> int:  # type: ignore[no-untyped-def]
    """A planned placement of ``candidate_id`` on WHO's request (the service's accept)."""
    change = pl.accept(
        db,
        pl.PlacementData(
            request_id=1,
            candidate_id=candidate_id,
            start_date=START,
            end_date=END,
            liaison=pl.LiaisonData("Ольга Петрова", "Knowledge manager", "o.petrova@who.example"),
        ),
    )
    return change.placement.id


@pytest.mark.parametrize(
    ("code", "heading"),
    [("en", "أمينة الحسن (no organisation)"), ("sv", "أمينة الحسن (ingen organisation)")],
)
def test_heading_of_a_placement_whose_organisation_is_gone(
    qtbot, week, tmp_path: Path, language, code: str, heading: str
) -> None:
    """The Placements screen's heading names the person and the organisation; when the
    organisation was deleted (the placement keeps its numbers) it says so instead of
    ending in "at " / "hos "."""
    language(code)
    pid = _accepted(week)
    window = make_window(week, tmp_path, qtbot)
    view = window.show_screen("placements")
    view.select_placement(pid)
    qtbot.waitUntil(lambda: view.record is not None and view.record.id == pid, timeout=20000)
    at = {"en": "at", "sv": "hos"}[code]
    assert _plain(view.heading.text()) == f"أمينة الحسن {at} WHO"
    with week.session() as s:  # as deleting the organisation leaves it (SET NULL)
        s.get(m.Placement, pid).organisation_id = None
    view.refresh(select=pid)
    qtbot.waitUntil(
        lambda: view.record is not None and view.record.organisation is None, timeout=20000
    )
    assert _plain(view.heading.text()) == heading
    assert not view.heading.text().rstrip().endswith((" at", " hos"))


def _plain(text: str) -> str:
    """``text`` without the bidi marks and isolates that keep a line left to right."""
    return text.translate(dict.fromkeys(map(ord, "\u200e\u200f\u2066\u2067\u2068\u2069")))


def _ink(label) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """The first and last pixel column of ``label`` that the text paints."""
    from PySide6.QtGui import QColor

    image = label.grab().toImage()
    background = label.palette().color(label.backgroundRole()).lightness()
    inked = [
        x
        for x in range(image.width())
        if any(
            abs(QColor(image.pixel(x, y)).lightness() - background) > 60
            for y in range(image.height())
        )
    ]
    assert inked, "the label paints nothing"
    return inked[0], inked[-1]


@pytest.mark.parametrize(("code", "accepted"), [("en", "accepted for"), ("sv", "antagen till")])
def test_headings_with_an_arabic_name_read_left_to_right(
    qtbot, week, tmp_path: Path, language, code: str, accepted: str
) -> None:
    """The placement form's title after "accepted" and the Placements screen's heading
    start with the resident's name. A name in Arabic script made the whole line
    right-to-left: right-aligned, "at WHO" to the left of the name and the request's
    quotes turned round (seen in the dialog tour). Both now start at the left edge,
    with the name first."""
    language(code)
    window = make_window(week, tmp_path, qtbot)
    shortlists = window.show_screen("shortlists")
    shortlists.select_request(1, candidate_id=10)
    qtbot.waitUntil(lambda: len(shortlists.saved_model.records()) == 2, timeout=20000)
    _choose_saved(shortlists, 10)
    for status in (ShortlistStatus.SENT, ShortlistStatus.INTERVIEW, ShortlistStatus.ACCEPTED):
        _answer(shortlists, status)
    form = shortlists.saved_pane.form
    assert form is not None and form.isVisible()
    title = form.findChild(QLabel, "placementFormHeading")
    assert _plain(title.text()).startswith(f"أمينة الحسن {accepted} ")
    first, last = _ink(title)
    assert first < 12 and last < title.width() - 100, (first, last, title.width())
    form.liaison_name.setText("Ольга Петрова")
    form.save_button.click()
    assert shortlists.saved_pane.form is None
    pid = pl.list_placements(week)[0].id
    view = window.show_screen("placements")
    view.select_placement(pid)
    qtbot.waitUntil(lambda: view.record is not None and view.record.id == pid, timeout=20000)
    first, last = _ink(view.heading)
    assert first < 12 and last < view.heading.width() - 100, (first, last)
    view.edit_details()
    title = view.form.findChild(QLabel, "placementFormHeading")
    assert _plain(title.text()) == _plain(view.heading.text())
    assert _ink(title)[0] < 12
    view.form.reject()
    close_window(qtbot, window)


def _lists(db) -> dict[int, list[tuple[int, str]]]:  # type: ignore[no-untyped-def]
    return {
        rid: [(r.candidate_id, ShortlistStatus(r.status).value) for r in saved_shortlist(db, rid)]
        for rid in (1, 2)
    }


def test_applying_the_assignment_is_all_or_nothing(week, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The assignment becomes every request's shortlist in one transaction: when the
    second request's list cannot be saved, the first one is not saved either (WHO keeps
    its earlier list, UNEP has none), whether the failure is found while checking the
    people or while writing."""
    from wir_manager.services import matching
    from wir_manager.services.matching import assignment as module
    from wir_manager.services.matching.errors import ShortlistError
    from wir_manager.services.progress import Progress
    from wir_manager.storage.errors import WriteFailedError

    result = matching.assign(week)
    order = [r.request_id for r in result.requests if r.placements]
    assert len(order) == 2
    last = next(r for r in result.requests if r.request_id == order[-1])
    before = _lists(week)
    assert before[2] == [] and {c for c, _s in before[1]} == {10, 11}

    # 1. While the last request is checked, a colleague has withdrawn the consent to be
    #    proposed of someone assigned to it: refused, and nothing of the first is kept.
    def withdraw(done: int, total: int, _message: str) -> None:
        if done == total - 1:
            with week.session() as s:
                s.get(m.Candidate, last.placements[0].candidate_id).consent_propose = False

    with pytest.raises(ShortlistError):
        matching.apply_assignment(week, result, progress=Progress(withdraw))
    assert _lists(week) == before
    with week.session() as s:
        s.get(m.Candidate, last.placements[0].candidate_id).consent_propose = True

    # 2. The write of the second list fails (the disk, say): the first is rolled back.
    real = module.write_shortlist_in
    calls: list[int] = []

    def fail_second(db, s, plan):  # type: ignore[no-untyped-def]
        calls.append(plan.request_id)
        if len(calls) == 2:
            raise OSError("disk I/O error")
        return real(db, s, plan)

    monkeypatch.setattr(module, "write_shortlist_in", fail_second)
    with pytest.raises(WriteFailedError):  # the storage's sentence for a failed write
        matching.apply_assignment(week, result)
    assert calls == order
    assert _lists(week) == before

    # Whole, it is applied: both lists as assigned.
    monkeypatch.setattr(module, "write_shortlist_in", real)
    saved = dict(matching.apply_assignment(week, result))
    after = _lists(week)
    assert set(saved) == {1, 2}
    for req in result.requests:
        assert {p.candidate_id for p in req.placements} <= {c for c, _s in after[req.request_id]}


@pytest.mark.parametrize(
    ("code", "removed"),
    [("en", "Metric “{m}” removed."), ("sv", "Måttet ”{m}” togs bort.")],
)
def test_a_free_metric_is_removed_from_the_outcomes(
    qtbot, week, tmp_path: Path, language, code: str, removed: str
) -> None:
    """A free metric has a Remove button on the outcomes tab (standard ones do not): after
    the question, the metric goes with its target and values (through the service,
    audited, reported by the change hub) and what was typed elsewhere stays typed."""
    from wir_manager.storage.changes import Kind

    language(code)
    pid = _accepted(week)
    free = "Podcast episodes — حلقات بودكاست"
    pl.set_target(week, pid, free, 12)
    window = make_window(week, tmp_path, qtbot)
    view = window.show_screen("placements")
    view.select_placement(pid)
    qtbot.waitUntil(lambda: view.record is not None and view.record.id == pid, timeout=20000)
    view.detail_tabs.setCurrentIndex(1)
    assert free in view._metric_widgets
    assert view.findChild(QPushButton, "remove_articles_created") is None
    view._metric_widgets["articles_created"][1].setText("30")  # typed, not saved
    heard: list[object] = []
    window.ctx.hub.changed.connect(heard.append)
    questions: list[str] = []
    view.confirm = lambda q: questions.append(q) or False
    view.findChild(QPushButton, f"remove_{free}").click()
    assert free in questions[0]
    assert any(o.metric == free for o in pl.get_placement(week, pid).outcomes)  # refused
    view.confirm = lambda q: True
    view.findChild(QPushButton, f"remove_{free}").click()
    assert view.message.text() == removed.format(m=free)
    assert free not in view._metric_widgets
    assert all(o.metric != free for o in pl.get_placement(week, pid).outcomes)
    assert view._metric_widgets["articles_created"][1].text() == "30"
    view._metric_widgets["articles_created"][1].clear()  # nothing unsaved left at close
    qtbot.waitUntil(lambda: any(c.touches(Kind.PLACEMENTS) for c in heard), timeout=5000)
    with week.session() as s:
        audit = s.execute(
            select(m.AuditEntry.action, m.AuditEntry.entity).where(m.AuditEntry.entity == "outcome")
        ).all()
    assert any(getattr(a, "value", a) == "delete" for a, _e in audit)


@pytest.mark.parametrize("code", ["en", "sv"])
def test_a_liaison_is_corrected_in_the_placement_form(
    qtbot, week, tmp_path: Path, language, code: str
) -> None:
    """The IGO's liaison changed her role and e-mail: choosing her in the placement form
    shows her details, corrected there they are saved to the organisation's contact (so
    the next placement offers the new ones), and an e-mail another liaison of the same
    organisation already has is refused in one sentence with the form kept as typed."""
    language(code)
    pid = _accepted(week)
    with week.session() as s:  # WHO's other liaison, met on an earlier residency
        who = s.get(m.Placement, pid).organisation_id
        s.add(
            m.Contact(
                organisation_id=who,
                name="Rahul Verma",
                role="Data officer",
                email="r.verma@who.example",
            )
        )
    olga = next(c for c in pl.contacts_of(week, who) if c.name == "Ольга Петрова")
    window = make_window(week, tmp_path, qtbot)
    view = window.show_screen("placements")
    view.select_placement(pid)
    qtbot.waitUntil(lambda: view.record is not None and view.record.id == pid, timeout=20000)
    view.edit_button.click()
    form = view.form
    assert form is not None and form.contact.currentData() == olga.id
    # Her details are shown, editable, where before they were greyed out.
    assert form.liaison_name.isEnabled() and form.liaison_name.text() == "Ольга Петрова"
    assert form.liaison_email.text() == "o.petrova@who.example"
    form.liaison_role.setText("Head of Knowledge Management")
    form.liaison_email.setText("r.verma@who.example")
    form.save_button.click()
    assert view.form is form and form.isVisible()
    assert "Rahul Verma" in form.error.text() and "r.verma@who.example" in form.error.text()
    assert form.liaison_role.text() == "Head of Knowledge Management"
    form.liaison_email.setText("olga.petrova@who.example")
    form.save_button.click()
    qtbot.waitUntil(lambda: view.form is None, timeout=20000)
    contacts = {c.name: c for c in pl.contacts_of(week, who)}
    assert len(contacts) == 2  # corrected, not a second Olga
    assert (contacts["Ольга Петрова"].role, contacts["Ольга Петрова"].email) == (
        "Head of Knowledge Management",
        "olga.petrova@who.example",
    )
    assert contacts["Rahul Verma"].email == "r.verma@who.example"
    rec = pl.get_placement(week, pid)
    assert rec.liaison is not None and rec.liaison.email == "olga.petrova@who.example"
    # Choosing "a new contact" clears her details instead of copying them.
    view.edit_button.click()
    form = view.form
    assert form is not None
    form.contact.setCurrentIndex(0)
    assert form.liaison_name.text() == "" and form.liaison_email.text() == ""
    form.reject()


# --------------------------------------------------------------------------- a viewer
#: A marker per column the server refuses a viewer (``server_admin.VIEWER_HIDDEN``) that
#: the Placements screen or its form shows to staff.
VIEWER_MARKS = {
    "liaison e-mail": "fatima.alsayed@who.example",
    "placement notes": "ملاحظة خاصة: تفضّل العمل صباحًا",
    "cancellation reason": "कारण: निजी पारिवारिक मामला",
    "check-in note": "मध्यावधि बातचीत: वह थकी हुई थी",
    "extension reason": "تمديد بسبب التمويل",
    "contact note": "फ़ोन पर बात हुई — UNEP",
    "decline note": "رفض: الراتب منخفض جدًا",
    "candidate notes": "निजी टिप्पणी: إقامة",
    **{f"candidate e-mail {cid}": f"user{cid}@example.org" for cid, *_rest in PEOPLE},
}


#: The tooltip of each kind of write control a viewer finds disabled.
VIEWER_TIPS = {
    "en": {
        "placements": "Your login ({role}) may not change placements.",
        "checkins": "Your login ({role}) may not change check-ins.",
        "outcomes": "Your login ({role}) may not change outcomes.",
        "notes": "Your login ({role}) may not change contact notes.",
    },
    "sv": {
        "placements": "Din inloggning ({role}) får inte ändra placeringar.",
        "checkins": "Din inloggning ({role}) får inte ändra avstämningar.",
        "outcomes": "Din inloggning ({role}) får inte ändra utfall.",
        "notes": "Din inloggning ({role}) får inte ändra kontaktanteckningar.",
    },
}


def _placements_for_a_viewer(admin) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """The week on the team server: an active residency (Arabic name) that began forty
    days ago, with its liaison, a check-in done, an extension and a contact note; a
    planned one (Devanagari name, declined by WHO before); a cancelled one. Every column
    hidden from a viewer holds a marker."""
    from wir_manager.services.matching import set_status

    _build_week(admin)
    with admin.session() as s:
        s.get(m.Candidate, 10).notes = VIEWER_MARKS["candidate notes"]
    set_status(admin, 1, 11, "declined", reason="language", note=VIEWER_MARKS["decline note"])
    liaison = pl.LiaisonData(
        "Fatima Al-Sayed", "Head of digital communication", VIEWER_MARKS["liaison e-mail"]
    )
    active = pl.accept(
        admin,
        pl.PlacementData(
            request_id=1,
            candidate_id=10,
            start_date=TODAY - dt.timedelta(days=40),
            end_date=TODAY + dt.timedelta(days=142),
            liaison=liaison,
            notes=VIEWER_MARKS["placement notes"],
        ),
    ).placement
    pl.start_placement(admin, active.id, on=active.start_date)
    pl.update_checkin(
        admin, active.checkins[0].id, done_on=TODAY, note=VIEWER_MARKS["check-in note"]
    )
    pl.extend_placement(
        admin, active.id, active.end_date + dt.timedelta(days=30), VIEWER_MARKS["extension reason"]
    )
    pl.set_target(admin, active.id, "articles_created", 40)
    pl.add_contact_note(admin, 10, VIEWER_MARKS["contact note"], on=TODAY)
    planned = pl.accept(
        admin, pl.PlacementData(request_id=2, candidate_id=11, start_date=START, end_date=END)
    ).placement
    cancelled = pl.accept(
        admin, pl.PlacementData(request_id=2, candidate_id=12, start_date=START, end_date=END)
    ).placement
    pl.cancel_placement(admin, cancelled.id, VIEWER_MARKS["cancellation reason"])
    return {"active": active.id, "planned": planned.id, "cancelled": cancelled.id}


def _screen_text(root) -> str:  # type: ignore[no-untyped-def]
    """Every text ``root`` holds: labels, fields, buttons, tooltips, combo items and every
    cell (shown and tooltip) of its tables, on every tab whether shown or not."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QComboBox,
        QLabel,
        QLineEdit,
        QPlainTextEdit,
        QWidget,
    )

    parts: list[str] = []
    for w in [root, *root.findChildren(QWidget)]:
        parts += [w.toolTip(), w.accessibleName(), w.windowTitle()]
        if isinstance(w, QLabel):
            parts.append(w.text())
        elif isinstance(w, QLineEdit):
            parts += [w.text(), w.placeholderText()]
        elif isinstance(w, QPlainTextEdit):
            parts.append(w.toPlainText())
        elif isinstance(w, QAbstractButton):
            parts.append(w.text())
        elif isinstance(w, QComboBox):
            parts += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            model, top = w.model(), QModelIndex()
            # A list model (a combo's popup) has one column and keeps columnCount private.
            columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(top)
            for row in range(model.rowCount(top)):
                for col in range(columns):
                    index = model.index(row, col)
                    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                        parts.append(str(index.data(role) or ""))
    return "\n".join(parts)


#: The markers the Placements screen or its form has a place for (the others, such as a
#: resident's e-mail or an extension's reason, are not shown on it to anyone).
SHOWN_TO_STAFF = (
    "liaison e-mail",
    "placement notes",
    "cancellation reason",
    "check-in note",
    "contact note",
    "decline note",
)


def _shown_per_placement(  # type: ignore[no-untyped-def]
    view,
    qtbot,
    ids: dict[str, int],
    inspect: dict[str, Callable[[PlacementForm], None]] | None = None,
) -> dict[str, str]:
    """Everything the screen and the placement form (opened by Details…) show with each
    placement selected; ``inspect[key]`` looks at that placement's form while open."""
    out: dict[str, str] = {}
    for key, pid in ids.items():
        view.select_placement(pid)
        qtbot.waitUntil(
            lambda pid=pid: view.record is not None and view.record.id == pid, timeout=20000
        )
        view.edit_button.click()
        form = view.form
        assert form is not None
        out[key] = _screen_text(view.window()) + _screen_text(form)
        if inspect and key in inspect:
            inspect[key](form)
        form.reject()
        qtbot.waitUntil(lambda: view.form is None, timeout=5000)
    return out


def _stored(db, ids: dict[str, int]) -> list[str]:  # type: ignore[no-untyped-def]
    """What staff read of the placements and the residents' timelines."""
    return [repr(pl.get_placement(db, pid)) for pid in ids.values()] + [
        repr(pl.timeline(db, cid)) for cid in (10, 11, 12)
    ]


@pytest.mark.parametrize("code", ["en", "sv"])
def test_a_viewer_walks_the_placements_screen_and_sees_no_notes_or_contact_details(
    qtbot, pg_server, server_db_url: str, language, code: str, monkeypatch, tmp_path: Path
) -> None:
    """A viewer signed in to the team server opens Placements: every residency is listed
    with its resident's name as written (Arabic, Devanagari, Chinese); neither the screen
    nor the placement form shows a note, reason or e-mail the server refuses a viewer.

    Each control that writes (status steps, the form's Save, check-ins, outcomes,
    contact notes) is disabled for a viewer, its tooltip saying why: that is the first
    line of defence. The server still enforces the roles, so each one's slot, called
    directly, must come back with the server's refusal in one sentence naming the login,
    nothing stored, and the placement still on screen."""
    import wir_manager.qt.views.placements as placements_view
    import wir_manager.qt.widgets.timeline as timeline_widget
    from tests.pg_cluster import LOGIN_PASSWORD
    from wir_manager.qt import settings as opts
    from wir_manager.qt.app import Launcher
    from wir_manager.storage import server_admin
    from wir_manager.storage.errors import PermissionRefusedError
    from wir_manager.storage.server import ServerDatabase

    language(code)
    dbname = server_db_url.rsplit("/", 1)[1]
    login = f"viewer_{dbname}"
    with ServerDatabase.connect(server_db_url) as admin:
        ids = _placements_for_a_viewer(admin)
        server_admin.add_user(admin, login, server_admin.TeamRole.VIEWER, password=LOGIN_PASSWORD)
        before = _stored(admin, ids)
        # The same screen shows staff the markers it has a place for, so not finding
        # them below means the viewer was not shown them.
        staff = make_window(admin, tmp_path, qtbot)
        staff_seen = "\n".join(
            _shown_per_placement(staff.show_screen("placements"), qtbot, ids).values()
        )
        close_window(qtbot, staff)
    for what in SHOWN_TO_STAFF:
        assert VIEWER_MARKS[what] in staff_seen, what

    launcher = Launcher(pg_server.url(login, dbname), settings=opts.open_settings())
    with qtbot.waitSignal(launcher.window_ready, timeout=20_000):
        launcher.start()
    window = launcher.window
    qtbot.addWidget(window)
    assert window.ctx.db.is_server and window.ctx.db.operator == login
    view = window.show_screen("placements")
    assert view.tabs.tabText(0).replace("&", "") == WORDS[code]["residencies"]

    # The list: all three residencies, names as written.
    assert view.model.rowCount() == 3 and view.proxy.rowCount() == 3
    shown_names = {view.proxy.index(row, 0).data() for row in range(3)}
    assert shown_names == {"أمينة الحسن", "प्रिया शर्मा", "王伟"}
    assert "3" in view.count_label.text()

    # Nothing the server hides, on the screen or in the form, for any placement.
    def check_active(form: PlacementForm) -> None:
        assert "أمينة الحسن" in view.heading.text()
        assert "Fatima Al-Sayed" in view.facts.text()  # the liaison's name is readable
        assert form.liaison_name.text() == "Fatima Al-Sayed"
        assert form.liaison_email.text() == "" and form.notes.toPlainText() == ""
        notes = [e for e in view.timeline.model.records() if e.kind is TimelineKind.NOTE]
        # That the admin noted a contact, and who; not what was said.
        assert len(notes) == 1 and f"({SERVER_ADMIN})" in notes[0].text

    seen = _shown_per_placement(view, qtbot, ids, {"active": check_active})
    for key, text in seen.items():
        for what, mark in VIEWER_MARKS.items():
            assert mark not in text, (key, what)

    def select(pid: int) -> None:
        view.select_placement(pid)
        qtbot.waitUntil(lambda: view.record is not None and view.record.id == pid, timeout=20000)

    # Every control that writes: the server's refusal, in one sentence, naming the login.
    errors: list[BaseException] = []

    def report(_parent: object, exc: BaseException, *_args: object) -> None:
        errors.append(exc)

    monkeypatch.setattr(placements_view, "show_error", report)
    monkeypatch.setattr(timeline_widget, "show_error", report)
    view.ask_text = lambda _title, _label, _default: "Asked by the viewer"
    view.ask_date = lambda _title, _label, day: day + dt.timedelta(days=14)
    view.confirm = lambda _question: True

    tips = {k: v.format(role="viewer") for k, v in VIEWER_TIPS[code].items()}

    def refused(what: str, button: QPushButton, table: str, slot: Callable[[], object]) -> None:
        # Disabled, saying why: the first line of defence.
        assert not button.isEnabled(), what
        assert button.toolTip() == tips[table], (what, button.toolTip())
        # The server's refusal behind it, in one sentence naming the login.
        count = len(errors)
        slot()
        assert len(errors) == count + 1, what
        exc = errors[-1]
        assert isinstance(exc, PermissionRefusedError), (what, repr(exc))
        assert login in str(exc) and "\n" not in str(exc), what

    select(ids["planned"])
    for what, button, slot in (
        ("start", view.start_button, view.start),
        ("cancel", view.cancel_button, view.cancel),
        ("extend", view.extend_button, view.extend),
    ):
        refused(what, button, "placements", slot)
        assert view.record is not None and view.record.id == ids["planned"]
        assert view.record.status is PlacementStatus.PLANNED
    assert view.edit_button.isEnabled()  # the form is there to be read
    view.edit_button.click()
    form = view.form
    assert form is not None
    assert not form.save_button.isEnabled()
    assert form.save_button.toolTip() == tips["placements"]
    form.mentor.setText("Amani Njeri")
    form.accept()  # what the disabled Save would do
    # The form stays open with the sentence and what was typed.
    assert view.form is form and form.isVisible(), "the form's save"
    assert login in form.error.text() and "\n" not in form.error.text()
    assert form.mentor.text() == "Amani Njeri"
    form.reject()
    qtbot.waitUntil(lambda: view.form is None, timeout=5000)

    select(ids["active"])
    refused("complete", view.complete_button, "placements", view.complete)
    refused("end early", view.early_button, "placements", view.end_early)
    assert view.record is not None and view.record.status is PlacementStatus.ACTIVE
    view.checkin_table.selectRow(0)  # done by the admin
    for what, button, slot in (
        ("not done", view.undone_button, view.mark_not_done),
        ("move", view.move_button, view.move_checkin),
        ("note", view.note_button, view.note_checkin),
        ("remove", view.delete_checkin_button, view.delete_checkin),
        ("add report", view.add_checkin_button, view.add_checkin),
    ):
        refused(what, button, "checkins", slot)
    view.checkin_table.selectRow(1)
    refused("done", view.done_button, "checkins", view.mark_done)
    target = view._metric_widgets["articles_created"][1]
    assert target.isReadOnly()
    target.setText("45")
    refused("save outcomes", view.save_outcomes_button, "outcomes", view.save_outcomes)
    assert target.text() == "45"  # what was typed stays
    target.setText("40")
    assert not view.free_metric.isEnabled()
    view.free_metric.setText("podcast episodes")
    refused("add metric", view.add_metric_button, "outcomes", view.add_metric)
    view.free_metric.clear()
    panel = view.timeline
    assert not panel.note_edit.isEnabled()
    panel.note_edit.setText("फ़ोन किया: दर्शक")
    refused("add note", panel.add_button, "notes", panel.add_note)
    assert panel.note_edit.text() == "फ़ोन किया: दर्शक"
    panel.note_edit.clear()
    row = next(i for i, e in enumerate(panel.model.records()) if e.kind is TimelineKind.NOTE)
    panel.table.selectRow(row)
    refused("remove note", panel.remove_button, "notes", panel.remove_note)
    assert view.record is not None and view.record.id == ids["active"]
    assert not view.has_unsaved_changes()

    with ServerDatabase.connect(server_db_url) as admin:
        assert _stored(admin, ids) == before  # nothing was written
    qtbot.waitUntil(lambda: not launcher.tasks.busy, timeout=20_000)
    window._closing_confirmed = True
    window.close()


def _every_status(db) -> None:  # type: ignore[no-untyped-def]
    """One residency in each status, through the service as the screen makes them: active
    (Arabic name), ended early (Devanagari), completed (Chinese), planned (Cyrillic) and
    cancelled (Swedish); UNEP takes four residents here so all five fit the requests."""
    with db.session() as s:
        s.get(m.PlacementRequest, 2).positions = 4

    def placed(request_id: int, cid: int, start: dt.date, end: dt.date) -> int:
        data = pl.PlacementData(
            request_id=request_id, candidate_id=cid, start_date=start, end_date=end
        )
        return pl.accept(db, data).placement.id

    active = placed(1, 10, TODAY - dt.timedelta(days=40), TODAY + dt.timedelta(days=142))
    pl.start_placement(db, active, on=TODAY - dt.timedelta(days=40))
    early = placed(2, 11, TODAY - dt.timedelta(days=100), TODAY + dt.timedelta(days=80))
    pl.start_placement(db, early, on=TODAY - dt.timedelta(days=100))
    pl.end_early(db, early, "Family reasons", on=TODAY - dt.timedelta(days=10))
    done = placed(2, 12, TODAY - dt.timedelta(days=300), TODAY - dt.timedelta(days=120))
    pl.start_placement(db, done, on=TODAY - dt.timedelta(days=300))
    pl.complete_placement(db, done, on=TODAY - dt.timedelta(days=120))
    placed(2, 13, START, END)
    pl.cancel_placement(db, placed(2, 14, START, END), "Took another job")


@pytest.mark.parametrize("code", ["en", "sv"])
def test_every_column_of_the_placement_list_is_readable_at_1280x768(
    qtbot, week, tmp_path: Path, language, code: str
) -> None:
    """In the app's window on a 1366×768 laptop (1280×768), the Placements list shows
    every column: the Status column used to lie beyond the list's right edge (Swedish
    statuses such as "Avslutad i förtid" are longer still). Dates and statuses are whole;
    the resident and organisation share the rest (a long name ends in "…", its tooltip
    has it whole) and nothing needs a horizontal scroll bar."""
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QStyle

    from wir_manager.qt.models.placement_tables import status_label

    language(code)
    _every_status(week)
    window, view = screen_in_laptop_window(
        week, tmp_path, qtbot, "placements", lambda v: v.proxy.rowCount() == 5
    )
    table = view.table
    assert window.width() == 1280
    header = table.horizontalHeader()
    viewport = table.viewport().width()
    fm = QFontMetrics(table.font())
    # The item view's text margin on each side of a cell (Qt's delegate uses this).
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    shown = {status_label(s) for s in PlacementStatus}
    assert {view.proxy.index(r, 4).data() for r in range(5)} == shown
    longest = max(fm.horizontalAdvance(text) for text in shown)
    sections = {c: (header.sectionViewportPosition(c), header.sectionSize(c)) for c in range(5)}
    status_left, status_width = sections[4]
    assert status_left >= 0 and status_left + status_width <= viewport, (sections, viewport)
    assert status_width >= longest + 2 * margin, (status_width, longest)
    assert table.horizontalScrollBar().maximum() == 0, (sections, viewport)
    for col in (2, 3):  # the dates, whole
        left, width = sections[col]
        need = max(fm.horizontalAdvance(view.proxy.index(r, col).data()) for r in range(5))
        assert left >= 0 and left + width <= viewport and width >= need + 2 * margin
    for col in (0, 1):  # the names: a readable share, not a sliver
        assert sections[col][1] >= fm.horizontalAdvance("Mmmmmmmm"), sections
    close_window(qtbot, window)


def _drag_header_edge(header, column: int, dx: int) -> None:  # type: ignore[no-untyped-def]
    """Press on the right edge of ``column``'s header section and drag it ``dx`` px, as
    a mouse does (QTest's mouseMove cannot hold a button)."""
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    edge = header.sectionViewportPosition(column) + header.sectionSize(column) - 1
    y = header.height() / 2
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    mods = Qt.KeyboardModifier.NoModifier
    viewport = header.viewport()
    steps = [
        (QEvent.Type.MouseMove, edge, none, none),  # hover: the resize cursor
        (QEvent.Type.MouseButtonPress, edge, left, left),
        (QEvent.Type.MouseMove, edge + dx // 2, none, left),
        (QEvent.Type.MouseMove, edge + dx, none, left),
        (QEvent.Type.MouseButtonRelease, edge + dx, left, none),
    ]
    for kind, x, button, buttons in steps:
        point = QPointF(x, y)
        event = QMouseEvent(kind, point, viewport.mapToGlobal(point), button, buttons, mods)
        QApplication.sendEvent(viewport, event)
        QApplication.processEvents()


def test_the_resident_column_can_be_dragged_wider_and_stays_so(qtbot, week, tmp_path: Path) -> None:
    """The resident and organisation columns stretched over what the dates and status
    leave, and a stretching column cannot be dragged: a long Arabic or Devanagari name
    stayed cut. Now they share the room half and half as the window changes, until the
    coordinator drags the resident's edge; then it keeps that width (the organisation
    gives way) through later window resizes."""
    from PySide6.QtWidgets import QApplication

    _every_status(week)
    window, view = screen_in_laptop_window(
        week, tmp_path, qtbot, "placements", lambda v: v.proxy.rowCount() == 5
    )
    header = view.table.horizontalHeader()
    resident, organisation = header.sectionSize(0), header.sectionSize(1)
    assert abs(resident - organisation) <= 1, (resident, organisation)
    assert view.table.horizontalScrollBar().maximum() == 0

    window.resize(1366, 768)  # the window grows: both names get the new room
    QApplication.processEvents()
    assert (
        header.sectionSize(0) > resident and abs(header.sectionSize(0) - header.sectionSize(1)) <= 1
    )
    window.resize(1280, 768)
    QApplication.processEvents()
    resident = header.sectionSize(0)

    _drag_header_edge(header, 0, 40)
    assert header.sectionSize(0) == resident + 40, (resident, header.sectionSize(0))
    assert header.sectionSize(1) < organisation  # the organisation gives way
    assert view.name_columns.dragged
    window.resize(1366, 768)
    QApplication.processEvents()
    assert header.sectionSize(0) == resident + 40  # the user's width survives a resize
    assert header.sectionSize(1) > organisation - 40  # the new room goes to the organisation
    close_window(qtbot, window)


@pytest.mark.parametrize("code", ["en", "sv"])
def test_every_date_field_shows_dates_as_the_editors_do(
    qtbot, week, tmp_path: Path, language, code: str
) -> None:
    """Seen in the dialog tour: in English the placement form, the timeline's note, the
    report period and the answers showed 23/01/2027 beside the editors' 2027-06-01. Every
    date field of every screen, and of the placement form, shows YYYY-MM-DD."""
    import re

    from PySide6.QtWidgets import QDateEdit

    from wir_manager.qt.views.registry import SCREENS

    language(code)
    pid = _accepted(week)
    window = make_window(week, tmp_path, qtbot)
    seen: list[str] = []
    for screen in SCREENS:
        window.show_screen(screen.key)
        qtbot.wait(50)
        seen += [e.text() for e in window.findChildren(QDateEdit)]
    view = window.show_screen("placements")
    view.select_placement(pid)
    qtbot.waitUntil(lambda: view.record is not None and view.record.id == pid, timeout=20000)
    view.edit_button.click()
    form = view.form
    assert form is not None
    in_form = [e.text() for e in form.findChildren(QDateEdit)]
    assert len(in_form) >= 2 and form.start.text() == f"{form.start.date().toPython():%Y-%m-%d}"
    seen += in_form
    form.reject()
    assert len(seen) >= 8
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) for text in seen), seen
    close_window(qtbot, window)
