"""Shortlists screen: rank candidates for one request, explain, tick and save; tune the
weights live; see the shortlist's diversity; and find the best assignment over all
open requests.

The screen holds the request chooser and the buttons that join its three panes
(:mod:`wir_manager.qt.views.shortlist_panes`): ranking, saved shortlist, assignment.
Re-ranking runs on the task pool without a dialog (``ctx.tasks.run`` without a label);
slider moves are debounced, and each run carries a generation number so a slow, stale
result never overwrites a newer one. The assignment runs with a progress dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QMessageBox, QWidget

from wir_manager.domain.enums import RequestStatus
from wir_manager.qt import settings as opts
from wir_manager.qt.accessibility import make_accessible
from wir_manager.qt.context import AppContext
from wir_manager.qt.forms.ui_shortlists_view import Ui_ShortlistsView
from wir_manager.qt.views.shortlist_panes import (
    SHOWN,
    AssignmentPane,
    RankingPane,
    SavedPane,
)
from wir_manager.qt.widgets.screen import SidebarScreen
from wir_manager.qt.widgets.write_access import Control
from wir_manager.services.matching import MatchResult, NearMiss, ShortlistRow
from wir_manager.services.requests import list_request_rows
from wir_manager.storage.changes import Changes, Kind

SETTINGS_KEY = "shortlists"

__all__ = ["SHOWN", "ShortlistsView"]


class ShortlistsView(SidebarScreen):
    """Sidebar screen "Shortlists"."""

    TITLE = "Shortlists"
    # Emitted when a ranking has been shown (tests and the status bar listen).
    ranked = Signal()
    saved = Signal()
    assigned = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        # Keyword arguments for the dossier action (tests inject ``ask``/``open_file``).
        self.dossier_options: dict[str, Any] = {}
        # (ticked near misses) -> True to save them anyway; replaceable in tests.
        self.confirm_near_misses: Callable[[list[NearMiss]], bool] = self._ask_near_misses
        self.ui = Ui_ShortlistsView()
        self.ui.setupUi(self)
        self.ranking = RankingPane(ctx, self.ui, self, self.request_id)
        self.saved_pane = SavedPane(ctx, self.ui, self, self.request_id)
        self.assignment = AssignmentPane(ctx, self.ui, self)
        # The panes' models, where tests and the dossier action look for them.
        self.ranked_model = self.ranking.ranked_model
        self.ranked_proxy = self.ranking.ranked_proxy
        self.near_model = self.ranking.near_model
        self.saved_model = self.saved_pane.saved_model
        self.assign_model = self.assignment.assign_model
        self._setup_layout()
        self._setup_controls()
        make_accessible(self)
        self._restore_layout()
        self._load_requests()

    # ------------------------------------------------------------------ setup
    def _setup_layout(self) -> None:
        ui = self.ui
        ui.mainSplitter.setStretchFactor(0, 3)
        ui.mainSplitter.setStretchFactor(1, 1)
        ui.listSplitter.setStretchFactor(0, 3)
        ui.listSplitter.setStretchFactor(1, 2)
        ui.sideScroll.setMinimumWidth(330)
        ui.rankLayout.setStretchFactor(ui.mainSplitter, 1)

    def _setup_controls(self) -> None:
        ui = self.ui
        ui.requestCombo.currentIndexChanged.connect(self._request_changed)
        ui.saveButton.clicked.connect(self.save)
        ui.dossierButton.clicked.connect(self.generate_dossier)
        ui.assignButton.clicked.connect(self.run_assignment)
        self.ranking.ranked.connect(self.ranked)
        self.ranking.picked_changed.connect(self._update_buttons)
        self.near_model.dataChanged.connect(lambda *_a: self._update_buttons())
        self.ranking.show_stage.connect(
            lambda stage: self.go_to.emit("candidates", {"stage": stage})
        )
        self.saved_pane.saved.connect(self._saved)
        self.saved_pane.save_failed.connect(self._update_buttons)
        self.saved_pane.current_changed.connect(self._update_buttons)
        self.assignment.assigned.connect(self.assigned)
        self.saved_pane.answered.connect(self.changed)
        self.assignment.applied.connect(self.changed)

    def _load_requests(self, refresh: bool = True) -> None:
        """Fill the chooser; the shown request is ranked again unless ``refresh`` is
        False and it is still the one shown."""
        combo = self.ui.requestCombo
        before = self.request_id()
        remembered = before if before is not None else opts.SHORTLIST_REQUEST.get(self.ctx.settings)
        combo.blockSignals(True)
        combo.clear()
        first_active = -1
        select = -1
        for req in list_request_rows(self.ctx.db, newest_first=False):
            org = req.organisation_acronym or req.organisation
            status = QCoreApplication.translate("RequestStatus", RequestStatus(req.status).label)
            combo.addItem(f"#{req.id} · {org} · {req.title} ({status})", req.id)
            if first_active < 0 and req.status in ("open", "shortlisting"):
                first_active = combo.count() - 1
            if remembered is not None and str(req.id) == str(remembered):
                select = combo.count() - 1
        if combo.count():
            combo.setCurrentIndex(select if select >= 0 else max(first_active, 0))
        combo.blockSignals(False)
        if combo.count() == 0:
            self.ui.summaryLabel.setText(self.tr("There are no placement requests yet."))
            self._update_buttons()
            return
        if before is not None and self.request_id() == before:
            # Same request as before (coming back to the screen): refresh, keep the ticks.
            if refresh:
                self.rerank(keep_ticks=True)
                self.reload_saved()
        else:
            self._request_changed()

    # ------------------------------------------------------------------ state
    def request_id(self) -> int | None:
        value = self.ui.requestCombo.currentData()
        return int(value) if value is not None else None

    def select_request(self, request_id: int, candidate_id: int | None = None) -> None:
        """Show the request (and on its saved shortlist, the candidate: the Today
        screen opens an interview line here)."""
        index = self.ui.requestCombo.findData(request_id)
        if index >= 0:
            self.ui.requestCombo.setCurrentIndex(index)
        if candidate_id is not None:
            self.saved_pane.reload(keep_candidate=candidate_id)
            self.ui.lowerTabs.setCurrentWidget(self.ui.savedPage)

    @property
    def _result(self) -> MatchResult | None:
        return self.ranking.result

    def weights(self) -> dict[str, float]:
        return self.ranking.weights()

    def set_weight(self, part: str, value: int) -> None:
        self.ranking.set_weight(part, value)

    def _update_buttons(self) -> None:
        # The writes also need the login's permission (always, in a file): a login that
        # may not write shortlists (viewer, staff) sees them disabled, with why.
        picked = len(self.ranked_model.picked_ids()) + len(self.near_model.picked())
        table = "shortlist_entries"
        self.enable_writes(
            table, [self.ui.saveButton], picked > 0 and self.request_id() is not None
        )
        # A dossier is logged as a disclosure: the coordinator's (services.dossier).
        self.enable_writes(
            "disclosures",
            [self.ui.dossierButton],
            self.request_id() is not None,
            privilege="INSERT",
        )
        self.ui.pickedLabel.setText(self.tr("%Ln ticked", None, picked))
        has_saved = self.saved_pane.has_current()
        self.enable_writes(table, [self.ui.statusButton, self.ui.noteButton], has_saved)

    def write_control(self, method: str) -> Control | None:
        return self.ui.saveButton if method == "save" else None

    # ------------------------------------------------------------------ dossier
    def generate_dossier(self) -> None:
        """Hand the chosen request to the dossier action (questions, background work,
        then the PDF opens). ``dossier_options`` lets tests answer the questions."""
        from wir_manager.qt.dossier_action import generate_dossier_interactively

        rid = self.request_id()
        if rid is not None:
            generate_dossier_interactively(self.ctx, self, rid, **self.dossier_options)

    # ------------------------------------------------------------------ ranking
    def _request_changed(self, *_args: Any) -> None:
        rid = self.request_id()
        if rid is None:
            return
        opts.SHORTLIST_REQUEST.set(self.ctx.settings, rid)
        self.ranking.clear()
        self.ui.summaryLabel.setText(self.tr("Ranking…"))
        self.rerank()
        self.reload_saved()

    def rerank(self, keep_ticks: bool = False) -> None:
        self.ranking.rerank(keep_ticks=keep_ticks)

    def expand_all(self) -> None:
        self.ranking.expand_all()

    def revert_weights(self) -> None:
        self.ranking.revert_weights()

    def save_weights(self) -> None:
        self.ranking.save_weights()

    # ------------------------------------------------------------------ saving
    def save(self) -> bool:
        """Save the ticked candidates as the request's shortlist (with the current weights),
        in the background; True when a save was started."""
        near = self.near_model.picked()
        ids = self.ranked_model.picked_ids() + [n.candidate_id for n in near]
        if self.request_id() is None or not ids:
            return False
        if near and not self.confirm_near_misses(near):
            return False
        self.ui.saveButton.setEnabled(False)
        self.saved_pane.save(
            ids,
            self.weights(),
            self.ranking.include_in_training(),
            near_misses=[n.candidate_id for n in near],
        )
        self.near_model.clear_picks()
        return True

    def near_miss_question(self, near: list[NearMiss]) -> str:
        """The confirmation's text: each ticked near miss by name, with the missing item."""
        lines = "\n".join(
            self.tr("• {name}: {reason}").format(name=n.name, reason=n.reason) for n in near
        )
        return (
            self.tr("%n ticked candidate(s) miss a required item of this request:", "", len(near))
            + "\n\n"
            + lines
            + "\n\n"
            + self.tr("Save them on the shortlist anyway? Their note will say what is missing.")
        )

    def _ask_near_misses(self, near: list[NearMiss]) -> bool:
        """Put people who miss a required item on the list? (a real question box)"""
        answer = QMessageBox.question(
            self, self.tr("Shortlist near misses"), self.near_miss_question(near)
        )
        return answer == QMessageBox.StandardButton.Yes

    def _saved(self, rows: list[ShortlistRow]) -> None:
        if rows and rows[0].profile_version is not None:
            self.ranking.weights_stored(rows[0].profile_version)
        self._update_buttons()
        self.changed.emit()
        self.saved.emit()

    def reload_saved(self) -> None:
        self.saved_pane.reload()

    def apply_status(self) -> None:
        self.saved_pane.apply_status()
        self.changed.emit()

    def apply_note(self) -> None:
        self.saved_pane.apply_note()
        self.changed.emit()

    # ------------------------------------------------------------------ assignment
    def run_assignment(self) -> None:
        self.assignment.run(self.weights())

    # ------------------------------------------------------------------ changes
    def on_changes(self, changes: Changes) -> None:
        """Requests changed: the chooser is read again, and the shown request ranked again
        unless only other requests changed. People, training or placements changed: rank
        again, keeping the ticks (the pool cache re-reads only the people named) and what
        the person is reading. A shortlist changed: read the saved list. The stored
        weights changed: take them, unless the sliders hold unsaved weights."""
        if changes.touches(Kind.SETTINGS) and not self.ranking.has_unsaved_weights():
            self.ranking.load_profile()
        if changes.touches(Kind.REQUESTS):
            shown = self.request_id()
            others_only = (
                changes.request_ids is not None
                and shown not in changes.request_ids
                and not changes.touches(
                    Kind.CANDIDATES | Kind.TRAINING | Kind.PROGRAMME | Kind.PLACEMENTS
                )
            )
            # Another request changed: its line in the chooser, not this ranking.
            self._load_requests(refresh=not others_only)
            if not others_only:
                return
        if self.request_id() is None:
            return
        if changes.touches(Kind.CANDIDATES | Kind.TRAINING | Kind.PROGRAMME | Kind.PLACEMENTS):
            self.rerank(keep_ticks=True)
            self.reload_saved()
        elif changes.touches(Kind.SHORTLISTS):
            self.reload_saved()

    # ------------------------------------------------------------------ screen protocol
    def _restore_layout(self) -> None:
        settings = self.ctx.settings
        opts.restore_splitter(settings, f"{SETTINGS_KEY}_main", self.ui.mainSplitter)
        opts.restore_splitter(settings, f"{SETTINGS_KEY}_lists", self.ui.listSplitter)

    def save_layout(self) -> None:
        settings = self.ctx.settings
        opts.save_splitter(settings, f"{SETTINGS_KEY}_main", self.ui.mainSplitter)
        opts.save_splitter(settings, f"{SETTINGS_KEY}_lists", self.ui.listSplitter)

    def hideEvent(self, event: QHideEvent) -> None:
        self.save_layout()
        super().hideEvent(event)

    def release(self) -> None:
        """Drop records before the database locks."""
        self.ranking.clear()
        self.saved_model.set_records([])
        self.assignment.clear()
