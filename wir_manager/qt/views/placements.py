"""The Placements screen: every residency, and for the selected one its details, status
steps, check-ins and reports, outcomes against targets (bars), and the resident's
timeline; a second tab shows the programme's figures as charts and writes the
programme report.

The screen holds no rules: each button calls one service function
(:mod:`wir_manager.services.placements`) and shows the sentences it returns (what else
changed: the stage, the request). A write hands back the placement as it now is, which
the screen shows at once; the list follows through the change hub, like any change made
elsewhere. Reports and the programme figures are computed off the GUI thread.

Questions go through replaceable callables (``ask_text``, ``ask_date``, ``ask_path``,
``confirm``) so tests answer them without a modal loop.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from wir_manager.domain.enums import CheckinKind, OutcomeMetric, PlacementStatus, WorkMode
from wir_manager.qt import accessibility as a11y
from wir_manager.qt import settings as opts
from wir_manager.qt.context import AppContext
from wir_manager.qt.dialogs.placement_form import PlacementForm, pydate, work_mode_label
from wir_manager.qt.errors import EXPECTED_ERRORS, show_error
from wir_manager.qt.labels import isolate, left_to_right, stage_label
from wir_manager.qt.models.placement_tables import (
    ID_ROLE,
    CheckinModel,
    PlacementFilterProxy,
    PlacementListModel,
    checkin_label,
    status_label,
)
from wir_manager.qt.widgets.bar_chart import Bar, BarChart
from wir_manager.qt.widgets.date_field import date_edit
from wir_manager.qt.widgets.impact_dialog import ImpactDialog
from wir_manager.qt.widgets.screen import SidebarScreen
from wir_manager.qt.widgets.tables import SharedColumn, record_table
from wir_manager.qt.widgets.timeline import TimelinePanel
from wir_manager.qt.widgets.write_access import Control
from wir_manager.services import candidates as cands
from wir_manager.services import placements as pl
from wir_manager.services.localefmt import format_date, format_number
from wir_manager.storage.changes import Changes, Kind

SETTINGS_KEY = "placements"
# What the list and the detail show.
SHOWN_KINDS = Kind.PLACEMENTS | Kind.CANDIDATES | Kind.REQUESTS | Kind.SHORTLISTS


def metric_label(metric: str) -> str:
    try:
        return QCoreApplication.translate("OutcomeMetric", OutcomeMetric(metric).label)
    except ValueError:
        return metric  # a free metric is shown by its own name


class ProgrammeReportDialog(QDialog):
    """Period, language and file type for the programme report."""

    def __init__(self, start: dt.date, end: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("programmeReportDialog")
        self.setWindowTitle(self.tr("Programme report"))
        form = QFormLayout(self)
        self.start = date_edit(self, start)
        self.end = date_edit(self, end)
        self.language = QComboBox(self)
        self.language.addItem(self.tr("English"), "en")
        self.language.addItem(self.tr("Swedish"), "sv")
        self.fmt = QComboBox(self)
        self.fmt.addItem(self.tr("PDF with charts"), ".pdf")
        self.fmt.addItem(self.tr("Spreadsheet (.xlsx)"), ".xlsx")
        form.addRow(self.tr("&From:"), self.start)
        form.addRow(self.tr("&To:"), self.end)
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow(self.tr("&Format:"), self.fmt)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[dt.date, dt.date, str, str]:
        return (
            pydate(self.start.date()),
            pydate(self.end.date()),
            str(self.language.currentData()),
            str(self.fmt.currentData()),
        )


class PlacementsView(SidebarScreen):
    """Sidebar screen "Placements"."""

    TITLE = "Placements"
    UNSAVED_DIALOG = "unsavedOutcomesDialog"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.record: pl.PlacementRecord | None = None
        self._switching = False
        self._metric_widgets: dict[str, tuple[QProgressBar, QLineEdit, QLineEdit]] = {}
        # (title, label, default) -> text, or None when cancelled.
        self.ask_text: Callable[[str, str, str], str | None] = self._text_dialog
        # (title, label, default) -> date, or None when cancelled.
        self.ask_date: Callable[[str, str, dt.date], dt.date | None] = self._date_dialog
        # (suffix, default file name) -> path, or "" when cancelled.
        self.ask_path: Callable[[str, str], str] = self._path_dialog
        # (question) -> True to go ahead.
        self.confirm: Callable[[str], bool] = self._confirm_dialog
        # The placement form (tests fill and accept it).
        self.form: PlacementForm | None = None
        # The impact-from-the-wikis dialog while it is open.
        self.impact_dialog: ImpactDialog | None = None
        outer = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("placementTabs")
        outer.addWidget(self.tabs)
        self.tabs.addTab(self._residencies_page(), self.tr("Residencies"))
        self.tabs.addTab(self._programme_page(), self.tr("Programme"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self._figures_loaded = False
        self._restore_layout()
        a11y.make_accessible(self)
        self.refresh()

    # ------------------------------------------------------------------ building
    def _residencies_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, page)
        layout.addWidget(self.splitter)
        left = QWidget(self.splitter)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        self.search = QLineEdit(left)
        self.search.setObjectName("placementSearch")
        self.search.setPlaceholderText(self.tr("Search resident or organisation"))
        self.search.setClearButtonEnabled(True)
        self.status_filter = QComboBox(left)
        self.status_filter.setObjectName("placementStatusFilter")
        self.status_filter.setAccessibleName(self.tr("Status filter"))
        self.status_filter.addItem(self.tr("All statuses"), None)
        self.status_filter.addItem(
            self.tr("Planned or active"),
            frozenset({PlacementStatus.PLANNED, PlacementStatus.ACTIVE}),
        )
        for status in PlacementStatus:
            self.status_filter.addItem(status_label(status), frozenset({status}))
        filters.addWidget(self.search, 1)
        filters.addWidget(self.status_filter)
        lv.addLayout(filters)
        self.model = PlacementListModel(self)
        self.proxy = PlacementFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(left)
        self.table.setObjectName("placementTable")
        self.table.setAccessibleName(self.tr("Placements"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        # Fixed widths (140 + 90 + 88 + 88 px) filled the list pane of a 1280 px window,
        # so the Status column lay beyond its right edge, in Swedish ("Avslutad i
        # förtid") even more. The dates and the status are sized to their text, whole in
        # any language; the resident and the organisation share what is left, a long
        # one ending in "…" (its tooltip has it whole), and the resident's edge can be
        # dragged to widen it.
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        for col in (2, 3, 4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.name_columns = SharedColumn(self.table, 0, 1)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        lv.addWidget(self.table, 1)
        self.count_label = QLabel(left)
        lv.addWidget(self.count_label)
        self.search.textChanged.connect(self._filter_changed)
        self.status_filter.currentIndexChanged.connect(self._filter_changed)

        detail = QWidget(self.splitter)
        self.detail = detail
        d = QVBoxLayout(detail)
        d.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(detail)
        self.heading.setObjectName("placementHeading")
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        d.addWidget(self.heading)
        self.facts = QLabel(detail)
        self.facts.setObjectName("placementFacts")
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.PlainText)
        d.addWidget(self.facts)
        steps = QGridLayout()
        self.start_button = QPushButton(self.tr("&Start"), detail)
        self.complete_button = QPushButton(self.tr("&Complete"), detail)
        self.early_button = QPushButton(self.tr("&End early…"), detail)
        self.cancel_button = QPushButton(self.tr("Ca&ncel…"), detail)
        self.extend_button = QPushButton(self.tr("E&xtend…"), detail)
        self.edit_button = QPushButton(self.tr("&Details…"), detail)
        self.report_button = QPushButton(self.tr("Placement &report…"), detail)
        for i, (button, slot) in enumerate(
            (
                (self.start_button, self.start),
                (self.complete_button, self.complete),
                (self.early_button, self.end_early),
                (self.cancel_button, self.cancel),
                (self.extend_button, self.extend),
                (self.edit_button, self.edit_details),
                (self.report_button, self.placement_report),
            )
        ):
            button.clicked.connect(slot)
            steps.addWidget(button, i // 4, i % 4)
        steps.setColumnStretch(4, 1)
        d.addLayout(steps)
        self.message = QLabel(detail)
        self.message.setObjectName("placementMessage")
        self.message.setWordWrap(True)
        d.addWidget(self.message)
        self.detail_tabs = QTabWidget(detail)
        self.detail_tabs.setObjectName("placementDetailTabs")
        self.detail_tabs.addTab(self._checkins_page(), self.tr("Check-ins and reports"))
        self.detail_tabs.addTab(self._outcomes_page(), self.tr("Outcomes"))
        self.timeline = TimelinePanel(self.ctx, self)
        self.detail_tabs.addTab(self.timeline, self.tr("Timeline"))
        d.addWidget(self.detail_tabs, 1)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        return page

    def _checkins_page(self) -> QWidget:
        page = QWidget(self)
        b = QVBoxLayout(page)
        self.checkins = CheckinModel(self)
        self.checkin_table = record_table(
            page,
            self.checkins,
            name="checkinTable",
            accessible_name=self.tr("Check-ins and reports"),
            fit_columns=(0,),
        )
        self.checkin_table.selectionModel().currentRowChanged.connect(self._update_checkin_buttons)
        b.addWidget(self.checkin_table, 1)
        # Two rows of buttons, so the check-ins never make the screen wider than a laptop.
        row = QGridLayout()
        self.done_button = QPushButton(self.tr("Mark &done today"), page)
        self.undone_button = QPushButton(self.tr("Not done"), page)
        self.move_button = QPushButton(self.tr("&Move…"), page)
        self.note_button = QPushButton(self.tr("N&ote…"), page)
        self.add_checkin_button = QPushButton(self.tr("&Add report…"), page)
        self.delete_checkin_button = QPushButton(self.tr("Remove"), page)
        self.add_kind = QComboBox(page)
        self.add_kind.setObjectName("checkinKind")
        self.add_kind.setAccessibleName(self.tr("Kind of report to add"))
        for kind in CheckinKind:
            self.add_kind.addItem(checkin_label(kind), kind.value)
        for i, (button, slot) in enumerate(
            (
                (self.done_button, self.mark_done),
                (self.undone_button, self.mark_not_done),
                (self.move_button, self.move_checkin),
                (self.note_button, self.note_checkin),
                (self.delete_checkin_button, self.delete_checkin),
                (self.add_checkin_button, self.add_checkin),
            )
        ):
            button.clicked.connect(slot)
            row.addWidget(button, i // 3, i % 3)
        row.addWidget(self.add_kind, 1, 3)
        row.setColumnStretch(4, 1)
        b.addLayout(row)
        return page

    def _outcomes_page(self) -> QWidget:
        page = QWidget(self)
        v = QVBoxLayout(page)
        pick = QHBoxLayout()
        label = QLabel(self.tr("&Actuals of:"), page)
        self.report_combo = QComboBox(page)
        self.report_combo.setObjectName("outcomeReport")
        label.setBuddy(self.report_combo)
        pick.addWidget(label)
        pick.addWidget(self.report_combo, 1)
        v.addLayout(pick)
        self.report_combo.currentIndexChanged.connect(self._report_chosen)
        scroll = QScrollArea(page)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.outcome_box = QWidget(scroll)
        self.outcome_grid = QGridLayout(self.outcome_box)
        scroll.setWidget(self.outcome_box)
        v.addWidget(scroll, 1)
        orow = QHBoxLayout()
        self.free_metric = QLineEdit(page)
        self.free_metric.setObjectName("freeMetric")
        self.free_metric.setPlaceholderText(self.tr("Another metric, e.g. podcast episodes"))
        self.add_metric_button = QPushButton(self.tr("Add &metric"), page)
        self.add_metric_button.clicked.connect(self.add_metric)
        self.save_outcomes_button = QPushButton(self.tr("Save &outcomes"), page)
        self.save_outcomes_button.clicked.connect(self.save_outcomes)
        self.impact_button = QPushButton(self.tr("From the &wikis…"), page)
        self.impact_button.setObjectName("impactButton")
        self.impact_button.setToolTip(
            self.tr(
                "Count the resident's contributions on the wikis during the placement and "
                "offer them as actuals to accept or correct"
            )
        )
        self.impact_button.clicked.connect(self.measure_impact)
        orow.addWidget(self.free_metric, 1)
        orow.addWidget(self.add_metric_button)
        orow.addWidget(self.impact_button)
        orow.addWidget(self.save_outcomes_button)
        v.addLayout(orow)
        return page

    def _programme_page(self) -> QWidget:
        page = QWidget(self)
        v = QVBoxLayout(page)
        bar = QHBoxLayout()
        today = dt.date.today()
        self.figures_from = date_edit(page, dt.date(today.year - 1, today.month, 1))
        self.figures_from.setObjectName("figuresFrom")
        # Planned residencies count too: the default period reaches a year ahead.
        self.figures_to = date_edit(page, dt.date(today.year + 1, today.month, 1))
        self.figures_to.setObjectName("figuresTo")
        from_label = QLabel(self.tr("&From:"), page)
        from_label.setBuddy(self.figures_from)
        to_label = QLabel(self.tr("&To:"), page)
        to_label.setBuddy(self.figures_to)
        self.figures_button = QPushButton(self.tr("Show &figures"), page)
        self.figures_button.clicked.connect(self.load_figures)
        self.programme_button = QPushButton(self.tr("&Programme report…"), page)
        self.programme_button.clicked.connect(lambda: self.programme_report())
        for w in (from_label, self.figures_from, to_label, self.figures_to):
            bar.addWidget(w)
        bar.addWidget(self.figures_button)
        bar.addStretch(1)
        bar.addWidget(self.programme_button)
        v.addLayout(bar)
        self.figures_summary = QLabel(page)
        self.figures_summary.setObjectName("figuresSummary")
        self.figures_summary.setWordWrap(True)
        v.addWidget(self.figures_summary)
        scroll = QScrollArea(page)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        charts = QWidget(scroll)
        grid = QGridLayout(charts)
        self.funnel_chart = BarChart(self.tr("Pipeline: people at each stage or beyond"), charts)
        self.funnel_chart.setObjectName("funnelChart")
        self.org_chart = BarChart(self.tr("Placements per organisation"), charts)
        self.org_chart.setObjectName("organisationChart")
        self.region_chart = BarChart(self.tr("Placements per UN region"), charts)
        self.region_chart.setObjectName("regionChart")
        self.outcome_chart = BarChart(
            self.tr("Outcomes against targets"), charts, against_target=True
        )
        self.outcome_chart.setObjectName("outcomeChart")
        top = Qt.AlignmentFlag.AlignTop
        grid.addWidget(self.funnel_chart, 0, 0, top)
        grid.addWidget(self.org_chart, 0, 1, top)
        grid.addWidget(self.outcome_chart, 1, 0, top)
        grid.addWidget(self.region_chart, 1, 1, top)
        grid.setRowStretch(2, 1)
        scroll.setWidget(charts)
        v.addWidget(scroll, 1)
        return page

    def _restore_layout(self) -> None:
        if not opts.restore_splitter(self.ctx.settings, SETTINGS_KEY, self.splitter):
            # The list gets nearly half the width: in a 1280 px window its names keep
            # over 100 px each beside the dates and the status (Swedish, the longer),
            # and the details keep their Swedish buttons' width (about 520 px).
            self.splitter.setSizes([500, 600])

    def save_layout(self) -> None:
        opts.save_splitter(self.ctx.settings, SETTINGS_KEY, self.splitter)

    # ------------------------------------------------------------------ changes
    def on_changes(self, changes: Changes) -> None:
        """Placements (or the people, requests and answers they name) changed, here or
        elsewhere: read the list again; the placement shown is re-read unless outcomes
        are being typed; the figures are recomputed if they are on screen."""
        if not changes.touches(SHOWN_KINDS):
            return
        self.refresh(reload_detail=not self.has_unsaved_changes())
        if self._figures_loaded and self.tabs.currentIndex() == 1:
            self.load_figures()
        else:
            self._figures_loaded = False

    # ------------------------------------------------------------------ loading
    def refresh(self, select: int | None = None, *, reload_detail: bool = True) -> None:
        """Read the list, keep (or choose) the selection, show that placement."""
        rows = pl.list_placements(self.ctx.db)
        keep = select if select is not None else (self.record.id if self.record else None)
        self._switching = True
        try:
            self.model.set_records(rows)
            index = self._proxy_index(keep) if keep is not None else QModelIndex()
            if not index.isValid() and self.proxy.rowCount():
                index = self.proxy.index(0, 0)
            if index.isValid():
                self.table.selectionModel().setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.table.scrollTo(index)
        finally:
            self._switching = False
        self._update_count()
        pid = index.data(ID_ROLE) if index.isValid() else None
        if pid is None:
            self._show(None)
        elif reload_detail or self.record is None or self.record.id != pid:
            self._load(pid)

    def _proxy_index(self, placement_id: int) -> QModelIndex:
        row = self.model.row_of(placement_id)
        if row < 0:
            return QModelIndex()
        return self.proxy.mapFromSource(self.model.index(row, 0))

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        text = self.tr("%Ln placement(s)", None, total)
        if shown != total:
            text = self.tr("{shown} of %Ln placement(s)", None, total).format(
                shown=format_number(shown)
            )
        self.count_label.setText(text)

    def _filter_changed(self, *_args: object) -> None:
        self.proxy.set_search(self.search.text())
        self.proxy.set_statuses(self.status_filter.currentData())
        self._update_count()

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.search.setFocus()
        self.search.selectAll()

    def select_placement(self, placement_id: int) -> None:
        """Select one placement (the Today screen opens lines here)."""
        self.tabs.setCurrentIndex(0)
        if self._proxy_index(placement_id).isValid() or self.model.row_of(placement_id) < 0:
            self.refresh(select=placement_id)
            return
        # Hidden by the filters: show every placement, then select it.
        self.search.clear()
        self.status_filter.setCurrentIndex(0)
        self.refresh(select=placement_id)

    def _row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._switching or not current.isValid():
            return
        pid = current.data(ID_ROLE)
        if self.record is not None and self.record.id == pid:
            return
        if not self.confirm_leave():
            # Stay with the typed outcomes: put the selection back.
            self._switching = True
            try:
                if previous.isValid():
                    self.table.selectionModel().setCurrentIndex(
                        previous,
                        QItemSelectionModel.SelectionFlag.ClearAndSelect
                        | QItemSelectionModel.SelectionFlag.Rows,
                    )
            finally:
                self._switching = False
            return
        self.message.clear()
        self._load(pid)

    def _load(self, placement_id: int | None) -> None:
        try:
            rec = pl.get_placement(self.ctx.db, placement_id) if placement_id else None
        except pl.PlacementNotFoundError:
            rec = None  # deleted elsewhere a moment ago
        self._show(rec)

    def _show(self, rec: pl.PlacementRecord | None) -> None:
        """Show ``rec`` (as a service handed it over) in the detail pane."""
        self.record = rec
        self.detail.setEnabled(rec is not None)
        if rec is None:
            self.heading.setText(self.tr("No placement yet: accept a candidate on a shortlist."))
            self.facts.clear()
            self.checkins.set_records([])
            self._fill_reports([])
            self._fill_outcomes([])
            self.timeline.set_candidate(None)
            return
        name = isolate(rec.candidate_name) if rec.candidate_name else self.tr("erased person")
        # The organisation may be gone (deleted: the placement keeps its numbers), and
        # "Name at " would read as a sentence cut off. The line reads left to right
        # even when the name is in Arabic script.
        self.heading.setText(
            left_to_right(
                self.tr("{name} at {org}").format(name=name, org=rec.organisation)
                if rec.organisation
                else self.tr("{name} (no organisation)").format(name=name)
            )
        )
        self.facts.setText("\n".join(self._fact_lines(rec)))
        status = rec.status
        # Each step also needs the login's permission (always, in a file): a viewer sees
        # them disabled, with why as tooltip. Details… stays: the form is worth reading.
        planned, active = status is PlacementStatus.PLANNED, status is PlacementStatus.ACTIVE
        self.enable_writes("placements", [self.start_button, self.cancel_button], planned)
        self.enable_writes("placements", [self.complete_button, self.early_button], active)
        self.enable_writes("placements", [self.extend_button], planned or active)
        self.enable_writes(
            "placement_outcomes",
            [self.impact_button],
            status in (PlacementStatus.ACTIVE, PlacementStatus.COMPLETED)
            and rec.candidate_id is not None,
        )
        self.checkins.set_records(list(rec.checkins))
        self._update_checkin_buttons()
        self._fill_reports(list(rec.checkins))
        self._fill_outcomes(list(rec.outcomes))
        self.timeline.set_candidate(rec.candidate_id)

    def _fact_lines(self, rec: pl.PlacementRecord) -> list[str]:
        lines = [
            self.tr("Period: {start} – {end} · {status}").format(
                start=format_date(rec.start_date),
                end=format_date(rec.end_date),
                status=status_label(rec.status),
            )
        ]
        if rec.request_title:
            lines.append(self.tr("Request: {title}").format(title=rec.request_title))
        place = ", ".join(x for x in (rec.duty_city, rec.duty_country) if x)
        if rec.work_mode:
            mode = work_mode_label(WorkMode(rec.work_mode))
            lines.append(
                self.tr("Work mode: {mode} · {place}").format(mode=mode, place=place)
                if place
                else self.tr("Work mode: {mode}").format(mode=mode)
            )
        if rec.liaison:
            lines.append(self.tr("IGO liaison: {name}").format(name=rec.liaison.display))
        if rec.mentor:
            lines.append(self.tr("Mentor: {name}").format(name=rec.mentor))
        if rec.host_affiliate or rec.fiscal_sponsor:
            lines.append(
                self.tr("Host: {host}").format(
                    host=" · ".join(x for x in (rec.host_affiliate, rec.fiscal_sponsor) if x)
                )
            )
        lines.append(self.tr("Share of full time: {n} %").format(n=rec.time_share))
        if rec.funding_amount is not None:
            lines.append(
                self.tr("Funding: {amount} ({source})").format(
                    amount=pl.format_funding(rec.funding_amount, rec.funding_currency),
                    source=rec.funding_source or "",
                )
            )
        for ext in rec.extensions:
            lines.append(
                self.tr("Extended on {day}: {old} → {new}").format(
                    day=format_date(ext.at.date()),
                    old=format_date(ext.old_end),
                    new=format_date(ext.new_end),
                )
            )
        if rec.end_reason:
            lines.append(self.tr("Reason: {text}").format(text=rec.end_reason))
        return lines

    def _fill_reports(self, checkins: list[pl.CheckinRecord]) -> None:
        """The outcome actuals are entered per report: the chooser lists them."""
        keep = self.report_combo.currentData()
        self.report_combo.blockSignals(True)
        self.report_combo.clear()
        self.report_combo.addItem(self.tr("Not tied to a report"), None)
        for c in checkins:
            self.report_combo.addItem(
                self.tr("{report} of {day}").format(
                    report=checkin_label(c.kind), day=format_date(c.due_on)
                ),
                c.id,
            )
        self.report_combo.setCurrentIndex(max(0, self.report_combo.findData(keep)))
        self.report_combo.blockSignals(False)

    def _report_chosen(self, _index: int) -> None:
        if self.record is not None:
            self._fill_outcomes(list(self.record.outcomes))

    def _fill_outcomes(self, outcomes: list[pl.OutcomeRecord]) -> None:
        while self.outcome_grid.count():
            item = self.outcome_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                # Off screen at once (a deleteLater alone would draw over the new grid
                # until the event loop runs).
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        self._metric_widgets.clear()
        report = self.report_combo.currentData()
        have = {o.metric: o for o in outcomes}
        metrics = list(pl.STANDARD_METRICS) + [o.metric for o in outcomes if not o.standard]
        removes: list[QPushButton] = []
        for col, text in enumerate(
            (self.tr("Metric"), self.tr("Progress"), self.tr("Target"), self.tr("Actual"))
        ):
            head = QLabel(f"<b>{text}</b>", self.outcome_box)
            self.outcome_grid.addWidget(head, 0, col)
        for row, metric in enumerate(metrics, start=1):
            o = have.get(metric)
            label = QLabel(metric_label(metric), self.outcome_box)
            bar = QProgressBar(self.outcome_box)
            bar.setObjectName(f"progress_{metric}")
            bar.setRange(0, 100)
            bar.setAccessibleName(self.tr("Progress: {metric}").format(metric=metric_label(metric)))
            if o is not None and o.progress is not None:
                bar.setValue(min(100, round(o.progress * 100)))
                bar.setFormat(
                    self.tr("{actual} of {target}").format(
                        actual=format_number(o.actual), target=format_number(o.target or 0)
                    )
                )
            else:
                bar.setValue(0)
                bar.setFormat(format_number(o.actual) if o else "–")
            target = QLineEdit(
                "" if o is None or o.target is None else str(o.target), self.outcome_box
            )
            target.setObjectName(f"target_{metric}")
            target.setAccessibleName(
                self.tr("Target: {metric}").format(metric=metric_label(metric))
            )
            value = dict(o.per_report).get(report) if o else None
            actual = QLineEdit("" if not value else str(value), self.outcome_box)
            actual.setObjectName(f"actual_{metric}")
            actual.setAccessibleName(
                self.tr("Actual: {metric}").format(metric=metric_label(metric))
            )
            others = (o.actual - (value or 0)) if o else 0
            if others:
                actual.setToolTip(self.tr("%Ln more entered with other reports.", None, others))
            self.outcome_grid.addWidget(label, row, 0)
            self.outcome_grid.addWidget(bar, row, 1)
            self.outcome_grid.addWidget(target, row, 2)
            self.outcome_grid.addWidget(actual, row, 3)
            if o is not None and not o.standard:
                remove = QPushButton(self.tr("Remove"), self.outcome_box)
                remove.setObjectName(f"remove_{metric}")
                remove.setAccessibleName(
                    self.tr("Remove the metric {metric}").format(metric=metric_label(metric))
                )
                remove.clicked.connect(lambda _c=False, name=metric: self.remove_metric(name))
                removes.append(remove)
                self.outcome_grid.addWidget(remove, row, 4)
            self._metric_widgets[metric] = (bar, target, actual)
        self.outcome_grid.setColumnStretch(1, 1)
        # A login that may not write outcomes (a viewer) reads the figures, types none.
        may = self.enable_writes(
            "placement_outcomes",
            [self.free_metric, self.add_metric_button, self.save_outcomes_button, *removes],
        )
        for _bar, target, actual in self._metric_widgets.values():
            target.setReadOnly(not may)
            actual.setReadOnly(not may)

    # ------------------------------------------------------------------ status steps
    def _apply(self, fn: Callable[..., pl.PlacementChange], *args: Any, **kw: Any) -> bool:
        try:
            change = fn(self.ctx.db, *args, **kw)
        except EXPECTED_ERRORS as exc:
            show_error(self, exc)
            return False
        # The record comes back with the change; the list follows through the hub.
        self.message.setText(" ".join(change.messages))
        self._show(change.placement)
        self.changed.emit()
        return True

    def start(self) -> None:
        if self.record:
            self._apply(pl.start_placement, self.record.id)

    def complete(self) -> None:
        if self.record:
            self._apply(pl.complete_placement, self.record.id)

    def end_early(self) -> None:
        if not self.record:
            return
        reason = self.ask_text(
            self.tr("End early"), self.tr("Why did the placement end early?"), ""
        )
        if reason is not None:
            self._apply(pl.end_early, self.record.id, reason)

    def cancel(self) -> None:
        if not self.record:
            return
        reason = self.ask_text(self.tr("Cancel placement"), self.tr("Why is it cancelled?"), "")
        if reason is not None:
            self._apply(pl.cancel_placement, self.record.id, reason)

    def extend(self) -> None:
        if not self.record:
            return
        day = self.ask_date(
            self.tr("Extend placement"), self.tr("New end date:"), self.record.end_date
        )
        if day is not None:
            self._apply(pl.extend_placement, self.record.id, day)

    def edit_details(self) -> None:
        """The placement form over this placement; saving goes through the service."""
        rec = self.record
        if rec is None:
            return
        data = rec.as_form_data()
        db = self.ctx.db
        contacts = pl.contacts_of(db, rec.organisation_id) if rec.organisation_id else []
        self.form = PlacementForm(
            data,
            heading=self.heading.text(),
            contacts=contacts,
            affiliates=cands.affiliates(db),
            submit=lambda d: pl.update_placement(db, d),
            fetch=lambda: pl.get_placement(db, rec.id).as_form_data(),
            parent=self,
        )
        # A viewer may read the form; its Save says why it is disabled.
        self.enable_writes("placements", [self.form.save_button])
        self.form.finished.connect(self._form_finished)
        self.form.open()

    def _form_finished(self, result: int) -> None:
        form, self.form = self.form, None
        if form is None:
            return
        if result == QDialog.DialogCode.Accepted and form.change is not None:
            self.message.setText(" ".join(form.change.messages))
            self._show(form.change.placement)
            self.changed.emit()
        form.deleteLater()

    # ------------------------------------------------------------------ check-ins
    def _current_checkin(self) -> pl.CheckinRecord | None:
        index = self.checkin_table.currentIndex()
        return self.checkins.record(index.row()) if index.isValid() else None

    def _update_checkin_buttons(self, *_args: object) -> None:
        c = self._current_checkin()
        table = "placement_checkins"
        self.enable_writes(
            table, [self.move_button, self.note_button, self.delete_checkin_button], c is not None
        )
        self.enable_writes(table, [self.done_button], c is not None and c.done_on is None)
        self.enable_writes(table, [self.undone_button], c is not None and c.done_on is not None)
        self.enable_writes(table, [self.add_checkin_button])

    def _checkin_write(self, fn: Callable[[], object]) -> None:
        if self.record is None:
            return
        keep = self.checkin_table.currentIndex().row()
        try:
            fn()
        except EXPECTED_ERRORS as exc:
            show_error(self, exc)
            return
        self._load(self.record.id)
        if 0 <= keep < self.checkins.rowCount():
            self.checkin_table.selectRow(keep)
        self.changed.emit()

    def mark_done(self) -> None:
        c = self._current_checkin()
        if c is not None:
            self._checkin_write(
                lambda: pl.update_checkin(self.ctx.db, c.id, done_on=dt.date.today())
            )

    def mark_not_done(self) -> None:
        c = self._current_checkin()
        if c is not None:
            self._checkin_write(lambda: pl.update_checkin(self.ctx.db, c.id, clear_done=True))

    def move_checkin(self) -> None:
        c = self._current_checkin()
        if c is None:
            return
        day = self.ask_date(self.tr("Move report"), self.tr("New due date:"), c.due_on)
        if day is not None:
            self._checkin_write(lambda: pl.update_checkin(self.ctx.db, c.id, due_on=day))

    def note_checkin(self) -> None:
        c = self._current_checkin()
        if c is None:
            return
        text = self.ask_text(
            self.tr("Note on the report"), self.tr("What was said or sent:"), c.note or ""
        )
        if text is not None:
            self._checkin_write(lambda: pl.update_checkin(self.ctx.db, c.id, note=text))

    def add_checkin(self) -> None:
        if self.record is None:
            return
        kind = CheckinKind(self.add_kind.currentData())
        default = dt.date.today() + dt.timedelta(days=7)
        day = self.ask_date(
            self.tr("Add report"),
            self.tr("Due date of the {what}:").format(what=checkin_label(kind).lower()),
            default,
        )
        if day is None:
            return
        pid = self.record.id
        self._checkin_write(lambda: pl.add_checkin(self.ctx.db, pid, kind, day))

    def delete_checkin(self) -> None:
        c = self._current_checkin()
        if c is None:
            return
        if not self.confirm(
            self.tr("Remove the {what} due {day}? Outcome values entered with it go too.").format(
                what=checkin_label(c.kind).lower(), day=format_date(c.due_on)
            )
        ):
            return
        self._checkin_write(lambda: pl.delete_checkin(self.ctx.db, c.id))

    # ------------------------------------------------------------------ outcomes
    def add_metric(self) -> None:
        name = self.free_metric.text().strip()
        if not name or self.record is None:
            return
        try:
            pl.set_target(self.ctx.db, self.record.id, name, None)
        except EXPECTED_ERRORS as exc:
            show_error(self, exc)
            return
        typed = self._typed_outcomes()
        self.free_metric.clear()
        self._load(self.record.id)
        # What was typed in the other fields stays typed.
        for metric, (target, actual) in typed.items():
            widgets = self._metric_widgets.get(metric)
            if widgets is not None:
                widgets[1].setText(target or "")
                widgets[2].setText(actual or "")

    def remove_metric(self, metric: str) -> bool:
        """Drop a free metric of this placement with its target and every report's value
        (after a question); what is typed in the other metrics stays typed."""
        if self.record is None:
            return False
        if not self.confirm(
            self.tr("Remove the metric “{metric}” with its target and all its values?").format(
                metric=metric_label(metric)
            )
        ):
            return False
        typed = self._typed_outcomes()
        typed.pop(metric, None)
        try:
            pl.remove_metric(self.ctx.db, self.record.id, metric)
        except EXPECTED_ERRORS as exc:
            show_error(self, exc)
            return False
        self.message.setText(
            self.tr("Metric “{metric}” removed.").format(metric=metric_label(metric))
        )
        self._load(self.record.id)
        for name, (target, actual) in typed.items():
            widgets = self._metric_widgets.get(name)
            if widgets is not None:
                widgets[1].setText(target or "")
                widgets[2].setText(actual or "")
        self.changed.emit()
        return True

    def save_outcomes(self) -> bool:
        """Targets, and the actuals of the chosen report, as typed — in one transaction;
        one bad value stops with its sentence, changes nothing and keeps what was typed."""
        if self.record is None:
            return False
        try:
            pl.save_outcomes(
                self.ctx.db,
                self.record.id,
                self._typed_outcomes(),
                checkin_id=self.report_combo.currentData(),
            )
        except EXPECTED_ERRORS as exc:
            show_error(self, exc)
            return False
        self.message.setText(self.tr("Outcomes saved."))
        self._load(self.record.id)
        self.changed.emit()
        return True

    def measure_impact(self) -> ImpactDialog | None:
        """Open the impact dialog for this placement; it reads the wikis in the background
        and stores nothing unless the coordinator accepts (the outcomes then reload)."""
        if self.record is None:
            return None
        if self.has_unsaved_changes() and not self.confirm_leave():
            return None  # typed outcomes first: saved, or kept and the dialog not opened
        dialog = ImpactDialog(self.ctx, self.record.id, self)
        dialog.accepted_figures.connect(self._impact_accepted)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        dialog.fetch()
        self.impact_dialog = dialog
        return dialog

    def _impact_accepted(self, placement_id: int) -> None:
        self.message.setText(self.tr("Outcomes from the wikis saved."))
        self._load(placement_id)
        self.changed.emit()

    def _typed_outcomes(self) -> dict[str, tuple[str | None, str | None]]:
        """Metric → (target, actual of the chosen report) as typed; empty is None."""
        return {
            metric: (target.text().strip() or None, actual.text().strip() or None)
            for metric, (_bar, target, actual) in self._metric_widgets.items()
        }

    def _stored_outcomes(self) -> dict[str, tuple[str | None, str | None]]:
        have = {o.metric: o for o in self.record.outcomes} if self.record else {}
        report = self.report_combo.currentData()
        out: dict[str, tuple[str | None, str | None]] = {}
        for metric in self._metric_widgets:
            o = have.get(metric)
            value = dict(o.per_report).get(report) if o else None
            target = None if o is None or o.target is None else str(o.target)
            out[metric] = (target, str(value) if value else None)
        return out

    # ------------------------------------------------------------------ unsaved edits
    def has_unsaved_changes(self) -> bool:
        return self.record is not None and self._typed_outcomes() != self._stored_outcomes()

    def unsaved_text(self) -> str:
        return self.tr("The outcomes of this placement have unsaved changes.")

    def write_control(self, method: str) -> Control | None:
        return self.save_outcomes_button if method == "save" else None

    def save(self) -> bool:
        if not self.has_unsaved_changes():
            return True
        return self.save_outcomes()

    def discard_changes(self) -> None:
        self._show(self.record)

    # ------------------------------------------------------------------ figures
    def _tab_changed(self, index: int) -> None:
        if index == 1 and not self._figures_loaded:
            self.load_figures()

    def load_figures(self) -> None:
        """The programme's figures for the period, computed off the GUI thread."""
        from wir_manager.services import reports

        db = self.ctx.db
        start, end = pydate(self.figures_from.date()), pydate(self.figures_to.date())
        self._figures_loaded = True
        self.figures_button.setEnabled(False)

        def failed(exc: BaseException) -> None:
            self.figures_button.setEnabled(True)
            show_error(self, exc)

        self.ctx.tasks.run(
            lambda _p: reports.build_report(db, start=start, end=end),
            on_done=self._show_figures,
            on_error=failed,
        )

    def _show_figures(self, report: Any) -> None:
        self.figures_button.setEnabled(True)
        self.funnel_chart.set_bars(
            [
                Bar(
                    stage_label(step.stage),
                    step.reached,
                    note=(
                        f"{format_number(step.reached)} · {round(step.conversion * 100)} %"
                        if step.conversion is not None
                        else None
                    ),
                )
                for step in report.funnel
            ]
        )
        self.org_chart.set_bars([Bar(name, n) for name, n in report.by_organisation[:12]])
        self.region_chart.set_bars([Bar(name, n) for name, n in report.by_region])
        self.outcome_chart.set_bars(
            [
                Bar(metric_label(o.metric), o.actual, target=o.target or None)
                for o in report.outcomes
                if o.actual or o.target
            ]
        )
        median = report.median_days_to_fill
        self.figures_summary.setText(
            self.tr(
                "{placements} placements in the period; {candidates} candidates. "
                "Median time from request to filled: {days}."
            ).format(
                placements=format_number(report.placements),
                candidates=format_number(report.candidates),
                days=(
                    self.tr("{n} days").format(n=format_number(round(median)))
                    if median is not None
                    else self.tr("no request filled yet")
                ),
            )
        )

    # ------------------------------------------------------------------ reports
    def placement_report(self) -> None:
        if self.record is None:
            return
        path = self.ask_path(".pdf", f"placement-{self.record.id}.pdf")
        if not path:
            return
        db, pid = self.ctx.db, self.record.id
        from wir_manager.services import reports

        def done(result: Any) -> None:
            self.message.setText(self.tr("Placement report saved to {path}.").format(path=result))

        self.ctx.tasks.run(
            lambda _p: reports.write_placement_report(db, pid, path),
            on_done=done,
            on_error=lambda e: show_error(self, e),
            label=self.tr("Writing the placement report…"),
            parent=self,
        )

    def programme_report(self, values: tuple[dt.date, dt.date, str, str] | None = None) -> None:
        """The programme report for a period, in English or Swedish, PDF or .xlsx;
        ``values`` skips the dialog (tests)."""
        if values is None:
            dialog = ProgrammeReportDialog(
                pydate(self.figures_from.date()), pydate(self.figures_to.date()), self
            )
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            values = dialog.values()
        start, end, language, suffix = values
        path = self.ask_path(suffix, f"programme-report{suffix}")
        if not path:
            return
        db = self.ctx.db
        from wir_manager.services import reports

        def done(report: Any) -> None:
            text = self.tr("Programme report saved to {path} ({n} placements).").format(
                path=path, n=report.placements
            )
            self.message.setText(text)
            self.figures_summary.setText(text)

        self.ctx.tasks.run(
            lambda _p: reports.write_programme_report(
                db, path, start=start, end=end, language=language
            ),
            on_done=done,
            on_error=lambda e: show_error(self, e),
            label=self.tr("Writing the programme report…"),
            parent=self,
        )

    # ------------------------------------------------------------------ questions
    def _text_dialog(self, title: str, label: str, default: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, label, QLineEdit.EchoMode.Normal, default)
        return text if ok else None

    def _date_dialog(self, title: str, label: str, default: dt.date) -> dt.date | None:
        dialog = QDialog(self)
        dialog.setWindowTitle(title)
        form = QFormLayout(dialog)
        edit = date_edit(dialog, default)
        form.addRow(label, edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
        )
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form.addRow(buttons)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return pydate(edit.date())

    def _path_dialog(self, suffix: str, default: str) -> str:
        filters = self.tr("PDF (*.pdf)") if suffix == ".pdf" else self.tr("Spreadsheet (*.xlsx)")
        path, _f = QFileDialog.getSaveFileName(self, self.tr("Save report"), default, filters)
        if path and not path.lower().endswith(suffix):
            path += suffix
        return path

    def _confirm_dialog(self, question: str) -> bool:
        box = QMessageBox(self)
        box.setObjectName("confirmPlacementDialog")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Placements"))
        box.setText(question)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Yes

    # ------------------------------------------------------------------ lifecycle
    def release(self) -> None:
        self.save_layout()
        self.model.set_records([])
        self.checkins.set_records([])
        self.timeline.set_candidate(None)
        self.record = None
