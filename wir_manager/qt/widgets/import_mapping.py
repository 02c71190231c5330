"""The import wizard's mapping step: what each column of the file means.

A table of the file's columns — header, a few example values, and what the column is
taken to mean (a combo box in the "Means" column: a candidate field, one platform's
skill, the form's timestamp, or ignore). Unsure suggestions are tinted and say so in
their tooltip. Above it, how a text file was read (encoding and delimiter, the guess
preselected), the file's date order (detected, or chosen when the file cannot tell),
and the saved mappings (a confirmed mapping can be saved under a name and is offered
again for a file with the same headers). The panel holds no rules: targets, labels and
suggestions come from :mod:`services.spreadsheets.mapping`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
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

from wir_manager.services.spreadsheets import mapping as mp
from wir_manager.services.spreadsheets.formats import (
    DELIMITERS,
    ENCODINGS,
    delimiter_label,
    encoding_label,
)
from wir_manager.services.spreadsheets.values import DateOrder

Index = QModelIndex | QPersistentModelIndex
UNSURE = QColor(255, 193, 7, 70)
TARGET_ROLE = Qt.ItemDataRole.UserRole + 1


class MappingModel(QAbstractTableModel):
    """Rows = the file's columns; the "Means" column is editable (a target key)."""

    changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.mapping = mp.Mapping(())
        self.examples: dict[int, tuple[str, ...]] = {}

    def set_mapping(self, mapping: mp.Mapping, examples: dict[int, tuple[str, ...]]) -> None:
        self.beginResetModel()
        self.mapping = mapping
        self.examples = dict(examples)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.mapping.columns)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Column in the file"), self.tr("Examples"), self.tr("Means"))[section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == 2 else base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        choice = self.mapping.columns[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return choice.header
            if column == 1:
                return " · ".join(self.examples.get(choice.index, ()))
            label = mp.target_label(choice.target)
            return (
                label
                if choice.sure or choice.ignored
                else self.tr("{label} (unsure)").format(label=label)
            )
        if role == TARGET_ROLE:
            return choice.target
        if role == Qt.ItemDataRole.BackgroundRole and not choice.sure and choice.target:
            return UNSURE
        if role == Qt.ItemDataRole.ToolTipRole and column == 2 and not choice.sure:
            return self.tr("Only a guess from the header; check it, or pick another meaning.")
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if index.column() != 2 or role != Qt.ItemDataRole.EditRole:
            return False
        choice = self.mapping.columns[index.row()]
        target = str(value or "")
        mapping = self.mapping.with_target(choice.index, target)
        if target:  # a target belongs to one column: the other one is ignored now
            for other in mapping.columns:
                if other.index != choice.index and other.target == target:
                    mapping = mapping.with_target(other.index, mp.IGNORE)
        self.mapping = mapping
        first, last = self.index(0, 0), self.index(self.rowCount() - 1, 2)
        self.dataChanged.emit(first, last)
        self.changed.emit()
        return True


class TargetDelegate(QStyledItemDelegate):
    """A combo box of every target for the "Means" column."""

    def createEditor(self, parent: QWidget, option: Any, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName("targetCombo")
        combo.addItem(mp.target_label(mp.IGNORE), mp.IGNORE)
        for target in mp.candidate_targets():
            combo.addItem(mp.target_label(target), target)
        combo.activated.connect(lambda _i, c=combo: self.commitData.emit(c))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        found = editor.findData(index.data(TARGET_ROLE))
        editor.setCurrentIndex(max(found, 0))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class MappingPanel(QWidget):
    """Mapping, reading options and saved mappings; :attr:`changed` asks for a re-check."""

    changed = Signal()
    # The user asked to save the current mapping under a name.
    save_requested = Signal(str)
    # The user picked a saved mapping by name ("" = the suggestion).
    saved_chosen = Signal(str)
    # The user chose another encoding or delimiter (the file is read again).
    reading_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mappingPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        grid = QGridLayout()
        self.encoding_label = QLabel(self.tr("&Encoding:"), self)
        self.encoding_combo = QComboBox(self)
        self.encoding_combo.setObjectName("encodingCombo")
        for encoding in ENCODINGS:
            self.encoding_combo.addItem(encoding_label(encoding), encoding)
        self.encoding_label.setBuddy(self.encoding_combo)
        self.delimiter_label = QLabel(self.tr("&Separated by:"), self)
        self.delimiter_combo = QComboBox(self)
        self.delimiter_combo.setObjectName("delimiterCombo")
        for delimiter in DELIMITERS:
            self.delimiter_combo.addItem(delimiter_label(delimiter), delimiter)
        self.delimiter_label.setBuddy(self.delimiter_combo)
        self.date_label = QLabel(self.tr("&Dates:"), self)
        self.date_combo = QComboBox(self)
        self.date_combo.setObjectName("dateOrderCombo")
        self.date_combo.addItem(self.tr("Detect from the file"), "")
        for order in DateOrder:
            self.date_combo.addItem(order.label, order.value)
        self.date_label.setBuddy(self.date_combo)
        # One row from the left: a workbook hides the text-file options, and the dates
        # then stand first instead of alone at the far right (seen in the dialog tour).
        reading = QHBoxLayout()
        for label, combo in (
            (self.encoding_label, self.encoding_combo),
            (self.delimiter_label, self.delimiter_combo),
            (self.date_label, self.date_combo),
        ):
            reading.addWidget(label)
            reading.addWidget(combo)
        reading.setSpacing(8)  # no spacer items: hidden options must leave no gap
        reading.addStretch(1)
        grid.addLayout(reading, 0, 0, 1, 6)
        self.saved_label = QLabel(self.tr("Saved &mapping:"), self)
        self.saved_combo = QComboBox(self)
        self.saved_combo.setObjectName("savedMappingCombo")
        self.saved_label.setBuddy(self.saved_combo)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("mappingNameEdit")
        self.name_edit.setPlaceholderText(self.tr("Name, e.g. “Autumn form”"))
        self.save_button = QPushButton(self.tr("Save m&apping"), self)
        self.save_button.setObjectName("saveMappingButton")
        grid.addWidget(self.saved_label, 1, 0)
        grid.addWidget(self.saved_combo, 1, 1, 1, 2)
        grid.addWidget(self.name_edit, 1, 3, 1, 2)
        grid.addWidget(self.save_button, 1, 5)
        layout.addLayout(grid)
        self.model = MappingModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("mappingTable")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(2, TargetDelegate(self.table))
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(
            QTableView.EditTrigger.AllEditTriggers & ~QTableView.EditTrigger.AnyKeyPressed
        )
        self.table.setAlternatingRowColors(True)
        layout.addWidget(self.table)
        options = QHBoxLayout()
        self.update_check = QCheckBox(
            self.tr("&Update people already in the database (matched by username, else e-mail)"),
            self,
        )
        self.update_check.setObjectName("updateCheck")
        self.erase_check = QCheckBox(self.tr("&Blank cells erase values"), self)
        self.erase_check.setObjectName("eraseBlanksCheck")
        self.erase_check.setEnabled(False)
        options.addWidget(self.update_check)
        options.addWidget(self.erase_check)
        options.addStretch(1)
        layout.addLayout(options)

        self.model.changed.connect(self.changed)
        self.date_combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.update_check.toggled.connect(self.erase_check.setEnabled)
        self.update_check.toggled.connect(lambda _on: self.changed.emit())
        self.erase_check.toggled.connect(lambda _on: self.changed.emit())
        self.encoding_combo.activated.connect(lambda _i: self.reading_changed.emit())
        self.delimiter_combo.activated.connect(lambda _i: self.reading_changed.emit())
        self.save_button.clicked.connect(self._save_clicked)
        self.saved_combo.activated.connect(
            lambda _i: self.saved_chosen.emit(str(self.saved_combo.currentData() or ""))
        )
        self.set_csv(None)

    # ------------------------------------------------------------------ state
    @property
    def mapping(self) -> mp.Mapping:
        order = str(self.date_combo.currentData() or "") or None
        current = self.model.mapping
        return mp.Mapping(current.columns, current.name, order, dict(current.extra))

    @property
    def encoding(self) -> str | None:
        return str(self.encoding_combo.currentData()) if self.encoding_combo.isEnabled() else None

    @property
    def delimiter(self) -> str | None:
        return str(self.delimiter_combo.currentData()) if self.delimiter_combo.isEnabled() else None

    def set_csv(self, guess: Any) -> None:
        """Show (and preselect) how a text file was read; hidden for workbooks."""
        for widget in (
            self.encoding_label,
            self.encoding_combo,
            self.delimiter_label,
            self.delimiter_combo,
        ):
            widget.setVisible(guess is not None)
            widget.setEnabled(guess is not None)
        if guess is not None:
            index = self.encoding_combo.findData(guess.encoding)
            if index < 0:
                self.encoding_combo.addItem(encoding_label(guess.encoding), guess.encoding)
                index = self.encoding_combo.count() - 1
            self.encoding_combo.setCurrentIndex(index)
            self.delimiter_combo.setCurrentIndex(
                max(self.delimiter_combo.findData(guess.delimiter), 0)
            )

    def set_saved(self, names: list[str], current: str | None) -> None:
        self.saved_combo.blockSignals(True)
        self.saved_combo.clear()
        self.saved_combo.addItem(self.tr("(suggested from the headers)"), "")
        for name in names:
            self.saved_combo.addItem(name, name)
        self.saved_combo.setCurrentIndex(max(self.saved_combo.findData(current or ""), 0))
        self.saved_combo.blockSignals(False)
        if current:
            self.name_edit.setText(current)

    def set_mapping(self, mapping: mp.Mapping, examples: dict[int, tuple[str, ...]]) -> None:
        self.model.set_mapping(mapping, examples)
        self.table.resizeColumnsToContents()
        for column in (0, 1):
            if self.table.columnWidth(column) > 280:
                self.table.setColumnWidth(column, 280)
        if mapping.date_order:
            self.date_combo.blockSignals(True)
            self.date_combo.setCurrentIndex(max(self.date_combo.findData(mapping.date_order), 0))
            self.date_combo.blockSignals(False)

    def ask_date_order(self, asked: bool) -> None:
        """Mark the date order as needing a choice (the file's dates fit both orders)."""
        self.date_label.setStyleSheet("font-weight: bold; color: #b02a37;" if asked else "")
        self.date_combo.setToolTip(
            self.tr("Every date in the file could be day/month or month/day: choose the order.")
            if asked
            else ""
        )

    def _save_clicked(self) -> None:
        name = self.name_edit.text().strip()
        if name:
            self.save_requested.emit(name)
