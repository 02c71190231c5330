"""The user guide (Help → User guide) and the first-run tour."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QColor, QFont, QImage
from PySide6.QtWidgets import QApplication

from wir_manager.services import guide


@pytest.fixture
def shots(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A screenshots folder with an English and a Swedish picture of one screen."""
    root = tmp_path / "screenshots"
    for lang, colour in (("en", "#336699"), ("sv", "#993366")):
        (root / lang).mkdir(parents=True)
        image = QImage(1280, 800, QImage.Format.Format_RGB32)
        image.fill(QColor(colour))
        assert image.save(str(root / lang / "candidates.png"))
    image = QImage(300, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("#999999"))
    image.save(str(root / "training.png"))
    monkeypatch.setattr(guide, "screenshots_root", lambda: root)
    return root


def test_guide_is_bundled_in_english_and_swedish() -> None:
    assert guide.available_languages() == ["en", "sv"]
    english = guide.load_guide("en")
    assert english.sections[0] == guide.Section(1, "WiR Manager user guide")
    titles = [s.title for s in english.sections]
    for screen in ("Candidates", "Placement requests", "Training", "Shortlists", "Privacy & audit"):
        assert screen in titles
    assert guide.load_guide("fr").language == "en"  # no French guide: English


def test_screenshots_resolve_per_language_and_missing_ones_are_dropped(qapp, shots: Path) -> None:
    sv = guide.load_guide("sv")
    assert (shots / "sv" / "candidates.png").as_uri() in sv.markdown
    assert (shots / "training.png").as_uri() in sv.markdown  # unsorted fallback
    assert "requests.png" in sv.missing_images
    assert "screenshots/requests.png" not in sv.markdown  # no broken image left behind
    en = guide.load_guide("en")
    assert (shots / "en" / "candidates.png").as_uri() in en.markdown
    assert guide.screenshot_path("candidates.png", "de") == shots / "en" / "candidates.png"


def test_guide_dialog_contents_search_and_pictures(qtbot, shots: Path) -> None:
    from wir_manager.qt.dialogs.guide_dialog import IMAGE_WIDTH, GuideDialog

    dialog = GuideDialog(language="en")
    qtbot.addWidget(dialog)
    dialog.resize(900, 600)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.section_titles() == [s.title for s in dialog.guide.sections]
    assert dialog.ui.contentsList.count() == len(dialog.guide.sections)

    bar = dialog.ui.browser.verticalScrollBar()
    assert bar.value() == 0
    assert dialog.show_section_titled("keyboard")
    assert bar.value() > 0

    dialog.ui.findEdit.setText("passphrase")
    assert dialog.find_next()
    assert dialog.ui.browser.textCursor().selectedText().lower() == "passphrase"
    dialog.ui.findEdit.setText("no such words anywhere")
    assert not dialog.find_next()

    widths = []
    doc = dialog.ui.browser.document()
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                widths.append(fmt.toImageFormat().width())
            it += 1
        block = block.next()
    # Two big screenshots shrunk to fit, the small one left at its size (width 0 = natural).
    assert sorted(widths) == [0, IMAGE_WIDTH, IMAGE_WIDTH]


def test_show_guide_reuses_one_window(qtbot) -> None:
    from PySide6.QtWidgets import QWidget

    from wir_manager.qt.dialogs.guide_dialog import show_guide

    parent = QWidget()
    qtbot.addWidget(parent)
    first = show_guide(parent, section="Shortlists", language="en")
    second = show_guide(parent)
    assert first is second
    assert first.ui.contentsList.currentItem().text().strip() == "Shortlists"
    first.close()


def test_tour_walks_every_screen_and_finishes(qtbot, shots: Path) -> None:
    from wir_manager.qt.dialogs.tour import TourDialog

    dialog = TourDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    titles = [page.title for page in dialog.tour_pages()]
    assert titles[1:6] == [
        "Candidates",
        "Placement requests",
        "Training",
        "Shortlists",
        "Privacy & audit",
    ]
    assert not dialog.ui.backButton.isEnabled()
    assert dialog.ui.stepLabel.text() == "Page 1 of 7"
    for _ in range(dialog.page_count() - 1):
        dialog.next()
    assert dialog.ui.nextButton.text() == "&Finish"
    assert not dialog.ui.skipButton.isVisible()
    dialog.back()
    assert dialog.ui.stepLabel.text() == "Page 6 of 7"
    dialog.next()
    dialog.next()
    assert dialog.finished_tour
    assert dialog.result() == TourDialog.DialogCode.Accepted


def test_tour_shows_the_screenshot_of_its_screen(qtbot, shots: Path) -> None:
    from PySide6.QtWidgets import QLabel

    from wir_manager.qt.dialogs.tour import PICTURE_WIDTH, TourDialog

    dialog = TourDialog()
    qtbot.addWidget(dialog)
    candidates_page = dialog.ui.pages.widget(1)
    pictures = [
        label for label in candidates_page.findChildren(QLabel) if not label.pixmap().isNull()
    ]
    assert len(pictures) == 1
    assert pictures[0].pixmap().width() == PICTURE_WIDTH
    assert pictures[0].accessibleName() == "Screenshot: Candidates"
    requests_page = dialog.ui.pages.widget(2)  # no screenshot yet: the app icon instead
    shown = [label for label in requests_page.findChildren(QLabel) if not label.pixmap().isNull()]
    assert [label.objectName() for label in shown] == ["tourIcon"]


def test_tour_is_offered_once(qtbot, tmp_path: Path) -> None:
    from wir_manager.qt.dialogs.tour import TourDialog, maybe_show_tour

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)

    def skip_when_shown() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, TourDialog) and widget.isVisible():
                widget.ui.skipButton.click()
                return
        QTimer.singleShot(20, skip_when_shown)

    QTimer.singleShot(20, skip_when_shown)
    assert maybe_show_tour(None, settings) is True
    assert maybe_show_tour(None, settings) is False  # seen: not again


def test_tour_title_scales_with_the_system_font(qtbot) -> None:
    from PySide6.QtWidgets import QLabel

    from wir_manager.qt.dialogs.tour import TourDialog

    app = QApplication.instance()
    # Copies: ``font = app.font()`` and changing ``font`` would change ``original`` too
    # (one Python wrapper), and the 16 pt font leaked into every later test (#16.5).
    original = QFont(app.font())
    try:
        sizes = []
        for points in (10, 16):
            font = QFont(original)
            font.setPointSize(points)
            app.setFont(font)
            dialog = TourDialog()
            qtbot.addWidget(dialog)
            title = dialog.ui.pages.widget(0).findChild(QLabel, "tourTitle")
            sizes.append(title.font().pointSizeF())
        assert sizes[1] > sizes[0]
        assert sizes[1] == pytest.approx(16 * 1.5)
    finally:
        app.setFont(original)
    assert app.font().pointSizeF() == original.pointSizeF() != 16


@pytest.mark.parametrize("code", ["en", "sv"])
def test_the_guide_and_the_help_list_every_shortcut_the_window_has(
    qtbot, db, tmp_path: Path, language, code: str
) -> None:
    """The keyboard table of the guide and Help → Keyboard shortcuts name exactly the keys
    the window binds (the guide said Ctrl+1 … Ctrl+5 with seven screens, and left out
    Ctrl+I and Ctrl+E)."""
    import re

    from PySide6.QtWidgets import QMessageBox

    from tests.qt_support import make_window
    from wir_manager.qt.views.registry import SCREENS

    language(code)
    window = make_window(db, tmp_path, qtbot)
    lines = window.shortcut_lines()
    keys = {k for k, _what in lines}
    assert {"Ctrl+I", "Ctrl+E", "F1", "Del", f"Ctrl+1 … Ctrl+{len(SCREENS)}"} <= keys
    assert all(what for _k, what in lines)
    text = guide.load_guide(code).markdown
    table = text[text.index("| F1 |") :].split("\n\n", 1)[0]
    in_guide = {re.match(r"\| ([^|]+?) \|", row)[1] for row in table.splitlines()}  # type: ignore[index]
    assert in_guide == keys
    window.ui.actionShortcuts.trigger()
    box = window.findChild(QMessageBox, "helpDialog")
    qtbot.waitUntil(lambda: box is not None and box.isVisible())
    shown = box.informativeText()
    for k, what in lines:
        assert f"<td style='padding-right: 18px'>{k}</td><td>{what}</td>" in shown
    if code == "sv":
        assert "Importera kandidater" in shown and "Byt vy" in shown
    box.close()


@pytest.mark.parametrize("code", ["en", "sv"])
def test_guide_contents_show_every_heading_whole(qtbot, code: str) -> None:
    """Seen in the dialog tour: the guide's contents pane, 220 px wide, cut off its
    longest headings ("Training progress from learning p…", "Importera kandidater och
    utbildnin…") behind a horizontal scroll bar, in both languages. At the size the
    guide opens at, every heading is in view (wrapped when it is very long)."""
    from wir_manager.qt.dialogs.guide_dialog import GuideDialog

    dialog = GuideDialog(language=code)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    contents = dialog.ui.contentsList
    viewport = contents.viewport().rect()
    assert contents.horizontalScrollBar().maximum() == 0
    metrics = contents.fontMetrics()
    for row in range(contents.count()):
        item = contents.item(row)
        rect = contents.visualItemRect(item)
        assert rect.left() >= 0 and rect.right() <= viewport.right(), item.text()
        # one line when it fits the pane, else taller: never cut at the right
        if metrics.horizontalAdvance(item.text()) > rect.width():
            assert rect.height() > metrics.height() * 1.5, item.text()
    dialog.close()
