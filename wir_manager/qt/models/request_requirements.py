"""Editable tables of a request's language and platform-skill requirements.

Each row is one requirement; the editor's delegates write raw values (codes, level
integers, importance values) with ``EditRole`` and the models show translated labels.
Validation is not done here: the editor runs the service's rules on every change and
shows the sentence under the table, so the model can hold a half-typed row.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from wir_manager.domain.codes import language_name
from wir_manager.domain.enums import Importance, LanguageLevel, Platform, SkillLevel
from wir_manager.services.requests import LanguageRequirement, SkillRequirement

Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("Requirements", text)


def importance_label(value: str) -> str:
    try:
        return QCoreApplication.translate("Importance", Importance(value).label)
    except ValueError:
        return value


def language_level_label(level: int) -> str:
    try:
        lv = LanguageLevel(int(level))
    except ValueError:
        return str(level)
    return _tr("Native") if lv is LanguageLevel.NATIVE else lv.label


def skill_level_label(level: int) -> str:
    try:
        return QCoreApplication.translate("SkillLevel", SkillLevel(int(level)).label)
    except ValueError:
        return str(level)


def language_label(code: str) -> str:
    if not code:
        return _tr("(choose a language)")
    name = language_name(code)
    return f"{name} ({code})" if name != code else code


def platform_label(value: str) -> str:
    try:
        return QCoreApplication.translate("Platform", Platform(value).label)
    except ValueError:
        return value


class _RequirementModel(QAbstractTableModel):
    """Shared plumbing: a list of mutable rows, edit flags, add/remove."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[list[Any]] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(self.HEADERS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        if self._rows[index.row()][index.column()] == value:
            return True
        self._rows[index.row()][index.column()] = value
        self.dataChanged.emit(index, index.siblingAtColumn(self.columnCount() - 1))
        return True

    def _append(self, row: list[Any]) -> int:
        at = len(self._rows)
        self.beginInsertRows(QModelIndex(), at, at)
        self._rows.append(row)
        self.endInsertRows()
        return at

    def remove_row(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def _reset(self, rows: list[list[Any]]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()


class LanguageRequirementModel(_RequirementModel):
    """Columns: language code, minimum CEFR level, importance, "one of" group (or None)."""

    HEADERS = ("Language", "Minimum level", "Importance", "Group")
    LANGUAGE, LEVEL, IMPORTANCE, GROUP = range(4)

    def set_requirements(self, items: tuple[LanguageRequirement, ...]) -> None:
        self._reset([[r.code, r.min_level, r.importance, r.group] for r in items])

    def requirements(self) -> tuple[LanguageRequirement, ...]:
        return tuple(LanguageRequirement(c, lv, i, g) for c, lv, i, g in self._rows)

    def add_requirement(self, code: str = "") -> int:
        return self._append([code, int(LanguageLevel.B2), Importance.REQUIRED.value, None])

    def group_with_previous(self, row: int) -> None:
        """Put ``row`` into the "at least one of" group of the row above (creating one),
        taking that row's importance so the group stays consistent."""
        if row <= 0 or row >= len(self._rows):
            return
        above = self._rows[row - 1]
        if above[self.GROUP] is None:
            used = {r[self.GROUP] for r in self._rows if r[self.GROUP] is not None}
            above[self.GROUP] = next(n for n in range(1, len(self._rows) + 2) if n not in used)
        self._rows[row][self.GROUP] = above[self.GROUP]
        self._rows[row][self.IMPORTANCE] = above[self.IMPORTANCE]
        self.dataChanged.emit(self.index(row - 1, 0), self.index(row, self.columnCount() - 1))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        code, level, importance, group = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.EditRole:
            return self._rows[index.row()][col]
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.LANGUAGE:
                return language_label(code)
            if col == self.LEVEL:
                return "≥ " + language_level_label(level)
            if col == self.IMPORTANCE:
                return importance_label(importance)
            return _tr("One of, group {n}").format(n=group) if group else "—"
        if role == Qt.ItemDataRole.ToolTipRole and col == self.GROUP:
            return _tr("Rows with the same group number are alternatives: one of them is enough.")
        return None


class SkillRequirementModel(_RequirementModel):
    """Columns: platform, minimum skill level (1–3), importance."""

    HEADERS = ("Platform", "Minimum level", "Importance")
    PLATFORM, LEVEL, IMPORTANCE = range(3)

    def set_requirements(self, items: tuple[SkillRequirement, ...]) -> None:
        self._reset([[r.platform, r.min_level, r.importance] for r in items])

    def requirements(self) -> tuple[SkillRequirement, ...]:
        return tuple(SkillRequirement(p, lv, i) for p, lv, i in self._rows)

    def add_requirement(self) -> int:
        used = {r[self.PLATFORM] for r in self._rows}
        platform = next((p.value for p in Platform if p.value not in used), Platform.WIKIPEDIA)
        return self._append([platform, int(SkillLevel.INTERMEDIATE), Importance.PREFERRED.value])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        platform, level, importance = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.EditRole:
            return self._rows[index.row()][col]
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.PLATFORM:
                return platform_label(platform)
            if col == self.LEVEL:
                return "≥ " + skill_level_label(level)
            return importance_label(importance)
        return None
