"""The Candidates screen's row of filters: stage, place, language ≥ level, skill ≥ level,
topic, "training complete", and Clear.

A widget of its own so the screen keeps only what it does with a filter (apply it to the
table, keep the selection): the bar owns its choices, keeps the level boxes meaningful
(a minimum level is only enabled once a language or skill is chosen), and answers one
:class:`CandidateFilter` value. The search box lives in the screen's toolbar but is part
of the same filter, so the bar is given it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wir_manager.domain import codes
from wir_manager.domain.enums import LanguageLevel, Platform, SkillLevel, Stage, Topic
from wir_manager.qt.labels import stage_label
from wir_manager.qt.widgets import pickers
from wir_manager.qt.widgets.pickers import level_label
from wir_manager.services.candidate_index import CandidateFilter


def _enum_tr(text: str) -> str:
    return QCoreApplication.translate("Enums", text)


def place_items() -> list[tuple[str, str]]:
    """UN regions, then sub-regions, then countries: "Africa" and "Kenya" both filter."""
    places: list[tuple[str, str]] = list(codes.region_names())
    subregions: dict[str, str] = {}
    for code, _name in codes.all_countries():
        region = codes.region_of(code)
        if region is not None:
            subregions[region.subregion_code] = region.subregion
    places += sorted(subregions.items(), key=lambda item: item[1])
    places += codes.all_countries()
    return places


class CandidateFilterBar(QWidget):
    """Filter controls for the candidate table; ``changed`` fires on any change."""

    changed = Signal()

    def __init__(self, search_edit: QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("candidateFilterBar")
        self.searchEdit = search_edit
        # Two rows: ten filters on one made the screen 1,206 px wide on its own, more than
        # a 1366 px laptop has beside the sidebar; topic, training, wiki and Clear go below.
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        layout = QHBoxLayout()
        rows.addLayout(layout)
        # The second row (other widgets, such as the wiki filter, may join it).
        self.second_row = QHBoxLayout()
        self.second_row.setObjectName("filterLayout2")
        rows.addLayout(self.second_row)

        def combo(name: str, accessible: str, *, editable: bool = False) -> QComboBox:
            box = QComboBox(self)
            box.setObjectName(name)
            box.setAccessibleName(accessible)
            if editable:
                box.setEditable(True)
                box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            layout.addWidget(box)
            return box

        self.stageFilter = combo("stageFilter", self.tr("Stage filter"))
        self.placeFilter = combo("placeFilter", self.tr("Country or region filter"), editable=True)
        self.languageFilter = combo("languageFilter", self.tr("Language filter"), editable=True)
        self.languageLevelFilter = combo("languageLevelFilter", self.tr("Minimum language level"))
        self.skillFilter = combo("skillFilter", self.tr("Platform skill filter"))
        self.skillLevelFilter = combo("skillLevelFilter", self.tr("Minimum skill level"))
        layout.addStretch(1)
        layout = self.second_row
        self.topicFilter = combo("topicFilter", self.tr("Topic filter"))
        self.trainingFilter = QCheckBox(self.tr("Training complete"), self)
        self.trainingFilter.setObjectName("trainingFilter")
        layout.addWidget(self.trainingFilter)
        self.clearFiltersButton = QPushButton(self.tr("Clear filters"), self)
        self.clearFiltersButton.setObjectName("clearFiltersButton")
        layout.addWidget(self.clearFiltersButton)
        layout.addStretch(1)
        self._fill()
        self._connect()

    # ------------------------------------------------------------------ setup
    def _fill(self) -> None:
        level: LanguageLevel | SkillLevel
        self.stageFilter.addItem(self.tr("All stages"), None)
        for stage in Stage:
            self.stageFilter.addItem(stage_label(stage.value), stage.value)
        pickers.fill_on_use(self.placeFilter, place_items, empty=self.tr("All places"))
        pickers.fill_on_use(
            self.languageFilter, pickers.language_items, empty=self.tr("Any language")
        )
        for level in LanguageLevel:
            self.languageLevelFilter.addItem("≥ " + level_label(level), int(level))
        self.skillFilter.addItem(self.tr("Any skill"), None)
        for platform in Platform:
            self.skillFilter.addItem(_enum_tr(platform.label), platform.value)
        for level in (SkillLevel.BASIC, SkillLevel.INTERMEDIATE, SkillLevel.ADVANCED):
            # The skill levels' own context: "Enums" has no "Intermediate" (#16.16).
            label = QCoreApplication.translate("SkillLevel", SkillLevel(level).label)
            self.skillLevelFilter.addItem("≥ " + label, int(level))
        self._default_levels()
        self.topicFilter.addItem(self.tr("Any topic"), None)
        for topic in Topic:
            self.topicFilter.addItem(_enum_tr(topic.label), topic.value)
        for box, length in (
            (self.stageFilter, 8),
            (self.placeFilter, 10),
            (self.languageFilter, 10),
            (self.skillFilter, 10),
            (self.topicFilter, 13),
        ):
            box.setSizeAdjustPolicy(box.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(length)

    def _connect(self) -> None:
        self.searchEdit.textChanged.connect(self.changed)
        for box in self._combos():
            box.currentIndexChanged.connect(self.changed)
        self.trainingFilter.toggled.connect(self.changed)
        self.languageFilter.currentIndexChanged.connect(self._sync_level_filters)
        self.skillFilter.currentIndexChanged.connect(self._sync_level_filters)
        self._sync_level_filters()
        self.clearFiltersButton.clicked.connect(self.clear)

    def _default_levels(self) -> None:
        """At least B2 in a language, at least intermediate in a skill."""
        self.languageLevelFilter.setCurrentIndex(
            self.languageLevelFilter.findData(int(LanguageLevel.B2))
        )
        self.skillLevelFilter.setCurrentIndex(
            self.skillLevelFilter.findData(int(SkillLevel.INTERMEDIATE))
        )

    def _combos(self) -> tuple[QComboBox, ...]:
        return (
            self.stageFilter,
            self.placeFilter,
            self.languageFilter,
            self.languageLevelFilter,
            self.skillFilter,
            self.skillLevelFilter,
            self.topicFilter,
        )

    def _sync_level_filters(self) -> None:
        """A minimum level only means something once a language / skill is chosen."""
        self.languageLevelFilter.setEnabled(self.languageFilter.currentIndex() > 0)
        self.skillLevelFilter.setEnabled(self.skillFilter.currentIndex() > 0)

    # ------------------------------------------------------------------ value
    def current_filter(self) -> CandidateFilter:
        stage = self.stageFilter.currentData()
        language = pickers.current_code(self.languageFilter)
        skill = self.skillFilter.currentData()
        place = pickers.current_code(self.placeFilter)
        return CandidateFilter(
            text=self.searchEdit.text(),
            stages=frozenset({stage}) if stage else frozenset(),
            place=place or None,
            language=(language, int(self.languageLevelFilter.currentData())) if language else None,
            skill=(skill, int(self.skillLevelFilter.currentData())) if skill else None,
            topic=self.topicFilter.currentData(),
            training_complete=self.trainingFilter.isChecked(),
        )

    def show_only_stage(self, stage: str) -> None:
        """Everyone in ``stage`` (every other filter cleared); one ``changed``."""
        self.clear(emit=False)
        self.stageFilter.blockSignals(True)
        self.stageFilter.setCurrentIndex(max(0, self.stageFilter.findData(stage)))
        self.stageFilter.blockSignals(False)
        self.changed.emit()

    def clear(self, emit: bool = True) -> None:
        """Back to "everyone", with the level boxes at their defaults (a "≥ C1" left
        behind looked like a filter still in force, #16.17); one ``changed``."""
        for box in self._combos():
            box.blockSignals(True)
            box.setCurrentIndex(0)
        self._default_levels()
        for box in self._combos():
            box.blockSignals(False)
        self._sync_level_filters()
        self.trainingFilter.blockSignals(True)
        self.trainingFilter.setChecked(False)
        self.trainingFilter.blockSignals(False)
        self.searchEdit.blockSignals(True)
        self.searchEdit.clear()
        self.searchEdit.blockSignals(False)
        if emit:
            self.changed.emit()
