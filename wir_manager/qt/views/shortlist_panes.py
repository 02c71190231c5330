"""The three panes of the Shortlists screen, each owning its part of the form.

* :class:`RankingPane` — the ranked, explained candidates, the near misses, the live
  weights (with the saved profile) and the diversity of the ticked people.
* :class:`SavedPane` — the request's saved shortlist with each person's status and note.
* :class:`AssignmentPane` — the best assignment of candidates over all open requests.

The screen (:class:`~wir_manager.qt.views.shortlists.ShortlistsView`) builds the form and
the panes and only says which request is chosen; each pane runs its own background work
on ``ctx.tasks`` and reports through its signals.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QItemSelectionModel, QLocale, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSlider,
    QTableView,
    QWidget,
)

from wir_manager.domain.enums import DeclineReason, ShortlistStatus
from wir_manager.qt.context import AppContext
from wir_manager.qt.dialogs.placement_form import PlacementForm, pydate, qdate
from wir_manager.qt.errors import show_error
from wir_manager.qt.forms.ui_shortlists_view import Ui_ShortlistsView
from wir_manager.qt.labels import isolate, stage_label
from wir_manager.qt.models.shortlist_ranked import COL, RankedProxy, RankedTreeModel
from wir_manager.qt.models.shortlist_tables import (
    AssignmentModel,
    NearMissModel,
    SavedShortlistModel,
    SortProxy,
    decline_label,
    status_label,
)
from wir_manager.qt.widgets import confirm, write_access
from wir_manager.qt.widgets.date_field import date_edit
from wir_manager.qt.widgets.score_bars import ScoreBarDelegate, legend_html
from wir_manager.services import candidates, matching, placements
from wir_manager.services import requests as rq
from wir_manager.services.matching import (
    PARTS,
    AssignmentResult,
    Diversity,
    MatchResult,
    NotConsidered,
    ShortlistRow,
    part_label,
)
from wir_manager.services.progress import Progress
from wir_manager.services.spreadsheets import export_assignment

# Candidates shown per ranking (the eligible count is shown in full).
SHOWN = 200
DEBOUNCE_MS = 250
SLIDER_MAX = 50


def _plain_table(table: QTableView) -> None:
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(table.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setStretchLastSection(True)
    # A header narrower than its title ends in "…" (Qt's default clipped it on both
    # sides of the centre: "eedy baseline would p", #16.17); the model's header tooltip
    # has the whole title.
    table.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)


@dataclass(frozen=True)
class _ReadingState:
    """See :meth:`RankingPane._reading_state`."""

    current: int | None
    opened: frozenset[int]
    top: int | None


class _Pane(QObject):
    """A part of the Shortlists screen: the context, the screen's form, the screen (parent
    of dialogs and tasks) and how to learn the chosen request."""

    def __init__(
        self,
        ctx: AppContext,
        ui: Ui_ShortlistsView,
        view: QWidget,
        request_id: Callable[[], int | None] = lambda: None,
    ) -> None:
        super().__init__(view)
        self.ctx = ctx
        self.ui = ui
        self.view = view
        self._request_id = request_id

    def ask_stale(self, parent: QWidget | None, refusal: str) -> confirm.StaleAnswer:
        """The screen's reload-or-keep question (one place for tests to answer it)."""
        ask: confirm.AskStale = getattr(self.view, "ask_stale", confirm.ask_stale)
        return ask(parent, refusal)


class RankingPane(_Pane):
    """Ranked candidates, near misses, weights and diversity for the chosen request."""

    # A ranking has been shown.
    ranked = Signal()
    # The ticked people changed (the screen updates its buttons).
    picked_changed = Signal()
    # A "not considered" link was clicked: show the Candidates screen in this stage.
    show_stage = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        ui: Ui_ShortlistsView,
        view: QWidget,
        request_id: Callable[[], int | None],
    ) -> None:
        super().__init__(ctx, ui, view, request_id)
        # Keys of TaskRunner.run's ``newest_of``: only the latest ranking and spread count.
        self._ranking_reads = object()
        self._spread_reads = object()
        self.result: MatchResult | None = None
        self.stored_weights: dict[str, float] = {}
        self.profile_version = 0
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
        self._setup_tables()
        self._setup_weights()
        ui.inTrainingCheck.setToolTip(
            self.tr(
                "Unticked, each request's own rule applies; ticked, people still in "
                "training count as eligible."
            )
        )
        ui.inTrainingCheck.toggled.connect(lambda _on: self.rerank())
        # Asking for the best N (the number, or the button) ticks them; a new ranking
        # alone never overrides ticks the person set by hand (#16.1).
        ui.topSpin.valueChanged.connect(self.ranked_model.pick_top)
        ui.tickBestButton.clicked.connect(lambda: self.ranked_model.pick_top(ui.topSpin.value()))
        self.ranked_model.picked_changed.connect(self._picked_changed)
        ui.resetWeightsButton.clicked.connect(self.revert_weights)
        ui.saveWeightsButton.clicked.connect(self.save_weights)

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
        legend = QLabel(legend_html(), self.view)
        legend.setObjectName("legendLabel")
        legend.setTextFormat(Qt.TextFormat.RichText)
        # Both wrap: on one line they made this pane 1,124 px wide in Swedish (#16.5).
        legend.setWordWrap(True)
        ui.rankedTitle.setWordWrap(True)
        ui.legendLayout.addWidget(legend)
        self.legend = legend
        ui.nearTable.setModel(self.near_proxy)
        _plain_table(ui.nearTable)
        ui.nearTable.setColumnWidth(0, 240)
        ui.nearTable.setAccessibleName(self.tr("Near misses"))
        ui.nearTable.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        ui.summaryLabel.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        # Who no ranking considers, and why (#16.6): each stage a link to those people.
        left_out = QLabel(self.view)
        left_out.setObjectName("notConsideredLabel")
        left_out.setWordWrap(True)
        left_out.setTextFormat(Qt.TextFormat.RichText)
        left_out.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        left_out.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        left_out.linkActivated.connect(self._left_out_link)
        left_out.hide()
        layout = ui.rankLayout
        layout.insertWidget(layout.indexOf(ui.summaryLabel) + 1, left_out)
        self.not_considered_label = left_out
        self.not_considered: NotConsidered | None = None

    def _setup_weights(self) -> None:
        form = self.ui.weightsForm
        view = self.view
        for part in PARTS:
            slider = QSlider(Qt.Orientation.Horizontal, view)
            slider.setObjectName(f"weight_{part}")
            slider.setRange(0, SLIDER_MAX)
            slider.setAccessibleName(self.tr("Weight of {part}").format(part=part_label(part)))
            value = QLabel("0", view)
            value.setMinimumWidth(24)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            row = QWidget(view)
            layout = QHBoxLayout(row)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(slider, 1)
            layout.addWidget(value)
            label = QLabel(part_label(part), view)
            label.setBuddy(slider)
            form.addRow(label, row)
            slider.valueChanged.connect(self._weight_moved)
            self._sliders[part] = slider
            self._values[part] = value
        self.load_profile()

    def load_profile(self) -> None:
        """Take the stored weights profile (also after someone else saved one)."""
        try:
            profile = matching.current_profile(self.ctx.db)
        except Exception as exc:  # a damaged profile row must not stop the screen
            show_error(self.view, exc)
            profile = None
        self.stored_weights = dict(profile.weights if profile else matching.DEFAULT_WEIGHTS)
        self.profile_version = profile.version if profile else 0
        self._set_sliders(self.stored_weights)

    # ------------------------------------------------------------------ weights
    def weights(self) -> dict[str, float]:
        return {part: float(slider.value()) for part, slider in self._sliders.items()}

    def set_weight(self, part: str, value: int) -> None:
        self._sliders[part].setValue(value)

    def include_in_training(self) -> bool | None:
        return True if self.ui.inTrainingCheck.isChecked() else None

    def _set_sliders(self, weights: Mapping[str, float]) -> None:
        for part, slider in self._sliders.items():
            slider.blockSignals(True)
            slider.setValue(round(weights.get(part, 0)))
            slider.blockSignals(False)
            self._values[part].setText(str(slider.value()))
        self.update_profile_label()

    def has_unsaved_weights(self) -> bool:
        return self.weights() != {p: float(round(v)) for p, v in self.stored_weights.items()}

    def update_profile_label(self) -> None:
        changed = self.has_unsaved_weights()
        if changed:
            text = self.tr("Profile “default”, version {v}, with changes not yet saved.")
        else:
            text = self.tr("Profile “default”, version {v}.")
        self.ui.profileLabel.setText(text.format(v=self.profile_version))
        self.ui.resetWeightsButton.setEnabled(changed)
        write_access.enable_writes(
            self.ctx.db, "weight_profiles", [self.ui.saveWeightsButton], changed
        )

    def weights_stored(self, version: int) -> None:
        """The shown weights were just stored as profile ``version`` (e.g. with a save)."""
        self.stored_weights = self.weights()
        self.profile_version = version
        self.update_profile_label()

    def _weight_moved(self, _value: int) -> None:
        for part, slider in self._sliders.items():
            self._values[part].setText(str(slider.value()))
        self.update_profile_label()
        self._debounce.start()

    def revert_weights(self) -> None:
        self._set_sliders(self.stored_weights)
        self.rerank()

    def revert_to_stored(self) -> None:
        """Take the profile as stored now (someone else's newer version) and rank with it."""
        self.load_profile()
        self.rerank()

    def save_weights(self) -> None:
        """Store the sliders as the next profile version. When someone else saved a
        version since these weights were loaded: who and when, then reload theirs or
        keep these (``confirm.save_resolving_stale``)."""
        db, weights = self.ctx.db, self.weights()
        try:
            profile = confirm.save_resolving_stale(
                self.view,
                self.ask_stale,
                lambda seen: matching.save_profile(
                    db, matching.DEFAULT_PROFILE, weights, expected_version=seen
                ),
                self.profile_version or None,
                reload=self.revert_to_stored,
            )
        except Exception as exc:
            show_error(self.view, exc)
            return
        if profile is None:
            return
        self.stored_weights = dict(profile.weights)
        self.profile_version = profile.version
        self.update_profile_label()

    # ------------------------------------------------------------------ ranking
    def clear(self) -> None:
        """Forget the shown ranking (another request was chosen, or the screen locks)."""
        self.ctx.tasks.supersede(self._ranking_reads)
        self._debounce.stop()
        self.ranked_model.set_ranking([], {})
        self.ranked_model.hand_picked = False  # another request starts with its best N
        self.near_model.set_records([])
        self.result = None

    def rerank(self, keep_ticks: bool = False) -> None:
        """Rank the current request again in the background with the sliders' weights.
        Ticks the person set by hand stay (where those people are still listed); ticks
        that were only "the best N" follow the new ranking unless ``keep_ticks``."""
        self._debounce.stop()
        rid = self._request_id()
        if rid is None:
            return
        weights = self.weights()
        if not any(weights.values()):
            self.ui.summaryLabel.setText(self.tr("Give at least one score part a weight."))
            return
        db = self.ctx.db
        include = self.include_in_training()

        def work(_progress: Progress) -> tuple[MatchResult, dict[int, int], NotConsidered]:
            result = matching.rank(db, rid, weights=weights, top=SHOWN, include_in_training=include)
            others = matching.active_shortlist_counts(
                db, [c.candidate_id for c in result.ranked], exclude_request_id=rid
            )
            return result, others, matching.not_considered(db)

        self.ctx.tasks.run(
            work,
            on_done=lambda out: self._show_ranking(
                out[0], out[1], keep_ticks=keep_ticks, left_out=out[2]
            ),
            on_error=self._rank_failed,
            parent=self.view,
            newest_of=self._ranking_reads,
        )

    def _rank_failed(self, exc: BaseException) -> None:
        if not self.ctx.db.closed:
            self.ui.summaryLabel.setText("")
            show_error(self.view, exc)

    def _show_ranking(
        self,
        result: MatchResult,
        others: dict[int, int],
        keep_ticks: bool = False,
        left_out: NotConsidered | None = None,
    ) -> None:
        self.result = result
        state = self._reading_state()
        self.ranked_model.set_ranking(result.ranked, others)
        self._restore_reading_state(state, keep_top=keep_ticks)
        if not keep_ticks and not self.ranked_model.hand_picked:
            self.ranked_model.pick_top(self.ui.topSpin.value())
        self.near_model.set_records(result.near_misses)
        shown = len(result.ranked)
        if result.eligible_count == 0 and not result.near_misses:
            text = self.tr(
                "Nobody meets every required item of this request, and nobody misses just one."
            )
        elif result.eligible_count == 0:
            text = self.tr(
                "Nobody meets every required item of this request; see the near misses below."
            )
        elif shown < result.eligible_count:
            text = self.tr(
                "%Ln eligible candidate(s); the best {shown} are listed.",
                None,
                result.eligible_count,
            ).format(shown=QLocale().toString(shown))
        else:
            text = self.tr("%Ln eligible candidate(s).", None, result.eligible_count)
        self.ui.summaryLabel.setText(text)
        self.show_not_considered(left_out)
        tabs = self.ui.lowerTabs
        tabs.setTabText(
            tabs.indexOf(self.ui.nearPage),
            self.tr("Near misses ({n})").format(n=len(result.near_misses)),
        )
        self.ranked.emit()

    def show_not_considered(self, left_out: NotConsidered | None) -> None:
        """ "N not considered: M in stage Applied, K without consent to be proposed";
        each stage links to those people on the Candidates screen."""
        self.not_considered = left_out
        label = self.not_considered_label
        if left_out is None or left_out.total == 0:
            label.hide()
            label.setText("")
            return
        parts = [
            '<a href="stage:{value}">{text}</a>'.format(
                value=stage.value,
                text=escape(
                    self.tr("%Ln in stage %1", None, n).replace("%1", stage_label(stage.value))
                ),
            )
            for stage, n in left_out.by_stage
        ]
        if left_out.without_consent:
            parts.append(
                escape(
                    self.tr("%Ln without consent to be proposed", None, left_out.without_consent)
                )
            )
        text = escape(self.tr("%Ln not considered:", None, left_out.total)) + " " + ", ".join(parts)
        if left_out.finished:
            text += ". " + escape(
                self.tr(
                    "%Ln applied or screened completed every mandatory module; finishing "
                    "training does not skip screening, so review them and move them on.",
                    None,
                    left_out.finished,
                )
            )
        label.setText(text)
        label.show()

    def _left_out_link(self, link: str) -> None:
        kind, _sep, value = link.partition(":")
        if kind == "stage":
            self.show_stage.emit(value)

    def _candidate_at(self, proxy_index: QModelIndex) -> int | None:
        """The candidate of a row of the tree (an explanation row: its candidate's)."""
        if not proxy_index.isValid():
            return None
        if proxy_index.parent().isValid():
            proxy_index = proxy_index.parent()
        row = self.ranked_proxy.mapToSource(proxy_index).row()
        return self.ranked_model.candidate(row).candidate_id if row >= 0 else None

    def _reading_state(self) -> _ReadingState:
        """Where the person is in the ranked tree: whose explanations are open, who is
        current and who is at the top of the view."""
        tree = self.ui.rankedTree
        return _ReadingState(
            current=self._candidate_at(tree.currentIndex()),
            opened=frozenset(c for c, i in self._rows_by_candidate().items() if tree.isExpanded(i)),
            top=self._candidate_at(tree.indexAt(tree.viewport().rect().topLeft())),
        )

    def _rows_by_candidate(self) -> dict[int, QModelIndex]:
        """Each listed candidate's top-level row in the tree, in its current order."""
        proxy = self.ranked_proxy
        at: dict[int, QModelIndex] = {}
        for row in range(proxy.rowCount()):
            index = proxy.index(row, 0)
            candidate = self._candidate_at(index)
            if candidate is not None:
                at[candidate] = index
        return at

    def _restore_reading_state(self, state: _ReadingState, *, keep_top: bool) -> None:
        """After a new ranking, the same people open and current, so that a refresh
        (a colleague's save, an edit on another screen) does not fold up and scroll away
        what the person was reading. ``keep_top``: the view also starts at the same
        person; otherwise (new weights: a new order) it shows the current one."""
        if not state.opened and state.current is None:
            return
        tree = self.ui.rankedTree
        at = self._rows_by_candidate()
        for candidate in state.opened & at.keys():
            tree.expand(at[candidate])
        current = at.get(state.current) if state.current is not None else None
        if current is not None:
            tree.selectionModel().setCurrentIndex(
                current,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        top = at.get(state.top) if state.top is not None else None
        if keep_top and top is not None:
            tree.scrollTo(top, QAbstractItemView.ScrollHint.PositionAtTop)
        elif current is not None:
            tree.scrollTo(current, QAbstractItemView.ScrollHint.EnsureVisible)

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
        self.picked_changed.emit()
        ids = self.ranked_model.picked_ids()
        if not ids:
            self.ctx.tasks.supersede(self._spread_reads)
            self.ui.diversityLabel.setText(self.tr("Tick candidates to see their spread."))
            return
        db = self.ctx.db
        self.ctx.tasks.run(
            lambda _p: matching.diversity(db, ids),
            on_done=self._show_diversity,
            on_error=lambda exc: None,
            parent=self.view,
            newest_of=self._spread_reads,
        )

    def _show_diversity(self, spread: Diversity) -> None:
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


class SavedPane(_Pane):
    """The chosen request's saved shortlist: save the ticked people, set status and note."""

    # The saved list was written (``rows`` as stored).
    saved = Signal(list)
    # A save failed (the screen re-enables its buttons).
    save_failed = Signal()
    # The current row of the saved table changed.
    current_changed = Signal()
    # An acceptance was recorded with its placement.
    answered = Signal()

    def __init__(
        self,
        ctx: AppContext,
        ui: Ui_ShortlistsView,
        view: QWidget,
        request_id: Callable[[], int | None],
    ) -> None:
        super().__init__(ctx, ui, view, request_id)
        self.saved_model = SavedShortlistModel(self)
        ui.savedTable.setModel(self.saved_model)
        _plain_table(ui.savedTable)
        ui.savedTable.setAccessibleName(self.tr("Saved shortlist"))
        for col, width in ((0, 40), (1, 240), (2, 70), (3, 180), (4, 100)):
            ui.savedTable.setColumnWidth(col, width)
        page = ui.savedPage
        # The IGO's answer: the control offers only the allowed next steps of the chosen
        # person; an interview needs its date, a decline its reason (and free text).
        ui.statusCombo.setAccessibleName(self.tr("The IGO's answer"))
        self.interview_date = date_edit(page, dt.date.today() + dt.timedelta(days=7))
        self.interview_date.setObjectName("interviewDate")
        self.interview_date.setAccessibleName(self.tr("Interview date"))
        self.decline_reason = QComboBox(page)
        self.decline_reason.setObjectName("declineReason")
        self.decline_reason.setAccessibleName(self.tr("Reason for declining"))
        for reason in DeclineReason:
            self.decline_reason.addItem(decline_label(reason), reason.value)
        self.decline_note = QLineEdit(page)
        self.decline_note.setObjectName("declineNote")
        self.decline_note.setPlaceholderText(self.tr("In the IGO's words (optional)"))
        self.decline_note.setAccessibleName(self.tr("Why declined, in the IGO's words"))
        at = ui.statusLayout.indexOf(ui.statusButton)
        for offset, widget in enumerate(
            (self.interview_date, self.decline_reason, self.decline_note)
        ):
            ui.statusLayout.insertWidget(at + offset, widget)
        ui.statusLayout.setStretchFactor(self.decline_note, 1)
        self.message = QLabel(page)
        self.message.setObjectName("savedMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        ui.savedLayout.insertWidget(0, self.message)
        # The placement form of an acceptance while it is open (tests fill it).
        self.form: PlacementForm | None = None
        # The entry as shown when the note and answer controls were filled.
        self._seen: ShortlistRow | None = None
        ui.statusCombo.currentIndexChanged.connect(self._answer_chosen)
        ui.statusButton.clicked.connect(self.apply_status)
        ui.noteButton.clicked.connect(self.apply_note)
        ui.noteEdit.returnPressed.connect(self.apply_note)
        ui.savedTable.selectionModel().currentRowChanged.connect(self._current)
        self._fill_answers(None)

    def has_current(self) -> bool:
        return self.ui.savedTable.currentIndex().isValid()

    def save(
        self,
        ids: list[int],
        weights: dict[str, float],
        include_in_training: bool | None,
        *,
        near_misses: list[int] | None = None,
    ) -> None:
        """Save ``ids`` as the request's shortlist (with these weights) in the background;
        ``near_misses`` among them were confirmed though they miss one required item."""
        rid = self._request_id()
        if rid is None or not ids:
            return
        db = self.ctx.db

        def work(_progress: Progress) -> list[ShortlistRow]:
            return matching.save_shortlist(
                db,
                rid,
                len(ids),
                weights=weights,
                candidate_ids=ids,
                include_in_training=include_in_training,
                near_misses=near_misses or (),
            )

        self.ctx.tasks.run(work, on_done=self._saved, on_error=self._failed, parent=self.view)

    def _failed(self, exc: BaseException) -> None:
        self.save_failed.emit()
        show_error(self.view, exc)

    def _saved(self, rows: list[ShortlistRow]) -> None:
        self.saved_model.set_records(rows)
        self._tab_title(len(rows))
        self.ui.lowerTabs.setCurrentWidget(self.ui.savedPage)
        rid = self._request_id()
        warning = matching.positions_warning(self.ctx.db, rid) if rid is not None else None
        self._say(warning)
        self.saved.emit(rows)

    def _say(self, text: str | None) -> None:
        """One sentence above the saved list (a warning or what an answer changed)."""
        self.message.setText(text or "")
        self.message.setVisible(bool(text))

    def _tab_title(self, n: int) -> None:
        tabs = self.ui.lowerTabs
        tabs.setTabText(
            tabs.indexOf(self.ui.savedPage), self.tr("Saved shortlist ({n})").format(n=n)
        )

    def reload(self, keep_candidate: int | None = None) -> None:
        """Read the saved list again, keeping the chosen person chosen."""
        rid = self._request_id()
        if rid is None:
            return
        if keep_candidate is None:
            current = self._selected()
            keep_candidate = current.candidate_id if current is not None else None
        try:
            rows = matching.saved_shortlist(self.ctx.db, rid)
        except Exception as exc:
            show_error(self.view, exc)
            rows = []
        self.saved_model.set_records(rows)
        self._tab_title(len(rows))
        if keep_candidate is not None:
            for r, rec in enumerate(self.saved_model.records()):
                if rec.candidate_id == keep_candidate:
                    self.ui.savedTable.selectRow(r)
        self.current_changed.emit()

    def _current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.saved_model.record(current.row()) if current.isValid() else None
        seen = self._seen
        if (
            row is not None
            and seen is not None
            and row.candidate_id == seen.candidate_id
            and self._typed()
        ):
            # The list was read again (someone's change) while a note or an answer is
            # being typed for this person: keep it, and keep comparing with what was
            # shown when typing began, so the save says if the entry changed meanwhile.
            self.current_changed.emit()
            return
        self._show(row)

    def _show(self, row: ShortlistRow | None) -> None:
        self._seen = row
        self.ui.noteEdit.setText(row.note if row is not None and row.note else "")
        self._fill_answers(row)
        self.current_changed.emit()

    def _typed(self) -> bool:
        """A note or a decline text typed for the shown person and not yet saved."""
        seen = self._seen
        note = (seen.note or "") if seen is not None else ""
        return self.ui.noteEdit.text() != note or bool(self.decline_note.text().strip())

    def _reload_shown(self, candidate_id: int) -> None:
        """After "Reload": show the entry as stored now, dropping what was typed."""
        self._seen = None
        self.reload(keep_candidate=candidate_id)
        self._show(self._selected())

    def _shown(self, row: ShortlistRow) -> ShortlistRow:
        """The version of ``row`` the editor was filled from (what a save compares with)."""
        seen = self._seen
        return seen if seen is not None and seen.candidate_id == row.candidate_id else row

    def _fill_answers(self, row: ShortlistRow | None) -> None:
        """Only the steps allowed from the person's status (none once answered)."""
        combo = self.ui.statusCombo
        combo.blockSignals(True)
        combo.clear()
        steps = matching.allowed_next(row.status) if row is not None else ()
        for status in steps:
            text = status_label(status.value)
            if status is ShortlistStatus.ACCEPTED:
                text = self.tr("{accepted}… (plan the placement)").format(accepted=text)
            combo.addItem(text, status.value)
        if row is not None and not steps:
            combo.addItem(status_label(row.status), None)
        combo.blockSignals(False)
        combo.setEnabled(bool(steps))
        write_access.enable_writes(
            self.ctx.db, "shortlist_entries", [self.ui.statusButton], bool(steps)
        )
        if row is not None and row.interview_on is not None:
            self.interview_date.setDate(qdate(row.interview_on))
        self.decline_note.clear()
        self._answer_chosen()

    def _answer_chosen(self, *_args: object) -> None:
        value = self.ui.statusCombo.currentData()
        self.interview_date.setVisible(value == ShortlistStatus.INTERVIEW.value)
        declined = value == ShortlistStatus.DECLINED.value
        self.decline_reason.setVisible(declined)
        self.decline_note.setVisible(declined)

    def _selected(self) -> ShortlistRow | None:
        index = self.ui.savedTable.currentIndex()
        return self.saved_model.record(index.row()) if index.isValid() else None

    def apply_status(self) -> None:
        """Record the chosen answer; "accepted" opens the placement form instead."""
        row, rid = self._selected(), self._request_id()
        value = self.ui.statusCombo.currentData()
        if row is None or rid is None or value is None:
            return
        status = ShortlistStatus(value)
        if status is ShortlistStatus.ACCEPTED:
            self.accept(rid, row)
            return
        if self._save_entry(row, lambda seen: self._set_status(rid, row, status, seen)):
            self._say(None)

    def _set_status(
        self, rid: int, row: ShortlistRow, status: ShortlistStatus, seen: dt.datetime | None
    ) -> ShortlistRow:
        return matching.set_status(
            self.ctx.db,
            rid,
            row.candidate_id,
            status.value,
            interview_on=(
                pydate(self.interview_date.date()) if status is ShortlistStatus.INTERVIEW else None
            ),
            reason=(
                self.decline_reason.currentData() if status is ShortlistStatus.DECLINED else None
            ),
            note=self.decline_note.text() if status is ShortlistStatus.DECLINED else None,
            expected_updated_at=seen,
        )

    def accept(self, request_id: int, row: ShortlistRow) -> None:
        """The IGO accepted ``row``: the placement form, pre-filled from the request
        (dates, work mode, duty station, the organisation's last liaison); saving it
        records the acceptance and plans the placement in one transaction."""
        db = self.ctx.db
        try:
            data = placements.placement_defaults(db, request_id, row.candidate_id)
            request = rq.get_request(db, request_id)
        except Exception as exc:
            show_error(self.view, exc)
            return
        org_id = request.organisation_id
        self.form = PlacementForm(
            data,
            heading=self.tr("{name} accepted for “{title}”").format(
                name=isolate(row.name), title=request.title
            ),
            contacts=placements.contacts_of(db, org_id) if org_id is not None else [],
            affiliates=candidates.affiliates(db),
            submit=lambda d: placements.accept(db, d),
            parent=self.view,
        )
        self.form.finished.connect(lambda result: self._accepted(result, row.candidate_id))
        self.form.open()

    def _accepted(self, result: int, candidate_id: int) -> None:
        form, self.form = self.form, None
        if form is None:
            return
        if result == QDialog.DialogCode.Accepted and form.change is not None:
            self._say(" ".join(form.change.messages))
            self.reload(keep_candidate=candidate_id)
            self.answered.emit()
        form.deleteLater()

    def apply_note(self) -> None:
        row, rid = self._selected(), self._request_id()
        if row is None or rid is None:
            return
        note = self.ui.noteEdit.text()
        self._save_entry(
            row,
            lambda seen: matching.set_note(
                self.ctx.db, rid, row.candidate_id, note, expected_updated_at=seen
            ),
        )

    def _save_entry(
        self, row: ShortlistRow, save: Callable[[dt.datetime | None], ShortlistRow]
    ) -> bool:
        """Save an answer or a note to the shown entry. Both compare with the version the
        editor was filled from, resolve a stale save the same way (reload or keep mine),
        and afterwards show the stored entry again with the person still chosen; True
        when it was saved, False when refused (said in a box) or given up."""
        try:
            done = confirm.save_resolving_stale(
                self.view,
                self.ask_stale,
                save,
                self._shown(row).updated_at,
                reload=lambda: self._reload_shown(row.candidate_id),
            )
        except Exception as exc:
            show_error(self.view, exc)
            return False
        if done is None:
            return False
        self._seen = None
        self.reload(keep_candidate=row.candidate_id)
        return True


class AssignmentPane(_Pane):
    """The optimal assignment of candidates over every open request."""

    assigned = Signal()
    # The assignment was saved as shortlists.
    applied = Signal()
    # The assignment was written to this file.
    exported = Signal(str)

    def __init__(self, ctx: AppContext, ui: Ui_ShortlistsView, view: QWidget) -> None:
        super().__init__(ctx, ui, view)
        self.assign_model = AssignmentModel(self)
        self.assign_proxy = SortProxy(self)
        self.assign_proxy.setSourceModel(self.assign_model)
        ui.assignTable.setModel(self.assign_proxy)
        _plain_table(ui.assignTable)
        ui.assignTable.setAccessibleName(self.tr("Best assignment per request"))
        for col, width in (
            (0, 70),
            (1, 240),
            (2, 90),
            (3, 70),
            (4, 70),
            (5, 280),
            (6, 70),
            (7, 220),
        ):
            ui.assignTable.setColumnWidth(col, width)
        ui.assignTable.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        # The last assignment found (None until "Find" ran).
        self.result: AssignmentResult | None = None
        self._weights: dict[str, float] = {}
        self.apply_button = QPushButton(self.tr("&Apply as shortlists…"), ui.assignTab)
        self.apply_button.setObjectName("applyAssignmentButton")
        self.apply_button.setToolTip(
            self.tr("Save each request's assigned people as its saved shortlist.")
        )
        self.export_button = QPushButton(self.tr("E&xport…"), ui.assignTab)
        self.export_button.setObjectName("exportAssignmentButton")
        self.export_button.setToolTip(self.tr("Write the assignment to a spreadsheet (.xlsx)."))
        ui.assignTop.addWidget(self.apply_button)
        ui.assignTop.addWidget(self.export_button)
        self.apply_button.clicked.connect(self.apply)
        self.export_button.clicked.connect(lambda: self.export())
        # (question) -> True to go ahead; replaceable in tests.
        self.confirm: Callable[[str], bool] = self._confirm_dialog
        # (default name) -> path or ""; replaceable in tests.
        self.ask_path: Callable[[str], str] = self._path_dialog
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self.result is not None and any(r.placements for r in self.result.requests)
        write_access.enable_writes(self.ctx.db, "shortlist_entries", [self.apply_button], has)
        self.export_button.setEnabled(self.result is not None)

    def run(self, weights: dict[str, float]) -> None:
        db = self.ctx.db
        ui = self.ui
        ui.assignButton.setEnabled(False)

        self._weights = dict(weights)

        def done(result: AssignmentResult) -> None:
            ui.assignButton.setEnabled(True)
            self.result = result
            self._update_buttons()
            self.assign_model.set_records(result.requests)
            unfilled = sum(r.unfilled for r in result.requests)
            ui.assignSummary.setText(
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
            ui.assignButton.setEnabled(True)
            show_error(self.view, exc)

        self.ctx.tasks.run(
            lambda progress: matching.assign(db, weights=weights, progress=progress),
            on_done=done,
            on_error=failed,
            on_cancel=lambda: ui.assignButton.setEnabled(True),
            label=self.tr("Finding the best assignment…"),
            parent=self.view,
        )

    def apply(self) -> None:
        """After a confirmation, save each request's assigned people as its shortlist (in
        the background); people already sent or answered keep their history."""
        result = self.result
        if result is None:
            return
        todo = [r for r in result.requests if r.placements]
        if not todo:
            return
        people = sum(len(r.placements) for r in todo)
        question = self.tr(
            "Save the assignment as saved shortlists: {people} people on {n} requests? "
            "Each request's people still at “proposed” are replaced; anyone already sent "
            "or answered stays."
        ).format(people=people, n=len(todo))
        if not self.confirm(question):
            return
        db, weights = self.ctx.db, self._weights
        self.apply_button.setEnabled(False)

        def done(saved: list[tuple[int, int]]) -> None:
            self._update_buttons()
            self.ui.assignSummary.setText(
                self.tr("Saved shortlists for {n} requests ({people} people).").format(
                    n=len(saved), people=sum(k for _r, k in saved)
                )
            )
            self.applied.emit()

        def failed(exc: BaseException) -> None:
            self._update_buttons()
            show_error(self.view, exc)

        self.ctx.tasks.run(
            lambda progress: matching.apply_assignment(
                db, result, weights=weights, progress=progress
            ),
            on_done=done,
            on_error=failed,
            on_cancel=self._update_buttons,
            label=self.tr("Saving the shortlists…"),
            parent=self.view,
        )

    def export(self, path: str | None = None) -> None:
        """Write the assignment to .xlsx (``path`` skips the file dialog)."""
        result = self.result
        if result is None:
            return
        target = path or self.ask_path("assignment.xlsx")
        if not target:
            return
        if not target.lower().endswith(".xlsx"):
            target += ".xlsx"
        db = self.ctx.db

        def done(rows: int) -> None:
            self.ui.assignSummary.setText(
                self.tr("%Ln row(s) written to {path}.", None, rows).format(path=target)
            )
            self.exported.emit(target)

        self.ctx.tasks.run(
            lambda _p: export_assignment(db, result, target),
            on_done=done,
            on_error=lambda exc: show_error(self.view, exc),
            label=self.tr("Writing the spreadsheet…"),
            parent=self.view,
        )

    def _confirm_dialog(self, question: str) -> bool:
        box = QMessageBox(self.view)
        box.setObjectName("confirmApplyAssignment")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Apply the assignment"))
        box.setText(question)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Save shortlists"))
        return box.exec() == QMessageBox.StandardButton.Yes

    def _path_dialog(self, default: str) -> str:
        path, _f = QFileDialog.getSaveFileName(
            self.view, self.tr("Export the assignment"), default, self.tr("Excel workbook (*.xlsx)")
        )
        return path

    def clear(self) -> None:
        self.result = None
        self._update_buttons()
        self.assign_model.set_records([])
