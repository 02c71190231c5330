"""Shortlists screen: rank candidates for one request, explain, tick and save; tune the
weights live; see the shortlist's diversity; and find the best assignment over all
open requests.

Re-ranking runs on the task pool without a dialog (``ctx.tasks.run`` without a label);
slider moves are debounced, and each run carries a generation number so a slow, stale
result never overwrites a newer one. The assignment runs with a progress dialog.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QSlider,
    QWidget,
)

from wir_manager.domain.enums import RequestStatus, ShortlistStatus
from wir_manager.qt import settings as opts
from wir_manager.qt.accessibility import make_accessible
from wir_manager.qt.context import AppContext
from wir_manager.qt.errors import show_error
from wir_manager.qt.forms.ui_shortlists_view import Ui_ShortlistsView
from wir_manager.qt.models.shortlist_ranked import COL, RankedProxy, RankedTreeModel
from wir_manager.qt.models.shortlist_tables import (
    AssignmentModel,
    NearMissModel,
    SavedShortlistModel,
    SortProxy,
    status_label,
)
from wir_manager.qt.widgets.score_bars import ScoreBarDelegate, legend_html
from wir_manager.services import matching
from wir_manager.services.matching import (
    PARTS,
    AssignmentResult,
    Diversity,
    MatchResult,
    ShortlistRow,
    part_label,
)
from wir_manager.services.progress import Progress
from wir_manager.services.requests import list_request_rows

SETTINGS_KEY = "shortlists"
#: Candidates shown per ranking (the eligible count is shown in full).
SHOWN = 200
DEBOUNCE_MS = 250
SLIDER_MAX = 50


class ShortlistsView(QWidget):
    """Sidebar screen "Shortlists"."""

    TITLE = "Shortlists"
    changed = Signal()
    #: Emitted when a ranking has been shown (tests and the status bar listen).
    ranked = Signal()
    saved = Signal()
    assigned = Signal()

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("Screens", cls.TITLE)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: Keyword arguments for the dossier action (tests inject ``ask``/``open_file``).
        self.dossier_options: dict[str, Any] = {}
        self.ctx = ctx
        self.ui = Ui_ShortlistsView()
        self.ui.setupUi(self)
        self._generation = 0
        self._diversity_generation = 0
        self._result: MatchResult | None = None
        self._stored_weights: dict[str, float] = {}
        self._profile_version = 0
        self._sliders: dict[str, QSlider] = {}
        self._values: dict[str, QLabel] = {}
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.rerank)

        self.ranked_model = RankedTreeModel(self)
        self.ranked_proxy = RankedProxy(self)
        self.ranked_proxy.setSourceModel(self.ranked_model)
        self.near_model = NearMissModel(self)
        self.near_proxy = SortProxy(self)
        self.near_proxy.setSourceModel(self.near_model)
        self.saved_model = SavedShortlistModel(self)
        self.assign_model = AssignmentModel(self)
        self.assign_proxy = SortProxy(self)
        self.assign_proxy.setSourceModel(self.assign_model)

        self._setup_tables()
        self._setup_weights()
        self._setup_controls()
        make_accessible(self)
        self._shown_before = False
        self._restore_layout()
        self._load_requests()

    # ------------------------------------------------------------------ setup
    def _setup_tables(self) -> None:
        ui = self.ui
        tree = ui.rankedTree
        tree.setModel(self.ranked_proxy)
        tree.setItemDelegateForColumn(COL["parts"], ScoreBarDelegate(tree))
        tree.setEditTriggers(tree.EditTrigger.NoEditTriggers)
        tree.sortByColumn(COL["rank"], Qt.SortOrder.AscendingOrder)
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL["parts"], QHeaderView.ResizeMode.Stretch)
        for key, width in (("name", 240), ("rank", 50), ("score", 60), ("others", 110)):
            tree.setColumnWidth(COL[key], width)
        tree.expanded.connect(self._span_children)
        tree.setAccessibleName(self.tr("Ranked eligible candidates"))
        legend = QLabel(legend_html(), self)
        legend.setObjectName("legendLabel")
        legend.setTextFormat(Qt.TextFormat.RichText)
        # Both wrap: on one line they made this pane 1,124 px wide in Swedish (#16.5).
        legend.setWordWrap(True)
        ui.rankedTitle.setWordWrap(True)
        ui.legendLayout.addWidget(legend)
        self.legend = legend

        for table, proxy in (
            (ui.nearTable, self.near_proxy),
            (ui.savedTable, self.saved_model),
            (ui.assignTable, self.assign_proxy),
        ):
            table.setModel(proxy)
            table.verticalHeader().setVisible(False)
            table.setEditTriggers(table.EditTrigger.NoEditTriggers)
            table.horizontalHeader().setStretchLastSection(True)
        ui.nearTable.setColumnWidth(0, 240)
        ui.nearTable.setAccessibleName(self.tr("Near misses"))
        ui.savedTable.setAccessibleName(self.tr("Saved shortlist"))
        ui.assignTable.setAccessibleName(self.tr("Best assignment per request"))
        for col, width in ((0, 70), (1, 260), (2, 70), (3, 70), (4, 300), (5, 70), (6, 240)):
            ui.assignTable.setColumnWidth(col, width)
        for col, width in ((0, 40), (1, 240), (2, 70), (3, 180), (4, 100)):
            ui.savedTable.setColumnWidth(col, width)
        ui.mainSplitter.setStretchFactor(0, 3)
        ui.mainSplitter.setStretchFactor(1, 1)
        ui.listSplitter.setStretchFactor(0, 3)
        ui.listSplitter.setStretchFactor(1, 2)
        ui.sideScroll.setMinimumWidth(330)
        ui.summaryLabel.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        ui.rankLayout.setStretchFactor(ui.mainSplitter, 1)
        ui.nearTable.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        ui.assignTable.sortByColumn(0, Qt.SortOrder.AscendingOrder)

    def _setup_weights(self) -> None:
        form = self.ui.weightsForm
        for part in PARTS:
            slider = QSlider(Qt.Orientation.Horizontal, self)
            slider.setObjectName(f"weight_{part}")
            slider.setRange(0, SLIDER_MAX)
            slider.setAccessibleName(self.tr("Weight of {part}").format(part=part_label(part)))
            value = QLabel("0", self)
            value.setMinimumWidth(24)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            row = QWidget(self)
            layout = QHBoxLayout(row)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(slider, 1)
            layout.addWidget(value)
            label = QLabel(part_label(part), self)
            label.setBuddy(slider)
            form.addRow(label, row)
            slider.valueChanged.connect(self._weight_moved)
            self._sliders[part] = slider
            self._values[part] = value
        try:
            profile = matching.current_profile(self.ctx.db)
        except Exception as exc:  # a damaged profile row must not stop the screen
            show_error(self, exc)
            profile = None
        self._stored_weights = dict(profile.weights if profile else matching.DEFAULT_WEIGHTS)
        self._profile_version = profile.version if profile else 0
        self._set_sliders(self._stored_weights)

    def _setup_controls(self) -> None:
        ui = self.ui
        ui.requestCombo.currentIndexChanged.connect(self._request_changed)
        ui.inTrainingCheck.setToolTip(
            self.tr(
                "Unticked, each request's own rule applies; ticked, people still in "
                "training count as eligible."
            )
        )
        ui.inTrainingCheck.toggled.connect(lambda _on: self.rerank())
        ui.topSpin.valueChanged.connect(self.ranked_model.pick_top)
        self.ranked_model.picked_changed.connect(self._picked_changed)
        ui.saveButton.clicked.connect(self.save)
        ui.dossierButton.clicked.connect(self.generate_dossier)
        ui.resetWeightsButton.clicked.connect(self.revert_weights)
        ui.saveWeightsButton.clicked.connect(self.save_weights)
        for status in ShortlistStatus:
            ui.statusCombo.addItem(status_label(status.value), status.value)
        ui.statusButton.clicked.connect(self.apply_status)
        ui.noteButton.clicked.connect(self.apply_note)
        ui.noteEdit.returnPressed.connect(self.apply_note)
        ui.savedTable.selectionModel().currentRowChanged.connect(self._saved_current)
        ui.assignButton.clicked.connect(self.run_assignment)

    def _load_requests(self) -> None:
        combo = self.ui.requestCombo
        before = self.request_id()
        remembered = (
            before if before is not None else self.ctx.settings.value(f"{SETTINGS_KEY}/request")
        )
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
            self.rerank(keep_ticks=True)
            self.reload_saved()
        else:
            self._request_changed()

    # ------------------------------------------------------------------ state
    def request_id(self) -> int | None:
        value = self.ui.requestCombo.currentData()
        return int(value) if value is not None else None

    def select_request(self, request_id: int) -> None:
        index = self.ui.requestCombo.findData(request_id)
        if index >= 0:
            self.ui.requestCombo.setCurrentIndex(index)

    def weights(self) -> dict[str, float]:
        return {part: float(slider.value()) for part, slider in self._sliders.items()}

    def set_weight(self, part: str, value: int) -> None:
        self._sliders[part].setValue(value)

    def _include_in_training(self) -> bool | None:
        return True if self.ui.inTrainingCheck.isChecked() else None

    def _set_sliders(self, weights: Mapping[str, float]) -> None:
        for part, slider in self._sliders.items():
            slider.blockSignals(True)
            slider.setValue(round(weights.get(part, 0)))
            slider.blockSignals(False)
            self._values[part].setText(str(slider.value()))
        self._update_profile_label()

    def _update_profile_label(self) -> None:
        changed = self.weights() != {p: float(round(v)) for p, v in self._stored_weights.items()}
        if changed:
            text = self.tr("Profile “default”, version {v}, with changes not yet saved.")
        else:
            text = self.tr("Profile “default”, version {v}.")
        self.ui.profileLabel.setText(text.format(v=self._profile_version))
        self.ui.resetWeightsButton.setEnabled(changed)
        self.ui.saveWeightsButton.setEnabled(changed)

    def _update_buttons(self) -> None:
        picked = len(self.ranked_model.picked_ids())
        self.ui.saveButton.setEnabled(picked > 0 and self.request_id() is not None)
        self.ui.dossierButton.setEnabled(self.request_id() is not None)
        self.ui.pickedLabel.setText(self.tr("{n} ticked").format(n=picked))
        has_saved = self.ui.savedTable.currentIndex().isValid()
        self.ui.statusButton.setEnabled(has_saved)
        self.ui.noteButton.setEnabled(has_saved)

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
        self.ctx.settings.setValue(f"{SETTINGS_KEY}/request", rid)
        self.ranked_model.set_ranking([], {})
        self.near_model.set_rows([])
        self.ui.summaryLabel.setText(self.tr("Ranking…"))
        self.rerank()
        self.reload_saved()

    def _weight_moved(self, _value: int) -> None:
        for part, slider in self._sliders.items():
            self._values[part].setText(str(slider.value()))
        self._update_profile_label()
        self._debounce.start()

    def rerank(self, keep_ticks: bool = False) -> None:
        """Rank the current request again in the background with the sliders' weights;
        the best N are ticked afresh unless ``keep_ticks`` (then ticks stay where the
        people are still listed)."""
        self._debounce.stop()
        rid = self.request_id()
        if rid is None:
            return
        weights = self.weights()
        if not any(weights.values()):
            self.ui.summaryLabel.setText(self.tr("Give at least one score part a weight."))
            return
        self._generation += 1
        generation = self._generation
        db = self.ctx.db
        include = self._include_in_training()

        def work(_progress: Progress) -> tuple[MatchResult, dict[int, int]]:
            result = matching.rank(db, rid, weights=weights, top=SHOWN, include_in_training=include)
            others = matching.active_shortlist_counts(
                db, [c.candidate_id for c in result.ranked], exclude_request_id=rid
            )
            return result, others

        self.ctx.tasks.run(
            work,
            on_done=lambda out: self._show_ranking(generation, *out, keep_ticks=keep_ticks),
            on_error=lambda exc: self._rank_failed(generation, exc),
            parent=self,
        )

    def _rank_failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self.ui.summaryLabel.setText("")
            show_error(self, exc)

    def _show_ranking(
        self,
        generation: int,
        result: MatchResult,
        others: dict[int, int],
        keep_ticks: bool = False,
    ) -> None:
        if generation != self._generation:
            return  # a newer ranking is on its way
        self._result = result
        self.ranked_model.set_ranking(result.ranked, others)
        if not keep_ticks:
            self.ranked_model.pick_top(self.ui.topSpin.value())
        self.near_model.set_rows(result.near_misses)
        shown = len(result.ranked)
        if result.eligible_count == 0:
            text = self.tr(
                "Nobody meets every required item of this request; see the near misses below."
            )
        elif shown < result.eligible_count:
            text = self.tr("{n} eligible candidates; the best {shown} are listed.").format(
                n=result.eligible_count, shown=shown
            )
        else:
            text = self.tr("{n} eligible candidate(s).").format(n=result.eligible_count)
        self.ui.summaryLabel.setText(text)
        tabs = self.ui.lowerTabs
        tabs.setTabText(
            tabs.indexOf(self.ui.nearPage),
            self.tr("Near misses ({n})").format(n=len(result.near_misses)),
        )
        self.ranked.emit()

    def _span_children(self, proxy_index: QModelIndex) -> None:
        """Explanation sentences read across the whole row."""
        tree = self.ui.rankedTree
        for row in range(self.ranked_proxy.rowCount(proxy_index)):
            tree.setFirstColumnSpanned(row, proxy_index, True)

    def expand_all(self) -> None:
        self.ui.rankedTree.expandAll()
        for row in range(self.ranked_proxy.rowCount()):
            self._span_children(self.ranked_proxy.index(row, 0))

    # ------------------------------------------------------------------ diversity
    def _picked_changed(self) -> None:
        self._update_buttons()
        ids = self.ranked_model.picked_ids()
        self._diversity_generation += 1
        generation = self._diversity_generation
        if not ids:
            self.ui.diversityLabel.setText(self.tr("Tick candidates to see their spread."))
            return
        db = self.ctx.db
        self.ctx.tasks.run(
            lambda _p: matching.diversity(db, ids),
            on_done=lambda d: self._show_diversity(generation, d),
            on_error=lambda exc: None,
            parent=self,
        )

    def _show_diversity(self, generation: int, spread: Diversity) -> None:
        if generation != self._diversity_generation:
            return
        from html import escape

        def block(title: str, counts: tuple[tuple[str, int], ...]) -> str:
            items = ", ".join(f"{escape(label)}&nbsp;{n}" for label, n in counts)
            return f"<b>{escape(title)}</b>: {items}"

        self.ui.diversityLabel.setText(
            "<br>".join(
                (
                    block(self.tr("Regions"), spread.regions),
                    block(self.tr("Countries"), spread.countries),
                    block(self.tr("Gender"), spread.genders),
                    block(self.tr("Affiliates"), spread.affiliates),
                )
            )
        )

    # ------------------------------------------------------------------ saving
    def save(self) -> None:
        """Save the ticked candidates as the request's shortlist (with the current weights)."""
        rid = self.request_id()
        ids = self.ranked_model.picked_ids()
        if rid is None or not ids:
            return
        weights = self.weights()
        include = self._include_in_training()
        db = self.ctx.db
        self.ui.saveButton.setEnabled(False)

        def work(_progress: Progress) -> list[ShortlistRow]:
            return matching.save_shortlist(
                db,
                rid,
                len(ids),
                weights=weights,
                candidate_ids=ids,
                include_in_training=include,
            )

        self.ctx.tasks.run(work, on_done=self._saved, on_error=self._save_failed, parent=self)

    def _save_failed(self, exc: BaseException) -> None:
        self._update_buttons()
        show_error(self, exc)

    def _saved(self, rows: list[ShortlistRow]) -> None:
        self.saved_model.set_rows(rows)
        if rows and rows[0].profile_version is not None:
            self._stored_weights = self.weights()
            self._profile_version = rows[0].profile_version
        self._update_profile_label()
        self._update_buttons()
        self._saved_tab_title(len(rows))
        self.ui.lowerTabs.setCurrentWidget(self.ui.savedPage)
        self.changed.emit()
        self.saved.emit()

    def _saved_tab_title(self, n: int) -> None:
        tabs = self.ui.lowerTabs
        tabs.setTabText(
            tabs.indexOf(self.ui.savedPage), self.tr("Saved shortlist ({n})").format(n=n)
        )

    def reload_saved(self) -> None:
        rid = self.request_id()
        if rid is None:
            return
        try:
            rows = matching.saved_shortlist(self.ctx.db, rid)
        except Exception as exc:
            show_error(self, exc)
            rows = []
        self.saved_model.set_rows(rows)
        self._saved_tab_title(len(rows))
        self._update_buttons()

    def _saved_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            row = self.saved_model.record(current.row())
            self.ui.noteEdit.setText(row.note or "")
            self.ui.statusCombo.setCurrentIndex(self.ui.statusCombo.findData(row.status))
        self._update_buttons()

    def _selected_saved(self) -> ShortlistRow | None:
        index = self.ui.savedTable.currentIndex()
        return self.saved_model.record(index.row()) if index.isValid() else None

    def apply_status(self) -> None:
        row, rid = self._selected_saved(), self.request_id()
        if row is None or rid is None:
            return
        try:
            matching.set_status(
                self.ctx.db, rid, row.candidate_id, self.ui.statusCombo.currentData()
            )
        except Exception as exc:
            show_error(self, exc)
        self._reload_saved_keep(row.candidate_id)

    def apply_note(self) -> None:
        row, rid = self._selected_saved(), self.request_id()
        if row is None or rid is None:
            return
        try:
            matching.set_note(self.ctx.db, rid, row.candidate_id, self.ui.noteEdit.text())
        except Exception as exc:
            show_error(self, exc)
        self._reload_saved_keep(row.candidate_id)

    def _reload_saved_keep(self, candidate_id: int) -> None:
        self.reload_saved()
        for r, rec in enumerate(self.saved_model.records()):
            if rec.candidate_id == candidate_id:
                self.ui.savedTable.selectRow(r)
        self.changed.emit()

    # ------------------------------------------------------------------ weights
    def revert_weights(self) -> None:
        self._set_sliders(self._stored_weights)
        self.rerank()

    def save_weights(self) -> None:
        try:
            profile = matching.save_profile(self.ctx.db, matching.DEFAULT_PROFILE, self.weights())
        except Exception as exc:
            show_error(self, exc)
            return
        self._stored_weights = dict(profile.weights)
        self._profile_version = profile.version
        self._update_profile_label()

    # ------------------------------------------------------------------ assignment
    def run_assignment(self) -> None:
        db = self.ctx.db
        weights = self.weights()
        self.ui.assignButton.setEnabled(False)

        def done(result: AssignmentResult) -> None:
            self.ui.assignButton.setEnabled(True)
            self.assign_model.set_rows(result.requests)
            unfilled = sum(r.unfilled for r in result.requests)
            self.ui.assignSummary.setText(
                self.tr(
                    "Total score {total:.2f} over {n} open requests; the greedy "
                    "request-by-request baseline reaches {greedy:.2f}, so the best assignment "
                    "gains {gain:.2f}. Unfilled positions: {unfilled}."
                ).format(
                    total=result.total,
                    n=len(result.requests),
                    greedy=result.greedy_total,
                    gain=result.gain,
                    unfilled=unfilled,
                )
            )
            self.assigned.emit()

        def failed(exc: BaseException) -> None:
            self.ui.assignButton.setEnabled(True)
            show_error(self, exc)

        self.ctx.tasks.run(
            lambda progress: matching.assign(db, weights=weights, progress=progress),
            on_done=done,
            on_error=failed,
            on_cancel=lambda: self.ui.assignButton.setEnabled(True),
            label=self.tr("Finding the best assignment…"),
            parent=self,
        )

    # ------------------------------------------------------------------ screen protocol
    def _restore_layout(self) -> None:
        settings = self.ctx.settings
        opts.restore_splitter(settings, f"{SETTINGS_KEY}_main", self.ui.mainSplitter)
        opts.restore_splitter(settings, f"{SETTINGS_KEY}_lists", self.ui.listSplitter)

    def save_layout(self) -> None:
        settings = self.ctx.settings
        opts.save_splitter(settings, f"{SETTINGS_KEY}_main", self.ui.mainSplitter)
        opts.save_splitter(settings, f"{SETTINGS_KEY}_lists", self.ui.listSplitter)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._shown_before and not event.spontaneous():
            # Requests or candidates may have changed on other screens meanwhile; the
            # pool cache notices candidate changes itself, so this re-rank is cheap.
            self._load_requests()
        self._shown_before = True

    def hideEvent(self, event: QHideEvent) -> None:
        self.save_layout()
        super().hideEvent(event)

    def release(self) -> None:
        """Drop records before the database locks."""
        self._generation += 1
        self._debounce.stop()
        self.ranked_model.set_ranking([], {})
        self.near_model.set_rows([])
        self.saved_model.set_rows([])
        self.assign_model.set_rows([])
        self._result = None
