"""Texts with a count in them, for code that is not inside a QObject.

Qt picks "1 candidate" or "2 candidates" from one source text only through ``tr(text,
disambiguation, n)``, and ``pyside6-lupdate`` extracts plural forms only from ``self.tr``
calls, never from ``QCoreApplication.translate``. Module-level helpers (table columns,
tooltips) therefore ask this object. ``%Ln`` is the count in the user's locale
(1 234 in Swedish, 1,234 in English).
"""

from __future__ import annotations

from PySide6.QtCore import QObject


class Plurals(QObject):
    def other_shortlists(self, n: int) -> str:
        return self.tr("Also active on %Ln other shortlist(s)", None, n)

    def candidates(self, n: int) -> str:
        return self.tr("%Ln candidate(s)", None, n)


_instance: Plurals | None = None


def plurals() -> Plurals:
    global _instance
    if _instance is None:
        _instance = Plurals()
    return _instance
