"""What every screen receives: the unlocked database, the task runner and settings."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings

from wir_manager.qt.tasks import TaskRunner
from wir_manager.storage.database import Database


@dataclass
class AppContext:
    db: Database
    tasks: TaskRunner
    settings: QSettings
