"""Issue #16.17: a stray "e." beside the lock screen's passphrase field. The locked
window's centred line ("… Enter the passphrase to continue.") ran out from under the
unlock dialog centred on it; seen under Xvfb at 1440x900 (screenshots
relocked-en/sv.png, before and after). Now the line sits at the top of the page: no
text of the window lies under the dialog, in English and Swedish, at 1440x900 and
1366x768."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QLabel

from tests.qt_support import make_ctx
from tests.trust_support import add_person


def _global_rect(widget) -> QRect:
    return QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.size())


@pytest.mark.parametrize("code", ["en", "sv"])
@pytest.mark.parametrize("size", [(1440, 900), (1366, 768)])
def test_no_text_of_the_locked_window_peeks_from_under_the_unlock_dialog(
    qtbot, db, tmp_path, language, code: str, size: tuple[int, int]
) -> None:
    from wir_manager.qt.dialogs.unlock import UnlockDialog
    from wir_manager.qt.main_window import MainWindow

    add_person(db, "Nguyễn Thị Hoa", "HoaN", "hoa@example.org")
    language(code)
    ctx = make_ctx(db, tmp_path)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    path = db.path
    assert window.lock()
    dialog = UnlockDialog(path, ctx.settings, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    QApplication.processEvents()
    page = window.findChild(object, "lockedPage")
    assert page is not None and page.isVisible()
    over = _global_rect(dialog)
    assert _global_rect(window).contains(over.center())  # the dialog sits on the window
    texts = [label for label in page.findChildren(QLabel) if label.text() and label.isVisible()]
    assert texts, "the locked page says what to do"
    locked = {"en": "WiR Manager is locked", "sv": "WiR Manager är låst"}[code]
    assert any(locked in label.text() for label in texts)
    for label in texts:
        assert not _global_rect(label).intersects(over), (label.text(), over)
