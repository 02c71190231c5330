"""About: version, where the data and logs live, and the licence."""

from __future__ import annotations

from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtWidgets import QDialog, QWidget

from wir_manager import __version__, logsetup
from wir_manager.qt import theme
from wir_manager.qt.forms.ui_about_dialog import Ui_AboutDialog
from wir_manager.qt.settings import SETTINGS_FILE
from wir_manager.storage.paths import config_dir, data_dir


class AboutDialog(QDialog):
    def __init__(self, db_path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_AboutDialog()
        self.ui.setupUi(self)
        self.setWindowIcon(theme.app_icon())
        self.ui.iconLabel.setPixmap(theme.app_icon().pixmap(64, 64))
        font = self.ui.titleLabel.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.ui.titleLabel.setFont(font)
        self.ui.versionLabel.setText(
            self.tr("Version {version} (Qt for Python {qt})").format(
                version=__version__, qt=pyside_version
            )
        )
        rows = [
            (self.tr("Open database"), str(db_path) if db_path else self.tr("none")),
            (self.tr("Data folder"), str(data_dir())),
            (self.tr("Settings"), str(config_dir() / SETTINGS_FILE)),
            (self.tr("Log file"), str(logsetup.log_file())),
        ]
        self.ui.locationsLabel.setText("\n".join(f"{label}: {value}" for label, value in rows))
        self.ui.licenceLabel.setText(
            self.tr(
                "Free software under the GNU General Public License, version 3 or later. "
                "It comes with no warranty."
            )
        )
        # Wide enough that ordinary data paths fit on one line each.
        self.setMinimumWidth(max(560, self.fontMetrics().horizontalAdvance("M") * 48))
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.buttonBox.accepted.connect(self.accept)
