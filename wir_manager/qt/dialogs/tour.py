"""First-run tour: one short page per screen, shown once after the welcome flow.

The welcome flow (``wir_manager.qt.app`` / the welcome dialog) calls
:func:`maybe_show_tour` after the database is created and demo data (if any) is in;
Help → Tour calls :func:`show_tour` directly. Pages show the real screen's screenshot
from ``resources/screenshots/<lang>/<screen>.png`` when one was generated.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from wir_manager import i18n
from wir_manager.qt import settings as opts
from wir_manager.qt.forms.ui_tour_dialog import Ui_TourDialog
from wir_manager.services.guide import screenshot_path
from wir_manager.storage.paths import resources_dir

# QSettings key set once the user finished or skipped the tour, so it is offered once.

# Widest a screenshot is shown in the tour, in device-independent pixels.
PICTURE_WIDTH = 560
# The app icon on the welcome and closing pages.
APP_ICON = "wir-manager.svg"
ICON_SIZE = 128


@dataclass(frozen=True)
class TourPage:
    title: str
    text: str
    screenshot: str | None = None  # file name under resources/screenshots/<lang>/


class TourDialog(QDialog):
    """A paged dialog: Back / Next (Finish on the last page) / Skip tour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_TourDialog()
        self.ui.setupUi(self)
        self.finished_tour = False
        for page in self.tour_pages():
            self.ui.pages.addWidget(self._build_page(page))
        self.ui.backButton.clicked.connect(self.back)
        self.ui.nextButton.clicked.connect(self.next)
        self.ui.skipButton.clicked.connect(self.reject)
        self._update()
        self.ui.nextButton.setFocus()

    def tour_pages(self) -> list[TourPage]:
        """The pages, in order; texts are short on purpose (the guide has the detail)."""
        return [
            TourPage(
                self.tr("Welcome to WiR Manager"),
                self.tr(
                    "This short tour shows the screens you will work with. It takes a "
                    "minute, and you can open it again at any time from the Help menu."
                ),
            ),
            TourPage(
                self.tr("Candidates"),
                self.tr(
                    "Everyone in the pool: search by name, username, email or affiliate, "
                    "filter by stage, language level, platform skill or topic, and edit a "
                    "candidate's profile, languages, training, consent and notes."
                ),
                "candidates.png",
            ),
            TourPage(
                self.tr("Placement requests"),
                self.tr(
                    "What each organisation asks for: languages and platform skills with "
                    "a minimum level marked required, preferred or nice to have, topics, "
                    "duty station or remote work, dates and the number of positions."
                ),
                "requests.png",
            ),
            TourPage(
                self.tr("Training"),
                self.tr(
                    "The programme's modules and who has completed them. A candidate who "
                    "has completed every mandatory module is ready to be proposed."
                ),
                "training.png",
            ),
            TourPage(
                self.tr("Shortlists"),
                self.tr(
                    "For each request, a ranked list of eligible candidates with a score "
                    "you can read part by part, the near misses and why, and the dossier "
                    "you send to the organisation."
                ),
                "shortlists.png",
            ),
            TourPage(
                self.tr("Privacy & audit"),
                self.tr(
                    "Who changed what and when, which candidates were disclosed to whom, "
                    "consent and retention, subject access exports, erasure and backups."
                ),
                "privacy.png",
            ),
            TourPage(
                self.tr("You are ready"),
                self.tr(
                    "Press F1 at any time to open the user guide. Your data stays in one "
                    "encrypted file on this computer: lock it with Ctrl+L when you leave "
                    "your desk."
                ),
            ),
        ]

    def _build_page(self, page: TourPage) -> QWidget:
        widget = QWidget()
        layout = QVBoxLayout(widget)
        title = QLabel(page.title)
        font = title.font()
        # Relative to the system font, so the heading scales with the user's text size.
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        title.setWordWrap(True)
        title.setObjectName("tourTitle")
        layout.addWidget(title)
        text = QLabel(page.text)
        text.setWordWrap(True)
        text.setObjectName("tourText")
        text.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        layout.addWidget(text)
        path = (
            screenshot_path(page.screenshot, i18n.current_language()) if page.screenshot else None
        )
        if path is not None:
            pixmap = QPixmap(str(path))
            if not pixmap.isNull():
                picture = QLabel()
                picture.setPixmap(
                    pixmap.scaledToWidth(
                        min(PICTURE_WIDTH, pixmap.width()),
                        Qt.TransformationMode.SmoothTransformation,
                    )
                )
                picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
                picture.setAccessibleName(self.tr("Screenshot: %1").replace("%1", page.title))
                layout.addWidget(picture, 1)
        elif (resources_dir() / "icons" / APP_ICON).is_file():
            # Pages about the app as a whole show its icon instead of a screen.
            icon = QLabel()
            icon.setObjectName("tourIcon")
            icon.setPixmap(
                QIcon(str(resources_dir() / "icons" / APP_ICON)).pixmap(ICON_SIZE, ICON_SIZE)
            )
            icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addStretch(1)
            layout.addWidget(icon)
        layout.addStretch(0 if path else 1)
        widget.setAccessibleName(page.title)
        return widget

    # ------------------------------------------------------------------ navigation
    def page_count(self) -> int:
        return self.ui.pages.count()

    def current_index(self) -> int:
        return self.ui.pages.currentIndex()

    def back(self) -> None:
        self.ui.pages.setCurrentIndex(max(0, self.current_index() - 1))
        self._update()

    def next(self) -> None:
        if self.current_index() >= self.page_count() - 1:
            self.finished_tour = True
            self.accept()
            return
        self.ui.pages.setCurrentIndex(self.current_index() + 1)
        self._update()

    def _update(self) -> None:
        index, count = self.current_index(), self.page_count()
        self.ui.backButton.setEnabled(index > 0)
        last = index == count - 1
        self.ui.nextButton.setText(self.tr("&Finish") if last else self.tr("&Next"))
        self.ui.nextButton.setAccessibleName(
            self.tr("Finish the tour") if last else self.tr("Next page")
        )
        self.ui.skipButton.setVisible(not last)
        self.ui.stepLabel.setText(
            self.tr("Page %1 of %2").replace("%1", str(index + 1)).replace("%2", str(count))
        )
        current = self.ui.pages.currentWidget()
        if current is not None:
            self.setWindowTitle(self.tr("Tour: %1").replace("%1", current.accessibleName()))


def show_tour(parent: QWidget | None = None, settings: QSettings | None = None) -> bool:
    """Show the tour modally; True when the user went through to the end.

    With ``settings``, records that the tour was seen (finished or skipped).
    """
    dialog = TourDialog(parent)
    dialog.exec()
    if settings is not None:
        opts.TOUR_SEEN.set(settings, True)
    return dialog.finished_tour


def maybe_show_tour(parent: QWidget | None, settings: QSettings) -> bool:
    """Show the tour once per user (first run); returns whether it was shown."""
    if opts.TOUR_SEEN.get(settings):
        return False
    show_tour(parent, settings)
    return True
