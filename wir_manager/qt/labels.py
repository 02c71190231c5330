"""How the desktop names a candidate's stage, in one place.

Every screen that shows a stage (the candidate list, its filter, the editor, the
training grid and its cohort picker, the placements timeline, the shortlist panes)
asks here, so a stage has one translated name across the app: two screens used to
translate it under different contexts, and each context had to be kept in step.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QCoreApplication

from wir_manager.domain.enums import Stage
from wir_manager.i18n import current_language


def stage_label(value: str) -> str:
    """The stage's name in the language in use; an unknown value is shown as stored."""
    return _stage_label(value, current_language())


def stage_labels() -> list[str]:
    """Every stage's name, in the programme's order (for sizing a column to them)."""
    return [stage_label(stage.value) for stage in Stage]


# Cached per language: a cache keyed on the value alone kept the first language's
# words after the catalogue changed (English stages in a Swedish table).
@functools.lru_cache(maxsize=64)
def _stage_label(value: str, _language: str) -> str:
    try:
        return QCoreApplication.translate("Enums", Stage(value).label)
    except ValueError:
        return value


def isolate(name: str) -> str:
    """A person's name wrapped in Unicode first-strong isolates (FSI … PDI), so an Arabic
    or Hebrew name does not reorder the words, numbers and quotes around it."""
    return f"\u2068{name}\u2069"


def left_to_right(sentence: str) -> str:
    """A sentence of the (English or Swedish) interface that starts with a name: a
    left-to-right mark first, or a name in Arabic script turns the whole line
    right-to-left — right-aligned, with "at WHO" before the name."""
    return f"\u200e{sentence}"
