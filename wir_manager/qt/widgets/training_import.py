"""The import wizard's panel for training progress from a learning platform.

Which platform the file comes from (Open edX / WikiLearn, Moodle, the Dashboard), each
platform item (a graded subsection, an activity, a Dashboard module) and the programme
module it counts for (a combo box; suggested from the titles, saved per course), and the
learners with how they were matched. The rules — layouts, matching, "never backwards" —
live in :mod:`services.spreadsheets.training_import`; this panel only shows and edits.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wir_manager.services.spreadsheets.training_import import (
    Learner,
    Match,
    Source,
    TrainingReport,
)

Index = QModelIndex | QPersistentModelIndex
MODULE_ROLE = Qt.ItemDataRole.UserRole + 1
UNMATCHED = QColor(220, 53, 69, 45)


class ItemsModel(QAbstractTableModel):
    """Platform items → programme modules; the second column is editable."""

    changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.items: tuple[str, ...] = ()
        self.mapping: dict[str, int | None] = {}
        self.modules: dict[int, str] = {}

    def set_report(self, report: TrainingReport | None) -> None:
        self.beginResetModel()
        self.items = report.items if report else ()
        self.mapping = dict(report.mapping) if report else {}
        self.modules = dict(report.modules) if report else {}
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("On the platform"), self.tr("Programme module"))[section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == 1 else base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        module = self.mapping.get(item)
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return item
            return self.modules.get(module, "") if module else self.tr("(not used)")
        if role == MODULE_ROLE:
            return module
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if index.column() != 1 or role != Qt.ItemDataRole.EditRole:
            return False
        self.mapping[self.items[index.row()]] = int(value) if value else None
        self.dataChanged.emit(index, index)
        self.changed.emit()
        return True


class ModuleDelegate(QStyledItemDelegate):
    def __init__(self, model: ItemsModel, parent: Any = None) -> None:
        super().__init__(parent)
        self._model = model

    def createEditor(self, parent: QWidget, option: Any, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName("moduleCombo")
        combo.addItem(self._model.tr("(not used)"), 0)
        for mid, title in self._model.modules.items():
            combo.addItem(title, mid)
        combo.activated.connect(lambda _i, c=combo: self.commitData.emit(c))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(editor.findData(index.data(MODULE_ROLE) or 0), 0))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class LearnersModel(QAbstractTableModel):
    """The file's learners: who they are on the platform, whom they matched, results."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.learners: tuple[Learner, ...] = ()

    def set_report(self, report: TrainingReport | None) -> None:
        self.beginResetModel()
        self.learners = report.learners if report else ()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.learners)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Row"),
            self.tr("On the platform"),
            self.tr("Matched"),
            self.tr("Candidate"),
            self.tr("Results"),
        )[section]

    def _match(self, learner: Learner) -> str:
        return {
            Match.USERNAME: self.tr("by username"),
            Match.EMAIL: self.tr("by e-mail"),
            Match.UNMATCHED: self.tr("not found"),
            Match.AMBIGUOUS: self.tr("ambiguous"),
        }[learner.match]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        learner = self.learners[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == 0:
                return learner.row
            if column == 1:
                return " · ".join(x for x in (learner.username, learner.email) if x)
            if column == 2:
                return self._match(learner)
            if column == 3:
                return learner.candidate_name or ""
            return "; ".join(f"{item}: {result.raw}" for item, result in learner.results.items())
        if role == Qt.ItemDataRole.BackgroundRole and learner.candidate_id is None:
            return UNMATCHED
        return None


class TrainingPanel(QWidget):
    """Source, item → module mapping and the saved course mapping."""

    changed = Signal()
    source_changed = Signal()
    save_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainingPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        label = QLabel(self.tr("&Platform:"), self)
        self.source_combo = QComboBox(self)
        self.source_combo.setObjectName("sourceCombo")
        for source in Source:
            self.source_combo.addItem(source.label, source.value)
        label.setBuddy(self.source_combo)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("courseMappingNameEdit")
        self.name_edit.setPlaceholderText(self.tr("Course name, e.g. “WIR 101 autumn”"))
        self.save_button = QPushButton(self.tr("Save m&apping"), self)
        self.save_button.setObjectName("saveCourseMappingButton")
        row.addWidget(label)
        row.addWidget(self.source_combo)
        row.addWidget(self.name_edit, 1)
        row.addWidget(self.save_button)
        layout.addLayout(row)
        self.items = ItemsModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("trainingItemsTable")
        self.table.setModel(self.items)
        self.table.setItemDelegateForColumn(1, ModuleDelegate(self.items, self.table))
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        self.learners = LearnersModel(self)
        self.items.changed.connect(self.changed)
        self.source_combo.activated.connect(lambda _i: self.source_changed.emit())
        self.save_button.clicked.connect(self._save_clicked)

    def _save_clicked(self) -> None:
        name = self.name_edit.text().strip()
        if name:
            self.save_requested.emit(name)

    @property
    def source(self) -> str:
        return str(self.source_combo.currentData())

    def set_source(self, value: str) -> None:
        """Show ``value`` as the platform (the file turned out to be its export); no
        ``source_changed``: the file has been read as that one already."""
        index = self.source_combo.findData(value)
        if index >= 0:
            self.source_combo.setCurrentIndex(index)

    def set_report(self, report: TrainingReport | None, saved_name: str | None = None) -> None:
        self.items.set_report(report)
        self.learners.set_report(report)
        if saved_name:
            self.name_edit.setText(saved_name)
