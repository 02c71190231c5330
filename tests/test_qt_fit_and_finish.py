"""Fit and finish (issue #16) through real widgets: plural forms and locale numbers in
English and Swedish."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from tests.trust_support import add_person
from wir_manager.qt.i18n import install_translations


@pytest.fixture
def language(qapp) -> Iterator[callable]:  # type: ignore[no-untyped-def,valid-type]
    """Switch the app's language for one test; English again afterwards."""

    def use(code: str) -> None:
        install_translations(QApplication.instance(), language=code)

    yield use
    install_translations(QApplication.instance(), language="en")  # as conftest left it


@pytest.mark.parametrize(
    ("code", "one", "many"),
    [
        ("en", "1 candidate · 1 request", "3,007 candidates"),
        ("sv", "1 kandidat · 1 förfrågan", "3\N{NO-BREAK SPACE}007 kandidater"),
    ],
)
def test_counts_use_real_plural_forms_and_locale_numbers(  # type: ignore[no-untyped-def]
    qtbot, db, tmp_path: Path, language, code: str, one: str, many: str
) -> None:
    """The status bar of the real main window says "1 candidate · 1 request" (not
    "1 candidates"), in Swedish too, and large counts are grouped the locale's way."""
    from wir_manager.qt.app import Launcher
    from wir_manager.qt.plurals import plurals

    language(code)
    add_person(db, "Мария Иванова", "MariaI", "maria@example.org")
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    launcher = Launcher(settings=settings)
    launcher.show_main(db)
    window = launcher.window
    qtbot.addWidget(window)
    launcher.tasks.release()
    qtbot.waitUntil(lambda: bool(window.counts_label.text()), timeout=10_000)
    assert window.counts_label.text() == one
    assert plurals().candidates(3007) == many
    requests = window.show_screen("requests")
    qtbot.waitUntil(lambda: bool(requests.ui.countLabel.text()), timeout=10_000)
    assert requests.ui.countLabel.text() == one.split(" · ")[1]
    window.close()
