"""Help → User guide: the bundled Markdown guide in a browser with contents and search.

The text and its screenshots come from :mod:`wir_manager.services.guide`; this dialog
only renders them. It is modeless and kept as one instance per parent, so F1 brings the
same window back to the front instead of stacking copies.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage, QTextCursor, QTextDocument
from PySide6.QtWidgets import QDialog, QListWidgetItem, QWidget

from wir_manager.qt.forms.ui_guide_dialog import Ui_GuideDialog
from wir_manager.services.guide import Guide, load_guide

# Widest a screenshot is drawn in the guide, in device-independent pixels.
IMAGE_WIDTH = 640


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, language: str | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_GuideDialog()
        self.ui.setupUi(self)
        self.ui.splitter.setStretchFactor(0, 1)
        self.ui.splitter.setStretchFactor(1, 4)
        self.ui.splitter.setSizes([220, 740])
        self.guide: Guide = load_guide(language)
        browser = self.ui.browser
        browser.setMarkdown(self.guide.markdown)
        self._fit_images()
        self._headings: list[int] = []  # block numbers of the headings, in order
        self._fill_contents()
        self._fit_contents()
        self.ui.contentsList.currentRowChanged.connect(self.show_section)
        self.ui.findEdit.returnPressed.connect(self.find_next)
        self.ui.findEdit.setFocus()

    # ------------------------------------------------------------------ building
    def _fit_images(self) -> None:
        """Shrink screenshots wider than IMAGE_WIDTH (Markdown cannot give a width).

        The document would scale them with the nearest pixel at paint time, which makes
        screenshot text unreadable, so each one is scaled smoothly once, at the screen's
        pixel ratio, and registered as the resource the image format points at.
        """
        doc = self.ui.browser.document()
        ratio = self.devicePixelRatioF() or 1.0
        done: set[str] = set()
        block = doc.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                fmt = fragment.charFormat()
                if fmt.isImageFormat():
                    image_format = fmt.toImageFormat()
                    name = image_format.name()
                    image = QImage(QUrl(name).toLocalFile())
                    if not image.isNull() and image.width() > IMAGE_WIDTH:
                        height = image.height() * IMAGE_WIDTH / image.width()
                        if name not in done:
                            scaled = image.scaledToWidth(
                                round(IMAGE_WIDTH * ratio),
                                Qt.TransformationMode.SmoothTransformation,
                            )
                            scaled.setDevicePixelRatio(ratio)
                            doc.addResource(
                                QTextDocument.ResourceType.ImageResource, QUrl(name), scaled
                            )
                            done.add(name)
                        image_format.setWidth(IMAGE_WIDTH)
                        image_format.setHeight(height)
                        cursor = QTextCursor(doc)
                        cursor.setPosition(fragment.position())
                        cursor.setPosition(
                            fragment.position() + fragment.length(),
                            QTextCursor.MoveMode.KeepAnchor,
                        )
                        cursor.setCharFormat(image_format)
                it += 1
            block = block.next()

    def _fill_contents(self) -> None:
        doc = self.ui.browser.document()
        block = doc.begin()
        while block.isValid():
            level = block.blockFormat().headingLevel()
            if 1 <= level <= 3:
                item = QListWidgetItem(("    " * (level - 1)) + block.text())
                item.setData(Qt.ItemDataRole.AccessibleTextRole, block.text())
                self.ui.contentsList.addItem(item)
                self._headings.append(block.blockNumber())
            block = block.next()

    def _fit_contents(self) -> None:
        """The contents pane as wide as its longest heading, leaving the text room for
        a screenshot; a heading longer than that wraps. At a fixed 220 px the longest
        ("Training progress from learning platforms", "Importera kandidater och
        utbildning") ran under the splitter, behind a horizontal scroll bar."""
        contents = self.ui.contentsList
        contents.setWordWrap(True)
        contents.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        metrics = contents.fontMetrics()
        texts = [contents.item(row).text() for row in range(contents.count())]
        widest = max((metrics.horizontalAdvance(text) for text in texts), default=0)
        # frame, the vertical scroll bar and the item's own padding
        chrome = 2 * contents.frameWidth() + contents.verticalScrollBar().sizeHint().width() + 12
        total = self.width() - self.ui.splitter.handleWidth()
        left = min(widest + chrome, total - IMAGE_WIDTH - 40)
        left = max(left, 160)
        self.ui.splitter.setSizes([left, total - left])

    # ------------------------------------------------------------------ navigation
    def section_titles(self) -> list[str]:
        doc = self.ui.browser.document()
        return [doc.findBlockByNumber(n).text() for n in self._headings]

    def show_section(self, row: int) -> None:
        if not 0 <= row < len(self._headings):
            return
        doc = self.ui.browser.document()
        block = doc.findBlockByNumber(self._headings[row])
        top = doc.documentLayout().blockBoundingRect(block).top()
        self.ui.browser.verticalScrollBar().setValue(int(top))

    def show_section_titled(self, title: str) -> bool:
        """Scroll to the first heading whose text contains ``title`` (case-insensitive)."""
        for row, text in enumerate(self.section_titles()):
            if title.casefold() in text.casefold():
                self.ui.contentsList.setCurrentRow(row)
                self.show_section(row)
                return True
        return False

    def find_next(self) -> bool:
        """Select the next match of the search text, wrapping to the top once."""
        text = self.ui.findEdit.text().strip()
        if not text:
            return False
        browser = self.ui.browser
        if browser.find(text):
            return True
        browser.moveCursor(QTextCursor.MoveOperation.Start)
        return browser.find(text)


def show_guide(
    parent: QWidget | None = None, section: str | None = None, language: str | None = None
) -> GuideDialog:
    """Open (or raise) the user guide, optionally at a section; returns the dialog."""
    existing = parent.findChild(GuideDialog) if parent is not None else None
    dialog = existing if isinstance(existing, GuideDialog) else GuideDialog(parent, language)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    if section:
        dialog.show_section_titled(section)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
