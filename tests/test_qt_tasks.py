"""TaskRunner's ``newest_of`` groups on a real QThreadPool: an answer that a newer task
of its group overtook is dropped, callbacks and error alike."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QThreadPool

from wir_manager.qt import errors
from wir_manager.qt.tasks import TaskRunner
from wir_manager.services.progress import Progress


@pytest.fixture(autouse=True)
def side_by_side() -> Iterator[None]:
    """The held older tasks (two at most) and the newer one must run at the same time."""
    pool = QThreadPool.globalInstance()
    before = pool.maxThreadCount()
    pool.setMaxThreadCount(max(3, before))
    yield
    pool.setMaxThreadCount(before)


def _held(
    started: threading.Event, go: threading.Event, answer: Callable[[], object]
) -> Callable[[Progress], object]:
    """A task that waits for ``go``, so a newer one can answer first."""

    def work(_progress: Progress) -> object:
        started.set()
        assert go.wait(10)
        return answer()

    return work


def _boom() -> object:
    raise RuntimeError("the older read failed")


def test_an_older_answer_after_a_newer_one_is_dropped(qtbot) -> None:
    runner = TaskRunner()
    started, go = threading.Event(), threading.Event()
    done: list[object] = []
    failed: list[BaseException] = []
    runner.run(
        _held(started, go, lambda: "older"),
        on_done=done.append,
        on_error=failed.append,
        newest_of="grid",
    )
    assert started.wait(5)
    runner.run(lambda _p: "newer", on_done=done.append, on_error=failed.append, newest_of="grid")
    qtbot.waitUntil(lambda: done == ["newer"], timeout=5_000)
    go.set()  # the older task answers last
    qtbot.waitUntil(lambda: not runner.busy, timeout=5_000)
    assert done == ["newer"] and failed == []


def test_an_older_error_after_a_newer_answer_is_not_shown(qtbot, monkeypatch) -> None:
    shown: list[BaseException] = []
    monkeypatch.setattr(errors, "show_error", lambda _parent, exc: shown.append(exc))
    runner = TaskRunner()
    started, go = threading.Event(), threading.Event()
    done: list[object] = []
    failed: list[BaseException] = []
    runner.run(_held(started, go, _boom), on_done=done.append, on_error=failed.append, newest_of=1)
    assert started.wait(5)
    # A second older one without on_error: the runner would show its error itself.
    started_too, go_too = threading.Event(), threading.Event()
    runner.run(_held(started_too, go_too, _boom), on_done=done.append, newest_of=1)
    assert started_too.wait(5)
    runner.run(lambda _p: "newer", on_done=done.append, on_error=failed.append, newest_of=1)
    qtbot.waitUntil(lambda: done == ["newer"], timeout=5_000)
    go.set()
    go_too.set()
    qtbot.waitUntil(lambda: not runner.busy, timeout=5_000)
    assert done == ["newer"] and failed == [] and shown == []


def test_the_newest_task_keeps_its_callbacks(qtbot) -> None:
    """Other keys and tasks without a key are left alone; the newest one's error counts."""
    runner = TaskRunner()
    started, go = threading.Event(), threading.Event()
    done: list[object] = []
    failed: list[str] = []
    runner.run(_held(started, go, lambda: "ranking"), on_done=done.append, newest_of="ranking")
    assert started.wait(5)
    runner.run(lambda _p: "spread", on_done=done.append, newest_of="spread")
    runner.run(lambda _p: "plain", on_done=done.append)
    runner.run(lambda _p: _boom(), on_error=lambda exc: failed.append(str(exc)), newest_of="x")
    qtbot.waitUntil(lambda: len(done) == 2 and bool(failed), timeout=5_000)
    go.set()
    qtbot.waitUntil(lambda: not runner.busy, timeout=5_000)
    assert sorted(map(str, done)) == ["plain", "ranking", "spread"]
    assert failed == ["the older read failed"]


def test_superseded_answers_are_dropped_without_a_newer_task(qtbot) -> None:
    runner = TaskRunner()
    started, go = threading.Event(), threading.Event()
    done: list[object] = []
    runner.run(_held(started, go, lambda: "older"), on_done=done.append, newest_of="ranking")
    assert started.wait(5)
    runner.supersede("ranking")  # the screen cleared what the answer would fill
    go.set()
    qtbot.waitUntil(lambda: not runner.busy, timeout=5_000)
    assert done == []
    runner.run(lambda _p: "later", on_done=done.append, newest_of="ranking")
    qtbot.waitUntil(lambda: done == ["later"], timeout=5_000)
