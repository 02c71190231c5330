"""Helpers for tests that drive real screens: a context on a real database, the
Candidates screen ready to use, and a stand-in for the person answering questions."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from wir_manager.qt import settings as opts
from wir_manager.qt.context import AppContext
from wir_manager.qt.tasks import TaskRunner
from wir_manager.qt.views.candidates import CandidatesView
from wir_manager.qt.widgets.confirm import LeaveAnswer
from wir_manager.storage.database import Database

Button = QMessageBox.StandardButton


class Answers:
    """Stands in for the user at confirmation dialogs; records what was asked."""

    def __init__(self) -> None:
        self.queue: list[Button] = []
        self.asked: list[str] = []

    def __call__(self, _parent, _title, text, _buttons, _default):
        self.asked.append(text)
        assert self.queue, f"unexpected question: {text}"
        return self.queue.pop(0)

    def unsaved(self) -> LeaveAnswer:
        """The unsaved-changes question, answered with the next queued button."""
        button = self(None, "", "unsaved changes", None, None)
        return {Button.Save: LeaveAnswer.SAVE, Button.Discard: LeaveAnswer.DISCARD}.get(
            button, LeaveAnswer.CANCEL
        )


def make_view(qtbot, db: Database) -> tuple[CandidatesView, Answers]:
    ctx = AppContext(db=db, tasks=TaskRunner(), settings=opts.open_settings())
    view = CandidatesView(ctx)
    qtbot.addWidget(view)
    view.resize(1300, 800)
    view.show()
    answers = Answers()
    view.ask = answers
    view.ask_unsaved = answers.unsaved
    errors: list[BaseException] = []
    view.report_error = lambda _parent, exc: errors.append(exc)
    view._errors = errors
    qtbot.waitUntil(lambda: view.is_loaded, timeout=10_000)
    return view, answers


def make_ctx(db: Database, tmp_path: Path) -> AppContext:
    """A context whose settings file is the test's own (nothing leaks between tests)."""
    return AppContext(
        db, TaskRunner(), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    )


def make_window(db: Database, tmp_path: Path, qtbot):  # type: ignore[no-untyped-def]
    """The real main window on ``db`` at the laptop size the app is checked at, shown,
    with a settings file of the test's own."""
    from wir_manager.qt.main_window import MainWindow

    window = MainWindow(make_ctx(db, tmp_path))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def screen_in_laptop_window(  # type: ignore[no-untyped-def]
    db: Database, tmp_path: Path, qtbot, key: str, loaded: Callable[[Any], bool]
):
    """``(window, view)``: the main window at 1280×768 (a 1366×768 laptop's free area)
    showing screen ``key`` once ``loaded(view)`` holds — how the layout tests look at a
    screen as a person on a laptop sees it."""
    from PySide6.QtWidgets import QApplication

    window = make_window(db, tmp_path, qtbot)
    view = window.show_screen(key)
    window.resize(1280, 768)  # after the switch: the offscreen "screen" is smaller
    qtbot.waitUntil(lambda: loaded(view), timeout=20_000)
    QApplication.processEvents()
    return window, view


def close_window(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """Close a window from :func:`make_window` once its background reads are done."""
    qtbot.waitUntil(lambda: not window.ctx.tasks.busy, timeout=20_000)
    window._closing_confirmed = True
    window.close()
