"""Combo boxes with type-ahead completion over ISO code lists (languages, countries).

The item text is "Name (code)" and the item data is the code, so people can type either
"Arab…" or "ar"; the completer matches anywhere in the text, case-insensitively.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QComboBox, QCompleter

from wir_manager.domain import codes
from wir_manager.domain.enums import LanguageLevel


def fill_with_completion(
    combo: QComboBox, items: Iterable[tuple[str, str]], empty: str | None = None
) -> None:
    """(code, label) items; ``empty`` is a first item meaning "none / any"."""
    combo.blockSignals(True)
    combo.clear()
    if empty is not None:
        combo.addItem(empty, None)
    for code, label in items:
        combo.addItem(f"{label} ({code})", code)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    completer = QCompleter(combo.model(), combo)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    combo.setCompleter(completer)
    combo.blockSignals(False)


# Events that mean someone is about to use a combo (click, wheel, typing, Tab into it).
_USE_EVENTS = frozenset(
    {
        QEvent.Type.FocusIn,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.Wheel,
        QEvent.Type.KeyPress,
        QEvent.Type.InputMethod,
    }
)


class _FillOnUse(QObject):
    """Fills its combo the first time it is used, then stops filtering its events."""

    def __init__(
        self, combo: QComboBox, items: Callable[[], Iterable[tuple[str, str]]], empty: str | None
    ) -> None:
        super().__init__(combo)
        self.combo = combo
        self.items = items
        self.empty = empty
        combo.installEventFilter(self)
        line = combo.lineEdit()
        if line is not None:
            line.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _USE_EVENTS:
            self.fill()
        return False

    def fill(self) -> None:
        combo = self.combo
        combo.removeEventFilter(self)
        line = combo.lineEdit()
        if line is not None:
            line.removeEventFilter(self)
        text = combo.currentText()
        fill_with_completion(combo, self.items(), empty=self.empty)
        if text and text != self.empty:
            combo.setEditText(text)
        elif self.empty is None:
            # Nothing chosen yet: filling must not choose the first item (the first click
            # showed "Arabic (ar)", and typing then gave "Arabic (ar)Arab", #16.12).
            combo.blockSignals(True)
            combo.setCurrentIndex(-1)
            combo.setEditText("")
            combo.blockSignals(False)
        # The filter object stays a (now idle) child of the combo: deleting it from
        # inside the event it is filtering crashed Qt on a synthetic focus event.
        combo._fill_on_use = None  # type: ignore[attr-defined]


def fill_on_use(
    combo: QComboBox,
    items: Callable[[], Iterable[tuple[str, str]]],
    empty: str | None = None,
) -> None:
    """:func:`fill_with_completion`, but the list is built when the combo is first used.

    The country and language lists come from CLDR and ISO data that take tens of
    milliseconds to load and add hundreds of items; a screen with several such combos
    would otherwise spend most of its start-up on lists nobody has opened yet. Until
    then the combo shows ``empty`` (or nothing); :func:`current_code` and
    :func:`select_code` fill it first, so code that sets or reads it never notices.
    """
    fill_with_completion(combo, (), empty=empty)
    combo._fill_on_use = _FillOnUse(combo, items, empty)  # type: ignore[attr-defined]


def ensure_filled(combo: QComboBox) -> None:
    """Fill a :func:`fill_on_use` combo now (no-op when it is filled already)."""
    pending = getattr(combo, "_fill_on_use", None)
    if pending is not None:
        pending.fill()


def language_items() -> list[tuple[str, str]]:
    """UN official languages first (what IGOs ask for most), then every ISO 639-1 one,
    named in the language of the interface ("Arabiska (ar)" in Swedish) as the request
    editor names them. The pickers are filled when first used (:func:`fill_on_use`),
    so the CLDR names are not read at start-up."""
    names = {code: codes.language_name(code) for code, _iso in codes.all_languages()}
    un = [
        (code, names.get(code) or codes.language_name(code)) for code in codes.UN_OFFICIAL_LANGUAGES
    ]
    rest = sorted(
        ((c, n) for c, n in names.items() if c not in codes.UN_OFFICIAL_LANGUAGES),
        key=lambda item: item[1].casefold(),
    )
    return un + rest


def language_label(code: str) -> str:
    """Display name of a stored language tag in the language of the interface: English
    names in a Swedish editor ("Persian (fa)" beside "Engelska (en)" in the request
    editor) were the ISO list's, which has no other language."""
    return codes.language_name(code)


def level_label(level: int) -> str:
    """ "B2", "C1" … and "native" (translated) for a CEFR level value."""
    try:
        if level == LanguageLevel.NATIVE:
            return QCoreApplication.translate("CandidateDetails", "native")
        return LanguageLevel(level).label
    except ValueError:
        return str(level)


def country_items() -> list[tuple[str, str]]:
    return codes.all_countries()


def current_code(combo: QComboBox) -> str | None:
    """The code of the chosen item; typed text is matched against names and codes."""
    text = combo.currentText().strip()
    if getattr(combo, "_fill_on_use", None) is not None:
        index = combo.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0 or not text:  # the "none" item, still unfilled: nothing chosen
            return combo.itemData(index) if index >= 0 else None
        ensure_filled(combo)
    index = combo.findText(text, Qt.MatchFlag.MatchFixedString)
    if index >= 0:
        return combo.itemData(index)
    if not text:
        return None
    lowered = text.casefold()
    for i in range(combo.count()):
        data = combo.itemData(i)
        label = combo.itemText(i).casefold()
        if data is not None and (str(data).casefold() == lowered or label.startswith(lowered)):
            return data
    return ""  # typed something that is not in the list


def select_code(combo: QComboBox, code: str | None) -> None:
    if code:
        ensure_filled(combo)  # no code: the "none" item is there already
    index = combo.findData(code) if code else (0 if combo.itemData(0) is None else -1)
    if index >= 0:
        combo.setCurrentIndex(index)
    else:
        combo.setCurrentIndex(-1)
        combo.setEditText(code or "")


def fill_completer_only(combo: QComboBox) -> None:
    """Type-ahead (match anywhere) for a combo whose items are already there."""
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    completer = QCompleter(combo.model(), combo)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    combo.setCompleter(completer)
