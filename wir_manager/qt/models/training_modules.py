"""The programme's modules as a list: number, title, and whether each is optional or retired."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from wir_manager.qt import theme
from wir_manager.qt.models.records import ID_ROLE
from wir_manager.services.training import ModuleRecord

Index = QModelIndex | QPersistentModelIndex


class ModuleListModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._modules: list[ModuleRecord] = []

    def set_modules(self, modules: list[ModuleRecord]) -> None:
        self.beginResetModel()
        self._modules = list(modules)
        self.endResetModel()

    def module(self, row: int) -> ModuleRecord:
        return self._modules[row]

    def row_of(self, module_id: int) -> int:
        return next((i for i, mod in enumerate(self._modules) if mod.id == module_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._modules)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        mod = self._modules[index.row()]
        number = self.number_of(mod)
        if role == Qt.ItemDataRole.DisplayRole:
            text = f"{number}. {mod.title}" if number else mod.title
            if not mod.active:
                return self.tr("{title} (retired)").format(title=text)
            if not mod.mandatory:
                return self.tr("{title} (optional)").format(title=text)
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return mod.description or mod.title
        if role == ID_ROLE:
            return mod.id
        if role == Qt.ItemDataRole.ForegroundRole and not mod.active:
            return theme.muted_text()
        if role == Qt.ItemDataRole.FontRole and not mod.active:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def number_of(self, module: ModuleRecord) -> int:
        """The module's number among active modules (as in the grid header); 0 if retired."""
        if not module.active:
            return 0
        active = [mod.id for mod in self._modules if mod.active]
        return active.index(module.id) + 1
