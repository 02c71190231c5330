"""The candidate detail pane: every section of one person, validated as you type.

The form is ``ui/candidate_editor.ui``; this class fills it from a
:class:`~wir_manager.services.candidate_records.CandidateDetail`, reads it back as
:class:`~wir_manager.services.candidate_records.CandidateData`, and keeps Save disabled until
something changed and everything is valid. It never touches the database: the screen
saves, so the same editor works for new and existing candidates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QFont, QIcon
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QWidget,
)

from wir_manager.domain.enums import (
    LanguageLevel,
    Platform,
    SkillLevel,
    Stage,
    Topic,
)
from wir_manager.qt import theme
from wir_manager.qt.dialogs.common import show_message
from wir_manager.qt.forms.ui_candidate_editor import Ui_CandidateEditor
from wir_manager.qt.labels import stage_label
from wir_manager.qt.models.candidate_details import (
    HistoryModel,
    LanguageListModel,
    TrainingModel,
    level_label,
)
from wir_manager.qt.widgets import pickers, write_access
from wir_manager.services import candidate_records
from wir_manager.services.candidate_records import (
    FIELD,
    CandidateData,
    CandidateDetail,
    FieldSpec,
    HistoryEntry,
    Kind,
    find_affiliate,
)
from wir_manager.services.records import PlatformSkill

UsernameCheck = Callable[[str, int | None], bool]


# Combo item data for each yes / no / not recorded answer (a combo's data cannot tell
# None from "no data").
_ANSWER_KEY: dict[bool | None, str] = {None: "unknown", True: "yes", False: "no"}
_KEY_ANSWER: dict[str, bool | None] = {v: k for k, v in _ANSWER_KEY.items()}


def _tr(text: str) -> str:
    return QCoreApplication.translate("CandidateEditor", text)


class CandidateEditor(QWidget):
    # True when the form differs from what was loaded.
    dirtyChanged = Signal(bool)
    saveRequested = Signal()
    revertRequested = Signal()
    # The person asked to add the affiliate name they typed (the screen adds it through
    # the service and hands the new list back with :meth:`set_affiliates`).
    addAffiliateRequested = Signal(str)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        username_taken: UsernameCheck | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_CandidateEditor()
        self.ui.setupUi(self)
        self.username_taken = username_taken
        self.candidate_id: int | None = None
        self._baseline = CandidateData()
        self._loading = False
        self._dirty = False
        self._errors: dict[str, str] = {}
        self._problems_visible = False
        # Enables Save when the form may be saved; the Candidates screen replaces it to
        # AND in whether the login may write candidates (widgets.write_access), so a
        # change to the form cannot enable Save for a viewer.
        self.enable_save: Callable[[bool], object] = self.ui.saveButton.setEnabled
        self._build_choices()
        self._build_error_markers()
        self._connect()
        self.load(None)

    # ------------------------------------------------------------------ setup
    def _build_choices(self) -> None:
        ui = self.ui
        heading = ui.headingLabel.font()
        heading.setPointSizeF(heading.pointSizeF() * 1.35)
        heading.setWeight(QFont.Weight.DemiBold)
        ui.headingLabel.setFont(heading)
        for stage in Stage:
            ui.stageCombo.addItem(stage_label(stage.value), stage.value)
        pickers.fill_on_use(ui.countryCombo, pickers.country_items, empty="—")
        for answer, text in (
            (None, _tr("Not recorded")),
            (True, _tr("Willing to relocate for an on-site placement")),
            (False, _tr("Will not relocate")),
        ):
            ui.relocationCombo.addItem(text, _ANSWER_KEY[answer])
        pickers.fill_on_use(ui.languageCombo, pickers.language_items)
        for level in LanguageLevel:
            ui.languageLevelCombo.addItem(level_label(level), int(level))
        ui.languageLevelCombo.setCurrentIndex(ui.languageLevelCombo.findData(int(LanguageLevel.B2)))
        self.languages = LanguageListModel(self)
        ui.languagesTable.setModel(self.languages)
        self.training = TrainingModel(self)
        ui.trainingTable.setModel(self.training)
        self.history = HistoryModel(self)
        ui.historyTable.setModel(self.history)
        for table in (ui.languagesTable, ui.trainingTable, ui.historyTable):
            table.verticalHeader().hide()
            table.horizontalHeader().setStretchLastSection(True)
            table.setWordWrap(False)
        for table in (ui.languagesTable, ui.trainingTable):
            header = table.horizontalHeader()
            header.setStretchLastSection(False)
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        ui.historyTable.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        ui.historyTable.horizontalHeader().setStretchLastSection(True)
        self.skill_combos: dict[str, QComboBox] = {}
        for platform in Platform:
            combo = QComboBox(ui.skillsGroup)
            combo.setObjectName(f"skill_{platform.value}")
            for level in SkillLevel:
                label = _tr("none") if level == SkillLevel.NONE else _tr(level.label)
                combo.addItem(label, int(level))
            label = QCoreApplication.translate("Enums", platform.label).replace("&", "&&")
            ui.skillsForm.addRow(label, combo)
            self.skill_combos[platform.value] = combo
        self.topic_checks: dict[str, QCheckBox] = {}
        for n, topic in enumerate(Topic):
            text = QCoreApplication.translate("Enums", topic.label).replace("&", "&&")
            check = QCheckBox(text, ui.topicsGroup)
            check.setObjectName(f"topic_{topic.value}")
            ui.topicsGrid.addWidget(check, n // 2, n % 2)
            self.topic_checks[topic.value] = check
        # Long country / affiliate names must not dictate the pane's width.
        for combo in (
            ui.countryCombo,
            ui.affiliateCombo,
            ui.stageCombo,
            ui.languageCombo,
            ui.relocationCombo,
        ):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(14)
        for combo in self.skill_combos.values():
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(10)
        # Every tab stays in view: scroll arrows shifted the tabs under the pointer and
        # caused misclicks (#16.5). The editor is as wide as its tab bar, at least.
        ui.tabs.setUsesScrollButtons(False)
        ui.tabs.setElideMode(Qt.TextElideMode.ElideNone)
        # A fresh database has no affiliates and none is seeded: the one a person types
        # is added where it is picked (#16.11).
        row = QWidget(ui.profileContents)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        ui.profileForm.replaceWidget(ui.affiliateCombo, row)
        layout.addWidget(ui.affiliateCombo, 1)
        # Its label now labels the row, so a screen reader would announce the box unnamed.
        ui.affiliateCombo.setAccessibleName(ui.affiliateLabel.text().replace("&", "").rstrip(":"))
        self.add_affiliate_button = QPushButton(_tr("Add affiliate"), row)
        self.add_affiliate_button.setObjectName("addAffiliateButton")
        self.add_affiliate_button.setIcon(theme.icon("add"))
        self.add_affiliate_button.setToolTip(_tr("Add the affiliate typed here to the list"))
        self.add_affiliate_button.setEnabled(False)
        layout.addWidget(self.add_affiliate_button)
        ui.saveButton.setIcon(theme.icon("save"))
        ui.addLanguageButton.setIcon(theme.icon("add"))
        ui.removeLanguageButton.setIcon(theme.icon("delete"))

    def _build_error_markers(self) -> None:
        """A warning icon inside each line edit that holds a mistake, with the sentence
        as its tooltip; colours come from the style, so dark mode stays readable."""
        ui = self.ui
        # The widget of every field in FIELDS; a field's kind says how it is shown and
        # read back (:func:`_show`, :func:`_read`). Children have their own widgets.
        self.bindings: dict[str, QWidget] = {
            "full_name": ui.fullNameEdit,
            "latin_name": ui.latinNameEdit,
            "username": ui.usernameEdit,
            "email": ui.emailEdit,
            "phone": ui.phoneEdit,
            "country": ui.countryCombo,
            "affiliate_id": ui.affiliateCombo,
            "gender": ui.genderEdit,
            "stage": ui.stageCombo,
            "available_from": ui.availableFromEdit,
            "available_until": ui.availableUntilEdit,
            "willing_to_relocate": ui.relocationCombo,
            "active_since": ui.activeSinceEdit,
            "edit_count": ui.editCountEdit,
            "consent_store": ui.consentStoreCheck,
            "consent_store_at": ui.consentStoreDate,
            "consent_propose": ui.consentProposeCheck,
            "consent_propose_at": ui.consentProposeDate,
            "consent_share_contact": ui.consentShareCheck,
            "consent_share_contact_at": ui.consentShareDate,
            "notes": ui.notesEdit,
        }
        self.field_widgets: dict[str, QWidget] = {
            **self.bindings,
            "languages": ui.languagesTable,
            "skills": ui.skillsGroup,
            "topics": ui.topicsGroup,
        }
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self._markers: dict[str, QAction] = {}
        for name, widget in self.field_widgets.items():
            edit = widget if isinstance(widget, QLineEdit) else None
            if isinstance(widget, QComboBox) and widget.isEditable():
                edit = widget.lineEdit()
            if edit is None:
                continue
            action = edit.addAction(warning, QLineEdit.ActionPosition.TrailingPosition)
            action.setVisible(False)
            self._markers[name] = action

    def _connect(self) -> None:
        ui = self.ui
        for widget in self.bindings.values():
            if isinstance(widget, QLineEdit | QPlainTextEdit):
                widget.textChanged.connect(self._changed)
            elif isinstance(widget, QCheckBox):
                widget.toggled.connect(self._changed)
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self._changed)
                if widget.isEditable():
                    widget.editTextChanged.connect(self._changed)
        for combo in self.skill_combos.values():
            combo.currentIndexChanged.connect(self._changed)
        for check in self.topic_checks.values():
            check.toggled.connect(self._changed)
        for check, date_edit in self._consent_pairs():
            check.toggled.connect(
                lambda on, d=date_edit: (
                    d.setText(dt.date.today().isoformat())
                    if on and not d.text().strip() and not self._loading
                    else None
                )
            )
        ui.addLanguageButton.clicked.connect(self.add_language)
        self.add_affiliate_button.clicked.connect(
            lambda: self.addAffiliateRequested.emit(self.typed_affiliate())
        )
        ui.removeLanguageButton.clicked.connect(self.remove_language)
        # Enter after picking a language goes on to its level (it added the language at
        # the default B2 before a level was chosen, #16.12); Add adds it.
        ui.languageCombo.lineEdit().returnPressed.connect(
            lambda: ui.languageLevelCombo.setFocus(Qt.FocusReason.TabFocusReason)
        )
        ui.saveButton.clicked.connect(self.saveRequested)
        ui.revertButton.clicked.connect(self.revertRequested)
        ui.problemButton.clicked.connect(self.go_to_problem)
        ui.tabs.currentChanged.connect(lambda _i: self._show_problems(self._problems_visible))
        ui.fullNameEdit.textChanged.connect(self._update_heading)
        ui.usernameEdit.textChanged.connect(self._update_heading)

    def _consent_pairs(self) -> list[tuple[QCheckBox, QLineEdit]]:
        ui = self.ui
        return [
            (ui.consentStoreCheck, ui.consentStoreDate),
            (ui.consentProposeCheck, ui.consentProposeDate),
            (ui.consentShareCheck, ui.consentShareDate),
        ]

    def set_affiliates(
        self, items: Sequence[tuple[int, str]], *, select: int | None = None
    ) -> None:
        """The affiliates to pick from; ``select`` picks one (a just-added affiliate),
        else the one shown stays picked."""
        combo = self.ui.affiliateCombo
        current = combo.currentData() if select is None else select
        typed = self.typed_affiliate()
        combo.blockSignals(True)
        combo.clear()
        # "None" is an empty box showing "—" as placeholder: a "—" text would become
        # "—Wiki…" once the person types (the language picker's "Arabic (ar)Arab").
        combo.addItem("", None)
        combo.lineEdit().setPlaceholderText("—")
        for affiliate_id, name in items:
            combo.addItem(name, affiliate_id)
        pickers.fill_completer_only(combo)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        if select is None and typed and combo.currentIndex() == 0:
            combo.setEditText(typed)  # a name typed but not yet added stays
        combo.blockSignals(False)
        self._changed()

    def affiliate_items(self) -> list[tuple[int, str]]:
        combo = self.ui.affiliateCombo
        return [(combo.itemData(i), combo.itemText(i)) for i in range(1, combo.count())]

    def typed_affiliate(self) -> str:
        """The affiliate name in the box ("" for none)."""
        typed = " ".join(self.ui.affiliateCombo.currentText().split())
        return "" if typed == "—" else typed

    # ------------------------------------------------------------------ load
    def load(self, detail: CandidateDetail | None, history: Sequence[HistoryEntry] = ()) -> None:
        """Show ``detail`` (None = a blank new candidate) as the unchanged state."""
        self._loading = True
        try:
            self.candidate_id = detail.id if detail else None
            # When the shown record was last saved; the save is refused if it changed since.
            self.loaded_updated_at = detail.updated_at if detail else None
            data = detail.data if detail else CandidateData()
            self._baseline = data.normalised()
            self._fill(data)
            self.training.set_records(detail.training if detail else ())
            self.history.set_records(history)
            self._training_summary(detail)
            self.ui.historyTab.setEnabled(detail is not None)
            self.ui.trainingTab.setEnabled(detail is not None)
        finally:
            self._loading = False
        self._update_heading()
        self._changed()

    def clear_all(self) -> None:
        """Forget the shown person entirely (lock)."""
        self.load(None)

    def set_read_only(self, reason: str | None) -> None:
        """Read-only with ``reason`` shown at the top (a login that may not change
        candidates), or editable again when None (see :func:`write_access.set_read_only`)."""
        if write_access.set_read_only(self, reason):
            ui = self.ui
            write_access.enable_in_form(self, [ui.addLanguageButton, ui.removeLanguageButton])
            self.form_data()  # Add affiliate follows what is typed, and the form

    def _fill(self, data: CandidateData) -> None:
        for name, widget in self.bindings.items():
            _show(FIELD[name], widget, getattr(data, name))
        self.languages.set_records(sorted(data.languages, key=lambda r: (-r.level, r.code)))
        levels = {s.platform: s.level for s in data.skills}
        for platform, combo in self.skill_combos.items():
            combo.setCurrentIndex(max(0, combo.findData(levels.get(platform, 0))))
        for topic, check in self.topic_checks.items():
            check.setChecked(topic in data.topics)

    def _training_summary(self, detail: CandidateDetail | None) -> None:
        if detail is None:
            self.ui.trainingSummary.setText(
                _tr("Training is recorded once the candidate is saved.")
            )
            return
        done, total = detail.mandatory_progress
        if detail.training_complete:
            text = _tr("Training complete: all {n} mandatory modules done.").format(n=total)
        else:
            text = _tr("{done} of {n} mandatory modules completed.").format(done=done, n=total)
        self.ui.trainingSummary.setText(text + " " + _tr("Edit progress on the Training screen."))

    def _update_heading(self) -> None:
        name = self.ui.fullNameEdit.text().strip()
        user = self.ui.usernameEdit.text().strip()
        if not name and not user:
            self.ui.headingLabel.setText(
                _tr("New candidate") if self.candidate_id is None else _tr("(no name)")
            )
        else:
            # Isolate the name (FSI … PDI) and start with LRM so an Arabic or Hebrew name
            # does not turn the whole heading right-to-left and swap it with the username.
            isolated = f"\u2068{name}\u2069"
            self.ui.headingLabel.setText(
                f"\u200e{isolated}  ·  {user}" if user else f"\u200e{isolated}"
            )

    # ------------------------------------------------------------------ languages
    def add_language(self) -> bool:
        if write_access.form_refusal(self):
            return False
        code = pickers.current_code(self.ui.languageCombo)
        if not code:
            show_message(
                self.ui.errorLabel, _tr("Pick a language from the list first."), error=True
            )
            return False
        self.languages.set_level(code, int(self.ui.languageLevelCombo.currentData()))
        self._changed()
        return True

    def remove_language(self) -> None:
        if write_access.form_refusal(self):
            return
        rows = self.ui.languagesTable.selectionModel().selectedRows()
        if rows:
            self.languages.remove(rows[0].row())
            self._changed()

    # ------------------------------------------------------------------ read back
    def form_data(self) -> tuple[CandidateData, dict[str, str]]:
        """What the form says now, and the fields that cannot even be read."""
        problems: dict[str, str] = {}
        values = {
            name: _read(FIELD[name], widget, problems) for name, widget in self.bindings.items()
        }
        typed = self.typed_affiliate()
        found = find_affiliate(self.affiliate_items(), typed) if typed else None
        values["affiliate_id"] = found[0] if found else None
        addable = bool(typed) and found is None
        write_access.enable_in_form(self, [self.add_affiliate_button], addable)
        if addable:
            problems["affiliate_id"] = _tr(
                "“{name}” is not in the list: pick one, or Add affiliate to add it."
            ).format(name=typed)
        data = CandidateData(
            **values,
            languages=self.languages.records(),
            skills=tuple(
                PlatformSkill(platform, int(combo.currentData()))
                for platform, combo in self.skill_combos.items()
                if int(combo.currentData()) > 0
            ),
            topics=tuple(t for t, check in self.topic_checks.items() if check.isChecked()),
        ).normalised()
        return data, problems

    def errors(self) -> dict[str, str]:
        return dict(self._errors)

    def is_dirty(self) -> bool:
        return self._dirty

    def is_valid(self) -> bool:
        return not self._errors

    # ------------------------------------------------------------------ validation
    def _changed(self) -> None:
        if self._loading:
            return
        data, problems = self.form_data()
        errors = candidate_records.validate(data)
        errors.update(problems)
        if (
            "username" not in errors
            and self.username_taken is not None
            and data.username
            and data.username.casefold() != self._baseline.username.casefold()
            and self.username_taken(data.username, self.candidate_id)
        ):
            errors["username"] = _tr("Another candidate already has this username.")
        self._errors = errors
        dirty = bool(problems) or data != self._baseline
        self.enable_save(dirty and not errors)
        self.ui.revertButton.setEnabled(dirty)
        # A blank new form is not scolded; a stored record that cannot be saved as it is
        # (e.g. imported with consent but no date) says so at once (#16.4).
        self._show_problems(dirty or self.candidate_id is not None)
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirtyChanged.emit(dirty)

    def show_errors(self, errors: dict[str, str]) -> None:
        """Errors found on save (e.g. a username taken meanwhile): shown, and the first
        one's tab is brought forward with its field focused."""
        self._errors = dict(errors)
        self._show_problems(True)
        self.enable_save(False)
        self.go_to_problem()

    # ------------------------------------------------------------------ problems
    def _tab_index(self, field: str) -> int:
        """The tab that holds ``field``'s widget (-1 when it is not on a tab)."""
        widget = self.field_widgets.get(field)
        tabs = self.ui.tabs
        while widget is not None:
            index = tabs.indexOf(widget)
            if index >= 0:
                return index
            widget = widget.parentWidget()
        return -1

    def problem_tabs(self) -> list[int]:
        """Tabs holding a field with a problem, in tab order."""
        return sorted({i for i in map(self._tab_index, self._errors) if i >= 0})

    def _show_problems(self, visible: bool) -> None:
        errors = self._errors if visible else {}
        for name, action in self._markers.items():
            action.setVisible(name in errors)
            action.setToolTip(errors.get(name, ""))
        tabs = self.ui.tabs
        by_tab: dict[int, list[str]] = {}
        for name, message in errors.items():
            by_tab.setdefault(self._tab_index(name), []).append(message)
        sentences: list[str] = []
        for index in sorted(by_tab):
            texts = list(dict.fromkeys(by_tab[index]))
            if index >= 0 and (index != tabs.currentIndex() or len(by_tab) > 1):
                # Name the tab when the problem is not (only) on the one shown.
                sentences.append(
                    _tr("{tab}: {problems}").format(
                        tab=self.tab_title(index), problems=" ".join(texts)
                    )
                )
            else:
                sentences.extend(texts)
        show_message(self.ui.errorLabel, " ".join(sentences[:3]), error=True)
        self._problems_visible = bool(errors)
        self._show_problem_tabs()

    def tab_title(self, index: int) -> str:
        """A tab's title without its mnemonic ampersand."""
        return self.ui.tabs.tabText(index).replace("&&", "\0").replace("&", "").replace("\0", "&")

    def _show_problem_tabs(self) -> None:
        """A warning icon on each tab with a problem, and a button to the first one when
        it is not the tab shown."""
        tabs = self.ui.tabs
        flagged = self.problem_tabs() if self._problems_visible else []
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for index in range(tabs.count()):
            tabs.setTabIcon(index, warning if index in flagged else QIcon())
        elsewhere = [i for i in flagged if i != tabs.currentIndex()]
        button = self.ui.problemButton
        if elsewhere:
            button.setText(_tr("Go to {tab}").format(tab=self.tab_title(elsewhere[0])))
        button.setVisible(bool(elsewhere))

    def go_to_problem(self) -> None:
        """Show the tab of the first field with a problem and put the cursor there."""
        order = {name: n for n, name in enumerate(self.field_widgets)}
        names = sorted(self._errors, key=lambda n: (self._tab_index(n), order.get(n, len(order))))
        for name in names:
            index = self._tab_index(name)
            if index < 0:
                continue
            self.ui.tabs.setCurrentIndex(index)
            widget = self.field_widgets[name]
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            return


def _show(spec: FieldSpec, widget: QWidget, value: object) -> None:
    """Put a field's value into its widget (the kind says how)."""
    kind = spec.kind
    if isinstance(widget, QLineEdit):
        if kind is Kind.DATE:
            widget.setText(value.isoformat() if isinstance(value, dt.date) else "")
        else:
            widget.setText("" if value is None else str(value))
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(str(value or ""))
    elif isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    elif isinstance(widget, QComboBox):
        if kind is Kind.COUNTRY:
            pickers.select_code(widget, value)  # type: ignore[arg-type]
        elif kind is Kind.YES_NO_UNKNOWN:
            widget.setCurrentIndex(max(0, widget.findData(_ANSWER_KEY[value])))  # type: ignore[index]
        else:
            widget.setCurrentIndex(max(0, widget.findData(value)) if value is not None else 0)


def _read(spec: FieldSpec, widget: QWidget, problems: dict[str, str]) -> object:
    """A field's value from its widget; what cannot even be read goes into ``problems``."""
    kind = spec.kind
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QComboBox):
        if kind is Kind.COUNTRY:
            code = pickers.current_code(widget)
            if code == "":
                problems[spec.name] = _tr("Pick a country from the list.")
                return None
            return code
        if kind is Kind.YES_NO_UNKNOWN:
            return _KEY_ANSWER.get(widget.currentData())
        if kind is Kind.STAGE:
            return widget.currentData() or Stage.APPLIED
        return widget.currentData()
    assert isinstance(widget, QLineEdit)
    text = widget.text()
    if kind is Kind.DATE:
        if not text.strip():
            return None
        try:
            return dt.date.fromisoformat(text.strip())
        except ValueError:
            problems[spec.name] = _tr("Use a date like 2026-09-01.")
            return None
    if kind in (Kind.YEAR, Kind.COUNT):
        digits = text.strip().replace(",", "").replace(" ", "")
        if not digits:
            return None
        try:
            return int(digits)
        except ValueError:
            problems[spec.name] = _tr("Use a whole number.")
            return None
    return text
