"""Cell editors for requirement tables: a combo box of fixed choices, and a language
picker over every ISO 639 language with type-to-complete ("fren" → French (fr)).

Editors commit as soon as a choice is made, so validation under the table updates while
the user is still in the row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from wir_manager.domain.codes import CodeError, all_languages, normalize_language

Index = QModelIndex | QPersistentModelIndex
Choices = Sequence[tuple[Any, str]]

#: QComboBox item data cannot carry None through every binding; stand-in for "no value".
_NONE = "\x00none"


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box of ``(value, label)`` choices; ``choices`` may be a callable so the list
    can depend on the model (e.g. group numbers up to the row count)."""

    def __init__(self, choices: Choices | Callable[[], Choices], parent: Any = None) -> None:
        super().__init__(parent)
        self._choices = choices

    def choices(self) -> Choices:
        return self._choices() if callable(self._choices) else self._choices

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setFrame(False)
        for value, label in self.choices():
            combo.addItem(label, _NONE if value is None else value)
        combo.activated.connect(lambda _i, c=combo: self._commit(c))
        return combo

    def _commit(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        value = index.data(Qt.ItemDataRole.EditRole)
        found = editor.findData(_NONE if value is None else value)
        editor.setCurrentIndex(max(found, 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        value = editor.currentData()
        model.setData(index, None if value == _NONE else value, Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> None:
        editor.setGeometry(option.rect)


def language_choices() -> list[tuple[str, str]]:
    """(code, "Name (code)") for every ISO 639-1 language, UN official languages first."""
    first = ("en", "fr", "es", "ar", "zh", "ru")
    items = {code: f"{name} ({code})" for code, name in all_languages()}
    head = [(code, items[code]) for code in first if code in items]
    return head + [(c, label) for c, label in items.items() if c not in first]


class LanguageDelegate(QStyledItemDelegate):
    """Editable combo over every language; typing filters by name or code."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName("languagePicker")
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.setMaxVisibleItems(14)
        for code, label in language_choices():
            combo.addItem(label, code)
        completer = QCompleter(combo.model(), combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        combo.setCompleter(completer)
        combo.activated.connect(lambda _i, c=combo: self.commitData.emit(c))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        code = index.data(Qt.ItemDataRole.EditRole) or ""
        found = editor.findData(code)
        if found >= 0:
            editor.setCurrentIndex(found)
        else:
            editor.setEditText(code)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, self.code_for(editor), Qt.ItemDataRole.EditRole)

    @staticmethod
    def code_for(editor: QComboBox) -> str:
        """The code the user means: the picked item, an exact label, or a typed tag
        ("pt-BR"); unknown text is kept as typed so validation can name it."""
        text = editor.currentText().strip()
        if editor.currentIndex() >= 0 and editor.itemText(editor.currentIndex()) == text:
            return str(editor.currentData())
        found = editor.findText(text, Qt.MatchFlag.MatchFixedString)
        if found >= 0:
            return str(editor.itemData(found))
        try:
            return normalize_language(text)
        except CodeError:
            return text

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> None:
        editor.setGeometry(option.rect)
