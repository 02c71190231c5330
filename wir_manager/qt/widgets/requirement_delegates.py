"""Cell editors for requirement tables: a combo box of fixed choices, and a language
picker over every ISO 639 language with type-to-complete ("fren" → French (fr)).

Editors commit as soon as a choice is made, so validation under the table updates while
the user is still in the row.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from wir_manager.domain.codes import CodeError, all_languages, language_name, normalize_language

Index = QModelIndex | QPersistentModelIndex
Choices = Sequence[tuple[Any, str]]

# QComboBox item data cannot carry None through every binding; stand-in for "no value".
_NONE = "\x00none"


def _search_key(label: str) -> str:
    """A choice's label as typed: "≥ Advanced" is found by typing "a"."""
    return label.lstrip("≥≤<> ").casefold()


class _ChoiceCombo(QComboBox):
    """The cell's combo box: a typed letter picks the first choice whose words start with
    it, ignoring a leading "≥" (Qt's own search matched every "≥ …" label against the
    "≥" only, so typing a level chose nothing, #16.13)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text().strip().casefold()
        if (
            text
            and text.isprintable()
            and not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
        ):
            start = self.currentIndex() + 1
            order = [*range(start, self.count()), *range(0, start)]
            for row in order:
                if _search_key(self.itemText(row)).startswith(text):
                    self.setCurrentIndex(row)
                    break
            event.accept()
            return
        super().keyPressEvent(event)


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box of ``(value, label)`` choices; ``choices`` may be a callable so the list
    can depend on the model (e.g. group numbers up to the row count).

    A choice made in any way — mouse, arrow keys, a typed letter — is committed at once
    (only ``activated`` was, which some keyboard changes never emit), and the column is
    as wide as the widest choice in a combo box, arrow included (the cell showed
    "Requirec")."""

    def __init__(self, choices: Choices | Callable[[], Choices], parent: Any = None) -> None:
        super().__init__(parent)
        self._choices = choices
        self._width: tuple[tuple[str, ...], int] | None = None

    def choices(self) -> Choices:
        return self._choices() if callable(self._choices) else self._choices

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = _ChoiceCombo(parent)
        combo.setFrame(False)
        for value, label in self.choices():
            combo.addItem(label, _NONE if value is None else value)
        combo.currentIndexChanged.connect(lambda _i, c=combo: self._commit(c))
        return combo

    def _commit(self, combo: QComboBox) -> None:
        if not combo.signalsBlocked():
            self.commitData.emit(combo)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        value = index.data(Qt.ItemDataRole.EditRole)
        found = editor.findData(_NONE if value is None else value)
        editor.blockSignals(True)
        editor.setCurrentIndex(max(found, 0))
        editor.blockSignals(False)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        value = editor.currentData()
        model.setData(index, None if value == _NONE else value, Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> None:
        editor.setGeometry(option.rect)

    def width_for(self, font: QFont) -> int:
        """The width of this column's combo box showing its widest choice, arrow included."""
        labels = tuple(label for _value, label in self.choices())
        if self._width is None or self._width[0] != labels:
            probe = QComboBox()
            probe.setFrame(False)
            probe.setFont(font)
            probe.addItems(list(labels))
            probe.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            self._width = (labels, probe.sizeHint().width())
            probe.deleteLater()
        return self._width[1]

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(max(hint.width(), self.width_for(option.font)), hint.height())


def fit_choice_columns(table: QTableView) -> None:
    """Give every column edited by a :class:`ChoiceDelegate` the width of its combo box
    (or of its title, when wider), fixed: sized "to contents" the column followed the
    rows shown when it last measured — none, for a new request — and clipped the editor
    to "Requirec"."""
    header = table.horizontalHeader()
    for column in range(table.model().columnCount()):
        delegate = table.itemDelegateForColumn(column)
        if not isinstance(delegate, ChoiceDelegate):
            continue
        width = max(header.sectionSizeHint(column), delegate.width_for(table.font()) + 4)
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(column, width)


@functools.lru_cache(maxsize=1)
def language_choices() -> tuple[tuple[str, str], ...]:
    """(code, "Name (code)") for every ISO 639-1 language, UN official languages first.

    Names come from CLDR via ``language_name`` ("Swahili", "Persian"), which reads better
    than ISO 639's reference names ("Swahili (macrolanguage)").
    """
    first = ("en", "fr", "es", "ar", "zh", "ru")
    items = {code: f"{language_name(code)} ({code})" for code, _iso in all_languages()}
    head = [(code, items[code]) for code in first if code in items]
    rest = sorted(
        ((c, label) for c, label in items.items() if c not in first),
        key=lambda item: item[1].casefold(),
    )
    return tuple(head + rest)


@functools.lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """casefolded "Name" and "Name (code)" → code."""
    out: dict[str, str] = {}
    for code, label in language_choices():
        out[label.casefold()] = code
        out[label.rsplit(" (", 1)[0].casefold()] = code
    return out


def code_for_text(text: str) -> str:
    """Resolve what someone typed into a language picker to a code (see LanguageDelegate)."""
    key = text.strip().casefold()
    if not key:
        return ""
    names = _names()
    if key in names:
        return names[key]
    try:
        return normalize_language(text)
    except CodeError:
        pass
    starts = {code for name, code in names.items() if name.startswith(key)}
    return starts.pop() if len(starts) == 1 else text.strip()


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
        """The code the user means: the picked item, a language name ("swahili"), a code or
        BCP 47 tag ("pt-BR"), or the only language starting with the typed text; unknown
        text is kept as typed so validation can name it."""
        text = editor.currentText().strip()
        if editor.currentIndex() >= 0 and editor.itemText(editor.currentIndex()) == text:
            return str(editor.currentData())
        return code_for_text(text)

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> None:
        editor.setGeometry(option.rect)
