"""The editor pane of a placement request: a Designer form bound to :class:`RequestData`.

The editor never writes to the database itself. It builds a :class:`RequestData` from the
widgets (:meth:`RequestEditor.form_data`), runs the service's validation on every change
and shows each sentence under the part of the form it concerns; Save stays disabled
until the request is valid and changed. Problems in parts the user has not touched yet
are counted in the summary but not shown inline, so a blank new request does not open
covered in red.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QHeaderView,
    QLabel,
    QListWidgetItem,
    QSizePolicy,
    QTableView,
    QWidget,
)

from wir_manager.domain.codes import M49_REGIONS, all_countries
from wir_manager.domain.enums import (
    Importance,
    LanguageLevel,
    OrganisationKind,
    Platform,
    RequestStatus,
    SkillLevel,
    Topic,
    WorkMode,
)
from wir_manager.qt import theme
from wir_manager.qt.forms.ui_request_editor import Ui_RequestEditor
from wir_manager.qt.models.request_requirements import (
    LanguageRequirementModel,
    SkillRequirementModel,
    importance_label,
    language_level_label,
    platform_label,
    skill_level_label,
)
from wir_manager.qt.widgets import write_access
from wir_manager.qt.widgets.requirement_delegates import (
    ChoiceDelegate,
    LanguageDelegate,
    fit_choice_columns,
)
from wir_manager.services import requests as rq
from wir_manager.services.localefmt import format_datetime

NEW_ORGANISATION = -1


class RequestEditor(QWidget):
    """Form for one request. ``state_changed`` fires whenever dirty/valid may change."""

    state_changed = Signal()
    save_requested = Signal()

    AREAS = ("title", "organisation", "duty", "dates", "languages", "skills", "regions")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_RequestEditor()
        self.ui.setupUi(self)
        self._loading = False
        self._baseline: rq.RequestData | None = None
        self._loaded: rq.RequestData | None = None
        self._problems: list[rq.Problem] = []
        self._touched: set[str] = set()
        # Enables Save when the form may be saved; the Requests screen replaces it to AND
        # in whether the login may write requests (widgets.write_access).
        self.enable_save: Callable[[bool], object] = self.ui.saveButton.setEnabled
        self.languages = LanguageRequirementModel(self)
        self.skills = SkillRequirementModel(self)
        self._setup_widgets()
        self._connect()
        self.load(None)

    # ------------------------------------------------------------------ setup
    def _setup_widgets(self) -> None:
        ui = self.ui
        font = ui.headingLabel.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        ui.headingLabel.setFont(font)
        self._muted(ui.updatedLabel)
        self._muted(ui.languagesHint)
        ui.orgNameEdit.setMaxLength(300)
        ui.titleEdit.setMaxLength(rq.MAX_TITLE)
        for status in RequestStatus:
            ui.statusCombo.addItem(self.tr(status.label), status.value)
        for mode in WorkMode:
            ui.workModeCombo.addItem(self.tr(mode.label), mode.value)
        for kind in OrganisationKind:
            ui.orgKindCombo.addItem(self.tr(kind.label), kind.value)
        for combo in (ui.dutyCountryCombo, ui.orgCountryCombo):
            self._fill_countries(combo)
        for spin in (ui.durationSpin, ui.positionsSpin):
            spin.setMaximumWidth(160)
        ui.placementGrid.setColumnStretch(1, 1)
        ui.placementGrid.setColumnStretch(3, 1)
        ui.durationSpin.setSuffix(self.tr(" months"))
        ui.durationSpin.setSpecialValueText(self.tr("—"))
        ui.newOrganisationBox.setVisible(False)

        for table, model in ((ui.languagesTable, self.languages), (ui.skillsTable, self.skills)):
            table.setModel(model)
            table.verticalHeader().setVisible(False)
            table.setEditTriggers(
                QAbstractItemView.EditTrigger.AllEditTriggers
                & ~QAbstractItemView.EditTrigger.CurrentChanged
            )
            header = table.horizontalHeader()
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            for col in range(1, model.columnCount()):
                header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
            table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
            for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset):
                signal.connect(lambda *_a, t=table: self._fit_table(t))
            self._fit_table(table)
        lm = LanguageRequirementModel
        ui.languagesTable.setItemDelegateForColumn(lm.LANGUAGE, LanguageDelegate(self))
        ui.languagesTable.setItemDelegateForColumn(
            lm.LEVEL,
            ChoiceDelegate(
                [(int(lv), "≥ " + language_level_label(lv)) for lv in LanguageLevel], self
            ),
        )
        importance = [(i.value, importance_label(i.value)) for i in Importance]
        ui.languagesTable.setItemDelegateForColumn(lm.IMPORTANCE, ChoiceDelegate(importance, self))
        ui.languagesTable.setItemDelegateForColumn(lm.GROUP, ChoiceDelegate(self._groups, self))
        sm = SkillRequirementModel
        ui.skillsTable.setItemDelegateForColumn(
            sm.PLATFORM,
            ChoiceDelegate([(p.value, platform_label(p.value)) for p in Platform], self),
        )
        ui.skillsTable.setItemDelegateForColumn(
            sm.LEVEL,
            ChoiceDelegate(
                [(int(lv), "≥ " + skill_level_label(lv)) for lv in SkillLevel if lv > 0], self
            ),
        )
        ui.skillsTable.setItemDelegateForColumn(sm.IMPORTANCE, ChoiceDelegate(importance, self))
        for table in (ui.languagesTable, ui.skillsTable):
            fit_choice_columns(table)

        for topic in Topic:
            item = QListWidgetItem(self.tr(topic.label), ui.topicsList)
            item.setData(Qt.ItemDataRole.UserRole, topic.value)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        top_codes = set(M49_REGIONS)
        for code, name in rq.priority_region_choices():
            item = QListWidgetItem(name if code in top_codes else "    " + name, ui.regionsList)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setToolTip(self.tr("UN M49 code {code}").format(code=code))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            if code in top_codes:
                bold = QFont(item.font())
                bold.setBold(True)
                item.setFont(bold)
        for lst in (ui.topicsList, ui.regionsList):
            lst.setMinimumHeight(150)
        for label in self._error_labels().values():
            label.setVisible(False)
        self.set_organisations([])

    @staticmethod
    def _fit_table(table: QTableView) -> None:
        """Size a requirement table to its rows (2 to 8 visible) instead of a fixed block."""
        rows = min(max(table.model().rowCount(), 2), 8)
        height = table.verticalHeader().defaultSectionSize() * rows
        height += table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth() + 6
        table.setFixedHeight(height)

    @staticmethod
    def _muted(label: QLabel) -> None:
        palette = label.palette()
        palette.setColor(label.foregroundRole(), theme.muted_text())
        label.setPalette(palette)

    def _fill_countries(self, combo: QComboBox) -> None:
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.addItem("", "")
        for code, name in all_countries():
            combo.addItem(f"{name} ({code})", code)
        completer = QCompleter(combo.model(), combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        combo.setCompleter(completer)
        combo.lineEdit().setPlaceholderText(self.tr("Type to search countries"))

    def _groups(self) -> list[tuple[int | None, str]]:
        rows = max(2, self.languages.rowCount())
        return [(None, self.tr("— (on its own)"))] + [
            (n, self.tr("One of, group {n}").format(n=n)) for n in range(1, rows + 1)
        ]

    def _connect(self) -> None:
        ui = self.ui
        ui.titleEdit.textChanged.connect(lambda: self._edited("title"))
        ui.organisationCombo.currentIndexChanged.connect(self._organisation_changed)
        for widget in (ui.orgNameEdit, ui.orgAcronymEdit):
            widget.textChanged.connect(lambda: self._edited("organisation"))
        ui.orgKindCombo.currentIndexChanged.connect(lambda: self._edited("organisation"))
        ui.orgCountryCombo.currentTextChanged.connect(lambda: self._edited("organisation"))
        ui.statusCombo.currentIndexChanged.connect(lambda: self._edited("status"))
        ui.descriptionEdit.textChanged.connect(lambda: self._edited("description"))
        ui.workModeCombo.currentIndexChanged.connect(self._work_mode_changed)
        ui.dutyCityEdit.textChanged.connect(lambda: self._edited("duty"))
        ui.dutyCountryCombo.currentTextChanged.connect(lambda: self._edited("duty"))
        ui.allowInTrainingCheck.toggled.connect(lambda: self._edited("status"))
        for widget in (ui.startDateEdit, ui.deadlineEdit):
            widget.textChanged.connect(lambda: self._edited("dates"))
        ui.durationSpin.valueChanged.connect(lambda: self._edited("dates"))
        ui.positionsSpin.valueChanged.connect(lambda: self._edited("dates"))
        for model, area in ((self.languages, "languages"), (self.skills, "skills")):
            model.dataChanged.connect(lambda *_a, a=area: self._edited(a))
            model.rowsInserted.connect(lambda *_a, a=area: self._edited(a))
            model.rowsRemoved.connect(lambda *_a, a=area: self._edited(a))
        ui.topicsList.itemChanged.connect(lambda: self._edited("topics"))
        ui.regionsList.itemChanged.connect(lambda: self._edited("regions"))
        ui.addLanguageButton.clicked.connect(self.add_language)
        ui.removeLanguageButton.clicked.connect(self.remove_language)
        ui.groupLanguageButton.clicked.connect(self.group_language)
        ui.addSkillButton.clicked.connect(self.add_skill)
        ui.removeSkillButton.clicked.connect(self.remove_skill)
        ui.revertButton.clicked.connect(self.revert)
        ui.saveButton.clicked.connect(self.save_requested)
        ui.summaryLabel.linkActivated.connect(lambda _link: self.touch_all())
        ui.languagesTable.selectionModel().currentRowChanged.connect(self._update_buttons)
        ui.skillsTable.selectionModel().currentRowChanged.connect(self._update_buttons)

    # ------------------------------------------------------------------ data in
    def set_organisations(self, organisations: list[rq.OrganisationRecord]) -> None:
        """Fill the organisation picker, keeping the current choice where it still exists."""
        combo = self.ui.organisationCombo
        current = combo.currentData()
        was_loading, self._loading = self._loading, True
        combo.clear()
        combo.addItem(self.tr("Choose an organisation…"), None)
        for org in organisations:
            combo.addItem(org.display, org.id)
            combo.setItemData(combo.count() - 1, org.name, Qt.ItemDataRole.ToolTipRole)
        combo.insertSeparator(combo.count())
        combo.addItem(self.tr("New organisation…"), NEW_ORGANISATION)
        found = combo.findData(current) if current is not None else -1
        combo.setCurrentIndex(max(found, 0))
        self._loading = was_loading

    def load(self, data: rq.RequestData | None) -> None:
        """Show ``data`` (or a blank new request) and make it the unchanged baseline."""
        ui = self.ui
        self._loading = True
        self._loaded = data
        fresh = data is None
        if data is None:
            start = dt.date.today().replace(day=1) + dt.timedelta(days=92)
            start = start.replace(day=1)
            deadline = (start - dt.timedelta(days=1)).replace(day=1)
            data = rq.RequestData(start_date=start, deadline=deadline)
        ui.headingLabel.setText(
            self.tr("New request") if fresh else self.tr("Request {id}").format(id=data.id)
        )
        ui.updatedLabel.setText(
            ""
            if fresh or data.updated_at is None
            else self.tr("Last changed {when}").format(when=format_datetime(data.updated_at))
        )
        ui.titleEdit.setText(data.title)
        ui.titleEdit.setCursorPosition(0)
        org = ui.organisationCombo.findData(data.organisation_id) if data.organisation_id else 0
        ui.organisationCombo.setCurrentIndex(max(org, 0))
        ui.orgNameEdit.clear()
        ui.orgAcronymEdit.clear()
        ui.orgKindCombo.setCurrentIndex(0)
        ui.orgCountryCombo.setCurrentIndex(0)
        ui.newOrganisationBox.setVisible(False)
        ui.statusCombo.setCurrentIndex(max(ui.statusCombo.findData(data.status), 0))
        ui.descriptionEdit.setPlainText(data.description)
        ui.workModeCombo.setCurrentIndex(max(ui.workModeCombo.findData(data.work_mode), 0))
        ui.dutyCityEdit.setText(data.duty_city or "")
        self._set_country(ui.dutyCountryCombo, data.duty_country)
        ui.startDateEdit.set_value(data.start_date)
        ui.deadlineEdit.set_value(data.deadline)
        ui.durationSpin.setValue(data.duration_months)
        ui.positionsSpin.setValue(data.positions)
        ui.allowInTrainingCheck.setChecked(data.allow_in_training)
        self.languages.set_requirements(data.languages)
        self.skills.set_requirements(data.skills)
        self._check_items(ui.topicsList, set(data.topics))
        self._check_items(ui.regionsList, set(data.priority_regions))
        self._apply_work_mode()
        self._loading = False
        self._touched = set() if fresh else set(self.AREAS)
        self._baseline = self.form_data()
        self._revalidate()
        ui.scrollArea.verticalScrollBar().setValue(0)

    @staticmethod
    def _set_country(combo: QComboBox, code: str | None) -> None:
        found = combo.findData(code or "")
        if found >= 0:
            combo.setCurrentIndex(found)
        else:
            combo.setEditText(code or "")

    @staticmethod
    def _check_items(lst, wanted: set[str]) -> None:
        for row in range(lst.count()):
            item = lst.item(row)
            checked = item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    # ------------------------------------------------------------------ data out
    @staticmethod
    def _country_of(combo: QComboBox) -> str | None:
        text = combo.currentText().strip()
        if not text:
            return None
        if combo.currentIndex() >= 0 and combo.itemText(combo.currentIndex()) == text:
            return combo.currentData() or None
        found = combo.findText(text, Qt.MatchFlag.MatchFixedString)
        return (combo.itemData(found) or None) if found >= 0 else text

    @staticmethod
    def _checked(lst) -> tuple[str, ...]:
        return tuple(
            lst.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(lst.count())
            if lst.item(row).checkState() == Qt.CheckState.Checked
        )

    def form_data(self) -> rq.RequestData:
        """The request as the form currently describes it (not validated)."""
        ui = self.ui
        org_choice = ui.organisationCombo.currentData()
        new_org = None
        org_id = None
        if org_choice == NEW_ORGANISATION:
            new_org = rq.NewOrganisation(
                name=ui.orgNameEdit.text(),
                acronym=ui.orgAcronymEdit.text() or None,
                kind=ui.orgKindCombo.currentData(),
                country=self._country_of(ui.orgCountryCombo),
            )
        elif org_choice is not None:
            org_id = int(org_choice)
        loaded = self._loaded
        return rq.RequestData(
            id=loaded.id if loaded else None,
            # What we saw when loading: the save is refused if someone changed it since.
            updated_at=loaded.updated_at if loaded else None,
            title=ui.titleEdit.text(),
            organisation_id=org_id,
            new_organisation=new_org,
            description=ui.descriptionEdit.toPlainText(),
            work_mode=ui.workModeCombo.currentData(),
            duty_city=ui.dutyCityEdit.text() or None,
            duty_country=self._country_of(ui.dutyCountryCombo),
            start_date=ui.startDateEdit.value_or_none(),
            duration_months=ui.durationSpin.value(),
            positions=ui.positionsSpin.value(),
            deadline=ui.deadlineEdit.value_or_none(),
            status=ui.statusCombo.currentData(),
            allow_in_training=ui.allowInTrainingCheck.isChecked(),
            languages=self.languages.requirements(),
            skills=self.skills.requirements(),
            topics=self._checked(ui.topicsList),
            priority_regions=self._checked(ui.regionsList),
        )

    # ------------------------------------------------------------------ state
    @property
    def request_id(self) -> int | None:
        return self._loaded.id if self._loaded else None

    def is_dirty(self) -> bool:
        return self._baseline is not None and self.form_data() != self._baseline

    def is_valid(self) -> bool:
        return not self._problems

    @property
    def problems(self) -> list[rq.Problem]:
        return list(self._problems)

    def revert(self) -> None:
        self.load(self._loaded)

    def touch_all(self) -> None:
        """Show every problem inline (e.g. after the user tried to save)."""
        self._touched = set(self.AREAS)
        self._revalidate()

    # ------------------------------------------------------------------ reactions
    def _edited(self, area: str) -> None:
        if self._loading:
            return
        self._touched.add(area)
        self._revalidate()

    def _organisation_changed(self) -> None:
        is_new = self.ui.organisationCombo.currentData() == NEW_ORGANISATION
        self.ui.newOrganisationBox.setVisible(is_new)
        if is_new and not self._loading:
            self.ui.orgNameEdit.setFocus()
        self._edited("organisation")

    def _work_mode_changed(self) -> None:
        self._apply_work_mode()
        self._edited("duty")

    def _apply_work_mode(self) -> None:
        remote = self.ui.workModeCombo.currentData() == WorkMode.REMOTE.value
        for widget in (
            self.ui.dutyCityEdit,
            self.ui.dutyCountryCombo,
            self.ui.dutyCityLabel,
            self.ui.dutyCountryLabel,
        ):
            widget.setEnabled(not remote)

    def _error_labels(self) -> dict[str, QLabel]:
        ui = self.ui
        return {
            "title": ui.titleError,
            "description": ui.descriptionError,
            "organisation": ui.organisationError,
            "duty": ui.dutyError,
            "dates": ui.datesError,
            "duration": ui.datesError,
            "positions": ui.datesError,
            "status": ui.organisationError,
            "languages": ui.languagesError,
            "skills": ui.skillsError,
            "topics": ui.regionsError,
            "regions": ui.regionsError,
        }

    def _revalidate(self) -> None:
        self._problems = rq.validate_request(self.form_data())
        if not (self.ui.startDateEdit.is_valid() and self.ui.deadlineEdit.is_valid()):
            self._problems.append(rq.Problem("dates", self.tr("Use a date like 2026-09-01.")))
        labels = self._error_labels()
        shown: dict[QLabel, list[str]] = {label: [] for label in labels.values()}
        for problem in self._shown_problems():
            shown[labels[problem.field]].append(problem.message)
        colour = theme.error_text().name()
        for label, messages in shown.items():
            self._show(label, "\n".join(dict.fromkeys(messages)), colour)
        self._update_summary()
        self._update_buttons()
        self.state_changed.emit()

    def _update_summary(self) -> None:
        """Count only the problems shown beside their fields (a blank form said "3 things
        to fix before saving" before anything was typed, with the details in a tooltip,
        #16.13); the rest are offered behind a "show" link rather than hidden."""
        ui = self.ui
        dirty = self.is_dirty()
        label = ui.summaryLabel
        shown = self._shown_problems()
        hidden = len(self._problems) - len(shown)
        parts: list[str] = []
        if shown:
            parts.append(self.tr("%n thing(s) to fix before saving", "", len(shown)))
        if hidden and (shown or self._touched):
            parts.append(self.tr("%n more not filled in yet", "", hidden))
        if parts:
            text = html.escape(" · ".join(parts))
            if hidden:
                link = html.escape(self.tr("show them"))
                text += f' (<a href="show">{link}</a>)'
            self._show(label, text, theme.error_text().name(), keep_visible=True)
        elif self._problems:
            text = self.tr("New request: fill in the form to save it.")
            self._show(label, text, theme.muted_text().name(), keep_visible=True)
        else:
            text = self.tr("Unsaved changes") if dirty else self.tr("All changes saved")
            self._show(label, text, "" if dirty else theme.muted_text().name(), keep_visible=True)
        if label.toolTip():
            label.setToolTip("")
        can_save = dirty and not self._problems
        if ui.saveButton.isEnabled() != can_save:
            self.enable_save(can_save)
        if ui.revertButton.isEnabled() != dirty:
            ui.revertButton.setEnabled(dirty)

    def _shown_problems(self) -> list[rq.Problem]:
        """The problems of the areas touched so far (shown beside their fields)."""
        touched = self._touched | ({"dates"} if self._touched else set())
        return [
            p
            for p in self._problems
            if p.field in touched
            or ("dates" if p.field in ("duration", "positions") else p.field) in touched
        ]

    def _show(self, label: QLabel, text: str, colour: str, keep_visible: bool = False) -> None:
        """Update a message label only where something changed: typing re-validates on every
        keystroke, and unchanged labels need no repaint."""
        if label.text() != text:
            label.setText(text)
        style = f"color: {colour};" if colour else ""
        if label.styleSheet() != style:
            label.setStyleSheet(style)
        visible = keep_visible or bool(text)
        if label.isVisibleTo(self) != visible:
            label.setVisible(visible)

    def set_read_only(self, reason: str | None) -> None:
        """Read-only with ``reason`` shown at the top (a login that may not change
        requests), or editable again when None (see :func:`write_access.set_read_only`)."""
        if write_access.set_read_only(self, reason):
            self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        ui = self.ui
        lang_row = ui.languagesTable.currentIndex().row()
        enable = write_access.enable_in_form
        enable(self, [ui.addLanguageButton, ui.addSkillButton])
        enable(self, [ui.removeLanguageButton], lang_row >= 0)
        enable(self, [ui.groupLanguageButton], lang_row > 0)
        enable(self, [ui.removeSkillButton], ui.skillsTable.currentIndex().row() >= 0)

    # ------------------------------------------------------------------ requirement rows
    def add_language(self, code: str = "") -> None:
        if write_access.form_refusal(self):  # read-only: the rows stay as loaded
            return
        row = self.languages.add_requirement(code if isinstance(code, str) else "")
        index = self.languages.index(row, LanguageRequirementModel.LANGUAGE)
        self.ui.languagesTable.setCurrentIndex(index)
        if not code:
            self.ui.languagesTable.edit(index)

    def remove_language(self) -> None:
        if write_access.form_refusal(self):
            return
        row = self.ui.languagesTable.currentIndex().row()
        self.languages.remove_row(row)

    def group_language(self) -> None:
        if write_access.form_refusal(self):
            return
        self.languages.group_with_previous(self.ui.languagesTable.currentIndex().row())

    def add_skill(self) -> None:
        if write_access.form_refusal(self):
            return
        row = self.skills.add_requirement()
        index = self.skills.index(row, SkillRequirementModel.PLATFORM)
        self.ui.skillsTable.setCurrentIndex(index)
        self.ui.skillsTable.edit(index)

    def remove_skill(self) -> None:
        if write_access.form_refusal(self):
            return
        self.skills.remove_row(self.ui.skillsTable.currentIndex().row())
